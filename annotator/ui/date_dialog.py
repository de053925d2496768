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

_NO_MOD = "(none)"


class DateValueDialog(QDialog):
    """Edits one value; OK only while the value fits its precision (2024-10-24 is a day,
    2024-W43 a week, 2024-10 a month, 2024 a year)."""

    def __init__(
        self, text: str, attrs: Mapping[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("date_value_dialog")
        self.setWindowTitle("Date value")
        current = DateValue.from_attrs(attrs)
        layout = QFormLayout(self)
        expression = QLabel(text)
        expression.setObjectName("date_expression")
        layout.addRow("Expression:", expression)
        self.value_edit = QLineEdit(current.value if current is not None else "")
        self.value_edit.setObjectName("date_value")
        self.value_edit.setPlaceholderText("2024-10-24, 2024-W43, 2024-10 or 2024")
        layout.addRow("&Value:", self.value_edit)
        self.precision_box = QComboBox()
        self.precision_box.setObjectName("date_precision")
        self.precision_box.addItems(list(PRECISIONS))
        if current is not None:
            self.precision_box.setCurrentText(current.precision)
        layout.addRow("&Precision:", self.precision_box)
        self.mod_box = QComboBox()
        self.mod_box.setObjectName("date_mod")
        self.mod_box.addItems([_NO_MOD, *MODS])
        if current is not None and current.mod is not None:
            self.mod_box.setCurrentText(current.mod)
        layout.addRow("&Mod:", self.mod_box)
        self.none_box = QCheckBox("No value: a person cannot date it either")
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
        mod = self.mod_box.currentText()
        return DateValue(
            self.value_edit.text().strip(),
            cast(Precision, self.precision_box.currentText()),
            None if mod == _NO_MOD else cast(Mod, mod),
        )

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        for widget in (self.value_edit, self.precision_box, self.mod_box):
            widget.setEnabled(not self.none_box.isChecked())
        try:
            self.value()
        except ValueError as exc:
            self.problem.setText(str(exc))
            ok.setEnabled(False)
            return
        self.problem.setText("")
        ok.setEnabled(True)
