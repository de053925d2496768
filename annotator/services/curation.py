"""Curating a document: the candidates from every annotator, and saving the curated layer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from annotator.core.curation import (
    CURATION,
    Candidate,
    EventCandidate,
    curated_layer,
    event_candidates,
)
from annotator.core.curation import (
    candidates as span_candidates,
)
from annotator.core.model import Document, Event, Span
from annotator.services.writer import store_failures


class CurationStore(Protocol):
    """The repository methods curation uses (annotator.store.repository.Repository)."""

    def open_document(
        self, document_id: int, *, annotator: str | None = None
    ) -> tuple[Document, int]: ...
    def replace_layer(
        self,
        document_id: int,
        annotator: str,
        spans: Sequence[Span],
        *,
        expected_version: int | None = None,
        events: Sequence[Event] = (),
    ) -> list[Span]: ...


class Curation:
    """One document being curated: its span and event candidates, as read at one version."""

    def __init__(self, store: CurationStore, document_id: int) -> None:
        self._store = store
        with store_failures():
            document, self.version = store.open_document(document_id)
        assert document.id is not None
        self.document = document
        self.annotators, self.candidates = span_candidates(document.spans)
        self.events: list[EventCandidate] = event_candidates(document, self.annotators)

    def save(
        self, spans: Sequence[Span], events: Sequence[EventCandidate] = ()
    ) -> list[Span]:
        """Store ``spans`` and the kept ``events`` as the curated layer, in one transaction.

        An event brings the spans it is built on into the layer. EditConflict when the
        document changed since it was read (nothing is stored then); ValueError for a span
        that does not fit the text.
        """
        assert self.document.id is not None
        layer, curated_events = curated_layer(spans, events)
        for span in layer:
            if self.document.text[span.start : span.end] != span.text:
                raise ValueError(f"span {span.start}-{span.end} does not fit the text")
        with store_failures():
            stored = self._store.replace_layer(
                self.document.id, CURATION, layer, expected_version=self.version,
                events=curated_events,
            )
        self.version += 1
        return stored


__all__ = ["CURATION", "Candidate", "Curation", "EventCandidate"]
