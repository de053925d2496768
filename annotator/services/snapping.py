"""Which characters a selection labels, and where a span's edge goes when it moves.

The rules live in the text core (``annotator.core.text.snap_to_tokens``); this module only
feeds it the tokens near the selection, so labeling stays instant on a 1 MB article, and
adds the exact-characters mode and the token steps of a moving edge.
"""

from __future__ import annotations

from annotator.core.text import Token, sentences, snap_to_tokens, tokenize


def tokens_around(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text`` that touch ``[start, end)``, offsets into the text.

    Tokens never hold whitespace, so only the stretch between the whitespace before ``start``
    and after ``end`` is tokenized.
    """
    lo, hi = _stretch(text, start, end)
    return [
        Token(t.start + lo, t.end + lo, t.text)
        for t in tokenize(text[lo:hi])
        if t.end + lo > start and t.start + lo < end
    ]


def snap(text: str, start: int, end: int, *, exact: bool = False) -> tuple[int, int] | None:
    """The range a selection labels: whole tokens, or exact characters when ``exact``.

    Token mode takes every token the selection touches and drops tokens of punctuation alone
    at either edge (the text core's ``snap_to_tokens``). Exact mode keeps the characters, only
    trimming whitespace at the edges (a span never starts or ends with a space). None when
    nothing is left.
    """
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    if start == end:
        return None
    if exact:
        return trim_spaces(text, start, end)
    return snap_to_tokens(text, start, end, tokens=tokens_around(text, start, end))


def trim_spaces(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without whitespace at either edge; None if nothing else is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def step_edge(text: str, offset: int, step: int, *, by_token: bool) -> int:
    """Where an edge at ``offset`` goes one character or token on (step > 0) or back.

    By token, the edge goes to the next token end after ``offset`` (or the previous token end
    before it), so a span grows or shrinks by whole words. Whitespace is skipped by
    character steps too: an edge never rests just inside a space.
    """
    if not by_token:
        moved = max(0, min(len(text), offset + step))
        while 0 < moved < len(text) and text[moved - 1].isspace() and step > 0:
            moved += 1
        while 0 < moved < len(text) and text[moved - 1].isspace() and step < 0:
            moved -= 1
        return moved
    lo, hi = _stretch(text, max(0, offset - 200), min(len(text), offset + 200))
    ends = [t.end + lo for t in tokenize(text[lo:hi])]
    if step > 0:
        later = [e for e in ends if e > offset]
        return later[0] if later else offset
    earlier = [e for e in ends if e < offset]
    return earlier[-1] if earlier else offset


def sentence_count(text: str, start: int, end: int) -> int:
    """How many sentences of ``text`` the range ``[start, end)`` touches."""
    lo, hi = start, end
    # Sentences end at a terminator or a newline: widen to whole lines around the range.
    lo = text.rfind("\n", 0, lo) + 1
    nl = text.find("\n", hi)
    hi = len(text) if nl == -1 else nl
    return sum(
        1 for s, e in sentences(text[lo:hi]) if s + lo < end and e + lo > start
    )


def _stretch(text: str, start: int, end: int) -> tuple[int, int]:
    lo, hi = max(0, start), min(len(text), max(start, end))
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return lo, hi
