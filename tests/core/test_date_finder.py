"""Date expressions found in running text, with the date rules' values."""

from __future__ import annotations

import datetime

from annotator.core.date_finder import find_dates

PUBLISHED = datetime.date(2024, 10, 28)


def _found(text: str, published: datetime.date | None = PUBLISHED) -> list[tuple[str, str]]:
    return [(text[f.start:f.end], f.value.value) for f in find_dates(text, published)]


def test_expressions_in_sentences_without_their_prepositions() -> None:
    text = ("الحادثة وقعت بتاريخ 24 أكتوبر، وفي الـ 5 من يوليو/تموز قصفت الطائرات. "
            "وكان ذلك في 3 كانون الثاني من عام 2020 ثم الثلاثاء الماضي.")
    assert _found(text) == [
        ("24 أكتوبر", "2024-10-24"),
        ("5 من يوليو/تموز", "2024-07-05"),
        ("3 كانون الثاني من عام 2020", "2020-01-03"),
        ("الثلاثاء الماضي", "2024-10-22"),
    ]


def test_vague_expressions_and_ranges_are_left_to_a_person() -> None:
    assert _found("قصفت الطائرات قبل أيام وفي الأيام القليلة الماضية مؤخراً") == []


def test_relative_dates_need_the_publication_date() -> None:
    text = "شنت طائرات حربية هجوماً في بداية الشهر الماضي على 4 أكتوبر 2023"
    assert _found(text, None) == [("4 أكتوبر 2023", "2023-10-04")]
    assert _found(text) == [("بداية الشهر الماضي", "2024-09"), ("4 أكتوبر 2023", "2023-10-04")]


def test_an_expression_never_crosses_a_line() -> None:
    assert _found("العنوان 24\nأكتوبر") == [("أكتوبر", "2024-10")]
