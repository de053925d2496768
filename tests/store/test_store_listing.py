"""The document list's filters and orders (browse): pages, neighbours and places agree with
the same list made in Python from every document, on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

import pytest

from annotator.core.listing import DocumentQuery, cursor_of, status_rank
from annotator.core.model import DOC_STATUSES, Document, LabelSchema, make_span
from annotator.core.text import fold_key
from annotator.store.repository import Repository

WORDS = ["القصف", "حلب", "الجيش", "دمشق", "إدلب"]


@pytest.fixture
def listed(repo: Repository, project: int, schema: LabelSchema) -> dict[int, dict[str, Any]]:
    """37 documents with shuffled names, two annotators' statuses, spans of a few labels."""
    rng = random.Random(7)
    names = [f"doc-{rng.randrange(1000):03d}-{i}.txt" for i in range(37)]
    docs = [
        Document(name=names[i], text=f"مقال {i}\nعن {WORDS[i % 5]} و{WORDS[(i * 3) % 5]}")
        for i in range(37)
    ]
    repo.add_documents(project, docs)
    rows = repo.list_documents(project)
    labels = schema.names
    truth: dict[int, dict[str, Any]] = {}
    for i, row in enumerate(rows):
        doc = repo.get_document(row.id)
        labels_here: set[str] = set()
        for k in range(i % 4):
            label = labels[(i + k) % 2]
            repo.add_span(row.id, make_span(doc.text, k, k + 2, label), annotator="amal")
            labels_here.add(label)
        status = DOC_STATUSES[i % 4]
        if i % 4:
            repo.set_status(row.id, status, annotator="amal")  # type: ignore[arg-type]
        if i % 5 == 0:
            repo.set_status(row.id, "done", annotator="badr")
        truth[row.id] = {"name": row.name, "position": row.position, "spans": i % 4,
                         "status": status, "labels": labels_here, "text": doc.text}
    return truth


def _expected(truth: dict[int, dict[str, Any]], q: DocumentQuery) -> list[int]:
    def passes(t: dict[str, Any]) -> bool:
        return (
            (q.status is None or t["status"] == q.status)
            and (q.label is None or q.label in t["labels"])
            and (not q.text or fold_key(q.text) in fold_key(t["text"]))
        )

    def key(doc_id: int) -> tuple[Any, ...]:
        t = truth[doc_id]
        return cursor_of(q, id=doc_id, name=t["name"], status=t["status"],
                         span_count=t["spans"], position=t["position"])

    return sorted((d for d, t in truth.items() if passes(t)), key=key, reverse=q.descending)


QUERIES = [
    DocumentQuery(),
    DocumentQuery(sort="name"),
    DocumentQuery(sort="name", descending=True),
    DocumentQuery(sort="status"),
    DocumentQuery(sort="status", descending=True, text="حلب"),
    DocumentQuery(sort="spans", descending=True),
    DocumentQuery(status="done", sort="spans"),
    DocumentQuery(status="new", sort="name"),
    DocumentQuery(text="الجيش"),
    DocumentQuery(text="اِدلب", sort="status"),  # folded: the kasra and hamza go
    DocumentQuery(label="ACTOR", sort="name", descending=True),
    DocumentQuery(label="ACTOR", status="in_progress"),
    DocumentQuery(text="زز"),
]


def test_pages_neighbours_and_places_follow_filters_and_order(
    repo: Repository, project: int, schema: LabelSchema, listed: dict[int, dict[str, Any]]
) -> None:
    # One data set for every query: building it is most of the cost.
    for base in QUERIES:
        _check(repo, project, schema, listed, base)
    _check_own_statuses(repo, project, listed)
    _check_assigned(repo, project, listed)


def _check(
    repo: Repository, project: int, schema: LabelSchema,
    listed: dict[int, dict[str, Any]], base: DocumentQuery,
) -> None:
    if base.label is not None:
        base = replace(base, label=schema.names[0])
    q = replace(base, annotator="amal")
    want = _expected(listed, q)
    # Keyset pages of 5 walk the whole list in order.
    got: list[int] = []
    after = None
    while True:
        page = repo.document_page(project, query=q, after=after, limit=5)
        got += [d.id for d in page]
        if len(page) < 5:
            break
        last = page[-1]
        after = cursor_of(q, id=last.id, name=last.name, status=last.status,
                          span_count=last.span_count, position=last.position)
    assert got == want
    assert repo.count_documents(project, query=q) == len(want)
    # Reading "through" a document gives the list up to it.
    if want:
        middle = want[len(want) // 2]
        through = repo.document_cursor(project, middle, query=q)
        upto = repo.document_page(project, query=q, limit=None, through=through)
        assert [d.id for d in upto] == want[: len(want) // 2 + 1]
    # Next and previous, from each listed document and from one the filters leave out.
    assert repo.neighbour(project, None, +1, query=q) == (want[0] if want else None)
    assert repo.neighbour(project, None, -1, query=q) == (want[-1] if want else None)
    for i, doc_id in enumerate(want):
        assert repo.neighbour(project, doc_id, +1, query=q) == (
            want[i + 1] if i + 1 < len(want) else None)
        assert repo.neighbour(project, doc_id, -1, query=q) == (want[i - 1] if i else None)
        assert repo.document_place(project, doc_id, query=q) == (i + 1, len(want))
    outside = [d for d in listed if d not in want]
    if outside:
        assert repo.document_place(project, outside[0], query=q) is None


def _check_own_statuses(
    repo: Repository, project: int, listed: dict[int, dict[str, Any]]
) -> None:
    badr_done = [d for d in sorted(listed, key=lambda d: listed[d]["position"])
                 if listed[d]["position"] % 5 == 0]
    q = DocumentQuery(annotator="badr", status="done")
    assert [d.id for d in repo.document_page(project, query=q, limit=None)] == badr_done
    rows = repo.document_page(project, query=DocumentQuery(annotator="amal"), limit=None)
    assert {r.id: r.status for r in rows} == {d: t["status"] for d, t in listed.items()}
    # Someone the database does not know has every document new.
    nobody = repo.document_page(project, query=DocumentQuery(annotator="zaid"), limit=None)
    assert {r.status for r in nobody} == {"new"}


def _check_assigned(repo: Repository, project: int,
                    listed: dict[int, dict[str, Any]]) -> None:
    given = repo.assign(project, "amal", 4)
    q = DocumentQuery(annotator="amal", assigned_to="amal", sort="name")
    got = [d.id for d in repo.document_page(project, query=q, limit=None)]
    assert sorted(got) == sorted(given) and len(got) == 4
    assert got == sorted(given, key=lambda d: (listed[d]["name"], listed[d]["position"]))


def test_status_rank_is_the_workflow_order() -> None:
    assert [status_rank(s) for s in ("new", "in_progress", "done", "skipped")] == [0, 1, 2, 3]


def test_label_counts_and_places_stay_within_the_project(
    repo: Repository, project: int, schema: LabelSchema, listed: dict[int, dict[str, Any]]
) -> None:
    # With one project the label filter is counted from the label's index alone; a second
    # project holding the same label must not be counted in the first.
    label = schema.names[0]
    q = DocumentQuery(label=label)
    want = _expected(listed, replace(q, annotator="amal"))
    assert repo.count_documents(project, query=q) == len(want)
    other = repo.create_project("other", schema)
    added = repo.add_documents(other, [
        Document(name=f"o{i}", text=f"نص آخر {i} عن حلب",
                 spans=(make_span(f"نص آخر {i} عن حلب", 0, 2, label),))
        for i in range(3)
    ]).added
    assert repo.count_documents(project, query=q) == len(want)
    assert repo.document_place(project, want[-1], query=q) == (len(want), len(want))
    assert repo.count_documents(other, query=q) == 3
    assert repo.document_place(other, added[0], query=q) == (1, 3)
