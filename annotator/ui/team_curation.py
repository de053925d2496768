"""Document > Curate: every annotator's spans, date values and events, one row per candidate.

Two tables side by side in one dialog: spans (with their date values) and events (type,
trigger, roles). A row shows who made it; agreed rows start accepted, disagreements are marked
and start unaccepted (unless a curated layer already accepted them). Save writes the accepted
rows as the "curation" layer, spans and events in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import LabelSchema, Span
from annotator.services.curation import Candidate, Curation, EventCandidate
from annotator.services.editing import EditConflict, StoreFailure
from annotator.ui.i18n import current_language, isolate
from annotator.ui.texts import date_value_title, event_type_title, label_title, role_title

#: The background of a disagreement row in the curation view.
DISAGREEMENT_COLOR = QColor("#FFF1C2")

_DATA = Qt.ItemDataRole.UserRole


def comma() -> str:
    """The list separator of the interface language."""
    return "، " if current_language() == "ar" else ", "


class CurationDialog(QDialog):
    """The curation of one document: span rows above, event rows below."""

    def __init__(self, curation: Curation, schema: LabelSchema,
                 selection: Callable[[], tuple[int, int] | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curation_dialog")
        self.setWindowTitle(self.tr("Curation — {name}").format(
            name=isolate(curation.document.name)))
        self.curation = curation
        self._schema = schema
        self._labels = list(schema.names)
        self._selection = selection
        names = (comma().join(isolate(a) for a in curation.annotators) if curation.annotators
                 else self.tr("nobody"))
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("curation_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("keep"), self.tr("label"), self.tr("text"), self.tr("date value"),
             self.tr("where"), self.tr("made by")])
        self.events = QTableWidget(0, 5)
        self.events.setObjectName("curation_events")
        self.events.setHorizontalHeaderLabels(
            [self.tr("keep"), self.tr("event type"), self.tr("trigger"), self.tr("roles"),
             self.tr("made by")])
        for table, stretch in ((self.table, 2), (self.events, 3)):
            header = table.horizontalHeader()
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(table.columnCount() - 1,
                                        QHeaderView.ResizeMode.ResizeToContents)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
        self.events.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.events.setWordWrap(False)
        for candidate in curation.candidates:
            self._add_row(candidate)
        for event in curation.events:
            self._add_event_row(event)
        self.add_button = QPushButton(self.tr("Add the article's selection"))
        self.add_button.setObjectName("curation_add")
        self.add_button.clicked.connect(self.add_selection)
        self.saved: list[Span] | None = None
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save"))
        save.setDefault(True)  # Enter saves, from either table
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        split = QSplitter(Qt.Orientation.Vertical)
        for title, table in ((self.tr("Spans and date values"), self.table),
                             (self.tr("Events (a kept event keeps the spans it is built on)"),
                              self.events)):
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(QLabel(title))
            inner.addWidget(table)
            split.addWidget(box)
        split.setSizes([380, 240])  # the spans are the longer list
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Annotators: {names}. Agreed rows are kept already; decide "
                               "the disagreements.").format(names=names))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(self.add_button)
        layout.addWidget(buttons)
        self.resize(900, 640)
        # Keys: arrows go through a table's rows, Space keeps or drops the row, Tab goes to
        # the other table, Enter saves. The row's own check box and label box take clicks.
        for table in (self.table, self.events):
            table.setTabKeyNavigation(False)
            table.installEventFilter(self)
            if table.rowCount():
                table.setCurrentCell(0, 2 if table is self.table else 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.setFocus()  # the keys work from the start

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or watched not in (self.table, self.events):
            return super().eventFilter(watched, event)
        key = cast(QKeyEvent, event).key()
        if key == Qt.Key.Key_Space:
            table = self.table if watched is self.table else self.events
            r = table.currentRow()
            if r >= 0:
                box = cast(QCheckBox, table.cellWidget(r, 0))
                box.setChecked(not box.isChecked())
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # The view would take Enter as "activate the row": here it saves, as the button.
            self.save()
            return True
        return super().eventFilter(watched, event)

    def _who(self, agreed: bool, annotators: tuple[str, ...]) -> str:
        if agreed:
            return self.tr("all")
        if annotators:
            return self.tr("disagreement: {names}").format(
                names=comma().join(isolate(a) for a in annotators))
        return self.tr("added in curation")

    @staticmethod
    def _mark(table: QTableWidget, r: int, columns: range) -> None:
        # Disagreements stand out: they are what the curator is here for.
        for c in columns:
            item = table.item(r, c)
            if item is not None:
                item.setBackground(DISAGREEMENT_COLOR)

    def _add_row(self, candidate: Candidate) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        keep = QCheckBox()
        keep.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        keep.setChecked(candidate.accepted)
        self.table.setCellWidget(r, 0, keep)
        label = QComboBox()
        label.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for name in self._labels:
            label.addItem(label_title(self._schema, name), name)
        label.setCurrentIndex(max(self._labels.index(candidate.label), 0)
                              if candidate.label in self._labels else 0)
        self.table.setCellWidget(r, 1, label)
        text = QTableWidgetItem(candidate.text)
        text.setData(_DATA, candidate)
        self.table.setItem(r, 2, text)
        value = date_value_title(candidate.attrs) if candidate.value is not None else ""
        self.table.setItem(r, 3, QTableWidgetItem(value))
        self.table.setItem(r, 4, QTableWidgetItem(isolate(f"{candidate.start}–{candidate.end}")))
        self.table.setItem(r, 5, QTableWidgetItem(self._who(candidate.agreed,
                                                            candidate.annotators)))
        if not candidate.agreed:
            self._mark(self.table, r, range(2, 6))

    def _add_event_row(self, event: EventCandidate) -> None:
        r = self.events.rowCount()
        self.events.insertRow(r)
        keep = QCheckBox()
        keep.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        keep.setChecked(event.accepted)
        self.events.setCellWidget(r, 0, keep)
        kind = QTableWidgetItem(event_type_title(self._schema, event.type))
        kind.setData(_DATA, event)
        self.events.setItem(r, 1, kind)
        self.events.setItem(r, 2, QTableWidgetItem(event.trigger.text if event.trigger else "–"))
        # One role per line: an event's roles are read together, none elided.
        roles = "\n".join(
            f"{role_title(role)}: {ref.text} ({label_title(self._schema, ref.label)})"
            for role, ref in event.roles
        )
        self.events.setItem(r, 3, QTableWidgetItem(roles))
        self.events.setItem(r, 4, QTableWidgetItem(self._who(event.agreed, event.annotators)))
        if not event.agreed:
            self._mark(self.events, r, range(1, 5))
        # As tall as its lines (not wrapped further: the column width is not known yet).
        lines = max(1, len(event.roles))
        self.events.setRowHeight(r, lines * self.events.fontMetrics().lineSpacing() + 10)

    def row_count(self) -> int:
        return self.table.rowCount()

    def row(self, r: int) -> tuple[bool, str, Candidate]:
        """Span row ``r``: kept?, the label chosen, and its candidate."""
        keep = cast(QCheckBox, self.table.cellWidget(r, 0))
        label = cast(QComboBox, self.table.cellWidget(r, 1))
        item = self.table.item(r, 2)
        assert item is not None
        candidate = cast(Candidate, item.data(_DATA))
        return keep.isChecked(), str(label.currentData()), candidate

    def set_row(self, r: int, *, keep: bool | None = None, label: str | None = None) -> None:
        """Accept or drop span row ``r``, or give it another label (the curator's clicks)."""
        if keep is not None:
            cast(QCheckBox, self.table.cellWidget(r, 0)).setChecked(keep)
        if label is not None:
            box = cast(QComboBox, self.table.cellWidget(r, 1))
            box.setCurrentIndex(box.findData(label))

    def event_count(self) -> int:
        return self.events.rowCount()

    def event_row(self, r: int) -> tuple[bool, EventCandidate]:
        """Event row ``r``: kept?, and its candidate."""
        keep = cast(QCheckBox, self.events.cellWidget(r, 0))
        item = self.events.item(r, 1)
        assert item is not None
        return keep.isChecked(), cast(EventCandidate, item.data(_DATA))

    def set_event(self, r: int, keep: bool) -> None:
        """Accept or drop event row ``r``."""
        cast(QCheckBox, self.events.cellWidget(r, 0)).setChecked(keep)

    def add_selection(self) -> bool:
        """A new row from the article's selection (first label), accepted; False if none."""
        selection = self._selection()
        if selection is None:
            return False
        start, end = selection
        text = self.curation.document.text[start:end]
        if not text.strip():
            return False
        self._add_row(Candidate(start=start, end=end, label=self._labels[0], text=text,
                                annotators=(), agreed=False, accepted=True))
        return True

    def spans(self) -> list[Span]:
        """The accepted span rows as curated spans (a place and label once)."""
        out: dict[tuple[int, int, str], Span] = {}
        for r in range(self.table.rowCount()):
            keep, label, candidate = self.row(r)
            if keep:
                span = candidate.span(label)
                out.setdefault(span.key, span)
        return sorted(out.values(), key=lambda s: (s.start, s.end, s.label))

    def kept_events(self) -> list[EventCandidate]:
        """The accepted event rows."""
        return [e for keep, e in (self.event_row(r) for r in range(self.events.rowCount()))
                if keep]

    def save(self) -> None:
        """Store the accepted rows as the curated layer, then close."""
        try:
            self.saved = self.curation.save(self.spans(), self.kept_events())
        except (EditConflict, StoreFailure, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Curation not saved"),
                                self.tr("Not saved: {reason}").format(reason=exc))
            return
        self.accept()
