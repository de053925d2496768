"""Curating events and date values: candidates from two annotators, one transactional save."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.curation import CURATION
from annotator.core.model import Event, make_span
from annotator.services.curation import Curation
from annotator.services.editing import EditConflict
from annotator.store.db import open_database
from annotator.store.repository import Repository

TEXT = "قصفت الطائرات مدينة حلب أمس"


def _project(repo: Repository) -> int:
    from annotator.core.model import Document

    pid = repo.default_project()
    repo.add_documents(pid, [Document(name="one", text=TEXT)])
    doc_id = repo.list_documents(pid)[0].id
    assert doc_id is not None
    # amal: attack by الطائرات on حلب, date 2024-10-23. badr: the same attack but on
    # "مدينة حلب", the same date read as 2024-10-22. Both: the same trigger-less event type.
    for who, target, day in (("amal", (20, 23), "2024-10-23"), ("badr", (14, 23), "2024-10-22")):
        actor = repo.add_span(doc_id, make_span(TEXT, 5, 13, "ACTOR"), annotator=who)
        place = repo.add_span(doc_id, make_span(TEXT, *target, "LOCATION"), annotator=who)
        date = repo.add_span(
            doc_id, make_span(TEXT, 24, 27, "DATE", attrs={"value": day}), annotator=who
        )
        repo.add_event(doc_id, Event(type="Attack"),
                       {"actor": [actor.id or 0], "location": [place.id or 0],
                        "date": [date.id or 0]})
        repo.add_event(doc_id, Event(type="Attack"), {"actor": [actor.id or 0]})
        repo.set_status(doc_id, "done", annotator=who)
    return doc_id


@pytest.fixture
def sqlite_repo(tmp_path: Path) -> Repository:
    return open_database(str(tmp_path / "curation.sqlite3"), seed_demo=False)


def _check_curation(repo: Repository, doc_id: int) -> None:
    curation = Curation(repo, doc_id)
    assert curation.annotators == ["amal", "badr"]
    dates = [(c.value, c.annotators, c.agreed) for c in curation.candidates if c.label == "DATE"]
    assert dates == [("2024-10-22", ("badr",), False), ("2024-10-23", ("amal",), False)]
    events = [
        (e.type, [(role, ref.text) for role, ref in e.roles], e.annotators, e.agreed, e.accepted)
        for e in curation.events
    ]
    assert sorted(events) == sorted([
        ("Attack", [("actor", "الطائرات")], ("amal", "badr"), True, True),
        ("Attack", [("actor", "الطائرات"), ("date", "أمس"), ("location", "حلب")],
         ("amal",), False, False),
        ("Attack", [("actor", "الطائرات"), ("date", "أمس"), ("location", "مدينة حلب")],
         ("badr",), False, False),
    ])
    # The curator takes amal's full event (so amal's date value) and the agreed one.
    amal = next(e for e in curation.events if e.annotators == ("amal",))
    kept = [e for e in curation.events if e.accepted] + [amal]
    agreed_spans = [c.span() for c in curation.candidates if c.agreed]
    stored = curation.save(agreed_spans, kept)
    assert sorted((s.text, s.label) for s in stored) == [
        ("أمس", "DATE"), ("الطائرات", "ACTOR"), ("حلب", "LOCATION")
    ]
    doc = repo.get_document(doc_id, annotator=CURATION)
    assert all(TEXT[s.start:s.end] == s.text for s in doc.spans)
    assert [dict(s.attrs).get("value") for s in doc.spans if s.label == "DATE"] == ["2024-10-23"]
    curated = sorted(
        (e.type, sorted((role, doc.spans[i].text) for role, ii in e.roles.items() for i in ii))
        for e in doc.events
    )
    assert curated == [
        ("Attack", [("actor", "الطائرات")]),
        ("Attack", [("actor", "الطائرات"), ("date", "أمس"), ("location", "حلب")]),
    ]
    # The annotators' own layers are untouched; the curated events are nobody else's.
    assert len(repo.get_document(doc_id, annotator="amal").events) == 2
    # Coming back: the stored curation decides what starts accepted.
    again = Curation(repo, doc_id)
    assert sorted(e.annotators for e in again.events if e.accepted) == [
        ("amal",), ("amal", "badr")
    ]
    # Saving again replaces the layer (no events left over from the first save).
    again.save([], [e for e in again.events if e.agreed])
    doc = repo.get_document(doc_id, annotator=CURATION)
    assert [e.type for e in doc.events] == ["Attack"] and len(doc.spans) == 1
    # A save against an older version is refused and stores nothing.
    stale = Curation(repo, doc_id)
    repo.set_status(doc_id, "done", annotator="amal")
    with pytest.raises(EditConflict):
        stale.save([], stale.events)
    assert len(repo.get_document(doc_id, annotator=CURATION).events) == 1


def test_events_and_dates_curated_on_sqlite(sqlite_repo: Repository) -> None:
    _check_curation(sqlite_repo, _project(sqlite_repo))


def test_events_and_dates_curated_on_postgresql(pg_url: str) -> None:
    repo = open_database(pg_url, seed_demo=False)
    try:
        _check_curation(repo, _project(repo))
    finally:
        repo.close()


def test_export_annotator_curation_writes_curated_events(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "curation.sqlite3")
    repo = open_database(db, seed_demo=False)
    doc_id = _project(repo)
    curation = Curation(repo, doc_id)
    badr = next(e for e in curation.events if e.annotators == ("badr",))
    curation.save([], [badr])
    repo.close()
    out = tmp_path / "curated.jsonl"
    assert main(["--db", db, "export", "--format", "jsonl", "--annotator", "curation",
                 "-o", str(out)]) == 0
    capsys.readouterr()
    (record,) = map(json.loads, out.read_text(encoding="utf-8").splitlines())
    spans = record["spans"]
    assert all(TEXT[s["start"]:s["end"]] == s["text"] for s in spans)
    (event,) = record["events"]
    assert event["type"] == "Attack"
    by_id = {s["id"]: s for s in spans}
    assert {role: [(by_id[i]["text"], by_id[i]["label"]) for i in ids]
            for role, ids in event["roles"].items()} == {
        "actor": [("الطائرات", "ACTOR")], "location": [("مدينة حلب", "LOCATION")],
        "date": [("أمس", "DATE")],
    }
    assert [s["attrs"]["value"] for s in spans if s["label"] == "DATE"] == ["2024-10-22"]
