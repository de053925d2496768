"""The editing port's event and metadata writes: one store transaction each, versioned.

A part of :class:`annotator.services.writer.DocumentWriter` (which mixes it in), kept apart so
the span writes and the event writes each stay a readable size.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, Protocol

from annotator.core.messages import message_of
from annotator.core.model import DocStatus, Document, Event, EventFrame, frames_of
from annotator.services.changes import (
    ChangeFeed,
    DateSet,
    EventAdded,
    EventChanged,
    EventRemoved,
    MetaChanged,
)
from annotator.services.editing import EditConflict, StoreFailure
from annotator.services.open_document import OpenDocument
from annotator.store.errors import ConflictError, StoreError


class EventStore(Protocol):
    """The repository methods event and metadata edits use."""

    def get_document(self, document_id: int, *, annotator: str | None = None) -> Document: ...
    def add_event(
        self,
        document_id: int,
        event: Event,
        span_ids: Mapping[str, Sequence[int]],
        *,
        trigger: int | None = None,
        expected_version: int | None = None,
        status: DocStatus | None = None,
        event_id: int | None = None,
        event_refs: Mapping[str, Sequence[int]] | None = None,
    ) -> int: ...
    def update_event(
        self,
        frame: EventFrame,
        *,
        expected_version: int | None = None,
        status: DocStatus | None = None,
    ) -> None: ...
    def delete_event(
        self,
        event_id: int,
        *,
        expected_version: int | None = None,
        status: DocStatus | None = None,
    ) -> None: ...
    def set_document_meta(
        self,
        document_id: int,
        meta: Mapping[str, Any],
        *,
        expected_version: int | None = None,
        span_attrs: Mapping[int, Mapping[str, Any]] | None = None,
    ) -> None: ...


@contextmanager
def store_failures() -> Iterator[None]:
    """The store's refusals as the session's own errors (the window knows no store)."""
    try:
        yield
    except ConflictError as exc:
        raise EditConflict(message_of(exc)) from exc
    except StoreError as exc:
        raise StoreFailure(message_of(exc)) from exc


class EventWriting:
    """Event and metadata writes of the editing port (mixed into DocumentWriter)."""

    _repository: EventStore
    _changes: ChangeFeed

    # Provided by DocumentWriter.
    def _open(self, document_id: int) -> OpenDocument | None:
        raise NotImplementedError

    @staticmethod
    def _expected(open_doc: OpenDocument | None) -> int | None:
        raise NotImplementedError

    def document_status(self, document_id: int) -> DocStatus:
        raise NotImplementedError

    def resolve(self, span_id: int) -> int:
        raise NotImplementedError

    def _status_stored(
        self,
        open_doc: OpenDocument | None,
        document_id: int,
        status: DocStatus | None,
        before: DocStatus | None,
    ) -> None:
        raise NotImplementedError

    # ----- events --------------------------------------------------------------------------
    def add_event(
        self, document_id: int, event: EventFrame, *, status: DocStatus | None = None
    ) -> EventFrame:
        event = self._resolved(event)
        open_doc = self._open(document_id)
        before = self.document_status(document_id) if status is not None else None
        with store_failures():
            event_id = self._repository.add_event(
                document_id,
                Event(type=event.type, attrs=event.attrs),
                event.roles,
                trigger=event.trigger,
                expected_version=self._expected(open_doc),
                status=status,
                event_id=event.id,
                event_refs=event.event_args,
            )
        stored = replace(event, roles=dict(event.roles), id=event_id)
        if open_doc is not None:
            open_doc.put_event(stored)
            self._changes.publish(EventAdded(stored))
        self._status_stored(open_doc, document_id, status, before)
        return stored

    def update_event(
        self, document_id: int, event: EventFrame, *, status: DocStatus | None = None
    ) -> EventFrame:
        event = self._resolved(event)
        assert event.id is not None
        open_doc = self._open(document_id)
        old = self._event(open_doc, document_id, event.id)
        before = self.document_status(document_id) if status is not None else None
        with store_failures():
            self._repository.update_event(
                event, expected_version=self._expected(open_doc), status=status
            )
        if open_doc is not None:
            open_doc.put_event(event)
            self._changes.publish(EventChanged(old, event))
        self._status_stored(open_doc, document_id, status, before)
        return old

    def delete_event(
        self, document_id: int, event_id: int, *, status: DocStatus | None = None
    ) -> EventFrame:
        open_doc = self._open(document_id)
        old = self._event(open_doc, document_id, event_id)
        before = self.document_status(document_id) if status is not None else None
        with store_failures():
            self._repository.delete_event(
                event_id, expected_version=self._expected(open_doc), status=status
            )
        if open_doc is not None:
            open_doc.drop_event(event_id)
            self._changes.publish(EventRemoved(old))
        self._status_stored(open_doc, document_id, status, before)
        return old

    # ----- metadata --------------------------------------------------------------------------
    def set_meta(
        self,
        document_id: int,
        meta: Mapping[str, Any],
        *,
        span_attrs: Mapping[int, Mapping[str, Any]],
    ) -> tuple[dict[str, Any], dict[int, dict[str, Any]]]:
        open_doc = self._open(document_id)
        span_attrs = {self.resolve(k): v for k, v in span_attrs.items()}
        if open_doc is not None:
            meta_before = dict(open_doc.meta)
            spans = {s.id: s for s in open_doc.spans if s.id in span_attrs}
        else:
            with store_failures():
                stored = self._repository.get_document(document_id)
            meta_before = dict(stored.meta)
            spans = {s.id: s for s in stored.spans if s.id in span_attrs}
        missing = set(span_attrs) - set(spans)
        if missing:
            raise EditConflict(f"span {min(missing)} is no longer there; reload the document")
        attrs_before = {sid: dict(spans[sid].attrs) for sid in span_attrs}
        with store_failures():
            self._repository.set_document_meta(
                document_id,
                meta,
                expected_version=self._expected(open_doc),
                span_attrs=span_attrs,
            )
        if open_doc is not None:
            open_doc.meta = dict(meta)
            self._changes.publish(MetaChanged(document_id, dict(meta), meta_before))
            for span_id, attrs in span_attrs.items():
                old = spans[span_id]
                new = replace(old, attrs=dict(attrs))
                open_doc.remove(old)
                open_doc.insert(new)
                self._changes.publish(DateSet(old, new))
        self._status_stored(open_doc, document_id, None, None)
        return meta_before, attrs_before

    # ----- internals -----------------------------------------------------------------------
    def _resolved(self, event: EventFrame) -> EventFrame:
        # Spans deleted and put back under a new id: the event names them as they are now.
        return replace(
            event,
            roles={role: tuple(self.resolve(s) for s in refs)
                   for role, refs in event.roles.items()},
            trigger=None if event.trigger is None else self.resolve(event.trigger),
        )

    def _event(self, open_doc: OpenDocument | None, document_id: int, event_id: int
               ) -> EventFrame:
        if open_doc is not None:
            event = open_doc.event(event_id)
            if event is None:
                raise KeyError(event_id)
            return event
        # An undo on a document that is no longer open: read the event from the store.
        with store_failures():
            for frame in frames_of(self._repository.get_document(document_id)):
                if frame.id == event_id:
                    return frame
        raise StoreFailure(f"event {event_id} does not exist")
