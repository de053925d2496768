"""Label Studio JSON task export; offsets there are UTF-16 code units (JavaScript strings)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.messages import Message, message_of
from annotator.core.model import Document, Event, Relation, Span, SpanOrigin
from annotator.formats.atomic import atomic_text
from annotator.formats.base import (
    Format,
    FormatError,
    Problem,
    ReadResult,
    SourcedDocument,
    WriteOptions,
    WriteReport,
    is_int,
    record_name,
)
from annotator.formats.jsonlines import JsonProblem, json_line, loads
from annotator.formats.records import RecordError, TextMapper, record_error, relation_from
from annotator.formats.textio import read_text, utf16_offsets, utf16_to_codepoint


def _annotator_of(block: dict[str, Any]) -> str | None:
    """Who made an annotation (or which model made a prediction), when the file says."""
    who = block.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("username")
    if isinstance(who, str) and who:
        return who
    for key in ("created_username", "model_version"):
        value = block.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _labels_of(value: dict[str, Any], what: str) -> list[str] | None:
    """The labels of a region: ``labels``, or ``<tag>labels`` for other label tags; None when
    the region has no such key (choices, ratings ...). RecordError for an empty or odd list:
    the region was meant as a span, and dropping it quietly would lose it."""
    for key, labels in value.items():
        if key.endswith("labels"):
            if (not isinstance(labels, list) or not labels
                    or not all(isinstance(x, str) and x.strip() for x in labels)):
                raise record_error(what, "labelstudio.bad_labels", key=key,
                                   labels=repr(labels))
            return labels
    return None


#: Document metadata keeping what Label Studio files hold beyond spans and relations, so that
#: an export gives it back: the labeling config's names, other data fields, other results.
LS_META = "label_studio"
_TEXT_KEYS = {"text", "article", "content", "body", "document", "sentence", "paragraph", "story"}


def _text_of(data: Any) -> tuple[str, str]:
    """The task's text and the data key holding it."""
    if not isinstance(data, dict):
        raise RecordError(Message("record.key_not_object", key="data"))
    key = "text"
    text = data.get("text")
    if not isinstance(text, str):
        # The data key is named by the labeling config ($text, $article ...): a usual name,
        # else the one string that is prose (other fields hold URLs, sources, ids).
        strings = [(k, v) for k, v in data.items() if isinstance(v, str) and v.strip()
                   and k != "name"]
        usual = [(k, v) for k, v in strings if k.lower() in _TEXT_KEYS]
        prose = [(k, v) for k, v in strings if len(v.split()) > 1]
        for found in (usual, strings, prose):
            if len(found) == 1:
                key, text = found[0]
                break
        else:
            keys = ", ".join(k for k, _ in strings) or "none"
            raise RecordError(Message("labelstudio.which_text", keys=keys))
    if not text.strip():
        raise RecordError(Message("labelstudio.empty_text"))
    return text, key


def _from_json_min(task: dict[str, Any]) -> dict[str, Any]:
    """Label Studio's JSON-MIN export (``{"text", "<from_name>": [regions]}``) as a full task."""
    results: list[dict[str, Any]] = []
    for key in ("label", "labels", "entities"):
        items = task.get(key)
        if isinstance(items, list) and any(
                isinstance(v, list) or (isinstance(v, dict) and "start_offset" in v)
                for v in items):
            # A JSON array of doccano records looks like JSON-MIN; its spans must not vanish.
            raise RecordError(Message("labelstudio.doccano_spans", key=key))
    for key, value in task.items():
        if isinstance(value, list) and value and all(
                isinstance(v, dict) and "start" in v and "end" in v for v in value):
            results.extend({"id": f"{key}{n}", "from_name": key, "to_name": "text",
                            "type": "labels", "value": v} for n, v in enumerate(value))
    region_keys = {r["from_name"] for r in results}
    taken = {"id", "text", "annotator", "annotations", "predictions", "completions", "meta",
             *region_keys}
    data = {"text": task["text"], **{k: v for k, v in task.items() if k not in taken}}
    full: dict[str, Any] = {"id": task.get("id"), "data": data}
    # Top-level text beside the full format's lists (a hand-made or older file): keep them.
    for key in ("annotations", "completions", "predictions", "meta"):
        if key in task:
            full[key] = task[key]
    if results or "annotations" not in full:
        annotation: dict[str, Any] = {"result": results}
        if isinstance(task.get("annotator"), str):
            annotation["created_username"] = task["annotator"]
        full["annotations"] = [annotation, *(full.get("annotations") or [])]
    return full


def task_to_document(task: Any, *, default_name: str) -> Document:
    """A Document from one Label Studio task: annotations are spans, predictions suggestions."""
    if not isinstance(task, dict):
        raise RecordError(Message("record.task_not_object"))
    if "data" not in task and isinstance(task.get("text"), str):
        task = _from_json_min(task)
    raw, text_key = _text_of(task.get("data"))
    mapper = TextMapper(raw)
    units = utf16_offsets(raw)
    spans: list[Span] = []
    events: list[Event] = []
    relations_out: list[Relation] = []
    kept: dict[str, Any] = {}
    names: dict[str, None] = {}
    for key in ("annotations", "completions", "predictions"):
        if not isinstance(task.get(key) or [], list):
            raise RecordError(Message("record.key_not_list", key=key))
    blocks: list[tuple[str, SpanOrigin, Any]] = [
        # "completions" is what Label Studio before 1.0 called annotations.
        *(("annotation", "imported", a) for a in task.get("annotations") or []),
        *(("annotation", "imported", a) for a in task.get("completions") or []),
        *(("prediction", "suggested", p) for p in task.get("predictions") or []),
    ]
    for kind, origin, block in blocks:
        if not isinstance(block, dict):
            raise RecordError(Message("labelstudio.block_not_object",
                                      kind=Message(f"item.{kind}")))
        if block.get("was_cancelled"):
            continue
        who = _annotator_of(block)
        region_index: dict[str, int] = {}
        results = block.get("result") or []
        if not isinstance(results, list):
            raise RecordError(Message("labelstudio.result_not_list",
                                      kind=Message(f"item.{kind}")))
        relations: list[dict[str, Any]] = []
        for n, res in enumerate(results):
            what = Message("item.result", kind=Message(f"item.{kind}"), n=n)
            if not isinstance(res, dict):
                raise RecordError(Message("record.must_be_object", what=what))
            if res.get("type") == "relation":
                relations.append(res)
                continue
            value = res.get("value")
            labels = (_labels_of(value, what) if isinstance(value, dict) and "start" in value
                      and "end" in value else None)
            if labels is None:
                # Choices (document classes), ratings, text areas: not spans, but kept in the
                # metadata and written back by an export.
                kept.setdefault(f"{kind}_results", []).append({"by": who, "result": res})
                continue
            assert isinstance(value, dict)
            if isinstance(res.get("from_name"), str) and isinstance(res.get("to_name"), str):
                names[f"{res['from_name']}\t{res['to_name']}"] = None
            s16, e16 = value["start"], value["end"]
            if not (is_int(s16) and is_int(e16)):
                raise record_error(what, "span.bad_offsets_pair", start=repr(s16),
                                   end=repr(e16))
            start, end = utf16_to_codepoint(units, s16), utf16_to_codepoint(units, e16)
            if start is None or end is None:
                raise record_error(Message("item.labelled", what=what, label=labels[0]),
                                   "labelstudio.outside", start=s16, end=e16, units=units[-1])
            for label in labels:
                spans.append(mapper.span(start, end, label, value.get("text"), origin=origin,
                                         annotator=who, what=what))
                if isinstance(res.get("id"), str):
                    region_index.setdefault(res["id"], len(spans) - 1)
        for rel in relations:
            ends = (rel.get("from_id"), rel.get("to_id"))
            if not all(isinstance(e, str) and e in region_index for e in ends):
                # Label Studio removes a relation with its region; one left dangling (as in
                # hand-made files) links nothing, so there is no event to make.
                continue
            rel_labels = rel.get("labels")
            if not isinstance(rel_labels, list) or not rel_labels:
                rel_labels = ["relation"]
            a, b = region_index[str(ends[0])], region_index[str(ends[1])]
            if rel.get("direction") == "left":
                a, b = b, a
            relations_out.append(relation_from(str(rel_labels[0]), a, b,
                                               what=Message("item.relation_of",
                                                            kind=Message(f"item.{kind}"))))
    data = task.get("data") or {}
    name = record_name(data.get("name"), record_name(task.get("id"), default_name))
    meta = dict(task.get("meta") or {}) if isinstance(task.get("meta"), dict) else {}
    if isinstance(data, dict) and "published" in data:
        # The publication date as a data field ($published in the labeling config).
        meta.setdefault("published", data["published"])
    extra = {k: v for k, v in data.items() if k not in (text_key, "name")}
    if extra:
        kept["data"] = extra
    if text_key != "text":
        kept["text_key"] = text_key
    pairs = [pair.split("\t") for pair in names]
    if pairs and pairs != [["label", "text"]]:
        kept["from_name"], kept["to_name"] = pairs[0]
    if kept:
        meta[LS_META] = kept
    return Document(name=name, text=mapper.text, meta=meta, spans=tuple(spans),
                    events=tuple(events), relations=tuple(relations_out))


def _result(span: Span, units: list[int], rid: str, names: tuple[str, str] = ("label", "text")
            ) -> dict[str, Any]:
    return {"id": rid, "from_name": names[0], "to_name": names[1], "type": "labels",
            "value": {"start": units[span.start], "end": units[span.end], "text": span.text,
                      "labels": [span.label]}}


def document_to_task(doc: Document, number: int) -> tuple[dict[str, Any], int]:
    """A Label Studio task for a document and how many of its events were left out."""
    units = utf16_offsets(doc.text)
    annotations: dict[str | None, list[int]] = {}
    predictions: dict[str | None, list[int]] = {}
    for i, span in enumerate(doc.spans):
        group = predictions if span.origin == "suggested" else annotations
        group.setdefault(span.annotator, []).append(i)
    counter = 0
    meta = dict(doc.meta)
    kept = meta.pop(LS_META, None)
    kept = kept if isinstance(kept, dict) else {}
    names = (str(kept.get("from_name", "label")), str(kept.get("to_name", "text")))
    # Where each span went: its region id and the result list holding it.
    placed: dict[int, tuple[str, list[dict[str, Any]]]] = {}

    def results(indexes: list[int]) -> list[dict[str, Any]]:
        nonlocal counter
        out: list[dict[str, Any]] = []
        for i in indexes:
            counter += 1
            out.append(_result(doc.spans[i], units, f"s{counter}", names))
            placed[i] = (f"s{counter}", out)
        return out

    def other(kind: str, who: str | None) -> list[dict[str, Any]]:
        # The choices, ratings ... read from the blocks of this author.
        found = kept.get(f"{kind}_results")
        return [r["result"] for r in (found if isinstance(found, list) else [])
                if isinstance(r, dict) and r.get("by") == who and isinstance(r.get("result"), dict)]

    data: dict[str, Any] = {str(kept.get("text_key", "text")): doc.text, "name": doc.name}
    if isinstance(kept.get("data"), dict):
        data.update(kept["data"])
    task: dict[str, Any] = {"id": number, "data": data}
    if meta:
        task["meta"] = meta
    authors = {r.get("by") for r in kept.get("annotation_results") or []
               if isinstance(r, dict)}
    for who in authors:
        annotations.setdefault(who, [])
    task["annotations"] = []
    for who, spans in annotations.items():
        # Extended in place: relations are added to the list holding their regions.
        found = results(spans)
        found.extend(other("annotation", who))
        block: dict[str, Any] = {"result": found}
        if who is not None:
            block["created_username"] = who
        task["annotations"].append(block)
    authors = {r.get("by") for r in kept.get("prediction_results") or []
               if isinstance(r, dict)}
    for who in authors:
        predictions.setdefault(who, [])
    task["predictions"] = []
    for who, spans in predictions.items():
        prediction: dict[str, Any] = {"model_version": who} if who is not None else {}
        found = results(spans)
        found.extend(other("prediction", who))
        prediction["result"] = found
        task["predictions"].append(prediction)
    for relation in doc.relations:
        head, tail = placed[relation.head], placed[relation.tail]
        # A relation lives in the result list holding both its regions (one annotator's).
        if head[1] is tail[1]:
            head[1].append({"from_id": head[0], "to_id": tail[0], "type": "relation",
                            "direction": "right", "labels": [relation.type]})
    return task, len(doc.events)


class LabelStudioFormat(Format):
    """Label Studio's JSON task export (annotations and predictions)."""

    name = "labelstudio"
    description = "Label Studio JSON tasks; UTF-16 offsets, predictions become suggestions"
    extensions = (".json",)

    def read(self, path: Path) -> ReadResult:
        """Read a JSON list of tasks (or one task); each bad task is a problem."""
        decoded = read_text(path)
        try:
            tasks = loads(decoded.text)
        except JsonProblem as exc:
            raise FormatError([Problem(str(path), exc.line, exc.message)]) from None
        if isinstance(tasks, dict):
            tasks = [tasks]
        if not isinstance(tasks, list):
            raise FormatError([Problem(str(path), None, Message("labelstudio.not_list"))])
        result = ReadResult(encodings={str(path): decoded.encoding})
        for n, task in enumerate(tasks, 1):
            try:
                doc = task_to_document(task, default_name=f"{path.stem}-{n}")
            except RecordError as exc:
                tid = task.get("id") if isinstance(task, dict) else None
                label = (Message("item.task", n=n) if tid is None
                         else Message("item.task_id", n=n, id=tid))
                result.problems.append(Problem(str(path), None, Message(
                    "record.because", what=label, reason=message_of(exc))))
                continue
            result.documents.append(SourcedDocument(doc, str(path), None))
        return result

    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """A JSON list of tasks, one per line inside the list, ids from 1."""
        report = WriteReport(files=[out])
        with atomic_text(out) as fh:  # each task written as it is made: streams
            for number, doc in enumerate(documents, 1):
                task, events = document_to_task(doc, number)
                fh.write(("[\n" if number == 1 else ",\n") + json_line(task))
                report.documents += 1
                report.spans += len(doc.spans)
                if events:
                    report.dropped.append(Problem(
                        str(out), number + 1,
                        Message("labelstudio.events_dropped", document=doc.name, n=events)))
            fh.write("\n]\n" if report.documents else "[]\n")
        return report
