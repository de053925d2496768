"""How long-running services report progress, without knowing who listens."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

T = TypeVar("T")

# (what is being done, how many done, how many in all or None when unknown). The command line
# turns calls into a progress bar on a terminal; the window may show them in its status bar.
ProgressFn = Callable[[str, int, "int | None"], None]


def no_progress(task: str, done: int, total: int | None) -> None:
    """A listener that ignores every report."""


def counted(
    items: Iterable[T], *, task: str, total: int | None, progress: ProgressFn, every: int = 100
) -> Iterator[T]:
    """Yield ``items`` unchanged, reporting the count every ``every`` items and at the end."""
    done = 0
    progress(task, 0, total)
    for item in items:
        yield item
        done += 1
        # Reporting every item would cost more than the work for small records.
        if done % every == 0:
            progress(task, done, total)
    progress(task, done, total if total is not None else done)


class Cancelled(Exception):
    """The job was cancelled before it changed anything."""


# Reports after which a job is committing its result: from there it runs to its end, so that
# a cancel never leaves half of an import stored or a file written but reported as cancelled.
_COMMITTING_TASKS = frozenset({"storing"})


class Flag(Protocol):
    """A flag one side raises and the other reads: threading.Event, multiprocessing.Event."""

    def set(self) -> None: ...
    def is_set(self) -> bool: ...


class Cancellation:
    """A flag another thread may raise; :meth:`watch` makes a job stop at its next report.

    A job stops by raising :class:`Cancelled` out of a progress report, which the import and
    export services make only before they store or move anything. Once a job reports
    "storing" (or the end of "writing") the flag is no longer honoured: it finishes.
    """

    def __init__(self, flag: Flag | None = None) -> None:
        # A process-shared flag when the job runs in a child process.
        self._cancelled: Flag = flag if flag is not None else threading.Event()
        self._committing = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next report."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancelled.is_set()

    @property
    def committing(self) -> bool:
        """True once the job passed the point where it can still stop without a trace."""
        return self._committing.is_set()

    def watch(self, progress: ProgressFn = no_progress) -> ProgressFn:
        """``progress`` that raises Cancelled first when the flag is up and it is not too late."""

        def report(task: str, done: int, total: int | None) -> None:
            if task in _COMMITTING_TASKS or (
                task == "writing" and total is not None and done >= total
            ):
                self._committing.set()
            if self._cancelled.is_set() and not self._committing.is_set():
                raise Cancelled
            progress(task, done, total)

        return report
