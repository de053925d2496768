"""Suggestions in the store, on SQLite and PostgreSQL: replaced, accepted, rejected, undone."""

from __future__ import annotations

import pytest

from annotator.core.matcher import fold_key
from annotator.core.model import Document, Span, make_span
from annotator.store.errors import ConflictError, StoreError
from annotator.store.repository import Repository

TEXT = "قصفت قوات التحالف الدولي مواقع في دير الزور يوم 24 أكتوبر"


def _suggestion(word: str, label: str, source: str, **attrs: object) -> Span:
    start = TEXT.index(word)
    return make_span(TEXT, start, start + len(word), label, origin="suggested",
                     attrs={"source": source, "score": 0.9, **attrs})


@pytest.fixture
def doc_id(repo: Repository, project: int) -> int:
    start = TEXT.index("قوات")
    manual = make_span(TEXT, start, start + len("قوات"), "ACTOR")
    repo.add_documents(project, [Document("d", TEXT, spans=(manual,))], annotator="amal")
    (summary,) = repo.list_documents(project)
    return summary.id


def _spans(repo: Repository, doc_id: int) -> list[tuple[str, str, str, str | None]]:
    return [(s.text, s.label, s.origin, s.annotator) for s in repo.get_document(doc_id).spans]


def test_replacing_suggestions_keeps_the_persons_spans(repo: Repository, doc_id: int) -> None:
    repo.replace_suggestions(doc_id, [_suggestion("دير الزور", "LOCATION", "gazetteer")])
    repo.replace_suggestions(doc_id, [_suggestion("التحالف الدولي", "ACTOR", "model")])
    assert _spans(repo, doc_id) == [("قوات", "ACTOR", "manual", "amal"),
                                    ("التحالف الدولي", "ACTOR", "suggested", None)]
    with pytest.raises(StoreError, match="origin 'suggested'"):
        repo.replace_suggestions(doc_id, [make_span(TEXT, 0, 4, "ACTOR")])


def test_accept_and_undo_are_one_edit_each(repo: Repository, doc_id: int,
                                            project: int) -> None:
    repo.replace_suggestions(doc_id, [
        _suggestion("24 أكتوبر", "DATE", "dates", value="2024-10-24", precision="day")])
    (sid,) = [s.id for s in repo.get_document(doc_id).spans if s.origin == "suggested"]
    assert sid is not None
    version = repo.document_version(doc_id)
    old, new, decision = repo.accept_suggestion(sid, annotator="omar",
                                                expected_version=version)
    assert repo.document_version(doc_id) == version + 1
    assert (new.origin, new.annotator, new.id) == ("manual", "omar", sid)
    (stored,) = [s for s in repo.get_document(doc_id).spans if s.label == "DATE"]
    assert stored.origin == "manual" and stored.annotator == "omar"
    assert dict(stored.attrs) == {"value": "2024-10-24", "precision": "day"}
    assert repo.suggestion_counts(project) == {"dates": {"accepted": 1, "rejected": 0}}
    repo.unaccept_suggestion(old, decision)
    (back,) = [s for s in repo.get_document(doc_id).spans if s.label == "DATE"]
    assert (back.origin, back.annotator, dict(back.attrs)) == ("suggested", None, dict(old.attrs))
    assert repo.suggestion_counts(project) == {}
    with pytest.raises(ConflictError):
        repo.accept_suggestion(sid, annotator="omar", expected_version=version)


def test_reject_remembers_and_undo_brings_it_back(repo: Repository, doc_id: int,
                                                   project: int) -> None:
    repo.replace_suggestions(doc_id, [_suggestion("دير الزور", "LOCATION", "gazetteer")])
    (sid,) = [s.id for s in repo.get_document(doc_id).spans if s.origin == "suggested"]
    assert sid is not None
    old, decision = repo.reject_suggestion(sid)
    assert [s.text for s in repo.get_document(doc_id).spans] == ["قوات"]
    assert repo.rejected_suggestions(doc_id) == {("LOCATION", fold_key("دير الزور"))}
    assert repo.suggestion_counts(project) == {"gazetteer": {"accepted": 0, "rejected": 1}}
    back = repo.unreject_suggestion(doc_id, old, decision)
    assert back.id == sid and back.origin == "suggested"
    assert repo.rejected_suggestions(doc_id) == set()
    manual = next(s.id for s in repo.get_document(doc_id).spans if s.origin == "manual")
    assert manual is not None
    with pytest.raises(StoreError, match="not a suggestion"):
        repo.reject_suggestion(manual)


def test_labeled_counts_count_people_not_suggestions(repo: Repository, doc_id: int,
                                                    project: int) -> None:
    repo.replace_suggestions(doc_id, [_suggestion("دير الزور", "LOCATION", "gazetteer")])
    assert repo.labeled_counts(project) == [("قوات", "ACTOR", 1)]


def _commits(repo: Repository) -> list[int]:
    """A list that grows by one for every transaction committed on the repository (reads
    included: clear it right before the write that is counted)."""
    from sqlalchemy import event

    seen: list[int] = []
    event.listen(repo._engine, "commit", lambda conn: seen.append(1))
    return seen


def test_accepting_many_is_one_transaction_and_one_version_each_way(
        repo: Repository, doc_id: int, project: int) -> None:
    repo.replace_suggestions(doc_id, [
        _suggestion("التحالف الدولي", "ACTOR", "gazetteer"),
        _suggestion("دير الزور", "LOCATION", "gazetteer"),
        _suggestion("24 أكتوبر", "DATE", "dates", value="2024-10-24", precision="day")])
    ids = [s.id for s in repo.get_document(doc_id).spans if s.origin == "suggested"]
    assert len(ids) == 3 and None not in ids
    version = repo.document_version(doc_id)
    by_label = repo.stats(project)["by_label"]
    commits = _commits(repo)
    done = repo.accept_suggestions(doc_id, [i for i in ids if i is not None],
                                   annotator="omar", expected_version=version)
    assert len(commits) == 1
    assert repo.document_version(doc_id) == version + 1
    assert [(new.origin, new.annotator) for _, new, _ in done] == [("manual", "omar")] * 3
    assert {s.origin for s in repo.get_document(doc_id).spans} == {"manual"}
    assert repo.suggestion_counts(project) == {"dates": {"accepted": 1, "rejected": 0},
                                               "gazetteer": {"accepted": 2, "rejected": 0}}
    assert repo.stats(project)["by_label"] == by_label
    commits.clear()
    repo.unaccept_suggestions(doc_id, [(old, decision) for old, _, decision in done],
                              expected_version=version + 1)
    assert len(commits) == 1
    assert repo.document_version(doc_id) == version + 2
    assert sorted(_spans(repo, doc_id)) == sorted([
        ("قوات", "ACTOR", "manual", "amal"),
        ("التحالف الدولي", "ACTOR", "suggested", None),
        ("دير الزور", "LOCATION", "suggested", None),
        ("24 أكتوبر", "DATE", "suggested", None)])
    assert repo.suggestion_counts(project) == {}
    assert repo.stats(project)["by_label"] == by_label


def test_accepting_many_changes_nothing_when_one_is_not_a_suggestion(
        repo: Repository, doc_id: int) -> None:
    repo.replace_suggestions(doc_id, [_suggestion("دير الزور", "LOCATION", "gazetteer")])
    spans = repo.get_document(doc_id).spans
    suggested = next(s.id for s in spans if s.origin == "suggested")
    manual = next(s.id for s in spans if s.origin == "manual")
    assert suggested is not None and manual is not None
    version = repo.document_version(doc_id)
    with pytest.raises(StoreError, match="not a suggestion"):
        repo.accept_suggestions(doc_id, [suggested, manual], annotator="omar")
    with pytest.raises(ConflictError):
        repo.accept_suggestions(doc_id, [suggested], annotator="omar",
                                expected_version=version - 1)
    assert repo.document_version(doc_id) == version
    assert {s.id: s.origin for s in repo.get_document(doc_id).spans} == {
        suggested: "suggested", manual: "manual"}


def test_certainties_page_least_sure_first_by_keyset(repo: Repository, project: int) -> None:
    repo.add_documents(project, [Document(f"d{i}", f"نص رقم {i}") for i in range(7)])
    ids = {d.name: d.id for d in repo.list_documents(project)}
    # Two ties (0.5): they come by id.
    values = {"d0": 0.9, "d1": 0.5, "d2": 0.1, "d3": 0.5, "d4": 0.7, "d5": 0.3}
    assert repo.set_certainties([(ids[n], v) for n, v in values.items()], model="crf-1") == 6
    expected = [ids[n] for n in ("d2", "d5", "d1", "d3", "d4", "d0")]  # d6: never scored
    pages: list[list[int]] = []
    after = None
    while True:
        page = repo.least_sure_documents(project, after=after, limit=2)
        if not page:
            break
        pages.append([doc_id for doc_id, _ in page])
        last_id, last_value = page[-1]
        after = (last_value, last_id)
    assert pages == [expected[0:2], expected[2:4], expected[4:6]]
    # A newer model's scores replace the old ones; a started document leaves "new".
    repo.set_certainties([(ids["d0"], 0.05)], model="crf-2")
    repo.set_status(ids["d2"], "in_progress")
    order = [doc_id for doc_id, _ in repo.least_sure_documents(project, limit=3)]
    assert order == [ids["d0"], ids["d5"], ids["d1"]]
    assert [i for i, _ in repo.least_sure_documents(project, status=None, limit=2)] == [
        ids["d0"], ids["d2"]]
    with pytest.raises(StoreError, match="between 0 and 1"):
        repo.set_certainties([(ids["d6"], 1.5)], model="crf-2")
    with pytest.raises(StoreError, match="does not exist"):
        repo.set_certainties([(10**6, 0.5)], model="crf-2")
