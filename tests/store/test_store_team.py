"""Annotators' own statuses and assignments, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from annotator.core.model import Document, LabelSchema, make_span
from annotator.store.repository import Repository, StoreError


def _docs(n: int) -> list[Document]:
    return [Document(name=f"d{i}", text=f"خبر رقم {i} من حلب") for i in range(n)]


def _ids(repo: Repository, project: int) -> list[int]:
    return [d.id for d in repo.list_documents(project)]


def test_each_annotator_has_their_own_status(repo: Repository, project: int) -> None:
    repo.add_documents(project, _docs(3))
    d0, d1, _ = _ids(repo, project)
    repo.set_status(d0, "done", annotator="amal")
    repo.set_status(d1, "done", annotator="badr")
    repo.set_status(d0, "in_progress", annotator="badr")
    assert repo.annotator_status(d0, "amal") == "done"
    assert repo.annotator_status(d0, "badr") == "in_progress"
    assert repo.annotator_status(d1, "amal") == "new"
    assert repo.finished_documents(project, "amal") == [d0]
    assert repo.finished_documents(project, "badr") == [d1]
    # Setting it again replaces the row, it does not add one.
    repo.set_status(d0, "done", annotator="badr")
    assert repo.finished_documents(project, "badr") == [d0, d1]


def test_adding_a_span_moves_the_adders_status(repo: Repository, project: int) -> None:
    repo.add_documents(project, _docs(1))
    (d0,) = _ids(repo, project)
    repo.set_status(d0, "done", annotator="amal")
    text = repo.get_document(d0).text
    repo.add_span(d0, make_span(text, 0, 3, "ACTOR"), annotator="badr", status="in_progress")
    assert repo.annotator_status(d0, "badr") == "in_progress"
    assert repo.annotator_status(d0, "amal") == "done"


def test_a_conflicting_status_change_stores_nothing(repo: Repository, project: int) -> None:
    repo.add_documents(project, _docs(1))
    (d0,) = _ids(repo, project)
    version = repo.document_version(d0)
    repo.set_status(d0, "in_progress")
    with pytest.raises(StoreError):
        repo.set_status(d0, "done", annotator="amal", expected_version=version)
    assert repo.annotator_status(d0, "amal") == "new"


def test_assign_without_overlap_gives_disjoint_shares(repo: Repository, project: int) -> None:
    repo.add_documents(project, _docs(10))
    ids = _ids(repo, project)
    a = repo.assign(project, "amal", 4)
    b = repo.assign(project, "badr", 4)
    assert a == ids[:4]
    assert b == ids[4:8]
    assert repo.assigned_documents(project, "amal") == ids[:4]
    # Only two free ones left: badr gets those and, with no overlap asked, shared ones fill in.
    more = repo.assign(project, "badr", 3)
    assert set(ids[8:]) <= set(more)
    assert len(more) == 3
    assert not set(more) & set(b)


def test_assign_with_overlap_shares_a_fifth(repo: Repository, project: int) -> None:
    repo.add_documents(project, _docs(20))
    ids = _ids(repo, project)
    a = repo.assign(project, "amal", 10)
    b = repo.assign(project, "badr", 10, overlap=0.2)
    shared = set(a) & set(b)
    assert len(shared) == 2
    assert len(b) == 10
    assert set(b) - shared == set(ids[10:18])
    # A third annotator's overlap goes to documents with the fewest holders first.
    c = repo.assign(project, "carim", 5, overlap=0.2)
    assert not set(c) & shared


def test_assign_never_gives_a_document_twice(repo: Repository, project: int) -> None:
    repo.add_documents(project, _docs(3))
    first = repo.assign(project, "amal", 3)
    assert repo.assign(project, "amal", 3) == []
    assert repo.assigned_documents(project, "amal") == first


def test_assignments_go_with_their_documents(
    repo: Repository, project: int, schema: LabelSchema
) -> None:
    repo.add_documents(project, _docs(2))
    repo.assign(project, "amal", 2)
    other = repo.create_project("other", schema)
    assert repo.assigned_documents(other, "amal") == []
    with pytest.raises(StoreError):
        repo.assign(project, "amal", -1)
