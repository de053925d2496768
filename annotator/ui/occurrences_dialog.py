"""Label all occurrences: a preview of every other hit of the selected span, with check boxes.

Applying adds the span's label to the checked hits as one command (one Ctrl+Z removes them all).
Hits that would overlap a span of another label are listed, greyed out, and never applied.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.services.occurrences import (
    Occurrence,
    Scope,
    find_occurrences,
    label_occurrences_command,
)
from annotator.services.workspace import Workspace
from annotator.ui.bridge import SessionBridge
from annotator.ui.i18n import isolate, ltr
from annotator.ui.texts import label_title


class OccurrencesDialog(QDialog):
    """Preview and apply "label all occurrences" for one span."""

    def __init__(
        self,
        bridge: SessionBridge,
        workspace: Workspace,
        span_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("occurrences_dialog")
        self._bridge = bridge
        self._workspace = workspace
        self._span_id = span_id
        span = bridge.session.span(span_id)
        self.label = span.label
        self.setWindowTitle(self.tr("Label all occurrences of “{text}” as {label}").format(
            text=isolate(span.text), label=label_title(bridge.session.schema, span.label)
        ))
        self.resize(640, 460)
        self.occurrences: list[Occurrence] = []
        self.scope = QComboBox(self)
        self.scope.setObjectName("occurrences_scope")
        self.scope.addItem(self.tr("This document"), "document")
        self.scope.addItem(self.tr("Every document"), "corpus")
        self.scope.currentIndexChanged.connect(self.refresh)
        self.count = QLabel(self)
        self.count.setObjectName("occurrences_count")
        self.list = QListWidget(self)
        self.list.setObjectName("occurrences_list")
        self.list.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(
            self.tr("Label checked"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setObjectName("occurrences_apply")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Where"), self.scope)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.refresh()

    def set_scope(self, scope: Scope) -> None:
        """Look in the open document or in every document."""
        self.scope.setCurrentIndex(max(0, self.scope.findData(scope)))

    def refresh(self) -> None:
        """Find the occurrences again for the chosen scope."""
        scope: Scope = "corpus" if self.scope.currentData() == "corpus" else "document"
        self.occurrences = find_occurrences(
            self._bridge.session, self._workspace, self._span_id, scope
        )
        self.list.clear()
        for occurrence in self.occurrences:
            where = f"{isolate(occurrence.document)} {ltr(f'{occurrence.start}–{occurrence.end}')}"
            if occurrence.applicable:
                item = QListWidgetItem(f"{occurrence.context}   ({where})", self.list)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            else:
                blocked = ", ".join(label_title(self._bridge.session.schema, b)
                                    for b in occurrence.blocked_by)
                item = QListWidgetItem(
                    self.tr("{context}   ({where}; already {blocked}: not labeled)").format(
                        context=occurrence.context, where=where, blocked=blocked
                    ), self.list
                )
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        applicable = sum(o.applicable for o in self.occurrences)
        n_blocked = len(self.occurrences) - applicable
        self.count.setText(
            self.tr("{n} occurrence(s) to label").format(n=applicable)
            + (self.tr("; {n} overlap a span of another label and stay as they are")
               .format(n=n_blocked) if n_blocked else "")
        )
        self.apply_button.setEnabled(applicable > 0)

    def checked(self) -> list[Occurrence]:
        """The occurrences whose box is checked."""
        return [
            occurrence
            for i, occurrence in enumerate(self.occurrences)
            if occurrence.applicable
            and self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def apply(self) -> bool:
        """Label the checked occurrences as one undoable edit; True if something was stored."""
        command = label_occurrences_command(self._bridge.session, self.label, self.checked())
        if command is None or not self._bridge.execute(command):
            return False
        self.accept()
        return True
