"""The annotation session and its commands, without Qt, on a real SQLite database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.model import Document, Span
from annotator.core.text import snap_to_tokens, tokenize
from annotator.services.changes import (
    Change,
    DocumentOpened,
    SpanAdded,
    SpanChanged,
    SpanRemoved,
    StatusChanged,
)
from annotator.services.commands import UndoStack
from annotator.services.session import AnnotationSession
from annotator.store.db import open_database
from annotator.store.errors import StoreError
from annotator.store.repository import Repository

ARTICLE = "قصف الطيران مدينة بالميادين، صباح 24 أكتوبر. هــ.دد SY24 😀 الحرس"


class Recorder:
    """A session listener that writes down the kinds of change it cares about."""

    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def __call__(self, change: Change) -> None:
        match change:
            case DocumentOpened(document=document):
                self.events.append(("opened", document.name))
            case SpanAdded(span=span):
                self.events.append(("added", span.text))
            case SpanRemoved(span=span):
                self.events.append(("removed", span.text))
            case SpanChanged(old=old, new=new):
                self.events.append(("changed", (old.label, new.label)))
            case StatusChanged(status=status):
                self.events.append(("status", status))


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    repository = open_database(str(tmp_path / "t.sqlite3"), seed_demo=False)
    project = repository.default_project()
    repository.add_documents(
        project,
        [
            Document(name="a", text=ARTICLE),
            Document(name="b", text="الثاني نص"),
            Document(name="c", text="الثالث نص"),
        ],
    )
    yield repository
    repository.close()


@pytest.fixture
def session(repo: Repository) -> AnnotationSession:
    s = AnnotationSession(repo, project_id=repo.default_project(), annotator="amal")
    s.open(s.documents()[0].id)
    return s


def offsets(word: str) -> tuple[int, int]:
    start = ARTICLE.index(word)
    return start, start + len(word)


def stored(repo: Repository, session: AnnotationSession) -> list[tuple[str, str]]:
    """What the database holds for the open document, read back fresh."""
    assert session.document_id is not None
    doc = repo.get_document(session.document_id, annotator="amal")
    return [(s.label, s.text) for s in doc.spans]


def test_snap_grows_to_whole_tokens_and_trims_punctuation(session: AnnotationSession) -> None:
    start, end = offsets("بالميادين")
    # Middle of the word (not after its clitics "بال") to just after the comma and the space.
    assert session.snap(start + 4, end + 2) == (start, end)
    # Only punctuation and space: nothing to label.
    assert session.snap(end, end + 2) is None
    # The obfuscated word is one token however little of it is selected.
    o_start, o_end = offsets("هــ.دد")
    assert session.snap(o_start + 4, o_start + 5) == (o_start, o_end)


def test_exact_selection_keeps_characters_inside_a_token(session: AnnotationSession) -> None:
    start, end = offsets("الميادين")
    assert ARTICLE[start - 1] == "ب"
    assert session.snap(start, end, exact=True) == (start, end)
    # Exact mode still never keeps edge spaces.
    assert ARTICLE[start - 2] == " "
    assert session.snap(start - 2, end, exact=True) == (start - 1, end)


def test_add_is_stored_at_once_and_undo_redo_write_through(
    repo: Repository, session: AnnotationSession
) -> None:
    stack = UndoStack(session.writer)
    command = session.add_command(*offsets("الطيران"), "ACTOR")
    assert command is not None
    stack.push(command)
    assert stored(repo, session) == [("ACTOR", "الطيران")]
    statuses = [session.status]  # the first span starts the document
    assert stack.undo()
    assert stored(repo, session) == []
    assert session.spans == ()
    statuses.append(session.status)
    assert statuses == ["in_progress", "new"]
    assert stack.redo()
    assert stored(repo, session) == [("ACTOR", "الطيران")]
    assert not stack.redo()


def test_relabel_delete_and_their_undo(repo: Repository, session: AnnotationSession) -> None:
    stack = UndoStack(session.writer)
    add = session.add_command(*offsets("بالميادين"), "ACTOR")
    assert add is not None
    stack.push(add)
    span_id = session.spans[0].id
    assert span_id is not None
    relabel = session.relabel_command(span_id, "LOCATION")
    assert relabel is not None
    stack.push(relabel)
    assert stored(repo, session) == [("LOCATION", "بالميادين")]
    stack.push(session.delete_command(span_id))
    assert stored(repo, session) == []
    stack.undo()  # the delete
    assert stored(repo, session) == [("LOCATION", "بالميادين")]
    stack.undo()  # the relabel
    assert stored(repo, session) == [("ACTOR", "بالميادين")]
    stack.redo()
    stack.redo()
    assert stored(repo, session) == []
    # All the way back and forward again: ids that changed on the way are followed.
    while stack.undo():
        pass
    assert stored(repo, session) == []
    while stack.redo():
        pass
    assert stored(repo, session) == []
    stack.undo()
    stack.undo()
    assert stored(repo, session) == [("ACTOR", "بالميادين")]


def test_redo_of_an_add_after_undo_keeps_later_commands_working(
    repo: Repository, session: AnnotationSession
) -> None:
    stack = UndoStack(session.writer)
    add = session.add_command(*offsets("مدينة"), "TARGET")
    assert add is not None
    stack.push(add)
    span_id = session.spans[0].id
    assert span_id is not None
    relabel = session.relabel_command(span_id, "LOCATION")
    assert relabel is not None
    stack.push(relabel)
    stack.undo()
    stack.undo()
    stack.redo()  # the span may come back under another id
    stack.redo()  # the relabel names the first id
    assert stored(repo, session) == [("LOCATION", "مدينة")]


def test_overlapping_and_nested_spans_are_kept(
    repo: Repository, session: AnnotationSession
) -> None:
    stack = UndoStack(session.writer)
    whole = session.add_command(*offsets("مدينة بالميادين"), "LOCATION")
    inner = session.add_command(*offsets("الميادين"), "LOCATION", exact=True)
    assert whole is not None and inner is not None
    stack.push(whole)
    stack.push(inner)
    assert stored(repo, session) == [("LOCATION", "مدينة بالميادين"), ("LOCATION", "الميادين")]
    at = offsets("الميادين")[0]
    assert [s.text for s in session.spans_at(at)] == ["الميادين", "مدينة بالميادين"]
    # The same offsets and label twice is not a new span.
    assert session.add_command(*offsets("مدينة بالميادين"), "LOCATION") is None
    # The same offsets with another label is.
    assert session.add_command(*offsets("مدينة بالميادين"), "TARGET") is not None


def test_status_command_and_listeners(session: AnnotationSession, repo: Repository) -> None:
    recorder = Recorder()
    session.changes.subscribe(recorder)
    stack = UndoStack(session.writer)
    command = session.status_command("done")
    assert command is not None
    stack.push(command)
    assert session.document_id is not None
    assert repo.get_document(session.document_id).status == "done"
    stack.undo()
    assert repo.get_document(session.document_id).status == "new"
    assert session.status_command("new") is None
    add = session.add_command(*offsets("SY24"), "ACTOR")
    assert add is not None
    stack.push(add)
    assert recorder.events == [
        ("status", "done"),
        ("status", "new"),
        ("added", "SY24"),
        ("status", "in_progress"),
    ]


def test_offsets_after_an_emoji_are_code_points(
    repo: Repository, session: AnnotationSession
) -> None:
    stack = UndoStack(session.writer)
    add = session.add_command(*offsets("الحرس"), "ACTOR")
    assert add is not None
    stack.push(add)
    span = session.spans[0]
    assert ARTICLE[span.start : span.end] == "الحرس" == span.text
    assert stored(repo, session) == [("ACTOR", "الحرس")]


def test_neighbours_follow_corpus_order_and_filter(session: AnnotationSession) -> None:
    docs = session.documents()
    a, b, c = (d.id for d in docs)
    assert session.neighbour(a, +1) == b
    assert session.neighbour(c, +1) is None
    assert session.neighbour(c, -1) == b
    assert session.neighbour(a, -1) is None
    session.writer.set_status(b, "done")
    assert session.neighbour(a, +1, status="new") == c
    assert session.neighbour(c, -1, status="done") == b


def test_reopen_shows_only_this_annotators_spans(repo: Repository) -> None:
    project = repo.default_project()
    first = AnnotationSession(repo, project_id=project, annotator="amal")
    doc_id = first.documents()[0].id
    first.open(doc_id)
    command = first.add_command(*offsets("الطيران"), "ACTOR")
    assert command is not None
    UndoStack(first.writer).push(command)
    other = AnnotationSession(repo, project_id=project, annotator="basel")
    other.open(doc_id)
    assert other.spans == ()
    again = AnnotationSession(repo, project_id=project, annotator="amal")
    again.open(doc_id)
    assert [(s.label, s.text, s.annotator) for s in again.spans] == [
        ("ACTOR", "الطيران", "amal")
    ]


def test_unknown_label_is_refused(session: AnnotationSession) -> None:
    with pytest.raises(KeyError):
        session.add_command(*offsets("الطيران"), "WEAPON")


@given(data=st.data())
def test_snap_near_the_selection_equals_snap_over_the_whole_text(
    data: st.DataObject, seed_texts: dict[str, str]
) -> None:
    text = data.draw(st.sampled_from(sorted(seed_texts.values())))
    start = data.draw(st.integers(0, len(text)))
    start = min(start, len(text) - 1)
    end = data.draw(st.integers(start + 1, min(len(text), start + 80)))
    whole = snap_to_tokens(text, start, end, tokens=tokenize(text))
    assert _SNAPPER.snap_text(text, start, end) == whole


class _Snapper:
    """A session over one in-memory repository per text, reused across examples."""

    def __init__(self) -> None:
        self._sessions: dict[str, AnnotationSession] = {}

    def snap_text(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        if text not in self._sessions:
            repository = open_database("sqlite://", seed_demo=False)
            project = repository.default_project()
            repository.add_documents(project, [Document(name="x", text=text)])
            session = AnnotationSession(repository, project_id=project, annotator="p")
            session.open(session.documents()[0].id)
            self._sessions[text] = session
        return self._sessions[text].snap(start, end)


_SNAPPER = _Snapper()


def test_unassigned_spans_are_shown_other_annotators_are_not(repo: Repository) -> None:
    project = repo.default_project()
    text = "قصف الطيران مدينة حلب"
    repo.add_documents(
        project,
        [
            Document(
                name="imported",
                text=text,
                spans=(
                    Span(4, 11, "ACTOR", "الطيران"),  # imported without a name
                    Span(18, 21, "LOCATION", "حلب", annotator="basel"),
                ),
            )
        ],
    )
    session = AnnotationSession(repo, project_id=project, annotator="amal")
    doc_id = next(d.id for d in session.documents() if d.name == "imported")
    session.open(doc_id)
    assert [(s.text, s.annotator) for s in session.spans] == [("الطيران", None)]
    # Correcting an imported span is possible, and undoable.
    stack = UndoStack(session.writer)
    unassigned = session.spans[0].id
    assert unassigned is not None
    relabel = session.relabel_command(unassigned, "TARGET")
    assert relabel is not None
    stack.push(relabel)
    assert [s.label for s in repo.get_document(doc_id).spans] == ["TARGET", "LOCATION"]
    stack.push(session.delete_command(unassigned))
    stack.undo()
    # Put back exactly as it was: still unassigned, not given to whoever pressed undo.
    assert [(s.start, s.label, s.annotator) for s in repo.get_document(doc_id).spans] == [
        (4, "TARGET", None),
        (18, "LOCATION", "basel"),
    ]
    assert [s.text for s in session.spans] == ["الطيران"]


def test_each_edit_is_one_transaction_raising_the_version_by_one(
    repo: Repository, session: AnnotationSession
) -> None:
    assert session.document_id is not None
    document_id = session.document_id
    stack = UndoStack(session.writer)
    before = repo.document_version(document_id)
    # The first span of a new document also starts it: the span and the status go together.
    add = session.add_command(*offsets("الطيران"), "ACTOR")
    assert add is not None
    stack.push(add)
    assert repo.document_version(document_id) == before + 1
    assert repo.get_document(document_id).status == "in_progress"
    assert session.version == before + 1
    stack.undo()  # the span goes and the status comes back, again in one go
    assert repo.document_version(document_id) == before + 2
    assert repo.get_document(document_id).status == "new"
    span = session.add_command(*offsets("مدينة"), "TARGET")
    assert span is not None
    stack.push(span)
    span_id = session.spans[0].id
    assert span_id is not None
    for command in (
        session.relabel_command(span_id, "LOCATION"),
        session.resize_command(span_id, *offsets("مدينة بالميادين")),
        session.delete_command(span_id),
    ):
        assert command is not None
        version = repo.document_version(document_id)
        stack.push(command)
        assert repo.document_version(document_id) == version + 1 == session.version


def test_resize_keeps_id_label_and_refuses_what_no_span_can_be(
    repo: Repository, session: AnnotationSession
) -> None:
    stack = UndoStack(session.writer)
    add = session.add_command(*offsets("مدينة"), "TARGET")
    assert add is not None
    stack.push(add)
    span_id = session.spans[0].id
    assert span_id is not None
    # Only whitespace, or the range it already has: nothing to do.
    start, end = offsets("مدينة")
    assert session.resize_command(span_id, end, end + 1) is None
    assert session.resize_command(span_id, start - 1, end + 1) is None  # trimmed to itself
    resize = session.resize_command(span_id, start, offsets("مدينة بالميادين")[1])
    assert resize is not None
    stack.push(resize)
    assert [(s.id, s.label, s.text) for s in session.spans] == [
        (span_id, "TARGET", "مدينة بالميادين")
    ]
    assert stored(repo, session) == [("TARGET", "مدينة بالميادين")]
    # The store itself refuses offsets outside the text or an empty span.
    with pytest.raises(StoreError):
        repo.update_span(span_id, offsets=(5, 5))
    with pytest.raises(StoreError):
        repo.update_span(span_id, offsets=(0, len(ARTICLE) + 1))
    stack.undo()
    assert stored(repo, session) == [("TARGET", "مدينة")]
