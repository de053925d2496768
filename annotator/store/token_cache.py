"""The CoNLL export's read through the store: documents, their spans and cached token
templates (ADR 0022), and the templates' writes.

An export of a large corpus is bound by how fast rows become lines, so this read skips the
``Document``/``Span`` objects of ``loading.iter_documents``: two queries per batch over the
driver's own cursor (documents with their template, then their spans), plain tuples out. The
SQL is ``sql_reads.export_rows``, which the command line also runs over bare sqlite3 or
psycopg (``SnapshotReader``). The caller runs it inside one read transaction, as
``iter_documents``.

Templates are written by ``save_templates`` in short transactions of their own: after the
export tokenized a document the cache did not hold, and by ``fill_templates`` (``annotator
index``, the window's background pass). A stored template counts only while its version is
the program's and its content hash is the document's (texts never change after import; the
hash makes sure of it).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy.engine import Connection

from annotator.core.model import DocStatus
from annotator.core.token_template import StoredTemplate, make_template, pack_template
from annotator.store import sql_reads
from annotator.store.rows import schema_of
from annotator.store.sql_reads import ExportRow


def _marker(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def _dialect(conn: Connection) -> str:
    return "sqlite" if conn.dialect.name == "sqlite" else "postgresql"


def iter_export_rows(
    conn: Connection,
    project_id: int,
    *,
    status: DocStatus | None,
    annotator: str | None,
    version: int,
    include_suggestions: bool,
    batch_size: int = 500,
) -> Iterator[ExportRow]:
    """The project's documents in corpus order (position, id), ``batch_size`` at a time."""
    schema_of(conn, project_id)  # StoreError for a project that does not exist
    # The DBAPI connection of this same connection (and transaction): plain tuples.
    yield from sql_reads.export_rows(
        conn.connection, _dialect(conn), project_id, status=status, annotator=annotator,
        version=version, include_suggestions=include_suggestions, batch_size=batch_size)


def iter_export_rows_by_id(
    conn: Connection,
    document_ids: Sequence[int],
    *,
    annotator: str | None,
    version: int,
    include_suggestions: bool,
    batch_size: int = 500,
) -> Iterator[ExportRow]:
    """The documents ``document_ids`` in that order, as ``iter_export_rows`` reads them."""
    yield from sql_reads.export_rows_by_id(
        conn.connection, _dialect(conn), document_ids, annotator=annotator, version=version,
        include_suggestions=include_suggestions, batch_size=batch_size)


def missing_templates(conn: Connection, project_id: int, version: int) -> int:
    """How many of the project's documents have no template of ``version`` for their text."""
    return sql_reads.missing_templates(conn.connection, _dialect(conn), project_id, version)


def save_templates(
    conn: Connection, templates: Sequence[tuple[int, str, StoredTemplate]], version: int
) -> None:
    """Store (document id, content hash, template) rows, replacing older ones."""
    if not templates:
        return
    m = _marker(conn)
    # The words are UTF-8 bytes: SQLite keeps them as they are (a BLOB, read back without a
    # decode), PostgreSQL's text column takes them decoded by the server.
    words = m if _dialect(conn) == "sqlite" else f"convert_from({m}, 'UTF8')"
    sql = (
        "INSERT INTO token_templates (document_id, version, content_hash, words, starts, "
        f"offsets) VALUES ({m}, {m}, {m}, {words}, {m}, {m}) "
        "ON CONFLICT (document_id) DO UPDATE SET "
        "version = excluded.version, content_hash = excluded.content_hash, "
        "words = excluded.words, starts = excluded.starts, offsets = excluded.offsets"
    )
    cursor = conn.connection.cursor()
    try:
        cursor.executemany(sql, [(doc_id, version, digest, *stored)
                                 for doc_id, digest, stored in templates])
    finally:
        cursor.close()


def fill_templates(conn: Connection, version: int, limit: int, after: int) -> tuple[int, int]:
    """Make and store the templates of up to ``limit`` documents (any project) with an id
    above ``after`` that have none of ``version`` for their text: (how many were made, the
    id to go on after; 0 when no document is left)."""
    m = _marker(conn)
    cursor = conn.connection.cursor()
    try:
        # In id order from ``after``: each batch starts where the last one stopped, instead
        # of walking again past every document already done.
        cursor.execute(
            "SELECT d.id, d.content_hash, d.text FROM documents d LEFT JOIN token_templates t "
            f"ON t.document_id = d.id AND t.version = {m} AND t.content_hash = d.content_hash "
            f"WHERE d.id > {m} AND t.document_id IS NULL ORDER BY d.id LIMIT {m}",
            (version, after, limit))
        rows = cursor.fetchall()
    finally:
        cursor.close()
    save_templates(conn, [(int(doc_id), str(digest), pack_template(make_template(str(text))))
                          for doc_id, digest, text in rows], version)
    return len(rows), int(rows[-1][0]) if rows else 0
