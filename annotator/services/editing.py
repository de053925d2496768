"""The editing port: the writes a command may make, and how they fail.

Commands (:mod:`annotator.services.commands`) depend on this Protocol only, never on the
session, so the two do not import each other. :class:`annotator.services.writer.DocumentWriter`
implements it. Every method is one store transaction carrying the open document's version,
and has been stored when it returns.
"""

from __future__ import annotations

from typing import Protocol

from annotator.core.model import DocStatus, Span


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
        self, document_id: int, span: Span, *, status: DocStatus | None = None
    ) -> Span:
        """Put a deleted span back as it was (offsets, label, annotator, attrs)."""
        ...

    def update_span(
        self,
        document_id: int,
        span_id: int,
        *,
        label: str | None = None,
        offsets: tuple[int, int] | None = None,
        status: DocStatus | None = None,
    ) -> Span:
        """Give a span another label and/or offsets; returns it as it was before."""
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
