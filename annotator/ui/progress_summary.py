"""The status bar's progress: done / total documents as a bar, and spans per label.

It reads ``annotator stats`` (services.stats through the workspace) a moment after stored
changes, so a run of edits costs one count.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from annotator.core.model import LabelSchema
from annotator.services.changes import Change
from annotator.services.workspace import Workspace
from annotator.ui.bridge import SessionBridge
from annotator.ui.texts import label_title

# How long after a change the counts are read again: a run of edits is counted once.
REFRESH_DELAY_MS = 400


def progress_text(stats: dict[str, Any], schema: LabelSchema | None = None) -> str:
    """"12 / 40 done · ACTOR 30 · TARGET 12 …": the status bar's summary."""
    done = stats["by_status"].get("done", 0)
    labels = " · ".join(f"{label_title(schema, name)} {n}" for name, n in stats["by_label"].items())
    text = QCoreApplication.translate("ProgressSummary", "{done} / {documents} done").format(
        done=done, documents=stats["documents"]
    )
    return text + (f" · {labels}" if labels else "")


class Refresher:
    """Calls ``refresh`` once, a moment after the last of a run of changes."""

    def __init__(self, bridge: SessionBridge, refresh: Callable[[], None], parent: QWidget) -> None:
        self.timer = QTimer(parent)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REFRESH_DELAY_MS)
        self.timer.timeout.connect(refresh)
        bridge.changed.connect(self._on_change)

    def _on_change(self, _change: Change) -> None:
        self.timer.start()


class ProgressSummary(QWidget):
    """Done / total as a bar, and spans per label, for the status bar."""

    def __init__(
        self, bridge: SessionBridge, workspace: Workspace, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progress_summary")
        self._workspace = workspace
        self._bridge = bridge
        self.bar = QProgressBar(self)
        self.bar.setObjectName("progress_done")
        self.bar.setMaximumWidth(160)
        # The share only: "79977 / 100000 done" did not fit the bar at a large project's
        # counts (cut off in both languages), and the label beside it says the counts.
        self.bar.setFormat("%p%")
        self.text = QLabel(self)
        self.text.setObjectName("progress_text")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.text)
        self._refresher = Refresher(bridge, self.refresh, self)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "text"):
            self.refresh()

    def refresh(self) -> None:
        """Read the counts again."""
        stats = self._workspace.stats()
        self.bar.setRange(0, max(1, stats["documents"]))
        self.bar.setValue(stats["by_status"].get("done", 0))
        self.text.setText(progress_text(stats, self._bridge.session.schema))
