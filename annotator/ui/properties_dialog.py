"""Document > Properties: the publication date, with the program's guess shown as a guess.

Relative dates count from the publication date, so it matters: a date the text states
(a dateline, "نشر بتاريخ ...") is offered, marked as a guess, and stays marked until the
annotator ticks "confirmed".
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from annotator.core.publication import GUESSED, PUBLISHED, guess_published, parse_published


class PropertiesDialog(QDialog):
    """Shows a document's name and metadata; edits its publication date."""

    def __init__(
        self, name: str, text: str, meta: Mapping[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("properties_dialog")
        self.setWindowTitle(self.tr("Document properties"))
        layout = QFormLayout(self)
        layout.addRow(self.tr("Document:"), QLabel(name))
        for key in sorted(k for k in meta if k not in (PUBLISHED, GUESSED)):
            layout.addRow(f"{key}:", QLabel(str(meta[key])))
        published = meta.get(PUBLISHED)
        guessed = bool(meta.get(GUESSED))
        self.note = QLabel()
        self.note.setObjectName("published_note")
        self.note.setWordWrap(True)
        if not isinstance(published, str):
            guess = guess_published(text)
            if guess is not None:
                published, guessed = guess.date.isoformat(), True
                self.note.setText(
                    self.tr("Guessed from the text ({reason}: “{text}”); not confirmed.").format(
                        reason=guess.reason, text=text[guess.start:guess.end]
                    )
                )
            else:
                self.note.setText(
                    self.tr("The text states no publication date: enter it if you know it.")
                )
        elif guessed:
            self.note.setText(self.tr("This date is the program's guess; not confirmed."))
        self.published_edit = QLineEdit(published if isinstance(published, str) else "")
        self.published_edit.setObjectName("published_date")
        self.published_edit.setPlaceholderText(self.tr("YYYY-MM-DD (empty: unknown)"))
        layout.addRow(self.tr("&Published:"), self.published_edit)
        self.confirmed_box = QCheckBox(self.tr("&Confirmed (not a guess)"))
        self.confirmed_box.setObjectName("published_confirmed")
        self.confirmed_box.setChecked(not guessed)
        layout.addRow(self.confirmed_box)
        layout.addRow(self.note)
        self.problem = QLabel()
        self.problem.setObjectName("published_problem")
        self.problem.setStyleSheet("color: #b00020")
        layout.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        self.published_edit.textChanged.connect(self._check)
        self._check()

    def published(self) -> datetime.date | None:
        """The date entered (None: left empty); ValueError if it is not a real day."""
        text = self.published_edit.text().strip()
        return None if not text else parse_published(text)

    @property
    def guessed(self) -> bool:
        """Whether the date stays marked as a guess."""
        return not self.confirmed_box.isChecked()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            self.published()
        except ValueError as exc:
            self.problem.setText(str(exc))
            ok.setEnabled(False)
            return
        self.problem.setText("")
        ok.setEnabled(True)
