"""Krippendorff's unitizing alpha (alpha_u): agreement on where spans are, per label.

Token-level alpha asks whether each token got the same class; unitizing alpha asks whether the
coders cut the same *units* out of a continuum, and weighs a boundary off by many characters
more than one off by a single character. The formulas are those of Krippendorff, *Content
Analysis*, 2nd ed. (2004), section 11.6, and "Measuring the reliability of qualitative text
analysis data", Quality & Quantity 38 (2004):

* Each coder's segmentation of the continuum (length ``L``) for a category ``c``: the units
  of ``c`` and the gaps between them, together covering the whole continuum.
* Distance of segment ``g`` (begin ``b``, length ``l``) of one coder and ``h`` of another:
  both units that overlap: ``(b_g - b_h)**2 + (e_g - e_h)**2``; a unit lying inside a gap of
  the other: ``l_unit**2``; anything else: 0.
* Observed disagreement ``D_o = sum over ordered coder pairs and their segment pairs of the
  distance / (m (m - 1) L**2)``.
* Expected disagreement, all the places a unit could be put in any coder's gaps:
  ``D_e = (2 / L) * sum over units u of c [(N_c - 1)/3 * (2 l_u**3 - 3 l_u**2 + l_u)
  + l_u**2 * sum over gaps g with l_g >= l_u of (l_g - l_u + 1)]
  / (m L (m L - 1) - sum over units of l_u (l_u - 1))``.
* ``alpha_u(c) = 1 - D_o / D_e``; over all labels, ``1 - sum D_o / sum D_e``.

No maintained Python package computes it (``krippendorff`` on PyPI does coding alpha only), so
it is written here and tested on Krippendorff's own worked example (2004, p. 254).

The annotator's documents are laid end to end as one continuum; a gap never runs from one
document into the next (units can only be placed inside an article). Several spans of one label
that overlap in one coder's layer are merged: the formula needs one segmentation per coder.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

#: A unit: (begin, end) on the continuum, end excluded.
Unit = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Observed and expected disagreement of one category (None: undefined)."""

    observed: float
    expected: float

    @property
    def alpha(self) -> float | None:
        return None if self.expected == 0 else 1.0 - self.observed / self.expected


def _merged(units: Iterable[Unit]) -> list[Unit]:
    out: list[Unit] = []
    for begin, end in sorted(u for u in units if u[1] > u[0]):
        if out and begin < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((begin, end))
    return out


def _gaps(units: Sequence[Unit], sections: Sequence[Unit]) -> list[Unit]:
    """The stretches of ``sections`` (documents) no unit covers."""
    gaps: list[Unit] = []
    for s_begin, s_end in sections:
        pos = s_begin
        for begin, end in units:
            if end <= s_begin or begin >= s_end:
                continue
            if begin > pos:
                gaps.append((pos, begin))
            pos = max(pos, end)
        if pos < s_end:
            gaps.append((pos, s_end))
    return gaps


def _distance(unit: Unit, other: Unit) -> int:
    """Squared distance of two overlapping units (0 when they do not overlap)."""
    if unit[0] < other[1] and other[0] < unit[1]:
        return (unit[0] - other[0]) ** 2 + (unit[1] - other[1]) ** 2
    return 0


def _inside(unit: Unit, gap: Unit) -> int:
    """``l**2`` when ``unit`` lies wholly inside the other coder's ``gap``, else 0."""
    if gap[0] <= unit[0] and unit[1] <= gap[1]:
        return (unit[1] - unit[0]) ** 2
    return 0


def category_disagreement(
    coders: Sequence[Iterable[Unit]], sections: Sequence[Unit]
) -> Disagreement:
    """D_o and D_e of one category; ``coders[i]`` are coder i's units of it.

    ``sections`` are the stretches of the continuum (one per document), disjoint; ``L`` is their
    total length. Every coder is taken to have coded every section.
    """
    m = len(coders)
    length = sum(end - begin for begin, end in sections)
    if m < 2 or length == 0:
        raise ValueError("unitizing alpha needs two or more coders and a non-empty continuum")
    units = [_merged(c) for c in coders]
    gaps = [_gaps(u, sections) for u in units]
    observed = 0
    for i in range(m):
        for j in range(i + 1, m):
            # Distances are symmetric: each unordered pair counts twice, once per direction.
            pair = sum(_distance(a, b) for a in units[i] for b in units[j])
            pair += sum(_inside(a, g) for a in units[i] for g in gaps[j])
            pair += sum(_inside(b, g) for b in units[j] for g in gaps[i])
            observed += 2 * pair
    d_o = observed / (m * (m - 1) * length * length)
    all_units = [end - begin for coder in units for begin, end in coder]
    all_gaps = sorted((end - begin for coder in gaps for begin, end in coder), reverse=True)
    n_c = len(all_units)
    numerator = 0.0
    for lu in all_units:
        numerator += (n_c - 1) / 3 * (2 * lu**3 - 3 * lu**2 + lu)
        numerator += lu**2 * sum(lg - lu + 1 for lg in all_gaps if lg >= lu)
    denominator = m * length * (m * length - 1) - sum(lu * (lu - 1) for lu in all_units)
    d_e = (2 / length) * numerator / denominator if denominator else 0.0
    return Disagreement(d_o, d_e)


def unitizing_alpha(
    coders: Sequence[Mapping[str, Iterable[Unit]]],
    sections: Sequence[Unit],
    categories: Sequence[str] | None = None,
) -> tuple[dict[str, float | None], float | None]:
    """alpha_u per category and over all of them; ``coders[i]``: category -> units.

    A category nobody used has no value (None); the overall figure is ``1 - sum D_o / sum
    D_e`` over the categories that have one.
    """
    names = (
        list(categories)
        if categories is not None
        else sorted({c for coder in coders for c in coder})
    )
    per: dict[str, float | None] = {}
    total_o = total_e = 0.0
    for name in names:
        found = [list(coder.get(name, ())) for coder in coders]
        if not any(found):
            per[name] = None
            continue
        d = category_disagreement(found, sections)
        per[name] = d.alpha
        total_o += d.observed
        total_e += d.expected
    overall = None if total_e == 0 else 1.0 - total_o / total_e
    return per, overall
