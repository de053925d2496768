"""File > Import...: files or folders, a format, the label map; runs in a worker with Cancel.

A refused import lists every problem (file:line: reason) in a read-only text the annotator can
select and copy; nothing was stored. A good one says how many documents were added, how many
were duplicates and how many records were skipped.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.messages import message_of
from annotator.formats.base import Problem
from annotator.services.importing import ImportRefused, ImportReport, parse_label_map
from annotator.services.workspace import Workspace, readable_formats
from annotator.ui.i18n import current_language
from annotator.ui.jobs import JobProgress
from annotator.ui.texts import format_title, message_text, problem_text, show_arabic

_log = logging.getLogger(__name__)


def problem_lines(problems: list[Problem]) -> str:
    """One ``file:line: reason`` line per problem (``file: reason`` without a line), the
    reason in the interface language."""
    return "\n".join(problem_text(p.file, p.line, p.message) for p in problems)


def report_summary(report: ImportReport) -> str:
    """What a good import did, in one sentence."""
    translate = QCoreApplication.translate
    text = translate(
        "ImportDialog",
        "Added {documents} document(s), {spans} span(s); {duplicates} duplicate(s); "
        "{skipped} record(s) skipped.",
    ).format(documents=len(report.added), spans=report.spans,
             duplicates=len(report.duplicates), skipped=len(report.skipped))
    if report.merged_spans or report.replaced_spans:
        # Duplicates carried work: said as the command line says it.
        text += " " + translate(
            "ImportDialog", "Into the duplicates: {merged} span(s) added, {replaced} replaced."
        ).format(merged=report.merged_spans, replaced=report.replaced_spans)
    if report.new_labels:
        text += " " + translate("ImportDialog", "Labels added: {labels}.").format(
            labels=", ".join(report.new_labels)
        )
    for note in report.notes:
        text += f" {message_text(note)}"
    return text


class ImportDialog(QDialog):
    """Choose what to import and how; run it; show the outcome."""

    imported = Signal(object)  # the ImportReport of a good import

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import documents"))
        self.resize(720, 520)
        self._workspace = workspace
        self.paths = QListWidget(self)
        self.paths.setObjectName("import_paths")
        # File paths read left to right in either language ("/tmp/seeds", not "tmp/seeds/").
        self.paths.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        add_files = QPushButton(self.tr("Add files…"), self)
        add_files.clicked.connect(self._choose_files)
        add_folder = QPushButton(self.tr("Add folder…"), self)
        add_folder.clicked.connect(self._choose_folder)
        clear = QPushButton(self.tr("Clear"), self)
        clear.clicked.connect(self.paths.clear)
        path_buttons = QHBoxLayout()
        for button in (add_files, add_folder, clear):
            # Return always means Import, whichever of these has the focus.
            button.setAutoDefault(False)
            path_buttons.addWidget(button)
        self.add_files_button = add_files
        path_buttons.addStretch(1)

        self.format = QComboBox(self)
        self.format.setObjectName("import_format")
        self.format.addItem(self.tr("Detect from each file"), "auto")
        for name in readable_formats():
            self.format.addItem(format_title(name), name)
        self.label_map = QLineEdit(self)
        self.label_map.setObjectName("import_label_map")
        self.label_map.setPlaceholderText("ORG=ACTOR, LOC=LOCATION")
        self.add_labels = QCheckBox(self.tr("Add labels the project does not have"), self)
        self.add_labels.setObjectName("import_add_labels")
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Rename labels"), self.label_map)
        form.addRow("", self.add_labels)

        self.progress = JobProgress(self)
        self.progress.finished.connect(self._on_finished)
        self.summary = QLabel(self)
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QPlainTextEdit(self)
        self.problems.setObjectName("import_problems")
        self.problems.setReadOnly(True)
        self.problems.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.problems.setVisible(False)
        self.copy_button = QPushButton(self.tr("Copy problems"), self)
        self.copy_button.setObjectName("import_copy")
        self.copy_button.clicked.connect(self.copy_problems)
        self.copy_button.setVisible(False)
        #: The problems (or skipped records) the last run listed, as the services gave them.
        self.last_problems: list[Problem] = []

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("import_start")
        self.import_button.setDefault(True)  # Return runs it
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Files and folders to import:"), self))
        layout.addWidget(self.paths, 1)
        layout.addLayout(path_buttons)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 2)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The first thing to do is to choose files: Space opens the chooser.
        if not self.paths.count():
            self.add_files_button.setFocus()

    # ----- what to import --------------------------------------------------------------------
    def add_paths(self, paths: list[Path]) -> None:
        """Add files or folders to the list (each once)."""
        present = {self.paths.item(i).text() for i in range(self.paths.count())}
        for path in paths:
            if str(path) not in present:
                self.paths.addItem(str(path))
                present.add(str(path))

    def chosen_paths(self) -> list[Path]:
        """The files and folders listed."""
        return [Path(self.paths.item(i).text()) for i in range(self.paths.count())]

    def set_format(self, name: str) -> None:
        """Choose a format by registry name ("auto": detect)."""
        self.format.setCurrentIndex(max(0, self.format.findData(name)))

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import files"))
        self.add_paths([Path(f) for f in files])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.add_paths([Path(folder)])

    # ----- running ----------------------------------------------------------------------------
    def start(self) -> bool:
        """Start the import in a worker; False (and a message) if the form is not complete."""
        if self.progress.running:
            return False
        paths = self.chosen_paths()
        if not paths:
            self._show_problems(self.tr("Add files or a folder first."), "")
            return False
        pieces = [p for p in self.label_map.text().replace(";", ",").split(",") if p.strip()]
        try:
            label_map = parse_label_map(pieces)
        except ValueError as exc:
            # In English the CLI's words with the field's name for the option; in Arabic the
            # message's own template names the field.
            reason = message_of(exc)
            self._show_problems(message_text(reason) if current_language() != "en"
                                else reason.replace("--map ", self.tr("Rename labels") + ": "), "")
            return False
        fmt = str(self.format.currentData())
        add_labels = self.add_labels.isChecked()
        workspace = self._workspace
        self._show_problems("", "")
        self.import_button.setEnabled(False)
        self.progress.start_job(
            workspace.child_job(
                "import_files", paths=paths, fmt=fmt, label_map=label_map, add_labels=add_labels
            ),
            lambda progress: workspace.import_files(
                paths, fmt=fmt, label_map=label_map, add_labels=add_labels, progress=progress
            ),
        )
        return True

    def copy_problems(self) -> None:
        """Put the problem list on the clipboard."""
        QGuiApplication.clipboard().setText(self.problems.toPlainText())

    def _on_finished(self, outcome: str, payload: object) -> None:
        self.import_button.setEnabled(True)
        self.last_problems = []
        if outcome == "done":
            assert isinstance(payload, ImportReport)
            self.last_problems = list(payload.skipped)
            skipped = problem_lines(payload.skipped)
            self._show_problems(report_summary(payload), skipped)
            self.imported.emit(payload)
        elif outcome == "cancelled":
            self._show_problems(self.tr("Cancelled: nothing was imported."), "")
        elif isinstance(payload, ImportRefused):
            self.last_problems = list(payload.problems)
            hint = (" " + self.tr("{good} record(s) were good.").format(good=payload.importable)
                    if payload.importable else "")
            self._show_problems(
                self.tr("Nothing was imported: {problems} problem(s).").format(
                    problems=len(payload.problems)) + hint,
                problem_lines(payload.problems),
            )
        else:
            _log.warning("import failed: %s: %s", getattr(payload, "kind", ""), payload)
            self._show_problems(
                self.tr("Nothing was imported: {reason}").format(reason=_reason(payload)), ""
            )

    def _show_problems(self, summary: str, problems: str) -> None:
        self.summary.setText(summary)
        show_arabic(self.problems)
        self.problems.setPlainText(problems)
        self.problems.setVisible(bool(problems))
        self.copy_button.setVisible(bool(problems))

    def reject(self) -> None:
        # Closing while a job runs cancels it first: it stops before storing, or finishes.
        if self.progress.running:
            self.progress.cancel()
            self.progress.wait()
        super().reject()


def _reason(exc: object) -> str:
    if isinstance(exc, OSError):
        return f"{exc.filename or ''} {exc.strerror or exc}".strip()
    return str(exc)
