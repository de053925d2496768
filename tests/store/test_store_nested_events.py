"""Nested events in the store: an event role filled by another event of the document (BioNLP
style), on SQLite and PostgreSQL: imported, read back, edited, merged, never a cycle, and an
event another one names is not deleted from under it."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError

from annotator.core.model import Document, Event, EventFrame, Span, frames_of, make_span
from annotator.store.repository import Repository, StoreError
from annotator.store.tables import DOCUMENTS, EVENT_ROLES, EVENTS

TEXT = "قصف التحالف الدولي مواقع في دير الزور يوم 24 أكتوبر، ثم ردّ الحرس بهجوم."


def _span(word: str, label: str) -> Span:
    start = TEXT.index(word)
    return make_span(TEXT, start, start + len(word), label)


def _doc(name: str = "a") -> Document:
    spans = (_span("التحالف الدولي", "ACTOR"), _span("دير الزور", "LOCATION"),
             _span("الحرس", "ACTOR"), _span("مواقع", "TARGET"))
    # The retaliation (event 0) names the strike (event 1), written after it.
    events = (
        Event("Attack", {"actor": (2,)}, event_args={"cause": (1,)}),
        Event("Air/drone strike", {"actor": (0,), "location": (1,), "target": (3,)}),
    )
    return Document(name=name, text=TEXT, spans=spans, events=events)


def _stored(repo: Repository, project: int) -> tuple[int, Document]:
    doc_id = repo.add_documents(project, [_doc()]).added[0]
    return doc_id, repo.get_document(doc_id)


def test_nested_events_are_stored_and_read_back(repo: Repository, project: int) -> None:
    _, stored = _stored(repo, project)
    assert [e.type for e in stored.events] == ["Attack", "Air/drone strike"]
    assert dict(stored.events[0].event_args) == {"cause": (1,)}
    assert [stored.spans[i].text for i in stored.events[0].roles["actor"]] == ["الحرس"]
    frames = frames_of(stored)
    assert dict(frames[0].event_args) == {"cause": (stored.events[1].id,)}


def test_an_event_another_names_is_not_deleted(repo: Repository, project: int) -> None:
    doc_id, stored = _stored(repo, project)
    attack, strike = (e.id or 0 for e in stored.events)
    with pytest.raises(StoreError, match=f"event {strike} is the cause of event {attack}"):
        repo.delete_event(strike)
    assert len(repo.get_document(doc_id).events) == 2  # nothing changed
    repo.delete_event(attack)  # the one naming it may go; then the strike may too
    repo.delete_event(strike)
    assert repo.get_document(doc_id).events == ()


def test_cycles_and_other_documents_events_are_refused(repo: Repository, project: int) -> None:
    doc_id, stored = _stored(repo, project)
    attack, strike = frames_of(stored)
    assert attack.id is not None and strike.id is not None
    with pytest.raises(StoreError, match=f"events {strike.id} -> {attack.id} -> {strike.id} "
                                         "are each other's arguments"):
        repo.update_event(EventFrame(strike.type, strike.roles, None, strike.id, {},
                                     {"cause": (attack.id,)}))
    with pytest.raises(StoreError, match=f"event {strike.id} has itself as an argument"):
        repo.update_event(EventFrame(strike.type, strike.roles, None, strike.id, {},
                                     {"cause": (strike.id,)}))
    other = repo.add_documents(project, [Document(name="b", text=TEXT + " ب")]).added[0]
    with pytest.raises(StoreError, match=f"event {strike.id} is not an event of document 'b'"):
        repo.add_event(other, Event("Attack"), {}, event_refs={"cause": [strike.id]})
    assert frames_of(repo.get_document(doc_id)) == (attack, strike)


def test_edits_keep_and_change_event_arguments(repo: Repository, project: int) -> None:
    doc_id, stored = _stored(repo, project)
    attack, strike = frames_of(stored)
    assert strike.id is not None and attack.id is not None
    third = repo.add_event(doc_id, Event("Attack"), {"actor": [stored.spans[0].id or 0]},
                           event_refs={"cause": [attack.id], "theme": [strike.id]})
    frames = {f.id: f for f in frames_of(repo.get_document(doc_id))}
    assert dict(frames[third].event_args) == {"cause": (attack.id,), "theme": (strike.id,)}
    # A change of type keeps the event arguments; a change of them replaces them.
    repo.update_event(EventFrame("Armed clash", attack.roles, None, attack.id, {},
                                 attack.event_args))
    frames = {f.id: f for f in frames_of(repo.get_document(doc_id))}
    assert frames[attack.id].type == "Armed clash"
    assert dict(frames[attack.id].event_args) == {"cause": (strike.id,)}
    repo.update_event(EventFrame("Attack", attack.roles, None, attack.id, {}, {}))
    assert not frames_of(repo.get_document(doc_id))[0].event_args


def test_reimporting_merges_nested_events_once(repo: Repository, project: int) -> None:
    doc_id, _ = _stored(repo, project)
    result = repo.add_documents(project, [_doc("again")], on_duplicate="merge")
    assert result.merged_events == 0
    assert len(repo.get_document(doc_id).events) == 2
    # The same strike, but caused by nothing: a new nested tree is a new event.
    changed = _doc("changed")
    events = (Event("Armed clash", {"actor": (2,)}, event_args={"cause": (1,)}),
              changed.events[1])
    merged = repo.add_documents(project, [Document(
        name="c", text=TEXT, spans=changed.spans, events=events)], on_duplicate="merge")
    assert merged.merged_events == 1
    after = repo.get_document(doc_id)
    clash = next(e for e in after.events if e.type == "Armed clash")
    (cause,) = clash.event_args["cause"]
    assert after.events[cause].type == "Air/drone strike"
    assert len(after.events) == 3  # the strike is shared, not copied


def test_an_import_with_a_cycle_is_refused(repo: Repository, project: int) -> None:
    doc = _doc()
    looped = Document(name="x", text=TEXT, spans=doc.spans, events=(
        doc.events[0], Event("Air/drone strike", {"actor": (0,)}, event_args={"cause": (0,)})))
    with pytest.raises(StoreError, match="events 1 -> 2 -> 1 are each other's arguments"):
        repo.add_documents(project, [looped])
    with pytest.raises(StoreError, match="event index 5 out of range"):
        repo.add_documents(project, [Document(name="y", text=TEXT, spans=doc.spans, events=(
            Event("Attack", {"actor": (0,)}, event_args={"cause": (5,)}),))])


def test_a_role_row_names_a_span_or_an_event_never_both(repo: Repository, project: int) -> None:
    doc_id, stored = _stored(repo, project)
    attack, strike = (e.id for e in stored.events)
    span_id = stored.spans[0].id
    engine = repo._engine  # the constraint itself, below the repository's checks
    for values in ({"span_id": span_id, "event_ref": strike}, {"span_id": None,
                                                              "event_ref": None}):
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(insert(EVENT_ROLES).values(event_id=attack, role="x", position=0,
                                                    **values))
    with engine.begin() as conn:
        # Deleting the document takes both events and every role row (spans and events).
        conn.execute(delete(DOCUMENTS).where(DOCUMENTS.c.id == doc_id))
        assert conn.execute(select(EVENTS.c.id)).first() is None
        assert conn.execute(select(EVENT_ROLES.c.id)).first() is None
