"""Each document's stored span count (revision 0013) equals the count of its span rows after
every kind of write, and the document list sorted by it is the list sorted in Python."""

from __future__ import annotations

import json
import random
from typing import Any

from alembic import command
from sqlalchemy import event, text
from sqlalchemy.engine import Connection

from annotator.core.labels import schema_to_dict
from annotator.core.listing import DocumentQuery
from annotator.core.model import Document, LabelSchema, Span, make_span
from annotator.services.commands import UndoStack
from annotator.services.session import AnnotationSession
from annotator.services.suggestion_editing import (
    accept_all_command,
    accept_command,
    refresh_suggestions,
    reject_command,
    suggestions,
)
from annotator.services.suggestions import DateSource, project_gazetteer
from annotator.store import browse
from annotator.store.db import open_database
from annotator.store.engine import make_engine, read_transaction, run_write
from annotator.store.migrate import alembic_config
from annotator.store.repository import Repository

TEXTS = [
    "قصف الطيران مدينة دير الزور يوم 24 أكتوبر",
    "هاجم الحرس الثوري مواقع في إدلب وحلب في 3 نوفمبر",
    "أعلن الجيش السوري سيطرته على بلدة قرب دمشق",
    "اشتباكات بين فصائل المعارضة في ريف حلب الشمالي",
]


def _stored_and_counted(db_url: str, project: int) -> tuple[dict[int, int], dict[int, int]]:
    """(stored span_count, span rows counted) of every document of the project."""
    engine = make_engine(db_url)
    try:
        with read_transaction(engine) as conn:
            stored = {int(d): int(n) for d, n in conn.execute(
                text("SELECT id, span_count FROM documents WHERE project_id = :p"),
                {"p": project})}
            counted = {int(d): int(n) for d, n in conn.execute(
                text("SELECT d.id, COUNT(s.id) FROM documents d "
                     "LEFT JOIN spans s ON s.document_id = d.id "
                     "WHERE d.project_id = :p GROUP BY d.id"), {"p": project})}
    finally:
        engine.dispose()
    return stored, counted


def _check(db_url: str, project: int, what: str) -> dict[int, int]:
    stored, counted = _stored_and_counted(db_url, project)
    assert stored == counted, what
    return counted


def _docs(annotator: str | None = None) -> list[Document]:
    docs = []
    for i, body in enumerate(TEXTS):
        words = [(m, m + len(w)) for m, w in _words(body)]
        spans = tuple(make_span(body, a, b, "ACTOR" if k % 2 else "LOCATION",
                                annotator=annotator)
                      for k, (a, b) in enumerate(words[: i + 1]))
        docs.append(Document(name=f"doc-{i}", text=body, spans=spans))
    return docs


def _words(body: str) -> list[tuple[int, str]]:
    out = []
    at = 0
    for word in body.split(" "):
        out.append((at, word))
        at += len(word) + 1
    return out


def test_counts_follow_imports_merges_and_replaced_layers(
    repo: Repository, project: int, db_url: str
) -> None:
    added = repo.add_documents(project, _docs(), annotator="amal").added
    assert _check(db_url, project, "import") == {d: i + 1 for i, d in enumerate(added)}
    # Re-importing the same texts with other spans: merged in, then replacing.
    again = [Document(name=d.name, text=d.text, spans=(make_span(d.text, 0, 3, "DATE"),))
             for d in _docs()]
    repo.add_documents(project, again, annotator="omar", on_duplicate="merge")
    assert _check(db_url, project, "merge") == {d: i + 2 for i, d in enumerate(added)}
    repo.add_documents(project, again[:2], annotator="omar", on_duplicate="replace")
    assert _check(db_url, project, "replace")[added[0]] == 1
    # A curation save replaces one annotator's layer; the others' spans stay counted.
    body = TEXTS[3]
    repo.replace_layer(added[3], "curation", [make_span(body, 0, 9, "ACTOR"),
                                              make_span(body, 10, 14, "TARGET")])
    assert _check(db_url, project, "layer")[added[3]] == 5 + 2
    repo.replace_layer(added[3], "curation", [])
    assert _check(db_url, project, "empty layer")[added[3]] == 5


def test_counts_follow_a_random_day_of_edits_undos_and_suggestions(
    repo: Repository, project: int, db_url: str
) -> None:
    ids = repo.add_documents(project, _docs(), annotator=None).added
    session = AnnotationSession(repo, project_id=project, annotator="amal")
    stack = UndoStack(session.writer)
    sources = [DateSource(), project_gazetteer(repo, project)]
    rng = random.Random(5)
    done = 0
    for step in range(90):
        if step % 15 == 0:
            session.open(rng.choice(ids))
            stack.clear()
        spans = [s for s in session.spans if s.origin != "suggested"]
        proposed = suggestions(session)
        roll = rng.random()
        cmd: object | None
        if roll < 0.3 or not spans:
            a, w = rng.choice(_words(session.text))
            cmd = session.add_command(a, a + len(w), rng.choice(["ACTOR", "TARGET", "DATE"]))
        elif roll < 0.42:
            cmd = session.delete_command(_id(rng.choice(spans)))
        elif roll < 0.5:
            cmd = session.relabel_command(_id(rng.choice(spans)), "LOCATION")
        elif roll < 0.56:
            s = rng.choice(spans)
            cmd = session.resize_command(_id(s), s.start, min(len(session.text), s.end + 4))
        elif roll < 0.62:
            refresh_suggestions(session, repo, sources)
            cmd = None
        elif roll < 0.7 and proposed:
            cmd = accept_command(session, rng.choice(proposed))
        elif roll < 0.76 and proposed:
            cmd = reject_command(session, rng.choice(proposed))
        elif roll < 0.8:
            cmd = accept_all_command(session)
        elif roll < 0.92:
            cmd = None
            stack.undo()
        else:
            cmd = None
            stack.redo()
        if cmd is not None:
            stack.push(cmd)  # type: ignore[arg-type]
            done += 1
        _check(db_url, project, f"step {step}")
    assert done > 30  # the sequence did edit
    while stack.undo():
        _check(db_url, project, "undo to the start of the stack")
    counted = _check(db_url, project, "end")
    # The list sorted by spans, both ways, is the list sorted in Python by (count, position).
    position = {d.id: d.position for d in repo.list_documents(project)}
    for descending in (False, True):
        q = DocumentQuery(sort="spans", descending=descending)
        want = sorted(counted, key=lambda d: (counted[d], position[d], d), reverse=descending)
        got = repo.document_page(project, query=q, limit=None)
        assert [d.id for d in got] == want
        assert [d.span_count for d in got] == [counted[d] for d in want]


def _id(span: Span) -> int:
    assert span.id is not None
    return span.id


def _fill_at_0012(conn: Connection, schema: LabelSchema) -> None:
    """Three documents and their spans, written as revision 0012's tables take them."""
    conn.execute(text("INSERT INTO projects (id, name, schema) VALUES (1, 'old', :s)"),
                 {"s": json.dumps(schema_to_dict(schema))})
    for i, body in enumerate(TEXTS[:3], 1):
        conn.execute(
            text("INSERT INTO documents (id, project_id, name, text, content_hash, meta, "
                 "status, position) VALUES (:i, 1, :n, :t, :h, '{}', 'new', :p)"),
            {"i": i, "n": f"doc-{i}", "t": body, "h": f"h{i}", "p": i - 1},
        )
    spans = [(1, 0, 3), (1, 4, 11), (1, 18, 21), (3, 0, 4)]  # document 2 has none
    for doc, start, end in spans:
        conn.execute(
            text("INSERT INTO spans (document_id, start_offset, end_offset, label, attrs, "
                 "origin) VALUES (:d, :s, :e, 'ACTOR', '{}', 'manual')"),
            {"d": doc, "s": start, "e": end},
        )


def test_upgrade_from_0012_fills_the_counts(db_url: str, schema: LabelSchema) -> None:
    engine = make_engine(db_url)
    try:
        run_write(engine, lambda conn: command.upgrade(alembic_config(conn), "0012"))
        run_write(engine, lambda conn: _fill_at_0012(conn, schema))
    finally:
        engine.dispose()
    repo = open_database(db_url)  # upgrades to the head
    try:
        assert _stored_and_counted(db_url, 1) == ({1: 3, 2: 0, 3: 1}, {1: 3, 2: 0, 3: 1})
        rows = repo.document_page(1, query=DocumentQuery(sort="spans"), limit=None)
        assert [(d.id, d.span_count) for d in rows] == [(2, 0), (3, 1), (1, 3)]
        # The upgraded database keeps the count with new edits.
        repo.add_span(2, make_span(TEXTS[1], 0, 4, "ACTOR"), annotator="amal")
        assert _check(db_url, 1, "after the upgrade")[2] == 1
    finally:
        repo.close()


def test_the_sort_by_spans_walks_an_index(repo: Repository, project: int, db_url: str) -> None:
    # The plans of the queries a page, a next document and a place send: the count index, no
    # sort step (PostgreSQL would scan so small a table: sequential scans are turned off).
    repo.add_documents(project, _docs())
    q = DocumentQuery(sort="spans", descending=True)
    engine = make_engine(db_url)
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "FROM documents" in statement and "EXPLAIN" not in statement:
            sent.append((statement, parameters))

    try:
        with read_transaction(engine) as conn:
            first = browse.document_page(conn, project, q, None, 200)
            event.listen(engine, "before_cursor_execute", record)
            browse.document_page(conn, project, q, browse.cursor(q, first[1]), 200)
            browse.neighbour(conn, project, q, first[1].id, +1)
            browse.neighbour(conn, project, q, first[1].id, -1)
            browse.document_place(conn, project, q, first[2].id)
            event.remove(engine, "before_cursor_execute", record)
            sorted_ = [x for x in sent if "span_count" in x[0] and "ORDER BY" in x[0]]
            counted = [x for x in sent if "span_count" in x[0] and "count(*)" in x[0]]
            assert len(sorted_) == 3 and counted
            postgres = conn.dialect.name == "postgresql"
            if postgres:
                conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            for statement, parameters in sorted_ + counted:
                plan = " | ".join(str(r[-1] if not postgres else r[0]) for r in
                                  conn.exec_driver_sql("EXPLAIN " + ("" if postgres else
                                                       "QUERY PLAN ") + statement, parameters))
                assert "ix_documents_project_spans_position" in plan, plan
                assert "TEMP B-TREE" not in plan and " Sort " not in f" {plan} ", plan
    finally:
        engine.dispose()
