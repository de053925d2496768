"""Suggestions in the store: replacing a document's suggested spans, the texts people labeled
(the gazetteer's source), and the annotators' answers to suggestions.

Functions take the caller's Connection; the Repository facade runs each in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from sqlalchemy import Table, and_, delete, func, insert, select
from sqlalchemy.engine import Connection

from annotator.core.model import Span
from annotator.store.checks import check_span_label, check_span_offsets, json_object
from annotator.store.edits import bump
from annotator.store.errors import StoreError
from annotator.store.rows import DOCUMENTS, SPANS, head, schema_of
from annotator.store.tables import Base

DECISIONS: Table = Base.metadata.tables["suggestion_decisions"]
Decision = Literal["accepted", "rejected"]


def replace_suggestions(conn: Connection, document_id: int, spans: Sequence[Span]) -> int:
    """Delete the document's suggested spans and store ``spans`` as its suggestions.

    A person's spans are never touched. Returns how many were stored.
    """
    doc = head(conn, document_id)
    schema = schema_of(conn, doc.project_id)
    for span in spans:
        if span.origin != "suggested":
            raise StoreError(f"a suggestion must have origin 'suggested', not {span.origin!r}")
        check_span_offsets(doc.name, doc.text, span)
        check_span_label(doc.name, schema, span)
    bump(conn, doc, None)
    conn.execute(
        delete(SPANS).where(SPANS.c.document_id == document_id, SPANS.c.origin == "suggested")
    )
    if spans:
        conn.execute(
            insert(SPANS),
            [
                {
                    "document_id": document_id,
                    "annotator_id": None,
                    "start": s.start,
                    "end": s.end,
                    "label": s.label,
                    "attrs": json_object(s.attrs, "span attributes"),
                    "origin": "suggested",
                }
                for s in spans
            ],
        )
    return len(spans)


def labeled_texts(conn: Connection, project_id: int) -> list[tuple[str, str, int]]:
    """(text, label, how many spans) for every text a person labeled in the project."""
    # SQL substr counts characters from 1 on SQLite and PostgreSQL alike.
    text = func.substr(DOCUMENTS.c.text, SPANS.c.start + 1, SPANS.c.end - SPANS.c.start)
    rows = conn.execute(
        select(text.label("t"), SPANS.c.label, func.count())
        .select_from(SPANS.join(DOCUMENTS, DOCUMENTS.c.id == SPANS.c.document_id))
        .where(DOCUMENTS.c.project_id == project_id, SPANS.c.origin != "suggested")
        .group_by(text, SPANS.c.label)
    )
    return [(r[0], r[1], int(r[2])) for r in rows]


def record_decision(
    conn: Connection, document_id: int, source: str, label: str, text_key: str,
    decision: Decision,
) -> int:
    """Remember that a suggestion was accepted or rejected; returns the record's id."""
    head(conn, document_id)  # StoreError for a document that does not exist
    result = conn.execute(
        insert(DECISIONS).values(
            document_id=document_id, source=source, label=label, text_key=text_key,
            decision=decision,
        )
    )
    assert result.inserted_primary_key is not None
    return int(result.inserted_primary_key[0])


def forget_decision(conn: Connection, decision_id: int) -> None:
    """Drop one answer (the undo of accepting or rejecting)."""
    conn.execute(delete(DECISIONS).where(DECISIONS.c.id == decision_id))


def rejected(conn: Connection, document_id: int) -> set[tuple[str, str]]:
    """(label, folded text) of every suggestion rejected in the document."""
    rows = conn.execute(
        select(DECISIONS.c.label, DECISIONS.c.text_key).where(
            and_(DECISIONS.c.document_id == document_id, DECISIONS.c.decision == "rejected")
        )
    )
    return {(r[0], r[1]) for r in rows}


def decision_counts(conn: Connection, project_id: int) -> dict[str, dict[str, int]]:
    """source -> {"accepted": n, "rejected": n} over the project's documents."""
    rows = conn.execute(
        select(DECISIONS.c.source, DECISIONS.c.decision, func.count())
        .select_from(DECISIONS.join(DOCUMENTS, DOCUMENTS.c.id == DECISIONS.c.document_id))
        .where(DOCUMENTS.c.project_id == project_id)
        .group_by(DECISIONS.c.source, DECISIONS.c.decision)
    )
    out: dict[str, dict[str, int]] = {}
    for source, decision, count in rows:
        out.setdefault(source, {"accepted": 0, "rejected": 0})[decision] = int(count)
    return out
