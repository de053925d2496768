"""Start-up: what waits for the first paint, and ``ANNOTATOR_TIMING=1 annotator``, which
reports the time to it.

Measured from the start of the process (Linux: its start time in ``/proc``; elsewhere from the
import of this package, which misses the interpreter's own start), up to the first paint of
the article, and then to the store being open (the window may start without it: ADR 0015).
``ANNOTATOR_TIMING=exit`` quits right after the first paint, ``ready`` once the store is
open, for benchmarks.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

_IMPORTED = time.time()


def process_start() -> float:
    """When this process started (epoch seconds), as precisely as the system tells."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            # Field 22, after the command name in parentheses (which may hold spaces).
            fields = fh.read().rsplit(")", 1)[1].split()
        # The start in clock ticks since boot, against the boot clock read now: its age. Not
        # /proc/stat's boot time, which is whole seconds and made every start look up to a
        # second older than it was.
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - int(fields[19]) / os.sysconf(
            "SC_CLK_TCK")
        return time.time() - age
    except (OSError, ValueError, IndexError, AttributeError):
        return _IMPORTED


#: Work held back until the starting window's first paint (None: nothing is starting).
_waiting: list[Callable[[], object]] | None = None


def hold_until_first_paint() -> None:
    """From now until :func:`watch_first_paint`'s widget is painted, :func:`after_first_paint`
    holds work back (called before the window is built: building it opens a document)."""
    global _waiting
    _waiting = []


def after_first_paint(callback: Callable[[], object]) -> None:
    """Run ``callback`` from the event loop once the starting window has been painted (on
    the loop's next turn if it has been, or if no window is starting)."""
    if _waiting is not None:
        _waiting.append(callback)
    else:
        QTimer.singleShot(0, callback)


def stop_holding() -> None:
    """Forget the held-back work (the window closed, or never opened, before its paint)."""
    global _waiting
    _waiting = None


#: Set when a benchmark run quits once the store is open: the work released after the first
#: paint and not yet run is dropped (known names read every span of the project).
_quitting = False


def _run_unless_quitting(callback: Callable[[], object]) -> None:
    if not _quitting:
        callback()


def _release() -> None:
    global _waiting
    waiting, _waiting = _waiting or [], None
    for callback in waiting:
        # Each in a turn of its own: the window answers between them.
        QTimer.singleShot(0, lambda c=callback: _run_unless_quitting(c))


class FirstPaintWatcher(QObject):
    """On the first paint of ``widget``: releases the held-back work and, with ``report``,
    prints the time from process start on stderr (``quit_after``: and quits instead)."""

    def __init__(self, widget: QWidget, *, report: bool, quit_after: bool) -> None:
        super().__init__(widget)
        self._report = report
        self._quit_after = quit_after
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            # Once the paint itself has run: the event loop's next turn.
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        if self._report:
            seconds = time.time() - process_start()
            print(f"annotator: first paint {seconds:.3f} s after start", file=sys.stderr,
                  flush=True)
        if self._quit_after:
            stop_holding()
            QCoreApplication.quit()
            return
        _release()


def _mode() -> str:
    mode = os.environ.get("ANNOTATOR_TIMING", "").strip().lower()
    return "" if mode == "0" else mode


def watch_first_paint(widget: QWidget) -> FirstPaintWatcher:
    """Watch for the first paint of ``widget`` (the article: what the annotator waits for);
    the time to it is printed when $ANNOTATOR_TIMING asks (``exit``: then the program quits).
    """
    mode = _mode()
    return FirstPaintWatcher(widget, report=bool(mode), quit_after=mode == "exit")


def store_ready() -> None:
    """The window's store is open (after the first paint, when the window started without
    it): the time is printed when $ANNOTATOR_TIMING asks (``ready``: then the program quits).
    """
    mode = _mode()
    if mode:
        seconds = time.time() - process_start()
        print(f"annotator: store open {seconds:.3f} s after start", file=sys.stderr, flush=True)
    if mode == "ready":
        global _quitting
        _quitting = True
        QCoreApplication.quit()
