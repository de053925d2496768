"""Relations are stored as their own kind: imported, read back, and gone with their spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import Document, Relation, make_span
from annotator.store.db import open_database
from annotator.store.errors import StoreError

TEXT = "قال الحرس إن الغارة قتلت ثلاثة"


def test_relations_are_stored_read_back_and_deleted_with_a_span(tmp_path: Path) -> None:
    repo = open_database(str(tmp_path / "t.sqlite3"), seed_demo=False)
    project = repo.default_project()
    spans = (make_span(TEXT, 4, 9, "ACTOR"), make_span(TEXT, 13, 19, "TARGET"))
    doc = Document(name="d", text=TEXT, spans=spans,
                   relations=(Relation("said", 0, 1, attrs={"note": "x"}),))
    (doc_id,) = repo.add_documents(project, [doc]).added
    back = repo.get_document(doc_id)
    assert [(r.type, r.head, r.tail, dict(r.attrs)) for r in back.relations] == [
        ("said", 0, 1, {"note": "x"})]
    assert back.events == ()
    repo.delete_span(back.spans[1].id or 0)
    assert repo.get_document(doc_id).relations == ()
    # A relation pointing past the spans refuses the whole batch.
    bad = Document(name="e", text=TEXT + ".", spans=spans[:1], relations=(Relation("x", 0, 3),))
    with pytest.raises(StoreError, match="relation 1: span index 3 out of range"):
        repo.add_documents(project, [bad])
    repo.close()
