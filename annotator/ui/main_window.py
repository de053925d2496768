"""The main window: composes the article, label bar, span list, document list and status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Document
from annotator.services.changes import (
    Change,
    DocumentOpened,
    DocumentReloaded,
    DocumentsChanged,
    SpanAdded,
    SpanChanged,
    SpanRemoved,
    StatusChanged,
)
from annotator.services.known_names import KnownNames
from annotator.services.session import AnnotationSession
from annotator.ui.article_view import ArticleView
from annotator.ui.bridge import SessionBridge
from annotator.ui.document_list import DocumentListView
from annotator.ui.event_actions import EventActions
from annotator.ui.events_panel import EventsPanel
from annotator.ui.fonts import DEFAULT_POINT_SIZE
from annotator.ui.i18n import (
    LANGUAGES,
    Language,
    current_language,
    isolate,
    ltr,
    set_language,
)
from annotator.ui.label_bar import LabelBar
from annotator.ui.navigation import DocumentNavigator
from annotator.ui.panes import PaneCycle
from annotator.ui.project_files import ProjectFiles
from annotator.ui.project_tools import ProjectTools
from annotator.ui.shortcuts import SHORTCUTS, ActionName, translated
from annotator.ui.span_list import SpanListView
from annotator.ui.state import WindowState
from annotator.ui.suggestions import SuggestionActions
from annotator.ui.team import TeamActions
from annotator.ui.texts import label_title, status_title
from annotator.ui.training import ModelTraining

if TYPE_CHECKING:  # imported when first shown (F1): the window does not wait for it
    from annotator.ui.help_dialog import HelpDialog

# How often the window asks the store whether the open document or the list changed elsewhere.
CHANGE_CHECK_MS = 3000


class MainWindow(QMainWindow):
    """The annotation window over one session."""

    def __init__(
        self,
        session: AnnotationSession,
        *,
        settings: QSettings,
        database: str,
        log_path: Path | None = None,
        known_names: KnownNames | None = None,
        suggest: Callable[[], int] | None = None,
        least_sure: Callable[[], int | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.setObjectName("main_window")
        self.bridge = SessionBridge(session, self)
        self.state = WindowState(settings, database=database)
        self.known_names = known_names
        self.article = ArticleView(
            self.bridge, known_names=known_names if known_names is not None else frozenset()
        )
        self.label_bar = LabelBar(session.schema)
        self.span_list = SpanListView(self.bridge)
        self.events_panel = EventsPanel(self.bridge)
        self.documents = DocumentListView(self.bridge)
        self.navigator = DocumentNavigator(self.bridge, self.documents, self)
        self.tools = ProjectTools(self.bridge, self.article, self)
        self.files = ProjectFiles(settings, database, self)
        self.help_dialog: HelpDialog | None = None
        self._pending_scroll: tuple[int, int | None] | None = None  # scroll value, top offset

        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.label_bar)
        column.addWidget(self.article, 1)
        column.addWidget(self.tools.find_bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.documents)
        splitter.addWidget(centre)
        # Spans above, the events made of them below.
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.span_list)
        side.addWidget(self.events_panel)
        side.setSizes([400, 400])
        splitter.addWidget(side)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 760, 270])
        self.setCentralWidget(splitter)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.tools.search_panel)
        self.setAcceptDrops(True)
        self.position_label = QLabel()
        self.position_label.setObjectName("document_position")
        self.selection_label = QLabel()
        self.selection_label.setObjectName("selection_range")
        self.exact_label = QLabel()
        self.exact_label.setObjectName("exact_characters")
        self._retranslate_status()
        self.exact_label.hide()
        self.statusBar().addPermanentWidget(self.exact_label)
        self.statusBar().addPermanentWidget(self.tools.progress_summary)
        self.statusBar().addPermanentWidget(self.selection_label)
        self.statusBar().addPermanentWidget(self.position_label)
        # Filtered or sorted: the place shown is the place in the list as it is now.
        self.documents.document_model.modelReset.connect(self._update_position)

        self.event_actions = EventActions(self.bridge, self.article, self.events_panel, self)
        self.panes = PaneCycle([(self.documents, self.documents.table),
                                (self.article, self.article),
                                (self.span_list, self.span_list),
                                (self.events_panel, self.events_panel.tree)])
        self.actions_by_name: dict[ActionName, QAction] = {}
        self.suggestions = SuggestionActions(self.bridge, self.article, suggest=suggest,
                                             parent=self)
        self.training = ModelTraining(database, least_sure=least_sure, parent=self)
        self.training.message_posted.connect(self._on_message)
        self.training.document_chosen.connect(
            lambda document_id: self._leave_and(lambda: self.navigator.open(document_id)))
        self.statusBar().addPermanentWidget(self.training.bar)
        self._make_actions()
        # Who is annotating, the others' spans, agreement and curation (ui/team.py).
        self.team = TeamActions(self, self.bridge, self.article, settings)
        self.label_bar.label_chosen.connect(self._on_label_chosen)
        self.span_list.span_chosen.connect(self.article.select_span)
        self.article.span_selected.connect(self.span_list.show_span)
        self.article.span_selected.connect(self._on_span_selected)
        self.article.span_selected.connect(self.events_panel.show_span)
        self.events_panel.message_posted.connect(self._on_message)
        self.event_actions.message_posted.connect(self._on_message)
        self.article.selection_range_changed.connect(self._on_selection_range_changed)
        # Arrows and Page Up/Down move the caret without changing any selection.
        self.article.cursorPositionChanged.connect(self._on_caret_moved)
        # Where the annotator is reading is written soon after it changes, not only on close:
        # a crash or a kill must not send them back to the top of a long article.
        self._remember_timer = QTimer(self)
        self._remember_timer.setSingleShot(True)
        self._remember_timer.setInterval(500)
        self._remember_timer.timeout.connect(self.remember)
        self.article.cursorPositionChanged.connect(self._remember_timer.start)
        self.article.verticalScrollBar().valueChanged.connect(self._remember_timer.start)
        self.article.point_size_changed.connect(self.state.remember_point_size)
        self.bridge.changed.connect(self._on_change)
        self.bridge.edit_failed.connect(self._on_edit_failed)
        self.bridge.conflict_detected.connect(self._on_conflict)
        self.bridge.message_posted.connect(self._on_message)
        self.navigator.message_posted.connect(self._on_message)
        self.tools.message_posted.connect(self._on_message)
        # After the navigator opened the chosen document: the next keys select in the article.
        self.documents.document_chosen.connect(self._focus_article)
        # Changes made elsewhere (another window, another annotator) show up within a few
        # seconds, and at once when this window is activated: two cheap version reads.
        self.change_timer = QTimer(self)
        self.change_timer.setInterval(CHANGE_CHECK_MS)
        self.change_timer.timeout.connect(self.bridge.check_for_changes)
        self.change_timer.start()
        self.resize(1280, 800)
        if self.state.geometry is not None:
            self.restoreGeometry(self.state.geometry)
        if self.state.point_size is not None:
            self.article.set_point_size(self.state.point_size)
        self._open_first_document()

    # ----- composition -----------------------------------------------------------------------
    def _make_actions(self) -> None:
        handlers: dict[ActionName, Callable[[], object]] = {
            "delete": self.delete_selected,
            "undo": self.bridge.undo_stack.undo,
            "redo": self.bridge.undo_stack.redo,
            "next_document": lambda: self._leave_and(lambda: self.navigator.step(+1)),
            "previous_document": lambda: self._leave_and(lambda: self.navigator.step(-1)),
            "done_and_next": lambda: self._leave_and(lambda: self.navigator.finish("done")),
            "skip_and_next": lambda: self._leave_and(lambda: self.navigator.finish("skipped")),
            "mark_in_progress": self.mark_in_progress,
            "document_properties": self.event_actions.show_properties,
            "new_event": self.event_actions.new_event,
            "edit_date": self.event_actions.edit_date,
            "zoom_in": lambda: self.article.zoom_by(+1),
            "zoom_out": lambda: self.article.zoom_by(-1),
            "zoom_reset": lambda: self.article.set_point_size(DEFAULT_POINT_SIZE),
            "exact_characters": self._on_exact_toggled,
            "next_pane": lambda: self.panes.step(+1),
            "previous_pane": lambda: self.panes.step(-1),
            "help": self.show_help,
            "import": self.tools.show_import,
            "export": self.tools.show_export,
            "find": self.tools.find,
            "find_next": self.tools.find_next,
            "find_previous": self.tools.find_previous,
            "search_corpus": self.tools.search_corpus,
            "label_all": self.tools.label_all_occurrences,
            "statistics": self.tools.show_statistics,
            "quit": self.close,
        }
        for entry in SHORTCUTS:
            action = QAction(translated(entry.title), self)
            action.setObjectName(f"action_{entry.name}")
            action.setShortcuts([QKeySequence(k) for k in entry.keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            handler = handlers[entry.name]
            action.triggered.connect(lambda _checked=False, h=handler: h())
            self.addAction(action)
            self.actions_by_name[entry.name] = action
        self.actions_by_name["exact_characters"].setCheckable(True)
        stack = self.bridge.undo_stack
        self.actions_by_name["undo"].setEnabled(stack.canUndo())
        self.actions_by_name["redo"].setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(self.actions_by_name["undo"].setEnabled)
        stack.canRedoChanged.connect(self.actions_by_name["redo"].setEnabled)
        menu = self.menuBar()
        self.menus: dict[str, QMenu] = {}
        # The usual order: File first, Help last; the label actions sit next to Edit.
        for key, names in (
            ("file", ("import", "export", "quit")),
            ("edit", ("undo", "redo", "delete", "new_event", "edit_date", "find", "find_next",
                      "find_previous", "search_corpus", "label_all")),
            ("labels", ()),
            ("document", ("next_document", "previous_document", "done_and_next",
                          "skip_and_next", "mark_in_progress", "document_properties")),
            ("view", ("zoom_in", "zoom_out", "zoom_reset", "exact_characters", "next_pane",
                      "previous_pane")),
            ("help", ("help",)),
        ):
            sub = menu.addMenu("")
            sub.setObjectName(f"menu_{key}")
            self.menus[key] = sub
            if key == "file":
                sub.addAction(self.files.open_action)
                sub.addAction(self.files.new_action)
                sub.addMenu(self.files.recent_menu)
                sub.addSeparator()
            for name in names:
                sub.addAction(self.actions_by_name[name])  # type: ignore[index]
            if key == "labels":
                for action in self.label_bar.label_actions:
                    sub.addAction(action)
        # Before Help, which stays last.
        self.suggestions_menu = QMenu(self)
        self.suggestions_menu.setObjectName("menu_suggestions")
        menu.insertMenu(menu.actions()[-1], self.suggestions_menu)
        for action in self.suggestions.actions.values():
            self.addAction(action)
            self.suggestions_menu.addAction(action)
        self.suggestions.attach_menu(self.suggestions_menu)
        self.model_menu = QMenu(self)
        self.model_menu.setObjectName("menu_model")
        menu.insertMenu(menu.actions()[-1], self.model_menu)
        self.model_menu.addAction(self.training.action)
        self.model_menu.addAction(self.training.least_sure_action)
        # View > Language: each language named in itself; the choice applies at once.
        self.language_menu = self.menus["view"].addMenu("")
        self.language_menu.setObjectName("menu_language")
        group = QActionGroup(self)
        self.language_actions: dict[Language, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self)
            action.setObjectName(f"action_language_{code}")
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self._retranslate_menus()

    def _retranslate_menus(self) -> None:
        titles = {
            "file": self.tr("&File"),
            "edit": self.tr("&Edit"),
            "labels": self.tr("&Labels"),
            "document": self.tr("&Document"),
            "view": self.tr("&View"),
            "help": self.tr("&Help"),
        }
        for key, sub in self.menus.items():
            sub.setTitle(titles[key])
        self.language_menu.setTitle(self.tr("&Language"))
        self.suggestions_menu.setTitle(self.tr("&Suggestions"))
        self.model_menu.setTitle(self.tr("&Model"))
        self.suggestions.retranslate()
        self.training.retranslate()
        for entry in SHORTCUTS:
            text = translated(entry.title)
            if current_language() == "ar":
                # A menu lays the shortcut out right to left too, "Ctrl++" as "++Ctrl": given
                # after a tab, isolated left to right, it reads as on the keyboard.
                keys = QKeySequence(entry.keys[0])
                text += "\t" + ltr(keys.toString(QKeySequence.SequenceFormat.NativeText))
            self.actions_by_name[entry.name].setText(text)
        for code, action in self.language_actions.items():
            action.setChecked(code == current_language())

    def _retranslate_status(self) -> None:
        self.exact_label.setText(self.tr("Exact characters"))
        self.exact_label.setToolTip(self.tr("Selections keep exact characters (View menu)"))

    def retranslate(self) -> None:
        """Set every text the window shows itself again, in the interface language."""
        self._retranslate_menus()
        self._retranslate_status()
        self.files.retranslate()
        self.team.retranslate()
        self._update_title()
        self._update_position()
        if self.article.selected_span is not None:
            self._on_span_selected(self.article.selected_span)
        else:
            self._on_selection_range_changed(self.article.selection_range())

    def choose_language(self, language: Language) -> None:
        """Switch the interface to ``language`` now and remember it for the next start."""
        if not set_language(language):
            self._on_message(self.tr("The Arabic interface could not be loaded; see the log."))
        self.state.remember_language(current_language())

    def _open_first_document(self) -> None:
        session = self.bridge.session
        # No list of every document: the list model's count, one position look-up, and the
        # first document by the same indexed query as "next document".
        if self.documents.document_model.project_size == 0:
            self.statusBar().showMessage(
                self.tr("This project has no documents yet: import some.")
            )
            return
        last = self.state.last_document
        if last is not None and session.document_position(last) is not None:
            self._pending_scroll = (self.state.scroll, self.state.top)
            caret = self.state.caret
            self.bridge.open(last)
            if 0 <= caret <= len(session.text):
                self.article.select_range(caret, caret)
        else:
            first = session.neighbour(None, +1)
            if first is not None:
                self.bridge.open(first)

    # ----- behaviour ---------------------------------------------------------------------------
    def show_help(self) -> None:
        """Show the shortcuts (non-modal, so the article stays usable)."""
        if self.help_dialog is None:
            from annotator.ui.help_dialog import HelpDialog

            self.help_dialog = HelpDialog(self.bridge.session.schema, self)
        self.help_dialog.show()
        self.help_dialog.raise_()

    def mark_in_progress(self) -> bool:
        """Set the open document back to in progress (undoable); False if it already is."""
        session = self.bridge.session
        if session.document_id is None:
            return False
        if not self.bridge.execute(session.status_command("in_progress")):
            self._on_message(self.tr("This document is already in progress."))
            return False
        return True

    def delete_selected(self) -> bool:
        """Delete what the annotator is on: in the events list the event (or a role's span),
        elsewhere the selected span."""
        if self.events_panel.tree.hasFocus():
            return self.events_panel.delete_current()
        return self.article.delete_selected()

    def remember(self) -> None:
        """Write the open document and its scroll position to the settings."""
        document_id = self.bridge.session.document_id
        if document_id is not None:
            self.state.remember_document(
                document_id,
                scroll=self.article.verticalScrollBar().value(),
                caret=self.article.caret_offset(),
                top=self.article.top_offset(),
            )

    def _focus_article(self, _document_id: int) -> None:
        self.article.setFocus()

    def _leave_and(self, move: Callable[[], bool]) -> None:
        move()
        self.article.setFocus()

    def _on_label_chosen(self, label: str, exact: bool) -> None:
        if self.article.apply_label(label, exact=exact) != "nothing":
            return
        if self.article.selection_range() is None and self.article.selected_span is None:
            self._on_message(
                self.tr("Select some text, or click a span, then press a label key.")
            )
        elif self.article.selection_range() is not None:
            self._on_message(
                self.tr("Nothing new to label there (punctuation only, or already labeled).")
            )

    def _on_document_opened(self, document: Document) -> None:
        self._update_title()
        if self.known_names is not None:
            self.known_names.refresh()  # names labeled elsewhere meanwhile
        self._update_position()
        # Written a moment later, as a scroll is: the write lays the article out to find its
        # top line and syncs the settings file, which the window's first paint waited for.
        self._remember_timer.start()
        if self._pending_scroll is not None:
            value, top = self._pending_scroll
            self._pending_scroll = None

            def restore() -> None:
                if top is not None:
                    self.article.scroll_to_top_offset(top)
                else:  # remembered by an older version: the scroll bar's value only
                    self.article.verticalScrollBar().setValue(value)

            # The text is laid out lazily: scroll again once the event loop has run.
            restore()
            QTimer.singleShot(0, restore)

    def _on_change(self, change: Change) -> None:
        match change:
            case DocumentOpened(document=document):
                self._on_document_opened(document)
            case DocumentReloaded():
                self._update_title()
                if self.known_names is not None:
                    self.known_names.refresh()
                self._on_message(
                    self.tr("This document was changed elsewhere: showing it as stored now.")
                )
            case SpanChanged(new=new) if new.id == self.article.selected_span:
                # Relabeled or resized: the same span stays selected, shown as it is now.
                self.span_list.show_span(new.id)
                self._on_span_selected(new.id)
            case SpanAdded() | SpanRemoved():
                if isinstance(change, SpanAdded) and self.known_names is not None:
                    # A name just labeled is known at once: the next double-click uses it.
                    self.known_names.add(change.span.text)
                # The list's rows moved under its selection: it shows the article's choice
                # again (nothing, after a delete), never the row that slid into place.
                self.span_list.show_span(self.article.selected_span)
            case StatusChanged(status="in_progress", before="done" | "skipped" as before):
                self._update_title()
                if change.document_id == self.bridge.session.document_id:
                    self._on_message(
                        self.tr(
                            "This document was {before}; it is in progress again "
                            "(Ctrl+Enter marks it done)."
                        ).format(before=status_title(before))
                    )
            case StatusChanged():
                self._update_title()
            case DocumentsChanged():
                # Documents imported (here or elsewhere): the count grew.
                self._update_position()

    def _on_exact_toggled(self) -> None:
        # The mouse-free way to Alt: window managers take Alt+drag to move windows.
        on = self.actions_by_name["exact_characters"].isChecked()
        self.article.set_exact_characters(on)
        self.exact_label.setVisible(on)

    def _update_position(self) -> None:
        # The list model's count and one position look-up: never a list of every document.
        model = self.documents.document_model
        current = self.bridge.session.document_id
        place = model.place_of(current) if current is not None else None
        position, total = place if place is not None else (0, model.project_size)
        self.position_label.setText(
            self.tr("Document {position} / {total}").format(position=position, total=total)
        )

    def _update_title(self) -> None:
        document = self.bridge.session.document
        if document is None:
            self.setWindowTitle("annotator")
            return
        status = status_title(self.bridge.session.status)
        self.setWindowTitle(
            self.tr("{document} ({status}) — annotator").format(
                document=isolate(document.name), status=status
            )
        )

    def _on_selection_range_changed(self, selection: tuple[int, int] | None) -> None:
        if selection is None:
            self.selection_label.setText(
                self.tr("Caret {offset}").format(offset=self.article.caret_offset())
            )
        else:
            start, end = selection
            self.selection_label.setText(
                self.tr("Selection {range} ({characters})").format(
                    range=isolate(f"{start}–{end}"), characters=self._characters(end - start)
                )
            )

    def _characters(self, count: int) -> str:
        return self.tr("%n characters", "", count)

    def _on_caret_moved(self) -> None:
        if self.article.selected_span is None:
            self._on_selection_range_changed(self.article.selection_range())

    def _on_span_selected(self, span_id: int | None) -> None:
        if span_id is None:
            self._on_selection_range_changed(self.article.selection_range())
            return
        span = self.bridge.session.span(span_id)
        self.selection_label.setText(
            self.tr("{label} {range} ({characters})").format(
                label=label_title(self.bridge.session.schema, span.label),
                range=isolate(f"{span.start}–{span.end}"),
                characters=self._characters(span.end - span.start),
            )
        )

    def _on_edit_failed(self, what: str, why: str) -> None:
        """An edit was not saved: say which one and why, in a dialog the annotator must see."""
        box = QMessageBox(self)
        box.setObjectName("edit_failed_dialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Not saved"))
        details = (
            self.tr("\n\nDetails are in the log: {path}").format(path=isolate(str(self.log_path)))
            if self.log_path else ""
        )
        box.setText(
            self.tr("Not saved: {what}.\n\nReason: {why}.").format(what=what, why=why) + details
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        # Not modal to the event loop: the window keeps drawing what is stored.
        box.open()
        self.statusBar().showMessage(self.tr("Not saved: {what}").format(what=what), 15000)

    def _on_conflict(self, message: str) -> None:
        self.statusBar().showMessage(message, 30000)

    def _on_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)

    # ----- Qt events -----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.article.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.bridge.check_for_changes()
        elif event.type() == QEvent.Type.LanguageChange and hasattr(self, "menus"):
            self.retranslate()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.tools.accepts_drag(event):
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if not self.tools.drop(event):
            super().dropEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tools.close()
        self.change_timer.stop()
        self._remember_timer.stop()
        self.remember()
        self.state.remember_geometry(self.saveGeometry())
        if self.help_dialog is not None:
            self.help_dialog.close()
        self.bridge.close()
        super().closeEvent(event)
