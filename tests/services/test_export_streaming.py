"""Exports read documents in batches, with or without a split, and write what the in-memory
export wrote: the same parts (shuffled by content hash and name) in the same order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.model import Document, content_hash, make_span
from annotator.formats import WriteOptions
from annotator.services.exporting import PARTS, export_documents, split_items
from annotator.store.db import open_database


def test_split_export_reads_parts_in_the_order_the_full_list_gave(tmp_path: Path) -> None:
    repo = open_database(str(tmp_path / "p.sqlite3"), seed_demo=False)
    try:
        pid = repo.default_project()
        docs = []
        for i in range(37):
            text = f"قصف الطيران مدينة حلب يوم {i} أكتوبر"
            spans = (make_span(text, 4, 11, "ACTOR"),
                     make_span(text, 18, 21, "LOCATION", origin="suggested"))
            docs.append(Document(name=f"d{i:02d}", text=text, spans=spans,
                                 status="done" if i % 4 else "new"))
        repo.add_documents(pid, docs)
        out = tmp_path / "split"
        report = export_documents(repo, fmt="jsonl", out=out, options=WriteOptions(),
                                  status="done", split=(60, 20, 20), seed=3)
        done = [d for d in docs if d.status == "done"]
        # The previous computation: every document in memory, sorted by hash and name.
        expected = split_items(sorted(done, key=lambda d: (content_hash(d.text), d.name)),
                               (60, 20, 20), seed=3)
        for part in PARTS:
            lines = (out / f"{part}.jsonl").read_text(encoding="utf-8").splitlines()
            names = [json.loads(line)["id"] for line in lines]
            assert names == [d.name for d in expected[part]], part
        assert report.parts == {part: len(expected[part]) for part in PARTS}
        assert report.documents == len(done)
        assert report.suggestions_left_out == len(done)  # one suggested span each
    finally:
        repo.close()


def test_a_spacy_split_gives_each_part_a_folder_of_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("spacy")
    from spacy.tokens import DocBin
    from spacy.training.corpus import Corpus, walk_corpus
    from spacy.vocab import Vocab

    from annotator.formats import spacy_docbin

    monkeypatch.setattr(spacy_docbin, "PART_TOKENS", 20)  # about three documents a part
    repo = open_database(str(tmp_path / "p.sqlite3"), seed_demo=False)
    try:
        pid = repo.default_project()
        docs = []
        for i in range(40):
            text = f"قصف الطيران مدينة حلب يوم {i} أكتوبر"
            docs.append(Document(name=f"d{i:02d}", text=text,
                                 spans=(make_span(text, 18, 21, "LOCATION"),)))
        repo.add_documents(pid, docs)
        out = tmp_path / "split"
        report = export_documents(repo, fmt="spacy", out=out, options=WriteOptions(),
                                  split=(50, 25, 25), seed=1)
        expected = split_items(sorted(docs, key=lambda d: (content_hash(d.text), d.name)),
                               (50, 25, 25), seed=1)
        assert sorted(p.name for p in out.iterdir()) == ["dev", "test", "train"]
        assert report.files == [out / "dev", out / "test", out / "train"]
        for part in PARTS:
            files = sorted((out / part).iterdir())
            assert len(files) > 1 and all(p.suffix == ".spacy" for p in files), part
            read = list(Corpus(out / part).read_docbin(Vocab(), walk_corpus(out / part,
                                                                            ".spacy")))
            assert [d.user_data["name"] for d in read] == [d.name for d in expected[part]]
            assert all([(e.text, e.label_) for e in d.ents] == [("حلب", "LOCATION")]
                       for d in read)
            assert sum(len(DocBin().from_bytes(p.read_bytes())) for p in files) == len(read)
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no leftovers
    finally:
        repo.close()
