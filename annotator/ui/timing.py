"""Start-up timing: ``ANNOTATOR_TIMING=1 annotator`` reports the time to the first paint.

Measured from the start of the process (Linux: its start time in ``/proc``; elsewhere from the
import of this package, which misses the interpreter's own start), up to the first paint of
the article. ``ANNOTATOR_TIMING=exit`` also quits right after, for benchmarks.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

_IMPORTED = time.time()


def process_start() -> float:
    """When this process started (epoch seconds), as precisely as the system tells."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            # Field 22, after the command name in parentheses (which may hold spaces).
            fields = fh.read().rsplit(")", 1)[1].split()
        ticks = int(fields[19])
        with open("/proc/stat", encoding="ascii") as fh:
            boot = next(int(line.split()[1]) for line in fh if line.startswith("btime"))
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return _IMPORTED


class FirstPaintTimer(QObject):
    """Prints the time from process start to the first paint of ``widget`` on stderr."""

    def __init__(self, widget: QWidget, *, quit_after: bool) -> None:
        super().__init__(widget)
        self._quit_after = quit_after
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            # Reported once the paint itself has run: the event loop's next turn.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        seconds = time.time() - process_start()
        print(f"annotator: first paint {seconds:.3f} s after start", file=sys.stderr, flush=True)
        if self._quit_after:
            QCoreApplication.quit()


def watch_first_paint(widget: QWidget) -> FirstPaintTimer | None:
    """Time the first paint of ``widget`` if $ANNOTATOR_TIMING asks for it."""
    mode = os.environ.get("ANNOTATOR_TIMING", "").strip().lower()
    if not mode or mode == "0":
        return None
    return FirstPaintTimer(widget, quit_after=mode == "exit")
