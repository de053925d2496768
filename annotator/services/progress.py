"""How long-running services report progress, without knowing who listens."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

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
