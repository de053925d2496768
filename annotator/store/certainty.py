"""How sure the suggestion model is of each document, and documents in least-sure order.

The model scores a document when it tags it (after training, and in ``annotator suggest``);
the score is kept here so that "least sure first" is one query on an index over
(project, certainty, document id) instead of a pass of the model over the corpus. Pages
are keyset pages: the next one starts after the last (certainty, id) of the one before, so
a page costs the same at the start and at the end of a large project.

Functions take the caller's Connection; the Repository facade runs each in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, delete, insert, or_, select
from sqlalchemy.engine import Connection

from annotator.core.model import DocStatus
from annotator.store.checks import check_status
from annotator.store.errors import StoreError
from annotator.store.rows import DOCUMENTS, chunks
from annotator.store.tables import DOCUMENT_CERTAINTY

CERTAINTY = DOCUMENT_CERTAINTY


def set_certainties(conn: Connection, scores: Sequence[tuple[int, float]], model: str) -> int:
    """Store (document id, certainty) pairs given by ``model``, in place of earlier ones.

    Returns how many were stored; StoreError for a document that does not exist or a
    certainty outside 0-1.
    """
    projects: dict[int, int] = {}
    ids = [doc_id for doc_id, _ in scores]
    for part in chunks(ids):
        for doc_id, project_id in conn.execute(
            select(DOCUMENTS.c.id, DOCUMENTS.c.project_id).where(DOCUMENTS.c.id.in_(part))
        ):
            projects[doc_id] = project_id
    rows = []
    for doc_id, value in scores:
        if doc_id not in projects:
            raise StoreError(f"document {doc_id} does not exist (deleted meanwhile?)")
        if not 0.0 <= value <= 1.0:
            raise StoreError(f"a certainty is between 0 and 1, not {value!r}")
        rows.append({"document_id": doc_id, "project_id": projects[doc_id],
                     "certainty": float(value), "model": model})
    for part in chunks(ids):
        conn.execute(delete(CERTAINTY).where(CERTAINTY.c.document_id.in_(part)))
    for part in chunks(rows):
        conn.execute(insert(CERTAINTY), list(part))
    return len(rows)


def least_sure(
    conn: Connection, project_id: int, *, status: DocStatus | None = "new",
    after: tuple[float, int] | None = None, limit: int = 100,
) -> list[tuple[int, float]]:
    """(document id, certainty) of the project's scored documents with ``status`` (any when
    None), least sure first, ties by id; the page after ``after`` = (certainty, id) of the
    last row of the page before. Documents never scored are not listed."""
    if limit < 1:
        return []
    stmt = (
        select(CERTAINTY.c.document_id, CERTAINTY.c.certainty)
        .where(CERTAINTY.c.project_id == project_id)
        .order_by(CERTAINTY.c.certainty, CERTAINTY.c.document_id)
        .limit(limit)
    )
    if status is not None:
        check_status(status)
        stmt = stmt.join(DOCUMENTS, DOCUMENTS.c.id == CERTAINTY.c.document_id).where(
            DOCUMENTS.c.status == status)
    if after is not None:
        value, doc_id = after
        # Spelled out rather than a row-value comparison, which not every SQLite has; the
        # index on (project, certainty, id) serves both forms.
        stmt = stmt.where(or_(
            CERTAINTY.c.certainty > value,
            and_(CERTAINTY.c.certainty == value, CERTAINTY.c.document_id > doc_id),
        ))
    return [(int(r[0]), float(r[1])) for r in conn.execute(stmt)]
