"""Agreement figures on textbook tables and hand-made documents with answers worked out by hand."""

from __future__ import annotations

import pytest

from annotator.core.agreement import (
    OUTSIDE,
    alpha,
    cohen_kappa,
    disagreements,
    krippendorff_alpha_nominal,
    pair_scores,
    report,
    token_classes,
)
from annotator.core.model import Span, make_span
from annotator.core.text import tokenize


def _table(yy: int, yn: int, ny: int, nn: int) -> list[tuple[str, str]]:
    """A 2x2 table of two raters (first letter: rater A) as item pairs."""
    return [("y", "y")] * yy + [("y", "n")] * yn + [("n", "y")] * ny + [("n", "n")] * nn


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # The textbook table: p_o = 0.70, p_e = 0.50, kappa = 0.40.
        ((20, 5, 10, 15), 0.4),
        # Same observed agreement (0.60), different marginals: 0.1304 and 0.2593
        # (the "same percentages, different kappa" pair of the standard literature).
        ((45, 15, 25, 15), 0.06 / 0.46),
        ((25, 35, 5, 35), 0.14 / 0.54),
    ],
)
def test_cohen_kappa_on_textbook_tables(table: tuple[int, int, int, int], expected: float) -> None:
    assert cohen_kappa(_table(*table)) == pytest.approx(expected, abs=1e-9)


def test_cohen_kappa_rounded_values_of_the_literature() -> None:
    assert round(cohen_kappa(_table(45, 15, 25, 15)) or 0, 4) == 0.1304
    assert round(cohen_kappa(_table(25, 35, 5, 35)) or 0, 4) == 0.2593


def test_cohen_kappa_without_a_value() -> None:
    assert cohen_kappa([]) is None
    # Both raters put everything in one class: chance agreement is 1, kappa is 0/0.
    assert cohen_kappa([("O", "O")] * 5) is None
    # Perfect agreement over two classes is 1.
    assert cohen_kappa([("a", "a"), ("b", "b")]) == 1.0


def test_krippendorff_alpha_on_krippendorffs_own_example() -> None:
    """Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C:
    4 observers, 12 units, missing values; nominal alpha = 0.743."""
    x = None
    rows = [
        ["1", "2", "3", "3", "2", "1", "4", "1", "2", x, x, x],
        ["1", "2", "3", "3", "2", "2", "4", "1", "2", "5", x, "3"],
        [x, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", x],
        ["1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", x],
    ]
    value = krippendorff_alpha_nominal(rows)
    assert value is not None
    assert round(value, 3) == 0.743


def test_krippendorff_alpha_undefined_with_one_value() -> None:
    assert krippendorff_alpha_nominal([["O", "O"], ["O", "O"]]) is None
    assert krippendorff_alpha_nominal([["a", None], [None, "b"]]) is None
    # Two values in all, but the only unit two coders share shows one of them.
    assert krippendorff_alpha_nominal([["a", "b"], ["a", None]]) is None
    assert krippendorff_alpha_nominal([]) is None


# "قصفت الطائرات مدينة حلب أمس": tokens 0-4, 5-13, 14-19, 20-23, 24-27.
TEXT = "قصفت الطائرات مدينة حلب أمس"
A = [make_span(TEXT, 5, 13, "ACTOR"), make_span(TEXT, 20, 23, "LOCATION"),
     make_span(TEXT, 24, 27, "DATE")]
B = [make_span(TEXT, 5, 13, "ACTOR"), make_span(TEXT, 14, 23, "LOCATION"),
     make_span(TEXT, 0, 4, "TARGET")]
TEXTS = {1: TEXT}


def test_tokens_of_the_example() -> None:
    assert [(t.start, t.end) for t in tokenize(TEXT)] == [
        (0, 4), (5, 13), (14, 19), (20, 23), (24, 27)
    ]
    assert token_classes(tokenize(TEXT), A) == [OUTSIDE, "ACTOR", OUTSIDE, "LOCATION", "DATE"]
    assert token_classes(tokenize(TEXT), B, "LOCATION") == [
        OUTSIDE, OUTSIDE, "LOCATION", "LOCATION", OUTSIDE
    ]


def test_overall_scores_by_hand() -> None:
    s = pair_scores(TEXTS, {1: A}, {1: B})
    assert (s.spans_a, s.spans_b, s.exact) == (3, 3, 1)
    assert s.precision == pytest.approx(1 / 3)
    assert s.recall == pytest.approx(1 / 3)
    assert s.f1 == pytest.approx(1 / 3)
    # B's ACTOR and LOCATION overlap A's of the same label; TARGET does not; A's DATE is unmatched.
    assert s.partial_precision == pytest.approx(2 / 3)
    assert s.partial_recall == pytest.approx(2 / 3)
    assert s.partial_f1 == pytest.approx(2 / 3)
    # Tokens A: O ACTOR O LOC DATE; B: TARGET ACTOR LOC LOC O. p_o = 2/5, p_e = 5/25.
    assert s.tokens == 5
    assert s.kappa == pytest.approx((0.4 - 0.2) / 0.8)


def test_per_label_scores_by_hand() -> None:
    loc = pair_scores(TEXTS, {1: A}, {1: B}, "LOCATION")
    assert (loc.exact, loc.precision, loc.recall, loc.f1) == (0, 0.0, 0.0, 0.0)
    assert (loc.partial_precision, loc.partial_recall, loc.partial_f1) == (1.0, 1.0, 1.0)
    # Binary tokens A: 0 0 0 1 0, B: 0 0 1 1 0; p_o = 4/5, p_e = (1*2 + 4*3)/25.
    assert loc.kappa == pytest.approx((0.8 - 14 / 25) / (1 - 14 / 25))
    actor = pair_scores(TEXTS, {1: A}, {1: B}, "ACTOR")
    assert (actor.precision, actor.recall, actor.f1, actor.kappa) == (1.0, 1.0, 1.0, 1.0)
    date = pair_scores(TEXTS, {1: A}, {1: B}, "DATE")
    # B has no DATE: no precision (nothing to be right about), recall 0.
    assert (date.spans_b, date.precision, date.recall, date.f1) == (0, None, 0.0, None)
    assert date.kappa == pytest.approx(0.0)


def test_alpha_of_two_annotators_by_hand() -> None:
    # Coincidences of the pairs (O,TARGET) (ACTOR,ACTOR) (O,LOC) (LOC,LOC) (DATE,O):
    # D_o = 6/10, n_c = O3 T1 A2 L3 D1, D_e = (100 - 24) / 90; alpha = 1 - 54/76.
    value = alpha(TEXTS, [{1: A}, {1: B}])
    assert value == pytest.approx(1 - 54 / 76)


def test_alpha_treats_an_unfinished_document_as_missing() -> None:
    texts = {1: TEXT, 2: "وقع انفجار في دمشق"}
    c_doc2 = [make_span(texts[2], 12, 16, "LOCATION")]
    layers = [{1: A, 2: c_doc2}, {1: B, 2: c_doc2}, {1: A, 2: []}]
    # The third annotator did not finish document 2: their empty layer there must not count.
    finished = [frozenset({1, 2}), frozenset({1, 2}), frozenset({1})]
    with_missing = alpha(texts, layers, finished=finished)
    counted = alpha(texts, layers)
    assert with_missing is not None and counted is not None
    assert with_missing > counted
    # Same as giving the third annotator's tokens of document 2 the others' values minus one
    # coder: check against the raw rows.
    toks1 = len(tokenize(texts[1]))
    toks2 = len(tokenize(texts[2]))
    classes = [token_classes(tokenize(texts[1]), layer[1]) for layer in layers]
    doc2 = token_classes(tokenize(texts[2]), c_doc2)
    rows = [classes[0] + doc2, classes[1] + doc2, classes[2] + [None] * toks2]
    assert len(rows[0]) == toks1 + toks2
    assert with_missing == pytest.approx(krippendorff_alpha_nominal(rows))


def test_disagreements_listed_by_kind() -> None:
    found = disagreements(TEXTS, {1: A}, {1: B})
    assert [(d.kind, d.start, d.end) for d in found] == [
        ("only_b", 0, 4), ("boundary", 14, 23), ("only_a", 24, 27)
    ]
    relabel = [make_span(TEXT, 5, 13, "TARGET")]
    found = disagreements(TEXTS, {1: A[:1]}, {1: relabel})
    assert [(d.kind, d.span_a, d.span_b) for d in found] == [("label", A[0], relabel[0])]
    assert disagreements(TEXTS, {1: A}, {1: list(A)}) == []


def test_report_uses_documents_both_finished() -> None:
    texts = {1: TEXT, 2: TEXT}
    # Document 2 is finished by A only: B's (empty) layer there must not count as "no spans".
    r = report(
        ["a", "b"], texts, [{1: A, 2: A}, {1: B}], [frozenset({1, 2}), frozenset({1})]
    )
    assert r.documents == 1
    ((name_a, name_b, scores),) = r.pairs
    assert (name_a, name_b) == ("a", "b")
    overall = scores[-1]
    assert overall.label is None
    assert (overall.spans_a, overall.exact) == (3, 1)
    assert [s.label for s in scores] == ["ACTOR", "DATE", "LOCATION", "TARGET", None]
    assert dict(r.alpha)[None] == pytest.approx(1 - 54 / 76)


def test_report_one_label_and_three_annotators() -> None:
    c: list[Span] = list(A)
    r = report(
        ["a", "b", "c"], TEXTS, [{1: A}, {1: B}, {1: c}], [frozenset({1})] * 3, label="ACTOR"
    )
    assert [(x, y) for x, y, _ in r.pairs] == [("a", "b"), ("a", "c"), ("b", "c")]
    assert all(len(scores) == 1 and scores[0].label == "ACTOR" for _, _, scores in r.pairs)
    assert r.alpha == (("ACTOR", 1.0),)


def test_report_needs_two_annotators() -> None:
    with pytest.raises(ValueError, match="two or more"):
        report(["a"], TEXTS, [{1: A}], [frozenset({1})])


def test_report_gives_unitizing_alpha_per_label_by_hand() -> None:
    r = report(["a", "b"], TEXTS, [{1: A}, {1: B}], [frozenset({1})] * 2)
    units = dict(r.unitizing)
    assert r.unitizing_documents == 1
    # ACTOR: the same 5-13 on both sides.
    assert units["ACTOR"] == 1.0
    # LOCATION: 20-23 against 14-23 on a continuum of 27 characters. D_o = 2 * 36 / (2 * 27**2);
    # D_e = (2/27) * [10 + 408 + 9 * (18 + 2 + 12 + 2) + 81 * (12 + 6)] / (54 * 53 - 6 - 72).
    d_o = 72 / (2 * 27**2)
    d_e = (2 / 27) * (10 + 408 + 9 * 34 + 81 * 18) / (54 * 53 - 78)
    assert units["LOCATION"] == pytest.approx(1 - d_o / d_e)
    assert units[None] is not None and units[None] < 1.0


def test_report_unitizing_only_on_documents_everyone_finished() -> None:
    texts = {1: TEXT, 2: TEXT}
    c: list[Span] = list(A)
    r = report(
        ["a", "b", "c"], texts, [{1: A, 2: A}, {1: list(A), 2: B}, {1: c}],
        [frozenset({1, 2}), frozenset({1, 2}), frozenset({1})],
    )
    # Document 2 is not c's: alpha_u sees document 1 only, where all three agree.
    assert r.unitizing_documents == 1
    assert dict(r.unitizing)[None] == 1.0
