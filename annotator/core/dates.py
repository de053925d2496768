"""Date expressions of Arabic news -> a normalized value (ISO 8601), a precision and a mod.

``normalize_date("24 أكتوبر", date(2024, 10, 28))`` gives ``2024-10-24`` at day precision.
The rules (docs/adr/0005-date-values.md, arabic-text.md section 5):

- A small cleaner first: Arabic-Indic digits, diacritics, tatweel and invisible controls go;
  glue words ("في", "بتاريخ", "الـ", "من عام" ...) are dropped; of a "month/month" pair
  ("يوليو/تموز", "تشرين الثاني نوفمبر") one name is kept; الماضي/الفائت mean "the last one".
- The cleaned words must make one of a few known shapes (day month [year], month [year], year,
  weekday, yesterday/today, last week/month/year, N days ago, a Hijri day, a numeric date).
  Anything left over (another word, a second date) means a person decides: ``None``.
- dateparser (``ar-SY`` locale, for the Levantine month names) computes the date with the
  publication date as ``RELATIVE_BASE`` and dates preferred from the past; hijridate converts
  Hijri dates. The precision comes from the shape, never from the parser alone, so a
  month-level expression never gets a day.
- Vague expressions ("قبل أيام", "مؤخراً", "الأيام القليلة الماضية"), ranges ("منذ بداية
  أكتوبر", "حتى الآن"), durations and future references give ``None``, and so does a relative
  expression when the publication date is unknown.

Pure Python; dateparser is imported lazily (it takes a noticeable time to import).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, cast, get_args

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

Precision = Literal["day", "week", "month", "year"]
Mod = Literal["START", "MID", "END", "APPROX"]
PRECISIONS: tuple[str, ...] = get_args(Precision)
MODS: tuple[str, ...] = get_args(Mod)

_VALUE_FORMS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "week": re.compile(r"^\d{4}-W\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}


def _real(value: str, precision: str) -> bool:
    """True when a well-formed ``value`` names a day, week or month that exists."""
    try:
        if precision == "day":
            datetime.date.fromisoformat(value)
        elif precision == "week":
            datetime.date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
        elif precision == "month":
            datetime.date(int(value[:4]), int(value[5:]), 1)
        return value[:4] != "0000"
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class DateValue:
    """A normalized date: ISO 8601 ``value`` (partial when the text is), precision, TIMEX3 mod."""

    value: str
    precision: Precision
    mod: Mod | None = None

    def __post_init__(self) -> None:
        form = _VALUE_FORMS.get(self.precision)
        if form is None or not form.match(self.value) or not _real(self.value, self.precision):
            raise ValueError(f"{self.value!r} is not an ISO 8601 value of {self.precision} "
                             "precision")
        if self.mod is not None and self.mod not in MODS:
            raise ValueError(f"mod must be one of {', '.join(MODS)}, got {self.mod!r}")

    @classmethod
    def from_day(cls, day: datetime.date, precision: Precision, mod: Mod | None = None
                 ) -> DateValue:
        """The value of ``precision`` that contains ``day`` (a week is its ISO week)."""
        if precision == "day":
            value = day.isoformat()
        elif precision == "week":
            year, week, _ = day.isocalendar()
            value = f"{year:04d}-W{week:02d}"
        elif precision == "month":
            value = f"{day.year:04d}-{day.month:02d}"
        else:
            value = f"{day.year:04d}"
        return cls(value, precision, mod)

    @classmethod
    def from_attrs(cls, attrs: Mapping[str, Any]) -> DateValue | None:
        """The value a DATE span's attributes hold, or None when they hold no valid one
        (a missing precision is read from the value's form)."""
        value, precision, mod = attrs.get("value"), attrs.get("precision"), attrs.get("mod")
        if not isinstance(value, str):
            return None
        if precision is None:
            precision = next((p for p, form in _VALUE_FORMS.items() if form.match(value)), None)
        if precision not in PRECISIONS or (mod is not None and mod not in MODS):
            return None
        try:
            return cls(value, cast(Precision, precision), cast("Mod | None", mod))
        except ValueError:
            return None

    def attrs(self) -> dict[str, str]:
        """The span attributes that carry this value (``mod`` only when there is one)."""
        out = {"value": self.value, "precision": self.precision}
        if self.mod is not None:
            out["mod"] = self.mod
        return out


# --- words -------------------------------------------------------------------------------------

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Diacritics, superscript alef, tatweel; bidi and zero-width controls; the BOM.
_DROP = re.compile("[\u064b-\u065f\u0670\u0640\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069"
                   "\ufeff]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_TOKEN = re.compile(r"\d{1,4}(?:[/.\-]\d{1,4}){1,2}|\d+|[^\W\d_]+|/")


def fold(word: str) -> str:
    """A word spelled as the rules look it up: hamza-less alef, ى as ي, ة as ه."""
    return word.translate(_FOLD)


def clean_words(text: str) -> list[str]:
    """The folded words of ``text``: digits ASCII, marks and punctuation gone, ``/`` kept."""
    text = unicodedata.normalize("NFKC", text).translate(_DIGITS)
    text = _DROP.sub("", text)
    return [fold(m.group()) for m in _TOKEN.finditer(text)]


# Month names as written in the news, folded, to (month number, the spelling dateparser's ar-SY
# locale reads). Levantine names stay Levantine so the parser reads them as such; Maghrebi
# names, which dateparser does not know, go to the Egyptian ones.
_GREGORIAN = ("يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس",
              "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر")
_LEVANTINE = ("كانون الثاني", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب",
              "ايلول", "تشرين الاول", "تشرين الثاني", "كانون الاول")
_MONTHS: dict[str, tuple[int, str]] = {}
for _n, (_g, _l) in enumerate(zip(_GREGORIAN, _LEVANTINE, strict=True), 1):
    _MONTHS[_g] = (_n, _g)
    _MONTHS[_l] = (_n, _l)
for _name, _n in (("يونيه", 6), ("يوليه", 7), ("اغسطوس", 8), ("جانفي", 1), ("فيفري", 2),
                  ("افريل", 4), ("ماي", 5), ("جوان", 6), ("جويليه", 7), ("اوت", 8),
                  ("كانون ثاني", 1), ("كانون اول", 12), ("تشرين اول", 10),
                  ("تشرين ثاني", 11)):
    _MONTHS[_name] = (_n, _GREGORIAN[_n - 1])


def month_names() -> tuple[str, ...]:
    """Every Gregorian month name the rules know, folded (Egyptian, Levantine, Maghrebi)."""
    return tuple(_MONTHS)


_HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع اول": 3, "ربيع الثاني": 4, "ربيع ثاني": 4,
    "ربيع الاخر": 4, "ربيع اخر": 4, "جمادي الاولي": 5, "جمادي الاول": 5, "جمادي الاخره": 6,
    "جمادي الثانيه": 6, "جمادي الثاني": 6, "جمادي الاخر": 6, "رجب": 7, "شعبان": 8,
    "رمضان": 9, "شوال": 10, "ذو القعده": 11, "ذي القعده": 11, "ذو الحجه": 12,
    "ذي الحجه": 12,
}

# Folded weekday names -> Python's weekday numbers (Monday 0).
_WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5,
             "الاحد": 6}
_WEEKDAYS_BARE = {w[2:]: w for w in _WEEKDAYS}  # "يوم ثلاثاء" -> الثلاثاء


def hijri_month_names() -> tuple[str, ...]:
    """Every Hijri month name the rules know, folded."""
    return tuple(_HIJRI_MONTHS)


def weekday_names() -> tuple[str, ...]:
    """The weekday names the rules know, folded ("الثلاثاء")."""
    return tuple(_WEEKDAYS)

_PAST = {"الماضي", "الماضيه", "الفائت", "الفائته", "المنصرم", "المنصرمه", "السابق"}
_CURRENT = {"الجاري", "الحالي", "الجاريه", "الحاليه", "هذا", "هذه"}
_FUTURE = {"المقبل", "المقبله", "القادم", "القادمه", "غدا", "بعد"}

_MODS: dict[str, Mod] = {
    "بدايه": "START", "مطلع": "START", "اوائل": "START", "مستهل": "START",
    "منتصف": "MID", "اواسط": "MID", "وسط": "MID",
    "نهايه": "END", "اواخر": "END", "اخر": "END", "ختام": "END",
    # Not "أول": "أول أكتوبر" is as often the first of October as its beginning.
    "حوالي": "APPROX", "نحو": "APPROX", "تقريبا": "APPROX",
}

# Words that make an expression vague, a range, a duration or not a date at all: a person
# decides. Checked on every word (after "قبل/منذ N unit", where "أيام" is a counted unit).
_NEVER = {
    "ايام", "الايام", "اسابيع", "الاسابيع", "اشهر", "الاشهر", "شهور", "الشهور", "سنوات",
    "السنوات", "اعوام", "الاعوام", "ساعات", "الساعات", "ساعه", "الساعه", "دقائق", "قليل",
    "القليله", "القليل", "مؤخرا", "موخرا", "الاخيره", "الاخيرين", "الاخير", "الاخيرتين",
    "انذاك", "اناذاك", "حينها", "حينذاك", "وقتها", "يومها", "قرابه", "يزيد", "بضعه", "بضع",
    "عده", "التوالي", "حتي", "لغايه", "الي", "بين", "ولغايه", "وحتي", "اللحظه", "الان",
    "سابق", "لاحق", "لاحقا", "سابقا", "مده", "طوال", "طيله", "عقب",
}
# Glue: words around a date that carry nothing ("في 5 من يوليو", "بتاريخ", "الـ 5", "عام 2020").
_GLUE = {"في", "فى", "بتاريخ", "تاريخ", "ال", "من", "عام", "سنه", "خلال", "شهر",
         "يوم", "الموافق", "م", "ميلادي", "ميلاديه", "للميلاد", "و", "ليله", "صباح", "مساء",
         "فجر", "ظهر", "عصر", "ظهيره", "ليل", "منتصف الليل"}
_HIJRI_MARKS = {"ه", "هجري", "هجريه", "للهجره", "الهجري", "الهجريه"}
_PREFIXES = ("و", "ف", "ب", "ل", "وب", "وف", "ول")
# How many: "قبل 3 أيام", "قبل ثلاثة أيام", duals ("يومين") and a bare singular ("قبل أسبوع").
_COUNTS = {"واحد": 1, "اثنين": 2, "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7,
           "ثمانيه": 8, "تسعه": 9, "عشره": 10}
_UNITS: dict[str, tuple[str, int]] = {
    "يوم": ("يوم", 1), "يومين": ("يوم", 2), "ايام": ("يوم", 0),
    "اسبوع": ("أسبوع", 1), "اسبوعين": ("أسبوع", 2), "اسابيع": ("أسبوع", 0),
    "شهر": ("شهر", 1), "شهرين": ("شهر", 2), "اشهر": ("شهر", 0), "شهور": ("شهر", 0),
    "عام": ("سنة", 1), "عامين": ("سنة", 2), "سنه": ("سنة", 1), "سنتين": ("سنة", 2),
    "اعوام": ("سنة", 0), "سنوات": ("سنة", 0),
}
# "في الخامس من يوليو": ordinal days (the first ten; beyond them news writes digits).
_ORDINALS = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
             "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10}
_UNIT_PRECISION: dict[str, Precision] = {"يوم": "day", "أسبوع": "week", "شهر": "month",
                                         "سنة": "year"}
_PERIODS: dict[str, Precision] = {"الاسبوع": "week", "الشهر": "month", "العام": "year",
                                  "السنه": "year"}


# --- reading the words into one shape ---------------------------------------------------------


@dataclass
class _Parts:
    day: int | None = None
    month: int | None = None
    month_name: str | None = None
    hijri_month: int | None = None
    year: int | None = None
    numeric: str | None = None
    weekday: str | None = None
    relative_day: int | None = None  # days before publication: 0 today, 1 yesterday
    period: Precision | None = None  # "الشهر الماضي": month
    period_offset: int | None = None  # 1 the last one, 0 the current one
    ago: tuple[str, int] | None = None  # (unit, count)
    past: bool = False
    current: bool = False
    hijri_mark: bool = False
    mod: Mod | None = None


class _NotADate(Exception):
    """The words make no known shape: a person decides."""


def _join_names(words: list[str]) -> list[str]:
    """Two-word names (كانون الثاني, ربيع الأول, أول أمس) become one word."""
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = f"{words[i]} {words[i + 1]}" if i + 1 < len(words) else ""
        if pair in _MONTHS or pair in _HIJRI_MONTHS or pair in ("اول امس", "منتصف الليل"):
            out.append(pair)
            i += 2
        elif pair == "اول من" and i + 2 < len(words) and words[i + 2] == "امس":
            out.append("اول امس")
            i += 3
        else:
            out.append(words[i])
            i += 1
    return out


def _known(word: str) -> bool:
    return (word in _MONTHS or word in _HIJRI_MONTHS or word in _WEEKDAYS or word in _GLUE
            or word in _PAST or word in _CURRENT or word in _FUTURE or word in _MODS
            or word in _NEVER or word in _UNITS or word in _COUNTS or word in _PERIODS
            or word in _HIJRI_MARKS or word in _WEEKDAYS_BARE or word in _ORDINALS
            or word in ("قبل", "منذ", "اليوم", "امس", "البارحه", "اول امس", "/"))


def _unprefix(word: str) -> str:
    """``word`` without a clitic و/ف/ب/ل when only that makes it a known word ("وفي")."""
    if _known(word) or word.isdecimal():
        return word
    for prefix in _PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and rest and (_known(rest) or rest.isdecimal()):
            return rest
        # "بالشهر الماضي", "لليوم": the clitic before the article.
        if word.startswith(prefix + "ل") and _known("ال" + word[len(prefix) + 1:]):
            return "ال" + word[len(prefix) + 1:]
    return word


def _read(words: Sequence[str]) -> _Parts:
    """The parts of a date the words name; _NotADate when they are anything else."""
    parts = _Parts()
    words = _join_names([_unprefix(w) for w in words])
    while words and words[0] in _GLUE:
        words = words[1:]
    if words and words[0] in ("قبل", "منذ"):
        _read_ago(words[1:], parts)
        return parts
    if any(w in _NEVER for w in words):
        raise _NotADate
    if any(w in _FUTURE for w in words):
        raise _NotADate
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if w in _MODS and parts.mod is None and nxt is not None:
            parts.mod = _MODS[w]
        elif w in _PAST:
            parts.past = True
        elif w in _HIJRI_MARKS:
            parts.hijri_mark = True
        elif w in _CURRENT and nxt in _PERIODS:
            parts.period, parts.period_offset = _PERIODS[nxt], 0
            i += 1
        elif w in _CURRENT and parts.month is not None and nxt is None:
            parts.current = True  # "5 تشرين الأول الجاري": the publication month
        elif w in _PERIODS:
            if nxt in _PAST:
                parts.period, parts.period_offset = _PERIODS[w], 1
                i += 1
            elif nxt in _CURRENT:
                parts.period, parts.period_offset = _PERIODS[w], 0
                i += 1
            elif w == "العام" and nxt is not None and nxt.isdecimal():
                pass  # "العام 2020": glue before a year
            else:
                raise _NotADate
        elif w in _GLUE or w == "/":
            pass
        elif w in _MONTHS:
            number, name = _MONTHS[w]
            if parts.month is not None and parts.month != number:
                raise _NotADate  # "أكتوبر/نوفمبر": two months, a range
            parts.month, parts.month_name = number, parts.month_name or name
        elif w in _HIJRI_MONTHS:
            _set(parts, "hijri_month", _HIJRI_MONTHS[w])
        elif w in _WEEKDAYS:
            _set(parts, "weekday", w)
        elif w in _WEEKDAYS_BARE and i > 0 and words[i - 1] == "يوم":
            _set(parts, "weekday", _WEEKDAYS_BARE[w])
        elif w == "اليوم":
            _set(parts, "relative_day", 0)
        elif w in ("امس", "البارحه"):
            _set(parts, "relative_day", 1)
        elif w == "اول امس":
            _set(parts, "relative_day", 2)
        elif re.fullmatch(r"\d+[/.\-]\d+(?:[/.\-]\d+)?", w):
            _set(parts, "numeric", w)
        elif w.isdecimal():
            _read_number(int(w), len(w), parts)
        elif w in _ORDINALS and nxt == "من":
            _read_number(_ORDINALS[w], 1, parts)
        else:
            raise _NotADate
        i += 1
    return parts


def _set(parts: _Parts, name: str, value: object) -> None:
    if getattr(parts, name) is not None:
        raise _NotADate  # two days, two weekdays ...: more than one date
    setattr(parts, name, value)


def _read_number(n: int, digits: int, parts: _Parts) -> None:
    if digits <= 2 and 1 <= n <= 31 and parts.day is None and parts.month is None \
            and parts.hijri_month is None:
        parts.day = n
    elif digits in (3, 4) and parts.year is None:
        parts.year = n
    else:
        raise _NotADate


def _read_ago(words: Sequence[str], parts: _Parts) -> None:
    """After قبل/منذ: a count and a unit ("3 أيام", "يومين", "أسبوع") and nothing else."""
    count: int | None = None
    rest = list(words)
    if rest and rest[0].isdecimal() and len(rest[0]) <= 3:
        count = int(rest.pop(0))
    elif rest and rest[0] in _COUNTS:
        count = _COUNTS[rest.pop(0)]
    if len(rest) != 1 or rest[0] not in _UNITS:
        raise _NotADate  # "منذ بداية أكتوبر" is a range; "قبل يومين من القصف" hangs on another
    unit, implied = _UNITS[rest[0]]
    if count is None:
        count = implied
    elif implied == 2:
        raise _NotADate  # "3 يومين"
    if count < 1:
        raise _NotADate
    parts.ago = (unit, count)


# --- computing the value ----------------------------------------------------------------------


@lru_cache(maxsize=32)
def _parser(base: datetime.date) -> DateDataParser:
    from dateparser.date import DateDataParser

    return DateDataParser(locales=["ar-SY"], settings={
        "RELATIVE_BASE": datetime.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
    })


def _parse(expression: str, base: datetime.date | None) -> datetime.date | None:
    """dateparser's date for a cleaned expression, relative to ``base``. Without a base only
    expressions with a year come here; the fixed stand-in keeps results independent of today."""
    parsed = _parser(base or datetime.date(2000, 1, 1)).get_date_data(expression)
    return parsed.date_obj.date() if parsed.date_obj is not None else None


def _check_year(year: int | None) -> None:
    if year is not None and not 1000 <= year <= 2999:
        raise _NotADate


def _compute(parts: _Parts, published: datetime.date | None) -> DateValue | None:
    mod = parts.mod
    if parts.ago is not None:
        if published is None:
            return None
        unit, count = parts.ago
        day = _parse(f"قبل {count} {unit}", published)
        return DateValue.from_day(day, _UNIT_PRECISION[unit]) if day else None
    if parts.period is not None:
        if published is None or any((parts.month, parts.year, parts.weekday, parts.numeric,
                                     parts.hijri_month)):
            return None
        day = published
        if parts.period_offset:
            unit = {"week": "أسبوع", "month": "شهر", "year": "سنة"}[parts.period]
            found = _parse(f"قبل 1 {unit}", published)
            if found is None:
                return None
            day = found
        if parts.day is None:
            return DateValue.from_day(day, parts.period, mod)
        # "في 5 من الشهر الماضي": a day of the last (or this) month.
        if parts.period != "month" or mod not in (None, "APPROX"):
            return None
        try:
            return DateValue.from_day(day.replace(day=parts.day), "day", mod)
        except ValueError:
            return None
    if parts.numeric is not None:
        if any((parts.day, parts.month, parts.year, parts.hijri_month)):
            return None
        return _numeric(parts.numeric, mod, published)
    if parts.hijri_month is not None or parts.hijri_mark:
        return _hijri(parts, published)
    if parts.month is not None:
        return _gregorian(parts, published)
    if parts.relative_day is not None or parts.weekday is not None:
        if published is None or parts.day or parts.year or (parts.relative_day is not None
                                                            and parts.weekday is not None):
            return None
        if mod not in (None, "APPROX"):
            return None
        if parts.relative_day is not None:
            return DateValue.from_day(published - datetime.timedelta(days=parts.relative_day),
                                      "day", mod)
        assert parts.weekday is not None
        # The last such weekday before the publication day: "الثلاثاء" in a Tuesday's paper
        # is as likely today as a week ago, and news reports the past.
        back = (published.weekday() - _WEEKDAYS[parts.weekday]) % 7 or 7
        return DateValue.from_day(published - datetime.timedelta(days=back), "day", mod)
    if parts.year is not None and parts.day is None and not parts.past:
        _check_year(parts.year)
        return DateValue(f"{parts.year:04d}", "year", mod)
    return None


def _gregorian(parts: _Parts, published: datetime.date | None) -> DateValue | None:
    """Day month [year] or month [year]; the year from the publication date when missing."""
    assert parts.month is not None and parts.month_name is not None
    _check_year(parts.year)
    mod = parts.mod
    if parts.day is not None and mod not in (None, "APPROX"):
        return None  # "بداية 5 أكتوبر": not a thing a rule should guess
    if parts.year is None and published is None:
        return None
    if parts.current and (published is None or parts.month != published.month
                          or parts.year is not None or parts.past):
        return None  # "الجاري" names the publication month; anything else contradicts it
    if parts.day is not None:
        if parts.current:
            assert published is not None
            try:
                return DateValue.from_day(published.replace(day=parts.day), "day", mod)
            except ValueError:
                return None
        expression = f"{parts.day} {parts.month_name}"
        if parts.year is not None:
            expression += f" {parts.year}"
        day = _parse(expression, published)
        if day is None or (parts.weekday is not None
                           and _WEEKDAYS[parts.weekday] != day.weekday()):
            return None  # no such day ("31 نوفمبر"), or the weekday does not match it
        return DateValue.from_day(day, "day", mod)
    if parts.weekday is not None:
        return None
    if parts.year is not None:
        if parts.past:
            return None  # "أكتوبر 2020 الماضي": nothing to be past of
        return DateValue(f"{parts.year:04d}-{parts.month:02d}", "month", mod)
    assert published is not None
    if parts.current:
        return DateValue(f"{published.year:04d}-{parts.month:02d}", "month", mod)
    year = published.year
    # The last such month up to the publication month; "الماضي" excludes the current one.
    if parts.month > published.month or (parts.past and parts.month == published.month):
        year -= 1
    return DateValue(f"{year:04d}-{parts.month:02d}", "month", mod)


def _hijri(parts: _Parts, published: datetime.date | None) -> DateValue | None:
    """A Hijri day (Umm al-Qura, through hijridate). A Hijri month alone straddles two
    Gregorian months: a person decides."""
    from hijridate import Gregorian, Hijri

    if parts.hijri_month is None or parts.day is None or parts.month is not None:
        return None
    if parts.mod not in (None, "APPROX") or parts.weekday is not None:
        return None
    year = parts.year
    try:
        if year is None:
            if published is None:
                return None
            year = Gregorian(published.year, published.month, published.day).to_hijri().year
            day = Hijri(year, parts.hijri_month, parts.day).to_gregorian()
            if day > published:
                day = Hijri(year - 1, parts.hijri_month, parts.day).to_gregorian()
        else:
            day = Hijri(year, parts.hijri_month, parts.day).to_gregorian()
    except (ValueError, OverflowError):
        return None  # outside 1343-1500 AH, or no such day in that month
    return DateValue.from_day(datetime.date(day.year, day.month, day.day), "day", parts.mod)


def _numeric(text: str, mod: Mod | None, published: datetime.date | None) -> DateValue | None:
    """24/10/2024, 24-10-2024, 2024-10-24, 24/10: day first, as Arabic news writes them."""
    nums = [int(x) for x in re.split(r"[/.\-]", text)]
    lengths = [len(x) for x in re.split(r"[/.\-]", text)]
    if mod not in (None, "APPROX"):
        return None
    if len(nums) == 3 and lengths[0] == 4:
        year, month, day = nums
    elif len(nums) == 3 and lengths[2] == 4:
        day, month, year = nums
    elif len(nums) == 2 and lengths[1] == 4:
        if not 1 <= nums[0] <= 12:
            return None
        return DateValue(f"{nums[1]:04d}-{nums[0]:02d}", "month", mod)
    else:
        return None
    try:
        _check_year(year)
        return DateValue.from_day(datetime.date(year, month, day), "day", mod)
    except (ValueError, _NotADate):
        return None


def normalize_date(text: str, published: datetime.date | None) -> DateValue | None:
    """The value of a date expression, or None when a person must decide (vague, a range,
    relative without a publication date, not a date)."""
    if isinstance(published, datetime.datetime):
        published = published.date()  # a timestamp: its day counts
    words = clean_words(text)
    if not words or len(words) > 12:
        return None
    try:
        parts = _read(words)
        return _compute(parts, published)
    except (_NotADate, OverflowError):  # OverflowError: a publication date near year 1
        return None
