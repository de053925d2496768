"""Moving between documents: next, previous, and "mark done (or skipped) and go to the next"."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from annotator.core.model import DocStatus
from annotator.ui.bridge import SessionBridge
from annotator.ui.document_list import DocumentListView


class DocumentNavigator(QObject):
    """Follows the document list's order and filters."""

    message_posted = Signal(str)

    def __init__(
        self, bridge: SessionBridge, documents: DocumentListView, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._documents = documents
        documents.document_chosen.connect(self.open)

    def open(self, document_id: int) -> bool:
        """Open ``document_id``."""
        return self._bridge.open(document_id)

    def step(self, step: int) -> bool:
        """Open the next (1) or previous (-1) document that passes the filter."""
        session = self._bridge.session
        target = session.neighbour(
            session.document_id, step, query=self._documents.query
        )
        if target is None:
            self.message_posted.emit(
                self.tr("This is the last document.") if step > 0
                else self.tr("This is the first document.")
            )
            return False
        return self.open(target)

    def finish(self, status: DocStatus) -> bool:
        """Give the open document ``status`` and go on to the next one."""
        session = self._bridge.session
        if session.document_id is None:
            return False
        # Chosen before the status changes: under a "new" filter the document leaves the list.
        target = session.neighbour(
            session.document_id, +1, query=self._documents.query
        )
        command = session.status_command(status)
        if command is not None and not self._bridge.execute(command):
            return False
        if target is None:
            self.message_posted.emit(self.tr("Marked; this was the last document."))
            return False
        return self.open(target)
