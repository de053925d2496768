"""A real SQLite project with three small articles, and the main window over it."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from annotator.core.model import Document
from annotator.services.session import AnnotationSession
from annotator.store.db import open_database
from annotator.store.repository import Repository
from annotator.ui.app import application
from annotator.ui.article_view import ArticleView
from annotator.ui.main_window import MainWindow

# An emoji and an astral CJK character before Arabic words: Qt positions and code points differ
# by two from there on.
ARTICLE = (
    "قصف الطيران مدينة بالميادين، صباح 24 أكتوبر.\n"
    "😀𠀀 هــ.دد الحرس الثوري SY24 قرب دير الزور."
)


@pytest.fixture(autouse=True)
def no_unexpected_errors(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fail a test whose window logged an unexpected error (the bridge catches bugs to show
    them in a dialog; a test must not pass over one)."""
    yield
    errors = [
        r for r in caplog.get_records("call")
        if r.levelno >= logging.ERROR and r.name.startswith("annotator")
    ]
    assert not errors, "\n".join(r.getMessage() for r in errors)


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    repository = open_database(str(tmp_path / "t.sqlite3"), seed_demo=False)
    repository.add_documents(
        repository.default_project(),
        [
            Document(name="first", text=ARTICLE),
            Document(name="second", text="النص الثاني عن حلب"),
            Document(name="third", text="النص الثالث عن إدلب"),
        ],
    )
    yield repository
    repository.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(
    qtbot: QtBot, repo: Repository, settings: QSettings, tmp_path: Path
) -> Iterator[object]:
    application()
    made: list[MainWindow] = []

    def make() -> MainWindow:
        session = AnnotationSession(repo, project_id=repo.default_project(), annotator="amal")
        window = MainWindow(session, settings=settings, database=str(tmp_path / "t.sqlite3"))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        # Window shortcuts (label keys, undo, next document) need the active window.
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.article.setFocus()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()


@pytest.fixture
def window(make_window: object) -> MainWindow:
    assert callable(make_window)
    made = make_window()
    assert isinstance(made, MainWindow)
    return made


def caret_point(view: ArticleView, offset: int) -> QPoint:
    """A viewport point that Qt maps to the caret position before code point ``offset``."""
    qt_position = view.positions.to_qt(offset)
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_position)
    rect = view.cursorRect(cursor)
    y = rect.center().y()
    # The caret rectangle is at a glyph edge; look a few pixels around it for a point that
    # cursorForPosition maps back to the same position (RTL clicks land one off at edges).
    for dx in (0, 1, -1, 2, -2, 3, -3):
        point = QPoint(rect.x() + dx, y)
        if view.cursorForPosition(point).position() == qt_position:
            return point
    raise AssertionError(f"no point maps to offset {offset}")


def char_point(view: ArticleView, offset: int) -> QPoint:
    """A viewport point in the middle of the glyph of code point ``offset``."""
    a = view.cursorRect(_cursor(view, view.positions.to_qt(offset)))
    b = view.cursorRect(_cursor(view, view.positions.to_qt(offset + 1)))
    return QPoint((a.x() + b.x()) // 2, a.center().y())


def _cursor(view: ArticleView, qt_position: int) -> QTextCursor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_position)
    return cursor


def drag(
    qtbot: QtBot,
    view: ArticleView,
    start: QPoint,
    end: QPoint,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Press at ``start``, move to ``end``, release: a mouse selection."""
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, end)


def word(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Code-point offsets of the ``nth`` occurrence of ``needle``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)
