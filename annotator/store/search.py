"""The corpus search index: each document's folded text, completed after the import.

SQLite: ``document_search``, an FTS5 table with the trigram tokenizer whose rowid is the
document id; a query of three folded characters or more is a phrase of trigrams, answered
from the index. PostgreSQL: a ``document_search`` table, with a pg_trgm GIN index when the
extension could be created (revision 0003), queried with LIKE. A query shorter than three
folded characters cannot be narrowed down: every document is a candidate, read lazily.

An import does not write the index (ADR 0016): writing the trigrams cost more than the rest
of the import together. It names each new document in ``document_search_pending``
(revision 0014); ``index_pending`` moves pending documents into the index, a batch per call
(``annotator index``, the window in the background). Until then every read folds the
pending documents' texts itself (``sql_reads.pending_hits``), so a search finds what it
found before, including in documents imported a moment ago.

The queries are in ``sql_reads`` (shared with the command line's path over sqlite3 alone).
The index only narrows the documents down: it may return a document without a hit (a match
across the edge of a character that folds to several), never miss one, because it holds
exactly ``fold(text)[0]``. The caller finds the hits and their offsets in the stored text.
Stored texts never change after import, so the index is written once per document.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import text
from sqlalchemy.engine import Connection

from annotator.core.text import fold_key
from annotator.store import sql_reads

#: Documents indexed per write transaction when the index is completed.
INDEX_BATCH = 500


def index_documents(conn: Connection, rows: Sequence[tuple[int, str]]) -> None:
    """Add (document id, stored text) pairs to the search index."""
    if not rows:
        return
    params = [{"id": doc_id, "key": fold_key(doc_text)} for doc_id, doc_text in rows]
    if conn.dialect.name == "sqlite":
        sql = "INSERT INTO document_search (rowid, key) VALUES (:id, :key)"
    else:
        sql = "INSERT INTO document_search (document_id, key) VALUES (:id, :key)"
    conn.execute(text(sql), params)


def mark_pending(conn: Connection, document_ids: Sequence[int]) -> None:
    """Name just-stored documents as not yet in the search index (one small row each)."""
    if not document_ids:
        return
    marker = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(
        f"INSERT INTO document_search_pending (document_id) VALUES ({marker})",
        [(doc_id,) for doc_id in document_ids],
    )


def index_pending(conn: Connection, *, limit: int | None = INDEX_BATCH) -> int:
    """Move up to ``limit`` pending documents (None: all) into the index, oldest first;
    how many were moved."""
    query = ("SELECT p.document_id, d.text FROM document_search_pending p "
             "JOIN documents d ON d.id = p.document_id ORDER BY p.document_id")
    params: dict[str, int] = {}
    if limit is not None:
        query += " LIMIT :n"
        params["n"] = limit
    rows = [(int(doc_id), str(doc_text)) for doc_id, doc_text in conn.execute(text(query), params)]
    if not rows:
        return 0
    index_documents(conn, rows)
    # The smallest ids were read, in order: everything up to the last one is done.
    conn.execute(text("DELETE FROM document_search_pending WHERE document_id <= :last"),
                 {"last": rows[-1][0]})
    return len(rows)


def pending_count(conn: Connection) -> int:
    """How many documents wait for the search index."""
    return int(conn.execute(text("SELECT COUNT(*) FROM document_search_pending")).scalar_one())


def candidates(
    conn: Connection, project_id: int, needle: str
) -> Iterator[tuple[int, str, str]]:
    """(id, name, stored text) of the project's documents whose folded text holds ``needle``
    (already folded), in corpus order, read a page at a time (``sql_reads.candidates``, on
    the driver's connection: plain tuples, a common word names 40,000 documents)."""
    yield from sql_reads.candidates(conn.connection, conn.dialect.name, project_id, needle)
