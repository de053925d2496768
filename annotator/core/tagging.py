"""Spans to token tags (IOB2 or BIOES) and back; every span that cannot be placed is reported.

Tokens come from the text core. By default a token is split where a span starts or ends inside
it ("بالميادين" with "الميادين" labeled becomes "ب" + "الميادين"), so every span is represented
exactly; ``whole_tokens=True`` tags the whole token instead (ANERcorp style). Spans that overlap
go to further levels (one tag column each, Wojood style); a flat layout keeps level 0 (the outer
spans) and the caller reports the rest.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from annotator.core.messages import Message
from annotator.core.model import Span
from annotator.core.text import Token, tokenize

Scheme = Literal["iob2", "bioes"]

#: A tag: O, or a prefix and a label. L-/U- (BILOU) are read as E-/S-.
TAG_RE = re.compile(r"^(?:O|(?P<prefix>[BIESLU])-(?P<label>\S+))$")


@dataclass(frozen=True, slots=True)
class PlacedSpan:
    """Where a span landed: its token range ``[first, last)``, level, and character range."""

    index: int  # position in the span list given
    first: int
    last: int
    level: int
    start: int  # characters covered by the tokens (differs from the span with whole_tokens)
    end: int


@dataclass(frozen=True, slots=True)
class UnplacedSpan:
    """A span the requested layout cannot hold, with the reason and the span in its way."""

    index: int
    span: Span
    reason: str
    blocker: Span | None = None


@dataclass(frozen=True)
class Tagging:
    """Tokens with one tag per level, where each span landed, and what was left out."""

    tokens: list[Token]
    columns: list[list[str]]  # one tag column per level, one tag per token
    levels: int
    placed: list[PlacedSpan]
    unplaced: list[UnplacedSpan]

    @property
    def tags(self) -> list[tuple[str, ...]]:
        """The tags of each token, one per level."""
        return list(zip(*self.columns, strict=True)) if self.tokens else []


def split_tokens(text: str, tokens: Sequence[Token], cuts: Sequence[int]) -> list[Token]:
    """Split tokens at the offsets in ``cuts`` that fall strictly inside them.

    Each piece is tokenized again on its own (a piece "هــ." is the word "هــ" and a dot), so a
    text rebuilt from the pieces joined by spaces tokenizes into the same pieces.
    """
    starts = [t.start for t in tokens]
    inner: dict[int, list[int]] = {}  # token index -> the cuts inside it
    for cut in sorted(set(cuts)):
        i = bisect_right(starts, cut) - 1
        if i >= 0 and tokens[i].start < cut < tokens[i].end:
            inner.setdefault(i, []).append(cut)
    if not inner:
        return list(tokens)
    out: list[Token] = []
    done = 0
    for i in sorted(inner):
        out.extend(tokens[done:i])
        for a, b in pairwise([tokens[i].start, *inner[i], tokens[i].end]):
            out.extend(_stable_pieces(text, a, b))
        done = i + 1
    out.extend(tokens[done:])
    return out


def _stable_pieces(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` tokenized alone, repeated until nothing changes."""
    piece = text[start:end]
    subs = tokenize(piece)
    if len(subs) == 1 and subs[0].start == 0 and subs[0].end == len(piece):
        return [Token(start, end, piece)]
    out: list[Token] = []
    for sub in subs:
        out.extend(_stable_pieces(text, start + sub.start, start + sub.end))
    return out


def _token_range(tokens: Sequence[Token], starts: Sequence[int], start: int,
                 end: int) -> tuple[int, int]:
    """Indexes ``[first, last)`` of the tokens overlapping ``[start, end)``."""
    first = bisect_right(starts, start) - 1
    if first < 0 or tokens[first].end <= start:
        first += 1
    last = bisect_left(starts, end)
    return first, last


def assign_levels(ranges: Sequence[tuple[int, int]]) -> list[int]:
    """A nesting level per ``[first, last)`` range: outer and earlier spans get lower levels."""
    order = sorted(range(len(ranges)), key=lambda i: (ranges[i][0], -ranges[i][1], i))
    level_ends: list[int] = []  # for each level, where its last range ends
    levels = [0] * len(ranges)
    for i in order:
        first, last = ranges[i]
        for lvl, busy_until in enumerate(level_ends):
            if busy_until <= first:
                level_ends[lvl] = last
                levels[i] = lvl
                break
        else:
            levels[i] = len(level_ends)
            level_ends.append(last)
    return levels


def encode(ranges: Sequence[tuple[int, int, str]], count: int, scheme: Scheme) -> list[str]:
    """Tags for ``count`` tokens from non-overlapping ``(first, last, label)`` token ranges."""
    tags = ["O"] * count
    for first, last, label in ranges:
        if scheme == "bioes":
            if last - first == 1:
                tags[first] = f"S-{label}"
                continue
            tags[first] = f"B-{label}"
            for k in range(first + 1, last - 1):
                tags[k] = f"I-{label}"
            tags[last - 1] = f"E-{label}"
        else:
            tags[first] = f"B-{label}"
            for k in range(first + 1, last):
                tags[k] = f"I-{label}"
    return tags


def decode(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token ranges ``(first, last, label)`` from IOB1, IOB2, BIOES or BILOU tags.

    Lenient, as the tools that write these files are: an I- after O or after another label
    starts a span, an E- or S- closes one. Raises ValueError on a string that is not a tag.
    """
    out: list[tuple[int, int, str]] = []
    cur_label: str | None = None
    cur_start = 0
    for i, tag in enumerate(tags):
        m = TAG_RE.match(tag)
        if m is None:
            raise ValueError(f"{tag!r} is not a tag (O, or B-/I-/E-/S- and a label)")
        prefix, label = m.group("prefix"), m.group("label")
        if prefix is None:
            if cur_label is not None:
                out.append((cur_start, i, cur_label))
                cur_label = None
            continue
        continues = prefix in "IEL" and cur_label == label
        if not continues:
            if cur_label is not None:
                out.append((cur_start, i, cur_label))
            cur_label, cur_start = label, i
        if prefix in "ESLU":
            out.append((cur_start, i + 1, label))
            cur_label = None
    if cur_label is not None:
        out.append((cur_start, len(tags), cur_label))
    return out


def tag_spans(
    text: str,
    spans: Sequence[Span],
    *,
    scheme: Scheme = "iob2",
    whole_tokens: bool = False,
    nested: bool = False,
) -> Tagging:
    """Tokenize ``text`` and tag ``spans`` over the tokens; see the module notes for the rules."""
    base = tokenize(text)
    if whole_tokens:
        tokens = base
    else:
        cuts = [p for s in spans for p in (s.start, s.end)]
        tokens = split_tokens(text, base, cuts)
    starts = [t.start for t in tokens]
    unplaced: list[UnplacedSpan] = []
    ranges: list[tuple[int, int]] = []
    kept: list[int] = []
    seen: dict[tuple[int, int, str], int] = {}
    for i, span in enumerate(spans):
        first, last = _token_range(tokens, starts, span.start, span.end)
        if first >= last:
            unplaced.append(UnplacedSpan(i, span, "covers no token (only spaces)"))
            continue
        key = (first, last, span.label)
        if key in seen:
            other = spans[seen[key]]
            unplaced.append(UnplacedSpan(
                i, span, "covers the same tokens with the same label as another span", other))
            continue
        seen[key] = i
        ranges.append((first, last))
        kept.append(i)
    levels = assign_levels(ranges)
    depth = max(levels, default=0) + 1
    placed: list[PlacedSpan] = []
    by_level: list[list[tuple[int, int, str]]] = [[] for _ in range(depth)]
    for (first, last), i, lvl in zip(ranges, kept, levels, strict=True):
        placed.append(PlacedSpan(i, first, last, lvl, tokens[first].start, tokens[last - 1].end))
        by_level[lvl].append((first, last, spans[i].label))
    if not nested and depth > 1:
        outer = [p for p in placed if p.level == 0]
        for p in placed:
            if p.level == 0:
                continue
            blocker = next((o for o in outer if o.first < p.last and p.first < o.last), None)
            if blocker is not None and blocker.first <= p.first and p.last <= blocker.last:
                reason = Message("tagging.nested")
            else:
                reason = Message("tagging.overlaps")
            unplaced.append(UnplacedSpan(p.index, spans[p.index], reason,
                                         spans[blocker.index] if blocker else None))
        placed = outer
        by_level = by_level[:1]
        depth = 1
    columns = [encode(level, len(tokens), scheme) for level in by_level]
    unplaced.sort(key=lambda u: u.index)
    return Tagging(tokens, columns, depth, placed, unplaced)
