"""The corpus search index: each document's folded text, kept in step with the documents.

SQLite: ``document_search``, an FTS5 table with the trigram tokenizer whose rowid is the
document id; a query of three folded characters or more is a phrase of trigrams, answered
from the index. PostgreSQL: a ``document_search`` table, with a pg_trgm GIN index when the
extension could be created (revision 0003), queried with LIKE. A query shorter than three
folded characters cannot be narrowed down: every document is a candidate, read lazily.

The index only narrows the documents down: it may return a document without a hit (a match
across the edge of a character that folds to several), never miss one, because it holds
exactly ``fold(text)[0]``. The caller finds the hits and their offsets in the stored text.
Stored texts never change after import, so the index is written once per document.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from annotator.core.text import fold_key
from annotator.store.tables import DOCUMENTS

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
    m = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    if len(needle) < 3:
        # Shorter than a trigram: no index can narrow it down, and nearly every document holds
        # such a key. Every document in corpus order, read lazily: a limit stops early.
        ids = _in_corpus_order(conn, project_id, None)
    else:
        if conn.dialect.name == "sqlite":
            # A quoted FTS5 string is one phrase: consecutive trigrams, i.e. the substring.
            hits = f"SELECT rowid FROM document_search WHERE document_search MATCH {m}"
            param = '"' + needle.replace('"', '""') + '"'
        else:
            # pg_trgm's GIN index serves LIKE; backslash is PostgreSQL's default escape.
            hits = f"SELECT document_id FROM document_search WHERE key LIKE {m}"
            param = _like_pattern(needle)
        cursor = conn.connection.cursor()  # plain tuples: a common word names 40,000 documents
        try:
            cursor.execute(hits, (param,))
            found = {doc_id for (doc_id,) in cursor.fetchall()}
        finally:
            cursor.close()
        # Put in corpus order here rather than by one join: SQLite would either walk every
        # document of the project testing each against the list (slow for a rare word) or
        # sort whole rows, texts and all (slow for a common one).
        ids = _in_corpus_order(conn, project_id, found)
    # Then the texts, a page at a time, so the first hits of a common word come at once.
    for start in range(0, len(ids), _FETCH):
        page = ids[start : start + _FETCH]
        rows = conn.execute(
            select(DOCUMENTS.c.id, DOCUMENTS.c.name, DOCUMENTS.c.text).where(
                DOCUMENTS.c.id.in_(page)
            )
        ).all()
        by_id = {int(r[0]): (str(r[1]), str(r[2])) for r in rows}
        for doc_id in page:
            name, doc_text = by_id[doc_id]
            yield doc_id, name, doc_text


# Past this many candidates, reading the project's (position, id) index in order and keeping
# the candidates is cheaper than looking each one up.
_LOOKUP_LIMIT = 5000


def _in_corpus_order(conn: Connection, project_id: int, found: set[int] | None) -> list[int]:
    """The ids in ``found`` (None: all) that belong to the project, in corpus order."""
    if found is not None and not found:
        return []
    if found is None or len(found) > _LOOKUP_LIMIT:
        # Plain tuples from the driver: 100,000 SQLAlchemy rows would cost more than the scan.
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        cursor = conn.connection.cursor()
        try:
            cursor.execute(
                f"SELECT id FROM documents WHERE project_id = {mark} ORDER BY position, id",
                (project_id,),
            )
            return [doc_id for (doc_id,) in cursor.fetchall()
                    if found is None or doc_id in found]
        finally:
            cursor.close()
    keyed: list[tuple[int, int]] = []
    wanted = sorted(found)
    for start in range(0, len(wanted), _FETCH):
        # By id only, the project checked here: with both in the query SQLite walks the
        # project's index instead of looking the few ids up.
        rows = conn.execute(
            select(DOCUMENTS.c.position, DOCUMENTS.c.id, DOCUMENTS.c.project_id).where(
                DOCUMENTS.c.id.in_(wanted[start : start + _FETCH])
            )
        )
        keyed.extend((int(r[0]), int(r[1])) for r in rows if int(r[2]) == project_id)
    keyed.sort()
    return [doc_id for _, doc_id in keyed]
