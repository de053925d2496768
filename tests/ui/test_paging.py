"""Paging through a long right-aligned article, and coming back to the same place."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.model import Document
from annotator.store.repository import Repository
from annotator.ui.main_window import MainWindow

# Paragraphs of several wrapped lines each, like the articles.
LONG = "\n".join(
    f"الفقرة {i}: "
    + " ".join(
        "قصف الطيران مدينة الميادين صباح الخميس، وقالت مصادر محلية إن الغارات "
        "استهدفت مواقع للحرس الثوري قرب دير الزور." for _ in range(6)
    )
    for i in range(60)
)


def open_long(make_window: Callable[[], MainWindow], repo: Repository) -> MainWindow:
    repo.add_documents(repo.default_project(), [Document(name="long", text=LONG)])
    window = make_window()
    long_id = next(d.id for d in repo.list_documents(repo.default_project()) if d.name == "long")
    window.navigator.open(long_id)
    window.article.setFocus()
    return window


def test_page_down_and_up_move_caret_and_view_a_page_at_a_time(
    qtbot: QtBot, make_window: Callable[[], MainWindow], repo: Repository
) -> None:
    window = open_long(make_window, repo)
    view = window.article
    bar = view.verticalScrollBar()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    carets, scrolls = [view.caret_offset()], [bar.value()]
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
        carets.append(view.caret_offset())
        scrolls.append(bar.value())
    assert carets == sorted(set(carets)), carets  # each press goes further
    assert scrolls == sorted(set(scrolls)), scrolls
    # A page is more than one line of the article.
    assert carets[3] - carets[0] > len(LONG.split("\n")[0])
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.caret_offset() < carets[3]
    assert bar.value() < scrolls[3]


def test_shift_page_down_extends_the_selection(
    qtbot: QtBot, make_window: Callable[[], MainWindow], repo: Repository
) -> None:
    window = open_long(make_window, repo)
    view = window.article
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ShiftModifier)
    selection = view.selection_range()
    assert selection is not None
    assert selection[0] == 0 and selection[1] > len(LONG.split("\n")[0])


def test_page_down_at_the_end_reaches_the_last_character(
    qtbot: QtBot, make_window: Callable[[], MainWindow], repo: Repository
) -> None:
    window = open_long(make_window, repo)
    view = window.article
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(200):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
        if view.caret_offset() == len(LONG):
            break
    assert view.caret_offset() == len(LONG)


def test_scroll_position_survives_a_crash(
    qtbot: QtBot, make_window: Callable[[], MainWindow], repo: Repository
) -> None:
    window = open_long(make_window, repo)
    view = window.article
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    top, caret = view.top_offset(), view.caret_offset()
    assert top > 0
    # Written soon after the last move (no close needed): wait until that caret is on disk.
    qtbot.waitUntil(lambda: window.state.caret == caret and window.state.top is not None)
    # No close (a kill -9 gives the window no chance to write anything): a second window over
    # the same settings comes back where the first one was.
    again = make_window()
    # The line holding that character is the top line (the windows may wrap differently).
    qtbot.waitUntil(lambda: 0 <= top - again.article.top_offset() < 120)
    assert again.article.caret_offset() == caret
