"""Documents stored in multi-row INSERTs get their ids in input order, on both engines:
SQLite counts them back from the last row's id, other engines read them by content hash."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.model import Document, DocumentRows, LabelSchema, Span, content_hash
from annotator.store import bulk
from annotator.store.errors import StoreError
from annotator.store.repository import Repository


def _docs(prefix: str, n: int) -> list[Document]:
    return [
        Document(name=f"{prefix}{i}", text=f"نص {prefix} رقم {i}",
                 spans=(Span(0, 2, "ACTOR", "نص", annotator="amal", origin="imported"),))
        for i in range(n)
    ]


def test_ids_follow_the_input_order_across_full_and_partial_statements(
    repo: Repository, project: int
) -> None:
    # 250 = two statements of 100 rows and 50 single rows; then more after them.
    first = repo.add_documents(project, _docs("a", 250), annotator="amal")
    second = repo.add_documents(project, _docs("b", bulk.DOCUMENT_ROWS_PER_STATEMENT + 7),
                                annotator="amal")
    ids = [*first.added, *second.added]
    assert len(set(ids)) == len(ids) == 357
    names = [*(f"a{i}" for i in range(250)), *(f"b{i}" for i in range(107))]
    for doc_id, name in zip(ids, names, strict=True):
        doc = repo.get_document(doc_id)
        assert doc.name == name
        assert [(s.start, s.end, s.text) for s in doc.spans] == [(0, 2, "نص")]
    assert ids == sorted(ids)
    assert [d.id for d in repo.list_documents(project)] == ids


def test_rows_are_stored_like_the_document_they_stand_for(
    repo: Repository, project: int
) -> None:
    text = "قال الرئيس في دمشق يوم الأحد"
    rows = DocumentRows(
        name="r", text=text, meta='{"source": "\\u0633"}', status="done", annotator="amal",
        spans=((4, 10, "ACTOR", '{"note": "رئيس"}'), (14, 18, "LOCATION", "{}")),
        content_hash=content_hash(text),
    )
    result = repo.add_document_batches(project, lambda: [[rows]], annotator=None)
    stored = repo.get_document(result.added[0])
    assert stored.name == "r" and stored.status == "done" and stored.meta == {"source": "س"}
    assert [(s.start, s.end, s.label, s.text, s.annotator, s.origin, dict(s.attrs))
            for s in stored.spans] == [
        (4, 10, "ACTOR", "الرئيس", "amal", "imported", {"note": "رئيس"}),
        (14, 18, "LOCATION", "دمشق", "amal", "imported", {}),
    ]
    assert rows.document() == Document(
        name="r", text=text, meta={"source": "س"}, status="done",
        spans=(Span(4, 10, "ACTOR", "الرئيس", None, "amal", "imported", {"note": "رئيس"}),
               Span(14, 18, "LOCATION", "دمشق", None, "amal", "imported", {})))
    stats = repo.stats(project)
    assert stats["spans"] == 2 and stats["by_annotator"] == {"amal": 2}
    # The same text again is a duplicate, found by the hash the rows carry.
    again = repo.add_document_batches(project, lambda: [[rows]], annotator=None)
    assert again.added == [] and again.duplicates == ["r"]


def test_rows_with_a_label_the_schema_lacks_are_refused(
    repo: Repository, project: int, schema: LabelSchema
) -> None:
    assert "ORG" not in schema.names
    text = "منظمة الصحة"
    good = DocumentRows("g", text + " ا", "{}", "new", None, ((0, 5, "ACTOR", "{}"),),
                        content_hash(text + " ا"))
    bad = DocumentRows("b", text, "{}", "new", None, ((0, 5, "ORG", "{}"),),
                       content_hash(text))
    with pytest.raises(StoreError, match="ORG"):
        repo.add_document_batches(project, lambda: [[good], [bad]], annotator=None)
    assert repo.list_documents(project) == []


def test_the_import_cache_size_is_set_back(tmp_path: Path, schema: LabelSchema,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.store import documents
    from annotator.store.db import open_database

    seen: list[int] = []
    real = documents._add_batches

    def spy(conn: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(int(conn.exec_driver_sql("PRAGMA cache_size").scalar()))
        return real(conn, *args, **kwargs)

    monkeypatch.setattr(documents, "_add_batches", spy)
    with open_database(f"sqlite:///{tmp_path / 'c.sqlite3'}", seed_demo=False) as repo:
        project = repo.create_project("c", schema)
        repo.add_documents(project, _docs("c", 3), annotator="amal")
        assert seen == [documents.IMPORT_CACHE_SIZE]
        with repo._engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -32000


def test_a_large_import_brings_postgresql_statistics_up_to_date(
    repo: Repository, project: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without them (autovacuum comes up to a minute later) the planner takes the new tables
    # for empty ones and a CoNLL export right after scans every span for each page.
    from annotator.store import repository as repository_module

    monkeypatch.setattr(repository_module, "ANALYZE_AFTER", 5)
    engine = repo._engine
    sql = ("SELECT c.reltuples FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
           "WHERE c.relname = 'spans' AND n.nspname = current_schema()")
    small = [DocumentRows(name=f"s{i}", text=f"نص قصير {i}", meta="{}", status="new",
                          annotator="amal", spans=((0, 2, "ACTOR", "{}"),),
                          content_hash=content_hash(f"نص قصير {i}")) for i in range(4)]
    repo.add_document_batches(project, lambda: [small], annotator=None)
    if engine.dialect.name != "postgresql":
        return  # SQLite's planner needs no statistics for these reads
    with engine.connect() as conn:
        assert conn.exec_driver_sql(sql).scalar() == -1  # 4 < 5: never analyzed
    rows = [DocumentRows(name=f"r{i}", text=f"نص رقم {i}", meta="{}", status="new",
                         annotator="amal", spans=((0, 2, "ACTOR", "{}"), (3, 6, "TARGET", "{}")),
                         content_hash=content_hash(f"نص رقم {i}")) for i in range(6)]
    repo.add_document_batches(project, lambda: [rows], annotator=None)
    with engine.connect() as conn:
        assert conn.exec_driver_sql(sql).scalar() == 16  # 4 + 12 spans, counted by ANALYZE
