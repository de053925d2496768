"""Edits land on the span the annotator chose: relabel, delete, long selections, resizing.

Driven with keys and the mouse from outside, on the seed articles; every result is read back
from the database.
"""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import caret_point, char_point, word
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.core.model import Document
from annotator.store.db import open_database
from annotator.store.repository import Repository
from annotator.ui.article_view import ArticleView
from annotator.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def repo(tmp_path: Path, seed_texts: dict[str, str]) -> Iterator[Repository]:
    repository = open_database(str(tmp_path / "t.sqlite3"), seed_demo=False)
    repository.add_documents(
        repository.default_project(),
        [Document(name=name, text=text) for name, text in sorted(seed_texts.items())[:2]],
    )
    yield repository
    repository.close()


def stored(repo: Repository, window: MainWindow) -> list[tuple[str, str]]:
    document_id = window.bridge.session.document_id
    assert document_id is not None
    return [(s.label, s.text) for s in repo.get_document(document_id).spans]


def open_named(qtbot: QtBot, window: MainWindow, prefix: str) -> str:
    """Open the seed whose name starts with ``prefix`` from the document list; its text."""
    docs = window.bridge.session.documents()
    target = next(d for d in docs if d.name.startswith(prefix))
    if window.bridge.session.document_id != target.id:
        table = window.documents.table
        row = window.documents.document_model.row_of(target.id)
        assert row is not None
        rect = table.visualRect(window.documents.document_model.index(row, 1))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    window.article.setFocus()
    return window.bridge.session.text


def selected_text(window: MainWindow) -> str | None:
    span_id = window.article.selected_span
    return None if span_id is None else window.bridge.session.span(span_id).text


def test_keys_after_labeling_relabel_the_same_span(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    text = open_named(qtbot, window, "001")
    # The neighbour first: "قوات التحالف" as ACTOR.
    view.select_range(*word(text, "قوات التحالف"))
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    # Ctrl+Home, Ctrl+Left x7, Ctrl+Shift+Left: "القصف" (Left is forward right to left).
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
    for _ in range(7):
        qtbot.keyClick(view, Qt.Key.Key_Left, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Left, CTRL | SHIFT)
    selection = view.selection_range()
    assert selection is not None
    assert window.bridge.session.snap(*selection) == word(text, "القصف")
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_4):
        qtbot.keyClick(view, key)
    assert sorted(stored(repo, window)) == [("ACTOR", "قوات التحالف"), ("DATE", "القصف")]
    assert selected_text(window) == "القصف"


def test_clicked_span_stays_selected_after_relabel(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    text = open_named(qtbot, window, "000")
    assert text[204:232] == "الميليشيات المدعومة من إيران"
    for start, end in ((204, 232), (251, 265)):
        view.select_range(start, end)
        qtbot.keyClick(view, Qt.Key.Key_2)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(view, 210))
    assert selected_text(window) == text[204:232]
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert sorted(stored(repo, window)) == [("ACTOR", text[204:232]), ("TARGET", text[251:265])]
    assert selected_text(window) == text[204:232]
    assert window.selection_label.text().startswith("ACTOR 204–232")


def test_after_delete_nothing_is_selected_and_a_second_delete_does_nothing(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    text = open_named(qtbot, window, "000")
    for start, end in ((204, 232), (251, 265)):
        view.select_range(start, end)
        qtbot.keyClick(view, Qt.Key.Key_2)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(view, 210))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored(repo, window) == [("TARGET", text[251:265])]
    assert view.selected_span is None
    assert window.span_list.selectionModel().selectedRows() == []
    assert 204 <= view.caret_offset() <= 232
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored(repo, window) == [("TARGET", text[251:265])]


def _answer_next_question(qtbot: QtBot, button: QMessageBox.StandardButton) -> list[str]:
    """Press ``button`` in the next question box that opens; returns the questions seen."""
    seen: list[str] = []
    tries = [100]  # two seconds at most, then no box came

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        clicked = box.button(button)
        assert clicked is not None
        qtbot.mouseClick(clicked, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    return seen


def test_label_key_on_several_sentences_asks_first(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    text = open_named(qtbot, window, "000")
    qtbot.keyClick(view, Qt.Key.Key_A, CTRL)
    seen = _answer_next_question(qtbot, QMessageBox.StandardButton.No)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert len(seen) == 1 and "sentences" in seen[0]
    assert stored(repo, window) == []
    # Answered yes, the long span is made.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(view, Qt.Key.Key_A, CTRL)
    seen = _answer_next_question(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert len(seen) == 1
    assert [label for label, _ in stored(repo, window)] == ["ACTOR"]
    assert len(stored(repo, window)[0][1]) > len(text) * 0.9
    # One sentence asks nothing.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.select_range(*word(text, "الميليشيات المدعومة"))
    seen = _answer_next_question(qtbot, QMessageBox.StandardButton.No)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert ("TARGET", "الميليشيات المدعومة") in stored(repo, window)
    assert seen == []


def _label_and_select(qtbot: QtBot, view: ArticleView, start: int, end: int) -> None:
    view.select_range(start, end)
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert view.selected_span is not None


def test_shift_arrows_move_the_end_of_the_selected_span(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    text = open_named(qtbot, window, "001")
    start, end = word(text, "ديرالزور")
    _label_and_select(qtbot, view, start, end)
    # Right to left: Left is where the text goes on, so Shift+Left grows the span's end.
    qtbot.keyClick(view, Qt.Key.Key_Left, SHIFT)
    assert stored(repo, window) == [("LOCATION", text[start : end + 2])]  # the space skipped
    qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT)
    assert stored(repo, window) == [("LOCATION", "ديرالزور")]
    # By token: Ctrl+Shift+Left takes the next word whole, Ctrl+Shift+Right gives it back.
    qtbot.keyClick(view, Qt.Key.Key_Left, CTRL | SHIFT)
    assert stored(repo, window) == [("LOCATION", "ديرالزور وريفها")]
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | SHIFT)
    assert stored(repo, window) == [("LOCATION", "ديرالزور")]
    qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT)
    assert stored(repo, window) == [("LOCATION", "ديرالزو")]
    assert selected_text(window) == "ديرالزو"
    # One undo per step, the span keeps its id throughout.
    span_id = view.selected_span
    for expected in ("ديرالزور", "ديرالزور وريفها", "ديرالزور"):
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
        assert stored(repo, window) == [("LOCATION", expected)]
    assert [s.id for s in window.bridge.session.spans] == [span_id]


def test_dragging_an_edge_of_the_selected_span_moves_it(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    text = open_named(qtbot, window, "001")
    start, end = word(text, "قوات التحالف")
    _label_and_select(qtbot, view, start, end)
    viewport = view.viewport()
    # Grab the end edge (left side, right to left) and drag it past "الدولي".
    new_end = word(text, "قوات التحالف الدولي")[1]
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=caret_point(view, end))
    qtbot.mouseMove(viewport, caret_point(view, new_end))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=caret_point(view, new_end))
    assert stored(repo, window) == [("LOCATION", "قوات التحالف الدولي")]
    # The start edge (right side), one word on.
    new_start = word(text, "التحالف الدولي")[0]
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=caret_point(view, start))
    qtbot.mouseMove(viewport, caret_point(view, new_start) + QPoint(0, 1))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=caret_point(view, new_start))
    assert stored(repo, window) == [("LOCATION", "التحالف الدولي")]
    assert view.textCursor().hasSelection() is False
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert stored(repo, window) == [("LOCATION", "قوات التحالف الدولي")]
