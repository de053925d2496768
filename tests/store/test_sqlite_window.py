"""The window's first reads over sqlite3 answer as the store does (ADR 0015)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.listing import DocumentQuery
from annotator.core.model import Document, Event, Relation, Span, make_span
from annotator.store.db import open_database
from annotator.store.repository import Repository
from annotator.store.sqlite_window import NotServed, SQLiteWindowReader

TEXT = ("قصف التحالف الدولي مواقع في دير الزور يوم 24 أكتوبر، ثم ردّ الحرس بهجوم.\n"
        "وقال مصدر إن القصف استهدف مخازن.")


def _span(word: str, label: str, *, annotator: str | None = None, nth: int = 0,
          attrs: dict[str, str] | None = None) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    span = make_span(TEXT, start, start + len(word), label)
    return Span(span.start, span.end, span.label, span.text, annotator=annotator,
                attrs=attrs or {})


def _rich(name: str, annotator: str | None) -> Document:
    """Spans (one a DATE with a value), a nested event with a trigger, a relation."""
    spans = (
        _span("التحالف الدولي", "ACTOR", annotator=annotator),
        _span("دير الزور", "LOCATION", annotator=annotator),
        _span("الحرس", "ACTOR", annotator=annotator),
        _span("مواقع", "TARGET", annotator=annotator),
        _span("24 أكتوبر", "DATE", annotator=annotator,
              attrs={"value": "2024-10-24", "precision": "day", "normalized_by": "auto"}),
        _span("قصف", "ACTOR", annotator=annotator),
    )
    events = (
        Event("Attack", {"actor": (2,)}, event_args={"cause": (1,)}),
        Event("Air/drone strike", {"actor": (0,), "location": (1,), "target": (3,),
                                   "date": (4,)}, trigger=5, attrs={"note": "x"}),
    )
    return Document(name=name, text=TEXT + f"\n{name}", spans=spans, events=events,
                    relations=(Relation("near", 0, 1, attrs={"w": 1}),),
                    meta={"title": f"عنوان {name}"} if name.endswith("1") else {})


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A project with documents by two annotators and nobody, statuses of their own."""
    path = str(tmp_path / "window.sqlite3")
    repo = open_database(path)
    project = repo.default_project()
    docs = [_rich(f"d{i}", annotator) for i, annotator in
            enumerate(["amal", "badr", None, "amal"])]
    docs.append(Document(name="plain", text="نص بلا وسوم"))
    ids = repo.add_documents(project, docs).added
    # badr's spans on amal's document: an event on them is badr's alone.
    badr = (_span("مصدر", "ACTOR", annotator="badr"), _span("مخازن", "TARGET", annotator="badr"))
    theirs = Document(name="d3", text=TEXT + "\nd3", spans=badr,
                      events=(Event("Attack", {"actor": (0,), "target": (1,)}),))
    shared = repo.add_documents(project, [theirs], on_duplicate="merge")
    assert not shared.added and shared.merged
    repo.set_status(ids[0], "done", annotator="amal")
    repo.set_status(ids[1], "in_progress", annotator="badr")
    repo.close()
    return path


def _both(db: str) -> tuple[SQLiteWindowReader, Repository]:
    reader = SQLiteWindowReader.open(db)
    assert isinstance(reader, SQLiteWindowReader)
    return reader, open_database(db)


@pytest.mark.parametrize("annotator", [None, "amal", "badr", "nobody"])
def test_documents_read_as_the_store_reads_them(db: str, annotator: str | None) -> None:
    reader, store = _both(db)
    try:
        project = store.default_project()
        assert reader.default_project() == project
        assert reader.project_schema(project) == store.project_schema(project)
        ids = [d.id for d in store.document_page(project)]
        assert len(ids) == 5
        for document_id in ids:
            mine, version = reader.open_document(document_id, annotator=annotator)
            theirs, stored_version = store.open_document(document_id, annotator=annotator)
            assert mine == theirs and version == stored_version
            # Field by field as well: a dataclass equality leaves attrs and meta out.
            assert [s.attrs for s in mine.spans] == [s.attrs for s in theirs.spans]
            assert [e.attrs for e in mine.events] == [e.attrs for e in theirs.events]
            assert [r.attrs for r in mine.relations] == [r.attrs for r in theirs.relations]
            assert mine.meta == theirs.meta
            assert reader.document_version(document_id) == store.document_version(document_id)
            if annotator is not None:
                assert (reader.annotator_status(document_id, annotator)
                        == store.annotator_status(document_id, annotator))
        # The annotator filter is exercised: d3 holds amal's nested events and badr's one.
        d3 = reader.open_document(ids[3], annotator=annotator)[0]
        expected = {None: 3, "amal": 2, "badr": 1, "nobody": 0}[annotator]
        assert len(d3.events) == expected
        assert len(d3.relations) == (annotator in (None, "amal"))
    finally:
        reader.close()
        store.close()


@pytest.mark.parametrize("annotator", [None, "amal", "badr"])
def test_the_list_and_places_read_as_the_store_reads_them(db: str, annotator: str | None) -> None:
    reader, store = _both(db)
    try:
        project = store.default_project()
        query = DocumentQuery(annotator=annotator)
        fields = ("id", "name", "status", "span_count", "position", "title")

        def rows(page: list[object]) -> list[tuple[object, ...]]:
            return [tuple(getattr(r, f) for f in fields) for r in page]

        whole = rows(store.document_page(project, query=query))
        assert rows(reader.document_page(project, query=query)) == whole
        assert rows(reader.document_page(project, query=query, limit=2)) == whole[:2]
        second = store.document_page(project, query=query, limit=2)[-1]
        after = (second.position, second.id)
        assert rows(reader.document_page(project, query=query, after=after, limit=2)) \
            == rows(store.document_page(project, query=query, after=after, limit=2))
        assert rows(reader.document_page(project, query=query, limit=None, through=after)) \
            == whole[:2]
        assert reader.count_documents(project) == store.count_documents(project) == 5
        for document_id, *_ in whole:
            assert isinstance(document_id, int)
            assert (reader.document_place(project, document_id, query=query)
                    == store.document_place(project, document_id, query=query))
            assert (reader.document_cursor(project, document_id, query=query)
                    == store.document_cursor(project, document_id, query=query))
            assert (reader.document_position(project, document_id)
                    == store.document_position(project, document_id))
        for start in [None, *(row[0] for row in whole)]:
            for step in (-3, -1, 0, 1, 2, 9):
                assert (reader.neighbour(project, start, step, query=query)  # type: ignore[arg-type]
                        == store.neighbour(project, start, step, query=query))  # type: ignore[arg-type]
        assert reader.neighbour(project, 10_000, 1) is None
        assert reader.project_changes(project) == store.project_changes(project) > 0
        assert reader.stats(project) == store.stats(project)
    finally:
        reader.close()
        store.close()


@pytest.mark.parametrize("query", [
    DocumentQuery(status="done"), DocumentQuery(text="قصف"), DocumentQuery(label="DATE"),
    DocumentQuery(assigned_to="amal"), DocumentQuery(sort="name"),
    DocumentQuery(descending=True),
])
def test_what_it_does_not_serve_is_left_to_the_store(db: str, query: DocumentQuery) -> None:
    reader = SQLiteWindowReader.open(db)
    assert reader is not None
    with reader:
        project = reader.default_project()
        with pytest.raises(NotServed):
            reader.document_page(project, query=query)
        with pytest.raises(NotServed):
            reader.count_documents(project, query=query)
        with pytest.raises(NotServed):
            reader.document_place(project, 1, query=query)
        with pytest.raises(NotServed):
            reader.open_document(10_000)  # the store's own message for a missing one
        with pytest.raises(NotServed):
            reader.document_page(project, through=3)  # a position: the store's case


def test_the_count_and_the_statistics_read_the_documents_once(db: str) -> None:
    # Both walk every document of the project (the list's count, the status bar's counts):
    # in one snapshot the count is the statistics' sum, read once.
    reader, store = _both(db)
    statements: list[str] = []
    reader._conn.set_trace_callback(statements.append)
    try:
        project = store.default_project()
        assert reader.count_documents(project) == store.count_documents(project) == 5
        assert reader.stats(project) == store.stats(project)
        assert reader.count_documents(project) == 5
        walks = [s for s in statements if "FROM documents" in s and "COUNT(*)" in s]
        assert len(walks) == 1
        # The answer is the caller's to keep: changing it changes no later answer.
        reader.stats(project)["by_status"]["done"] = 99
        assert reader.stats(project) == store.stats(project)
        with pytest.raises(NotServed):
            reader.count_documents(project + 1)
    finally:
        reader.close()
        store.close()
