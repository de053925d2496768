"""Suggestions from the gazetteer and the date rules, stored and answered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.labels import load_schema
from annotator.core.matcher import fold_key
from annotator.core.model import Document, Span, make_span
from annotator.paths import default_schema_path
from annotator.services.suggestions import (
    DateSource,
    Gazetteer,
    project_sources,
    store_suggestions,
    suggestions_for,
)
from annotator.store.db import open_database
from annotator.store.repository import Repository

ONE = "قصفت قوات التحالف الدولي مواقع في دير الزور يوم 24 أكتوبر."
TWO = "وعادت طائرات التحالف الدولي إلى قصف ديـر الزور، ثم البوكمال في 4 أكتوبر."


def _span(text: str, word: str, label: str, **kw: object) -> Span:
    start = text.index(word)
    return make_span(text, start, start + len(word), label, **kw)  # type: ignore[arg-type]


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repository = open_database(str(tmp_path / "s.sqlite3"))
    project = repository.create_project("p", load_schema(default_schema_path()))
    repository.add_documents(project, [
        Document("one", ONE, meta={"published": "2024-10-28"}, status="done",
                 spans=(_span(ONE, "التحالف الدولي", "ACTOR"),
                        _span(ONE, "دير الزور", "LOCATION"))),
        Document("two", TWO, meta={"published": "2024-10-28"},
                 spans=(_span(TWO, "البوكمال", "TARGET", annotator="amal"),)),
    ], annotator="amal")
    return repository


def _project(repo: Repository) -> int:
    return dict((name, pid) for pid, name in repo.projects())["p"]


def _doc(repo: Repository, name: str) -> Document:
    (summary,) = [d for d in repo.list_documents(_project(repo)) if d.name == name]
    return repo.get_document(summary.id)


def test_a_name_labeled_in_one_document_is_suggested_in_another(repo: Repository) -> None:
    project = _project(repo)
    report = store_suggestions(repo, project, project_sources(repo, project), status="new")
    assert report.documents == 1
    two = _doc(repo, "two")
    suggested = [(s.text, s.label, s.attrs["source"]) for s in two.spans
                 if s.origin == "suggested"]
    assert suggested == [
        ("التحالف الدولي", "ACTOR", "gazetteer"),
        ("ديـر الزور", "LOCATION", "gazetteer"),
        ("4 أكتوبر", "DATE", "dates"),
    ]
    for span in two.spans:
        assert two.text[span.start:span.end] == span.text
    date = next(s for s in two.spans if s.label == "DATE")
    assert date.attrs["value"] == "2024-10-04" and date.attrs["score"] == 1.0
    # The person's span is still there, untouched; the one over it was not proposed.
    assert [(s.text, s.label, s.origin) for s in two.spans if s.origin != "suggested"] == [
        ("البوكمال", "TARGET", "manual")]


def test_suggesting_again_replaces_suggestions_and_keeps_rejections(repo: Repository) -> None:
    project = _project(repo)
    sources = project_sources(repo, project)
    store_suggestions(repo, project, sources)
    two = _doc(repo, "two")
    assert two.id is not None
    repo.record_decision(two.id, source="gazetteer", label="LOCATION",
                         text_key=fold_key("دير الزور"), decision="rejected")
    accepted = repo.record_decision(two.id, source="dates", label="DATE",
                                    text_key=fold_key("4 أكتوبر"), decision="accepted")
    store_suggestions(repo, project, sources)
    texts = [s.text for s in _doc(repo, "two").spans if s.origin == "suggested"]
    assert texts == ["التحالف الدولي", "4 أكتوبر"]  # rejected: not proposed again
    assert repo.suggestion_counts(project) == {
        "gazetteer": {"accepted": 0, "rejected": 1},
        "dates": {"accepted": 1, "rejected": 0},
    }
    repo.forget_decision(accepted)
    assert "dates" not in repo.suggestion_counts(project)


def test_the_gazetteer_takes_the_label_given_most_often_and_learns() -> None:
    gazetteer = Gazetteer([("التحالف", "ACTOR", 3), ("التحالف", "TARGET", 1)],
                          order=("ACTOR", "TARGET"))
    assert gazetteer.label_of("التحالف") == "ACTOR"
    gazetteer.learn("التحالف", "TARGET", count=3)
    assert gazetteer.label_of("التحالف") == "TARGET"
    doc = Document("d", "قصف التحالف والتحالف")
    # The conjunction glued to the second one is left out, as a person labels it (ADR 0008).
    assert [(s.text, s.label, s.attrs["score"]) for s in gazetteer.propose(doc)] == [
        ("التحالف", "TARGET", 0.571), ("التحالف", "TARGET", 0.571)]
    for _ in range(5):
        gazetteer.unlearn("التحالف", "TARGET")
        gazetteer.unlearn("التحالف", "ACTOR")
    assert gazetteer.propose(doc) == []


def test_overlapping_suggestions_keep_the_surer_one() -> None:
    text = "في 24 أكتوبر"
    doc = Document("d", text, meta={"published": "2024-10-28"})
    gazetteer = Gazetteer([("أكتوبر", "LOCATION", 1), ("أكتوبر", "DATE", 1)])
    shown = suggestions_for(doc, [DateSource(), gazetteer])
    assert [(s.text, s.label) for s in shown.spans] == [("24 أكتوبر", "DATE")]


def test_cli_suggest_and_default_export_leaves_suggestions_out(
    repo: Repository, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = repo.url.removeprefix("sqlite:///")
    # The command line works on the first project: make ours the only one with documents.
    assert main(["--db", db, "suggest", "--no-model"]) == 0
    assert "model: none" in capsys.readouterr().out
    out = tmp_path / "out.jsonl"
    assert main(["--db", db, "export", "--format", "jsonl", "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(s.get("origin") != "suggested" for r in records for s in r["spans"])
