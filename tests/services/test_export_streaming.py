"""Exports read documents in batches, with or without a split, and write what the in-memory
export wrote: the same parts (shuffled by content hash and name) in the same order."""

from __future__ import annotations

import json
from pathlib import Path

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
