"""Agreement between annotators on the documents they finished: loads, computes, renders."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Protocol

from annotator.core.agreement import Disagreement, Report, Scores, disagreements, report
from annotator.core.model import Document, LabelSchema, Span
from annotator.services.writer import store_failures


class AgreementStore(Protocol):
    """The repository methods agreement reads (annotator.store.repository.Repository)."""

    def annotators(self) -> list[str]: ...
    def default_project(self) -> int: ...
    def project_schema(self, project_id: int) -> LabelSchema: ...
    def finished_documents(self, project_id: int, annotator: str) -> list[int]: ...
    def get_document(self, document_id: int, *, annotator: str | None = None) -> Document: ...


class AgreementRefused(ValueError):
    """The figures cannot be computed (unknown annotator, a name twice, fewer than two)."""


@dataclass(frozen=True)
class Agreement:
    """The report and the first pair's disagreements (what the window lists)."""

    report: Report
    disagreements: list[Disagreement]
    document_names: dict[int, str]


def annotator_names(repo: AgreementStore) -> list[str]:
    """Everyone who ever made a span or set a status (StoreFailure if it cannot be read)."""
    with store_failures():
        return repo.annotators()


def agreement(
    repo: AgreementStore,
    names: list[str],
    *,
    label: str | None = None,
    project: int | None = None,
) -> Agreement:
    """Figures for ``names`` on the documents at least two of them marked done.

    StoreFailure when the store cannot be read, AgreementRefused for a wrong name or label.
    """
    with store_failures():
        return _agreement(repo, names, label, project)


def _agreement(
    repo: AgreementStore, names: list[str], label: str | None, project: int | None
) -> Agreement:
    if len(names) < 2:
        raise AgreementRefused("agreement needs two or more annotators")
    if len(set(names)) != len(names):
        raise AgreementRefused("an annotator is named twice")
    known = set(repo.annotators())
    unknown = [n for n in names if n not in known]
    if unknown:
        raise AgreementRefused(
            f"no annotator named {', '.join(map(repr, unknown))} "
            f"(known: {', '.join(sorted(known)) or 'none'})"
        )
    pid = repo.default_project() if project is None else project
    schema = repo.project_schema(pid)
    if label is not None and label not in schema.names:
        raise AgreementRefused(
            f"no label {label!r} in the project (labels: {', '.join(schema.names)})"
        )
    finished = [frozenset(repo.finished_documents(pid, name)) for name in names]
    shared = sorted({d for f in finished for d in f if sum(d in g for g in finished) >= 2})
    texts: dict[int, str] = {}
    doc_names: dict[int, str] = {}
    layers: list[dict[int, list[Span]]] = [{} for _ in names]
    for doc_id in shared:
        for i, name in enumerate(names):
            doc = repo.get_document(doc_id, annotator=name)
            texts[doc_id] = doc.text
            doc_names[doc_id] = doc.name
            # Suggestions nobody reviewed are not an annotator's decision.
            layers[i][doc_id] = [s for s in doc.spans if s.origin != "suggested"]
    result = report(names, texts, layers, finished, label=label, labels=list(schema.names))
    both = {d: t for d, t in texts.items() if d in finished[0] and d in finished[1]}
    found = disagreements(both, layers[0], layers[1])
    if label is not None:
        found = [
            d for d in found
            if (d.span_a is not None and d.span_a.label == label)
            or (d.span_b is not None and d.span_b.label == label)
        ]
    return Agreement(result, found, doc_names)


def _figure(value: float | None) -> str:
    return "-" if value is None or math.isnan(value) else f"{value:.3f}"


def _json_figure(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else round(value, 6)


def _scores_dict(s: Scores) -> dict[str, Any]:
    return {
        "label": s.label,
        "spans_a": s.spans_a,
        "spans_b": s.spans_b,
        "exact_matches": s.exact,
        "precision": _json_figure(s.precision),
        "recall": _json_figure(s.recall),
        "f1": _json_figure(s.f1),
        "partial_precision": _json_figure(s.partial_precision),
        "partial_recall": _json_figure(s.partial_recall),
        "partial_f1": _json_figure(s.partial_f1),
        "kappa": _json_figure(s.kappa),
        "tokens": s.tokens,
    }


def agreement_dict(result: Agreement) -> dict[str, Any]:
    """The figures as plain data (``agree --json``)."""
    r = result.report
    return {
        "annotators": list(r.annotators),
        "documents": r.documents,
        "pairs": [
            {"a": a, "b": b, "scores": [_scores_dict(s) for s in scores]}
            for a, b, scores in r.pairs
        ],
        "alpha": [{"label": lab, "alpha": _json_figure(v)} for lab, v in r.alpha],
        "unitizing_documents": r.unitizing_documents,
        "unitizing_alpha": [
            {"label": lab, "alpha": _json_figure(v)} for lab, v in r.unitizing
        ],
        "disagreements": [
            {
                "document": result.document_names.get(d.document_id, str(d.document_id)),
                "document_id": d.document_id,
                "kind": d.kind,
                "start": d.start,
                "end": d.end,
                "label_a": d.span_a.label if d.span_a else None,
                "label_b": d.span_b.label if d.span_b else None,
            }
            for d in result.disagreements
        ],
    }


def render_agreement(result: Agreement) -> str:
    """Plain-text tables for the terminal."""
    r = result.report
    lines = [f"documents finished by at least two: {r.documents}"]
    head = (
        f"{'label':<12}{'A':>6}{'B':>6}{'exact':>7}{'P':>7}{'R':>7}{'F1':>7}"
        f"{'part.F1':>9}{'kappa':>8}"
    )
    for a, b, scores in r.pairs:
        lines += ["", f"{a} (reference) vs {b}", head]
        for s in scores:
            lines.append(
                f"{s.label or 'overall':<12}{s.spans_a:>6}{s.spans_b:>6}{s.exact:>7}"
                f"{_figure(s.precision):>7}{_figure(s.recall):>7}{_figure(s.f1):>7}"
                f"{_figure(s.partial_f1):>9}{_figure(s.kappa):>8}"
            )
    lines += ["", "Krippendorff's alpha (nominal, tokens)"]
    lines += [f"{lab or 'overall':<12}{_figure(v):>8}" for lab, v in r.alpha]
    lines += [
        "",
        "Krippendorff's unitizing alpha (character offsets), on the "
        f"{r.unitizing_documents} document(s) all finished",
    ]
    lines += [f"{lab or 'overall':<12}{_figure(v):>8}" for lab, v in r.unitizing]
    if result.disagreements:
        a, b = r.annotators[0], r.annotators[1]
        lines += ["", f"disagreements {a} / {b}: {len(result.disagreements)}"]
        for d in result.disagreements[:50]:
            name = result.document_names.get(d.document_id, str(d.document_id))
            la = d.span_a.label if d.span_a else "-"
            lb = d.span_b.label if d.span_b else "-"
            lines.append(f"  {name}:{d.start}-{d.end}  {d.kind:<9} {la} / {lb}")
        if len(result.disagreements) > 50:
            lines.append(f"  ... {len(result.disagreements) - 50} more (--json lists all)")
    return "\n".join(lines)
