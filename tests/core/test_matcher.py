"""The gazetteer's matcher: folded like the text core, offsets exact, whole words only."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.matcher import FoldedText, NameMatcher, fold_key
from annotator.core.text import fold, fold_query


def _hits(matcher: NameMatcher, text: str) -> list[tuple[str, object]]:
    return [(text[h.start:h.end], h.value) for h in matcher.find(text)]


def test_spelling_variants_diacritics_tatweel_and_obfuscation_match() -> None:
    matcher = NameMatcher({"دير الزور": "LOCATION", "هدد": "X", "الحرس الثوري": "ACTOR"})
    text = "قصف في دَيْرِ الـزّور ثم هــ.دد «الحـرس  الثوري» و\u200fدير الزور."
    assert _hits(matcher, text) == [
        ("دَيْرِ الـزّور", "LOCATION"),
        ("هــ.دد", "X"),
        ("الحـرس  الثوري", "ACTOR"),
        ("و\u200fدير الزور", "LOCATION"),
    ]


def test_whole_words_only_with_clitics_before() -> None:
    matcher = NameMatcher({"البوكمال": "LOCATION", "مراط": "LOCATION"})
    text = "والبوكمال وبالبوكمال ووبالبوكمال البوكمالي تمراط لمراط"
    assert _hits(matcher, text) == [
        ("والبوكمال", "LOCATION"), ("وبالبوكمال", "LOCATION"), ("لمراط", "LOCATION"),
    ]


def test_longest_name_wins_and_hits_never_overlap() -> None:
    matcher = NameMatcher({"دير الزور": "LOCATION", "مطار دير الزور العسكري": "LOCATION",
                           "الزور": "OTHER"})
    text = "حول مطار دير الزور العسكري وفي دير الزور"
    assert _hits(matcher, text) == [
        ("مطار دير الزور العسكري", "LOCATION"), ("دير الزور", "LOCATION"),
    ]


def test_names_can_be_added_and_removed() -> None:
    matcher = NameMatcher()
    assert matcher.find("دير الزور") == []
    assert matcher.add("دير الزور", "LOCATION")
    assert not matcher.add("د", "LOCATION")  # one letter would match everywhere
    assert len(matcher) == 1
    matcher.remove("ديـر الزور")
    assert matcher.find("دير الزور") == []


_ALPHABET = st.sampled_from(
    [*"ابتدرزسلمنويةىأإآؤئ", "ـ", "\u064e", "\u0651", ".", " ", "  ", "\n", "\u200f",
     "\u200c", "x", "Y", "7", "٣", "،", "«", "ﺏ", "ﻻ"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_the_fast_fold_agrees_with_the_text_core(text: str) -> None:
    folded = FoldedText(text)
    key, mapping = fold(text)
    if "ﻻ" in text:  # a ligature folds to two letters: the fast key marks it unknown
        assert "\x02" in folded.key
        return
    # The fast key codes each folded character as one byte: code the core's key the same way.
    assert folded.key == "".join(FoldedText(c).key for c in key)
    assert [folded.offset(i) for i in range(len(key))] == mapping[:-1]


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join),
       st.sampled_from(["دير الزور", "بيت", "الرز", "مراط"]))
def test_every_hit_is_the_name_in_the_text(noise: str, name: str) -> None:
    text = noise + " " + name + " " + noise
    matcher = NameMatcher({name: "L"})
    hits = matcher.find(text)
    assert hits, "the name standing alone between spaces is always found"
    for hit in hits:
        shown = fold_key(text[hit.start:hit.end])
        assert shown.endswith(fold_key(name))
        assert len(shown) - len(fold_key(name)) <= 2  # at most two clitics before it
        assert fold_query(text[hit.start:hit.end]).endswith(fold_query(name))


def _reference_find(matcher: NameMatcher, text: str) -> list[tuple[int, int, str]]:
    """The look-up as it was first written (one tuple and one test per match, kept plainly
    here): the array version must give exactly the same hits."""
    folded = FoldedText(text)
    words = folded.words
    automaton = matcher._build()
    out = []
    for last, pattern in automaton.iter_long(words):
        key = matcher._keys[pattern]
        start = last - int(matcher._lengths[pattern])
        if last < len(folded.key) and words[last + 1] != " ":
            continue  # not the end of a word
        out.append((*folded.span(start, last), key))
    return out


_NAMES = ["دير الزور", "دير", "الزور", "البوكمال", "مطار دير الزور العسكري", "حقل العمر",
          "قوات سوريا الديمقراطية", "قوات", "هدد", "x7"]
_WORDS = st.sampled_from(
    [*_NAMES, "و", "ب", "ال", "ية", "ي", "ـ", "\u064e", ".", " ", "  ", "،", "\u200f", "«",
     "ﻻ", "وال", "ف", "ل", "مطار", "العسكري", "7"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, max_size=40).map("".join),
       st.lists(st.sampled_from(_NAMES), min_size=1, max_size=len(_NAMES), unique=True))
def test_the_array_look_up_gives_the_hits_of_the_first_one(text: str,
                                                            names: list[str]) -> None:
    matcher = NameMatcher({name: name for name in names})
    hits = [(h.start, h.end, h.key) for h in matcher.find(text)]
    assert hits == _reference_find(matcher, text)
    found = matcher.find_arrays(text)
    assert len(found) == len(hits)
    for hit in matcher.find(text):
        assert hit.value == matcher.value(hit.key)


def test_name_starts_leave_the_glued_clitics_out() -> None:
    matcher = NameMatcher({"البوكمال": "LOCATION", "دير الزور": "LOCATION",
                           "وادي": "LOCATION", "ادي": "X"})
    text = "والبوكمال وَبالبوكمال و\u200fدير الزور البوكمال وادي"
    found = matcher.find_arrays(text)
    assert [text[a:b] for a, b in zip(found.starts.tolist(), found.ends.tolist(),
                                      strict=True)] == [
        "والبوكمال", "وَبالبوكمال", "و\u200fدير الزور", "البوكمال", "وادي"]
    assert [text[a:b] for a, b in zip(found.name_starts.tolist(), found.ends.tolist(),
                                      strict=True)] == [
        "البوكمال", "البوكمال", "دير الزور", "البوكمال", "وادي"]
