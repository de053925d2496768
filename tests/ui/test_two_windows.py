"""Two windows on one SQLite file: a late edit is refused visibly, outside changes show up."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import ARTICLE, word
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from annotator.services.session import AnnotationSession
from annotator.store.db import open_database
from annotator.store.repository import Repository
from annotator.ui.main_window import MainWindow


@pytest.fixture
def other_window(qtbot: QtBot, repo: Repository, tmp_path: Path) -> Iterator[MainWindow]:
    """A second window with its own connection to the same file, not shown active."""
    path = str(tmp_path / "t.sqlite3")
    second = open_database(path)
    session = AnnotationSession(second, project_id=second.default_project(), annotator="amal")
    settings = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session, settings=settings, database=path)
    qtbot.addWidget(window)
    yield window
    window.close()
    second.close()


def stored(repo: Repository, window: MainWindow) -> list[tuple[str, str]]:
    document_id = window.bridge.session.document_id
    assert document_id is not None
    return sorted((s.label, s.text) for s in repo.get_document(document_id).spans)


def shown(window: MainWindow) -> list[str]:
    return [s.text for s in window.bridge.session.spans]


def test_a_late_edit_is_refused_said_and_the_other_change_shown(
    qtbot: QtBot, make_window: Callable[[], MainWindow], other_window: MainWindow,
    repo: Repository,
) -> None:
    window = make_window()  # the active one
    window.change_timer.stop()  # it must not look before its edit: the edit comes too late
    view = window.article
    # The other window labels a word (its own edit, through its own connection).
    other_window.article.select_range(*word(ARTICLE, "الطيران"))
    assert other_window.article.apply_label("ACTOR") == "labeled"
    # This window has not looked yet: its edit comes too late.
    view.select_range(*word(ARTICLE, "مدينة"))
    with qtbot.waitSignal(window.bridge.conflict_detected):
        qtbot.keyClick(view, Qt.Key.Key_3)
    assert stored(repo, window) == [("ACTOR", "الطيران")]
    assert window.statusBar().currentMessage().startswith("Someone else changed this document")
    assert shown(window) == ["الطيران"]
    assert window.span_list.span_model.rowCount() == 1
    # Repeated, the edit is saved.
    view.select_range(*word(ARTICLE, "مدينة"))
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert stored(repo, window) == [("ACTOR", "الطيران"), ("LOCATION", "مدينة")]


def test_outside_changes_show_up_on_activation_and_by_the_timer(
    qtbot: QtBot, make_window: Callable[[], MainWindow], other_window: MainWindow,
    repo: Repository,
) -> None:
    window = make_window()
    other_window.article.select_range(*word(ARTICLE, "الطيران"))
    assert other_window.article.apply_label("ACTOR") == "labeled"
    assert shown(window) == []
    # Activated again (the annotator comes back to this window): the change is there.
    other_window.show()
    other_window.activateWindow()
    qtbot.waitUntil(other_window.isActiveWindow)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert shown(window) == ["الطيران"]
    assert window.statusBar().currentMessage().startswith("This document was changed elsewhere")
    # Without any focus change, the timer finds the next one.
    window.change_timer.setInterval(50)
    other_window.article.select_range(*word(ARTICLE, "SY24"))
    assert other_window.article.apply_label("ACTOR") == "labeled"
    qtbot.waitUntil(lambda: shown(window) == ["الطيران", "SY24"])
    # The document list follows a status set elsewhere on another document.
    other = window.bridge.session.documents()[1].id
    other_window.documents.document_chosen.emit(other)
    assert other_window.bridge.session.document_id == other
    assert other_window.bridge.execute(other_window.bridge.session.status_command("done"))
    model = window.documents.document_model
    row = model.row_of(other)
    assert row is not None
    qtbot.waitUntil(lambda: model.data(model.index(row, 2)) == "done")
    # And the span counts: this window's document now has two spans in the list.
    here = model.row_of(window.bridge.session.document_id or -1)
    assert here is not None
    assert model.data(model.index(here, 3)) == "2"


def test_the_timer_sees_an_edit_made_by_another_process(
    qtbot: QtBot, make_window: Callable[[], MainWindow], repo: Repository, tmp_path: Path,
) -> None:
    window = make_window()
    window.change_timer.setInterval(50)
    document_id = window.bridge.session.document_id
    start = ARTICLE.index("مدينة")
    # Another program on the same file: its own process, connection and transaction.
    code = (
        "from annotator.core.model import make_span\n"
        "from annotator.store.db import open_database\n"
        f"repo = open_database({str(tmp_path / 't.sqlite3')!r})\n"
        f"text = repo.get_document({document_id}).text\n"
        f"repo.add_span({document_id}, make_span(text, {start}, {start + 5}, 'LOCATION'),"
        " annotator='amal')\n"
        "repo.close()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
    qtbot.waitUntil(lambda: shown(window) == ["مدينة"], timeout=10_000)
    model = window.documents.document_model
    here = model.row_of(document_id or -1)
    assert here is not None
    qtbot.waitUntil(lambda: model.data(model.index(here, 3)) == "1")
