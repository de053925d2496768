"""Ctrl+F in the article, Ctrl+Shift+F over the corpus, and "label all occurrences"."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import re
from pathlib import Path

from conftest import ARTICLE, word
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from annotator.core.model import Document, Span
from annotator.core.text import tokenize
from annotator.store.repository import Repository
from annotator.ui.main_window import MainWindow
from annotator.ui.occurrences_dialog import OccurrencesDialog

TATWEEL = "\u0640"
SEED_003 = Path(__file__).resolve().parents[2] / "seeds" / "003_070557adac96eddd.txt"


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key (QTest's keyClicks takes ASCII only)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def _open(window: MainWindow, repo: Repository, name: str) -> int:
    by_name = {d.name: d.id for d in repo.list_documents(repo.default_project())}
    window.bridge.check_for_changes()
    assert window.bridge.open(by_name[name])
    return by_name[name]


def _spans(repo: Repository, document_id: int) -> list[tuple[int, int, str]]:
    return sorted(s.key for s in repo.get_document(document_id).spans)


def test_find_bar_finds_all_28_obfuscated_words_of_seed_003_by_their_clean_spelling(
    window: MainWindow, repo: Repository, qtbot: QtBot
) -> None:
    text = SEED_003.read_text(encoding="utf-8")
    repo.add_documents(repo.default_project(), [Document(name="003", text=text)])
    _open(window, repo, "003")
    obfuscated = [t for t in tokenize(text) if TATWEEL in t.text and len(t.text) > 2]
    assert len(obfuscated) == 28

    qtbot.keyClick(window.article, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.tools.find_bar
    assert bar.isVisible() and bar.query.hasFocus()
    for token in obfuscated:
        clean = re.sub(r"[\u0640.\u064B-\u0652]", "", token.text)
        bar.query.clear()
        type_text(bar.query, clean)
        assert (token.start, token.end) in bar.hits, token.text
        # Every hit is tinted, and the count says where the current one is.
        assert len(window.article.extraSelections()) == len(bar.hits)
        assert bar.count.text() == f"{bar.current + 1} / {len(bar.hits)}"
        # F3 walks the hits until it selects this one in the article.
        for _ in range(len(bar.hits)):
            if window.article.selection_range() == (token.start, token.end):
                break
            qtbot.keyClick(bar.query, Qt.Key.Key_F3)
        assert window.article.selection_range() == (token.start, token.end), token.text


def test_f3_and_shift_f3_go_round_the_hits_and_escape_clears_the_tints(
    window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.keyClick(window.article, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.tools.find_bar
    type_text(bar.query, "ال")
    hits = bar.hits
    assert len(hits) >= 3
    first = window.article.selection_range()
    qtbot.keyClick(bar.query, Qt.Key.Key_F3)
    second = window.article.selection_range()
    assert second != first and second in hits
    qtbot.keyClick(bar.query, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.article.selection_range() == first
    qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.article.extraSelections() == []


def test_corpus_search_opens_the_right_document_at_the_hit(
    window: MainWindow, repo: Repository, qtbot: QtBot
) -> None:
    _open(window, repo, "third")
    qtbot.keyClick(
        window.article, Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = window.tools.search_panel
    assert panel.isVisible()
    type_text(panel.query, "هدد")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert panel.count.text() == "1 hit(s) in 1 document(s)"
    start, end = word(ARTICLE, "هــ.دد")
    hit = panel.hits[0]
    assert (hit.document, hit.start, hit.end) == ("first", start, end)

    item = panel.results.item(0)
    rect = panel.results.visualItemRect(item)
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.bridge.session.document is not None
    assert window.bridge.session.document.name == "first"
    assert window.article.selection_range() == (start, end)


def test_corpus_search_shows_the_label_already_on_a_hit(
    window: MainWindow, repo: Repository, qtbot: QtBot
) -> None:
    first = _open(window, repo, "first")
    start, end = word(ARTICLE, "الحرس الثوري")
    repo.add_span(first, Span(start, end, "ACTOR", ARTICLE[start:end]), annotator="amal")
    window.tools.search_panel.open_panel("الحرس")
    assert window.tools.workspace.labels_at(window.tools.search_panel.hits) == [("ACTOR",)]


ALEPPO = "قصف حلب مساء أمس، ثم عاد القصف على حلـب وريف حلب الشمالي. مطار حلب مغلق."


def test_label_all_occurrences_in_the_corpus_then_one_ctrl_z_removes_all(
    window: MainWindow, repo: Repository, qtbot: QtBot
) -> None:
    pid = repo.default_project()
    repo.add_documents(pid, [Document(name="aleppo", text=ALEPPO)])
    aleppo = _open(window, repo, "aleppo")
    second = {d.name: d.id for d in repo.list_documents(pid)}["second"]
    # "مطار حلب" is already a TARGET: its حلب is listed, not labeled.
    airport = word(ALEPPO, "مطار حلب")
    repo.add_span(aleppo, Span(*airport, "TARGET", ALEPPO[airport[0]:airport[1]]),
                  annotator="amal")
    window.bridge.check_for_changes()  # the span stored elsewhere shows up
    first_hit = word(ALEPPO, "حلب")
    command = window.bridge.session.add_command(*first_hit, "LOCATION")
    assert window.bridge.execute(command)
    span_id = next(s.id for s in window.bridge.session.spans if s.key == (*first_hit, "LOCATION"))
    window.article.select_span(span_id)
    before_aleppo, before_second = _spans(repo, aleppo), _spans(repo, second)

    qtbot.keyClick(
        window.article, Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.tools.occurrences_dialog
    assert isinstance(dialog, OccurrencesDialog) and dialog.isVisible()
    # In this document: حلـب (tatweel) and the one of "ريف حلب"; the airport's is blocked.
    assert [(o.start, o.end, o.applicable) for o in dialog.occurrences] == [
        (*word(ALEPPO, "حلـب"), True), (*word(ALEPPO, "حلب", 1), True),
        (*word(ALEPPO, "حلب", 2), False),
    ]
    assert dialog.count.text().startswith("2 occurrence(s) to label; 1 overlap")
    dialog.set_scope("corpus")
    assert {o.document for o in dialog.occurrences if o.applicable} == {"aleppo", "second"}
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    added = set(_spans(repo, aleppo)) - set(before_aleppo)
    assert added == {(*word(ALEPPO, "حلـب"), "LOCATION"), (*word(ALEPPO, "حلب", 1), "LOCATION")}
    in_second = set(_spans(repo, second)) - set(before_second)
    assert in_second == {(*word("النص الثاني عن حلب", "حلب"), "LOCATION")}
    assert (*word(ALEPPO, "حلب", 2), "LOCATION") not in _spans(repo, aleppo)

    # One Ctrl+Z takes every one of them back, in both documents.
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _spans(repo, aleppo) == before_aleppo
    assert _spans(repo, second) == before_second
    assert repo.get_document(second).status == "new"
