"""The span list: the open document's spans in reading order; choosing one selects it."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from annotator.ui.bridge import SessionBridge
from annotator.ui.models import SpanListModel


def reads_right_to_left(text: str) -> bool:
    """True when the first letter of ``text`` (its first strong character) is right to left."""
    for ch in text:
        direction = unicodedata.bidirectional(ch)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


class ReadingDirectionDelegate(QStyledItemDelegate):
    """Draws a cell in its text's own direction and elides it at the end of its reading.

    A right-to-left text is laid out right to left from the cell's right edge, so a long one
    shows its beginning and loses its end, with the ellipsis on the left ("الميليشيات المدعو…"),
    not the other way round ("…ت المدعومة من إيران").
    """

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        # The end of the text, whatever its direction: ElideRight cuts the logical end.
        option.textElideMode = Qt.TextElideMode.ElideRight
        if reads_right_to_left(option.text):
            option.direction = Qt.LayoutDirection.RightToLeft
            # Leading alignment: the right edge in a right-to-left cell.
            option.displayAlignment = (
                Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
            )


class SpanListView(QTableView):
    """Lists spans as (label, text); a chosen row is announced with ``span_chosen``."""

    span_chosen = Signal(int)  # span id

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("span_list")
        self.span_model = SpanListModel(bridge, self)
        self.setModel(self.span_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        # The Label column always fits its names; only the text column gives way.
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setWordWrap(False)
        self.text_delegate = ReadingDirectionDelegate(self)
        self.setItemDelegateForColumn(1, self.text_delegate)
        self._syncing = False
        # Only the annotator's own moves announce a span (a click, keys in the list): a row
        # that becomes current because the model changed (a span relabeled or deleted) must
        # not select a span nobody chose.
        self.clicked.connect(self._on_clicked)

    def show_span(self, span_id: int | None) -> None:
        """Select the row of ``span_id`` (None: clear) without announcing it back."""
        self._syncing = True
        try:
            row = self.span_model.row_of(span_id) if span_id is not None else None
            if row is None:
                self.clearSelection()
                return
            index = self.span_model.index(row, 0)
            self.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.scrollTo(index)
        finally:
            self._syncing = False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.span_model.retranslate()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        before = self.currentIndex().row()
        super().keyPressEvent(event)
        current = self.currentIndex()
        if current.isValid() and current.row() != before:
            self._announce(current.row())

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self._announce(index.row())

    def _announce(self, row: int) -> None:
        span_id = self.span_model.span_at(row).id
        if span_id is not None:
            self.span_chosen.emit(span_id)
