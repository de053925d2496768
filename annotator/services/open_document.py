"""The open document: its text, status, version and the annotator's spans, indexed for lookups.

Pure data, no store: the session fills it when a document opens and the writer keeps it in
step with each stored edit. The version is the one the store had when the spans were read,
raised by one with every edit made here; an edit carries it so that the store refuses it when
someone else changed the document meanwhile.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import Any

from annotator.core.model import (
    DocStatus,
    Document,
    EventFrame,
    RelationFrame,
    Span,
    frames_of,
    relation_frames_of,
)


def reading_order(span: Span) -> tuple[int, int, str, int]:
    """Reading order: start, end, label, then id so equal keys stay stable."""
    return (span.start, span.end, span.label, span.id if span.id is not None else -1)


class OpenDocument:
    """One document as one annotator sees it: their spans and the unassigned ones."""

    def __init__(self, document: Document, *, version: int, annotator: str) -> None:
        if document.id is None:
            raise ValueError("an open document comes from the store and has an id")
        self.document = document
        self.id: int = document.id
        self.status: DocStatus = document.status
        self.version = version
        # Another annotator's spans are never shown: agreement between annotators means
        # nothing if each one sees the other's work. Spans nobody owns (imported) are.
        visible = [s for s in document.spans if s.annotator in (annotator, None)]
        self._spans = sorted(visible, key=reading_order)
        self._orders = [reading_order(s) for s in self._spans]
        self._longest = max((s.end - s.start for s in self._spans), default=0)
        self.meta: Mapping[str, Any] = dict(document.meta)
        # The events built on shown spans only, in the order they were made.
        shown = {s.id for s in self._spans}
        self._events: dict[int, EventFrame] = {
            e.id: e for e in frames_of(document) if e.id is not None and e.span_ids() <= shown
        }

        # Relations are not edited here; they are kept so a deleted span's come back on undo.
        self._relations: dict[int, RelationFrame] = {
            r.id: r for r in relation_frames_of(document)
            if r.id is not None and {r.head, r.tail} <= shown
        }

    # ----- relations ---------------------------------------------------------------------
    def relations_of(self, span_id: int) -> tuple[RelationFrame, ...]:
        """The relations that end at span ``span_id``."""
        return tuple(r for r in self._relations.values() if span_id in (r.head, r.tail))

    def put_relation(self, relation: RelationFrame) -> None:
        assert relation.id is not None
        self._relations[relation.id] = relation

    def drop_relation(self, relation_id: int) -> None:
        self._relations.pop(relation_id, None)

    # ----- events ------------------------------------------------------------------------
    @property
    def events(self) -> tuple[EventFrame, ...]:
        """The events, oldest first."""
        return tuple(sorted(self._events.values(), key=lambda e: e.id or 0))

    def event(self, event_id: int) -> EventFrame | None:
        """The event with id ``event_id``, if there is one."""
        return self._events.get(event_id)

    def events_of(self, span_id: int) -> tuple[EventFrame, ...]:
        """The events that use span ``span_id`` (in a role or as trigger)."""
        return tuple(e for e in self.events if span_id in e.span_ids())

    def put_event(self, event: EventFrame) -> None:
        """Show a stored (new or changed) event."""
        assert event.id is not None
        self._events[event.id] = event

    def drop_event(self, event_id: int) -> None:
        """Stop showing an event."""
        self._events.pop(event_id, None)

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def spans(self) -> tuple[Span, ...]:
        """The spans shown, in reading order."""
        return tuple(self._spans)

    def find(self, span_id: int) -> Span | None:
        """The span with id ``span_id``, if it is shown."""
        for span in self._spans:
            if span.id == span_id:
                return span
        return None

    def spans_between(self, start: int, end: int) -> list[Span]:
        """The spans that share at least one character with ``[start, end)``, reading order."""
        lo = bisect.bisect_left(self._orders, (start - self._longest,))
        hi = bisect.bisect_left(self._orders, (end,))
        return [s for s in self._spans[lo:hi] if s.end > start and s.start < end]

    def insert(self, span: Span) -> None:
        """Show a stored span."""
        order = reading_order(span)
        i = bisect.bisect_left(self._orders, order)
        self._orders.insert(i, order)
        self._spans.insert(i, span)
        self._longest = max(self._longest, span.end - span.start)

    def remove(self, span: Span) -> None:
        """Stop showing a span (found by its place in reading order and its id)."""
        i = bisect.bisect_left(self._orders, reading_order(span))
        if i < len(self._spans) and self._spans[i].id == span.id:
            del self._spans[i]
            del self._orders[i]
