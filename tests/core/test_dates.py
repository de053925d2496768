"""Date expressions -> ISO value, precision and mod: the rule table, the seeds, any text."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.dates import DateValue, clean_words, normalize_date

PUB = datetime.date(2024, 10, 28)  # a Monday
D = datetime.date

# (expression, publication date, expected (value, precision, mod) or None)
Row = tuple[str, datetime.date | None, tuple[str, str, str | None] | None]

# Every date expression of the five seed articles, as an annotator would select it.
SEED_ROWS: list[Row] = [
    # 000
    ("خلال شهر أكتوبر", PUB, ("2024-10", "month", None)),
    ("شهر أكتوبر", PUB, ("2024-10", "month", None)),
    ("بتاريخ 24 أكتوبر", PUB, ("2024-10-24", "day", None)),
    ("24 أكتوبر", PUB, ("2024-10-24", "day", None)),
    # 001
    ("الثلاثاء الماضي", PUB, ("2024-10-22", "day", None)),
    ("قبل أيام", PUB, None),
    ("3 كانون الثاني من عام 2020", PUB, ("2020-01-03", "day", None)),
    ("الذكرى السنوية الثانية", PUB, None),  # an anniversary: a person works it out
    ("في 3 كانون الثاني من عام 2020", None, ("2020-01-03", "day", None)),
    # 002
    ("لليوم السابع على التوالي", PUB, None),
    ("في الأيام القليلة الماضية", PUB, None),
    ("الأيام القليلة الماضية", PUB, None),
    ("منذ بداية أكتوبر/ تشرين الأول", PUB, None),
    ("منذ بداية أكتوبر", PUB, None),
    ("وفي 4 أكتوبر", PUB, ("2024-10-04", "day", None)),
    ("4 أكتوبر", PUB, ("2024-10-04", "day", None)),
    ("في الأسابيع القادمة", PUB, None),
    # 003
    ("مؤخراً", PUB, None),
    ("خلال اليومين الأخيرين", PUB, None),
    ("منذ قرابة عامين أو يزيد", PUB, None),
    ("منذ قرابة عامين", PUB, None),
    ("وفي بداية الشهر الماضي", PUB, ("2024-09", "month", "START")),
    ("بداية الشهر الماضي", PUB, ("2024-09", "month", "START")),
    ("آنذاك", PUB, None),
    ("قبل يومين من القــ.صف", PUB, None),
    ("نهاية زعيم ميليشيا", PUB, None),  # "the end of a leader": END needs a period
    ("في تشرين الثاني نوفمبر الماضي", PUB, ("2023-11", "month", None)),
    ("تشرين الثاني نوفمبر الماضي", PUB, ("2023-11", "month", None)),
    # 004
    ("قبل قليل", PUB, None),
    ("صباح اليوم", PUB, ("2024-10-28", "day", None)),
    ("حتى اللحظة", PUB, None),
    ("وفي الـ 5 من يوليو/تموز", PUB, ("2024-07-05", "day", None)),
    ("الـ 5 من يوليو/تموز", PUB, ("2024-07-05", "day", None)),
    ("خلال الساعات الفائتة", PUB, None),
    ("في أيار الفائت", PUB, ("2024-05", "month", None)),
    ("أيار الفائت", PUB, ("2024-05", "month", None)),
    ("في الـ 4 من يوليو", PUB, ("2024-07-04", "day", None)),
    ("حتى الآن", PUB, None),
]

MORE_ROWS: list[Row] = [
    # Gregorian and Levantine month names, with and without a year.
    ("أكتوبر", PUB, ("2024-10", "month", None)),
    ("تشرين الأول", PUB, ("2024-10", "month", None)),
    ("تشرين الاول 2023", PUB, ("2023-10", "month", None)),
    ("نوفمبر", PUB, ("2023-11", "month", None)),  # prefer the past: last November
    ("كانون الأول 2019", None, ("2019-12", "month", None)),
    ("ديسمبر 2019", None, ("2019-12", "month", None)),
    ("شباط 2022", None, ("2022-02", "month", None)),
    ("آذار", PUB, ("2024-03", "month", None)),
    ("نيسان/أبريل", PUB, ("2024-04", "month", None)),
    ("ابريل", PUB, ("2024-04", "month", None)),
    ("حزيران يونيو 2023", PUB, ("2023-06", "month", None)),
    ("آب", PUB, ("2024-08", "month", None)),
    ("أيلول الماضي", PUB, ("2024-09", "month", None)),
    ("أكتوبر الماضي", PUB, ("2023-10", "month", None)),  # "last October" is not this one
    ("جويلية 2021", None, ("2021-07", "month", None)),  # Maghrebi name
    ("أكتوبر/نوفمبر", PUB, None),  # two different months: a range
    ("5 يونيو 2023", PUB, ("2023-06-05", "day", None)),
    ("5 حزيران 2023", PUB, ("2023-06-05", "day", None)),
    ("30 أكتوبر", PUB, ("2023-10-30", "day", None)),  # after publication: the year before
    ("1 أيلول", PUB, ("2024-09-01", "day", None)),
    ("31 نوفمبر", PUB, None),  # no such day
    ("24 أكتوبر", None, None),  # no year and no publication date
    ("أكتوبر", None, None),
    ("الخميس 24 أكتوبر", PUB, ("2024-10-24", "day", None)),
    ("الجمعة 24 أكتوبر", PUB, None),  # the weekday contradicts the day
    ("يوم الخميس 24 تشرين الأول 2024", PUB, ("2024-10-24", "day", None)),
    ("في الخامس من يوليو", PUB, ("2024-07-05", "day", None)),  # ordinal days
    ("الأول من تشرين الأول", PUB, ("2024-10-01", "day", None)),
    ("السابع من أكتوبر 2023", None, ("2023-10-07", "day", None)),
    ("الثاني أكتوبر", PUB, None),
    # Arabic-Indic and Persian digits.
    ("٢٤ أكتوبر ٢٠٢٤", None, ("2024-10-24", "day", None)),
    ("۳ کانون الثاني ۲۰۲۰", None, None),  # Persian kaf: not an Arabic month name
    ("۳ كانون الثاني ۲۰۲۰", None, ("2020-01-03", "day", None)),
    # Years.
    ("عام 2020", None, ("2020", "year", None)),
    ("العام 2019", None, ("2019", "year", None)),
    ("2021", None, ("2021", "year", None)),
    ("العام الماضي", PUB, ("2023", "year", None)),
    ("السنة الماضية", PUB, ("2023", "year", None)),
    ("هذا العام", PUB, ("2024", "year", None)),
    ("منتصف عام 2023", None, ("2023", "year", "MID")),
    # Modifiers.
    ("أواخر أكتوبر", PUB, ("2024-10", "month", "END")),
    ("مطلع تموز", PUB, ("2024-07", "month", "START")),
    ("نهاية العام الماضي", PUB, ("2023", "year", "END")),
    ("حوالي 5 أكتوبر", PUB, ("2024-10-05", "day", "APPROX")),
    ("بداية 5 أكتوبر", PUB, None),
    # Relative days and weekdays.
    ("أمس", PUB, ("2024-10-27", "day", None)),
    ("ليلة أمس", PUB, ("2024-10-27", "day", None)),
    ("أول أمس", PUB, ("2024-10-26", "day", None)),
    ("أول من أمس", PUB, ("2024-10-26", "day", None)),
    ("اليوم", PUB, ("2024-10-28", "day", None)),
    ("اليوم", None, None),
    ("الثلاثاء", PUB, ("2024-10-22", "day", None)),
    ("يوم الجمعة الفائت", PUB, ("2024-10-25", "day", None)),
    ("مساء الأحد", PUB, ("2024-10-27", "day", None)),
    ("الاثنين الماضي", PUB, ("2024-10-21", "day", None)),  # published on a Monday
    ("الثلاثاء الماضي", None, None),
    # N ago, last week/month.
    ("قبل ثلاثة أيام", PUB, ("2024-10-25", "day", None)),
    ("قبل ٣ أيام", PUB, ("2024-10-25", "day", None)),
    ("منذ يومين", PUB, ("2024-10-26", "day", None)),
    ("قبل يوم", PUB, ("2024-10-27", "day", None)),
    ("قبل أسبوع", PUB, ("2024-W43", "week", None)),
    ("الأسبوع الماضي", PUB, ("2024-W43", "week", None)),
    ("قبل شهرين", PUB, ("2024-08", "month", None)),
    ("الشهر الماضي", PUB, ("2024-09", "month", None)),
    ("الشهر الجاري", PUB, ("2024-10", "month", None)),
    ("قبل عامين", PUB, ("2022", "year", None)),
    ("قبل 3 يومين", PUB, None),
    # A day of this or last month; "الجاري" after a month name.
    ("في 5 من الشهر الماضي", PUB, ("2024-09-05", "day", None)),
    ("الخامس من الشهر الجاري", PUB, ("2024-10-05", "day", None)),
    ("31 من الشهر الماضي", PUB, None),  # September has 30 days
    ("منتصف الشهر الجاري", PUB, ("2024-10", "month", "MID")),
    ("5 تشرين الأول الجاري", PUB, ("2024-10-05", "day", None)),
    ("أكتوبر الجاري", PUB, ("2024-10", "month", None)),
    ("نوفمبر الجاري", PUB, None),  # not the publication month
    # Hijri dates (Umm al-Qura).
    ("15 ربيع الأول 1446", None, ("2024-09-18", "day", None)),
    ("1 رمضان 1445 هـ", None, ("2024-03-11", "day", None)),
    ("١ رمضان ١٤٤٥ هـ", None, ("2024-03-11", "day", None)),
    ("10 محرم", PUB, ("2024-07-16", "day", None)),
    ("رمضان 1445", None, None),  # a Hijri month straddles two Gregorian months
    ("1 رمضان 1600 هـ", None, None),  # outside the Umm al-Qura table
    # Numeric dates: day first.
    ("24/10/2024", None, ("2024-10-24", "day", None)),
    ("2024-10-24", None, ("2024-10-24", "day", None)),
    ("في 24.10.2024", None, ("2024-10-24", "day", None)),
    ("10/2024", None, ("2024-10", "month", None)),
    ("31/02/2024", None, None),
    # Never automatic.
    ("الساعات الفائتة", PUB, None),
    ("في الأيام الأخيرة", PUB, None),
    ("منذ أسابيع", PUB, None),
    ("بين 3 و5 أكتوبر", PUB, None),
    ("من 3 إلى 5 أكتوبر", PUB, None),
    ("الشهر المقبل", PUB, None),
    ("غداً", PUB, None),
    ("الحرس الثوري", PUB, None),
    ("", PUB, None),
    ("80", PUB, None),
    ("24 أكتوبر و 25 أكتوبر", PUB, None),
]

ROWS = SEED_ROWS + MORE_ROWS


def _expect(row: Row) -> DateValue | None:
    return None if row[2] is None else DateValue(*row[2])  # type: ignore[arg-type]


@pytest.mark.parametrize("row", ROWS, ids=[f"{i}:{r[0]}" for i, r in enumerate(ROWS)])
def test_date_table(row: Row) -> None:
    assert normalize_date(row[0], row[1]) == _expect(row)


def test_the_table_is_large_and_covers_both_outcomes() -> None:
    assert len(ROWS) >= 60
    assert sum(r[2] is None for r in ROWS) >= 20
    assert {r[2][1] for r in ROWS if r[2] is not None} == {"day", "week", "month", "year"}


def test_issue_examples() -> None:
    assert normalize_date("24 أكتوبر", PUB) == DateValue("2024-10-24", "day")
    assert normalize_date("خلال شهر أكتوبر", PUB) == DateValue("2024-10", "month")
    assert normalize_date("3 كانون الثاني من عام 2020", PUB) == DateValue("2020-01-03", "day")
    assert normalize_date("قبل أيام", PUB) is None


def test_seed_rows_are_really_in_the_seeds(seed_texts: dict[str, str]) -> None:
    """The seed part of the table holds text taken from the articles, not made up."""
    corpus = "\n".join(seed_texts.values())
    missing = [expr for expr, _, _ in SEED_ROWS if expr not in corpus]
    assert missing == []


def test_clean_words_folds_and_drops_marks() -> None:
    assert clean_words("وفي الـ ٥ من يوليو/تموز") == ["وفي", "ال", "5", "من", "يوليو", "/", "تموز"]
    assert clean_words("مؤخراً\u200f") == ["مؤخرا"]


def test_a_timestamp_as_publication_date_counts_by_its_day() -> None:
    noon = datetime.datetime(2024, 10, 28, 12, 30)
    assert normalize_date("اليوم", noon) == DateValue("2024-10-28", "day")
    assert normalize_date("أمس", noon) == DateValue("2024-10-27", "day")


def test_date_value_from_span_attrs() -> None:
    assert DateValue.from_attrs({"value": "2024-10", "precision": "month", "mod": "END"}) == (
        DateValue("2024-10", "month", "END"))
    assert DateValue.from_attrs({"value": "2024-W43"}) == DateValue("2024-W43", "week")
    for bad in ({}, {"value": "2024-10", "precision": "day"}, {"value": "2024-13"},
                {"value": "2024-02-30"}, {"value": "2024-W54"}, {"value": 2024},
                {"value": "2024", "mod": "LATE"}):
        assert DateValue.from_attrs(bad) is None


def test_date_value_checks_its_form() -> None:
    assert DateValue("2024-10", "month").attrs() == {"value": "2024-10", "precision": "month"}
    assert DateValue("2024", "year", "END").attrs()["mod"] == "END"
    with pytest.raises(ValueError):
        DateValue("2024-10-24", "month")
    with pytest.raises(ValueError):
        DateValue("2024", "year", "LATE")  # type: ignore[arg-type]


# --- properties -----------------------------------------------------------------------------

_ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
_PIECES = ["في", "الـ", "من", "عام", "شهر", "قبل", "منذ", "الماضي", "الفائت", "بداية", "أيام",
           "أكتوبر", "تشرين الثاني", "كانون", "رمضان", "هـ", "الثلاثاء", "/", "24", "٣", "2020",
           "1446", "أمس", "اليوم", "الشهر", "حتى", "31", "0", "99999", "-", "."]


@given(st.text(alphabet=st.one_of(_ARABIC, st.characters()), max_size=40),
       st.one_of(st.none(), st.dates()))
def test_never_raises_on_any_text(text: str, published: datetime.date | None) -> None:
    result = normalize_date(text, published)
    assert result is None or isinstance(result, DateValue)


@given(st.lists(st.sampled_from(_PIECES), max_size=7), st.one_of(st.none(), st.dates()))
def test_never_raises_on_date_like_words(words: list[str], published: datetime.date | None
                                         ) -> None:
    result = normalize_date(" ".join(words), published)
    assert result is None or isinstance(result, DateValue)


_MONTH_NAMES = ["أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الثاني", "كانون الثاني", "تموز",
                "يوليو", "أيار", "آب", "شباط", "ديسمبر", "نيسان", "ابريل", "يونيه", "جانفي"]


@given(
    prefix=st.lists(st.sampled_from(["في", "خلال", "شهر", "و", "بداية", "أواخر", "منتصف",
                                     "حوالي"]), max_size=3),
    months=st.lists(st.sampled_from(_MONTH_NAMES), min_size=1, max_size=2),
    sep=st.sampled_from([" ", "/", " / "]),
    year=st.one_of(st.none(), st.integers(1990, 2030).map(str),
                   st.integers(1990, 2030).map(lambda y: str(y).translate(
                       str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")))),
    year_glue=st.sampled_from(["", "عام ", "من عام "]),
    past=st.sampled_from(["", " الماضي", " الفائت"]),
    published=st.one_of(st.none(), st.dates(D(1990, 1, 1), D(2030, 12, 31))),
)
def test_month_expression_never_gets_a_day(
    prefix: list[str], months: list[str], sep: str, year: str | None, year_glue: str,
    past: str, published: datetime.date | None,
) -> None:
    text = " ".join(prefix) + " " + sep.join(months)
    if year is not None:
        text += f" {year_glue}{year}"
    text += past
    result = normalize_date(text, published)
    if result is not None:
        assert result.precision in ("month", "year")
        assert result.value.count("-") <= 1


@given(st.dates(D(1990, 1, 1), D(2030, 12, 31)), st.sampled_from(_MONTH_NAMES[:8]))
def test_a_month_without_year_is_never_after_publication(published: datetime.date,
                                                         month: str) -> None:
    result = normalize_date(month, published)
    assert result is not None and result.precision == "month"
    assert result.value <= f"{published.year:04d}-{published.month:02d}"
