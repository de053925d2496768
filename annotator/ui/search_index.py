"""The corpus search index (then the CoNLL export's token templates), completed in the
background once the window is on screen.

An import leaves its documents out of the search index (ADR 0016): searches and the text
filter read those documents' texts themselves, correct but slower on a large import. The
window moves them into the index a small batch per turn of the event loop, each batch its
own short write transaction, so the article, the list and the user's edits answer between
them; it stops when nothing is left, and starts again when documents arrive (an import in
the window or from another process, seen as ``DocumentsChanged``). What each batch does is
the caller's: ``ui/app.py``'s ``background_completion`` indexes first, then makes the token
templates (ADR 0022).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

#: Documents indexed per turn: about 25 ms of work on this machine (folding and trigrams).
BATCH = 50
#: Milliseconds left to the event loop between two batches.
PAUSE_MS = 10


class SearchIndexCompleter(QObject):
    """Runs a batch of background work per turn of the event loop until a batch does nothing.

    ``index_some(n)`` handles up to n documents in one write transaction and says how many it
    did (0: everything is complete, or it could not be written: searches and exports stay
    correct without it, only slower).
    """

    def __init__(self, index_some: Callable[[int], int], parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self._index_some = index_some
        self._running = False

    def start(self) -> None:
        """Begin (or go on) completing the index; nothing happens if it is already running."""
        if not self._running:
            self._running = True
            QTimer.singleShot(0, self, self._step)

    @property
    def running(self) -> bool:
        """Whether batches are still being indexed."""
        return self._running

    def _step(self) -> None:
        if self._index_some(BATCH):
            QTimer.singleShot(PAUSE_MS, self, self._step)
        else:
            self._running = False
