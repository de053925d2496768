"""Format tests: the golden corpus (the seed articles with a fixed set of spans and events)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from annotator.core.model import Document, Event, Span, make_span
from annotator.paths import data_dir


def _at(text: str, phrase: str, label: str, *, nth: int = 1, inside: str | None = None,
        **kwargs: object) -> Span:
    """The ``nth`` occurrence of ``phrase`` (within the first ``inside`` if given)."""
    base = text.index(inside) if inside else 0
    pos = base - 1
    for _ in range(nth):
        pos = text.index(phrase, pos + 1)
    return make_span(text, pos, pos + len(phrase), label, **kwargs)


def golden_documents(seed_texts: dict[str, str]) -> list[Document]:
    """Seeds with spans of all four labels: one inside a token, a nested pair, one over an
    obfuscated word, a DATE with attributes, and an event over them."""
    names = sorted(seed_texts)
    t0, t1, t3 = seed_texts[names[0]], seed_texts[names[1]], seed_texts[names[3]]
    s0 = [
        _at(t0, "دير الزور", "LOCATION", annotator="amal"),
        _at(t0, "التحالف الدولي", "ACTOR", annotator="amal"),
        # Nested pair: a TARGET holding a LOCATION.
        _at(t0, "الميليشيات المدعومة من إيران", "TARGET", annotator="amal"),
        _at(t0, "إيران", "LOCATION", annotator="amal"),
        # Inside the token "بالمدينة".
        _at(t0, "المدينة", "LOCATION", inside="بالمدينة", annotator="amal"),
        _at(t0, "شهر أكتوبر", "DATE", annotator="amal",
            attrs={"value": "2024-10", "precision": "month", "normalized_by": "annotator"}),
    ]
    e0 = (Event(type="Air/drone strike",
                roles={"actor": (1,), "target": (2,), "location": (0,), "date": (5,)}),)
    s1 = [
        _at(t1, "ديرالزور", "LOCATION", annotator="amal"),
        _at(t1, "الثلاثاء الماضي", "DATE", annotator="omar", origin="suggested"),
        _at(t1, "الحرس الثوري", "TARGET", annotator="omar"),
    ]
    s3 = [
        # Over obfuscated words: one token each in the text core.
        _at(t3, "فيــ.لق القدس", "ACTOR"),
        _at(t3, "دونالد ترامب", "ACTOR"),
    ]
    docs = []
    for name in names:
        text = seed_texts[name]
        spans: list[Span] = []
        events: tuple[Event, ...] = ()
        meta: dict[str, object] = {"source": "SY24"}
        status = "new"
        if name == names[0]:
            spans, events, status = s0, e0, "done"
            meta["published"] = "2024-10-28"
        elif name == names[1]:
            spans, status = s1, "in_progress"
        elif name == names[3]:
            spans, status = s3, "done"
        docs.append(Document(name=name, text=text, meta=meta, status=status,  # type: ignore[arg-type]
                             spans=tuple(spans), events=events))
    return docs


@pytest.fixture(scope="session")
def golden_docs(seed_texts: dict[str, str]) -> list[Document]:
    """The seeds with the golden spans and events."""
    return golden_documents(seed_texts)


@pytest.fixture(scope="session")
def check_jsonl() -> Callable[[Path], int]:
    """Validate every line of a JSONL export against the project's JSON Schema; line count."""
    schema = json.loads((data_dir("schema") / "annotator-jsonl.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)

    def check(path: Path) -> int:
        # "\n" only: U+2028 and friends may sit inside JSON strings, and splitlines() cuts there.
        lines = path.read_text(encoding="utf-8").split("\n")[:-1]
        for n, line in enumerate(lines, 1):
            errors = [e.message for e in validator.iter_errors(json.loads(line))]
            assert errors == [], f"{path}:{n}: {errors}"
        return len(lines)

    return check
