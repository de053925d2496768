"""What the store refuses: texts, spans, events, labels and JSON no engine could keep.

Pure functions, no database: the feature modules call them before they write, and an import
collects their problems so it can refuse a whole batch with one message listing them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from annotator.core.messages import Message, message_of
from annotator.core.model import (
    DOC_STATUSES,
    SPAN_ORIGINS,
    DocStatus,
    Document,
    LabelSchema,
    OffsetError,
    Span,
    SpanOrigin,
    check_offsets,
    cycle_message,
    event_cycle,
)
from annotator.store.errors import StoreError


def check_status(value: str) -> DocStatus:
    """``value`` as a document status, or StoreError naming the allowed ones."""
    if value not in DOC_STATUSES:
        raise StoreError(f"unknown status {value!r} (use one of {', '.join(DOC_STATUSES)})")
    return value  # type: ignore[return-value]


def check_origin(value: str) -> SpanOrigin:
    """``value`` as a span origin, or StoreError naming the allowed ones."""
    if value not in SPAN_ORIGINS:
        raise StoreError(f"unknown span origin {value!r} (use one of {', '.join(SPAN_ORIGINS)})")
    return value  # type: ignore[return-value]


def check_project_name(name: str) -> None:
    """StoreError unless ``name`` has something besides white space."""
    if not name.strip():
        raise StoreError("a project needs a name")


def json_object(value: Mapping[str, Any], what: str) -> dict[str, Any]:
    """``value`` as a dict, or StoreError if it cannot be stored as JSON on every engine."""
    try:
        # allow_nan=False: PostgreSQL's json type refuses NaN and Infinity.
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"{what} cannot be stored as JSON: {exc}") from None
    return dict(value)


def text_problem(doc_text: str) -> str | None:
    """Why a text cannot be stored on every engine, or None."""
    if "\x00" in doc_text:
        # PostgreSQL text cannot hold NUL; refuse it everywhere so both engines agree.
        return "the text contains a NUL character (U+0000), which cannot be stored"
    try:
        doc_text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"the text contains an unpaired surrogate at offset {exc.start}"
    return None


def label_message(label: str, schema: LabelSchema) -> str:
    """The message for a label the project's schema lacks."""
    return Message("store.unknown_label", label=repr(label), labels=", ".join(schema.names))


def check_span_offsets(doc_name: str, doc_text: str, span: Span) -> None:
    """StoreError unless ``span``'s offsets and text fit the document's text."""
    try:
        check_offsets(doc_text, span.start, span.end, span.text)
    except OffsetError as exc:
        raise StoreError(Message("store.span_refused", document=repr(doc_name),
                                 reason=message_of(exc))) from None


def check_span_label(doc_name: str, schema: LabelSchema, span: Span) -> None:
    """StoreError unless ``span``'s label is in the schema and its origin is known."""
    if span.label not in schema.names:
        raise StoreError(
            f"span refused in document {doc_name!r}: {label_message(span.label, schema)}"
        )
    check_origin(span.origin)


def span_problems(doc: Document, labels: set[str], where: str) -> list[str]:
    """Every problem of the document's spans, each prefixed with ``where`` and its number."""
    problems: list[str] = []
    text = doc.text
    size = len(text)
    for i, span in enumerate(doc.spans, 1):
        start, end = span.start, span.end
        # Fast path for the common, valid span; the checks below explain a bad one.
        if (
            type(start) is int
            and type(end) is int
            and 0 <= start < end <= size
            and text[start:end] == span.text
            and span.label in labels
            and span.origin in SPAN_ORIGINS
        ):
            continue
        try:
            check_offsets(doc.text, span.start, span.end, span.text)
        except OffsetError as exc:
            problems.append(f"{where}: span {i}: {exc}")
            continue
        if span.label not in labels:
            problems.append(
                f"{where}: span {i}: label {span.label!r} is not in the project's schema "
                f"({', '.join(sorted(labels))})"
            )
        if span.origin not in SPAN_ORIGINS:
            problems.append(f"{where}: span {i}: unknown origin {span.origin!r}")
    return problems


def event_problems(doc: Document, schema: LabelSchema, where: str) -> list[str]:
    """Every problem of the document's events: type, attributes, span and event indexes in
    range, no cycle of nested events."""
    problems: list[str] = []
    count = len(doc.spans)
    for i, event in enumerate(doc.events, 1):
        if schema.event_types and event.type not in schema.event_types:
            problems.append(f"{where}: event {i}: type {event.type!r} is not in the schema")
        try:
            json_object(event.attrs, "event attributes")
        except StoreError as exc:
            problems.append(f"{where}: event {i}: {exc}")
        indexes = [j for idx in event.roles.values() for j in idx]
        if event.trigger is not None:
            indexes.append(event.trigger)
        bad = [j for j in indexes if not (isinstance(j, int) and 0 <= j < count)]
        if bad:
            problems.append(
                f"{where}: event {i}: span index {bad[0]!r} out of range "
                f"(the document has {count} spans)"
            )
        refs = [j for idx in event.event_args.values() for j in idx]
        bad = [j for j in refs if not (isinstance(j, int) and 0 <= j < len(doc.events))]
        if bad:
            problems.append(
                f"{where}: event {i}: event index {bad[0]!r} out of range "
                f"(the document has {len(doc.events)} events)"
            )
    if not problems:
        cycle = event_cycle({
            i: [j for idx in event.event_args.values() for j in idx]
            for i, event in enumerate(doc.events)
        })
        if cycle is not None:
            problems.append(f"{where}: {cycle_message(tuple(str(i + 1) for i in cycle))}")
    return problems


def document_problems(
    doc: Document, schema: LabelSchema, labels: set[str], where: str
) -> list[str]:
    """Problems of a document to import besides its text: status, metadata, spans, events."""
    problems: list[str] = []
    if doc.status not in DOC_STATUSES:
        problems.append(f"{where}: unknown status {doc.status!r}")
    try:
        json_object(doc.meta, "metadata")
    except StoreError as exc:
        problems.append(f"{where}: {exc}")
    problems.extend(span_problems(doc, labels, where))
    problems.extend(event_problems(doc, schema, where))
    problems.extend(relation_problems(doc, where))
    return problems


def relation_problems(doc: Document, where: str) -> list[str]:
    """Every problem of the document's relations: a type, two span indexes in range."""
    problems: list[str] = []
    count = len(doc.spans)
    for i, relation in enumerate(doc.relations, 1):
        if not isinstance(relation.type, str) or not relation.type.strip():
            problems.append(f"{where}: relation {i}: the type must be a non-empty string")
        for end in (relation.head, relation.tail):
            if not (isinstance(end, int) and 0 <= end < count):
                problems.append(
                    f"{where}: relation {i}: span index {end!r} out of range "
                    f"(the document has {count} spans)"
                )
                break
        try:
            json_object(relation.attrs, "relation attributes")
        except StoreError as exc:
            problems.append(f"{where}: relation {i}: {exc}")
    return problems
