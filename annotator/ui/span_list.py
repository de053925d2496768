"""The span list: the open document's spans in reading order; choosing one selects it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.ui.bridge import SessionBridge
from annotator.ui.models import SpanListModel


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
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideLeft)
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
