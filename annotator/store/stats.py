"""Counts for the statistics panel, and the annotators a database knows.

Span counts come from ``span_counts``, which every span write keeps up to date in its own
transaction; ``counted_spans`` counts the rows themselves, for tests and checks.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from annotator.store import sql_reads
from annotator.store.rows import ANNOTATORS, DOCUMENTS, SPAN_COUNTS, SPANS


def stats(conn: Connection, project_id: int) -> dict[str, Any]:
    """Counts: documents, by_status, spans, by_label, by_annotator ("(none)" if unnamed).

    The SQL of ``sql_reads.stats``, which ``annotator stats`` also runs over sqlite3 alone.
    """
    return sql_reads.stats(conn.connection, conn.dialect.name, project_id)


def annotators(conn: Connection) -> list[str]:
    """Names of every annotator known to the database, sorted."""
    return list(conn.execute(select(ANNOTATORS.c.name).order_by(ANNOTATORS.c.name)).scalars())


def counted_spans(conn: Connection, project_id: int) -> dict[tuple[str, str | None], int]:
    """Spans of a project by (label, annotator name), counted from the span rows."""
    rows = conn.execute(
        select(SPANS.c.label, ANNOTATORS.c.name, func.count())
        .join(DOCUMENTS, DOCUMENTS.c.id == SPANS.c.document_id)
        .outerjoin(ANNOTATORS, ANNOTATORS.c.id == SPANS.c.annotator_id)
        .where(DOCUMENTS.c.project_id == project_id)
        .group_by(SPANS.c.label, ANNOTATORS.c.name)
    )
    return {(str(label), name): int(n) for label, name, n in rows}


def stored_span_counts(conn: Connection, project_id: int) -> dict[tuple[str, str | None], int]:
    """The stored counts of a project by (label, annotator name), zeros left out."""
    rows = conn.execute(
        select(SPAN_COUNTS.c.label, ANNOTATORS.c.name, SPAN_COUNTS.c.n)
        .outerjoin(ANNOTATORS, ANNOTATORS.c.id == SPAN_COUNTS.c.annotator_id)
        .where(SPAN_COUNTS.c.project_id == project_id, SPAN_COUNTS.c.n != 0)
    )
    return {(str(label), name): int(n) for label, name, n in rows}
