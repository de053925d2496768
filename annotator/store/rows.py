"""Table handles and the row-level look-ups that several feature modules share.

Every function takes the caller's Connection and runs inside the caller's transaction; none of
them commits. Nothing here leaves the store package.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, insert, select, text, update
from sqlalchemy.engine import Connection

from annotator.core.labels import SchemaError, parse_schema
from annotator.core.messages import Message
from annotator.core.model import Event, LabelSchema
from annotator.store.checks import json_object
from annotator.store.errors import StoreError
from annotator.store.tables import (
    ANNOTATORS,
    DOCUMENTS,
    EVENT_ROLES,
    EVENTS,
    PROJECTS,
    RELATIONS,
    SPAN_COUNTS,
    SPANS,
)

# The tables are re-exported: feature modules take them and the look-ups from here.
__all__ = [
    "ANNOTATORS",
    "CHUNK",
    "DOCUMENTS",
    "EVENTS",
    "EVENT_ROLES",
    "PROJECTS",
    "RELATIONS",
    "SPANS",
    "SPAN_COUNTS",
    "DocHead",
    "annotator_ids",
    "chunks",
    "count_document_spans",
    "count_spans",
    "head",
    "insert_event",
    "insert_ignore",
    "schema_of",
    "span_head",
]

# Bound parameters per IN (...) list: far below SQLite's limit, large enough to be cheap.
CHUNK = 500


@dataclass(frozen=True)
class DocHead:
    """The columns of a document that edits need: where it belongs, its text, its version."""

    id: int
    project_id: int
    name: str
    text: str
    version: int


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    """``items`` in slices of at most ``size``, for IN (...) lists."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def schema_of(conn: Connection, project_id: int) -> LabelSchema:
    """The label schema of a project; StoreError if there is no such project."""
    raw = conn.execute(select(PROJECTS.c.schema).where(PROJECTS.c.id == project_id)).first()
    if raw is None:
        raise StoreError(f"project {project_id} does not exist")
    try:
        return parse_schema(raw[0], source=f"schema of project {project_id}")
    except SchemaError as exc:
        raise StoreError(str(exc)) from None


def head(conn: Connection, document_id: int) -> DocHead:
    """The document's head; StoreError if there is no such document."""
    row = conn.execute(
        select(
            DOCUMENTS.c.id,
            DOCUMENTS.c.project_id,
            DOCUMENTS.c.name,
            DOCUMENTS.c.text,
            DOCUMENTS.c.version,
        ).where(DOCUMENTS.c.id == document_id)
    ).first()
    if row is None:
        raise StoreError(Message("store.no_document", id=document_id))
    return DocHead(int(row.id), int(row.project_id), row.name, row.text, int(row.version))


def span_head(conn: Connection, span_id: int) -> DocHead:
    """The head of the document a span belongs to; StoreError if the span is gone."""
    doc_id = conn.execute(select(SPANS.c.document_id).where(SPANS.c.id == span_id)).scalar()
    if doc_id is None:
        raise StoreError(Message("store.span_gone", span=span_id))
    return head(conn, int(doc_id))


def insert_ignore(conn: Connection, table: Table, values: dict[str, Any]) -> int | None:
    """Insert a row unless it clashes with a unique one; its id, or None if it clashed."""
    # The dialects' insert constructs are imported here: loading them costs every command.
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        stmt: Any = pg_insert(table).values(**values).on_conflict_do_nothing()
    elif conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(table).values(**values).on_conflict_do_nothing()
    else:
        exists = conn.execute(select(table.c.id).where(table.c.name == values["name"]))
        if exists.first() is not None:
            return None
        stmt = insert(table).values(**values)
    # RETURNING, not rowcount: drivers report -1 rows for an INSERT that returns rows.
    row = conn.execute(stmt.returning(table.c.id)).first()
    return None if row is None else int(row[0])


def annotator_ids(conn: Connection, names: set[str]) -> dict[str, int]:
    """Ids of the named annotators, creating the missing ones."""
    if not names:
        return {}
    for name in names:
        if not name.strip():
            raise StoreError("an annotator needs a name")
    wanted = sorted(names)
    ids: dict[str, int] = {}
    for chunk in chunks(wanted):
        for r in conn.execute(
            select(ANNOTATORS.c.name, ANNOTATORS.c.id).where(ANNOTATORS.c.name.in_(chunk))
        ):
            ids[r.name] = int(r.id)
    missing = [n for n in wanted if n not in ids]
    for name in missing:
        # Another client may add the same name at once: insert-or-ignore, then read.
        insert_ignore(conn, ANNOTATORS, {"name": name})
    if missing:
        for chunk in chunks(missing):
            for r in conn.execute(
                select(ANNOTATORS.c.name, ANNOTATORS.c.id).where(ANNOTATORS.c.name.in_(chunk))
            ):
                ids[r.name] = int(r.id)
    return ids


def count_spans(
    conn: Connection, project_id: int, deltas: Mapping[tuple[str, int | None], int]
) -> None:
    """Add ``deltas`` ((label, annotator id) -> change) to the project's stored span counts.

    Every write of spans calls this in its own transaction, so the counts always match the
    rows; spans nobody owns are counted under annotator id 0.
    """
    rows = [
        {"p": project_id, "l": label, "a": annotator or 0, "n": n}
        for (label, annotator), n in deltas.items()
        if n
    ]
    if not rows:
        return
    # One upsert on both engines (SQLite >= 3.24, PostgreSQL >= 9.5).
    conn.execute(
        text(
            f"INSERT INTO {SPAN_COUNTS.name} (project_id, label, annotator_id, n) "
            "VALUES (:p, :l, :a, :n) ON CONFLICT (project_id, label, annotator_id) "
            f"DO UPDATE SET n = {SPAN_COUNTS.name}.n + excluded.n"
        ),
        rows,
    )


def count_document_spans(conn: Connection, document_id: int, delta: int) -> None:
    """Add ``delta`` to the document's stored span count (``documents.span_count``).

    Every write of spans calls this in its own transaction, next to ``count_spans``, so the
    count always matches the rows; an import gives a new document its count as it inserts it.
    """
    if delta:
        conn.execute(
            update(DOCUMENTS).where(DOCUMENTS.c.id == document_id)
            .values(span_count=DOCUMENTS.c.span_count + delta)
        )


def insert_event(
    conn: Connection,
    document_id: int,
    event: Event,
    roles: Mapping[str, Sequence[int]],
    trigger: int | None,
    event_id: int | None = None,
    event_refs: Mapping[str, Sequence[int]] | None = None,
) -> int:
    """Insert an event whose roles and trigger are stored span ids; returns its id.

    ``event_id`` puts a deleted event back under its old id (the caller checked it is free).
    ``event_refs``: roles filled by other stored events, by id (the caller checked them).
    """
    values: dict[str, Any] = {
        "document_id": document_id,
        "type": event.type,
        "trigger_span_id": trigger,
        "attrs": json_object(event.attrs, "event attributes"),
    }
    if event_id is not None:
        values["id"] = event_id
    result = conn.execute(insert(EVENTS).values(**values))
    assert result.inserted_primary_key is not None
    event_id = int(result.inserted_primary_key[0])
    role_rows = [
        {"event_id": event_id, "role": role, "span_id": span_id, "event_ref": None,
         "position": i}
        for role, ids in roles.items()
        for i, span_id in enumerate(ids)
    ]
    role_rows += event_ref_rows(event_id, event_refs or {})
    if role_rows:
        conn.execute(insert(EVENT_ROLES), role_rows)
    return event_id


def event_ref_rows(event_id: int, refs: Mapping[str, Sequence[int]]) -> list[dict[str, Any]]:
    """``event_roles`` rows for the roles of event ``event_id`` that other events fill."""
    return [
        {"event_id": event_id, "role": role, "span_id": None, "event_ref": ref, "position": i}
        for role, ids in refs.items()
        for i, ref in enumerate(ids)
    ]
