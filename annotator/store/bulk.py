"""The two hot paths of imports and exports, spans in and spans out, at driver level.

An import of 10,000 articles carries some 220,000 spans; building SQLAlchemy parameter dicts and
running its JSON processors per row cost more than SQLite's own work. These functions send plain
tuples to the driver's executemany and read plain tuples back. Only the ``spans`` table is
handled here; everything else goes through SQLAlchemy Core.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy.engine import Connection

from annotator.store.sql_writes import (
    DOCUMENT_INSERT_HEAD,
    DOCUMENT_INSERT_ROW,
    DOCUMENT_ROWS_PER_STATEMENT,
    SPAN_INSERT_HEAD,
    SPAN_INSERT_ROW,
    SPAN_ROWS_PER_STATEMENT,
    insert_many,
)

# (document_id, annotator_id, start, end, label, attrs as JSON text, origin)
SpanInsert = tuple[int, int | None, int, int, str, str, str]
# (id, document_id, start, end, label, attrs as stored, origin, annotator name)
SpanSelect = tuple[int, int, int, int, str, Any, str, str | None]

# (project_id, name, text, content_hash, meta as JSON text, status, position, span count)
DocumentInsert = tuple[int, str, str, str, str, str, int, int]

_EMPTY = "{}"


def meta_json(meta: Any) -> str:
    """A document's metadata as JSON text, written as SQLAlchemy's JSON type writes it."""
    return json.dumps(dict(meta)) if meta else _EMPTY


def attrs_json(attrs: Any) -> str:
    """``attrs`` as JSON text, with the common empty case free."""
    if not attrs:
        return _EMPTY
    # allow_nan=False: PostgreSQL's json type refuses NaN and Infinity.
    return json.dumps(dict(attrs), ensure_ascii=False, allow_nan=False)


def _marker(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def insert_spans(conn: Connection, rows: Sequence[SpanInsert]) -> None:
    """Insert span rows with one executemany (PostgreSQL: one COPY); no ids returned."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        _copy_spans(conn, rows)
        return
    if conn.dialect.name == "sqlite":
        _insert_many(conn, SPAN_INSERT_HEAD, SPAN_INSERT_ROW, rows, SPAN_ROWS_PER_STATEMENT,
                     ids=False)
        return
    m = _marker(conn)
    conn.exec_driver_sql(f"{SPAN_INSERT_HEAD}({m}, {m}, {m}, {m}, {m}, {m}, {m})", list(rows))


def _insert_many(
    conn: Connection, head: str, one: str, rows: Sequence[tuple[Any, ...]], per: int, *,
    ids: bool
) -> list[int]:
    """``sql_writes.insert_many`` (the CLI's bare-driver import runs the same statements)
    through SQLAlchemy's ``exec_driver_sql``, not the bare cursor, so that a failure (a
    read-only file, a busy database) comes out as SQLAlchemy's error, as from every other
    write."""

    def execute(sql: str, params: Sequence[Any]) -> int:
        return int(conn.exec_driver_sql(sql, tuple(params)).lastrowid)

    def execute_many(sql: str, params: Sequence[Sequence[Any]]) -> None:
        conn.exec_driver_sql(sql, [tuple(p) for p in params])

    return insert_many(execute, execute_many, head, one, rows, per, ids=ids)


def insert_documents(conn: Connection, rows: Sequence[DocumentInsert]) -> list[int] | None:
    """Insert document rows; on SQLite their ids in order, on other engines None (the
    caller reads them back by content hash).

    SQLite: multi-row INSERTs through the driver (plain tuples: SQLAlchemy's per-row
    parameter dicts and JSON processors cost more than SQLite's own work on 100,000 rows).
    The rows of one INSERT get consecutive ids: ``documents`` has AUTOINCREMENT, so each new
    row's id is one more than the largest the table ever had, and the caller's write
    transaction (BEGIN IMMEDIATE) lets nobody else insert in between; the ids are the last
    row's id counted back. No RETURNING: SQLite gives no order guarantee for its rows.
    """
    if not rows:
        return []
    if conn.dialect.name != "sqlite":
        from annotator.store.tables import DOCUMENTS

        conn.execute(DOCUMENTS.insert(), [
            {"project_id": r[0], "name": r[1], "text": r[2], "content_hash": r[3],
             "meta": json.loads(r[4]), "status": r[5], "position": r[6], "span_count": r[7]}
            for r in rows
        ])
        return None
    return _insert_many(conn, DOCUMENT_INSERT_HEAD, DOCUMENT_INSERT_ROW, rows,
                        DOCUMENT_ROWS_PER_STATEMENT, ids=True)


def _copy_spans(conn: Connection, rows: Sequence[SpanInsert]) -> None:
    # COPY is several times faster than an executemany of INSERTs on PostgreSQL; it runs on
    # this connection, inside the caller's transaction.
    cursor: Any = conn.connection.cursor()
    try:
        with cursor.copy(
            "COPY spans (document_id, annotator_id, start_offset, end_offset, label, attrs, "
            "origin) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row(row)
    finally:
        cursor.close()


def select_spans(
    conn: Connection, document_ids: Sequence[int], annotator: str | None
) -> list[SpanSelect]:
    """Spans of the given documents ordered by (document, start, end, label, id)."""
    if not document_ids:
        return []
    m = _marker(conn)
    marks = ", ".join([m] * len(document_ids))
    sql = (
        "SELECT s.id, s.document_id, s.start_offset, s.end_offset, s.label, s.attrs, s.origin, "
        "a.name FROM spans s LEFT JOIN annotators a ON a.id = s.annotator_id "
        f"WHERE s.document_id IN ({marks})"
    )
    params: list[Any] = list(document_ids)
    if annotator is not None:
        sql += f" AND a.name = {m}"
        params.append(annotator)
    # The DBAPI cursor of this same connection (and transaction): plain tuples, no Row objects.
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, tuple(params))
        rows = list(cursor.fetchall())
    finally:
        cursor.close()
    # Sorted here, not by ORDER BY: PostgreSQL would order labels by its locale's collation,
    # Python orders by code point on every engine.
    rows.sort(key=lambda t: (t[1], t[2], t[3], t[4], t[0]))
    return rows


def decode_attrs(raw: Any) -> dict[str, Any]:
    """A span's attrs column as read by select_spans (SQLite: JSON text; psycopg: decoded)."""
    if isinstance(raw, str):
        return {} if raw == _EMPTY else dict(json.loads(raw))
    return dict(raw)
