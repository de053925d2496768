"""A document's tokens and sentence ends, kept so that a later export need not tokenize again.

Stored texts never change after import (nothing in the store updates ``documents.text``), so
the tokens of a document are the same at every export. The CoNLL export keeps them per
document in a cache table (``store/token_cache.py``, docs/adr/0022) in the shape it writes:
``words`` is the document's two-column CoNLL body with every tag O, ``"TOKEN O\\n"`` a token,
and one more ``"\\n"`` (a blank line) after the last token of each sentence (before spans
merge any: ``text.sentence_ends``). A token never holds whitespace, so ``" O\\n"`` ends
exactly the token lines. The export copies the runs of untouched lines as they are and
rewrites only the lines of the tokens spans touch. ``starts`` are the tokens' offsets in the
text (where span edges are looked up) and ``offsets`` where each token's line begins in
``words``, with ``len(words)`` last.

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

#: Bump when the tokenizer, the sentence rules or the stored shape change.
#: 1: token texts joined by newlines, starts, ends, sentence ends (revision 0015).
#: 3: ``words`` as the all-O body, starts, line offsets (revision 0017).
TEMPLATE_VERSION = 3

#: What ends a token's line in ``words``; a sentence's last line is followed by ``BLANK``.
O_LINE = " O\n"
BLANK = "\n"


class TokenTemplate(NamedTuple):
    """The tokens of one text: ``words`` (see the module notes), their starts in the text,
    and their offsets in ``words`` (one more: ``len(words)``). Lists when made, int arrays
    when read from the cache: both index and bisect alike."""

    words: str
    starts: Sequence[int]
    offsets: Sequence[int]

    def text_end(self, i: int) -> int:
        """Where the text of token ``i`` ends in ``words`` (its " O" follows)."""
        return self.words.find(" ", self.offsets[i])

    def text(self, i: int) -> str:
        """The text of token ``i``."""
        return self.words[self.offsets[i] : self.text_end(i)]

    def end(self, i: int) -> int:
        """Where token ``i`` ends in the text."""
        return self.starts[i] + self.text_end(i) - self.offsets[i]

    def ends_sentence(self, i: int) -> bool:
        """Whether token ``i`` is the last of a sentence (a blank line follows it)."""
        return self.words[self.offsets[i + 1] - 2] == BLANK

    def columns(self) -> tuple[list[str], list[int], list[int], list[int]]:
        """(texts, starts, ends, sentence ends): the tokens as ``token_columns`` and
        ``sentence_ends`` give them (for the tests)."""
        n = len(self.starts)
        texts = [self.text(i) for i in range(n)]
        ends = [self.end(i) for i in range(n)]
        breaks = [i for i in range(n) if self.ends_sentence(i)]
        return texts, list(self.starts), ends, breaks


EMPTY = TokenTemplate("", [], [0])


def make_template(text: str) -> TokenTemplate:
    """Tokenize ``text`` and find its sentence ends (the work a template saves)."""
    # Imported here: an export reading kept templates never tokenizes (regex, pyarabic).
    from annotator.core.text import sentence_ends, token_columns

    columns = token_columns(text)
    texts = columns.texts
    if not texts:
        return EMPTY
    ends = [O_LINE] * len(texts)
    for i in sentence_ends(text, texts, columns.starts, columns.odd):
        ends[i] = O_LINE + BLANK
    lines = list(map(str.__add__, texts, ends))
    return TokenTemplate("".join(lines), columns.starts,
                         list(accumulate(map(len, lines), initial=0)))


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
