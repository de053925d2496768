"""Agreement between annotators on the same documents: pure functions, no store.

The caller picks the documents (those every compared annotator finished) and hands over their
texts and each annotator's spans. Figures, per label and overall:

* **Exact spans**, annotator A as reference: a span of B is right when A has a span with the
  same start, end and label. Precision = right / B's spans, recall = right / A's spans.
* **Partial overlap**: a span counts as found when the other annotator has a span of the same
  label sharing at least one character. Precision = B's spans that overlap one of A's, recall =
  A's spans that overlap one of B's; F1 is their harmonic mean.
* **Token-level Cohen's kappa** over the tokens of ``core.text.tokenize``: each token gets the
  label of a span it overlaps, or ``O`` (per label: in a span of that label or not). Kappa is
  ``(p_o - p_e) / (1 - p_e)``; it has no value when chance agreement is already perfect
  (both annotators put every token in one class), and is None then.
* **Unitizing alpha** (alpha_u, ``core.unitizing``) per label and overall, on the documents
  every compared annotator finished: where the spans are, character by character.
* **Krippendorff's alpha** (nominal, token level) for two or more annotators, computed by the
  ``krippendorff`` package; an annotator who did not finish a document gives missing values
  there, which alpha allows. None when the tokens show only one value.

Cohen's kappa is a two-line formula; scikit-learn's ``cohen_kappa_score`` would bring
scikit-learn and SciPy (well over 100 MB) for it, so it is written here and tested on a
textbook table. Alpha's coincidence matrices and missing values are where mistakes hide, so
the maintained package does that part.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from annotator.core.model import Span
from annotator.core.text import Token, tokenize
from annotator.core.unitizing import Unit, unitizing_alpha

#: The class of a token outside every span.
OUTSIDE = "O"

#: Spans of one annotator: document id -> spans.
Layer = Mapping[int, Sequence[Span]]

DisagreementKind = Literal["only_a", "only_b", "label", "boundary"]


@dataclass(frozen=True, slots=True)
class Scores:
    """The pairwise figures for one label (``label`` None: all labels together)."""

    label: str | None
    spans_a: int
    spans_b: int
    exact: int
    precision: float | None
    recall: float | None
    f1: float | None
    partial_precision: float | None
    partial_recall: float | None
    partial_f1: float | None
    kappa: float | None
    tokens: int


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A place where A and B differ, for the list a person goes through.

    ``only_a``/``only_b``: one annotator has a span the other has nothing overlapping with;
    ``label``: same characters, other label; ``boundary``: same label, overlapping, other edges.
    """

    document_id: int
    kind: DisagreementKind
    start: int
    end: int
    span_a: Span | None
    span_b: Span | None


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def cohen_kappa(pairs: Iterable[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' classes for the same items; None without a value.

    None when there are no items or when chance agreement is 1 (both raters used one and the
    same class for everything: kappa is 0/0 there).
    """
    counts_a: Counter[str] = Counter()
    counts_b: Counter[str] = Counter()
    agree = 0
    n = 0
    for a, b in pairs:
        counts_a[a] += 1
        counts_b[b] += 1
        agree += a == b
        n += 1
    if n == 0:
        return None
    p_o = agree / n
    p_e = sum(counts_a[c] * counts_b[c] for c in counts_a) / (n * n)
    if p_e >= 1.0:
        return None
    return (p_o - p_e) / (1 - p_e)


def krippendorff_alpha_nominal(rows: Sequence[Sequence[str | None]]) -> float | None:
    """Nominal alpha of coders' values (rows: coders, columns: units; None is missing).

    None when fewer than two values occur or no unit has two values (alpha is undefined).
    """
    # Imported here: numpy costs every start of the window (the team menu imports this
    # module) the better part of a second; only the agreement figures need it.
    import krippendorff
    import numpy as np

    values = sorted({v for row in rows for v in row if v is not None})
    if len(values) < 2:
        return None
    code = {v: float(i) for i, v in enumerate(values)}
    data = np.array(
        [[np.nan if v is None else code[v] for v in row] for row in rows], dtype=float
    ).reshape(len(rows), -1)
    # Only units with two or more values count; alpha is 0/0 when they show one value only.
    data = data[:, (~np.isnan(data)).sum(axis=0) >= 2]
    present = np.unique(data[~np.isnan(data)])
    if len(present) < 2:
        return None
    result = krippendorff.alpha(
        reliability_data=data,
        level_of_measurement="nominal",
        value_domain=[float(v) for v in present],
    )
    return float(result)


def token_classes(
    tokens: Sequence[Token], spans: Sequence[Span], label: str | None = None
) -> list[str]:
    """Each token's class: the label of a span overlapping it, else ``O``.

    With ``label``, a token is that label if any span of that label overlaps it. Without, a
    token covered by several spans takes the one starting first (then the smallest label), so
    the choice is the same on every run.
    """
    classes = [OUTSIDE] * len(tokens)
    starts = [t.start for t in tokens]
    chosen: list[tuple[int, str] | None] = [None] * len(tokens)
    for span in spans:
        if label is not None and span.label != label:
            continue
        # Tokens overlapping [start, end): from the last token starting before `start`.
        i = max(bisect_left(starts, span.start) - 1, 0)
        while i < len(tokens) and tokens[i].start < span.end:
            tok = tokens[i]
            if tok.end > span.start:
                rank = (span.start, span.label)
                current = chosen[i]
                if current is None or rank < current:
                    chosen[i] = rank
                    classes[i] = span.label
            i += 1
    return classes


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _partial_hits(spans: Sequence[Span], others: Sequence[Span]) -> int:
    return sum(
        1 for s in spans if any(o.label == s.label and _overlaps(s, o) for o in others)
    )


def pair_scores(
    texts: Mapping[int, str],
    layer_a: Layer,
    layer_b: Layer,
    label: str | None = None,
    *,
    tokens: Mapping[int, Sequence[Token]] | None = None,
) -> Scores:
    """A against B on the documents of ``texts``, for one label or (None) all together."""
    spans_a = spans_b = exact = found_b = found_a = 0
    class_pairs: list[tuple[str, str]] = []
    for doc_id, text in texts.items():
        a = [s for s in layer_a.get(doc_id, ()) if label is None or s.label == label]
        b = [s for s in layer_b.get(doc_id, ()) if label is None or s.label == label]
        spans_a += len(a)
        spans_b += len(b)
        keys_a = {s.key for s in a}
        exact += len({s.key for s in b} & keys_a)
        found_b += _partial_hits(b, a)
        found_a += _partial_hits(a, b)
        toks = tokens[doc_id] if tokens is not None else tokenize(text)
        class_pairs.extend(
            zip(token_classes(toks, a, label), token_classes(toks, b, label), strict=True)
        )
    precision = _ratio(exact, spans_b)
    recall = _ratio(exact, spans_a)
    partial_p = _ratio(found_b, spans_b)
    partial_r = _ratio(found_a, spans_a)
    return Scores(
        label=label,
        spans_a=spans_a,
        spans_b=spans_b,
        exact=exact,
        precision=precision,
        recall=recall,
        f1=_f1(precision, recall),
        partial_precision=partial_p,
        partial_recall=partial_r,
        partial_f1=_f1(partial_p, partial_r),
        kappa=cohen_kappa(class_pairs),
        tokens=len(class_pairs),
    )


def alpha(
    texts: Mapping[int, str],
    layers: Sequence[Layer],
    label: str | None = None,
    *,
    finished: Sequence[frozenset[int]] | None = None,
    tokens: Mapping[int, Sequence[Token]] | None = None,
) -> float | None:
    """Token-level nominal Krippendorff's alpha of several annotators' layers.

    ``finished[i]`` is the set of documents annotator ``i`` finished; on the others that
    annotator's values are missing. Without it, every annotator counts on every document.
    """
    rows: list[list[str | None]] = [[] for _ in layers]
    for doc_id, text in texts.items():
        toks = tokens[doc_id] if tokens is not None else tokenize(text)
        for i, layer in enumerate(layers):
            if finished is not None and doc_id not in finished[i]:
                rows[i].extend([None] * len(toks))
            else:
                rows[i].extend(token_classes(toks, layer.get(doc_id, ()), label))
    return krippendorff_alpha_nominal(rows)


def disagreements(texts: Mapping[int, str], layer_a: Layer, layer_b: Layer) -> list[Disagreement]:
    """Every place A and B differ, in document and offset order.

    Exact matches are left out. A span of A is paired with the first overlapping span of B
    (same label first); what stays unpaired on either side is ``only_a`` / ``only_b``.
    """
    out: list[Disagreement] = []
    for doc_id in texts:
        a = sorted(layer_a.get(doc_id, ()), key=lambda s: (s.start, s.end, s.label))
        b = sorted(layer_b.get(doc_id, ()), key=lambda s: (s.start, s.end, s.label))
        keys_a = {s.key for s in a}
        keys_b = {s.key for s in b}
        rest_a = [s for s in a if s.key not in keys_b]
        rest_b = [s for s in b if s.key not in keys_a]
        used: set[int] = set()
        for sa in rest_a:
            candidates = [
                (j, sb) for j, sb in enumerate(rest_b) if j not in used and _overlaps(sa, sb)
            ]
            candidates.sort(key=lambda c: c[1].label != sa.label)
            if not candidates:
                out.append(Disagreement(doc_id, "only_a", sa.start, sa.end, sa, None))
                continue
            j, sb = candidates[0]
            used.add(j)
            if (sa.start, sa.end) == (sb.start, sb.end):
                kind: DisagreementKind = "label"
            elif sa.label == sb.label:
                kind = "boundary"
            else:
                kind = "label"
            out.append(
                Disagreement(doc_id, kind, min(sa.start, sb.start), max(sa.end, sb.end), sa, sb)
            )
        for j, sb in enumerate(rest_b):
            if j not in used:
                out.append(Disagreement(doc_id, "only_b", sb.start, sb.end, None, sb))
    out.sort(key=lambda d: (d.document_id, d.start, d.end))
    return out


@dataclass(frozen=True, slots=True)
class Report:
    """What ``agree`` shows: pairwise scores (first annotator as reference) and alpha."""

    annotators: tuple[str, ...]
    documents: int
    pairs: tuple[tuple[str, str, tuple[Scores, ...]], ...]
    alpha: tuple[tuple[str | None, float | None], ...]
    #: Unitizing alpha per label (None: over all labels) on the documents all finished.
    unitizing: tuple[tuple[str | None, float | None], ...] = ()
    unitizing_documents: int = 0


def labels_in(layers: Iterable[Layer]) -> list[str]:
    """The labels used in any of ``layers``, sorted."""
    return sorted({s.label for layer in layers for spans in layer.values() for s in spans})


def report(
    names: Sequence[str],
    texts: Mapping[int, str],
    layers: Sequence[Layer],
    finished: Sequence[frozenset[int]],
    *,
    label: str | None = None,
    labels: Sequence[str] | None = None,
) -> Report:
    """All figures for ``names`` (two or more) on the documents of ``texts``.

    Pairwise figures use the documents both of a pair finished; alpha uses every document
    at least two finished, the others' values missing. ``label`` restricts to one label,
    otherwise each label of ``labels`` (default: those used) and the overall figure.
    """
    if len(names) != len(layers) or len(names) != len(finished) or len(names) < 2:
        raise ValueError("need two or more annotators, each with a layer and finished set")
    tokens = {doc_id: tokenize(text) for doc_id, text in texts.items()}
    wanted: list[str | None] = (
        [label] if label is not None else [*(labels or labels_in(layers)), None]
    )
    pairs = []
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            both = {d: t for d, t in texts.items() if d in finished[i] and d in finished[j]}
            scores = tuple(
                pair_scores(both, layers[i], layers[j], lab, tokens=tokens) for lab in wanted
            )
            pairs.append((names[i], names[j], scores))
    shared = {
        d: t for d, t in texts.items() if sum(d in f for f in finished) >= 2
    }
    alphas = tuple(
        (lab, alpha(shared, layers, lab, finished=finished, tokens=tokens)) for lab in wanted
    )
    everyone = {d: t for d, t in texts.items() if all(d in f for f in finished)}
    units = layer_units(everyone, layers, label)
    return Report(
        annotators=tuple(names), documents=len(shared), pairs=tuple(pairs), alpha=alphas,
        unitizing=units, unitizing_documents=len(everyone),
    )


def layer_units(
    texts: Mapping[int, str], layers: Sequence[Layer], label: str | None = None
) -> tuple[tuple[str | None, float | None], ...]:
    """Unitizing alpha of ``layers`` on the documents of ``texts`` laid end to end.

    Per label used (or only ``label``) and, without ``label``, over all of them (None).
    Nothing when ``texts`` is empty: no continuum, no figure.
    """
    if not texts:
        return ()
    sections: list[Unit] = []
    offsets: dict[int, int] = {}
    pos = 0
    for doc_id, text in texts.items():
        offsets[doc_id] = pos
        sections.append((pos, pos + len(text)))
        pos += len(text)
    if pos == 0:
        return ()
    coders: list[dict[str, list[Unit]]] = []
    for layer in layers:
        units: dict[str, list[Unit]] = {}
        for doc_id, base in offsets.items():
            for span in layer.get(doc_id, ()):
                units.setdefault(span.label, []).append((base + span.start, base + span.end))
        coders.append(units)
    wanted = [label] if label is not None else labels_in(
        [{d: layer.get(d, ()) for d in texts} for layer in layers]
    )
    per, overall = unitizing_alpha(coders, sections, wanted)
    out: list[tuple[str | None, float | None]] = [(name, per[name]) for name in wanted]
    if label is None:
        out.append((None, overall))
    return tuple(out)
