"""The editing port: the writes a command may make, and how they fail.

Commands (:mod:`annotator.services.commands`) depend on this Protocol only, never on the
session, so the two do not import each other. :class:`annotator.services.writer.DocumentWriter`
implements it. Every method is one store transaction carrying the open document's version,
and has been stored when it returns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from annotator.core.model import DocStatus, EventFrame, EventLink, RelationFrame, Span


class StoreFailure(Exception):
    """The store refused or could not make an edit; nothing of it was stored.

    The message is written for the annotator (the store's own words).
    """


class EditConflict(StoreFailure):
    """Someone else changed the document since it was read: the edit was refused."""


class EditingPort(Protocol):
    """The writes of commands. ``status``, when given, is stored with the edit, in one go."""

    def document_status(self, document_id: int) -> DocStatus:
        """The document's status as this session knows it."""
        ...

    def add_span(
        self,
        document_id: int,
        span: Span,
        *,
        replaces: int | None = None,
        status: DocStatus | None = None,
    ) -> Span:
        """Store ``span``; returns it with its id. ``replaces``: its id from an earlier do."""
        ...

    def delete_span(
        self, document_id: int, span_id: int, *, status: DocStatus | None = None
    ) -> Span:
        """Delete a span; returns it as it was (for undo)."""
        ...

    def restore_span(
        self,
        document_id: int,
        span: Span,
        *,
        status: DocStatus | None = None,
        links: Sequence[EventLink] = (),
        relations: Sequence[RelationFrame] = (),
    ) -> Span:
        """Put a deleted span back as it was (offsets, label, annotator, attrs), in the
        events it stood in (``links``) and with the relations that ended at it."""
        ...

    def span_links(self, document_id: int, span_id: int) -> tuple[EventLink, ...]:
        """Where span ``span_id`` stands in the document's events (read before a delete)."""
        ...

    def span_relations(self, document_id: int, span_id: int) -> tuple[RelationFrame, ...]:
        """The relations that end at span ``span_id`` (read before a delete)."""
        ...

    def update_span(
        self,
        document_id: int,
        span_id: int,
        *,
        label: str | None = None,
        offsets: tuple[int, int] | None = None,
        attrs: Mapping[str, Any] | None = None,
        status: DocStatus | None = None,
    ) -> Span:
        """Give a span another label, offsets and/or attributes; returns it as it was before."""
        ...

    def set_meta(
        self,
        document_id: int,
        meta: Mapping[str, Any],
        *,
        span_attrs: Mapping[int, Mapping[str, Any]],
    ) -> tuple[dict[str, Any], dict[int, dict[str, Any]]]:
        """Store a document's metadata and new attributes of some of its spans, in one go;
        returns both as they were before."""
        ...

    def add_event(
        self, document_id: int, event: EventFrame, *, status: DocStatus | None = None
    ) -> EventFrame:
        """Store an event (roles as span ids); returns it with its id. An event that has an id
        (undone earlier) comes back under it."""
        ...

    def update_event(
        self, document_id: int, event: EventFrame, *, status: DocStatus | None = None
    ) -> EventFrame:
        """Give the event ``event.id`` the type and roles of ``event``; returns it as it was."""
        ...

    def delete_event(
        self, document_id: int, event_id: int, *, status: DocStatus | None = None
    ) -> EventFrame:
        """Delete an event (its spans stay); returns it as it was."""
        ...

    def set_status(self, document_id: int, status: DocStatus) -> DocStatus:
        """Set a document's status; returns the status it had."""
        ...


def status_after_span_edit(before: DocStatus) -> DocStatus | None:
    """The status a document takes when one of its spans is edited; None: it keeps its own.

    An edit means work on the document is under way: a new one starts, and a done (or
    skipped) one goes back to in progress, visibly, until it is marked done again. Undo puts
    the old status back.
    """
    return None if before == "in_progress" else "in_progress"


def start_edit(
    port: EditingPort, document_id: int
) -> tuple[DocStatus | None, DocStatus | None]:
    """(status to store with an edit, status to put back on undo); None: unchanged."""
    before = port.document_status(document_id)
    after = status_after_span_edit(before)
    return after, (before if after is not None else None)
