"""The corpus search index: each document's folded text, kept in step with the documents.

SQLite: ``document_search``, an FTS5 table with the trigram tokenizer whose rowid is the
document id; a query of three folded characters or more is a phrase of trigrams, answered
from the index. PostgreSQL: a ``document_search`` table, with a pg_trgm GIN index when the
extension could be created (revision 0003), queried with LIKE. Shorter queries scan the
folded texts (still no Python per document).

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

# Rows fetched at a time while the caller reads candidates.
_FETCH = 200


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


def _like_pattern(needle: str) -> str:
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def candidates(
    conn: Connection, project_id: int, needle: str
) -> Iterator[tuple[int, str, str]]:
    """(id, name, stored text) of the project's documents whose folded text holds ``needle``
    (already folded), in corpus order, read a page at a time."""
    if conn.dialect.name == "sqlite":
        if len(needle) >= 3:
            # A quoted FTS5 string is one phrase: consecutive trigrams, i.e. the substring.
            hits = "SELECT rowid FROM document_search WHERE document_search MATCH :q"
            param = '"' + needle.replace('"', '""') + '"'
        else:
            hits = "SELECT rowid FROM document_search WHERE key LIKE :q ESCAPE '\\'"
            param = _like_pattern(needle)
    else:
        # Backslash is PostgreSQL's default LIKE escape.
        hits = "SELECT document_id FROM document_search WHERE key LIKE :q"
        param = _like_pattern(needle)
    # The index first, then the documents it names: as a join, SQLite would walk every
    # document of the project and probe the index for each.
    sql = (
        f"SELECT d.id, d.name, d.text FROM documents d WHERE d.id IN ({hits}) "
        "AND d.project_id = :p ORDER BY d.position, d.id"
    )
    result = conn.execute(text(sql), {"q": param, "p": project_id})
    while True:
        rows = result.fetchmany(_FETCH)
        if not rows:
            return
        for r in rows:
            yield int(r[0]), str(r[1]), str(r[2])
