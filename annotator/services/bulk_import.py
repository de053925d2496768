"""A streaming import for the common large case: one clean UTF-8 file of the project's JSONL.

The general import (``importing.import_paths``) reads every record into memory, checks them
all, then stores them: 3 GB for 100,000 articles. Here the file is read twice instead, a line
at a time: a first pass parses and checks every record with the same functions (keeping only
counts), a second pass parses again and hands the store batches of documents, all inside one
write transaction. Memory stays that of one batch, whatever the file's size.

Anything unusual (a problem in any record, a byte order mark, CR line ends, bytes that are not
UTF-8, labels to map or add, ``--skip-bad``) returns None before anything is written, and the
general import runs instead: it reports problems exactly as it always did.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.messages import Message
from annotator.core.model import Document
from annotator.formats.base import Problem, SourcedDocument
from annotator.formats.jsonl import record_to_document
from annotator.formats.records import RecordError
from annotator.services.progress import ProgressFn, no_progress

if TYPE_CHECKING:
    from annotator.core.model import LabelSchema
    from annotator.services.importing import ImportReport
    from annotator.store.merging import OnDuplicate
    from annotator.store.repository import Repository

#: Documents parsed, checked and stored at a time.
BATCH = 500
_CONTROL = frozenset(range(0, 32)) - {9, 10, 13}


def _clean_lines(path: Path) -> Iterator[tuple[int, str] | None]:
    """(line number, text) of each non-blank line; a None item means: not a clean file."""
    with path.open("rb") as fh:
        head = fh.read(65536)
        if not head or head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
            yield None
            return
        # The general reader's test for binary files, on the same first 64 KiB.
        if b"\x00" in head or sum(1 for b in head if b in _CONTROL) * 100 > len(head):
            yield None
            return
        fh.seek(0)
        for lineno, raw in enumerate(fh, 1):
            if b"\r" in raw or b"\x00" in raw:
                yield None
                return
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield None
                return
            if line.strip():
                yield lineno, line


def _records(path: Path, *, name: str) -> Iterator[SourcedDocument | None]:
    """Each line as a document; a None item means: a problem, leave it to the general import."""
    for n, item in enumerate(_clean_lines(path), 1):
        if item is None:
            yield None
            return
        lineno, line = item
        try:
            doc = record_to_document(json.loads(line), default_name=f"{name}-{n}")
        # JSONDecodeError is a ValueError, and so is an integer of thousands of digits.
        except (ValueError, RecursionError, RecordError):
            yield None
            return
        yield SourcedDocument(doc, str(path), lineno)


def import_jsonl_stream(
    repo: Repository,
    path: Path,
    *,
    project: int,
    schema: LabelSchema,
    annotator: str | None,
    on_duplicate: OnDuplicate = "merge",
    progress: ProgressFn = no_progress,
) -> ImportReport | None:
    """Import ``path`` in two streaming passes; None (nothing written) if it needs the general
    import: any problem, anything but clean UTF-8 JSONL, two records with the same text (the
    general import merges such copies before storing)."""
    from annotator.services.importing import ImportRefused, ImportReport, check_documents

    records = 0
    batch: list[SourcedDocument] = []
    # Text digest -> digest of the spans and events its first record carries. A second copy of
    # a text with the same annotations adds nothing (the store counts it as a duplicate); one
    # with other annotations carries work that the general import merges, so it goes there.
    first_copy: dict[str, bytes] = {}

    def checked(batch: list[SourcedDocument]) -> bool:
        # Reported before and after: a job cancelled at "checking" stops at the next report,
        # before anything is stored.
        progress("checking", records, None)
        result = check_documents(batch, schema, label_map={}, add_labels=False)
        if result.problems or len(result.good) != len(batch):
            return False
        if any(good.document != record.document
               for good, record in zip(result.good, batch, strict=True)):
            # Checking changed a record (a label matched by another case, say): the second
            # pass would store it unchanged, so this file goes the general way.
            return False
        for record in batch:
            doc = record.document
            work = hashlib.blake2b(repr((doc.spans, doc.events)).encode("utf-8")).digest()
            if first_copy.setdefault(doc.content_hash, work) != work:
                return False
        progress("checking", records + len(batch), None)
        return True

    # Pass 1 reads and checks each batch as it comes (both phases reported as they advance).
    for record in _records(path, name=path.stem):
        if record is None:
            return None
        batch.append(record)
        if len(batch) == BATCH:
            progress("reading", records + len(batch), None)
            if not checked(batch):
                return None
            records += len(batch)
            batch = []
    progress("reading", records + len(batch), records + len(batch))
    if batch and not checked(batch):
        return None
    records += len(batch)
    first_copy.clear()
    if not records:
        return None  # "the file holds no records" comes from the general reader
    progress("checking", records, records)

    def batches() -> Iterator[list[Document]]:
        part: list[Document] = []
        done = 0
        for record in _records(path, name=path.stem):
            if record is None:  # the file changed between the passes: roll everything back
                raise ImportRefused(
                    [Problem(str(path), None, Message("file.changed"))],
                    encodings={str(path): "utf-8"},
                )
            part.append(record.document)
            if len(part) == BATCH:
                yield part
                done += len(part)
                progress("storing", done, records)
                part = []
        if part:
            yield part
            progress("storing", records, records)

    progress("storing", 0, records)
    # Documents the project has already are merged into (or skipped, or replaced) by the store,
    # batch by batch, exactly as in the general import.
    result = repo.add_document_batches(project, batches, annotator=annotator,
                                       on_duplicate=on_duplicate)
    return ImportReport(
        added=list(result.added),
        duplicates=list(result.duplicates),
        spans=result.spans,
        encodings={str(path): "utf-8"},
        merged=len(result.merged),
        merged_spans=result.merged_spans,
        merged_events=result.merged_events,
        replaced_spans=result.replaced_spans,
        on_duplicate=on_duplicate,
    )
