"""The corpus search index: each document's folded text, kept in step with the documents.

SQLite: ``document_search``, an FTS5 table with the trigram tokenizer whose rowid is the
document id; a query of three folded characters or more is a phrase of trigrams, answered
from the index. PostgreSQL: a ``document_search`` table, with a pg_trgm GIN index when the
extension could be created (revision 0003), queried with LIKE. A query shorter than three
folded characters cannot be narrowed down: every document is a candidate, read lazily.

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


def candidates(
    conn: Connection, project_id: int, needle: str
) -> Iterator[tuple[int, str, str]]:
    """(id, name, stored text) of the project's documents whose folded text holds ``needle``
    (already folded), in corpus order, read a page at a time (``sql_reads.candidates``, on
    the driver's connection: plain tuples, a common word names 40,000 documents)."""
    yield from sql_reads.candidates(conn.connection, conn.dialect.name, project_id, needle)
