"""Store fixtures: the same tests on SQLite and on PostgreSQL (when ANNOTATOR_TEST_PG_URL is set).

Each PostgreSQL test gets a schema of its own (search_path set through the URL), dropped
afterwards, so runs are independent and may share one server.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.labels import load_schema
from annotator.core.model import LabelSchema
from annotator.paths import default_schema_path
from annotator.store.db import open_database
from annotator.store.repository import Repository


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
