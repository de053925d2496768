"""A document's tokens and sentence ends, kept so that a later export need not tokenize again.

Stored texts never change after import (nothing in the store updates ``documents.text``), so
the tokens of a document are the same at every export. The CoNLL export keeps them per
document in a cache table (``store/token_cache.py``, docs/adr/0022): the token texts joined by
newlines (a token never holds whitespace), their starts and ends, and the last token of each
sentence before spans merge any (``text.sentence_ends``). Spans are applied at each export,
as they change; the merge of sentences that a span crosses is made then, too.

``TEMPLATE_VERSION`` names the rules that made a template: a stored template of another
version is not used. Change it whenever ``tokenize`` or ``sentence_ends`` change what they
give (a test pins a digest of both over sample texts to catch a change that forgot it).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence
from typing import NamedTuple

from annotator.core.text import sentence_ends, token_columns

#: Bump when the tokenizer or the sentence rules change their output.
TEMPLATE_VERSION = 1


class TokenTemplate(NamedTuple):
    """The tokens of one text in columns and the token indexes that end a sentence (lists,
    or int arrays when read from the cache: both index and bisect alike)."""

    texts: list[str]
    starts: Sequence[int]
    ends: Sequence[int]
    breaks: Sequence[int]


def make_template(text: str) -> TokenTemplate:
    """Tokenize ``text`` and find its sentence ends (the work a template saves)."""
    columns = token_columns(text)
    if not columns.texts:
        return TokenTemplate([], [], [], [])
    breaks = sentence_ends(text, columns.texts, columns.starts, columns.odd)
    return TokenTemplate(columns.texts, columns.starts, columns.ends, breaks)


class StoredTemplate(NamedTuple):
    """A template as stored: the token texts joined by newlines and three int32 arrays
    (little-endian bytes)."""

    words: str
    starts: bytes
    ends: bytes
    breaks: bytes


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
    return StoredTemplate("\n".join(template.texts), _pack(template.starts),
                          _pack(template.ends), _pack(template.breaks))


def unpack_template(stored: StoredTemplate) -> TokenTemplate:
    """The template of a stored one: the arrays stay arrays (no int object per token)."""
    starts = _unpack(stored.starts)
    texts = stored.words.split("\n") if starts else []
    return TokenTemplate(texts, starts, _unpack(stored.ends), _unpack(stored.breaks))
