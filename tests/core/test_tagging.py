"""Spans to IOB2/BIOES tags over tokens, and back."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.model import Span, make_span
from annotator.core.tagging import assign_levels, decode, encode, split_tokens, tag_spans
from annotator.core.text import tokenize

TEXT = "قصفت قوات التحالف مواقع بالميادين أمس."


def _span(text: str, phrase: str, label: str, *, after: str | None = None) -> Span:
    base = text.index(after) if after else 0
    start = text.index(phrase, base)
    return make_span(text, start, start + len(phrase), label)


def _rows(text: str, spans: list[Span], **options: bool) -> list[tuple[str, ...]]:
    tagging = tag_spans(text, spans, **options)  # type: ignore[arg-type]
    return [(tok.text, *tags) for tok, tags in zip(tagging.tokens, tagging.tags, strict=True)]


def test_a_span_inside_a_token_splits_the_token() -> None:
    spans = [_span(TEXT, "الميادين", "LOCATION", after="بال")]
    rows = _rows(TEXT, spans)
    at = rows.index(("الميادين", "B-LOCATION"))
    assert rows[at - 1] == ("ب", "O")
    assert [r[0] for r in rows] == ["قصفت", "قوات", "التحالف", "مواقع", "ب", "الميادين", "أمس",
                                    "."]


def test_whole_tokens_tags_the_containing_token() -> None:
    spans = [_span(TEXT, "الميادين", "LOCATION", after="بال")]
    rows = _rows(TEXT, spans, whole_tokens=True)
    assert ("بالميادين", "B-LOCATION") in rows
    tagging = tag_spans(TEXT, spans, whole_tokens=True)
    (placed,) = tagging.placed
    assert TEXT[placed.start:placed.end] == "بالميادين"


def test_bioes_tags() -> None:
    spans = [_span(TEXT, "قوات التحالف", "ACTOR"), _span(TEXT, "أمس", "DATE")]
    rows = _rows(TEXT, spans)
    assert ("قوات", "B-ACTOR") in rows and ("التحالف", "I-ACTOR") in rows
    rows = tag_spans(TEXT, spans, scheme="bioes").tags
    assert [t[0] for t in rows] == ["O", "B-ACTOR", "E-ACTOR", "O", "O", "S-DATE", "O"]


def test_a_nested_pair_gets_two_levels_and_flat_reports_the_inner_one() -> None:
    text = "استهدفت الغارة الميليشيات المدعومة من إيران في دير الزور"
    outer = _span(text, "الميليشيات المدعومة من إيران", "TARGET")
    inner = _span(text, "إيران", "LOCATION")
    nested = tag_spans(text, [inner, outer], nested=True)
    assert nested.levels == 2
    assert nested.unplaced == []
    row = dict((t.text, tags) for t, tags in zip(nested.tokens, nested.tags, strict=True))
    assert row["إيران"] == ("I-TARGET", "B-LOCATION")
    flat = tag_spans(text, [inner, outer])
    assert flat.levels == 1
    (dropped,) = flat.unplaced
    assert dropped.span == inner and dropped.index == 0
    assert dropped.blocker == outer
    assert "nested" in dropped.reason


def test_a_crossing_overlap_keeps_the_first_and_reports_the_other() -> None:
    text = "قوات التحالف الدولي اليوم"
    first = _span(text, "قوات التحالف", "ACTOR")
    second = _span(text, "التحالف الدولي", "ACTOR")
    flat = tag_spans(text, [second, first])
    assert [p.index for p in flat.placed] == [1]
    (dropped,) = flat.unplaced
    assert dropped.span == second and "overlaps" in dropped.reason


def test_duplicates_and_blank_spans_are_reported_not_dropped_silently() -> None:
    text = "دير الزور  اليوم"
    spans = [_span(text, "دير الزور", "LOCATION"), _span(text, "دير الزور", "LOCATION"),
             make_span(text, 9, 11, "DATE")]
    tagging = tag_spans(text, spans, nested=True)
    assert [(u.index, u.reason.split(" ")[0]) for u in tagging.unplaced] == [(1, "covers"),
                                                                           (2, "covers")]
    assert len(tagging.placed) == 1


def test_whole_tokens_can_make_two_spans_collide() -> None:
    text = "في بالميادين"
    spans = [_span(text, "ب", "ACTOR", after="بال"), _span(text, "الميادين", "LOCATION")]
    flat = tag_spans(text, spans, whole_tokens=True)
    assert len(flat.placed) == 1 and len(flat.unplaced) == 1
    assert len(tag_spans(text, spans).placed) == 2  # split tokens hold both exactly


def test_split_pieces_are_stable_tokens() -> None:
    text = "هــ.دد الرئيس"
    cut = text.index("دد")
    pieces = split_tokens(text, tokenize(text), [cut])
    assert [p.text for p in pieces] == ["هــ", ".", "دد", "الرئيس"]
    rebuilt = " ".join(p.text for p in pieces)
    assert [t.text for t in tokenize(rebuilt)] == [p.text for p in pieces]


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-A", "I-A", "O", "B-B"], [(0, 2, "A"), (3, 4, "B")]),
        (["I-A", "I-A", "I-B"], [(0, 2, "A"), (2, 3, "B")]),  # IOB1
        (["B-A", "E-A", "S-A", "S-A"], [(0, 2, "A"), (2, 3, "A"), (3, 4, "A")]),
        (["B-A", "L-A", "U-B"], [(0, 2, "A"), (2, 3, "B")]),  # BILOU
        (["B-A", "B-A"], [(0, 1, "A"), (1, 2, "A")]),
    ],
)
def test_decode(tags: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert decode(tags) == expected


def test_decode_rejects_what_is_not_a_tag() -> None:
    with pytest.raises(ValueError, match="'X-A' is not a tag"):
        decode(["O", "X-A"])


@st.composite
def _ranges(draw: st.DrawFn) -> tuple[int, list[tuple[int, int, str]]]:
    count = draw(st.integers(0, 30))
    cuts = sorted(draw(st.sets(st.integers(0, count), max_size=count + 1)))
    out = []
    for a, b in itertools.pairwise(cuts):
        if draw(st.booleans()):
            out.append((a, b, draw(st.sampled_from(["ACTOR", "DATE"]))))
    return count, out


@given(case=_ranges(), scheme=st.sampled_from(["iob2", "bioes"]))
def test_encode_then_decode_gives_the_ranges_back(
    case: tuple[int, list[tuple[int, int, str]]], scheme: str
) -> None:
    count, ranges = case
    assert decode(encode(ranges, count, scheme)) == ranges  # type: ignore[arg-type]


def test_assign_levels_puts_outer_first() -> None:
    assert assign_levels([(2, 3), (0, 5), (6, 8), (1, 4)]) == [2, 0, 0, 1]
