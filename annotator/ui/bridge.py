"""The Qt side of an annotation session: its callbacks as signals, its commands on a QUndoStack."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.model import DocStatus, Document, Span
from annotator.services.commands import Command
from annotator.services.session import AnnotationSession

_log = logging.getLogger(__name__)
_Action = Callable[[AnnotationSession], None]


class _SessionUndoCommand(QUndoCommand):
    """A session command on the QUndoStack; the first redo is skipped (already applied)."""

    def __init__(self, bridge: SessionBridge, command: Command) -> None:
        super().__init__(command.description)
        self._bridge = bridge
        self._command = command
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        if not self._bridge.run(self._command.do):
            self._bridge.recover_later()

    def undo(self) -> None:
        if not self._bridge.run(self._command.undo):
            self._bridge.recover_later()


class SessionBridge(QObject):
    """Turns session callbacks into signals and runs commands through a QUndoStack."""

    document_opened = Signal(object)  # Document
    span_added = Signal(object)  # Span
    span_removed = Signal(object)  # Span
    span_changed = Signal(object, object)  # old Span, new Span
    status_changed = Signal(int, str)  # document id, status
    error_occurred = Signal(str)  # a message for the user (the edit was not made)

    def __init__(self, session: AnnotationSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self._forwarder = _Forwarder(self)
        session.listeners.append(self._forwarder)

    def close(self) -> None:
        """Stop listening to the session."""
        if self._forwarder in self.session.listeners:
            self.session.listeners.remove(self._forwarder)

    def execute(self, command: Command | None) -> bool:
        """Apply ``command`` now (stored at once) and put it on the undo stack.

        A store error (database gone, a conflict) is reported through ``error_occurred`` and
        the command is not kept. False when nothing was done.
        """
        if command is None:
            return False
        if not self.run(command.do):
            return False
        self.undo_stack.push(_SessionUndoCommand(self, command))
        return True

    def open(self, document_id: int) -> bool:
        """Open a document; the undo history belongs to the document left behind."""
        try:
            self.session.open(document_id)
        except Exception as exc:  # the store's errors carry messages fit for users
            _log.info("open failed", exc_info=True)
            self.error_occurred.emit(f"Cannot open document {document_id}: {exc}")
            return False
        self.undo_stack.clear()
        return True

    def recover_later(self) -> None:
        """After a failed undo or redo: reload the document from the store, drop the history.

        The history no longer matches what is stored (someone else changed the document, or
        the database went away). Done from the event loop: a QUndoStack must not be cleared
        from inside its own undo().
        """
        QTimer.singleShot(0, self._recover)

    def _recover(self) -> None:
        self.undo_stack.clear()
        document_id = self.session.document_id
        if document_id is not None:
            self.open(document_id)

    def run(self, action: _Action) -> bool:
        """Run a command's do or undo, reporting a failure instead of raising."""
        try:
            action(self.session)
        except Exception as exc:  # any failure becomes a message, not a crash
            _log.info("edit failed", exc_info=True)  # shown to the user as a message
            self.error_occurred.emit(str(exc) or type(exc).__name__)
            return False
        return True


class _Forwarder:
    """The session's listener: each callback becomes the bridge's signal of the same name."""

    def __init__(self, bridge: SessionBridge) -> None:
        self._bridge = bridge

    def document_opened(self, document: Document) -> None:
        self._bridge.document_opened.emit(document)

    def span_added(self, span: Span) -> None:
        self._bridge.span_added.emit(span)

    def span_removed(self, span: Span) -> None:
        self._bridge.span_removed.emit(span)

    def span_changed(self, old: Span, new: Span) -> None:
        self._bridge.span_changed.emit(old, new)

    def status_changed(self, document_id: int, status: DocStatus) -> None:
        self._bridge.status_changed.emit(document_id, status)
