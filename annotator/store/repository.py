"""The store's public face: takes and returns core dataclasses, one transaction per write.

ORM rows never leave this package. Every public method that writes runs in its own transaction
(``run_write``) and has committed when it returns, so an edit acknowledged to the user is on disk.
Every edit of a document bumps its ``version``; passing ``expected_version`` turns a concurrent
edit by someone else into a ConflictError instead of a silent overwrite.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, and_, delete, func, insert, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine

from annotator.core.labels import SchemaError, load_schema, parse_schema, schema_to_dict
from annotator.core.model import (
    DOC_STATUSES,
    SPAN_ORIGINS,
    DocStatus,
    Document,
    Event,
    LabelSchema,
    OffsetError,
    Span,
    SpanOrigin,
    check_offsets,
    content_hash,
)
from annotator.paths import default_schema_path
from annotator.store.bulk import (
    SpanInsert,
    attrs_json,
    decode_attrs,
    insert_spans,
    select_spans,
)
from annotator.store.engine import read_transaction, run_write
from annotator.store.errors import ConflictError, DatabaseError, StoreError
from annotator.store.tables import Base

PROJECTS: Table = Base.metadata.tables["projects"]
DOCUMENTS: Table = Base.metadata.tables["documents"]
ANNOTATORS: Table = Base.metadata.tables["annotators"]
SPANS: Table = Base.metadata.tables["spans"]
EVENTS: Table = Base.metadata.tables["events"]
EVENT_ROLES: Table = Base.metadata.tables["event_roles"]


DEFAULT_PROJECT = "default"
# Bound parameters per IN (...) list: far below SQLite's limit, large enough to be cheap.
_CHUNK = 500
# How many problems one failed import lists before "and N more".
_MAX_PROBLEMS = 20
# Class of the PostgreSQL advisory locks (class, project id) that serialize imports.
_PG_IMPORT_LOCK = 0x616E6E49

__all__ = [
    "AddResult",
    "ConflictError",
    "DatabaseError",
    "DocumentSummary",
    "Repository",
    "StoreError",
]


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


@dataclass(frozen=True)
class _DocHead:
    id: int
    project_id: int
    name: str
    text: str
    version: int


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _status(value: str) -> DocStatus:
    if value not in DOC_STATUSES:
        raise StoreError(f"unknown status {value!r} (use one of {', '.join(DOC_STATUSES)})")
    return value  # type: ignore[return-value]


def _origin(value: str) -> SpanOrigin:
    if value not in SPAN_ORIGINS:
        raise StoreError(f"unknown span origin {value!r} (use one of {', '.join(SPAN_ORIGINS)})")
    return value  # type: ignore[return-value]


def _json_object(value: Mapping[str, Any], what: str) -> dict[str, Any]:
    """``value`` as a dict, or StoreError if it cannot be stored as JSON on every engine."""
    try:
        # allow_nan=False: PostgreSQL's json type refuses NaN and Infinity.
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"{what} cannot be stored as JSON: {exc}") from None
    return dict(value)


def _text_problem(doc_text: str) -> str | None:
    """Why a text cannot be stored on every engine, or None."""
    if "\x00" in doc_text:
        # PostgreSQL text cannot hold NUL; refuse it everywhere so both engines agree.
        return "the text contains a NUL character (U+0000), which cannot be stored"
    try:
        doc_text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"the text contains an unpaired surrogate at offset {exc.start}"
    return None


class Repository:
    """Projects, documents, spans and events of one database."""

    def __init__(self, engine: Engine, *, url: str) -> None:
        self._engine = engine
        self.url = url
        self.dialect = engine.dialect.name

    # -- lifecycle ------------------------------------------------------------------------
    def close(self) -> None:
        """Release every connection (the repository cannot be used afterwards)."""
        self._engine.dispose()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- projects -------------------------------------------------------------------------
    def default_project(self) -> int:
        """The first project; creates "default" with the default schema if there is none."""
        with read_transaction(self._engine) as conn:
            first = conn.execute(select(func.min(PROJECTS.c.id))).scalar()
        if first is not None:
            return int(first)
        schema = load_schema(default_schema_path())

        def work(conn: Connection) -> int:
            found = conn.execute(select(func.min(PROJECTS.c.id))).scalar()
            if found is not None:
                return int(found)
            # Another client may create it at the same moment: insert-or-ignore, then read.
            self._insert_ignore(
                conn, PROJECTS, {"name": DEFAULT_PROJECT, "schema": schema_to_dict(schema)}
            )
            return int(conn.execute(select(func.min(PROJECTS.c.id))).scalar_one())

        return run_write(self._engine, work)

    def create_project(self, name: str, schema: LabelSchema) -> int:
        """A new project called ``name`` using ``schema``; StoreError if the name is taken."""
        if not name.strip():
            raise StoreError("a project needs a name")

        def work(conn: Connection) -> int:
            # Insert-or-ignore: another client may take the name at the same moment.
            project_id = self._insert_ignore(
                conn, PROJECTS, {"name": name, "schema": schema_to_dict(schema)}
            )
            if project_id is None:
                raise StoreError(f"a project named {name!r} already exists")
            return project_id

        return run_write(self._engine, work)

    def projects(self) -> list[tuple[int, str]]:
        """Every project as (id, name), oldest first."""
        with read_transaction(self._engine) as conn:
            rows = conn.execute(select(PROJECTS.c.id, PROJECTS.c.name).order_by(PROJECTS.c.id))
            return [(int(r.id), str(r.name)) for r in rows]

    def project_schema(self, project_id: int) -> LabelSchema:
        """The label schema of a project."""
        with read_transaction(self._engine) as conn:
            return self._schema(conn, project_id)

    def set_project_schema(self, project_id: int, schema: LabelSchema) -> None:
        """Replace a project's schema; refused while spans use a label the new one lacks."""

        def work(conn: Connection) -> None:
            self._schema(conn, project_id)
            used = conn.execute(
                select(SPANS.c.label, func.count())
                .join(DOCUMENTS, DOCUMENTS.c.id == SPANS.c.document_id)
                .where(DOCUMENTS.c.project_id == project_id)
                .where(SPANS.c.label.not_in(schema.names))
                .group_by(SPANS.c.label)
                .order_by(SPANS.c.label)
            ).all()
            if used:
                listed = ", ".join(f"{r[0]} ({r[1]} spans)" for r in used)
                raise StoreError(f"the new schema lacks labels still in use: {listed}")
            conn.execute(
                update(PROJECTS)
                .where(PROJECTS.c.id == project_id)
                .values(schema=schema_to_dict(schema))
            )

        run_write(self._engine, work)

    def seed_project(self, name: str, schema: LabelSchema, documents: Iterable[Document]) -> int:
        """Create project ``name`` holding ``documents`` unless a project of that name exists."""
        docs = list(documents)
        return run_write(self._engine, lambda conn: self.seed_in(conn, name, schema, docs))

    def seed_in(
        self, conn: Connection, name: str, schema: LabelSchema, documents: list[Document]
    ) -> int:
        """seed_project inside the caller's transaction (open_database seeds while migrating)."""
        found = conn.execute(select(PROJECTS.c.id).where(PROJECTS.c.name == name)).first()
        if found is not None:
            return int(found.id)
        result = conn.execute(insert(PROJECTS).values(name=name, schema=schema_to_dict(schema)))
        assert result.inserted_primary_key is not None
        project_id = int(result.inserted_primary_key[0])
        self._add_documents(conn, project_id, schema, documents, None)
        return project_id

    # -- documents ------------------------------------------------------------------------
    def add_documents(
        self,
        project_id: int,
        documents: Iterable[Document],
        *,
        annotator: str | None = None,
    ) -> AddResult:
        """Store documents with their spans and events in one transaction: all or nothing.

        Duplicates (same text already in the project, or earlier in the batch) are skipped and
        reported by name. Any invalid span or event refuses the whole batch with a StoreError
        listing the problems.
        """
        docs = list(documents)

        def work(conn: Connection) -> AddResult:
            schema = self._schema(conn, project_id)
            if conn.dialect.name == "postgresql":
                # Positions and duplicate checks must not race with another import.
                conn.execute(
                    text("SELECT pg_advisory_xact_lock(:c, :i)"),
                    {"c": _PG_IMPORT_LOCK, "i": project_id},
                )
            return self._add_documents(conn, project_id, schema, docs, annotator)

        return run_write(self._engine, work)

    def _add_documents(
        self,
        conn: Connection,
        project_id: int,
        schema: LabelSchema,
        docs: list[Document],
        default_annotator: str | None,
    ) -> AddResult:
        labels = set(schema.names)
        problems: list[str] = []
        hashes: list[str] = []
        for n, doc in enumerate(docs, 1):
            where = f"document {n} ({doc.name!r})"
            problem = _text_problem(doc.text)
            if problem:
                problems.append(f"{where}: {problem}")
                hashes.append("")
                continue
            hashes.append(content_hash(doc.text))
            if doc.status not in DOC_STATUSES:
                problems.append(f"{where}: unknown status {doc.status!r}")
            try:
                _json_object(doc.meta, "metadata")
            except StoreError as exc:
                problems.append(f"{where}: {exc}")
            problems.extend(self._span_problems(doc, labels, where))
            problems.extend(self._event_problems(doc, schema, where))
            if len(problems) > _MAX_PROBLEMS:
                break
        if problems:
            shown = problems[:_MAX_PROBLEMS]
            more = len(problems) - len(shown)
            message = "nothing was stored: " + "; ".join(shown)
            if more > 0:
                message += f"; and {more} more"
            raise StoreError(message, problems)

        existing: set[str] = set()
        unique_hashes = sorted(set(hashes))
        for chunk in _chunks(unique_hashes):
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
        for chunk in _chunks([digest for _, digest in keep]):
            for digest, doc_id in conn.execute(
                select(DOCUMENTS.c.content_hash, DOCUMENTS.c.id).where(
                    DOCUMENTS.c.project_id == project_id, DOCUMENTS.c.content_hash.in_(chunk)
                )
            ):
                id_by_hash[digest] = int(doc_id)
        doc_ids = [id_by_hash[digest] for _, digest in keep]

        names = {span.annotator or default_annotator for doc, _ in keep for span in doc.spans}
        names.discard(None)
        annotator_ids = self._annotator_ids(conn, {n for n in names if n is not None})

        span_rows: list[SpanInsert] = []
        for doc_id, (doc, _) in zip(doc_ids, keep, strict=True):
            span_rows.extend(self._span_rows(doc_id, doc, default_annotator, annotator_ids))
        insert_spans(conn, span_rows)
        with_events = [(i, doc) for i, (doc, _) in zip(doc_ids, keep, strict=True) if doc.events]
        if with_events:
            # Events refer to spans by index. The documents are new, so all their spans are
            # the rows just inserted, and ids grow in insertion order: sort by id.
            span_ids: dict[int, list[int]] = {doc_id: [] for doc_id, _ in with_events}
            for chunk in _chunks(list(span_ids)):
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
                    self._insert_event(conn, doc_id, event, roles, trigger)
        return AddResult(added=doc_ids, duplicates=duplicates)

    @staticmethod
    def _span_problems(doc: Document, labels: set[str], where: str) -> list[str]:
        problems: list[str] = []
        text = doc.text
        size = len(text)
        for i, span in enumerate(doc.spans, 1):
            start, end = span.start, span.end
            # Fast path for the common, valid span; the checks below explain a bad one.
            if (
                type(start) is int
                and type(end) is int
                and 0 <= start < end <= size
                and text[start:end] == span.text
                and span.label in labels
                and span.origin in SPAN_ORIGINS
            ):
                continue
            try:
                check_offsets(doc.text, span.start, span.end, span.text)
            except OffsetError as exc:
                problems.append(f"{where}: span {i}: {exc}")
                continue
            if span.label not in labels:
                problems.append(
                    f"{where}: span {i}: label {span.label!r} is not in the project's schema "
                    f"({', '.join(sorted(labels))})"
                )
            if span.origin not in SPAN_ORIGINS:
                problems.append(f"{where}: span {i}: unknown origin {span.origin!r}")
        return problems

    @staticmethod
    def _event_problems(doc: Document, schema: LabelSchema, where: str) -> list[str]:
        problems: list[str] = []
        count = len(doc.spans)
        for i, event in enumerate(doc.events, 1):
            if schema.event_types and event.type not in schema.event_types:
                problems.append(f"{where}: event {i}: type {event.type!r} is not in the schema")
            try:
                _json_object(event.attrs, "event attributes")
            except StoreError as exc:
                problems.append(f"{where}: event {i}: {exc}")
            indexes = [j for idx in event.roles.values() for j in idx]
            if event.trigger is not None:
                indexes.append(event.trigger)
            bad = [j for j in indexes if not (isinstance(j, int) and 0 <= j < count)]
            if bad:
                problems.append(
                    f"{where}: event {i}: span index {bad[0]!r} out of range "
                    f"(the document has {count} spans)"
                )
        return problems

    @staticmethod
    def _span_rows(
        doc_id: int, doc: Document, default_annotator: str | None, annotator_ids: dict[str, int]
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
                    None if name is None else annotator_ids[name],
                    span.start,
                    span.end,
                    span.label,
                    attrs,
                    span.origin,
                )
            )
        return rows

    def list_documents(
        self, project_id: int, *, status: DocStatus | None = None
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
            query = query.where(DOCUMENTS.c.status == _status(status))
        with read_transaction(self._engine) as conn:
            self._schema(conn, project_id)
            return [
                DocumentSummary(
                    id=int(r.id),
                    name=str(r.name),
                    status=_status(r.status),
                    span_count=int(r.n),
                    position=int(r.position),
                )
                for r in conn.execute(query)
            ]

    def get_document(self, document_id: int, *, annotator: str | None = None) -> Document:
        """A document with its spans (by start, end, label) and events; None: all annotators."""
        with read_transaction(self._engine) as conn:
            return self._get_document(conn, document_id, annotator)

    def open_document(
        self, document_id: int, *, annotator: str | None = None
    ) -> tuple[Document, int]:
        """get_document and document_version read in one snapshot (what an editor starts from)."""
        with read_transaction(self._engine) as conn:
            doc = self._get_document(conn, document_id, annotator)
            return doc, self._head(conn, document_id).version

    def _get_document(self, conn: Connection, document_id: int, annotator: str | None) -> Document:
        rows = conn.execute(self._document_select().where(DOCUMENTS.c.id == document_id)).all()
        if not rows:
            raise StoreError(f"document {document_id} does not exist")
        return self._load(conn, rows, annotator)[0]

    def iter_documents(
        self,
        project_id: int,
        *,
        status: DocStatus | None = None,
        annotator: str | None = None,
        batch_size: int = 500,
    ) -> Iterator[Document]:
        """Every document of a project in corpus order, loaded in batches (for exports)."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if status is not None:
            _status(status)
        with read_transaction(self._engine) as conn:
            self._schema(conn, project_id)
            last: tuple[int, int] | None = None
            while True:
                query = self._document_select().where(DOCUMENTS.c.project_id == project_id)
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
                yield from self._load(conn, rows, annotator)
                last = (int(rows[-1].position), int(rows[-1].id))

    @staticmethod
    def _document_select() -> Any:
        return select(
            DOCUMENTS.c.id,
            DOCUMENTS.c.name,
            DOCUMENTS.c.text,
            DOCUMENTS.c.meta,
            DOCUMENTS.c.status,
            DOCUMENTS.c.position,
        )

    def _load(self, conn: Connection, rows: Sequence[Any], annotator: str | None) -> list[Document]:
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
        events = self._load_events(conn, ids, spans)
        return [
            Document(
                name=r.name,
                text=r.text,
                meta=r.meta,
                status=r.status,
                spans=tuple(spans[r.id]),
                events=tuple(events.get(r.id, ())),
                id=r.id,
            )
            for r in rows
        ]

    @staticmethod
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
        role_rows = conn.execute(
            select(EVENT_ROLES.c.event_id, EVENT_ROLES.c.role, EVENT_ROLES.c.span_id)
            .join(EVENTS, EVENTS.c.id == EVENT_ROLES.c.event_id)
            .where(EVENTS.c.document_id.in_(ids))
            .order_by(EVENT_ROLES.c.event_id, EVENT_ROLES.c.position, EVENT_ROLES.c.id)
        )
        for role_row in role_rows:
            roles[role_row.event_id].setdefault(role_row.role, []).append(int(role_row.span_id))
        out: dict[int, list[Event]] = {}
        for r in event_rows:
            index = {span.id: i for i, span in enumerate(spans[r.document_id])}
            span_ids = [s for ss in roles[r.id].values() for s in ss]
            if r.trigger_span_id is not None:
                span_ids.append(r.trigger_span_id)
            # With an annotator filter, an event built on someone else's spans is not theirs.
            if any(s not in index for s in span_ids):
                continue
            out.setdefault(r.document_id, []).append(
                Event(
                    type=r.type,
                    roles={k: tuple(index[s] for s in v) for k, v in roles[r.id].items()},
                    trigger=None if r.trigger_span_id is None else index[r.trigger_span_id],
                    id=r.id,
                    attrs=r.attrs,
                )
            )
        return out

    def document_version(self, document_id: int) -> int:
        """The document's version: bumped by one by every edit of it, its spans or events."""
        with read_transaction(self._engine) as conn:
            return self._head(conn, document_id).version

    def set_status(self, document_id: int, status: DocStatus) -> None:
        """Mark a document new, in progress, done or skipped."""
        _status(status)

        def work(conn: Connection) -> None:
            self._bump(conn, self._head(conn, document_id), None)
            conn.execute(
                update(DOCUMENTS).where(DOCUMENTS.c.id == document_id).values(status=status)
            )

        run_write(self._engine, work)

    def set_document_meta(self, document_id: int, meta: Mapping[str, Any]) -> None:
        """Replace a document's metadata (source, URL, publication date ...)."""
        value = _json_object(meta, "metadata")

        def work(conn: Connection) -> None:
            self._bump(conn, self._head(conn, document_id), None)
            conn.execute(
                update(DOCUMENTS).where(DOCUMENTS.c.id == document_id).values(meta=value)
            )

        run_write(self._engine, work)

    # -- spans ----------------------------------------------------------------------------
    def add_span(
        self,
        document_id: int,
        span: Span,
        *,
        annotator: str,
        expected_version: int | None = None,
    ) -> Span:
        """Store one span (checked against the text and the schema); returns it with its id.

        The span belongs to ``annotator`` (the person adding it), even when ``span.annotator``
        names someone else, e.g. the source of an accepted suggestion.
        """

        def work(conn: Connection) -> Span:
            head = self._head(conn, document_id)
            self._check_span(conn, head, span)
            self._bump(conn, head, expected_version)
            # The person adding it owns the span, whoever proposed it (span.annotator).
            return self._insert_span(conn, head, span, annotator, span_id=None)

        return run_write(self._engine, work)

    def restore_span(self, document_id: int, span: Span, *, annotator: str) -> Span:
        """Put a deleted span back (undo of delete), under its old id when that id is free."""

        def work(conn: Connection) -> Span:
            head = self._head(conn, document_id)
            self._check_span(conn, head, span)
            self._bump(conn, head, None)
            reuse = span.id
            if reuse is not None:
                taken = conn.execute(select(SPANS.c.id).where(SPANS.c.id == reuse)).first()
                if taken is not None:
                    reuse = None
            # Back as it was: under its own annotator when it names one.
            return self._insert_span(
                conn, head, span, span.annotator or annotator, span_id=reuse
            )

        return run_write(self._engine, work)

    def delete_span(self, span_id: int, *, expected_version: int | None = None) -> None:
        """Remove a span (and its places in events)."""

        def work(conn: Connection) -> None:
            head = self._span_head(conn, span_id)
            self._bump(conn, head, expected_version)
            conn.execute(delete(SPANS).where(SPANS.c.id == span_id))

        run_write(self._engine, work)

    def update_span(
        self,
        span_id: int,
        *,
        label: str | None = None,
        attrs: Mapping[str, Any] | None = None,
        expected_version: int | None = None,
    ) -> Span:
        """Change a span's label and/or replace its attributes; returns the updated span."""

        def work(conn: Connection) -> Span:
            head = self._span_head(conn, span_id)
            values: dict[str, Any] = {"updated_at": func.now()}
            if label is not None:
                schema = self._schema(conn, head.project_id)
                if label not in schema.names:
                    raise StoreError(self._label_message(label, schema))
                values["label"] = label
            if attrs is not None:
                values["attrs"] = _json_object(attrs, "span attributes")
            self._bump(conn, head, expected_version)
            conn.execute(update(SPANS).where(SPANS.c.id == span_id).values(**values))
            return self._read_span(conn, span_id, head.text)

        return run_write(self._engine, work)

    # -- events ---------------------------------------------------------------------------
    def add_event(
        self,
        document_id: int,
        event: Event,
        span_ids: Mapping[str, Sequence[int]],
        *,
        trigger: int | None = None,
        expected_version: int | None = None,
    ) -> int:
        """Store an event whose roles name span ids of the document; returns its id.

        ``event.roles`` and ``event.trigger`` (indexes) are ignored here: ``span_ids`` maps each
        role to stored span ids and ``trigger`` is a span id.
        """

        def work(conn: Connection) -> int:
            head = self._head(conn, document_id)
            schema = self._schema(conn, head.project_id)
            if schema.event_types and event.type not in schema.event_types:
                raise StoreError(
                    f"event type {event.type!r} is not in the project's schema "
                    f"({', '.join(schema.event_types)})"
                )
            wanted = {s for ids in span_ids.values() for s in ids}
            if trigger is not None:
                wanted.add(trigger)
            found: set[int] = set()
            for chunk in _chunks(sorted(wanted)):
                found.update(
                    conn.execute(
                        select(SPANS.c.id).where(
                            SPANS.c.id.in_(chunk), SPANS.c.document_id == document_id
                        )
                    ).scalars()
                )
            missing = sorted(wanted - found)
            if missing:
                raise StoreError(
                    f"span {missing[0]} is not a span of document {head.name!r}"
                )
            self._bump(conn, head, expected_version)
            roles = {role: list(ids) for role, ids in span_ids.items()}
            return self._insert_event(conn, document_id, event, roles, trigger)

        return run_write(self._engine, work)

    def delete_event(self, event_id: int, *, expected_version: int | None = None) -> None:
        """Remove an event (its spans stay)."""

        def work(conn: Connection) -> None:
            doc_id = conn.execute(
                select(EVENTS.c.document_id).where(EVENTS.c.id == event_id)
            ).scalar()
            if doc_id is None:
                raise StoreError(f"event {event_id} does not exist")
            self._bump(conn, self._head(conn, int(doc_id)), expected_version)
            conn.execute(delete(EVENTS).where(EVENTS.c.id == event_id))

        run_write(self._engine, work)

    # -- statistics -----------------------------------------------------------------------
    def stats(self, project_id: int) -> dict[str, Any]:
        """Counts: documents, by_status, spans, by_label, by_annotator ("(none)" if unnamed)."""
        with read_transaction(self._engine) as conn:
            schema = self._schema(conn, project_id)
            by_status = dict.fromkeys(DOC_STATUSES, 0)
            for status, n in conn.execute(
                select(DOCUMENTS.c.status, func.count())
                .where(DOCUMENTS.c.project_id == project_id)
                .group_by(DOCUMENTS.c.status)
            ):
                by_status[status] = int(n)
            in_project = (
                select(SPANS.c.label, ANNOTATORS.c.name.label("annotator"), func.count())
                .join(DOCUMENTS, DOCUMENTS.c.id == SPANS.c.document_id)
                .outerjoin(ANNOTATORS, ANNOTATORS.c.id == SPANS.c.annotator_id)
                .where(DOCUMENTS.c.project_id == project_id)
                .group_by(SPANS.c.label, ANNOTATORS.c.name)
            )
            by_label = dict.fromkeys(schema.names, 0)
            by_annotator: dict[str, int] = {}
            total = 0
            for label, name, n in conn.execute(in_project):
                by_label[label] = by_label.get(label, 0) + int(n)
                key = "(none)" if name is None else str(name)
                by_annotator[key] = by_annotator.get(key, 0) + int(n)
                total += int(n)
            return {
                "documents": sum(by_status.values()),
                "by_status": by_status,
                "spans": total,
                "by_label": by_label,
                "by_annotator": dict(sorted(by_annotator.items())),
            }

    def annotators(self) -> list[str]:
        """Names of every annotator known to the database, sorted."""
        with read_transaction(self._engine) as conn:
            return list(conn.execute(select(ANNOTATORS.c.name).order_by(ANNOTATORS.c.name))
                        .scalars())

    # -- helpers --------------------------------------------------------------------------
    @staticmethod
    def _schema(conn: Connection, project_id: int) -> LabelSchema:
        raw = conn.execute(select(PROJECTS.c.schema).where(PROJECTS.c.id == project_id)).first()
        if raw is None:
            raise StoreError(f"project {project_id} does not exist")
        try:
            return parse_schema(raw[0], source=f"schema of project {project_id}")
        except SchemaError as exc:
            raise StoreError(str(exc)) from None

    @staticmethod
    def _head(conn: Connection, document_id: int) -> _DocHead:
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
            raise StoreError(f"document {document_id} does not exist")
        return _DocHead(int(row.id), int(row.project_id), row.name, row.text, int(row.version))

    def _span_head(self, conn: Connection, span_id: int) -> _DocHead:
        doc_id = conn.execute(select(SPANS.c.document_id).where(SPANS.c.id == span_id)).scalar()
        if doc_id is None:
            raise StoreError(f"span {span_id} does not exist (deleted meanwhile?)")
        return self._head(conn, int(doc_id))

    @staticmethod
    def _bump(conn: Connection, head: _DocHead, expected_version: int | None) -> None:
        """Bump the document's version; ConflictError if it is no longer ``expected_version``."""
        stmt = update(DOCUMENTS).where(DOCUMENTS.c.id == head.id)
        if expected_version is not None:
            # Checked by the UPDATE itself, which holds the row lock: no gap for a race.
            stmt = stmt.where(DOCUMENTS.c.version == expected_version)
        result = conn.execute(
            stmt.values(version=DOCUMENTS.c.version + 1, updated_at=func.now())
        )
        if result.rowcount == 0:
            now = conn.execute(
                select(DOCUMENTS.c.version).where(DOCUMENTS.c.id == head.id)
            ).scalar()
            if now is None:
                raise StoreError(f"document {head.id} does not exist (deleted meanwhile?)")
            raise ConflictError(
                f"document {head.name!r} changed since you opened it (version "
                f"{expected_version}, now {now}); reload it and redo the edit"
            )

    @staticmethod
    def _label_message(label: str, schema: LabelSchema) -> str:
        return (
            f"label {label!r} is not in the project's schema ({', '.join(schema.names)})"
        )

    def _check_span(self, conn: Connection, head: _DocHead, span: Span) -> None:
        try:
            check_offsets(head.text, span.start, span.end, span.text)
        except OffsetError as exc:
            raise StoreError(f"span refused in document {head.name!r}: {exc}") from None
        schema = self._schema(conn, head.project_id)
        if span.label not in schema.names:
            raise StoreError(
                f"span refused in document {head.name!r}: {self._label_message(span.label, schema)}"
            )
        _origin(span.origin)

    def _insert_span(
        self, conn: Connection, head: _DocHead, span: Span, annotator: str, span_id: int | None
    ) -> Span:
        annotator_id = self._annotator_ids(conn, {annotator})[annotator]
        values: dict[str, Any] = {
            "document_id": head.id,
            "annotator_id": annotator_id,
            "start": span.start,
            "end": span.end,
            "label": span.label,
            "attrs": _json_object(span.attrs, "span attributes"),
            "origin": span.origin,
        }
        if span_id is not None:
            values["id"] = span_id
        result = conn.execute(insert(SPANS).values(**values))
        assert result.inserted_primary_key is not None
        return self._read_span(conn, int(result.inserted_primary_key[0]), head.text)

    @staticmethod
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

    def _annotator_ids(self, conn: Connection, names: set[str]) -> dict[str, int]:
        """Ids of the named annotators, creating the missing ones."""
        if not names:
            return {}
        for name in names:
            if not name.strip():
                raise StoreError("an annotator needs a name")
        wanted = sorted(names)
        ids: dict[str, int] = {}
        for chunk in _chunks(wanted):
            for r in conn.execute(
                select(ANNOTATORS.c.name, ANNOTATORS.c.id).where(ANNOTATORS.c.name.in_(chunk))
            ):
                ids[r.name] = int(r.id)
        missing = [n for n in wanted if n not in ids]
        for name in missing:
            # Another client may add the same name at once: insert-or-ignore, then read.
            self._insert_ignore(conn, ANNOTATORS, {"name": name})
        if missing:
            for chunk in _chunks(missing):
                for r in conn.execute(
                    select(ANNOTATORS.c.name, ANNOTATORS.c.id).where(
                        ANNOTATORS.c.name.in_(chunk)
                    )
                ):
                    ids[r.name] = int(r.id)
        return ids

    @staticmethod
    def _insert_ignore(conn: Connection, table: Table, values: dict[str, Any]) -> int | None:
        """Insert a row unless it clashes with a unique one; its id, or None if it clashed."""
        if conn.dialect.name == "postgresql":
            stmt: Any = pg_insert(table).values(**values).on_conflict_do_nothing()
        elif conn.dialect.name == "sqlite":
            stmt = sqlite_insert(table).values(**values).on_conflict_do_nothing()
        else:
            exists = conn.execute(select(table.c.id).where(table.c.name == values["name"]))
            if exists.first() is not None:
                return None
            stmt = insert(table).values(**values)
        # RETURNING, not rowcount: drivers report -1 rows for an INSERT that returns rows.
        row = conn.execute(stmt.returning(table.c.id)).first()
        return None if row is None else int(row[0])

    @staticmethod
    def _insert_event(
        conn: Connection,
        document_id: int,
        event: Event,
        roles: Mapping[str, Sequence[int]],
        trigger: int | None,
    ) -> int:
        result = conn.execute(
            insert(EVENTS).values(
                document_id=document_id,
                type=event.type,
                trigger_span_id=trigger,
                attrs=_json_object(event.attrs, "event attributes"),
            )
        )
        assert result.inserted_primary_key is not None
        event_id = int(result.inserted_primary_key[0])
        role_rows = [
            {"event_id": event_id, "role": role, "span_id": span_id, "position": i}
            for role, ids in roles.items()
            for i, span_id in enumerate(ids)
        ]
        if role_rows:
            conn.execute(insert(EVENT_ROLES), role_rows)
        return event_id
