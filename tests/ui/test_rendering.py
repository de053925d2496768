"""The bundled fonts, and Arabic with Latin and digits laid out in the right visual order."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QFontInfo, QRawFont, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.paths import data_dir
from annotator.ui.fonts import ARABIC_FAMILY, FONT_FILES, LATIN_FAMILY, article_font, load_fonts
from annotator.ui.main_window import MainWindow


def test_bundled_fonts_cover_arabic_and_latin(qapp: QApplication) -> None:
    folder = data_dir("resources") / "fonts"
    assert (folder / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") >= 1
    families = load_fonts()
    assert ARABIC_FAMILY in families and LATIN_FAMILY in families
    systems = {
        family: {QFontDatabase.writingSystemName(w) for w in QFontDatabase.writingSystems(family)}
        for family in (ARABIC_FAMILY, LATIN_FAMILY)
    }
    assert "Arabic" in systems[ARABIC_FAMILY]
    assert "Latin" in systems[LATIN_FAMILY]
    # Every character of a mixed line has a glyph in one of the two fonts.
    raws = [QRawFont(str(folder / name), 15) for name in FONT_FILES]
    for ch in "شهدت دير الزور SY24 Facebook ٢٤ “”،؟":
        if not ch.isspace():
            assert any(raw.supportsCharacter(ord(ch)) for raw in raws), ch
    assert QFontInfo(article_font()).family() == ARABIC_FAMILY


def test_article_uses_the_bundled_font(qtbot: QtBot, window: MainWindow) -> None:
    assert QFontInfo(window.article.font()).family() == ARABIC_FAMILY


def test_latin_and_digits_keep_their_order_inside_arabic(qtbot: QtBot, window: MainWindow) -> None:
    view = window.article
    text = view.toPlainText()
    line_end = text.index("\n")
    sy = text.index("SY24")
    date = text.index("24 أكتوبر")

    def x(position: int) -> int:
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.positions.to_qt(position))
        return view.cursorRect(cursor).x()

    # The first line is right-aligned and runs right to left: each word left of the one before.
    first_words = [text.index(w) for w in ("قصف", "الطيران", "مدينة")]
    assert x(first_words[0]) > x(first_words[1]) > x(first_words[2])
    assert x(0) > view.viewport().width() * 0.8
    assert sy > line_end
    # "SY24" reads left to right inside the right-to-left line: S left of Y left of 2.
    assert x(sy + 1) < x(sy + 2) < x(sy + 3)
    # "24 أكتوبر": the number stays to the right of the month name (it comes first in reading).
    assert x(date) > x(date + 3)
