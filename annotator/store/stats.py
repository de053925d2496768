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


def spans_per_day(conn: Connection, project_id: int) -> dict[str, dict[str, int]]:
    """The project's spans by the day they were created (``YYYY-MM-DD``, the database's
    clock), per annotator name ("(none)" if unnamed): annotator -> day -> count.

    Counts the span rows (one grouped pass over the project's spans, through the document
    index): the Statistics window asks for it, and only after a pause in editing.
    """
    day = func.date(SPANS.c.created_at)
    rows = conn.execute(
        select(day.label("day"), ANNOTATORS.c.name, func.count())
        .join(DOCUMENTS, DOCUMENTS.c.id == SPANS.c.document_id)
        .outerjoin(ANNOTATORS, ANNOTATORS.c.id == SPANS.c.annotator_id)
        .where(DOCUMENTS.c.project_id == project_id)
        .group_by(day, ANNOTATORS.c.name)
    )
    out: dict[str, dict[str, int]] = {}
    for when, name, n in rows:
        key = "(none)" if name is None else str(name)
        # SQLite gives the text of the date, PostgreSQL a date: both as YYYY-MM-DD.
        out.setdefault(key, {})[str(when)[:10]] = int(n)
    return {name: dict(sorted(days.items())) for name, days in sorted(out.items())}


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
