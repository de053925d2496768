"""File > Export...: format, tagging scheme, status filter, split and seed, destination.

Runs ``annotator export`` (services.exporting through the workspace) in a worker with progress
and Cancel. The export writes everything or nothing; the report lists every span the format
could not hold, never dropping one silently.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
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
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.messages import message_of
from annotator.core.model import DOC_STATUSES, DocStatus
from annotator.formats.base import Scheme, WriteOptions
from annotator.services.exporting import ExportRefused, ExportReport, parse_split
from annotator.services.workspace import Workspace, writable_formats
from annotator.ui.i18n import ltr
from annotator.ui.import_dialog import problem_lines
from annotator.ui.jobs import JobProgress
from annotator.ui.texts import format_title, message_text, show_arabic, status_title, word_text

_log = logging.getLogger(__name__)


def export_summary(report: ExportReport) -> str:
    """What an export wrote, in a few lines."""
    translate = QCoreApplication.translate
    lines = [translate("ExportDialog", "Exported {documents} document(s), {spans} span(s).")
             .format(documents=report.documents, spans=report.spans)]
    lines += [translate("ExportDialog", "{part}: {n} document(s)").format(part=word_text(part), n=n)
              for part, n in report.parts.items()]
    if report.suggestions_left_out:
        lines.append(translate("ExportDialog", "Suggestions left out: {n}.")
                     .format(n=report.suggestions_left_out))
    if report.dropped:
        lines.append(translate("ExportDialog",
                               "{n} span(s) the format cannot hold (listed below).")
                     .format(n=len(report.dropped)))
    if len(report.files) <= 5:
        lines += [translate("ExportDialog", "Wrote {path}").format(path=ltr(str(path)))
                  for path in report.files]
    else:
        lines.append(translate("ExportDialog", "Wrote {n} files.").format(n=len(report.files)))
    return "\n".join(lines)


class ExportDialog(QDialog):
    """Choose what to export and where; run it; show the report."""

    exported = Signal(object)  # the ExportReport

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export a dataset"))
        self.resize(680, 480)
        self._workspace = workspace
        self.format = QComboBox(self)
        self.format.setObjectName("export_format")
        for name in writable_formats():
            self.format.addItem(format_title(name), name)
        self.scheme = QComboBox(self)
        self.scheme.setObjectName("export_scheme")
        self.scheme.addItem("IOB2", "iob2")
        self.scheme.addItem("BIOES", "bioes")
        self.status = QComboBox(self)
        self.status.setObjectName("export_status")
        self.status.addItem(self.tr("All documents"), None)
        for status in DOC_STATUSES:
            self.status.addItem(status_title(status).capitalize(), status)
        self.split = QCheckBox(self.tr("Split into train/dev/test"), self)
        self.split.setObjectName("export_split")
        self.ratios = QLineEdit("80/10/10", self)
        self.ratios.setObjectName("export_ratios")
        self.seed = QSpinBox(self)
        self.seed.setObjectName("export_seed")
        self.seed.setRange(0, 2**31 - 1)
        split_row = QHBoxLayout()
        split_row.addWidget(self.split)
        split_row.addWidget(self.ratios)
        split_row.addWidget(QLabel(self.tr("seed"), self))
        split_row.addWidget(self.seed)
        self.destination = QLineEdit(self)
        self.destination.setObjectName("export_destination")
        self._show_destination_hint()
        self.format.currentIndexChanged.connect(self._show_destination_hint)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_destination)
        destination_row = QHBoxLayout()
        destination_row.addWidget(self.destination, 1)
        destination_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Tagging scheme"), self.scheme)
        form.addRow(self.tr("Documents"), self.status)
        form.addRow("", split_row)
        form.addRow(self.tr("Write to"), destination_row)

        self.progress = JobProgress(self)
        self.progress.finished.connect(self._on_finished)
        self.summary = QLabel(self)
        self.summary.setObjectName("export_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QPlainTextEdit(self)
        self.problems.setObjectName("export_problems")
        self.problems.setReadOnly(True)
        self.problems.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.problems.setVisible(False)
        self.copy_button = QPushButton(self.tr("Copy list"), self)
        self.copy_button.setVisible(False)
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.problems.toPlainText())
        )
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("export_start")
        self.export_button.setDefault(True)  # Return runs it
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)

    def set_format(self, name: str) -> None:
        """Choose a format by registry name."""
        self.format.setCurrentIndex(max(0, self.format.findData(name)))

    def _show_destination_hint(self) -> None:
        if self.format.currentData() == "spacy":
            # spaCy reads a .spacy file whole: a folder of parts is what streams (ADR 0023).
            hint = self.tr("a folder of spaCy parts (spacy train reads it), "
                           "or NAME.spacy: one file, for a small export")
        else:
            hint = self.tr("a file (or a folder for a split or a folder format)")
        self.destination.setPlaceholderText(hint)

    def _choose_destination(self) -> None:
        if self.split.isChecked() or self.format.currentData() == "spacy":
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Export into a folder"))
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"))
        if chosen:
            self.destination.setText(chosen)

    def start(self) -> bool:
        """Start the export in a worker; False (and a message) if the form is not complete."""
        if self.progress.running:
            return False
        if not self.destination.text().strip():
            self._show(self.tr("Choose where to write the export first."), "")
            return False
        split: tuple[int, int, int] | None = None
        if self.split.isChecked():
            try:
                split = parse_split(self.ratios.text().strip())
            except ValueError as exc:
                self._show(self.tr("Split: {problem}").format(
                    problem=message_text(message_of(exc))), "")
                return False
        fmt = str(self.format.currentData())
        options = WriteOptions(scheme=cast(Scheme, self.scheme.currentData()))
        status = cast("DocStatus | None", self.status.currentData())
        out = Path(self.destination.text().strip()).expanduser()
        seed = self.seed.value()
        workspace = self._workspace
        self._show("", "")
        self.export_button.setEnabled(False)
        arguments = {"fmt": fmt, "out": out, "options": options, "status": status,
                     "split": split, "seed": seed}
        self.progress.start_job(
            workspace.child_job("export", **arguments),
            lambda progress: workspace.export(
                fmt=fmt, out=out, options=options, status=status, split=split, seed=seed,
                progress=progress,
            ),
        )
        return True

    def _on_finished(self, outcome: str, payload: object) -> None:
        self.export_button.setEnabled(True)
        if outcome == "done":
            assert isinstance(payload, ExportReport)
            self._show(export_summary(payload), problem_lines(payload.dropped))
            self.exported.emit(payload)
        elif outcome == "cancelled":
            self._show(self.tr("Cancelled: nothing was written."), "")
        elif isinstance(payload, ExportRefused):
            self._show(self.tr("Nothing was exported:"), problem_lines(payload.problems))
        elif isinstance(payload, OSError):
            self._show(
                self.tr("Nothing was exported: cannot write {file}: {reason}").format(
                    file=ltr(str(payload.filename or "")), reason=payload.strerror or payload
                ), "")
        else:
            # The job's own words (a folder not writable, the database away); logged too.
            _log.warning("export failed: %s: %s", getattr(payload, "kind", ""), payload)
            self._show(self.tr("Nothing was exported: {reason}").format(reason=payload), "")

    def _show(self, summary: str, problems: str) -> None:
        self.summary.setText(summary)
        show_arabic(self.problems)
        self.problems.setPlainText(problems)
        self.problems.setVisible(bool(problems))
        self.copy_button.setVisible(bool(problems))

    def reject(self) -> None:
        if self.progress.running:
            self.progress.cancel()
            self.progress.wait()
        super().reject()
