"""A streaming import for the common large case: one clean UTF-8 file of the project's JSONL.

The general import (``importing.import_paths``) reads every record into memory, checks them
all, then stores them: 3 GB for 100,000 articles. Here the file is read once, a line at a time,
inside the store's one write transaction: each batch of records is parsed, checked with the
general import's own functions and handed to the store. Memory stays that of one batch,
whatever the file's size.

Anything unusual (a problem in any record, a byte order mark, CR line ends, bytes that are not
UTF-8, two copies of a text with different annotations, labels to map or add, ``--skip-bad``)
stops the stream: the transaction is rolled back, so nothing is written, this returns None and
the general import runs instead; it reports problems exactly as it always did. Reading the file
once instead of twice (once to check, once to store) halves the parsing of a clean file; a bad
file costs the work up to its first bad record, thrown away.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.model import Document
from annotator.formats.base import SourcedDocument
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


class _NotStreamable(Exception):
    """Raised from inside the write transaction: roll back, let the general import run."""


def _clean_lines(path: Path) -> Iterator[tuple[int, int, str] | None]:
    """(line number, byte offset, text) of each non-blank line; a None item means: not a
    clean file."""
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
        offset = 0
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
                yield lineno, offset, line
            offset += len(raw)


def _parse(line: str, name: str) -> Document | None:
    """One line as a checked document, or None when it is not a good record."""
    try:
        return record_to_document(json.loads(line), default_name=name)
    # JSONDecodeError is a ValueError, and so is an integer of thousands of digits.
    except (ValueError, RecursionError, RecordError):
        return None


def _work(doc: Document) -> tuple[object, ...]:
    """What a copy of a text carries besides the text: compared between two copies."""
    return (doc.spans, doc.events, doc.relations)


def _line_at(path: Path, offset: int) -> str:
    with path.open("rb") as fh:
        fh.seek(offset)
        return fh.readline().decode("utf-8")


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
    """Import ``path`` in one streaming pass inside one write transaction; None (nothing
    written) if it needs the general import: any problem, anything but clean UTF-8 JSONL, two
    records with the same text and different annotations (the general import merges such
    copies before storing)."""
    from annotator.services.importing import ImportReport, check_documents

    records = 0

    # Text digest -> byte offset of the first record with that text. A second copy of a text
    # with the same annotations adds nothing (the store counts it as a duplicate); one with
    # other annotations carries work that the general import merges, so it goes there. The
    # first copy is read again only when a second one turns up (rare).
    first_copy: dict[str, int] = {}

    def checked(batch: list[SourcedDocument], offsets: list[int], escapes: bool
                ) -> list[Document]:
        result = check_documents(batch, schema, label_map={}, add_labels=False,
                                 surrogates=escapes)
        if result.problems or len(result.good) != len(batch):
            raise _NotStreamable
        if any(good.document is not record.document and good.document != record.document
               for good, record in zip(result.good, batch, strict=True)):
            # Checking changed a record (a label matched by another case, say): the store
            # would get it changed, and the general import reports such changes.
            raise _NotStreamable
        # Digests only now: a checked text holds no unpaired surrogate, so it encodes.
        for record, offset in zip(batch, offsets, strict=True):
            seen = first_copy.setdefault(record.document.content_hash, offset)
            if seen != offset:
                first = _parse(_line_at(path, seen), path.stem)
                if first is None or _work(first) != _work(record.document):
                    raise _NotStreamable
        return [record.document for record in batch]

    def batches() -> Iterator[list[Document]]:
        # Called again from the start if the database was busy and the transaction re-runs.
        nonlocal records
        records = 0
        first_copy.clear()
        batch: list[SourcedDocument] = []
        offsets: list[int] = []
        # Decoded UTF-8 holds no unpaired surrogate: only a JSON escape (\\uD800 to \\uDFFF)
        # can make one, so the check for them runs only on batches with such an escape.
        escapes = False
        for n, item in enumerate(_clean_lines(path), 1):
            if item is None:
                raise _NotStreamable
            lineno, offset, line = item
            doc = _parse(line, f"{path.stem}-{n}")
            if doc is None:
                raise _NotStreamable
            escapes = escapes or "\\ud" in line or "\\uD" in line
            batch.append(SourcedDocument(doc, str(path), lineno))
            offsets.append(offset)
            if len(batch) == BATCH:
                # Reports while the transaction is open: a job cancelled here rolls it back.
                progress("reading", records + len(batch), None)
                progress("checking", records + len(batch), None)
                yield checked(batch, offsets, escapes)
                records += len(batch)
                batch = []
                offsets = []
                escapes = False
        if batch:
            progress("reading", records + len(batch), None)
            progress("checking", records + len(batch), None)
            yield checked(batch, offsets, escapes)
            records += len(batch)
        if not records:
            raise _NotStreamable  # "the file holds no records" comes from the general reader
        progress("reading", records, records)
        progress("checking", records, records)
        # Past this report the job is committing: only the commit is left.
        progress("storing", records, records)

    try:
        # Documents the project has already are merged into (or skipped, or replaced) by the
        # store, batch by batch, exactly as in the general import.
        result = repo.add_document_batches(project, batches, annotator=annotator,
                                           on_duplicate=on_duplicate)
    except _NotStreamable:
        return None
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
