"""Ctrl+F: find in the open article with the Arabic folding of ``annotator search``.

Hamza forms, diacritics, tatweel and obfuscation dots fold away (core.text.find_all), so "هدد"
finds "هــ.دد". Every hit is tinted, the current one is selected (a label key labels it), and the
bar says "3 / 28". F3 and Shift+F3 go to the next and previous hit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from annotator.core.text import find_all
from annotator.services.changes import Change, DocumentOpened, DocumentReloaded
from annotator.ui.article_view import ArticleView
from annotator.ui.bridge import SessionBridge

HIT_COLOUR = QColor("#FFE066")


class FindBar(QWidget):
    """A query field, the hit count and next/previous; hidden until Ctrl+F."""

    def __init__(
        self, bridge: SessionBridge, article: ArticleView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self._bridge = bridge
        self._article = article
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        self.query = QLineEdit(self)
        self.query.setObjectName("find_query")
        self.query.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.query.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setObjectName("find_count")
        previous = QPushButton(self)
        previous.setToolTip("Shift+F3")
        previous.clicked.connect(self.find_previous)
        following = QPushButton(self)
        following.setToolTip("F3")
        following.clicked.connect(self.find_next)
        close = QPushButton(self)
        close.clicked.connect(self.close_bar)
        self._buttons = (previous, following, close)
        self._find_label = QLabel(self)
        self._retranslate()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self._find_label)
        layout.addWidget(self.query, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.query.textChanged.connect(self._on_query_changed)
        self.query.returnPressed.connect(self.find_next)
        bridge.changed.connect(self._on_change)
        self.setVisible(False)

    def _retranslate(self) -> None:
        self.query.setPlaceholderText(self.tr("Find in this article (Arabic-aware)"))
        previous, following, close = self._buttons
        previous.setText(self.tr("Previous"))
        following.setText(self.tr("Next"))
        close.setText(self.tr("Close"))
        self._find_label.setText(self.tr("Find:"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_buttons"):
            self._retranslate()

    def open_bar(self) -> None:
        """Show the bar with the article's selection (if any) as the query, ready to type."""
        selection = self._article.selection_range()
        if selection is not None:
            self.query.setText(self._bridge.session.text[selection[0] : selection[1]])
        self.setVisible(True)
        self.query.setFocus()
        self.query.selectAll()
        self._search(keep_position=True)

    def close_bar(self) -> None:
        """Hide the bar and its tints; the article gets the keys again."""
        self.setVisible(False)
        self._article.setExtraSelections([])
        self._article.setFocus()

    def find_next(self) -> None:
        """Select the next hit (wrapping round)."""
        self._step(+1)

    def find_previous(self) -> None:
        """Select the previous hit (wrapping round)."""
        self._step(-1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    # ----- internals -----------------------------------------------------------------------
    def _on_query_changed(self, _text: str) -> None:
        self._search(keep_position=True)

    def _on_change(self, change: Change) -> None:
        if isinstance(change, DocumentOpened | DocumentReloaded) and self.isVisible():
            self._search(keep_position=False)

    def _search(self, *, keep_position: bool) -> None:
        text = self._bridge.session.text
        query = self.query.text()
        self.hits = find_all(text, query) if query.strip() else []
        self.current = -1
        if self.hits and keep_position:
            # The first hit at or after the caret, as editors do while typing a query.
            caret = self._article.caret_offset()
            selection = self._article.selection_range()
            if selection is not None:
                caret = selection[0]
            self.current = next(
                (i for i, (start, _end) in enumerate(self.hits) if start >= caret), 0
            )
        elif self.hits:
            self.current = 0
        self._show()

    def _step(self, direction: int) -> None:
        if not self.isVisible():
            self.open_bar()
            return
        if not self.hits:
            self._search(keep_position=True)
            if not self.hits:
                return
        self.current = (self.current + direction) % len(self.hits)
        self._show()

    def _show(self) -> None:
        positions = self._article.positions
        selections: list[QTextEdit.ExtraSelection] = []
        tint = QTextCharFormat()
        tint.setBackground(HIT_COLOUR)
        for start, end in self.hits:
            extra = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self._article.document())
            cursor.setPosition(positions.to_qt(start))
            cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            extra.cursor = cursor
            extra.format = tint
            selections.append(extra)
        self._article.setExtraSelections(selections)
        if not self.query.text().strip():
            self.count.setText("")
        elif not self.hits:
            self.count.setText(self.tr("No match"))
        else:
            self.count.setText(f"{self.current + 1} / {len(self.hits)}")
            start, end = self.hits[self.current]
            self._article.select_range(start, end)
            self._article.ensureCursorVisible()
