"""doccano JSONL (sequence labeling): ``label``/``labels``/``entities``, and relations."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.messages import Message
from annotator.core.model import Document, Relation, Span
from annotator.formats.atomic import atomic_text
from annotator.formats.base import (
    Format,
    Problem,
    ReadResult,
    WriteOptions,
    WriteReport,
    is_int,
    record_name,
)
from annotator.formats.jsonlines import json_line, read_json_lines
from annotator.formats.records import RecordError, TextMapper, record_error, relation_from

_SPAN_KEYS = ("label", "labels", "entities")
#: Keys doccano itself writes that carry no data of ours.
_NOISE = ("Comments", "comments")


def _read_spans(
    mapper: TextMapper, items: list[Any], key: str
) -> tuple[list[Span], dict[Any, int]]:
    spans: list[Span] = []
    ids: dict[Any, int] = {}
    for n, item in enumerate(items, 1):
        what = f"{key}[{n - 1}]"
        if isinstance(item, list):
            if len(item) != 3:
                raise record_error(what, "doccano.bad_item", item=repr(item))
            spans.append(mapper.span(item[0], item[1], item[2], what=what))
        elif isinstance(item, dict):
            spans.append(mapper.span(item.get("start_offset"), item.get("end_offset"),
                                     item.get("label"), what=what))
            if is_int(item.get("id")) or isinstance(item.get("id"), str):
                ids[item["id"]] = len(spans) - 1
        else:
            raise record_error(what, "doccano.bad_item_kind")
    return spans, ids


def record_to_document(rec: Any, *, default_name: str) -> Document:
    """A Document from one doccano record, whichever key variant it uses."""
    if not isinstance(rec, dict):
        raise RecordError(Message("record.not_object"))
    raw = rec.get("text", rec.get("data"))
    if not isinstance(raw, str) or not raw.strip():
        raise RecordError(Message("record.text_missing_or_empty"))
    mapper = TextMapper(raw)
    present = [k for k in _SPAN_KEYS if k in rec]
    meta: dict[str, Any] = {}
    spans: list[Span] = []
    ids: dict[Any, int] = {}
    for key in present:
        items = rec[key]
        if not isinstance(items, list):
            raise RecordError(Message("record.key_not_list", key=key))
        if items and all(isinstance(x, str) for x in items):
            meta[key] = items  # text classification categories, not spans
            continue
        got, got_ids = _read_spans(mapper, items, key)
        ids.update({k: v + len(spans) for k, v in got_ids.items()})
        spans.extend(got)
    links: list[Relation] = []
    relations = rec.get("relations", [])
    if not isinstance(relations, list):
        raise RecordError(Message("record.key_not_list", key="relations"))
    for n, rel in enumerate(relations):
        what = f"relations[{n}]"
        if not isinstance(rel, dict):
            raise RecordError(Message("record.must_be_object", what=what))
        ends = (rel.get("from_id"), rel.get("to_id"))
        if not all((is_int(e) or isinstance(e, str)) and e in ids for e in ends):
            raise record_error(what, "doccano.bad_ends", ends=repr(ends))
        links.append(relation_from(rel.get("type"), ids[ends[0]], ids[ends[1]], what=what))
    for key, value in rec.items():
        if key in ("id", "text", "data", "relations", *_SPAN_KEYS):
            continue
        if key in _NOISE and not value:
            continue
        if key == "meta" and isinstance(value, dict):
            # doccano 1.x kept a document's metadata in "meta"; later versions spread it out.
            for name, item in value.items():
                meta.setdefault(name, item)
            continue
        meta[key] = value
    return Document(name=record_name(rec.get("id"), default_name), text=mapper.text, meta=meta,
                    spans=tuple(spans), relations=tuple(links))


def document_record(doc: Document) -> dict[str, Any]:
    """A document as one doccano record: the relation style when it has relations."""
    rec: dict[str, Any] = {"id": doc.name, "text": doc.text}
    if doc.relations:
        # The relation style: entities with ids the relations point at.
        rec["entities"] = [
            {"id": i, "start_offset": s.start, "end_offset": s.end, "label": s.label}
            for i, s in enumerate(doc.spans)
        ]
        rec["relations"] = [
            {"id": i, "from_id": r.head, "to_id": r.tail, "type": r.type}
            for i, r in enumerate(doc.relations)
        ]
    else:
        rec["label"] = [[s.start, s.end, s.label] for s in doc.spans]
    for key, value in doc.meta.items():
        if key not in rec and key not in ("data", "relations", *_SPAN_KEYS):
            rec[key] = value
    return rec


class DoccanoFormat(Format):
    """doccano's sequence-labeling JSONL."""

    name = "doccano"
    description = 'doccano JSONL: {"text", "label": [[start, end, label], ...]} and variants'
    extensions = (".jsonl",)

    def read(self, path: Path) -> ReadResult:
        """Read a doccano export; every bad line is a problem."""
        return read_json_lines(path, record_to_document)

    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """``{"id", "text", "label", meta...}`` per line; events are reported, not written.

        Each line is written as it is made: an export of any size streams.
        """
        report = WriteReport(files=[out])
        with atomic_text(out) as fh:
            for doc in documents:
                fh.write(json_line(document_record(doc)) + "\n")
                report.documents += 1
                report.spans += len(doc.spans)
                if doc.events:
                    report.dropped.append(Problem(
                        str(out), report.documents,
                        Message("doccano.events_dropped", document=doc.name,
                                n=len(doc.events))))
        return report
