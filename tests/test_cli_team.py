"""``annotator agree`` and ``annotator assign`` against a real SQLite project."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.model import Document, make_span
from annotator.store.db import open_database

Run = Callable[..., tuple[int, str, str]]

TEXT = "قصفت الطائرات مدينة حلب أمس"


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def go(*argv: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return go


@pytest.fixture
def db(tmp_path: Path) -> str:
    """Two documents; amal and badr both finished the first, only amal the second."""
    path = str(tmp_path / "team.sqlite3")
    repo = open_database(path, seed_demo=False)
    pid = repo.default_project()
    docs = [Document(name="one", text=TEXT), Document(name="two", text=TEXT + "\nخبر آخر")]
    repo.add_documents(pid, docs)
    one, two = (d.id for d in repo.list_documents(pid))
    for doc_id, doc in zip((one, two), docs, strict=True):
        for start, end, label in [(5, 13, "ACTOR"), (20, 23, "LOCATION"), (24, 27, "DATE")]:
            repo.add_span(doc_id, make_span(doc.text, start, end, label), annotator="amal")
        repo.set_status(doc_id, "done", annotator="amal")
    for start, end, label in [(5, 13, "ACTOR"), (14, 23, "LOCATION"), (0, 4, "TARGET")]:
        repo.add_span(one, make_span(TEXT, start, end, label), annotator="badr")
    repo.set_status(one, "done", annotator="badr")
    repo.add_span(two, make_span(TEXT, 0, 4, "TARGET"), annotator="badr")  # not finished
    repo.close()
    return path


def test_agree_json_gives_the_hand_computed_figures(run: Run, db: str) -> None:
    code, out, _ = run("--db", db, "agree", "amal", "badr", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["documents"] == 1  # "two" is not finished by badr
    (pair,) = data["pairs"]
    overall = pair["scores"][-1]
    assert overall["label"] is None
    assert (overall["spans_a"], overall["spans_b"], overall["exact_matches"]) == (3, 3, 1)
    assert overall["f1"] == pytest.approx(1 / 3, abs=1e-6)
    assert overall["partial_f1"] == pytest.approx(2 / 3, abs=1e-6)
    assert overall["kappa"] == pytest.approx(0.25, abs=1e-6)
    assert [d["kind"] for d in data["disagreements"]] == ["only_b", "boundary", "only_a"]
    assert data["disagreements"][1]["document"] == "one"


def test_agree_three_annotators_reports_token_and_unitizing_alpha(run: Run, db: str) -> None:
    repo = open_database(db)
    one = repo.list_documents(repo.default_project())[0].id
    # carim labels "one" exactly as amal did.
    for start, end, label in [(5, 13, "ACTOR"), (20, 23, "LOCATION"), (24, 27, "DATE")]:
        repo.add_span(one, make_span(TEXT, start, end, label), annotator="carim")
    repo.set_status(one, "done", annotator="carim")
    repo.close()
    code, out, _ = run("--db", db, "agree", "amal", "badr", "carim", "--json")
    assert code == 0
    data = json.loads(out)
    assert [(p["a"], p["b"]) for p in data["pairs"]] == [
        ("amal", "badr"), ("amal", "carim"), ("badr", "carim")
    ]
    assert data["pairs"][1]["scores"][-1]["f1"] == 1.0
    assert data["unitizing_documents"] == 1
    units = {u["label"]: u["alpha"] for u in data["unitizing_alpha"]}
    # ACTOR: 5-13 for all three; DATE: amal and carim, badr none (24-27 in badr's gap).
    assert units["ACTOR"] == 1.0
    assert units["DATE"] is not None and units["DATE"] < 1.0
    assert units[None] is not None and 0 < units[None] < 1
    code, text, _ = run("--db", db, "agree", "amal", "badr", "carim")
    assert code == 0
    assert "Krippendorff's alpha (nominal, tokens)" in text
    assert "Krippendorff's unitizing alpha (character offsets)" in text
    tail = text.split("unitizing alpha")[1].splitlines()
    assert any(line.split() == ["ACTOR", "1.000"] for line in tail)


def test_agree_one_label_as_text(run: Run, db: str) -> None:
    code, out, _ = run("--db", db, "agree", "amal", "badr", "--label", "ACTOR")
    assert code == 0
    lines = out.splitlines()
    row = next(line for line in lines if line.startswith("ACTOR"))
    assert row.split() == ["ACTOR", "1", "1", "1", "1.000", "1.000", "1.000", "1.000", "1.000"]
    assert not any(line.startswith("overall") for line in lines)


def test_agree_refuses_unknown_names_and_labels(run: Run, db: str) -> None:
    code, _, err = run("--db", db, "agree", "amal", "nobody")
    assert code == 1
    assert "no annotator named 'nobody'" in err and "amal" in err
    code, _, err = run("--db", db, "agree", "amal", "badr", "--label", "WEAPON")
    assert code == 1
    assert "no label 'WEAPON'" in err
    code, _, err = run("--db", db, "agree", "amal")
    assert code == 2


def test_assign_with_overlap(run: Run, db: str) -> None:
    code, out, _ = run("--db", db, "assign", "--annotator", "amal", "--count", "1")
    assert code == 0
    assert "assigned to amal: 1 document(s)" in out
    code, out, _ = run("--db", db, "assign", "--annotator", "badr", "--count", "2",
                       "--overlap", "50%")
    assert code == 0 and "assigned to badr: 2 document(s)" in out
    repo = open_database(db)
    pid = repo.default_project()
    assert set(repo.assigned_documents(pid, "amal")) < set(repo.assigned_documents(pid, "badr"))
    repo.close()
    code, _, err = run("--db", db, "assign", "--annotator", "amal", "--count", "1",
                       "--overlap", "150%")
    assert code == 2 and "between 0% and 100%" in err
    code, _, err = run("--db", db, "assign", "--annotator", "carim", "--count", "5")
    assert code == 0 and "only 2 of 5" in err


def test_a_curation_is_exported_with_annotator_curation(run: Run, db: str, tmp_path: Path) -> None:
    from annotator.services.curation import Curation

    repo = open_database(db)
    one = repo.list_documents(repo.default_project())[0].id
    curation = Curation(repo, one)
    kept = [c.span() for c in curation.candidates if c.agreed or c.label == "LOCATION"]
    curation.save(kept)
    repo.close()
    out = tmp_path / "curated.jsonl"
    code, _, _ = run("--db", db, "export", "--format", "jsonl", "--annotator", "curation",
                     "-o", out)
    assert code == 0
    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    spans = records["one"]["spans"]
    assert sorted((s["text"], s["label"]) for s in spans) == [
        ("الطائرات", "ACTOR"), ("حلب", "LOCATION"), ("مدينة حلب", "LOCATION")
    ]
    assert all(TEXT[s["start"]:s["end"]] == s["text"] for s in spans)
    assert records["two"]["spans"] == []
