"""Model > Train runs in a background process with a progress bar; the window stays usable."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from annotator.cli import main
from annotator.services.session import AnnotationSession
from annotator.store.db import open_database
from annotator.store.repository import Repository
from annotator.ui.app import application
from annotator.ui.main_window import MainWindow

GOLD = Path(__file__).resolve().parent.parent / "data" / "seeds_gold.jsonl"


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "m.sqlite3")
    assert main(["--db", path, "import", str(GOLD)]) == 0
    return path


@pytest.fixture
def repo(db: str) -> Iterator[Repository]:
    repository = open_database(db)
    yield repository
    repository.close()


def test_train_in_the_background_while_labeling(
    qtbot: QtBot, repo: Repository, db: str, tmp_path: Path
) -> None:
    application()
    session = AnnotationSession(repo, project_id=repo.default_project(), annotator="amal")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session, settings=settings, database=db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # the label keys are window shortcuts
    qtbot.waitUntil(window.isActiveWindow)
    window.article.setFocus()
    training = window.training
    seen: list[int] = []
    training.bar.valueChanged.connect(seen.append)
    with qtbot.waitSignal(training.finished, timeout=120_000) as done:
        window.training.action.trigger()
        assert training.running and training.bar.isVisible()
        assert not training.start()  # one training at a time
        # The window stays usable: a label made now is stored at once.
        text = session.text
        word = text.split()[0]
        window.article.select_range(0, len(word))
        qtbot.keyClick(window.article, Qt.Key.Key_4)
        assert any(s.start == 0 and s.label == "DATE" for s in repo.get_document(
            session.document_id or 0).spans)
    card = done.args[0]
    # The label above set its document back to in progress: whether the process read the
    # done documents before or after it is a race, so four or five.
    assert card["version"] == 1 and card["documents"] in (4, 5)
    assert seen and max(seen) > 50  # the bar moved through both steps
    assert not training.bar.isVisible() and training.action.isEnabled()
    assert (tmp_path / "m.sqlite3.models" / "crf-0001.crfsuite").is_file()
    window.close()
