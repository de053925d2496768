"""The project's documents in corpus order and moving between them (next, previous, filtered)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from annotator.core.model import DocStatus


class DocumentInfo(Protocol):
    """What the document list shows about one document (the store's DocumentSummary)."""

    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def status(self) -> DocStatus: ...
    @property
    def span_count(self) -> int: ...
    @property
    def position(self) -> int: ...


class DocumentLister(Protocol):
    """The repository methods navigation uses."""

    def list_documents(
        self, project_id: int, *, status: DocStatus | None = None
    ) -> Sequence[DocumentInfo]: ...


class DocumentNavigation:
    """The documents of one project, in corpus order."""

    def __init__(self, repository: DocumentLister, project_id: int) -> None:
        self._repository = repository
        self._project_id = project_id

    def documents(self, *, status: DocStatus | None = None) -> list[DocumentInfo]:
        """The project's documents in corpus order, optionally only those with ``status``."""
        return list(self._repository.list_documents(self._project_id, status=status))

    def neighbour(
        self, document_id: int | None, step: int, *, status: DocStatus | None = None
    ) -> int | None:
        """The document ``step`` places after (negative: before) ``document_id`` in corpus order.

        With ``status`` only documents with that status count; the current one need not have
        it. None past either end.
        """
        everything = self.documents()
        wanted = [d for d in everything if status is None or d.status == status]
        if not wanted:
            return None
        if document_id is None:
            return wanted[0].id if step > 0 else wanted[-1].id
        positions = {d.id: i for i, d in enumerate(everything)}
        here = positions.get(document_id, -1)
        if step > 0:
            after = [d for d in wanted if positions[d.id] > here]
            return after[step - 1].id if len(after) >= step else None
        before = [d for d in wanted if positions[d.id] < here]
        return before[step].id if len(before) >= -step else None
