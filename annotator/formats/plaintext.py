"""Plain text: one .txt file is one document; a folder of them is a corpus."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from annotator.core.messages import Message
from annotator.core.model import Document
from annotator.formats.base import (
    Format,
    FormatError,
    NameAllocator,
    Problem,
    ReadResult,
    SourcedDocument,
    WriteOptions,
    WriteReport,
    atomic_folder,
    folder_files,
)
from annotator.formats.textio import read_text, text_bytes


class TextFormat(Format):
    """Plain .txt files (no annotations)."""

    name = "txt"
    description = "plain text: a .txt file, or a folder of them (one document each)"
    extensions = (".txt",)
    writes_folder = True

    def read(self, path: Path) -> ReadResult:
        """Read one .txt file, or every .txt file of a folder (sorted by name)."""
        result = ReadResult()
        if path.is_dir():
            files, result.problems = folder_files(path, "*.txt")
            if not files and not result.problems:
                raise FormatError([Problem(str(path), None,
                                           Message("folder.no_files", suffix=".txt"))])
        else:
            files = [path]
        for file in files:
            try:
                decoded = read_text(file)
            except FormatError as exc:
                result.problems.extend(exc.problems)
                continue
            result.encodings[str(file)] = decoded.encoding
            if not decoded.text.strip():
                result.problems.append(Problem(str(file), None, Message("file.only_spaces")))
                continue
            result.documents.append(
                SourcedDocument(Document(name=file.stem, text=decoded.text), str(file), None))
        return result

    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """A folder with one UTF-8 ``<name>.txt`` per document; spans are not written."""
        report = WriteReport()
        names = NameAllocator()
        unwritten = 0
        with atomic_folder(out, allowed_suffixes=(".txt",)) as tmp:
            for doc in documents:
                stem = names.take(doc.name)
                (tmp / f"{stem}.txt").write_bytes(text_bytes(doc.text))
                report.files.append(out / f"{stem}.txt")
                report.documents += 1
                unwritten += len(doc.spans)
        if unwritten:
            report.dropped.append(Problem(str(out), None,
                                          Message("txt.spans_dropped", n=unwritten)))
        return report
