"""Every kind of bad input, through the command line: exit code, message, nothing changed.

Each case writes its own small input files, runs ``annotator`` in-process against a copy of a
project holding one document, and checks the exit code, that the message (file, line, reason)
is on stderr, that no traceback is printed, and, for a refusal, that the project is unchanged.
``docs/bad-input.md`` lists the same cases; a test keeps the two in step.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from annotator.cli import main

TEXT = "قصف التحالف الدولي مواقع في دير الزور"
GOOD = json.dumps({"id": "g", "text": TEXT, "spans": [
    {"start": 4, "end": 18, "label": "ACTOR", "text": TEXT[4:18]}]}, ensure_ascii=False)
HUGE = "1" + "0" * 5000
DOC_TABLE = Path(__file__).resolve().parents[2] / "docs" / "bad-input.md"


def _jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                   for r in records)


def _rec(**fields: object) -> dict[str, object]:
    return {"id": "r", "text": TEXT, **fields}


def _span(start: object, end: object, label: object = "ACTOR", **more: object
          ) -> dict[str, object]:
    return {"start": start, "end": end, "label": label, **more}


def _ls(*tasks: object) -> str:
    return json.dumps(list(tasks), ensure_ascii=False)


def _region(start: object, end: object, label: str = "ACTOR") -> dict[str, object]:
    return {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "labels": [label]}}


def _fifo(tmp: Path) -> None:
    os.mkfifo(tmp / "pipe.txt")


def _dangling(tmp: Path) -> None:
    (tmp / "news").mkdir()
    (tmp / "news" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp / "news" / "gone.txt").symlink_to(tmp / "nowhere.txt")


def _loop(tmp: Path) -> None:
    (tmp / "news").mkdir()
    (tmp / "news" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp / "news" / "loop.txt").symlink_to(tmp / "news" / "loop.txt")


def _big_file(tmp: Path) -> None:
    with (tmp / "big.txt").open("wb") as fh:  # sparse: 1 GiB and a byte, no disk used
        fh.truncate((1 << 30) + 1)


@dataclass(frozen=True)
class Case:
    """One kind of bad input: files to write, the command, what must come out."""

    kind: str
    what: str
    args: tuple[str, ...]
    code: int
    message: str
    files: dict[str, str | bytes] = field(default_factory=dict)
    setup: Callable[[Path], None] | None = None
    db: str = "project.sqlite3"


CASES: list[Case] = [
    # --- files that are not text, or not there -------------------------------------------------
    Case("missing-file", "a path that does not exist", ("import", "nope.txt"), 1,
         "nope.txt: no such file"),
    Case("empty-file", "an empty file", ("import", "a.txt"), 1, "a.txt: the file is empty",
         {"a.txt": ""}),
    Case("only-spaces", "a text file holding only spaces", ("import", "a.txt"), 1,
         "a.txt: the file holds only spaces", {"a.txt": "  \n\t\n"}),
    Case("binary-nul", "a binary file (NUL bytes)", ("import", "a.txt"), 1,
         "a.txt: a binary file, not text (NUL byte at offset 4)",
         {"a.txt": b"\x89PNG\x00\x00\x01"}),
    Case("binary-controls", "a file of control bytes", ("import", "a.txt"), 1,
         "a.txt: a binary file, not text (too many control characters)",
         {"a.txt": b"\x01\x02\x03\x04\x05\x06abc"}),
    Case("undecodable", "bytes no encoding fits", ("import", "a.txt"), 1,
         "a.txt: undecodable bytes: not UTF-8 (byte 0 is invalid)",
         {"a.txt": bytes(range(0x80, 0x100)) * 3}),
    Case("bom-broken", "a UTF-16 byte order mark before bytes that are not UTF-16",
         ("import", "a.txt"), 1, "a.txt: undecodable bytes: the file starts with a utf-16",
         {"a.txt": b"\xff\xfe\x00\xd8a\x00"}),
    Case("fifo", "a named pipe (FIFO) named like a text file", ("import", "pipe.txt"), 1,
         "pipe.txt: a named pipe (FIFO), not a regular file", setup=_fifo),
    Case("device", "a device (/dev/zero): endless", ("import", "/dev/zero", "--format", "txt"), 1,
         "/dev/zero: a device, not a regular file"),
    Case("file-too-big", "a file over 1 GiB", ("import", "big.txt"), 1,
         "big.txt: the file is 1,073,741,825 bytes; the limit is 1,073,741,824 bytes",
         setup=_big_file),
    Case("symlink-dangling", "a symbolic link to nothing in an imported folder",
         ("import", "news"), 1, "gone.txt: a symbolic link to", setup=_dangling),
    Case("symlink-loop", "a symbolic link that loops in an imported folder",
         ("import", "news"), 1, "loop.txt: a symbolic link that loops", setup=_loop),
    Case("empty-folder", "a folder without .txt or .ann files", ("import", "empty"), 1,
         "cannot tell the format: the folder has no .txt or .ann files", {"empty/x.md": "x"}),
    Case("unknown-extension", "a file whose kind cannot be told", ("import", "a.xyz"), 1,
         "a.xyz: cannot tell the format: unknown extension '.xyz'", {"a.xyz": "x"}),
    Case("json-not-tasks", "a .json file that is no Label Studio task list",
         ("import", "a.json"), 1, "a.json: cannot tell the format: a .json file that is not",
         {"a.json": "[1, 2, 3]"}),
    Case("jsonl-first-line", "a .jsonl file whose first line is no record",
         ("import", "a.jsonl"), 1, "cannot tell the format: the first line is not a JSON",
         {"a.jsonl": "[1]\n"}),
    # --- the project's JSONL ------------------------------------------------------------------
    Case("json-syntax", "a line that is not JSON", ("import", "a.jsonl"), 1,
         "a.jsonl:2: invalid JSON: Expecting", {"a.jsonl": _jsonl(GOOD, '{"text": ')}),
    Case("json-huge-int", "an integer of 5,000 digits (auto-detected JSONL)",
         ("import", "a.jsonl"), 1, "a.jsonl:2: invalid JSON: a number with thousands of digits",
         {"a.jsonl": GOOD + "\n" + '{"text": "x", "spans": [{"start": ' + HUGE + "}]}\n"}),
    Case("json-huge-int-format", "an integer of 5,000 digits (--format jsonl)",
         ("import", "a.jsonl", "--format", "jsonl"), 1,
         "a.jsonl:1: invalid JSON: a number with thousands of digits",
         {"a.jsonl": '{"text": "x", "spans": [{"start": ' + HUGE + "}]}\n"}),
    Case("json-too-deep", "arrays nested 100,000 deep", ("import", "a.jsonl"), 1,
         "a.jsonl:2: invalid JSON: nested too deeply",
         {"a.jsonl": GOOD + "\n" + '{"text": "x", "meta": ' + "[" * 100000 + "]" * 100000
          + "}\n"}),
    Case("json-nan-meta", "NaN in a record's metadata", ("import", "a.jsonl"), 1,
         "a.jsonl:1: 'meta' holds NaN or Infinity, which JSON cannot store",
         {"a.jsonl": '{"text": "قصف", "meta": {"score": NaN}}\n'}),
    Case("json-infinity-attrs", "Infinity in a span's attributes", ("import", "a.jsonl"), 1,
         "a.jsonl:1: span 1: 'attrs' holds NaN or Infinity",
         {"a.jsonl": '{"text": "قصف", "spans": [{"start": 0, "end": 3, "label": "ACTOR", '
                     '"attrs": {"p": Infinity}}]}\n'}),
    Case("record-not-object", "a line that is a JSON list", ("import", "a.jsonl"), 1,
         "a.jsonl:2: a record must be a JSON object", {"a.jsonl": _jsonl(GOOD, "[1, 2]")}),
    Case("text-missing", "a record without text", ("import", "a.jsonl"), 1,
         "a.jsonl:2: 'text' is missing or not a string",
         {"a.jsonl": _jsonl(GOOD, {"id": "x", "spans": []})}),
    Case("text-empty", "a record with an empty text", ("import", "a.jsonl"), 1,
         "a.jsonl:2: 'text' is empty", {"a.jsonl": _jsonl(GOOD, {"text": "  "})}),
    Case("text-nul", "a NUL character in a text", ("import", "a.jsonl"), 1,
         "a.jsonl:1: the text contains a NUL character", {"a.jsonl": _jsonl({"text": "a\x00b"})}),
    Case("name-nul", "a NUL character in a document name", ("import", "a.jsonl"), 1,
         "a.jsonl:1: the document name contains a NUL character",
         {"a.jsonl": _jsonl({"id": "a\x00b", "text": TEXT})}),
    Case("text-surrogate", "an unpaired surrogate in a text", ("import", "a.jsonl"), 1,
         "a.jsonl:1: the text holds an unpaired surrogate (U+D800)",
         {"a.jsonl": '{"text": "a\\ud800b"}\n'}),
    Case("span-outside", "span offsets past the end of the text", ("import", "a.jsonl"), 1,
         "a.jsonl:1: span 1 (ACTOR): offsets 4-400 are outside the text",
         {"a.jsonl": _jsonl(_rec(spans=[_span(4, 400)]))}),
    Case("span-reversed", "a span that ends before it starts", ("import", "a.jsonl"), 1,
         "a.jsonl:1: span 1 (ACTOR): offsets 9-4 are outside the text",
         {"a.jsonl": _jsonl(_rec(spans=[_span(9, 4)]))}),
    Case("span-not-int", "span offsets that are not integers", ("import", "a.jsonl"), 1,
         "a.jsonl:1: span 1: offsets must be integers, got '4' and 9",
         {"a.jsonl": _jsonl(_rec(spans=[_span("4", 9)]))}),
    Case("span-text-mismatch", "a span whose text is not the text at its offsets",
         ("import", "a.jsonl"), 1, "a.jsonl:1: span 1 (ACTOR 4-18): its text 'x' does not match",
         {"a.jsonl": _jsonl(_rec(spans=[_span(4, 18, text="x")]))}),
    Case("span-label-empty", "a span with an empty label", ("import", "a.jsonl"), 1,
         "a.jsonl:1: span 1: the label must be a non-empty string",
         {"a.jsonl": _jsonl(_rec(spans=[_span(4, 18, "")]))}),
    Case("span-id-twice", "two spans with the same id", ("import", "a.jsonl"), 1,
         "a.jsonl:1: span a: the id is used twice",
         {"a.jsonl": _jsonl(_rec(spans=[_span(4, 18, id="a"), _span(0, 3, id="a")]))}),
    Case("unknown-label", "a label the project does not have", ("import", "a.jsonl"), 1,
         "a.jsonl:1: unknown label 'ORG' (the project has ACTOR",
         {"a.jsonl": _jsonl(_rec(spans=[_span(4, 18, "ORG")]))}),
    Case("label-with-space", "--add-labels with a label holding a space",
         ("import", "a.jsonl", "--add-labels"), 1,
         "--add-labels: label 5 (armed group): a name must be 1 to 64 characters without spaces",
         {"a.jsonl": _jsonl(_rec(spans=[_span(4, 18, "armed group")]))}),
    Case("event-bad-ref", "an event role naming a span the record lacks",
         ("import", "a.jsonl"), 1, "a.jsonl:1: event 1 role actor refers to span 's9'",
         {"a.jsonl": _jsonl(_rec(spans=[_span(4, 18, id="s1")],
                                 events=[{"type": "Attack", "roles": {"actor": ["s9"]}}]))}),
    Case("event-args-dangling", "a nested event naming an event the record lacks",
         ("import", "a.jsonl"), 1, "a.jsonl:1: event 1 role cause refers to event 'e9', which "
         "this record does not have",
         {"a.jsonl": _jsonl(_rec(spans=[_span(4, 18, id="s1")],
                                 events=[{"id": "e1", "type": "Attack",
                                          "roles": {"actor": ["s1"]},
                                          "event_args": {"cause": ["e9"]}}]))}),
    Case("event-args-cycle", "nested events that are each other's arguments (a cycle)",
         ("import", "a.jsonl"), 1,
         "a.jsonl:1: events e1 -> e2 -> e1 are each other's arguments (a cycle)",
         {"a.jsonl": _jsonl(_rec(spans=[_span(4, 18, id="s1")], events=[
             {"id": "e1", "type": "Attack", "roles": {"actor": ["s1"]},
              "event_args": {"cause": ["e2"]}},
             {"id": "e2", "type": "Attack", "roles": {"actor": ["s1"]},
              "event_args": {"cause": ["e1"]}}]))}),
    Case("event-args-self", "a nested event that is its own argument", ("import", "a.jsonl"), 1,
         "a.jsonl:1: event e1 has itself as an argument",
         {"a.jsonl": _jsonl(_rec(spans=[_span(4, 18, id="s1")], events=[
             {"id": "e1", "type": "Attack", "roles": {"actor": ["s1"]},
              "event_args": {"cause": ["e1"]}}]))}),
    Case("event-id-twice", "two events with the same id", ("import", "a.jsonl"), 1,
         "a.jsonl:1: event 2: the id 'e1' is used twice",
         {"a.jsonl": _jsonl(_rec(spans=[_span(4, 18, id="s1")], events=[
             {"id": "e1", "type": "Attack", "roles": {"actor": ["s1"]}},
             {"id": "e1", "type": "Attack", "roles": {"actor": ["s1"]}}]))}),
    Case("unknown-event-type", "an event type the project does not have",
         ("import", "a.jsonl"), 1, "a.jsonl:1: event type 'Parade' is not in the project's schema",
         {"a.jsonl": _jsonl(_rec(spans=[_span(4, 18, id="s1")],
                                 events=[{"type": "Parade", "roles": {"actor": ["s1"]}}]))}),
    Case("bad-status", "an unknown status", ("import", "a.jsonl"), 1,
         "a.jsonl:1: 'status' must be one of new, in_progress, done, skipped, got 'finished'",
         {"a.jsonl": _jsonl(_rec(status="finished"))}),
    Case("meta-not-object", "metadata that is not an object", ("import", "a.jsonl"), 1,
         "a.jsonl:1: 'meta' must be an object", {"a.jsonl": _jsonl(_rec(meta=[1]))}),
    Case("doccano-as-jsonl", "a doccano record read as the project's JSONL",
         ("import", "a.jsonl", "--format", "jsonl"), 1,
         "a.jsonl:1: a doccano record ('label' instead of 'spans')",
         {"a.jsonl": _jsonl({"text": TEXT, "label": [[4, 18, "ACTOR"]]})}),
    # --- doccano -------------------------------------------------------------------------------
    Case("doccano-outside", "doccano offsets outside the text",
         ("import", "a.jsonl", "--format", "doccano"), 1,
         "a.jsonl:1: label[0] (ACTOR): offsets 2-40 are outside the text (3 characters)",
         {"a.jsonl": _jsonl({"text": "قصف", "label": [[2, 40, "ACTOR"]]})}),
    Case("doccano-bad-entry", "a doccano label that is not [start, end, label]",
         ("import", "a.jsonl", "--format", "doccano"), 1,
         "a.jsonl:1: label[0]: expected [start, end, label], got [0, 'ACTOR']",
         {"a.jsonl": _jsonl({"text": "قصف", "label": [[0, "ACTOR"]]})}),
    # --- Label Studio --------------------------------------------------------------------------
    Case("ls-syntax", "Label Studio JSON with a syntax error", ("import", "t.json"), 1,
         "t.json:2: invalid JSON", {"t.json": '[{"data": {"text": "x"}},\n {"data": }]'}),
    Case("ls-huge-int", "Label Studio offsets of 5,000 digits", ("import", "t.json"), 1,
         "t.json:3: invalid JSON: a number with thousands of digits",
         {"t.json": '[{"data": {"text": "abc"},\n "annotations": [{"result": [\n'
                    '{"value": {"start": ' + HUGE + ', "end": 2, "labels": ["ACTOR"]}}]}]}]'}),
    Case("ls-not-list", "Label Studio JSON that is a number",
         ("import", "t.json", "--format", "labelstudio"), 1,
         "t.json: expected a JSON list of tasks", {"t.json": "42"}),
    Case("ls-split-char", "UTF-16 offsets inside a surrogate pair", ("import", "t.json"), 1,
         "t.json: task 1: annotation result 0 (ACTOR): UTF-16 offsets 1-3 are outside",
         {"t.json": _ls({"data": {"text": "😀 قصف"},
                         "annotations": [{"result": [_region(1, 3)]}]})}),
    Case("ls-no-text", "a Label Studio task without text", ("import", "t.json"), 1,
         "t.json: task 1: 'data' has no 'text', and which of its strings is the text cannot be "
         "told (strings: none)", {"t.json": _ls({"data": {"n": 1}})}),
    Case("ls-text-mismatch", "a region whose text differs from the task text",
         ("import", "t.json"), 1, "t.json: task 1 (id 7): annotation result 0 (ACTOR 0-3)",
         {"t.json": _ls({"id": 7, "data": {"text": "قصف دير"}, "annotations": [{"result": [
             {**_region(0, 3), "value": {"start": 0, "end": 3, "text": "دير",
                                         "labels": ["ACTOR"]}}]}]})}),
    Case("ls-empty-labels", "a region with an empty label list", ("import", "t.json"), 1,
         "t.json: task 1: annotation result 0: 'labels' must be a non-empty list",
         {"t.json": _ls({"data": {"text": "قصف"}, "annotations": [{"result": [
             {"value": {"start": 0, "end": 3, "labels": []}}]}]})}),
    Case("ls-doccano-list", "a JSON list of doccano records", ("import", "t.json"), 1,
         "t.json: task 1: 'label' holds doccano spans",
         {"t.json": _ls({"text": "قصف", "label": [[0, 3, "ACTOR"]]})}),
    # --- brat ----------------------------------------------------------------------------------
    Case("brat-orphan-ann", "a .ann file without its .txt", ("import", "b", "--format", "brat"),
         1, "x.ann: no .txt file beside this .ann",
         {"b/a.txt": "قصف", "b/a.ann": "", "b/x.ann": "T1\tACTOR 0 3\tقصف\n"}),
    Case("brat-unknown-line", "an annotation line brat does not define", ("import", "b"), 1,
         "a.ann:2: unknown annotation line 'X1'",
         {"b/a.txt": "قصف", "b/a.ann": "T1\tACTOR 0 3\tقصف\nX1\twhat\n"}),
    Case("brat-outside", "T offsets outside the text", ("import", "b"), 1,
         "a.ann:1: T1 (ACTOR): offsets 0-99 are outside the text",
         {"b/a.txt": "قصف", "b/a.ann": "T1\tACTOR 0 99\tقصف\n"}),
    Case("brat-huge-offset", "a T offset of 5,000 digits", ("import", "b"), 1,
         "a.ann:1: T1 (ACTOR): an offset with 5001 digits is outside the text",
         {"b/a.txt": "قصف", "b/a.ann": f"T1\tACTOR 0 {HUGE}\tقصف\n"}),
    Case("brat-text-mismatch", "a T line whose text is not the text at its offsets",
         ("import", "b"), 1, "a.ann:1: T1 (ACTOR): its text 'xyz' does not match",
         {"b/a.txt": "قصف", "b/a.ann": "T1\tACTOR 0 3\txyz\n"}),
    Case("brat-discontinuous", "a discontinuous span with words in its gap", ("import", "b"), 1,
         "a.ann:1: T1 (ACTOR): a discontinuous span (0 3;8 11) with 'على' between its fragments",
         {"b/a.txt": "قصف على دير", "b/a.ann": "T1\tACTOR 0 3;8 11\tقصف دير\n"}),
    Case("brat-bad-argument", "an event argument that is not ROLE:ID", ("import", "b"), 1,
         "a.ann:2: E1: argument 'T1' is not ROLE:ID",
         {"b/a.txt": "قصف", "b/a.ann": "T1\tACTOR 0 3\tقصف\nE1\tAttack:T1 T1\n"}),
    Case("brat-event-self", "a nested event that is its own argument", ("import", "b"), 1,
         "a.ann:3: E1: event E1 has itself as an argument",
         {"b/a.txt": "قصف دير", "b/a.ann": "T1\tACTOR 0 3\tقصف\nT2\tTARGET 4 7\tدير\n"
                                          "E1\tAttack:T1 Target:T2 Cause:E1\n"}),
    Case("brat-event-cycle", "nested events that are each other's arguments (a cycle)",
         ("import", "b"), 1, "a.ann:3: E1: events E1 -> E2 -> E1 are each other's arguments",
         {"b/a.txt": "قصف دير", "b/a.ann": "T1\tACTOR 0 3\tقصف\nT2\tTARGET 4 7\tدير\n"
                                          "E1\tAttack:T1 Cause:E2\nE2\tAttack:T2 Cause:E1\n"}),
    Case("brat-event-dangling", "an event argument naming an event the file lacks",
         ("import", "b"), 1, "a.ann:3: E1: its argument Cause:E9 names no text-bound (T) "
         "annotation or event (E) of this file",
         {"b/a.txt": "قصف دير", "b/a.ann": "T1\tACTOR 0 3\tقصف\nT2\tTARGET 4 7\tدير\n"
                                          "E1\tAttack:T1 Target:T2 Cause:E9\n"}),
    Case("brat-event-id-twice", "two events with the same E id", ("import", "b"), 1,
         "a.ann:4: E1: the id is used twice",
         {"b/a.txt": "قصف دير", "b/a.ann": "T1\tACTOR 0 3\tقصف\nT2\tTARGET 4 7\tدير\n"
                                          "E1\tAttack:T1\nE1\tAttack:T2\n"}),
    Case("brat-relation-to-event", "a relation whose argument is an event", ("import", "b"), 1,
         "a.ann:4: R: E1 is an event; a relation or a trigger must name a text-bound (T)",
         {"b/a.txt": "قصف دير", "b/a.ann": "T1\tACTOR 0 3\tقصف\nT2\tTARGET 4 7\tدير\n"
                                          "E1\tAttack:T1\nR1\tnear Arg1:E1 Arg2:T2\n"}),
    Case("brat-attr-target", "an attribute naming an annotation the file lacks",
         ("import", "b"), 1, "a.ann:2: attribute Negated names 'T9'",
         {"b/a.txt": "قصف", "b/a.ann": "T1\tACTOR 0 3\tقصف\nA1\tNegated T9\n"}),
    Case("brat-equiv-target", "an equivalence naming an annotation the file lacks",
         ("import", "b"), 1, "a.ann:2: equivalence Equiv names 'T7'",
         {"b/a.txt": "قصف", "b/a.ann": "T1\tACTOR 0 3\tقصف\n*\tEquiv T1 T7\n"}),
    # --- CoNLL ---------------------------------------------------------------------------------
    Case("conll-bad-tag", "a tag that is no IOB2/BIOES tag", ("import", "a.conll"), 1,
         "a.conll:2: 'X-LOCATION' is not a tag", {"a.conll": "قصف O\nدير X-LOCATION\n"}),
    Case("conll-repeated", "the same bad tag on many lines (another format's file)",
         ("import", "a.conll"), 1,
         "a.conll:1: 40 lines: 'WRB' is not a tag (O, B-X, I-X, E-X, S-X) (the first is here, "
         "the last on line 40)", {"a.conll": "".join(f"w{i} WRB\n" for i in range(40))}),
    Case("webanno-as-conll", "a WebAnno TSV file imported as CoNLL",
         ("import", "a.tsv", "--format", "conll"), 1,
         "a.tsv:1: this is WebAnno TSV (INCEpTION's export), not CoNLL",
         {"a.tsv": "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n"}),
    # --- WebAnno TSV and Prodigy -----------------------------------------------------------------
    Case("webanno-no-layers", "a WebAnno TSV file without layer lines", ("import", "a.tsv"), 1,
         "a.tsv:2: no layers (#T_SP=, #T_RL= ...) after #FORMAT",
         {"a.tsv": "#FORMAT=WebAnno TSV 3.3\n\n#Text=x\n1-1\t0-1\tx\t_\t\n"}),
    Case("webanno-bad-row", "a WebAnno TSV row that is no token row", ("import", "a.tsv"), 1,
         "a.tsv:6: expected a token row",
         {"a.tsv": "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n"
                   "#Text=x y\n1-1 0-1 x _\n"}),
    Case("webanno-token-offsets", "a WebAnno TSV token whose offsets point at other text",
         ("import", "a.tsv"), 1, "a.tsv:7: the token 'y' is not the text at 1-2 (' ')",
         {"a.tsv": "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n"
                   "#Text=x y\n1-1\t0-1\tx\t_\t\n1-2\t1-2\ty\t_\t\n"}),
    Case("prodigy-bad-answer", "a Prodigy task with an unknown answer", ("import", "p.jsonl"), 1,
         "p.jsonl:1: 'answer' must be one of accept, reject, ignore, got 'maybe'",
         {"p.jsonl": _jsonl({"text": TEXT, "answer": "maybe", "_task_hash": 1})}),
    # --- CSV -----------------------------------------------------------------------------------
    Case("csv-no-text", "a CSV without a text column", ("import", "a.csv"), 1,
         "a.csv:1: no 'text' column (columns: id, body)", {"a.csv": "id,body\n1,x\n"}),
    Case("csv-columns", "a CSV row with more cells than the header", ("import", "a.csv"), 1,
         "a.csv:3: 3 columns where the header has 2",
         {"a.csv": "id,text\n1,قصف\n2,دير,extra\n"}),
    Case("csv-empty-text", "a CSV row with an empty text", ("import", "a.csv"), 1,
         "a.csv:2: the text is empty", {"a.csv": "id,text\n1,\n"}),
    Case("csv-unterminated", "a CSV quote that is never closed", ("import", "a.csv"), 1,
         "a.csv:3: a quoted field starting on this line is never closed",
         {"a.csv": 'id,text\n1,قصف\n2,"دير\n3,الزور\n'}),
    Case("csv-header-quote", "a CSV header with an unterminated quote", ("import", "a.csv"), 1,
         "a.csv:1: bad CSV header", {"a.csv": '"id,text\n'}),
    # --- the database --------------------------------------------------------------------------
    Case("stats-missing-db", "stats on a database that does not exist",
         ("stats",), 1, "nope.sqlite3: no such database", db="nope.sqlite3"),
    Case("export-missing-db", "export from a database that does not exist",
         ("export", "--format", "jsonl", "-o", "out.jsonl"), 1,
         "nope.sqlite3: no such database", db="nope.sqlite3"),
    Case("search-missing-db", "search in a database that does not exist",
         ("search", "قصف"), 1, "nope.sqlite3: no such database", db="nope.sqlite3"),
    Case("import-refused-new-db", "a refused import into a database that does not exist",
         ("import", "a.txt"), 1, "a.txt: the file is empty", {"a.txt": ""}, db="new.sqlite3"),
    Case("db-folder-missing", "--db in a folder that does not exist", ("import", "a.txt"), 1,
         "the folder", {"a.txt": TEXT}, db="no/such/folder/x.sqlite3"),
    Case("db-not-annotator", "--db naming a file that is no annotator database",
         ("stats",), 1, "this database is not an annotator database (it has tables notes",
         db="other.sqlite3"),
    # --- usage ---------------------------------------------------------------------------------
    Case("bad-map", "--map without =", ("import", "a.txt", "--map", "ORG"), 2,
         "--map 'ORG': expected OLD=NEW", {"a.txt": TEXT}),
    Case("map-twice", "--map giving one label two targets",
         ("import", "a.txt", "--map", "ORG=ACTOR", "--map", "ORG=TARGET"), 2,
         "--map ORG: mapped twice", {"a.txt": TEXT}),
    Case("bad-format", "--format naming no format", ("import", "a.txt", "--format", "xml"), 2,
         "invalid choice: 'xml'", {"a.txt": TEXT}),
    Case("bad-split", "--split that is not three percentages",
         ("export", "--format", "jsonl", "-o", "o", "--split", "80/20"), 2,
         "export: split '80/20' must be three numbers like 80/10/10"),
    Case("bad-limit", "search --limit 0", ("search", "x", "--limit", "0"), 2,
         "--limit must be at least 1"),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with one document, made once and copied for each case."""
    folder = tmp_path_factory.mktemp("template")
    (folder / "g.jsonl").write_text(GOOD + "\n", encoding="utf-8")
    db = folder / "project.sqlite3"
    assert main(["--db", str(db), "import", str(folder / "g.jsonl")]) == 0
    # One self-contained file to copy: no pages left in the -wal file beside it.
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    return db


def _stats(db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["--db", str(db), "stats", "--json"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("case", CASES, ids=[c.kind for c in CASES])
def test_bad_input(case: Case, template: Path, tmp_path: Path,
                   monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    if case.db == "project.sqlite3":
        shutil.copy(template, tmp_path / case.db)
    if case.db == "other.sqlite3":
        with sqlite3.connect(tmp_path / case.db) as conn:
            conn.execute("CREATE TABLE notes (x)")
    for name, content in case.files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if case.setup is not None:
        case.setup(tmp_path)
    db = tmp_path / case.db
    existed = db.exists()
    before = _stats(db, capsys) if existed and case.db == "project.sqlite3" else None
    capsys.readouterr()
    code = main(["--db", case.db, *case.args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert code == case.code, (out, err)
    assert case.message in err, err
    if not existed:
        # Only a successful import creates a database.
        assert not db.exists()
        assert not db.with_name(db.name + "-wal").exists()
    if before is not None:
        assert _stats(db, capsys) == before


def test_every_case_is_in_the_table_of_docs() -> None:
    table = DOC_TABLE.read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip().strip("`"): line for line in table.splitlines()
            if line.startswith("| `")}
    missing = [c.kind for c in CASES if c.kind not in rows]
    assert not missing, f"docs/bad-input.md lacks {missing}"
    for case in CASES:
        cells = [cell.strip() for cell in rows[case.kind].replace("\\|", "\0").split("|")]
        assert cells[3] == str(case.code), case.kind
        assert cells[4].replace("\0", "|") == f"`{case.message}`", case.kind
    assert len(CASES) >= 60


def table_rows() -> list[str]:
    """The rows of the table in docs/bad-input.md, one per case."""
    return [f"| `{c.kind}` | {c.what} | {c.code} | `{c.message.replace('|', chr(92) + '|')}` |"
            for c in CASES]


if __name__ == "__main__":  # python tests/formats/test_bad_input_table.py: rewrite the table
    lines = DOC_TABLE.read_text(encoding="utf-8").splitlines()
    head = [line for line in lines if not line.startswith("| `")]
    DOC_TABLE.write_text("\n".join([*head, *table_rows()]) + "\n", encoding="utf-8")
