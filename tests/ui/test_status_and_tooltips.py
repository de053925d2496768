"""What the status bar and the hover tooltip tell, checked after real keys and events."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Callable

from conftest import ARTICLE, char_point, word
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from annotator.ui.main_window import MainWindow

FSI, PDI = "\u2068", "\u2069"


def test_status_bar_follows_the_caret_moved_by_keys(qtbot: QtBot, window: MainWindow) -> None:
    view = window.article
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    # Code points, not Qt positions: the article holds two surrogate pairs.
    assert view.caret_offset() == len(ARTICLE)
    assert window.selection_label.text() == f"Caret {len(ARTICLE)}"
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert window.selection_label.text() == "Caret 0"


def test_status_bar_shows_the_restored_caret(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    qtbot.keyClick(window.article, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    window.close()
    again = make_window()
    assert again.article.caret_offset() == len(ARTICLE)
    assert again.selection_label.text() == f"Caret {len(ARTICLE)}"


def test_tooltip_isolates_arabic_so_brackets_and_quotes_stay_in_place(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.article
    start, end = word(ARTICLE, "مدينة")
    view.select_range(start, end)
    qtbot.keyClick(view, Qt.Key.Key_3)
    point = char_point(view, start + 1)
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    # Without isolates the Unicode bidi algorithm pulls ")" and the quotes into the Arabic
    # run, and the line reads "(Location · (الموقع".
    assert f"{FSI}الموقع{PDI})" in text
    assert f"“{FSI}مدينة{PDI}”" in text


def test_after_choosing_a_document_row_the_keys_select_in_the_article(
    qtbot: QtBot, window: MainWindow
) -> None:
    table = window.documents.table
    rect = table.visualRect(window.documents.document_model.index(1, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.article.toPlainText() == "النص الثاني عن حلب"
    # The keys a person presses next go to the article, not to the list (where Ctrl+End
    # would move the highlight to a document that is not open).
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(focused, Qt.Key.Key_Left, ctrl_shift)
    # Qt's word move takes the space after "النص" too; labeling snaps it away.
    assert window.article.selection_range() == (0, 5)
    assert window.documents.table.currentIndex().row() == 1
