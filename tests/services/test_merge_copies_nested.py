"""Two copies of one text in one import are merged: nested events keep pointing at the right
events once the lists are joined (an argument event both copies have is kept once)."""

from __future__ import annotations

from annotator.core.model import Document, Event, make_span
from annotator.services.importing import merge_copies

TEXT = "قصف التحالف مواقع الحرس، ثم ردّ الحرس بهجوم."


def _doc(events: tuple[Event, ...], *labels: tuple[str, str]) -> Document:
    spans = tuple(make_span(TEXT, TEXT.index(w), TEXT.index(w) + len(w), label)
                  for w, label in labels)
    return Document(name="a", text=TEXT, spans=spans, events=events)


def test_nested_events_follow_their_argument_into_the_merged_list() -> None:
    first = _doc((Event("Air/drone strike", {"actor": (0,)}),), ("التحالف", "ACTOR"))
    # The other copy lists its spans the other way round, its reply before the strike it
    # names, and the same strike as the first copy.
    other = _doc((
        Event("Attack", {"actor": (0,)}, event_args={"cause": (1,)}),
        Event("Air/drone strike", {"actor": (1,)}),
    ), ("ردّ", "ACTOR"), ("التحالف", "ACTOR"))
    merged = merge_copies(first, other)
    assert [s.text for s in merged.spans] == ["التحالف", "ردّ"]
    assert [e.type for e in merged.events] == ["Air/drone strike", "Attack"]
    reply = merged.events[1]
    assert dict(reply.event_args) == {"cause": (0,)}  # the strike both copies have
    assert [merged.spans[i].text for i in reply.roles["actor"]] == ["ردّ"]
    # The same merge again adds nothing: nested events compare as whole trees.
    assert merge_copies(merged, other) is merged


def test_a_reply_to_a_different_cause_is_another_event() -> None:
    strike = Event("Air/drone strike", {"actor": (0,)})
    first = _doc((strike, Event("Attack", {}, trigger=0, event_args={"cause": (0,)})),
                 ("التحالف", "ACTOR"))
    other = _doc((Event("Armed clash", {"actor": (0,)}),
                  Event("Attack", {}, trigger=0, event_args={"cause": (0,)})),
                 ("التحالف", "ACTOR"))
    merged = merge_copies(first, other)
    assert [e.type for e in merged.events] == ["Air/drone strike", "Attack", "Armed clash",
                                               "Attack"]
    assert dict(merged.events[3].event_args) == {"cause": (2,)}
