"""F6 and Shift+F6 move the keyboard between the window's panes (ui/panes.py)."""

from __future__ import annotations

from conftest import ARTICLE, word
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from annotator.store.repository import Repository
from annotator.ui.main_window import MainWindow


def _focused_in(window: MainWindow) -> QWidget:
    focused = QApplication.focusWidget()
    assert focused is not None
    for pane in (window.documents.table, window.article, window.span_list,
                 window.events_panel.tree):
        if focused is pane or pane.isAncestorOf(focused):
            return pane
    raise AssertionError(f"the focus is in no pane: {focused!r}")


def test_f6_walks_the_panes_round_and_shift_f6_walks_back(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    window.activateWindow()
    window.article.setFocus()
    qtbot.waitUntil(window.article.hasFocus)
    order = [window.span_list, window.events_panel.tree, window.documents.table,
             window.article]
    for expected in order:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        assert _focused_in(window) is expected
    for expected in (window.documents.table, window.events_panel.tree, window.span_list,
                     window.article):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6,
                       Qt.KeyboardModifier.ShiftModifier)
        assert _focused_in(window) is expected


def test_from_the_list_s_filter_f6_goes_on_from_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    window.documents.text_filter.setFocus()
    qtbot.waitUntil(window.documents.text_filter.hasFocus)
    qtbot.keyClick(window.documents.text_filter, Qt.Key.Key_F6)
    assert window.article.hasFocus()


def test_keys_act_where_f6_took_the_focus(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    # From the article to the span list and back, as a person would: the span labeled in the
    # article is the list's row, Delete in the article still deletes it.
    window.activateWindow()
    window.article.setFocus()
    window.article.select_range(*word(ARTICLE, "الطيران"))
    qtbot.keyClick(window.article, Qt.Key.Key_1)
    assert [s.text for s in window.bridge.session.spans] == ["الطيران"]
    qtbot.keyClick(window.article, Qt.Key.Key_F6)
    assert window.span_list.hasFocus()
    assert window.span_list.model().rowCount() == 1
    qtbot.keyClick(window.span_list, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.article.hasFocus()
    window.article.select_span(window.bridge.session.spans[0].id)
    qtbot.keyClick(window.article, Qt.Key.Key_Delete)
    assert [s.text for s in window.bridge.session.spans] == []
