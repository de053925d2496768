"""Suggestions in the window: keys to accept, reject and move between them, and refreshing
them when a document opens.

The window never knows where a suggestion came from: ``suggest`` (given by the composition
root) proposes and stores the open document's suggestions; this module only runs the commands
of :mod:`annotator.services.suggestion_editing` through the bridge, so each accept or reject
is one undoable edit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget

from annotator.core.model import Span
from annotator.services.changes import Change, DocumentOpened
from annotator.services.editing import StoreFailure
from annotator.services.suggestion_editing import (
    accept_all_command,
    accept_command,
    next_suggestion,
    reject_command,
    suggestion_at,
)
from annotator.ui.article_view import ArticleView
from annotator.ui.bridge import SessionBridge
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.shortcuts import translated
from annotator.ui.timing import after_first_paint

#: (name, keys, title) of the suggestion actions; the help lists them too.
SUGGESTION_KEYS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("accept_suggestion", ("A",),
     QT_TRANSLATE_NOOP("Shortcuts", "Accept the suggestion under the caret (or the selected one)")),
    ("reject_suggestion", ("X",),
     QT_TRANSLATE_NOOP("Shortcuts", "Reject the suggestion under the caret (or the selected one)")),
    ("next_suggestion", ("Tab",),
     QT_TRANSLATE_NOOP("Shortcuts", "Go to the next suggestion")),
    ("previous_suggestion", ("Shift+Tab",),
     QT_TRANSLATE_NOOP("Shortcuts", "Go to the previous suggestion")),
    ("accept_all_suggestions", ("Ctrl+Shift+A",),
     QT_TRANSLATE_NOOP("Shortcuts", "Accept every suggestion in this document")),
    ("suggest", ("Ctrl+G",),
     QT_TRANSLATE_NOOP("Shortcuts", "Propose suggestions for this document again")),
)

#: The single keys act only while the focus is in the article (enabled there, disabled
#: elsewhere): always on, Tab and Shift+Tab would not move the focus between the window's
#: other widgets (the corpus search's query and results, the list's filters) and A / X would
#: act from the document list. The Suggestions menu, which is about the open article
#: whatever had the focus, turns them on while it is open (``attach_menu``).
ARTICLE_ONLY = frozenset(
    {"accept_suggestion", "reject_suggestion", "next_suggestion", "previous_suggestion"})


class SuggestionActions(QObject):
    """The window's suggestion actions over the bridge and the article view."""

    def __init__(
        self,
        bridge: SessionBridge,
        article: ArticleView,
        *,
        suggest: Callable[[], int] | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._article = article
        self._suggest = suggest
        self._refreshing = False
        self._menu_open = False  # the Suggestions menu is open or closing (attach_menu)
        self.actions: dict[str, QAction] = {}
        handlers: dict[str, Callable[[], object]] = {
            "accept_suggestion": self.accept,
            "reject_suggestion": self.reject,
            "next_suggestion": lambda: self.jump(+1),
            "previous_suggestion": lambda: self.jump(-1),
            "accept_all_suggestions": self.accept_all,
            "suggest": self.refresh,
        }
        for name, keys, title in SUGGESTION_KEYS:
            action = QAction(translated(title), self)
            action.setObjectName(f"action_{name}")
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, h=handlers[name]: h())
            self.actions[name] = action
        self._titles = {name: title for name, _keys, title in SUGGESTION_KEYS}
        self.actions["suggest"].setEnabled(suggest is not None)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus)
        bridge.changed.connect(self._on_change)

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The single keys on while the focus is in the article, off elsewhere. (Not a
        shortcut of the article widget: that one would also fire while a menu it opened is
        up, taking the menu's own letters, such as File > Switch annotator's A.)"""
        if new is None or isinstance(new, QMenuBar | QMenu) or self._menu_open:
            # The window lost the focus (a dialog, another program), the menu bar took it for
            # Alt+letter, or the Suggestions menu is open or closing: as they are.
            return
        self._enable_keys(new is self._article or self._article.isAncestorOf(new))

    def _enable_keys(self, on: bool) -> None:
        for name in ARTICLE_ONLY:
            self.actions[name].setEnabled(on)

    def _menu_shown(self) -> None:
        self._menu_open = True
        self._enable_keys(True)

    def _follow_focus(self) -> None:
        self._menu_open = False
        focused = QApplication.focusWidget()
        if focused is not None:
            self._on_focus(None, focused)

    def attach_menu(self, menu: QMenu) -> None:
        """``menu`` (the window's Suggestions menu) acts on the open article wherever the
        focus was: the single keys are on while it is open (a menu takes no focus, so the
        focus rule would leave them off when it was opened from the document list). Back to
        the focus rule once it is closed, after the item chosen in it has run: Qt hides the
        menu (and the menu bar gives the focus back) before it triggers the item, and it
        ignores a disabled one."""
        menu.aboutToShow.connect(self._menu_shown)
        menu.aboutToHide.connect(lambda: QTimer.singleShot(0, self._follow_focus))

    def retranslate(self) -> None:
        """The actions' texts again, in the interface language."""
        for name, action in self.actions.items():
            action.setText(translated(self._titles[name]))

    def target(self) -> Span | None:
        """The suggestion the keys act on: the selected span if it is one, else the one under
        the caret."""
        session = self._bridge.session
        selected = self._article.selected_span
        if selected is not None:
            try:
                span = session.span(selected)
            except KeyError:
                span = None
            if span is not None and span.origin == "suggested":
                return span
        return suggestion_at(session, self._article.caret_offset())

    def accept(self) -> bool:
        """Accept the target suggestion (one undoable edit); False when there is none."""
        span = self.target()
        if span is None:
            self._bridge.message_posted.emit(
                self.tr("No suggestion here (Tab goes to the next one)")
            )
            return False
        if not self._bridge.execute(accept_command(self._bridge.session, span)):
            return False
        self._article.select_span(span.id, scroll=False)
        return True

    def reject(self) -> bool:
        """Reject the target suggestion (one undoable edit); False when there is none."""
        span = self.target()
        if span is None:
            self._bridge.message_posted.emit(
                self.tr("No suggestion here (Tab goes to the next one)")
            )
            return False
        return self._bridge.execute(reject_command(self._bridge.session, span))

    def accept_all(self) -> bool:
        """Accept every suggestion of the open document as one undoable edit."""
        return self._bridge.execute(accept_all_command(self._bridge.session))

    def jump(self, step: int) -> Span | None:
        """Select the next (1) or previous (-1) suggestion after the caret."""
        span = next_suggestion(self._bridge.session, self._article.caret_offset(), step)
        if span is not None:
            self._article.select_span(span.id)
        return span

    def refresh(self) -> int:
        """Propose the open document's suggestions again; how many there are."""
        if self._suggest is None or self._bridge.session.document_id is None:
            return 0
        self._refreshing = True
        try:
            return self._suggest()
        except StoreFailure as exc:
            self._bridge.message_posted.emit(
                self.tr("Suggestions not stored: {reason}").format(reason=exc)
            )
            return 0
        finally:
            self._refreshing = False

    def _on_change(self, change: Change) -> None:
        # A document was opened by the annotator: its suggestions are proposed once the
        # window has drawn it, at start-up after its first paint (the refresh opens it
        # again, which must not loop).
        if isinstance(change, DocumentOpened) and not self._refreshing:
            after_first_paint(self.refresh)
