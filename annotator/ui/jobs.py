"""Long jobs (import, export) beside the window, with progress and Cancel, the window live.

A job is a Workspace method taking a progress callback. It runs in a child process
(services.child_jobs: reading and storing hold the interpreter lock for long stretches, which
would freeze a window sharing it) whose messages a timer collects; or, for an in-memory
database another process cannot open, in a QThread whose reports reach the window as queued
signals. Cancel raises a flag the service's progress reports check
(services.progress.Cancellation): the job stops before it stores or moves anything, or, once
it is committing, finishes.
"""


from __future__ import annotations

import gc
import multiprocessing
import queue
from collections.abc import Callable
from multiprocessing.context import SpawnProcess
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from annotator.services.child_jobs import ChildJob, rebuild, run_child_job
from annotator.services.progress import Cancellation, Cancelled, ProgressFn
from annotator.ui.texts import task_title

Job = Callable[[ProgressFn], Any]
# How often the window collects a child's messages.
POLL_MS = 30
_COMMITTING_TASKS = ("storing",)


class _Worker(QThread):
    """Runs one job; everything it reports goes out through signals (queued to the window)."""

    reported = Signal(str, int, int)  # task, done, total (-1: unknown)
    succeeded = Signal(object)  # the job's result
    failed = Signal(object)  # the exception it raised (a user's mistake or a refusal)
    cancelled = Signal()

    def __init__(self, job: Job, cancellation: Cancellation, parent: QObject | None) -> None:
        super().__init__(parent)
        self._job = job
        self._cancellation = cancellation

    def run(self) -> None:
        def progress(task: str, done: int, total: int | None) -> None:
            self.reported.emit(task, done, -1 if total is None else total)

        # The cyclic collector's full passes over the hundreds of thousands of objects an import
        # holds take seconds, under the interpreter lock: the window would freeze meanwhile.
        # The job makes no reference cycles worth collecting early; collection resumes after.
        collecting = gc.isenabled()
        gc.disable()
        try:
            result = self._job(self._cancellation.watch(progress))
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # handed to the window, which decides how to show it
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            if collecting:
                gc.enable()


class JobProgress(QWidget):
    """A progress bar, what is being done, and Cancel; runs one job at a time.

    ``finished`` carries ("done", result), ("failed", exception) or ("cancelled", None).
    """

    finished = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("job_progress")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("job_bar")
        self.task = QLabel(self)
        self.task.setObjectName("job_task")
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("job_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.task)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self._worker: _Worker | None = None
        self._cancellation: Cancellation | None = None
        self._process: SpawnProcess | None = None
        self._messages: Any = None  # the child's multiprocessing queue
        self._cancel_flag: Any = None  # the child's multiprocessing event
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)
        self.setVisible(False)

    @property
    def running(self) -> bool:
        """True while a job runs."""
        return self._worker is not None or self._process is not None

    def start_job(self, child: ChildJob | None, job: Job) -> None:
        """Run ``child`` in a child process, or ``job`` in a thread when there is no child."""
        if child is not None:
            self.start_child(child)
        else:
            self.start(job)

    def start_child(self, job: ChildJob) -> None:
        """Run ``job`` in a child process; one job at a time."""
        if self.running:
            raise RuntimeError("a job is already running")
        # spawn, not fork: a forked copy of a process running Qt threads is not safe.
        context = multiprocessing.get_context("spawn")
        self._messages = context.Queue()
        self._cancel_flag = context.Event()
        self._process = context.Process(
            target=run_child_job, args=(job, self._messages, self._cancel_flag), daemon=True
        )
        self._show_started()
        self._process.start()
        self._poll.start()

    def _collect(self) -> None:
        while True:
            try:
                message = self._messages.get_nowait()
            except queue.Empty:
                break
            if message[0] == "progress":
                self._on_reported(message[1], message[2], -1 if message[3] is None else message[3])
                continue
            outcome, payload = rebuild(message)
            self._end(outcome, payload)
            return
        if self._process is not None and not self._process.is_alive():
            # Gone without a last word (killed, or it crashed before it could say).
            self._end("failed", RuntimeError(
                f"the job stopped unexpectedly (exit code {self._process.exitcode})"))

    def start(self, job: Job) -> None:
        """Run ``job`` in a worker thread; one job at a time."""
        if self.running:
            raise RuntimeError("a job is already running")
        self._cancellation = Cancellation()
        worker = _Worker(job, self._cancellation, self)
        worker.reported.connect(self._on_reported)
        worker.succeeded.connect(lambda result: self._end("done", result))
        worker.failed.connect(lambda exc: self._end("failed", exc))
        worker.cancelled.connect(lambda: self._end("cancelled", None))
        self._worker = worker
        self._show_started()
        worker.start()

    def _show_started(self) -> None:
        self.bar.setRange(0, 0)
        self.task.setText(self.tr("Starting…"))
        self.cancel_button.setEnabled(True)
        self.setVisible(True)

    def cancel(self) -> None:
        """Ask the job to stop; it stops before it changed anything, or finishes."""
        if self._cancellation is not None:
            self._cancellation.cancel()
        if self._cancel_flag is not None:
            self._cancel_flag.set()
        if self.running:
            self.task.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    def wait(self, ms: int = 30_000) -> bool:
        """Block until the job ended (closing a window); True if it did."""
        if self._process is not None:
            self._process.join(ms / 1000)
            return not self._process.is_alive()
        return self._worker.wait(ms) if self._worker is not None else True

    def _on_reported(self, task: str, done: int, total: int) -> None:
        if (self._cancellation is not None and self._cancellation.committing) or (
            task in _COMMITTING_TASKS
        ):
            self.cancel_button.setEnabled(False)
        if total <= 0:
            self.bar.setRange(0, 0)  # busy indicator: the size is not known yet
        else:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self.task.setText(task_title(task))

    def _end(self, outcome: str, payload: object) -> None:
        worker = self._worker
        self._worker = None
        self._cancellation = None
        if worker is not None:
            worker.wait()
            worker.deleteLater()
        process = self._process
        self._process = None
        self._poll.stop()
        if process is not None:
            process.join(10)
            self._messages = None
            self._cancel_flag = None
        self.setVisible(False)
        self.finished.emit(outcome, payload)
