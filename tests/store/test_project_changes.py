"""The project's change counter (revision 0011): one row a window polls, kept by triggers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import event

from annotator.cli import main
from annotator.core.model import Document, make_span
from annotator.store.db import open_database

TEXT = "قصف الطيران مدينة بالميادين، صباح 24 أكتوبر."


def test_every_change_moves_the_counter_and_nothing_else_does(db_url: str) -> None:
    repo = open_database(db_url, seed_demo=False)
    try:
        project = repo.default_project()
        before = repo.project_changes(project)
        added = repo.add_documents(project, [Document(name="a", text=TEXT),
                                             Document(name="b", text="نص آخر")])
        assert repo.project_changes(project) == before + 2  # one per document added
        doc_id = added.added[0]
        now = repo.project_changes(project)
        span = repo.add_span(doc_id, make_span(TEXT, 4, 11, "ACTOR"), annotator="amal")
        assert repo.project_changes(project) == now + 1  # one edit, one step
        repo.set_status(doc_id, "done")
        assert repo.project_changes(project) == now + 2
        assert span.id is not None
        repo.delete_span(span.id)
        assert repo.project_changes(project) == now + 3
        # Reading changes nothing.
        repo.get_document(doc_id)
        repo.stats(project)
        assert repo.project_changes(project) == now + 3
    finally:
        repo.close()


def test_another_connection_sees_the_change(db_url: str) -> None:
    first = open_database(db_url, seed_demo=False)
    second = open_database(db_url, seed_demo=False)
    try:
        project = first.default_project()
        (doc_id,) = first.add_documents(project, [Document(name="a", text=TEXT)]).added
        seen = second.project_changes(project)
        first.add_span(doc_id, make_span(TEXT, 4, 11, "ACTOR"), annotator="amal")
        assert second.project_changes(project) == seen + 1
    finally:
        first.close()
        second.close()


def test_an_import_through_the_command_line_counts_each_document(
    db_url: str, tmp_path: Path
) -> None:
    repo = open_database(db_url, seed_demo=False)
    project = repo.default_project()
    before = repo.project_changes(project)
    repo.close()
    data = tmp_path / "in.jsonl"
    data.write_text("".join(
        json.dumps({"text": f"{TEXT} {n}", "spans": [
            {"start": 4, "end": 11, "label": "ACTOR"}]}, ensure_ascii=False) + "\n"
        for n in range(30)), encoding="utf-8")
    assert main(["--db", db_url, "import", str(data)]) == 0
    repo = open_database(db_url, seed_demo=False)
    try:
        assert repo.project_changes(project) == before + 30
    finally:
        repo.close()


def test_the_check_reads_one_row_not_the_documents(db_url: str) -> None:
    repo = open_database(db_url, seed_demo=False)
    try:
        project = repo.default_project()
        repo.add_documents(project, [Document(name=str(n), text=f"{TEXT} {n}")
                                     for n in range(50)])
        statements: list[str] = []

        def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            statements.append(statement)

        event.listen(repo._engine, "before_cursor_execute", seen)
        try:
            repo.project_changes(project)
        finally:
            event.remove(repo._engine, "before_cursor_execute", seen)
        queries = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        assert len(queries) == 1
        assert "project_changes" in queries[0] and "documents" not in queries[0]
    finally:
        repo.close()
