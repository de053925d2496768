"""Team work in the window: who is annotating, the others' spans, agreement and curation."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Span
from annotator.services.agreement import (
    Agreement,
    AgreementRefused,
    AgreementStore,
    agreement,
    annotator_names,
)
from annotator.services.changes import (
    Change,
    DocumentOpened,
    DocumentReloaded,
    DocumentsChanged,
)
from annotator.services.curation import Candidate, Curation, CurationStore
from annotator.services.editing import EditConflict, StoreFailure
from annotator.services.team import TeamStore, assign_documents
from annotator.ui.article_view import ArticleView
from annotator.ui.bridge import SessionBridge

#: Where the annotator's name is kept between runs (one person per login, not per project).
NAME_KEY = "annotator/name"

#: One colour per other annotator, in the order of their names (colour-blind safe set).
MARKER_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")


#: The background of a disagreement row in the curation view.
DISAGREEMENT_COLOR = QColor("#FFF1C2")


def stored_name(settings: QSettings) -> str | None:
    """The name given on an earlier start, if any."""
    value = settings.value(NAME_KEY)
    return str(value).strip() or None if value is not None else None


def ask_name(
    parent: QWidget | None, default: str, *, title: str = "Who is annotating?"
) -> str | None:
    """Ask for the annotator's name (``default`` filled in); None when cancelled or empty."""
    name, ok = QInputDialog.getText(
        parent, title, "Your name (every span you make is recorded under it):", text=default
    )
    name = name.strip()
    return name if ok and name else None


class OthersOverlay:
    """The other annotators' spans of the open document, drawn read-only over the article.

    Each person gets a colour; their spans are underlined with it (dotted, so the label colours
    of one's own spans stay readable). Extra selections, not the highlighter: they are never
    one's own spans, no edit reaches them, and a document has few of them.
    """

    def __init__(self, bridge: SessionBridge, article: ArticleView) -> None:
        self._bridge = bridge
        self._article = article
        self.visible = False
        self.markers: dict[str, QColor] = {}
        self.shown: list[tuple[str, Span]] = []
        bridge.changed.connect(self._on_change)

    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        self.refresh()

    def refresh(self) -> None:
        """Read the others' spans again and draw them (or clear them when hidden)."""
        self.shown = []
        self.markers = {}
        if self.visible:
            try:
                others = self._bridge.session.others_spans()
            except StoreFailure as exc:
                self._bridge.message_posted.emit(f"Cannot read the others' spans: {exc}")
                others = {}
            for i, (name, spans) in enumerate(others.items()):
                self.markers[name] = QColor(MARKER_COLORS[i % len(MARKER_COLORS)])
                self.shown.extend((name, s) for s in spans)
        positions = self._article.positions
        selections = []
        for name, span in self.shown:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self._article.document())
            cursor.setPosition(positions.to_qt(span.start))
            cursor.setPosition(positions.to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(self.markers[name])
            fmt.setToolTip(f"{name}: {span.label}")
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self._article.setExtraSelections(selections)

    def legend(self) -> str:
        """Who is shown in which colour, as rich text for the status bar ("" when hidden)."""
        if not self.visible:
            return ""
        if not self.markers:
            return "No one else labeled this document."
        return "Others: " + ", ".join(
            f'<span style="color:{color.name()}">■</span>&nbsp;{html.escape(name)}'
            for name, color in self.markers.items()
        )

    def _on_change(self, change: Change) -> None:
        if isinstance(change, DocumentOpened | DocumentReloaded) and self.visible:
            self.refresh()


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


class AgreementDialog(QDialog):
    """Statistics > Agreement: two annotators' figures and the list of their disagreements."""

    #: A disagreement was chosen: (document id, start, end).
    disagreement_chosen = Signal(int, int, int)

    def __init__(self, store: AgreementStore, names: list[str], current: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement_dialog")
        self.setWindowTitle("Agreement")
        self._store = store
        self.figures: Agreement | None = None
        self.first = QComboBox()
        self.second = QComboBox()
        for box in (self.first, self.second):
            box.addItems(names)
        if current in names:
            self.first.setCurrentText(current)
        others = [n for n in names if n != self.first.currentText()]
        if others:
            self.second.setCurrentText(others[0])
        self.summary = QLabel()
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("agreement_table")
        self.table.setHorizontalHeaderLabels(
            ["label", "A", "B", "exact", "P", "R", "F1", "kappa"]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.disagreements = QListWidget()
        self.disagreements.setObjectName("disagreement_list")
        self.disagreements.itemActivated.connect(self._on_item)
        self.disagreements.itemClicked.connect(self._on_item)
        row = QHBoxLayout()
        row.addWidget(QLabel("A (reference)"))
        row.addWidget(self.first)
        row.addWidget(QLabel("B"))
        row.addWidget(self.second)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(QLabel("Disagreements (click one to open the document there):"))
        layout.addWidget(self.disagreements, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.first.currentTextChanged.connect(lambda _t: self.compute())
        self.second.currentTextChanged.connect(lambda _t: self.compute())
        self.resize(720, 560)
        self.compute()

    def compute(self) -> None:
        """Compute the figures for the two chosen annotators and fill the table and list."""
        self.table.setRowCount(0)
        self.disagreements.clear()
        a, b = self.first.currentText(), self.second.currentText()
        if not a or not b or a == b:
            self.summary.setText("Choose two different annotators.")
            self.figures = None
            return
        try:
            self.figures = agreement(self._store, [a, b])
        except (AgreementRefused, StoreFailure) as exc:
            self.summary.setText(str(exc))
            self.figures = None
            return
        report = self.figures.report
        alpha = dict(report.alpha).get(None)
        self.summary.setText(
            f"{report.documents} document(s) finished by both; "
            f"Krippendorff's alpha (tokens): {_figure(alpha)}"
        )
        (_, _, scores), = report.pairs
        for s in scores:
            r = self.table.rowCount()
            self.table.insertRow(r)
            values = [s.label or "overall", str(s.spans_a), str(s.spans_b), str(s.exact),
                      _figure(s.precision), _figure(s.recall), _figure(s.f1), _figure(s.kappa)]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        names = self.figures.document_names
        for d in self.figures.disagreements:
            la = d.span_a.label if d.span_a else "–"
            lb = d.span_b.label if d.span_b else "–"
            words = {"only_a": f"only {a}", "only_b": f"only {b}", "label": "label",
                     "boundary": "boundary"}[d.kind]
            item = QListWidgetItem(
                f"{names.get(d.document_id, d.document_id)}  {d.start}–{d.end}  "
                f"{words}: {la} / {lb}"
            )
            item.setData(Qt.ItemDataRole.UserRole, (d.document_id, d.start, d.end))
            self.disagreements.addItem(item)

    def _on_item(self, item: QListWidgetItem) -> None:
        doc_id, start, end = cast(tuple[int, int, int], item.data(Qt.ItemDataRole.UserRole))
        self.disagreement_chosen.emit(doc_id, start, end)


class CurationDialog(QDialog):
    """The curation of one document: every annotator's spans, one row per candidate.

    A row shows the text, where it is, who made it and a label to keep; agreed rows start
    accepted, disagreements are marked "disagreement" and start unaccepted (unless a curated
    layer already accepted them). Save writes the accepted rows as the "curation" layer.
    """

    def __init__(self, curation: Curation, labels: list[str],
                 selection: Callable[[], tuple[int, int] | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curation_dialog")
        self.setWindowTitle(f"Curation — {curation.document.name}")
        self.curation = curation
        self._labels = labels
        self._selection = selection
        names = ", ".join(curation.annotators) or "nobody"
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("curation_table")
        self.table.setHorizontalHeaderLabels(["keep", "label", "text", "where", "made by"])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for candidate in curation.candidates:
            self._add_row(candidate)
        self.add_button = QPushButton("Add the article's selection")
        self.add_button.setObjectName("curation_add")
        self.add_button.clicked.connect(self.add_selection)
        self.saved: list[Span] | None = None
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Annotators: {names}. Agreed spans are kept already; "
                                "decide the disagreements."))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.add_button)
        layout.addWidget(buttons)
        self.resize(760, 520)

    def _add_row(self, candidate: Candidate) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        keep = QCheckBox()
        keep.setChecked(candidate.accepted)
        self.table.setCellWidget(r, 0, keep)
        label = QComboBox()
        label.addItems(self._labels)
        label.setCurrentText(candidate.label)
        self.table.setCellWidget(r, 1, label)
        text = QTableWidgetItem(candidate.text)
        text.setData(Qt.ItemDataRole.UserRole, candidate)
        self.table.setItem(r, 2, text)
        self.table.setItem(r, 3, QTableWidgetItem(f"{candidate.start}–{candidate.end}"))
        if candidate.agreed:
            who = "all"
        elif candidate.annotators:
            who = "disagreement: " + ", ".join(candidate.annotators)
        else:
            who = "added in curation"
        self.table.setItem(r, 4, QTableWidgetItem(who))
        if not candidate.agreed:
            # Disagreements stand out: they are what the curator is here for.
            for c in (2, 3, 4):
                item = self.table.item(r, c)
                if item is not None:
                    item.setBackground(DISAGREEMENT_COLOR)

    def row_count(self) -> int:
        return self.table.rowCount()

    def row(self, r: int) -> tuple[bool, str, Candidate]:
        """Row ``r``: kept?, the label chosen, and its candidate."""
        keep = cast(QCheckBox, self.table.cellWidget(r, 0))
        label = cast(QComboBox, self.table.cellWidget(r, 1))
        item = self.table.item(r, 2)
        assert item is not None
        candidate = cast(Candidate, item.data(Qt.ItemDataRole.UserRole))
        return keep.isChecked(), label.currentText(), candidate

    def set_row(self, r: int, *, keep: bool | None = None, label: str | None = None) -> None:
        """Accept or drop row ``r``, or give it another label (what the curator's clicks do)."""
        if keep is not None:
            cast(QCheckBox, self.table.cellWidget(r, 0)).setChecked(keep)
        if label is not None:
            cast(QComboBox, self.table.cellWidget(r, 1)).setCurrentText(label)

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
        """The curated layer as the rows say now (duplicates once)."""
        out: dict[tuple[int, int, str], Span] = {}
        for r in range(self.table.rowCount()):
            keep, label, candidate = self.row(r)
            if keep:
                span = candidate.span(label)
                out.setdefault(span.key, span)
        return sorted(out.values(), key=lambda s: (s.start, s.end, s.label))

    def save(self) -> None:
        """Store the accepted rows as the curated layer, then close."""
        try:
            self.saved = self.curation.save(self.spans())
        except (EditConflict, StoreFailure) as exc:
            QMessageBox.warning(self, "Curation not saved", f"Not saved: {exc}")
            return
        self.accept()


def curation_store(store: Any) -> CurationStore:
    """The session's repository seen as what curation needs (the composition root's store)."""
    return cast(CurationStore, store)


def agreement_store(store: Any) -> AgreementStore:
    """The session's repository seen as what agreement needs."""
    return cast(AgreementStore, store)


class AssignDialog(QDialog):
    """Document > Assign documents: who, how many, and the share given to someone else too."""

    def __init__(self, store: TeamStore, project_id: int, annotator: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assign_dialog")
        self.setWindowTitle("Assign documents")
        self._store = store
        self._project_id = project_id
        self.name = QLineEdit(annotator)
        self.count = QSpinBox()
        self.count.setRange(1, 1_000_000)
        self.count.setValue(50)
        self.overlap = QSpinBox()
        self.overlap.setRange(0, 100)
        self.overlap.setSuffix(" %")
        self.outcome = QLabel()
        self.given: list[int] | None = None
        form = QFormLayout(self)
        form.addRow("Annotator", self.name)
        form.addRow("Documents", self.count)
        form.addRow("Shared with others", self.overlap)
        form.addRow(self.outcome)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.assign)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def assign(self) -> None:
        """Assign as the fields say; stays open with the reason when refused."""
        try:
            self.given = assign_documents(
                self._store, self.name.text(), self.count.value(),
                overlap=self.overlap.value() / 100, project=self._project_id,
            )
        except (ValueError, StoreFailure) as exc:
            self.outcome.setText(str(exc))
            return
        self.accept()


class TeamActions(QObject):
    """The team menu entries of the main window and what they do.

    File > Switch annotator, View > Show others' spans, Statistics > Agreement and
    Document > Curate; the annotator's name in the status bar.
    """

    def __init__(self, window: QMainWindow, bridge: SessionBridge, article: ArticleView,
                 settings: QSettings) -> None:
        super().__init__(window)
        self._bridge = bridge
        self._article = article
        self._settings = settings
        self.overlay = OthersOverlay(bridge, article)
        self.legend_label = QLabel()
        self.legend_label.setObjectName("others_legend")
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        window.statusBar().addWidget(self.legend_label)
        self.name_label = QLabel()
        self.name_label.setObjectName("annotator_name")
        window.statusBar().addPermanentWidget(self.name_label)
        bridge.changed.connect(self._on_change)
        #: Replaceable where no one can answer (tests): asks for a name, None to cancel.
        self.ask: Callable[[str], str | None] = lambda default: ask_name(
            self._window(), default, title="Switch annotator"
        )
        self.agreement_dialog: AgreementDialog | None = None
        self.curation_dialog: CurationDialog | None = None
        self.switch_action = self._action(window, "switch_annotator", self.switch_annotator)
        self.others_action = self._action(window, "show_others",
                                          lambda: self.show_others(
                                              self.others_action.isChecked()))
        self.others_action.setCheckable(True)
        self.agreement_action = self._action(window, "agreement", self.show_agreement)
        self.curate_action = self._action(window, "curate", self.curate)
        self.assign_action = self._action(window, "assign", self.assign)
        self.assign_dialog: AssignDialog | None = None

        # Menus by object name: their titles change with the interface language.
        def menu(key: str) -> QMenu:
            return cast(QMenu, window.findChild(QMenu, f"menu_{key}"))

        file_menu = menu("file")
        file_menu.insertAction(file_menu.actions()[0], self.switch_action)
        menu("view").addAction(self.others_action)
        menu("document").addAction(self.curate_action)
        menu("document").addAction(self.assign_action)
        self.stats_menu = QMenu(window)
        self.stats_menu.setObjectName("menu_statistics")
        self.stats_menu.addAction(self.agreement_action)
        window.menuBar().insertMenu(menu("help").menuAction(), self.stats_menu)
        self.retranslate()
        self._show_name()

    def _window(self) -> QMainWindow:
        # The parent, asked for each time: a reference kept here would make a cycle that
        # keeps a closed window alive until the cyclic collector runs (or, frozen, forever).
        return cast(QMainWindow, self.parent())

    def retranslate(self) -> None:
        """The entries' texts in the interface language (called again when it changes)."""
        self.switch_action.setText(self.tr("Switch &annotator…"))
        self.others_action.setText(self.tr("Show &others' spans"))
        self.agreement_action.setText(self.tr("&Agreement…"))
        self.curate_action.setText(self.tr("&Curate this document…"))
        self.assign_action.setText(self.tr("A&ssign documents…"))
        self.stats_menu.setTitle(self.tr("&Statistics"))
        self._show_name()

    @staticmethod
    def _action(window: QMainWindow, name: str, handler: Callable[[], object]) -> QAction:
        action = QAction(window)
        action.setObjectName(f"action_{name}")
        action.triggered.connect(lambda _checked=False: handler())
        window.addAction(action)
        return action

    def _show_name(self) -> None:
        self.name_label.setText(
            self.tr("Annotator: {name}").format(name=self._bridge.session.annotator))

    def switch_annotator(self, name: str | None = None) -> bool:
        """Work as another annotator (asked when ``name`` is None); False if nothing changed."""
        session = self._bridge.session
        if name is None:
            name = self.ask(session.annotator)
        if name is None or name.strip() == session.annotator:
            return False
        try:
            session.switch_annotator(name)
        except (StoreFailure, ValueError) as exc:
            self._bridge.message_posted.emit(f"Cannot switch annotator: {exc}")
            return False
        # The undo history holds the previous annotator's edits: never undo them as this one.
        self._bridge.undo_stack.clear()
        self._settings.setValue(NAME_KEY, session.annotator)
        self._show_name()
        self.overlay.refresh()
        self.legend_label.setText(self.overlay.legend())
        self._bridge.message_posted.emit(f"Now annotating as {session.annotator}.")
        return True

    def show_others(self, visible: bool) -> None:
        """Overlay (or hide) the other annotators' spans of the open document."""
        self.others_action.setChecked(visible)
        self.overlay.set_visible(visible)
        self.legend_label.setText(self.overlay.legend())

    def _on_change(self, change: Change) -> None:
        # After the overlay (connected first) read the new document's others.
        if isinstance(change, DocumentOpened | DocumentReloaded):
            self.legend_label.setText(self.overlay.legend())

    def show_agreement(self) -> AgreementDialog:
        """Statistics > Agreement, for the current annotator and another one."""
        session = self._bridge.session
        store = agreement_store(session.repository)
        try:
            names = annotator_names(store)
        except StoreFailure as exc:
            self._bridge.message_posted.emit(f"Cannot read the annotators: {exc}")
            names = []
        if self.agreement_dialog is not None:
            self.agreement_dialog.close()
        dialog = AgreementDialog(store, names, session.annotator, self._window())
        dialog.disagreement_chosen.connect(self.open_at)
        dialog.show()
        self.agreement_dialog = dialog
        return dialog

    def open_at(self, document_id: int, start: int, end: int) -> None:
        """Open a document and select ``[start, end)`` in it (a disagreement chosen)."""
        if self._bridge.session.document_id != document_id and not self._bridge.open(
            document_id
        ):
            return
        # A disagreement is judged by seeing the other side too: the others' spans show.
        self.show_others(True)
        self._article.select_range(start, end)
        self._article.setFocus()

    def curate(self) -> CurationDialog | None:
        """Document > Curate: the curation of the open document."""
        session = self._bridge.session
        if session.document_id is None:
            return None
        try:
            curation = Curation(curation_store(session.repository), session.document_id)
        except StoreFailure as exc:
            self._bridge.message_posted.emit(f"Cannot read the document: {exc}")
            return None
        dialog = CurationDialog(
            curation, list(session.schema.names), self._article.selection_range, self._window()
        )
        dialog.accepted.connect(self._curated)
        dialog.show()
        self.curation_dialog = dialog
        return dialog

    def assign(self) -> AssignDialog:
        """Document > Assign documents; the list is read again when some were given."""
        session = self._bridge.session
        dialog = AssignDialog(
            cast(TeamStore, session.repository), session.project_id, session.annotator,
            self._window(),
        )
        dialog.accepted.connect(lambda: self._assigned(dialog))
        dialog.show()
        self.assign_dialog = dialog
        return dialog

    def _assigned(self, dialog: AssignDialog) -> None:
        given = dialog.given or []
        self._bridge.message_posted.emit(
            f"Assigned {len(given)} document(s) to {dialog.name.text().strip()}."
        )
        self._bridge.session.changes.publish(DocumentsChanged())

    def _curated(self) -> None:
        dialog = self.curation_dialog
        if dialog is not None and dialog.saved is not None:
            self._bridge.message_posted.emit(
                f"Curation saved: {len(dialog.saved)} span(s) under \"curation\"."
            )
        # Storing the curation raised the version: read the document again.
        self._bridge.check_for_changes()
