"""The bulk import's writes as SQL text over any DBAPI execute, and the CLI's JSONL import
into an SQLite file over ``sqlite3`` alone (ADR 0016).

Importing SQLAlchemy (and opening the database through it) cost the command line 0.8 s of a
10k import that the plain-sqlite3 floor does in 3 s. An ``annotator import`` of the project's
own JSONL into an SQLite file at the head revision writes through :class:`SQLiteImport`
instead: the store's own statements (the multi-row INSERTs below, which ``store.bulk`` runs
on its SQLAlchemy connection too), in one ``BEGIN IMMEDIATE`` transaction, committed or rolled
back as a whole. It stores only what the present path would store without asking anything of
SQLAlchemy: new documents given as checked ``DocumentRows``, their spans, counts and search
marks. Anything else (a document the project had before the import and a merge or
replacement of it, a new annotator name the store would refuse, a database at another
revision, a busy or unwritable file) raises :class:`NotLean` or returns None: the caller rolls
back (nothing written) and takes the store's path, which decides and reports as it always did.

This module must not import SQLAlchemy.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import suppress
from itertools import chain
from operator import itemgetter
from typing import Any, Literal

from annotator.core.labels import SchemaError, load_schema, parse_schema, schema_to_dict
from annotator.core.model import DocumentRows, LabelSchema
from annotator.paths import default_schema_path
from annotator.store import sql_reads
from annotator.store.location import sqlite_file, writable
from annotator.store.revision import HEAD_REVISION

#: The project an import into a database without one makes (store.projects uses it too).
DEFAULT_PROJECT = "default"

# Rows per multi-row INSERT on SQLite. One statement of many rows instead of an executemany
# of one-row statements: SQLite runs the statement's set-up once per statement, and with
# AUTOINCREMENT it reads and writes ``sqlite_sequence`` once per statement instead of once
# per row (ADR 0016: the span inserts of a 10k import fell from about 2.2 s to 1.1-1.5 s of
# CPU). 128 spans (7 parameters) and 100 documents (8) stay under SQLite's old limit of 999
# parameters per statement.
SPAN_ROWS_PER_STATEMENT = 128
DOCUMENT_ROWS_PER_STATEMENT = 100

SPAN_INSERT_HEAD = ("INSERT INTO spans (document_id, annotator_id, start_offset, end_offset, "
                    "label, attrs, origin) VALUES ")
SPAN_INSERT_ROW = "(?, ?, ?, ?, ?, ?, ?)"
DOCUMENT_INSERT_HEAD = ("INSERT INTO documents (project_id, name, text, content_hash, meta, "
                        "status, position, span_count) VALUES ")
DOCUMENT_INSERT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?)"

# Documents stored per round of inserts (store.documents.INSERT_BATCH: the same rounds give
# the same rows in the same order).
INSERT_BATCH = 500
# SQLite page cache of an import's transaction, in KiB (store.documents.IMPORT_CACHE_SIZE).
IMPORT_CACHE_SIZE = -131072
BUSY_TIMEOUT_S = 10.0  # as the store's engine
# Values per IN (...) list (store.rows.CHUNK).
_CHUNK = 500
# A span row's (label, annotator id): what the stored span counts are kept per.
_LABEL_AND_OWNER = itemgetter(4, 1)

#: Runs one statement; returns the rowid of the last row it inserted.
Execute = Callable[[str, Sequence[Any]], int]
#: Runs one statement for each parameter tuple.
ExecuteMany = Callable[[str, Sequence[Sequence[Any]]], object]


def insert_many(
    execute: Execute, execute_many: ExecuteMany, head: str, one: str,
    rows: Sequence[tuple[Any, ...]], per: int, *, ids: bool
) -> list[int]:
    """SQLite: ``rows`` in multi-row INSERTs of ``per`` rows, the rest one row at a time.

    With ``ids``, the ids of the rows in order; without, the rest goes in one executemany
    and nothing is returned. The rows of one INSERT get consecutive ids: the tables have
    AUTOINCREMENT, so each new row's id is one more than the largest the table ever had, and
    the caller's write transaction (BEGIN IMMEDIATE) lets nobody else insert in between; the
    ids are the last row's id counted back. No RETURNING: SQLite gives no order guarantee
    for its rows.
    """
    out: list[int] = []
    full = len(rows) - len(rows) % per
    if full:
        sql = head + ", ".join([one] * per)
        for start in range(0, full, per):
            last = execute(sql, tuple(chain.from_iterable(rows[start : start + per])))
            if ids:
                out.extend(range(last - per + 1, last + 1))
    rest = rows[full:]
    if not ids:
        if rest:
            execute_many(head + one, list(rest))
        return []
    for row in rest:
        out.append(execute(head + one, tuple(row)))
    return out


class NotLean(Exception):
    """What is asked needs the store's path: roll back, nothing written."""


OnDuplicate = Literal["skip", "merge", "replace"]


class SQLiteImport:
    """One write transaction of the CLI's JSONL import on an SQLite file, over ``sqlite3``.

    :meth:`open` begins it (None: the store must open the file); :meth:`add` stores a batch;
    :meth:`commit` or :meth:`rollback` ends it and closes the connection.
    """

    def __init__(self, conn: sqlite3.Connection, project: int, schema: LabelSchema, *,
                 rollback_journal: bool = False) -> None:
        self._conn = conn
        #: True while the file is in a rollback journal for this import (see ``open``).
        self.rollback_journal = rollback_journal
        self.project = project
        self.schema = schema
        (last,) = conn.execute("SELECT MAX(position) FROM documents WHERE project_id = ?",
                               (project,)).fetchone()
        self._position = 0 if last is None else int(last) + 1
        # Digests of the documents this import added: a later copy of one of them is a
        # duplicate of this import's own (its reader has compared the two copies' work).
        self._added: set[str] = set()

    @classmethod
    def open(cls, db: str | None, *, large: bool = False) -> SQLiteImport | None:
        """The import's transaction on ``db`` (None: the default database), or None when the
        store must do it: a URL, no such file yet, a file this user cannot write, another
        revision, no project, a busy database, or not a database.

        ``large``: switch the file to a rollback journal for the import when this is the only
        connection to it (ADR 0016). In WAL every page of one large transaction is written
        twice, into the -wal and then, at the checkpoint, into the file; a rollback journal
        keeps only the few old pages the import changes. SQLite refuses to leave WAL while
        another connection has the file open (the window, say): the import then stays in
        WAL. ``commit`` and ``rollback`` set WAL back; after a crash the store's next
        connection rolls the journal back and sets WAL (store/engine.py).
        """
        path = sqlite_file(db)
        if path is None or not path.is_file() or not writable(path):
            return None
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error:
            return None
        try:
            # The store's connection settings (store/engine.py), then its import's cache.
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            # WAL first, as the store's connection: a journal left by a killed import is rolled
            # back here (a rollback journal can be "hot" only if this program left it).
            conn.execute("PRAGMA journal_mode = WAL")
            rollback_journal = large and _leave_wal(conn)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute(f"PRAGMA cache_size = {IMPORT_CACHE_SIZE}")
            conn.execute("BEGIN IMMEDIATE")
            if sql_reads.revision(conn) != HEAD_REVISION:
                project = None
            else:
                # A database just made (``open_database``) has no project yet: the store's
                # ``default_project`` would make "default" with the default schema.
                project = sql_reads.first_project(conn) or _make_default_project(conn)
            schema = None if project is None else _schema(conn, project)
            if project is None or schema is None:
                conn.execute("ROLLBACK")
                _back_to_wal(conn)
                conn.close()
                return None
            return cls(conn, project, schema, rollback_journal=rollback_journal)
        except sqlite3.Error:
            with suppress(sqlite3.Error):
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                _back_to_wal(conn)
            conn.close()
            return None

    def add(self, docs: Sequence[DocumentRows], default_annotator: str | None,
            on_duplicate: OnDuplicate) -> tuple[list[int], list[str], int]:
        """Store a batch of new documents: (their ids, names of the duplicates, spans stored).

        As ``store.documents`` does for the same batch: duplicates reported in its order,
        the same inserts in the same rounds. NotLean for a copy of a document the project
        had before the import (unless skipped) or of one of this import's own when replacing.
        """
        stored = self._stored_hashes([doc.content_hash for doc in docs])
        known = [doc for doc in docs if doc.content_hash in stored]
        if known and (on_duplicate == "replace" or (
                on_duplicate == "merge"
                and any(doc.content_hash not in self._added for doc in known))):
            # A merge into (or a replacement of) a stored document: the store's work.
            raise NotLean
        duplicates: list[str] = []
        keep: list[DocumentRows] = []
        seen = set(stored)
        if on_duplicate == "merge":
            # store.documents._add_batch: the stored ones first, then copies in the batch.
            duplicates.extend(doc.name for doc in known)
            docs = [doc for doc in docs if doc.content_hash not in stored]
        for doc in docs:
            if doc.content_hash in seen:
                duplicates.append(doc.name)
            else:
                seen.add(doc.content_hash)
                keep.append(doc)
        if not keep:
            return [], duplicates, 0
        names = {name for doc in keep if doc.spans
                 and (name := doc.annotator or default_annotator) is not None}
        owners = self._annotator_ids(names)
        counts: Counter[tuple[str, int | None]] = Counter()
        doc_ids: list[int] = []
        for start in range(0, len(keep), INSERT_BATCH):
            part = keep[start : start + INSERT_BATCH]
            ids = self._insert_documents(part)
            self._conn.executemany(
                "INSERT INTO document_search_pending (document_id) VALUES (?)",
                [(doc_id,) for doc_id in ids])
            span_rows: list[tuple[Any, ...]] = []
            for doc_id, doc in zip(ids, part, strict=True):
                name = doc.annotator or default_annotator
                owner = None if name is None else owners[name]
                span_rows.extend((doc_id, owner, s, e, label, attrs, "imported")
                                 for s, e, label, attrs in doc.spans)
            insert_many(self._execute, self._conn.executemany, SPAN_INSERT_HEAD,
                        SPAN_INSERT_ROW, span_rows, SPAN_ROWS_PER_STATEMENT, ids=False)
            counts.update(map(_LABEL_AND_OWNER, span_rows))
            doc_ids.extend(ids)
        if set(label for label, _ in counts) - set(self.schema.names):
            raise NotLean  # the reader was given another schema: the store refuses it
        self._conn.executemany(
            "INSERT INTO span_counts (project_id, label, annotator_id, n) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (project_id, label, annotator_id) DO UPDATE SET n = span_counts.n + "
            "excluded.n",
            [(self.project, label, owner or 0, n) for (label, owner), n in counts.items() if n])
        self._added.update(doc.content_hash for doc in keep)
        return doc_ids, duplicates, sum(counts.values())

    def commit(self) -> None:
        try:
            self._conn.execute("COMMIT")
            if self.rollback_journal:
                _back_to_wal(self._conn)
        finally:
            self._conn.close()

    def rollback(self) -> None:
        """Undo everything and close (closing rolls back too, if the ROLLBACK fails)."""
        try:
            with suppress(sqlite3.Error):
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if self.rollback_journal:
                    _back_to_wal(self._conn)
        finally:
            self._conn.close()

    def _execute(self, sql: str, params: Sequence[Any]) -> int:
        return int(self._conn.execute(sql, params).lastrowid or 0)

    def _stored_hashes(self, digests: Sequence[str]) -> set[str]:
        wanted = sorted(set(digests))
        found: set[str] = set()
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i : i + _CHUNK]
            found.update(row[0] for row in self._conn.execute(
                "SELECT content_hash FROM documents WHERE project_id = ? AND content_hash IN "
                f"({', '.join('?' * len(chunk))})", (self.project, *chunk)))
        return found

    def _annotator_ids(self, names: set[str]) -> dict[str, int]:
        """store.rows.annotator_ids: the named annotators' ids, the missing ones created in
        order of name."""
        if any(not name.strip() for name in names):
            raise NotLean  # the store refuses the name, with its message
        ids: dict[str, int] = {}
        wanted = sorted(names)
        for name in wanted:
            row = self._conn.execute("SELECT id FROM annotators WHERE name = ?",
                                     (name,)).fetchone()
            if row is not None:
                ids[name] = int(row[0])
        for name in wanted:
            if name not in ids:
                self._conn.execute("INSERT INTO annotators (name) VALUES (?) "
                                   "ON CONFLICT DO NOTHING", (name,))
                (ids[name],) = self._conn.execute("SELECT id FROM annotators WHERE name = ?",
                                                  (name,)).fetchone()
        return ids

    def _insert_documents(self, part: Sequence[DocumentRows]) -> list[int]:
        first = self._position
        self._position += len(part)
        return insert_many(
            self._execute, self._conn.executemany, DOCUMENT_INSERT_HEAD, DOCUMENT_INSERT_ROW,
            [(self.project, doc.name, doc.text, doc.content_hash, doc.meta, doc.status,
              first + i, len(doc.spans)) for i, doc in enumerate(part)],
            DOCUMENT_ROWS_PER_STATEMENT, ids=True)


def _schema(conn: sqlite3.Connection, project: int) -> LabelSchema | None:
    (raw,) = conn.execute("SELECT schema FROM projects WHERE id = ?", (project,)).fetchone()
    try:
        return parse_schema(json.loads(raw) if isinstance(raw, str) else raw,
                            source=f"schema of project {project}")
    except (SchemaError, ValueError):
        return None  # the store reports it


def _leave_wal(conn: sqlite3.Connection) -> bool:
    """Put the file in a rollback journal (DELETE) if no other connection has it open;
    whether it is in one now."""
    try:
        (mode,) = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.OperationalError:
        return False  # "database is locked": another connection is open; stay in WAL
    return str(mode).lower() == "delete"


def _back_to_wal(conn: sqlite3.Connection) -> None:
    """Set WAL back. A connection that opened meanwhile and holds a read lock just now makes
    it fail: then the next connection of the store sets it (store/engine.py)."""
    with suppress(sqlite3.OperationalError):
        conn.execute("PRAGMA journal_mode = WAL")


def _make_default_project(conn: sqlite3.Connection) -> int:
    """store.projects.ensure_default, inside the import's transaction."""
    schema = schema_to_dict(load_schema(default_schema_path()))
    # The JSON text SQLAlchemy's JSON type writes (json.dumps).
    conn.execute("INSERT INTO projects (name, schema) VALUES (?, ?) ON CONFLICT DO NOTHING",
                 (DEFAULT_PROJECT, json.dumps(schema)))
    (found,) = conn.execute("SELECT MIN(id) FROM projects").fetchone()
    return int(found)


