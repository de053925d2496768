"""Find many known names at once in a long text, under folding, with exact offsets.

The project gazetteer proposes every text a person has labeled wherever it occurs in another
document. :func:`annotator.core.text.fold` is exact but walks the text one character at a time
in Python (about half a second for 1 MB); this module folds the same way with one table
look-up per character in numpy, then finds every name in one Aho-Corasick pass (pyahocorasick).

How the folded key is made, and why it maps back exactly:

* Every code point gets ONE byte: its folded letter (Arabic letters in 0x80 and up, ASCII as
  itself, lower case), ``DROP`` when ``fold`` removes it (tatweel, diacritics, invisible
  controls) or ``UNKNOWN`` when it folds to several characters or to one this table has no
  byte for (ligature presentation forms, rare scripts). That first key is as long as the text.
* Dropped characters, obfuscation dots between Arabic letters and the second and later spaces
  of a whitespace run are then removed, keeping for every key byte the offset of the character
  it came from. A hit ``key[a:b]`` is ``text[offsets[a]:offsets[b - 1] + 1]``, grown over the
  diacritics that follow its last letter, as ``annotator.core.text.find_all`` does.

A name matches whole words only. A clitic conjunction or preposition (و ف ب ل ك) glued before
a name ("ودير الزور", "وبالبوكمال": two before the article) is taken into the hit, because
labeling in the window snaps to whole tokens and the token holds it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import ahocorasick
import numpy as np

from annotator.core.text import INVISIBLE, fold

DROP = 0x01  # removed by fold: tatweel and diacritics (obfuscation dots may stand among them)
UNKNOWN = 0x02
HIDDEN = 0x03  # removed by fold: invisible controls (they end an obfuscated word)
_FIRST_LETTER_BYTE = 0x80
#: Code point ranges whose folded forms get bytes, Arabic first (the bytes are few).
_RANGES = (
    (0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900), (0xFB50, 0xFE00), (0xFE70, 0xFF00),
    (0x0000, 0x0250), (0x2000, 0x2070), (0x1680, 0x1681), (0x3000, 0x3001), (0xFEFF, 0xFF00),
)
_PREFIX_LETTERS = "وفبلك"


@dataclass(frozen=True, slots=True)
class _Table:
    codes: np.ndarray[Any, np.dtype[np.uint8]]
    arabic: bytes  # the bytes given to Arabic letters
    word: frozenset[int]  # bytes that belong to a word (letters, digits, unknown)


@lru_cache(maxsize=1)
def _table() -> _Table:
    codes = np.full(0x110000, UNKNOWN, dtype=np.uint8)
    letters: dict[str, int] = {}
    arabic: list[int] = []
    for lo, hi in _RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            folded = fold(ch)[0]
            if folded == "":
                codes[cp] = HIDDEN if ch in INVISIBLE else DROP
            elif len(folded) == 1 and ord(folded) < 0x80:
                codes[cp] = ord(folded)
            elif len(folded) == 1:
                if folded not in letters and _FIRST_LETTER_BYTE + len(letters) <= 0xFF:
                    letters[folded] = _FIRST_LETTER_BYTE + len(letters)
                    if "\u0600" <= folded < "\u0900" and unicodedata.category(folded) == "Lo":
                        arabic.append(letters[folded])
                if folded in letters:
                    codes[cp] = letters[folded]
    # The control characters that share these bytes never pose as them.
    codes[DROP] = codes[UNKNOWN] = codes[HIDDEN] = UNKNOWN
    word = {b for b in range(0x30, 0x80) if chr(b).isalnum() or chr(b) == "_"}
    word |= {b for ch, b in letters.items() if unicodedata.category(ch)[0] in "LN"}
    word.add(UNKNOWN)
    return _Table(codes, bytes(arabic), frozenset(word))


class FoldedText:
    """The folded key of a text (one str of Latin-1 characters) and the way back from a key
    position to the text.

    Few characters are removed in real text, so instead of one offset per key character
    (a million integers for 1 MB) only the removed positions are kept: a key position ``k``
    is text offset ``k`` plus the number of removed characters before it (two stages: dropped
    characters, then dots and repeated spaces).
    """

    __slots__ = ("_after_drop", "_after_removal", "key", "raw", "text")
    key: str
    text: str

    def __init__(self, text: str) -> None:
        table = _table()
        self.text = text
        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        raw = table.codes[points]
        self.raw = raw
        first = raw.tobytes()
        dots = _obfuscation_dots(raw, first, table.arabic)
        if dots:
            mask = (raw != DROP) & (raw != HIDDEN)
            for a, b in dots:
                mask[a:b] = False
            dropped = np.flatnonzero(~mask)
            key = raw[mask].tobytes()
        elif DROP_BYTE in first or HIDDEN_BYTE in first:
            dropped = np.flatnonzero((raw == DROP) | (raw == HIDDEN))
            key = first.replace(DROP_BYTE, b"").replace(HIDDEN_BYTE, b"")
        else:
            dropped, key = _NONE, first
        # Removed position i (sorted) sits before key position removed[i] - i.
        self._after_drop = (dropped - np.arange(len(dropped))).tolist()
        removed: list[int] = []
        runs = [m.span() for m in _SPACES.finditer(key)]
        if runs:
            mask = np.ones(len(key), dtype=bool)
            for a, b in runs:
                mask[a + 1:b] = False  # the first space of a run stays
                removed.extend(range(a + 1, b))
            key = np.frombuffer(key, dtype=np.uint8)[mask].tobytes()
        self._after_removal = [r - i for i, r in enumerate(removed)]
        self.key = key.decode("latin-1")

    def offset(self, k: int) -> int:
        """The text offset of key position ``k``."""
        k += bisect_right(self._after_removal, k)
        return k + bisect_right(self._after_drop, k)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the text of the key range ``[start, end)``, with trailing diacritics."""
        first = self.offset(start)
        stop = self.offset(end - 1) + 1
        text, raw = self.text, self.raw
        while stop < len(text) and raw[stop] == DROP and unicodedata.category(text[stop]) in (
            "Mn", "Me",
        ):
            stop += 1
        return first, stop


DROP_BYTE = bytes([DROP])
HIDDEN_BYTE = bytes([HIDDEN])
_NONE = np.zeros(0, dtype=np.int64)


def _obfuscation_dots(raw: np.ndarray[Any, np.dtype[np.uint8]], first: bytes,
                      arabic: bytes) -> list[tuple[int, int]]:
    """Runs of dots with an Arabic letter on both sides (tatweel, diacritics and dots may come
    between), as ``annotator.core.text`` finds them: the dots inside "هــ.دد"."""
    if b"." not in first:
        return []
    # Most dots end a sentence and have a space after them: numpy drops those at once, and
    # only dots touching a letter or fill on both sides are checked one by one.
    near = np.zeros(256, dtype=bool)
    near[list(arabic)] = True
    near[[DROP, 0x2E]] = True
    ok = near[raw]
    dots = np.flatnonzero(raw == 0x2E)
    dots = dots[(dots > 0) & (dots < len(raw) - 1)]
    dots = dots[ok[dots - 1] & ok[dots + 1]]
    out: list[tuple[int, int]] = []
    fill = (DROP, 0x2E)
    reach = -1
    for p in dots.tolist():
        if p < reach:
            continue
        a = p
        while a > 0 and first[a - 1] == 0x2E:
            a -= 1
        b = p + 1
        while b < len(first) and first[b] == 0x2E:
            b += 1
        reach = b
        i = a - 1
        while i >= 0 and first[i] in fill:
            i -= 1
        j = b
        while j < len(first) and first[j] in fill:
            j += 1
        if i >= 0 and j < len(first) and first[i] in arabic and first[j] in arabic:
            out.append((a, b))
    return out


_SPACES = re.compile(rb"  +")


def fold_key(name: str) -> str:
    """The key a name is looked up by: folded as the text is, spaces at the edges dropped."""
    return FoldedText(name).key.strip(" ")


@dataclass(frozen=True, slots=True)
class Hit:
    """A name found in a text: ``text[start:end]``, the name's key and its value."""

    start: int
    end: int
    key: str
    value: object


class NameMatcher:
    """Many names (folded keys) with a value each, found in one pass over a text."""

    def __init__(self, names: Mapping[str, object] | Iterable[tuple[str, object]] = ()) -> None:
        self._names: dict[str, object] = {}
        self._automaton: Any = None
        items = names.items() if isinstance(names, Mapping) else names
        for name, value in items:
            self.add(name, value)

    def __len__(self) -> int:
        return len(self._names)

    def add(self, name: str, value: object) -> bool:
        """Add (or replace) a name; False when it can never match (too short, unknown
        characters)."""
        return self.add_key(fold_key(name), value)

    def add_key(self, key: str, value: object) -> bool:
        """:meth:`add` for a name already folded with :func:`fold_key`."""
        if len(key.replace(" ", "")) < 2 or chr(UNKNOWN) in key:
            return False
        self._names[key] = value
        self._automaton = None
        return True

    def remove(self, name: str) -> None:
        """Forget a name (nothing happens if it is unknown)."""
        self.remove_key(fold_key(name))

    def remove_key(self, key: str) -> None:
        """:meth:`remove` for a name already folded with :func:`fold_key`."""
        if self._names.pop(key, None) is not None:
            self._automaton = None

    def find(self, text: str | FoldedText) -> list[Hit]:
        """Every known name in ``text`` as whole words, leftmost-longest, never overlapping."""
        if not self._names:
            return []
        folded = text if isinstance(text, FoldedText) else FoldedText(text)
        key = folded.key
        word = _table().word
        candidates: list[tuple[int, int, str]] = []
        for last, name in self._build().iter(key):
            start, end = last - len(name) + 1, last + 1
            if end < len(key) and ord(key[end]) in word:
                continue
            if start > 0 and ord(key[start - 1]) in word:
                glued = _clitic_start(key, start, name, word)
                if glued is None:
                    continue
                start = glued
            candidates.append((start, end, name))
        candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
        hits: list[Hit] = []
        reach = 0
        for start, end, name in candidates:
            if start < reach:
                continue
            a, b = folded.span(start, end)
            hits.append(Hit(a, b, name, self._names[name]))
            reach = end
        return hits

    def _build(self) -> Any:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for key in self._names:
                automaton.add_word(key, key)
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton


def _clitic_start(key: str, start: int, name: str, word: frozenset[int]) -> int | None:
    """Where the word holding a name starts when only clitics come before the name: one of
    و ف ب ل ك ("ودير الزور"), or two before the article ("وبالميادين"); None otherwise."""
    prefixes = _prefix_chars()
    glued = start
    most = 2 if name.startswith(prefixes.article) else 1
    while glued > 0 and start - glued < most and key[glued - 1] in prefixes.letters:
        glued -= 1
        if glued == 0 or ord(key[glued - 1]) not in word:
            return glued
    return None


@dataclass(frozen=True, slots=True)
class _Prefixes:
    letters: str
    article: str


@lru_cache(maxsize=1)
def _prefix_chars() -> _Prefixes:
    return _Prefixes(FoldedText(_PREFIX_LETTERS).key, FoldedText("ال").key)
