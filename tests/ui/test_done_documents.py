"""A done document can be set back to in progress; editing one does so, visibly and undoably."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from conftest import ARTICLE, word
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.store.repository import Repository
from annotator.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def status(repo: Repository, window: MainWindow) -> str:
    document_id = window.bridge.session.document_id
    assert document_id is not None
    return repo.get_document(document_id).status


def mark_done_and_come_back(qtbot: QtBot, window: MainWindow) -> None:
    view = window.article
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)  # done, and on to the next document
    qtbot.keyClick(view, Qt.Key.Key_PageUp, CTRL)  # back to it
    assert window.windowTitle().startswith("first (done)")


def test_a_done_document_is_set_back_to_in_progress_by_its_action(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    mark_done_and_come_back(qtbot, window)
    assert status(repo, window) == "done"
    qtbot.keyClick(window.article, Qt.Key.Key_P, CTRL | SHIFT)
    assert status(repo, window) == "in_progress"
    assert window.windowTitle().startswith("first (in progress)")
    qtbot.keyClick(window.article, Qt.Key.Key_Z, CTRL)
    assert status(repo, window) == "done"


def test_editing_a_done_document_moves_it_back_to_in_progress_and_undo_restores(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    mark_done_and_come_back(qtbot, window)
    view = window.article
    view.select_range(*word(ARTICLE, "الطيران"))
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert status(repo, window) == "in_progress"
    assert window.windowTitle().startswith("first (in progress)")
    assert window.statusBar().currentMessage().startswith("This document was done")
    model = window.documents.document_model
    row = model.row_of(window.bridge.session.document_id or -1)
    assert row is not None and model.data(model.index(row, 2)) == "in progress"
    # One undo takes back the span and the status together (one edit, one transaction).
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert status(repo, window) == "done"
    document_id = window.bridge.session.document_id
    assert document_id is not None
    assert repo.get_document(document_id).spans == ()
