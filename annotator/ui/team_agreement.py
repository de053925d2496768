"""Statistics > Agreement: the figures of two or more annotators and their disagreements.

The annotators to compare are ticked in a list (the current one and another to start with).
For all of them together: Krippendorff's alpha per label, over tokens and unitizing. For the
pair chosen below: the pairwise table (the first of the pair as reference) and the list of
its disagreements; a click on one opens the document at the span.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import LabelSchema
from annotator.services.agreement import Agreement, AgreementRefused, AgreementStore, agreement
from annotator.services.editing import StoreFailure
from annotator.ui.i18n import isolate
from annotator.ui.texts import label_title

_PAIR = Qt.ItemDataRole.UserRole


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


class AgreementDialog(QDialog):
    """The figures for the ticked annotators, a pair's table and its disagreements."""

    #: A disagreement was chosen: (document id, start, end).
    disagreement_chosen = Signal(int, int, int)

    def __init__(self, store: AgreementStore, names: list[str], current: str,
                 parent: QWidget | None = None, schema: LabelSchema | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement_dialog")
        self.setWindowTitle(self.tr("Agreement"))
        self._store = store
        self._schema = schema
        self.figures: Agreement | None = None
        self.pair_figures: Agreement | None = None
        self.annotators = QListWidget()
        self.annotators.setObjectName("agreement_annotators")
        ticked = [current] if current in names else []
        ticked += [n for n in names if n != current][: 2 - len(ticked)]
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if name in ticked else Qt.CheckState.Unchecked)
            self.annotators.addItem(item)
        self.annotators.setMaximumHeight(110)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.alpha_table = QTableWidget(0, 3)
        self.alpha_table.setObjectName("alpha_table")
        self.alpha_table.setHorizontalHeaderLabels(
            [self.tr("label"), self.tr("alpha (tokens)"), self.tr("alpha (unitizing)")])
        self.pair = QComboBox()
        self.pair.setObjectName("agreement_pair")
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("agreement_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("label"), self.tr("first"), self.tr("second"), self.tr("exact"),
             self.tr("precision"), self.tr("recall"), self.tr("F-score"), self.tr("kappa")])
        for table in (self.alpha_table, self.table):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
        self.disagreements = QListWidget()
        self.disagreements.setObjectName("disagreement_list")
        self.disagreements.itemActivated.connect(self._on_item)
        self.disagreements.itemClicked.connect(self._on_item)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Annotators to compare (tick two or more):")))
        layout.addWidget(self.annotators)
        layout.addWidget(self.summary)
        layout.addWidget(self.alpha_table)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Pair (the first is the reference):")))
        row.addWidget(self.pair, 1)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(QLabel(self.tr("Disagreements (click one to open the document there):")))
        layout.addWidget(self.disagreements, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.annotators.itemChanged.connect(lambda _item: self.compute())
        self.pair.currentIndexChanged.connect(lambda _i: self.show_pair())
        self.resize(760, 680)
        self.compute()

    def chosen(self) -> list[str]:
        """The ticked annotators, in the list's order."""
        return [
            self.annotators.item(i).text() for i in range(self.annotators.count())
            if self.annotators.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_chosen(self, names: list[str]) -> None:
        """Tick exactly ``names`` (what the curator's clicks do) and compute again."""
        self.annotators.blockSignals(True)
        for i in range(self.annotators.count()):
            item = self.annotators.item(i)
            item.setCheckState(
                Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)
        self.annotators.blockSignals(False)
        self.compute()

    def compute(self) -> None:
        """Figures for the ticked annotators; the pairs among them to choose from."""
        self.alpha_table.setRowCount(0)
        names = self.chosen()
        self.pair.blockSignals(True)
        self.pair.clear()
        self.pair.blockSignals(False)
        self.figures = None
        if len(names) < 2:
            self.summary.setText(self.tr("Tick two or more annotators."))
            self.show_pair()
            return
        try:
            self.figures = agreement(self._store, names)
        except (AgreementRefused, StoreFailure) as exc:
            self.summary.setText(str(exc))
            self.show_pair()
            return
        report = self.figures.report
        self.summary.setText(
            self.tr("{count} annotators; {shared} document(s) finished by at least two, "
                    "{all} by all of them (unitizing alpha is computed on those).").format(
                count=len(names), shared=report.documents, all=report.unitizing_documents))
        units = dict(report.unitizing)
        for label, value in report.alpha:
            r = self.alpha_table.rowCount()
            self.alpha_table.insertRow(r)
            for c, text in enumerate([self._label(label), _figure(value),
                                      _figure(units.get(label))]):
                self.alpha_table.setItem(r, c, QTableWidgetItem(text))
        self.pair.blockSignals(True)
        for a, b, _ in report.pairs:
            self.pair.addItem(f"{isolate(a)} / {isolate(b)}", (a, b))
        self.pair.blockSignals(False)
        self.show_pair()

    def _label(self, label: str | None) -> str:
        return self.tr("overall") if label is None else label_title(self._schema, label)

    def show_pair(self) -> None:
        """The chosen pair's table and its disagreements."""
        self.table.setRowCount(0)
        self.disagreements.clear()
        self.pair_figures = None
        data = self.pair.currentData(_PAIR)
        if self.figures is None or data is None:
            return
        a, b = cast(tuple[str, str], data)
        scores = next(s for x, y, s in self.figures.report.pairs if (x, y) == (a, b))
        for s in scores:
            r = self.table.rowCount()
            self.table.insertRow(r)
            values = [self._label(s.label), str(s.spans_a), str(s.spans_b), str(s.exact),
                      _figure(s.precision), _figure(s.recall), _figure(s.f1), _figure(s.kappa)]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        try:
            self.pair_figures = agreement(self._store, [a, b])
        except (AgreementRefused, StoreFailure) as exc:
            self.disagreements.addItem(str(exc))
            return
        names = self.pair_figures.document_names
        for d in self.pair_figures.disagreements:
            la = label_title(self._schema, d.span_a.label) if d.span_a else "–"
            lb = label_title(self._schema, d.span_b.label) if d.span_b else "–"
            kind = {
                "only_a": self.tr("only {name}").format(name=isolate(a)),
                "only_b": self.tr("only {name}").format(name=isolate(b)),
                "label": self.tr("label"),
                "boundary": self.tr("boundary"),
            }[d.kind]
            where = isolate(f"{d.start}–{d.end}")
            item = QListWidgetItem(
                f"{isolate(str(names.get(d.document_id, d.document_id)))}  {where}  "
                f"{kind}: {la} / {lb}"
            )
            item.setData(Qt.ItemDataRole.UserRole, (d.document_id, d.start, d.end))
            self.disagreements.addItem(item)

    def _on_item(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data is None:
            return
        doc_id, start, end = cast(tuple[int, int, int], data)
        self.disagreement_chosen.emit(doc_id, start, end)
