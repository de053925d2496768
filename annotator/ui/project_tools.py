"""The window's project-wide tools: import, export, find, corpus search, label all occurrences.

Holds the workspace (the CLI's services bound to the session's project) and opens each tool's
widget; the main window only places them and binds their actions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QWidget

from annotator.services.searching import SearchHit
from annotator.services.workspace import Workspace
from annotator.ui.article_view import ArticleView
from annotator.ui.bridge import SessionBridge
from annotator.ui.find_bar import FindBar
from annotator.ui.i18n import current_language
from annotator.ui.progress_summary import ProgressSummary
from annotator.ui.search_panel import SearchPanel

# The dialogs (and the import's and export's services and formats behind them) are imported
# when one is first opened: the window does not wait for them at its start (ADR 0015).
if TYPE_CHECKING:
    from annotator.services.importing import ImportReport
    from annotator.ui.export_dialog import ExportDialog
    from annotator.ui.import_dialog import ImportDialog
    from annotator.ui.occurrences_dialog import OccurrencesDialog

# The interface language a dialog's texts were set in.
LANGUAGE_PROPERTY = "interface_language"


class ProjectTools(QObject):
    """Opens the import and export dialogs, the find bar, the corpus search and the statistics."""

    message_posted = Signal(str)

    def __init__(self, bridge: SessionBridge, article: ArticleView, window: QWidget) -> None:
        super().__init__(window)
        self._bridge = bridge
        self._article = article
        self._window = window
        self.workspace = Workspace.of(bridge.session)
        self.find_bar = FindBar(bridge, article)
        self.search_panel = SearchPanel(self.workspace, window, bridge.session.schema)
        self.search_panel.setVisible(False)
        self.search_panel.hit_chosen.connect(self.open_hit)
        self.import_dialog: ImportDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.occurrences_dialog: OccurrencesDialog | None = None
        self.progress_summary = ProgressSummary(bridge, self.workspace)
        self.statistics: QDialog | None = None

    # ----- import and export -------------------------------------------------------------------
    def show_import(self, paths: list[Path] | None = None) -> ImportDialog:
        """Open the import dialog (non-modal: the window stays usable), with ``paths`` listed."""
        if self.import_dialog is not None and self._stale(self.import_dialog):
            self.import_dialog.deleteLater()
            self.import_dialog = None
        if self.import_dialog is None:
            from annotator.ui.import_dialog import ImportDialog

            self.import_dialog = ImportDialog(self.workspace, self._window)
            self.import_dialog.setProperty(LANGUAGE_PROPERTY, current_language())
            self.import_dialog.imported.connect(self._on_imported)
        if paths:
            self.import_dialog.add_paths(paths)
        self.import_dialog.show()
        self.import_dialog.raise_()
        return self.import_dialog

    def show_export(self) -> ExportDialog:
        """Open the export dialog (non-modal)."""
        if self.export_dialog is not None and self._stale(self.export_dialog):
            self.export_dialog.deleteLater()
            self.export_dialog = None
        if self.export_dialog is None:
            from annotator.ui.export_dialog import ExportDialog

            self.export_dialog = ExportDialog(self.workspace, self._window)
            self.export_dialog.setProperty(LANGUAGE_PROPERTY, current_language())
        self.export_dialog.show()
        self.export_dialog.raise_()
        return self.export_dialog

    @staticmethod
    def _stale(dialog: ImportDialog | ExportDialog) -> bool:
        """A closed, idle dialog made in another interface language: made again when shown."""
        return (not dialog.isVisible() and not dialog.progress.running
                and dialog.property(LANGUAGE_PROPERTY) != current_language())

    def accepts_drag(self, event: QDragEnterEvent) -> bool:
        """True (and accepted) when files are dragged over the window."""
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
            return True
        return False

    def drop(self, event: QDropEvent) -> bool:
        """Files dropped on the window open the import dialog with them listed."""
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return False
        event.acceptProposedAction()
        self.show_import(paths)
        return True

    def _on_imported(self, report: ImportReport) -> None:
        from annotator.ui.import_dialog import report_summary

        # The import was stored by this process but outside the session: the same check that
        # picks up other annotators' changes lists the new documents.
        self._bridge.check_for_changes()
        session = self._bridge.session
        if session.document_id is None and report.added:
            self._bridge.open(report.added[0])
        self.message_posted.emit(report_summary(report))

    # ----- finding -----------------------------------------------------------------------------
    def find(self) -> None:
        """Ctrl+F: the find bar over the open article."""
        self.find_bar.open_bar()

    def find_next(self) -> None:
        """F3."""
        self.find_bar.find_next()

    def find_previous(self) -> None:
        """Shift+F3."""
        self.find_bar.find_previous()

    def search_corpus(self) -> None:
        """Ctrl+Shift+F: the corpus search panel, searching the article's selection if any."""
        selection = self._article.selection_range()
        query = self._bridge.session.text[selection[0] : selection[1]] if selection else ""
        self.search_panel.open_panel(query)

    def open_hit(self, hit: SearchHit) -> None:
        """Open the hit's document with the hit selected and in view."""
        if hit.document_id != self._bridge.session.document_id and not self._bridge.open(
            hit.document_id
        ):
            return
        self._article.select_range(hit.start, hit.end)
        # The text is laid out lazily: make the hit visible now and once the loop has run.
        self._article.ensureCursorVisible()
        QTimer.singleShot(0, self._article.ensureCursorVisible)
        self._article.setFocus(Qt.FocusReason.OtherFocusReason)

    def label_all_occurrences(self) -> OccurrencesDialog | None:
        """The preview of "label all occurrences" for the selected span."""
        span_id = self._article.selected_span
        if span_id is None:
            self.message_posted.emit(
                self.tr("Click a span first: its label goes on its other occurrences.")
            )
            return None
        from annotator.ui.occurrences_dialog import OccurrencesDialog

        dialog = OccurrencesDialog(self._bridge, self.workspace, span_id, self._window)
        self.occurrences_dialog = dialog
        # Back to the article afterwards: the next key (Ctrl+Z, a label) is meant for it.
        dialog.finished.connect(self._back_to_article)
        dialog.open()
        return dialog

    def show_statistics(self) -> QDialog:
        """The Statistics window (non-modal), refreshed after every stored change."""
        if self.statistics is None:
            # Imported on first use: the plotting library is not needed to start the window.
            from annotator.ui.stats_view import StatisticsView

            self.statistics = StatisticsView(
                self._bridge, self.workspace, self._bridge.session.schema, self._window
            )
        self.statistics.show()
        self.statistics.raise_()
        return self.statistics

    def _back_to_article(self) -> None:
        self._window.activateWindow()
        self._article.setFocus(Qt.FocusReason.OtherFocusReason)

    def close(self) -> None:
        """Stop running jobs before the window goes."""
        for dialog in (self.import_dialog, self.export_dialog):
            if dialog is not None:
                dialog.reject()
