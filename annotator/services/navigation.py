"""The project's documents in the list's order and moving between them (next, previous)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from annotator.core.listing import Cursor, DocumentQuery
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
    @property
    def title(self) -> str: ...


class DocumentLister(Protocol):
    """The repository methods navigation uses."""

    def list_documents(
        self, project_id: int, *, status: DocStatus | None = None
    ) -> Sequence[DocumentInfo]: ...
    def document_page(
        self,
        project_id: int,
        *,
        status: DocStatus | None = None,
        after: Cursor | None = None,
        limit: int | None = 200,
        through: int | Cursor | None = None,
        query: DocumentQuery | None = None,
    ) -> Sequence[DocumentInfo]: ...
    def document_position(self, project_id: int, document_id: int) -> int | None: ...
    def document_cursor(
        self, project_id: int, document_id: int, *, query: DocumentQuery
    ) -> Cursor | None: ...
    def document_place(
        self, project_id: int, document_id: int, *, query: DocumentQuery
    ) -> tuple[int, int] | None: ...
    def count_documents(
        self,
        project_id: int,
        *,
        status: DocStatus | None = None,
        query: DocumentQuery | None = None,
    ) -> int: ...
    def neighbour(
        self,
        project_id: int,
        document_id: int | None,
        step: int,
        *,
        status: DocStatus | None = None,
        query: DocumentQuery | None = None,
    ) -> int | None: ...


class DocumentNavigation:
    """The documents of one project, in corpus order or the order of a DocumentQuery."""

    def __init__(self, repository: DocumentLister, project_id: int) -> None:
        self._repository = repository
        self._project_id = project_id

    def documents(self, *, status: DocStatus | None = None) -> list[DocumentInfo]:
        """The project's documents in corpus order, optionally only those with ``status``."""
        return list(self._repository.list_documents(self._project_id, status=status))

    def neighbour(
        self,
        document_id: int | None,
        step: int,
        *,
        status: DocStatus | None = None,
        query: DocumentQuery | None = None,
    ) -> int | None:
        """The document ``step`` places after (negative: before) ``document_id`` in the
        order of ``query`` (default: corpus order).

        Only documents the filters (or ``status``) let through count; the current one need
        not pass them. None past either end.
        """
        # One indexed query: nothing here may grow with the size of the project.
        return self._repository.neighbour(
            self._project_id, document_id, step, status=status, query=query
        )

    def document_page(
        self,
        *,
        status: DocStatus | None = None,
        after: Cursor | None = None,
        limit: int | None = 200,
        through: int | Cursor | None = None,
        query: DocumentQuery | None = None,
    ) -> list[DocumentInfo]:
        """Up to ``limit`` documents in ``query``'s order after cursor ``after`` and up to
        cursor ``through`` (keyset pages: the document list reads as it scrolls)."""
        return list(
            self._repository.document_page(
                self._project_id, status=status, after=after, limit=limit, through=through,
                query=query,
            )
        )

    def document_cursor(self, document_id: int, query: DocumentQuery) -> Cursor | None:
        """Where a document stands in ``query``'s order; None if it is not in the project."""
        return self._repository.document_cursor(self._project_id, document_id, query=query)

    def document_place(self, document_id: int, query: DocumentQuery) -> tuple[int, int] | None:
        """(place from 1, documents listed) under ``query``; None if filtered out."""
        return self._repository.document_place(self._project_id, document_id, query=query)

    def document_position(self, document_id: int) -> int | None:
        """The document's position in the project (from 0); None if it is not in it."""
        return self._repository.document_position(self._project_id, document_id)

    def document_count(
        self, *, status: DocStatus | None = None, query: DocumentQuery | None = None
    ) -> int:
        """How many documents the project has (with ``status``, or that ``query`` lists)."""
        return self._repository.count_documents(self._project_id, status=status, query=query)
