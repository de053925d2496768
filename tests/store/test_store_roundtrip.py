"""What goes into the store comes out identical: the seeds with random spans, any Unicode text."""

from __future__ import annotations

import random
import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import DocStatus, Document, Event, LabelSchema, Span, make_span
from annotator.store.repository import Repository

LABELS = ("ACTOR", "TARGET", "LOCATION", "DATE")
_STATUSES: list[DocStatus] = ["new", "in_progress", "done", "skipped"]


def _comparable(doc: Document) -> tuple[Any, ...]:
    """Everything a user put in (ids are assigned by the store)."""
    spans = tuple(
        (s.start, s.end, s.label, s.text, s.annotator, s.origin, dict(s.attrs))
        for s in doc.spans
    )
    events = tuple(
        (
            e.type,
            {role: tuple(doc.spans[i].key for i in idx) for role, idx in e.roles.items()},
            None if e.trigger is None else doc.spans[e.trigger].key,
            dict(e.attrs),
        )
        for e in doc.events
    )
    return (doc.name, doc.text, dict(doc.meta), doc.status, spans, events)


def _sorted_spans(doc: Document) -> Document:
    """The same document with spans in the store's order, events re-pointed."""
    order = sorted(range(len(doc.spans)), key=lambda i: (*doc.spans[i].key, i))
    where = {old: new for new, old in enumerate(order)}
    events = tuple(
        Event(
            type=e.type,
            roles={r: tuple(where[i] for i in idx) for r, idx in e.roles.items()},
            trigger=None if e.trigger is None else where[e.trigger],
            attrs=e.attrs,
        )
        for e in doc.events
    )
    return Document(name=doc.name, text=doc.text, meta=doc.meta, status=doc.status,
                    spans=tuple(doc.spans[i] for i in order), events=events)


def _random_spans(rng: random.Random, text: str, count: int) -> list[Span]:
    spans = []
    for _ in range(count):
        start = rng.randrange(len(text) - 1)
        end = rng.randint(start + 1, min(len(text), start + 40))
        attrs: dict[str, Any] = {}
        if rng.random() < 0.3:
            attrs = {"value": f"2024-{rng.randint(1, 12):02d}", "precision": "month",
                     "n": rng.randint(-5, 5), "ok": rng.random() < 0.5, "nested": {"x": [1, None]}}
        spans.append(
            make_span(text, start, end, rng.choice(LABELS),
                      annotator=rng.choice(["amal", "bob", "سارة"]),
                      origin=rng.choice(["manual", "imported", "suggested"]), attrs=attrs)
        )
    return spans


def test_seeds_with_random_spans_round_trip(
    repo: Repository, project: int, seed_texts: dict[str, str]
) -> None:
    rng = random.Random(20241024)
    docs = []
    for name, text in seed_texts.items():
        spans = _random_spans(rng, text, 50)
        events = tuple(
            Event(type="Armed clash", roles={"actor": (rng.randrange(50),),
                                             "target": (rng.randrange(50), rng.randrange(50))},
                  trigger=rng.randrange(50), attrs={"i": k})
            for k in range(3)
        )
        docs.append(Document(name=name, text=text, meta={"source": "seed", "file": name},
                             status=rng.choice(["new", "done"]), spans=tuple(spans),
                             events=events))
    ids = repo.add_documents(project, docs[:3]).added
    # The other two go in span by span, as an annotator would add them.
    for doc in docs[3:]:
        bare = Document(name=doc.name, text=doc.text, meta=doc.meta, status=doc.status)
        doc_id = repo.add_documents(project, [bare]).added[0]
        ids.append(doc_id)
        for span in doc.spans:
            repo.add_span(doc_id, span, annotator=span.annotator or "amal")
    total = sum(len(d.spans) for d in docs)
    assert total == 250 and repo.stats(project)["spans"] == total
    for doc_id, doc in zip(ids[:3], docs[:3], strict=True):
        assert _comparable(repo.get_document(doc_id)) == _comparable(_sorted_spans(doc))
    for doc_id, doc in zip(ids[3:], docs[3:], strict=True):
        stored = repo.get_document(doc_id)
        assert _comparable(stored) == _comparable(_sorted_spans(
            Document(name=doc.name, text=doc.text, meta=doc.meta, status=doc.status,
                     spans=doc.spans)))
    exported = list(repo.iter_documents(project, batch_size=2))
    assert [d.id for d in exported] == ids
    for d in exported:
        assert all(d.text[s.start : s.end] == s.text for s in d.spans)
        assert d == repo.get_document(d.id or 0)


# Text from every plane (no surrogates, no NUL, no \r: documents are newline-normalized), with
# emoji, bidi controls and Arabic mixed in on purpose.
_SPECIAL = ["\u200f", "\u200e", "\u202b", "\u202c", "\u2067", "\u2069", "\u061c", "👩🏽‍🚒",
            "🇸🇾", "\U0001d400", "\U00020000", "\U000e0001", "\U0010fffd", "ـ", "ً", "\n",
            "دير الزور"]
_TEXT = st.lists(
    st.one_of(
        st.characters(codec="utf-8", exclude_characters="\r\x00"),
        st.sampled_from(_SPECIAL),
    ),
    min_size=1,
    max_size=80,
).map("".join)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(
        st.characters(codec="utf-8", exclude_characters="\x00"), max_size=10),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(st.characters(codec="utf-8", exclude_characters="\x00"),
                              max_size=5),
                      inner, max_size=3),
    max_leaves=6,
)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = draw(_TEXT)
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        attrs = draw(st.dictionaries(st.sampled_from(["value", "note", "ق"]), _JSON, max_size=2))
        spans.append(make_span(text, start, end, draw(st.sampled_from(LABELS)),
                               annotator=draw(st.sampled_from(["amal", "Ω", None])),
                               origin=draw(st.sampled_from(["manual", "imported", "suggested"])),
                               attrs=attrs))
    meta = draw(st.dictionaries(st.sampled_from(["source", "url", "published"]), _JSON,
                                max_size=3))
    status = draw(st.sampled_from(_STATUSES))
    return Document(name=draw(_TEXT), text=text, meta=meta, status=status, spans=tuple(spans))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents())
def test_any_document_round_trips_exactly(
    repo: Repository, schema: LabelSchema, doc: Document
) -> None:
    # A project per example: the same text drawn twice must not count as a duplicate.
    project = repo.create_project(uuid.uuid4().hex, schema)
    doc_id = repo.add_documents(project, [doc]).added[0]
    stored = repo.get_document(doc_id)
    assert stored.text == doc.text and len(stored.text) == len(doc.text)
    assert _comparable(stored) == _comparable(_sorted_spans(doc))
    for span in stored.spans:
        assert stored.text[span.start : span.end] == span.text
