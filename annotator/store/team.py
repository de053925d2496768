"""Annotators' own statuses and assignments (revision 0008).

Functions take the caller's Connection and run inside its transaction; the Repository facade
opens one per call.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Connection

from annotator.core.model import DocStatus, Event, Span
from annotator.store.checks import check_span_label, check_span_offsets, json_object
from annotator.store.edits import bump
from annotator.store.errors import StoreError
from annotator.store.rows import (
    ANNOTATORS,
    DOCUMENTS,
    EVENT_ROLES,
    EVENTS,
    SPANS,
    annotator_ids,
    count_document_spans,
    count_spans,
    head,
    insert_event,
    schema_of,
)
from annotator.store.tables import ANNOTATOR_STATUSES, ASSIGNMENTS


def write_status(conn: Connection, document_id: int, annotator: str, status: DocStatus) -> None:
    """Set ``annotator``'s own status of a document (part of an edit already versioned)."""
    annotator_id = annotator_ids(conn, {annotator})[annotator]
    where = (ANNOTATOR_STATUSES.c.document_id == document_id) & (
        ANNOTATOR_STATUSES.c.annotator_id == annotator_id
    )
    # Delete-then-insert is an upsert both engines run the same way; the document row's
    # version bump in the same transaction already serializes writers of this document.
    conn.execute(delete(ANNOTATOR_STATUSES).where(where))
    conn.execute(
        insert(ANNOTATOR_STATUSES).values(
            document_id=document_id, annotator_id=annotator_id, status=status
        )
    )


def span_document(conn: Connection, span_id: int) -> int | None:
    """The document a span belongs to; None when the span is gone."""
    value = conn.execute(select(SPANS.c.document_id).where(SPANS.c.id == span_id)).scalar()
    return None if value is None else int(value)


def status_of(conn: Connection, document_id: int, annotator: str) -> DocStatus:
    """``annotator``'s status of a document; ``new`` when they never set one."""
    value = conn.execute(
        select(ANNOTATOR_STATUSES.c.status)
        .join(ANNOTATORS, ANNOTATORS.c.id == ANNOTATOR_STATUSES.c.annotator_id)
        .where(ANNOTATOR_STATUSES.c.document_id == document_id, ANNOTATORS.c.name == annotator)
    ).scalar()
    return value or "new"


def documents_with_status(
    conn: Connection, project_id: int, annotator: str, status: DocStatus
) -> list[int]:
    """Ids of the project's documents ``annotator`` gave ``status``, in corpus order."""
    rows = conn.execute(
        select(DOCUMENTS.c.id)
        .join(ANNOTATOR_STATUSES, ANNOTATOR_STATUSES.c.document_id == DOCUMENTS.c.id)
        .join(ANNOTATORS, ANNOTATORS.c.id == ANNOTATOR_STATUSES.c.annotator_id)
        .where(
            DOCUMENTS.c.project_id == project_id,
            ANNOTATORS.c.name == annotator,
            ANNOTATOR_STATUSES.c.status == status,
        )
        .order_by(DOCUMENTS.c.position, DOCUMENTS.c.id)
    )
    return [int(r[0]) for r in rows]


def assigned(conn: Connection, project_id: int, annotator: str) -> list[int]:
    """Ids of the project's documents assigned to ``annotator``, in corpus order."""
    rows = conn.execute(
        select(DOCUMENTS.c.id)
        .join(ASSIGNMENTS, ASSIGNMENTS.c.document_id == DOCUMENTS.c.id)
        .join(ANNOTATORS, ANNOTATORS.c.id == ASSIGNMENTS.c.annotator_id)
        .where(DOCUMENTS.c.project_id == project_id, ANNOTATORS.c.name == annotator)
        .order_by(DOCUMENTS.c.position, DOCUMENTS.c.id)
    )
    return [int(r[0]) for r in rows]


def assign(
    conn: Connection, project_id: int, annotator: str, count: int, overlap: float
) -> list[int]:
    """Give ``annotator`` up to ``count`` more documents; returns their ids in corpus order.

    ``round(count * overlap)`` of them (at least one when overlap > 0 and any exist) come from
    documents already assigned to someone else, fewest assignees first, so that agreement can
    be measured on them; the rest are documents nobody has yet. When there are not enough of
    either kind, the other kind fills in, then fewer are given.
    """
    annotator_id = annotator_ids(conn, {annotator})[annotator]
    mine = select(ASSIGNMENTS.c.document_id).where(ASSIGNMENTS.c.annotator_id == annotator_id)
    holders = (
        select(ASSIGNMENTS.c.document_id, func.count().label("n"))
        .group_by(ASSIGNMENTS.c.document_id)
        .subquery()
    )
    candidates = conn.execute(
        select(DOCUMENTS.c.id, func.coalesce(holders.c.n, 0))
        .outerjoin(holders, holders.c.document_id == DOCUMENTS.c.id)
        .where(DOCUMENTS.c.project_id == project_id, DOCUMENTS.c.id.not_in(mine))
        .order_by(DOCUMENTS.c.position, DOCUMENTS.c.id)
    ).all()
    free = [int(r[0]) for r in candidates if r[1] == 0]
    shared = [int(r[0]) for r in sorted(candidates, key=lambda r: r[1]) if r[1] > 0]
    want_shared = round(count * overlap)
    if overlap > 0 and want_shared == 0 and count > 0:
        want_shared = 1
    want_shared = min(want_shared, len(shared))
    want_free = min(count - want_shared, len(free))
    # Not enough free documents: take more of the shared ones instead of giving fewer.
    want_shared = min(count - want_free, len(shared))
    chosen = set(shared[:want_shared]) | set(free[:want_free])
    if chosen:
        conn.execute(
            insert(ASSIGNMENTS),
            [{"document_id": d, "annotator_id": annotator_id} for d in sorted(chosen)],
        )
    return [int(r[0]) for r in candidates if int(r[0]) in chosen]



def replace_layer(
    conn: Connection,
    document_id: int,
    annotator: str,
    spans: list[Span],
    expected_version: int | None,
    events: list[Event] | None = None,
) -> list[Span]:
    """``annotator``'s spans and events of a document become exactly these; one version bump.

    What a curation stores: the curated layer is written whole, so saving twice gives the
    same layer, and a refused save (a conflict, a bad span or event) leaves the previous one.
    ``events`` point at ``spans`` by index, as in files.
    """
    doc = head(conn, document_id)
    bump(conn, doc, expected_version)
    schema = schema_of(conn, doc.project_id)
    for span in spans:
        check_span_offsets(doc.name, doc.text, span)
        check_span_label(doc.name, schema, span)
    for event in events or ():
        if schema.event_types and event.type not in schema.event_types:
            raise StoreError(
                f"event type {event.type!r} is not in the project's schema "
                f"({', '.join(schema.event_types)})"
            )
        indexes = [i for refs in event.roles.values() for i in refs]
        if event.trigger is not None:
            indexes.append(event.trigger)
        if any(not 0 <= i < len(spans) for i in indexes):
            raise StoreError(f"an event of type {event.type!r} points at no span of the layer")
    annotator_id = annotator_ids(conn, {annotator})[annotator]
    layer = select(SPANS.c.id).where(
        SPANS.c.document_id == document_id, SPANS.c.annotator_id == annotator_id
    )
    # The layer's events go first: deleting their spans would only empty their roles and
    # leave events over nothing, which every annotator would then see.
    old_events = select(EVENT_ROLES.c.event_id).where(EVENT_ROLES.c.span_id.in_(layer)).union(
        select(EVENTS.c.id).where(EVENTS.c.trigger_span_id.in_(layer))
    )
    conn.execute(
        delete(EVENTS).where(EVENTS.c.document_id == document_id, EVENTS.c.id.in_(old_events))
    )
    # The project's stored span counts follow the layer: minus what goes, plus what comes.
    counts: Counter[tuple[str, int | None]] = Counter()
    for (label,) in conn.execute(
        select(SPANS.c.label).where(
            SPANS.c.document_id == document_id, SPANS.c.annotator_id == annotator_id
        )
    ):
        counts[(label, annotator_id)] -= 1
    for span in spans:
        counts[(span.label, annotator_id)] += 1
    conn.execute(
        delete(SPANS).where(
            SPANS.c.document_id == document_id, SPANS.c.annotator_id == annotator_id
        )
    )
    count_spans(conn, doc.project_id, counts)
    count_document_spans(conn, doc.id, sum(counts.values()))
    stored: list[Span] = []
    for span in spans:
        result = conn.execute(
            insert(SPANS).values(
                document_id=document_id, annotator_id=annotator_id, start=span.start,
                end=span.end, label=span.label, attrs=json_object(span.attrs, "span attributes"),
                origin=span.origin,
            )
        )
        assert result.inserted_primary_key is not None
        stored.append(
            replace(span, id=int(result.inserted_primary_key[0]), annotator=annotator)
        )
    ids = [s.id or 0 for s in stored]
    for event in events or ():
        roles = {role: [ids[i] for i in refs] for role, refs in event.roles.items()}
        trigger = None if event.trigger is None else ids[event.trigger]
        insert_event(conn, document_id, event, roles, trigger)
    return stored
