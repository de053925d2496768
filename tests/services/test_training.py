"""A tiny model trained end to end on the labeled seeds: versions, scores, suggestions."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.model import Document
from annotator.core.text import fold_query
from annotator.formats.jsonl import record_to_document
from annotator.services.training import (
    ModelSource,
    ModelStore,
    NerModel,
    least_sure_document,
    least_sure_first,
    least_sure_page,
    train,
)
from annotator.store.db import open_database

GOLD = Path(__file__).resolve().parent.parent / "data" / "seeds_gold.jsonl"
LABELS = ("ACTOR", "TARGET", "LOCATION", "DATE")


def _gold() -> list:  # type: ignore[type-arg]
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [record_to_document(json.loads(line), default_name=str(i))
            for i, line in enumerate(lines)]


def test_the_gold_file_has_exact_offsets() -> None:
    docs = _gold()
    assert len(docs) == 5
    assert sum(len(d.spans) for d in docs) > 250
    for doc in docs:
        for span in doc.spans:
            assert doc.text[span.start:span.end] == span.text
        assert {s.label for s in doc.spans} <= set(LABELS)


def test_a_tiny_model_trains_scores_and_keeps_the_previous_version(tmp_path: Path) -> None:
    docs = _gold()
    store = ModelStore(tmp_path / "models")
    seen: list[tuple[str, int]] = []
    card = train(docs, store, labels=LABELS, iterations=15,
                 progress=lambda task, done, total: seen.append((task, done)))
    assert card.version == 1 and card.documents == 5 and card.held_out == 1
    assert {row["label"] for row in card.scores} == {*LABELS, "all"}
    assert any(task == "final model" for task, _ in seen)
    for _ in range(2):
        train(docs, store, labels=LABELS, iterations=30)
    assert store.versions() == [2, 3]  # the newest and the one before it
    model = store.latest()
    assert model is not None and model.card.version == 3
    # Trained on these documents, it finds names it saw, each with a score.
    proposed = ModelSource(model, min_score=0.0).propose(docs[0])
    assert proposed
    assert all(docs[0].text[s.start:s.end] == s.text and 0 <= s.attrs["score"] <= 1
               for s in proposed)
    assert ("دير الزور", "LOCATION") in {(s.text, s.label) for s in proposed}
    assert {s.attrs["model_version"] for s in proposed} == {3}


def test_cli_train_then_suggest_uses_the_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "t.sqlite3")
    assert main(["--db", db, "import", str(GOLD)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "train", "--iterations", "10", "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert card["version"] == 1
    assert (tmp_path / "t.sqlite3.models" / "crf-0001.crfsuite").is_file()
    assert main(["--db", db, "suggest"]) == 0
    assert "model: crf-1" in capsys.readouterr().out


def test_training_without_done_documents_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "e.sqlite3")
    open_database(db, seed_demo=False).close()  # an empty project: train reads an existing one
    assert main(["--db", db, "train"]) == 1
    assert "no done document" in capsys.readouterr().err


def test_least_sure_first_puts_unfamiliar_text_first(tmp_path: Path) -> None:
    docs = _gold()
    store = ModelStore(tmp_path / "models")
    train(docs[:4], store, labels=LABELS, iterations=30, held_out=0.0)
    model = store.latest()
    assert model is not None
    seen = replace(docs[0], id=1)
    # Latin words and digits the model never saw, with Arabic names it did see in odd places.
    odd = replace(docs[0], id=2, text="zzq 17 دير qq الزور 55 التحالف xx 3 مراط ي")
    assert least_sure_first([seen, odd], model) == [2, 1]
    assert 0.0 <= model.certainty(odd.text) < model.certainty(seen.text) <= 1.0


def test_training_stores_certainties_and_least_sure_is_read_not_predicted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "c.sqlite3")
    assert main(["--db", db, "import", str(GOLD)]) == 0
    repo = open_database(db, seed_demo=False)
    project = repo.default_project()
    familiar = _gold()[0].text.split("\n")[0]
    repo.add_documents(project, [
        Document("familiar", familiar),
        Document("odd", "zzq 17 qq 55 xx 3 ي نص غريب لم يره النموذج"),
    ])
    ids = {d.name: d.id for d in repo.list_documents(project)}
    assert least_sure_document(repo, project) is None  # no model has scored anything yet
    assert main(["--db", db, "train", "--iterations", "30", "--json"]) == 0
    capsys.readouterr()
    page = least_sure_page(repo, project)
    assert [doc_id for doc_id, _ in page] == [ids["odd"], ids["familiar"]]
    assert page[0][1] < page[1][1]
    # Reading the order runs no model: tagging is made to fail, the answer still comes.
    monkeypatch.setattr(NerModel, "analyse", lambda *a: pytest.fail("the model ran"))
    assert least_sure_document(repo, project) == ids["odd"]
    monkeypatch.undo()
    # A document added later is scored by ``annotator suggest`` with the model.
    repo.add_documents(project, [Document("later", "نص آخر عن دير الزور")])
    later = next(d.id for d in repo.list_documents(project) if d.name == "later")
    assert later not in {doc_id for doc_id, _ in least_sure_page(repo, project)}
    assert main(["--db", db, "suggest", "--status", "new"]) == 0
    assert later in {doc_id for doc_id, _ in least_sure_page(repo, project)}
    # Labeling starts a document: it leaves the order of new documents.
    repo.set_status(ids["odd"], "in_progress")
    assert least_sure_document(repo, project) != ids["odd"]
    repo.close()


def test_the_model_source_tags_a_document_once_for_suggestions_and_certainty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _gold()
    store = ModelStore(tmp_path / "models")
    train(docs[:2], store, labels=LABELS, iterations=10, held_out=0.0)
    model = store.latest()
    assert model is not None
    calls: list[str] = []
    analyse = NerModel.analyse
    monkeypatch.setattr(NerModel, "analyse",
                        lambda self, text: calls.append(text) or analyse(self, text))
    source = ModelSource(model)
    source.propose(docs[3])
    assert source.certainty(docs[3]) == model.certainty(docs[3].text)
    assert len(calls) == 2  # propose, then the direct call: certainty() reused propose's


def test_the_model_proposes_names_without_the_particle_glued_before_them(
    tmp_path: Path,
) -> None:
    docs = _gold()
    store = ModelStore(tmp_path / "models")
    train(docs, store, labels=LABELS, iterations=30, held_out=0.0)
    model = store.latest()
    assert model is not None
    assert fold_query("قوات") in model.card.first_words  # "قوات التحالف الدولي" ... are gold spans
    # Sentences of the seeds with "والبوكمال" and "لقوات" (labeled "البوكمال", "قوات ...").
    lines = [line for d in docs for line in d.text.split("\n")]
    for glued, name in (("والبوكمال", "البوكمال"), ("لقوات", "قوات")):
        doc = Document("d", next(line for line in lines if f" {glued}" in line))
        proposed = ModelSource(model, min_score=0.0).propose(doc)
        assert all(doc.text[s.start:s.end] == s.text for s in proposed)
        at = doc.text.index(f" {glued}") + 1
        assert any(s.start == at + len(glued) - len(name) and s.text.startswith(name)
                   for s in proposed), (glued, [s.text for s in proposed])
        assert not any(s.start == at for s in proposed)
