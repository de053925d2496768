"""Edits of one document, its spans and events, each bumping the document's version once.

Functions take the caller's Connection; the Repository facade runs each in its own write
transaction. The version bump is an ``UPDATE ... WHERE version = :expected`` when the caller
names the version it read, so a concurrent edit becomes a ConflictError, not an overwrite.
A span edit may also carry the document's new ``status`` (the first span of a new document
starts it): the status goes in the same transaction under the same single version bump, so
an edit is never half stored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from annotator.core.messages import Message, message_of
from annotator.core.model import (
    DocStatus,
    EventLink,
    OffsetError,
    RelationFrame,
    Span,
    check_offsets,
)
from annotator.store.checks import (
    check_span_label,
    check_span_offsets,
    json_object,
    label_message,
)
from annotator.store.errors import ConflictError, StoreError
from annotator.store.rows import (
    ANNOTATORS,
    DOCUMENTS,
    EVENT_ROLES,
    EVENTS,
    RELATIONS,
    SPANS,
    DocHead,
    annotator_ids,
    count_document_spans,
    count_spans,
    head,
    schema_of,
    span_head,
)
from annotator.store.tables import PROJECT_CHANGES


def bump(conn: Connection, doc: DocHead, expected_version: int | None) -> None:
    """Bump the document's version; ConflictError if it is no longer ``expected_version``."""
    stmt = update(DOCUMENTS).where(DOCUMENTS.c.id == doc.id)
    if expected_version is not None:
        # Checked by the UPDATE itself, which holds the row lock: no gap for a race.
        stmt = stmt.where(DOCUMENTS.c.version == expected_version)
    result = conn.execute(stmt.values(version=DOCUMENTS.c.version + 1, updated_at=func.now()))
    if result.rowcount == 0:
        now = conn.execute(select(DOCUMENTS.c.version).where(DOCUMENTS.c.id == doc.id)).scalar()
        if now is None:
            raise StoreError(Message("store.document_gone", id=doc.id))
        raise ConflictError(
            f"document {doc.name!r} changed since you opened it (version "
            f"{expected_version}, now {now}); reload it and redo the edit"
        )


def project_changes(conn: Connection, project_id: int) -> int:
    """The project's change counter: up by one for each document added or removed and each
    version raised (database triggers, revision 0011). One row, whatever the project's size."""
    n = conn.execute(
        select(PROJECT_CHANGES.c.n).where(PROJECT_CHANGES.c.project_id == project_id)
    ).scalar()
    return 0 if n is None else int(n)


def set_status(
    conn: Connection, document_id: int, status: DocStatus, expected_version: int | None = None
) -> None:
    """Set a document's status (already checked by the caller)."""
    bump(conn, head(conn, document_id), expected_version)
    write_status(conn, document_id, status)


def write_status(conn: Connection, document_id: int, status: DocStatus | None) -> None:
    # Part of an edit that has already bumped the version: no second bump.
    if status is not None:
        conn.execute(
            update(DOCUMENTS).where(DOCUMENTS.c.id == document_id).values(status=status)
        )


def set_meta(
    conn: Connection,
    document_id: int,
    meta: dict[str, Any],
    expected_version: int | None = None,
    span_attrs: Mapping[int, Mapping[str, Any]] | None = None,
) -> None:
    """Replace a document's metadata (already checked by the caller).

    ``span_attrs`` gives new attributes to spans of the document in the same transaction
    (a new publication date moves the automatic date values with it).
    """
    doc = head(conn, document_id)
    attrs = {sid: json_object(a, "span attributes") for sid, a in (span_attrs or {}).items()}
    if attrs:
        found = set(
            conn.execute(
                select(SPANS.c.id).where(
                    SPANS.c.id.in_(sorted(attrs)), SPANS.c.document_id == document_id
                )
            ).scalars()
        )
        missing = sorted(set(attrs) - found)
        if missing:
            if expected_version is not None:
                raise ConflictError(
                    f"span {missing[0]} was deleted since you opened the document; reload it"
                )
            raise StoreError(Message("store.not_a_span", span=missing[0],
                                     document=repr(doc.name)))
    bump(conn, doc, expected_version)
    conn.execute(update(DOCUMENTS).where(DOCUMENTS.c.id == document_id).values(meta=meta))
    for span_id, value in attrs.items():
        conn.execute(
            update(SPANS).where(SPANS.c.id == span_id).values(attrs=value, updated_at=func.now())
        )


def add_span(
    conn: Connection,
    document_id: int,
    span: Span,
    annotator: str,
    expected_version: int | None,
    status: DocStatus | None = None,
) -> Span:
    """Check and store one span owned by ``annotator``; returns it with its id."""
    doc = head(conn, document_id)
    _check_span(conn, doc, span)
    bump(conn, doc, expected_version)
    write_status(conn, doc.id, status)
    # The person adding it owns the span, whoever proposed it (span.annotator).
    return _insert_span(conn, doc, span, annotator, span_id=None)


def restore_span(
    conn: Connection,
    document_id: int,
    span: Span,
    annotator: str | None,
    expected_version: int | None = None,
    status: DocStatus | None = None,
    links: Sequence[EventLink] = (),
    relations: Sequence[RelationFrame] = (),
) -> Span:
    """Put a deleted span back under its old id when that id is free.

    ``links`` are the places the span held in events when it was deleted: it takes them
    again (roles at their old positions, triggers), in the same transaction; ``relations``
    (ends as span ids, the old id for the span itself) come back too.
    """
    doc = head(conn, document_id)
    _check_span(conn, doc, span)
    bump(conn, doc, expected_version)
    write_status(conn, doc.id, status)
    reuse = span.id
    if reuse is not None:
        taken = conn.execute(select(SPANS.c.id).where(SPANS.c.id == reuse)).first()
        if taken is not None:
            reuse = None
    # Back as it was: under its own annotator when it names one (None: unassigned).
    restored = _insert_span(conn, doc, span, span.annotator or annotator, span_id=reuse)
    assert restored.id is not None
    relink(conn, document_id, restored.id, links)
    _restore_relations(conn, document_id, span.id, restored.id, relations)
    return restored


def _restore_relations(
    conn: Connection,
    document_id: int,
    old_id: int | None,
    new_id: int,
    relations: Sequence[RelationFrame],
) -> None:
    # The cascade took them with the span; each comes back unless its other end is gone too.
    for rel in relations:
        head = new_id if rel.head == old_id else rel.head
        tail = new_id if rel.tail == old_id else rel.tail
        ends = set(
            conn.execute(
                select(SPANS.c.id).where(
                    SPANS.c.id.in_({head, tail}), SPANS.c.document_id == document_id
                )
            ).scalars()
        )
        if ends != {head, tail}:
            continue
        values: dict[str, Any] = {
            "document_id": document_id, "type": rel.type, "head_span_id": head,
            "tail_span_id": tail, "attrs": json_object(rel.attrs, "relation attributes"),
        }
        if rel.id is not None and conn.execute(
            select(RELATIONS.c.id).where(RELATIONS.c.id == rel.id)
        ).first() is None:
            values["id"] = rel.id
        conn.execute(insert(RELATIONS).values(**values))


def relink(conn: Connection, document_id: int, span_id: int, links: Sequence[EventLink]) -> None:
    """Give span ``span_id`` its places in events back (events deleted since are skipped)."""
    if not links:
        return
    wanted = sorted({link.event_id for link in links})
    alive = set(
        conn.execute(
            select(EVENTS.c.id).where(EVENTS.c.id.in_(wanted), EVENTS.c.document_id == document_id)
        ).scalars()
    )
    for link in links:
        if link.event_id not in alive:
            continue
        if link.role is None:
            conn.execute(
                update(EVENTS).where(EVENTS.c.id == link.event_id).values(trigger_span_id=span_id)
            )
        else:
            conn.execute(
                insert(EVENT_ROLES).values(
                    event_id=link.event_id, role=link.role, span_id=span_id,
                    position=link.position,
                )
            )


def delete_span(
    conn: Connection,
    span_id: int,
    expected_version: int | None,
    status: DocStatus | None = None,
) -> None:
    """Remove a span; its places in events go with it (foreign keys cascade)."""
    doc = _span_doc(conn, span_id, expected_version)
    bump(conn, doc, expected_version)
    write_status(conn, doc.id, status)
    gone = conn.execute(
        select(SPANS.c.label, SPANS.c.annotator_id).where(SPANS.c.id == span_id)
    ).one()
    conn.execute(delete(SPANS).where(SPANS.c.id == span_id))
    count_spans(conn, doc.project_id, {(gone.label, gone.annotator_id): -1})
    count_document_spans(conn, doc.id, -1)


def update_span(
    conn: Connection,
    span_id: int,
    label: str | None,
    attrs: Mapping[str, Any] | None,
    expected_version: int | None,
    offsets: tuple[int, int] | None = None,
    status: DocStatus | None = None,
) -> Span:
    """Change a span's label, offsets and/or attributes; returns the updated span."""
    doc = _span_doc(conn, span_id, expected_version)
    values: dict[str, Any] = {"updated_at": func.now()}
    if label is not None:
        schema = schema_of(conn, doc.project_id)
        if label not in schema.names:
            raise StoreError(label_message(label, schema))
        values["label"] = label
    if attrs is not None:
        values["attrs"] = json_object(attrs, "span attributes")
    if offsets is not None:
        start, end = offsets
        try:
            check_offsets(doc.text, start, end)
        except OffsetError as exc:
            raise StoreError(Message("store.span_refused", document=repr(doc.name),
                                     reason=message_of(exc))) from None
        values["start"], values["end"] = start, end
    bump(conn, doc, expected_version)
    write_status(conn, doc.id, status)
    old = conn.execute(
        select(SPANS.c.label, SPANS.c.annotator_id).where(SPANS.c.id == span_id)
    ).one()
    conn.execute(update(SPANS).where(SPANS.c.id == span_id).values(**values))
    if label is not None and label != old.label:
        count_spans(conn, doc.project_id,
                    {(old.label, old.annotator_id): -1, (label, old.annotator_id): +1})
    return _read_span(conn, span_id, doc.text)


def _span_doc(conn: Connection, span_id: int, expected_version: int | None) -> DocHead:
    """The head of a span's document; a span gone under a versioned edit is a conflict."""
    if expected_version is not None:
        found = conn.execute(select(SPANS.c.id).where(SPANS.c.id == span_id)).first()
        if found is None:
            # The caller saw the span at that version: someone else deleted it since.
            raise ConflictError(
                f"span {span_id} was deleted since you opened the document; reload it"
            )
    return span_head(conn, span_id)


def _check_span(conn: Connection, doc: DocHead, span: Span) -> None:
    check_span_offsets(doc.name, doc.text, span)
    check_span_label(doc.name, schema_of(conn, doc.project_id), span)


def _insert_span(
    conn: Connection, doc: DocHead, span: Span, annotator: str | None, span_id: int | None
) -> Span:
    # No annotator: the span is unassigned, as spans imported without a name are.
    annotator_id = None if annotator is None else annotator_ids(conn, {annotator})[annotator]
    values: dict[str, Any] = {
        "document_id": doc.id,
        "annotator_id": annotator_id,
        "start": span.start,
        "end": span.end,
        "label": span.label,
        "attrs": json_object(span.attrs, "span attributes"),
        "origin": span.origin,
    }
    if span_id is not None:
        values["id"] = span_id
    result = conn.execute(insert(SPANS).values(**values))
    assert result.inserted_primary_key is not None
    count_spans(conn, doc.project_id, {(span.label, annotator_id): +1})
    count_document_spans(conn, doc.id, +1)
    return _read_span(conn, int(result.inserted_primary_key[0]), doc.text)


def _read_span(conn: Connection, span_id: int, doc_text: str) -> Span:
    r = conn.execute(
        select(
            SPANS.c.id, SPANS.c.start, SPANS.c.end, SPANS.c.label, SPANS.c.attrs,
            SPANS.c.origin, ANNOTATORS.c.name.label("annotator"),
        )
        .outerjoin(ANNOTATORS, ANNOTATORS.c.id == SPANS.c.annotator_id)
        .where(SPANS.c.id == span_id)
    ).one()
    return Span(
        start=r.start,
        end=r.end,
        label=r.label,
        text=doc_text[r.start : r.end],
        id=r.id,
        annotator=r.annotator,
        origin=r.origin,
        attrs=r.attrs,
    )
