"""The status bar's progress and the Statistics window: counts drawn, refreshed, saved."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from conftest import ARTICLE, word
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from annotator.core.model import make_span
from annotator.services.stats import project_stats
from annotator.store.repository import Repository
from annotator.ui.main_window import MainWindow
from annotator.ui.progress_summary import REFRESH_DELAY_MS
from annotator.ui.stats_view import StatisticsView

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_statistics_draw_the_counts_and_follow_edits(
    window: MainWindow, repo: Repository, qtbot: QtBot, tmp_path: Path
) -> None:
    qtbot.keyClick(window.article, Qt.Key.Key_S, CTRL_SHIFT)
    view = window.tools.statistics
    assert isinstance(view, StatisticsView) and view.isVisible()
    stats = project_stats(repo)
    assert view.heights["label"] == [float(n) for n in stats["by_label"].values()]
    assert view.heights["status"] == [float(n) for n in stats["by_status"].values()]
    assert view.heights["label"] == [0.0, 0.0, 0.0, 0.0]

    # Label a word and mark the document done: both charts and the status bar follow.
    start, end = word(ARTICLE, "مدينة")
    assert window.bridge.execute(window.bridge.session.add_command(start, end, "LOCATION"))
    assert window.bridge.execute(window.bridge.session.status_command("done"))
    labels = list(stats["by_label"])
    qtbot.waitUntil(
        lambda: view.heights["label"][labels.index("LOCATION")] == 1.0,
        timeout=REFRESH_DELAY_MS * 10,
    )
    statuses = list(stats["by_status"])
    assert view.heights["status"][statuses.index("done")] == 1.0
    assert view.heights["annotator"] == [1.0]  # amal's span
    summary = window.tools.progress_summary
    qtbot.waitUntil(lambda: summary.bar.value() == 1, timeout=REFRESH_DELAY_MS * 10)
    assert summary.bar.maximum() == 3
    assert summary.text.text().startswith("1 / 3 done · ACTOR 0 · TARGET 0 · LOCATION 1")

    png = tmp_path / "stats.png"
    assert view.save_png(png)
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 300 and image.height() > 200


def test_spans_per_day_drawn_per_annotator_and_follow_edits(
    window: MainWindow, repo: Repository, qtbot: QtBot, tmp_path: Path
) -> None:
    view = window.tools.show_statistics()
    assert view.per_day == {} and view.day_heights == {}
    start, end = word(ARTICLE, "مدينة")
    assert window.bridge.execute(window.bridge.session.add_command(start, end, "LOCATION"))
    today = datetime.now(UTC).date().isoformat()  # the database's clock is UTC
    qtbot.waitUntil(lambda: view.per_day == {"amal": {today: 1}},
                    timeout=REFRESH_DELAY_MS * 10)
    assert view.day_heights == {"": [1.0], "amal": [1.0]}
    # Another annotator's span the same day: a second line, the total bar grows.
    second = next(d for d in repo.list_documents(repo.default_project()) if d.name == "second")
    text = repo.get_document(second.id).text
    repo.add_span(second.id, make_span(text, 0, 2, "ACTOR"), annotator="badr")
    view.refresh()
    assert view.day_heights == {"": [2.0], "amal": [1.0], "badr": [1.0]}
    assert view.by_day.getAxis("bottom").labelText == "Day"
    assert view.by_day.getAxis("left").labelText == "Spans"
    png = tmp_path / "stats.png"
    assert view.save_png(png)
    assert QImage(str(png)).width() > 300


def test_the_progress_bar_text_fits_at_a_large_projects_counts(
    window: MainWindow, qtbot: QtBot
) -> None:
    # At 100,000 documents "79977 / 100000 done" was cut off inside the bar (both
    # languages); the bar shows the share, the label beside it the counts.
    summary = window.tools.progress_summary
    summary.bar.setRange(0, 100_000)
    summary.bar.setValue(79_977)
    shown = summary.bar.text()
    assert shown == "79%" or shown == "80%"
    needed = summary.bar.fontMetrics().horizontalAdvance(shown)
    assert needed < summary.bar.maximumWidth() // 2
