"""The document list at any corpus size: pages in corpus order, neighbours, counts, titles.

Every function is one query through an index on (project, position) or (project, status,
position): the cost of a page, a "next document" or a count does not grow with the project.
Keyset paging (after the last (position, id) shown), never OFFSET over the list.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, not_, select
from sqlalchemy.engine import Connection

from annotator.core.model import DocStatus
from annotator.store.checks import check_status
from annotator.store.documents import DocumentSummary
from annotator.store.rows import DOCUMENTS, SPANS, schema_of

# Characters of the text read to find a title: the first line of an article is shorter.
_TITLE_SOURCE = 400
TITLE_LENGTH = 120


def title_of(head: str, meta: Any, name: str) -> str:
    """``meta["title"]`` if it is a non-empty string, else the first line of ``head``, else
    ``name``; cut to TITLE_LENGTH characters."""
    title = meta.get("title") if isinstance(meta, dict) else None
    if not (isinstance(title, str) and title.strip()):
        title = next((line for line in head.split("\n") if line.strip()), name)
    title = " ".join(title.split())
    return title if len(title) <= TITLE_LENGTH else title[: TITLE_LENGTH - 1] + "…"


def _where(project_id: int, status: DocStatus | None) -> list[Any]:
    clauses: list[Any] = [DOCUMENTS.c.project_id == project_id]
    if status is not None:
        clauses.append(DOCUMENTS.c.status == status)
    return clauses


def _after(position: Any, document_id: int) -> Any:
    # (position, id) > (p, i) as a range on position (what the index serves) minus the few
    # rows at position p itself; positions are unique in a project, ids only break ties.
    return and_(
        DOCUMENTS.c.position >= position,
        not_(and_(DOCUMENTS.c.position == position, DOCUMENTS.c.id <= document_id)),
    )


def _before(position: Any, document_id: int) -> Any:
    return and_(
        DOCUMENTS.c.position <= position,
        not_(and_(DOCUMENTS.c.position == position, DOCUMENTS.c.id >= document_id)),
    )


def document_page(
    conn: Connection,
    project_id: int,
    status: DocStatus | None,
    after: tuple[int, int] | None,
    limit: int | None,
    through: int | None = None,
) -> list[DocumentSummary]:
    """Up to ``limit`` documents in corpus order after ``after`` = (position, id) and up to
    position ``through``, with titles and span counts (an index count per document)."""
    span_count = (
        select(func.count())
        .where(SPANS.c.document_id == DOCUMENTS.c.id)
        .correlate(DOCUMENTS)
        .scalar_subquery()
    )
    query = select(
        DOCUMENTS.c.id,
        DOCUMENTS.c.name,
        DOCUMENTS.c.status,
        DOCUMENTS.c.position,
        DOCUMENTS.c.meta,
        func.substr(DOCUMENTS.c.text, 1, _TITLE_SOURCE).label("head"),
        span_count.label("n"),
    ).where(*_where(project_id, status))
    if after is not None:
        query = query.where(_after(*after))
    if through is not None:
        query = query.where(DOCUMENTS.c.position <= through)
    query = query.order_by(DOCUMENTS.c.position, DOCUMENTS.c.id)
    if limit is not None:
        query = query.limit(limit)
    schema_of(conn, project_id)  # StoreError for a project that does not exist
    return [
        DocumentSummary(
            id=int(r.id),
            name=str(r.name),
            status=check_status(r.status),
            span_count=int(r.n),
            position=int(r.position),
            title=title_of(str(r.head), r.meta, str(r.name)),
        )
        for r in conn.execute(query)
    ]


def neighbour(
    conn: Connection,
    project_id: int,
    document_id: int | None,
    step: int,
    status: DocStatus | None,
) -> int | None:
    """The document ``step`` places after (negative: before) ``document_id`` in corpus order,
    counting only documents with ``status`` if given; None past either end. One query."""
    if step == 0:
        return document_id
    query = select(DOCUMENTS.c.id).where(*_where(project_id, status))
    forward = step > 0
    offset = 0
    if document_id is not None:
        # The open document's position as a subquery: one statement, one round trip.
        mine = DOCUMENTS.alias("mine")
        here = select(mine.c.position).where(mine.c.id == document_id).scalar_subquery()
        query = query.where(
            _after(here, document_id) if forward else _before(here, document_id)
        )
        offset = abs(step) - 1
    order = (
        (DOCUMENTS.c.position, DOCUMENTS.c.id)
        if forward
        else (DOCUMENTS.c.position.desc(), DOCUMENTS.c.id.desc())
    )
    found = conn.execute(query.order_by(*order).limit(1).offset(offset)).scalar()
    return None if found is None else int(found)


def document_position(conn: Connection, project_id: int, document_id: int) -> int | None:
    """The document's position in the project (from 0); None if it is not in the project."""
    found = conn.execute(
        select(DOCUMENTS.c.position).where(
            DOCUMENTS.c.id == document_id, DOCUMENTS.c.project_id == project_id
        )
    ).scalar()
    return None if found is None else int(found)


def count_documents(conn: Connection, project_id: int, status: DocStatus | None) -> int:
    """How many documents the project has (with ``status``, if given)."""
    return int(
        conn.execute(select(func.count()).where(*_where(project_id, status))).scalar_one()
    )
