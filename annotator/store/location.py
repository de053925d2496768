"""Where the default database lives (no SQLAlchemy here: the command line's quick reads use
it before deciding whether to load the store at all)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DEFAULT_DB_NAME = "annotator.sqlite3"


def default_data_dir() -> Path:
    """$ANNOTATOR_DATA_DIR if set, else the user's data folder for annotator."""
    override = os.environ.get("ANNOTATOR_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("annotator"))


def sqlite_file(db: str | None) -> Path | None:
    """The SQLite file ``db`` names (None: the default database), or None when ``db`` is a
    URL: what ``store.db.resolve_url`` would open, for the plain cases."""
    if db is None:
        return default_data_dir() / DEFAULT_DB_NAME
    if "://" in db:
        return None
    return Path(db).expanduser().resolve()


def writable(path: Path) -> bool:
    """Whether SQLite can write the file ``path``: the file and, in WAL mode, its -wal/-shm
    companions beside it (so the folder too)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
