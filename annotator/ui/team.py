"""Team work in the window: who is annotating, the others' spans, agreement and curation.

The dialogs live in modules of their own: the name question (``team_name``), the agreement
dialog (``team_agreement``), the curation view (``team_curation``) and the assignment dialog
(``team_assign``); this module wires them to the window's menus and status bar.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTextEdit

from annotator.core.model import Span
from annotator.services.changes import (
    Change,
    DocumentOpened,
    DocumentReloaded,
    DocumentsChanged,
)
from annotator.services.editing import StoreFailure
from annotator.ui.article_view import ArticleView
from annotator.ui.bridge import SessionBridge
from annotator.ui.i18n import isolate
from annotator.ui.team_name import NAME_KEY, ask_name, stored_name
from annotator.ui.texts import label_title

# The dialogs (and agreement, curation and assignment behind them) are imported when one is
# first opened: the window does not wait for them at its start (ADR 0015).
if TYPE_CHECKING:
    from annotator.services.agreement import AgreementStore
    from annotator.services.curation import CurationStore
    from annotator.ui.team_agreement import AgreementDialog
    from annotator.ui.team_assign import AssignDialog
    from annotator.ui.team_curation import CurationDialog

__all__ = ["NAME_KEY", "OthersOverlay", "TeamActions", "ask_name", "stored_name"]

#: One colour per other annotator, in the order of their names (colour-blind safe set).
MARKER_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")


class OthersOverlay:
    """The other annotators' spans of the open document, drawn read-only over the article.

    Each person gets a colour; their spans are underlined with it (dotted, so the label colours
    of one's own spans stay readable). Extra selections, not the highlighter: they are never
    one's own spans, no edit reaches them, and a document has few of them.
    """

    def __init__(self, bridge: SessionBridge, article: ArticleView) -> None:
        self._bridge = bridge
        self._article = article
        self.visible = False
        self.markers: dict[str, QColor] = {}
        self.shown: list[tuple[str, Span]] = []
        bridge.changed.connect(self._on_change)

    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        self.refresh()

    def refresh(self) -> None:
        """Read the others' spans again and draw them (or clear them when hidden)."""
        self.shown = []
        self.markers = {}
        if self.visible:
            try:
                others = self._bridge.session.others_spans()
            except StoreFailure as exc:
                self._bridge.message_posted.emit(
                    QCoreApplication.translate(
                        "TeamActions", "Cannot read the others' spans: {reason}"
                    ).format(reason=exc))
                others = {}
            for i, (name, spans) in enumerate(others.items()):
                self.markers[name] = QColor(MARKER_COLORS[i % len(MARKER_COLORS)])
                self.shown.extend((name, s) for s in spans)
        positions = self._article.positions
        selections = []
        for name, span in self.shown:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self._article.document())
            cursor.setPosition(positions.to_qt(span.start))
            cursor.setPosition(positions.to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(self.markers[name])
            title = label_title(self._bridge.session.schema, span.label)
            fmt.setToolTip(f"{isolate(name)}: {title}")
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self._article.setExtraSelections(selections)

    def legend(self) -> str:
        """Who is shown in which colour, as rich text for the status bar ("" when hidden)."""
        if not self.visible:
            return ""
        if not self.markers:
            return QCoreApplication.translate(
                "TeamActions", "No one else labeled this document.")
        from annotator.ui.team_curation import comma

        return QCoreApplication.translate("TeamActions", "Others:") + " " + comma().join(
            f'<span style="color:{color.name()}">■</span>&nbsp;{html.escape(name)}'
            for name, color in self.markers.items()
        )

    def _on_change(self, change: Change) -> None:
        if isinstance(change, DocumentOpened | DocumentReloaded) and self.visible:
            self.refresh()


def curation_store(store: Any) -> CurationStore:
    """The session's repository seen as what curation needs (the composition root's store)."""
    return cast("CurationStore", store)


def agreement_store(store: Any) -> AgreementStore:
    """The session's repository seen as what agreement needs."""
    return cast("AgreementStore", store)


class TeamActions(QObject):
    """The team menu entries of the main window and what they do.

    File > Switch annotator, View > Show others' spans, Statistics > Agreement and
    Document > Curate; the annotator's name in the status bar.
    """

    def __init__(self, window: QMainWindow, bridge: SessionBridge, article: ArticleView,
                 settings: QSettings) -> None:
        super().__init__(window)
        self._bridge = bridge
        self._article = article
        self._settings = settings
        self.overlay = OthersOverlay(bridge, article)
        self.legend_label = QLabel()
        self.legend_label.setObjectName("others_legend")
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        window.statusBar().addWidget(self.legend_label)
        self.name_label = QLabel()
        self.name_label.setObjectName("annotator_name")
        window.statusBar().addPermanentWidget(self.name_label)
        bridge.changed.connect(self._on_change)
        #: Replaceable where no one can answer (tests): asks for a name, None to cancel.
        self.ask: Callable[[str], str | None] = lambda default: ask_name(
            self._window(), default, title=self.tr("Switch annotator")
        )
        self.agreement_dialog: AgreementDialog | None = None
        self.curation_dialog: CurationDialog | None = None
        self.switch_action = self._action(window, "switch_annotator", self.switch_annotator)
        self.others_action = self._action(window, "show_others",
                                          lambda: self.show_others(
                                              self.others_action.isChecked()))
        self.others_action.setCheckable(True)
        self.agreement_action = self._action(window, "agreement", self.show_agreement)
        self.curate_action = self._action(window, "curate", self.curate)
        self.assign_action = self._action(window, "assign", self.assign)
        self.assign_dialog: AssignDialog | None = None

        # Menus by object name: their titles change with the interface language.
        def menu(key: str) -> QMenu:
            return cast(QMenu, window.findChild(QMenu, f"menu_{key}"))

        file_menu = menu("file")
        file_menu.insertAction(file_menu.actions()[0], self.switch_action)
        menu("view").addAction(self.others_action)
        menu("document").addAction(self.curate_action)
        menu("document").addAction(self.assign_action)
        self.stats_menu = QMenu(window)
        self.stats_menu.setObjectName("menu_statistics")
        self.stats_menu.addAction(self.agreement_action)
        window.menuBar().insertMenu(menu("help").menuAction(), self.stats_menu)
        self.retranslate()
        self._show_name()

    def _window(self) -> QMainWindow:
        # The parent, asked for each time: a reference kept here would make a cycle that
        # keeps a closed window alive until the cyclic collector runs (or, frozen, forever).
        return cast(QMainWindow, self.parent())

    def retranslate(self) -> None:
        """The entries' texts in the interface language (called again when it changes)."""
        self.switch_action.setText(self.tr("Switch &annotator…"))
        self.others_action.setText(self.tr("Show &others' spans"))
        self.agreement_action.setText(self.tr("&Agreement…"))
        self.curate_action.setText(self.tr("&Curate this document…"))
        self.assign_action.setText(self.tr("A&ssign documents…"))
        self.stats_menu.setTitle(self.tr("S&tatistics"))
        self._show_name()

    @staticmethod
    def _action(window: QMainWindow, name: str, handler: Callable[[], object]) -> QAction:
        action = QAction(window)
        action.setObjectName(f"action_{name}")
        action.triggered.connect(lambda _checked=False: handler())
        window.addAction(action)
        return action

    def _show_name(self) -> None:
        self.name_label.setText(
            self.tr("Annotator: {name}").format(name=self._bridge.session.annotator))

    def switch_annotator(self, name: str | None = None) -> bool:
        """Work as another annotator (asked when ``name`` is None); False if nothing changed."""
        session = self._bridge.session
        if name is None:
            name = self.ask(session.annotator)
        if name is None or name.strip() == session.annotator:
            return False
        try:
            session.switch_annotator(name)
        except (StoreFailure, ValueError) as exc:
            self._bridge.message_posted.emit(
                self.tr("Cannot switch annotator: {reason}").format(reason=exc))
            return False
        # The undo history holds the previous annotator's edits: never undo them as this one.
        self._bridge.undo_stack.clear()
        self._settings.setValue(NAME_KEY, session.annotator)
        self._show_name()
        self.overlay.refresh()
        self.legend_label.setText(self.overlay.legend())
        self._bridge.message_posted.emit(
            self.tr("Now annotating as {name}.").format(name=isolate(session.annotator)))
        return True

    def show_others(self, visible: bool) -> None:
        """Overlay (or hide) the other annotators' spans of the open document."""
        self.others_action.setChecked(visible)
        self.overlay.set_visible(visible)
        self.legend_label.setText(self.overlay.legend())

    def _on_change(self, change: Change) -> None:
        # After the overlay (connected first) read the new document's others.
        if isinstance(change, DocumentOpened | DocumentReloaded):
            self.legend_label.setText(self.overlay.legend())

    def show_agreement(self) -> AgreementDialog:
        """Statistics > Agreement, for the current annotator and another one."""
        from annotator.services.agreement import annotator_names
        from annotator.ui.team_agreement import AgreementDialog

        session = self._bridge.session
        store = agreement_store(session.repository)
        try:
            names = annotator_names(store)
        except StoreFailure as exc:
            self._bridge.message_posted.emit(
                self.tr("Cannot read the annotators: {reason}").format(reason=exc))
            names = []
        if self.agreement_dialog is not None:
            self.agreement_dialog.close()
        dialog = AgreementDialog(store, names, session.annotator, self._window(),
                                 schema=session.schema)
        dialog.disagreement_chosen.connect(self.open_at)
        dialog.show()
        self.agreement_dialog = dialog
        return dialog

    def open_at(self, document_id: int, start: int, end: int) -> None:
        """Open a document and select ``[start, end)`` in it (a disagreement chosen)."""
        if self._bridge.session.document_id != document_id and not self._bridge.open(
            document_id
        ):
            return
        # A disagreement is judged by seeing the other side too: the others' spans show.
        self.show_others(True)
        self._article.select_range(start, end)
        self._article.setFocus()

    def curate(self) -> CurationDialog | None:
        """Document > Curate: the curation of the open document."""
        from annotator.services.curation import Curation
        from annotator.ui.team_curation import CurationDialog

        session = self._bridge.session
        if session.document_id is None:
            return None
        try:
            curation = Curation(curation_store(session.repository), session.document_id)
        except StoreFailure as exc:
            self._bridge.message_posted.emit(
                self.tr("Cannot read the document: {reason}").format(reason=exc))
            return None
        dialog = CurationDialog(
            curation, session.schema, self._article.selection_range, self._window()
        )
        dialog.accepted.connect(self._curated)
        dialog.show()
        self.curation_dialog = dialog
        return dialog

    def assign(self) -> AssignDialog:
        """Document > Assign documents; the list is read again when some were given."""
        from annotator.services.team import TeamStore
        from annotator.ui.team_assign import AssignDialog

        session = self._bridge.session
        dialog = AssignDialog(
            cast(TeamStore, session.repository), session.project_id, session.annotator,
            self._window(),
        )
        dialog.accepted.connect(lambda: self._assigned(dialog))
        dialog.show()
        self.assign_dialog = dialog
        return dialog

    def _assigned(self, dialog: AssignDialog) -> None:
        given = dialog.given or []
        self._bridge.message_posted.emit(
            self.tr("Assigned {count} document(s) to {name}.").format(
                count=len(given), name=isolate(dialog.name.text().strip()))
        )
        self._bridge.session.changes.publish(DocumentsChanged())

    def _curated(self) -> None:
        dialog = self.curation_dialog
        if dialog is not None and dialog.saved is not None:
            events = len(dialog.kept_events())
            self._bridge.message_posted.emit(
                self.tr("Curation saved: {spans} span(s) and {events} event(s).").format(
                    spans=len(dialog.saved), events=events))
        # Storing the curation raised the version: read the document again.
        self._bridge.check_for_changes()
