"""The span list: Arabic text elided at the end of its reading, full text in a tooltip."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QSplitter, QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from annotator.ui.main_window import MainWindow
from annotator.ui.span_list import SpanListView

LONG = "الحرس الثوري SY24 قرب دير الزور"


def _label_long_span(qtbot: QtBot, window: MainWindow) -> int:
    view = window.article
    text = window.bridge.session.text
    start = text.index("الحرس")
    view.select_range(start, text.index("الزور") + len("الزور"))
    qtbot.keyClick(view, Qt.Key.Key_2)
    rows = window.span_list.span_model.rowCount()
    assert rows == 1
    return 0


def _narrow(qtbot: QtBot, window: MainWindow, width: int) -> None:
    splitter = window.centralWidget()
    assert isinstance(splitter, QSplitter)
    sizes = splitter.sizes()
    splitter.setSizes([sizes[0], sizes[1] + sizes[2] - width, width])
    qtbot.waitUntil(lambda: window.span_list.width() <= width + 2)


def _option(view: SpanListView, index: QModelIndex) -> QStyleOptionViewItem:
    """What the cell draws: the delegate's option, as the view gives it to the style."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    delegate = view.itemDelegateForIndex(index)
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, index)
    return option


def test_arabic_text_is_elided_at_its_end_with_the_full_text_in_a_tooltip(
    qtbot: QtBot, window: MainWindow
) -> None:
    row = _label_long_span(qtbot, window)
    _narrow(qtbot, window, 170)
    view = window.span_list
    index = view.span_model.index(row, 1)
    assert view.span_model.data(index) == LONG
    option = _option(view, index)
    width = view.columnWidth(1) - 8
    assert QFontMetrics(option.font).horizontalAdvance(LONG) > width, "the cell must be narrow"
    shown = QFontMetrics(option.font).elidedText(option.text, option.textElideMode, width)
    # The beginning of the reading stays, the end gives way: "الحرس الثو…", not "…قرب دير الزور".
    assert shown.startswith("الحرس") and shown.endswith("…")
    assert option.direction == Qt.LayoutDirection.RightToLeft
    tooltip = view.span_model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert LONG in tooltip


def test_the_label_column_shows_the_whole_label_name(qtbot: QtBot, window: MainWindow) -> None:
    row = _label_long_span(qtbot, window)
    _narrow(qtbot, window, 120)
    view = window.span_list
    index = view.span_model.index(row, 0)
    assert view.span_model.data(index) == "TARGET"
    option = _option(view, index)
    needed = QFontMetrics(option.font).horizontalAdvance("TARGET") + option.decorationSize.width()
    assert view.columnWidth(0) >= needed
