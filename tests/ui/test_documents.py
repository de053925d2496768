"""Moving between documents, status changes, the help, and what comes back at the next start."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from conftest import ARTICLE, word
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from annotator.core.model import Document
from annotator.services.session import AnnotationSession
from annotator.store.repository import Repository
from annotator.ui.main_window import MainWindow
from annotator.ui.models import DocumentListModel
from annotator.ui.shortcuts import SHORTCUTS
from annotator.ui.state import WindowState

CTRL = Qt.KeyboardModifier.ControlModifier


def names(repo: Repository) -> dict[int, str]:
    return {d.id: d.name for d in repo.list_documents(repo.default_project())}


def test_next_and_previous_document(qtbot: QtBot, window: MainWindow, repo: Repository) -> None:
    by_id = names(repo)
    session = window.bridge.session
    assert session.document is not None and session.document.name == "first"
    assert window.position_label.text() == "Document 1 / 3"
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown, CTRL)
    assert by_id[session.document_id or -1] == "second"
    assert window.position_label.text() == "Document 2 / 3"
    assert window.article.toPlainText() == "النص الثاني عن حلب"
    assert window.documents.table.currentIndex().row() == 1
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown, CTRL)
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown, CTRL)  # past the end: stays
    assert by_id[session.document_id or -1] == "third"
    qtbot.keyClick(window.article, Qt.Key.Key_PageUp, CTRL)
    assert by_id[session.document_id or -1] == "second"


def test_done_and_next_sets_status_in_store(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    first = window.bridge.session.document_id
    assert first is not None
    qtbot.keyClick(window.article, Qt.Key.Key_Return, CTRL)
    assert repo.get_document(first).status == "done"
    assert names(repo)[window.bridge.session.document_id or -1] == "second"
    model = window.documents.document_model
    row = model.row_of(first)
    assert row is not None
    assert model.index(row, 2).data() == "done"
    assert "(new)" in window.windowTitle()


def test_status_filter_and_span_counts(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    view.select_range(*word(ARTICLE, "الطيران"))
    qtbot.keyClick(view, Qt.Key.Key_1)
    model = window.documents.document_model
    assert [model.index(r, 3).data() for r in range(3)] == ["1", "0", "0"]
    assert model.index(0, 2).data() == "in progress"
    window.documents.set_status_filter("new")
    assert [model.document_at(r).name for r in range(model.rowCount())] == ["second", "third"]
    # With the "new" filter, "next" goes to the next new document.
    qtbot.keyClick(view, Qt.Key.Key_PageDown, CTRL)
    assert names(repo)[window.bridge.session.document_id or -1] == "second"
    window.documents.set_status_filter("in_progress")
    assert [model.document_at(r).name for r in range(model.rowCount())] == ["first"]
    window.documents.set_status_filter(None)
    assert model.rowCount() == 3


def test_choosing_a_document_row_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    table = window.documents.table
    rect = table.visualRect(window.documents.document_model.index(2, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.article.toPlainText() == "النص الثالث عن إدلب"


def test_undo_history_stays_with_its_document(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    view.select_range(*word(ARTICLE, "الطيران"))
    qtbot.keyClick(view, Qt.Key.Key_1)
    first = window.bridge.session.document_id
    qtbot.keyClick(view, Qt.Key.Key_PageDown, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # nothing to undo here
    assert [s.text for s in repo.get_document(first or -1).spans] == ["الطيران"]


def test_state_restored_after_reopening(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    repo: Repository,
    settings: QSettings,
) -> None:
    window = make_window()
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown, CTRL)
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown, CTRL)
    opened = window.bridge.session.document_id
    for _ in range(3):
        qtbot.keyClick(window.article, Qt.Key.Key_Plus, CTRL)
    size = window.article.point_size()
    qtbot.keyClick(window.article, Qt.Key.Key_End)
    caret = window.article.caret_offset()
    assert caret > 0
    window.resize(780, 520)  # within the offscreen screen (800x800)
    window_size = window.size()
    assert window_size != default_window_size()
    window.close()
    again = make_window()
    assert again.bridge.session.document_id == opened
    assert again.article.point_size() == size
    assert again.article.caret_offset() == caret
    assert again.size() == window_size
    qtbot.keyClick(again.article, Qt.Key.Key_Minus, CTRL)
    assert again.article.point_size() == size - 1


def test_the_open_document_is_remembered_soon_after_not_before_the_first_paint(
    qtbot: QtBot, repo: Repository, settings: QSettings
) -> None:
    # Building the window opens a document; writing it down (laying the article out for its
    # top line, syncing the settings file) waits for the event loop: the paint comes first.
    session = AnnotationSession(repo, project_id=repo.default_project(), annotator="amal")
    window = MainWindow(session, settings=settings, database="remembered")
    qtbot.addWidget(window)
    state = WindowState(settings, database="remembered")
    assert state.last_document is None
    window.show()
    opened = window.bridge.session.document_id
    qtbot.waitUntil(lambda: state.last_document == opened)
    # And so for a document opened later, without closing the window.
    window.navigator.step(+1)
    moved = window.bridge.session.document_id
    assert moved != opened
    qtbot.waitUntil(lambda: state.last_document == moved)


def default_window_size() -> QSize:
    """The size a window gets without remembered geometry (the offscreen screen caps it)."""
    fresh = QMainWindow()
    fresh.resize(1280, 800)
    size = fresh.size()
    fresh.deleteLater()
    return size


def test_scroll_position_restored(
    qtbot: QtBot, make_window: Callable[[], MainWindow], repo: Repository
) -> None:
    long_text = "\n".join(f"السطر رقم {i} من مقال طويل عن القصف" for i in range(400))
    repo.add_documents(repo.default_project(), [Document(name="long", text=long_text)])
    window = make_window()
    long_id = next(d.id for d in repo.list_documents(repo.default_project()) if d.name == "long")
    window.navigator.open(long_id)
    bar = window.article.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 100)
    bar.setValue(120)
    window.close()
    again = make_window()
    bar = again.article.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == 120)


def test_f1_lists_every_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.article, Qt.Key.Key_F1)
    dialog = window.help_dialog
    assert dialog is not None and dialog.isVisible()
    keys = " ".join(k for k, _ in dialog.rows)
    for label in window.bridge.session.schema.labels:
        assert label.key in keys
    for entry in SHORTCUTS:
        action = window.actions_by_name[entry.name]
        assert action.shortcut().toString() in keys, entry.name
    assert "Alt+Drag" in keys and "Ctrl+Shift+Left / Right" in keys


# ----- a project larger than a page -----------------------------------------------------------


@pytest.fixture
def big_repo(repo: Repository) -> Repository:
    """The three articles plus 447 more: 450 documents, more than two pages of the list."""
    more = [
        Document(name=f"file-{i:03d}.txt", text=f"مقال رقم {i}\nعن القصف في حلب {i}",
                 status="done" if i % 3 == 0 else "new",
                 meta={"title": f"Title {i}"} if i % 5 == 0 else {})
        for i in range(447)
    ]
    repo.add_documents(repo.default_project(), more)
    # The window lists the annotator's own statuses: amal's are the imported ones.
    for doc in repo.list_documents(repo.default_project(), status="done"):
        repo.set_status(doc.id, "done", annotator="amal")
    return repo


class CountingRepository:
    """The repository, counting the calls that read the whole document list."""

    def __init__(self, inner: Repository) -> None:
        self._inner = inner
        self.full_lists = 0

    def list_documents(self, *args: Any, **kwargs: Any) -> Any:
        self.full_lists += 1
        return self._inner.list_documents(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _window_over(qtbot: QtBot, repository: Any, settings: QSettings) -> MainWindow:
    session = AnnotationSession(repository, project_id=repository.default_project(),
                                annotator="amal")
    window = MainWindow(session, settings=settings, database="big")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.article.setFocus()
    return window


def test_list_reads_pages_and_moving_on_never_reads_the_whole_list(
    qtbot: QtBot, big_repo: Repository, settings: QSettings
) -> None:
    counting = CountingRepository(big_repo)
    window = _window_over(qtbot, counting, settings)
    model = window.documents.document_model
    assert model.rowCount() == DocumentListModel.PAGE
    assert model.canFetchMore()
    assert window.position_label.text() == "Document 1 / 450"
    # Walk to the end of the first page and beyond it with the keyboard.
    for _ in range(DocumentListModel.PAGE + 3):
        qtbot.keyClick(window.article, Qt.Key.Key_PageDown, CTRL)
    opened = window.bridge.session.document_id
    assert opened is not None
    row = model.row_of(opened)
    assert row == DocumentListModel.PAGE + 3
    assert window.documents.table.currentIndex().row() == row
    assert window.position_label.text() == f"Document {row + 1} / 450"
    qtbot.keyClick(window.article, Qt.Key.Key_PageUp, CTRL)
    assert model.row_of(window.bridge.session.document_id or -1) == row - 1
    # Scrolling the table to the bottom reads the rest, a page at a time.
    while model.canFetchMore():
        window.documents.table.scrollToBottom()
        qtbot.wait(1)
    assert model.rowCount() == 450
    assert counting.full_lists == 0


def test_status_filter_keeps_each_documents_own_number_and_shows_titles(
    qtbot: QtBot, big_repo: Repository, settings: QSettings
) -> None:
    window = _window_over(qtbot, big_repo, settings)
    model = window.documents.document_model
    window.documents.set_status_filter("done")
    rows = [model.document_at(r) for r in range(model.rowCount())]
    assert all(r.status == "done" for r in rows)
    # "#" is the position in the project, not the row in the filtered list.
    first = rows[0]
    assert first.name == "file-000.txt"
    assert model.index(0, 0).data() == str(first.position + 1) == "4"
    assert model.index(1, 0).data() == "7"
    # A readable title (meta["title"], else the first line), the file name in the tooltip.
    assert model.index(0, 1).data() == "Title 0"
    assert model.index(1, 1).data() == "مقال رقم 3"
    assert "file-003.txt" in model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_a_restored_document_deep_in_the_list_is_selected(
    qtbot: QtBot, big_repo: Repository, settings: QSettings
) -> None:
    window = _window_over(qtbot, big_repo, settings)
    deep = big_repo.document_page(big_repo.default_project(), after=None, limit=None)[420]
    window.navigator.open(deep.id)
    window.close()
    again = _window_over(qtbot, big_repo, settings)
    assert again.bridge.session.document_id == deep.id
    assert again.documents.table.currentIndex().row() == 420
    assert again.position_label.text() == "Document 421 / 450"


def test_a_span_added_in_the_last_loaded_row_loses_no_document_of_the_sorted_list(
    qtbot: QtBot, big_repo: Repository, settings: QSettings
) -> None:
    window = _window_over(qtbot, big_repo, settings)
    documents = window.documents
    model = documents.document_model
    documents.sort_by(3)  # Spans, fewest first: every count is 0, so corpus order
    assert model.rowCount() == DocumentListModel.PAGE
    last = model.document_at(model.rowCount() - 1)
    window.navigator.open(last.id)
    view = window.article
    view.select_range(*word(view.toPlainText(), "مقال"))
    qtbot.keyClick(view, Qt.Key.Key_1)
    row = model.row_of(last.id)
    assert row == DocumentListModel.PAGE - 1  # the row stays where it was, its count shown
    assert model.index(row, 3).data() == "1"
    # The next pages continue after the place the row was read at, not after its new count.
    while model.canFetchMore():
        model.fetchMore()
    ids = [model.document_at(r).id for r in range(model.rowCount())]
    assert len(ids) == len(set(ids)) == 450


def test_list_columns_fit_their_widest_text_without_asking_the_rows(
    qtbot: QtBot, big_repo: Repository, settings: QSettings
) -> None:
    # Sized to contents, every change of rows or selection asked the model for every cell on
    # screen (thousands of calls before the first paint): the widths are measured from the
    # widest text a column can show instead.
    window = _window_over(qtbot, big_repo, settings)
    view = window.documents
    header = view.table.horizontalHeader()
    metrics = view.table.fontMetrics()
    assert view.widest_texts()[0] == "888"  # 450 documents: three digits
    for column, text in view.widest_texts().items():
        assert header.sectionSize(column) > metrics.horizontalAdvance(text)
        title = view.document_model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) > header.fontMetrics().horizontalAdvance(title)
    # The title takes what is left.
    assert header.sectionResizeMode(1) == header.ResizeMode.Stretch
    widths = [header.sectionSize(c) for c in range(4)]
    for document_id in list(names(big_repo))[-20:]:  # three-digit places
        view.show_document(document_id)
        qtbot.wait(1)
    assert [header.sectionSize(c) for c in range(4)] == widths
    # A column the annotator widened stays so when the list is read again.
    header.resizeSection(2, widths[2] + 40)
    view.set_status_filter("done")
    assert header.sectionSize(2) == widths[2] + 40
    # A larger font: the texts are measured again.
    font = view.font()
    font.setPointSize(font.pointSize() * 2)
    view.setFont(font)
    metrics, titles = view.table.fontMetrics(), header.fontMetrics()
    for column, text in view.widest_texts().items():
        title = view.document_model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) > max(metrics.horizontalAdvance(text),
                                                titles.horizontalAdvance(title))
