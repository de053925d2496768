"""The project's own JSONL: one document per line, every field kept (see formats.md)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from annotator.core.model import DOC_STATUSES, Document, Event, Relation, Span, SpanOrigin
from annotator.formats.atomic import atomic_text
from annotator.formats.base import (
    Format,
    ReadResult,
    WriteOptions,
    WriteReport,
    is_int,
    record_name,
)
from annotator.formats.jsonlines import json_line, read_json_lines
from annotator.formats.records import RecordError, TextMapper


def document_to_record(doc: Document) -> dict[str, Any]:
    """The JSONL object of a document, keys in the documented order."""
    annotators = {s.annotator for s in doc.spans}
    common = next(iter(annotators)) if len(annotators) == 1 else None
    spans: list[dict[str, Any]] = []
    for i, span in enumerate(doc.spans, 1):
        item: dict[str, Any] = {"id": f"s{i}", "start": span.start, "end": span.end,
                                "label": span.label, "text": span.text,
                                "attrs": dict(span.attrs)}
        if span.annotator is not None and span.annotator != common:
            item["annotator"] = span.annotator
        if span.origin == "suggested":
            item["origin"] = "suggested"
        spans.append(item)
    events: list[dict[str, Any]] = []
    for i, event in enumerate(doc.events, 1):
        ev: dict[str, Any] = {
            "id": f"e{i}", "type": event.type,
            "trigger": None if event.trigger is None else f"s{event.trigger + 1}",
            "roles": {role: [f"s{k + 1}" for k in idx] for role, idx in event.roles.items()},
        }
        if event.attrs:
            ev["attrs"] = dict(event.attrs)
        events.append(ev)
    record = {"id": doc.name, "text": doc.text, "meta": dict(doc.meta), "status": doc.status,
              "annotator": common, "spans": spans, "events": events}
    if doc.relations:
        # Only when there are any: records without relations stay as they always were.
        record["relations"] = [
            {"id": f"r{i}", "type": r.type, "head": f"s{r.head + 1}", "tail": f"s{r.tail + 1}",
             **({"attrs": dict(r.attrs)} if r.attrs else {})}
            for i, r in enumerate(doc.relations, 1)
        ]
    return record


def _span_ref(ids: Mapping[str, int], ref: Any, what: str) -> int:
    key = str(ref) if is_int(ref) else ref
    if not isinstance(key, str) or key not in ids:
        raise RecordError(f"{what} refers to span {ref!r}, which this record does not have")
    return ids[key]


def record_to_document(rec: Any, *, default_name: str) -> Document:
    """A checked Document from one JSONL object; RecordError with every reason it is bad."""
    if not isinstance(rec, dict):
        raise RecordError("a record must be a JSON object")
    raw = rec.get("text")
    if not isinstance(raw, str):
        raise RecordError("'text' is missing or not a string")
    if not raw.strip():
        raise RecordError("'text' is empty")
    if "spans" not in rec:
        for key in ("label", "labels", "entities"):
            if isinstance(rec.get(key), list) and rec[key]:
                # Without this its spans would be dropped without a word.
                raise RecordError(f"a doccano record ('{key}' instead of 'spans'); import "
                                  "it with --format doccano")
    meta = rec.get("meta", {})
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise RecordError("'meta' must be an object")
    status = rec.get("status", "new")
    if status not in DOC_STATUSES:
        raise RecordError(f"'status' must be one of {', '.join(DOC_STATUSES)}, got {status!r}")
    doc_annotator = rec.get("annotator")
    if doc_annotator is not None and not isinstance(doc_annotator, str):
        raise RecordError("'annotator' must be a string or null")
    mapper = TextMapper(raw)
    raw_spans = rec.get("spans", [])
    if not isinstance(raw_spans, list):
        raise RecordError("'spans' must be a list")
    spans: list[Span] = []
    ids: dict[str, int] = {}
    errors: list[str] = []
    size = len(raw)
    plain = "\r" not in raw  # offsets need no newline mapping
    for n, item in enumerate(raw_spans, 1):
        if plain and type(item) is dict and len(item) == 6:
            # The common, well-formed span as this format writes it: checked inline, because
            # imports of many thousands of spans spend their time here.
            sid, start, end = item.get("id"), item.get("start"), item.get("end")
            label, given, attrs = item.get("label"), item.get("text"), item.get("attrs")
            if (type(sid) is str and sid not in ids and type(start) is int
                    and type(end) is int and 0 <= start < end <= size and type(label) is str
                    and label and type(attrs) is dict and raw[start:end] == given):
                spans.append(Span(start, end, label, given, None, doc_annotator, "imported",
                                  attrs))
                ids[sid] = len(spans) - 1
                continue
        what = f"span {n}"
        try:
            if not isinstance(item, dict):
                raise RecordError(f"{what} must be an object")
            sid = item.get("id", f"#{n}")
            sid = str(sid) if is_int(sid) else sid
            if not isinstance(sid, str):
                raise RecordError(f"{what}: 'id' must be a string")
            if "id" in item:
                what = f"span {sid}"
            if sid in ids:
                raise RecordError(f"{what}: the id is used twice")
            attrs = item.get("attrs", {})
            if not isinstance(attrs, dict):
                raise RecordError(f"{what}: 'attrs' must be an object")
            annotator = item.get("annotator", doc_annotator)
            if annotator is not None and not isinstance(annotator, str):
                raise RecordError(f"{what}: 'annotator' must be a string or null")
            origin: SpanOrigin = "suggested" if item.get("origin") == "suggested" else "imported"
            spans.append(mapper.span(item.get("start"), item.get("end"), item.get("label"),
                                     item.get("text"), origin=origin, annotator=annotator,
                                     attrs=attrs, what=what))
            ids[sid] = len(spans) - 1
        except RecordError as exc:
            errors.append(str(exc))
    raw_events = rec.get("events", [])
    if not isinstance(raw_events, list):
        errors.append("'events' must be a list")
        raw_events = []
    events: list[Event] = []
    for n, item in enumerate(raw_events, 1):
        what = f"event {n}"
        try:
            if not isinstance(item, dict):
                raise RecordError(f"{what} must be an object")
            etype = item.get("type")
            if not isinstance(etype, str) or not etype:
                raise RecordError(f"{what}: 'type' must be a non-empty string")
            trig = item.get("trigger")
            trigger = None if trig is None else _span_ref(ids, trig, f"{what} trigger")
            roles_raw = item.get("roles", {})
            if not isinstance(roles_raw, dict):
                raise RecordError(f"{what}: 'roles' must be an object")
            roles: dict[str, tuple[int, ...]] = {}
            for role, refs in roles_raw.items():
                if not isinstance(refs, list):
                    raise RecordError(f"{what}: role {role!r} must list span ids")
                roles[role] = tuple(_span_ref(ids, r, f"{what} role {role}") for r in refs)
            attrs = item.get("attrs", {})
            if not isinstance(attrs, dict):
                raise RecordError(f"{what}: 'attrs' must be an object")
            events.append(Event(type=etype, roles=roles, trigger=trigger, attrs=attrs))
        except RecordError as exc:
            errors.append(str(exc))
    relations = _relations(rec.get("relations", []), ids, errors)
    if errors:
        raise RecordError("; ".join(errors))
    return Document(name=record_name(rec.get("id"), default_name), text=mapper.text, meta=meta,
                    status=status, spans=tuple(spans), events=tuple(events),
                    relations=tuple(relations))


def _relations(raw: Any, ids: Mapping[str, int], errors: list[str]) -> list[Relation]:
    """The record's binary relations (``head``/``tail`` name span ids)."""
    if not isinstance(raw, list):
        errors.append("'relations' must be a list")
        return []
    out: list[Relation] = []
    for n, item in enumerate(raw, 1):
        what = f"relation {n}"
        try:
            if not isinstance(item, dict):
                raise RecordError(f"{what} must be an object")
            rtype = item.get("type")
            if not isinstance(rtype, str) or not rtype.strip():
                raise RecordError(f"{what}: 'type' must be a non-empty string")
            attrs = item.get("attrs", {})
            if not isinstance(attrs, dict):
                raise RecordError(f"{what}: 'attrs' must be an object")
            out.append(Relation(rtype, _span_ref(ids, item.get("head"), f"{what} head"),
                                _span_ref(ids, item.get("tail"), f"{what} tail"), attrs=attrs))
        except RecordError as exc:
            errors.append(str(exc))
    return out


class JsonlFormat(Format):
    """The project's JSONL dataset."""

    name = "jsonl"
    description = "the project's JSONL dataset: text, metadata, status, spans and events"
    extensions = (".jsonl",)

    def read(self, path: Path) -> ReadResult:
        """Read one JSONL file; each bad line is a problem, the good ones are documents."""
        return read_json_lines(path, record_to_document)

    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """One line per document, UTF-8 without BOM, ``\\n`` line ends.

        Streamed: each line goes to a temporary file as soon as it is made, and the file
        replaces ``out`` at the end (a failure leaves nothing).
        """
        report = WriteReport(files=[out])
        with atomic_text(out) as fh:
            for doc in documents:
                fh.write(json_line(document_to_record(doc)) + "\n")
                report.documents += 1
                report.spans += len(doc.spans)
        return report
