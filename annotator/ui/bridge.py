"""The Qt side of an annotation session: its changes as one signal, its commands on a QUndoStack."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.messages import message_of
from annotator.services.changes import Change
from annotator.services.commands import Command
from annotator.services.editing import EditConflict, EditingPort, StoreFailure
from annotator.services.session import AnnotationSession
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.texts import command_text, message_text, redo_text, undo_text

_log = logging.getLogger(__name__)
_Action = Callable[[EditingPort], None]

CONFLICT_MESSAGE = QT_TRANSLATE_NOOP(
    "SessionBridge",
    "Someone else changed this document: it was reloaded with their change. "
    "Not saved: {what}. Repeat it if you still want it.",
)


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
        what = redo_text(command_text(self._command, self._bridge.session.schema))
        if not self._bridge.run(self._command.do, what):
            self._bridge.forget_history_later()

    def undo(self) -> None:
        what = undo_text(command_text(self._command, self._bridge.session.schema))
        if not self._bridge.run(self._command.undo, what):
            self._bridge.forget_history_later()


class SessionBridge(QObject):
    """Turns the session's changes into a signal and runs commands through a QUndoStack."""

    # Every change of the session (annotator.services.changes), once stored. A widget
    # handles the kinds it draws and ignores the rest.
    changed = Signal(object)
    # Someone else changed the open document: the edit was refused, the document reloaded.
    conflict_detected = Signal(str)  # the message for the annotator
    # An edit was not saved: what it was, and why (the store's words, or "unexpected error").
    edit_failed = Signal(str, str)
    # A short message for the status bar (a document that cannot be opened ...).
    message_posted = Signal(str)

    def __init__(self, session: AnnotationSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = QUndoStack(self)
        session.changes.subscribe(self._forward)

    def close(self) -> None:
        """Stop listening to the session."""
        self.session.changes.unsubscribe(self._forward)

    def execute(self, command: Command | None) -> bool:
        """Apply ``command`` now (stored at once) and put it on the undo stack.

        A refusal or failure is reported (``conflict_detected``, ``edit_failed``) and the
        command is not kept. False when nothing was done.
        """
        if command is None:
            return False
        if not self.run(command.do, command_text(command, self.session.schema)):
            return False
        self.undo_stack.push(_SessionUndoCommand(self, command))
        return True

    def open(self, document_id: int) -> bool:
        """Open a document; the undo history belongs to the document left behind."""
        try:
            self.session.open(document_id)
        except StoreFailure as exc:
            _log.warning("cannot open document %s: %s", document_id, exc)
            self.message_posted.emit(
                self.tr("Cannot open document {id}: {reason}").format(id=document_id, reason=exc)
            )
            return False
        self.undo_stack.clear()
        return True

    def check_for_changes(self) -> bool:
        """Pick up changes made elsewhere to the open document and the document list.

        True when the open document was reloaded or the list changed. The undo history is
        dropped when the open document changed: it no longer matches what is stored.
        """
        version = self.session.version
        try:
            changed = self.session.check_for_changes()
        except StoreFailure as exc:
            # The database is away for a moment: the next check tries again; edits say so.
            _log.warning("checking for changes failed: %s", exc)
            return False
        if changed and self.session.version != version:
            self.undo_stack.clear()
        return changed

    def forget_history_later(self) -> None:
        """Drop the undo history once the stack is idle (after a failed undo or redo).

        The history no longer matches what is stored. From the event loop: a QUndoStack must
        not be cleared from inside its own undo().
        """
        QTimer.singleShot(0, self.undo_stack.clear)

    def recover_later(self) -> None:
        """After a bug: reload the document from the store and drop the history, once idle."""
        QTimer.singleShot(0, self._recover)

    def _recover(self) -> None:
        self.undo_stack.clear()
        self._reload()

    def _reload(self) -> None:
        try:
            self.session.reload()
        except StoreFailure as exc:
            _log.warning("reload failed: %s", exc)
            self.message_posted.emit(
                self.tr("Cannot read the document again: {reason}").format(reason=exc)
            )

    def run(self, action: _Action, what: str) -> bool:
        """Run a command's do or undo (``what`` names it for messages); False if not saved."""
        try:
            action(self.session.writer)
        except EditConflict as exc:
            _log.info("edit refused, document changed elsewhere: %s", exc)
            # Shown at once with the other change; the history goes once the stack is idle.
            self._reload()
            self.forget_history_later()
            message = QCoreApplication.translate("SessionBridge", CONFLICT_MESSAGE)
            self.conflict_detected.emit(message.format(what=what))
            return False
        except StoreFailure as exc:
            _log.warning("not saved: %s", what, exc_info=True)
            # The store's reason in the interface language (a Message), else as it came.
            self.edit_failed.emit(what, message_text(message_of(exc)))
            return False
        except Exception:
            # A bug: written to the log with its traceback and shown in a dialog; the
            # document is read again so the window shows what is really stored.
            _log.exception("unexpected error; not saved: %s", what)
            self.edit_failed.emit(what, self.tr("an unexpected error"))
            self.recover_later()
            return False
        return True

    def _forward(self, change: Change) -> None:
        self.changed.emit(change)
