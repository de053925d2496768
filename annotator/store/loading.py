"""Loading documents with their spans and events: one, or a project's in batches (exports).

Functions take the caller's Connection and only read; the Repository facade runs them in one
read snapshot, so an export read in batches never mixes two states of the corpus.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.engine import Connection

from annotator.core.model import DocStatus, Document, Event, Relation, Span
from annotator.store.bulk import decode_attrs, select_spans
from annotator.store.errors import StoreError
from annotator.store.rows import DOCUMENTS, EVENT_ROLES, EVENTS, RELATIONS, schema_of


def get_document(conn: Connection, document_id: int, annotator: str | None) -> Document:
    """A document with its spans and events; StoreError if there is no such document."""
    rows = conn.execute(_document_select().where(DOCUMENTS.c.id == document_id)).all()
    if not rows:
        raise StoreError(f"document {document_id} does not exist")
    return _load(conn, rows, annotator)[0]


def iter_documents(
    conn: Connection,
    project_id: int,
    status: DocStatus | None,
    annotator: str | None,
    batch_size: int,
) -> Iterator[Document]:
    """Every document of a project in corpus order, loaded ``batch_size`` at a time."""
    schema_of(conn, project_id)
    last: tuple[int, int] | None = None
    while True:
        query = _document_select().where(DOCUMENTS.c.project_id == project_id)
        if status is not None:
            query = query.where(DOCUMENTS.c.status == status)
        if last is not None:
            # Keyset paging: each batch is an index range scan, however deep.
            query = query.where(
                or_(
                    DOCUMENTS.c.position > last[0],
                    and_(DOCUMENTS.c.position == last[0], DOCUMENTS.c.id > last[1]),
                )
            )
        rows = conn.execute(
            query.order_by(DOCUMENTS.c.position, DOCUMENTS.c.id).limit(batch_size)
        ).all()
        if not rows:
            return
        yield from _load(conn, rows, annotator)
        last = (int(rows[-1].position), int(rows[-1].id))


def document_keys(
    conn: Connection, project_id: int, status: DocStatus | None
) -> list[tuple[int, str, str]]:
    """(id, content hash, name) of the project's documents in corpus order: no texts."""
    schema_of(conn, project_id)
    query = select(DOCUMENTS.c.id, DOCUMENTS.c.content_hash, DOCUMENTS.c.name).where(
        DOCUMENTS.c.project_id == project_id
    )
    if status is not None:
        query = query.where(DOCUMENTS.c.status == status)
    rows = conn.execute(query.order_by(DOCUMENTS.c.position, DOCUMENTS.c.id))
    return [(int(r.id), str(r.content_hash), str(r.name)) for r in rows]


def iter_by_ids(
    conn: Connection, ids: Sequence[int], annotator: str | None, batch_size: int
) -> Iterator[Document]:
    """The documents ``ids``, in that order, loaded ``batch_size`` at a time."""
    for start in range(0, len(ids), batch_size):
        chunk = list(ids[start : start + batch_size])
        rows = conn.execute(_document_select().where(DOCUMENTS.c.id.in_(chunk))).all()
        by_id = {doc.id: doc for doc in _load(conn, rows, annotator)}
        for doc_id in chunk:
            if doc_id not in by_id:
                raise StoreError(f"document {doc_id} does not exist")
            yield by_id[doc_id]


def _document_select() -> Any:
    return select(
        DOCUMENTS.c.id,
        DOCUMENTS.c.name,
        DOCUMENTS.c.text,
        DOCUMENTS.c.meta,
        DOCUMENTS.c.status,
        DOCUMENTS.c.position,
    )


def _load(conn: Connection, rows: Sequence[Any], annotator: str | None) -> list[Document]:
    """Documents for ``rows`` with their spans and events, three queries per batch."""
    ids = [int(r.id) for r in rows]
    texts = {int(r.id): str(r.text) for r in rows}
    spans: dict[int, list[Span]] = {i: [] for i in ids}
    for span_id, doc_id, start, end, label, attrs, origin, name in select_spans(
        conn, ids, annotator
    ):
        spans[doc_id].append(
            Span(
                start=start,
                end=end,
                label=label,
                text=texts[doc_id][start:end],
                id=span_id,
                annotator=name,
                origin=origin,  # type: ignore[arg-type]
                attrs=decode_attrs(attrs),
            )
        )
    events = _load_events(conn, ids, spans)
    relations = _load_relations(conn, ids, spans)
    return [
        Document(
            name=r.name,
            text=r.text,
            meta=r.meta,
            status=r.status,
            spans=tuple(spans[r.id]),
            events=tuple(events.get(r.id, ())),
            relations=tuple(relations.get(r.id, ())),
            id=r.id,
        )
        for r in rows
    ]


def _load_events(
    conn: Connection, ids: list[int], spans: dict[int, list[Span]]
) -> dict[int, list[Event]]:
    event_rows = conn.execute(
        select(EVENTS.c.id, EVENTS.c.document_id, EVENTS.c.type, EVENTS.c.trigger_span_id,
               EVENTS.c.attrs)
        .where(EVENTS.c.document_id.in_(ids))
        .order_by(EVENTS.c.document_id, EVENTS.c.id)
    ).all()
    if not event_rows:
        return {}
    roles: dict[int, dict[str, list[int]]] = {int(r.id): {} for r in event_rows}
    refs: dict[int, dict[str, list[int]]] = {int(r.id): {} for r in event_rows}
    role_rows = conn.execute(
        select(EVENT_ROLES.c.event_id, EVENT_ROLES.c.role, EVENT_ROLES.c.span_id,
               EVENT_ROLES.c.event_ref)
        .join(EVENTS, EVENTS.c.id == EVENT_ROLES.c.event_id)
        .where(EVENTS.c.document_id.in_(ids))
        .order_by(EVENT_ROLES.c.event_id, EVENT_ROLES.c.position, EVENT_ROLES.c.id)
    )
    for role_row in role_rows:
        if role_row.span_id is not None:
            roles[role_row.event_id].setdefault(role_row.role, []).append(int(role_row.span_id))
        else:
            refs[role_row.event_id].setdefault(role_row.role, []).append(
                int(role_row.event_ref))
    by_doc: dict[int, list[Any]] = {}
    for r in event_rows:
        by_doc.setdefault(r.document_id, []).append(r)
    out: dict[int, list[Event]] = {}
    for doc_id, rows in by_doc.items():
        index = {span.id: i for i, span in enumerate(spans[doc_id])}
        kept = []
        for r in rows:
            span_ids = [s for ss in roles[r.id].values() for s in ss]
            if r.trigger_span_id is not None:
                span_ids.append(r.trigger_span_id)
            # With an annotator filter, an event built on someone else's spans is not theirs.
            if all(s in index for s in span_ids):
                kept.append(r)
        # ... nor is an event whose argument event is not theirs (nesting goes deeper).
        while True:
            alive = {int(r.id) for r in kept}
            still = [r for r in kept
                     if all(e in alive for es in refs[r.id].values() for e in es)]
            if len(still) == len(kept):
                break
            kept = still
        position = {int(r.id): i for i, r in enumerate(kept)}
        out[doc_id] = [
            Event(
                type=r.type,
                roles={k: tuple(index[s] for s in v) for k, v in roles[r.id].items()},
                trigger=None if r.trigger_span_id is None else index[r.trigger_span_id],
                id=r.id,
                attrs=r.attrs,
                event_args={k: tuple(position[e] for e in v) for k, v in refs[r.id].items()},
            )
            for r in kept
        ]
    return {doc_id: events for doc_id, events in out.items() if events}


def _load_relations(
    conn: Connection, ids: list[int], spans: dict[int, list[Span]]
) -> dict[int, list[Relation]]:
    rows = conn.execute(
        select(RELATIONS.c.id, RELATIONS.c.document_id, RELATIONS.c.type,
               RELATIONS.c.head_span_id, RELATIONS.c.tail_span_id, RELATIONS.c.attrs)
        .where(RELATIONS.c.document_id.in_(ids))
        .order_by(RELATIONS.c.document_id, RELATIONS.c.id)
    ).all()
    out: dict[int, list[Relation]] = {}
    indexes: dict[int, dict[int | None, int]] = {}
    for r in rows:
        index = indexes.get(r.document_id)
        if index is None:
            index = indexes[r.document_id] = {s.id: i for i, s in enumerate(spans[r.document_id])}
        # With an annotator filter, a relation on someone else's spans is not theirs.
        if r.head_span_id not in index or r.tail_span_id not in index:
            continue
        out.setdefault(r.document_id, []).append(
            Relation(r.type, index[r.head_span_id], index[r.tail_span_id], int(r.id),
                     decode_attrs(r.attrs))
        )
    return out
