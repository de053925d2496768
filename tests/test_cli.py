"""The command line, run in-process through ``main(argv)`` against a real database and formats."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotator import cli
from annotator.cli import main

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the command line; (exit code, stdout, stderr). Never a traceback on stderr."""

    def go(*argv: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return go


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "project.sqlite3")


def stats(run: Run, db: str) -> dict[str, Any]:
    if not Path(db).exists():
        # A refused first import leaves no database behind, and stats will not make one.
        return {"documents": 0, "spans": 0, "by_label": {}, "by_status": {}}
    code, out, _ = run("--db", db, "stats", "--json")
    assert code == 0
    result: dict[str, Any] = json.loads(out)
    return result


def record(name: str, text: str, spans: list[tuple[int, int, str]], **extra: Any) -> str:
    """One line of the project's JSONL."""
    return json.dumps(
        {
            "id": name,
            "text": text,
            "meta": {},
            "status": extra.pop("status", "done"),
            "annotator": extra.pop("annotator", None),
            "spans": [
                {"id": f"s{i}", "start": s, "end": e, "label": label, "text": text[s:e],
                 "attrs": {}}
                for i, (s, e, label) in enumerate(spans, 1)
            ],
            "events": [],
            **extra,
        },
        ensure_ascii=False,
    )


TEXTS = [
    "قصف التحالف الدولي مواقع في دير الزور يوم 24 أكتوبر.",
    "هــ.دد الحرس الثوري الإيراني بالرد على الغارات.",
    "اشتباكات بين قوات سوريا الديمقراطية ومسلحين في ريف دير الزور الشرقي.",
    "استهدفت طائرة مسيرة سيارة في البوكمال صباح اليوم.",
    "أعلنت وزارة الدفاع عن إسقاط صاروخ قرب الميادين.",
    "شنت الطائرات غارات على مستودعات أسلحة في محيط مطار دير الزور.",
]


def good_lines() -> list[str]:
    """Six valid records with spans on their first and last words."""
    lines = []
    for i, text in enumerate(TEXTS):
        first = text.index(" ")
        spans = [(0, first, "ACTOR"), (first + 1, first + 6, "TARGET")]
        lines.append(record(f"doc{i}", text, spans))
    return lines


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- usage errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["import"],
        ["import", "x.jsonl", "--format", "xml"],
        ["export", "-o", "out.conll"],
        ["export", "--format", "conll"],
        ["export", "--format", "conll", "-o", "o", "--conll-columns", "3"],
        ["export", "--format", "conll", "-o", "o", "--scheme", "bio"],
        ["export", "--format", "conll", "-o", "o", "--split", "80/30/10"],
        ["export", "--format", "nosuchformat", "-o", "o"],
        ["import", "x.jsonl", "--map", "ORG"],
        ["search"],
        ["search", "x", "--limit", "0"],
        ["stats", "--limit", "3"],
    ],
)
def test_usage_errors_exit_2(run: Run, db: str, argv: list[str]) -> None:
    code, _, err = run("--db", db, *argv)
    assert code == 2
    assert err.strip(), "a usage error must say what is wrong"


def test_help_lists_commands_and_examples(run: Run) -> None:
    code, out, _ = run("--help")
    assert code == 0
    for word in ("import", "export", "stats", "search", "examples:", "--db"):
        assert word in out
    for command in ("import", "export", "stats", "search"):
        code, out, _ = run(command, "--help")
        assert code == 0
        assert "examples:" in out


# --- import ----------------------------------------------------------------------------------


def test_import_reports_counts_and_encoding(run: Run, db: str, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "news.jsonl", good_lines())
    code, out, err = run("--db", db, "import", path, "--annotator", "amal")
    assert code == 0, err
    assert "documents added: 6" in out
    assert "spans: 12" in out
    assert f"{path}: utf-8" in out
    counts = stats(run, db)
    assert counts["documents"] == 6
    assert counts["spans"] == 12
    assert counts["by_label"]["ACTOR"] == 6
    assert counts["by_annotator"] == {"amal": 12}


def test_import_encoding_cp1256_is_reported(run: Run, db: str, tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_bytes(("\n".join(TEXTS) + "\n").encode("cp1256"))
    code, out, err = run("--db", db, "import", path, "--format", "txt")
    assert code == 0, err
    assert "cp1256" in out
    code, out, _ = run("--db", db, "search", "دير الزور")
    assert code == 0
    assert "دير الزور" in out  # decoded as Arabic, not mojibake


def test_encodings_of_many_files_are_summed_up(run: Run, db: str, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(14):
        (folder / f"{i:02d}.txt").write_text(f"{TEXTS[i % 6]} رقم {i}", encoding="utf-8")
    (folder / "old.txt").write_bytes(f"{TEXTS[0]} أرشيف قديم".encode("cp1256"))
    code, out, err = run("--db", db, "import", folder)
    assert code == 0, err
    assert "documents added: 15" in out
    assert "utf-8: 14 files" in out
    assert "cp1256: 1 file\n" in out
    assert f"  {folder / 'old.txt'}" in out
    assert f"{folder / '03.txt'}" not in out


def test_db_may_follow_the_command(run: Run, db: str, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "news.jsonl", good_lines()[:2])
    assert run("import", path, "--db", db)[0] == 0
    assert stats(run, db)["documents"] == 2


def test_duplicates_are_skipped_and_counted(run: Run, db: str, tmp_path: Path) -> None:
    lines = good_lines()
    path = write_jsonl(tmp_path / "a.jsonl", [*lines, lines[0].replace('"doc0"', '"again"')])
    code, out, _ = run("--db", db, "import", path)
    assert code == 0
    assert "documents added: 6" in out
    assert "duplicates merged: 1 (spans added: 0, events added: 0)" in out
    code, out, _ = run("--db", db, "import", path)
    assert code == 0
    assert "documents added: 0" in out
    assert "duplicates merged: 7 (spans added: 0, events added: 0)" in out
    assert "spans: 0" in out
    assert stats(run, db)["documents"] == 6


def test_import_spans_counted_only_for_new_documents(run: Run, db: str, tmp_path: Path) -> None:
    lines = good_lines()
    run("--db", db, "import", write_jsonl(tmp_path / "first.jsonl", lines[:2]))
    code, out, _ = run("--db", db, "import", write_jsonl(tmp_path / "all.jsonl", lines))
    assert code == 0
    assert "documents added: 4" in out
    assert "duplicates merged: 2 (spans added: 0, events added: 0)" in out
    assert "spans: 8" in out


def _bad_cases(tmp: Path) -> list[tuple[Path, list[str], tuple[str, str]]]:
    """(file, arguments, (where, reason) on one stderr line) for each kind of bad input."""
    good = good_lines()
    cases: list[tuple[Path, list[str], tuple[str, str]]] = []
    invalid_json = write_jsonl(tmp / "invalid.jsonl", [*good, '{"id": "x", "text": '])
    cases.append((invalid_json, [], (f"{invalid_json}:7: ", "invalid JSON")))
    text = TEXTS[0]
    outside = write_jsonl(tmp / "outside.jsonl", [*good[:2], json.dumps(
        {"id": "o", "text": text, "spans": [{"start": 3, "end": 500, "label": "ACTOR"}]},
        ensure_ascii=False)])
    cases.append((outside, [], (f"{outside}:3: ", "offsets 3-500 are outside the text")))
    mismatch = write_jsonl(tmp / "mismatch.jsonl", [*good[:3], json.dumps(
        {"id": "m", "text": text, "spans": [{"start": 0, "end": 3, "label": "ACTOR",
                                             "text": "xyz"}]}, ensure_ascii=False)])
    cases.append((mismatch, [], (f"{mismatch}:4: ", "'xyz' does not match")))
    unknown = write_jsonl(tmp / "unknown.jsonl", [*good[:1], record("u", text, [(0, 3, "ORG")])])
    cases.append((unknown, [], (f"{unknown}:2: ", "unknown label 'ORG'")))
    empty = tmp / "empty.jsonl"
    empty.write_bytes(b"")
    cases.append((empty, [], (f"{empty}: ", "empty")))
    binary = tmp / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    cases.append((binary, ["--format", "txt"], (f"{binary}: ", "binary")))
    undecodable = tmp / "undecodable.jsonl"
    undecodable.write_bytes(good[0].encode("utf-8") + b"\n" + b'{"text": "\xff\xfe\x81\x8d\x90"}\n')
    cases.append((undecodable, [], (f"{undecodable}: ", "undecodable")))
    missing = tmp / "missing.jsonl"
    cases.append((missing, [], (f"{missing}: ", "no such file")))
    return cases


def test_each_bad_input_changes_nothing(run: Run, db: str, tmp_path: Path) -> None:
    # Some documents first, so "unchanged" is about a database that holds something.
    run("--db", db, "import", write_jsonl(tmp_path / "base.jsonl", good_lines()[4:]))
    before = stats(run, db)
    for path, extra, (where, reason) in _bad_cases(tmp_path):
        # A good file beside the bad one: it must not be imported either.
        other = write_jsonl(tmp_path / "other.jsonl", good_lines()[:3])
        code, out, err = run("--db", db, "import", other, path, *extra)
        assert code == 1, (path, out, err)
        # One line names the place and gives the reason.
        assert any(line.startswith(where) and reason in line for line in err.splitlines()), err
        assert "nothing imported" in err
        assert stats(run, db) == before, path


def test_unknown_label_message_offers_map_and_add_labels(run: Run, db: str, tmp_path: Path
                                                         ) -> None:
    path = write_jsonl(tmp_path / "org.jsonl", [record("u", TEXTS[0], [(0, 3, "ORG")])])
    code, _, err = run("--db", db, "import", path)
    assert code == 1
    assert "--map ORG=" in err
    assert "--add-labels" in err


def test_refusal_offers_skip_bad_only_when_something_is_importable(
    run: Run, db: str, tmp_path: Path
) -> None:
    good = good_lines()
    mixed = write_jsonl(tmp_path / "mixed.jsonl", [good[0], "{", good[1]])
    code, _, err = run("--db", db, "import", mixed)
    assert code == 1
    assert "(--skip-bad imports the 2 good record(s))" in err
    bad = write_jsonl(tmp_path / "bad.jsonl", ["{", "["])
    code, _, err = run("--db", db, "import", bad)
    assert code == 1
    assert "--skip-bad" not in err


def test_database_problems_are_messages_not_tracebacks(run: Run, tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_text("these are my notes, not a database")
    code, _, err = run("--db", not_a_db, "stats")
    assert code == 1
    assert err.startswith("annotator: ")
    assert str(not_a_db) in err
    assert not_a_db.read_text() == "these are my notes, not a database"


def test_all_problems_of_all_files_are_listed(run: Run, db: str, tmp_path: Path) -> None:
    good = good_lines()
    a = write_jsonl(tmp_path / "a.jsonl", [good[0], "not json", good[1], "{also not"])
    b = write_jsonl(tmp_path / "b.jsonl", [record("u", TEXTS[2], [(0, 3, "ORG")])])
    code, _, err = run("--db", db, "import", a, b)
    assert code == 1
    assert f"{a}:2:" in err
    assert f"{a}:4:" in err
    assert f"{b}:1:" in err


def test_skip_bad_imports_the_good_records_and_lists_the_rest(
    run: Run, db: str, tmp_path: Path
) -> None:
    good = good_lines()
    path = write_jsonl(tmp_path / "mixed.jsonl", [
        good[0], "not json", good[1], record("u", TEXTS[2], [(0, 3, "ORG")]), good[3],
    ])
    code, out, err = run("--db", db, "import", path, "--skip-bad")
    assert code == 0
    assert "documents added: 3" in out
    assert f"{path}:2:" in err
    assert f"{path}:4:" in err
    assert stats(run, db)["documents"] == 3


def test_map_renames_labels(run: Run, db: str, tmp_path: Path) -> None:
    text = TEXTS[0]
    path = write_jsonl(tmp_path / "org.jsonl", [
        record("u", text, [(0, 3, "ORG"), (4, 11, "LOC"), (12, 18, "ACTOR")])])
    code, _, err = run("--db", db, "import", path, "--map", "ORG=ACTOR", "--map", "LOC=LOCATION")
    assert code == 0, err
    by_label = stats(run, db)["by_label"]
    assert by_label["ACTOR"] == 2
    assert by_label["LOCATION"] == 1
    assert "ORG" not in by_label


def test_map_to_an_unknown_label_is_still_refused(run: Run, db: str, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "org.jsonl", [record("u", TEXTS[0], [(0, 3, "ORG")])])
    code, _, err = run("--db", db, "import", path, "--map", "ORG=ORGANISATION")
    assert code == 1
    assert "ORGANISATION" in err


def test_add_labels_extends_the_schema(run: Run, db: str, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "org.jsonl", [
        record("u", TEXTS[0], [(0, 3, "ORG"), (4, 11, "WEAPON"), (12, 18, "ACTOR")])])
    code, out, err = run("--db", db, "import", path, "--add-labels")
    assert code == 0, err
    assert "label added: ORG" in out
    assert "label added: WEAPON" in out
    by_label = stats(run, db)["by_label"]
    assert by_label == {"ACTOR": 1, "TARGET": 0, "LOCATION": 0, "DATE": 0, "ORG": 1, "WEAPON": 1}


def test_add_labels_with_a_bad_name_changes_nothing(run: Run, db: str, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "org.jsonl", [record("u", TEXTS[0], [(0, 3, "armed group")])])
    before = stats(run, db)
    code, _, err = run("--db", db, "import", path, "--add-labels")
    assert code == 1
    assert "'armed group'" in err
    assert stats(run, db) == before


def test_add_labels_with_a_bad_name_and_skip_bad_skips_its_records(
    run: Run, db: str, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "org.jsonl", [
        record("u", TEXTS[0], [(0, 3, "armed group")]),
        record("w", TEXTS[1], [(0, 6, "WEAPON")]), *good_lines()[2:4]])
    code, out, err = run("--db", db, "import", path, "--add-labels", "--skip-bad")
    assert code == 0, err
    assert "documents added: 3" in out
    assert f"{path}:1: unknown label 'armed group'" in err
    assert "--add-labels: label" in err  # why it could not be added
    assert set(stats(run, db)["by_label"]) == {"ACTOR", "TARGET", "LOCATION", "DATE", "WEAPON"}


def _relation_file(tmp_path: Path) -> Path:
    """doccano's documented relation example, in Arabic: the relation stays a relation."""
    text = "قصف التحالف الدولي مواقع في دير الزور"
    rec = {"text": text,
           "entities": [{"id": 0, "start_offset": 4, "end_offset": 18, "label": "ACTOR"},
                        {"id": 1, "start_offset": 28, "end_offset": 37, "label": "LOCATION"}],
           "relations": [{"id": 0, "from_id": 0, "to_id": 1, "type": "attackedIn"}]}
    path = tmp_path / "relations.jsonl"
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _event_file(tmp_path: Path) -> Path:
    """A JSONL record with an event of a type the schema lacks."""
    text = "قصف التحالف الدولي مواقع في دير الزور"
    rec = {"id": "e", "text": text, "meta": {}, "status": "new", "annotator": None,
           "spans": [{"id": "s1", "start": 4, "end": 18, "label": "ACTOR",
                      "text": "التحالف الدولي", "attrs": {}},
                     {"id": "s2", "start": 28, "end": 37, "label": "LOCATION",
                      "text": "دير الزور", "attrs": {}}],
           "events": [{"id": "e1", "type": "attackedIn", "trigger": None,
                       "roles": {"actor": ["s1"], "location": ["s2"]}}]}
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_unknown_event_type_is_refused_with_a_way_out(run: Run, db: str, tmp_path: Path
                                                      ) -> None:
    path = _event_file(tmp_path)
    code, _, err = run("--db", db, "import", path)
    assert code == 1
    assert f"{path}:1: event type 'attackedIn' is not in the project's schema" in err
    assert "--map 'attackedIn=TYPE' or --add-labels" in err
    assert stats(run, db)["documents"] == 0


def test_event_types_can_be_mapped_or_added(run: Run, db: str, tmp_path: Path) -> None:
    path = _event_file(tmp_path)
    code, out, err = run("--db", db, "import", path, "--map", "attackedIn=Air/drone strike")
    assert code == 0, err
    assert "event type added" not in out
    other = str(tmp_path / "other.sqlite3")
    code, out, err = run("--db", other, "import", path, "--add-labels")
    assert code == 0, err
    assert "event type added: attackedIn" in out
    exported = tmp_path / "out.jsonl"
    assert run("--db", other, "export", "--format", "jsonl", "-o", exported)[0] == 0
    (line,) = exported.read_text(encoding="utf-8").splitlines()
    assert [e["type"] for e in json.loads(line)["events"]] == ["attackedIn"]


def test_a_doccano_relation_is_imported_and_exported_as_a_relation(
    run: Run, db: str, tmp_path: Path
) -> None:
    path = _relation_file(tmp_path)
    code, _, err = run("--db", db, "import", path)
    assert code == 0, err  # relation types are not event types: nothing to map
    exported = tmp_path / "out.jsonl"
    assert run("--db", db, "export", "--format", "jsonl", "-o", exported)[0] == 0
    record = json.loads(exported.read_text(encoding="utf-8"))
    assert record["events"] == []
    assert record["relations"] == [{"id": "r1", "type": "attackedIn", "head": "s1",
                                    "tail": "s2"}]


# --- export ----------------------------------------------------------------------------------


@pytest.fixture
def filled(run: Run, db: str, tmp_path: Path) -> str:
    """A database with the six test records (five done, one new)."""
    lines = good_lines()
    lines[5] = lines[5].replace('"status": "done"', '"status": "new"')
    code, _, err = run("--db", db, "import", write_jsonl(tmp_path / "in.jsonl", lines),
                       "--annotator", "amal")
    assert code == 0, err
    return db


def _writable_formats() -> list[str]:
    from annotator.formats import FORMATS

    return sorted(name for name, fmt in FORMATS.items() if fmt.can_write)


@pytest.mark.parametrize("fmt", _writable_formats())
def test_export_each_format(run: Run, filled: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out-{fmt}"
    code, stdout, err = run("--db", filled, "export", "--format", fmt, "-o", out)
    assert code == 0, err
    assert "documents exported: 6" in stdout
    assert out.exists()
    assert f"wrote {out}" in stdout or f"files in {out}" in stdout


def _span_formats() -> list[str]:
    """Formats that write and read back spans (txt and csv carry the text only)."""
    from annotator.formats import FORMATS

    return sorted(n for n, f in FORMATS.items()
                  if f.can_read and f.can_write and n not in ("txt", "csv"))


@pytest.mark.parametrize("fmt", _span_formats())
def test_exported_spans_import_again(run: Run, filled: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out-{fmt}"
    assert run("--db", filled, "export", "--format", fmt, "-o", out)[0] == 0
    again = str(tmp_path / "again.sqlite3")
    code, _, err = run("--db", again, "import", out, "--format", fmt)
    assert code == 0, err
    assert stats(run, again)["by_label"] == stats(run, filled)["by_label"]


@pytest.mark.parametrize("fmt", ["txt", "csv"])
def test_exported_texts_import_again(run: Run, filled: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out-{fmt}"
    assert run("--db", filled, "export", "--format", fmt, "-o", out)[0] == 0
    again = str(tmp_path / "again.sqlite3")
    code, stdout, err = run("--db", again, "import", out, "--format", fmt)
    assert code == 0, err
    assert "documents added: 6" in stdout
    # Importing the same texts into the first project again finds them all as duplicates.
    code, stdout, _ = run("--db", filled, "import", out, "--format", fmt)
    assert code == 0
    assert "documents added: 0" in stdout
    assert "duplicates merged: 6 (spans added: 0, events added: 0)" in stdout


def test_export_filters_by_status(run: Run, filled: str, tmp_path: Path) -> None:
    out = tmp_path / "done.jsonl"
    code, _, _ = run("--db", filled, "export", "--format", "jsonl", "-o", out,
                     "--status", "done")
    assert code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    assert {r["status"] for r in records} == {"done"}


def test_export_with_no_matching_documents_is_refused(run: Run, filled: str, tmp_path: Path
                                                      ) -> None:
    out = tmp_path / "none.jsonl"
    code, _, err = run("--db", filled, "export", "--format", "jsonl", "-o", out,
                       "--status", "skipped")
    assert code == 1
    assert "no documents to export with status skipped" in err
    assert not out.exists()


def test_export_by_annotator_keeps_their_spans(run: Run, db: str, tmp_path: Path) -> None:
    text = TEXTS[0]
    lines = [record("a", text, [(0, 3, "ACTOR")], annotator="amal"),
             record("b", TEXTS[1], [(0, 6, "TARGET")], annotator="omar")]
    assert run("--db", db, "import", write_jsonl(tmp_path / "two.jsonl", lines))[0] == 0
    out = tmp_path / "amal.jsonl"
    code, _, err = run("--db", db, "export", "--format", "jsonl", "-o", out, "--annotator", "amal")
    assert code == 0, err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [[s["label"] for s in r["spans"]] for r in records] == [["ACTOR"], []]
    code, _, err = run("--db", db, "export", "--format", "jsonl", "-o", out, "--annotator", "amla")
    assert code == 1
    assert "no annotator named 'amla'" in err


def test_export_reports_overlapping_spans(run: Run, db: str, tmp_path: Path) -> None:
    text = TEXTS[2]
    path = write_jsonl(tmp_path / "nested.jsonl", [
        record("nested", text, [(0, 9, "ACTOR"), (4, 9, "TARGET"), (10, 14, "LOCATION")])])
    assert run("--db", db, "import", path)[0] == 0
    out = tmp_path / "flat.conll"
    code, stdout, _ = run("--db", db, "export", "--format", "conll", "-o", out)
    assert code == 0
    assert "spans not representable in conll: 1" in stdout
    assert "nested" in stdout  # where: the document
    code, stdout, _ = run("--db", db, "export", "--format", "conll", "-o", out, "--nested")
    assert code == 0
    assert "not representable" not in stdout


def test_export_names_from_document_ids_stay_inside_out(run: Run, db: str, tmp_path: Path
                                                        ) -> None:
    lines = [record("../../escape", TEXTS[0], [(0, 3, "ACTOR")]),
             record("/etc/passwd", TEXTS[1], [])]
    assert run("--db", db, "import", write_jsonl(tmp_path / "names.jsonl", lines))[0] == 0
    out = tmp_path / "deep" / "brat"
    code, _, err = run("--db", db, "export", "--format", "brat", "-o", out)
    assert code == 0, err
    written = sorted(p for p in tmp_path.rglob("*") if p.suffix in (".txt", ".ann"))
    assert len(written) == 4
    assert all(p.parent == out for p in written)


def test_export_of_many_files_is_summed_up(run: Run, db: str, tmp_path: Path) -> None:
    lines = [record(f"d{i}", f"{TEXTS[i % 6]} رقم {i}", []) for i in range(8)]
    assert run("--db", db, "import", write_jsonl(tmp_path / "many.jsonl", lines))[0] == 0
    out = tmp_path / "brat"
    code, stdout, _ = run("--db", db, "export", "--format", "brat", "-o", out)
    assert code == 0
    assert f"wrote 17 files in {out}" in stdout  # 8 .txt, 8 .ann and the annotation.conf
    assert "wrote " + str(out / "d0.ann") not in stdout


def test_export_to_an_impossible_place_fails_cleanly(run: Run, filled: str, tmp_path: Path
                                                      ) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code, _, err = run("--db", filled, "export", "--format", "jsonl", "-o", blocker / "out.jsonl")
    assert code == 1
    assert str(blocker) in err
    assert blocker.read_text() == "x"


def _split_texts(folder: Path) -> dict[str, list[str]]:
    parts = {}
    for part in ("train", "dev", "test"):
        lines = (folder / f"{part}.jsonl").read_text(encoding="utf-8").splitlines()
        parts[part] = [json.loads(line)["text"] for line in lines]
    return parts


def test_split_is_reproducible_and_disjoint(run: Run, db: str, tmp_path: Path) -> None:
    lines = [record(f"d{i}", f"{TEXTS[i % 6]} رقم {i}", []) for i in range(40)]
    assert run("--db", db, "import", write_jsonl(tmp_path / "many.jsonl", lines))[0] == 0
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for out, seed in ((first, "7"), (second, "7"), (other, "8")):
        code, stdout, err = run("--db", db, "export", "--format", "jsonl", "-o", out,
                                "--split", "80/10/10", "--seed", seed)
        assert code == 0, err
        assert "train: 32 documents" in stdout
    a = _split_texts(first)
    assert a == _split_texts(second)
    assert a != _split_texts(other)
    assert [len(a[p]) for p in ("train", "dev", "test")] == [32, 4, 4]
    everything = a["train"] + a["dev"] + a["test"]
    assert len(set(everything)) == 40  # disjoint, and nothing lost
    for part in ("train", "dev", "test"):
        assert (first / f"{part}.jsonl").read_bytes() == (second / f"{part}.jsonl").read_bytes()


def test_split_into_an_existing_file_is_refused(run: Run, filled: str, tmp_path: Path) -> None:
    out = tmp_path / "file"
    out.write_text("keep me")
    code, _, err = run("--db", filled, "export", "--format", "jsonl", "-o", out,
                       "--split", "80/10/10")
    assert code == 1
    assert "folder" in err
    assert out.read_text() == "keep me"
    assert not list(tmp_path.glob(".file.*"))  # no temporary parts left behind


# --- stats and search ------------------------------------------------------------------------


def test_stats_text_and_json_agree(run: Run, filled: str) -> None:
    counts = stats(run, filled)
    assert counts["by_status"]["done"] == 5
    assert counts["by_status"]["new"] == 1
    code, out, _ = run("--db", filled, "stats")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["documents", str(counts["documents"])]
    assert ["done", "5"] in [line.split() for line in lines]
    assert ["amal", str(counts["spans"])] in [line.split() for line in lines]


def test_search_folds_arabic(run: Run, filled: str) -> None:
    # "هدد" must find the obfuscated "هــ.دد" of TEXTS[1], with its offsets.
    code, out, err = run("--db", filled, "search", "هدد")
    assert code == 0
    (line,) = out.splitlines()
    assert line.startswith("doc1:0-6: [هــ.دد] الحرس الثوري")
    assert line.endswith("…")  # the rest of the sentence is elided
    assert "1 hit" in err
    code, out, _ = run("--db", filled, "search", "دير الزور", "--limit", "2")
    assert len(out.splitlines()) == 2


def test_search_over_the_seeds_finds_every_hamza_spelling(
    run: Run, db: str, tmp_path: Path, seed_texts: dict[str, str]
) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name, text in seed_texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    assert run("--db", db, "import", folder)[0] == 0
    # "الايرانية" (no hamza, as some writers type it) must find the hamza spelling too.
    spellings = ("الإيرانية", "الايرانية")
    expected = sum(text.count(w) for text in seed_texts.values() for w in spellings)
    code, out, _ = run("--db", db, "search", "الايرانية")
    assert code == 0
    hits = out.splitlines()
    assert len(hits) == expected > 1
    for line in hits:
        name, offsets = line.split(":")[:2]
        start, end = map(int, offsets.split("-"))
        # The offsets point into the stored text: the original spelling is what they show.
        assert seed_texts[name][start:end].replace("إ", "ا").replace("أ", "ا") == "الايرانية"


# --- the window ------------------------------------------------------------------------------


def test_no_command_without_a_window_says_so(run: Run, db: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes "from annotator.ui.app import run" fail as on a broken install.
    monkeypatch.setitem(sys.modules, "annotator.ui.app", None)
    code, _, err = run("--db", db)
    assert code == 1
    assert "window" in err


@pytest.mark.parametrize(("argv", "window_db"), [
    ([], None), (["--db", "p.sqlite3"], "p.sqlite3"), (["--db=p.sqlite3"], "p.sqlite3"),
    (["--db", "import"], "import"),  # as the full parser reads it: a file named import
])
def test_the_window_opens_without_building_every_commands_parser(
    argv: list[str], window_db: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str | None] = []
    monkeypatch.setattr(cli, "_open_window", lambda db: opened.append(db) or 0)

    def no_parser() -> None:
        raise AssertionError("the full parser was built")

    monkeypatch.setattr(cli, "build_parser", no_parser)
    assert cli.main(argv) == 0
    assert opened == [window_db]


@pytest.mark.parametrize("argv", [["--help"], ["--db"], ["--db", "-x"], ["--db", "a", "stats"],
                                  ["--d", "p.sqlite3"], ["stats"]])
def test_anything_else_goes_through_the_parser(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    built: list[bool] = []
    build = cli.build_parser
    monkeypatch.setattr(cli, "build_parser", lambda: (built.append(True), build())[1])
    monkeypatch.setattr(cli, "_open_window", lambda db: 0)
    monkeypatch.setattr(cli, "_cmd_stats", lambda args, db: 0)
    cli.main(argv)
    assert built == [True]


def test_split_of_folder_and_side_file_formats(run: Run, db: str, tmp_path: Path) -> None:
    lines = [record(f"d{i}", f"{TEXTS[i % 6]} رقم {i}", [(0, 3, "ACTOR")]) for i in range(20)]
    assert run("--db", db, "import", write_jsonl(tmp_path / "many.jsonl", lines))[0] == 0
    brat = tmp_path / "brat"
    code, _, err = run("--db", db, "export", "--format", "brat", "-o", brat,
                       "--split", "50/25/25", "--seed", "1")
    assert code == 0, err
    sizes = {part: len(list((brat / part).glob("*.ann"))) for part in ("train", "dev", "test")}
    assert sizes == {"train": 10, "dev": 5, "test": 5}
    hf = tmp_path / "hf"
    code, _, err = run("--db", db, "export", "--format", "hf", "-o", hf, "--split", "50/25/25")
    assert code == 0, err
    names = sorted(p.name for p in hf.iterdir())
    parts = ("train", "dev", "test")
    assert names == sorted([f"{p}.jsonl" for p in parts] + [f"{p}.tags.json" for p in parts])
    # Exporting again into the same folder replaces the earlier split export.
    code, _, err = run("--db", db, "export", "--format", "brat", "-o", brat,
                       "--split", "80/10/10", "--seed", "1")
    assert code == 0, err
    assert len(list((brat / "train").glob("*.ann"))) == 16


def test_split_refuses_a_folder_with_other_things(run: Run, filled: str, tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.md").write_text("mine")
    code, _, err = run("--db", filled, "export", "--format", "jsonl", "-o", out,
                       "--split", "80/10/10")
    assert code == 1
    assert "notes.md" in err
    assert sorted(p.name for p in out.iterdir()) == ["notes.md"]


# --- found by trying to break the import/export path ------------------------------------------


def test_deeply_nested_json_is_refused_without_a_traceback(run: Run, db: str, tmp_path: Path
                                                           ) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "\n", encoding="utf-8")
    before = stats(run, db)
    code, _, err = run("--db", db, "import", path, "--format", "doccano")
    assert code == 1
    assert f"{path}:1: invalid JSON: nested too deeply" in err
    assert stats(run, db) == before


def test_a_lone_surrogate_is_a_problem_not_a_crash(run: Run, db: str, tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"text": "قصف"}\n{"text": "ab\\ud800c", "label": [[0, 2, "ACTOR"]]}\n',
                    encoding="utf-8")
    before = stats(run, db)
    code, _, err = run("--db", db, "import", path, "--format", "doccano")
    assert code == 1
    assert f"{path}:2: the text holds an unpaired surrogate (U+D800)" in err
    assert stats(run, db) == before
    code, out, err = run("--db", db, "import", path, "--format", "doccano", "--skip-bad")
    assert code == 0, err
    assert "documents added: 1" in out


def test_a_lone_surrogate_in_meta_or_label_is_a_problem(run: Run, db: str, tmp_path: Path
                                                        ) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"text": "قصف", "label": [[0, 3, "A\\udc00"]]}\n'
                    '{"text": "دير", "source": "x\\udfff"}\n', encoding="utf-8")
    code, _, err = run("--db", db, "import", path, "--add-labels")
    assert code == 1
    assert f"{path}:1: " in err and f"{path}:2: " in err
    assert stats(run, db)["documents"] == 0


def test_brat_trigger_label_maps_without_renaming_the_event_type(
    run: Run, db: str, tmp_path: Path
) -> None:
    # formats.md's brat example: the trigger T5 has the event type as its label.
    text = "التحالف الدولي يقصف دير الزور"
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    (tmp_path / "doc.ann").write_text(
        "T1\tACTOR 0 14\tالتحالف الدولي\n"
        "T2\tLOCATION 20 29\tدير الزور\n"
        "T5\tAttack 15 19\tيقصف\n"
        "E1\tAttack:T5 Actor:T1 Place:T2\n", encoding="utf-8")
    code, _, err = run("--db", db, "import", tmp_path, "--map", "Attack=ACTOR")
    assert code == 0, err
    out = tmp_path / "out.jsonl"
    assert run("--db", db, "export", "--format", "jsonl", "-o", out)[0] == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [(s["label"], s["text"]) for s in doc["spans"]] == [
        ("ACTOR", "التحالف الدولي"), ("ACTOR", "يقصف"), ("LOCATION", "دير الزور")]
    (event,) = doc["events"]
    assert (event["type"], event["trigger"]) == ("Attack", "s2")


def test_map_to_an_event_type_leaves_span_labels_alone(run: Run, db: str, tmp_path: Path
                                                       ) -> None:
    path = _relation_file(tmp_path)
    code, _, err = run("--db", db, "import", path, "--map", "attackedIn=Armed clash")
    assert code == 0, err
    assert "Armed clash" not in stats(run, db)["by_label"]


def test_export_of_a_file_format_onto_a_folder_says_so(run: Run, filled: str, tmp_path: Path
                                                       ) -> None:
    folder = tmp_path / "existing"
    folder.mkdir()
    code, _, err = run("--db", filled, "export", "--format", "jsonl", "-o", folder)
    assert code == 1
    assert f"{folder}: is a folder; give a file name" in err
    assert ".tmp" not in err
    assert list(folder.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_help_names_the_hf_tag_list_where_it_is_written(run: Run, filled: str,
                                                               tmp_path: Path) -> None:
    code, out, _ = run("export", "--help")
    assert code == 0
    assert "out.jsonl -> out.tags.json" in " ".join(out.split())
    code, _, err = run("--db", filled, "export", "--format", "hf", "-o", tmp_path / "out.jsonl")
    assert code == 0, err
    assert (tmp_path / "out.tags.json").is_file()


# --- issue 12: closed pipes, databases that do not exist, merging, names -----------------------


def _run_into_closed_pipe(*argv: str | Path) -> tuple[int, str]:
    """Run ``python -m annotator`` with a stdout whose reader has already gone (as in
    ``annotator search X | head -1`` once head has its line); (exit code, stderr)."""
    import os
    import subprocess

    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", "annotator", *map(str, argv)],
                              stdout=write_end, stderr=subprocess.PIPE, timeout=120,
                              check=False)
    finally:
        os.close(write_end)
    return done.returncode, done.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize("argv", [("search", "الزور"), ("stats", "--json"), ("stats",)])
def test_closed_stdout_is_not_a_failure(run: Run, filled: str, argv: tuple[str, ...]) -> None:
    # Before: BrokenPipeError traceback and exit 1 (or 120).
    code, err = _run_into_closed_pipe("--db", filled, *argv)
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert code == 0


def test_import_into_a_closed_pipe_commits_and_exits_0(run: Run, db: str, tmp_path: Path
                                                       ) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", good_lines())
    code, err = _run_into_closed_pipe("--db", db, "import", path)
    assert "Traceback" not in err, err
    assert code == 0
    assert stats(run, db)["documents"] == 6


@pytest.mark.parametrize("argv", [("stats",), ("search", "x"),
                                  ("export", "--format", "jsonl", "-o", "out.jsonl")])
def test_reading_commands_never_create_a_database(run: Run, tmp_path: Path,
                                                  argv: tuple[str, ...],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "typo.sqlite3"
    code, _, err = run("--db", missing, *argv)
    assert code == 1
    assert f"{missing}: no such database" in err
    assert list(tmp_path.iterdir()) == []


def test_a_refused_first_import_leaves_no_database(run: Run, tmp_path: Path) -> None:
    bad = write_jsonl(tmp_path / "bad.jsonl", ['{"text": ""}'])
    new = tmp_path / "new.sqlite3"
    assert run("--db", new, "import", bad)[0] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl"]
    good = write_jsonl(tmp_path / "good.jsonl", good_lines()[:1])
    assert run("--db", new, "import", good)[0] == 0
    assert new.exists()


def test_a_text_over_the_limit_is_a_problem_of_its_record(
        run: Run, db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.services import importing

    monkeypatch.setattr(importing, "MAX_TEXT_CHARS", 50)
    path = write_jsonl(tmp_path / "a.jsonl", good_lines()[:3])
    code, _, err = run("--db", db, "import", path)
    assert code == 1
    assert f"{path}:1: the text is 52 characters; one document may hold at most 50" in err
    code, out, _ = run("--db", db, "import", path, "--skip-bad")
    assert code == 0 and "documents added: 1" in out


def test_reimported_annotated_copy_merges_its_spans(run: Run, db: str, tmp_path: Path) -> None:
    text = TEXTS[0]
    plain = tmp_path / "plain.txt"
    plain.write_text(text, encoding="utf-8")
    assert run("--db", db, "import", plain)[0] == 0
    annotated = write_jsonl(tmp_path / "copy.jsonl", [
        record("copy", text, [(4, 18, "ACTOR"), (28, 37, "LOCATION")]),
        record("copy-2", text, [(4, 18, "ACTOR"), (19, 24, "TARGET")])])
    code, out, _ = run("--db", db, "import", annotated)
    # Before: "duplicates skipped: 2", exit 0, and the three spans were lost.
    assert code == 0
    assert "duplicates merged: 2 (spans added: 3, events added: 0)" in out
    assert stats(run, db)["by_label"] == {"ACTOR": 1, "TARGET": 1, "LOCATION": 1, "DATE": 0}
    code, out, _ = run("--db", db, "import", annotated)  # identical spans are kept once
    assert "duplicates merged: 2 (spans added: 0, events added: 0)" in out
    assert stats(run, db)["spans"] == 3


def test_on_duplicate_skip_and_replace(run: Run, db: str, tmp_path: Path) -> None:
    text = TEXTS[0]
    first = write_jsonl(tmp_path / "a.jsonl", [record("a", text, [(4, 18, "ACTOR")])])
    other = write_jsonl(tmp_path / "b.jsonl", [record("b", text, [(28, 37, "LOCATION")])])
    assert run("--db", db, "import", first)[0] == 0
    code, out, _ = run("--db", db, "import", other, "--on-duplicate", "skip")
    assert code == 0 and "duplicates skipped: 1" in out
    assert stats(run, db)["by_label"]["LOCATION"] == 0
    code, out, _ = run("--db", db, "import", other, "--on-duplicate", "replace")
    assert code == 0
    assert "duplicates replaced: 1 (spans removed: 1, spans added: 1, events added: 0)" in out
    assert stats(run, db)["by_label"] == {"ACTOR": 0, "TARGET": 0, "LOCATION": 1, "DATE": 0}


def test_label_names_match_case_insensitively_and_are_noted_once(
        run: Run, db: str, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [
        record("a", TEXTS[0], [(0, 3, "Actor"), (28, 37, "location")]),
        record("b", TEXTS[1], [(0, 6, "Actor")])])
    code, out, _ = run("--db", db, "import", path)
    # Before: "unknown label 'Actor'", exit 1.
    assert code == 0, out
    assert out.count("label 'Actor' taken as 'ACTOR' (same name, other case)") == 1
    assert "label 'location' taken as 'LOCATION'" in out
    assert stats(run, db)["by_label"] == {"ACTOR": 2, "TARGET": 0, "LOCATION": 1, "DATE": 0}


def test_add_labels_takes_other_tools_names(run: Run, db: str, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [
        record("a", TEXTS[0], [(0, 3, "Person"), (4, 18, "منظمة")]),
        record("b", TEXTS[1], [(0, 6, "PERSON")])])
    code, out, err = run("--db", db, "import", path, "--add-labels")
    # Before: "name must be upper-case letters, digits or _", exit 1.
    assert code == 0, err
    assert "label added: Person" in out and "label added: منظمة" in out
    assert "label 'PERSON' taken as 'Person'" in out
    assert stats(run, db)["by_label"]["Person"] == 2


def test_map_sees_brat_names_as_the_file_writes_them(run: Run, db: str, tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_text("قصف على دير", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tACTOR 0 3\tقصف\nT2\tLOCATION 8 11\tدير\n"
                                  "E1\tShelling_attack:T1 Place:T2\n", encoding="utf-8")
    code, _, err = run("--db", db, "import", folder,
                       "--map", "Shelling_attack=Shelling/artillery/missile attack")
    # Before: the reader renamed the type to "Shelling attack" and the --map did not apply.
    assert code == 0, err
    assert run("--db", db, "export", "--format", "jsonl", "-o", tmp_path / "o.jsonl")[0] == 0
    (doc,) = [json.loads(line) for line in (tmp_path / "o.jsonl").read_text("utf-8").split("\n")
              if line and "قصف على" in line]
    assert [e["type"] for e in doc["events"]] == ["Shelling/artillery/missile attack"]


def test_brat_underscored_event_type_meets_the_schema_spelling(run: Run, db: str,
                                                               tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_text("قصف على دير", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tACTOR 0 3\tقصف\nT2\tLOCATION 8 11\tدير\n"
                                  "E1\tArmed_clash:T1 Place:T2\n", encoding="utf-8")
    code, out, err = run("--db", db, "import", folder)
    assert code == 0, err
    assert "event type 'Armed_clash' taken as 'Armed clash'" in out


def test_a_read_only_database_is_read_and_refuses_writes_saying_so(
        run: Run, filled: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.store import db as store_db
    from annotator.store import sql_writes

    # As a file on a read-only mount (or without write permission) is seen; tests run as a
    # user whom permissions do not stop, so the check itself is replaced (the store's, and
    # the bare-driver import's, which then leaves the import to the store).
    monkeypatch.setattr(store_db, "writable", lambda path: False)
    monkeypatch.setattr(sql_writes, "writable", lambda path: False)
    code, out, err = run("--db", filled, "stats", "--json")
    assert code == 0, err
    assert json.loads(out)["documents"] == 6
    assert run("--db", filled, "search", "الزور")[0] == 0
    assert run("--db", filled, "export", "--format", "jsonl", "-o", tmp_path / "o.jsonl")[0] == 0
    extra = write_jsonl(tmp_path / "x.jsonl", [record("x", "نص آخر تماما", [])])
    code, _, err = run("--db", filled, "import", extra)
    assert code == 1
    assert "the database is read-only" in err


def test_a_current_database_opens_without_a_write_transaction(
        filled: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.store import db as store_db
    from annotator.store import engine, migrate

    def no_write(*_args: object) -> None:
        raise AssertionError("a write transaction to open a current database")

    # Wherever a write transaction could start: the engine's helper and the migrations'.
    monkeypatch.setattr(engine, "run_write", no_write)
    monkeypatch.setattr(migrate, "run_write", no_write)
    with store_db.open_database(filled, create=False) as repo:
        assert len(repo.list_documents(repo.default_project())) == 6


def test_hf_split_parts_share_one_tag_list_from_the_schema(run: Run, db: str, tmp_path: Path
                                                           ) -> None:
    lines = [record(f"a{i}", f"{TEXTS[i % 6]} {i}", [(0, 3, "ACTOR")]) for i in range(8)]
    lines.append(record("loc", TEXTS[0] + " مكان", [(28, 37, "LOCATION")]))
    run("--db", db, "import", write_jsonl(tmp_path / "a.jsonl", lines))
    out = tmp_path / "hf"
    code, _, err = run("--db", db, "export", "--format", "hf", "-o", out, "--split", "50/25/25",
                       "--seed", "3")
    assert code == 0, err
    lists = {part: json.loads((out / f"{part}.tags.json").read_text("utf-8"))
             for part in ("train", "dev", "test")}
    # Before: each part had the tags of its own labels only, so a dev part without LOCATION
    # numbered its tags differently from train.
    assert lists["train"] == lists["dev"] == lists["test"]
    assert lists["train"] == ["O", "B-ACTOR", "I-ACTOR", "B-DATE", "I-DATE", "B-LOCATION",
                              "I-LOCATION", "B-TARGET", "I-TARGET"]


def test_split_with_an_empty_part_warns_with_counts(run: Run, filled: str, tmp_path: Path
                                                    ) -> None:
    code, out, err = run("--db", filled, "export", "--format", "jsonl", "-o", tmp_path / "s",
                         "--split", "100/0/0")
    assert code == 0
    assert "train: 6 documents" in out and "dev: 0 documents" in out
    # Before: two 0-byte files, silently.
    assert ("warning: the dev and test parts got no documents (train 6, dev 0, test 0 of 6); "
            "check --split") in err


def test_two_column_conll_separates_documents_as_spacy_reads_them(
        run: Run, filled: str, tmp_path: Path) -> None:
    out = tmp_path / "a.conll"
    assert run("--db", filled, "export", "--format", "conll", "-o", out)[0] == 0
    text = out.read_text("utf-8")
    assert text.startswith("-DOCSTART- -X- O O\n\n")
    spacy_ner = pytest.importorskip("spacy.training.converters.conll_ner_to_docs")
    docs = list(spacy_ner.conll_ner_to_docs(text, n_sents=0, no_print=True))
    # Before: "-DOCSTART- O" was no delimiter to spaCy: one document with -DOCSTART- tokens.
    assert len(docs) == 6
    assert not any(token.text == "-DOCSTART-" for doc in docs for token in doc)
    code, out_text, err = run("--db", str(tmp_path / "back.sqlite3"), "import", out)
    assert code == 0, err
    assert "documents added: 6" in out_text


def test_prodigy_import_reports_the_answers_it_left_out(run: Run, db: str, tmp_path: Path
                                                        ) -> None:
    text = TEXTS[0]
    tasks = [{"text": text, "spans": [{"start": 4, "end": 18, "label": "ACTOR"}],
              "answer": "accept", "_task_hash": 1},
             {"text": TEXTS[1], "spans": [{"start": 0, "end": 6, "label": "ACTOR"}],
              "answer": "reject", "_task_hash": 2}]
    path = tmp_path / "prodigy.jsonl"
    path.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tasks),
                    encoding="utf-8")
    code, out, err = run("--db", db, "import", path)
    assert code == 0, err
    assert "documents added: 1" in out
    assert (f"{path}: 1 task(s) answered 'reject' not imported (only accepted answers are "
            "annotations)") in out
    assert stats(run, db)["spans"] == 1


def test_stats_on_an_empty_postgresql_database_creates_nothing(run: Run, pg_url: str) -> None:
    from sqlalchemy import create_engine, inspect

    code, _, err = run("--db", pg_url, "stats")
    assert code == 1
    assert "holds no annotator project (only import and the window create one)" in err
    engine = create_engine(pg_url)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()
