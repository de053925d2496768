"""Quit: the window closes on Ctrl+Q and the process has nothing left to do at exit.

Quit took over a second after the window closed: Python's last garbage collection at exit
walked every object of SQLAlchemy, Alembic and Qt's bindings. The time itself is measured by
``bench/bench_quit.py`` (a timed test would flake); this test checks, from outside, that Ctrl+Q
ends the event loop with every edit stored and the objects left out of that collection.
"""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton

from annotator.store.db import open_database
from annotator.ui import app as entry
from annotator.ui.main_window import MainWindow


def test_ctrl_q_quits_with_the_objects_left_to_the_operating_system(tmp_path: Path) -> None:
    db = str(tmp_path / "quit.sqlite3")
    open_database(db, seed_demo=True).close()
    entry.application()
    seen: list[str] = []

    def label_then_quit() -> None:
        # The visible one: windows of earlier tests may not have been collected yet.
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(50, label_then_quit)
            return
        window = windows[0]
        window.activateWindow()
        view = window.article
        view.select_range(0, 4)
        button = window.label_bar.findChild(QToolButton, "label_ACTOR")
        assert button is not None
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        seen.append(window.bridge.session.text[0:4])
        QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        if window.isVisible():  # no active window offscreen: the menu's Quit, as a click would
            window.actions_by_name["quit"].trigger()

    QTimer.singleShot(0, label_then_quit)
    try:
        assert entry.run(db) == 0
        # Frozen objects are skipped by the collection at exit: most of what is alive now.
        assert gc.get_freeze_count() > len(gc.get_objects())
    finally:
        gc.unfreeze()
    repository = open_database(db)
    try:
        spans = [s for d in repository.iter_documents(repository.default_project())
                 for s in d.spans]
    finally:
        repository.close()
    assert [(s.label, s.text) for s in spans] == [("ACTOR", seen[0])]
