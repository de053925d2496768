"""Two sessions on one database never overwrite each other silently.

Each session has its own Repository (its own engine and connections), as two windows or two
annotators' programs would: on one SQLite file, and on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import Document
from annotator.services.changes import Change, DocumentReloaded, DocumentsChanged
from annotator.services.commands import UndoStack
from annotator.services.editing import EditConflict
from annotator.services.session import AnnotationSession
from annotator.store.db import open_database
from annotator.store.repository import Repository

ARTICLE = "قصف الطيران مدينة بالميادين، صباح 24 أكتوبر."


def offsets(word: str) -> tuple[int, int]:
    start = ARTICLE.index(word)
    return start, start + len(word)


@pytest.fixture(params=["sqlite", "postgresql"])
def two_repositories(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[Repository, Repository]]:
    if request.param == "sqlite":
        url = str(tmp_path / "shared.sqlite3")
    else:
        url = request.getfixturevalue("pg_url")
    first = open_database(url, seed_demo=False)
    first.add_documents(
        first.default_project(),
        [Document(name="a", text=ARTICLE), Document(name="b", text="الثاني نص")],
    )
    second = open_database(url, seed_demo=False)
    yield first, second
    first.close()
    second.close()


def sessions(
    repos: tuple[Repository, Repository], annotator: str = "amal"
) -> tuple[AnnotationSession, AnnotationSession]:
    made = []
    for repo in repos:
        session = AnnotationSession(repo, project_id=repo.default_project(), annotator=annotator)
        session.open(session.documents()[0].id)
        made.append(session)
    return made[0], made[1]


def test_an_edit_after_someone_elses_is_refused_and_changes_nothing(
    two_repositories: tuple[Repository, Repository],
) -> None:
    one, two = sessions(two_repositories)
    add = one.add_command(*offsets("الطيران"), "ACTOR")
    assert add is not None
    UndoStack(one.writer).push(add)
    late = two.add_command(*offsets("مدينة"), "LOCATION")
    assert late is not None
    with pytest.raises(EditConflict):
        UndoStack(two.writer).push(late)
    assert two.document_id is not None
    stored = two_repositories[0].get_document(two.document_id)
    assert [(s.label, s.text) for s in stored.spans] == [("ACTOR", "الطيران")]
    assert stored.status == "in_progress"
    # Nothing changed in the refused session either, until it reloads and sees the other edit.
    assert two.spans == ()
    two.reload()
    assert [s.text for s in two.spans] == ["الطيران"]
    again = two.add_command(*offsets("مدينة"), "LOCATION")
    assert again is not None
    UndoStack(two.writer).push(again)
    stored = two_repositories[0].get_document(two.document_id)
    assert [(s.label, s.text) for s in stored.spans] == [
        ("ACTOR", "الطيران"),
        ("LOCATION", "مدينة"),
    ]


def test_relabel_delete_and_status_carry_the_version_too(
    two_repositories: tuple[Repository, Repository],
) -> None:
    one, two = sessions(two_repositories)
    add = one.add_command(*offsets("الطيران"), "ACTOR")
    assert add is not None
    UndoStack(one.writer).push(add)
    two.reload()
    span_id = two.spans[0].id
    assert span_id is not None
    # The first session relabels it; the second one's relabel, resize, delete and status
    # change all come too late.
    relabel = one.relabel_command(span_id, "TARGET")
    assert relabel is not None
    UndoStack(one.writer).push(relabel)
    late = [
        two.relabel_command(span_id, "DATE"),
        two.resize_command(span_id, *offsets("قصف الطيران")),
        two.delete_command(span_id),
        two.status_command("done"),
    ]
    for command in late:
        assert command is not None
        with pytest.raises(EditConflict):
            UndoStack(two.writer).push(command)
    assert two.document_id is not None
    stored = two_repositories[0].get_document(two.document_id)
    assert [(s.label, s.text) for s in stored.spans] == [("TARGET", "الطيران")]
    assert stored.status == "in_progress"


def test_check_for_changes_reloads_the_open_document_and_relists(
    two_repositories: tuple[Repository, Repository],
) -> None:
    one, two = sessions(two_repositories)
    heard: list[Change] = []
    two.changes.subscribe(heard.append)
    assert not two.check_for_changes()  # nothing happened yet
    # Its own edits are no news to a session.
    own = two.add_command(*offsets("مدينة"), "LOCATION")
    assert own is not None
    UndoStack(two.writer).push(own)
    heard.clear()
    assert not two.check_for_changes()
    assert heard == []
    add = one.add_command(*offsets("الطيران"), "ACTOR")
    assert add is not None
    one.reload()
    UndoStack(one.writer).push(add)
    assert two.check_for_changes()
    assert [type(c) for c in heard] == [DocumentsChanged, DocumentReloaded]
    assert [s.text for s in two.spans] == ["الطيران", "مدينة"]
    # Another document's status, changed elsewhere: only the list needs reading again.
    heard.clear()
    other = one.documents()[1].id
    one.writer.set_status(other, "done")
    assert two.check_for_changes()
    assert [type(c) for c in heard] == [DocumentsChanged]
    assert two.documents()[1].status == "done"
