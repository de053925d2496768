"""Opening a database: where the default one lives, URLs, migrations, the demo project.

``open_database`` is the one entry point: it creates a new database, upgrades an older one
(after copying an SQLite file aside, so an upgrade can never destroy data) and seeds the
default database with the sample articles on first use.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from annotator.core.labels import load_schema
from annotator.core.model import Document, normalize_newlines
from annotator.paths import default_schema_path, seed_paths
from annotator.store.engine import is_memory_sqlite, make_engine
from annotator.store.errors import DatabaseError, StoreError
from annotator.store.location import DEFAULT_DB_NAME as DEFAULT_DB_NAME
from annotator.store.location import default_data_dir as default_data_dir
from annotator.store.location import writable
from annotator.store.repository import Repository
from annotator.store.revision import HEAD_REVISION

DEMO_PROJECT = "demo"


def resolve_url(db: str | None) -> str:
    """None -> the default SQLite file; a path -> an SQLite URL; a URL -> itself.

    ``postgresql://`` and ``postgres://`` URLs get the psycopg 3 driver.
    """
    if db is None:
        return f"sqlite:///{default_data_dir() / DEFAULT_DB_NAME}"
    if "://" in db:
        scheme, rest = db.split("://", 1)
        if scheme in ("postgresql", "postgres"):
            # The driver we ship; SQLAlchemy's default for a bare scheme is psycopg2.
            return f"postgresql+psycopg://{rest}"
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def schema_revision(engine: Engine) -> str | None:
    """The database's schema revision in one query; None when it has none (or cannot tell).

    None sends the caller down the full upgrade path, which creates a new database, refuses
    a foreign one and reports a server that cannot be reached.
    """
    try:
        with engine.connect() as conn:
            row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    except DBAPIError:
        return None
    return None if row is None else str(row[0])


def read_only_url(path: Path) -> str:
    """An SQLite URL opening ``path`` read-only (``mode=ro``; ``immutable`` when even the
    folder is read-only, since SQLite then cannot make the shared-memory file of WAL)."""
    flags = "mode=ro" if os.access(path.parent, os.W_OK) else "mode=ro&immutable=1"
    return f"sqlite:///file:{quote(str(path))}?{flags}&uri=true"


def seed_documents() -> list[Document]:
    """The sample articles of ``seeds/`` as documents (names are the file stems)."""
    return [
        Document(name=path.stem, text=normalize_newlines(path.read_text(encoding="utf-8")))
        for path in seed_paths()
    ]


def new_sqlite_file(db: str | None) -> Path | None:
    """The SQLite file ``db`` names when it does not exist yet (what an import would create)."""
    try:
        parsed = make_url(resolve_url(db))
    except ArgumentError:
        return None  # open_database says what is wrong with it
    if parsed.get_backend_name() != "sqlite" or is_memory_sqlite(parsed):
        return None
    assert parsed.database is not None
    path = Path(parsed.database)
    return None if path.exists() else path


def discard_sqlite_file(path: Path) -> None:
    """Remove an SQLite file made by a refused import, with its -wal and -shm companions."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def open_database(
    db: str | None = None, *, seed_demo: bool | None = None, create: bool = True
) -> Repository:
    """Open (creating and upgrading as needed) the database ``db`` (None: the default one).

    Without ``create`` a database that does not exist is refused (StoreError): a mistyped
    ``--db`` of ``stats`` or ``export`` must not leave an empty project behind. A file that
    cannot be written (read-only file or mount) is opened read-only when it needs no upgrade.
    """
    url = resolve_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"not a database path or URL: {db!r}") from None
    if seed_demo is None:
        seed_demo = db is None
    sqlite_path: Path | None = None
    if parsed.get_backend_name() == "sqlite" and not is_memory_sqlite(parsed):
        assert parsed.database is not None
        sqlite_path = Path(parsed.database)
        if db is None:
            # The default database lives in the user's data folder, made on first use.
            try:
                sqlite_path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder of {sqlite_path}: {exc}") from None
        elif not sqlite_path.parent.is_dir():
            # A mistyped --db must not leave new folders and an empty project behind.
            raise StoreError(
                f"{db}: the folder {sqlite_path.parent} does not exist (create it first, "
                "or check the path)"
            )
        if not create and not sqlite_path.exists():
            raise StoreError(
                f"{db if db is not None else sqlite_path}: no such database (check the path; "
                "'annotator import' creates one)")
        if sqlite_path.exists() and not writable(sqlite_path):
            url = read_only_url(sqlite_path)
    shown = parsed.render_as_string(hide_password=True)
    try:
        engine = make_engine(url)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot open database {shown}: {exc}") from None
    try:
        repo = Repository(engine, url=shown)

        def seed(conn: Connection) -> object:
            schema = load_schema(default_schema_path())
            return repo.seed_in(conn, DEMO_PROJECT, schema, seed_documents())

        if schema_revision(engine) != HEAD_REVISION:
            # Only now: Alembic, its dialect modules and mako cost a third of a second.
            from annotator.store.migrate import upgrade

            upgrade(engine, sqlite_path=sqlite_path, on_create=seed if seed_demo else None,
                    create=create)
    except DatabaseError as exc:
        engine.dispose()
        cause = exc.__cause__
        reason = cause.orig if isinstance(cause, DBAPIError) else exc
        raise DatabaseError(f"cannot open database {shown}: {reason}") from None
    except BaseException:
        engine.dispose()
        raise
    return repo
