"""The label bar: one button per schema label, with its colour, key and Arabic and English name."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from annotator.core.model import Label, LabelSchema
from annotator.ui.i18n import current_language


def _text_color(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (#RRGGBB)."""
    r, g, b = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    return "#000000" if (0.299 * r + 0.587 * g + 0.114 * b) > 150 else "#ffffff"


class LabelBar(QWidget):
    """Buttons and key shortcuts that label the selection (Alt+key: exact characters)."""

    label_chosen = Signal(str, bool)  # label name, exact

    def __init__(self, schema: LabelSchema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("label_bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(6)
        self.label_actions: list[QAction] = []
        self._labelled: list[tuple[QAction, Label, bool]] = []
        for label in schema.labels:
            action = self._action(label, exact=False)
            exact = self._action(label, exact=True)
            button = QToolButton(self)
            button.setObjectName(f"label_{label.name}")
            button.setDefaultAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the article's selection
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setStyleSheet(
                f"QToolButton {{ background: {label.color}; color: {_text_color(label.color)};"
                " border-radius: 4px; padding: 3px 10px; font-weight: 600; }"
            )
            layout.addWidget(button)
            del exact  # its shortcut is enough; the button shows the plain one
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the actions' texts again in the interface language."""
        arabic = current_language() == "ar"
        for action, label, exact in self._labelled:
            key = f"Alt+{label.key}" if exact else label.key
            # Both names in English (the Arabic one is how the articles say it); in Arabic
            # the Arabic name alone.
            text = (
                f"{label.key}  {label.name_ar}" if arabic
                else f"{label.key}  {label.name_ar} · {label.name_en}"
            )
            action.setText(self.tr("{text} (exact characters)").format(text=text) if exact
                           else text)
            action.setToolTip(self.tr("{name} — key {key}").format(
                name=label.name_ar if arabic else label.name, key=key))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def _action(self, label: Label, *, exact: bool) -> QAction:
        key = f"Alt+{label.key}" if exact else label.key
        action = QAction(self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._labelled.append((action, label, exact))
        action.triggered.connect(lambda: self.label_chosen.emit(label.name, exact))
        self.label_actions.append(action)
        self.addAction(action)
        return action
