"""Start-up: a command imports what it needs, when it needs it (issue 10).

Each check runs in a fresh interpreter, since the test process has imported everything.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.formats import FORMAT_INFO, FORMATS, format_names
from annotator.store.db import open_database

ROOT = Path(__file__).resolve().parent.parent

#: Libraries no reading command needs: the format readers and writers and what they bring
#: (charset-normalizer), the matcher's numpy and pyahocorasick, the date rules, the model,
#: the charts, Alembic, and on a current SQLite file SQLAlchemy itself (ADR 0015).
HEAVY = ("annotator.formats.brat", "annotator.formats.conll", "annotator.formats.jsonl",
         "annotator.formats.textio", "charset_normalizer", "numpy", "ahocorasick",
         "dateparser", "pycrfsuite", "pyqtgraph", "PySide6", "alembic", "mako", "sqlalchemy")


def _imported_by(argv: list[str]) -> tuple[int, list[str], str]:
    """Run the command line in a fresh interpreter: its exit code, the HEAVY modules it
    imported and its output."""
    code = (
        "import io, json, sys, contextlib\n"
        "from annotator.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    code = main({argv!r})\n"
        f"heavy = {HEAVY!r}\n"
        "loaded = sorted(h for h in heavy if h in sys.modules"
        " or any(m.startswith(h + '.') for m in sys.modules))\n"
        "print(json.dumps([code, loaded, out.getvalue()]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    exit_code, loaded, out = json.loads(result.stdout.splitlines()[-1])
    return int(exit_code), list(loaded), str(out)


@pytest.fixture(scope="module")
def current_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database at the head revision holding the seed articles."""
    path = tmp_path_factory.mktemp("startup") / "seeds.sqlite3"
    open_database(str(path), seed_demo=True).close()
    return str(path)


def test_stats_imports_no_reader_nor_heavy_library(current_db: str) -> None:
    code, loaded, out = _imported_by(["--db", current_db, "stats", "--json"])
    assert code == 0
    assert json.loads(out)["documents"] == 5
    assert loaded == []


def test_search_imports_no_reader_nor_heavy_library(current_db: str) -> None:
    code, loaded, out = _imported_by(["--db", current_db, "search", "هدد"])
    assert code == 0
    lines = out.splitlines()
    assert lines and all(re.match(r"^\S+:\d+-\d+: .*\[.+\]", line) for line in lines)
    assert loaded == []


def test_help_lists_the_formats_without_importing_them() -> None:
    code, loaded, out = _imported_by(["import", "--help"])
    assert code == 0
    assert "labelstudio" in out and "webanno" in out
    assert loaded == []


def test_an_export_imports_only_its_own_writer(current_db: str, tmp_path: Path) -> None:
    out_file = tmp_path / "out.jsonl"
    code = (
        "import sys\n"
        "from annotator.cli import main\n"
        f"assert main(['--db', {current_db!r}, 'export', '--format', 'jsonl', "
        f"'-o', {str(out_file)!r}]) == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith('annotator.formats.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    loaded = result.stdout.splitlines()[-1]
    assert "annotator.formats.jsonl" in loaded
    assert "annotator.formats.brat" not in loaded and "annotator.formats.conll" not in loaded
    assert out_file.exists()


@pytest.mark.parametrize("name", list(FORMAT_INFO))
def test_registry_entry_agrees_with_its_format(name: str) -> None:
    info = FORMAT_INFO[name]
    fmt = FORMATS[name]
    assert (fmt.name, fmt.description, fmt.extensions, fmt.can_read, fmt.can_write,
            fmt.writes_folder) == (info.name, info.description, info.extensions,
                                   info.can_read, info.can_write, info.writes_folder)
    assert FORMATS[name] is fmt  # made once


def test_format_names_by_direction() -> None:
    assert format_names(read=True) == [n for n, f in FORMATS.items() if f.can_read]
    assert format_names(write=True) == [n for n, f in FORMATS.items() if f.can_write]
    assert "nope" not in FORMATS and "jsonl" in FORMATS
    with pytest.raises(KeyError):
        FORMATS["nope"]


def _cli(argv: list[str]) -> tuple[int, str, str]:
    result = subprocess.run([sys.executable, "-m", "annotator", *argv], capture_output=True,
                            text=True, cwd=ROOT)
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize("argv", [
    ["stats"], ["stats", "--json"], ["search", "قصف"], ["search", "في", "--limit", "4"],
    ["search", "هـــدد"], ["search", "زمهرير"],
])
def test_the_sqlite_reader_answers_as_the_store(current_db: str, argv: list[str]) -> None:
    from annotator.services.searching import search_corpus
    from annotator.services.stats import project_stats
    from annotator.store.sqlite_reader import SQLiteReader

    reader = SQLiteReader.open(current_db)
    assert reader is not None
    store = open_database(current_db)
    try:
        if argv[0] == "stats":
            assert project_stats(reader) == project_stats(store)
        else:
            limit = int(argv[3]) if len(argv) > 2 else None
            assert (search_corpus(reader, argv[1], limit=limit)
                    == search_corpus(store, argv[1], limit=limit))
    finally:
        reader.close()
        store.close()
    # And the command's own output, through the reader (a fresh process, no SQLAlchemy).
    code, out, _ = _cli(["--db", current_db, *argv])
    assert code == 0 and (out or argv[1] == "زمهرير")  # a word no seed holds: no hits


def test_a_conll_export_after_index_reads_over_sqlite3_alone(tmp_path: Path) -> None:
    from annotator.formats import WriteOptions
    from annotator.services.exporting import export_documents

    db = str(tmp_path / "seeds.sqlite3")
    open_database(db, seed_demo=True).close()
    assert _cli(["--db", db, "index"])[0] == 0  # after an import: the templates made
    out = tmp_path / "out.conll"
    code, loaded, printed = _imported_by(["--db", db, "export", "--format", "conll", "-o",
                                          str(out)])
    assert code == 0 and "documents exported: 5" in printed
    # The writer only: no SQLAlchemy, no Alembic, no text reader (charset-normalizer).
    assert not {"sqlalchemy", "alembic", "mako", "numpy", "annotator.formats.textio",
                "charset_normalizer"} & set(loaded), loaded
    expected = tmp_path / "store.conll"
    repo = open_database(db)
    try:
        store = export_documents(repo, fmt="conll", out=expected, options=WriteOptions())
    finally:
        repo.close()
    assert out.read_bytes() == expected.read_bytes()
    assert f"spans exported: {store.spans}" in printed
    # The last document's template missing: the reader has written the others when it meets
    # it; its file is dropped and the store's path exports, which makes and keeps the
    # template; the same bytes, no temporary file left.
    with sqlite3.connect(db) as raw:
        raw.execute("DELETE FROM token_templates WHERE document_id = "
                    "(SELECT id FROM documents ORDER BY position DESC, id DESC LIMIT 1)")
    out.write_bytes(b"the previous export")
    code, loaded, printed = _imported_by(["--db", db, "export", "--format", "conll", "-o",
                                          str(out)])
    assert code == 0 and "sqlalchemy" in loaded
    assert printed.count("documents exported: 5") == 1
    assert out.read_bytes() == expected.read_bytes()
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT COUNT(*) FROM token_templates").fetchone() == (5,)


def test_a_conll_export_from_templates_cuts_a_tanween_off_without_the_tokenizer(
    tmp_path: Path,
) -> None:
    # A span that leaves a word's tanween out (common in imported data) cuts that token in
    # two; the piece "ً" alone is one token, as the tokenizer would make it, so the export
    # from kept templates loads neither the tokenizer (regex, pyarabic) nor the tagger.
    text = "قصفت الطائرات مواقعاً للمسلحين، وقُتل شخصٌ."
    word = "مواقع"
    at = text.index(word)
    person = text.index("شخص")
    record = {"id": "cut", "text": text, "spans": [
        {"start": at, "end": at + len(word), "label": "TARGET", "text": word},
        {"start": 5, "end": 13, "label": "ACTOR", "text": text[5:13]},
        {"start": person, "end": person + 3, "label": "TARGET", "text": "شخص"}]}
    corpus = tmp_path / "cut.jsonl"
    corpus.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    db = str(tmp_path / "cut.sqlite3")
    assert _cli(["--db", db, "import", str(corpus)])[0] == 0
    assert _cli(["--db", db, "index"])[0] == 0
    out = tmp_path / "out.conll"
    code = (
        "import sys\n"
        "from annotator.cli import main\n"
        f"assert main(['--db', {db!r}, 'export', '--format', 'conll', '-o', {str(out)!r}]) == 0\n"
        "print(sorted(m for m in ('regex', 'pyarabic', 'annotator.core.text',"
        " 'annotator.core.tagging', 'sqlalchemy') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.splitlines()[-1] == "[]"
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "مواقع B-TARGET" in lines and "اً O" in lines  # letter and tanween: one token
    assert "شخص B-TARGET" in lines and "ٌ O" in lines  # the tanween alone: one token
    assert "الطائرات B-ACTOR" in lines
    # The same bytes as the tagger's path over the store.
    from annotator.formats import WriteOptions
    from annotator.services.exporting import export_documents

    with sqlite3.connect(db) as raw:
        raw.execute("DELETE FROM token_templates")
    expected = tmp_path / "store.conll"
    repo = open_database(db)
    try:
        export_documents(repo, fmt="conll", out=expected, options=WriteOptions())
    finally:
        repo.close()
    assert out.read_bytes() == expected.read_bytes()


def test_what_the_reader_cannot_open_goes_through_the_store(tmp_path: Path) -> None:
    from annotator.store.sqlite_reader import SQLiteReader

    assert SQLiteReader.open(str(tmp_path / "missing.sqlite3")) is None
    assert not (tmp_path / "missing.sqlite3").exists()  # nothing made
    assert SQLiteReader.open("postgresql://nobody@127.0.0.1:1/none") is None
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    assert SQLiteReader.open(str(junk)) is None
    code, _, err = _cli(["--db", str(junk), "stats"])
    assert code == 1 and "Traceback" not in err
    code, _, err = _cli(["--db", str(tmp_path / "missing.sqlite3"), "search", "قصف"])
    assert code == 1 and "no such database" in err
    # An older revision: the store upgrades it (a copy aside first), then answers.
    old = tmp_path / "old.sqlite3"
    open_database(str(old), seed_demo=True).close()
    with sqlite3.connect(old) as raw:
        # Back to revision 0010: the tables of 0011 (change counter), 0012, 0014, 0015 and 0017 go,
        # and the stored span counts of 0013.
        raw.execute("UPDATE alembic_version SET version_num = '0010'")
        raw.execute("DROP INDEX ix_documents_project_spans_position")
        raw.execute("ALTER TABLE documents DROP COLUMN span_count")
        raw.execute("DROP TABLE document_search_pending")
        raw.execute("DROP TABLE document_certainty")
        for name in ("documents_insert_changes", "documents_delete_changes",
                     "documents_version_changes"):
            raw.execute(f"DROP TRIGGER {name}")
        raw.execute("DROP TABLE project_changes")
        raw.execute("DROP TABLE token_templates")  # revisions 0015 and 0017
    assert SQLiteReader.open(str(old)) is None
    code, out, _ = _cli(["--db", str(old), "stats", "--json"])
    assert code == 0 and json.loads(out)["documents"] == 5
    assert list(tmp_path.glob("old.sqlite3.bak-0010"))
    reader = SQLiteReader.open(str(old))
    assert reader is not None
    reader.close()


def test_the_reader_sees_what_was_committed_and_writes_nothing(current_db: str) -> None:
    from annotator.store.sqlite_reader import SQLiteReader

    before = Path(current_db).stat().st_mtime_ns
    reader = SQLiteReader.open(current_db)
    assert reader is not None
    with reader:
        documents = reader.stats(reader.default_project())["documents"]
        assert documents == 5
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader._conn.execute("DELETE FROM documents")
    assert Path(current_db).stat().st_mtime_ns == before


@pytest.fixture
def current_pg(pg_url: str) -> str:
    """A PostgreSQL database at the head revision holding the seed articles."""
    open_database(pg_url, seed_demo=True).close()
    return pg_url


@pytest.mark.postgres
def test_stats_on_postgresql_reads_over_psycopg_alone(current_pg: str) -> None:
    code, loaded, out = _imported_by(["--db", current_pg, "stats", "--json"])
    assert code == 0
    assert json.loads(out)["documents"] == 5
    assert loaded == []  # no SQLAlchemy, Alembic, numpy nor any reader


@pytest.mark.postgres
def test_search_on_postgresql_reads_over_psycopg_alone(current_pg: str) -> None:
    code, loaded, out = _imported_by(["--db", current_pg, "search", "هدد"])
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2 and all(re.match(r"^\S+:\d+-\d+: .*\[.+\]", line) for line in lines)
    assert loaded == []
