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

The command line first tries ``import_jsonl_bare``: the same reader, its batches written over
bare ``sqlite3`` by ``store.sql_writes`` into a current SQLite file, without loading
SQLAlchemy (ADR 0016); anything it does not take leaves nothing written and comes here.
"""

from __future__ import annotations

import gc
import json
import sqlite3
from collections.abc import Container, Iterator
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import orjson

from annotator.core.model import DOC_STATUSES, Document, DocumentRows, SpanRow, content_hash
from annotator.core.publication import published_problem
from annotator.formats.base import SourcedDocument, record_name
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
#: Files from this size on are imported by the command line in a rollback journal instead of
#: WAL when nobody else has the database open (store.sql_writes, ADR 0016): about 1,000
#: generated articles, where writing every page twice starts to cost a tenth of a second.
ROLLBACK_JOURNAL_BYTES = 4 * 1024 * 1024
_CONTROL = frozenset(range(0, 32)) - {9, 10, 13}
# The keys of a span as this program's export writes it (formats/jsonl.py).
_SPAN_KEYS = frozenset({"id", "start", "end", "label", "text", "attrs"})
_SPAN_VALUES = itemgetter("start", "end", "label", "attrs", "text", "id")
# Every ASCII digit as "0", every other byte as "x": a line holds 19 digits in a row when its
# translation holds _LONG_RUN (two passes in C: a tenth of a regular expression's time). Only
# lines that leave the checked rows (``_rows``) are looked at this way (see ``_loads``).
_DIGITS_AS_ZERO = bytes(0x30 if 0x30 <= b <= 0x39 else 0x78 for b in range(256))
_LONG_RUN = b"0" * 19


class _NotStreamable(Exception):
    """Raised from inside the write transaction: roll back, let the general import run."""


def _clean_lines(path: Path) -> Iterator[tuple[int, int, bytes] | None]:
    """(line number, byte offset, bytes) of each non-blank line; a None item means: not a
    clean file. Not decoded here: the JSON reader takes the bytes and refuses any that are
    not UTF-8."""
    # A 1 MiB buffer: the lines of a news corpus are kilobytes long, and the default 8 KiB
    # buffer took half of the reading's time copying them (0.025 s against 0.013 s at 10k).
    with path.open("rb", buffering=1 << 20) as fh:
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
            # isspace(), not strip(): no copy of every line; a line of other white space
            # fails to parse and goes the general way, which decides.
            if not raw.isspace():
                yield lineno, offset, raw
            offset += len(raw)


def _loads(raw: bytes) -> Any:
    """One line's JSON value. orjson reads this corpus in about half json's time (ADR 0016);
    it refuses what json accepts beyond the JSON standard (NaN, 1e400, a lone surrogate
    escape) and bytes that are not UTF-8: those raise and go the general way, which reads
    with json.

    It reads an integer past 64 bits as a float (at least 9.2e18, written back as "e+").
    Where that would change what is stored (the id, the metadata, a span's attributes)
    ``_rows`` refuses the record, and ``_exact`` reads such a line again with json; a float
    elsewhere (a span's start or end) makes a record the readers refuse anyway. Checking
    every line for 19 digits in a row instead cost 3% of a 10k import."""
    return orjson.loads(raw)


def _exact(raw: bytes, rec: Any) -> Any:
    """``rec`` as json reads ``raw``: read again when the line holds 19 digits in a row (an
    integer orjson may have made a float)."""
    if _LONG_RUN in raw.translate(_DIGITS_AS_ZERO):
        return json.loads(raw.decode("utf-8"))
    return rec


def _parse(line: str, name: str) -> Document | None:
    """One line as a checked document, or None when it is not a good record."""
    try:
        return record_to_document(json.loads(line), default_name=name)
    # JSONDecodeError is a ValueError, and so is an integer of thousands of digits.
    except (ValueError, RecursionError, RecordError):
        return None


def _rows(rec: Any, default_name: str, labels: Container[str], max_chars: int, *,
          exact: bool = False) -> DocumentRows | None:
    """The common record (what this program's export writes: spans of six keys, no events,
    no relations) as rows, checked in one pass for everything the general reader, the
    import's checks and the store would refuse; None for any other record, which then takes
    the general reader and checks (they explain what is wrong, with file and line).

    The caller has seen no ``\\uD...`` escape in the line, so no string holds an unpaired
    surrogate.
    """
    if type(rec) is not dict:
        return None
    for key in ("events", "relations"):
        # Absent or an empty list; anything else (null and {} included: the general reader
        # refuses those) takes the general way.
        if key in rec and rec[key] != []:
            return None
    text = rec.get("text")
    raw_spans = rec.get("spans")
    if (type(text) is not str or type(raw_spans) is not list or "\r" in text
            or "\x00" in text or len(text) > max_chars or not text or text.isspace()):
        return None
    meta = rec.get("meta", {})
    status = rec.get("status", "new")
    annotator = rec.get("annotator")
    if not exact and type(rec.get("id")) is float:
        return None  # maybe an integer past 64 bits (``_loads``)
    name = record_name(rec.get("id"), default_name)
    if (meta is not None and type(meta) is not dict) or status not in DOC_STATUSES \
            or (annotator is not None and type(annotator) is not str) or "\x00" in name:
        return None
    if meta:
        if published_problem(meta) is not None:
            return None
        try:
            # As the store writes metadata (store.bulk.meta_json), refusing NaN and infinity.
            meta_text = json.dumps(meta, allow_nan=False)
        except (ValueError, RecursionError):
            return None
        if not exact and "e+" in meta_text:
            return None  # maybe an integer past 64 bits (``_loads``)
    else:
        meta_text = "{}"
    size = len(text)
    # Span ids: strings, each once (events and relations would refer to them).
    sids: set[str] = set()
    spans: list[SpanRow] = []
    for item in raw_spans:
        # One C call for the six values once the keys were compared: a 10k import checks
        # 220,000 spans, and a subscript each cost a tenth of the import's check.
        if type(item) is not dict or item.keys() != _SPAN_KEYS:
            return None
        start, end, label, attrs, span_text, sid = _SPAN_VALUES(item)
        if not (type(start) is int and type(end) is int and 0 <= start < end <= size
                and type(label) is str and label in labels and type(attrs) is dict
                and type(sid) is str and text[start:end] == span_text):
            return None
        sids.add(sid)
        if attrs:
            try:
                # As the store writes span attributes (store.bulk.attrs_json).
                attrs_text = json.dumps(attrs, ensure_ascii=False, allow_nan=False)
            except (ValueError, RecursionError):
                return None
            if not exact and "e+" in attrs_text:
                return None  # maybe an integer past 64 bits (``_loads``)
            spans.append((start, end, label, attrs_text))
        else:
            spans.append((start, end, label, "{}"))
    if len(sids) != len(spans):
        return None
    return DocumentRows(name, text, meta_text, status, annotator, tuple(spans),
                        content_hash(text))


def _work(doc: Document) -> tuple[object, ...]:
    """What a copy of a text carries besides the text: compared between two copies."""
    return (doc.spans, doc.events, doc.relations)


def _line_at(path: Path, offset: int) -> str:
    with path.open("rb") as fh:
        fh.seek(offset)
        return fh.readline().decode("utf-8")


class _Stream:
    """The file's records in checked batches, for one run of the write transaction.

    ``lean_only``: every record must take the lean reader (``_rows``); any other raises
    _NotStreamable (the bare-driver writer stores ``DocumentRows`` alone).
    """

    def __init__(self, path: Path, schema: LabelSchema, progress: ProgressFn, *,
                 lean_only: bool = False) -> None:
        self.path = path
        self.schema = schema
        self.labels = set(schema.names)
        self.progress = progress
        self.lean_only = lean_only
        self.records = 0
        # Text digest -> byte offset of the first record with that text. A second copy of a
        # text with the same annotations adds nothing (the store counts it as a duplicate);
        # one with other annotations carries work that the general import merges, so it goes
        # there. The first copy is read again only when a second one turns up (rare).
        self.first_copy: dict[str, int] = {}

    def checked(self, batch: list[Document | DocumentRows], slow: list[SourcedDocument],
                offsets: list[int], escapes: bool) -> list[Document | DocumentRows]:
        from annotator.services.importing import check_documents

        # Records the lean reader took are checked already; the others (``slow``, also
        # in ``batch``) get the general import's checks.
        if slow:
            result = check_documents(slow, self.schema, label_map={}, add_labels=False,
                                     surrogates=escapes)
            if result.problems or len(result.good) != len(slow):
                raise _NotStreamable
            if any(good.document is not record.document and good.document != record.document
                   for good, record in zip(result.good, slow, strict=True)):
                # Checking changed a record (a label matched by another case, say): the
                # store would get it changed, and the general import reports such changes.
                raise _NotStreamable
        # Digests only now: a checked text holds no unpaired surrogate, so it encodes.
        for doc, offset in zip(batch, offsets, strict=True):
            seen = self.first_copy.setdefault(doc.content_hash, offset)
            if seen != offset:
                first = _parse(_line_at(self.path, seen), self.path.stem)
                again = doc.document() if isinstance(doc, DocumentRows) else doc
                if first is None or _work(first) != _work(again):
                    raise _NotStreamable
        return batch

    def batches(self) -> Iterator[list[Document | DocumentRows]]:
        """Called again from the start if the database was busy and the transaction re-runs."""
        from annotator.services.importing import MAX_TEXT_CHARS

        path, labels, progress = self.path, self.labels, self.progress
        stem = path.stem  # a property in Python: once, not per line
        self.records = 0
        self.first_copy.clear()
        batch: list[Document | DocumentRows] = []
        slow: list[SourcedDocument] = []
        offsets: list[int] = []
        # Decoded UTF-8 holds no unpaired surrogate: only a JSON escape (\\uD800 to \\uDFFF)
        # can make one, so the check for them runs only on batches with such an escape.
        escapes = False
        for n, item in enumerate(_clean_lines(path), 1):
            if item is None:
                raise _NotStreamable
            lineno, offset, raw = item
            name = f"{stem}-{n}"
            escaped = b"\\ud" in raw or b"\\uD" in raw
            try:
                rec = _loads(raw)
            # JSONDecodeError (json's and orjson's) and UnicodeDecodeError are ValueErrors,
            # and so is an integer of thousands of digits.
            except (ValueError, RecursionError):
                raise _NotStreamable from None
            rows = None if escaped else _rows(rec, name, labels, MAX_TEXT_CHARS)
            if rows is None:
                # As json reads it (an integer past 64 bits), and checked again without
                # the float checks that sent it here (``_loads``).
                rec = _exact(raw, rec)
                if not escaped:
                    rows = _rows(rec, name, labels, MAX_TEXT_CHARS, exact=True)
            if rows is not None:
                batch.append(rows)
            elif self.lean_only:
                raise _NotStreamable
            else:
                try:
                    doc = record_to_document(rec, default_name=name)
                except (ValueError, RecursionError):  # RecordError is a ValueError
                    raise _NotStreamable from None
                escapes = escapes or escaped
                batch.append(doc)
                slow.append(SourcedDocument(doc, str(path), lineno))
            offsets.append(offset)
            if len(batch) == BATCH:
                # Reports while the transaction is open: a job cancelled here rolls it back.
                progress("reading", self.records + len(batch), None)
                progress("checking", self.records + len(batch), None)
                yield self.checked(batch, slow, offsets, escapes)
                self.records += len(batch)
                batch = []
                slow = []
                offsets = []
                escapes = False
        if batch:
            progress("reading", self.records + len(batch), None)
            progress("checking", self.records + len(batch), None)
            yield self.checked(batch, slow, offsets, escapes)
            self.records += len(batch)
        if not self.records:
            raise _NotStreamable  # "the file holds no records" comes from the general reader
        progress("reading", self.records, self.records)
        progress("checking", self.records, self.records)
        # Past this report the job is committing: only the commit is left.
        progress("storing", self.records, self.records)


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
    from annotator.services.importing import ImportReport

    stream = _Stream(path, schema, progress)
    try:
        # Documents the project has already are merged into (or skipped, or replaced) by the
        # store, batch by batch, exactly as in the general import.
        result = repo.add_document_batches(project, stream.batches, annotator=annotator,
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


def import_jsonl_bare(
    db: str | None,
    path: Path,
    *,
    annotator: str | None,
    on_duplicate: OnDuplicate = "merge",
    progress: ProgressFn = no_progress,
) -> ImportReport | None:
    """The command line's import of one clean JSONL file into the SQLite file ``db`` at the
    head revision, over ``sqlite3`` alone (``store.sql_writes``, ADR 0016): the same rows as
    :func:`import_jsonl_stream` through the store, without loading SQLAlchemy.

    None (nothing written) when the store must do it: not such a file or database, a record
    the lean reader does not take, a copy of a stored document to merge or replace, anything
    unusual; the caller then takes the store's path, which decides and reports as always.
    """
    from annotator.services.importing import ImportReport
    from annotator.store.sql_writes import NotLean, SQLiteImport

    writer = SQLiteImport.open(db, large=path.stat().st_size >= ROLLBACK_JOURNAL_BYTES)
    if writer is None:
        return None
    stream = _Stream(path, writer.schema, progress, lean_only=True)
    added: list[int] = []
    duplicates: list[str] = []
    spans = 0
    gc_was_on = gc.isenabled()
    # As the store's add_document_batches: the collector would walk every live row again
    # and again; reference counting still frees everything.
    gc.disable()
    try:
        for batch in stream.batches():
            # lean_only: every item is DocumentRows.
            ids, dups, count = writer.add(cast("list[DocumentRows]", batch), annotator,
                                          on_duplicate)
            added.extend(ids)
            duplicates.extend(dups)
            spans += count
        writer.commit()
    except (_NotStreamable, NotLean, sqlite3.Error, OSError):
        # A driver error (a full disk, say) or a file that cannot be read too: the store's
        # path runs and reports it.
        writer.rollback()
        return None
    except BaseException:
        writer.rollback()
        raise
    finally:
        if gc_was_on:
            gc.enable()
    return ImportReport(
        added=added,
        duplicates=duplicates,
        spans=spans,
        encodings={str(path): "utf-8"},
        on_duplicate=on_duplicate,
    )
