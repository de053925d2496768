"""The CoNLL export's read: documents, their spans and cached token templates (ADR 0022).

An export of a large corpus is bound by how fast rows become lines, so this read skips the
``Document``/``Span`` objects of ``loading.iter_documents``: two queries per batch over the
driver's own cursor (documents with their template, then their spans), plain tuples out.
The caller runs it inside one read transaction, as ``iter_documents``.

Templates are written by ``save_templates`` in short transactions of their own, after the
export tokenized a document the cache did not hold. A stored template counts only while its
version is the program's and its content hash is the document's (texts never change after
import; the hash makes sure of it).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from sqlalchemy.engine import Connection

from annotator.core.model import DocStatus
from annotator.core.token_template import StoredTemplate
from annotator.store.rows import schema_of


class ExportRow(NamedTuple):
    """One document as the CoNLL export reads it."""

    id: int
    name: str
    text: str
    content_hash: str
    #: (start, end, label, id, origin) in the order ``loading`` gives spans.
    spans: list[tuple[int, int, str, int, str]]
    template: StoredTemplate | None


def _marker(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def _fetch(conn: Connection, sql: str, params: Sequence[Any]) -> list[Any]:
    # The DBAPI cursor of this same connection (and transaction): plain tuples, no Row objects.
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, tuple(params))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def iter_export_rows(
    conn: Connection,
    project_id: int,
    *,
    status: DocStatus | None,
    annotator: str | None,
    version: int,
    batch_size: int = 500,
) -> Iterator[ExportRow]:
    """The project's documents in corpus order (position, id), ``batch_size`` at a time."""
    schema_of(conn, project_id)  # StoreError for a project that does not exist
    m = _marker(conn)
    where = f"d.project_id = {m}"
    fixed: list[Any] = [project_id]
    if status is not None:
        where += f" AND d.status = {m}"
        fixed.append(status)
    head = (
        "SELECT d.id, d.name, d.text, d.content_hash, d.position, t.words, t.starts, t.ends, "
        "t.breaks FROM documents d LEFT JOIN token_templates t ON t.document_id = d.id "
        f"AND t.version = {m} AND t.content_hash = d.content_hash WHERE {where}"
    )
    last: tuple[int, int] | None = None
    while True:
        sql = head
        params: list[Any] = [version, *fixed]
        if last is not None:
            # Keyset paging: each batch is an index range scan, however deep.
            sql += f" AND (d.position > {m} OR (d.position = {m} AND d.id > {m}))"
            params += [last[0], last[0], last[1]]
        sql += f" ORDER BY d.position, d.id LIMIT {m}"
        params.append(batch_size)
        docs = _fetch(conn, sql, params)
        if not docs:
            return
        spans = _spans(conn, [int(r[0]) for r in docs], annotator)
        for r in docs:
            stored = None if r[5] is None else StoredTemplate(
                r[5], bytes(r[6]), bytes(r[7]), bytes(r[8]))
            yield ExportRow(int(r[0]), r[1], r[2], r[3], spans.get(int(r[0]), []), stored)
        last = (int(docs[-1][4]), int(docs[-1][0]))


def _spans(
    conn: Connection, ids: list[int], annotator: str | None
) -> dict[int, list[tuple[int, int, str, int, str]]]:
    m = _marker(conn)
    sql = (
        "SELECT s.document_id, s.start_offset, s.end_offset, s.label, s.id, s.origin "
        "FROM spans s"
    )
    params: list[Any] = list(ids)
    where = f" WHERE s.document_id IN ({', '.join([m] * len(ids))})"
    if annotator is not None:
        sql += " JOIN annotators a ON a.id = s.annotator_id"
        where += f" AND a.name = {m}"
        params.append(annotator)
    rows = _fetch(conn, sql + where, params)
    # Sorted here by (document, start, end, label, id), as loading sorts them: PostgreSQL's
    # ORDER BY would order labels by its locale's collation, Python by code point.
    rows.sort()
    out: dict[int, list[tuple[int, int, str, int, str]]] = {}
    for doc_id, start, end, label, span_id, origin in rows:
        out.setdefault(doc_id, []).append((start, end, label, span_id, origin))
    return out


def save_templates(
    conn: Connection, templates: Sequence[tuple[int, str, StoredTemplate]], version: int
) -> None:
    """Store (document id, content hash, template) rows, replacing older ones."""
    if not templates:
        return
    m = _marker(conn)
    sql = (
        "INSERT INTO token_templates (document_id, version, content_hash, words, starts, ends, "
        f"breaks) VALUES ({', '.join([m] * 7)}) ON CONFLICT (document_id) DO UPDATE SET "
        "version = excluded.version, content_hash = excluded.content_hash, "
        "words = excluded.words, starts = excluded.starts, ends = excluded.ends, "
        "breaks = excluded.breaks"
    )
    cursor = conn.connection.cursor()
    try:
        cursor.executemany(sql, [(doc_id, version, digest, *stored)
                                 for doc_id, digest, stored in templates])
    finally:
        cursor.close()
