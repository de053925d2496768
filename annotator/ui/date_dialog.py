"""A small dialog for a date span's value: ISO value, precision, TIMEX3 mod, checked as typed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from annotator.core.dates import MODS, PRECISIONS, DateValue, Mod, Precision
from annotator.ui.i18n import current_language
from annotator.ui.texts import mod_title, precision_title

_NO_MOD = "(none)"


class DateValueDialog(QDialog):
    """Edits one value; OK only while the value fits its precision (2024-10-24 is a day,
    2024-W43 a week, 2024-10 a month, 2024 a year)."""

    def __init__(
        self, text: str, attrs: Mapping[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("date_value_dialog")
        self.setWindowTitle(self.tr("Date value"))
        current = DateValue.from_attrs(attrs)
        layout = QFormLayout(self)
        expression = QLabel(text)
        expression.setObjectName("date_expression")
        layout.addRow(self.tr("Expression:"), expression)
        self.value_edit = QLineEdit(current.value if current is not None else "")
        self.value_edit.setObjectName("date_value")
        self.value_edit.setPlaceholderText(self.tr("2024-10-24, 2024-W43, 2024-10 or 2024"))
        layout.addRow(self.tr("&Value:"), self.value_edit)
        self.precision_box = QComboBox()
        self.precision_box.setObjectName("date_precision")
        for precision in PRECISIONS:
            self.precision_box.addItem(precision_title(precision), precision)
        if current is not None:
            at = self.precision_box.findData(current.precision)
            self.precision_box.setCurrentIndex(max(0, at))
        layout.addRow(self.tr("&Precision:"), self.precision_box)
        self.mod_box = QComboBox()
        self.mod_box.setObjectName("date_mod")
        self.mod_box.addItem(self.tr("(none)"), _NO_MOD)
        for mod in MODS:
            self.mod_box.addItem(mod_title(mod), mod)
        if current is not None and current.mod is not None:
            self.mod_box.setCurrentIndex(max(0, self.mod_box.findData(current.mod)))
        layout.addRow(self.tr("&Mod:"), self.mod_box)
        self.none_box = QCheckBox(self.tr("No value: a person cannot date it either"))
        self.none_box.setObjectName("date_none")
        layout.addRow(self.none_box)
        self.problem = QLabel()
        self.problem.setObjectName("date_problem")
        self.problem.setStyleSheet("color: #b00020")
        layout.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        self.value_edit.textChanged.connect(self._check)
        self.precision_box.currentIndexChanged.connect(self._check)
        self.mod_box.currentIndexChanged.connect(self._check)
        self.none_box.toggled.connect(self._check)
        self._check()

    def value(self) -> DateValue | None:
        """The value as entered (None: "no value" is ticked); ValueError if it is invalid."""
        if self.none_box.isChecked():
            return None
        mod = str(self.mod_box.currentData())
        return DateValue(
            self.value_edit.text().strip(),
            cast(Precision, str(self.precision_box.currentData())),
            None if mod == _NO_MOD else cast(Mod, mod),
        )

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        for widget in (self.value_edit, self.precision_box, self.mod_box):
            widget.setEnabled(not self.none_box.isChecked())
        try:
            self.value()
        except ValueError as exc:
            # The rule's own words are English (the CLI's); the Arabic window says it briefly.
            self.problem.setText(str(exc) if current_language() == "en" else self.tr(
                "Not a value of this precision (2024-10-24 a day, 2024-W43 a week, "
                "2024-10 a month, 2024 a year)."))
            ok.setEnabled(False)
            return
        self.problem.setText("")
        ok.setEnabled(True)
