"""The ACLED-style events table: whole-day event_date, time_precision, where the date came from."""

from __future__ import annotations

import csv
import datetime
from pathlib import Path
from typing import Any

import pytest

from annotator.core.dates import DateValue
from annotator.core.model import Document, Event, make_span
from annotator.formats import FORMATS, WriteOptions
from annotator.formats.events_csv import COLUMNS, acled_day

TEXT = ("قصف التحالف الدولي مواقع في دير الزور الثلاثاء الماضي. "
        "وفي بداية الشهر الماضي شنت طائرات غارة.")


def doc_with(date_attrs: dict[str, Any] | None, *, date_text: str = "الثلاثاء الماضي",
             meta: dict[str, Any] | None = None, name: str = "d") -> Document:
    actor = make_span(TEXT, TEXT.index("التحالف الدولي"), TEXT.index("التحالف الدولي") + 14,
                      "ACTOR")
    place = make_span(TEXT, TEXT.index("دير الزور"), TEXT.index("دير الزور") + 9, "LOCATION")
    spans = [actor, place]
    roles: dict[str, tuple[int, ...]] = {"actor": (0,), "location": (1,)}
    if date_attrs is not None:
        at = TEXT.index(date_text)
        spans.append(make_span(TEXT, at, at + len(date_text), "DATE", attrs=date_attrs))
        roles["date"] = (2,)
    return Document(name=name, text=TEXT, meta=meta or {}, spans=tuple(spans),
                    events=(Event(type="Armed clash", roles=roles),))


def rows(tmp_path: Path, *docs: Document) -> tuple[list[dict[str, str]], list[str]]:
    out = tmp_path / "events.csv"
    report = FORMATS["events"].write(list(docs), out, WriteOptions())
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with out.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        found = list(reader)
    return found, [p.message for p in report.dropped]


@pytest.mark.parametrize(("value", "expected"), [
    (DateValue("2024-10-22", "day"), ("2024-10-22", 1)),
    (DateValue("2024-10-22", "day", "APPROX"), ("2024-10-22", 2)),
    (DateValue("2024-W43", "week"), ("2024-10-24", 2)),
    (DateValue("2024-09", "month", "START"), ("2024-09-05", 2)),
    (DateValue("2024-09", "month", "END"), ("2024-09-25", 2)),
    (DateValue("2024-09", "month"), ("2024-09-15", 3)),
    (DateValue("2023", "year", "MID"), ("2023-07-01", 3)),
])
def test_acled_day_and_precision(value: DateValue, expected: tuple[str, int]) -> None:
    day, precision = acled_day(value)
    assert (day.isoformat(), precision) == expected


def test_the_span_value_gives_the_date(tmp_path: Path) -> None:
    (row,), dropped = rows(tmp_path, doc_with(
        {"value": "2024-10-22", "precision": "day", "normalized_by": "annotator"},
        meta={"published": "2024-10-28"}))
    assert (row["event_date"], row["time_precision"], row["date_value"], row["date_source"]) == (
        "2024-10-22", "1", "2024-10-22", "span")
    assert row["sub_event_type"] == "Armed clash"
    assert (row["actor1"], row["actor2"], row["location"]) == ("التحالف الدولي", "", "دير الزور")
    assert dropped == []


def test_a_span_without_value_gets_the_rules(tmp_path: Path) -> None:
    (row,), _ = rows(tmp_path, doc_with({}, date_text="بداية الشهر الماضي",
                                        meta={"published": "2024-10-28"}))
    assert (row["event_date"], row["time_precision"], row["date_value"], row["date_source"]) == (
        "2024-09-05", "2", "2024-09", "rule")


def test_no_date_span_falls_back_to_publication_flagged(tmp_path: Path) -> None:
    (row,), dropped = rows(tmp_path, doc_with(None, meta={"published": "2024-10-28"}))
    assert (row["event_date"], row["time_precision"], row["date_value"], row["date_source"]) == (
        "2024-10-28", "3", "", "published")
    assert dropped == []


def test_a_vague_date_without_publication_is_left_empty_and_reported(tmp_path: Path) -> None:
    (row,), dropped = rows(tmp_path, doc_with({}, date_text="الثلاثاء الماضي"))
    assert (row["event_date"], row["time_precision"], row["date_source"]) == ("", "", "")
    assert dropped == ["d: event 1 (Armed clash) has no date and the document no publication "
                       "date: event_date left empty"]


def test_every_written_date_is_a_whole_iso_day(tmp_path: Path) -> None:
    docs = [doc_with({"value": v, "precision": p}, name=f"d{i}", meta={"published": "2024-10-28"})
            for i, (v, p) in enumerate([("2024-10-22", "day"), ("2024-W43", "week"),
                                        ("2024-09", "month"), ("2023", "year"),
                                        ("not a date", "day")])]
    found, _ = rows(tmp_path, *docs)
    assert len(found) == 5
    for row in found:
        datetime.date.fromisoformat(row["event_date"])
        assert row["time_precision"] in ("1", "2", "3")
    # A stored value that is not a date is not passed on: the publication date stands in.
    assert found[-1]["date_source"] == "published"


def test_pandas_reads_it_as_is(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    found, _ = rows(tmp_path, doc_with({"value": "2024-09", "precision": "month"}))
    frame = pd.read_csv(tmp_path / "events.csv", parse_dates=["event_date"])
    assert list(frame.columns) == list(COLUMNS)
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert int(frame["time_precision"][0]) == 3
    assert found[0]["event_date"] == "2024-09-15"
