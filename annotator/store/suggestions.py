"""Suggestions in the store: replacing a document's suggested spans, the texts people labeled
(the gazetteer's source), and the annotators' answers to suggestions.

Functions take the caller's Connection; the Repository facade runs each in one transaction.
Every write of spans here keeps the stored span counts (``rows.count_spans``) in that
transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, Literal

from sqlalchemy import Table, and_, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from annotator.core.model import DocStatus, Span
from annotator.store.checks import (
    check_span_label,
    check_span_offsets,
    check_status,
    json_object,
)
from annotator.store.edits import bump
from annotator.store.errors import StoreError
from annotator.store.rows import (
    DOCUMENTS,
    SPANS,
    DocHead,
    annotator_ids,
    chunks,
    count_document_spans,
    count_spans,
    head,
    schema_of,
    span_head,
)
from annotator.store.tables import SUGGESTION_DECISIONS

DECISIONS: Table = SUGGESTION_DECISIONS


def fold_key(text: str) -> str:
    """:func:`annotator.core.matcher.fold_key`, imported on first use: the matcher brings
    numpy and pyahocorasick, which commands that never answer a suggestion (``stats``,
    ``export``) should not load."""
    from annotator.core.matcher import fold_key as key

    return key(text)


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
    deltas: Counter[tuple[str, int | None]] = Counter()
    for row in conn.execute(
        select(SPANS.c.label, SPANS.c.annotator_id, func.count())
        .where(SPANS.c.document_id == document_id, SPANS.c.origin == "suggested")
        .group_by(SPANS.c.label, SPANS.c.annotator_id)
    ):
        deltas[(row[0], row[1])] -= int(row[2])
    conn.execute(
        delete(SPANS).where(SPANS.c.document_id == document_id, SPANS.c.origin == "suggested")
    )
    for s in spans:
        deltas[(s.label, None)] += 1
    count_spans(conn, doc.project_id, deltas)
    count_document_spans(conn, doc.id, sum(deltas.values()))
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


def labeled_counts(conn: Connection, project_id: int) -> list[tuple[str, str, int]]:
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


#: Span attributes that describe a proposal, dropped when a person accepts it (the date value
#: and other attributes stay).
PROPOSAL_ATTRS = ("source", "score", "model", "model_version")


def _suggested_span(conn: Connection, span_id: int) -> tuple[DocHead, Span]:
    doc = span_head(conn, span_id)
    row = conn.execute(
        select(SPANS.c.start, SPANS.c.end, SPANS.c.label, SPANS.c.attrs, SPANS.c.origin)
        .where(SPANS.c.id == span_id)
    ).one()
    if row.origin != "suggested":
        raise StoreError(f"span {span_id} is not a suggestion (origin {row.origin!r})")
    span = Span(start=row.start, end=row.end, label=row.label,
                text=doc.text[row.start:row.end], id=span_id, origin="suggested",
                attrs=dict(row.attrs or {}))
    return doc, span


def _suggested_spans(conn: Connection, doc: DocHead, span_ids: Sequence[int]) -> list[Span]:
    # One query for the whole batch: "accept all" may name hundreds of suggestions.
    rows = {
        row.id: row for part in chunks(list(span_ids)) for row in conn.execute(
            select(SPANS.c.id, SPANS.c.document_id, SPANS.c.start, SPANS.c.end, SPANS.c.label,
                   SPANS.c.attrs, SPANS.c.origin).where(SPANS.c.id.in_(part))
        )
    }
    out = []
    for span_id in span_ids:
        row = rows.get(span_id)
        if row is None or row.document_id != doc.id:
            raise StoreError(f"span {span_id} is not in document {doc.name!r} (deleted?)")
        if row.origin != "suggested":
            raise StoreError(f"span {span_id} is not a suggestion (origin {row.origin!r})")
        out.append(Span(start=row.start, end=row.end, label=row.label,
                        text=doc.text[row.start:row.end], id=span_id, origin="suggested",
                        attrs=dict(row.attrs or {})))
    return out


def _set_status(conn: Connection, document_id: int, status: DocStatus | None) -> None:
    # Under the version bump the edit already made: one edit, one bump.
    if status is not None:
        check_status(status)
        conn.execute(update(DOCUMENTS).where(DOCUMENTS.c.id == document_id).values(status=status))


def accept_suggestion(
    conn: Connection, span_id: int, annotator: str, expected_version: int | None,
    status: DocStatus | None = None,
) -> tuple[Span, Span, int]:
    """Make a suggestion the annotator's own span, and count it for its source.

    Returns the suggestion as it was, the accepted span and the id of the recorded answer.
    """
    doc, old = _suggested_span(conn, span_id)
    bump(conn, doc, expected_version)
    _set_status(conn, doc.id, status)
    annotator_id = annotator_ids(conn, {annotator})[annotator]
    return _accept(conn, doc, old, annotator, annotator_id)


def accept_suggestions(
    conn: Connection, document_id: int, span_ids: Sequence[int], annotator: str,
    expected_version: int | None, status: DocStatus | None = None,
) -> list[tuple[Span, Span, int]]:
    """:func:`accept_suggestion` for many suggestions of one document under ONE version bump
    ("accept all": one edit). Every id must be a suggestion of ``document_id``."""
    doc = head(conn, document_id)
    spans = _suggested_spans(conn, doc, span_ids)
    bump(conn, doc, expected_version)
    _set_status(conn, doc.id, status)
    annotator_id = annotator_ids(conn, {annotator})[annotator]
    return [_accept(conn, doc, old, annotator, annotator_id) for old in spans]


def _accept(conn: Connection, doc: DocHead, old: Span, annotator: str,
            annotator_id: int) -> tuple[Span, Span, int]:
    # The caller bumped the version (once for all the spans it accepts).
    assert old.id is not None
    span_id = old.id
    attrs = {k: v for k, v in old.attrs.items() if k not in PROPOSAL_ATTRS}
    was = conn.execute(select(SPANS.c.annotator_id).where(SPANS.c.id == span_id)).scalar_one()
    conn.execute(
        update(SPANS).where(SPANS.c.id == span_id).values(
            origin="manual", annotator_id=annotator_id, attrs=attrs, updated_at=func.now(),
        )
    )
    count_spans(conn, doc.project_id, {(old.label, was): -1, (old.label, annotator_id): +1})
    decision = record_decision(conn, doc.id, str(old.attrs.get("source", "unknown")),
                               old.label, fold_key(old.text), "accepted")
    new = Span(start=old.start, end=old.end, label=old.label, text=old.text, id=span_id,
               annotator=annotator, origin="manual", attrs=attrs)
    return old, new, decision


def unaccept_suggestion(
    conn: Connection, old: Span, decision_id: int, expected_version: int | None = None,
    status: DocStatus | None = None,
) -> None:
    """Undo :func:`accept_suggestion`: the span is a suggestion again, the answer forgotten."""
    assert old.id is not None
    doc = span_head(conn, old.id)
    bump(conn, doc, expected_version)
    _set_status(conn, doc.id, status)
    _unaccept(conn, doc, old, decision_id)


def unaccept_suggestions(
    conn: Connection, document_id: int, accepted: Sequence[tuple[Span, int]],
    expected_version: int | None = None, status: DocStatus | None = None,
) -> None:
    """Undo :func:`accept_suggestions`: (suggestion as it was, answer id) pairs of one
    document, under one version bump."""
    doc = head(conn, document_id)
    ids = [old.id for old, _ in accepted if old.id is not None]
    found = {
        span_id for part in chunks(ids) for span_id in conn.execute(
            select(SPANS.c.id).where(SPANS.c.id.in_(part), SPANS.c.document_id == document_id)
        ).scalars()
    }
    for span_id in ids:
        if span_id not in found:
            raise StoreError(f"span {span_id} is not in document {doc.name!r} (deleted?)")
    bump(conn, doc, expected_version)
    _set_status(conn, doc.id, status)
    for old, decision_id in accepted:
        _unaccept(conn, doc, old, decision_id)


def _unaccept(conn: Connection, doc: DocHead, old: Span, decision_id: int) -> None:
    assert old.id is not None
    was = conn.execute(
        select(SPANS.c.label, SPANS.c.annotator_id).where(SPANS.c.id == old.id)
    ).one()
    conn.execute(
        update(SPANS).where(SPANS.c.id == old.id).values(
            origin="suggested", annotator_id=None, attrs=json_object(old.attrs, "attributes"),
            updated_at=func.now(),
        )
    )
    count_spans(conn, doc.project_id, {(was.label, was.annotator_id): -1, (was.label, None): +1})
    forget_decision(conn, decision_id)


def reject_suggestion(
    conn: Connection, span_id: int, expected_version: int | None,
    status: DocStatus | None = None,
) -> tuple[Span, int]:
    """Delete a suggestion and remember the rejection (its text and label are not proposed
    in this document again). Returns the suggestion and the id of the recorded answer."""
    doc, old = _suggested_span(conn, span_id)
    bump(conn, doc, expected_version)
    _set_status(conn, doc.id, status)
    was = conn.execute(select(SPANS.c.annotator_id).where(SPANS.c.id == span_id)).scalar_one()
    conn.execute(delete(SPANS).where(SPANS.c.id == span_id))
    count_spans(conn, doc.project_id, {(old.label, was): -1})
    count_document_spans(conn, doc.id, -1)
    decision = record_decision(conn, doc.id, str(old.attrs.get("source", "unknown")),
                               old.label, fold_key(old.text), "rejected")
    return old, decision


def unreject_suggestion(
    conn: Connection, document_id: int, old: Span, decision_id: int,
    expected_version: int | None = None, status: DocStatus | None = None,
) -> Span:
    """Undo :func:`reject_suggestion`: the suggestion is back (its old id when free)."""
    doc = head(conn, document_id)
    check_span_offsets(doc.name, doc.text, old)
    bump(conn, doc, expected_version)
    _set_status(conn, doc.id, status)
    values: dict[str, Any] = {
        "document_id": document_id, "annotator_id": None, "start": old.start, "end": old.end,
        "label": old.label, "attrs": json_object(old.attrs, "attributes"),
        "origin": "suggested",
    }
    if old.id is not None and conn.execute(
            select(SPANS.c.id).where(SPANS.c.id == old.id)).first() is None:
        values["id"] = old.id
    result = conn.execute(insert(SPANS).values(**values))
    assert result.inserted_primary_key is not None
    count_spans(conn, doc.project_id, {(old.label, None): +1})
    count_document_spans(conn, doc.id, +1)
    forget_decision(conn, decision_id)
    return Span(start=old.start, end=old.end, label=old.label, text=old.text,
                id=int(result.inserted_primary_key[0]), origin="suggested", attrs=old.attrs)
