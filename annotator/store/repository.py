"""The store's public face: takes and returns core dataclasses, one transaction per write.

ORM rows never leave this package. Every public method that writes runs in its own transaction
(``run_write``) and has committed when it returns, so an edit acknowledged to the user is on disk.
Every edit of a document bumps its ``version``; passing ``expected_version`` turns a concurrent
edit by someone else into a ConflictError instead of a silent overwrite.

The methods here only choose the transaction; the work is done by the feature modules:
``projects``, ``documents`` (adding, listing), ``loading``, ``edits``, ``stats``, with the
checks in ``checks`` and shared look-ups in ``rows``.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from annotator.core.labels import load_schema
from annotator.core.listing import Cursor, DocumentQuery
from annotator.core.model import (
    DocStatus,
    Document,
    DocumentRows,
    Event,
    EventFrame,
    EventLink,
    LabelSchema,
    RelationFrame,
    Span,
)
from annotator.core.token_template import StoredTemplate
from annotator.paths import default_schema_path
from annotator.store import (
    browse,
    edits,
    event_edits,
    loading,
    names,
    projects,
    search,
    stats,
    team,
    token_cache,
)
from annotator.store import certainty as certainty_store
from annotator.store import documents as doc_store  # ``documents`` is a parameter name here
from annotator.store import suggestions as suggestion_store
from annotator.store.checks import check_project_name, check_status, json_object
from annotator.store.documents import AddResult, DocumentSummary, SchemaExtender
from annotator.store.engine import is_memory_sqlite, read_transaction, run_write
from annotator.store.errors import ConflictError, DatabaseError, StoreError
from annotator.store.merging import OnDuplicate
from annotator.store.projects import DEFAULT_PROJECT as DEFAULT_PROJECT
from annotator.store.rows import head, schema_of
from annotator.store.sql_reads import ExportRow
from annotator.store.tables import ANNOTATORS as ANNOTATORS
from annotator.store.tables import DOCUMENTS as DOCUMENTS
from annotator.store.tables import EVENT_ROLES as EVENT_ROLES
from annotator.store.tables import EVENTS as EVENTS
from annotator.store.tables import PROJECTS as PROJECTS
from annotator.store.tables import SPANS as SPANS

#: Documents an import adds from which PostgreSQL's statistics are brought up to date at once
#: (``Repository._analyze``).
ANALYZE_AFTER = 1000

__all__ = [
    "AddResult",
    "ConflictError",
    "DatabaseError",
    "DocumentSummary",
    "Repository",
    "StoreError",
]


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
            first = projects.first_project(conn)
        if first is not None:
            return first
        schema = load_schema(default_schema_path())
        return run_write(self._engine, lambda conn: projects.ensure_default(conn, schema))

    def create_project(self, name: str, schema: LabelSchema) -> int:
        """A new project called ``name`` using ``schema``; StoreError if the name is taken."""
        check_project_name(name)
        return run_write(self._engine, lambda conn: projects.create_project(conn, name, schema))

    def projects(self) -> list[tuple[int, str]]:
        """Every project as (id, name), oldest first."""
        with read_transaction(self._engine) as conn:
            return projects.projects(conn)

    def project_schema(self, project_id: int) -> LabelSchema:
        """The label schema of a project."""
        with read_transaction(self._engine) as conn:
            return schema_of(conn, project_id)

    def set_project_schema(self, project_id: int, schema: LabelSchema) -> None:
        """Replace a project's schema; refused while spans use a label the new one lacks."""
        run_write(self._engine, lambda conn: projects.set_schema(conn, project_id, schema))

    def seed_project(self, name: str, schema: LabelSchema, documents: Iterable[Document]) -> int:
        """Create project ``name`` holding ``documents`` unless a project of that name exists."""
        # A list before the transaction: run_write may run it again, an iterator only once.
        docs = list(documents)
        return run_write(self._engine, lambda conn: self.seed_in(conn, name, schema, docs))

    def seed_in(
        self, conn: Connection, name: str, schema: LabelSchema, documents: list[Document]
    ) -> int:
        """seed_project inside the caller's transaction (open_database seeds while migrating)."""
        return projects.seed(conn, name, schema, documents)

    # -- documents ------------------------------------------------------------------------
    def add_documents(
        self,
        project_id: int,
        documents: Iterable[Document],
        *,
        annotator: str | None = None,
        extend_schema: SchemaExtender | None = None,
        on_duplicate: OnDuplicate = "skip",
    ) -> AddResult:
        """Store documents with their spans and events in one transaction: all or nothing.

        Duplicates (same text already in the project, or earlier in the batch) are skipped and
        reported by name; with ``on_duplicate`` "merge" the spans and events they carry are
        added to the stored document, with "replace" they replace its own. Any invalid span or
        event refuses the whole batch with a StoreError listing the problems.
        ``extend_schema`` changes the project's schema in the same transaction (see
        ``documents.add_documents``).
        """
        docs = list(documents)
        # The cyclic garbage collector would walk every live Document and Span again and
        # again while the batch is built (a quarter of a large import); reference counting
        # still frees everything, and the collector runs again right after.
        enabled = gc.isenabled()
        gc.disable()
        try:
            return run_write(
                self._engine,
                lambda conn: doc_store.add_documents(conn, project_id, docs, annotator,
                                                     extend=extend_schema,
                                                     on_duplicate=on_duplicate),
            )
        finally:
            if enabled:
                gc.enable()

    def add_document_batches(
        self,
        project_id: int,
        batches: Callable[[], Iterable[Sequence[Document | DocumentRows]]],
        *,
        annotator: str | None = None,
        on_duplicate: OnDuplicate = "skip",
    ) -> AddResult:
        """add_documents for a stream: every batch ``batches()`` yields, in ONE transaction
        (all or nothing), holding one batch in memory at a time.

        ``batches`` is called again from the start if the database was busy and the
        transaction has to be re-run.
        """
        enabled = gc.isenabled()
        gc.disable()  # as in add_documents
        try:
            result = run_write(
                self._engine,
                lambda conn: doc_store.add_batches(conn, project_id, batches(), annotator,
                                                   on_duplicate=on_duplicate),
            )
        finally:
            if enabled:
                gc.enable()
        if len(result.added) >= ANALYZE_AFTER and self._engine.dialect.name == "postgresql":
            self._analyze()
        return result

    def _analyze(self) -> None:
        """PostgreSQL's statistics of the tables a large import filled. Until autovacuum
        takes them (up to a minute later) the planner guessed from empty tables: a CoNLL export
        right after a 10k import scanned every span for each page of 500 documents (1.4 s
        against 1.1 s). Not an error if it cannot (ANALYZE of another owner's table only
        warns); the import is committed already."""
        try:
            with self._engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE documents, spans")
        except SQLAlchemyError:
            pass

    def list_documents(
        self, project_id: int, *, status: DocStatus | None = None
    ) -> list[DocumentSummary]:
        """The documents of a project in corpus order, with their span counts."""
        with read_transaction(self._engine) as conn:
            return browse.document_page(conn, project_id, _query(status, None), None, None)

    def document_page(
        self,
        project_id: int,
        *,
        status: DocStatus | None = None,
        after: Cursor | None = None,
        limit: int | None = 200,
        through: int | Cursor | None = None,
        query: DocumentQuery | None = None,
    ) -> list[DocumentSummary]:
        """Up to ``limit`` documents in ``query``'s order (default: corpus order, ``status``
        if given) after cursor ``after`` of the last one already shown (None: from the start)
        and up to cursor ``through`` (an int: a position in corpus order); the document
        list's pages. A cursor is ``browse.cursor(query, row)``: (position, id) in corpus
        order."""
        q = _query(status, query)
        if isinstance(through, int):
            through = (through, _LAST_ID)
        with read_transaction(self._engine) as conn:
            return browse.document_page(conn, project_id, q, after, limit, through)

    def document_cursor(
        self, project_id: int, document_id: int, *, query: DocumentQuery
    ) -> Cursor | None:
        """A document's place in ``query``'s order (browse.cursor of its row)."""
        with read_transaction(self._engine) as conn:
            return browse.document_cursor(conn, project_id, query, document_id)

    def document_place(
        self, project_id: int, document_id: int, *, query: DocumentQuery
    ) -> tuple[int, int] | None:
        """(place from 1, documents listed) of a document under ``query``; None if it is
        filtered out."""
        with read_transaction(self._engine) as conn:
            return browse.document_place(conn, project_id, query, document_id)

    def document_position(self, project_id: int, document_id: int) -> int | None:
        """The document's position in the project (from 0); None if it is not in it."""
        with read_transaction(self._engine) as conn:
            return browse.document_position(conn, project_id, document_id)

    def neighbour(
        self,
        project_id: int,
        document_id: int | None,
        step: int,
        *,
        status: DocStatus | None = None,
        query: DocumentQuery | None = None,
    ) -> int | None:
        """The document ``step`` places after (negative: before) ``document_id`` in
        ``query``'s order (default: corpus order, only documents with ``status``); None past
        either end.

        With ``document_id`` None: the first document (step > 0) or the last (step < 0).
        """
        q = _query(status, query)
        with read_transaction(self._engine) as conn:
            return browse.neighbour(conn, project_id, q, document_id, step)

    def count_documents(
        self,
        project_id: int,
        *,
        status: DocStatus | None = None,
        query: DocumentQuery | None = None,
    ) -> int:
        """How many documents the project has (with ``status``, or that ``query`` lists)."""
        with read_transaction(self._engine) as conn:
            return browse.count_documents(conn, project_id, _query(status, query))

    def search_candidates(self, project_id: int, needle: str) -> Iterator[tuple[int, str, str]]:
        """(id, name, text) of the documents whose folded text holds ``needle`` (a folded
        query), in corpus order, from the search index; a superset of the documents with a
        hit, read in one snapshot."""
        with read_transaction(self._engine) as conn:
            schema_of(conn, project_id)
            yield from search.candidates(conn, project_id, needle)

    def index_pending(self, limit: int | None = search.INDEX_BATCH) -> int:
        """Move up to ``limit`` documents (None: all) that an import left out of the corpus
        search index into it, in one write transaction; how many were moved (0: complete).
        Searches find the pending documents anyway; this only makes them fast again."""
        return run_write(self._engine, lambda conn: search.index_pending(conn, limit=limit))

    def search_pending(self) -> int:
        """How many documents are not yet in the corpus search index."""
        with read_transaction(self._engine) as conn:
            return search.pending_count(conn)

    def get_document(self, document_id: int, *, annotator: str | None = None) -> Document:
        """A document with its spans (by start, end, label) and events; None: all annotators."""
        with read_transaction(self._engine) as conn:
            return loading.get_document(conn, document_id, annotator)

    def open_document(
        self, document_id: int, *, annotator: str | None = None
    ) -> tuple[Document, int]:
        """get_document and document_version read in one snapshot (what an editor starts from)."""
        with read_transaction(self._engine) as conn:
            doc = loading.get_document(conn, document_id, annotator)
            return doc, head(conn, document_id).version

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
            check_status(status)
        with read_transaction(self._engine) as conn:
            yield from loading.iter_documents(conn, project_id, status, annotator, batch_size)

    def iter_export_rows(
        self,
        project_id: int,
        *,
        version: int,
        status: DocStatus | None = None,
        annotator: str | None = None,
        include_suggestions: bool = False,
        batch_size: int = 500,
    ) -> Iterator[ExportRow]:
        """The CoNLL export's read (``token_cache``): every document of a project in corpus
        order as plain rows, with its token template of ``version`` if one is stored (and
        then no text: ``ExportRow.read_text`` reads it while the rows are read)."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if status is not None:
            check_status(status)
        with read_transaction(self._engine) as conn:
            yield from token_cache.iter_export_rows(
                conn, project_id, status=status, annotator=annotator, version=version,
                include_suggestions=include_suggestions, batch_size=batch_size)

    def iter_export_rows_by_id(
        self,
        document_ids: Sequence[int],
        *,
        version: int,
        annotator: str | None = None,
        include_suggestions: bool = False,
        batch_size: int = 500,
    ) -> Iterator[ExportRow]:
        """``iter_export_rows`` of the documents ``document_ids``, in that order."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        with read_transaction(self._engine) as conn:
            yield from token_cache.iter_export_rows_by_id(
                conn, document_ids, annotator=annotator, version=version,
                include_suggestions=include_suggestions, batch_size=batch_size)

    def save_token_templates(
        self, templates: Sequence[tuple[int, str, StoredTemplate]], *, version: int
    ) -> bool:
        """Keep (document id, content hash, template) rows for later exports; False if they
        were not kept. Only a cache: a database in memory (one connection, busy with the
        export's read) keeps none, and a failed write is not an error of the export."""
        if is_memory_sqlite(self._engine.url):
            return False
        driver_error: type[Exception] = self._engine.dialect.loaded_dbapi.Error
        try:
            # One attempt, not run_write's retries: a database busy with a long write (an
            # import) would hold the export up for minutes; the next export keeps them.
            with self._engine.connect() as conn, conn.begin():
                token_cache.save_templates(conn, templates, version)
        except (SQLAlchemyError, driver_error):  # the driver's own cursor raises its errors
            return False
        return True

    def fill_token_templates(
        self, *, version: int, limit: int = 200, after: int = 0
    ) -> tuple[int, int]:
        """Make the token templates of up to ``limit`` documents with an id above ``after``
        that have none for their text, in one short write transaction: (how many, the id to
        go on after; 0 when none is left). What ``annotator index`` and the window's
        background pass call, so that exports find them (docs/adr/0022)."""
        return run_write(self._engine,
                         lambda conn: token_cache.fill_templates(conn, version, limit, after))

    def missing_token_templates(self, project_id: int, *, version: int) -> int:
        """How many of the project's documents have no token template of ``version``."""
        with read_transaction(self._engine) as conn:
            return token_cache.missing_templates(conn, project_id, version)

    def document_keys(
        self, project_id: int, *, status: DocStatus | None = None
    ) -> list[tuple[int, str, str]]:
        """(id, content hash, name) of the project's documents in corpus order (no texts):
        what a split export shuffles before it reads the documents themselves."""
        if status is not None:
            check_status(status)
        with read_transaction(self._engine) as conn:
            return loading.document_keys(conn, project_id, status)

    def iter_documents_by_id(
        self,
        document_ids: Sequence[int],
        *,
        annotator: str | None = None,
        batch_size: int = 500,
    ) -> Iterator[Document]:
        """The documents ``document_ids`` in that order, loaded in batches in one snapshot."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        with read_transaction(self._engine) as conn:
            yield from loading.iter_by_ids(conn, document_ids, annotator, batch_size)

    def document_version(self, document_id: int) -> int:
        """The document's version: bumped by one by every edit of it, its spans or events."""
        with read_transaction(self._engine) as conn:
            return head(conn, document_id).version

    def set_status(
        self,
        document_id: int,
        status: DocStatus,
        *,
        expected_version: int | None = None,
        annotator: str | None = None,
    ) -> None:
        """Mark a document new, in progress, done or skipped.

        With ``annotator``, it is also that annotator's own status of it, in the same
        transaction (agreement compares what each annotator finished).
        """
        check_status(status)

        def work(conn: Connection) -> None:
            edits.set_status(conn, document_id, status, expected_version)
            if annotator is not None:
                team.write_status(conn, document_id, annotator, status)

        run_write(self._engine, work)

    def annotator_status(self, document_id: int, annotator: str) -> DocStatus:
        """``annotator``'s own status of a document (``new`` if they never set one)."""
        with read_transaction(self._engine) as conn:
            return team.status_of(conn, document_id, annotator)

    def finished_documents(self, project_id: int, annotator: str) -> list[int]:
        """Ids of the documents ``annotator`` marked done, in corpus order."""
        with read_transaction(self._engine) as conn:
            return team.documents_with_status(conn, project_id, annotator, "done")

    def assign(
        self, project_id: int, annotator: str, count: int, *, overlap: float = 0.0
    ) -> list[int]:
        """Assign up to ``count`` more documents to ``annotator`` (see store.team.assign)."""
        if count < 0 or not 0.0 <= overlap <= 1.0:
            raise StoreError("count must be at least 0 and overlap between 0 and 1")
        return run_write(
            self._engine, lambda conn: team.assign(conn, project_id, annotator, count, overlap)
        )

    def replace_layer(
        self,
        document_id: int,
        annotator: str,
        spans: Sequence[Span],
        *,
        expected_version: int | None = None,
        events: Sequence[Event] = (),
    ) -> list[Span]:
        """``annotator``'s spans and events (roles: indexes into ``spans``) become these.

        A curation: all or none, in one transaction under one version bump.
        """
        items = list(spans)
        kept = list(events)
        return run_write(
            self._engine,
            lambda conn: team.replace_layer(
                conn, document_id, annotator, items, expected_version, kept
            ),
        )

    def assigned_documents(self, project_id: int, annotator: str) -> list[int]:
        """Ids of the documents assigned to ``annotator``, in corpus order."""
        with read_transaction(self._engine) as conn:
            return team.assigned(conn, project_id, annotator)

    def project_changes(self, project_id: int) -> int:
        """The project's change counter: moves whenever a document is added or changed.

        One row (kept by triggers), cheap to poll every few seconds whatever the project's
        size, so a window notices what other windows or annotators did.
        """
        with read_transaction(self._engine) as conn:
            return edits.project_changes(conn, project_id)

    def set_document_meta(
        self,
        document_id: int,
        meta: Mapping[str, Any],
        *,
        expected_version: int | None = None,
        span_attrs: Mapping[int, Mapping[str, Any]] | None = None,
    ) -> None:
        """Replace a document's metadata (source, URL, publication date ...).

        ``span_attrs`` (span id -> attributes) changes spans of the document in the same
        transaction: a new publication date moves the automatic date values with it.
        """
        value = json_object(meta, "metadata")
        run_write(
            self._engine,
            lambda conn: edits.set_meta(conn, document_id, value, expected_version, span_attrs),
        )

    # -- spans ----------------------------------------------------------------------------
    def add_span(
        self,
        document_id: int,
        span: Span,
        *,
        annotator: str,
        expected_version: int | None = None,
        status: DocStatus | None = None,
    ) -> Span:
        """Store one span (checked against the text and the schema); returns it with its id.

        The span belongs to ``annotator`` (the person adding it), even when ``span.annotator``
        names someone else, e.g. the source of an accepted suggestion. ``status``, if given,
        becomes the document's status in the same transaction (one version bump).
        """
        if status is not None:
            check_status(status)

        def work(conn: Connection) -> Span:
            stored = edits.add_span(conn, document_id, span, annotator, expected_version, status)
            if status is not None:  # the adder's own status moves with the document's
                team.write_status(conn, document_id, annotator, status)
            return stored

        return run_write(self._engine, work)

    def restore_span(
        self,
        document_id: int,
        span: Span,
        *,
        annotator: str | None = None,
        expected_version: int | None = None,
        status: DocStatus | None = None,
        links: Sequence[EventLink] = (),
        relations: Sequence[RelationFrame] = (),
    ) -> Span:
        """Put a deleted span back (undo of delete), under its old id when that id is free.

        It comes back under ``span.annotator`` when that names someone, else under
        ``annotator``; with neither, it comes back unassigned. ``links`` are its places in
        events when it was deleted; it takes them again in the same transaction.
        """
        if status is not None:
            check_status(status)
        return run_write(
            self._engine,
            lambda conn: edits.restore_span(
                conn, document_id, span, annotator, expected_version, status, links, relations
            ),
        )

    def delete_span(
        self,
        span_id: int,
        *,
        expected_version: int | None = None,
        status: DocStatus | None = None,
        annotator: str | None = None,
    ) -> None:
        """Remove a span (and its places in events); ``status`` as for add_span.

        With ``annotator``, ``status`` also becomes that annotator's own status.
        """
        if status is not None:
            check_status(status)

        def work(conn: Connection) -> None:
            # Read before the edit (a delete removes the span); a missing span is the edit's
            # own error to report (a conflict under a versioned edit).
            doc_id = team.span_document(conn, span_id) if annotator is not None else None
            own = status is not None and annotator is not None and doc_id is not None
            edits.delete_span(conn, span_id, expected_version, status)
            if own:
                assert status is not None and annotator is not None and doc_id is not None
                team.write_status(conn, doc_id, annotator, status)

        run_write(self._engine, work)

    def update_span(
        self,
        span_id: int,
        *,
        label: str | None = None,
        attrs: Mapping[str, Any] | None = None,
        offsets: tuple[int, int] | None = None,
        expected_version: int | None = None,
        status: DocStatus | None = None,
        annotator: str | None = None,
    ) -> Span:
        """Change a span's label, offsets (start, end) and/or attributes; returns the new span.

        With ``annotator``, ``status`` also becomes that annotator's own status.
        """
        if status is not None:
            check_status(status)

        def work(conn: Connection) -> Span:
            # Read before the edit (a delete removes the span); a missing span is the edit's
            # own error to report (a conflict under a versioned edit).
            doc_id = team.span_document(conn, span_id) if annotator is not None else None
            own = status is not None and annotator is not None and doc_id is not None
            new = edits.update_span(conn, span_id, label, attrs, expected_version, offsets, status)
            if own:
                assert status is not None and annotator is not None and doc_id is not None
                team.write_status(conn, doc_id, annotator, status)
            return new

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
        status: DocStatus | None = None,
        event_id: int | None = None,
        event_refs: Mapping[str, Sequence[int]] | None = None,
    ) -> int:
        """Store an event whose roles name span ids of the document; returns its id.

        ``event.roles`` and ``event.trigger`` (indexes) are ignored here: ``span_ids`` maps each
        role to stored span ids and ``trigger`` is a span id. ``event_id`` puts a deleted
        event back under its old id (undo of a delete) when that id is free. ``event_refs``
        maps roles filled by other events (nested events) to their ids.
        """
        if status is not None:
            check_status(status)
        return run_write(
            self._engine,
            lambda conn: event_edits.add_event(
                conn, document_id, event, span_ids, trigger, expected_version, status, event_id,
                event_refs,
            ),
        )

    def update_event(
        self,
        frame: EventFrame,
        *,
        expected_version: int | None = None,
        status: DocStatus | None = None,
    ) -> None:
        """Give the stored event ``frame.id`` the type, roles (span ids), trigger and event
        arguments (event ids) of ``frame``."""
        if status is not None:
            check_status(status)
        run_write(
            self._engine,
            lambda conn: event_edits.update_event(conn, frame, expected_version, status),
        )

    def delete_event(
        self,
        event_id: int,
        *,
        expected_version: int | None = None,
        status: DocStatus | None = None,
    ) -> None:
        """Remove an event (its spans stay); refused while another event has it as argument."""
        if status is not None:
            check_status(status)
        run_write(
            self._engine,
            lambda conn: event_edits.delete_event(conn, event_id, expected_version, status),
        )

    # -- suggestions ----------------------------------------------------------------------
    def replace_suggestions(self, document_id: int, spans: Sequence[Span]) -> int:
        """Replace the document's suggested spans with ``spans`` (a person's stay)."""
        items = list(spans)
        return run_write(
            self._engine,
            lambda conn: suggestion_store.replace_suggestions(conn, document_id, items),
        )

    def labeled_counts(self, project_id: int) -> list[tuple[str, str, int]]:
        """(text, label, count) of every text a person labeled in the project."""
        with read_transaction(self._engine) as conn:
            return suggestion_store.labeled_counts(conn, project_id)

    def record_decision(
        self, document_id: int, *, source: str, label: str, text_key: str,
        decision: suggestion_store.Decision,
    ) -> int:
        """Remember an accepted or rejected suggestion; returns the record's id."""
        return run_write(
            self._engine,
            lambda conn: suggestion_store.record_decision(
                conn, document_id, source, label, text_key, decision
            ),
        )

    def forget_decision(self, decision_id: int) -> None:
        """Drop one recorded answer (undo)."""
        run_write(
            self._engine, lambda conn: suggestion_store.forget_decision(conn, decision_id)
        )

    def rejected_suggestions(self, document_id: int) -> set[tuple[str, str]]:
        """(label, folded text) of the suggestions rejected in a document."""
        with read_transaction(self._engine) as conn:
            return suggestion_store.rejected(conn, document_id)

    def suggestion_counts(self, project_id: int) -> dict[str, dict[str, int]]:
        """Accepted and rejected suggestions per source."""
        with read_transaction(self._engine) as conn:
            return suggestion_store.decision_counts(conn, project_id)

    def accept_suggestion(
        self, span_id: int, *, annotator: str, expected_version: int | None = None,
        status: DocStatus | None = None,
    ) -> tuple[Span, Span, int]:
        """A suggestion becomes the annotator's span in one transaction: (as it was, as it is
        now, the id of the recorded answer). ``status`` goes with it, as with add_span."""
        return run_write(
            self._engine,
            lambda conn: suggestion_store.accept_suggestion(
                conn, span_id, annotator, expected_version, status
            ),
        )

    def unaccept_suggestion(
        self, old: Span, decision_id: int, *, expected_version: int | None = None,
        status: DocStatus | None = None,
    ) -> None:
        """Undo accept_suggestion."""
        run_write(
            self._engine,
            lambda conn: suggestion_store.unaccept_suggestion(
                conn, old, decision_id, expected_version, status
            ),
        )

    def accept_suggestions(
        self, document_id: int, span_ids: Sequence[int], *, annotator: str,
        expected_version: int | None = None, status: DocStatus | None = None,
    ) -> list[tuple[Span, Span, int]]:
        """accept_suggestion for many suggestions of one document: one transaction, one
        version bump ("accept all" is one edit)."""
        return run_write(
            self._engine,
            lambda conn: suggestion_store.accept_suggestions(
                conn, document_id, span_ids, annotator, expected_version, status
            ),
        )

    def unaccept_suggestions(
        self, document_id: int, accepted: Sequence[tuple[Span, int]], *,
        expected_version: int | None = None, status: DocStatus | None = None,
    ) -> None:
        """Undo accept_suggestions ((suggestion as it was, answer id) pairs) in one
        transaction."""
        run_write(
            self._engine,
            lambda conn: suggestion_store.unaccept_suggestions(
                conn, document_id, accepted, expected_version, status
            ),
        )

    def reject_suggestion(
        self, span_id: int, *, expected_version: int | None = None,
        status: DocStatus | None = None,
    ) -> tuple[Span, int]:
        """Delete a suggestion and remember the rejection, in one transaction."""
        return run_write(
            self._engine,
            lambda conn: suggestion_store.reject_suggestion(
                conn, span_id, expected_version, status
            ),
        )

    def unreject_suggestion(
        self, document_id: int, old: Span, decision_id: int, *,
        expected_version: int | None = None, status: DocStatus | None = None,
    ) -> Span:
        """Undo reject_suggestion: the suggestion is back."""
        return run_write(
            self._engine,
            lambda conn: suggestion_store.unreject_suggestion(
                conn, document_id, old, decision_id, expected_version, status
            ),
        )

    # -- the model's certainty ------------------------------------------------------------
    def set_certainties(self, scores: Sequence[tuple[int, float]], *, model: str) -> int:
        """Store how sure ``model`` is of each document ((id, certainty) pairs), in one
        transaction; returns how many."""
        return run_write(self._engine,
                         lambda conn: certainty_store.set_certainties(conn, scores, model))

    def least_sure_documents(
        self, project_id: int, *, status: DocStatus | None = "new",
        after: tuple[float, int] | None = None, limit: int = 100,
    ) -> list[tuple[int, float]]:
        """(document id, certainty), least sure first: a keyset page that starts after
        ``after`` (the last (certainty, id) of the page before)."""
        with read_transaction(self._engine) as conn:
            return certainty_store.least_sure(conn, project_id, status=status, after=after,
                                        limit=limit)

    # -- statistics -----------------------------------------------------------------------
    def stats(self, project_id: int) -> dict[str, Any]:
        """Counts: documents, by_status, spans, by_label, by_annotator ("(none)" if unnamed)."""
        with read_transaction(self._engine) as conn:
            return stats.stats(conn, project_id)

    def spans_per_day(self, project_id: int) -> dict[str, dict[str, int]]:
        """Spans by creation day per annotator: annotator -> YYYY-MM-DD -> count."""
        with read_transaction(self._engine) as conn:
            return stats.spans_per_day(conn, project_id)

    def labeled_texts(self, project_id: int) -> list[str]:
        """The distinct texts labeled anywhere in the project (the known names)."""
        with read_transaction(self._engine) as conn:
            return names.labeled_texts(conn, project_id)

    def annotators(self) -> list[str]:
        """Names of every annotator known to the database, sorted."""
        with read_transaction(self._engine) as conn:
            return stats.annotators(conn)


# Larger than any id: (position, _LAST_ID) is the last cursor at a position.
_LAST_ID = 2**62


def _query(status: DocStatus | None, query: DocumentQuery | None) -> DocumentQuery:
    """The query asked for; a plain ``status`` is a status filter in corpus order."""
    if status is not None:
        check_status(status)
    if query is None:
        return DocumentQuery(status=status)
    if query.status is not None:
        check_status(query.status)
    return query if status is None else replace(query, status=status)
