"""Qt item models over the session: the open document's spans, and the project's documents."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from annotator.core.date_spans import is_date
from annotator.core.dates import DateValue
from annotator.core.listing import Cursor, DocumentQuery, SortKey, comes_after, cursor_of
from annotator.core.model import DocStatus, Document, LabelSchema, Span
from annotator.services.changes import (
    Change,
    DateSet,
    DocumentOpened,
    DocumentReloaded,
    DocumentsChanged,
    SpanAdded,
    SpanChanged,
    SpanRemoved,
    StatusChanged,
)
from annotator.services.session import reading_order
from annotator.ui.bridge import SessionBridge
from annotator.ui.i18n import QT_TRANSLATE_NOOP, isolate

# STATUS_TITLES is kept importable from here, where it used to live.
from annotator.ui.texts import STATUS_TITLES as STATUS_TITLES
from annotator.ui.texts import date_value_title, label_title, status_title

_Index = QModelIndex | QPersistentModelIndex
SPAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2

# Right-aligned whatever the layout direction: Arabic text reads from the right in an English
# window too, and Qt mirrors a plain AlignRight in a right-to-left one.
_ALIGN_RIGHT = int(
    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
)


class _TableModel(QAbstractTableModel):
    """A flat table with fixed column titles (the part both list models share)."""

    COLUMNS: tuple[str, ...] = ()

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Columns", self.COLUMNS[section])
        return None

    def retranslate(self) -> None:
        """The interface language changed: column titles and cells are shown again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rowCount() > 0:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, len(self.COLUMNS) - 1)
            )


class SpanListModel(_TableModel):
    """The open document's spans in reading order: label, then text."""

    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "Label"), QT_TRANSLATE_NOOP("Columns", "Text"))

    def __init__(self, bridge: SessionBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._spans: list[Span] = list(bridge.session.spans)
        bridge.changed.connect(self._on_change)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._spans)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._spans):
            return None
        span = self._spans[index.row()]
        column = index.column()
        schema = self._bridge.session.schema
        suggested = span.origin == "suggested"
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                # A suggestion says so in words, not only by the article's hatching.
                mark = " ?" if suggested else ""
                # A date shows its value beside its label: checked at a glance down the list.
                title = label_title(schema, span.label)
                if is_date(schema, span.label):
                    value = DateValue.from_attrs(span.attrs)
                    shown = isolate(value.value) if value is not None else "?"
                    return f"{title}{mark} {shown}"
                return f"{title}{mark}"
            return span.text.replace("\n", " ")
        if role == Qt.ItemDataRole.FontRole and suggested:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return QColor(self._bridge.session.schema.label(span.label).color)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            # Arabic reads from the right: the text column is right-aligned like the article.
            return _ALIGN_RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            label = label_title(schema, span.label)
            tip = f"{label}  {isolate(f'{span.start}–{span.end}')}\n{span.text}"
            if is_date(schema, span.label):
                tip += "\n" + QCoreApplication.translate("Columns", "date value: {value}").format(
                    value=date_value_title(span.attrs)
                )
            if suggested:
                tip += "\n" + QCoreApplication.translate(
                    "Columns", "Suggested ({source}, score {score}): A accepts, X rejects"
                ).format(source=span.attrs.get("source", "?"), score=span.attrs.get("score", "?"))
            return tip
        if role == SPAN_ID_ROLE:
            return span.id
        return None

    def span_at(self, row: int) -> Span:
        """The span shown in ``row``."""
        return self._spans[row]

    def row_of(self, span_id: int) -> int | None:
        """The row showing span ``span_id``, if any."""
        for row, span in enumerate(self._spans):
            if span.id == span_id:
                return row
        return None

    def _on_change(self, change: Change) -> None:
        match change:
            case DocumentOpened() | DocumentReloaded():
                self._on_document_opened(change.document)
            case SpanAdded(span=span):
                self._on_span_added(span)
            case SpanRemoved(span=span):
                self._on_span_removed(span)
            case SpanChanged(old=old, new=new) | DateSet(old=old, new=new):
                self._on_span_changed(old, new)

    def _on_document_opened(self, document: Document) -> None:
        self.beginResetModel()
        self._spans = list(self._bridge.session.spans)
        self.endResetModel()

    def _on_span_added(self, span: Span) -> None:
        row = bisect.bisect_left([reading_order(s) for s in self._spans], reading_order(span))
        self.beginInsertRows(QModelIndex(), row, row)
        self._spans.insert(row, span)
        self.endInsertRows()

    def _on_span_removed(self, span: Span) -> None:
        row = self.row_of(span.id) if span.id is not None else None
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._spans[row]
        self.endRemoveRows()

    def _on_span_changed(self, old: Span, new: Span) -> None:
        row = self.row_of(old.id) if old.id is not None else None
        if row is not None:
            orders = [reading_order(s) for i, s in enumerate(self._spans) if i != row]
            if bisect.bisect_left(orders, reading_order(new)) == row:
                # Same place in reading order: the row changes in place (its selection stays).
                self._spans[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                return
        self._on_span_removed(old)
        self._on_span_added(new)


@dataclass(slots=True)
class DocumentRow:
    """One line of the document list (a mutable copy of the store's summary)."""

    id: int
    name: str
    status: DocStatus
    span_count: int
    position: int
    title: str
    # The row's place in the list's order as it was read: pages continue after it even when
    # an edit has since changed the count or status shown (the row does not move).
    key: Cursor = ()


class DocumentListModel(_TableModel):
    """The project's documents with status and span count, filtered and sorted.

    Rows are read a page at a time as the view scrolls (``canFetchMore``/``fetchMore``, keyset
    pages of PAGE rows after the cursor of the last row), so opening, filtering, sorting and
    moving on cost the same in a project of ten documents or of a hundred thousand. "#" is the
    document's position in the project. The status shown is the annotator's own.
    """

    COLUMNS = (
        "#",
        QT_TRANSLATE_NOOP("Columns", "Document"),
        QT_TRANSLATE_NOOP("Columns", "Status"),
        QT_TRANSLATE_NOOP("Columns", "Spans"),
    )
    #: The sort key of each column.
    SORT_KEYS: tuple[SortKey, ...] = ("position", "name", "status", "spans")
    PAGE = 200

    def __init__(self, bridge: SessionBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._rows: list[DocumentRow] = []
        self._row_by_id: dict[int, int] = {}
        self._complete = False
        self._query = DocumentQuery()
        self._project_size = 0
        bridge.changed.connect(self._on_change)
        self.refresh()

    @property
    def query(self) -> DocumentQuery:
        """The filters and order shown (the session adds the annotator and assignments)."""
        return self._query

    @property
    def status_filter(self) -> DocStatus | None:
        return self._query.status

    def bridge_schema(self) -> LabelSchema:
        """The project's labels (the filter bar lists them)."""
        return self._bridge.session.schema

    @property
    def project_size(self) -> int:
        """How many documents the project has (all statuses), as of the last refresh."""
        return self._project_size

    def set_status_filter(self, status: DocStatus | None) -> None:
        """Show only documents with ``status`` (None: all)."""
        self.set_query(replace(self._query, status=status))

    def set_query(self, query: DocumentQuery) -> None:
        """Show the documents ``query`` lets through, in its order."""
        self._query = query
        self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by ``column`` (the header was clicked): read again from the store."""
        if not 0 <= column < len(self.SORT_KEYS):
            return
        self.set_query(replace(self._query, sort=self.SORT_KEYS[column],
                               descending=order == Qt.SortOrder.DescendingOrder))

    def refresh(self) -> None:
        """Read the list again from the store: its first page."""
        self.beginResetModel()
        self._rows = []
        self._row_by_id = {}
        self._complete = False
        self._project_size = self._bridge.session.document_count()
        self._append(self._read(limit=self.PAGE))
        self.endResetModel()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._complete:
            return
        self._insert(self._read(limit=self.PAGE))

    def ensure_loaded(self, document_id: int) -> int | None:
        """The row of ``document_id``, reading the list as far as it if needed; None if it
        is not in the (filtered) list."""
        row = self._row_by_id.get(document_id)
        if row is not None or self._complete:
            return row
        session = self._bridge.session
        where = session.document_cursor(document_id, self._query)
        if where is None or (self._rows and not comes_after(
                self._query, where, self._rows[-1].key)):
            return None
        # One query up to that document (a deep jump), not page after page.
        self._insert(self._read(limit=None, through=where))
        return self._row_by_id.get(document_id)

    def _read(self, *, limit: int | None, through: Cursor | None = None) -> list[DocumentRow]:
        after = self._rows[-1].key if self._rows else None
        page = self._bridge.session.document_page(
            query=self._query, after=after, limit=limit, through=through
        )
        if limit is not None and len(page) < limit:
            self._complete = True
        # A row an edit moved further down the order is already shown where it was read.
        return [DocumentRow(d.id, d.name, d.status, d.span_count, d.position, d.title or d.name,
                            cursor_of(self._query, id=d.id, name=d.name, status=d.status,
                                      span_count=d.span_count, position=d.position))
                for d in page if d.id not in self._row_by_id]

    def _append(self, rows: list[DocumentRow]) -> None:
        for row in rows:
            self._row_by_id[row.id] = len(self._rows)
            self._rows.append(row)

    def _insert(self, rows: list[DocumentRow]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._append(rows)
        self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(row.position + 1),
                row.title,
                status_title(row.status),
                str(row.span_count),
            )[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            # Titles are mostly Arabic: right-aligned like the article.
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The readable title is shown; the file it came from is one hover away.
            return f"{row.name}\n{row.title}" if row.title != row.name else row.name
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DOCUMENT_ID_ROLE:
            return row.id
        return None

    def row_of(self, document_id: int) -> int | None:
        """The row showing document ``document_id``, if it is loaded in the (filtered) list."""
        return self._row_by_id.get(document_id)

    def place_of(self, document_id: int) -> tuple[int, int] | None:
        """(place from 1, documents listed) of a document in the filtered, sorted list;
        place 0 if the filters leave it out."""
        session = self._bridge.session
        place = session.document_place(document_id, self._query)
        return place if place is not None else (0, session.document_count(query=self._query))

    def document_at(self, row: int) -> DocumentRow:
        """The document shown in ``row``."""
        return self._rows[row]

    def _on_change(self, change: Change) -> None:
        match change:
            case SpanAdded():
                self._count(+1)
            case SpanRemoved():
                self._count(-1)
            case StatusChanged(document_id=document_id, status=status):
                self._on_status_changed(document_id, status)
            case DocumentsChanged() | DocumentReloaded():
                # Changed elsewhere: span counts and statuses are read again.
                self.refresh()

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def _count(self, delta: int) -> None:
        document_id = self._bridge.session.document_id
        row = self.row_of(document_id) if document_id is not None else None
        if row is not None:
            self._rows[row].span_count += delta
            self._changed(row)

    def _on_status_changed(self, document_id: int, status: str) -> None:
        # The row stays even when it no longer matches the filter: a document must not vanish
        # from under the annotator; the filter applies again at the next refresh.
        row = self.row_of(document_id)
        if row is not None:
            self._rows[row].status = status  # type: ignore[assignment]
            self._changed(row)
