"""Team work in the window: switching annotator, the others' spans, agreement and curation."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import pytest
from conftest import word
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from annotator.core.model import Event, make_span
from annotator.store.repository import Repository
from annotator.ui.main_window import MainWindow
from annotator.ui.team import NAME_KEY
from annotator.ui.team_curation import DISAGREEMENT_COLOR


def _first(repo: Repository) -> tuple[int, str]:
    doc = repo.list_documents(repo.default_project())[0]
    return doc.id, repo.get_document(doc.id).text


def _label(window: MainWindow, qtbot: QtBot, start: int, end: int, key: str) -> None:
    window.article.select_range(start, end)
    qtbot.keyClick(window.article, key)


def test_switching_annotator_shows_and_stores_the_new_ones_spans(
    window: MainWindow, repo: Repository, qtbot: QtBot, settings: QSettings
) -> None:
    doc_id, text = _first(repo)
    assert window.team.name_label.text() == "Annotator: amal"
    _label(window, qtbot, *word(text, "الطيران"), "1")
    assert [s.annotator for s in repo.get_document(doc_id).spans] == ["amal"]
    window.team.ask = lambda default: "badr"
    window.team.switch_action.trigger()
    assert window.team.name_label.text() == "Annotator: badr"
    assert settings.value(NAME_KEY) == "badr"
    # badr does not see amal's span, and what badr labels is badr's.
    assert window.bridge.session.spans == ()
    assert window.span_list.model().rowCount() == 0
    _label(window, qtbot, *word(text, "مدينة"), "3")
    stored = {(s.annotator, s.text, s.label) for s in repo.get_document(doc_id).spans}
    assert stored == {("amal", "الطيران", "ACTOR"), ("badr", "مدينة", "LOCATION")}
    # Undo has nothing of amal's to take back under badr's name.
    assert window.bridge.undo_stack.count() == 1
    # Cancelling the question changes nothing.
    window.team.ask = lambda default: None
    assert window.team.switch_annotator() is False
    assert window.bridge.session.annotator == "badr"


def test_others_spans_overlay_read_only_with_a_marker_per_person(
    window: MainWindow, repo: Repository, qtbot: QtBot
) -> None:
    doc_id, text = _first(repo)
    for name, needle, label in [("badr", "الطيران", "ACTOR"), ("carim", "مدينة", "LOCATION"),
                                ("carim", "الحرس", "ACTOR")]:
        repo.add_span(doc_id, make_span(text, *word(text, needle), label), annotator=name)
    window.bridge.check_for_changes()  # as the window's timer would
    _label(window, qtbot, *word(text, "بالميادين"), "3")
    window.team.show_others(True)
    overlay = window.team.overlay
    assert sorted((n, s.text) for n, s in overlay.shown) == [
        ("badr", "الطيران"), ("carim", "الحرس"), ("carim", "مدينة")
    ]
    assert set(overlay.markers) == {"badr", "carim"}
    assert overlay.markers["badr"] != overlay.markers["carim"]
    selections = window.article.extraSelections()
    assert len(selections) == 3
    colors = {sel.format.underlineColor().name() for sel in selections}
    assert colors == {c.name() for c in overlay.markers.values()}
    # Read-only: the session's own spans are still amal's one, and Delete cannot reach others.
    assert [s.text for s in window.bridge.session.spans] == ["بالميادين"]
    # The second line starts with two astral characters: the overlay converts to Qt positions.
    start, end = word(text, "الحرس")
    carim = next(sel for sel in selections if "الحرس" in sel.cursor.selectedText())
    assert carim.cursor.selectionStart() == window.article.positions.to_qt(start)
    assert carim.cursor.selectionEnd() == window.article.positions.to_qt(end)
    legend = window.team.legend_label.text()
    assert "badr" in legend and "carim" in legend
    assert all(c.name() in legend for c in overlay.markers.values())
    window.team.show_others(False)
    assert window.team.legend_label.text() == ""
    assert window.article.extraSelections() == []
    assert not window.team.others_action.isChecked()


def test_agreement_dialog_lists_disagreements_and_opens_them(
    window: MainWindow, repo: Repository, qtbot: QtBot
) -> None:
    pid = repo.default_project()
    docs = repo.list_documents(pid)
    second = docs[1].id
    text = repo.get_document(second).text  # "النص الثاني عن حلب"
    repo.add_span(second, make_span(text, *word(text, "حلب"), "LOCATION"), annotator="amal")
    repo.add_span(second, make_span(text, *word(text, "حلب"), "TARGET"), annotator="badr")
    repo.add_span(second, make_span(text, *word(text, "النص"), "ACTOR"), annotator="badr")
    repo.set_status(second, "done", annotator="amal")
    repo.set_status(second, "done", annotator="badr")
    window.team.agreement_action.trigger()
    dialog = window.team.agreement_dialog
    assert dialog is not None
    assert dialog.chosen() == ["amal", "badr"]
    assert dialog.pair.currentText() == "amal / badr"
    assert "1 document(s) finished by at least two" in dialog.summary.text()
    overall = dialog.table.rowCount() - 1
    assert dialog.table.item(overall, 0).text() == "overall"
    assert dialog.table.item(overall, 3).text() == "0"  # no exact match
    items = [dialog.disagreements.item(i).text() for i in range(dialog.disagreements.count())]
    assert len(items) == 2
    assert "only badr" in items[0] and "label: LOCATION / TARGET" in items[1]
    # A click opens the document at the span.
    item = dialog.disagreements.item(1)
    rect = dialog.disagreements.visualItemRect(item)
    qtbot.mouseClick(dialog.disagreements.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert window.bridge.session.document_id == second
    assert window.article.selection_range() == word(text, "حلب")
    # The other annotator's spans show with it, to see both sides.
    assert window.team.others_action.isChecked()
    assert {(n, s.text) for n, s in window.team.overlay.shown} == {
        ("badr", "حلب"), ("badr", "النص")
    }
    dialog.close()


def test_curation_keeps_agreed_spans_and_stores_the_decisions(
    window: MainWindow, repo: Repository
) -> None:
    doc_id, text = _first(repo)
    agreed = word(text, "الطيران")
    for name in ("amal", "badr"):
        repo.add_span(doc_id, make_span(text, *agreed, "ACTOR"), annotator=name)
    repo.add_span(doc_id, make_span(text, *word(text, "مدينة"), "LOCATION"), annotator="amal")
    repo.add_span(doc_id, make_span(text, *word(text, "الحرس"), "TARGET"), annotator="badr")
    window.bridge.check_for_changes()
    dialog = window.team.curate()
    assert dialog is not None
    rows = [dialog.row(r) for r in range(dialog.row_count())]
    assert [(keep, c.text, c.agreed) for keep, _, c in rows] == [
        (True, "الطيران", True), (False, "مدينة", False), (False, "الحرس", False)
    ]
    assert "disagreement: badr" in dialog.table.item(2, 5).text()
    # Accept amal's LOCATION, accept badr's span but as ACTOR, and add one of the curator's.
    dialog.set_row(1, keep=True)
    dialog.set_row(2, keep=True, label="ACTOR")
    window.article.select_range(*word(text, "الزور"))
    assert dialog.add_selection()
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    curated = repo.get_document(doc_id, annotator="curation").spans
    assert [(s.text, s.label) for s in curated] == [
        ("الطيران", "ACTOR"), ("مدينة", "LOCATION"), ("الحرس", "ACTOR"), ("الزور", "ACTOR")
    ]
    assert all(text[s.start:s.end] == s.text for s in curated)
    # The annotators' own layers are untouched.
    assert len(repo.get_document(doc_id, annotator="badr").spans) == 2
    # Opened again, the curation starts from what was stored.
    again = window.team.curate()
    assert again is not None
    kept = [(c.text, label) for keep, label, c in
            (again.row(r) for r in range(again.row_count())) if keep]
    assert ("الزور", "ACTOR") in kept and ("مدينة", "LOCATION") in kept
    again.reject()


def test_a_curation_refused_after_a_change_elsewhere_stores_nothing(
    window: MainWindow, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc_id, text = _first(repo)
    repo.add_span(doc_id, make_span(text, *word(text, "مدينة"), "LOCATION"), annotator="amal")
    window.bridge.check_for_changes()
    dialog = window.team.curate()
    assert dialog is not None
    repo.add_span(doc_id, make_span(text, *word(text, "الحرس"), "ACTOR"), annotator="badr")
    import annotator.ui.team_curation as team_ui

    warnings: list[str] = []
    monkeypatch.setattr(team_ui.QMessageBox, "warning",
                        lambda _p, _t, message: warnings.append(message))
    dialog.save()
    assert warnings and "changed since you opened it" in warnings[0]
    assert repo.get_document(doc_id, annotator="curation").spans == ()


def test_document_list_shows_only_the_documents_assigned_to_me(
    window: MainWindow, repo: Repository
) -> None:
    pid = repo.default_project()
    ids = [d.id for d in repo.list_documents(pid)]
    repo.assign(pid, "badr", 1)  # the first one goes to badr
    assert repo.assign(pid, "amal", 1) == [ids[1]]
    model = window.documents.document_model
    assert model.rowCount() == 3
    window.documents.assigned.click()
    assert [model.document_at(r).id for r in range(model.rowCount())] == [ids[1]]
    window.documents.set_assigned_only(False)
    assert model.rowCount() == 3


def test_first_start_asks_the_name_once_and_the_environment_wins(
    settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import annotator.ui.app as app_module

    asked: list[str] = []

    def ask(_parent: object, default: str, **_kw: object) -> str | None:
        asked.append(default)
        return "amal"

    monkeypatch.setattr(app_module, "ask_name", ask)
    monkeypatch.delenv("ANNOTATOR_NAME", raising=False)
    monkeypatch.setattr(app_module.getpass, "getuser", lambda: "login")
    assert app_module.window_annotator(settings) == "amal"
    assert asked == ["login"]  # the login name is the default answer
    assert app_module.window_annotator(settings) == "amal"
    assert asked == ["login"]  # remembered: not asked again
    monkeypatch.setenv("ANNOTATOR_NAME", "badr")
    assert app_module.window_annotator(settings) == "badr"
    # Cancelled on a first start: the login name.
    settings.remove(NAME_KEY)
    monkeypatch.delenv("ANNOTATOR_NAME")
    monkeypatch.setattr(app_module, "ask_name", lambda *_a, **_k: None)
    assert app_module.window_annotator(settings) == "login"


def test_assigning_in_the_window_fills_the_assigned_filter(
    window: MainWindow, repo: Repository
) -> None:
    pid = repo.default_project()
    ids = [d.id for d in repo.list_documents(pid)]
    window.documents.set_assigned_only(True)
    assert window.documents.document_model.rowCount() == 0
    window.team.assign_action.trigger()
    dialog = window.team.assign_dialog
    assert dialog is not None and dialog.name.text() == "amal"
    dialog.count.setValue(2)
    dialog.assign()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert repo.assigned_documents(pid, "amal") == ids[:2]
    model = window.documents.document_model
    assert [model.document_at(r).id for r in range(model.rowCount())] == ids[:2]
    # A name of spaces is refused in the dialog, which stays open saying why.
    again = window.team.assign()
    again.name.setText("  ")
    again.assign()
    assert again.isVisible() and "needs a name" in again.outcome.text()
    again.reject()


def test_agreement_dialog_for_three_annotators_shows_both_alphas_and_each_pair(
    window: MainWindow, repo: Repository, qtbot: QtBot
) -> None:
    pid = repo.default_project()
    second = repo.list_documents(pid)[1].id
    text = repo.get_document(second).text  # "النص الثاني عن حلب"
    for name, needle, label in [("amal", "حلب", "LOCATION"), ("badr", "حلب", "LOCATION"),
                                ("carim", "حلب", "TARGET"), ("carim", "النص", "ACTOR")]:
        repo.add_span(second, make_span(text, *word(text, needle), label), annotator=name)
    for name in ("amal", "badr", "carim"):
        repo.set_status(second, "done", annotator=name)
    dialog = window.team.show_agreement()
    dialog.set_chosen(["amal", "badr", "carim"])
    assert dialog.chosen() == ["amal", "badr", "carim"]
    assert "3 annotators" in dialog.summary.text()
    # One row per label and the overall one, token-level and unitizing alpha side by side.
    rows = {dialog.alpha_table.item(r, 0).text(): (dialog.alpha_table.item(r, 1).text(),
                                                    dialog.alpha_table.item(r, 2).text())
            for r in range(dialog.alpha_table.rowCount())}
    assert set(rows) == {"ACTOR", "TARGET", "LOCATION", "DATE", "overall"}
    figures = dialog.figures
    assert figures is not None
    units = dict(figures.report.unitizing)
    assert rows["overall"] == (f"{dict(figures.report.alpha)[None]:.3f}", f"{units[None]:.3f}")
    assert units["LOCATION"] is not None and units["LOCATION"] < 1
    # Every pair can be chosen; amal and badr agree, carim differs from both.
    pairs = [dialog.pair.itemText(i) for i in range(dialog.pair.count())]
    assert pairs == ["amal / badr", "amal / carim", "badr / carim"]
    assert dialog.disagreements.count() == 0
    dialog.pair.setCurrentIndex(2)
    items = [dialog.disagreements.item(i).text() for i in range(dialog.disagreements.count())]
    assert len(items) == 2 and "only carim" in items[0] and "LOCATION / TARGET" in items[1]
    # Still clickable: the document opens at the span.
    item = dialog.disagreements.item(1)
    rect = dialog.disagreements.visualItemRect(item)
    qtbot.mouseClick(dialog.disagreements.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert window.bridge.session.document_id == second
    assert window.article.selection_range() == word(text, "حلب")
    # One ticked annotator: no figures, says why.
    dialog.set_chosen(["amal"])
    assert dialog.alpha_table.rowCount() == 0 and dialog.pair.count() == 0
    assert "two or more" in dialog.summary.text()
    dialog.close()


def _events_by_two(repo: Repository) -> tuple[int, str]:
    """amal and badr: the same ACTOR, LOCATION of different lengths, a DATE read differently,
    and an attack event over them each."""
    doc_id, text = _first(repo)
    for who, place, day in (("amal", "مدينة", "2024-10-24"), ("badr", "الزور", "2024-10-23")):
        actor = repo.add_span(doc_id, make_span(text, *word(text, "الطيران"), "ACTOR"),
                              annotator=who)
        where = repo.add_span(doc_id, make_span(text, *word(text, place), "LOCATION"),
                              annotator=who)
        date = repo.add_span(doc_id, make_span(text, *word(text, "24 أكتوبر"), "DATE",
                                               attrs={"value": day, "precision": "day"}),
                             annotator=who)
        repo.add_event(doc_id, Event(type="Attack"), {
            "actor": [actor.id or 0], "location": [where.id or 0], "date": [date.id or 0]})
        repo.add_event(doc_id, Event(type="Attack"), {"actor": [actor.id or 0]})
    return doc_id, text


def test_curation_view_shows_events_and_dates_side_by_side_and_saves_one_side(
    window: MainWindow, repo: Repository
) -> None:
    doc_id, text = _events_by_two(repo)
    window.bridge.check_for_changes()
    dialog = window.team.curate()
    assert dialog is not None
    dates = [(dialog.table.item(r, 3).text(), dialog.row(r)[2].annotators)
             for r in range(dialog.row_count()) if dialog.row(r)[2].label == "DATE"]
    assert [(d.split()[0], who) for d, who in dates] == [
        ("2024-10-23", ("badr",)), ("2024-10-24", ("amal",))
    ]
    rows = [dialog.event_row(r) for r in range(dialog.event_count())]
    assert sorted((keep, e.annotators) for keep, e in rows) == [
        (False, ("amal",)), (False, ("badr",)), (True, ("amal", "badr"))
    ]
    badr = next(r for r, (_, e) in enumerate(rows) if e.annotators == ("badr",))
    assert "disagreement: badr" in dialog.events.item(badr, 4).text()
    assert dialog.events.item(badr, 4).background().color() == DISAGREEMENT_COLOR
    assert "location: الزور (LOCATION)" in dialog.events.item(badr, 3).text()
    # Accept badr's event (it brings badr's spans and date value with it) and save.
    dialog.set_event(badr, True)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    curated = repo.get_document(doc_id, annotator="curation")
    assert sorted((s.text, s.label) for s in curated.spans) == sorted([
        ("الطيران", "ACTOR"), ("الزور", "LOCATION"), ("24 أكتوبر", "DATE")
    ])
    assert [s.attrs["value"] for s in curated.spans if s.label == "DATE"] == ["2024-10-23"]
    assert all(text[s.start:s.end] == s.text for s in curated.spans)
    assert sorted(sorted(e.roles) for e in curated.events) == [
        ["actor"], ["actor", "date", "location"]
    ]


def test_curation_by_keys_space_keeps_a_row_tab_changes_table_enter_saves(
    window: MainWindow, repo: Repository, qtbot: QtBot
) -> None:
    doc_id, _text = _events_by_two(repo)
    window.bridge.check_for_changes()
    dialog = window.team.curate()
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.table.hasFocus)
    rows = [dialog.row(r)[2] for r in range(dialog.row_count())]
    badr_place = next(r for r, c in enumerate(rows) if c.annotators == ("badr",)
                      and c.label == "LOCATION")
    for _ in range(badr_place):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.row(badr_place)[0] is True
    qtbot.keyClick(dialog.table, Qt.Key.Key_Tab)
    assert dialog.events.hasFocus()
    amal = next(r for r in range(dialog.event_count())
                if dialog.event_row(r)[1].annotators == ("amal",))
    for _ in range(amal):
        qtbot.keyClick(dialog.events, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.events, Qt.Key.Key_Space)
    assert dialog.event_row(amal)[0] is True
    qtbot.keyClick(dialog.events, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    curated = repo.get_document(doc_id, annotator="curation")
    # badr's LOCATION kept by its row; amal's event brings amal's LOCATION with it.
    assert sorted(s.text for s in curated.spans if s.label == "LOCATION") == ["الزور", "مدينة"]
    assert len(curated.events) == 2
