"""The Arabic interface: a complete catalog, every menu, dialog and panel in Arabic, mirrored,
switched at run time and back, remembered."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from annotator.store.repository import Repository
from annotator.ui import i18n
from annotator.ui.main_window import MainWindow
from tests.ui.conftest import ARTICLE, word

ROOT = Path(__file__).resolve().parents[2]

# What may stay in Latin letters in the Arabic window: names (the documents of the test
# project, the program's own name, each language named in itself), and keys as printed on a
# keyboard (Ctrl+Z, Page Up, F1 ...).
ALLOWED_WORDS = {
    "first", "second", "third", "annotator", "English",
    "Ctrl", "Shift", "Alt", "Meta", "Home", "End", "Page", "Up", "Down", "PgUp", "PgDown",
    "Esc", "Del", "Delete", "Backspace", "Return", "Enter", "Ins", "E", "A", "X", "Tab",
    "W",  # an ISO week, 2024-W43
    # Format, tool and file-type names, written as their makers write them.
    "CoNLL", "JSONL", "JSON", "CSV", "TSV", "PNG", "IOB2", "BIOES", "UTF", "NER",
    "brat", "doccano", "Label", "Studio", "spaCy", "DocBin", "spacy", "Hugging", "Face",
    "WebAnno", "INCEpTION", "Prodigy", "ACLED", "txt", "ann", "tsv", "png", "sqlite3",
    "sqlite", "db", "auto", "jsonl", "conll", "csv", "labelstudio", "hf", "events",
    "webanno", "prodigy", "IOB",
    # Label names as typed in the import's "rename labels" example (the schema's names).
    "ORG", "ACTOR", "LOC", "LOCATION",
}
# A key sequence (Ctrl+Shift+Z, F1, Ctrl+=): its letters are the keys', not words.
_KEYS = re.compile(r"\b(?:(?:Ctrl|Shift|Alt|Meta)\+)+\S+|\bF\d{1,2}\b")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_PATH = re.compile(r"(?:/[^\s/\u2069]+)+")
_TAG = re.compile(r"<[^>]*>")


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                  ) -> Iterator[None]:
    """Catalogs compiled into a folder of the test run; the language back to English after."""
    monkeypatch.setenv("ANNOTATOR_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "i18n"))
    yield
    if QApplication.instance() is not None:
        i18n.set_language("en")


def latin_words(text: str) -> list[str]:
    """The words of ``text`` in Latin letters that are neither keys nor allowed names."""
    text = _KEYS.sub(" ", _PATH.sub(" ", _TAG.sub(" ", text)))
    return [w for w in _LATIN_WORD.findall(text) if w not in ALLOWED_WORDS]


def _menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        texts += [action.text(), action.toolTip()]
        if action.menu() is not None:
            sub = action.menu()
            assert isinstance(sub, QMenu)
            texts += _menu_texts(sub)
    return texts


def visible_texts(top: QWidget) -> list[str]:
    """Every text ``top`` shows: titles, labels, buttons, tooltips, list headers and cells,
    combo box items, text views, and the whole menu bar of a main window."""
    texts = [top.windowTitle(), top.toolTip()]
    for widget in [top, *top.findChildren(QWidget)]:
        texts.append(widget.toolTip())
        if isinstance(widget, QDockWidget):
            texts.append(widget.windowTitle())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif hasattr(widget, "getPlotItem"):
            # A pyqtgraph chart: its title and axis labels are drawn, not QWidget texts.
            plot = widget.getPlotItem()
            texts.append(plot.titleLabel.text)
            texts += [plot.getAxis(side).labelText for side in ("left", "bottom")]
        elif isinstance(widget, QTextEdit) and widget.objectName() != "article":
            texts.append(widget.toPlainText())
        elif isinstance(widget, QListWidget):
            for row in range(widget.count()):
                texts += [widget.item(row).text(), widget.item(row).toolTip()]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                for row in range(model.rowCount()):
                    index = model.index(row, column)
                    texts.append(str(model.data(index) or ""))
                    texts.append(str(model.data(index, Qt.ItemDataRole.ToolTipRole) or ""))
    if isinstance(top, MainWindow):
        for action in top.menuBar().actions():
            menu = action.menu()
            assert isinstance(menu, QMenu)
            texts += _menu_texts(menu)
        texts.append(top.statusBar().currentMessage())
    return [t for t in texts if t]


def _choose(window: MainWindow, language: i18n.Language) -> None:
    action = window.findChild(QAction, f"action_language_{language}")
    assert isinstance(action, QAction)
    action.trigger()
    QApplication.processEvents()


def _open_every_dialog(window: MainWindow, qtbot: QtBot, repo: Repository,
                       monkeypatch: pytest.MonkeyPatch) -> list[QWidget]:
    """Open the window's dialogs (help, an edit that was not saved) and return them."""
    window.show_help()
    assert window.help_dialog is not None
    qtbot.waitExposed(window.help_dialog)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug in the store call")

    with monkeypatch.context() as patch:
        patch.setattr(repo, "add_span", broken)
        window.article.select_range(*word(ARTICLE, "الطيران"))
        qtbot.keyClick(window.article, Qt.Key.Key_1)
    failed = window.findChild(QMessageBox, "edit_failed_dialog")
    assert isinstance(failed, QMessageBox)
    failed.close()
    # The window's tools: find bar (no match), corpus search (hits), label all occurrences,
    # import and export, statistics.
    tools = window.tools
    window.article.select_range(*word(ARTICLE, "الطيران"))
    assert window.article.apply_label("ACTOR") == "labeled"
    # A date span with its value dialog, the document's properties, and an event over them.
    window.article.select_range(*word(ARTICLE, "24 أكتوبر"))
    assert window.article.apply_label("DATE") == "labeled"
    actions = window.event_actions
    assert actions.edit_date()
    assert actions.show_properties()
    assert actions.new_event()
    date_dialog, properties = actions.date_dialog, actions.properties_dialog
    assert date_dialog is not None and properties is not None
    tools.find()
    tools.find_bar.query.setText("لا يوجد في المقال")
    assert tools.find_bar.count.text() == "لا نتيجة"
    tools.search_panel.open_panel("الطيران")
    assert tools.search_panel.hits
    occurrences = tools.label_all_occurrences()
    assert occurrences is not None
    occurrences.set_scope("corpus")
    importing = tools.show_import([ROOT / "pyproject.toml"])
    importing.start()  # the worker is not waited for: its dialog shows a job running
    importing.progress.cancel()
    importing.progress.wait()
    exporting = tools.show_export()
    exporting.start()  # no destination: says so
    statistics = tools.show_statistics()
    extra: list[QWidget] = [date_dialog, properties, occurrences, importing, exporting,
                            statistics]
    for dialog in extra:
        qtbot.waitExposed(dialog)
    return [window.help_dialog, failed, *extra]


def test_the_catalog_has_arabic_for_every_string(tmp_path: Path) -> None:
    """lupdate over today's sources adds nothing unfinished to (a copy of) the catalog."""
    catalog = tmp_path / "annotator_ar.ts"
    shutil.copy2(ROOT / "resources" / "i18n" / "annotator_ar.ts", catalog)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check",
         "--ts", str(catalog)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 unfinished" in result.stdout


def test_a_string_without_arabic_is_reported(tmp_path: Path) -> None:
    """The check fails on an entry whose Arabic is missing (it would pass a broken catalog
    otherwise)."""
    catalog = tmp_path / "annotator_ar.ts"
    text = (ROOT / "resources" / "i18n" / "annotator_ar.ts").read_text(encoding="utf-8")
    broken = text.replace("<translation>تراجع</translation>",
                          '<translation type="unfinished"></translation>', 1)
    assert broken != text
    catalog.write_text(broken, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check",
         "--ts", str(catalog)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1
    assert "unfinished: Shortcuts: Undo" in result.stdout


def test_the_catalog_is_compiled_once_into_the_cache(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANNOTATOR_CACHE_DIR", str(tmp_path / "cache"))
    first = i18n.compiled_catalog("ar")
    assert first.parent == tmp_path / "cache"
    assert first.read_bytes()[:16] == bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
    stamp = first.stat().st_mtime_ns
    assert i18n.compiled_catalog("ar") == first
    assert first.stat().st_mtime_ns == stamp


def test_arabic_window_has_no_english_left_and_is_mirrored(
    window: MainWindow, qtbot: QtBot, settings: QSettings, repo: Repository,
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path,
) -> None:
    english = visible_texts(window)
    assert "&File" in english
    _choose(window, "ar")
    assert i18n.current_language() == "ar"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft()
    # Mirrored: the document list on the right, the span list on the left.
    # (The splitter lays its children out again once the event loop has run.)
    def mirrored() -> bool:
        documents_x = window.documents.mapTo(window, QPoint(0, 0)).x()
        spans_x = window.span_list.mapTo(window, QPoint(0, 0)).x()
        return bool(documents_x > window.width() / 2 > spans_x)

    qtbot.waitUntil(mirrored)
    # A status message and a selection in the status bar, then every dialog.
    window.actions_by_name["exact_characters"].trigger()  # its status bar note shows
    assert window.exact_label.isVisible()
    window.log_path = tmp_path / "annotator.log"
    tops: list[QWidget] = [window, *_open_every_dialog(window, qtbot, repo, monkeypatch)]
    # The bug behind the refused edit was logged on purpose: not a failure of this test.
    caplog.clear()
    # The annotator's name (shown in the status bar) is a name, not interface text.
    name = window.bridge.session.annotator
    leftovers = {
        top.objectName(): sorted({w for t in visible_texts(top) for w in latin_words(t)
                                  if w != name})
        for top in tops
    }
    assert leftovers == {top.objectName(): [] for top in tops}
    shown = {top.objectName(): visible_texts(top) for top in tops}
    assert "استيراد مستندات" in shown["import_dialog"]
    assert "تصدير مجموعة بيانات" in shown["export_dialog"]
    assert "إحصاءات" in shown["statistics_view"]
    assert any(t.startswith("وسم كل مواضع") for t in shown["occurrences_dialog"])
    assert "البحث في المدوَّنة" in shown["main_window"]
    assert any("الفاعل" in t for t in shown["main_window"] if "FFE066" in t)  # a hit's label
    window.navigator.step(-1)
    window.article.select_range(*word(ARTICLE, "مدينة"))
    texts = visible_texts(window)
    assert "مل&ف" in texts
    # A shortcut in a mirrored menu still reads as on the keyboard ("Ctrl++", not "++Ctrl").
    assert window.actions_by_name["zoom_in"].text() == "تكبير النص\t\u2066Ctrl++\u2069"
    assert "هذا أول مستند." in texts
    assert any("التحديد" in t and "أحرف" in t for t in texts)
    # Remembered for the next start.
    assert settings.value(i18n.SETTINGS_KEY) == "ar"
    assert i18n.remembered_language(settings) == "ar"


def test_switching_back_restores_english(window: MainWindow, qtbot: QtBot,
                                         settings: QSettings) -> None:
    before = sorted(visible_texts(window))
    _choose(window, "ar")
    assert sorted(visible_texts(window)) != before
    _choose(window, "en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert sorted(visible_texts(window)) == before
    assert window.menus["file"].title() == "&File"
    assert window.documents.filter.itemText(0) == "All documents"
    assert settings.value(i18n.SETTINGS_KEY) == "en"


def test_open_help_follows_a_switch(window: MainWindow, qtbot: QtBot) -> None:
    window.show_help()
    assert window.help_dialog is not None
    assert window.help_dialog.windowTitle() == "Keyboard and mouse"
    _choose(window, "ar")
    assert window.help_dialog.windowTitle() == "لوحة المفاتيح والفأرة"
    assert window.help_dialog.isRightToLeft()
    assert "الفاعل" in window.help_dialog.browser.toPlainText()


def test_shift_left_still_grows_a_span_in_the_mirrored_window(window: MainWindow,
                                                              qtbot: QtBot) -> None:
    """In an Arabic line the text goes on to the left, whatever the window's direction."""
    _choose(window, "ar")
    start, end = word(ARTICLE, "الطيران")
    window.article.select_range(start, end)
    assert window.article.apply_label("ACTOR") == "labeled"
    span_id = window.article.selected_span
    assert span_id is not None
    qtbot.keyClick(window.article, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    grown = window.bridge.session.span(span_id)
    assert grown.start == start and grown.end > end
    assert grown.text == ARTICLE[grown.start:grown.end]
    qtbot.keyClick(window.article, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    back = window.bridge.session.span(span_id)
    assert (back.start, back.end) == (start, end)


def test_language_follows_the_system_without_a_choice(settings: QSettings,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings.value(i18n.SETTINGS_KEY) is None
    monkeypatch.setattr(i18n, "system_language", lambda: "ar")
    assert i18n.remembered_language(settings) == "ar"
    settings.setValue(i18n.SETTINGS_KEY, "en")
    assert i18n.remembered_language(settings) == "en"


@pytest.mark.parametrize(("lang", "expected"), [("ar_EG.UTF-8", "ar"), ("en_GB.UTF-8", "en")])
def test_the_system_locale_picks_the_language(lang: str, expected: str) -> None:
    """A fresh process with an Arabic system locale starts in Arabic, another in English."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env["LANG"] = lang
    code = "from annotator.ui.i18n import system_language; print(system_language())"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_tool_windows_follow_a_switch(window: MainWindow, qtbot: QtBot) -> None:
    """The import dialog opened in English comes back in Arabic; open statistics switch live."""
    importing = window.tools.show_import()
    assert importing.windowTitle() == "Import documents"
    importing.reject()
    statistics = window.tools.show_statistics()
    assert statistics.windowTitle() == "Statistics"
    _choose(window, "ar")
    assert statistics.windowTitle() == "إحصاءات"
    assert window.tools.show_import().windowTitle() == "استيراد مستندات"
    assert window.tools.search_panel.windowTitle() == "البحث في المدوَّنة"
    assert window.files.open_action.text() == "&فتح…"
    assert not [w for t in visible_texts(statistics) for w in latin_words(t)]


def test_team_dialogs_in_arabic_have_no_english_left_and_are_mirrored(
    window: MainWindow, qtbot: QtBot, repo: Repository
) -> None:
    """The name question, the agreement dialog (three annotators), the curation view with
    events and date values, and the assignment dialog, opened in Arabic."""
    from annotator.core.model import Event, make_span
    from annotator.ui.team_name import name_dialog

    doc_id = window.bridge.session.document_id
    assert doc_id is not None
    text = repo.get_document(doc_id).text
    names = ("amal", "badr", "carim")
    for who, place, day in (("amal", "مدينة", "2024-10-24"), ("badr", "الزور", "2024-10-23"),
                            ("carim", "الزور", "2024-10-23")):
        actor = repo.add_span(doc_id, make_span(text, *word(text, "الطيران"), "ACTOR"),
                              annotator=who)
        where = repo.add_span(doc_id, make_span(text, *word(text, place), "LOCATION"),
                              annotator=who)
        date = repo.add_span(doc_id, make_span(text, *word(text, "24 أكتوبر"), "DATE",
                                               attrs={"value": day, "precision": "day"}),
                             annotator=who)
        repo.add_event(doc_id, Event(type="Attack"), {
            "actor": [actor.id or 0], "location": [where.id or 0], "date": [date.id or 0]})
        repo.set_status(doc_id, "done", annotator=who)
    window.bridge.check_for_changes()
    _choose(window, "ar")
    question = name_dialog(window, "amal")
    question.show()
    agreement = window.team.show_agreement()
    agreement.set_chosen(list(names))
    agreement.pair.setCurrentIndex(1)  # amal / carim: they disagree
    assert agreement.disagreements.count() > 0
    curation = window.team.curate()
    assert curation is not None and curation.event_count() == 2
    assigning = window.team.assign()
    dialogs: list[QWidget] = [question, agreement, curation, assigning]
    for dialog in dialogs:
        qtbot.waitExposed(dialog)
    leftovers = {
        d.objectName(): sorted({w for t in visible_texts(d) for w in latin_words(t)
                                if w not in names})
        for d in dialogs
    }
    assert leftovers == {d.objectName(): [] for d in dialogs}
    assert all(d.isRightToLeft() for d in dialogs)
    shown = {d.objectName(): visible_texts(d) for d in dialogs}
    assert "من يُوسِّم؟" in shown["name_dialog"]
    assert "ألفا (التقطيع)" in shown["agreement_dialog"]
    assert any(t.startswith("خلاف") for t in shown["curation_dialog"])
    assert "نوع الحدث" in shown["curation_dialog"]
    assert "إسناد مستندات" in shown["assign_dialog"]
    # The status bar's name and the others' legend too.
    window.team.show_others(True)
    assert window.team.legend_label.text().startswith("الآخرون:")
    for dialog in dialogs:
        dialog.close()


# ----- messages of the readers and services, in Arabic ------------------------------------------

_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
_JOB_TIMEOUT_MS = 120_000


def _problem_words(text: str, labels: tuple[str, ...]) -> list[str]:
    """Latin words of a problem list or report, file names and label names left out."""
    words = latin_words(re.sub(r"\S+\.(?:jsonl|csv|conll|txt)\b", " ", text))
    return [w for w in words if w not in labels]


def test_import_problems_and_export_report_are_arabic(
    window: MainWindow, repo: Repository, qtbot: QtBot, tmp_path: Path
) -> None:
    """A refused import (the seed articles and a bad file) lists its problems in Arabic, and an
    export with a split reports its parts and the spans CoNLL cannot hold in Arabic; in English
    the same lists are the command line's lines, byte for byte."""
    from annotator.core.model import make_span

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(path, seeds / path.name)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"text": "قصف حلب", "spans": [{"start": 4, "end": 7, "label": "ORG"}]}\n'
        "{not json\n"
        '{"text": "قصف حلب", "spans": [{"start": 4, "end": 70, "label": "ACTOR"}]}\n'
        "[1, 2]\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    _choose(window, "ar")
    dialog = window.tools.show_import([seeds, bad, empty])
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.progress.running, timeout=_JOB_TIMEOUT_MS)

    summary, problems = dialog.summary.text(), dialog.problems.toPlainText()
    lines = problems.splitlines()
    assert summary.startswith("لم يُستورد شيء"), summary
    assert len(lines) == 5, problems
    for line in lines:
        assert _ARABIC_LETTER.search(line.split(": ", 1)[1]), line
    labels = repo.project_schema(repo.default_project()).names
    assert _problem_words(summary + "\n" + problems, labels) == [], problems
    assert "الملف فارغ" in lines[-1]  # empty.csv
    assert "وسم غير معروف" in problems and "JSON غير صالح" in problems

    # An export with a split, of a document whose spans overlap (flat CoNLL keeps one).
    first = next(d for d in repo.list_documents(repo.default_project()) if d.name == "first")
    start, end = word(ARTICLE, "الطيران")
    repo.add_span(first.id, make_span(ARTICLE, start, end, "ACTOR"), annotator="annotator")
    repo.add_span(first.id, make_span(ARTICLE, 0, end, "TARGET"), annotator="annotator")
    exporting = window.tools.show_export()
    exporting.set_format("conll")
    exporting.split.setChecked(True)
    exporting.ratios.setText("34/33/33")
    out = tmp_path / "dataset"
    exporting.destination.setText(str(out))
    qtbot.mouseClick(exporting.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not exporting.progress.running, timeout=_JOB_TIMEOUT_MS)

    report, dropped = exporting.summary.text(), exporting.problems.toPlainText()
    assert "تدريب: " in report and "اختبار: " in report, report
    assert "لم يُكتب المقطع" in dropped, dropped
    assert _problem_words(report + "\n" + dropped, labels) == [], report + "\n" + dropped

    # Back in English the same lists are what the command line prints.
    _choose(window, "en")
    from annotator.ui.import_dialog import problem_lines

    english = problem_lines(dialog.last_problems)
    assert english == "\n".join(str(p) for p in dialog.last_problems)
    assert f"{bad}:1: unknown label 'ORG' (the project has" in english
    assert f"{empty}: the file is empty" in english


def test_a_store_refusal_is_said_in_arabic_in_not_saved(
    window: MainWindow, repo: Repository, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """"Not saved" gives the store's reason (a read-only database) in Arabic; only the
    database's own words, quoted, stay as they came."""
    from typing import cast

    from sqlalchemy.exc import DBAPIError

    from annotator.store.engine import _database_error

    refusal = _database_error(cast(DBAPIError, _Readonly()))
    assert str(refusal) == ("the database is read-only: nothing can be changed "
                            "(attempt to write a readonly database)")  # the CLI's words

    def read_only(*_args: object, **_kwargs: object) -> None:
        raise refusal

    _choose(window, "ar")
    monkeypatch.setattr(repo, "add_span", read_only)
    window.article.select_range(*word(ARTICLE, "الطيران"))
    qtbot.keyClick(window.article, Qt.Key.Key_1)
    failed = window.findChild(QMessageBox, "edit_failed_dialog")
    assert isinstance(failed, QMessageBox)
    text = failed.text()
    failed.close()
    assert "قاعدة البيانات للقراءة فقط" in text, text
    reason = text.split("قاعدة البيانات للقراءة فقط", 1)[1]
    assert latin_words(reason.replace("attempt to write a readonly database", "")) == [], text


class _Readonly:
    """What SQLAlchemy's DBAPIError holds from SQLite when the file cannot be written."""

    orig = "attempt to write a readonly database"


def test_a_bad_rename_or_split_is_said_in_arabic(window: MainWindow, qtbot: QtBot) -> None:
    """The options' own checks (the CLI's --map and --split) speak the window's language."""
    _choose(window, "ar")
    importing = window.tools.show_import([ROOT / "seeds"])
    importing.label_map.setText("ORG")
    assert not importing.start()
    assert importing.summary.text().startswith("إعادة تسمية الوسوم"), importing.summary.text()
    assert latin_words(importing.summary.text()) == [], importing.summary.text()
    exporting = window.tools.show_export()
    exporting.destination.setText("/tmp/never-written")
    exporting.split.setChecked(True)
    exporting.ratios.setText("50/50")
    assert not exporting.start()
    assert "ثلاثة أعداد" in exporting.summary.text(), exporting.summary.text()
    assert latin_words(exporting.summary.text()) == [], exporting.summary.text()


def _mnemonic(text: str) -> str | None:
    """The letter after a single "&" (Alt+letter), lower-cased; None without one."""
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


@pytest.mark.parametrize("language", ["en", "ar"])
def test_alt_letters_are_unique_in_the_menu_bar_and_in_each_menu(
    window: MainWindow, language: i18n.Language
) -> None:
    # Two menus with one letter (Suggestions and Statistics had Alt+S): Qt only highlights
    # the first, and its letter no longer opens a menu.
    _choose(window, language)
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    titles = [_mnemonic(m.title()) for m in menus]
    assert None not in titles, [m.title() for m in menus]
    assert len(set(titles)) == len(titles), [m.title() for m in menus]
    for menu in menus:
        letters = [_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        taken = [x for x in letters if x is not None]
        assert len(set(taken)) == len(taken), (menu.title(), [a.text() for a in menu.actions()])
