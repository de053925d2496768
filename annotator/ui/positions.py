"""The one conversion between Qt positions (UTF-16 code units) and stored offsets (code points).

Qt counts a character outside the Basic Multilingual Plane (an emoji, some symbols) as two
positions, Python as one. Every widget converts here and nowhere else.
"""

from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class PositionMap:
    """Converts offsets of one text between code points and UTF-16 code units."""

    __slots__ = ("_astral_cp", "_astral_u16", "_length")

    def __init__(self, text: str) -> None:
        # Most articles have no astral character: both lists stay empty and every
        # conversion is the identity after one bisect on an empty list.
        self._astral_cp: list[int] = []
        self._astral_u16: list[int] = []
        self._length = len(text)
        if text.isascii():
            return
        # A regular expression finds them in C: a Python loop over 1 MB takes 30 ms or more.
        self._astral_cp = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_u16 = [cp + k for k, cp in enumerate(self._astral_cp)]

    @property
    def identity(self) -> bool:
        """True when the text has no character outside the BMP (both counts agree)."""
        return not self._astral_cp

    def to_qt(self, offset: int) -> int:
        """UTF-16 position of code-point ``offset`` (0..len(text))."""
        return offset + bisect.bisect_left(self._astral_cp, offset)

    def to_offset(self, position: int) -> int:
        """Code-point offset of UTF-16 ``position``; inside a surrogate pair it rounds down."""
        return position - bisect.bisect_left(self._astral_u16, position)

    @property
    def qt_length(self) -> int:
        """The text's length in UTF-16 code units."""
        return self.to_qt(self._length)
