"""Documents in bulk: adding a batch all or nothing, and the document list.

Functions take the caller's Connection; the Repository facade decides the transaction: one
write for a whole batch, so an import is all or nothing. Loading documents with their spans
and events is in ``loading``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection

from annotator.core.model import DocStatus, Document, LabelSchema, content_hash
from annotator.store.bulk import (
    SpanInsert,
    attrs_json,
    insert_documents,
    insert_spans,
    meta_json,
)
from annotator.store.checks import document_problems, text_problem
from annotator.store.errors import StoreError
from annotator.store.rows import (
    DOCUMENTS,
    SPANS,
    annotator_ids,
    chunks,
    count_spans,
    insert_event,
    schema_of,
)
from annotator.store.search import index_documents

# Documents stored per round of inserts (their spans and search keys go with them).
INSERT_BATCH = 500
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
    position: int  # from 0, in the project: "#" in the list is position + 1
    title: str = ""  # meta["title"], else the first line of the text


@dataclass(frozen=True)
class AddResult:
    """Outcome of add_documents: ids added (in input order), names skipped as duplicates."""

    added: list[int]
    duplicates: list[str]
    spans: int = 0  # spans stored with the added documents


def add_documents(
    conn: Connection, project_id: int, docs: list[Document], annotator: str | None
) -> AddResult:
    """Repository.add_documents inside a write transaction: lock, check, insert."""
    return add_batches(conn, project_id, [docs], annotator)


def add_batches(
    conn: Connection,
    project_id: int,
    batches: Iterable[list[Document]],
    annotator: str | None,
) -> AddResult:
    """Store batch after batch in the caller's one write transaction; a problem in any batch
    refuses them all (the caller rolls back)."""
    schema = schema_of(conn, project_id)
    if conn.dialect.name == "postgresql":
        # Positions and duplicate checks must not race with another import.
        conn.execute(
            text("SELECT pg_advisory_xact_lock(:c, :i)"),
            {"c": PG_IMPORT_LOCK, "i": project_id},
        )
    added: list[int] = []
    duplicates: list[str] = []
    spans = 0
    for docs in batches:
        # Later batches see the documents of earlier ones: duplicates across batches count.
        result = add_in(conn, project_id, schema, docs, annotator)
        added.extend(result.added)
        duplicates.extend(result.duplicates)
        spans += result.spans
    return AddResult(added=added, duplicates=duplicates, spans=spans)


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

    names = {span.annotator or default_annotator for doc, _ in keep for span in doc.spans}
    ids_by_name = annotator_ids(conn, {n for n in names if n is not None})
    counts: dict[tuple[str, int | None], int] = {}
    doc_ids: list[int] = []
    # In slices: the rows sent to the driver (span tuples, folded texts) never exist for the
    # whole batch at once. Still one transaction: all or nothing.
    for start in range(0, len(keep), INSERT_BATCH):
        part = keep[start : start + INSERT_BATCH]
        ids = _insert_documents(conn, project_id, part)
        index_documents(conn, [(i, doc.text) for i, (doc, _) in zip(ids, part, strict=True)])
        span_rows: list[SpanInsert] = []
        for doc_id, (doc, _) in zip(ids, part, strict=True):
            span_rows.extend(_span_rows(doc_id, doc, default_annotator, ids_by_name))
        insert_spans(conn, span_rows)
        for row in span_rows:
            key = (row[4], row[1])
            counts[key] = counts.get(key, 0) + 1
        with_events = [(i, doc) for i, (doc, _) in zip(ids, part, strict=True) if doc.events]
        if with_events:
            _insert_events(conn, with_events)
        doc_ids.extend(ids)
    count_spans(conn, project_id, counts)
    return AddResult(added=doc_ids, duplicates=duplicates, spans=sum(counts.values()))


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
    insert_documents(conn, [
        (project_id, doc.name, doc.text, digest, meta_json(doc.meta), doc.status,
         first_position + i)
        for i, (doc, digest) in enumerate(keep)
    ])
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
