"""--add-labels and the documents are one transaction: no label without its documents."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.services.importing import import_paths
from annotator.store.db import open_database
from annotator.store.repository import Repository

TEXT = "قصف التحالف الدولي مواقع في دير الزور"


def _file(path: Path, label: str, *texts: str, bad: bool = False) -> Path:
    lines = [json.dumps({"id": f"d{i}", "text": text, "spans": [
        {"start": 4, "end": 11, "label": label, "text": text[4:11]}]}, ensure_ascii=False)
        for i, text in enumerate(texts or (TEXT,))]
    if bad:
        lines.append('{"text": ')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _labels(repo: Repository) -> tuple[str, ...]:
    return repo.project_schema(repo.default_project()).names


_KILLED = """
import os, sys
from pathlib import Path
import annotator.store.documents as documents
from annotator.services.importing import import_paths
from annotator.store.db import open_database

def killed(*args, **kwargs):
    os._exit(9)  # the process dies after the schema change, before the spans are written

documents.insert_spans = killed
repo = open_database(sys.argv[1])
import_paths(repo, [Path(sys.argv[2])], add_labels=True)
"""


def test_a_kill_midway_leaves_no_label_behind(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    repo = open_database(str(db))
    before = _labels(repo)
    repo.close()
    path = _file(tmp_path / "a.jsonl", "WEAPON")
    done = subprocess.run([sys.executable, "-c", _KILLED, str(db), str(path)], check=False,
                          capture_output=True, timeout=120)
    assert done.returncode == 9, done.stderr
    with open_database(str(db)) as repo:
        # Before: WEAPON was committed in a transaction of its own, the documents never came.
        assert _labels(repo) == before
        assert repo.list_documents(repo.default_project()) == []


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "p.sqlite3")
    url: str = request.getfixturevalue("pg_url")
    return url


def test_two_imports_adding_labels_at_once_both_keep_theirs(tmp_path: Path, db_url: str
                                                            ) -> None:
    db = db_url
    first = _file(tmp_path / "a.jsonl", "WEAPON")
    second = _file(tmp_path / "b.jsonl", "VEHICLE", TEXT + " اليوم")
    repo = open_database(db)
    other = open_database(db)
    ran: list[bool] = []

    def meanwhile(task: str, done: int, total: int | None) -> None:
        # The second import runs to its end while the first one checks its records (after
        # it read the schema, before it stores anything).
        if task == "checking" and not ran:
            ran.append(True)
            import_paths(other, [second], add_labels=True)

    # Before: "the new schema lacks labels still in use: VEHICLE (1 spans)".
    report = import_paths(repo, [first], add_labels=True, progress=meanwhile)
    assert report.new_labels == ["WEAPON"]
    assert {"WEAPON", "VEHICLE"} <= set(_labels(repo))
    assert len(repo.list_documents(repo.default_project())) == 2
    repo.close()
    other.close()


def test_an_import_of_only_duplicates_adds_no_label(tmp_path: Path) -> None:
    with open_database(str(tmp_path / "p.sqlite3")) as repo:
        import_paths(repo, [_file(tmp_path / "a.jsonl", "ACTOR")])
        before = _labels(repo)
        report = import_paths(repo, [_file(tmp_path / "b.jsonl", "WEAPON")], add_labels=True,
                              on_duplicate="skip")
        # Before: WEAPON was added though no document was stored.
        assert report.added == [] and report.new_labels == []
        assert _labels(repo) == before


def test_skip_bad_adds_only_the_labels_of_stored_records(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    good = json.dumps({"text": TEXT, "spans": [
        {"start": 4, "end": 11, "label": "WEAPON", "text": TEXT[4:11]}]}, ensure_ascii=False)
    skipped = json.dumps({"text": "قصف", "spans": [
        {"start": 0, "end": 3, "label": "VEHICLE", "text": "قصف"}], "status": "finished"},
        ensure_ascii=False)
    path.write_text(good + "\n" + skipped + "\n", encoding="utf-8")
    with open_database(str(tmp_path / "p.sqlite3")) as repo:
        report = import_paths(repo, [path], add_labels=True, skip_bad=True)
        assert len(report.skipped) == 1
        # Before: VEHICLE, used only by the skipped record, was added too.
        assert "VEHICLE" not in _labels(repo)
        assert "WEAPON" in _labels(repo)


def test_merge_adds_labels_of_merged_spans_in_the_same_transaction(tmp_path: Path, db_url: str
                                                                   ) -> None:
    with open_database(db_url) as repo:
        import_paths(repo, [_file(tmp_path / "a.jsonl", "ACTOR")])
        report = import_paths(repo, [_file(tmp_path / "b.jsonl", "WEAPON")], add_labels=True)
        assert report.new_labels == ["WEAPON"]
        assert report.merged_spans == 1
        (summary,) = repo.list_documents(repo.default_project())
        doc = repo.get_document(summary.id)
        assert sorted(s.label for s in doc.spans) == ["ACTOR", "WEAPON"]


def test_replace_swaps_the_stored_spans_and_events(tmp_path: Path, db_url: str) -> None:
    text = TEXT
    first = tmp_path / "a.jsonl"
    first.write_text(json.dumps({"text": text, "spans": [
        {"id": "a", "start": 4, "end": 11, "label": "ACTOR", "text": text[4:11]},
        {"id": "b", "start": 28, "end": 37, "label": "LOCATION", "text": text[28:37]}],
        "events": [{"type": "Armed clash", "roles": {"actor": ["a"], "location": ["b"]}}]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    second = _file(tmp_path / "b.jsonl", "TARGET")
    with open_database(db_url) as repo:
        import_paths(repo, [first])
        (summary,) = repo.list_documents(repo.default_project())
        version = repo.document_version(summary.id)
        report = import_paths(repo, [second], on_duplicate="replace")
        assert (report.replaced_spans, report.merged_spans, report.merged) == (2, 1, 1)
        doc = repo.get_document(summary.id)
        assert [(s.start, s.end, s.label) for s in doc.spans] == [(4, 11, "TARGET")]
        assert doc.events == ()
        assert repo.document_version(summary.id) == version + 1
