"""The window completes the corpus search index in small batches, between its other work."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from annotator.core.model import Document
from annotator.core.token_template import TEMPLATE_VERSION
from annotator.services.changes import DocumentsChanged, StatusChanged
from annotator.services.searching import search_corpus
from annotator.store.repository import Repository
from annotator.ui import search_index
from annotator.ui.app import (
    application,
    background_completion,
    index_after_imports,
    index_pending,
)
from annotator.ui.search_index import SearchIndexCompleter


def test_pending_documents_are_indexed_a_batch_per_turn(
    qtbot: QtBot, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    application()
    project = repo.default_project()
    repo.add_documents(project, [Document(name=f"more-{i}", text=f"خبر رقم {i} عن حلب")
                                 for i in range(7)])
    assert repo.search_pending() == 10  # the fixture's three and these seven
    calls: list[int] = []
    real = repo.index_pending

    def counted(limit: int | None = None) -> int:
        moved = real(limit)
        calls.append(moved)
        return moved

    monkeypatch.setattr(repo, "index_pending", counted)

    monkeypatch.setattr(search_index, "BATCH", 4)
    completer = SearchIndexCompleter(lambda n: index_pending(repo, n))
    completer.start()
    assert calls == []  # nothing until the event loop turns
    qtbot.waitUntil(lambda: not completer.running)
    assert calls == [4, 4, 2, 0]
    assert repo.search_pending() == 0
    # The same hits as before, now from the index.
    assert [h.document for h in search_corpus(repo, "حلب")] == [
        "second", *(f"more-{i}" for i in range(7))]


def test_after_the_index_the_window_makes_the_token_templates(
    qtbot: QtBot, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    application()
    project = repo.default_project()
    repo.add_documents(project, [Document(name=f"more-{i}", text=f"خبر رقم {i} عن حلب.")
                                 for i in range(7)])
    assert repo.missing_token_templates(project, version=TEMPLATE_VERSION) == 10
    made: list[int] = []
    real = repo.fill_token_templates

    def counted(*, version: int, limit: int = 200, after: int = 0) -> tuple[int, int]:
        assert repo.search_pending() == 0  # the index first: searches need it more
        n, last = real(version=version, limit=limit, after=after)
        made.append(n)
        return n, last

    monkeypatch.setattr(repo, "fill_token_templates", counted)
    monkeypatch.setattr(search_index, "BATCH", 4)
    completer = SearchIndexCompleter(background_completion(repo))
    completer.start()
    qtbot.waitUntil(lambda: not completer.running)
    assert made == [4, 4, 2, 0]
    assert repo.missing_token_templates(project, version=TEMPLATE_VERSION) == 0
    # Documents imported later get theirs when the completer starts again.
    repo.add_documents(project, [Document(name="late", text="قصف في حمص.")])
    index_after_imports(DocumentsChanged(), completer)
    qtbot.waitUntil(lambda: not completer.running)
    assert repo.missing_token_templates(project, version=TEMPLATE_VERSION) == 0


def test_documents_added_later_are_indexed_too(
    qtbot: QtBot, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An import while the window is open (here or from another process) is seen as
    # DocumentsChanged; its documents must not stay pending until the next start.
    application()
    project = repo.default_project()
    completer = SearchIndexCompleter(lambda n: index_pending(repo, n))
    completer.start()
    qtbot.waitUntil(lambda: not completer.running)
    assert repo.search_pending() == 0
    repo.add_documents(project, [Document(name="late", text="قصف في حمص")])
    assert repo.search_pending() == 1
    index_after_imports(StatusChanged(document_id=1, status="done", before="new"), completer)
    assert not completer.running  # other changes do not start it
    index_after_imports(DocumentsChanged(), completer)
    qtbot.waitUntil(lambda: not completer.running)
    assert repo.search_pending() == 0
