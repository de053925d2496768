"""Prodigy JSONL (``db-out``): tasks with ``text``, ``spans`` and the annotator's ``answer``.

Only accepted answers are annotations: a rejected task says its spans are wrong, an ignored one
was skipped by the annotator. Those are not imported and are counted in the read's notes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.messages import Message, message_of
from annotator.core.model import Document
from annotator.formats.atomic import atomic_text
from annotator.formats.base import (
    Format,
    Problem,
    ReadResult,
    SourcedDocument,
    WriteOptions,
    WriteReport,
)
from annotator.formats.jsonl import record_to_document
from annotator.formats.jsonlines import json_line, json_lines
from annotator.formats.records import RecordError

ANSWERS = ("accept", "reject", "ignore")


def task_to_document(task: Any, *, default_name: str) -> Document | None:
    """The document of an accepted task; None for a rejected or ignored one."""
    if not isinstance(task, dict):
        raise RecordError(Message("record.task_not_object"))
    answer = task.get("answer", "accept")
    if answer not in ANSWERS:
        raise RecordError(Message("record.bad_choice", key="answer",
                                  choices=", ".join(ANSWERS), value=repr(answer)))
    if answer != "accept":
        return None
    meta = task.get("meta") if isinstance(task.get("meta"), dict) else {}
    spans = task.get("spans") or []
    if not isinstance(spans, list):
        raise RecordError(Message("record.key_not_list", key="spans"))
    # Prodigy's spans carry token_start/token_end and the like beside start/end/label.
    record = {
        "id": (meta or {}).get("id"),
        "text": task.get("text"),
        "meta": meta,
        "spans": [{k: v for k, v in s.items() if k in ("start", "end", "label", "text")}
                  if isinstance(s, dict) else s for s in spans],
    }
    return record_to_document(record, default_name=default_name)


class ProdigyFormat(Format):
    """Prodigy's annotated tasks (ner.manual, spans.manual ... exported with db-out)."""

    name = "prodigy"
    description = "Prodigy JSONL (db-out): accepted answers become spans, others are counted"
    extensions = (".jsonl",)

    def read(self, path: Path) -> ReadResult:
        """Accepted tasks as documents; the others counted in ``notes``."""
        values, problems, encoding = json_lines(path)
        result = ReadResult(problems=problems, encodings={str(path): encoding})
        left_out: dict[str, int] = {}
        relations = 0
        for n, (lineno, task) in enumerate(values, 1):
            try:
                doc = task_to_document(task, default_name=f"{path.stem}-{n}")
            except RecordError as exc:
                result.problems.append(Problem(str(path), lineno, message_of(exc)))
                continue
            if doc is None:
                answer = str(task.get("answer"))
                left_out[answer] = left_out.get(answer, 0) + 1
                continue
            if isinstance(task.get("relations"), list):
                relations += len(task["relations"])
            result.documents.append(SourcedDocument(doc, str(path), lineno))
        for answer, count in sorted(left_out.items()):
            result.notes.append(Message("prodigy.answers_left", file=str(path), n=count,
                                        answer=repr(answer)))
        if relations:
            result.notes.append(Message("prodigy.relations_left", file=str(path), n=relations))
        result.problems.sort(key=lambda p: p.line or 0)
        return result

    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """One accepted task per document: text, spans (start, end, label), meta with its id."""
        report = WriteReport(files=[out])
        with atomic_text(out) as fh:  # each line written as it is made: streams
            for doc in documents:
                fh.write(json_line({
                    "text": doc.text,
                    "meta": {**dict(doc.meta), "id": doc.name},
                    "spans": [{"start": s.start, "end": s.end, "label": s.label}
                              for s in doc.spans],
                    "answer": "accept",
                }) + "\n")
                report.documents += 1
                report.spans += len(doc.spans)
                if doc.events:
                    report.dropped.append(Problem(str(out), report.documents, Message(
                        "prodigy.events_dropped", document=doc.name, n=len(doc.events))))
        return report
