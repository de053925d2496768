"""Undoable edits of events, date values and the publication date.

Like the span commands (:mod:`annotator.services.commands`), each do and each undo is one store
transaction through the editing port, carrying the open document's version; an edit of a new
or done document sets it in progress in the same transaction, and undo puts the status back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import DocStatus, EventFrame
from annotator.services.editing import EditingPort, start_edit


@dataclass(slots=True)
class AddEvent:
    """Add ``event`` (roles as span ids) to the document; undo deletes it, redo puts it back
    under the same id."""

    document_id: int
    event: EventFrame
    title: str = ""
    stored: EventFrame | None = field(default=None, init=False)
    _status_before: DocStatus | None = field(default=None, init=False)

    @property
    def description(self) -> str:
        return f"Add event {self.title or self.event.type}"

    def do(self, port: EditingPort) -> None:
        status, self._status_before = start_edit(port, self.document_id)
        # After an undo the event comes back under the id it had.
        self.stored = port.add_event(self.document_id, self.stored or self.event, status=status)

    def undo(self, port: EditingPort) -> None:
        assert self.stored is not None and self.stored.id is not None
        port.delete_event(self.document_id, self.stored.id, status=self._status_before)
        self._status_before = None


@dataclass(slots=True)
class ChangeEvent:
    """Give the event ``event.id`` the type, roles and trigger of ``event``."""

    document_id: int
    event: EventFrame
    what: str = "Change event"
    _before: EventFrame | None = field(default=None, init=False)
    _status_before: DocStatus | None = field(default=None, init=False)

    @property
    def description(self) -> str:
        return self.what

    def do(self, port: EditingPort) -> None:
        status, self._status_before = start_edit(port, self.document_id)
        self._before = port.update_event(self.document_id, self.event, status=status)

    def undo(self, port: EditingPort) -> None:
        assert self._before is not None
        port.update_event(self.document_id, self._before, status=self._status_before)
        self._status_before = None


@dataclass(slots=True)
class DeleteEvent:
    """Delete the event ``event_id`` (its spans stay); undo puts it back under its id."""

    document_id: int
    event_id: int
    title: str = ""
    removed: EventFrame | None = field(default=None, init=False)
    _status_before: DocStatus | None = field(default=None, init=False)

    @property
    def description(self) -> str:
        return f"Delete event {self.title}".rstrip()

    def do(self, port: EditingPort) -> None:
        status, self._status_before = start_edit(port, self.document_id)
        self.removed = port.delete_event(self.document_id, self.event_id, status=status)

    def undo(self, port: EditingPort) -> None:
        assert self.removed is not None
        port.add_event(self.document_id, self.removed, status=self._status_before)
        self._status_before = None


@dataclass(slots=True)
class SetDateValue:
    """Give the date span ``span_id`` new attributes (the annotator's value, or the rules')."""

    document_id: int
    span_id: int
    attrs: Mapping[str, Any]
    what: str = "Set date value"
    _before: dict[str, Any] | None = field(default=None, init=False)
    _status_before: DocStatus | None = field(default=None, init=False)

    @property
    def description(self) -> str:
        return self.what

    def do(self, port: EditingPort) -> None:
        status, self._status_before = start_edit(port, self.document_id)
        old = port.update_span(self.document_id, self.span_id, attrs=self.attrs, status=status)
        self._before = dict(old.attrs)

    def undo(self, port: EditingPort) -> None:
        assert self._before is not None
        port.update_span(
            self.document_id, self.span_id, attrs=self._before, status=self._status_before
        )
        self._status_before = None


@dataclass(slots=True)
class SetMeta:
    """Store a document's metadata (a new publication date) and the automatic date values it
    moves, in one transaction; undo puts back both."""

    document_id: int
    meta: Mapping[str, Any]
    span_attrs: Mapping[int, Mapping[str, Any]]
    what: str = "Set publication date"
    _before: tuple[dict[str, Any], dict[int, dict[str, Any]]] | None = field(
        default=None, init=False
    )

    @property
    def description(self) -> str:
        return self.what

    def do(self, port: EditingPort) -> None:
        self._before = port.set_meta(self.document_id, self.meta, span_attrs=self.span_attrs)

    def undo(self, port: EditingPort) -> None:
        assert self._before is not None
        meta, attrs = self._before
        port.set_meta(self.document_id, meta, span_attrs=attrs)
