"""The command line's JSONL import over bare sqlite3 (``bulk_import.import_jsonl_bare``,
``store.sql_writes``, ADR 0016): every table row for row as the store's streaming import
writes it (timestamps aside), all or nothing, and anything it does not take left to the
store's path with nothing written."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from annotator.cli import main
from annotator.services import bulk_import
from annotator.store.db import open_database

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from gen_corpus import generate

_TIMESTAMPS = {"created_at", "updated_at"}


def _records(n: int) -> list[dict[str, Any]]:
    """Records the lean reader takes, in every shape it takes."""
    records: list[dict[str, Any]] = list(generate(docs=n, seed=5, rare=7))
    records[1]["spans"][0]["attrs"] = {"note": "تقدير", "n": 2.5, "list": [1, "ب"]}
    records[2]["meta"] = {"source": "الجزيرة", "published": "2024-03-01"}
    records[3]["annotator"] = "omar"  # an annotator the project has
    records[4]["annotator"] = "zaid"  # one it has not
    records[5]["spans"] = []
    del records[6]["meta"], records[6]["status"]
    records[7]["annotator"] = None
    records[8]["events"] = []
    records[9]["status"] = "skipped"
    records[3 + n // 2] = dict(records[10], id="copy")  # a copy in a later batch
    records[11 + 1] = dict(records[11], id="copy-next")  # and one in the same batch
    return records


def _write(path: Path, records: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")


def _tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in storage order, without the timestamp columns."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with sqlite3.connect(path) as con:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
            "'document_search%' ORDER BY name")]
        names += ["document_search_pending"]
        for name in names:
            columns = [r[1] for r in con.execute(f"PRAGMA table_info({name})")
                       if r[1] not in _TIMESTAMPS]
            out[name] = con.execute(
                f"SELECT {', '.join(columns)} FROM {name} ORDER BY {', '.join(columns)}"
            ).fetchall()
    return out


def _database(tmp_path: Path) -> Path:
    """A project holding a few documents and the annotator "omar"."""
    path = tmp_path / "start.sqlite3"
    earlier = tmp_path / "earlier.jsonl"
    records = list(generate(docs=3, seed=99, rare=7))
    records[0]["annotator"] = "omar"
    _write(earlier, records)
    assert main(["--db", str(path), "import", str(earlier), "--annotator", "amal"]) == 0
    return path


def _copy(path: Path, to: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{path}{suffix}").exists():
            shutil.copyfile(f"{path}{suffix}", f"{to}{suffix}")
    return to


def _stream(db: Path, corpus: Path, annotator: str | None, on_duplicate: str) -> Any:
    repo = open_database(str(db), seed_demo=False)
    try:
        return bulk_import.import_jsonl_stream(
            repo, corpus, project=repo.default_project(),
            schema=repo.project_schema(repo.default_project()), annotator=annotator,
            on_duplicate=on_duplicate)  # type: ignore[arg-type]
    finally:
        repo.close()


@pytest.mark.parametrize("on_duplicate", ["merge", "skip"])
@pytest.mark.parametrize("annotator", [None, "bench"])
def test_bare_import_writes_every_table_as_the_store_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, on_duplicate: str, annotator: str | None
) -> None:
    monkeypatch.setattr(bulk_import, "BATCH", 16)  # batches, and copies across them
    corpus = tmp_path / "corpus.jsonl"
    _write(corpus, _records(40))
    start = _database(tmp_path)
    bare_db = _copy(start, tmp_path / "bare.sqlite3")
    store_db = _copy(start, tmp_path / "store.sqlite3")

    bare = bulk_import.import_jsonl_bare(str(bare_db), corpus, annotator=annotator,
                                         on_duplicate=on_duplicate)  # type: ignore[arg-type]
    stored = _stream(store_db, corpus, annotator, on_duplicate)

    assert bare is not None and stored is not None
    assert bare == stored
    assert len(bare.added) == 38 and len(bare.duplicates) == 2
    bare_rows, store_rows = _tables(bare_db), _tables(store_db)
    assert bare_rows["documents"][3:] and bare_rows["spans"]
    assert {row[1] for row in bare_rows["annotators"]} >= {"omar", "zaid", "amal"}
    for table in store_rows:
        assert bare_rows[table] == store_rows[table], table


def test_into_a_new_database_the_bare_import_makes_the_default_project_as_the_store_does(
    tmp_path: Path
) -> None:
    # What `annotator import` into a new file, or bench_scale, starts from: the schema at the
    # head revision and no project yet.
    corpus = tmp_path / "corpus.jsonl"
    _write(corpus, _records(20))
    bare_db, store_db = tmp_path / "bare.sqlite3", tmp_path / "store.sqlite3"
    for path in (bare_db, store_db):
        open_database(str(path), seed_demo=False).close()
    bare = bulk_import.import_jsonl_bare(str(bare_db), corpus, annotator=None)
    stored = _stream(store_db, corpus, None, "merge")
    assert bare is not None and bare == stored
    bare_rows, store_rows = _tables(bare_db), _tables(store_db)
    assert [row[1] for row in bare_rows["projects"]] == ["default"]
    for table in store_rows:
        assert bare_rows[table] == store_rows[table], table


def test_bare_import_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                       ) -> None:
    monkeypatch.setattr(bulk_import, "BATCH", 8)
    db = _database(tmp_path)
    before = _tables(db)
    records = _records(30)
    records[25]["spans"][0]["end"] = 10**6  # past the text, three batches in
    corpus = tmp_path / "bad.jsonl"
    _write(corpus, records)
    assert bulk_import.import_jsonl_bare(str(db), corpus, annotator=None) is None
    assert _tables(db) == before


def test_what_the_bare_import_does_not_take_goes_the_stores_way(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _database(tmp_path)
    before = _tables(db)
    records = _records(20)
    records[9]["events"] = [{"id": "e1", "type": "Attack", "trigger": None,
                             "roles": {"actor": [records[9]["spans"][0]["id"]]}}]
    corpus = tmp_path / "events.jsonl"
    _write(corpus, records)
    # Not the lean record: nothing written, the store's path decides.
    assert bulk_import.import_jsonl_bare(str(db), corpus, annotator=None) is None
    assert _tables(db) == before
    assert main(["--db", str(db), "import", str(corpus)]) == 0
    assert "documents added: 18" in capsys.readouterr().out  # two copies in 20
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM events").fetchone() == (1,)


def test_a_copy_of_a_stored_document_is_merged_by_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _database(tmp_path)
    first = tmp_path / "first.jsonl"
    records = _records(20)
    _write(first, records[:6])
    assert main(["--db", str(db), "import", str(first)]) == 0
    capsys.readouterr()
    before = _tables(db)
    records[2]["spans"] = records[2]["spans"][:1]
    records[2]["spans"][0]["label"] = "DATE" if records[2]["spans"][0]["label"] != "DATE" \
        else "ACTOR"
    second = tmp_path / "second.jsonl"
    _write(second, records)
    assert bulk_import.import_jsonl_bare(str(db), second, annotator=None) is None
    assert _tables(db) == before
    # With --on-duplicate skip the bare path takes it: the stored copy is left as it is.
    skipped = bulk_import.import_jsonl_bare(str(db), second, annotator=None,
                                            on_duplicate="skip")
    assert skipped is not None and len(skipped.duplicates) == 6 + 2
    assert main(["--db", str(db), "import", str(second)]) == 0
    out = capsys.readouterr().out
    assert "documents added: 0" in out and "spans added: 1" in out


def test_bad_input_is_reported_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _database(tmp_path)
    before = _tables(db)
    records = _records(20)
    records[7]["spans"][0]["label"] = "WEAPON"
    corpus = tmp_path / "labels.jsonl"
    _write(corpus, records)
    assert main(["--db", str(db), "import", str(corpus)]) == 1
    err = capsys.readouterr().err
    assert f"{corpus}:8:" in err and "WEAPON" in err and "Traceback" not in err
    assert _tables(db) == before


def test_a_reader_open_on_the_file_does_not_stop_the_import(tmp_path: Path) -> None:
    # The window keeps a connection (and reads in transactions) while a CLI import runs.
    db = _database(tmp_path)
    corpus = tmp_path / "corpus.jsonl"
    _write(corpus, _records(20))
    window = sqlite3.connect(db, isolation_level=None)
    try:
        window.execute("BEGIN")
        assert window.execute("SELECT COUNT(*) FROM documents").fetchone() == (3,)
        report = bulk_import.import_jsonl_bare(str(db), corpus, annotator=None)
        assert report is not None and len(report.added) == 18
        # Its snapshot is the old one until its transaction ends; then it sees the new rows.
        assert window.execute("SELECT COUNT(*) FROM documents").fetchone() == (3,)
        window.execute("COMMIT")
        assert window.execute("SELECT COUNT(*) FROM documents").fetchone() == (21,)
    finally:
        window.close()


def test_the_cli_import_into_a_current_file_loads_no_sqlalchemy(tmp_path: Path) -> None:
    # Nor the encoding detector or the tokenizer: the format told from a UTF-8 first line.
    db = _database(tmp_path)
    corpus = tmp_path / "corpus.jsonl"
    _write(corpus, _records(20))
    code = (
        "import io, json, sys, contextlib\n"
        "from annotator.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    code = main(['--db', {str(db)!r}, 'import', {str(corpus)!r}])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('sqlalchemy', 'alembic', 'mako', 'charset_normalizer', 'regex'))\n"
        "print(json.dumps([code, loaded, out.getvalue()]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    exit_code, loaded, out = json.loads(result.stdout.splitlines()[-1])
    assert exit_code == 0 and loaded == []
    assert "documents added: 18" in out
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM documents").fetchone() == (21,)
        assert con.execute("SELECT COUNT(*) FROM document_search_pending").fetchone() == (21,)


# --- the rollback journal of a large import (ADR 0016) ------------------------------------

def _header_mode(path: Path) -> str:
    """The journal mode the file's header says: bytes 18-19 are 2 in WAL, 1 otherwise."""
    with path.open("rb") as fh:
        return "wal" if fh.read(20)[18] == 2 else "rollback"


def _journal_mode(path: Path) -> str:
    with sqlite3.connect(path) as con:
        return str(con.execute("PRAGMA journal_mode").fetchone()[0])


def _modes_during_import(db: Path, corpus: Path, on_batch: Any = None) -> tuple[Any, list[str]]:
    modes: list[str] = []

    def progress(task: str, done: int, total: int | None) -> None:
        if task == "reading" and total is None:
            modes.append(_header_mode(db))
            if on_batch is not None:
                on_batch()

    report = bulk_import.import_jsonl_bare(str(db), corpus, annotator=None, progress=progress)
    return report, modes


@pytest.fixture
def large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A current database and a corpus of 30 records that the import takes as large (the
    rollback journal from any size), written in batches of 8."""
    monkeypatch.setattr(bulk_import, "BATCH", 8)
    monkeypatch.setattr(bulk_import, "ROLLBACK_JOURNAL_BYTES", 0)
    db = _database(tmp_path)
    corpus = tmp_path / "corpus.jsonl"
    _write(corpus, _records(30))
    return db, corpus


def test_a_large_import_alone_runs_in_a_rollback_journal_and_sets_wal_back(
    large: tuple[Path, Path]
) -> None:
    db, corpus = large
    report, modes = _modes_during_import(db, corpus)
    assert report is not None and len(report.added) == 28
    assert modes and set(modes) == {"rollback"}
    assert _journal_mode(db) == "wal" and _header_mode(db) == "wal"


def test_a_small_import_stays_in_wal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk_import, "BATCH", 8)
    db = _database(tmp_path)
    corpus = tmp_path / "corpus.jsonl"
    _write(corpus, _records(30))
    assert corpus.stat().st_size < bulk_import.ROLLBACK_JOURNAL_BYTES
    report, modes = _modes_during_import(db, corpus)
    assert report is not None and set(modes) == {"wal"}


def test_with_the_window_open_a_large_import_stays_in_wal_and_the_window_sees_it(
    large: tuple[Path, Path]
) -> None:
    db, corpus = large
    window = open_database(str(db), seed_demo=False)
    try:
        project = window.default_project()
        assert len(window.list_documents(project)) == 3  # its pool keeps a connection open
        report, modes = _modes_during_import(db, corpus)
        assert report is not None and set(modes) == {"wal"}
        assert len(window.list_documents(project)) == 31
    finally:
        window.close()
    assert _journal_mode(db) == "wal"


def test_a_window_started_during_a_large_import_opens_and_reads_the_old_content(
    large: tuple[Path, Path]
) -> None:
    db, corpus = large
    seen: list[int] = []

    def start_window() -> None:
        if not seen:
            repo = open_database(str(db), seed_demo=False)
            try:
                seen.append(len(repo.list_documents(repo.default_project())))
            finally:
                repo.close()

    report, modes = _modes_during_import(db, corpus, start_window)
    assert report is not None and modes[0] == "rollback"
    assert seen == [3]
    assert _journal_mode(db) == "wal"


def test_a_failed_large_import_changes_nothing_and_sets_wal_back(
    large: tuple[Path, Path]
) -> None:
    db, corpus = large
    before = _tables(db)
    records = _records(30)
    records[25]["spans"][0]["start"] = -1
    _write(corpus, records)
    report, modes = _modes_during_import(db, corpus)
    assert report is None and modes[0] == "rollback"
    assert _tables(db) == before
    assert _journal_mode(db) == "wal"


def test_a_killed_large_import_leaves_the_old_content_and_wal_at_the_next_open(
    tmp_path: Path, qtbot: QtBot
) -> None:
    db = _database(tmp_path)
    before = _tables(db)
    corpus = tmp_path / "corpus.jsonl"
    _write(corpus, list(generate(docs=3000, seed=8, rare=7)))
    journal = Path(f"{db}-journal")
    # The command line in its own process, with a batch small enough that the database
    # file is written (pages spilled) long before the commit; killed while its journal is
    # there.
    code = (
        "import sys\n"
        "from annotator.services import bulk_import\n"
        "from annotator.store import sql_writes\n"
        "bulk_import.BATCH = 50\n"
        "sql_writes.IMPORT_CACHE_SIZE = -256\n"
        "from annotator.cli import main\n"
        f"sys.exit(main(['--db', {str(db)!r}, 'import', {str(corpus)!r}]))\n"
    )
    size_before = db.stat().st_size
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        # Killed once the import's pages have reached the file itself (it grew past its
        # size before the import) while the journal holds the old content.
        # (Another process's state: pytest-qt's wait polls the condition until it holds.)
        qtbot.waitUntil(lambda: proc.poll() is not None or (
            journal.exists() and journal.stat().st_size > 0
            and _header_mode(db) == "rollback" and db.stat().st_size > size_before),
            timeout=60_000)
        assert proc.poll() is None, "the import ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert journal.exists()  # a hot journal: the file holds part of the import
    repo = open_database(str(db), seed_demo=False)
    try:
        assert len(repo.list_documents(repo.default_project())) == 3
    finally:
        repo.close()
    assert _tables(db) == before
    assert _journal_mode(db) == "wal"


def test_numbers_past_64_bits_are_stored_as_written(tmp_path: Path) -> None:
    # The fast JSON reader would read them as floats: such lines are read by json.
    records = _records(20)
    records[2]["meta"] = {"serial": 123456789012345678901234567890, "n": -9223372036854775809}
    records[3]["spans"][0]["attrs"] = {"id": 18446744073709551616}
    records[4]["meta"] = {"phone": "00963112345678901234"}  # 20 digits in a text
    records[5]["id"] = 98765432109876543210  # an id past 64 bits
    records[6]["meta"] = {"big": 1e20, "kind": "e+mail"}  # real floats, written with "e+"
    corpus = tmp_path / "numbers.jsonl"
    _write(corpus, records)
    db = _database(tmp_path)
    report = bulk_import.import_jsonl_bare(str(db), corpus, annotator=None)
    assert report is not None
    with sqlite3.connect(db) as con:
        metas = [json.loads(m) for m, in con.execute("SELECT meta FROM documents ORDER BY id")]
        names = [n for n, in con.execute("SELECT name FROM documents ORDER BY id")]
        attrs = {a for a, in con.execute("SELECT attrs FROM spans")}
    assert records[2]["meta"] in metas and records[4]["meta"] in metas
    assert records[6]["meta"] in metas
    assert '{"id": 18446744073709551616}' in attrs
    assert "98765432109876543210" in names


def test_json_beyond_the_standard_goes_the_general_way(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _database(tmp_path)
    records = _records(20)
    corpus = tmp_path / "nan.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines[5] = lines[5].replace('"meta": {', '"meta": {"score": NaN, ', 1)
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert bulk_import.import_jsonl_bare(str(db), corpus, annotator=None) is None
    # The store's path reads it with json and decides as it always did.
    code = main(["--db", str(db), "import", str(corpus)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert code == 1 and f"{corpus}:6:" in captured.err
