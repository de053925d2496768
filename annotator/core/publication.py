"""A document's publication date: ``meta.published`` checked, and guessed from the text.

Relative dates ("الثلاثاء الماضي") count from the publication date, so it is part of a
document's metadata: ``meta["published"]`` holds it as ``YYYY-MM-DD``. Imports check it; when
the source has none, ``guess_published`` looks for a date the text states as its own
(a dateline, "نشر بتاريخ ..."), and the result is marked as a guess
(``meta["published_guessed"] = True``) until a person confirms it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from annotator.core.dates import clean_words, fold, month_names, normalize_date
from annotator.core.messages import Message, message_of

PUBLISHED = "published"
#: Present and true while the publication date is the program's guess.
GUESSED = "published_guessed"

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_published(value: object) -> datetime.date:
    """The date of a ``meta.published`` value; ValueError saying what is wrong."""
    if not isinstance(value, str):
        raise ValueError(Message("published.format", value=repr(value)))
    if not _ISO_DAY.match(value):
        raise ValueError(Message("published.format", value=repr(value)))
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(Message("published.not_a_day", value=repr(value))) from None


def published_problem(meta: Mapping[str, Any]) -> str | None:
    """Why a document's ``meta.published`` is unusable, or None (absent or null is fine)."""
    value = meta.get(PUBLISHED)
    if value is None:
        return None
    try:
        parse_published(value)
    except ValueError as exc:
        return message_of(exc)
    return None


def published_of(meta: Mapping[str, Any]) -> datetime.date | None:
    """The publication date a document's metadata gives, if it gives a usable one."""
    try:
        return parse_published(meta.get(PUBLISHED))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class PublishedGuess:
    """A publication date read from the text: where it stands and why it was taken."""

    date: datetime.date
    start: int
    end: int
    reason: str

    def meta(self) -> dict[str, Any]:
        """The metadata that records this guess (until a person confirms it)."""
        return {PUBLISHED: self.date.isoformat(), GUESSED: True}


# Words that introduce a publication date: "نشر في", "تاريخ النشر", "آخر تحديث".
_CUES = ("نشر", "النشر", "تحديث", "التحديث", "published", "updated")
_CUE_REACH = 40  # characters between the cue and its date
_DATELINE_CHARS = 120  # a dateline is a short first or last line


def _full_dates() -> re.Pattern[str]:
    names = sorted(month_names(), key=len, reverse=True)
    month = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(
        r"(?<![\d/.\-])(?:"
        rf"\d{{1,2}}\s+(?:من\s+)?(?:{month})(?:\s*/\s*(?:{month}))?\s+(?:من\s+)?(?:عام\s+)?\d{{4}}"
        r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{4}-\d{2}-\d{2}"
        r")(?![\d/.\-])")


def guess_published(text: str) -> PublishedGuess | None:
    """The publication date the text states, if it states one: a full date (day, month and
    year) after a cue ("نشر بتاريخ"), or alone on a short first or last line (a dateline).
    None otherwise: a date inside the story is when something happened, not when it was
    written."""
    # Folding and digit mapping change no lengths, so positions in ``key`` are positions
    # in ``text``.
    key = fold(text.translate(_DIGITS_ONLY))
    found = [(m.start(), m.end()) for m in _FULL_DATES.finditer(key)]
    lines = _line_bounds(text)
    nonblank = [(a, b) for a, b in lines if text[a:b].strip()]
    edges = nonblank[:2] + nonblank[-1:]
    for start, end in found:
        value = normalize_date(text[start:end], None)
        if value is None or value.precision != "day":
            continue
        day = datetime.date.fromisoformat(value.value)
        before = key[max(0, start - _CUE_REACH):start].lower()
        if any(cue in before for cue in _CUES):
            return PublishedGuess(day, start, end, "after a publication cue")
        for a, b in edges:
            if a <= start and end <= b and b - a <= _DATELINE_CHARS and _only_date_words(
                    text[a:start] + " " + text[end:b]):
                return PublishedGuess(day, start, end, "a dateline")
    return None


def _line_bounds(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    a = 0
    for line in text.split("\n"):
        out.append((a, a + len(line)))
        a += len(line) + 1
    return out


# A dateline holds a place, a weekday, a dash or two: few words, none of them a sentence.
def _only_date_words(rest: str) -> bool:
    return len(clean_words(rest)) <= 4


_DIGITS_ONLY = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_FULL_DATES = _full_dates()
