"""Events and date values in the window: made with keys, edited, undone, and refused when late."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ARTICLE, word
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator.core.model import Document
from annotator.services.event_commands import ChangeEvent
from annotator.services.session import AnnotationSession
from annotator.store.db import open_database
from annotator.store.repository import Repository
from annotator.ui.main_window import MainWindow


def label(qtbot: QtBot, window: MainWindow, needle: str, key: Qt.Key) -> int:
    """Select ``needle`` and press a label key; the new span's id."""
    window.article.select_range(*word(ARTICLE, needle))
    qtbot.keyClick(window.article, key)
    span = next(s for s in window.bridge.session.spans if s.text == needle)
    assert span.id is not None
    return span.id


def stored_document(repo: Repository, window: MainWindow) -> Document:
    document_id = window.bridge.session.document_id
    assert document_id is not None
    return repo.get_document(document_id)


def stored_events(repo: Repository, window: MainWindow) -> list[tuple[str, dict[str, list[str]]]]:
    """The stored events as (type, role -> span texts)."""
    document = stored_document(repo, window)
    return [
        (e.type, {r: [document.spans[i].text for i in refs] for r, refs in e.roles.items()})
        for e in document.events
    ]


def test_an_event_made_with_keys_only_its_type_chosen_and_both_undone(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    label(qtbot, window, "الطيران", Qt.Key.Key_1)
    label(qtbot, window, "بالميادين", Qt.Key.Key_3)
    date_id = label(qtbot, window, "24 أكتوبر", Qt.Key.Key_4)
    label(qtbot, window, "الحرس الثوري", Qt.Key.Key_1)  # the second sentence: not in the event
    # Escape drops the selection, Home puts the caret in the first sentence: E makes the event.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_E)
    assert stored_events(repo, window) == [
        ("Air/drone strike",
         {"actor": ["الطيران"], "location": ["بالميادين"], "date": ["24 أكتوبر"]}),
    ]
    # The type box has the keys: Down chooses the next type, stored at once.
    panel = window.events_panel
    assert panel.type_box.hasFocus()
    qtbot.keyClick(panel.type_box, Qt.Key.Key_Down)
    assert [t for t, _ in stored_events(repo, window)] == ["Shelling/artillery/missile attack"]
    # The chosen event's spans are marked in the article; the date span knows its event.
    assert window.article.highlighter.marked_spans == frozenset(
        s.id for s in window.bridge.session.spans if s.text != "الحرس الثوري")
    assert len(window.bridge.session.events.events_of(date_id)) == 1
    # Ctrl+Z undoes the type, then the event.
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [t for t, _ in stored_events(repo, window)] == ["Air/drone strike"]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_events(repo, window) == []
    assert panel.tree.topLevelItemCount() == 0
    # Redo brings it back whole, under the same id.
    qtbot.keyClick(view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [t for t, _ in stored_events(repo, window)] == ["Air/drone strike"]
    assert panel.tree.topLevelItemCount() == 1


def test_filling_a_role_by_clicking_a_span_and_deleting_a_used_span_asks_and_undo_restores(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    actor = label(qtbot, window, "الطيران", Qt.Key.Key_1)
    other = label(qtbot, window, "الحرس الثوري", Qt.Key.Key_1)
    view.select_span(actor)
    qtbot.keyClick(view, Qt.Key.Key_E)
    panel = window.events_panel
    # With "fill roles by clicking" on, choosing the second span adds it as a second actor.
    panel.fill_button.setChecked(True)
    view.select_span(other)
    assert stored_events(repo, window) == [
        ("Air/drone strike", {"actor": ["الطيران", "الحرس الثوري"]})]
    panel.fill_button.setChecked(False)
    # Deleting a span an event uses asks first; "no" keeps everything.
    asked: list[str] = []
    view.confirm = lambda question: asked.append(question) or False
    view.select_span(actor)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "1 event" in asked[0]
    assert len(stored_document(repo, window).spans) == 2
    view.confirm = lambda question: True
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored_events(repo, window) == [("Air/drone strike", {"actor": ["الحرس الثوري"]})]
    # Undo puts the span back in its place in the event's role.
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_events(repo, window) == [
        ("Air/drone strike", {"actor": ["الطيران", "الحرس الثوري"]})]
    event = window.bridge.session.events.events[0]
    assert len(event.roles["actor"]) == 2


def test_a_date_span_gets_its_value_and_the_annotator_edits_it_then_undoes(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    session = window.bridge.session
    date_id = label(qtbot, window, "24 أكتوبر", Qt.Key.Key_4)
    # No publication date yet: "24 أكتوبر" has no year, so the rules leave it to a person.
    assert dict(session.span(date_id).attrs) == {"normalized_by": "auto"}
    # Document > Properties: the publication date, and the automatic value follows it.
    qtbot.keyClick(window.article, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    props = window.event_actions.properties_dialog
    assert props is not None
    props.published_edit.setText("2024-10-28")
    props.confirmed_box.setChecked(True)
    props.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    stored = {s.id: s for s in stored_document(repo, window).spans}
    assert stored[date_id].attrs == {"value": "2024-10-24", "precision": "day",
                                     "normalized_by": "auto"}
    assert stored_document(repo, window).meta == {"published": "2024-10-28"}
    # The tooltip and the span list show the value.
    assert "2024-10-24 (day)" in window.span_list.span_model.data(
        window.span_list.span_model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert window.span_list.span_model.data(window.span_list.span_model.index(0, 0)) == (
        "DATE 2024-10-24")
    # Ctrl+D on the selected date span: a bad value keeps OK disabled; a good one is stored.
    window.article.select_span(date_id)
    qtbot.keyClick(window.article, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = window.event_actions.date_dialog
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.precision_box.setCurrentText("month")
    dialog.value_edit.setText("2024-10-24")
    assert not ok.isEnabled() and "month" in dialog.problem.text()
    dialog.value_edit.setText("2024-10")
    dialog.mod_box.setCurrentText("END")
    assert ok.isEnabled()
    ok.click()
    stored = {s.id: s for s in stored_document(repo, window).spans}
    assert stored[date_id].attrs == {"value": "2024-10", "precision": "month", "mod": "END",
                                     "normalized_by": "annotator"}
    # A new publication date leaves the annotator's value alone.
    command = session.events.published_command(None)
    assert command is not None and command.span_attrs == {}
    # Ctrl+Z: the rules' value is back; again: no publication date, no value.
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    stored = {s.id: s for s in stored_document(repo, window).spans}
    assert stored[date_id].attrs["normalized_by"] == "auto"
    assert stored[date_id].attrs["value"] == "2024-10-24"
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    stored_doc = stored_document(repo, window)
    assert stored_doc.meta == {}
    assert dict(stored_doc.spans[0].attrs) == {"normalized_by": "auto"}


@pytest.fixture
def other_window(qtbot: QtBot, repo: Repository, tmp_path: Path) -> Iterator[MainWindow]:
    """A second window with its own connection to the same file, not shown active."""
    path = str(tmp_path / "t.sqlite3")
    second = open_database(path)
    session = AnnotationSession(second, project_id=second.default_project(), annotator="amal")
    settings = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session, settings=settings, database=path)
    qtbot.addWidget(window)
    yield window
    window.close()
    second.close()


def test_two_windows_editing_events_of_one_document_get_the_conflict_refusal(
    qtbot: QtBot, make_window: Callable[[], MainWindow], other_window: MainWindow,
    repo: Repository,
) -> None:
    window = make_window()
    window.change_timer.stop()
    actor = label(qtbot, window, "الطيران", Qt.Key.Key_1)
    window.article.select_span(actor)
    qtbot.keyClick(window.article, Qt.Key.Key_E)
    # The other window sees the event, and changes its type.
    other_window.bridge.check_for_changes()
    other_panel = other_window.events_panel
    assert other_panel.tree.topLevelItemCount() == 1
    other_panel.select_event(other_window.bridge.session.events.events[0].id)
    other_panel.type_box.setCurrentIndex(2)
    assert [t for t, _ in stored_events(repo, window)] == ["Armed clash"]
    # This window has not looked: its type change comes too late and is refused, visibly.
    panel = window.events_panel
    with qtbot.waitSignal(window.bridge.conflict_detected):
        panel.type_box.setCurrentIndex(1)
    assert [t for t, _ in stored_events(repo, window)] == ["Armed clash"]
    assert window.statusBar().currentMessage().startswith("Someone else changed this document")
    # Reloaded: it shows the other window's type; a delete now is stored.
    assert [e.type for e in window.bridge.session.events.events] == ["Armed clash"]
    panel.select_event(window.bridge.session.events.events[0].id)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert stored_events(repo, window) == []


def test_a_nested_event_is_shown_readably_guarded_from_delete_and_taken_out(
    qtbot: QtBot, window: MainWindow, repo: Repository
) -> None:
    view = window.article
    first = label(qtbot, window, "الطيران", Qt.Key.Key_1)
    second = label(qtbot, window, "الحرس الثوري", Qt.Key.Key_1)
    view.select_span(first)
    qtbot.keyClick(view, Qt.Key.Key_E)
    view.select_span(second)
    qtbot.keyClick(view, Qt.Key.Key_E)
    events = window.bridge.session.events
    strike, reply = events.events
    assert strike.id is not None and reply.id is not None
    # The reply is caused by the strike (as a BioNLP-style import makes it).
    document_id = window.bridge.session.document_id
    assert document_id is not None
    assert window.bridge.execute(ChangeEvent(document_id, replace(
        reply, event_args={"cause": (strike.id,)})))
    assert dict(stored_document(repo, window).events[1].event_args) == {"cause": (0,)}
    panel = window.events_panel
    top = panel.tree.topLevelItem(1)
    assert top is not None
    shown = [top.child(i).text(0) for i in range(top.childCount())]
    assert "cause: event 1 · Air/drone strike · غارة جوية أو بطائرة مسيّرة" in shown, shown
    # Deleting the strike while the reply names it is refused, with the reason.
    messages: list[str] = []
    panel.message_posted.connect(messages.append)
    panel.select_event(strike.id)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert messages == ["This event is an argument of event 2: take it out there first."]
    assert len(stored_document(repo, window).events) == 2
    # Delete on the "cause" row takes the strike out of the reply; undo puts it back.
    for i in range(top.childCount()):
        if top.child(i).text(0).startswith("cause"):
            panel.tree.setCurrentItem(top.child(i))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert not stored_document(repo, window).events[1].event_args
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dict(stored_document(repo, window).events[1].event_args) == {"cause": (0,)}
