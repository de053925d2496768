"""The document list: title, status and span count per document, filtered and sorted.

Filters: the annotator's own status, text (folded, as ``annotator search``: through the
corpus search index), "has label X", "assigned to me". A click on a column title sorts by it
(again: the other way). The model reads rows a page at a time as the table scrolls; choosing
a document further down (next document, a restored one) reads the list as far as that
document in one query.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.listing import DocumentQuery
from annotator.core.model import DOC_STATUSES, DocStatus, LabelSchema
from annotator.services.changes import (
    Change,
    DocumentOpened,
    DocumentReloaded,
    DocumentsChanged,
)
from annotator.ui.bridge import SessionBridge
from annotator.ui.models import DocumentListModel
from annotator.ui.texts import label_title, status_title

# Typing pauses this long before the list is read again: one query per word, not per key.
_TYPING_PAUSE_MS = 250


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
        self.text_filter = QLineEdit(self)
        self.text_filter.setObjectName("text_filter")
        self.text_filter.setClearButtonEnabled(True)
        self.label_filter = QComboBox(self)
        self.label_filter.setObjectName("label_filter")
        self.label_filter.addItem("", None)
        for name in bridge.session.schema.names:
            self.label_filter.addItem("", name)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(_TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._apply_text)
        self._retranslate_filter()
        self.table = QTableView(self)
        header = self.table.horizontalHeader()
        # A click on a column title sorts by it (the model reads the list again, in pages).
        # Turned on before the model is set: turning it on over a model sorts it, which
        # would read the list a second time before the window is first drawn.
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setModel(self.document_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # One line per document: a long title is cut, and shown whole in the tooltip.
        self.table.setWordWrap(False)
        # Widths from the widest text each column can show, measured once (and again when
        # the language or the project's size changes): sizing to contents asked the model for
        # every cell on screen whenever the rows or the selection changed, thousands of calls
        # before the first paint. The title takes the rest; a column can still be dragged.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._fitted: dict[int, int] = {}
        self._fit_columns()
        self.document_model.modelReset.connect(self._fit_columns)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_filter)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.label_filter, 1)
        layout.addLayout(row)
        self.assigned.setObjectName("assigned_filter")
        self.assigned.toggled.connect(self.set_assigned_only)
        layout.addWidget(self.assigned)
        layout.addWidget(self.table)
        self._bridge = bridge
        self._syncing = False
        self.filter.currentIndexChanged.connect(self._on_filter_changed)
        self.label_filter.currentIndexChanged.connect(self._on_label_changed)
        self.text_filter.textChanged.connect(lambda _text: self._typing.start())
        self.text_filter.returnPressed.connect(self._apply_text)
        header.sortIndicatorChanged.connect(lambda *_: self._reselect())
        self.table.clicked.connect(self._on_clicked)
        self.table.activated.connect(self._on_clicked)
        bridge.changed.connect(self._on_change)

    def _retranslate_filter(self) -> None:
        self.filter.setItemText(0, self.tr("All documents"))
        self.assigned.setText(self.tr("Assigned to me"))
        self.text_filter.setPlaceholderText(self.tr("Filter by text…"))
        self.label_filter.setItemText(0, self.tr("Any label"))
        schema = self._schema()
        for index in range(1, self.label_filter.count()):
            self.label_filter.setItemText(
                index, self.tr("Has {label}").format(
                    label=label_title(schema, str(self.label_filter.itemData(index)))))
        for index in range(1, self.filter.count()):
            title = status_title(str(self.filter.itemData(index)))
            self.filter.setItemText(index, title[:1].upper() + title[1:])

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_filter()
            self.document_model.retranslate()
            self._fit_columns()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_columns()  # the same texts, measured in the new font

    def widest_texts(self) -> dict[int, str]:
        """The widest text of each column but the title's: the last document's place, a
        status, a four-digit span count (a larger one is elided; the column can be widened)."""
        statuses = [status_title(s) for s in DOC_STATUSES]
        digits = len(str(max(self.document_model.project_size, 1)))
        return {0: "8" * digits, 2: max(statuses, key=len), 3: "8888"}

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        cells = self.table.fontMetrics()
        titles = header.fontMetrics()
        # The margins Qt's own sizing adds: the cell's focus frame; the title's margins and
        # its sort arrow.
        style = self.table.style()
        margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                        self.table) + 1)
        title_margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        model = self.document_model
        for column, text in self.widest_texts().items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            width = max(cells.horizontalAdvance(text) + margin,
                        titles.horizontalAdvance(title) + 3 * title_margin + arrow)
            # Only when the width needed changed: a column the annotator widened stays so.
            if self._fitted.get(column) != width:
                self._fitted[column] = width
                header.resizeSection(column, width)

    def _schema(self) -> LabelSchema:
        return self.document_model.bridge_schema()

    @property
    def query(self) -> DocumentQuery:
        """The list's filters and order (next/previous document follow them)."""
        return self.document_model.query

    def set_text_filter(self, text: str) -> None:
        """Show only documents whose folded title or text holds ``text`` ("" : all)."""
        self.text_filter.setText(text)
        self._apply_text()

    def set_label_filter(self, label: str | None) -> None:
        """Show only documents with a span of ``label`` (None: all)."""
        self.label_filter.setCurrentIndex(max(0, self.label_filter.findData(label)))

    def sort_by(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort as a click on the column title does."""
        self.table.horizontalHeader().setSortIndicator(column, order)

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

    def _reselect(self) -> None:
        # After a new order or filter: the open document's row if it is on the first page.
        # Reading the list as far as the open document could read all of it (it may be last
        # in the new order); next/previous and the place shown find it without that.
        document_id = self._bridge.session.document_id
        self.show_document(document_id, read_to_it=False)

    def show_document(self, document_id: int | None, *, read_to_it: bool = True) -> None:
        """Select the row of ``document_id`` without announcing it back (reading the list as
        far as it unless ``read_to_it`` is False)."""
        model = self.document_model
        if document_id is None:
            row = None
        else:
            row = model.ensure_loaded(document_id) if read_to_it else model.row_of(document_id)
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

    def _apply_text(self) -> None:
        self._typing.stop()
        text = self.text_filter.text().strip()
        if text != self.document_model.query.text:
            self.document_model.set_query(replace(self.document_model.query, text=text))
            self._reselect()

    def _on_label_changed(self, index: int) -> None:
        self.document_model.set_query(
            replace(self.document_model.query, label=self.label_filter.itemData(index)))
        self._reselect()

    def _on_clicked(self, index: QModelIndex) -> None:
        if self._syncing or not index.isValid():
            return
        document_id = self.document_model.document_at(index.row()).id
        if document_id != self._bridge.session.document_id:
            self.document_chosen.emit(document_id)
