"""Record-per-line JSON shared by the project's JSONL, doccano and Label Studio formats."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Protocol

from annotator.core.messages import Message, json_reason, message_of
from annotator.core.model import Document
from annotator.formats.base import FormatError, Problem, ReadResult, SourcedDocument
from annotator.formats.records import RecordError
from annotator.formats.textio import read_text


class RecordReader(Protocol):
    """Turns one decoded record into a Document, or raises RecordError saying why not."""

    def __call__(self, rec: Any, /, *, default_name: str) -> Document: ...


#: The message for JSON whose arrays and objects nest deeper than the decoder can follow.
TOO_DEEP = Message("json.too_deep")


#: The message for an integer too long for Python to convert (over 4300 digits).
HUGE_NUMBER = Message("json.huge_number")
_HUGE = re.compile(r"\d{4000,}")


class JsonProblem(ValueError):
    """Text that is not usable JSON: ``message`` says why, ``line`` where (1-based)."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def loads(text: str) -> Any:
    """``json.loads`` with every failure as a JsonProblem: syntax errors, nesting too deep,
    and integers longer than Python converts (a ValueError, not a JSONDecodeError)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonProblem(Message("json.invalid", error=json_reason(exc.msg),
                                  column=exc.colno),
                          exc.lineno) from None
    except RecursionError:
        raise JsonProblem(TOO_DEEP, 1) from None
    except ValueError:
        found = _HUGE.search(text)
        line = text.count("\n", 0, found.start()) + 1 if found else 1
        raise JsonProblem(HUGE_NUMBER, line) from None


def json_line(value: Any) -> str:
    """One record as a single line of JSON: Arabic kept as is, dates and the like as strings."""
    return json.dumps(value, ensure_ascii=False, default=str)


def json_lines(path: Path) -> tuple[list[tuple[int, Any]], list[Problem], str]:
    """Decoded JSON values by line number, problems for lines that are not JSON, encoding."""
    decoded = read_text(path)
    values: list[tuple[int, Any]] = []
    problems: list[Problem] = []
    for lineno, line in enumerate(decoded.text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            values.append((lineno, loads(line)))
        except JsonProblem as exc:
            problems.append(Problem(str(path), lineno, exc.message))
    if not values and not problems:
        raise FormatError([Problem(str(path), None, Message("file.no_records"))])
    return values, problems, decoded.encoding


def read_json_lines(path: Path, to_document: RecordReader) -> ReadResult:
    """Every line of a JSON Lines file through ``to_document``; each bad line is a problem."""
    values, problems, encoding = json_lines(path)
    result = ReadResult(problems=problems, encodings={str(path): encoding})
    for n, (lineno, rec) in enumerate(values, 1):
        try:
            doc = to_document(rec, default_name=f"{path.stem}-{n}")
        except RecordError as exc:
            result.problems.append(Problem(str(path), lineno, message_of(exc)))
            continue
        result.documents.append(SourcedDocument(doc, str(path), lineno))
    result.problems.sort(key=lambda p: p.line or 0)
    return result
