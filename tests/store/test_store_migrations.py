"""Migrations: new databases, the default one with its demo project, upgrades of old ones."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import Connection

from annotator.core.labels import schema_to_dict
from annotator.core.model import Event, LabelSchema, Span, make_span, normalize_newlines
from annotator.store.db import open_database, resolve_url, schema_revision
from annotator.store.engine import make_engine, read_transaction, run_write
from annotator.store.migrate import alembic_config, current_revision, head_revision
from annotator.store.repository import DatabaseError, StoreError
from annotator.store.revision import HEAD_REVISION
from annotator.store.tables import METADATA

ROOT = Path(__file__).resolve().parents[2]
TEXT = "قصف التحالف مواقع في دير الزور.\nيوم 24 أكتوبر."


def test_resolve_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "data"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'data' / 'annotator.sqlite3'}"
    monkeypatch.chdir(tmp_path)
    assert resolve_url("x.db") == f"sqlite:///{tmp_path / 'x.db'}"
    url = "postgresql+psycopg://u@h:5432/d"
    assert resolve_url(url) == url
    assert resolve_url("postgresql://u@h:5432/d") == url
    assert resolve_url("postgres://u@h:5432/d") == url
    assert resolve_url("sqlite:///x.db") == "sqlite:///x.db"


def test_default_database_is_created_and_seeded_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_texts: dict[str, str]
) -> None:
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "data"))
    repo = open_database()
    try:
        assert (tmp_path / "data" / "annotator.sqlite3").is_file()
        [(demo, name)] = repo.projects()
        assert name == "demo" and repo.default_project() == demo
        docs = list(repo.iter_documents(demo))
        assert [d.name for d in docs] == list(seed_texts)
        assert [d.text for d in docs] == [normalize_newlines(t) for t in seed_texts.values()]
        assert all(d.status == "new" and d.spans == () for d in docs)
        assert repo.project_schema(demo).names == ("ACTOR", "TARGET", "LOCATION", "DATE")
        repo.add_span(docs[0].id or 0, _first_word(docs[0].text), annotator="amal")
    finally:
        repo.close()
    again = open_database()
    try:
        assert len(again.projects()) == 1
        assert len(again.list_documents(demo)) == len(seed_texts)
        assert again.stats(demo)["spans"] == 1
    finally:
        again.close()
    # Nothing to upgrade, so nothing was copied aside.
    assert list((tmp_path / "data").glob("*.bak-*")) == []
    with closing(sqlite3.connect(tmp_path / "data" / "annotator.sqlite3")) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _first_word(doc_text: str) -> Span:
    end = doc_text.index(" ")
    return make_span(doc_text, 0, end, "ACTOR")


def test_explicit_database_is_not_seeded_unless_asked(tmp_path: Path) -> None:
    plain = open_database(str(tmp_path / "plain.db"))
    seeded = open_database(str(tmp_path / "seeded.db"), seed_demo=True)
    try:
        assert plain.projects() == []
        assert [name for _, name in seeded.projects()] == ["demo"]
    finally:
        plain.close()
        seeded.close()


def _fill_at_0001(conn: Connection, schema: LabelSchema) -> None:
    """Data written the way revision 0001's tables take it (raw SQL, not today's code)."""
    conn.execute(
        text("INSERT INTO projects (id, name, schema) VALUES (1, 'old', :s)"),
        {"s": json.dumps(schema_to_dict(schema))},
    )
    conn.execute(
        text(
            "INSERT INTO documents (id, project_id, name, text, content_hash, meta, status, "
            "position, version) VALUES (1, 1, 'doc', :t, 'h1', :m, 'done', 0, 3)"
        ),
        {"t": TEXT, "m": json.dumps({"source": "SY24"})},
    )
    conn.execute(text("INSERT INTO annotators (id, name) VALUES (1, 'amal')"))
    for i, (start, end, label) in enumerate([(4, 11, "ACTOR"), (21, 30, "LOCATION")], 1):
        conn.execute(
            text(
                "INSERT INTO spans (id, document_id, annotator_id, start_offset, end_offset, "
                "label, attrs, origin) VALUES (:i, 1, 1, :s, :e, :l, '{}', 'manual')"
            ),
            {"i": i, "s": start, "e": end, "l": label},
        )
    conn.execute(
        text("INSERT INTO events (id, document_id, type, attrs) VALUES (1, 1, 'Attack', '{}')")
    )
    conn.execute(
        text(
            "INSERT INTO event_roles (event_id, role, span_id, position) VALUES "
            "(1, 'actor', 1, 0), (1, 'location', 2, 0)"
        )
    )


def _make_0001(url: str, schema: LabelSchema) -> None:
    engine = make_engine(url)
    try:
        run_write(engine, lambda conn: command.upgrade(alembic_config(conn), "0001"))
        run_write(engine, lambda conn: _fill_at_0001(conn, schema))
    finally:
        engine.dispose()


def _check_old_data(url: str) -> None:
    repo = open_database(url)
    try:
        doc = repo.get_document(1)
        assert doc.text == TEXT and doc.meta == {"source": "SY24"} and doc.status == "done"
        assert [(s.text, s.label, s.annotator) for s in doc.spans] == [
            ("التحالف", "ACTOR", "amal"), ("دير الزور", "LOCATION", "amal")]
        assert doc.events[0].roles == {"actor": (0,), "location": (1,)}
        assert repo.document_version(1) == 3
        # Revision 0003 counted the old spans and indexed the old text for search.
        assert repo.stats(1)["by_label"] == {"ACTOR": 1, "TARGET": 0, "LOCATION": 1, "DATE": 0}
        assert [doc_id for doc_id, _, _ in repo.search_candidates(1, "اكتوبر")] == [1]
        # The upgraded database takes new edits.
        repo.delete_span(2)
        assert repo.get_document(1).events[0].roles == {"actor": (0,)}
        assert repo.stats(1)["by_label"]["LOCATION"] == 0
    finally:
        repo.close()
    engine = make_engine(resolve_url(url))
    try:
        with read_transaction(engine) as conn:
            assert current_revision(conn) == head_revision()
    finally:
        engine.dispose()


def test_head_is_newer_than_0001() -> None:
    # Otherwise the upgrade tests below would upgrade nothing.
    assert head_revision() != "0001"


def test_sqlite_0001_database_upgrades_after_copy_aside(
    tmp_path: Path, schema: LabelSchema
) -> None:
    path = tmp_path / "old.sqlite3"
    _make_0001(f"sqlite:///{path}", schema)
    _check_old_data(str(path))
    [backup] = list(tmp_path.glob("old.sqlite3.bak-*"))
    assert backup.name == "old.sqlite3.bak-0001"
    with closing(sqlite3.connect(backup)) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        # The copy holds the data as it was before the upgrade (span 2 still there).
        assert raw.execute("SELECT count(*) FROM spans").fetchone() == (2,)
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # Opening again: already at head, no second copy.
    open_database(str(path)).close()
    assert len(list(tmp_path.glob("old.sqlite3.bak-*"))) == 1


@pytest.mark.postgres
def test_postgresql_0001_database_upgrades(pg_url: str, schema: LabelSchema) -> None:
    _make_0001(pg_url, schema)
    _check_old_data(pg_url)


def test_tables_match_the_migrations(db_url: str) -> None:
    open_database(db_url).close()
    engine = make_engine(db_url)
    try:
        with read_transaction(engine) as conn:
            context = MigrationContext.configure(
                conn, opts={"include_name": _not_search_index}
            )
            diff = compare_metadata(context, METADATA)
    finally:
        engine.dispose()
    assert diff == []


def _not_search_index(name: str | None, kind: str, _parent: object) -> bool:
    # The corpus search index is engine-specific (FTS5 on SQLite, with its shadow tables)
    # and lives only in the migrations.
    return not (kind == "table" and name is not None and name.startswith("document_search"))


def test_head_revision_constant_is_alembics_head() -> None:
    assert head_revision() == HEAD_REVISION


def test_opening_a_current_database_imports_neither_alembic_nor_the_orm_nor_numpy(
    tmp_path: Path,
) -> None:
    db = tmp_path / "current.sqlite3"
    open_database(str(db), seed_demo=False).close()
    code = (
        "import sys\n"
        "from annotator.store.db import open_database, schema_revision\n"
        f"repo = open_database({str(db)!r}, seed_demo=False)\n"
        "repo.stats(repo.default_project())\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'numpy',"
        " 'ahocorasick', 'mako') or m.startswith('sqlalchemy.orm')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
    engine = make_engine(f"sqlite:///{db}")
    try:
        assert schema_revision(engine) == HEAD_REVISION
    finally:
        engine.dispose()


def test_database_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    open_database(str(path)).close()
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
        raw.commit()
    with pytest.raises(StoreError, match="newer annotator"):
        open_database(str(path))
    assert list(tmp_path.glob("*.bak-*")) == []


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(StoreError, match="not an annotator database"):
        open_database(str(path))


def test_unreachable_server_is_a_clear_error() -> None:
    with pytest.raises(DatabaseError, match="cannot open database"):
        open_database("postgresql+psycopg://nobody:secret@127.0.0.1:1/none")
    try:
        open_database("postgresql+psycopg://nobody:secret@127.0.0.1:1/none")
    except StoreError as exc:
        assert "secret" not in str(exc)


_OPENER = """
import sys, time
from annotator.store.db import open_database
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
repo = open_database(sys.argv[1], seed_demo=True)
project = repo.default_project()
print(repo.projects(), len(repo.list_documents(project)))
repo.close()
"""


def test_two_processes_creating_one_database_seed_it_once(
    tmp_path: Path, seed_texts: dict[str, str]
) -> None:
    path = tmp_path / "new.sqlite3"
    start_at = time.time() + 1.5
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-c", _OPENER, str(path), repr(start_at)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    # Both saw the finished database: one demo project with every seed article.
    for out, _err in outputs:
        assert out.strip() == f"[(1, 'demo')] {len(seed_texts)}"


def test_in_memory_database_works_for_one_process() -> None:
    repo = open_database("sqlite://", seed_demo=True)
    try:
        [(demo, _)] = repo.projects()
        doc = next(iter(repo.iter_documents(demo)))
        span = repo.add_span(doc.id or 0, _first_word(doc.text), annotator="amal")
        assert repo.get_document(doc.id or 0).spans == (span,)
    finally:
        repo.close()


def test_database_failures_become_store_errors(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    repo = open_database(str(path), seed_demo=True)
    try:
        [(demo, _)] = repo.projects()
        doc = next(iter(repo.iter_documents(demo)))
        with closing(sqlite3.connect(path)) as raw:
            raw.execute("DROP TABLE events")
            raw.commit()
        with pytest.raises(DatabaseError, match="events"):
            repo.get_document(doc.id or 0)
        with pytest.raises(DatabaseError, match="events"):
            repo.add_event(doc.id or 0, Event(type="Attack"), {})
    finally:
        repo.close()


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n", encoding="utf-8")
    with pytest.raises(DatabaseError, match="not a database"):
        open_database(str(path))
    assert path.read_text(encoding="utf-8") == "not a database\n"


def test_no_upgrade_without_a_copy(
    tmp_path: Path, schema: LabelSchema, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    _make_0001(f"sqlite:///{path}", schema)

    def disk_full(_path: Path, _revision: str) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("annotator.store.migrate.backup_sqlite", disk_full)
    with pytest.raises(StoreError, match="nothing was changed"):
        open_database(str(path))
    with closing(sqlite3.connect(path)) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert raw.execute("SELECT count(*) FROM spans").fetchone() == (2,)
    monkeypatch.undo()
    _check_old_data(str(path))


def test_a_path_in_a_missing_folder_is_refused_and_nothing_is_made(tmp_path: Path) -> None:
    from annotator.store.db import open_database
    from annotator.store.errors import StoreError

    target = tmp_path / "no" / "such" / "folder" / "p.sqlite3"
    with pytest.raises(StoreError, match="does not exist"):
        open_database(str(target))
    assert not (tmp_path / "no").exists()


def test_the_default_database_makes_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.store.db import open_database

    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "fresh" / "data"))
    repo = open_database()
    try:
        assert (tmp_path / "fresh" / "data" / "annotator.sqlite3").is_file()
    finally:
        repo.close()
