"""The two hot paths of imports and exports, spans in and spans out, at driver level.

An import of 10,000 articles carries some 220,000 spans; building SQLAlchemy parameter dicts and
running its JSON processors per row cost more than SQLite's own work. These functions send plain
tuples to the driver's executemany and read plain tuples back. Only the ``spans`` table is
handled here; everything else goes through SQLAlchemy Core.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import chain
from typing import Any

from sqlalchemy.engine import Connection

# (document_id, annotator_id, start, end, label, attrs as JSON text, origin)
SpanInsert = tuple[int, int | None, int, int, str, str, str]
# (id, document_id, start, end, label, attrs as stored, origin, annotator name)
SpanSelect = tuple[int, int, int, int, str, Any, str, str | None]

# (project_id, name, text, content_hash, meta as JSON text, status, position, span count)
DocumentInsert = tuple[int, str, str, str, str, str, int, int]

_EMPTY = "{}"

# Rows per multi-row INSERT on SQLite. One statement of many rows instead of an executemany
# of one-row statements: SQLite runs the statement's set-up once per statement, and with
# AUTOINCREMENT it reads and writes ``sqlite_sequence`` once per statement instead of once
# per row (ADR 0016: the span inserts of a 10k import fell from about 2.2 s to 1.1-1.5 s of
# CPU). 128 spans (7 parameters) and 100 documents (8) stay under SQLite's old limit of 999
# parameters per statement.
SPAN_ROWS_PER_STATEMENT = 128
DOCUMENT_ROWS_PER_STATEMENT = 100


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
    head = ("INSERT INTO spans (document_id, annotator_id, start_offset, end_offset, label, "
            "attrs, origin) VALUES ")
    if conn.dialect.name == "sqlite":
        _insert_many(conn, head, "(?, ?, ?, ?, ?, ?, ?)", rows, SPAN_ROWS_PER_STATEMENT,
                     ids=False)
        return
    m = _marker(conn)
    conn.exec_driver_sql(f"{head}({m}, {m}, {m}, {m}, {m}, {m}, {m})", list(rows))


def _insert_many(
    conn: Connection, head: str, one: str, rows: Sequence[tuple[Any, ...]], per: int, *,
    ids: bool
) -> list[int]:
    """SQLite: ``rows`` in multi-row INSERTs of ``per`` rows, the rest one row at a time.

    With ``ids``, the rowid of the last row of each statement (``per`` rows each, then one
    each); without, the rest goes in one executemany and nothing is returned. Through
    SQLAlchemy's ``exec_driver_sql`` (not the bare cursor) so that a failure (a read-only
    file, a busy database) comes out as SQLAlchemy's error, as from every other write.
    """
    lasts: list[int] = []
    full = len(rows) - len(rows) % per
    if full:
        sql = head + ", ".join([one] * per)
        for start in range(0, full, per):
            values = tuple(chain.from_iterable(rows[start : start + per]))
            result = conn.exec_driver_sql(sql, values)
            lasts.append(int(result.lastrowid))
    rest = rows[full:]
    if not ids:
        if rest:
            conn.exec_driver_sql(head + one, list(rest))
        return []
    for row in rest:
        lasts.append(int(conn.exec_driver_sql(head + one, tuple(row)).lastrowid))
    return lasts


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
    per = DOCUMENT_ROWS_PER_STATEMENT
    lasts = _insert_many(
        conn,
        "INSERT INTO documents (project_id, name, text, content_hash, meta, status, position, "
        "span_count) VALUES ",
        "(?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
        per,
        ids=True,
    )
    ids: list[int] = []
    full = len(rows) - len(rows) % per
    for n, last in enumerate(lasts):
        size = per if n * per < full else 1
        ids.extend(range(last - size + 1, last + 1))
    return ids


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
