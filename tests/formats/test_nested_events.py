"""Nested events (an event argument that is another event, BioNLP style): brat and JSONL read
them, write them back byte for byte, and the other writers say what they leave out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.core.messages import Message
from annotator.core.model import Document, Event, make_span
from annotator.formats import FORMATS
from annotator.formats.base import WriteOptions
from tests.formats.test_events_relations_roundtrip import conf_problems

TEXT = "LMP1 induces IL10 expression, and Stat3 binding follows."
# Our own small file in the shape of the BioNLP shared task's brat files: proteins, trigger
# words typed with their event's type, an event that causes another, and a forward reference
# (E2 names E3, written after it).
ANN = (
    "T1\tProtein 0 4\tLMP1\n"
    "T2\tProtein 13 17\tIL10\n"
    "T3\tProtein 34 39\tStat3\n"
    "T4\tGene_expression 18 28\texpression\n"
    "T5\tPositive_regulation 5 12\tinduces\n"
    "T6\tBinding 40 47\tbinding\n"
    "E1\tGene_expression:T4 Theme:T2\n"
    "E2\tPositive_regulation:T5 Theme:E1 Cause:T1 Theme2:E3\n"
    "E3\tBinding:T6 Theme:T3\n"
    "A1\tNegation E2\n"
)


def _brat_folder(tmp_path: Path, ann: str = ANN) -> Path:
    folder = tmp_path / "bionlp"
    folder.mkdir()
    (folder / "pmid.txt").write_text(TEXT, encoding="utf-8")
    (folder / "pmid.ann").write_text(ann, encoding="utf-8")
    return folder


def _read(fmt: str, path: Path) -> Document:
    result = FORMATS[fmt].read(path)
    assert result.problems == []
    (doc,) = [d.document for d in result.documents]
    return doc


def _files(out: Path) -> dict[str, bytes]:
    if out.is_dir():
        return {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    return {out.name: out.read_bytes()}


def test_brat_reads_nested_events_with_forward_references(tmp_path: Path) -> None:
    doc = _read("brat", _brat_folder(tmp_path))
    types = [e.type for e in doc.events]
    assert types == ["Gene_expression", "Positive_regulation", "Binding"]
    regulation = doc.events[1]
    # Theme holds two events (E1 and E3, the later one too); Cause is a span.
    assert dict(regulation.event_args) == {"theme": (0, 2)}
    assert [doc.spans[i].text for i in regulation.roles["cause"]] == ["LMP1"]
    assert doc.spans[regulation.trigger or 0].text == "induces"
    assert dict(regulation.attrs) == {"Negation": True}
    assert all(not e.event_args for e in (doc.events[0], doc.events[2]))


@pytest.mark.parametrize(("fmt", "name"), [("brat", "out"), ("jsonl", "out.jsonl")])
def test_nested_events_write_read_write_byte_for_byte(
    tmp_path: Path, fmt: str, name: str
) -> None:
    doc = _read("brat", _brat_folder(tmp_path))
    first, second = tmp_path / "1" / name, tmp_path / "2" / name
    FORMATS[fmt].write([doc], first, WriteOptions())
    back = _read(fmt, first)
    assert [(e.type, dict(e.roles), e.trigger, dict(e.event_args)) for e in back.events] == [
        (e.type, dict(e.roles), e.trigger, dict(e.event_args)) for e in doc.events]
    FORMATS[fmt].write([back], second, WriteOptions())
    assert _files(second) == _files(first)


def test_the_brat_export_declares_event_arguments(tmp_path: Path) -> None:
    doc = _read("brat", _brat_folder(tmp_path))
    out = tmp_path / "out"
    FORMATS["brat"].write([doc], out, WriteOptions())
    ann = (out / "pmid.ann").read_text(encoding="utf-8")
    assert "E2\tPositive_regulation:T8 Cause:T1 Theme:E1 Theme2:E3\n" in ann
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    assert "Positive_regulation\tCause*:<ENTITY>, Theme*:<ENTITY>|<EVENT>" in conf
    assert conf_problems(out) == []


def test_the_validator_refuses_an_event_in_a_role_declared_for_entities(tmp_path: Path) -> None:
    doc = _read("brat", _brat_folder(tmp_path))
    out = tmp_path / "out"
    FORMATS["brat"].write([doc], out, WriteOptions())
    conf = out / "annotation.conf"
    conf.write_text(conf.read_text(encoding="utf-8").replace("<ENTITY>|<EVENT>", "<ENTITY>"),
                    encoding="utf-8")
    assert any("Theme may not be an event" in p for p in conf_problems(out))


def test_jsonl_with_nested_events_keeps_to_its_json_schema(
    tmp_path: Path, check_jsonl: Callable[[Path], int]
) -> None:
    doc = _read("brat", _brat_folder(tmp_path))
    out = tmp_path / "a.jsonl"
    FORMATS["jsonl"].write([doc], out, WriteOptions())
    assert check_jsonl(out) == 1
    assert '"event_args": {"theme": ["e1", "e3"]}' in out.read_text(encoding="utf-8")


def test_brat_leaves_out_an_event_whose_argument_event_it_cannot_write(tmp_path: Path) -> None:
    span = make_span(TEXT, 0, 4, "Protein")
    doc = Document(name="d", text=TEXT, spans=(span,), events=(
        Event("Binding"),  # no trigger, no span: brat cannot hold it
        Event("Positive_regulation", {"cause": (0,)}, event_args={"theme": (0,)}),
    ))
    report = FORMATS["brat"].write([doc], tmp_path / "b", WriteOptions())
    messages = [p.message for p in report.dropped]
    assert any("event 1 (Binding): no trigger and no span argument" in m for m in messages)
    assert any("event 2 (Positive_regulation): an argument event is not written" in m
               for m in messages)
    assert "E" not in (tmp_path / "b" / "d.ann").read_text(encoding="utf-8").split("\n")[1][:1]


@pytest.mark.parametrize(("fmt", "name", "says"), [
    ("events", "e.csv", "event 2 (Positive_regulation): its argument events (theme: pmid-e1, "
                        "theme: pmid-e3) not written"),
    ("webanno", "w", "event 2 (Positive_regulation) (only relations of two spans fit)"),
    ("labelstudio", "t.json", "3 event(s) not written"),
])
def test_other_writers_say_they_leave_nested_events_out(
    tmp_path: Path, fmt: str, name: str, says: str
) -> None:
    doc = _read("brat", _brat_folder(tmp_path))
    report = FORMATS[fmt].write([doc], tmp_path / name, WriteOptions())
    assert any(says in p.message for p in report.dropped), [p.message for p in report.dropped]


@pytest.mark.parametrize(("extra", "line", "message"), [
    ("E4\tBinding:T6 Theme:E4\n", 11, "E4: event E4 has itself as an argument"),
    ("E4\tBinding:T6 Theme:E5\nE5\tBinding:T6 Theme:E4\n", 11,
     "E4: events E4 -> E5 -> E4 are each other's arguments (a cycle)"),
    ("E4\tBinding:T6 Theme:E9\n", 11, "E4: its argument Theme:E9 names no text-bound (T) "
                                      "annotation or event (E) of this file"),
])
def test_brat_refuses_cycles_and_dangling_events_with_the_line(
    tmp_path: Path, extra: str, line: int, message: str
) -> None:
    folder = _brat_folder(tmp_path, ANN + extra)
    result = FORMATS["brat"].read(folder)
    assert result.documents == []
    (problem,) = result.problems
    assert (problem.file, problem.line, problem.message) == (
        str(folder / "pmid.ann"), line, message)
    # The window shows it in its language: the problem keeps its message id, not only English.
    assert isinstance(problem.message, Message)
    assert problem.message.id == "record.because"
