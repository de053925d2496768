"""Edits of an annotation session as commands with do and undo, and a plain undo stack.

Each command writes through the session (which writes through the repository at once), so
an edit is saved the moment it is made and its undo is saved the moment it is undone. The
window feeds the same commands into a QUndoStack; :class:`UndoStack` is the Qt-free twin the
tests and scripts use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from annotator.core.model import DocStatus, Span

if TYPE_CHECKING:
    from annotator.services.session import AnnotationSession


class Command(Protocol):
    """One undoable edit."""

    @property
    def description(self) -> str:
        """A short text for menus: "Add ACTOR" ..."""
        ...

    def do(self, session: AnnotationSession) -> None:
        """Apply the edit (again, after an undo)."""
        ...

    def undo(self, session: AnnotationSession) -> None:
        """Revert the edit."""
        ...


@dataclass(slots=True)
class AddSpan:
    """Add ``span`` to the document ``document_id``.

    A first span moves a "new" document to "in_progress"; undo moves it back.
    """

    document_id: int
    span: Span
    # The stored span (with its id) after do(); None while undone.
    stored: Span | None = field(default=None, init=False)
    _status_before: DocStatus | None = field(default=None, init=False)
    _last_id: int | None = field(default=None, init=False)

    @property
    def description(self) -> str:
        return f"Add {self.span.label} “{self.span.text}”"

    def do(self, session: AnnotationSession) -> None:
        replaces = self._last_id
        self.stored = session.store_add(self.document_id, self.span, replaces=replaces)
        self._last_id = self.stored.id
        status = session.document_status(self.document_id)
        if status == "new":
            self._status_before = status
            session.store_status(self.document_id, "in_progress")

    def undo(self, session: AnnotationSession) -> None:
        assert self.stored is not None and self.stored.id is not None
        session.store_delete(self.document_id, self.stored.id)
        self.stored = None
        if self._status_before is not None:
            session.store_status(self.document_id, self._status_before)
            self._status_before = None


@dataclass(slots=True)
class DeleteSpan:
    """Delete the span ``span_id`` (undo puts it back with the same offsets, label and attrs)."""

    document_id: int
    span_id: int
    removed: Span | None = field(default=None, init=False)

    @property
    def description(self) -> str:
        return "Delete span"

    def do(self, session: AnnotationSession) -> None:
        self.removed = session.store_delete(self.document_id, self.span_id)

    def undo(self, session: AnnotationSession) -> None:
        assert self.removed is not None
        session.store_restore(self.document_id, self.removed)


@dataclass(slots=True)
class RelabelSpan:
    """Give the span ``span_id`` the label ``label``."""

    document_id: int
    span_id: int
    label: str
    _label_before: str | None = field(default=None, init=False)

    @property
    def description(self) -> str:
        return f"Relabel as {self.label}"

    def do(self, session: AnnotationSession) -> None:
        before = session.store_relabel(self.document_id, self.span_id, self.label)
        self._label_before = before.label

    def undo(self, session: AnnotationSession) -> None:
        assert self._label_before is not None
        session.store_relabel(self.document_id, self.span_id, self._label_before)


@dataclass(slots=True)
class SetStatus:
    """Set a document's status (new, in_progress, done, skipped)."""

    document_id: int
    status: DocStatus
    _status_before: DocStatus | None = field(default=None, init=False)

    @property
    def description(self) -> str:
        return f"Mark {self.status.replace('_', ' ')}"

    def do(self, session: AnnotationSession) -> None:
        self._status_before = session.document_status(self.document_id)
        session.store_status(self.document_id, self.status)

    def undo(self, session: AnnotationSession) -> None:
        assert self._status_before is not None
        session.store_status(self.document_id, self._status_before)


class UndoStack:
    """A linear undo/redo history of commands, without Qt."""

    def __init__(self, session: AnnotationSession, *, limit: int = 1000) -> None:
        self._session = session
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._limit = limit
        self.changed: list[Callable[[], None]] = []

    def push(self, command: Command) -> None:
        """Apply ``command`` and remember it; any redo history is dropped."""
        command.do(self._session)
        self._done.append(command)
        del self._done[: max(0, len(self._done) - self._limit)]
        self._undone.clear()
        self._notify()

    def undo(self) -> bool:
        """Undo the last command; False when there is nothing to undo."""
        if not self._done:
            return False
        command = self._done.pop()
        command.undo(self._session)
        self._undone.append(command)
        self._notify()
        return True

    def redo(self) -> bool:
        """Redo the last undone command; False when there is nothing to redo."""
        if not self._undone:
            return False
        command = self._undone.pop()
        command.do(self._session)
        self._done.append(command)
        self._notify()
        return True

    def clear(self) -> None:
        """Forget the history (the edits themselves stay saved)."""
        self._done.clear()
        self._undone.clear()
        self._notify()

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    def _notify(self) -> None:
        for callback in self.changed:
            callback()
