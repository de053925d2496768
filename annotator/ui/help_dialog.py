"""F1: every shortcut and mouse gesture, built from the same tables the actions use."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from annotator.core.model import LabelSchema
from annotator.ui.i18n import current_language, ltr
from annotator.ui.shortcuts import ARTICLE_KEYS, MOUSE_GESTURES, SHORTCUTS, translated
from annotator.ui.suggestions import SUGGESTION_KEYS


def _native(keys: tuple[str, ...]) -> str:
    return QCoreApplication.translate("HelpDialog", " or ").join(
        ltr(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)) for k in keys
    )


def help_rows(schema: LabelSchema) -> list[tuple[str, str]]:
    """(keys, what they do) for every shortcut, label keys first, in the interface language."""
    rows: list[tuple[str, str]] = []
    for label in schema.labels:
        # Both names are offered; a translation uses the one its readers know.
        names = {"name": label.name, "name_ar": label.name_ar, "name_en": label.name_en}
        rows.append((label.key, QCoreApplication.translate(
            "HelpDialog", "Label the selection {name} ({name_ar}), or relabel the selected span"
        ).format(**names)))
        rows.append((f"Alt+{label.key}", QCoreApplication.translate(
            "HelpDialog", "Label exactly the selected characters {name}"
        ).format(**names)))
    rows.extend((_native(s.keys), translated(s.title)) for s in SHORTCUTS)
    rows.extend((_native(keys[:1]), translated(title)) for _, keys, title in SUGGESTION_KEYS)
    rows.extend((translated(k), translated(v)) for k, v in ARTICLE_KEYS)
    return rows


class HelpDialog(QDialog):
    """Lists the keyboard shortcuts and mouse gestures."""

    def __init__(self, schema: LabelSchema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.resize(620, 640)
        self._schema = schema
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("help_text")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.rows: list[tuple[str, str]] = []
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text again in the interface language."""
        self.setWindowTitle(self.tr("Keyboard and mouse"))
        self.rows = help_rows(self._schema) + [
            (translated(k), translated(v)) for k, v in MOUSE_GESTURES
        ]
        # Qt's rich text lays tables out left to right whatever the direction: mirrored by
        # hand, the keys stay in the first column as an Arabic reader sees it (the right one).
        # Each key sequence reads left to right ("Ctrl+Shift+Z", not "Z+Shift+Ctrl").
        rtl = current_language() == "ar"
        align = " align='right'" if rtl else ""
        cells = [
            (f"<td{align} style='padding-right:18px; padding-left:18px'><b>"
             f"{escape(k if chr(0x2066) in k else ltr(k))}</b></td>",
             f"<td{align}>{escape(v)}</td>")
            for k, v in self.rows
        ]
        body = "".join(f"<tr>{v}{k}</tr>" if rtl else f"<tr>{k}{v}</tr>" for k, v in cells)
        title = self.tr("Keyboard and mouse")
        saved = self.tr("Every edit is saved at once; there is no Save.")
        self.browser.setHtml(
            f"<h3>{escape(title)}</h3><p>{escape(saved)}</p><table{align}>{body}</table>"
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
