"""Events as a CSV table in the spirit of ACLED: one row per event, roles as text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from annotator.core.model import Document, Event
from annotator.core.text import sentences
from annotator.formats.base import Format, Problem, WriteOptions, WriteReport, write_atomic

COLUMNS = ("event_id", "event_date", "time_precision", "event_type", "actor1", "actor2",
           "location", "source_document", "notes")
# ACLED's time_precision: 1 the day is known, 2 the week, 3 only the month (or less).
_PRECISION = {"day": "1", "week": "2", "month": "3", "year": "3"}


def _texts(doc: Document, event: Event, role: str) -> str:
    return "; ".join(doc.spans[i].text.replace("\n", " ") for i in event.roles.get(role, ()))


def event_row(doc: Document, event: Event, number: int) -> list[str]:
    """The CSV row of one event; the notes are the sentences its spans stand in."""
    dates = [doc.spans[i] for i in event.roles.get("date", ())]
    date = dates[0] if dates else None
    value = str(date.attrs.get("value", "")) if date else ""
    precision = _PRECISION.get(str(date.attrs.get("precision", ""))) if date else None
    members = [doc.spans[i] for idx in event.roles.values() for i in idx]
    if event.trigger is not None:
        members.append(doc.spans[event.trigger])
    notes = ""
    if members:
        start, end = min(s.start for s in members), max(s.end for s in members)
        around = [r for r in sentences(doc.text) if r[1] > start and r[0] < end]
        if around:
            notes = " ".join(doc.text[around[0][0]:around[-1][1]].split())
    return [f"{doc.name}-e{number}", value or (date.text if date else ""), precision or "",
            event.type, _texts(doc, event, "actor"), _texts(doc, event, "target"),
            _texts(doc, event, "location"), doc.name, notes]


class EventsCsvFormat(Format):
    """Write-only table of events."""

    name = "events"
    description = "events as an ACLED-style CSV table (date, precision, type, actors, location)"
    extensions = (".csv",)
    can_read = False

    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """One row per event, UTF-8 with a BOM for spreadsheet programs."""
        buf = io.StringIO(newline="")
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        report = WriteReport(files=[out])
        for doc in documents:
            report.documents += 1
            for k, event in enumerate(doc.events, 1):
                writer.writerow(event_row(doc, event, k))
                report.spans += sum(len(idx) for idx in event.roles.values())
            if doc.spans and not doc.events:
                report.dropped.append(Problem(str(out), None,
                                              f"{doc.name}: {len(doc.spans)} span(s) but no "
                                              "event: nothing to write"))
        write_atomic(out, buf.getvalue().encode("utf-8-sig"))
        return report
