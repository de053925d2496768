"""End to end: the program's own start-up (ui.app.run) on a temporary database, labeled with
the keyboard only, closed, and the span read back from the database by the store."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.store.db import open_database
from annotator.ui.app import run
from annotator.ui.main_window import MainWindow


def first_word(text: str) -> str:
    return text.split()[0]


def test_label_first_word_with_keyboard_then_reopen(tmp_path: Path, qapp: QApplication) -> None:
    db = str(tmp_path / "project.sqlite3")
    open_database(db, seed_demo=True).close()  # the demo project, as on a first start
    seen: dict[str, object] = {}
    deadline = time.monotonic() + 30

    def drive() -> None:
        # Keys go to the active window only: wait until the window is shown and active
        # (however slow the machine), never a fixed delay.
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = next((w for w in windows if w.isVisible()), None)
        if window is None or not window.isActiveWindow():
            if window is not None:
                window.activateWindow()
            if time.monotonic() > deadline:
                seen["error"] = "the window never became active"
                for w in windows:
                    w.close()
                return
            QTimer.singleShot(20, drive)
            return
        article = window.article
        article.setFocus()
        QTest.keyClick(article, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        # Left moves forward in right-to-left text: this selects the first word.
        QTest.keyClick(
            article,
            Qt.Key.Key_Left,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        seen["selection"] = article.selection_range()
        QTest.keyClick(article, Qt.Key.Key_1)
        seen["document"] = window.bridge.session.document_id
        window.close()

    QTimer.singleShot(0, drive)
    assert run(db) == 0
    assert "error" not in seen, seen["error"]

    repository = open_database(db)
    try:
        document_id = seen["document"]
        assert isinstance(document_id, int)
        document = repository.get_document(document_id)
        word = first_word(document.text)
        assert seen["selection"] is not None
        assert [(s.start, s.end, s.label, s.text) for s in document.spans] == [
            (0, len(word), "ACTOR", word)
        ]
    finally:
        repository.close()
