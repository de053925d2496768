"""Edits of an annotation session as commands with do and undo, and a plain undo stack.

Each command writes through the editing port (:mod:`annotator.services.editing`), one store
transaction per do and per undo, so an edit is saved the moment it is made and its undo the
moment it is undone. Commands know the port only, never the session that builds them. The
window feeds the same commands into a QUndoStack; :class:`UndoStack` is the Qt-free twin the
tests and scripts use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from annotator.core.model import DocStatus, EventLink, RelationFrame, Span
from annotator.services.editing import EditingPort, start_edit

__all__ = ["AddSpan", "DeleteSpan", "RelabelSpan", "ResizeSpan", "SetStatus", "UndoStack",
           "start_edit"]


class Command(Protocol):
    """One undoable edit."""

    @property
    def description(self) -> str:
        """A short text for menus and messages: "Add ACTOR “…”" ..."""
        ...

    def do(self, port: EditingPort) -> None:
        """Apply the edit (again, after an undo)."""
        ...

    def undo(self, port: EditingPort) -> None:
        """Revert the edit."""
        ...


@dataclass(slots=True)
class AddSpan:
    """Add ``span`` to the document ``document_id``.

    A first span moves a "new" document to "in_progress" (a done one back to it), in the same
    transaction; undo moves it back.
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

    def do(self, port: EditingPort) -> None:
        status, self._status_before = start_edit(port, self.document_id)
        self.stored = port.add_span(
            self.document_id, self.span, replaces=self._last_id, status=status
        )
        self._last_id = self.stored.id

    def undo(self, port: EditingPort) -> None:
        assert self.stored is not None and self.stored.id is not None
        port.delete_span(self.document_id, self.stored.id, status=self._status_before)
        self.stored = None
        self._status_before = None


@dataclass(slots=True)
class DeleteSpan:
    """Delete the span ``span_id`` (undo puts it back with the same offsets, label and attrs,
    and in the events it stood in)."""

    document_id: int
    span_id: int
    text: str = ""
    removed: Span | None = field(default=None, init=False)
    _links: tuple[EventLink, ...] = field(default=(), init=False)
    _relations: tuple[RelationFrame, ...] = field(default=(), init=False)
    _status_before: DocStatus | None = field(default=None, init=False)

    @property
    def description(self) -> str:
        return f"Delete “{self.text}”" if self.text else "Delete span"

    def do(self, port: EditingPort) -> None:
        status, self._status_before = start_edit(port, self.document_id)
        # Read at the version the delete carries: the store cascades them away.
        self._links = port.span_links(self.document_id, self.span_id)
        self._relations = port.span_relations(self.document_id, self.span_id)
        self.removed = port.delete_span(self.document_id, self.span_id, status=status)

    def undo(self, port: EditingPort) -> None:
        assert self.removed is not None
        port.restore_span(
            self.document_id, self.removed, status=self._status_before, links=self._links,
            relations=self._relations,
        )
        self._status_before = None


@dataclass(slots=True)
class RelabelSpan:
    """Give the span ``span_id`` the label ``label`` (and ``attrs``, when given: a date's
    value appears or goes with the label)."""

    document_id: int
    span_id: int
    label: str
    attrs: Mapping[str, Any] | None = None
    _label_before: str | None = field(default=None, init=False)
    _attrs_before: dict[str, Any] | None = field(default=None, init=False)
    _status_before: DocStatus | None = field(default=None, init=False)

    @property
    def description(self) -> str:
        return f"Relabel as {self.label}"

    def do(self, port: EditingPort) -> None:
        status, self._status_before = start_edit(port, self.document_id)
        before = port.update_span(
            self.document_id, self.span_id, label=self.label, attrs=self.attrs, status=status
        )
        self._label_before = before.label
        self._attrs_before = dict(before.attrs) if self.attrs is not None else None

    def undo(self, port: EditingPort) -> None:
        assert self._label_before is not None
        port.update_span(
            self.document_id,
            self.span_id,
            label=self._label_before,
            attrs=self._attrs_before,
            status=self._status_before,
        )
        self._status_before = None


@dataclass(slots=True)
class ResizeSpan:
    """Move the edges of the span ``span_id`` to ``[start, end)``; same id and label, and the
    same attrs unless ``attrs`` are given (a date's automatic value follows its text)."""

    document_id: int
    span_id: int
    start: int
    end: int
    attrs: Mapping[str, Any] | None = None
    _before: tuple[int, int] | None = field(default=None, init=False)
    _attrs_before: dict[str, Any] | None = field(default=None, init=False)
    _status_before: DocStatus | None = field(default=None, init=False)

    @property
    def description(self) -> str:
        return f"Resize span to {self.start}–{self.end}"

    def do(self, port: EditingPort) -> None:
        status, self._status_before = start_edit(port, self.document_id)
        before = port.update_span(
            self.document_id, self.span_id, offsets=(self.start, self.end), attrs=self.attrs,
            status=status,
        )
        self._before = (before.start, before.end)
        self._attrs_before = dict(before.attrs) if self.attrs is not None else None

    def undo(self, port: EditingPort) -> None:
        assert self._before is not None
        port.update_span(
            self.document_id, self.span_id, offsets=self._before, attrs=self._attrs_before,
            status=self._status_before,
        )
        self._status_before = None


@dataclass(slots=True)
class SetStatus:
    """Set a document's status (new, in_progress, done, skipped)."""

    document_id: int
    status: DocStatus
    _status_before: DocStatus | None = field(default=None, init=False)

    @property
    def description(self) -> str:
        return f"Mark {self.status.replace('_', ' ')}"

    def do(self, port: EditingPort) -> None:
        self._status_before = port.set_status(self.document_id, self.status)

    def undo(self, port: EditingPort) -> None:
        assert self._status_before is not None
        port.set_status(self.document_id, self._status_before)


@dataclass(slots=True)
class LabelOccurrences:
    """Add many spans, in one or many documents, as one edit (label all occurrences).

    One undo removes them all. The port stores one span per transaction, so a do that fails
    midway takes back the spans it already added before it re-raises: the edit lands whole or
    not at all.
    """

    label: str
    items: list[tuple[int, Span]]  # (document id, span to add)
    # The stored spans after do(), in order, with the status each document had before.
    stored: list[tuple[int, Span, DocStatus | None]] = field(default_factory=list, init=False)

    @property
    def description(self) -> str:
        return f"Label {len(self.items)} occurrence(s) {self.label}"

    def do(self, port: EditingPort) -> None:
        self.stored = []
        try:
            for document_id, span in self.items:
                status, before = start_edit(port, document_id)
                stored = port.add_span(document_id, span, status=status)
                self.stored.append((document_id, stored, before))
        except BaseException:
            self.undo(port)
            raise

    def undo(self, port: EditingPort) -> None:
        # Last added first: the first span of a document carries its old status back.
        while self.stored:
            document_id, span, before = self.stored[-1]
            assert span.id is not None
            port.delete_span(document_id, span.id, status=before)
            self.stored.pop()


class UndoStack:
    """A linear undo/redo history of commands, without Qt."""

    def __init__(self, port: EditingPort, *, limit: int = 1000) -> None:
        self._port = port
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._limit = limit
        self.changed: list[Callable[[], None]] = []

    def push(self, command: Command) -> None:
        """Apply ``command`` and remember it; any redo history is dropped."""
        command.do(self._port)
        self._done.append(command)
        del self._done[: max(0, len(self._done) - self._limit)]
        self._undone.clear()
        self._notify()

    def undo(self) -> bool:
        """Undo the last command; False when there is nothing to undo."""
        if not self._done:
            return False
        command = self._done.pop()
        command.undo(self._port)
        self._undone.append(command)
        self._notify()
        return True

    def redo(self) -> bool:
        """Redo the last undone command; False when there is nothing to redo."""
        if not self._undone:
            return False
        command = self._undone.pop()
        command.do(self._port)
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
