"""Documents in bulk: adding a batch all or nothing, and the document list.

Functions take the caller's Connection; the Repository facade decides the transaction: one
write for a whole batch, so an import is all or nothing. Loading documents with their spans
and events is in ``loading``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection

from annotator.core.model import DocStatus, Document, LabelSchema, content_hash
from annotator.store.bulk import SpanInsert, attrs_json, insert_spans
from annotator.store.checks import check_status, document_problems, json_object, text_problem
from annotator.store.errors import StoreError
from annotator.store.rows import (
    DOCUMENTS,
    RELATIONS,
    SPANS,
    annotator_ids,
    chunks,
    insert_event,
    schema_of,
)

# How many problems one failed import lists before "and N more".
MAX_PROBLEMS = 20
# Class of the PostgreSQL advisory locks (class, project id) that serialize imports.
PG_IMPORT_LOCK = 0x616E6E49


@dataclass(frozen=True)
class DocumentSummary:
    """One row of the document list."""

    id: int
    name: str
    status: DocStatus
    span_count: int
    position: int


@dataclass(frozen=True)
class AddResult:
    """Outcome of add_documents: ids added (in input order), names skipped as duplicates."""

    added: list[int]
    duplicates: list[str]


def add_documents(
    conn: Connection, project_id: int, docs: list[Document], annotator: str | None
) -> AddResult:
    """Repository.add_documents inside a write transaction: lock, check, insert."""
    schema = schema_of(conn, project_id)
    if conn.dialect.name == "postgresql":
        # Positions and duplicate checks must not race with another import.
        conn.execute(
            text("SELECT pg_advisory_xact_lock(:c, :i)"),
            {"c": PG_IMPORT_LOCK, "i": project_id},
        )
    return add_in(conn, project_id, schema, docs, annotator)


def add_in(
    conn: Connection,
    project_id: int,
    schema: LabelSchema,
    docs: list[Document],
    default_annotator: str | None,
) -> AddResult:
    """Check every document, then store the new ones; StoreError listing problems, if any."""
    hashes = _hashes_or_refuse(docs, schema)
    existing: set[str] = set()
    for chunk in chunks(sorted(set(hashes))):
        existing.update(
            conn.execute(
                select(DOCUMENTS.c.content_hash).where(
                    DOCUMENTS.c.project_id == project_id,
                    DOCUMENTS.c.content_hash.in_(chunk),
                )
            ).scalars()
        )
    keep: list[tuple[Document, str]] = []
    duplicates: list[str] = []
    for doc, digest in zip(docs, hashes, strict=True):
        if digest in existing:
            duplicates.append(doc.name)
        else:
            existing.add(digest)
            keep.append((doc, digest))
    if not keep:
        return AddResult(added=[], duplicates=duplicates)

    doc_ids = _insert_documents(conn, project_id, keep)
    names = {span.annotator or default_annotator for doc, _ in keep for span in doc.spans}
    ids_by_name = annotator_ids(conn, {n for n in names if n is not None})
    span_rows: list[SpanInsert] = []
    for doc_id, (doc, _) in zip(doc_ids, keep, strict=True):
        span_rows.extend(_span_rows(doc_id, doc, default_annotator, ids_by_name))
    insert_spans(conn, span_rows)
    with_events = [(i, doc) for i, (doc, _) in zip(doc_ids, keep, strict=True)
                   if doc.events or doc.relations]
    if with_events:
        _insert_events(conn, with_events)
    return AddResult(added=doc_ids, duplicates=duplicates)


def _hashes_or_refuse(docs: list[Document], schema: LabelSchema) -> list[str]:
    """Content hashes of ``docs``, or StoreError refusing the batch with its problems."""
    labels = set(schema.names)
    problems: list[str] = []
    hashes: list[str] = []
    for n, doc in enumerate(docs, 1):
        where = f"document {n} ({doc.name!r})"
        problem = text_problem(doc.text)
        if problem:
            problems.append(f"{where}: {problem}")
            hashes.append("")
            continue
        hashes.append(content_hash(doc.text))
        problems.extend(document_problems(doc, schema, labels, where))
        if len(problems) > MAX_PROBLEMS:
            break
    if problems:
        shown = problems[:MAX_PROBLEMS]
        more = len(problems) - len(shown)
        message = "nothing was stored: " + "; ".join(shown)
        if more > 0:
            message += f"; and {more} more"
        raise StoreError(message, problems)
    return hashes


def _insert_documents(
    conn: Connection, project_id: int, keep: list[tuple[Document, str]]
) -> list[int]:
    """Insert the document rows after the project's last position; their ids in order."""
    last = conn.execute(
        select(func.max(DOCUMENTS.c.position)).where(DOCUMENTS.c.project_id == project_id)
    ).scalar()
    first_position = 0 if last is None else int(last) + 1
    doc_rows = [
        {
            "project_id": project_id,
            "name": doc.name,
            "text": doc.text,
            "content_hash": digest,
            "meta": dict(doc.meta),
            "status": doc.status,
            "position": first_position + i,
        }
        for i, (doc, digest) in enumerate(keep)
    ]
    conn.execute(insert(DOCUMENTS), doc_rows)
    # Ids by content hash (unique in a project): one executemany above instead of a
    # RETURNING insert, which SQLite can only run row by row when the order matters.
    id_by_hash: dict[str, int] = {}
    for chunk in chunks([digest for _, digest in keep]):
        for digest, doc_id in conn.execute(
            select(DOCUMENTS.c.content_hash, DOCUMENTS.c.id).where(
                DOCUMENTS.c.project_id == project_id, DOCUMENTS.c.content_hash.in_(chunk)
            )
        ):
            id_by_hash[digest] = int(doc_id)
    return [id_by_hash[digest] for _, digest in keep]


def _insert_events(conn: Connection, with_events: list[tuple[int, Document]]) -> None:
    # Events refer to spans by index. The documents are new, so all their spans are the rows
    # just inserted, and ids grow in insertion order: sort by id.
    span_ids: dict[int, list[int]] = {doc_id: [] for doc_id, _ in with_events}
    for chunk in chunks(list(span_ids)):
        for doc_id, span_id in conn.execute(
            select(SPANS.c.document_id, SPANS.c.id)
            .where(SPANS.c.document_id.in_(chunk))
            .order_by(SPANS.c.id)
        ):
            span_ids[doc_id].append(int(span_id))
    for doc_id, doc in with_events:
        ids = span_ids[doc_id]
        for event in doc.events:
            roles = {role: [ids[i] for i in idx] for role, idx in event.roles.items()}
            trigger = None if event.trigger is None else ids[event.trigger]
            insert_event(conn, doc_id, event, roles, trigger)
        relation_rows = [
            {"document_id": doc_id, "type": r.type, "head_span_id": ids[r.head],
             "tail_span_id": ids[r.tail], "attrs": json_object(r.attrs, "relation attributes")}
            for r in doc.relations
        ]
        if relation_rows:
            conn.execute(insert(RELATIONS), relation_rows)


def _span_rows(
    doc_id: int, doc: Document, default_annotator: str | None, ids_by_name: dict[str, int]
) -> list[SpanInsert]:
    rows: list[SpanInsert] = []
    for i, span in enumerate(doc.spans, 1):
        name = span.annotator or default_annotator
        try:
            attrs = attrs_json(span.attrs)
        except (TypeError, ValueError) as exc:
            raise StoreError(
                f"nothing was stored: document {doc.name!r}: span {i}: attributes are not "
                f"JSON: {exc}"
            ) from None
        rows.append(
            (
                doc_id,
                None if name is None else ids_by_name[name],
                span.start,
                span.end,
                span.label,
                attrs,
                span.origin,
            )
        )
    return rows


def list_documents(
    conn: Connection, project_id: int, status: DocStatus | None
) -> list[DocumentSummary]:
    """The documents of a project in corpus order, with their span counts."""
    # A count per document through the (document_id, start) index: cheaper than grouping
    # every span of the project when only some documents are listed.
    span_count = (
        select(func.count())
        .where(SPANS.c.document_id == DOCUMENTS.c.id)
        .correlate(DOCUMENTS)
        .scalar_subquery()
    )
    query = (
        select(
            DOCUMENTS.c.id,
            DOCUMENTS.c.name,
            DOCUMENTS.c.status,
            DOCUMENTS.c.position,
            span_count.label("n"),
        )
        .where(DOCUMENTS.c.project_id == project_id)
        .order_by(DOCUMENTS.c.position, DOCUMENTS.c.id)
    )
    if status is not None:
        query = query.where(DOCUMENTS.c.status == status)
    schema_of(conn, project_id)
    return [
        DocumentSummary(
            id=int(r.id),
            name=str(r.name),
            status=check_status(r.status),
            span_count=int(r.n),
            position=int(r.position),
        )
        for r in conn.execute(query)
    ]
