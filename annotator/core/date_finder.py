"""Find date expressions in a text and normalize them with the date rules.

:func:`annotator.core.dates.normalize_date` reads one expression; this module finds where
expressions stand. It looks for anchor words (month names, weekdays, "اليوم", "أمس", a
period word such as "الشهر", a four-digit year, "قبل"), then tries the token windows around
each anchor and keeps the longest one the rules give a value to. An expression the rules
leave to a person (vague, a range) is not found: a suggestion must carry a value.

A window never starts or ends with a preposition or glue word ("في", "خلال", "بتاريخ",
"الـ"), never crosses a line break, and never ends on punctuation, so a found expression is
what an annotator labels.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from annotator.core.dates import (
    DateValue,
    clean_words,
    hijri_month_names,
    month_names,
    normalize_date,
    weekday_names,
)
from annotator.core.text import Token, tokenize

_REACH_BEFORE = 4  # tokens before an anchor a date expression may hold ("الثلاثاء" in "يوم")
_REACH_AFTER = 6  # tokens after it ("3 كانون الثاني من عام 2020")
_EDGE_GLUE = frozenset({"في", "فى", "بتاريخ", "تاريخ", "ال", "من", "خلال", "الموافق", "و",
                        "منذ", "حتي", "الي", "بين", "مع", "عن", "علي"})
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date expression ``text[start:end]`` and its value."""

    start: int
    end: int
    value: DateValue


@lru_cache(maxsize=1)
def _anchors() -> frozenset[str]:
    words: set[str] = set()
    for name in (*month_names(), *hijri_month_names(), *weekday_names()):
        words.add(name.split()[0])
    words |= {"اليوم", "امس", "البارحه", "الشهر", "العام", "الاسبوع", "السنه", "قبل"}
    return frozenset(words)


def _words(token: Token) -> list[str]:
    return clean_words(token.text)


def _is_anchor(words: list[str]) -> bool:
    anchors = _anchors()
    for word in words:
        if word in anchors or _YEAR.match(word):
            return True
        # A clitic before the word: "وأكتوبر", "بالأمس".
        if len(word) > 3 and (word[1:] in anchors or word[2:] in anchors):
            return True
    return False


def _glue(word: str) -> bool:
    return word in _EDGE_GLUE or (word[0] in "وفبل" and word[1:] in _EDGE_GLUE)


def _edge_ok(words: list[str]) -> bool:
    return bool(words) and not all(_glue(w) for w in words)


def find_dates(text: str, published: datetime.date | None) -> list[FoundDate]:
    """The date expressions of ``text`` that the rules give a value, in reading order, never
    overlapping (relative ones only when ``published`` is known)."""
    tokens = tokenize(text)
    words = [_words(t) for t in tokens]
    found: list[FoundDate] = []
    reach = 0
    for a, token in enumerate(tokens):
        if token.start < reach or not _is_anchor(words[a]):
            continue
        best: FoundDate | None = None
        lo = max(0, a - _REACH_BEFORE)
        while lo < a and tokens[lo].start < reach:
            lo += 1
        for i in range(lo, a + 1):
            if not _edge_ok(words[i]) or "\n" in text[tokens[i].start:token.start]:
                continue
            for j in range(min(len(tokens), a + _REACH_AFTER + 1), a, -1):
                last = tokens[j - 1]
                if best is not None and last.end - tokens[i].start <= best.end - best.start:
                    break
                if not _edge_ok(words[j - 1]) or "\n" in text[token.end:last.end]:
                    continue
                value = normalize_date(text[tokens[i].start:last.end], published)
                if value is not None:
                    best = FoundDate(tokens[i].start, last.end, value)
                    break
        if best is not None:
            found.append(best)
            reach = best.end
    return found
