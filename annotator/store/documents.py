"""Documents in bulk: adding a batch all or nothing, and the document list.

Functions take the caller's Connection; the Repository facade decides the transaction: one
write for a whole batch, so an import is all or nothing. Loading documents with their spans
and events is in ``loading``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from operator import itemgetter

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from annotator.core.labels import schema_to_dict
from annotator.core.model import DocStatus, Document, DocumentRows, LabelSchema, content_hash
from annotator.store.bulk import (
    SpanInsert,
    attrs_json,
    insert_documents,
    insert_spans,
    meta_json,
)
from annotator.store.checks import (
    document_problems,
    json_object,
    label_message,
    text_problem,
)
from annotator.store.errors import StoreError
from annotator.store.merging import OnDuplicate, merge_into
from annotator.store.rows import (
    DOCUMENTS,
    EVENT_ROLES,
    PROJECTS,
    RELATIONS,
    SPANS,
    annotator_ids,
    chunks,
    count_spans,
    event_ref_rows,
    insert_event,
    schema_of,
)
from annotator.store.search import mark_pending

# Documents stored per round of inserts (their spans and search keys go with them), and the
# SQLite page cache of an import's transaction in KiB (PRAGMA cache_size's negative form):
# shared with the CLI's bare-driver import, which must store the same rows in the same order.
from annotator.store.sql_writes import IMPORT_CACHE_SIZE, INSERT_BATCH

# A span row's (label, annotator id): what the stored span counts are kept per.
_LABEL_AND_OWNER = itemgetter(4, 1)
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
    """Outcome of add_documents: ids added (in input order), names of the documents the
    project had already (duplicates); with merging, the ids of those that changed and what
    was added to them; the labels and event types the schema gained."""

    added: list[int]
    duplicates: list[str]
    merged: list[int] = field(default_factory=list)
    merged_spans: int = 0
    merged_events: int = 0
    replaced_spans: int = 0
    new_labels: list[str] = field(default_factory=list)
    new_event_types: list[str] = field(default_factory=list)
    spans: int = 0  # spans stored with the added documents


#: Given the project's schema as it is inside the import's transaction and the documents that
#: will be stored (new ones, and with merging the duplicates), the schema to store them under.
SchemaExtender = Callable[[LabelSchema, Sequence[Document]], LabelSchema]

#: What an import hands the store: documents, or the bulk import's checked rows.
Storable = Document | DocumentRows


def _digest(doc: Storable) -> str:
    return doc.content_hash if isinstance(doc, DocumentRows) else content_hash(doc.text)


def _as_document(doc: Storable) -> Document:
    return doc.document() if isinstance(doc, DocumentRows) else doc


def add_documents(
    conn: Connection,
    project_id: int,
    docs: list[Document],
    annotator: str | None,
    *,
    extend: SchemaExtender | None = None,
    on_duplicate: OnDuplicate = "skip",
) -> AddResult:
    """Repository.add_documents inside a write transaction: lock, check, insert.

    The schema change of ``extend`` is made in this same transaction, after the lock and
    from the schema as it is now: two imports adding labels at once both keep theirs, and
    an import that stores nothing (all duplicates, or killed midway) adds no label.
    """
    return add_batches(conn, project_id, [docs], annotator,
                       extend=extend, on_duplicate=on_duplicate)


def add_batches(
    conn: Connection,
    project_id: int,
    batches: Iterable[Sequence[Storable]],
    annotator: str | None,
    *,
    extend: SchemaExtender | None = None,
    on_duplicate: OnDuplicate = "skip",
) -> AddResult:
    """Store batch after batch in the caller's one write transaction; a problem in any batch
    refuses them all (the caller rolls back). Later batches see the documents of earlier
    ones, so duplicates across batches count."""
    if conn.dialect.name != "sqlite":
        return _add_batches(conn, project_id, batches, annotator, extend=extend,
                            on_duplicate=on_duplicate)
    # A larger page cache for the import's transaction: with the connection's 32 MB, SQLite
    # spills dirty index pages to the WAL and reads them back (ADR 0016: 0.4-0.5 s of a 10k
    # import's CPU). Set back afterwards, which also frees the pages above the old size.
    previous = int(conn.exec_driver_sql("PRAGMA cache_size").scalar() or 0)
    if previous > IMPORT_CACHE_SIZE:  # both negative: KiB
        conn.exec_driver_sql(f"PRAGMA cache_size = {IMPORT_CACHE_SIZE}")
    try:
        return _add_batches(conn, project_id, batches, annotator, extend=extend,
                            on_duplicate=on_duplicate)
    finally:
        if previous > IMPORT_CACHE_SIZE:
            # A connection left with the larger cache only holds more memory: not worth
            # hiding the import's own error for.
            with suppress(DBAPIError):
                conn.exec_driver_sql(f"PRAGMA cache_size = {previous}")


def _add_batches(
    conn: Connection,
    project_id: int,
    batches: Iterable[Sequence[Storable]],
    annotator: str | None,
    *,
    extend: SchemaExtender | None,
    on_duplicate: OnDuplicate,
) -> AddResult:
    if conn.dialect.name == "postgresql":
        # Positions, duplicate checks and schema changes must not race with another import.
        conn.execute(
            text("SELECT pg_advisory_xact_lock(:c, :i)"),
            {"c": PG_IMPORT_LOCK, "i": project_id},
        )
    schema = schema_of(conn, project_id)
    if extend is None and on_duplicate == "skip":
        # The lean path: nothing but new documents, batch after batch.
        added: list[int] = []
        duplicates: list[str] = []
        spans = 0
        for docs in batches:
            result = add_in(conn, project_id, schema, docs, annotator)
            added.extend(result.added)
            duplicates.extend(result.duplicates)
            spans += result.spans
        return AddResult(added=added, duplicates=duplicates, spans=spans)
    total = AddResult(added=[], duplicates=[])
    for docs in batches:
        one = _add_batch(conn, project_id, docs, annotator, extend=extend,
                         on_duplicate=on_duplicate)
        total = AddResult(
            added=total.added + one.added,
            duplicates=total.duplicates + one.duplicates,
            merged=total.merged + one.merged,
            merged_spans=total.merged_spans + one.merged_spans,
            merged_events=total.merged_events + one.merged_events,
            replaced_spans=total.replaced_spans + one.replaced_spans,
            new_labels=total.new_labels + one.new_labels,
            new_event_types=total.new_event_types + one.new_event_types,
            spans=total.spans + one.spans,
        )
    return total


def _add_batch(
    conn: Connection,
    project_id: int,
    docs: Sequence[Storable],
    annotator: str | None,
    *,
    extend: SchemaExtender | None,
    on_duplicate: OnDuplicate,
) -> AddResult:
    """One batch with a schema change and/or merging of duplicates (the lock is held)."""
    schema = schema_of(conn, project_id)
    fresh, known = _split_known(conn, project_id, docs)
    new_labels: list[str] = []
    new_types: list[str] = []
    if extend is not None:
        used = [*fresh, *(doc for _, doc in known)] if on_duplicate != "skip" else fresh
        extended = extend(schema, [_as_document(doc) for doc in used])
        lost = [name for name in schema.names if name not in extended.names]
        if lost:
            raise StoreError(f"the new schema lacks labels of the project: {', '.join(lost)}")
        if extended != schema:
            conn.execute(update(PROJECTS).where(PROJECTS.c.id == project_id)
                         .values(schema=schema_to_dict(extended)))
            new_labels = [n for n in extended.names if n not in schema.names]
            new_types = [t for t in extended.event_types if t not in schema.event_types]
            schema = extended
    result = add_in(conn, project_id, schema, fresh, annotator)
    merged: list[int] = []
    spans = events = removed = 0
    if on_duplicate != "skip" and known:
        labels = set(schema.names)
        problems = [p for _, doc in known
                    for p in document_problems(doc, schema, labels,
                                               f"document {doc.name!r} (already stored)")]
        if problems:
            raise StoreError("nothing was stored: " + "; ".join(problems[:MAX_PROBLEMS]),
                             problems)
        names = {span.annotator or annotator for _, doc in known for span in doc.spans}
        ids_by_name = annotator_ids(conn, {n for n in names if n is not None})
        for doc_id, doc in known:
            id_of: dict[str | None, int | None] = {
                span.annotator: (None if (span.annotator or annotator) is None
                                 else ids_by_name[span.annotator or annotator or ""])
                for span in doc.spans
            }
            count = merge_into(conn, doc_id, doc, id_of, replace=on_duplicate == "replace")
            if count.spans or count.events or count.removed_spans:
                merged.append(doc_id)
            spans += count.spans
            events += count.events
            removed += count.removed_spans
    return AddResult(
        added=result.added, duplicates=[doc.name for _, doc in known] + result.duplicates,
        merged=merged, merged_spans=spans, merged_events=events, replaced_spans=removed,
        new_labels=new_labels, new_event_types=new_types, spans=result.spans,
    )


def _split_known(
    conn: Connection, project_id: int, docs: Sequence[Storable]
) -> tuple[list[Storable], list[tuple[int, Document]]]:
    """``docs`` as (new ones, (stored id, document) for those whose text the project has)."""
    digests = [_digest(doc) for doc in docs]
    stored: dict[str, int] = {}
    for chunk in chunks(sorted(set(digests))):
        for digest, doc_id in conn.execute(
            select(DOCUMENTS.c.content_hash, DOCUMENTS.c.id).where(
                DOCUMENTS.c.project_id == project_id, DOCUMENTS.c.content_hash.in_(chunk)
            )
        ):
            stored[str(digest)] = int(doc_id)
    fresh: list[Storable] = []
    known: list[tuple[int, Document]] = []
    for doc, digest in zip(docs, digests, strict=True):
        if digest in stored:
            known.append((stored[digest], _as_document(doc)))
        else:
            fresh.append(doc)
    return fresh, known


def add_in(
    conn: Connection,
    project_id: int,
    schema: LabelSchema,
    docs: Sequence[Storable],
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
    keep: list[tuple[Storable, str]] = []
    duplicates: list[str] = []
    for doc, digest in zip(docs, hashes, strict=True):
        if digest in existing:
            duplicates.append(doc.name)
        else:
            existing.add(digest)
            keep.append((doc, digest))
    if not keep:
        return AddResult(added=[], duplicates=duplicates)

    names = {name for doc, _ in keep for name in _annotators(doc, default_annotator)}
    ids_by_name = annotator_ids(conn, {n for n in names if n is not None})
    counts: Counter[tuple[str, int | None]] = Counter()
    doc_ids: list[int] = []
    # In slices: the rows sent to the driver (span tuples) never exist for the
    # whole batch at once. Still one transaction: all or nothing.
    for start in range(0, len(keep), INSERT_BATCH):
        part = keep[start : start + INSERT_BATCH]
        ids = _insert_documents(conn, project_id, part)
        # Not indexed here: the search index is completed later (store.search, ADR 0016).
        mark_pending(conn, ids)
        span_rows: list[SpanInsert] = []
        for doc_id, (doc, _) in zip(ids, part, strict=True):
            span_rows.extend(_span_rows(doc_id, doc, default_annotator, ids_by_name))
        insert_spans(conn, span_rows)
        # (label, annotator id) of every row, counted in C: 220,000 rows in a 10k import.
        counts.update(map(_LABEL_AND_OWNER, span_rows))
        with_events = [(i, doc) for i, (doc, _) in zip(ids, part, strict=True)
                       if isinstance(doc, Document) and (doc.events or doc.relations)]
        if with_events:
            _insert_events(conn, with_events)
        doc_ids.extend(ids)
    unknown = sorted({label for label, _ in counts} - set(schema.names))
    if unknown:
        # Rows were checked against the schema their reader was given; this one is the
        # schema inside the transaction (a label removed meanwhile must not come back).
        raise StoreError("nothing was stored: " + "; ".join(
            label_message(label, schema) for label in unknown))
    count_spans(conn, project_id, counts)
    return AddResult(added=doc_ids, duplicates=duplicates, spans=sum(counts.values()))


def _hashes_or_refuse(docs: Sequence[Storable], schema: LabelSchema) -> list[str]:
    """Content hashes of ``docs``, or StoreError refusing the batch with its problems.

    ``DocumentRows`` were checked by their reader (all but the schema inside this
    transaction, which ``add_in`` compares with their labels): only their hash is taken."""
    labels = set(schema.names)
    problems: list[str] = []
    hashes: list[str] = []
    for n, doc in enumerate(docs, 1):
        if isinstance(doc, DocumentRows):
            hashes.append(doc.content_hash)
            continue
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
    conn: Connection, project_id: int, keep: list[tuple[Storable, str]]
) -> list[int]:
    """Insert the document rows after the project's last position; their ids in order."""
    last = conn.execute(
        select(func.max(DOCUMENTS.c.position)).where(DOCUMENTS.c.project_id == project_id)
    ).scalar()
    first_position = 0 if last is None else int(last) + 1
    # Each new document's stored span count is given with its row: every one of its spans
    # is inserted in this transaction (add_in), so no UPDATE per document follows.
    ids = insert_documents(conn, [
        (project_id, doc.name, doc.text, digest,
         doc.meta if isinstance(doc, DocumentRows) else meta_json(doc.meta), doc.status,
         first_position + i, len(doc.spans))
        for i, (doc, digest) in enumerate(keep)
    ])
    if ids is not None:
        return ids
    # Other engines: ids by content hash (unique in a project), one query per chunk; an
    # INSERT ... RETURNING of many rows promises no order.
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
        event_ids: list[int] = []
        for event in doc.events:
            roles = {role: [ids[i] for i in idx] for role, idx in event.roles.items()}
            trigger = None if event.trigger is None else ids[event.trigger]
            event_ids.append(insert_event(conn, doc_id, event, roles, trigger))
        # Nested events may name an event that comes later: their rows once all have ids.
        ref_rows = [
            row
            for event_id, event in zip(event_ids, doc.events, strict=True)
            for row in event_ref_rows(
                event_id,
                {role: [event_ids[j] for j in idx] for role, idx in event.event_args.items()},
            )
        ]
        if ref_rows:
            conn.execute(insert(EVENT_ROLES), ref_rows)
        relation_rows = [
            {"document_id": doc_id, "type": r.type, "head_span_id": ids[r.head],
             "tail_span_id": ids[r.tail], "attrs": json_object(r.attrs, "relation attributes")}
            for r in doc.relations
        ]
        if relation_rows:
            conn.execute(insert(RELATIONS), relation_rows)


def _annotators(doc: Storable, default_annotator: str | None) -> set[str]:
    """The names of the annotators the document's spans will belong to."""
    if isinstance(doc, DocumentRows):
        name = doc.annotator or default_annotator
        return set() if name is None or not doc.spans else {name}
    return {n for span in doc.spans if (n := span.annotator or default_annotator) is not None}


def _span_rows(
    doc_id: int, doc: Storable, default_annotator: str | None, ids_by_name: dict[str, int]
) -> list[SpanInsert]:
    if isinstance(doc, DocumentRows):
        name = doc.annotator or default_annotator
        owner = None if name is None else ids_by_name[name]
        return [(doc_id, owner, start, end, label, attrs, "imported")
                for start, end, label, attrs in doc.spans]
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
