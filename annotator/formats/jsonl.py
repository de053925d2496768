"""The project's own JSONL: one document per line, every field kept (see formats.md)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from annotator.core.messages import Message, message_of
from annotator.core.model import (
    DOC_STATUSES,
    Document,
    Event,
    Relation,
    Span,
    SpanOrigin,
    cycle_message,
    event_cycle,
)
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
from annotator.formats.records import RecordError, TextMapper, record_error


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
        if event.event_args:
            # Only when there are any: events without nested ones stay as they always were.
            ev["event_args"] = {role: [f"e{k + 1}" for k in idx]
                                for role, idx in event.event_args.items()}
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
        raise RecordError(Message("record.unknown_span", what=what, ref=repr(ref)))
    return ids[key]


def record_to_document(rec: Any, *, default_name: str) -> Document:
    """A checked Document from one JSONL object; RecordError with every reason it is bad."""
    if not isinstance(rec, dict):
        raise RecordError(Message("record.not_object"))
    raw = rec.get("text")
    if not isinstance(raw, str):
        raise RecordError(Message("record.text_missing"))
    if not raw.strip():
        raise RecordError(Message("record.text_empty"))
    if "spans" not in rec:
        for key in ("label", "labels", "entities"):
            if isinstance(rec.get(key), list) and rec[key]:
                # Without this its spans would be dropped without a word.
                raise RecordError(Message("record.doccano", key=key))
    meta = rec.get("meta", {})
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise RecordError(Message("record.key_not_object", key="meta"))
    status = rec.get("status", "new")
    if status not in DOC_STATUSES:
        raise RecordError(Message("record.bad_choice", key="status",
                                  choices=", ".join(DOC_STATUSES), value=repr(status)))
    doc_annotator = rec.get("annotator")
    if doc_annotator is not None and not isinstance(doc_annotator, str):
        raise RecordError(Message("record.key_string_or_null", key="annotator"))
    mapper = TextMapper(raw)
    raw_spans = rec.get("spans", [])
    if not isinstance(raw_spans, list):
        raise RecordError(Message("record.key_not_list", key="spans"))
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
        what = Message("item.span", n=n)
        try:
            if not isinstance(item, dict):
                raise RecordError(Message("record.must_be_object", what=what))
            sid = item.get("id", f"#{n}")
            sid = str(sid) if is_int(sid) else sid
            if not isinstance(sid, str):
                raise record_error(what, "record.key_string", key="id")
            if "id" in item:
                what = Message("item.span", n=sid)
            if sid in ids:
                raise record_error(what, "record.id_twice")
            attrs = item.get("attrs", {})
            if not isinstance(attrs, dict):
                raise record_error(what, "record.key_not_object", key="attrs")
            annotator = item.get("annotator", doc_annotator)
            if annotator is not None and not isinstance(annotator, str):
                raise record_error(what, "record.key_string_or_null", key="annotator")
            origin: SpanOrigin = "suggested" if item.get("origin") == "suggested" else "imported"
            spans.append(mapper.span(item.get("start"), item.get("end"), item.get("label"),
                                     item.get("text"), origin=origin, annotator=annotator,
                                     attrs=attrs, what=what))
            ids[sid] = len(spans) - 1
        except RecordError as exc:
            errors.append(message_of(exc))
    raw_events = rec.get("events", [])
    if not isinstance(raw_events, list):
        errors.append(Message("record.key_not_list", key="events"))
        raw_events = []
    events: list[Event] = []
    event_ids = _event_ids(raw_events, errors)
    for n, item in enumerate(raw_events, 1):
        what = Message("item.event", n=n)
        try:
            if not isinstance(item, dict):
                raise RecordError(Message("record.must_be_object", what=what))
            etype = item.get("type")
            if not isinstance(etype, str) or not etype:
                raise record_error(what, "record.key_nonempty_string", key="type")
            trig = item.get("trigger")
            trigger = None if trig is None else _span_ref(ids, trig,
                                                           Message("item.trigger", what=what))
            roles_raw = item.get("roles", {})
            if not isinstance(roles_raw, dict):
                raise record_error(what, "record.key_not_object", key="roles")
            roles: dict[str, tuple[int, ...]] = {}
            for role, refs in roles_raw.items():
                if not isinstance(refs, list):
                    raise record_error(what, "record.role_ids", role=repr(role))
                roles[role] = tuple(_span_ref(ids, r, Message("item.role", what=what,
                                                                         role=role)) for r in refs)
            attrs = item.get("attrs", {})
            if not isinstance(attrs, dict):
                raise record_error(what, "record.key_not_object", key="attrs")
            args = _event_args(item.get("event_args", {}), event_ids, what)
            events.append(Event(type=etype, roles=roles, trigger=trigger, attrs=attrs,
                                event_args=args))
        except RecordError as exc:
            errors.append(message_of(exc))
    if not errors:
        cycle = event_cycle({i: [j for idx in e.event_args.values() for j in idx]
                             for i, e in enumerate(events)})
        if cycle is not None:
            names = {i: name for name, i in event_ids.items()}
            errors.append(cycle_message(tuple(names.get(i, str(i + 1)) for i in cycle)))
    relations = _relations(rec.get("relations", []), ids, errors)
    if errors:
        raise RecordError(functools.reduce(
            lambda first, rest: Message("record.and", first=first, rest=rest), errors))
    return Document(name=record_name(rec.get("id"), default_name), text=mapper.text, meta=meta,
                    status=status, spans=tuple(spans), events=tuple(events),
                    relations=tuple(relations))


def _event_ids(raw_events: list[Any], errors: list[str]) -> dict[str, int]:
    """Event id -> index, for the events' ``event_args`` (nested events) to refer to."""
    out: dict[str, int] = {}
    for n, item in enumerate(raw_events, 1):
        if not isinstance(item, dict) or "id" not in item:
            continue
        eid = str(item["id"]) if is_int(item["id"]) else item["id"]
        what = Message("item.event", n=n)
        if not isinstance(eid, str):
            errors.append(message_of(record_error(what, "record.key_string", key="id")))
        elif eid in out:
            errors.append(message_of(record_error(what, "record.id_twice_named", id=repr(eid))))
        else:
            out[eid] = n - 1
    return out


def _event_args(raw: Any, event_ids: Mapping[str, int], what: str) -> dict[str, tuple[int, ...]]:
    """The roles another event of the record fills: role -> event indexes."""
    if not isinstance(raw, dict):
        raise RecordError(f"{what}: 'event_args' must be an object")
    out: dict[str, tuple[int, ...]] = {}
    for role, refs in raw.items():
        if not isinstance(refs, list):
            raise RecordError(f"{what}: event role {role!r} must list event ids")
        found: list[int] = []
        for ref in refs:
            key = str(ref) if is_int(ref) else ref
            if not isinstance(key, str) or key not in event_ids:
                raise RecordError(f"{what} role {role} refers to event {ref!r}, which this "
                                  "record does not have")
            found.append(event_ids[key])
        out[role] = tuple(found)
    return out


def _relations(raw: Any, ids: Mapping[str, int], errors: list[str]) -> list[Relation]:
    """The record's binary relations (``head``/``tail`` name span ids)."""
    if not isinstance(raw, list):
        errors.append(Message("record.key_not_list", key="relations"))
        return []
    out: list[Relation] = []
    for n, item in enumerate(raw, 1):
        what = Message("item.relation", n=n)
        try:
            if not isinstance(item, dict):
                raise RecordError(Message("record.must_be_object", what=what))
            rtype = item.get("type")
            if not isinstance(rtype, str) or not rtype.strip():
                raise record_error(what, "record.key_nonempty_string", key="type")
            attrs = item.get("attrs", {})
            if not isinstance(attrs, dict):
                raise record_error(what, "record.key_not_object", key="attrs")
            out.append(Relation(rtype, _span_ref(ids, item.get("head"),
                                          Message("item.head", what=what)),
                                _span_ref(ids, item.get("tail"),
                                          Message("item.tail", what=what)), attrs=attrs))
        except RecordError as exc:
            errors.append(message_of(exc))
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
