"""Edits of a document's events, each one transaction bumping the document's version once.

Roles and triggers are span ids of the same document; a role may also be filled by another
event of the document (a nested event), by id. The store refuses a cycle of events and the
delete of an event another one still has as an argument (remove it there first): deleting
it silently would change the other event, and its undo could not bring that back.

Like span edits, each may carry the document's new ``status`` under the same single version
bump, and passing the version the caller read turns a concurrent edit into a ConflictError.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from annotator.core.model import DocStatus, Event, EventFrame, cycle_message, event_cycle
from annotator.store.checks import json_object
from annotator.store.edits import bump, write_status
from annotator.store.errors import ConflictError, StoreError
from annotator.store.rows import (
    EVENT_ROLES,
    EVENTS,
    SPANS,
    DocHead,
    chunks,
    event_ref_rows,
    head,
    insert_event,
    schema_of,
)


def check_event(
    conn: Connection,
    doc: DocHead,
    event_type: str,
    span_ids: Mapping[str, Sequence[int]],
    trigger: int | None,
    expected_version: int | None,
) -> None:
    """StoreError unless the type is the schema's and every span is one of the document's."""
    schema = schema_of(conn, doc.project_id)
    if schema.event_types and event_type not in schema.event_types:
        raise StoreError(
            f"event type {event_type!r} is not in the project's schema "
            f"({', '.join(schema.event_types)})"
        )
    wanted = {s for ids in span_ids.values() for s in ids}
    if trigger is not None:
        wanted.add(trigger)
    found: set[int] = set()
    for chunk in chunks(sorted(wanted)):
        found.update(
            conn.execute(
                select(SPANS.c.id).where(SPANS.c.id.in_(chunk), SPANS.c.document_id == doc.id)
            ).scalars()
        )
    missing = sorted(wanted - found)
    if missing:
        if expected_version is not None:
            # The caller saw the span at that version: someone else deleted it since.
            raise ConflictError(
                f"span {missing[0]} was deleted since you opened the document; reload it"
            )
        raise StoreError(f"span {missing[0]} is not a span of document {doc.name!r}")


def check_event_refs(
    conn: Connection,
    doc: DocHead,
    event_id: int | None,
    refs: Mapping[str, Sequence[int]],
    expected_version: int | None,
) -> None:
    """StoreError unless every event in ``refs`` is one of the document's and giving them to
    event ``event_id`` (None: a new event) makes no cycle."""
    wanted = {e for ids in refs.values() for e in ids}
    if not wanted:
        return
    graph: dict[int, list[int]] = {}
    for r in conn.execute(
        select(EVENT_ROLES.c.event_id, EVENT_ROLES.c.event_ref)
        .join(EVENTS, EVENTS.c.id == EVENT_ROLES.c.event_id)
        .where(EVENTS.c.document_id == doc.id, EVENT_ROLES.c.event_ref.is_not(None))
    ):
        graph.setdefault(int(r.event_id), []).append(int(r.event_ref))
    found = set(
        conn.execute(
            select(EVENTS.c.id).where(EVENTS.c.document_id == doc.id)
        ).scalars()
    )
    missing = sorted(wanted - found)
    if missing:
        if expected_version is not None and missing[0] != event_id:
            raise ConflictError(
                f"event {missing[0]} was deleted since you opened the document; reload it"
            )
        raise StoreError(f"event {missing[0]} is not an event of document {doc.name!r}")
    if event_id is None:
        return  # a new event: nothing names it yet, so it closes no cycle
    graph[event_id] = sorted(wanted)
    cycle = event_cycle({event_id: graph[event_id], **graph})
    if cycle is not None:
        raise StoreError(cycle_message(tuple(str(e) for e in cycle)))


def add_event(
    conn: Connection,
    document_id: int,
    event: Event,
    span_ids: Mapping[str, Sequence[int]],
    trigger: int | None,
    expected_version: int | None,
    status: DocStatus | None = None,
    event_id: int | None = None,
    event_refs: Mapping[str, Sequence[int]] | None = None,
) -> int:
    """Store an event whose roles and trigger are span ids of the document; returns its id.

    ``event_id`` puts a deleted event back under its old id when that id is free.
    ``event_refs``: roles filled by other events of the document, by id.
    """
    doc = head(conn, document_id)
    check_event(conn, doc, event.type, span_ids, trigger, expected_version)
    refs = {role: list(ids) for role, ids in (event_refs or {}).items() if ids}
    check_event_refs(conn, doc, None, refs, expected_version)
    bump(conn, doc, expected_version)
    write_status(conn, doc.id, status)
    if event_id is not None:
        taken = conn.execute(select(EVENTS.c.id).where(EVENTS.c.id == event_id)).first()
        if taken is not None:
            event_id = None
    roles = {role: list(ids) for role, ids in span_ids.items() if ids}
    return insert_event(conn, document_id, event, roles, trigger, event_id, refs)


def update_event(
    conn: Connection,
    frame: EventFrame,
    expected_version: int | None,
    status: DocStatus | None = None,
) -> None:
    """Give the stored event ``frame.id`` the type, roles, trigger and attributes of ``frame``."""
    assert frame.id is not None
    doc = _event_doc(conn, frame.id, expected_version)
    check_event(conn, doc, frame.type, frame.roles, frame.trigger, expected_version)
    check_event_refs(conn, doc, frame.id, frame.event_args, expected_version)
    bump(conn, doc, expected_version)
    write_status(conn, doc.id, status)
    conn.execute(
        update(EVENTS)
        .where(EVENTS.c.id == frame.id)
        .values(
            type=frame.type,
            trigger_span_id=frame.trigger,
            attrs=json_object(frame.attrs, "event attributes"),
        )
    )
    conn.execute(delete(EVENT_ROLES).where(EVENT_ROLES.c.event_id == frame.id))
    rows = [
        {"event_id": frame.id, "role": role, "span_id": span_id, "event_ref": None,
         "position": i}
        for role, ids in frame.roles.items()
        for i, span_id in enumerate(ids)
    ]
    rows += event_ref_rows(frame.id, frame.event_args)
    if rows:
        conn.execute(insert(EVENT_ROLES), rows)


def delete_event(
    conn: Connection,
    event_id: int,
    expected_version: int | None,
    status: DocStatus | None = None,
) -> None:
    """Remove an event; its spans stay. Refused while another event has it as an argument."""
    doc = _event_doc(conn, event_id, expected_version)
    user = conn.execute(
        select(EVENT_ROLES.c.event_id, EVENT_ROLES.c.role)
        .where(EVENT_ROLES.c.event_ref == event_id)
        .order_by(EVENT_ROLES.c.event_id)
    ).first()
    if user is not None:
        raise StoreError(
            f"event {event_id} is the {user.role} of event {user.event_id}: remove it from "
            "there (or delete that event) first"
        )
    bump(conn, doc, expected_version)
    write_status(conn, doc.id, status)
    conn.execute(delete(EVENTS).where(EVENTS.c.id == event_id))


def _event_doc(conn: Connection, event_id: int, expected_version: int | None) -> DocHead:
    doc_id = conn.execute(select(EVENTS.c.document_id).where(EVENTS.c.id == event_id)).scalar()
    if doc_id is None:
        if expected_version is not None:
            raise ConflictError(
                f"event {event_id} was deleted since you opened the document; reload it"
            )
        raise StoreError(f"event {event_id} does not exist")
    return head(conn, int(doc_id))
