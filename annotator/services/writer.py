"""The editing port over the repository: one transaction per edit, with the expected version.

Each write goes to the store at once, carrying the version the open document was read at, so
an edit made after someone else changed the document is refused (:class:`EditConflict`) and
nothing is stored. Once stored, the open document is updated and the change published.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from annotator.core.model import (
    DocStatus,
    Document,
    EventLink,
    RelationFrame,
    Span,
    frames_of,
    relation_frames_of,
)
from annotator.services.changes import (
    ChangeFeed,
    DateSet,
    EventChanged,
    SpanAdded,
    SpanChanged,
    SpanRemoved,
    StatusChanged,
)
from annotator.services.event_writer import EventStore, EventWriting
from annotator.services.event_writer import store_failures as store_failures
from annotator.services.open_document import OpenDocument

__all__ = ["DocumentWriter", "EditingStore", "store_failures"]


class EditingStore(EventStore, Protocol):
    """The repository methods edits use (annotator.store.repository.Repository)."""

    def get_document(self, document_id: int, *, annotator: str | None = None) -> Document: ...
    def add_span(
        self,
        document_id: int,
        span: Span,
        *,
        annotator: str,
        expected_version: int | None = None,
        status: DocStatus | None = None,
    ) -> Span: ...
    def delete_span(
        self,
        span_id: int,
        *,
        expected_version: int | None = None,
        status: DocStatus | None = None,
    ) -> None: ...
    def update_span(
        self,
        span_id: int,
        *,
        label: str | None = None,
        attrs: Mapping[str, Any] | None = None,
        offsets: tuple[int, int] | None = None,
        expected_version: int | None = None,
        status: DocStatus | None = None,
    ) -> Span: ...
    def restore_span(
        self,
        document_id: int,
        span: Span,
        *,
        annotator: str | None = None,
        expected_version: int | None = None,
        status: DocStatus | None = None,
        links: Sequence[EventLink] = (),
        relations: Sequence[RelationFrame] = (),
    ) -> Span: ...
    def set_status(
        self, document_id: int, status: DocStatus, *, expected_version: int | None = None
    ) -> None: ...


class DocumentWriter(EventWriting):
    """Implements the editing port for one annotator (events and metadata: EventWriting)."""

    _repository: EditingStore

    def __init__(
        self,
        repository: EditingStore,
        *,
        annotator: str,
        current: Callable[[], OpenDocument | None],
        changes: ChangeFeed,
    ) -> None:
        self._repository = repository
        self._annotator = annotator
        self._current = current
        self._changes = changes
        # A span deleted and put back, or added again by a redo, may get a new id; commands
        # made earlier still name the old one.
        self._aliases: dict[int, int] = {}
        # Edits stored so far: each raised one document's version by exactly one.
        self.edits_stored = 0

    def resolve(self, span_id: int) -> int:
        """The current id of a span that may have been deleted and put back under a new id."""
        seen = set()
        while span_id in self._aliases and span_id not in seen:
            seen.add(span_id)
            span_id = self._aliases[span_id]
        return span_id

    # ----- the port ------------------------------------------------------------------------
    def document_status(self, document_id: int) -> DocStatus:
        open_doc = self._open(document_id)
        if open_doc is not None:
            return open_doc.status
        with store_failures():
            return self._repository.get_document(document_id).status

    def add_span(
        self,
        document_id: int,
        span: Span,
        *,
        replaces: int | None = None,
        status: DocStatus | None = None,
    ) -> Span:
        open_doc = self._open(document_id)
        before = self.document_status(document_id) if status is not None else None
        with store_failures():
            stored = self._repository.add_span(
                document_id,
                span,
                annotator=self._annotator,
                expected_version=self._expected(open_doc),
                status=status,
            )
        assert stored.id is not None
        if replaces is not None and replaces != stored.id:
            self._aliases[replaces] = stored.id
        if open_doc is not None:
            open_doc.insert(stored)
            self._changes.publish(SpanAdded(stored))
        self._status_stored(open_doc, document_id, status, before)
        return stored

    def delete_span(
        self, document_id: int, span_id: int, *, status: DocStatus | None = None
    ) -> Span:
        span_id = self.resolve(span_id)
        open_doc = self._open(document_id)
        span = self._span(open_doc, document_id, span_id)
        before = self.document_status(document_id) if status is not None else None
        with store_failures():
            self._repository.delete_span(
                span_id, expected_version=self._expected(open_doc), status=status
            )
        if open_doc is not None:
            open_doc.remove(span)
            for rel in open_doc.relations_of(span_id):
                assert rel.id is not None
                open_doc.drop_relation(rel.id)
            # The store dropped the span's places in events (foreign keys): so does the window.
            for event in open_doc.events_of(span_id):
                changed = event.without(span_id)
                open_doc.put_event(changed)
                self._changes.publish(EventChanged(event, changed))
            self._changes.publish(SpanRemoved(span))
        self._status_stored(open_doc, document_id, status, before)
        return span

    def span_links(self, document_id: int, span_id: int) -> tuple[EventLink, ...]:
        span_id = self.resolve(span_id)
        open_doc = self._open(document_id)
        if open_doc is not None:
            events = open_doc.events
        else:
            with store_failures():
                events = frames_of(self._repository.get_document(document_id))
        return tuple(link for event in events for link in event.links_of(span_id))

    def span_relations(self, document_id: int, span_id: int) -> tuple[RelationFrame, ...]:
        span_id = self.resolve(span_id)
        open_doc = self._open(document_id)
        if open_doc is not None:
            return open_doc.relations_of(span_id)
        with store_failures():
            relations = relation_frames_of(self._repository.get_document(document_id))
        return tuple(r for r in relations if span_id in (r.head, r.tail))

    def restore_span(
        self,
        document_id: int,
        span: Span,
        *,
        status: DocStatus | None = None,
        links: Sequence[EventLink] = (),
        relations: Sequence[RelationFrame] = (),
    ) -> Span:
        open_doc = self._open(document_id)
        before = self.document_status(document_id) if status is not None else None
        with store_failures():
            # Back exactly as it was, unassigned (imported) spans included.
            restored = self._repository.restore_span(
                document_id,
                span,
                annotator=None,
                expected_version=self._expected(open_doc),
                status=status,
                links=links,
                relations=relations,
            )
        assert restored.id is not None and span.id is not None
        if restored.id != span.id:
            self._aliases[span.id] = restored.id
        if open_doc is not None:
            open_doc.insert(restored)
            self._changes.publish(SpanAdded(restored))
            for rel in relations:
                open_doc.put_relation(RelationFrame(
                    rel.type,
                    restored.id if rel.head == span.id else rel.head,
                    restored.id if rel.tail == span.id else rel.tail,
                    rel.id,
                    rel.attrs,
                ))
            for link in links:
                event = open_doc.event(link.event_id)
                if event is not None:
                    back = event.with_link(link, restored.id)
                    open_doc.put_event(back)
                    self._changes.publish(EventChanged(event, back))
        self._status_stored(open_doc, document_id, status, before)
        return restored

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
        span_id = self.resolve(span_id)
        open_doc = self._open(document_id)
        old = self._span(open_doc, document_id, span_id)
        before = self.document_status(document_id) if status is not None else None
        with store_failures():
            new = self._repository.update_span(
                span_id,
                label=label,
                offsets=offsets,
                attrs=attrs,
                expected_version=self._expected(open_doc),
                status=status,
            )
        if open_doc is not None:
            open_doc.remove(old)
            open_doc.insert(new)
            if label is None and offsets is None:
                self._changes.publish(DateSet(old, new))
            else:
                self._changes.publish(SpanChanged(old, new))
        self._status_stored(open_doc, document_id, status, before)
        return old

    def set_status(self, document_id: int, status: DocStatus) -> DocStatus:
        open_doc = self._open(document_id)
        before = self.document_status(document_id)
        with store_failures():
            self._repository.set_status(
                document_id, status, expected_version=self._expected(open_doc)
            )
        self._status_stored(open_doc, document_id, status, before)
        return before

    # ----- internals -----------------------------------------------------------------------
    def _open(self, document_id: int) -> OpenDocument | None:
        open_doc = self._current()
        return open_doc if open_doc is not None and open_doc.id == document_id else None

    @staticmethod
    def _expected(open_doc: OpenDocument | None) -> int | None:
        # Only the open document's version is known: it was read with its spans. Another
        # document (an undo after moving on) is written without a check.
        return open_doc.version if open_doc is not None else None

    def _status_stored(
        self,
        open_doc: OpenDocument | None,
        document_id: int,
        status: DocStatus | None,
        before: DocStatus | None,
    ) -> None:
        # Called once after each stored edit: the edit raised the version by exactly one.
        self.edits_stored += 1
        if open_doc is not None:
            open_doc.version += 1
        if status is None or before is None:
            return
        if open_doc is not None:
            open_doc.status = status
        self._changes.publish(StatusChanged(document_id, status, before))

    def _span(self, open_doc: OpenDocument | None, document_id: int, span_id: int) -> Span:
        if open_doc is not None:
            span = open_doc.find(span_id)
            if span is not None:
                return span
            raise KeyError(span_id)
        # An edit (undo) of a document that is not open: read the span from the store.
        with store_failures():
            for span in self._repository.get_document(document_id).spans:
                if span.id == span_id:
                    return span
        raise KeyError(span_id)
