"""Labeling in the article view, driven with the mouse and keys from outside."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from conftest import ARTICLE, caret_point, char_point, drag, word
from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolButton, QToolTip
from pytestqt.qtbot import QtBot

from annotator.services.changes import DocumentReloaded
from annotator.store.repository import Repository
from annotator.ui.main_window import MainWindow


def stored(repo: Repository, window: MainWindow) -> list[tuple[str, str]]:
    """What the database holds for the open document, read fresh."""
    document_id = window.bridge.session.document_id
    assert document_id is not None
    return [(s.label, s.text) for s in repo.get_document(document_id).spans]


def test_drag_snaps_to_whole_tokens_and_key_labels(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    start, end = word(ARTICLE, "الطيران")
    # From inside "الطيران" to inside "مدينة": both words, whole.
    drag(qtbot, view, caret_point(view, start + 2), caret_point(view, end + 3))
    m_end = word(ARTICLE, "مدينة")[1]
    assert view.selection_range() == (start, m_end)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert stored(repo, window) == [("ACTOR", "الطيران مدينة")]
    assert window.span_list.span_model.rowCount() == 1


def test_keyboard_selection_trims_punctuation(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    start, end = word(ARTICLE, "بالميادين")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=caret_point(view, start))
    assert view.caret_offset() == start
    # Shift+Left extends forward in right-to-left text: the word, the comma and the space.
    for _ in range(len("بالميادين، ")):
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_range() == (start, end + 2)
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert stored(repo, window) == [("LOCATION", "بالميادين")]


def test_alt_drag_keeps_exact_characters(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    start, end = word(ARTICLE, "الميادين")
    assert ARTICLE[start - 1] == "ب"
    drag(
        qtbot, view, caret_point(view, start), caret_point(view, end),
        Qt.KeyboardModifier.AltModifier,
    )
    assert view.selection_range() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert stored(repo, window) == [("LOCATION", "الميادين")]


def test_without_alt_a_drag_from_inside_the_name_takes_the_whole_word(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    start, end = word(ARTICLE, "الميادين")
    # After "بالم": no clitic boundary, so the drag grows to the whole token.
    drag(qtbot, view, caret_point(view, start + 3), caret_point(view, end))
    assert view.selection_range() == (start - 1, end)
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert stored(repo, window) == [("LOCATION", "بالميادين")]


def test_alt_key_labels_exact_characters(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    start, end = word(ARTICLE, "الميادين")
    view.select_range(start, end)
    qtbot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert stored(repo, window) == [("LOCATION", "الميادين")]


def test_click_relabel_delete_undo_redo(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    start, end = word(ARTICLE, "الحرس الثوري")
    drag(qtbot, view, caret_point(view, start), caret_point(view, end))
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert stored(repo, window) == [("ACTOR", "الحرس الثوري")]
    # Click elsewhere, then on the span: it is selected.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(view, 2))
    assert view.selected_span is None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(view, start + 3))
    assert view.selected_span is not None
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert stored(repo, window) == [("TARGET", "الحرس الثوري")]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored(repo, window) == []
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(repo, window) == [("TARGET", "الحرس الثوري")]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(repo, window) == [("ACTOR", "الحرس الثوري")]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(repo, window) == []
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_Z, redo)
    qtbot.keyClick(view, Qt.Key.Key_Z, redo)
    assert stored(repo, window) == [("TARGET", "الحرس الثوري")]
    assert window.span_list.span_model.rowCount() == 1


def test_overlapping_spans_both_drawn(qtbot: QtBot, window: MainWindow, repo: Repository) -> None:
    view = window.article
    outer = word(ARTICLE, "دير الزور")
    inner = word(ARTICLE, "الزور")
    view.select_range(*outer)
    qtbot.keyClick(view, Qt.Key.Key_3)
    view.select_range(*inner)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert sorted(stored(repo, window)) == [("ACTOR", "الزور"), ("LOCATION", "دير الزور")]
    # The block's formats: "دير " in the LOCATION colour; "الزور" in the ACTOR colour,
    # underlined in the LOCATION colour (it sits inside the LOCATION span).
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    block = view.document().findBlock(view.positions.to_qt(outer[0]))
    base = block.position()
    ranges = block.layout().formats()  # kept alive: the formats belong to this list
    formats = {
        (f.start + base, f.start + base + f.length): QTextCharFormat(f.format) for f in ranges
    }
    dir_range = (view.positions.to_qt(outer[0]), view.positions.to_qt(inner[0]))
    zor_range = (view.positions.to_qt(inner[0]), view.positions.to_qt(inner[1]))
    location = window.bridge.session.schema.label("LOCATION").color.lower()
    actor = window.bridge.session.schema.label("ACTOR").color.lower()
    assert formats[dir_range].background().color().name() == location
    assert not formats[dir_range].fontUnderline()
    assert formats[zor_range].background().color().name() == actor
    assert formats[zor_range].underlineColor().name() == location
    assert formats[zor_range].underlineStyle() != formats[dir_range].underlineStyle()
    # Hovering the inner word names both labels.
    tip = view.tooltip_text(char_point(view, inner[0] + 2))
    assert "ACTOR" in tip and "LOCATION" in tip
    assert view.tooltip_text(char_point(view, 1)) == ""


def test_clicking_a_nested_span_twice_selects_the_outer(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.article
    outer = word(ARTICLE, "دير الزور")
    inner = word(ARTICLE, "الزور")
    for (start, end), key in ((outer, Qt.Key.Key_3), (inner, Qt.Key.Key_1)):
        view.select_range(start, end)
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    point = char_point(view, inner[0] + 1)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.bridge.session.span(view.selected_span or -1).text == "الزور"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.bridge.session.span(view.selected_span or -1).text == "دير الزور"


def test_obfuscated_word_is_one_token_on_double_click(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    start, end = word(ARTICLE, "هــ.دد")
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(view, start + 4))
    assert view.selection_range() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert stored(repo, window) == [("TARGET", "هــ.دد")]


def test_status_bar_shows_code_point_range_after_astral_characters(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.article
    start, end = word(ARTICLE, "الحرس")
    drag(qtbot, view, caret_point(view, start), caret_point(view, end))
    assert view.selection_range() == (start, end)
    # Qt counts two more positions here (the emoji and U+20000 are surrogate pairs).
    assert view.textCursor().selectionStart() == start + 2
    assert window.selection_label.text().startswith(f"Selection {start}–{end}")


def test_span_list_row_selects_and_scrolls_to_span(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.article
    for needle, key in (("الطيران", Qt.Key.Key_1), ("SY24", Qt.Key.Key_1)):
        view.select_range(*word(ARTICLE, needle))
        qtbot.keyClick(view, key)
    table = window.span_list
    assert [table.span_model.span_at(r).text for r in range(2)] == ["الطيران", "SY24"]
    rect = table.visualRect(table.span_model.index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected_span == table.span_model.span_at(0).id
    assert view.caret_offset() == word(ARTICLE, "الطيران")[0]
    # And the other way: clicking the span in the text selects its row.
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    sy24 = word(ARTICLE, "SY24")[0]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(view, sy24 + 1))
    assert table.currentIndex().row() == 1


def test_label_bar_button_labels_selection(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    view.select_range(*word(ARTICLE, "24 أكتوبر"))
    button = window.label_bar.findChild(QToolButton, "label_DATE")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert stored(repo, window) == [("DATE", "24 أكتوبر")]


def test_undo_refused_after_an_outside_change_reports_and_reloads(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    view.select_range(*word(ARTICLE, "الطيران"))
    qtbot.keyClick(view, Qt.Key.Key_1)
    span = window.bridge.session.spans[0]
    assert span.id is not None
    repo.delete_span(span.id)  # another window (or annotator) removed it meanwhile
    reloads: list[object] = []
    window.bridge.changed.connect(
        lambda change: reloads.append(change) if isinstance(change, DocumentReloaded) else None
    )
    with qtbot.waitSignal(window.bridge.conflict_detected):
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage().startswith("Someone else changed this document")
    qtbot.waitUntil(lambda: window.span_list.span_model.rowCount() == 0)
    qtbot.waitUntil(lambda: not window.bridge.undo_stack.canUndo())
    assert window.bridge.session.spans == ()
    # Once the event loop has run what it had queued: read once, and the message is still the
    # one that explains the refusal.
    for _ in range(3):
        QApplication.processEvents()
    assert len(reloads) == 1
    assert window.statusBar().currentMessage().startswith("Someone else changed this document")


def test_hovering_a_span_shows_its_label(qtbot: QtBot, window: MainWindow) -> None:
    view = window.article
    start, end = word(ARTICLE, "SY24")
    view.select_range(start, end)
    qtbot.keyClick(view, Qt.Key.Key_1)
    point = char_point(view, start + 1)
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "ACTOR" in QToolTip.text() and "SY24" in QToolTip.text()
    assert window.selection_label.text() == f"ACTOR {start}–{end} (4 characters)"


def test_ctrl_wheel_zooms_and_is_remembered(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    view = window.article
    before = view.point_size()
    point = view.viewport().rect().center()
    wheel = QWheelEvent(
        QPointF(point), QPointF(view.viewport().mapToGlobal(point)), QPoint(0, 0),
        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.point_size() == before + 2
    assert int(str(settings.value("view/point_size"))) == before + 2


def test_label_key_without_selection_explains(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert stored(repo, window) == []
    assert window.statusBar().currentMessage().startswith("Select some text")
    start, end = word(ARTICLE, "الطيران")
    for _ in range(2):
        view.select_range(start, end)
        qtbot.keyClick(view, Qt.Key.Key_1)
    assert stored(repo, window) == [("ACTOR", "الطيران")]  # not twice
    assert window.statusBar().currentMessage().startswith("Nothing new to label")
