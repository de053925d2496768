"""A document's tokens and sentence ends, kept so that a later export need not tokenize again.

Stored texts never change after import (nothing in the store updates ``documents.text``), so
the tokens of a document are the same at every export. The CoNLL export keeps them per
document in a cache table (``store/token_cache.py``, docs/adr/0022) in the shape it writes:
``words`` is the document's two-column CoNLL body with every tag O, encoded in UTF-8 (the
bytes the export writes), ``b"TOKEN O\\n"`` a token, and one more ``b"\\n"`` (a blank line)
after the last token of each sentence (before spans merge any: ``text.sentence_ends``). A
token never holds whitespace, so ``b" O\\n"`` ends exactly the token lines, and a space byte
never occurs inside a character's UTF-8 bytes. The export copies the runs of untouched lines
as they are and rewrites only the lines of the tokens spans touch. ``starts`` and ``ends`` are
the tokens' offsets in the text, in code points (where span edges are looked up),
``offsets`` where each token's line begins in ``words``, in bytes, with ``len(words)`` last,
and ``sentences`` how many blank lines ``words`` holds (counting them at each export was a
tenth of its time).

``TEMPLATE_VERSION`` names the rules that made a template and its shape: a stored template
of another version is not used. Change it whenever ``tokenize`` or ``sentence_ends`` change
what they give (a test pins a digest of both over sample texts to catch a change that forgot
it), or the stored shape changes.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Sequence
from itertools import accumulate, compress, count
from operator import add
from typing import NamedTuple

#: Bump when the tokenizer, the sentence rules or the stored shape change.
#: 1: token texts joined by newlines, starts, ends, sentence ends (revision 0015).
#: 3: ``words`` as the all-O body, starts, line offsets (revision 0017).
#: 4: ``words`` read as UTF-8 bytes, line offsets in bytes, the tokens' ends stored after
#:    their starts, the number of sentences after the offsets (the same columns as 3: only
#:    what they hold changed).
TEMPLATE_VERSION = 4

#: What ends a token's line in ``words``; a sentence's last line is followed by ``BLANK``.
O_LINE = b" O\n"
BLANK = b"\n"
_O_LINE = " O\n"


class TokenTemplate(NamedTuple):
    """The tokens of one text: ``words`` (see the module notes), their starts and ends in the
    text, their lines' offsets in ``words`` (one more: ``len(words)``) and the number of
    sentences. Lists when made, int arrays when read from the cache: both index and bisect
    alike."""

    words: bytes
    starts: Sequence[int]
    ends: Sequence[int]
    offsets: Sequence[int]
    sentences: int

    def text_end(self, i: int) -> int:
        """Where the text of token ``i`` ends in ``words`` (its " O" follows)."""
        return self.words.find(b" ", self.offsets[i])

    def text(self, i: int) -> str:
        """The text of token ``i``."""
        return self.words[self.offsets[i] : self.text_end(i)].decode()

    def end(self, i: int) -> int:
        """Where token ``i`` ends in the text."""
        return self.ends[i]

    def ends_sentence(self, i: int) -> bool:
        """Whether token ``i`` is the last of a sentence (a blank line follows it)."""
        return self.words[self.offsets[i + 1] - 2] == BLANK[0]

    def columns(self) -> tuple[list[str], list[int], list[int], list[int]]:
        """(texts, starts, ends, sentence ends): the tokens as ``token_columns`` and
        ``sentence_ends`` give them (for the tests)."""
        n = len(self.starts)
        texts = [self.text(i) for i in range(n)]
        breaks = [i for i in range(n) if self.ends_sentence(i)]
        return texts, list(self.starts), list(self.ends), breaks


EMPTY = TokenTemplate(b"", [], [], [0], 0)


def make_template(text: str) -> TokenTemplate:
    """Tokenize ``text`` and find its sentence ends (the work a template saves)."""
    # Imported here: an export reading kept templates never tokenizes (regex, pyarabic).
    from annotator.core.text import sentence_ends, token_columns

    columns = token_columns(text)
    texts = columns.texts
    if not texts:
        return EMPTY
    ends = [_O_LINE] * len(texts)
    breaks = sentence_ends(text, texts, columns.starts, columns.odd)
    for i in breaks:
        ends[i] = _O_LINE + "\n"
    words = "".join(map(str.__add__, texts, ends)).encode()
    # The lines' byte offsets without encoding each line: split at the newlines, where each
    # piece begins is the running sum of the pieces before it and their newlines; the empty
    # pieces are the blank lines (and the end), the others the tokens' lines.
    pieces = words.split(BLANK)
    at = map(add, accumulate(map(len, pieces), initial=0), count())  # + the newlines before
    offsets = list(compress(at, pieces))
    offsets.append(len(words))
    return TokenTemplate(words, columns.starts, columns.ends, offsets, len(breaks))


class SpanColumns(NamedTuple):
    """A document's spans as the CoNLL export reads them: their starts, ends and labels side
    by side (``zip(*columns)`` gives the (start, end, label) of each), in no particular
    order."""

    starts: Sequence[int]
    ends: Sequence[int]
    labels: Sequence[str]

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int, str]]) -> SpanColumns:
        """The columns of (start, end, label) spans."""
        starts: list[int] = []
        ends: list[int] = []
        labels: list[str] = []
        for start, end, label in spans:
            starts.append(start)
            ends.append(end)
            labels.append(label)
        return cls(starts, ends, labels)


NO_SPANS = SpanColumns((), (), ())


class StoredTemplate(NamedTuple):
    """A template as stored: ``words`` (UTF-8 bytes: a BLOB in SQLite, text in PostgreSQL,
    read back as bytes by both) and two int32 arrays (little-endian bytes): the starts then
    the ends, and the offsets then the number of sentences."""

    words: bytes
    starts: bytes
    offsets: bytes


def _pack(values: Sequence[int]) -> bytes:
    packed = array("i", values)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def _unpack(data: bytes) -> array[int]:
    unpacked = array("i")
    unpacked.frombytes(data)
    if sys.byteorder == "big":
        unpacked.byteswap()
    return unpacked


def pack_template(template: TokenTemplate) -> StoredTemplate:
    """The stored form of ``template``."""
    return StoredTemplate(template.words, _pack(template.starts) + _pack(template.ends),
                          _pack([*template.offsets, template.sentences]))


def unpack_template(stored: StoredTemplate) -> TokenTemplate:
    """The template of a stored one: the arrays stay arrays (no int object per token)."""
    words = stored.words
    bounds = _unpack(stored.starts)
    n = len(bounds) // 2
    offsets = _unpack(stored.offsets)
    sentences = offsets.pop()
    return TokenTemplate(words, bounds[:n], bounds[n:], offsets, sentences)
