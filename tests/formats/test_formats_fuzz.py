"""Readers never crash on malformed input: they return problems or raise FormatError."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.formats import FORMATS, FormatError, ReadResult

_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 60), st.floats(allow_nan=False),
                     st.sampled_from(["", "قصف", "ACTOR", "s1", "text", "labels", "start"]))
_KEYS = st.sampled_from(["id", "text", "spans", "events", "start", "end", "label", "labels",
                         "attrs", "meta", "status", "annotator", "trigger", "roles", "type",
                         "entities", "relations", "from_id", "to_id", "start_offset",
                         "end_offset", "data", "annotations", "predictions", "result", "value",
                         "origin", "completed_by", "was_cancelled"])
JSON = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=6)), max_leaves=25)


def _read(fmt: str, path: Path) -> None:
    try:
        result = FORMATS[fmt].read(path)
    except FormatError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
        return
    assert isinstance(result, ReadResult)
    for sourced in result.documents:
        doc = sourced.document
        for span in doc.spans:
            assert doc.text[span.start:span.end] == span.text
        for event in doc.events:
            assert all(0 <= i < len(doc.spans) for idx in event.roles.values() for i in idx)


@pytest.mark.parametrize("fmt", ["jsonl", "doccano"])
@given(records=st.lists(JSON, min_size=1, max_size=4))
def test_jsonl_readers_survive_any_json(fmt: str, records: list[object]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.jsonl"
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                        encoding="utf-8")
        _read(fmt, path)


@given(tasks=JSON)
def test_label_studio_reader_survives_any_json(tasks: object) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.json"
        path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
        _read("labelstudio", path)


_LINE = st.lists(st.sampled_from(["T1", "T2", "E1", "A1", "R1", "#1", "\t", " ", ":", ";",
                                  "ACTOR", "0", "3", "9", "قصف", "Arg1:T1", "Actor:T2",
                                  "AnnotatorNotes", "-DOCSTART-", "O", "B-ACTOR", "I-X", "-X-",
                                  "_", "E-ACTOR", "text", ",", '"', "\n"]),
                 max_size=12).map("".join)


@pytest.mark.parametrize("fmt", ["brat", "conll", "csv"])
@given(content=st.lists(_LINE, min_size=1, max_size=8).map("\n".join))
def test_line_readers_survive_any_lines(fmt: str, content: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        if fmt == "brat":
            (Path(tmp) / "a.txt").write_text("قصف على دير الزور", encoding="utf-8")
            path = Path(tmp) / "a.ann"
        else:
            path = Path(tmp) / f"a.{fmt}"
        path.write_text(content, encoding="utf-8")
        _read(fmt, path)


_TEXT = "قصف على دير الزور"


@st.composite
def _skeletons(draw: st.DrawFn, fmt: str) -> dict[str, Any]:
    """A record with a good text and random everything else, to reach the deeper checks."""
    if fmt == "jsonl":
        return {"id": draw(JSON), "text": _TEXT, "spans": draw(JSON), "events": draw(JSON),
                "meta": draw(JSON), "status": draw(JSON), "annotator": draw(JSON)}
    if fmt == "doccano":
        key = draw(st.sampled_from(["label", "labels", "entities"]))
        return {"text": _TEXT, key: draw(JSON), "relations": draw(JSON)}
    return {"id": draw(JSON), "data": {"text": _TEXT}, "meta": draw(JSON),
            "annotations": draw(JSON), "predictions": draw(JSON)}


_SPAN_LIKE = st.fixed_dictionaries(
    {"id": st.sampled_from(["s1", "s2", 0, 1]), "start": st.integers(-1, 20),
     "end": st.integers(0, 20), "start_offset": st.integers(0, 20),
     "end_offset": st.integers(0, 20), "label": st.sampled_from(["ACTOR", "", 3]),
     "labels": st.sampled_from([["ACTOR"], [], "ACTOR"])},
    optional={"text": st.sampled_from(["دير", "قصف", 5]), "attrs": JSON,
              "value": st.fixed_dictionaries({"start": st.integers(0, 20),
                                              "end": st.integers(0, 20),
                                              "labels": st.sampled_from([["X"], "X"])})})


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "labelstudio"])
@given(data=st.data())
def test_json_readers_survive_bad_parts_of_good_records(fmt: str, data: st.DataObject) -> None:
    record = data.draw(_skeletons(fmt))
    # Now and then, lists of span-like objects where the random parts go.
    if data.draw(st.booleans()):
        spans: list[Any] = data.draw(st.lists(_SPAN_LIKE, max_size=3))
        if fmt == "jsonl":
            record["spans"] = spans
        elif fmt == "doccano":
            record["entities"] = spans
            record["relations"] = [{"from_id": 0, "to_id": data.draw(JSON),
                                    "type": data.draw(JSON)}]
        else:
            relation = {"type": "relation", "from_id": "s1", "to_id": "s2",
                        "labels": data.draw(JSON)}
            record["annotations"] = [{"result": [*spans, relation]}]
    content: object = [record] if fmt == "labelstudio" else record
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("x.json" if fmt == "labelstudio" else "x.jsonl")
        path.write_text(json.dumps(content, ensure_ascii=False) + "\n", encoding="utf-8")
        _read(fmt, path)
