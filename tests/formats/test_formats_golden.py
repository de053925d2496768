"""Every format on the golden corpus: committed golden files, and write -> read -> write."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from annotator.core.model import Document, Event, make_span
from annotator.formats import FORMATS, WriteOptions
from annotator.paths import data_dir

GOLDEN = Path(__file__).parent / "golden"
# Regenerate after a deliberate format change: ANNOTATOR_UPDATE_GOLDEN=1 pytest tests/formats
UPDATE = os.environ.get("ANNOTATOR_UPDATE_GOLDEN") == "1"

# (case name, format, output name, options)
CASES: list[tuple[str, str, str, WriteOptions]] = [
    ("jsonl", "jsonl", "corpus.jsonl", WriteOptions()),
    ("doccano", "doccano", "corpus.jsonl", WriteOptions()),
    ("labelstudio", "labelstudio", "corpus.json", WriteOptions()),
    ("brat", "brat", "corpus", WriteOptions()),
    ("csv", "csv", "corpus.csv", WriteOptions()),
    ("txt", "txt", "corpus", WriteOptions()),
    ("conll", "conll", "corpus.conll", WriteOptions()),
    ("conll-4col-bioes", "conll", "corpus.conll", WriteOptions(conll_columns=4, scheme="bioes")),
    ("conll-nested", "conll", "corpus.conll", WriteOptions(nested=True)),
    ("conll-whole-tokens", "conll", "corpus.conll", WriteOptions(whole_tokens=True)),
    ("hf", "hf", "corpus.jsonl", WriteOptions()),
    ("events", "events", "events.csv", WriteOptions()),
    ("webanno", "webanno", "corpus", WriteOptions()),
    ("prodigy", "prodigy", "corpus.jsonl", WriteOptions()),
]
READABLE = [c for c in CASES if FORMATS[c[1]].can_read]


def _files(out: Path) -> dict[str, bytes]:
    """Every file an export produced (a folder's files, or the file and its siblings)."""
    if out.is_dir():
        return {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    return {p.name: p.read_bytes() for p in sorted(out.parent.iterdir()) if p.is_file()}


@pytest.mark.parametrize(("case", "fmt", "name", "options"), CASES, ids=[c[0] for c in CASES])
def test_output_matches_golden_files(
    tmp_path: Path, golden_docs: list[Document], case: str, fmt: str, name: str,
    options: WriteOptions,
) -> None:
    out = tmp_path / name
    FORMATS[fmt].write(golden_docs, out, options)
    produced = _files(out)
    golden = GOLDEN / case
    if UPDATE:
        shutil.rmtree(golden, ignore_errors=True)
        golden.mkdir(parents=True)
        for fname, data in produced.items():
            (golden / fname).write_bytes(data)
    expected = {p.name: p.read_bytes() for p in sorted(golden.iterdir())}
    assert sorted(produced) == sorted(expected)
    for fname, data in produced.items():
        assert data == expected[fname], f"{case}/{fname} differs from the golden file"


@pytest.mark.parametrize(("case", "fmt", "name", "options"), READABLE,
                         ids=[c[0] for c in READABLE])
def test_write_read_write_gives_identical_bytes(
    tmp_path: Path, golden_docs: list[Document], case: str, fmt: str, name: str,
    options: WriteOptions, check_jsonl: Callable[[Path], int],
) -> None:
    first = tmp_path / "a" / name
    FORMATS[fmt].write(golden_docs, first, options)
    if fmt == "jsonl":
        assert check_jsonl(first) == len(golden_docs)
    result = FORMATS[fmt].read(first)
    assert result.problems == []
    assert len(result.documents) == len(golden_docs)
    second = tmp_path / "b" / name
    FORMATS[fmt].write([d.document for d in result.documents], second, options)
    assert _files(second) == _files(first)


def _span_view(doc: Document) -> list[tuple[object, ...]]:
    return [(s.start, s.end, s.label, s.text, s.annotator, s.origin, dict(s.attrs))
            for s in doc.spans]


def test_jsonl_keeps_everything(tmp_path: Path, golden_docs: list[Document]) -> None:
    out = tmp_path / "c.jsonl"
    FORMATS["jsonl"].write(golden_docs, out, WriteOptions())
    back = [d.document for d in FORMATS["jsonl"].read(out).documents]
    for doc, got in zip(golden_docs, back, strict=True):
        assert (got.name, got.text, dict(got.meta), got.status) == (
            doc.name, doc.text, dict(doc.meta), doc.status)
        # Everything read from a file is "imported", except suggestions.
        expected = [(s.start, s.end, s.label, s.text, s.annotator,
                     "suggested" if s.origin == "suggested" else "imported", dict(s.attrs))
                    for s in doc.spans]
        assert _span_view(got) == expected
        assert [(e.type, dict(e.roles), e.trigger) for e in got.events] == [
            (e.type, dict(e.roles), e.trigger) for e in doc.events]


def test_jsonl_key_order_is_the_documented_one(tmp_path: Path,
                                               golden_docs: list[Document]) -> None:
    out = tmp_path / "c.jsonl"
    FORMATS["jsonl"].write(golden_docs, out, WriteOptions())
    first = json.loads(out.read_text(encoding="utf-8").split("\n")[0])
    assert list(first) == ["id", "text", "meta", "status", "annotator", "spans", "events"]
    assert list(first["spans"][0]) == ["id", "start", "end", "label", "text", "attrs"]
    assert list(first["events"][0]) == ["id", "type", "trigger", "roles"]
    assert first["annotator"] == "amal"


def test_every_jsonl_export_validates_against_the_schema(
    tmp_path: Path, golden_docs: list[Document], check_jsonl: Callable[[Path], int]
) -> None:
    out = tmp_path / "c.jsonl"
    FORMATS["jsonl"].write(golden_docs, out, WriteOptions())
    assert check_jsonl(out) == len(golden_docs)
    # A span by someone else than the document's annotator, an event with attributes.
    doc = golden_docs[0]
    extra = make_span(doc.text, 0, 4, "ACTOR", annotator="omar")
    mixed = Document(name="m", text=doc.text, spans=(*doc.spans, extra), events=(
        Event(type="Armed clash", roles={"actor": (6,)}, trigger=0, attrs={"n": 1}),))
    FORMATS["jsonl"].write([mixed], out, WriteOptions())
    assert check_jsonl(out) == 1
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["annotator"] is None
    assert record["spans"][6]["annotator"] == "omar" and record["events"][0]["trigger"] == "s1"


def test_schema_rejects_a_record_missing_its_spans() -> None:
    schema = json.loads((data_dir("schema") / "annotator-jsonl.schema.json").read_text("utf-8"))
    bad: dict[str, object] = {"id": "x", "text": "نص", "meta": {}, "status": "done",
                              "annotator": None, "events": []}
    assert not jsonschema.Draft202012Validator(schema).is_valid(bad)


def test_label_studio_keeps_suggestions_and_annotators(tmp_path: Path,
                                                      golden_docs: list[Document]) -> None:
    out = tmp_path / "c.json"
    FORMATS["labelstudio"].write(golden_docs, out, WriteOptions())
    back = {d.document.name: d.document for d in FORMATS["labelstudio"].read(out).documents}
    for doc in golden_docs:
        got = back[doc.name]
        want = sorted((s.start, s.end, s.label, s.text, s.annotator,
                       "suggested" if s.origin == "suggested" else "imported")
                      for s in doc.spans)
        assert sorted(v[:6] for v in _span_view(got)) == want


def test_brat_keeps_spans_attributes_and_events(tmp_path: Path,
                                               golden_docs: list[Document]) -> None:
    out = tmp_path / "brat"
    FORMATS["brat"].write(golden_docs, out, WriteOptions())
    back = {d.document.name: d.document for d in FORMATS["brat"].read(out).documents}
    for doc in golden_docs:
        got = back[doc.name]
        assert got.text == doc.text
        assert [(s.start, s.end, s.label, s.text, dict(s.attrs)) for s in got.spans] == [
            (s.start, s.end, s.label, s.text, dict(s.attrs)) for s in doc.spans]
        # brat types hold no spaces: the reader keeps the name as the file writes it and the
        # import matches "Air/drone_strike" to the project's "Air/drone strike".
        assert [(e.type, dict(e.roles), e.trigger) for e in got.events] == [
            (e.type.replace(" ", "_"), dict(e.roles), e.trigger) for e in doc.events]


@pytest.mark.parametrize("fmt", ["doccano", "brat", "jsonl", "labelstudio"])
def test_offsets_point_at_the_same_text_after_reading(
    tmp_path: Path, golden_docs: list[Document], fmt: str
) -> None:
    out = tmp_path / ("x" if fmt == "brat" else "x.json")
    FORMATS[fmt].write(golden_docs, out, WriteOptions())
    for sourced in FORMATS[fmt].read(out).documents:
        doc = sourced.document
        for span in doc.spans:
            assert doc.text[span.start:span.end] == span.text


@pytest.mark.parametrize("options", [WriteOptions(), WriteOptions(scheme="bioes"),
                                     WriteOptions(conll_columns=4), WriteOptions(nested=True)])
def test_conll_reading_rebuilds_every_written_span(
    tmp_path: Path, golden_docs: list[Document], options: WriteOptions
) -> None:
    out = tmp_path / "c.conll"
    report = FORMATS["conll"].write(golden_docs, out, options)
    back = [d.document for d in FORMATS["conll"].read(out).documents]
    dropped = 0 if options.nested else 1  # the LOCATION nested in the TARGET
    assert len(report.dropped) == dropped
    assert sum(len(d.spans) for d in back) == sum(len(d.spans) for d in golden_docs) - dropped
    for doc, got in zip(golden_docs, back, strict=True):
        kept = sorted((s.label, s.text) for s in doc.spans)
        if not options.nested and doc.events:
            kept.remove(("LOCATION", "إيران"))
        assert sorted((s.label, s.text) for s in got.spans) == kept
        for span in got.spans:
            assert got.text[span.start:span.end] == span.text


def _golden_lines(case: str) -> list[str]:
    return (GOLDEN / case / "corpus.conll").read_text(encoding="utf-8").split("\n")


def test_golden_conll_splits_a_token_at_a_span_boundary() -> None:
    lines = _golden_lines("conll")
    at = lines.index("المدينة B-LOCATION")
    assert lines[at - 1] == "ب O"  # from "بالمدينة"
    assert lines[:2] == ["-DOCSTART- -X- O O", ""]


def test_golden_conll_whole_tokens_tags_the_whole_token() -> None:
    lines = _golden_lines("conll-whole-tokens")
    assert "بالمدينة B-LOCATION" in lines
    assert "المدينة B-LOCATION" not in lines


def test_golden_conll_nested_has_a_column_per_level() -> None:
    lines = _golden_lines("conll-nested")
    assert "إيران I-TARGET B-LOCATION" in lines
    assert lines[0] == "-DOCSTART- -X- O O"
    assert all(len(line.split()) == 3 for line in lines[1:] if line and line != lines[0])


def test_golden_conll_obfuscated_span_stays_whole_tokens() -> None:
    lines = _golden_lines("conll-4col-bioes")
    at = lines.index("فيــ.لق -X- _ B-ACTOR")
    assert lines[at + 1] == "القدس -X- _ E-ACTOR"
    assert lines[0] == "-DOCSTART- -X- O O"


def test_flat_conll_reports_the_dropped_nested_span(tmp_path: Path,
                                                   golden_docs: list[Document]) -> None:
    out = tmp_path / "c.conll"
    report = FORMATS["conll"].write(golden_docs, out, WriteOptions())
    assert len(report.dropped) == 1
    problem = report.dropped[0]
    assert "إيران" in problem.message and "TARGET" in problem.message
    assert problem.line is not None
    # The reported line is where the dropped span's token is.
    assert out.read_text(encoding="utf-8").split("\n")[problem.line - 1].startswith("إيران ")


def test_four_column_conll_loads_with_spacy_convert(tmp_path: Path,
                                                   golden_docs: list[Document]) -> None:
    import importlib

    # What `spacy convert --converter ner` runs.
    convert: Any = importlib.import_module("spacy.training.converters").conll_ner_to_docs
    out = tmp_path / "c.conll"
    report = FORMATS["conll"].write(golden_docs, out, WriteOptions(conll_columns=4))
    docs = list(convert(out.read_text(encoding="utf-8"), n_sents=0, no_print=True))
    assert len(docs) == len(golden_docs)
    assert sum(len(d.ents) for d in docs) == report.spans == 10
    got = sorted((e.label_, e.text) for d in docs for e in d.ents)
    want = sorted((s.label, s.text) for doc in golden_docs for s in doc.spans
                  if s.text != "إيران")
    assert got == want


@pytest.mark.parametrize("nested", [False, True])
def test_spacy_docbin_holds_the_spans(tmp_path: Path, golden_docs: list[Document],
                                      nested: bool) -> None:
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    out = tmp_path / "c.spacy"
    report = FORMATS["spacy"].write(golden_docs, out, WriteOptions(nested=nested))
    docs = list(DocBin().from_bytes(out.read_bytes()).get_docs(Vocab()))
    assert [d.text for d in docs] == [d.text for d in golden_docs]
    assert [d.user_data["name"] for d in docs] == [d.name for d in golden_docs]
    for sdoc, doc in zip(docs, golden_docs, strict=True):
        ents = {(e.start_char, e.end_char, e.label_) for e in sdoc.ents}
        assert ents <= {s.key for s in doc.spans}
        if nested:
            assert {(s.start_char, s.end_char, s.label_) for s in sdoc.spans["sc"]} == {
                s.key for s in doc.spans}
    assert len(report.dropped) == (0 if nested else 1)


def test_hf_tags_index_the_tag_list(tmp_path: Path, golden_docs: list[Document]) -> None:
    out = tmp_path / "train.jsonl"
    FORMATS["hf"].write(golden_docs, out, WriteOptions())
    tags = json.loads((tmp_path / "train.tags.json").read_text(encoding="utf-8"))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n")[:-1]]
    entities = []
    for rec in records:
        assert len(rec["tokens"]) == len(rec["ner_tags"])
        names = [tags[i] for i in rec["ner_tags"]]
        entities += [(n[2:], tok) for n, tok in zip(names, rec["tokens"], strict=True)
                     if n.startswith("B-")]
    assert ("ACTOR", "فيــ.لق") in entities and ("LOCATION", "المدينة") in entities
    assert tags[0] == "O"


def test_events_table_has_one_row_per_event(tmp_path: Path, golden_docs: list[Document]) -> None:
    import csv

    out = tmp_path / "events.csv"
    FORMATS["events"].write(golden_docs, out, WriteOptions())
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    (row,) = rows
    doc = golden_docs[0]
    assert row["sub_event_type"] == "Air/drone strike"
    # "شهر أكتوبر" (2024-10): the middle of the month, only the month known.
    assert (row["event_date"], row["time_precision"]) == ("2024-10-15", "3")
    assert (row["date_value"], row["date_source"]) == ("2024-10", "span")
    assert (row["actor1"], row["actor2"], row["location"]) == (
        "التحالف الدولي", "الميليشيات المدعومة من إيران", "دير الزور")
    assert row["source_document"] == doc.name
    # The notes are the sentences from the first role span to the last one.
    assert row["notes"].startswith("شهدت دير الزور") and "شهر أكتوبر" in row["notes"]


@pytest.mark.parametrize(("fmt", "name", "expected"), [
    ("jsonl", "c.jsonl", []),
    ("brat", "b", []),
    ("doccano", "c.jsonl", ["1 event(s) not written"]),
    ("labelstudio", "c.json", ["1 event(s) not written"]),
    ("csv", "c.csv", ["11 span(s) not written"]),
    ("txt", "t", ["11 span(s) not written"]),
    ("conll", "c.conll", ["span LOCATION 101-106 'إيران' not written"]),
    ("hf", "c.jsonl", ["span LOCATION 101-106 'إيران' not written"]),
    ("events", "e.csv", ["3 span(s) but no event", "2 span(s) but no event"]),
])
def test_what_a_format_cannot_hold_is_reported(
    tmp_path: Path, golden_docs: list[Document], fmt: str, name: str, expected: list[str]
) -> None:
    report = FORMATS[fmt].write(golden_docs, tmp_path / name, WriteOptions())
    assert len(report.dropped) == len(expected)
    for problem, text in zip(report.dropped, expected, strict=True):
        assert text in problem.message


def test_brat_reports_attributes_and_events_it_cannot_write(tmp_path: Path) -> None:
    text = "قصف دير الزور"
    span = make_span(text, 4, 13, "LOCATION", attrs={"value": "two words", "bad key": "x",
                                                      "flag": True, "n": 3})
    doc = Document(name="d", text=text, spans=(span,), events=(Event(type="Attack"),))
    report = FORMATS["brat"].write([doc], tmp_path / "b", WriteOptions())
    messages = [p.message for p in report.dropped]
    assert len(messages) == 3
    assert any("value='two words'" in m for m in messages)
    assert any("'bad key'" in m for m in messages)
    assert any("event 1 (Attack): no trigger and no span argument" in m for m in messages)
    ann = (tmp_path / "b" / "d.ann").read_text(encoding="utf-8")
    assert ann == "T1\tLOCATION 4 13\tدير الزور\nA1\tflag T1\nA2\tn T1 3\n"


def test_csv_round_trip_keeps_metadata(tmp_path: Path) -> None:
    docs = [Document(name="a", text="نص، مع فاصلة\nوسطر", meta={"source": "SY24", "n": 3}),
            Document(name="b", text='"اقتباس"', meta={"tags": ["x", "y"]})]
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    FORMATS["csv"].write(docs, first, WriteOptions())
    back = [d.document for d in FORMATS["csv"].read(first).documents]
    assert [(d.name, d.text) for d in back] == [(d.name, d.text) for d in docs]
    assert dict(back[0].meta) == {"source": "SY24", "n": "3"}
    FORMATS["csv"].write(back, second, WriteOptions())
    assert second.read_bytes() == first.read_bytes()
