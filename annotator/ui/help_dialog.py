"""F1: every shortcut and mouse gesture, built from the same tables the actions use."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from annotator.core.model import LabelSchema
from annotator.ui.shortcuts import ARTICLE_KEYS, MOUSE_GESTURES, SHORTCUTS
from annotator.ui.suggestions import SUGGESTION_KEYS


def _native(keys: tuple[str, ...]) -> str:
    return " or ".join(
        QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys
    )


def help_rows(schema: LabelSchema) -> list[tuple[str, str]]:
    """(keys, what they do) for every shortcut, label keys first."""
    rows: list[tuple[str, str]] = []
    for label in schema.labels:
        rows.append(
            (label.key, f"Label the selection {label.name} ({label.name_ar}), or relabel the "
             "selected span")
        )
        rows.append((f"Alt+{label.key}", f"Label exactly the selected characters {label.name}"))
    rows.extend((_native(s.keys), s.title) for s in SHORTCUTS)
    rows.extend((_native(keys[:1]), title) for _, keys, title in SUGGESTION_KEYS)
    rows.extend(ARTICLE_KEYS)
    return rows


class HelpDialog(QDialog):
    """Lists the keyboard shortcuts and mouse gestures."""

    def __init__(self, schema: LabelSchema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle("Keyboard and mouse")
        self.resize(620, 640)
        self.rows = help_rows(schema) + list(MOUSE_GESTURES)
        body = "".join(
            f"<tr><td style='padding-right:18px'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
            for k, v in self.rows
        )
        browser = QTextBrowser(self)
        browser.setHtml(
            "<h3>Keyboard and mouse</h3><p>Every edit is saved at once; there is no Save.</p>"
            f"<table>{body}</table>"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
