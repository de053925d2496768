"""Events as a CSV table in the spirit of ACLED: one row per event, roles as text.

``event_date`` is always a whole day (as ACLED's is) and ``time_precision`` says how much of it
is known: 1 the day, 2 the week or a part of the month, 3 the month or less. A value coarser
than a day is coded to the middle of its period (docs/adr/0005-date-values.md); the value as
annotated stays in ``date_value``. ``date_source`` says where the date came from: ``span`` (the
DATE span's value), ``rule`` (the date rules applied to the span's text at export, when the
span had no value), ``published`` (no usable DATE span: the document's publication date, a
stand-in) or empty (no date at all).
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable
from pathlib import Path

from annotator.core.dates import DateValue, normalize_date
from annotator.core.messages import Message
from annotator.core.model import Document, Event
from annotator.core.publication import published_of
from annotator.core.text import sentences
from annotator.formats.atomic import BOM, atomic_text
from annotator.formats.base import Format, Problem, WriteOptions, WriteReport

COLUMNS = ("event_id", "event_date", "time_precision", "sub_event_type", "actor1", "actor2",
           "location", "source_document", "notes", "date_value", "date_source")
# Where in a month START, MID and END put the day (the middles of its thirds).
_PART_OF_MONTH = {"START": 5, "MID": 15, "END": 25}


def acled_day(value: DateValue) -> tuple[datetime.date, int]:
    """The whole day ACLED would code for ``value``, and its time_precision (1, 2 or 3)."""
    v = value.value
    if value.precision == "day":
        return datetime.date.fromisoformat(v), 2 if value.mod == "APPROX" else 1
    if value.precision == "week":
        # Thursday: the middle of an ISO week.
        return datetime.date.fromisocalendar(int(v[:4]), int(v[6:]), 4), 2
    if value.precision == "month":
        part = _PART_OF_MONTH.get(value.mod or "")
        return datetime.date(int(v[:4]), int(v[5:7]), part or 15), 2 if part else 3
    return datetime.date(int(v[:4]), 7, 1), 3


def _texts(doc: Document, event: Event, role: str) -> str:
    return "; ".join(doc.spans[i].text.replace("\n", " ") for i in event.roles.get(role, ()))


def event_date(doc: Document, event: Event) -> tuple[str, str, str, str]:
    """(event_date, time_precision, date_value, date_source) of one event."""
    published = published_of(doc.meta)
    for i in event.roles.get("date", ()):
        span = doc.spans[i]
        value = DateValue.from_attrs(span.attrs)
        source = "span"
        if value is None and "value" not in span.attrs:
            value, source = normalize_date(span.text, published), "rule"
        if value is not None:
            day, precision = acled_day(value)
            return day.isoformat(), str(precision), value.value, source
    if published is not None:
        # A stand-in: the event happened on or before the day it was reported.
        return published.isoformat(), "3", "", "published"
    return "", "", "", ""


def event_row(doc: Document, event: Event, number: int) -> list[str]:
    """The CSV row of one event; the notes are the sentences its spans stand in."""
    members = [doc.spans[i] for idx in event.roles.values() for i in idx]
    if event.trigger is not None:
        members.append(doc.spans[event.trigger])
    notes = ""
    if members:
        start, end = min(s.start for s in members), max(s.end for s in members)
        around = [r for r in sentences(doc.text) if r[1] > start and r[0] < end]
        if around:
            notes = " ".join(doc.text[around[0][0]:around[-1][1]].split())
    day, precision, value, source = event_date(doc, event)
    return [f"{doc.name}-e{number}", day, precision, event.type, _texts(doc, event, "actor"),
            _texts(doc, event, "target"), _texts(doc, event, "location"), doc.name, notes,
            value, source]


class EventsCsvFormat(Format):
    """Write-only table of events."""

    name = "events"
    description = "events as an ACLED-style CSV table (date, precision, type, actors, location)"
    extensions = (".csv",)
    can_read = False

    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """One row per event, UTF-8 with a BOM for spreadsheet programs."""
        report = WriteReport(files=[out])
        with atomic_text(out) as fh:  # rows written as they are made: streams
            fh.write(BOM)
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(COLUMNS)
            for doc in documents:
                report.documents += 1
                for k, event in enumerate(doc.events, 1):
                    row = event_row(doc, event, k)
                    writer.writerow(row)
                    report.spans += sum(len(idx) for idx in event.roles.values())
                    if event.event_args:
                        # A nested event is a row of its own; the table has no column to
                        # link them.
                        named = ", ".join(f"{role}: {doc.name}-e{j + 1}"
                                          for role, idx in event.event_args.items() for j in idx)
                        report.dropped.append(Problem(str(out), None,
                                                      f"{doc.name}: event {k} ({event.type}): its "
                                                      f"argument events ({named}) not written"))
                    if not row[1]:
                        report.dropped.append(Problem(str(out), None, Message(
                            "events.no_date", document=doc.name, n=k, type=event.type)))
                if doc.spans and not doc.events:
                    report.dropped.append(Problem(str(out), None, Message(
                        "events.no_event", document=doc.name, n=len(doc.spans))))
        return report
