"""Document > Assign documents: who, how many, and the share given to someone else too."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from annotator.services.editing import StoreFailure
from annotator.services.team import TeamStore, assign_documents


class AssignDialog(QDialog):
    """How many documents to give whom, and the share already given to others."""

    def __init__(self, store: TeamStore, project_id: int, annotator: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assign_dialog")
        self.setWindowTitle(self.tr("Assign documents"))
        self._store = store
        self._project_id = project_id
        self.name = QLineEdit(annotator)
        self.count = QSpinBox()
        self.count.setRange(1, 1_000_000)
        self.count.setValue(50)
        self.overlap = QSpinBox()
        self.overlap.setRange(0, 100)
        self.overlap.setSuffix(" %")
        self.outcome = QLabel()
        self.given: list[int] | None = None
        form = QFormLayout(self)
        form.addRow(self.tr("Annotator"), self.name)
        form.addRow(self.tr("Documents"), self.count)
        form.addRow(self.tr("Shared with others"), self.overlap)
        form.addRow(self.outcome)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Assign"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.assign)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def assign(self) -> None:
        """Assign as the fields say; stays open with the reason when refused."""
        try:
            self.given = assign_documents(
                self._store, self.name.text(), self.count.value(),
                overlap=self.overlap.value() / 100, project=self._project_id,
            )
        except (ValueError, StoreFailure) as exc:
            self.outcome.setText(str(exc))
            return
        self.accept()
