"""``annotator stats``, ``annotator search`` and a kept CoNLL export on an SQLite project,
over sqlite3 alone.

Importing SQLAlchemy costs these commands more than their whole work (ADR 0015, 0022). On an
SQLite file at the current revision they read through this, with the store's own SQL
(``sql_reads``) in one read transaction; anything else (a server URL, a file to create,
upgrade or refuse, a project to make) goes through the store as before. Read only: nothing
here writes, so it is not a second store.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from annotator.store import sql_reads
from annotator.store.location import sqlite_file

BUSY_TIMEOUT_S = 10.0  # as the store's engine: a writer's commit is waited for


class SQLiteReader(sql_reads.SnapshotReader):
    """The reads of ``stats``, ``search`` and the CoNLL export on one snapshot of an SQLite
    project."""

    dialect = "sqlite"
    driver_error = sqlite3.Error

    @classmethod
    def open(cls, db: str | None) -> SQLiteReader | None:
        """A reader of ``db`` (None: the default database), or None when the store must open
        it: a URL, no such file yet, another revision, no project, or not a database."""
        path = sqlite_file(db)
        if path is None or not path.is_file():
            return None
        try:
            conn = _connect(path)
        except sqlite3.Error:
            return None
        try:
            # One snapshot for every read (WAL: writers are not blocked meanwhile).
            conn.execute("BEGIN")
            project = sql_reads.current_project(conn)
        except sqlite3.Error:
            project = None
        if project is None:
            conn.close()
            return None
        return cls(conn, project)


def _connect(path: Path) -> sqlite3.Connection:
    # Read only; the store's engine sets the same busy timeout. isolation_level None: the
    # transaction is ours (BEGIN above), not the module's.
    return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True,
                           timeout=BUSY_TIMEOUT_S, isolation_level=None)
