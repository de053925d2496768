"""Counts for the statistics panel, and the annotators a database knows.

Span counts come from ``span_counts``, which every span write keeps up to date in its own
transaction; ``counted_spans`` counts the rows themselves, for tests and checks.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from annotator.core.model import DOC_STATUSES
from annotator.store.rows import ANNOTATORS, DOCUMENTS, SPAN_COUNTS, SPANS, schema_of


def stats(conn: Connection, project_id: int) -> dict[str, Any]:
    """Counts: documents, by_status, spans, by_label, by_annotator ("(none)" if unnamed)."""
    schema = schema_of(conn, project_id)
    by_status = dict.fromkeys(DOC_STATUSES, 0)
    for status, n in conn.execute(
        select(DOCUMENTS.c.status, func.count())
        .where(DOCUMENTS.c.project_id == project_id)
        .group_by(DOCUMENTS.c.status)
    ):
        by_status[status] = int(n)
    # The stored counts (a few rows per label and annotator), not a count of every span.
    in_project = (
        select(SPAN_COUNTS.c.label, ANNOTATORS.c.name.label("annotator"), SPAN_COUNTS.c.n)
        .outerjoin(ANNOTATORS, ANNOTATORS.c.id == SPAN_COUNTS.c.annotator_id)
        .where(SPAN_COUNTS.c.project_id == project_id, SPAN_COUNTS.c.n != 0)
    )
    by_label = dict.fromkeys(schema.names, 0)
    by_annotator: dict[str, int] = {}
    total = 0
    for label, name, n in conn.execute(in_project):
        by_label[label] = by_label.get(label, 0) + int(n)
        key = "(none)" if name is None else str(name)
        by_annotator[key] = by_annotator.get(key, 0) + int(n)
        total += int(n)
    return {
        "documents": sum(by_status.values()),
        "by_status": by_status,
        "spans": total,
        "by_label": by_label,
        "by_annotator": dict(sorted(by_annotator.items())),
    }


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
