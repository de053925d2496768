"""Core model helpers: offsets checks, newline maps, leaving suggestions out of a document."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.model import (
    Document,
    Event,
    OffsetError,
    Span,
    check_offsets,
    cycle_message,
    event_cycle,
    frames_of,
    make_span,
    newline_offset_map,
    normalize_newlines,
    without_suggestions,
)

TEXT = "قصف التحالف الدولي دير الزور أمس"


def _span(word: str, label: str, origin: str = "manual") -> Span:
    start = TEXT.index(word)
    return make_span(TEXT, start, start + len(word), label, origin=origin)  # type: ignore[arg-type]


def test_without_suggestions_repoints_events_to_the_spans_that_stay() -> None:
    spans = (
        _span("التحالف الدولي", "ACTOR"),
        _span("دير الزور", "LOCATION", "suggested"),
        _span("أمس", "DATE"),
    )
    event = Event(type="Air/drone strike", roles={"actor": (0,), "location": (1,), "date": (2,)},
                  trigger=1)
    doc = Document(name="d", text=TEXT, spans=spans, events=(event,))
    kept, dropped = without_suggestions(doc)
    assert dropped == 1
    assert [s.text for s in kept.spans] == ["التحالف الدولي", "أمس"]
    (moved,) = kept.events
    assert dict(moved.roles) == {"actor": (0,), "date": (1,)}
    assert moved.trigger is None
    for role, refs in moved.roles.items():
        for i in refs:
            assert kept.spans[i].text == doc.spans[dict(event.roles)[role][0]].text


def test_without_suggestions_leaves_a_reviewed_document_untouched() -> None:
    doc = Document(name="d", text=TEXT, spans=(_span("أمس", "DATE", "imported"),))
    assert without_suggestions(doc) == (doc, 0)


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 3), (5, 2), (0, len(TEXT) + 1)])
def test_offsets_outside_the_text_are_refused(start: int, end: int) -> None:
    with pytest.raises(OffsetError):
        check_offsets(TEXT, start, end)


def test_span_text_must_match_its_offsets() -> None:
    with pytest.raises(OffsetError, match="does not match"):
        check_offsets(TEXT, 0, 3, "غير")


@given(st.text(alphabet=st.sampled_from(list("ab\r\n😀د")), max_size=40))
def test_newline_map_points_each_offset_at_the_same_character(raw: str) -> None:
    text = normalize_newlines(raw)
    mapping = newline_offset_map(raw)
    assert len(mapping) == len(raw) + 1
    assert mapping[-1] == len(text)
    for i, ch in enumerate(raw):
        if ch == "\r":
            assert text[mapping[i]] == "\n"
        else:
            assert text[mapping[i]] == ch


def test_event_cycle_finds_self_references_and_loops_in_order() -> None:
    assert event_cycle({0: [0]}) == (0,)
    assert event_cycle({0: [1], 1: [2], 2: [1]}) == (1, 2)
    # A tree (a cause of a cause, two events naming one) is no cycle.
    assert event_cycle({0: [1, 2], 1: [2], 2: []}) is None
    assert event_cycle({}) is None
    assert cycle_message(("E1",)) == "event E1 has itself as an argument"
    assert cycle_message(("e1", "e2")) == "events e1 -> e2 -> e1 are each other's arguments " \
                                          "(a cycle)"


def test_frames_of_gives_event_arguments_as_event_ids() -> None:
    text = "قصف ثم رد"
    spans = (make_span(text, 0, 3, "ACTOR", id=11), make_span(text, 7, 9, "ACTOR", id=12))
    events = (Event("Attack", {"actor": (1,)}, id=5, event_args={"cause": (1,)}),
              Event("Attack", {"actor": (0,)}, id=7))
    (reply, strike) = frames_of(Document(name="d", text=text, spans=spans, events=events))
    assert dict(reply.event_args) == {"cause": (7,)} and reply.event_ids() == {7}
    assert dict(reply.roles) == {"actor": (12,)} and not strike.event_args
