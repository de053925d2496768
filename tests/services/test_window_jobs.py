"""Cancelling an import or export, and labeling many occurrences as one edit, without Qt."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import Document, Span
from annotator.services.commands import LabelOccurrences, UndoStack
from annotator.services.editing import StoreFailure
from annotator.services.occurrences import find_occurrences, label_occurrences_command
from annotator.services.progress import Cancellation, Cancelled
from annotator.services.session import AnnotationSession
from annotator.services.workspace import Workspace
from annotator.store.db import open_database
from annotator.store.repository import Repository

TEXT = "قصف حلب مساء أمس، ثم عاد القصف على حلـب وريف حلب. مطار حلب مغلق."


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    repository = open_database(str(tmp_path / "t.sqlite3"), seed_demo=False)
    repository.add_documents(
        repository.default_project(),
        [Document(name="aleppo", text=TEXT), Document(name="other", text="غارة على حلب")],
    )
    yield repository
    repository.close()


def _jsonl(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(
        "".join(json.dumps({"text": f"خبر رقم {i} عن حلب"}, ensure_ascii=False) + "\n"
                for i in range(n)),
        encoding="utf-8",
    )
    return path


def _count(repo: Repository) -> int:
    return len(repo.list_documents(repo.default_project()))


@pytest.mark.parametrize("at_task", ["reading", "checking"])
def test_an_import_cancelled_before_storing_stores_nothing(
    repo: Repository, tmp_path: Path, at_task: str
) -> None:
    cancellation = Cancellation()
    seen: list[str] = []

    def progress(task: str, done: int, total: int | None) -> None:
        seen.append(task)
        if task == at_task:
            cancellation.cancel()

    workspace = Workspace(repo, repo.default_project())
    with pytest.raises(Cancelled):
        workspace.import_files([_jsonl(tmp_path, 50)], progress=cancellation.watch(progress))
    assert "storing" not in seen
    assert _count(repo) == 2


def test_a_cancel_once_storing_started_lets_the_import_finish_whole(
    repo: Repository, tmp_path: Path
) -> None:
    cancellation = Cancellation()

    def progress(task: str, done: int, total: int | None) -> None:
        if task == "storing":
            cancellation.cancel()

    workspace = Workspace(repo, repo.default_project())
    report = workspace.import_files([_jsonl(tmp_path, 50)], progress=cancellation.watch(progress))
    assert len(report.added) == 50
    assert _count(repo) == 52
    assert cancellation.committing


def test_a_cancelled_split_export_leaves_no_folder(repo: Repository, tmp_path: Path) -> None:
    from annotator.formats.base import WriteOptions

    cancellation = Cancellation()

    def progress(task: str, done: int, total: int | None) -> None:
        if task == "writing" and done == 1:
            cancellation.cancel()  # after the first part was written into the temporary folder

    out = tmp_path / "dataset"
    with pytest.raises(Cancelled):
        Workspace(repo, repo.default_project()).export(
            fmt="conll", out=out, options=WriteOptions(), split=(50, 0, 50), seed=1,
            progress=cancellation.watch(progress),
        )
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name != "t.sqlite3"
            and not p.name.startswith("t.sqlite3")] == []


def _session(repo: Repository) -> AnnotationSession:
    session = AnnotationSession(repo, project_id=repo.default_project(), annotator="amal")
    by_name = {d.name: d.id for d in session.documents()}
    session.open(by_name["aleppo"])
    return session


def test_occurrences_skip_the_labeled_and_list_the_blocked(repo: Repository) -> None:
    session = _session(repo)
    stack = UndoStack(session.writer)
    airport = TEXT.index("مطار حلب")
    stack.push(session.add_command(airport, airport + len("مطار حلب"), "TARGET", exact=True))
    first = TEXT.index("حلب")
    stack.push(session.add_command(first, first + 3, "LOCATION"))
    source = next(s for s in session.spans if s.label == "LOCATION")
    assert source.id is not None
    workspace = Workspace(repo, repo.default_project())

    found = find_occurrences(session, workspace, source.id, "document")
    texts = [(TEXT[o.start : o.end], o.blocked_by) for o in found]
    assert texts == [("حلـب", ()), ("حلب", ()), ("حلب", ("TARGET",))]
    corpus = find_occurrences(session, workspace, source.id, "corpus")
    assert [o.document for o in corpus if o.applicable] == ["aleppo", "aleppo", "other"]


class FailingPort:
    """Wraps a real port; the n-th add_span fails as a store refusal would."""

    def __init__(self, port: object, fail_at: int) -> None:
        self._port = port
        self._fail_at = fail_at
        self._adds = 0

    def __getattr__(self, name: str) -> object:
        return getattr(self._port, name)

    def add_span(self, document_id: int, span: Span, **kwargs: object) -> Span:
        self._adds += 1
        if self._adds == self._fail_at:
            raise StoreFailure("disk full")
        result: Span = self._port.add_span(document_id, span, **kwargs)  # type: ignore[attr-defined]
        return result


def test_label_occurrences_that_fails_midway_takes_back_what_it_added(repo: Repository) -> None:
    session = _session(repo)
    first = TEXT.index("حلب")
    UndoStack(session.writer).push(session.add_command(first, first + 3, "LOCATION"))
    source = next(s for s in session.spans if s.label == "LOCATION")
    assert source.id is not None
    found = find_occurrences(session, Workspace(repo, repo.default_project()), source.id,
                             "corpus")
    command = label_occurrences_command(session, "LOCATION", found)
    assert isinstance(command, LabelOccurrences) and len(command.items) == 4
    before = {d.id: sorted(s.key for s in repo.get_document(d.id).spans)
              for d in repo.list_documents(repo.default_project())}
    with pytest.raises(StoreFailure):
        command.do(FailingPort(session.writer, fail_at=4))  # type: ignore[arg-type]
    after = {d.id: sorted(s.key for s in repo.get_document(d.id).spans)
             for d in repo.list_documents(repo.default_project())}
    assert after == before
    # The other document's status went back to "new" with its span.
    assert {d.name: d.status for d in repo.list_documents(repo.default_project())}["other"] == "new"


class ListQueue:
    """Stands in for the multiprocessing queue: the child's function runs in this process."""

    def __init__(self) -> None:
        self.items: list[tuple[object, ...]] = []

    def put(self, item: tuple[object, ...]) -> None:
        self.items.append(item)


def test_a_child_job_reports_progress_then_its_problems_and_stores_nothing(
    repo: Repository, tmp_path: Path
) -> None:
    import threading

    from annotator.services.child_jobs import ChildJob, rebuild, run_child_job
    from annotator.services.importing import ImportRefused

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "خبر", "spans": [{"start": 0, "end": 3, "label": "ORG"}]}\n',
                   encoding="utf-8")
    messages = ListQueue()
    job = ChildJob(repo.url, repo.default_project(), "import_files", {"paths": [bad]})
    run_child_job(job, messages, threading.Event())
    kinds = [m[0] for m in messages.items]
    assert kinds[0] == "progress" and kinds[-1] == "import refused"
    outcome, payload = rebuild(messages.items[-1])
    assert outcome == "failed" and isinstance(payload, ImportRefused)
    assert [(p.file, p.line) for p in payload.problems] == [(str(bad), 1)]
    assert _count(repo) == 2

    # Cancelled before it starts: it says so, and nothing is stored either.
    good = _jsonl(tmp_path, 5)
    messages = ListQueue()
    cancel = threading.Event()
    cancel.set()
    run_child_job(ChildJob(repo.url, repo.default_project(), "import_files", {"paths": [good]}),
                  messages, cancel)
    assert messages.items == [("cancelled",)]
    assert _count(repo) == 2
