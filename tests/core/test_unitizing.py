"""Unitizing alpha on Krippendorff's worked example and small cases worked out by hand."""

from __future__ import annotations

import pytest

from annotator.core.unitizing import category_disagreement, unitizing_alpha

# Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology, 2nd ed.,
# Sage, section 11.6, p. 254: a continuum from 150 to 450, two coders, categories c and k.
# Coder i: c at 225-295 and 370-400, k at 180-240 and 300-350; coder j: c at 220-300,
# 355-375 and 400-420, k at the same places as i. The book gives D_o(c) = 0.0144,
# D_e(c) = 0.0532, alpha_c = 0.7286; k agrees perfectly (D_e = 0.0490, alpha_k = 1);
# together alpha_u = 0.8591.
CONTINUUM = [(150, 450)]
CODER_I = {"c": [(225, 295), (370, 400)], "k": [(180, 240), (300, 350)]}
CODER_J = {"c": [(220, 300), (355, 375), (400, 420)], "k": [(180, 240), (300, 350)]}


def test_krippendorff_2004_category_c() -> None:
    d = category_disagreement([CODER_I["c"], CODER_J["c"]], CONTINUUM)
    # By hand: the distances are 50 + 850 (overlapping units) + 400 (420's unit inside
    # i's last gap), both directions: 2600 / (2 * 300**2).
    assert d.observed == pytest.approx(2600 / 180000)
    assert d.observed == pytest.approx(0.0144, abs=5e-5)
    assert d.expected == pytest.approx(0.0532, abs=5e-5)
    assert d.alpha == pytest.approx(0.7286, abs=5e-4)


def test_krippendorff_2004_category_k_and_overall() -> None:
    d = category_disagreement([CODER_I["k"], CODER_J["k"]], CONTINUUM)
    assert d.observed == 0
    assert d.expected == pytest.approx(0.0490, abs=5e-5)
    per, overall = unitizing_alpha([CODER_I, CODER_J], CONTINUUM)
    assert per["k"] == 1.0
    assert per["c"] == pytest.approx(0.7286, abs=5e-4)
    assert overall == pytest.approx(0.8591, abs=5e-4)


def test_three_identical_coders_agree_perfectly_and_a_shifted_one_lowers_alpha() -> None:
    same = {"A": [(2, 5), (10, 14)]}
    per, overall = unitizing_alpha([same, same, same], [(0, 20)])
    assert per == {"A": 1.0} and overall == 1.0
    shifted = {"A": [(3, 6), (10, 14)]}
    _, lower = unitizing_alpha([same, same, shifted], [(0, 20)])
    assert lower is not None and lower < 1.0


def test_a_gap_never_runs_into_the_next_document() -> None:
    # One 3-character unit each, in different documents of 10: each lies inside the other's
    # gap (9 both ways). Gaps split at the boundary: 7, 10 | 10, 7 (not one gap of 17), so
    # D_e = (2/20) * 2 * [1/3 * (54 - 27 + 3) + 9 * (5 + 8 + 8 + 5)] / (40 * 39 - 2 * 6).
    d = category_disagreement([[(0, 3)], [(10, 13)]], [(0, 10), (10, 20)])
    assert d.observed == pytest.approx(2 * (9 + 9) / (2 * 400))
    assert d.expected == pytest.approx(0.1 * 2 * (10 + 9 * 26) / 1548)


def test_overlapping_spans_of_one_coder_are_merged() -> None:
    merged = category_disagreement([[(0, 4), (2, 6)], [(0, 6)]], [(0, 10)])
    assert merged.observed == 0


def test_unused_category_has_no_value() -> None:
    per, overall = unitizing_alpha([{}, {}], [(0, 10)], ["A"])
    assert per == {"A": None} and overall is None


def test_needs_two_coders() -> None:
    with pytest.raises(ValueError, match="two or more"):
        category_disagreement([[(0, 1)]], [(0, 10)])
