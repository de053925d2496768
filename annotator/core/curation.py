"""Curation of one document: every annotator's spans merged into candidates to accept or not.

A candidate is one (start, end, label) with the annotators who made it. It is **agreed** when
every annotator of the document made it; agreed candidates start accepted, the others are the
disagreements a curator decides. When a curated layer is already stored, what it holds starts
accepted instead (a curator may come back), and a span only the curator added is a candidate
of its own, made by nobody.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import Span

#: The annotator name of the curated layer (``export --annotator curation`` writes it).
CURATION = "curation"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One span some annotator (or the curator) made, and whether it starts accepted."""

    start: int
    end: int
    label: str
    text: str
    annotators: tuple[str, ...]
    agreed: bool
    accepted: bool
    attrs: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def span(self, label: str | None = None) -> Span:
        """The span this candidate stands for (with another label when the curator chose)."""
        return Span(
            start=self.start, end=self.end, label=label or self.label, text=self.text,
            annotator=CURATION, attrs=dict(self.attrs),
        )


def candidates(spans: Iterable[Span]) -> tuple[list[str], list[Candidate]]:
    """The annotators of a document's ``spans`` (curation and unowned left out) and candidates."""
    layers: dict[str, list[Span]] = {}
    curated: dict[tuple[int, int, str], Span] = {}
    for span in spans:
        if span.annotator == CURATION:
            curated[span.key] = span
        elif span.annotator is not None and span.origin != "suggested":
            layers.setdefault(span.annotator, []).append(span)
    names = sorted(layers)
    by_key: dict[tuple[int, int, str], list[Span]] = {}
    for name in names:
        for span in layers[name]:
            by_key.setdefault(span.key, []).append(span)
    out: list[Candidate] = []
    for key, made in by_key.items():
        who = tuple(sorted({s.annotator for s in made if s.annotator is not None}))
        agreed = len(who) == len(names)
        # Date values and other attributes: the first maker's, unless the curator's differ.
        source = curated.get(key, made[0])
        out.append(
            Candidate(
                start=key[0], end=key[1], label=key[2], text=made[0].text, annotators=who,
                agreed=agreed, accepted=(key in curated) if curated else agreed,
                attrs=dict(source.attrs),
            )
        )
    for key, span in curated.items():
        if key not in by_key:
            out.append(
                Candidate(
                    start=span.start, end=span.end, label=span.label, text=span.text,
                    annotators=(), agreed=False, accepted=True, attrs=dict(span.attrs),
                )
            )
    out.sort(key=lambda c: (c.start, c.end, c.label))
    return names, out
