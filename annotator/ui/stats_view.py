"""Progress at a glance: a bar in the status bar, and a Statistics window with charts.

Both read ``annotator stats`` (services.stats through the workspace) and refresh shortly after
any stored change, so a burst of edits costs one count. The charts are pyqtgraph bar graphs
(docs/adr/0010-window-tools.md says why); the Statistics window saves them as one PNG.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import LabelSchema
from annotator.services.stats import spans_per_day
from annotator.services.workspace import Workspace
from annotator.ui.bridge import SessionBridge
from annotator.ui.progress_summary import Refresher, progress_text
from annotator.ui.texts import label_title, status_title

STATUS_COLOURS = {"new": "#9E9E9E", "in_progress": "#F0A30A", "done": "#2E7D32",
                  "skipped": "#6D4C41"}

# One colour per annotator on the per-day chart (Paul Tol's bright scheme: tells apart for
# colour-blind readers), in the order of their names.
ANNOTATOR_COLOURS = ("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377",
                     "#BBBBBB")
# At most this many dates are written under the per-day chart; the others are ticks only.
_DAY_TICKS = 8


def _bar_chart(title: str) -> Any:
    plot = pg.PlotWidget(background="w", title=title)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    plot.getAxis("left").setTextPen("k")
    plot.getAxis("bottom").setTextPen("k")
    return plot


def _draw(plot: Any, counts: dict[str, int], colours: list[str]) -> list[float]:
    """Bars for ``counts`` in their order; returns the heights drawn."""
    plot.clear()
    names = list(counts)
    heights = [float(counts[n]) for n in names]
    if names:
        bars = pg.BarGraphItem(
            x=list(range(len(names))), height=heights, width=0.6,
            brushes=[pg.mkBrush(c) for c in colours], pens=[pg.mkPen(c) for c in colours],
        )
        plot.addItem(bars)
        plot.getAxis("bottom").setTicks([list(enumerate(names))])
        plot.setXRange(-0.6, len(names) - 0.4, padding=0)
        plot.setYRange(0, max([*heights, 1.0]) * 1.1, padding=0)
    return heights


def _draw_days(plot: Any, per_annotator: dict[str, dict[str, int]]) -> dict[str, list[float]]:
    """One line per annotator over every day anyone labeled, and the day total as bars;
    returns the heights drawn (the total under "" )."""
    plot.clear()
    days = sorted({day for counts in per_annotator.values() for day in counts})
    drawn: dict[str, list[float]] = {}
    if not days:
        return drawn
    xs = list(range(len(days)))
    total = [float(sum(c.get(d, 0) for c in per_annotator.values())) for d in days]
    plot.addItem(pg.BarGraphItem(x=xs, height=total, width=0.6, brush=pg.mkBrush("#DDDDDD"),
                                 pen=pg.mkPen("#BBBBBB")))
    drawn[""] = total
    for i, (name, counts) in enumerate(per_annotator.items()):
        colour = ANNOTATOR_COLOURS[i % len(ANNOTATOR_COLOURS)]
        heights = [float(counts.get(d, 0)) for d in days]
        plot.plot(xs, heights, pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=6,
                  symbolBrush=colour, symbolPen=colour, name=name)
        drawn[name] = heights
    every = max(1, -(-len(days) // _DAY_TICKS))
    plot.getAxis("bottom").setTicks(
        [[(x, days[x]) for x in xs[::every]], [(x, "") for x in xs]])
    plot.setXRange(-0.6, len(days) - 0.4, padding=0)
    plot.setYRange(0, max([*total, 1.0]) * 1.1, padding=0)
    return drawn


class StatisticsView(QDialog):
    """Charts of spans per label, documents per status, spans per annotator and spans
    created per day (per annotator)."""

    def __init__(
        self,
        bridge: SessionBridge,
        workspace: Workspace,
        schema: LabelSchema,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statistics_view")
        self.setWindowTitle(self.tr("Statistics"))
        self.resize(900, 620)
        self._workspace = workspace
        self._colours = {label.name: label.color for label in schema.labels}
        self._schema = schema
        self.stats: dict[str, Any] = {}
        self.heights: dict[str, list[float]] = {}
        self.per_day: dict[str, dict[str, int]] = {}
        self.day_heights: dict[str, list[float]] = {}
        self.summary = QLabel(self)
        self.summary.setObjectName("statistics_summary")
        self.charts = QWidget(self)
        self.by_label = _bar_chart(self.tr("Spans per label"))
        self.by_status = _bar_chart(self.tr("Documents per status"))
        self.by_annotator = _bar_chart(self.tr("Spans per annotator"))
        self.by_day = _bar_chart(self.tr("Spans created per day"))
        self.by_day.addLegend(offset=(10, 10))
        grid = QGridLayout(self.charts)
        grid.addWidget(self.by_label, 0, 0)
        grid.addWidget(self.by_status, 0, 1)
        grid.addWidget(self.by_annotator, 1, 0)
        grid.addWidget(self.by_day, 1, 1)
        self._label_axes()
        save = QPushButton(self.tr("Save as PNG…"), self)
        self._save = save
        save.setObjectName("statistics_save")
        save.clicked.connect(self._choose_png)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.charts, 1)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignRight)
        self._refresher = Refresher(bridge, self.refresh, self)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_save"):
            self.setWindowTitle(self.tr("Statistics"))
            self.by_label.setTitle(self.tr("Spans per label"))
            self.by_status.setTitle(self.tr("Documents per status"))
            self.by_annotator.setTitle(self.tr("Spans per annotator"))
            self.by_day.setTitle(self.tr("Spans created per day"))
            self._label_axes()
            self._save.setText(self.tr("Save as PNG…"))
            self.refresh()

    def _label_axes(self) -> None:
        spans = self.tr("Spans")
        for plot, bottom, left in (
            (self.by_label, self.tr("Label"), spans),
            (self.by_status, self.tr("Status"), self.tr("Documents")),
            (self.by_annotator, self.tr("Annotator"), spans),
            (self.by_day, self.tr("Day"), spans),
        ):
            plot.setLabel("bottom", bottom, color="k")
            plot.setLabel("left", left, color="k")
            # Counts and category places, never "(x0.001)" scaled units.
            plot.getAxis("bottom").enableAutoSIPrefix(False)
            plot.getAxis("left").enableAutoSIPrefix(False)

    def refresh(self) -> None:
        """Read the counts and redraw the charts."""
        stats = self._workspace.stats()
        self.stats = stats
        self.summary.setText(
            self.tr("{documents} documents, {spans} spans.").format(
                documents=stats["documents"], spans=stats["spans"]
            ) + " " + progress_text(stats, self._schema)
        )
        by_label = {label_title(self._schema, k): v for k, v in stats["by_label"].items()}
        by_status = {status_title(k): v for k, v in stats["by_status"].items()}
        by_annotator: dict[str, int] = stats["by_annotator"]
        self.heights = {
            "label": _draw(self.by_label, by_label,
                           [self._colours.get(n, "#888888") for n in stats["by_label"]]),
            "status": _draw(self.by_status, by_status,
                            [STATUS_COLOURS.get(k, "#888888") for k in stats["by_status"]]),
            "annotator": _draw(self.by_annotator, by_annotator, ["#4477AA"] * len(by_annotator)),
        }
        self.per_day = spans_per_day(self._workspace.repository,
                                     project=self._workspace.project_id)
        self.day_heights = _draw_days(self.by_day, self.per_day)

    def save_png(self, path: Path) -> bool:
        """Write the four charts as one PNG; False if it could not be written."""
        return bool(self.charts.grab().save(str(path), "PNG"))

    def _choose_png(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the charts"), "statistics.png",
                                              self.tr("PNG images (*.png)"))
        if name:
            self.save_png(Path(name))
