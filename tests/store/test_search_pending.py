"""The corpus search index is completed after an import (revision 0014, ADR 0016): a search
and the document list's text filter find the same documents whether none, all or some of
them are in the index yet; completing the index moves every document in, once."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from annotator.core.listing import DocumentQuery
from annotator.core.model import Document, normalize_newlines
from annotator.core.text import find_all, fold_key, fold_query
from annotator.services.searching import search_corpus
from annotator.store.engine import read_transaction
from annotator.store.repository import Repository
from annotator.store.search import pending_count

WORDS = ["قصف", "الطيران", "مدينة", "دير", "الزور", "هــ.دد", "أكتوبر", "إدلب", "حلب",
         "الحرس", "الثوري", "SY24", "😀", "بالميادين", "٢٤"]


def _docs(start: int, n: int, rng: random.Random) -> list[Document]:
    return [
        Document(name=f"doc-{i:03d}",
                 text=f"عنوان {i}\n" + " ".join(rng.choice(WORDS)
                                              for _ in range(rng.randint(3, 12))))
        for i in range(start, start + n)
    ]


def _queries(repo: Repository, project: int, rng: random.Random) -> list[str]:
    texts = [d.text for d in repo.iter_documents(project)]
    queries = ["هدد", "الحرس الثوري", "اكتوبر", "sy24", "24", "ب", "😀", "دير  الزور",
               "100%", "a_b", '"', "لا يوجد هذا"]
    for _ in range(25):  # random pieces of the stored texts, folded spellings included
        t = rng.choice(texts)
        a = rng.randrange(len(t))
        queries.append(t[a : a + rng.randint(1, 12)])
    return [q for q in queries if fold_query(q)]


def _check_every_read(repo: Repository, project: int, rng: random.Random) -> None:
    documents = list(repo.iter_documents(project))
    for query in _queries(repo, project, rng):
        expected = [(d.id, s, e) for d in documents for s, e in find_all(d.text, query)]
        got = [(h.document_id, h.start, h.end)
               for h in search_corpus(repo, query, project=project)]
        assert got == expected, query
        # The document list's text filter: folded like a search, in corpus order.
        needle = fold_key(query).strip()
        if not needle:
            continue
        want = [d.id for d in documents if needle in fold_key(d.text)]
        listed = repo.document_page(project, query=DocumentQuery(text=query), limit=None)
        assert [row.id for row in listed] == want, query
        assert repo.count_documents(project, query=DocumentQuery(text=query)) == len(want)


def _index_rows(repo: Repository) -> int:
    with read_transaction(repo._engine) as conn:
        return int(conn.exec_driver_sql("SELECT COUNT(*) FROM document_search").scalar_one())


@pytest.mark.parametrize("state", ["pending", "indexed", "mixed"])
def test_search_and_text_filter_find_the_same_before_and_after_indexing(
    repo: Repository, project: int, seed_texts: dict[str, str], state: str
) -> None:
    rng = random.Random(5)
    repo.add_documents(project, _docs(0, 30, rng))
    repo.add_documents(project, [Document(name=n, text=normalize_newlines(t))
                                 for n, t in seed_texts.items()])
    assert repo.search_pending() == 35  # the import wrote no index
    assert _index_rows(repo) == 0
    if state != "pending":
        assert repo.index_pending(None) == 35
    if state == "mixed":
        # Imported into a project whose index is complete: the new ones wait, the old stay.
        repo.add_documents(project, _docs(30, 12, rng))
        assert repo.search_pending() == 12
    _check_every_read(repo, project, rng)


def test_index_is_completed_in_batches_and_holds_each_document_once(
    repo: Repository, project: int
) -> None:
    rng = random.Random(9)
    added = repo.add_documents(project, _docs(0, 23, rng)).added
    other = repo.create_project("other", repo.project_schema(project))
    repo.add_documents(other, _docs(100, 4, rng))
    assert [repo.index_pending(10), repo.index_pending(10), repo.index_pending(10)] == [10, 10, 7]
    assert repo.index_pending(10) == 0
    assert repo.search_pending() == 0
    assert _index_rows(repo) == 27
    # Each document's key in the index is its folded text.
    with read_transaction(repo._engine) as conn:
        if conn.dialect.name == "sqlite":
            rows = conn.exec_driver_sql("SELECT rowid, key FROM document_search").all()
        else:
            rows = conn.exec_driver_sql("SELECT document_id, key FROM document_search").all()
        assert pending_count(conn) == 0
    keys = dict(rows)
    for doc_id in added:
        assert keys[doc_id] == fold_key(repo.get_document(doc_id).text)


def test_a_document_imported_and_searched_at_once_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from annotator.cli import main

    db = str(tmp_path / "p.sqlite3")
    first = tmp_path / "first.jsonl"
    first.write_text('{"id": "a", "text": "قصف الطيران مدينة حلب"}\n', encoding="utf-8")
    second = tmp_path / "second.jsonl"
    second.write_text('{"id": "b", "text": "هــ.دد الحرس الثوري بقصف إدلب"}\n',
                      encoding="utf-8")
    assert main(["--db", db, "import", str(first)]) == 0
    # Just imported, not indexed: the command line's sqlite3 reader still finds it.
    capsys.readouterr()
    assert main(["--db", db, "search", "قصف"]) == 0
    assert capsys.readouterr().out.startswith("a:0-3: ")
    assert main(["--db", db, "index"]) == 0
    assert capsys.readouterr().out == "documents indexed: 1\ntoken templates made: 1\n"
    assert main(["--db", db, "import", str(second)]) == 0
    from annotator.store.sqlite_reader import SQLiteReader

    reader = SQLiteReader.open(db)
    assert reader is not None  # a current file: read over sqlite3 alone
    with reader:
        hits = search_corpus(reader, "قصف")
        assert [(h.document, h.text) for h in hits] == [("a", "قصف"), ("b", "قصف")]
        assert [h.document for h in search_corpus(reader, "هدد")] == ["b"]


def test_downgrading_revision_0014_indexes_the_pending_documents_first(db_url: str) -> None:
    from alembic import command

    from annotator.store.db import open_database
    from annotator.store.engine import make_engine, run_write
    from annotator.store.migrate import alembic_config

    repository = open_database(db_url, seed_demo=False)
    project = repository.default_project()
    repository.add_documents(project, _docs(0, 6, random.Random(3)))
    assert repository.search_pending() == 6
    repository.close()
    engine = make_engine(db_url)
    try:
        run_write(engine, lambda conn: command.downgrade(alembic_config(conn), "0012"))
        with read_transaction(engine) as conn:
            column = "rowid" if conn.dialect.name == "sqlite" else "document_id"
            indexed = conn.exec_driver_sql(f"SELECT COUNT({column}) FROM document_search"
                                           ).scalar_one()
    finally:
        engine.dispose()
    assert indexed == 6  # an 0012 program finds them through its index alone
