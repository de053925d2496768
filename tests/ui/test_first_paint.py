"""The window's start: work that can wait runs after the article's first paint."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from annotator.services.known_names import KnownNames
from annotator.ui import timing
from annotator.ui.app import application


def test_work_held_back_until_the_first_paint(qtbot: QtBot) -> None:
    application()
    ran: list[str] = []
    timing.hold_until_first_paint()
    try:
        timing.after_first_paint(lambda: ran.append("suggestions"))
        timing.after_first_paint(lambda: ran.append("names"))
        view = QPlainTextEdit("نص")
        qtbot.addWidget(view)
        timing.watch_first_paint(view.viewport())
        qtbot.wait(50)
        assert ran == []  # not shown, not painted: still waiting
        view.show()
        qtbot.waitExposed(view)
        qtbot.waitUntil(lambda: ran == ["suggestions", "names"])
        # Once painted, new work runs on the event loop's next turn.
        timing.after_first_paint(lambda: ran.append("later"))
        assert ran == ["suggestions", "names"]
        qtbot.waitUntil(lambda: ran[-1:] == ["later"])
    finally:
        timing._waiting = None


def test_without_a_starting_window_work_runs_on_the_next_turn(qtbot: QtBot) -> None:
    application()
    ran: list[int] = []
    timing.after_first_paint(lambda: ran.append(1))
    assert ran == []
    qtbot.waitUntil(lambda: ran == [1])


class CountingSource:
    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.reads = 0

    def labeled_texts(self, project_id: int) -> Iterable[str]:
        self.reads += 1
        return list(self.texts)


def test_known_names_are_read_when_first_needed_not_when_made() -> None:
    source = CountingSource(["حقل العمر"])
    names = KnownNames(source, 1)
    names.refresh()  # a document opened: nothing read yet
    assert source.reads == 0
    names.add("مظلوم")  # labeled before the first read: kept
    assert "حقل" in names and "مظلوم" in names and "حقل العمر" in names
    assert source.reads == 1
    assert "حلب" not in names
    assert source.reads == 1
    source.texts.append("حلب")
    names.refresh()
    assert source.reads == 1
    assert "حلب" in names and source.reads == 2


@pytest.mark.parametrize("module", ["numpy", "ahocorasick", "dateparser", "pycrfsuite",
                                    "pyqtgraph", "annotator.formats.brat"])
def test_the_window_module_does_not_import(module: str) -> None:
    import subprocess
    import sys

    code = (f"import sys, annotator.ui.app, annotator.ui.main_window; "
            f"print({module!r} in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**__import__("os").environ,
                                          "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "False"


def test_a_window_gone_before_its_paint_holds_nothing_back_afterwards(qtbot: QtBot) -> None:
    # app.run() of a window closed before it was painted (a quick quit): later work is not
    # held forever.
    application()
    dropped: list[int] = []
    timing.hold_until_first_paint()
    timing.after_first_paint(lambda: dropped.append(1))
    timing.stop_holding()
    ran: list[int] = []
    timing.after_first_paint(lambda: ran.append(1))
    qtbot.waitUntil(lambda: ran == [1])
    qtbot.wait(20)
    assert dropped == []
