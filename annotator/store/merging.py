"""Importing a document the project already has: its spans and events merged in, or replacing.

An annotated copy of a text already in the project (the same article labeled elsewhere, or an
export read back) carries work; skipping it would lose that work. Merging adds the spans the
stored document lacks (a span is the same when start, end and label are) and the events whose
type, trigger and roles it lacks; replacing deletes the stored spans and events first.

Functions take the caller's Connection and run inside the import's transaction.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from annotator.core.model import Document
from annotator.store.bulk import SpanInsert, attrs_json, insert_spans
from annotator.store.edits import bump
from annotator.store.errors import StoreError
from annotator.store.rows import EVENT_ROLES, EVENTS, SPANS, count_spans, head, insert_event

OnDuplicate = Literal["skip", "merge", "replace"]
ON_DUPLICATE: tuple[OnDuplicate, ...] = ("skip", "merge", "replace")

SpanKey = tuple[int, int, str]
EventKey = tuple[str, SpanKey | None, tuple[tuple[str, SpanKey], ...]]


@dataclass(frozen=True)
class MergeCount:
    """What merging one incoming document changed in the stored one."""

    spans: int
    events: int
    removed_spans: int = 0


def _stored_spans(conn: Connection, document_id: int) -> dict[int, SpanKey]:
    rows = conn.execute(
        select(SPANS.c.id, SPANS.c.start, SPANS.c.end, SPANS.c.label)
        .where(SPANS.c.document_id == document_id)
        .order_by(SPANS.c.id)
    )
    return {int(r.id): (int(r.start), int(r.end), str(r.label)) for r in rows}


def _stored_events(conn: Connection, document_id: int, keys: dict[int, SpanKey]) -> set[EventKey]:
    events = {
        int(r.id): (str(r.type), None if r.trigger_span_id is None else keys.get(r.trigger_span_id))
        for r in conn.execute(
            select(EVENTS.c.id, EVENTS.c.type, EVENTS.c.trigger_span_id).where(
                EVENTS.c.document_id == document_id
            )
        )
    }
    roles: dict[int, list[tuple[str, SpanKey]]] = {event_id: [] for event_id in events}
    if events:
        for r in conn.execute(
            select(EVENT_ROLES.c.event_id, EVENT_ROLES.c.role, EVENT_ROLES.c.span_id)
            .join(EVENTS, EVENTS.c.id == EVENT_ROLES.c.event_id)
            .where(EVENTS.c.document_id == document_id)
        ):
            roles[int(r.event_id)].append((str(r.role), keys[int(r.span_id)]))
    return {(etype, trigger, tuple(sorted(roles[i]))) for i, (etype, trigger) in events.items()}


def merge_into(
    conn: Connection,
    document_id: int,
    doc: Document,
    annotator_id: dict[str | None, int | None],
    *,
    replace: bool,
) -> MergeCount:
    """Add ``doc``'s spans and events that document ``document_id`` lacks (``replace``: after
    deleting its own); bumps its version when anything changed.

    ``annotator_id`` maps each span's annotator name (None: the import's default) to its id.
    """
    stored_head = head(conn, document_id)
    if stored_head.text != doc.text:  # the content hash matched: this cannot happen
        raise StoreError(f"document {stored_head.name!r}: the stored text differs")
    removed = 0
    counts: Counter[tuple[str, int | None]] = Counter()
    if replace:
        for r in conn.execute(
            select(SPANS.c.label, SPANS.c.annotator_id).where(SPANS.c.document_id == document_id)
        ):
            counts[(str(r.label), r.annotator_id)] -= 1
            removed += 1
        conn.execute(delete(EVENTS).where(EVENTS.c.document_id == document_id))
        conn.execute(delete(SPANS).where(SPANS.c.document_id == document_id))
    keys = _stored_spans(conn, document_id)
    present = set(keys.values())
    rows: list[SpanInsert] = []
    for span in doc.spans:
        if span.key in present:
            continue
        present.add(span.key)
        rows.append((document_id, annotator_id[span.annotator], span.start, span.end,
                     span.label, attrs_json(span.attrs), span.origin))
        counts[(span.label, annotator_id[span.annotator])] += 1
    insert_spans(conn, rows)
    # The project's stored span counts follow every span written or removed here.
    count_spans(conn, stored_head.project_id, counts)
    if rows:
        keys = _stored_spans(conn, document_id)
    id_of: dict[SpanKey, int] = {}
    for span_id, key in keys.items():
        id_of.setdefault(key, span_id)
    known_events = _stored_events(conn, document_id, keys)
    added_events = 0
    for event in doc.events:
        trigger = None if event.trigger is None else doc.spans[event.trigger].key
        roles = tuple(sorted((role, doc.spans[i].key) for role, idx in event.roles.items()
                             for i in idx))
        signature: EventKey = (event.type, trigger, roles)
        if signature in known_events:
            continue
        known_events.add(signature)
        insert_event(
            conn, document_id, event,
            {role: [id_of[doc.spans[i].key] for i in idx] for role, idx in event.roles.items()},
            None if trigger is None else id_of[trigger],
        )
        added_events += 1
    if rows or added_events or removed:
        bump(conn, stored_head, None)
    return MergeCount(spans=len(rows), events=added_events, removed_spans=removed)
