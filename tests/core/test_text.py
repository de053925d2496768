"""The Arabic text core: token, sentence and folding rules, on the seeds and on any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from annotator.core.text import (
    INVISIBLE,
    find_all,
    fold,
    fold_query,
    sentences,
    snap_to_tokens,
    tokenize,
)

TATWEEL = "\u0640"


def texts(s: str) -> list[str]:
    return [t.text for t in tokenize(s)]


# --- tokens: the rules --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    ["هــ.دد", "مصــ..رع", "التخــ.فّي", "باستــ.هداف", "الحــ.رس", "هـ.ـد.ـد", "سـ.لاح"],
)
def test_obfuscated_word_is_one_token(word: str) -> None:
    text = f"قال إن الجيش {word}، ثم انسحب."
    assert word in texts(text)


def test_clitics_stay_attached() -> None:
    assert texts("قصف بالميادين وللقوات") == ["قصف", "بالميادين", "وللقوات"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("انسحبت القوات. وقال", ["انسحبت", "القوات", ".", "وقال"]),
        ("بلغت 6.3 درجة", ["بلغت", "6.3", "درجة"]),
        ("قتل 1,250 شخصا", ["قتل", "1,250", "شخصا"]),
        ("نحو ٣٫٥ كيلومتر", ["نحو", "٣٫٥", "كيلومتر"]),
        ("موقع SY24 قال", ["موقع", "SY24", "قال"]),
        ("في ٢٤ أكتوبر", ["في", "٢٤", "أكتوبر"]),
        ("في ۲۴ مهر", ["في", "۲۴", "مهر"]),
        ("نهاية العام.2019", ["نهاية", "العام", ".", "2019"]),
        ("الرقم 5.", ["الرقم", "5", "."]),
    ],
)
def test_dots_digits_and_latin(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_lam_with_tatweel_before_a_quote_is_its_own_token() -> None:
    assert texts("التابعة لـ”التحالف الدولي”") == [
        "التابعة", "لـ", "”", "التحالف", "الدولي", "”",
    ]


def test_legitimate_tatweel_stays_with_its_word() -> None:
    assert texts("في الـ 5 من يوليو") == ["في", "الـ", "5", "من", "يوليو"]


def test_punctuation_splits_and_runs_stay_together() -> None:
    assert texts("قال:«لا»... ماذا؟!") == ["قال", ":", "«", "لا", "»", "...", "ماذا", "؟", "!"]


def test_crlf_emoji_and_bidi_controls_keep_code_point_offsets() -> None:
    text = "😀 \u200fدير الزور\r\nقصف 🇸🇾 \u202bنص\u202c"
    toks = tokenize(text)
    for t in toks:
        assert text[t.start : t.end] == t.text
    assert "دير" in [t.text for t in toks]
    assert "🇸🇾" in [t.text for t in toks]  # a flag (two regional indicators) is one symbol
    assert not any("\r" in t.text or "\n" in t.text for t in toks)


def test_invisible_controls_belong_to_no_token_but_joiners_stay_inside_words() -> None:
    text = "\u202bقوات\u202c \u2067النظام\u2069 \u200eقصفت\u200f التحالف\u200d الدولي"
    assert texts(text) == ["قوات", "النظام", "قصفت", "التحالف", "الدولي"]
    persian = "می\u200cخواهد"
    assert texts(persian) == [persian]
    assert texts("a\u00adb \ufeff") == ["a\u00adb"]


# --- tokens: the seeds --------------------------------------------------------------------------


def test_all_28_obfuscated_words_of_003_are_single_tokens(seed_texts: dict[str, str]) -> None:
    text = seed_texts["003_070557adac96eddd"]
    # An obfuscated word: letters with a dot between them or tatweel before a letter.
    pattern = re.compile(
        r"\S*[\u0621-\u064A](?:[\u0640\u064B-\u0652]*\.+|\u0640+)[\u0621-\u064A]\S*"
    )
    raw = [m.group().strip("،.“”") for m in pattern.finditer(text)]
    assert len(raw) == 28
    tokens = texts(text)
    for word in raw:
        assert word in tokens, word


def test_obfuscated_words_are_found_by_their_clean_spelling(seed_texts: dict[str, str]) -> None:
    text = seed_texts["003_070557adac96eddd"]
    obfuscated = [t for t in tokenize(text) if TATWEEL in t.text and len(t.text) > 2]
    assert len(obfuscated) == 28
    for tok in obfuscated:
        clean = re.sub(r"[\u0640.\u064B-\u0652]", "", tok.text)
        hits = find_all(text, clean)
        assert (tok.start, tok.end) in hits, tok.text


def test_tokens_cover_every_visible_character_of_every_seed(seed_texts: dict[str, str]) -> None:
    for name, text in seed_texts.items():
        covered = bytearray(len(text))
        for t in tokenize(text):
            assert text[t.start : t.end] == t.text
            covered[t.start : t.end] = b"\x01" * (t.end - t.start)
        missing = [c for i, c in enumerate(text) if not c.isspace() and not covered[i]]
        assert missing == [], name


# --- sentences ----------------------------------------------------------------------------------


def test_sentences_split_at_terminators_and_newlines() -> None:
    text = "قصفت الطائرات المدينة. هل انتهى؟ نعم!\nسطر جديد بلا نقطة\nبلغت 6.3 درجة"
    got = [text[a:b] for a, b in sentences(text)]
    assert got == [
        "قصفت الطائرات المدينة.",
        "هل انتهى؟",
        "نعم!",
        "سطر جديد بلا نقطة",
        "بلغت 6.3 درجة",
    ]


def test_sentences_never_split_inside_an_obfuscated_word_and_keep_closing_quotes() -> None:
    text = "وقال “إن الجيش هــ.دد.” ثم مصــ..رع القائد."
    got = [text[a:b] for a, b in sentences(text)]
    assert got == ["وقال “إن الجيش هــ.دد.”", "ثم مصــ..رع القائد."]


def test_sentences_are_merged_where_a_kept_range_crosses() -> None:
    text = "الأول. الثاني. الثالث."
    start = text.index("الأول")
    end = text.index("الثاني") + len("الثاني")
    got = [text[a:b] for a, b in sentences(text, keep_together=[(start, end)])]
    assert got == ["الأول. الثاني.", "الثالث."]


# --- folding and search -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "query", "found"),
    [
        ("بعد أن هــ.دد الرئيس", "هدد", "هــ.دد"),
        ("أعلن مصــ..رع القائد", "مصرع", "مصــ..رع"),
        ("الحــ.رس الثــ.وري", "الحرس الثوري", "الحــ.رس الثــ.وري"),
        ("الميليشيات الايرانيه", "الإيرانية", "الايرانيه"),
        ("الميليشيات الإيرانية", "الايرانية", "الإيرانية"),
        ("يوم ٢٤ أكتوبر", "24 أكتوبر", "٢٤ أكتوبر"),
        ("يوم ۲۴ أكتوبر", "24 اكتوبر", "۲۴ أكتوبر"),
        ("قالت “الحكومة” أمس", '"الحكومة"', "“الحكومة”"),
        ("مستشفى المدينة", "مستشفي", "مستشفى"),
        ("هجوم مؤسسة", "موسسه", "مؤسسة"),
        ("دير\u00a0\u00a0الزور", "دير الزور", "دير\u00a0\u00a0الزور"),
        ("قوات \u200fالأسد\u200e", "الاسد", "الأسد"),
        ("موقع sy24", "SY24", "sy24"),
        ("مدينة ﺣﻠﺐ", "حلب", "ﺣﻠﺐ"),
    ],
)
def test_find_all_folds(text: str, query: str, found: str) -> None:
    hits = find_all(text, query)
    assert [text[a:b] for a, b in hits] == [found]


def test_a_hit_keeps_the_diacritics_of_its_last_letter() -> None:
    text = "قصفٌ عنيف"
    assert [text[a:b] for a, b in find_all(text, "قصف")] == ["قصفٌ"]


def test_no_hit_inside_a_ligature() -> None:
    # U+FEFB is lam-alef as one character: "ل" alone cannot be cut out of it.
    assert find_all("\ufefb", "ل") == []
    assert find_all("\ufefb", "لا") == [(0, 1)]


def test_empty_or_blank_query_finds_nothing() -> None:
    assert find_all("نص", "") == []
    assert find_all("نص", " \u0640 ") == []


def test_fold_map_points_back_into_the_text() -> None:
    text = "هــ.دد ٢٤"
    key, mapping = fold(text)
    assert key == "هدد 24"
    assert len(mapping) == len(key) + 1
    assert [text[i] for i in mapping[:-1]] == ["ه", "د", "د", " ", "٢", "٤"]
    assert mapping[-1] == len(text)


def test_search_in_the_seeds(seed_texts: dict[str, str]) -> None:
    corpus = "\n".join(seed_texts.values())
    hamza = corpus.count("الإيرانية")
    plain = corpus.count("الايرانية")
    hits = [corpus[a:b] for a, b in find_all(corpus, "الايرانية")]
    # Every spelling is found, with or without hamza, also inside "والإيرانية".
    assert hits.count("الإيرانية") == hamza
    assert hits.count("الايرانية") == plain
    assert plain >= 1 and hamza >= 8


def test_snap_grows_to_tokens_and_trims_punctuation() -> None:
    text = "قصف “بالميادين” أمس."
    a = text.index("لميا")
    assert snap_to_tokens(text, a, a + 2) == (
        text.index("بالميادين"), text.index("بالميادين") + len("بالميادين")
    )
    whole = snap_to_tokens(text, 3, len(text))
    assert whole is not None
    assert text[whole[0] : whole[1]] == "“بالميادين” أمس"[1:]
    assert snap_to_tokens(text, text.index("“"), text.index("“") + 1) is None


def test_snap_trims_emoji_and_symbols_at_the_edges() -> None:
    text = "😀 قصف ★ مطار"
    assert snap_to_tokens(text, 0, text.index("قصف") + 2) == (2, 5)
    assert snap_to_tokens(text, 0, len(text)) == (2, len(text))
    assert snap_to_tokens(text, 0, 1) is None


# --- properties on any text ---------------------------------------------------------------------

arabicish = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("هدرعصمالإأآىةؤئ ـ.،؟!“”\"'\n\r\t٠١٢٣0123456789SYxz")),
        st.sampled_from(["\u064e", "\u0651", "\u200f", "\u202b", "\u200d", "\ufefb", "😀", "🇸"]),
        st.characters(),
    ),
    max_size=80,
)


@given(arabicish)
def test_tokens_are_ordered_exact_and_cover_visible_text(text: str) -> None:
    toks = tokenize(text)
    previous_end = 0
    covered = set()
    for t in toks:
        assert previous_end <= t.start < t.end
        assert text[t.start : t.end] == t.text
        assert not any(c.isspace() for c in t.text)
        previous_end = t.end
        covered.update(range(t.start, t.end))
    assert all(i in covered for i, c in enumerate(text) if not c.isspace() and c not in INVISIBLE)
    # A token never starts or ends with an invisible control: what is labeled can be seen.
    assert not any(t.text[0] in INVISIBLE or t.text[-1] in INVISIBLE for t in toks)


@given(arabicish)
def test_sentences_are_ordered_and_hold_whole_tokens(text: str) -> None:
    ranges = sentences(text)
    previous_end = 0
    for start, end in ranges:
        assert previous_end <= start < end <= len(text)
        previous_end = end
    bounds = {a for a, _ in ranges} | {b for _, b in ranges}
    for t in tokenize(text):
        assert not any(t.start < b < t.end for b in bounds)


@given(arabicish, arabicish)
def test_every_hit_folds_to_the_query(text: str, query: str) -> None:
    needle = fold_query(query)
    for start, end in find_all(text, query):
        assert 0 <= start < end <= len(text)
        assert fold_query(text[start:end]) == needle


@given(arabicish, st.data())
def test_a_substring_is_found_where_it_stands(text: str, data: st.DataObject) -> None:
    toks = tokenize(text)
    assume(toks)
    i = data.draw(st.integers(0, len(toks) - 1))
    tok = toks[i]
    assume(fold_query(tok.text))
    hits = find_all(text, tok.text)
    assert any(a < tok.end and tok.start < b for a, b in hits)


@given(arabicish)
def test_fast_path_agrees_with_the_full_pattern(text: str) -> None:
    from annotator.core.text import _tokenize_slow

    assert tokenize(text) == _tokenize_slow(text)
