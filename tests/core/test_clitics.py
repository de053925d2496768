"""Clitic-aware snapping and the double-click rule, table-driven on the seeds' clitic words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.clitics import (
    PROCLITICS,
    is_definite,
    name_start,
    proclitic_boundaries,
    suffix_boundaries,
)
from annotator.core.text import snap_to_tokens, tokenize

# (seed, the words as they stand in the seed, what the annotator means to label, the token's
# clitics that must stay out). The words are found in the seed, so the table cannot drift.
SEED_CLITICS: list[tuple[str, str, str]] = [
    ("000_5ca5841cad9489bf", "في الميادين والبوكمال.", "البوكمال"),
    ("000_5ca5841cad9489bf", "للغاز وحقل العمر النفطي.", "حقل العمر النفطي"),
    ("000_5ca5841cad9489bf", "طابية، ومظلوم، بالإضافة", "مظلوم"),
    ("000_5ca5841cad9489bf", "مراط لعناصر موالية للميليشيات", "عناصر موالية"),
    ("000_5ca5841cad9489bf", "في حقل كونيكو للغاز", "غاز"),
    ("000_5ca5841cad9489bf", "أن تتحول مناطقهم إلى", "مناطق"),
    ("001_270efe7e3c592015", "لعناصرها", "عناصر"),
    ("001_270efe7e3c592015", "وريفها", "ريف"),
    ("001_270efe7e3c592015", "والإيرانية", "الإيرانية"),
    ("002_f634f729fe338fff", "والمليشيات", "المليشيات"),
    ("003_070557adac96eddd", "باستــ.هداف", "استــ.هداف"),
    ("004_30b50856e6067ac0", "والحرس", "الحرس"),
]


def _locate(text: str, context: str, meant: str) -> tuple[int, int, int, int]:
    """Offsets of ``meant`` inside ``context`` in ``text``, and of the tokens around it."""
    at = text.find(context)
    assert at >= 0, f"{context!r} is not in the seed"
    start = text.index(meant, at)
    end = start + len(meant)
    tokens = tokenize(text)
    first = next(t for t in tokens if t.start <= start < t.end)
    last = next(t for t in tokens if t.start < end <= t.end)
    return start, end, first.start, last.end


@pytest.mark.parametrize(("seed", "context", "meant"), SEED_CLITICS)
def test_a_selection_at_a_clitic_boundary_keeps_it(
    seed_texts: dict[str, str], seed: str, context: str, meant: str
) -> None:
    text = seed_texts[seed]
    start, end, token_start, token_end = _locate(text, context, meant)
    assert (token_start, token_end) != (start, end), "the table must hold clitic words"
    assert snap_to_tokens(text, start, end) == (start, end)
    # Snapping again changes nothing (the view snaps on release and again on labeling).
    assert snap_to_tokens(text, *(start, end)) == (start, end)


@pytest.mark.parametrize(("seed", "context", "meant"), SEED_CLITICS)
def test_an_edge_elsewhere_inside_the_token_takes_the_whole_token(
    seed_texts: dict[str, str], seed: str, context: str, meant: str
) -> None:
    text = seed_texts[seed]
    start, end, token_start, token_end = _locate(text, context, meant)
    # One letter further in from each edge is no clitic boundary: the whole token(s).
    inner_start = start + 1 if start > token_start else start
    inner_end = end - 1 if end < token_end else end
    assert snap_to_tokens(text, inner_start, inner_end) == (token_start, token_end)


@pytest.mark.parametrize(
    ("word", "known", "expected"),
    [
        ("والبوكمال", set(), "البوكمال"),  # the rest starts with the article
        ("بالميادين", set(), "الميادين"),
        ("وبالميادين", set(), "الميادين"),  # conjunction and preposition both left out
        ("والإيرانية", set(), "الإيرانية"),
        ("ومظلوم", set(), "ومظلوم"),  # not known yet: the whole token
        ("ومظلوم", {"مظلوم"}, "مظلوم"),  # labeled somewhere in the project
        ("لعناصر", {"عناصر"}, "عناصر"),
        ("وقعت", set(), "وقعت"),  # a word that starts with و
        ("والي", set(), "والي"),  # "الي" is too short to be a word with the article
        ("للميليشيات", set(), "للميليشيات"),  # ل + the article: the token, whole
        ("البوكمال", set(), "البوكمال"),  # no particle
    ],
)
def test_double_click_leaves_out_a_particle_before_a_name(
    word: str, known: set[str], expected: str
) -> None:
    assert word[name_start(word, known.__contains__):] == expected


def test_pronoun_suffixes_stay_on_definite_words() -> None:
    # The nisba ي of "النفطي" is no pronoun: a definite noun takes no pronoun suffix.
    assert suffix_boundaries("النفطي") == []
    assert is_definite("والبوكمال") and is_definite("للميليشيات")
    assert not is_definite("ومظلوم")
    assert suffix_boundaries("مناطقهم") == [len("مناطق")]
    assert suffix_boundaries("قواتهما") == [len("قوات")]


def test_boundaries_never_split_a_letter_from_its_diacritics() -> None:
    word = "وَالبوكمال"  # fatha on the و
    assert proclitic_boundaries(word) == [2, 4]
    assert snap_to_tokens(word, 1, len(word)) == (0, len(word))
    assert snap_to_tokens(word, 2, len(word)) == (2, len(word))


def test_short_words_keep_their_letters() -> None:
    assert proclitic_boundaries("به") == []
    assert suffix_boundaries("به") == []
    assert proclitic_boundaries("لك") == [] and proclitic_boundaries("وال") == [1]


def test_proclitic_sequences() -> None:
    assert {"و", "ف", "ب", "ل", "ك", "وال", "بال", "فال", "كال", "لل", "وبال"} <= PROCLITICS
    assert "ال" not in PROCLITICS  # the article alone stays with its noun


_ARABIC = st.text(alphabet="وفبلكالمنهيتقرحسعدَُِّـ .،", max_size=40)


@given(_ARABIC, st.integers(0, 40), st.integers(0, 40))
def test_snapping_is_idempotent_and_stays_within_tokens(text: str, a: int, b: int) -> None:
    snapped = snap_to_tokens(text, a, b)
    if snapped is None:
        return
    start, end = snapped
    assert 0 <= start < end <= len(text)
    assert snap_to_tokens(text, start, end) == snapped
    # Edges are token edges or clitic boundaries inside a token, never elsewhere.
    for token in tokenize(text):
        if token.start < start < token.end:
            assert start - token.start in proclitic_boundaries(token.text)
        if token.start < end < token.end:
            assert end - token.start in suffix_boundaries(token.text)
