"""DATE values and the publication date through the project's JSONL and its JSON Schema."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from annotator.core.dates import normalize_date
from annotator.core.model import Document, make_span
from annotator.core.publication import published_of
from annotator.formats import FORMATS, WriteOptions
from annotator.paths import data_dir

TEXT = "وفي بداية الشهر الماضي شنت طائرات غارة، وفي 4 أكتوبر قصف آخر."


def dated_document() -> Document:
    published = {"published": "2024-10-28"}
    spans = []
    for phrase, by in (("بداية الشهر الماضي", "auto"), ("4 أكتوبر", "annotator")):
        at = TEXT.index(phrase)
        value = normalize_date(phrase, published_of(published))
        assert value is not None
        spans.append(make_span(TEXT, at, at + len(phrase), "DATE",
                               attrs={**value.attrs(), "normalized_by": by}))
    return Document(name="d", text=TEXT, meta=published, spans=tuple(spans))


def test_date_attrs_and_publication_date_round_trip_byte_for_byte(
        tmp_path: Path, check_jsonl: Callable[[Path], int]) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    FORMATS["jsonl"].write([dated_document()], first, WriteOptions())
    assert check_jsonl(first) == 1
    record = json.loads(first.read_text(encoding="utf-8"))
    assert record["meta"] == {"published": "2024-10-28"}
    assert [s["attrs"] for s in record["spans"]] == [
        {"value": "2024-09", "precision": "month", "mod": "START", "normalized_by": "auto"},
        {"value": "2024-10-04", "precision": "day", "normalized_by": "annotator"}]
    result = FORMATS["jsonl"].read(first)
    assert result.problems == []
    FORMATS["jsonl"].write([d.document for d in result.documents], second, WriteOptions())
    assert second.read_bytes() == first.read_bytes()


@pytest.mark.parametrize(("where", "bad"), [
    ("meta", {"published": "28/10/2024"}),
    ("meta", {"published_guessed": "yes"}),
    ("attrs", {"value": "2024-10", "precision": "month", "mod": "LATE"}),
    ("attrs", {"value": "October 2024", "precision": "month"}),
    ("attrs", {"value": "2024-10", "precision": "fortnight"}),
])
def test_json_schema_refuses_bad_date_fields(where: str, bad: dict[str, object]) -> None:
    schema = json.loads((data_dir("schema") / "annotator-jsonl.schema.json").read_text("utf-8"))
    record = {"id": "d", "text": "في 4 أكتوبر", "meta": {}, "status": "new", "annotator": None,
              "spans": [{"id": "s1", "start": 3, "end": 11, "label": "DATE", "text": "4 أكتوبر",
                         "attrs": {}}], "events": []}
    jsonschema.validate(record, schema)
    if where == "meta":
        record["meta"] = bad
    else:
        record["spans"][0]["attrs"] = bad  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, schema)
