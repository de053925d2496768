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

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from annotator.core.model import Document
from annotator.store.bulk import SpanInsert, attrs_json, insert_spans
from annotator.store.edits import bump
from annotator.store.errors import StoreError
from annotator.store.rows import (
    EVENT_ROLES,
    EVENTS,
    SPANS,
    count_document_spans,
    count_spans,
    event_ref_rows,
    head,
    insert_event,
)

OnDuplicate = Literal["skip", "merge", "replace"]
ON_DUPLICATE: tuple[OnDuplicate, ...] = ("skip", "merge", "replace")

SpanKey = tuple[int, int, str]
# Type, trigger, span roles and event roles (the argument events' own keys: nested events are
# the same when their whole tree is).
EventKey = tuple[
    str, SpanKey | None, tuple[tuple[str, SpanKey], ...], tuple[tuple[str, "EventKey"], ...]
]


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


def _stored_events(
    conn: Connection, document_id: int, keys: dict[int, SpanKey]
) -> dict[EventKey, int]:
    events = {
        int(r.id): (str(r.type), None if r.trigger_span_id is None else keys.get(r.trigger_span_id))
        for r in conn.execute(
            select(EVENTS.c.id, EVENTS.c.type, EVENTS.c.trigger_span_id).where(
                EVENTS.c.document_id == document_id
            )
        )
    }
    roles: dict[int, list[tuple[str, SpanKey]]] = {event_id: [] for event_id in events}
    refs: dict[int, list[tuple[str, int]]] = {event_id: [] for event_id in events}
    if events:
        for r in conn.execute(
            select(EVENT_ROLES.c.event_id, EVENT_ROLES.c.role, EVENT_ROLES.c.span_id,
                   EVENT_ROLES.c.event_ref)
            .join(EVENTS, EVENTS.c.id == EVENT_ROLES.c.event_id)
            .where(EVENTS.c.document_id == document_id)
        ):
            if r.span_id is not None:
                roles[int(r.event_id)].append((str(r.role), keys[int(r.span_id)]))
            else:
                refs[int(r.event_id)].append((str(r.role), int(r.event_ref)))
    done: dict[int, EventKey] = {}

    def key(event_id: int) -> EventKey:
        # The store holds no cycle (event_edits and the import refuse them): this ends.
        if event_id not in done:
            etype, trigger = events[event_id]
            done[event_id] = (etype, trigger, tuple(sorted(roles[event_id])),
                              tuple(sorted((role, key(e)) for role, e in refs[event_id])))
        return done[event_id]

    return {key(event_id): event_id for event_id in events}


def _incoming_keys(doc: Document) -> list[EventKey]:
    done: dict[int, EventKey] = {}

    def key(i: int) -> EventKey:
        # Imports check for cycles before merging (checks.event_problems).
        if i not in done:
            event = doc.events[i]
            trigger = None if event.trigger is None else doc.spans[event.trigger].key
            done[i] = (
                event.type, trigger,
                tuple(sorted((role, doc.spans[j].key) for role, idx in event.roles.items()
                             for j in idx)),
                tuple(sorted((role, key(j)) for role, idx in event.event_args.items()
                             for j in idx)),
            )
        return done[i]

    return [key(i) for i in range(len(doc.events))]


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
    count_document_spans(conn, stored_head.id, sum(counts.values()))
    if rows:
        keys = _stored_spans(conn, document_id)
    id_of: dict[SpanKey, int] = {}
    for span_id, key in keys.items():
        id_of.setdefault(key, span_id)
    known_events = _stored_events(conn, document_id, keys)
    added_events = 0
    incoming = _incoming_keys(doc)
    new_ids: list[int] = []
    added: list[int] = []
    for i, (event, signature) in enumerate(zip(doc.events, incoming, strict=True)):
        if signature in known_events:
            new_ids.append(known_events[signature])
            continue
        trigger = signature[1]
        known_events[signature] = insert_event(
            conn, document_id, event,
            {role: [id_of[doc.spans[j].key] for j in idx] for role, idx in event.roles.items()},
            None if trigger is None else id_of[trigger],
        )
        new_ids.append(known_events[signature])
        added.append(i)
        added_events += 1
    # Event arguments once every incoming event has its id (one may name a later one).
    ref_rows = [
        row
        for i in added
        for row in event_ref_rows(
            new_ids[i],
            {role: [new_ids[j] for j in idx] for role, idx in doc.events[i].event_args.items()},
        )
    ]
    if ref_rows:
        conn.execute(insert(EVENT_ROLES), ref_rows)
    if rows or added_events or removed:
        bump(conn, stored_head, None)
    return MergeCount(spans=len(rows), events=added_events, removed_spans=removed)
