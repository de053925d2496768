"""CSV: a ``text`` column, an optional ``id`` column, every other column is metadata."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.messages import Message
from annotator.core.model import Document
from annotator.formats.atomic import BOM, atomic_text
from annotator.formats.base import (
    Format,
    FormatError,
    Problem,
    ReadResult,
    SourcedDocument,
    WriteOptions,
    WriteReport,
)
from annotator.formats.textio import read_text

# Articles are longer than the csv module's default field limit of 128 KiB.
_FIELD_LIMIT = 2**31 - 1


def _cell(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _delimiter(text: str) -> str:
    """The delimiter of the header row: the most frequent of , ; TAB that gives a 'text'
    column (a metadata column named "a;b" must not make ";" the delimiter)."""
    first = text.split("\n", 1)[0]
    candidates = sorted(",;\t", key=lambda d: (-first.count(d), ",;\t".index(d)))
    for delimiter in candidates:
        try:
            header = next(csv.reader([first], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        if "text" in (h.strip() for h in header):
            return delimiter
    return candidates[0]


class CsvFormat(Format):
    """CSV with a header row."""

    name = "csv"
    description = "CSV with a 'text' column, optional 'id'; other columns become metadata"
    extensions = (".csv",)

    def read(self, path: Path) -> ReadResult:
        """Read rows as documents; a row without text is a problem (with its line)."""
        decoded = read_text(path)
        csv.field_size_limit(_FIELD_LIMIT)
        # The header row tells the delimiter; csv.Sniffer guesses badly on Arabic prose.
        delimiter = _delimiter(decoded.text)
        # strict: an unterminated quote is an error, not a field that swallows the rows after
        # it (two documents silently made one).
        reader = csv.reader(io.StringIO(decoded.text, newline=""), delimiter=delimiter,
                            strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise FormatError([Problem(str(path), None, Message("file.empty"))]) from None
        except csv.Error as exc:
            raise FormatError([Problem(str(path), 1, Message("csv.bad_header", error=str(exc)))]
                              ) from None
        header = [h.strip() for h in header]
        if "text" not in header:
            raise FormatError([Problem(str(path), 1,
                                       Message("csv.no_text", columns=", ".join(header)))])
        result = ReadResult(encodings={str(path): decoded.encoding})
        line = reader.line_num + 1
        try:
            for n, row in enumerate(reader, 1):
                first_line, line = line, reader.line_num + 1
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    result.problems.append(Problem(
                        str(path), first_line,
                        Message("csv.columns", n=len(row), header=len(header))))
                    continue
                cells = dict(zip(header, row, strict=True))
                text = cells.pop("text")
                if not text.strip():
                    result.problems.append(Problem(str(path), first_line,
                                                   Message("csv.empty_text")))
                    continue
                ident = cells.pop("id", "").strip()
                meta = {k: v for k, v in cells.items() if v != ""}
                doc = Document(name=ident or f"{path.stem}-{n}",
                               text=text, meta=meta)
                result.documents.append(SourcedDocument(doc, str(path), first_line))
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                result.problems.append(Problem(
                    str(path), line, Message("csv.unterminated")))
            else:
                result.problems.append(Problem(str(path), reader.line_num,
                                               Message("csv.bad", error=str(exc))))
        return result

    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """UTF-8 with a BOM (so spreadsheet programs see Arabic), ``id,text`` then metadata."""
        # The header names every metadata key, known only at the end: each document goes to
        # a spill file first (one JSON line: id, text, its cells by key), then the rows are
        # written from it. Memory stays that of one document, whatever the corpus size.
        meta_keys: dict[str, None] = {}  # in order of first appearance
        report = WriteReport(files=[out])
        unwritten = 0
        with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as spill:
            for doc in documents:
                cells = {k: _cell(v) for k, v in doc.meta.items() if k not in ("id", "text")}
                meta_keys.update(dict.fromkeys(cells))
                spill.write(json.dumps([doc.name, doc.text, cells], ensure_ascii=False) + "\n")
                report.documents += 1
                unwritten += len(doc.spans)
            spill.seek(0)
            with atomic_text(out) as fh:
                fh.write(BOM)
                writer = csv.writer(fh, lineterminator="\r\n")
                writer.writerow(["id", "text", *meta_keys])
                for line in spill:
                    name, text, cells = json.loads(line)
                    writer.writerow([name, text, *(cells.get(k, "") for k in meta_keys)])
        if unwritten:
            report.dropped.append(Problem(str(out), None,
                                          Message("csv.spans_dropped", n=unwritten)))
        return report
