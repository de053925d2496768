"""Publication dates: ``meta.published`` checked, and guessed from a text that states one."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.publication import (
    GUESSED,
    PublishedGuess,
    guess_published,
    parse_published,
    published_of,
    published_problem,
)


def test_parse_published_takes_only_real_iso_days() -> None:
    assert parse_published("2024-10-28") == datetime.date(2024, 10, 28)
    for bad in ("2024-02-30", "20241028", "2024-W43-1", "28/10/2024", " 2024-10-28", 2024,
                None):
        with pytest.raises(ValueError):
            parse_published(bad)


def test_published_problem_and_published_of() -> None:
    assert published_problem({}) is None
    assert published_problem({"published": None}) is None
    assert published_problem({"published": "2024-10-28"}) is None
    problem = published_problem({"published": "2024-13-01"})
    assert problem is not None and "'2024-13-01'" in problem
    assert published_of({"published": "2024-10-28"}) == datetime.date(2024, 10, 28)
    assert published_of({"published": "soon"}) is None
    assert published_of({}) is None


@pytest.mark.parametrize(("text", "expected", "stated"), [
    ("دمشق - 28 أكتوبر 2024\nقصف على الميادين", "2024-10-28", "28 أكتوبر 2024"),
    ("الاثنين 28 تشرين الأول 2024\nغارات في دير الزور", "2024-10-28", "28 تشرين الأول 2024"),
    ("خبر\nنشر بتاريخ: 28/10/2024 الساعة 10", "2024-10-28", "28/10/2024"),
    ("تاريخ النشر: ٢٨ تشرين الأول ٢٠٢٤\nنص", "2024-10-28", "٢٨ تشرين الأول ٢٠٢٤"),
    ("نص الخبر.\n\nآخر تحديث 2024-10-30\n", "2024-10-30", "2024-10-30"),
])
def test_guess_from_a_stated_date(text: str, expected: str, stated: str) -> None:
    guess = guess_published(text)
    assert guess is not None
    assert guess.date.isoformat() == expected
    assert text[guess.start:guess.end] == stated
    assert guess.meta() == {"published": expected, GUESSED: True}


@pytest.mark.parametrize("text", [
    # A date inside the story is when something happened, not when it was written.
    "عنوان\nقتل سليماني في هجوم قرب مطار بغداد في 3 كانون الثاني من عام 2020 كما هو معروف.",
    "نشر الجيش قواته في 24 أكتوبر",  # a cue, but no year: not a full date
    "دمشق - 28 أكتوبر\nقصف",  # a dateline without a year
    "دمشق - 31 نوفمبر 2024\nقصف",  # no such day
    "",
])
def test_no_guess_without_a_stated_full_date(text: str) -> None:
    assert guess_published(text) is None


def test_no_guess_in_the_seeds(seed_texts: dict[str, str]) -> None:
    # None of the five seeds states its publication date (arabic-text.md, section 5).
    assert {name: guess_published(text) for name, text in seed_texts.items()} == {
        name: None for name in seed_texts}


@given(st.text(max_size=200))
def test_a_guess_always_points_at_its_text(text: str) -> None:
    guess = guess_published(text)
    if guess is not None:
        assert isinstance(guess, PublishedGuess)
        assert 0 <= guess.start < guess.end <= len(text)
