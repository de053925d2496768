"""When an edit is not saved: a dialog naming it; a bug also goes to the log with its traceback."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLE, word
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.store.errors import DatabaseError
from annotator.store.repository import Repository
from annotator.ui.app import configure_logging
from annotator.ui.main_window import MainWindow


def failure_dialog(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    def shown() -> bool:
        box = window.findChild(QMessageBox, "edit_failed_dialog")
        return box is not None and box.isVisible()

    qtbot.waitUntil(shown)
    box = window.findChild(QMessageBox, "edit_failed_dialog")
    assert isinstance(box, QMessageBox)
    return box


def test_a_bug_is_logged_with_its_traceback_and_shown_in_a_dialog(
    qtbot: QtBot, window: MainWindow, repo: Repository, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    log_path = configure_logging(tmp_path / "data")
    window.log_path = log_path

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("a bug in the store call")

    monkeypatch.setattr(repo, "add_span", broken)
    view = window.article
    view.select_range(*word(ARTICLE, "الطيران"))
    try:
        qtbot.keyClick(view, Qt.Key.Key_1)
        box = failure_dialog(qtbot, window)
        assert "Not saved: Add ACTOR “الطيران”" in box.text()
        assert str(log_path) in box.text()
        logged = log_path.read_text(encoding="utf-8")
        assert "Traceback" in logged and "RuntimeError: a bug in the store call" in logged
        assert window.statusBar().currentMessage().startswith("Not saved: Add ACTOR")
        document_id = window.bridge.session.document_id
        assert document_id is not None
        assert repo.get_document(document_id).spans == ()
        assert window.bridge.session.spans == ()
        assert not window.bridge.undo_stack.canUndo()
        box.close()
    finally:
        root = logging.getLogger("annotator")
        for handler in list(root.handlers):
            if getattr(handler, "baseFilename", None) == str(log_path):
                root.removeHandler(handler)
                handler.close()
        # The error was expected here: the guard against unexpected ones must not see it.
        caplog.clear()


def test_a_store_failure_names_the_edit_and_the_reason(
    qtbot: QtBot, window: MainWindow, repo: Repository, monkeypatch: pytest.MonkeyPatch,
) -> None:
    def gone(*_args: Any, **_kwargs: Any) -> None:
        raise DatabaseError("the database server closed the connection")

    view = window.article
    view.select_range(*word(ARTICLE, "الطيران"))
    qtbot.keyClick(view, Qt.Key.Key_1)
    span_id = window.bridge.session.spans[0].id
    assert span_id is not None
    monkeypatch.setattr(repo, "update_span", gone)
    qtbot.keyClick(view, Qt.Key.Key_2)  # relabel the selected span
    box = failure_dialog(qtbot, window)
    assert "Not saved: Relabel as TARGET" in box.text()
    assert "the database server closed the connection" in box.text()
    # Nothing changed, in the window or the store; the span stays selected for a retry.
    assert [s.label for s in window.bridge.session.spans] == ["ACTOR"]
    assert view.selected_span == span_id
    box.close()
