"""Store fixtures: the same tests on SQLite and on PostgreSQL (when ANNOTATOR_TEST_PG_URL is set).

Each PostgreSQL test gets a schema of its own (search_path set through the URL), dropped
afterwards, so runs are independent and may share one server.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from annotator.core.labels import load_schema
from annotator.core.model import LabelSchema
from annotator.paths import default_schema_path
from annotator.store.db import open_database
from annotator.store.repository import Repository

PG_ENV = "ANNOTATOR_TEST_PG_URL"
PG_HOWTO = (
    f"PostgreSQL tests need {PG_ENV}, e.g. "
    "postgresql+psycopg://annotator@127.0.0.1:5432/annotator_test "
    "(.ci/run starts a throw-away server and sets it)"
)


def pg_base_url() -> str | None:
    """The test server's URL, or None when PostgreSQL tests are not configured."""
    return os.environ.get(PG_ENV) or None


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL whose search_path is a fresh schema on the test server, dropped afterwards."""
    base = pg_base_url()
    if base is None:
        pytest.skip(PG_HOWTO)
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{name}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new empty database URL, once per engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite3'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def repo(db_url: str) -> Iterator[Repository]:
    """A repository over a new database (no demo project)."""
    repository = open_database(db_url, seed_demo=False)
    try:
        yield repository
    finally:
        repository.close()


@pytest.fixture(scope="session")
def schema() -> LabelSchema:
    """The shipped conflict-events schema."""
    return load_schema(default_schema_path())


@pytest.fixture
def project(repo: Repository, schema: LabelSchema) -> int:
    """A fresh project using the default schema."""
    return repo.create_project("test", schema)
