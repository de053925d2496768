"""Record-per-line JSON: one reader loop and one line writer for the JSON formats."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from annotator.core.model import Document
from annotator.formats.base import write_lines
from annotator.formats.jsonlines import json_line, read_json_lines
from annotator.formats.records import RecordError


def _plain(rec: Any, /, *, default_name: str) -> Document:
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        raise RecordError("no text")
    return Document(name=rec.get("id", default_name), text=rec["text"])


def test_bad_lines_and_bad_records_are_problems_in_line_order(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "دير الزور"}\n\n[1]\n{"id": "b", "text": "حلب"}\n{oops\n',
                    encoding="utf-8")
    result = read_json_lines(path, _plain)
    assert [(d.document.name, d.line) for d in result.documents] == [("in-1", 1), ("b", 4)]
    assert [(p.line, p.message.split(":")[0]) for p in result.problems] == [
        (3, "no text"), (5, "invalid JSON")]
    assert result.encodings == {str(path): "utf-8"}


def test_json_line_keeps_arabic_and_writes_other_values_as_strings() -> None:
    assert json_line({"text": "حلب", "published": dt.date(2024, 10, 28)}) == (
        '{"text": "حلب", "published": "2024-10-28"}')


def test_write_lines_ends_every_line_with_a_newline(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "out.jsonl"
    write_lines(out, ["أ", "b"])
    assert out.read_bytes() == "أ\nb\n".encode()
    write_lines(out, [])
    assert out.read_bytes() == b""
