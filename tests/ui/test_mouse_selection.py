"""Mouse selection in the article: clitics, digits inside right-to-left lines, double-clicks.

Driven from outside with real mouse events at points measured on the drawn glyphs, then the
spans are read back from the database.
"""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, QSettings, Qt
from PySide6.QtGui import QClipboard, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from annotator.core.model import Document, make_span
from annotator.services.known_names import KnownNames
from annotator.services.session import AnnotationSession
from annotator.store.db import open_database
from annotator.store.repository import Repository
from annotator.ui.app import application
from annotator.ui.article_view import ArticleView
from annotator.ui.main_window import MainWindow

# Words of seed 000, and a long paragraph that wraps in the window.
TEXT = (
    "القصف طال مراط، الصالحية، خشام، طابية، ومظلوم، بالإضافة إلى المناطق في الميادين"
    " والبوكمال.\n"
    "الحادثة وقعت بتاريخ 24 أكتوبر، حيث قام الأهالي باعتقال عدد من المدنيين.\n"
    + "شنت قوات التحالف الدولي غارات على دير الزور " + "الاستراتيجية" * 5
    + " في المنطقة.\nنهاية."
)
OTHER = "قصف الطيران بلدة مظلوم شرق دير الزور."


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    repository = open_database(str(tmp_path / "m.sqlite3"), seed_demo=False)
    repository.add_documents(
        repository.default_project(),
        [Document(name="first", text=TEXT), Document(name="second", text=OTHER)],
    )
    yield repository
    repository.close()


@pytest.fixture
def window(qtbot: QtBot, repo: Repository, tmp_path: Path) -> Iterator[MainWindow]:
    yield from _window(qtbot, repo, tmp_path, (1100, 700))


@pytest.fixture
def seed_window(
    qtbot: QtBot, tmp_path: Path, seed_texts: dict[str, str]
) -> Iterator[MainWindow]:
    """The first seed in a window of the program's first-start size, as a person sees it."""
    repository = open_database(str(tmp_path / "seed.sqlite3"), seed_demo=False)
    text = seed_texts["000_5ca5841cad9489bf"]
    repository.add_documents(repository.default_project(), [Document(name="000", text=text)])
    try:
        yield from _window(qtbot, repository, tmp_path, (1280, 800))
    finally:
        repository.close()


def _window(
    qtbot: QtBot, repo: Repository, tmp_path: Path, size: tuple[int, int]
) -> Iterator[MainWindow]:
    application()
    project = repo.default_project()
    session = AnnotationSession(repo, project_id=project, annotator="amal")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    made = MainWindow(
        session, settings=settings, database=str(tmp_path / "m.sqlite3"),
        known_names=KnownNames(repo, project),
    )
    qtbot.addWidget(made)
    made.resize(*size)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    qtbot.waitUntil(made.isActiveWindow)
    made.article.setFocus()
    yield made
    made.close()


def stored(repo: Repository, window: MainWindow) -> list[tuple[str, str]]:
    document_id = window.bridge.session.document_id
    assert document_id is not None
    return [(s.label, s.text) for s in repo.get_document(document_id).spans]


def glyph(view: ArticleView, offset: int) -> QRectF:
    """Where the glyph of code point ``offset`` is drawn, in viewport coordinates."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_qt(offset))
    block = cursor.block()
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
    position = cursor.position() - block.position()
    line = block.layout().lineForTextPosition(position)
    rect = line.glyphRuns(position, 1)[0].boundingRect()
    return rect.translated(origin)


def right_edge(view: ArticleView, offset: int) -> QPoint:
    rect = glyph(view, offset)
    return QPoint(int(rect.right()) - 1, int(rect.center().y()))


def left_edge(view: ArticleView, offset: int) -> QPoint:
    rect = glyph(view, offset)
    return QPoint(int(rect.left()) + 1, int(rect.center().y()))


def boundary(view: ArticleView, offset: int) -> QPoint:
    """A point on the visible junction before code point ``offset`` (right-to-left text).

    Just inside the glyph's right edge, where a person presses to start after the letter
    before it (Qt's own nearest caret there is often the position after the glyph).
    """
    rect = glyph(view, offset)
    return QPoint(int(rect.right()) - 1, int(rect.center().y()))


def drag(qtbot: QtBot, view: ArticleView, start: QPoint, end: QPoint) -> None:
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def double_click(qtbot: QtBot, view: ArticleView, point: QPoint) -> None:
    viewport = view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=point)


def selected(view: ArticleView) -> str | None:
    selection = view.selection_range()
    return None if selection is None else TEXT[selection[0] : selection[1]]


# --- clitics -------------------------------------------------------------------------------


def test_drag_from_the_clitic_boundary_labels_the_name_without_the_conjunction(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    start = TEXT.index("البوكمال")
    assert TEXT[start - 1] == "و"
    # From the boundary between و and ال to the far (left) end of the word.
    drag(qtbot, view, boundary(view, start), left_edge(view, start + len("البوكمال") - 1))
    assert selected(view) == "البوكمال"
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert stored(repo, window) == [("LOCATION", "البوكمال")]


def test_drag_from_the_junction_of_waw_and_alef_in_a_wrapped_line(
    qtbot: QtBot, seed_window: MainWindow
) -> None:
    # "والبوكمال" ends the second line of its paragraph: there Qt's nearest caret to the
    # junction of و and ا is the position after the ا, and the drag took the whole token.
    view = seed_window.article
    text = seed_window.bridge.session.text
    start = text.index("البوكمال")
    drag(qtbot, view, boundary(view, start), left_edge(view, start + len("البوكمال") - 1))
    assert view.selection_range() == (start, start + len("البوكمال"))
    qtbot.keyClick(view, Qt.Key.Key_3)
    spans = seed_window.bridge.session.spans
    assert [(s.label, s.text) for s in spans] == [("LOCATION", "البوكمال")]


def test_drag_from_inside_a_word_still_takes_the_whole_token(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    start = TEXT.index("البوكمال")
    drag(qtbot, view, left_edge(view, start + 2), left_edge(view, start + len("البوكمال") - 1))
    assert selected(view) == "والبوكمال"


def test_double_click_leaves_out_the_conjunction_before_the_article(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.article
    start = TEXT.index("والبوكمال")
    double_click(qtbot, view, glyph(view, start + 4).center().toPoint())
    assert selected(view) == "البوكمال"


def test_double_click_leaves_out_the_conjunction_before_a_known_name(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    at = TEXT.index("ومظلوم")
    point = glyph(view, at + 3).center().toPoint()
    double_click(qtbot, view, point)
    assert selected(view) == "ومظلوم"  # "مظلوم" is not a name of this project yet
    # Label "مظلوم" in the other document; back here a double-click leaves the و out.
    window.bridge.open(window.bridge.session.documents()[1].id)
    other = window.article
    other.select_range(OTHER.index("مظلوم"), OTHER.index("مظلوم") + len("مظلوم"))
    qtbot.keyClick(other, Qt.Key.Key_3)
    window.bridge.open(window.bridge.session.documents()[0].id)
    double_click(qtbot, view, point)
    assert selected(view) == "مظلوم"
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert stored(repo, window) == [("LOCATION", "مظلوم")]


def test_known_names_are_read_from_the_project(
    qtbot: QtBot, repo: Repository, tmp_path: Path
) -> None:
    # Labeled before the window opened (by anyone): known from the start.
    second = repo.list_documents(repo.default_project())[1].id
    at = OTHER.index("مظلوم")
    repo.add_span(second, make_span(OTHER, at, at + 5, "LOCATION"), annotator="badr")
    names = KnownNames(repo, repo.default_project())
    assert "مظلوم" in names


# --- digits inside right-to-left lines -------------------------------------------------------


def test_drag_from_the_right_edge_of_digits_takes_them(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    digits = TEXT.index("24 أكتوبر")
    month_end = digits + len("24 أكتوبر")
    # "24" is drawn left to right: its right edge is the "4", its last character.
    drag(qtbot, view, right_edge(view, digits + 1), left_edge(view, month_end - 1))
    assert selected(view) == "24 أكتوبر"
    qtbot.keyClick(view, Qt.Key.Key_4)
    assert stored(repo, window) == [("DATE", "24 أكتوبر")]


def test_drag_towards_the_digits_ends_on_them(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    digits = TEXT.index("24 أكتوبر")
    month_end = digits + len("24 أكتوبر")
    drag(qtbot, view, left_edge(view, month_end - 1), right_edge(view, digits + 1))
    assert selected(view) == "24 أكتوبر"
    # And from "بتاريخ" to the left edge of "24" (its first character, "2").
    word = TEXT.index("بتاريخ")
    drag(qtbot, view, right_edge(view, word), left_edge(view, digits))
    assert selected(view) == "بتاريخ 24"


def test_the_glyph_under_the_pointer_is_the_character_drawn_there(window: MainWindow) -> None:
    view = window.article
    digits = TEXT.index("24")
    for offset in (digits, digits + 1, digits - 1, digits + 3):
        assert view.char_at(glyph(view, offset).center().toPoint()) == offset


# --- double-click past the end of a line ---------------------------------------------------


def test_double_click_after_the_end_of_a_wrapped_line_selects_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.article
    block = view.document().findBlockByNumber(2)
    layout = block.layout()
    assert layout.lineCount() >= 2, "the paragraph must wrap"
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
    # The first line whose text leaves room on its left (the end of a right-to-left line).
    line = next(
        layout.lineAt(i) for i in range(layout.lineCount() - 1)
        if layout.lineAt(i).naturalTextRect().left() > 100
    )
    text_left = line.naturalTextRect().left() + origin.x()
    point = QPoint(int(text_left) - 20, int(origin.y() + line.y() + line.height() / 2))
    double_click(qtbot, view, point)
    assert view.selection_range() is None


# --- exact characters without Alt ------------------------------------------------------------


def test_exact_characters_toggle_keeps_the_dragged_characters(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    start = TEXT.index("البوكمال")
    action = window.actions_by_name["exact_characters"]
    assert window.exact_label.isHidden()
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert action.isChecked() and window.exact_label.isVisible()
    # From inside the word (the left edge of a letter is the caret after it in right-to-left
    # text): no snapping to the token, the characters as dragged.
    drag(qtbot, view, left_edge(view, start + 2), left_edge(view, start + 6))
    assert selected(view) == TEXT[start + 3 : start + 7]
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert stored(repo, window) == [("LOCATION", TEXT[start + 3 : start + 7])]
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert not action.isChecked() and window.exact_label.isHidden()
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # the new span's edge is not what is dragged next
    drag(qtbot, view, left_edge(view, start + 2), left_edge(view, start + 6))
    assert selected(view) == "والبوكمال"
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert isinstance(view_menu, QMenu) and action in view_menu.actions()


# --- the X primary selection -------------------------------------------------------------------


def test_the_primary_selection_holds_the_snapped_text(qtbot: QtBot, window: MainWindow) -> None:
    clipboard = QGuiApplication.clipboard()
    if not clipboard.supportsSelection():
        pytest.skip("no primary selection on this platform (run under X: QT_QPA_PLATFORM=xcb)")
    view = window.article
    start = TEXT.index("البوكمال")
    # From inside the word: Qt puts the raw drag in the primary selection on release.
    drag(qtbot, view, left_edge(view, start + 2), left_edge(view, start + len("البوكمال") - 1))
    assert selected(view) == "والبوكمال"
    qtbot.waitUntil(lambda: clipboard.text(QClipboard.Mode.Selection) == "والبوكمال")
    double_click(qtbot, view, glyph(view, TEXT.index("بتاريخ") + 2).center().toPoint())
    qtbot.waitUntil(lambda: clipboard.text(QClipboard.Mode.Selection) == "بتاريخ")
