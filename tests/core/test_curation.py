"""Curation candidates from several annotators' spans."""

from __future__ import annotations

from annotator.core.curation import CURATION, candidates
from annotator.core.model import Span, make_span

TEXT = "قصفت الطائرات مدينة حلب أمس"


def _s(start: int, end: int, label: str, who: str | None, **kw: object) -> Span:
    return make_span(TEXT, start, end, label, annotator=who, **kw)  # type: ignore[arg-type]


def test_agreed_spans_start_accepted_and_disagreements_do_not() -> None:
    spans = [
        _s(5, 13, "ACTOR", "amal"), _s(5, 13, "ACTOR", "badr"),
        _s(20, 23, "LOCATION", "amal"), _s(14, 23, "LOCATION", "badr"),
        _s(24, 27, "DATE", "badr", attrs={"value": "2024-10-23"}),
        _s(0, 4, "TARGET", None),  # unowned (imported): nobody's decision
        _s(0, 4, "ACTOR", "carim", origin="suggested"),  # a suggestion nobody reviewed
    ]
    names, found = candidates(spans)
    assert names == ["amal", "badr"]
    assert [(c.text, c.label, c.annotators, c.agreed, c.accepted) for c in found] == [
        ("الطائرات", "ACTOR", ("amal", "badr"), True, True),
        ("مدينة حلب", "LOCATION", ("badr",), False, False),
        ("حلب", "LOCATION", ("amal",), False, False),
        ("أمس", "DATE", ("badr",), False, False),
    ]
    date = found[-1].span()
    assert date.annotator == CURATION and dict(date.attrs) == {"value": "2024-10-23"}
    assert found[0].span("TARGET").label == "TARGET"


def test_a_stored_curation_decides_what_starts_accepted() -> None:
    spans = [
        _s(5, 13, "ACTOR", "amal"), _s(5, 13, "ACTOR", "badr"),
        _s(20, 23, "LOCATION", "amal"),
        _s(20, 23, "LOCATION", CURATION), _s(24, 27, "DATE", CURATION),
    ]
    names, found = candidates(spans)
    assert names == ["amal", "badr"]
    assert [(c.text, c.annotators, c.accepted) for c in found] == [
        ("الطائرات", ("amal", "badr"), False),  # the curator dropped it
        ("حلب", ("amal",), True),
        ("أمس", (), True),  # only the curator made it
    ]


def test_events_compare_by_type_and_roles_whatever_their_order_or_ids() -> None:
    from annotator.core.curation import curated_layer, event_candidates
    from annotator.core.model import Document, Event

    spans = (
        _s(5, 13, "ACTOR", "amal"), _s(20, 23, "LOCATION", "amal"),
        _s(5, 13, "ACTOR", "badr"), _s(20, 23, "LOCATION", "badr"),
        _s(14, 23, "LOCATION", "carim"), _s(5, 13, "ACTOR", "carim"),
    )
    events = (
        Event(type="Attack", roles={"actor": (0,), "location": (1,)}),
        Event(type="Attack", roles={"location": (3,), "actor": (2,)}),  # other order
        Event(type="Attack", roles={"actor": (5,), "location": (4,)}),  # other place
    )
    doc = Document(name="d", text=TEXT, spans=spans, events=events)
    found = event_candidates(doc, ["amal", "badr", "carim"])
    assert [(e.annotators, e.agreed, e.accepted) for e in found] == [
        (("amal", "badr"), False, False), (("carim",), False, False)
    ]
    assert [(role, ref.text) for role, ref in found[0].roles] == [
        ("actor", "الطائرات"), ("location", "حلب")
    ]
    # Keeping carim's event brings its spans; the event points at them by index.
    layer, kept = curated_layer([], [found[1]])
    assert [(s.text, s.annotator) for s in layer] == [
        ("الطائرات", CURATION), ("مدينة حلب", CURATION)
    ]
    assert kept == [Event(type="Attack", roles={"actor": (0,), "location": (1,)})]
    assert dict(kept[0].roles) == {"actor": (0,), "location": (1,)}


def test_a_date_read_differently_is_two_candidates() -> None:
    names, found = candidates([
        _s(24, 27, "DATE", "amal", attrs={"value": "2024-10-23"}),
        _s(24, 27, "DATE", "badr", attrs={"value": "2024-10-22"}),
    ])
    assert [(c.value, c.annotators, c.agreed) for c in found] == [
        ("2024-10-22", ("badr",), False), ("2024-10-23", ("amal",), False)
    ]
    assert names == ["amal", "badr"]
