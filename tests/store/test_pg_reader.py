"""The PostgreSQL read path of ``stats`` and ``search`` (psycopg alone, ADR 0015): what it
opens, what it leaves to the store, and that it reads one snapshot and writes nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from annotator.core.model import Document
from annotator.store.db import open_database
from annotator.store.errors import StoreError
from annotator.store.pg_reader import PgReader, conninfo
from annotator.store.revision import HEAD_REVISION

ROOT = Path(__file__).resolve().parents[2]


def _cli(argv: list[str]) -> tuple[int, str, str]:
    result = subprocess.run([sys.executable, "-m", "annotator", *argv], capture_output=True,
                            text=True, cwd=ROOT)
    return result.returncode, result.stdout, result.stderr


def _sql(url: str, *statements: str) -> None:
    """Run statements on the database of ``url`` outside the store."""
    info = conninfo(url)
    assert info is not None
    with psycopg.connect(info, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def test_only_urls_the_store_opens_with_psycopg_are_read_here() -> None:
    base = "annotator:secret%40x@db.example:5433/news?options=-csearch_path%3Dteam"
    for scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        assert conninfo(f"{scheme}://{base}") == f"postgresql://{base}"
    for other in (None, "project.sqlite3", "/tmp/x.sqlite3", "sqlite:///x.sqlite3",
                  f"postgresql+psycopg2://{base}", f"mysql://{base}"):
        assert conninfo(other) is None
        assert PgReader.open(other) is None


@pytest.mark.postgres
def test_a_server_that_cannot_be_reached_is_left_to_the_store() -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    assert PgReader.open(url) is None
    code, _, err = _cli(["--db", url, "stats"])
    assert code == 1 and "cannot open database" in err and "Traceback" not in err


@pytest.mark.postgres
def test_an_empty_database_is_left_to_the_store_which_creates_nothing(pg_url: str) -> None:
    assert PgReader.open(pg_url) is None
    code, _, err = _cli(["--db", pg_url, "search", "قصف"])
    assert code == 1 and "holds no annotator project" in err
    with psycopg.connect(conninfo(pg_url) or "") as conn:
        tables = conn.execute("SELECT tablename FROM pg_tables "
                              "WHERE schemaname = current_schema()").fetchall()
    assert tables == []


@pytest.mark.postgres
def test_a_current_database_without_a_project_is_left_to_the_store(pg_url: str) -> None:
    open_database(pg_url, seed_demo=False).close()
    assert PgReader.open(pg_url) is None


@pytest.mark.postgres
def test_an_older_revision_goes_through_the_store_which_upgrades_it(pg_url: str) -> None:
    open_database(pg_url, seed_demo=True).close()
    reader = PgReader.open(pg_url)
    assert reader is not None
    reader.close()
    # Back to revision 0011: what 0012 to 0015 made goes.
    _sql(pg_url, "UPDATE alembic_version SET version_num = '0011'",
         "DROP TABLE document_certainty", "DROP TABLE token_templates",
         "DROP TABLE document_search_pending",
         "DROP INDEX ix_documents_project_spans_position",
         "ALTER TABLE documents DROP COLUMN span_count")
    assert PgReader.open(pg_url) is None
    code, out, err = _cli(["--db", pg_url, "stats", "--json"])
    assert code == 0, err
    assert json.loads(out)["documents"] == 5
    reader = PgReader.open(pg_url)  # upgraded by the store: read here again
    assert reader is not None
    with reader:
        assert reader.stats(reader.default_project())["documents"] == 5
    _sql(pg_url, "DROP TABLE alembic_version")
    assert PgReader.open(pg_url) is None
    assert HEAD_REVISION != "0011"


@pytest.mark.postgres
def test_the_reader_reads_one_snapshot_and_writes_nothing(pg_url: str) -> None:
    open_database(pg_url, seed_demo=True).close()
    reader = PgReader.open(pg_url)
    assert reader is not None
    with reader:
        project = reader.default_project()
        # Another program commits a document after the reader began: not seen by it.
        store = open_database(pg_url)
        try:
            store.add_documents(project, [Document(name="late", text="قصف متأخر")])
        finally:
            store.close()
        assert reader.stats(project)["documents"] == 5
        assert [name for _, name, _ in reader.search_candidates(project, "متاخر")] == []
        with pytest.raises(StoreError, match="project 999 does not exist"):
            reader.stats(999)
    reader = PgReader.open(pg_url)
    assert reader is not None
    with reader:
        project = reader.default_project()
        assert reader.stats(project)["documents"] == 6
        assert [name for _, name, _ in reader.search_candidates(project, "متاخر")] == ["late"]
        with pytest.raises(StoreError, match="read-only transaction"), reader._errors():
            reader._conn.execute("DELETE FROM documents")
