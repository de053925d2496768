"""Events, date values and the publication date through the session, without Qt, on SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import Document
from annotator.services.changes import (
    Change,
    DateSet,
    EventAdded,
    EventChanged,
    EventRemoved,
    MetaChanged,
)
from annotator.services.commands import UndoStack
from annotator.services.editing import EditConflict
from annotator.services.session import AnnotationSession
from annotator.store.db import open_database
from annotator.store.repository import Repository

ARTICLE = "قصف الطيران مدينة بالميادين، الثلاثاء الماضي. وقال الحرس إن الهجوم وقع في 3 أكتوبر."


def at(needle: str) -> tuple[int, int]:
    start = ARTICLE.index(needle)
    return start, start + len(needle)


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    repository = open_database(str(tmp_path / "t.sqlite3"), seed_demo=False)
    repository.add_documents(
        repository.default_project(),
        [Document(name="a", text=ARTICLE, meta={"published": "2024-10-28"})],
    )
    yield repository
    repository.close()


@pytest.fixture
def session(repo: Repository) -> AnnotationSession:
    s = AnnotationSession(repo, project_id=repo.default_project(), annotator="amal")
    s.open(s.documents()[0].id)
    return s


def add(session: AnnotationSession, stack: UndoStack, needle: str, label: str) -> int:
    command = session.add_command(*at(needle), label)
    assert command is not None
    stack.push(command)
    assert command.stored is not None and command.stored.id is not None
    return command.stored.id


def stored_events(repo: Repository, session: AnnotationSession) -> list[tuple[str, dict]]:
    assert session.document_id is not None
    doc = repo.get_document(session.document_id)
    return [(e.type, {r: [doc.spans[i].text for i in refs] for r, refs in e.roles.items()})
            for e in doc.events]


def test_a_date_span_is_dated_from_the_publication_date_as_it_is_made(
    session: AnnotationSession, repo: Repository
) -> None:
    stack = UndoStack(session.writer)
    tuesday = add(session, stack, "الثلاثاء الماضي", "DATE")
    actor = add(session, stack, "الطيران", "ACTOR")
    assert dict(session.span(tuesday).attrs) == {
        "value": "2024-10-22", "precision": "day", "normalized_by": "auto"}
    assert dict(session.span(actor).attrs) == {}  # not a date: no value


def test_a_new_publication_date_moves_the_automatic_values_only_in_one_undoable_edit(
    session: AnnotationSession, repo: Repository
) -> None:
    stack = UndoStack(session.writer)
    tuesday = add(session, stack, "الثلاثاء الماضي", "DATE")
    october = add(session, stack, "3 أكتوبر", "DATE")
    fixed = session.events.date_command(october, None)
    assert fixed is not None
    stack.push(fixed)  # the annotator says: no value; no rule may overwrite that
    seen: list[Change] = []
    session.changes.subscribe(seen.append)
    version = session.version
    import datetime

    command = session.events.published_command(datetime.date(2024, 11, 7))
    assert command is not None
    stack.push(command)
    assert session.version == (version or 0) + 1  # one transaction, one version bump
    assert repo.document_version(session.document_id or 0) == session.version
    doc = repo.get_document(session.document_id or 0)
    by_text = {s.text: dict(s.attrs) for s in doc.spans}
    assert by_text["الثلاثاء الماضي"]["value"] == "2024-11-05"
    assert by_text["3 أكتوبر"] == {"normalized_by": "annotator"}
    assert doc.meta == {"published": "2024-11-07"}
    assert [type(c) for c in seen] == [MetaChanged, DateSet]
    stack.undo()
    doc = repo.get_document(session.document_id or 0)
    assert {s.text: s.attrs.get("value") for s in doc.spans}["الثلاثاء الماضي"] == "2024-10-22"
    assert doc.meta == {"published": "2024-10-28"}
    assert session.span(tuesday).attrs["value"] == "2024-10-22"


def test_events_are_added_changed_deleted_and_undone_with_typed_changes(
    session: AnnotationSession, repo: Repository
) -> None:
    stack = UndoStack(session.writer)
    actor = add(session, stack, "الطيران", "ACTOR")
    add(session, stack, "بالميادين", "LOCATION")
    add(session, stack, "الحرس", "ACTOR")  # another sentence: not proposed
    seen: list[Change] = []
    session.changes.subscribe(seen.append)
    spans = session.events.sentence_spans(at("مدينة")[0])
    assert [s.text for s in spans] == ["الطيران", "بالميادين"]
    new = session.events.new_event_command(spans)
    stack.push(new)
    assert stored_events(repo, session) == [
        ("Air/drone strike", {"actor": ["الطيران"], "location": ["بالميادين"]})]
    assert new.stored is not None and new.stored.id is not None
    event_id = new.stored.id
    other = next(s.id for s in session.spans if s.text == "الحرس")
    assert other is not None
    role = session.events.add_role_command(event_id, other, "target")
    assert role is not None
    stack.push(role)
    kind = session.events.type_command(event_id, "Armed clash")
    assert kind is not None
    stack.push(kind)
    assert stored_events(repo, session) == [
        ("Armed clash", {"actor": ["الطيران"], "location": ["بالميادين"], "target": ["الحرس"]})]
    # One span may serve several events.
    stack.push(session.events.new_event_command([session.span(actor)], "Attack"))
    assert len(session.events.events_of(actor)) == 2
    stack.push(session.events.delete_event_command(event_id))
    assert [t for t, _ in stored_events(repo, session)] == ["Attack"]
    stack.undo()
    assert [t for t, _ in stored_events(repo, session)] == ["Armed clash", "Attack"]
    assert session.events.event(event_id).type == "Armed clash"  # back under its id
    assert [type(c) for c in seen] == [
        EventAdded, EventChanged, EventChanged, EventAdded, EventRemoved, EventAdded]
    for _ in range(4):
        stack.undo()
    assert stored_events(repo, session) == []
    assert repo.document_version(session.document_id or 0) == session.version


def test_deleting_a_span_takes_it_out_of_its_events_and_undo_puts_it_back_in_place(
    session: AnnotationSession, repo: Repository
) -> None:
    stack = UndoStack(session.writer)
    first = add(session, stack, "الطيران", "ACTOR")
    second = add(session, stack, "الحرس", "ACTOR")
    stack.push(session.events.new_event_command([session.span(first), session.span(second)]))
    stack.push(session.delete_command(first))
    assert stored_events(repo, session) == [("Air/drone strike", {"actor": ["الحرس"]})]
    assert session.events.events[0].roles == {"actor": (second,)}
    stack.undo()
    assert stored_events(repo, session) == [
        ("Air/drone strike", {"actor": ["الطيران", "الحرس"]})]
    assert session.events.events[0].roles["actor"][1] == second


def test_an_event_edit_made_after_someone_elses_is_refused_and_nothing_is_stored(
    session: AnnotationSession, repo: Repository
) -> None:
    stack = UndoStack(session.writer)
    actor = add(session, stack, "الطيران", "ACTOR")
    new = session.events.new_event_command([session.span(actor)])
    stack.push(new)
    assert new.stored is not None and new.stored.id is not None
    other = AnnotationSession(repo, project_id=repo.default_project(), annotator="amal")
    other.open(session.document_id or 0)
    other_stack = UndoStack(other.writer)
    command = other.events.type_command(new.stored.id, "Attack")
    assert command is not None
    other_stack.push(command)
    late = session.events.type_command(new.stored.id, "Armed clash")
    assert late is not None
    with pytest.raises(EditConflict):
        stack.push(late)
    assert [t for t, _ in stored_events(repo, session)] == ["Attack"]


def test_a_resized_or_relabeled_date_follows_its_text_and_undo_puts_the_value_back(
    session: AnnotationSession, repo: Repository
) -> None:
    stack = UndoStack(session.writer)
    span_id = add(session, stack, "الثلاثاء", "DATE")
    assert session.span(span_id).attrs["value"] == "2024-10-22"
    start, end = at("الثلاثاء الماضي")
    resize = session.resize_command(span_id, start, end)
    assert resize is not None
    stack.push(resize)
    assert session.span(span_id).attrs["value"] == "2024-10-22"
    grown = session.resize_command(span_id, start, at("وقال")[1])  # over the sentence's end
    assert grown is not None
    stack.push(grown)
    # No rule dates "الثلاثاء الماضي. وقال": the stale value does not stay.
    assert "value" not in session.span(span_id).attrs
    stack.undo()
    relabel = session.relabel_command(span_id, "ACTOR")
    assert relabel is not None
    stack.push(relabel)
    doc = repo.get_document(session.document_id or 0)
    assert dict(doc.spans[0].attrs) == {}  # an actor has no date value
    stack.undo()
    assert dict(repo.get_document(session.document_id or 0).spans[0].attrs) == {
        "value": "2024-10-22", "precision": "day", "normalized_by": "auto"}


def test_undoing_the_delete_of_a_span_brings_back_the_relations_that_ended_at_it(
    tmp_path: Path,
) -> None:
    from annotator.core.model import Relation, make_span

    repo = open_database(str(tmp_path / "r.sqlite3"), seed_demo=False)
    spans = (make_span(ARTICLE, *at("الطيران"), "ACTOR"),
             make_span(ARTICLE, *at("بالميادين"), "LOCATION"))
    repo.add_documents(repo.default_project(), [Document(
        name="r", text=ARTICLE, spans=spans, relations=(Relation("over", 0, 1, attrs={"n": 1}),))])
    session = AnnotationSession(repo, project_id=repo.default_project(), annotator="amal")
    session.open(session.documents()[0].id)
    stack = UndoStack(session.writer)
    stack.push(session.delete_command(session.spans[1].id or 0))
    assert repo.get_document(session.document_id or 0).relations == ()
    stack.undo()
    back = repo.get_document(session.document_id or 0)
    assert [(r.type, back.spans[r.head].text, back.spans[r.tail].text, dict(r.attrs))
            for r in back.relations] == [("over", "الطيران", "بالميادين", {"n": 1})]
    # Again: the relation the undo brought back is known to the window, and goes again.
    stack.redo()
    assert repo.get_document(session.document_id or 0).relations == ()
    stack.undo()
    assert len(repo.get_document(session.document_id or 0).relations) == 1
    repo.close()
