"""Accepting and rejecting suggestions through the session: one undoable command each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from annotator.core.model import Document
from annotator.services.changes import Change, SpanAdded, SpanChanged, SpanRemoved
from annotator.services.commands import UndoStack
from annotator.services.session import AnnotationSession
from annotator.services.suggestion_editing import (
    accept_all_command,
    accept_command,
    next_suggestion,
    refresh_suggestions,
    reject_command,
    suggestion_at,
    suggestions,
)
from annotator.services.suggestions import DateSource, project_gazetteer
from annotator.store.db import open_database
from annotator.store.repository import Repository

ONE = "قصفت طائرات التحالف الدولي مواقع في دير الزور."
TWO = "عادت طائرات التحالف الدولي إلى قصف ديـر الزور في 24 أكتوبر."


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    repository = open_database(str(tmp_path / "e.sqlite3"), seed_demo=False)
    project = repository.default_project()
    repository.add_documents(project, [
        Document("one", ONE), Document("two", TWO, meta={"published": "2024-10-28"})])
    yield repository
    repository.close()


@pytest.fixture
def session(repo: Repository) -> AnnotationSession:
    return AnnotationSession(repo, project_id=repo.default_project(), annotator="amal")


def _refresh(session: AnnotationSession, repo: Repository) -> int:
    sources = [DateSource(), project_gazetteer(repo, session.project_id)]
    return refresh_suggestions(session, repo, sources)


def _label(session: AnnotationSession, stack: UndoStack, word: str, label: str) -> None:
    start = session.text.index(word)
    command = session.add_command(start, start + len(word), label)
    assert command is not None
    stack.push(command)


def _shown(session: AnnotationSession) -> list[tuple[str, str, str]]:
    return [(s.text, s.label, s.origin) for s in session.spans]


def test_labeled_in_one_document_suggested_in_the_next_accept_reject_undo(
    repo: Repository, session: AnnotationSession
) -> None:
    one, two = (d.id for d in session.documents())
    stack = UndoStack(session.writer)
    session.open(one)
    _label(session, stack, "التحالف الدولي", "ACTOR")
    _label(session, stack, "دير الزور", "LOCATION")
    stack.clear()
    session.open(two)
    assert _refresh(session, repo) == 3
    assert _shown(session) == [("التحالف الدولي", "ACTOR", "suggested"),
                               ("ديـر الزور", "LOCATION", "suggested"),
                               ("24 أكتوبر", "DATE", "suggested")]
    heard: list[Change] = []
    session.changes.subscribe(heard.append)
    version = repo.document_version(two)

    caret = session.text.index("ديـر") + 2
    place = suggestion_at(session, caret)
    assert place is not None and place.text == "ديـر الزور"
    stack.push(accept_command(session, place))
    assert repo.document_version(two) == version + 1  # one transaction, status with it
    assert ("ديـر الزور", "LOCATION", "manual") in _shown(session)
    assert isinstance(heard[0], SpanChanged) and heard[0].new.origin == "manual"
    assert session.status == "in_progress"

    actor = next_suggestion(session, 0, 1)
    assert actor is not None and actor.label == "ACTOR"
    stack.push(reject_command(session, actor))
    assert isinstance(heard[-1], SpanRemoved)
    assert [s.text for s in session.spans] == ["ديـر الزور", "24 أكتوبر"]
    assert repo.suggestion_counts(session.project_id) == {
        "gazetteer": {"accepted": 1, "rejected": 1}}

    assert stack.undo()  # the rejection
    assert isinstance(heard[-1], SpanAdded)
    assert ("التحالف الدولي", "ACTOR", "suggested") in _shown(session)
    assert stack.undo()  # the acceptance
    assert ("ديـر الزور", "LOCATION", "suggested") in _shown(session)
    assert session.status == "new"
    assert repo.suggestion_counts(session.project_id) == {}
    # What the window shows is what is stored.
    stored = repo.get_document(two)
    assert sorted((s.text, s.origin) for s in stored.spans) == sorted(
        (t, o) for t, _, o in _shown(session))


def test_a_rejected_suggestion_is_not_proposed_again(
    repo: Repository, session: AnnotationSession
) -> None:
    one, two = (d.id for d in session.documents())
    stack = UndoStack(session.writer)
    session.open(one)
    _label(session, stack, "دير الزور", "LOCATION")
    session.open(two)
    _refresh(session, repo)
    place = next((s for s in suggestions(session) if s.label == "LOCATION"), None)
    assert place is not None
    stack.push(reject_command(session, place))
    assert _refresh(session, repo) == 1  # the date only
    assert [s.label for s in suggestions(session)] == ["DATE"]


def test_accept_all_is_one_undo_step(repo: Repository, session: AnnotationSession) -> None:
    one, two = (d.id for d in session.documents())
    stack = UndoStack(session.writer)
    session.open(one)
    _label(session, stack, "دير الزور", "LOCATION")
    session.open(two)
    _refresh(session, repo)
    stored_before = session.writer.edits_stored
    command = accept_all_command(session)
    assert command is not None and len(command.span_ids) == 2
    version = repo.document_version(two)
    writes: list[int] = []
    event.listen(repo._engine, "commit", lambda conn: writes.append(1))
    stack.push(command)
    # One store transaction (nothing else is read or written) and one version for the batch.
    assert len(writes) == 1
    assert repo.document_version(two) == version + 1
    assert session.writer.edits_stored == 1 + stored_before
    assert suggestions(session) == []
    assert {s.origin for s in repo.get_document(two).spans} == {"manual"}
    assert repo.get_document(two).status == "in_progress"
    date = next(s for s in session.spans if s.label == "DATE")
    assert date.attrs.get("value") == "2024-10-24" and "score" not in date.attrs
    writes.clear()
    assert stack.undo()
    assert len(writes) == 1
    assert repo.document_version(two) == version + 2
    assert repo.get_document(two).status == "new"
    assert {s.origin for s in repo.get_document(two).spans} == {"suggested"}
    assert accept_all_command(session) is not None
    assert stack.redo()
    assert accept_all_command(session) is None
