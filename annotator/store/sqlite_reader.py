"""``annotator stats`` and ``annotator search`` on an SQLite project, over sqlite3 alone.

Importing SQLAlchemy costs these two commands more than their whole work (ADR 0015). On an
SQLite file at the current revision they read through this, with the store's own SQL
(``sql_reads``) in one read transaction; anything else (a server URL, a file to create,
upgrade or refuse, a project to make) goes through the store as before. Read only: nothing
here writes, so it is not a second store.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

from annotator.core.model import LabelSchema
from annotator.store import sql_reads
from annotator.store.errors import DatabaseError
from annotator.store.location import sqlite_file
from annotator.store.revision import HEAD_REVISION

_DIALECT = "sqlite"
BUSY_TIMEOUT_S = 10.0  # as the store's engine: a writer's commit is waited for


class SQLiteReader:
    """The reads of ``stats`` and ``search`` on one snapshot of an SQLite project."""

    def __init__(self, connection: sqlite3.Connection, project: int) -> None:
        self._conn = connection
        self._project = project

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
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            project = sql_reads.first_project(conn) if row and row[0] == HEAD_REVISION else None
        except sqlite3.Error:
            project = None
        if project is None:
            conn.close()
            return None
        return cls(conn, project)

    def default_project(self) -> int:
        """The first project (there is one: ``open`` made sure)."""
        return self._project

    def project_schema(self, project_id: int) -> LabelSchema:
        with _errors():
            return sql_reads.project_schema(self._conn, _DIALECT, project_id)

    def stats(self, project_id: int) -> dict[str, Any]:
        with _errors():
            return sql_reads.stats(self._conn, _DIALECT, project_id)

    def search_candidates(self, project_id: int, needle: str) -> Iterator[tuple[int, str, str]]:
        with _errors():
            sql_reads.project_schema(self._conn, _DIALECT, project_id)
            yield from sql_reads.candidates(self._conn, _DIALECT, project_id, needle)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SQLiteReader:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


def _connect(path: Path) -> sqlite3.Connection:
    # Read only; the store's engine sets the same busy timeout. isolation_level None: the
    # transaction is ours (BEGIN above), not the module's.
    return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True,
                           timeout=BUSY_TIMEOUT_S, isolation_level=None)


class _errors:
    """sqlite3 failures as the store's DatabaseError (its message is fit for users)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if isinstance(value, sqlite3.Error):
            raise DatabaseError(f"database error: {value}") from value
