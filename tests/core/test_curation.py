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
