"""Arabic clitics: where a token may be cut so a selection keeps the word the annotator meant.

Tokens keep their clitics ("والبوكمال" is one token, as ANERcorp and Wojood have it), and a
selection snaps to whole tokens. But annotators label the name without the conjunction or
preposition in front of it ("البوكمال" inside "والبوكمال"). The rules here say which cuts inside a
token are clitic boundaries, so snapping can keep them (docs/adr/0008-clitic-aware-selection.md):

* A **proclitic boundary** lies after a sequence of proclitics at the start of a token: a
  conjunction (و ف), then a preposition (ب ل ك), then the article (ال; ل + ال is written
  لل), each optional, not the article alone: "و|البوكمال", "وال|بوكمال", "ل|عناصر",
  "وب|الميادين".
* A **suffix boundary** lies before a pronoun suffix at the end of a token (ه ها هم هما هن كم نا ي),
  never in a word with the article: a definite noun takes no pronoun suffix, so the ي of the
  very common nisba adjective ("النفطي", "الإيراني") is never cut off.
* Either cut leaves at least two letters on the other side ("به" stays whole).
* Diacritics and tatweel are ignored when matching, and a cut never separates a letter from its
  diacritics: "وَالبوكمال" has its boundary before the ا.

Pure Python, offsets into the string given, like the rest of the text core.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

_TATWEEL = "\u0640"
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ك", "ل")
_ARTICLE = "ال"


def _sequences() -> frozenset[str]:
    out = set()
    for conj in _CONJUNCTIONS:
        for prep in _PREPOSITIONS:
            for article in ("", _ARTICLE):
                if prep == "ل" and article:
                    out.add(conj + "لل")  # ل + ال drops the alef
                else:
                    out.add(conj + prep + article)
    out -= {"", _ARTICLE}
    return frozenset(out)


#: Every proclitic sequence whose end is a boundary: و ف ب ك ل وب ول وال بال لل وبال ولل ...
PROCLITICS: frozenset[str] = _sequences()
#: Conjunction and preposition sequences without the article (what a double-click leaves out).
PARTICLES: frozenset[str] = frozenset(p for p in PROCLITICS if not p.endswith(("ال", "لل")))
#: The common pronoun suffixes.
PRONOUN_SUFFIXES: frozenset[str] = frozenset({"ه", "ها", "هم", "هما", "هن", "كم", "نا", "ي"})
#: Proclitic sequences that end with the article ("لل" may also be ل + a word in ل: "للبنان").
_DEFINITE: frozenset[str] = frozenset(
    {_ARTICLE} | {p for p in PROCLITICS if p.endswith((_ARTICLE, "لل"))}
)
#: Letters a name keeps at least after a cut.
_MIN_REST = 2
#: Letters a word starting with the article has at least for a double-click to drop a particle:
#: "الميادين" is a word, "الي" in "والي" (a governor) is not.
_MIN_DEFINITE = 4


def _is_letter(ch: str) -> bool:
    return ch != _TATWEEL and unicodedata.category(ch).startswith("L")


def _is_filler(ch: str) -> bool:
    # Ignored when matching clitics: diacritics and tatweel.
    return ch == _TATWEEL or unicodedata.category(ch) in ("Mn", "Me")


def _skeleton(text: str) -> str:
    return "".join(c for c in text if not _is_filler(c))


def _letters(text: str) -> int:
    return sum(1 for c in text if _is_letter(c))


def _cuts(word: str) -> list[int]:
    """Offsets inside ``word`` where a letter starts (never between a letter and its marks)."""
    return [k for k in range(1, len(word)) if _is_letter(word[k])]


def proclitic_boundaries(word: str) -> list[int]:
    """Offsets inside ``word`` (one token) that end a proclitic sequence, ascending."""
    return [
        k for k in _cuts(word)
        if _skeleton(word[:k]) in PROCLITICS and _letters(word[k:]) >= _MIN_REST
    ]


def is_definite(word: str) -> bool:
    """True when ``word`` carries the article, after any conjunction and preposition."""
    skeleton = _skeleton(word)
    return any(
        skeleton.startswith(prefix) and len(skeleton) - len(prefix) >= _MIN_REST
        for prefix in _DEFINITE
    )


def suffix_boundaries(word: str) -> list[int]:
    """Offsets inside ``word`` (one token) that start a pronoun suffix, ascending."""
    if is_definite(word):
        return []
    return [
        k for k in _cuts(word)
        if _skeleton(word[k:]) in PRONOUN_SUFFIXES and _letters(word[:k]) >= _MIN_REST
    ]


def is_proclitic_boundary(word: str, offset: int) -> bool:
    """True when a selection starting at ``offset`` inside ``word`` keeps that start."""
    return 0 < offset < len(word) and offset in proclitic_boundaries(word)


def is_suffix_boundary(word: str, offset: int) -> bool:
    """True when a selection ending at ``offset`` inside ``word`` keeps that end."""
    return 0 < offset < len(word) and offset in suffix_boundaries(word)


def name_start(word: str, is_known: Callable[[str], bool]) -> int:
    """Where a double-click on ``word`` starts its selection: after a leading particle, or 0.

    The particle (a conjunction and/or preposition: و ف ب ل ك وب ول ...) is left out when the
    rest starts with the article and is a word of its own ("والبوكمال" -> "البوكمال"), or when
    ``is_known`` says the rest is a known name ("ومظلوم" -> "مظلوم" once "مظلوم" is labeled
    somewhere). Otherwise the whole token: "وقعت" keeps its و.
    """
    for k in reversed(proclitic_boundaries(word)):
        if _skeleton(word[:k]) not in PARTICLES:
            continue
        rest = word[k:]
        skeleton = _skeleton(rest)
        if skeleton.startswith(_ARTICLE) and len(skeleton) >= _MIN_DEFINITE:
            return k
        if is_known(rest):
            return k
    return 0
