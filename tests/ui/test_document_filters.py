"""The document list filtered by text and label, sorted by a column title, with next/previous
document and the position label following the list as shown."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from annotator.core.model import make_span
from annotator.store.repository import Repository
from annotator.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _names(window: MainWindow) -> list[str]:
    model = window.documents.document_model
    return [model.document_at(r).name for r in range(model.rowCount())]


def _click_header(qtbot: QtBot, window: MainWindow, column: int) -> None:
    header = window.documents.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_text_filter_is_folded_and_next_document_follows_it(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    documents = window.documents
    # "ادلب" finds "إدلب" (hamza folded), as annotator search does.
    # Typed (QTest cannot type Arabic keys: inserted as an input method does); the list is
    # read again after a pause in typing.
    documents.text_filter.setFocus()
    documents.text_filter.insert("ادلب")
    assert len(_names(window)) == 3
    qtbot.waitUntil(lambda: _names(window) == ["third"])
    assert window.position_label.text() == "Document 0 / 1"  # "first" is open, not listed
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown, CTRL)
    assert window.bridge.session.document is not None
    assert window.bridge.session.document.name == "third"
    assert window.position_label.text() == "Document 1 / 1"
    documents.set_text_filter("")
    assert _names(window) == ["first", "second", "third"]


def test_label_filter_lists_documents_holding_the_label(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    second = next(d for d in repo.list_documents(repo.default_project()) if d.name == "second")
    text = repo.get_document(second.id).text
    repo.add_span(second.id, make_span(text, 0, 3, "LOCATION"), annotator="amal")
    window.documents.set_label_filter("LOCATION")
    assert _names(window) == ["second"]
    window.documents.set_label_filter("ACTOR")
    assert _names(window) == []
    window.documents.set_label_filter(None)
    assert len(_names(window)) == 3


def test_header_click_sorts_and_navigation_follows_the_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    _click_header(qtbot, window, 1)  # by name, ascending
    assert _names(window) == ["first", "second", "third"]
    _click_header(qtbot, window, 1)  # again: descending
    assert _names(window) == ["third", "second", "first"]
    session = window.bridge.session
    assert session.document is not None and session.document.name == "first"
    assert window.position_label.text() == "Document 3 / 3"
    qtbot.keyClick(window.article, Qt.Key.Key_PageUp, CTRL)
    assert session.document is not None and session.document.name == "second"
    assert window.position_label.text() == "Document 2 / 3"
    assert window.documents.table.currentIndex().row() == 1


def test_status_shown_is_the_annotators_own(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    session = window.bridge.session
    first = session.document_id
    assert first is not None
    # Someone else finished it: amal's own status stays new, in the list and the title.
    repo.set_status(first, "done", annotator="badr")
    session.open(first)  # read again (badr's edit moved the document's version on)
    assert "(new)" in window.windowTitle()
    window.documents.document_model.refresh()
    assert window.documents.document_model.document_at(0).status == "new"
    window.documents.set_status_filter("done")
    assert _names(window) == []
    window.documents.set_status_filter(None)
    qtbot.keyClick(window.article, Qt.Key.Key_Return, CTRL)  # amal marks it done
    assert repo.annotator_status(first, "amal") == "done"
    window.documents.set_status_filter("done")
    assert _names(window) == ["first"]
    session.open(first)
    assert "(done)" in window.windowTitle()
