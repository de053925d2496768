"""Repository behaviour on both engines: edits, versions, refusals, duplicates, events, stats."""

from __future__ import annotations

import pytest

from annotator.core.model import Document, Event, LabelSchema, Span, make_span
from annotator.store.repository import ConflictError, Repository, StoreError

TEXT = "قصف التحالف الدولي مواقع في دير الزور يوم 24 أكتوبر."


def _doc(name: str = "a", text: str = TEXT, **kwargs: object) -> Document:
    return Document(name=name, text=text, **kwargs)  # type: ignore[arg-type]


def _span(text: str, word: str, label: str, **kwargs: object) -> Span:
    start = text.index(word)
    return make_span(text, start, start + len(word), label, **kwargs)


def _one(repo: Repository, project: int, doc: Document | None = None) -> int:
    result = repo.add_documents(project, [doc or _doc()])
    assert result.duplicates == []
    return result.added[0]


def test_projects_and_schema(repo: Repository, schema: LabelSchema) -> None:
    first = repo.default_project()
    assert repo.default_project() == first
    assert repo.projects() == [(first, "default")]
    other = repo.create_project("second", schema)
    assert repo.projects() == [(first, "default"), (other, "second")]
    assert repo.project_schema(other) == schema
    with pytest.raises(StoreError, match="already exists"):
        repo.create_project("second", schema)
    with pytest.raises(StoreError, match="does not exist"):
        repo.project_schema(other + 100)


def test_set_project_schema_refuses_to_drop_used_labels(
    repo: Repository, project: int, schema: LabelSchema
) -> None:
    doc_id = _one(repo, project)
    repo.add_span(doc_id, _span(TEXT, "دير الزور", "LOCATION"), annotator="amal")
    smaller = LabelSchema(name="small", labels=tuple(
        label for label in schema.labels if label.name != "LOCATION"))
    with pytest.raises(StoreError, match="LOCATION"):
        repo.set_project_schema(project, smaller)
    assert repo.project_schema(project) == schema
    no_dates = LabelSchema(name="no-dates", labels=tuple(
        label for label in schema.labels if label.name != "DATE"))
    repo.set_project_schema(project, no_dates)
    assert repo.project_schema(project) == no_dates


def test_add_span_stores_and_returns_id(repo: Repository, project: int) -> None:
    doc_id = _one(repo, project)
    span = _span(TEXT, "التحالف الدولي", "ACTOR", attrs={"note": "قوات"})
    stored = repo.add_span(doc_id, span, annotator="amal")
    assert stored.id is not None
    assert (stored.start, stored.end, stored.label, stored.text) == (*span.key, span.text)
    assert stored.annotator == "amal" and stored.attrs == {"note": "قوات"}
    doc = repo.get_document(doc_id)
    assert doc.spans == (stored,)
    assert TEXT[stored.start : stored.end] == stored.text
    # An accepted suggestion belongs to the person who accepted it.
    proposed = _span(TEXT, "دير الزور", "LOCATION", annotator="gazetteer", origin="suggested")
    accepted = repo.add_span(doc_id, proposed, annotator="amal")
    assert accepted.annotator == "amal" and accepted.origin == "suggested"


@pytest.mark.parametrize(
    ("start", "end", "label", "span_text", "message"),
    [
        (-1, 3, "ACTOR", None, "do not fit"),
        (5, 5, "ACTOR", None, "do not fit"),
        (10, len(TEXT) + 1, "ACTOR", None, "do not fit"),
        (0, 3, "ACTOR", "xyz", "does not match"),
        (0, 3, "WEAPON", None, "WEAPON"),
    ],
)
def test_bad_span_refused_and_nothing_stored(
    repo: Repository,
    project: int,
    start: int,
    end: int,
    label: str,
    span_text: str | None,
    message: str,
) -> None:
    doc_id = _one(repo, project)
    version = repo.document_version(doc_id)
    text = TEXT[max(start, 0) : max(end, 0)] if span_text is None else span_text
    with pytest.raises(StoreError, match=message):
        repo.add_span(doc_id, Span(start, end, label, text), annotator="amal")
    assert repo.get_document(doc_id).spans == ()
    assert repo.document_version(doc_id) == version
    assert repo.stats(project)["spans"] == 0


def test_add_documents_is_all_or_nothing(repo: Repository, project: int) -> None:
    good = _doc("good", spans=(_span(TEXT, "التحالف", "ACTOR"),))
    bad = _doc("bad", TEXT + " ثانية", spans=(Span(0, 4, "ACTOR", "خطأ!"),))
    with pytest.raises(StoreError) as info:
        repo.add_documents(project, [good, bad])
    assert "'bad'" in str(info.value) and "nothing was stored" in str(info.value)
    assert repo.list_documents(project) == []
    assert repo.stats(project)["spans"] == 0


def test_add_documents_lists_every_problem(repo: Repository, project: int) -> None:
    docs = [
        _doc("x", spans=(Span(0, 99, "ACTOR", "?"),)),
        _doc("y", TEXT + "!", spans=(_span(TEXT, "التحالف", "PERSON"),)),
        _doc("z", TEXT + "!!", status="finished"),
    ]
    with pytest.raises(StoreError) as info:
        repo.add_documents(project, docs)
    problems = info.value.problems
    assert len(problems) == 3
    assert "'x'" in problems[0] and "'y'" in problems[1] and "'z'" in problems[2]


def test_text_that_cannot_be_stored_is_refused(repo: Repository, project: int) -> None:
    with pytest.raises(StoreError, match="NUL"):
        repo.add_documents(project, [_doc("nul", "a\x00b")])
    with pytest.raises(StoreError, match="surrogate"):
        repo.add_documents(project, [_doc("sur", "a\ud800b")])
    assert repo.list_documents(project) == []


def test_duplicates_are_skipped_and_reported(repo: Repository, project: int) -> None:
    first = repo.add_documents(project, [_doc("a"), _doc("b", TEXT + "2"), _doc("a-again")])
    assert len(first.added) == 2 and first.duplicates == ["a-again"]
    second = repo.add_documents(project, [_doc("c", TEXT + "2"), _doc("d", TEXT + "3")])
    assert second.duplicates == ["c"] and len(second.added) == 1
    summaries = repo.list_documents(project)
    assert [s.name for s in summaries] == ["a", "b", "d"]
    assert [s.position for s in summaries] == sorted(s.position for s in summaries)
    assert [s.id for s in summaries] == first.added + second.added


def test_same_text_in_another_project_is_not_a_duplicate(
    repo: Repository, project: int, schema: LabelSchema
) -> None:
    other = repo.create_project("other", schema)
    assert len(repo.add_documents(project, [_doc()]).added) == 1
    assert len(repo.add_documents(other, [_doc()]).added) == 1


def test_versions_and_conflicts(repo: Repository, project: int) -> None:
    doc_id = _one(repo, project)
    v0 = repo.document_version(doc_id)
    a = repo.add_span(doc_id, _span(TEXT, "التحالف", "ACTOR"), annotator="amal",
                      expected_version=v0)
    assert repo.document_version(doc_id) == v0 + 1
    # A second editor still holding v0 is told, and nothing of theirs is stored.
    with pytest.raises(ConflictError, match="changed since you opened it"):
        repo.add_span(doc_id, _span(TEXT, "مواقع", "TARGET"), annotator="bob",
                      expected_version=v0)
    assert [s.id for s in repo.get_document(doc_id).spans] == [a.id]
    assert repo.document_version(doc_id) == v0 + 1
    with pytest.raises(ConflictError):
        repo.delete_span(a.id or 0, expected_version=v0)
    with pytest.raises(ConflictError):
        repo.update_span(a.id or 0, label="TARGET", expected_version=v0)
    repo.update_span(a.id or 0, label="TARGET", expected_version=v0 + 1)
    repo.set_status(doc_id, "in_progress")
    repo.set_document_meta(doc_id, {"source": "SY24"})
    repo.delete_span(a.id or 0, expected_version=v0 + 4)
    assert repo.document_version(doc_id) == v0 + 5


def test_open_document_returns_matching_version(repo: Repository, project: int) -> None:
    doc_id = _one(repo, project)
    repo.add_span(doc_id, _span(TEXT, "التحالف", "ACTOR"), annotator="amal")
    doc, version = repo.open_document(doc_id)
    assert version == repo.document_version(doc_id)
    assert len(doc.spans) == 1


def test_update_delete_restore(repo: Repository, project: int) -> None:
    doc_id = _one(repo, project)
    span = repo.add_span(doc_id, _span(TEXT, "24 أكتوبر", "DATE"), annotator="amal")
    assert span.id is not None
    updated = repo.update_span(span.id, attrs={"value": "2024-10-24", "precision": "day"})
    assert updated.label == "DATE" and updated.attrs["value"] == "2024-10-24"
    with pytest.raises(StoreError, match="PERSON"):
        repo.update_span(span.id, label="PERSON")
    assert repo.get_document(doc_id).spans == (updated,)
    repo.delete_span(span.id)
    assert repo.get_document(doc_id).spans == ()
    with pytest.raises(StoreError, match="does not exist"):
        repo.delete_span(span.id)
    restored = repo.restore_span(doc_id, updated, annotator="someone else")
    assert restored == updated  # same id, label, attributes, annotator
    # A later span never takes the id of a deleted one, so undo can always reuse it.
    other = repo.add_span(doc_id, _span(TEXT, "مواقع", "TARGET"), annotator="amal")
    repo.delete_span(other.id or 0)
    newer = repo.add_span(doc_id, _span(TEXT, "مواقع", "TARGET"), annotator="amal")
    assert newer.id != other.id


def test_restore_span_without_annotator_keeps_the_spans_own(
    repo: Repository, project: int
) -> None:
    # An imported span nobody has claimed, and one that names its annotator.
    doc_id = _one(repo, project, _doc(spans=(
        _span(TEXT, "التحالف الدولي", "ACTOR"),
        _span(TEXT, "دير الزور", "LOCATION", annotator="basel"),
    )))
    unassigned, named = repo.get_document(doc_id).spans
    assert unassigned.annotator is None and named.annotator == "basel"
    for span in (unassigned, named):
        repo.delete_span(span.id or 0)
        restored = repo.restore_span(doc_id, span)
        assert restored == span  # same id, and the same annotator or none
    assert repo.get_document(doc_id).spans == (unassigned, named)
    assert repo.stats(project)["by_annotator"] == {"(none)": 1, "basel": 1}
    # A name given for a span without one is still who it comes back under.
    repo.delete_span(unassigned.id or 0)
    claimed = repo.restore_span(doc_id, unassigned, annotator="amal")
    assert claimed.id == unassigned.id and claimed.annotator == "amal"


def test_get_document_orders_spans_and_filters_annotators(
    repo: Repository, project: int
) -> None:
    doc_id = _one(repo, project)
    words = [("دير الزور", "LOCATION", "amal"), ("التحالف الدولي", "ACTOR", "bob"),
             ("التحالف", "TARGET", "amal"), ("التحالف", "ACTOR", "bob")]
    for word, label, who in words:
        repo.add_span(doc_id, _span(TEXT, word, label), annotator=who)
    spans = repo.get_document(doc_id).spans
    assert [s.key for s in spans] == sorted(s.key for s in spans)
    assert len(spans) == 4
    amal = repo.get_document(doc_id, annotator="amal").spans
    assert {s.annotator for s in amal} == {"amal"} and len(amal) == 2
    assert repo.get_document(doc_id, annotator="nobody").spans == ()
    with pytest.raises(StoreError, match="does not exist"):
        repo.get_document(doc_id + 1000)


def test_events_round_trip_and_follow_span_deletes(repo: Repository, project: int) -> None:
    actor = _span(TEXT, "التحالف الدولي", "ACTOR")
    place = _span(TEXT, "دير الزور", "LOCATION")
    date = _span(TEXT, "24 أكتوبر", "DATE")
    event = Event(type="Air/drone strike", roles={"actor": (0,), "location": (1,), "date": (2,)},
                  trigger=0, attrs={"fatalities": 3})
    doc = _doc(spans=(actor, place, date), events=(event,))
    doc_id = _one(repo, project, doc)
    stored = repo.get_document(doc_id)
    assert len(stored.events) == 1
    got = stored.events[0]
    assert got.type == event.type and got.attrs == {"fatalities": 3}
    by_index = {role: tuple(stored.spans[i].text for i in idx) for role, idx in got.roles.items()}
    assert by_index == {"actor": ("التحالف الدولي",), "location": ("دير الزور",),
                        "date": ("24 أكتوبر",)}
    assert got.trigger is not None and stored.spans[got.trigger].text == "التحالف الدولي"
    # A new event through add_event, then delete a span it uses.
    ids = {s.label: s.id or 0 for s in stored.spans}
    event_id = repo.add_event(doc_id, Event(type="Attack"),
                              {"actor": [ids["ACTOR"]], "target": [ids["LOCATION"]]})
    assert len(repo.get_document(doc_id).events) == 2
    repo.delete_span(ids["LOCATION"])
    after = {e.id: e for e in repo.get_document(doc_id).events}
    assert set(after[event_id].roles) == {"actor"}
    repo.delete_event(event_id)
    assert [e.id for e in repo.get_document(doc_id).events] == [got.id]


def test_add_event_refusals(repo: Repository, project: int) -> None:
    doc_id = _one(repo, project)
    other_id = _one(repo, project, _doc("b", TEXT + " ب"))
    mine = repo.add_span(doc_id, _span(TEXT, "التحالف", "ACTOR"), annotator="amal")
    theirs = repo.add_span(other_id, _span(TEXT, "التحالف", "ACTOR"), annotator="amal")
    with pytest.raises(StoreError, match="not in the project's schema"):
        repo.add_event(doc_id, Event(type="Picnic"), {"actor": [mine.id or 0]})
    with pytest.raises(StoreError, match="not a span of document"):
        repo.add_event(doc_id, Event(type="Attack"), {"actor": [theirs.id or 0]})
    bad = _doc("c", TEXT + " ج", spans=(_span(TEXT, "التحالف", "ACTOR"),),
               events=(Event(type="Attack", roles={"actor": (3,)}),))
    with pytest.raises(StoreError, match="out of range"):
        repo.add_documents(project, [bad])
    assert repo.get_document(doc_id).events == ()


def test_status_meta_list_and_stats(repo: Repository, project: int) -> None:
    ids = repo.add_documents(project, [_doc(str(i), f"{TEXT} {i}") for i in range(4)]).added
    repo.set_status(ids[1], "done")
    repo.set_status(ids[2], "done")
    repo.set_status(ids[3], "skipped")
    with pytest.raises(StoreError, match="unknown status"):
        repo.set_status(ids[0], "finished")  # type: ignore[arg-type]
    repo.set_document_meta(ids[0], {"source": "SY24", "published": "2024-10-28"})
    assert repo.get_document(ids[0]).meta == {"source": "SY24", "published": "2024-10-28"}
    repo.add_span(ids[1], _span(TEXT, "التحالف", "ACTOR"), annotator="amal")
    repo.add_span(ids[1], _span(TEXT, "مواقع", "TARGET"), annotator="bob")
    repo.add_span(ids[2], _span(TEXT, "دير الزور", "LOCATION"), annotator="amal")
    done = repo.list_documents(project, status="done")
    assert [(d.id, d.span_count) for d in done] == [(ids[1], 2), (ids[2], 1)]
    assert [d.status for d in repo.list_documents(project)] == ["new", "done", "done", "skipped"]
    stats = repo.stats(project)
    assert stats["documents"] == 4 and stats["spans"] == 3
    assert stats["by_status"] == {"new": 1, "in_progress": 0, "done": 2, "skipped": 1}
    assert stats["by_label"] == {"ACTOR": 1, "TARGET": 1, "LOCATION": 1, "DATE": 0}
    assert stats["by_annotator"] == {"amal": 2, "bob": 1}
    assert repo.annotators() == ["amal", "bob"]


def test_iter_documents_batches_in_corpus_order(repo: Repository, project: int) -> None:
    docs = [
        _doc(f"d{i}", f"{TEXT} {i}", spans=(_span(TEXT, "التحالف", "ACTOR", annotator="amal"),),
             status="done" if i % 3 == 0 else "new")
        for i in range(23)
    ]
    ids = repo.add_documents(project, docs).added
    every = list(repo.iter_documents(project, batch_size=5))
    assert [d.id for d in every] == ids
    assert all(len(d.spans) == 1 and d.spans[0].annotator == "amal" for d in every)
    done = list(repo.iter_documents(project, status="done", batch_size=2))
    assert [d.name for d in done] == [f"d{i}" for i in range(0, 23, 3)]
    assert all(d.spans == () for d in repo.iter_documents(project, annotator="bob"))
    for d in every:
        assert repo.get_document(d.id or 0) == d


def test_annotator_argument_names_spans_without_one(repo: Repository, project: int) -> None:
    doc = _doc(spans=(_span(TEXT, "التحالف", "ACTOR"),
                      _span(TEXT, "مواقع", "TARGET", annotator="bob")))
    doc_id = repo.add_documents(project, [doc], annotator="importer").added[0]
    assert {s.text: s.annotator for s in repo.get_document(doc_id).spans} == {
        "التحالف": "importer", "مواقع": "bob"}
    unnamed = repo.add_documents(project, [_doc("u", TEXT + ".", spans=doc.spans[:1])]).added[0]
    assert repo.get_document(unnamed).spans[0].annotator is None
    assert repo.stats(project)["by_annotator"] == {"(none)": 1, "bob": 1, "importer": 1}


def test_unserializable_attrs_refused(repo: Repository, project: int) -> None:
    doc_id = _one(repo, project)
    with pytest.raises(StoreError, match="attributes"):
        repo.add_span(doc_id, _span(TEXT, "التحالف", "ACTOR", attrs={"x": object()}),
                      annotator="amal")
    with pytest.raises(StoreError, match="JSON"):
        repo.add_documents(project, [_doc("o", TEXT + "!", spans=(
            _span(TEXT, "التحالف", "ACTOR", attrs={"x": {1, 2}}),))])
    assert repo.get_document(doc_id).spans == ()
    assert len(repo.list_documents(project)) == 1


def test_iter_documents_reads_one_snapshot(db_url: str, repo: Repository, project: int) -> None:
    from annotator.store.db import open_database

    ids = repo.add_documents(project, [_doc(f"d{i}", f"{TEXT} {i}") for i in range(6)]).added
    exporting = repo.iter_documents(project, batch_size=2)
    first = next(exporting)
    other = open_database(db_url)
    try:
        other.add_span(ids[5], _span(TEXT, "التحالف", "ACTOR"), annotator="amal")
        other.add_documents(project, [_doc("late", TEXT + " late")])
    finally:
        other.close()
    rest = list(exporting)
    # The export sees the corpus as it was when it began.
    assert [d.id for d in [first, *rest]] == ids
    assert rest[-1].spans == ()
    assert len(repo.get_document(ids[5]).spans) == 1
