"""Curating a document: the candidates from every annotator, and saving the curated layer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from annotator.core.curation import CURATION, Candidate, candidates
from annotator.core.model import Document, Span
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
    ) -> list[Span]: ...


class Curation:
    """One document being curated: its candidates, as read at one version."""

    def __init__(self, store: CurationStore, document_id: int) -> None:
        self._store = store
        with store_failures():
            document, self.version = store.open_document(document_id)
        assert document.id is not None
        self.document = document
        self.annotators, self.candidates = candidates(document.spans)

    def save(self, spans: Sequence[Span]) -> list[Span]:
        """Store ``spans`` as the curated layer; EditConflict if the document changed."""
        assert self.document.id is not None
        for span in spans:
            if self.document.text[span.start : span.end] != span.text:
                raise ValueError(f"span {span.start}-{span.end} does not fit the text")
        with store_failures():
            stored = self._store.replace_layer(
                self.document.id, CURATION, spans, expected_version=self.version
            )
        self.version += 1
        return stored


__all__ = ["CURATION", "Candidate", "Curation"]
