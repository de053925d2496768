"""A document's tokens and sentence ends, kept so that a later export need not tokenize again.

Stored texts never change after import (nothing in the store updates ``documents.text``), so
the tokens of a document are the same at every export. The CoNLL export keeps them per
document in a cache table (``store/token_cache.py``, docs/adr/0022) in the shape it writes
from: ``words``, every token followed by ``"\\n"``, or by ``"\\r"`` where a sentence ends
(before spans merge any: ``text.sentence_ends``); a token never holds whitespace, so neither
mark can be part of one. With one ``str.replace`` per mark, ``words`` becomes the document's
lines with every tag O; the export then rewrites only the lines of the tokens spans touch.
``starts`` are the tokens' offsets in the text (where span edges are looked up) and
``offsets`` where each token begins in ``words``, with ``len(words)`` last (a token's text
and end follow from them).

``TEMPLATE_VERSION`` names the rules that made a template and its shape: a stored template
of another version is not used. Change it whenever ``tokenize`` or ``sentence_ends`` change
what they give (a test pins a digest of both over sample texts to catch a change that forgot
it), or the stored shape changes.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence
from itertools import accumulate
from typing import NamedTuple

from annotator.core.text import sentence_ends, token_columns

#: Bump when the tokenizer, the sentence rules or the stored shape change.
#: 1: token texts joined by newlines, starts, ends, sentence ends (revision 0015).
#: 2: ``words`` with the sentence ends marked in it, starts, offsets in words (0017).
TEMPLATE_VERSION = 2

#: What follows a token in ``words``: the next token of its sentence, or a sentence end.
NEXT = "\n"
END = "\r"


class TokenTemplate(NamedTuple):
    """The tokens of one text: ``words`` (see the module notes), their starts in the text,
    and their offsets in ``words`` (one more: ``len(words)``). Lists when made, int arrays
    when read from the cache: both index and bisect alike."""

    words: str
    starts: Sequence[int]
    offsets: Sequence[int]

    def text(self, i: int) -> str:
        """The text of token ``i``."""
        offsets = self.offsets
        return self.words[offsets[i] : offsets[i + 1] - 1]

    def end(self, i: int) -> int:
        """Where token ``i`` ends in the text."""
        offsets = self.offsets
        return self.starts[i] + offsets[i + 1] - offsets[i] - 1

    def columns(self) -> tuple[list[str], list[int], list[int], list[int]]:
        """(texts, starts, ends, sentence ends): the tokens as ``token_columns`` and
        ``sentence_ends`` give them (for the tests and the tagger's equal)."""
        n = len(self.starts)
        if not n:
            return [], [], [], []
        texts = self.words[:-1].replace(END, NEXT).split(NEXT)
        starts = list(self.starts)
        ends = [a + len(t) for a, t in zip(starts, texts, strict=True)]
        breaks = [i for i in range(n) if self.words[self.offsets[i + 1] - 1] == END]
        return texts, starts, ends, breaks


EMPTY = TokenTemplate("", [], [0])


def make_template(text: str) -> TokenTemplate:
    """Tokenize ``text`` and find its sentence ends (the work a template saves)."""
    columns = token_columns(text)
    texts = columns.texts
    if not texts:
        return EMPTY
    marks = [NEXT] * len(texts)
    for i in sentence_ends(text, texts, columns.starts, columns.odd):
        marks[i] = END
    words = "".join(map(str.__add__, texts, marks))
    offsets = list(accumulate(map(len, texts), lambda at, n: at + n + 1, initial=0))
    return TokenTemplate(words, columns.starts, offsets)


class StoredTemplate(NamedTuple):
    """A template as stored: ``words`` and two int32 arrays (little-endian bytes)."""

    words: str
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
    return StoredTemplate(template.words, _pack(template.starts), _pack(template.offsets))


def unpack_template(stored: StoredTemplate) -> TokenTemplate:
    """The template of a stored one: the arrays stay arrays (no int object per token)."""
    return TokenTemplate(stored.words, _unpack(stored.starts), _unpack(stored.offsets))
