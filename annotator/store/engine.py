"""Engines and transactions: SQLite pragmas, BEGIN IMMEDIATE for writes, retries when busy.

Every write of the store goes through :func:`run_write`: one transaction, committed before it
returns, re-run from the start when SQLite reports a lock or PostgreSQL a serialization failure,
so "database is locked" never reaches the user while another process is writing.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import StaticPool

from annotator.core.messages import Message
from annotator.store.errors import DatabaseError

T = TypeVar("T")

BUSY_TIMEOUT_MS = 10_000
# Whole-transaction retries on top of the busy timeout (which already waits for the lock).
WRITE_ATTEMPTS = 8

_WRITE_OPTION = "annotator_write"


def is_memory_sqlite(url: URL) -> bool:
    """True for ``sqlite://`` and ``sqlite:///:memory:`` (a database that lives in RAM)."""
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def make_engine(url: str) -> Engine:
    """An engine for ``url`` set up for safe concurrent use (SQLite pragmas, PG pre-ping)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    # Team servers sit behind networks that drop idle connections: test before use.
    return create_engine(parsed, pool_pre_ping=True)


def _sqlite_engine(url: URL) -> Engine:
    if is_memory_sqlite(url):
        # One shared connection, or every checkout would see a new empty database.
        engine = create_engine(
            url, poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
    else:
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    read_only = url.query.get("mode") == "ro"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take over transaction control from the sqlite3 module (it would BEGIN lazily and
        # DEFERRED, which lets two writers deadlock and one of them fail "database is locked").
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:  # the journal mode is written into the file
            try:
                cursor.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError as exc:
                # A command-line import holds the file in a rollback journal (ADR 0016): it
                # sets WAL back as it ends; until then this connection reads the file as it
                # was before the import (in that journal, a writer does not block readers
                # until its commit).
                if "locked" not in str(exc):
                    raise
        cursor.execute("PRAGMA foreign_keys = ON")
        # FULL: a commit survives a power cut too, not only a crash of the program.
        cursor.execute("PRAGMA synchronous = FULL")
        # 32 MB of page cache (default 2 MB): imports and exports touch many index pages.
        cursor.execute("PRAGMA cache_size = -32000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front, where busy_timeout can wait for it; readers
        # start a deferred transaction and read a WAL snapshot without blocking anyone.
        if conn.get_execution_options().get(_WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


def _retryable(exc: DBAPIError) -> bool:
    if isinstance(exc, OperationalError) and exc.orig is not None:
        message = str(exc.orig).lower()
        if "database is locked" in message or "database is busy" in message:
            return True
    # PostgreSQL: serialization failure, deadlock detected.
    sqlstate = getattr(exc.orig, "sqlstate", None)
    return sqlstate in ("40001", "40P01")


def _database_error(exc: DBAPIError) -> DatabaseError:
    message = str(exc.orig)
    if "readonly database" in message or "read-only" in message:
        return DatabaseError(Message("store.read_only", reason=message))
    return DatabaseError(Message("store.database_error", reason=message))


def run_write(engine: Engine, work: Callable[[Connection], T]) -> T:
    """Run ``work`` in one write transaction and commit; re-run it if the database was busy.

    Failures of the database itself come out as DatabaseError (a StoreError).
    """
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            with engine.connect() as conn:
                conn.execution_options(**{_WRITE_OPTION: True})
                with conn.begin():
                    return work(conn)
        except DBAPIError as exc:
            if attempt == WRITE_ATTEMPTS or not _retryable(exc):
                raise _database_error(exc) from exc
            # Jitter so two waiting processes do not wake up in lock step.
            time.sleep(min(2.0, 0.05 * 2**attempt) * random.uniform(0.5, 1.0))
    raise AssertionError("unreachable")


@contextmanager
def read_transaction(engine: Engine) -> Iterator[Connection]:
    """A read-only transaction: one consistent snapshot of the database."""
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                # READ COMMITTED would give each statement its own snapshot: an export read in
                # batches could mix two states. Read-only REPEATABLE READ never fails to commit.
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn
    except DBAPIError as exc:
        raise _database_error(exc) from exc
