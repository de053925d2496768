"""The document list: title, status and span count per document, filtered by status.

The model reads rows a page at a time as the table scrolls; choosing a document further down
(next document, a restored one) reads the list as far as that document in one query.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import DOC_STATUSES, DocStatus
from annotator.services.changes import (
    Change,
    DocumentOpened,
    DocumentReloaded,
    DocumentsChanged,
)
from annotator.ui.bridge import SessionBridge
from annotator.ui.models import DocumentListModel
from annotator.ui.texts import status_title


class DocumentListView(QWidget):
    """A status filter above the list of documents; a chosen row opens that document."""

    document_chosen = Signal(int)  # document id

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document_list")
        self.document_model = DocumentListModel(bridge, self)
        self.filter = QComboBox(self)
        self.filter.setObjectName("status_filter")
        self.filter.addItem("", None)
        for status in DOC_STATUSES:
            self.filter.addItem("", status)
        self.assigned = QCheckBox(self)
        self._retranslate_filter()
        self.table = QTableView(self)
        self.table.setModel(self.document_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # One line per document: a long title is cut, and shown whole in the tooltip.
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Size the columns from the rows on screen only: measuring every loaded row asked the
        # model for thousands of cells before the first paint.
        header.setResizeContentsPrecision(0)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        self.assigned.setObjectName("assigned_filter")
        self.assigned.toggled.connect(self.set_assigned_only)
        layout.addWidget(self.assigned)
        layout.addWidget(self.table)
        self._bridge = bridge
        self._syncing = False
        self.filter.currentIndexChanged.connect(self._on_filter_changed)
        self.table.clicked.connect(self._on_clicked)
        self.table.activated.connect(self._on_clicked)
        bridge.changed.connect(self._on_change)

    def _retranslate_filter(self) -> None:
        self.filter.setItemText(0, self.tr("All documents"))
        self.assigned.setText(self.tr("Assigned to me"))
        for index in range(1, self.filter.count()):
            title = status_title(str(self.filter.itemData(index)))
            self.filter.setItemText(index, title[:1].upper() + title[1:])

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_filter()
            self.document_model.retranslate()

    @property
    def status_filter(self) -> DocStatus | None:
        """The status shown (None: all)."""
        return self.document_model.status_filter

    def set_status_filter(self, status: DocStatus | None) -> None:
        """Show only documents with ``status`` (None: all)."""
        self.filter.setCurrentIndex(max(0, self.filter.findData(status)))

    def set_assigned_only(self, on: bool) -> None:
        """Show only the documents assigned to the annotator (or all again)."""
        self.assigned.setChecked(on)
        self._bridge.session.assigned_only = on
        self.document_model.refresh()
        self.show_document(self._bridge.session.document_id)

    def show_document(self, document_id: int | None) -> None:
        """Select the row of ``document_id`` without announcing it back."""
        row = self.document_model.ensure_loaded(document_id) if document_id is not None else None
        self._syncing = True
        try:
            if row is None:
                self.table.clearSelection()
                return
            index = self.document_model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        finally:
            self._syncing = False

    def _on_change(self, change: Change) -> None:
        # After the model (connected first) has its rows: select the open document's.
        if isinstance(change, DocumentOpened | DocumentReloaded | DocumentsChanged):
            self.show_document(self._bridge.session.document_id)

    def _on_filter_changed(self, index: int) -> None:
        self.document_model.set_status_filter(self.filter.itemData(index))
        self.show_document(self._bridge.session.document_id)

    def _on_clicked(self, index: QModelIndex) -> None:
        if self._syncing or not index.isValid():
            return
        document_id = self.document_model.document_at(index.row()).id
        if document_id != self._bridge.session.document_id:
            self.document_chosen.emit(document_id)
