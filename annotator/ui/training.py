"""Model > Train: the suggestion model trained in a background process, with a progress bar.

Training takes from seconds to a minute or two; it runs as ``annotator train`` in its own
process (QProcess), so the window stays usable and an edit made meanwhile is stored as usual.
The process reports its iterations as ``progress`` lines on stderr and prints the model card
as JSON when it is done.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressBar

from annotator.ui.i18n import ltr

#: The training steps in the order they run (scoring the new documents last), for one bar.
_TASKS = ("held-out model", "final model", "certainty")


class ModelTraining(QObject):
    """The Train action, the process it starts and the progress bar it drives."""

    # The model card when training ends well; the error text when it does not.
    finished = Signal(dict)
    failed = Signal(str)
    message_posted = Signal(str)

    # A document to open: the one the model is least sure about.
    document_chosen = Signal(int)

    def __init__(
        self,
        database: str,
        *,
        least_sure: Callable[[], int | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._least_sure = least_sure
        self.action = QAction(self)
        self.action.setObjectName("action_train_model")
        self.action.triggered.connect(lambda _checked=False: self.start())
        # An order of work that teaches the next model most: the new document whose best
        # tagging the model gives the lowest probability.
        self.least_sure_action = QAction(self)
        self.least_sure_action.setObjectName("action_least_sure")
        self.least_sure_action.setEnabled(least_sure is not None)
        self.least_sure_action.triggered.connect(lambda _checked=False: self.open_least_sure())
        self.bar = QProgressBar()
        self.bar.setObjectName("training_progress")
        self.bar.setMaximumWidth(200)
        self.bar.hide()
        self.retranslate()
        self._process: QProcess | None = None
        self._errors = ""

    def retranslate(self) -> None:
        """The actions' and the progress bar's texts again, in the interface language."""
        self.action.setText(self.tr("Train the suggestion model"))
        self.least_sure_action.setText(
            self.tr("Open the new document the model is least sure about")
        )
        self.bar.setFormat(self.tr("Training %p%"))

    def open_least_sure(self) -> int | None:
        """Ask for the least sure new document and announce it; None when there is none."""
        if self._least_sure is None:
            return None
        document_id = self._least_sure()
        if document_id is None:
            self.message_posted.emit(
                self.tr("No trained model or no new document: train one first")
            )
            return None
        self.document_chosen.emit(document_id)
        return document_id

    @property
    def running(self) -> bool:
        return self._process is not None

    def start(self) -> bool:
        """Start training in a background process; False if it is already running."""
        if self._process is not None:
            self.message_posted.emit(self.tr("The model is already being trained"))
            return False
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(["-m", "annotator", "--db", self._database, "train", "--json",
                              "--progress-lines"])
        process.readyReadStandardError.connect(self._on_stderr)
        process.finished.connect(self._on_finished)
        self._errors = ""
        self._process = process
        self.action.setEnabled(False)
        self.bar.setRange(0, 100)
        self.bar.setValue(0)
        self.bar.show()
        self.message_posted.emit(self.tr("Training the suggestion model in the background…"))
        process.start()
        return True

    def _on_stderr(self) -> None:
        assert self._process is not None
        raw = bytes(self._process.readAllStandardError().data()).decode("utf-8", "replace")
        for line in raw.splitlines():
            parts = line.split("\t")
            if len(parts) == 4 and parts[0] == "progress":
                task, done, total = parts[1], int(parts[2]), int(parts[3])
                step = _TASKS.index(task) if task in _TASKS else 0
                share = done / total if total else 0.0
                self.bar.setValue(int(100 * (step + share) / len(_TASKS)))
            elif line.strip():
                self._errors += line + "\n"

    def _on_finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        process = self._process
        assert process is not None
        self._on_stderr()
        out = bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace")
        self._process = None
        process.deleteLater()
        self.action.setEnabled(True)
        self.bar.hide()
        if code == 0:
            try:
                card = json.loads(out)
            except json.JSONDecodeError:
                card = None
            if isinstance(card, dict):
                self.message_posted.emit(_summary(card))
                self.finished.emit(card)
                return
        why = self._errors.strip().splitlines()[-1] if self._errors.strip() else f"exit {code}"
        self.message_posted.emit(self.tr("Training failed: {why}").format(why=why))
        self.failed.emit(why)


def _summary(card: dict[str, object]) -> str:
    scores = card.get("scores")
    if not isinstance(scores, list):
        scores = []
    overall = next((r for r in scores if isinstance(r, dict) and r.get("label") == "all"), None)
    translate = QCoreApplication.translate
    f1 = (translate("ModelTraining", ", F1 {f1} on held-out documents")
          .format(f1=f"{overall['f1']:.2f}") if overall else "")
    return translate(
        "ModelTraining",
        "Model {model} trained on {documents} documents{f1}; new suggestions use it",
    ).format(model=ltr(f"{card.get('name')}-{card.get('version')}"),
             documents=card.get("documents"), f1=f1)
