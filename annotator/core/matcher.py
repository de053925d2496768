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
a name ("ودير الزور", "وبالبوكمال": two before the article) is found with it: the hit covers
the whole token, and ``name_starts`` says where the name proper starts, after the clitics,
which is where a person labels it since clitic-aware selection (ADR 0008).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any, NamedTuple

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
    word_chars: frozenset[str]  # the same as characters of a key
    separators: bytes  # a bytes.translate table: every byte that is not a word byte -> space


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
    separators = bytes(b if b in word else 0x20 for b in range(256))
    return _Table(codes, bytes(arabic), frozenset(word), frozenset(chr(b) for b in word),
                  separators)


class FoldedText:
    """The folded key of a text (one str of Latin-1 characters) and the way back from a key
    position to the text.

    Few characters are removed in real text, so instead of one offset per key character
    (a million integers for 1 MB) only the removed positions are kept: a key position ``k``
    is text offset ``k`` plus the number of removed characters before it (two stages: dropped
    characters, then dots and repeated spaces).
    """

    __slots__ = ("_after_drop", "_after_removal", "_word_end", "_words", "key", "raw",
                 "text")
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
        self._after_drop = dropped - np.arange(len(dropped))
        removed = _NONE
        if b"  " in key:
            # Every space that follows a space goes: the first space of a run stays.
            coded = np.frombuffer(key, dtype=np.uint8)
            space = coded == 0x20
            repeat = np.zeros(len(key), dtype=bool)
            repeat[1:] = space[1:] & space[:-1]
            removed = np.flatnonzero(repeat)
            key = coded[~repeat].tobytes()
        self._after_removal = removed - np.arange(len(removed))
        self.key = key.decode("latin-1")
        self._words: str | None = None
        self._word_end: np.ndarray[Any, np.dtype[np.bool_]] | None = None

    @property
    def word_end(self) -> np.ndarray[Any, np.dtype[np.bool_]]:
        """``word_end[k]``: key position ``k`` is the end of a word (``key[k]`` is not part
        of a word, or ``k`` is the key's length)."""
        if self._word_end is None:
            coded = np.frombuffer(self.words.encode("latin-1"), dtype=np.uint8)
            ends = np.ones(len(coded), dtype=bool)  # words[k + 1] is key[k]; last: the end
            ends[:-1] = coded[1:] == 0x20
            self._word_end = ends
        return self._word_end

    @property
    def words(self) -> str:
        """The key with every character that is not part of a word made a space, after one
        leading space: ``words[i + 1]`` is ``key[i]``. Names are looked up in it as
        " name", so a match always starts at the start of a word."""
        if self._words is None:
            coded = self.key.encode("latin-1").translate(_table().separators)
            self._words = " " + coded.decode("latin-1")
        return self._words

    def offset(self, k: int) -> int:
        """The text offset of key position ``k``."""
        k += int(np.searchsorted(self._after_removal, k, side="right"))
        return k + int(np.searchsorted(self._after_drop, k, side="right"))

    def spans(self, starts: list[int], ends: list[int]) -> list[tuple[int, int]]:
        """:meth:`span` for many key ranges at once."""
        if not starts:
            return []
        first, stop = self.offsets(np.asarray(starts, dtype=np.int64),
                                   np.asarray(ends, dtype=np.int64))
        return list(zip(first.tolist(), stop.tolist(), strict=True))

    def offsets(self, starts: np.ndarray[Any, np.dtype[np.int64]],
                ends: np.ndarray[Any, np.dtype[np.int64]]
                ) -> tuple[np.ndarray[Any, np.dtype[np.int64]],
                           np.ndarray[Any, np.dtype[np.int64]]]:
        """Text offsets of key ranges ``[starts, ends)`` (numpy does the arithmetic), each end
        grown over the diacritics after it."""
        first = self._offsets(starts)
        stop = self._offsets(ends - 1) + 1
        text, raw = self.text, self.raw
        inside = np.flatnonzero(stop < len(text))
        for i in inside[raw[stop[inside]] == DROP].tolist():
            b = int(stop[i])
            while b < len(text) and raw[b] == DROP and unicodedata.category(text[b]) in (
                "Mn", "Me",
            ):
                b += 1
            stop[i] = b
        return first, stop

    def key_offsets(self, k: np.ndarray[Any, np.dtype[np.int64]]
                    ) -> np.ndarray[Any, np.dtype[np.int64]]:
        """Text offsets of key positions ``k`` (:meth:`offset` for many at once)."""
        return self._offsets(k)

    def _offsets(self, k: np.ndarray[Any, np.dtype[np.int64]]
                 ) -> np.ndarray[Any, np.dtype[np.int64]]:
        if len(self._after_removal):
            k = k + np.searchsorted(self._after_removal, k, side="right")
        if len(self._after_drop):
            k = k + np.searchsorted(self._after_drop, k, side="right")
        return k

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




def fold_key(name: str) -> str:
    """The key a name is looked up by: folded as the text is, spaces at the edges dropped."""
    return FoldedText(name).key.strip(" ")


class Hit(NamedTuple):
    """A name found in a text: ``text[start:end]``, the name's key and its value.

    A named tuple: a long article gives tens of thousands, built several times faster than
    frozen dataclasses.
    """

    start: int
    end: int
    key: str
    value: object


@dataclass(frozen=True, slots=True)
class FoundNames:
    """Names found in a text, as arrays: hit ``i`` is ``text[starts[i]:ends[i]]``, the name
    ``keys[names[i]]``; in text order."""

    starts: np.ndarray[Any, np.dtype[np.int64]]
    ends: np.ndarray[Any, np.dtype[np.int64]]
    names: np.ndarray[Any, np.dtype[np.int64]]
    keys: list[str]
    #: Where the name proper starts: after the clitics glued before it ("و|البوكمال"), the
    #: start a person labels by ADR 0008; ``starts`` where there are none.
    name_starts: np.ndarray[Any, np.dtype[np.int64]]

    def __len__(self) -> int:
        return len(self.starts)


class NameMatcher:
    """Many names (folded keys) with a value each, found in one pass over a text."""

    def __init__(self, names: Mapping[str, object] | Iterable[tuple[str, object]] = ()) -> None:
        self._names: dict[str, object] = {}
        self._automaton: Any = None
        # Pattern number -> the name's key and the pattern's length without its space.
        self._keys: list[str] = []
        self._lengths: np.ndarray[Any, np.dtype[np.int64]] = _NONE
        self._clitic_lengths: np.ndarray[Any, np.dtype[np.int64]] = _NONE
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

    def value(self, key: str) -> object:
        """The value of a name by its folded key (KeyError if unknown)."""
        return self._names[key]

    def remove(self, name: str) -> None:
        """Forget a name (nothing happens if it is unknown)."""
        self.remove_key(fold_key(name))

    def remove_key(self, key: str) -> None:
        """:meth:`remove` for a name already folded with :func:`fold_key`."""
        if self._names.pop(key, None) is not None:
            self._automaton = None

    def find(self, text: str | FoldedText) -> list[Hit]:
        """Every known name in ``text`` as whole words, leftmost-longest, never overlapping,
        as :class:`Hit` tuples (see :meth:`find_arrays`, which makes no object per hit)."""
        found = self.find_arrays(text)
        keys, values = found.keys, self._names
        new = tuple.__new__
        return [new(Hit, (a, b, keys[i], values[keys[i]]))
                for a, b, i in zip(found.starts.tolist(), found.ends.tolist(),
                                   found.names.tolist(), strict=True)]

    def find_arrays(self, text: str | FoldedText) -> FoundNames:
        """:meth:`find` as three arrays, with no Python object per hit.

        One pass of pyahocorasick's ``iter_long`` over :attr:`FoldedText.words`: every name
        is in the automaton as " name" and, with one or two clitics, as " وname" ...; a match
        that does not end at the end of a word is dropped (a shorter name at the same place
        is then not tried: "دير" inside "دير الزورية" when only "دير الزور" is known).
        A 1 MB article has tens of thousands of matches: the iterator's (end, pattern) pairs
        are flattened straight into one numpy array (no list of tuples, no loop in Python),
        and the word-end test, the start of each match and the way back to text offsets are
        numpy operations over all of them at once.
        """
        if not self._names:
            return FoundNames(_NONE, _NONE, _NONE, [], _NONE)
        folded = text if isinstance(text, FoldedText) else FoldedText(text)
        words = folded.words
        automaton = self._build()
        flat = np.fromiter(chain.from_iterable(automaton.iter_long(words)), dtype=np.int64)
        if not len(flat):
            return FoundNames(_NONE, _NONE, _NONE, self._keys, _NONE)
        stop = flat[0::2]  # words[last] is key[last - 1]: ``stop`` is the key's end
        which = flat[1::2]
        # A match ends a word when the character after it in ``words`` is a space, or at
        # the end: one gather from the boundary array instead of a test per match.
        keep = np.flatnonzero(folded.word_end[stop])
        which = which[keep]
        stop = stop[keep]
        start = stop - self._lengths[which]
        first, last = folded.offsets(start, stop)
        clitics = self._clitic_lengths[which]
        name_first = first.copy()
        glued = np.flatnonzero(clitics)
        if len(glued):
            name_first[glued] = folded.key_offsets(start[glued] + clitics[glued])
        return FoundNames(first, last, which, self._keys, name_first)

    def _build(self) -> Any:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            separators = _table().separators
            prefixes = _prefix_chars()
            keys: list[str] = []
            lengths: list[int] = []
            glued: list[int] = []
            for key in self._names:
                spaced = key.encode("latin-1").translate(separators).decode("latin-1")
                for clitics in _clitics(key, prefixes):
                    pattern = " " + clitics + spaced
                    # Two names may give the same pattern (a clitic form of one is the
                    # other): the name as written wins over a clitic form.
                    if clitics and automaton.exists(pattern):
                        continue
                    if not clitics and automaton.exists(pattern):
                        keys[automaton.get(pattern)] = key
                        glued[automaton.get(pattern)] = 0
                        continue
                    automaton.add_word(pattern, len(keys))
                    keys.append(key)
                    lengths.append(len(pattern) - 1)
                    glued.append(len(clitics))
            automaton.make_automaton()
            self._keys = keys
            self._lengths = np.asarray(lengths, dtype=np.int64)
            self._clitic_lengths = np.asarray(glued, dtype=np.int64)
            self._automaton = automaton
        return self._automaton


def _clitics(key: str, prefixes: _Prefixes) -> list[str]:
    """The clitics a name may carry in running text: none, one of و ف ب ل ك, and for a name
    with the article و/ف before ب/ل/ك ("وبالميادين")."""
    out = ["", *prefixes.letters]
    if key.startswith(prefixes.article):
        out += [a + b for a in prefixes.letters[:2] for b in prefixes.letters[2:]]
    return out


@dataclass(frozen=True, slots=True)
class _Prefixes:
    letters: str
    article: str


@lru_cache(maxsize=1)
def _prefix_chars() -> _Prefixes:
    return _Prefixes(FoldedText(_PREFIX_LETTERS).key, FoldedText("ال").key)
