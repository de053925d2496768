"""The gold seeds (tests/data/seeds_gold.jsonl) are cut by the clitic rules of ADR 0008.

The gold was labeled before clitic-aware selection, with the conjunction or preposition glued
to a name kept in the span ("والبوكمال", "لقوات التحالف الدولي"). An annotator today labels
the name without it, so the bench scores suggestions against spans cut the same way.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.clitics import name_start, proclitic_boundaries, suffix_boundaries
from annotator.core.text import fold_query, tokenize

GOLD = Path(__file__).resolve().parent.parent / "data" / "seeds_gold.jsonl"


def _records() -> list[dict[str, object]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def _spans() -> list[tuple[str, int, int, str]]:
    out = []
    for record in _records():
        text = record["text"]
        assert isinstance(text, str)
        for span in record["spans"]:  # type: ignore[attr-defined]
            out.append((text, span["start"], span["end"], span["text"]))
    return out


def test_no_gold_span_keeps_a_particle_the_double_click_rule_leaves_out() -> None:
    # The known names of ADR 0008: every labeled text and the first word of each, folded.
    known = set()
    for _, _, _, label_text in _spans():
        key = fold_query(label_text)
        known |= {key, key.split()[0]}
    glued = []
    for text, start, end, label_text in _spans():
        assert text[start:end] == label_text
        first = next(t for t in tokenize(text) if t.start <= start < t.end)
        word = text[start:first.end]
        if name_start(word, lambda rest: fold_query(rest) in known):
            glued.append(label_text)
    assert glued == []


def test_a_gold_span_cuts_a_token_only_at_a_clitic_boundary() -> None:
    for text, start, end, label_text in _spans():
        tokens = tokenize(text)
        first = next(t for t in tokens if t.start <= start < t.end)
        last = next(t for t in tokens if t.start < end <= t.end)
        if start > first.start:
            assert start - first.start in proclitic_boundaries(text[first.start:first.end]), (
                label_text)
        if end < last.end:
            assert end - last.start in suffix_boundaries(text[last.start:last.end]), label_text


def test_the_recut_names_and_the_words_that_only_look_glued() -> None:
    texts = {label_text for _, _, _, label_text in _spans()}
    # ADR 0008's examples from the seeds, and the like: the particle is outside the span.
    assert {"البوكمال", "حقل العمر النفطي", "مظلوم", "سيمالكا", "ريف دير الزور الشرقي",
            "قوات التحالف الدولي", "إيران", "قسد"} <= texts
    assert not texts & {"والبوكمال", "وحقل العمر النفطي", "ومظلوم", "وسيمالكا",
                        "بريف دير الزور الشرقي", "لقوات التحالف الدولي", "لإيران", "وقسد"}
    # A first letter that belongs to the word stays, and so does ل + ال written لل (cutting
    # after the first ل would leave a word the text does not have).
    assert {"كونيكو", "واشنطن", "لبنان", "بلدة ذيبان", "بداية الشهر الماضي",
            "للميليشيات الإيرانية", "للنظام السوري", "للتحالف الدولي"} <= texts
