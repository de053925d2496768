"""Alembic migrations: bringing a database to the head revision, with a backup first.

Imported only when ``open_database`` finds a database that is not at ``HEAD_REVISION``
(new, or made by an older program): a current database never loads Alembic.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from annotator.store.engine import read_transaction, run_write
from annotator.store.errors import StoreError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# PostgreSQL advisory lock (class, id) that serializes upgrades by several clients.
_PG_MIGRATION_LOCK = (0x616E6E6F, 0)


def alembic_config(connection: Connection) -> Config:
    """An Alembic configuration for the shipped migrations, bound to ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest migration revision this program knows."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision a database is at; None when it was never migrated."""
    return MigrationContext.configure(connection).get_current_revision()


def backup_sqlite(path: Path, revision: str) -> Path:
    """Copy an SQLite database aside as ``<file>.bak-<revision>`` (a consistent snapshot)."""
    target = path.with_name(f"{path.name}.bak-{revision}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.bak-{revision}-{n}")
    # The backup API copies committed pages including those still in the -wal file, which a
    # plain file copy would miss.
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
            # A single self-contained file: no -wal/-shm companions to lose when copying it.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    finally:
        source.close()
    return target


def upgrade(
    engine: Engine,
    *,
    sqlite_path: Path | None = None,
    on_create: Callable[[Connection], object] | None = None,
    create: bool = True,
) -> bool:
    """Bring the database to the head revision; True when it was new (had no tables).

    ``on_create`` fills a new database in the same transaction, so that a second process
    opening it at the same moment finds it complete (or waits), never half made. Without
    ``create``, a database with no tables is refused instead of being made.

    A database already at the head revision is only read: no write transaction, so that a
    read-only file or mount opens.
    """
    head = head_revision()
    known = _known_revisions()
    with read_transaction(engine) as conn:
        if current_revision(conn) == head:
            return False
        if not create and not set(inspect(conn).get_table_names()):
            raise StoreError(
                f"{engine.url.render_as_string(hide_password=True)} holds no annotator "
                "project (only import and the window create one)")

    def work(conn: Connection) -> bool:
        if conn.dialect.name == "postgresql":
            conn.execute(
                text("SELECT pg_advisory_xact_lock(:c, :i)"),
                {"c": _PG_MIGRATION_LOCK[0], "i": _PG_MIGRATION_LOCK[1]},
            )
        revision = current_revision(conn)
        if revision == head:
            return False
        tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
        if revision is None and tables:
            raise StoreError(
                "this database is not an annotator database "
                f"(it has tables {', '.join(sorted(tables))} but no annotator version)"
            )
        if revision is not None and revision not in known:
            raise StoreError(
                f"this database was made by a newer annotator (schema revision {revision}); "
                "install a newer annotator to open it"
            )
        if revision is not None and sqlite_path is not None:
            # Inside the write lock: nobody can change the file between copy and upgrade.
            try:
                backup_sqlite(sqlite_path, revision)
            except (OSError, sqlite3.Error) as exc:
                raise StoreError(
                    f"cannot copy {sqlite_path} aside before upgrading it ({exc}); "
                    "nothing was changed"
                ) from None
        command.upgrade(alembic_config(conn), "head")
        if revision is None and on_create is not None:
            on_create(conn)
        return revision is None

    return run_write(engine, work)


def _known_revisions() -> set[str]:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
