"""Curation of one document: every annotator's spans and events merged into candidates.

A span candidate is one (start, end, label, date value) with the annotators who made it: two
annotators who marked the same date but read it as different days made two candidates, and the
curator keeps one. It is **agreed** when every annotator of the document made it; agreed
candidates start accepted, the others are the disagreements a curator decides. When a curated
layer is already stored, what it holds starts accepted instead (a curator may come back), and a
span only the curator added is a candidate of its own, made by nobody.

An event candidate is compared the same way by what it says, not by ids: its type, its trigger
and its roles, each role as (role name, the target's offsets and label). Whatever a role points
at is reduced to such a reference, so a new kind of target only needs a reference of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import Document, Event, Span

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

    @property
    def value(self) -> str | None:
        """The date value of this candidate (None for spans without one)."""
        value = self.attrs.get("value") if self.attrs else None
        return None if value is None else str(value)

    def span(self, label: str | None = None) -> Span:
        """The span this candidate stands for (with another label when the curator chose)."""
        return Span(
            start=self.start, end=self.end, label=label or self.label, text=self.text,
            annotator=CURATION, attrs=dict(self.attrs),
        )


def date_value(span: Span) -> str | None:
    """The date value a span carries (a DATE's normalized day), None for other spans."""
    value = span.attrs.get("value") if span.attrs else None
    return None if value is None else str(value)


def _key(span: Span) -> tuple[int, int, str, str | None]:
    return (span.start, span.end, span.label, date_value(span))


def candidates(spans: Iterable[Span]) -> tuple[list[str], list[Candidate]]:
    """The annotators of a document's ``spans`` (curation and unowned left out) and candidates."""
    layers: dict[str, list[Span]] = {}
    curated: dict[tuple[int, int, str, str | None], Span] = {}
    for span in spans:
        if span.annotator == CURATION:
            curated[_key(span)] = span
        elif span.annotator is not None and span.origin != "suggested":
            layers.setdefault(span.annotator, []).append(span)
    names = sorted(layers)
    by_key: dict[tuple[int, int, str, str | None], list[Span]] = {}
    for name in names:
        for span in layers[name]:
            by_key.setdefault(_key(span), []).append(span)
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
    out.sort(key=lambda c: (c.start, c.end, c.label, c.value or ""))
    return names, out


@dataclass(frozen=True, slots=True)
class Ref:
    """What an event's trigger or role points at, by place and label (never by id)."""

    start: int
    end: int
    label: str
    text: str
    attrs: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def span(self) -> Span:
        """The curated span this reference needs."""
        return Span(start=self.start, end=self.end, label=self.label, text=self.text,
                    annotator=CURATION, attrs=dict(self.attrs))


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """One event some annotator (or the curator) made, and whether it starts accepted.

    ``roles`` are (role name, reference) pairs in a fixed order, so two annotators' events
    with the same roles compare equal whatever order they were filled in.
    """

    type: str
    trigger: Ref | None
    roles: tuple[tuple[str, Ref], ...]
    annotators: tuple[str, ...]
    agreed: bool
    accepted: bool

    @property
    def key(self) -> tuple[object, ...]:
        return (self.type, self.trigger, self.roles)

    def refs(self) -> list[Ref]:
        """Every span the event needs: the trigger, then the roles' targets."""
        out = [] if self.trigger is None else [self.trigger]
        return out + [ref for _, ref in self.roles]


def _ref(span: Span) -> Ref:
    return Ref(span.start, span.end, span.label, span.text, dict(span.attrs))


def _owner(document: Document, event: Event) -> str | None:
    """Whose event it is: the annotator of the spans it is built on (None: mixed or unowned)."""
    indexes = [i for refs in event.roles.values() for i in refs]
    if event.trigger is not None:
        indexes.append(event.trigger)
    owners = {document.spans[i].annotator for i in indexes}
    return owners.pop() if len(owners) == 1 else None


def event_candidates(document: Document, names: Iterable[str]) -> list[EventCandidate]:
    """The events of ``document`` (loaded for every annotator) as candidates.

    ``names`` are the annotators compared (``candidates`` gives them). An event is agreed when
    all of them made it; the curation layer's events decide what starts accepted, as for spans.
    """
    people = sorted(names)
    made: dict[tuple[object, ...], set[str]] = {}
    shape: dict[tuple[object, ...], EventCandidate] = {}
    curated: set[tuple[object, ...]] = set()
    for event in document.events:
        owner = _owner(document, event)
        if owner is None:
            continue
        if owner != CURATION and owner not in people:
            continue
        trigger = None if event.trigger is None else _ref(document.spans[event.trigger])
        roles = tuple(sorted(
            ((role, _ref(document.spans[i])) for role, refs in event.roles.items() for i in refs),
            key=lambda r: (r[0], r[1].start, r[1].end, r[1].label),
        ))
        candidate = EventCandidate(event.type, trigger, roles, (), False, False)
        shape.setdefault(candidate.key, candidate)
        if owner == CURATION:
            curated.add(candidate.key)
        else:
            made.setdefault(candidate.key, set()).add(owner)
    out: list[EventCandidate] = []
    for key, base in shape.items():
        who = tuple(sorted(made.get(key, set())))
        agreed = bool(people) and len(who) == len(people)
        accepted = (key in curated) if curated else agreed
        out.append(EventCandidate(base.type, base.trigger, base.roles, who, agreed, accepted))
    out.sort(key=lambda c: (
        c.trigger.start if c.trigger else min((r.start for _, r in c.roles), default=0),
        c.type, len(c.roles),
    ))
    return out


def curated_layer(
    spans: Iterable[Span], events: Iterable[EventCandidate]
) -> tuple[list[Span], list[Event]]:
    """The curated spans (with every span a kept event needs) and the events over them.

    Spans are deduplicated by place and label (the first kept wins, so a date kept with one
    annotator's value keeps that value); event roles become indexes into the returned spans.
    """
    by_key: dict[tuple[int, int, str], Span] = {}
    for span in spans:
        by_key.setdefault(span.key, span)
    kept = list(events)
    for event in kept:
        for ref in event.refs():
            by_key.setdefault((ref.start, ref.end, ref.label), ref.span())
    ordered = sorted(by_key.values(), key=lambda s: (s.start, s.end, s.label))
    index = {s.key: i for i, s in enumerate(ordered)}
    out_events: list[Event] = []
    for event in kept:
        roles: dict[str, list[int]] = {}
        for role, ref in event.roles:
            roles.setdefault(role, []).append(index[(ref.start, ref.end, ref.label)])
        trigger = (
            None if event.trigger is None
            else index[(event.trigger.start, event.trigger.end, event.trigger.label)]
        )
        out_events.append(
            Event(type=event.type, roles={k: tuple(v) for k, v in roles.items()},
                  trigger=trigger)
        )
    return ordered, out_events
