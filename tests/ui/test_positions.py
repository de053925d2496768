"""The one UTF-16 <-> code point conversion, checked against Qt itself."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from annotator.ui.positions import PositionMap

# An emoji (U+1F600) and a CJK ideograph from plane 2 (U+20000) before an Arabic word.
TEXT = "😀 𠀀 الميادين"


def test_astral_characters_before_an_arabic_word() -> None:
    positions = PositionMap(TEXT)
    start = TEXT.index("الميادين")
    assert start == 4
    assert positions.to_qt(start) == 6  # two surrogate pairs before it
    assert positions.to_offset(6) == start
    assert positions.to_qt(len(TEXT)) == len(TEXT.encode("utf-16-le")) // 2 == positions.qt_length
    # A position inside a surrogate pair rounds down to the character it belongs to.
    assert positions.to_offset(1) == 0
    assert positions.to_offset(3) == 2
    assert not positions.identity


def test_qt_sees_the_same_positions(qapp: QApplication) -> None:
    document = QTextDocument()
    document.setPlainText(TEXT)
    positions = PositionMap(TEXT)
    start, end = TEXT.index("الميادين"), len(TEXT)
    assert document.characterCount() - 1 == positions.qt_length
    cursor = QTextCursor(document)
    cursor.setPosition(positions.to_qt(start))
    cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "الميادين"


def test_plain_arabic_is_the_identity() -> None:
    positions = PositionMap("قصف الطيران")
    assert positions.identity
    assert [positions.to_qt(i) for i in range(12)] == list(range(12))


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_round_trip_for_any_text(text: str) -> None:
    positions = PositionMap(text)
    for offset in range(len(text) + 1):
        qt = positions.to_qt(offset)
        assert qt == len(text[:offset].encode("utf-16-le")) // 2
        assert positions.to_offset(qt) == offset
