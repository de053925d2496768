"""``annotator stats`` and ``annotator search`` on a PostgreSQL project, over psycopg alone.

The same reads as ``sqlite_reader`` for a server URL (ADR 0015): the store's own SQL
(``sql_reads``, with psycopg's ``%s`` marks) in one read-only REPEATABLE READ transaction,
as the store's reads, without importing SQLAlchemy and the store (most of these commands'
start-up). Only a database at the current revision with a project is read here; anything
else (another driver, a server that refuses the connection, another revision, missing
tables, no project yet) goes through the store, which upgrades, refuses or reports as before.
"""

from __future__ import annotations

import psycopg

from annotator.store import sql_reads

# The URL schemes the store opens with psycopg (``store.db.resolve_url``): libpq reads the
# rest of such a URL (user, password, host, port, database, ``?options``) as SQLAlchemy hands
# it to psycopg, so the reader connects where the store would.
_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


def conninfo(db: str | None) -> str | None:
    """The libpq connection URI of a PostgreSQL URL the store opens with psycopg; None for
    anything else (a file, SQLite, another driver)."""
    if db is None or "://" not in db:
        return None
    scheme, rest = db.split("://", 1)
    return f"postgresql://{rest}" if scheme in _SCHEMES else None


class PgReader(sql_reads.SnapshotReader):
    """The reads of ``stats``, ``search`` and a kept CoNLL export on one snapshot of a
    PostgreSQL project."""

    dialect = "postgresql"
    driver_error = psycopg.Error

    @classmethod
    def open(cls, db: str | None) -> PgReader | None:
        """A reader of the database ``db`` names, or None when the store must open it."""
        info = conninfo(db)
        if info is None:
            return None
        try:
            conn = psycopg.connect(info)
        except psycopg.Error:
            # Unreachable, refused, a bad URL: the store says so in its own words.
            return None
        try:
            # One snapshot for every read, as the store's read_transaction; the transaction
            # begins with the revision check.
            conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            conn.read_only = True
            project = sql_reads.current_project(conn)
        except psycopg.Error:
            project = None  # no alembic_version (not ours, or empty): the store decides
        if project is None:
            conn.close()
            return None
        return cls(conn, project)
