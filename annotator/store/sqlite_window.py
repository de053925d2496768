"""The reads the window makes before its first paint, over sqlite3 alone (ADR 0015).

Importing SQLAlchemy and the store's modules costs the window more than everything else it
does before it can show an article. On an SQLite file at the current revision the window
starts with this reader: the project's schema, the first page of the document list in
corpus order, the open document with its spans and events, its place, the statistics of the
status bar. The store is opened right after the first paint and answers everything from
then on.

Each read answers only the plain case the starting window asks for (no filter, corpus
order); anything else raises :class:`NotServed`, and so does any sqlite3 error: the caller
then asks the store, which answers every case and reports its own errors. The answers are
the store's (``browse``, ``loading``, ``team``, ``edits``); a test compares them on
documents with spans of several annotators, events, nested events and relations. Read only,
in one snapshot: nothing here writes.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from annotator.core.listing import Cursor, DocumentQuery
from annotator.core.model import DocStatus, Document, Event, Relation, Span
from annotator.store.checks import check_status
from annotator.store.errors import StoreError
from annotator.store.sqlite_reader import SQLiteReader
from annotator.store.titles import TITLE_SOURCE, title_of

if TYPE_CHECKING:  # the store is what this module lets the window start without
    from annotator.store.repository import Repository

_log = logging.getLogger(__name__)


class NotServed(Exception):
    """This read is not one the reader answers: ask the store."""


@dataclass(frozen=True)
class ListedDocument:
    """One row of the document list (as the store's DocumentSummary)."""

    id: int
    name: str
    status: DocStatus
    span_count: int
    position: int
    title: str = ""


def _plain(query: DocumentQuery | None, status: DocStatus | None = None) -> DocumentQuery:
    """``query`` if it is the unfiltered list in corpus order; NotServed otherwise."""
    q = query or DocumentQuery()
    if (status is not None or q.status is not None or q.text.strip() or q.label is not None
            or q.assigned_to is not None or q.sort != "position" or q.descending):
        raise NotServed
    return q


def _json(raw: Any) -> Any:
    # SQLite hands JSON columns over as text (SQLAlchemy's JSON type decodes it the same way).
    return json.loads(raw) if isinstance(raw, str) else raw


class SQLiteWindowReader(SQLiteReader):
    """The window's first reads of one snapshot of an SQLite project (see the module)."""

    def __init__(self, connection: sqlite3.Connection, project: int) -> None:
        super().__init__(connection, project)
        self._stats: dict[int, dict[str, Any]] = {}

    @classmethod
    def open(cls, db: str | None) -> SQLiteWindowReader | None:
        reader = super().open(db)
        return reader if isinstance(reader, SQLiteWindowReader) else None

    @contextmanager
    def _served(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error:
            raise NotServed from None

    def _one(self, sql: str, params: Sequence[Any]) -> Any:
        row = self._conn.execute(sql, tuple(params)).fetchone()
        return None if row is None else row[0]

    def _annotator_id(self, name: str | None) -> int | None:
        if name is None:
            return None
        found = self._one("SELECT id FROM annotators WHERE name = ?", (name,))
        return -1 if found is None else int(found)  # nobody yet: matches no row

    # -- the document list ------------------------------------------------------------------
    def count_documents(
        self, project_id: int, *, status: DocStatus | None = None,
        query: DocumentQuery | None = None,
    ) -> int:
        _plain(query, status)
        try:
            return int(self._project_stats(project_id)["documents"])
        except StoreError:  # no such project, or the read failed: the store answers
            raise NotServed from None

    def stats(self, project_id: int) -> dict[str, Any]:
        stats = self._project_stats(project_id)
        return {key: dict(value) if isinstance(value, dict) else value
                for key, value in stats.items()}

    def _project_stats(self, project_id: int) -> dict[str, Any]:
        # One snapshot: the counts cannot change under the reader. The list's count and the
        # status bar's statistics both walk the project's documents (at 100,000 documents,
        # 10 and 25 ms): the count is the statistics' sum of the statuses, read once.
        if project_id not in self._stats:
            self._stats[project_id] = super().stats(project_id)
        return self._stats[project_id]

    def document_page(
        self,
        project_id: int,
        *,
        status: DocStatus | None = None,
        after: Cursor | None = None,
        limit: int | None = 200,
        through: int | Cursor | None = None,
        query: DocumentQuery | None = None,
    ) -> list[ListedDocument]:
        q = _plain(query, status)
        if isinstance(through, int):
            raise NotServed
        with self._served():
            if self._one("SELECT id FROM projects WHERE id = ?", (project_id,)) is None:
                raise NotServed  # the store says there is no such project
            annotator_id = self._annotator_id(q.annotator)
            if annotator_id is None:
                status_sql, params = "d.status", []
            else:
                # The annotator's own status: their row, else new.
                status_sql = ("COALESCE((SELECT s.status FROM annotator_statuses s "
                              "WHERE s.document_id = d.id AND s.annotator_id = ?), 'new')")
                params = [annotator_id]
            sql = (f"SELECT d.id, d.name, {status_sql}, d.position, d.meta, "
                   f"substr(d.text, 1, {TITLE_SOURCE}), "
                   "d.span_count "  # stored per document (revision 0013)
                   "FROM documents d WHERE d.project_id = ?")
            params.append(project_id)
            # Keyset paging on (position, id), as the store's (ix_documents_project_position).
            if after is not None:
                sql += " AND (d.position, d.id) > (?, ?)"
                params.extend(after)
            if through is not None:
                sql += " AND (d.position, d.id) <= (?, ?)"
                params.extend(through)
            sql += " ORDER BY d.position, d.id"
            if limit is not None:
                sql += " LIMIT ?"
                params.append(limit)
            return [
                ListedDocument(id=int(i), name=str(name), status=check_status(st),
                               span_count=int(n), position=int(pos),
                               title=title_of(str(head), _json(meta), str(name)))
                for i, name, st, pos, meta, head, n in self._conn.execute(sql, params)
            ]

    def document_position(self, project_id: int, document_id: int) -> int | None:
        with self._served():
            found = self._one("SELECT position FROM documents WHERE id = ? AND project_id = ?",
                              (document_id, project_id))
        return None if found is None else int(found)

    def document_cursor(
        self, project_id: int, document_id: int, *, query: DocumentQuery
    ) -> Cursor | None:
        _plain(query)
        position = self.document_position(project_id, document_id)
        return None if position is None else (position, document_id)

    def neighbour(
        self, project_id: int, document_id: int | None, step: int, *,
        status: DocStatus | None = None, query: DocumentQuery | None = None,
    ) -> int | None:
        _plain(query, status)
        if step == 0:
            return document_id
        forward = step > 0
        sql = "SELECT id FROM documents WHERE project_id = ?"
        params: list[Any] = [project_id]
        want = 1
        if document_id is not None:
            position = self.document_position(project_id, document_id)
            if position is None:
                return None
            sql += f" AND (position, id) {'>' if forward else '<'} (?, ?)"
            params.extend((position, document_id))
            want = abs(step)
        sql += " ORDER BY position, id" if forward else " ORDER BY position DESC, id DESC"
        with self._served():
            rows = self._conn.execute(sql + " LIMIT ?", (*params, want)).fetchall()
        return int(rows[-1][0]) if len(rows) == want else None

    def document_place(
        self, project_id: int, document_id: int, *, query: DocumentQuery
    ) -> tuple[int, int] | None:
        _plain(query)
        position = self.document_position(project_id, document_id)
        if position is None:
            return None
        with self._served():
            before = self._one(
                "SELECT COUNT(*) FROM documents WHERE project_id = ? "
                "AND (position, id) < (?, ?)", (project_id, position, document_id))
        return int(before) + 1, self.count_documents(project_id)

    # -- the open document ------------------------------------------------------------------
    def document_version(self, document_id: int) -> int:
        with self._served():
            found = self._one("SELECT version FROM documents WHERE id = ?", (document_id,))
        if found is None:
            raise NotServed  # the store's own message for a missing document
        return int(found)

    def annotator_status(self, document_id: int, annotator: str) -> DocStatus:
        with self._served():
            found = self._one(
                "SELECT s.status FROM annotator_statuses s JOIN annotators a "
                "ON a.id = s.annotator_id WHERE s.document_id = ? AND a.name = ?",
                (document_id, annotator))
        return check_status(found or "new")

    def project_changes(self, project_id: int) -> int:
        with self._served():
            found = self._one("SELECT n FROM project_changes WHERE project_id = ?",
                              (project_id,))
        return 0 if found is None else int(found)

    def open_document(
        self, document_id: int, *, annotator: str | None = None
    ) -> tuple[Document, int]:
        """The document with its spans (by start, end, label, id), events and relations, as
        ``loading.get_document``, and its version."""
        with self._served():
            row = self._conn.execute(
                "SELECT name, text, meta, status, version FROM documents WHERE id = ?",
                (document_id,)).fetchone()
            if row is None:
                raise NotServed
            name, text, meta, status, version = row
            spans = self._spans(document_id, text, annotator)
            events = self._events(document_id, spans)
            relations = self._relations(document_id, spans)
        document = Document(name=name, text=text, meta=_json(meta), status=status,
                            spans=tuple(spans), events=tuple(events),
                            relations=tuple(relations), id=document_id)
        return document, int(version)

    def _spans(self, document_id: int, text: str, annotator: str | None) -> list[Span]:
        sql = ("SELECT s.id, s.start_offset, s.end_offset, s.label, s.attrs, s.origin, a.name "
               "FROM spans s LEFT JOIN annotators a ON a.id = s.annotator_id "
               "WHERE s.document_id = ?")
        params: list[Any] = [document_id]
        if annotator is not None:
            sql += " AND a.name = ?"
            params.append(annotator)
        rows = self._conn.execute(sql, params).fetchall()
        # In Python, as the store's: by code point, not by a collation.
        rows.sort(key=lambda r: (r[1], r[2], r[3], r[0]))
        return [
            Span(start=start, end=end, label=label, text=text[start:end], id=span_id,
                 annotator=owner, origin=origin, attrs=dict(_json(attrs)))
            for span_id, start, end, label, attrs, origin, owner in rows
        ]

    def _events(self, document_id: int, spans: list[Span]) -> list[Event]:
        rows = self._conn.execute(
            "SELECT id, type, trigger_span_id, attrs FROM events WHERE document_id = ? "
            "ORDER BY id", (document_id,)).fetchall()
        if not rows:
            return []
        roles: dict[int, dict[str, list[int]]] = {int(r[0]): {} for r in rows}
        refs: dict[int, dict[str, list[int]]] = {int(r[0]): {} for r in rows}
        for event_id, role, span_id, event_ref in self._conn.execute(
            "SELECT r.event_id, r.role, r.span_id, r.event_ref FROM event_roles r "
            "JOIN events e ON e.id = r.event_id WHERE e.document_id = ? "
            "ORDER BY r.event_id, r.position, r.id", (document_id,)
        ):
            if span_id is not None:
                roles[event_id].setdefault(role, []).append(int(span_id))
            else:
                refs[event_id].setdefault(role, []).append(int(event_ref))
        index = {span.id: i for i, span in enumerate(spans)}
        # Only events on the spans read (with an annotator: theirs), and whose argument
        # events are kept too, nesting at any depth.
        kept = [r for r in rows
                if all(s in index for ss in roles[r[0]].values() for s in ss)
                and (r[2] is None or r[2] in index)]
        while True:
            alive = {int(r[0]) for r in kept}
            still = [r for r in kept if all(e in alive for es in refs[r[0]].values() for e in es)]
            if len(still) == len(kept):
                break
            kept = still
        position = {int(r[0]): i for i, r in enumerate(kept)}
        return [
            Event(
                type=kind,
                roles={k: tuple(index[s] for s in v) for k, v in roles[event_id].items()},
                trigger=None if trigger is None else index[trigger],
                id=event_id,
                attrs=_json(attrs),
                event_args={k: tuple(position[e] for e in v)
                            for k, v in refs[event_id].items()},
            )
            for event_id, kind, trigger, attrs in kept
        ]

    def _relations(self, document_id: int, spans: list[Span]) -> list[Relation]:
        index = {span.id: i for i, span in enumerate(spans)}
        return [
            Relation(kind, index[head], index[tail], int(relation_id), dict(_json(attrs)))
            for relation_id, kind, head, tail, attrs in self._conn.execute(
                "SELECT id, type, head_span_id, tail_span_id, attrs FROM relations "
                "WHERE document_id = ? ORDER BY id", (document_id,))
            # With an annotator filter, a relation on someone else's spans is not theirs.
            if head in index and tail in index
        ]



#: The reads :class:`OpeningRepository` asks the reader first.
SERVED = frozenset({
    "default_project", "project_schema", "stats", "count_documents", "document_page",
    "document_position", "document_cursor", "document_place", "document_version", "neighbour",
    "annotator_status", "project_changes", "open_document",
})


class OpeningRepository:
    """The repository a window opens with: the reader's answers until the store is opened
    (:meth:`load`, right after the first paint), the store's from then on.

    Every other method, and every read the reader does not serve, opens the store first
    (in the caller's turn): whatever the window does before :meth:`load`, it is done by the
    store as before, only later.
    """

    def __init__(self, reader: SQLiteWindowReader, open_store: Callable[[], Repository]) -> None:
        self._reader: SQLiteWindowReader | None = reader
        self._open_store = open_store
        self._store: Repository | None = None

    @property
    def loaded(self) -> bool:
        """Whether the store is open (the reader is closed then)."""
        return self._store is not None

    def load(self) -> Repository:
        """The store, opened now if it is not yet (the reader's snapshot ends)."""
        if self._store is None:
            self._store = self._open_store()
            if self._reader is not None:
                self._reader.close()
                self._reader = None
        return self._store

    def close(self) -> None:
        """Release the reader or the store (nothing is opened to close it)."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if self._store is not None:
            self._store.close()

    def __getattr__(self, name: str) -> Any:
        # Only called for what the class itself lacks: the Repository's methods.
        if name.startswith("_"):
            raise AttributeError(name)
        if self._store is None and name in SERVED:
            return partial(self._read, name)
        return getattr(self.load(), name)

    def _read(self, name: str, /, *args: Any, **kwargs: Any) -> Any:
        if self._store is None and self._reader is not None:
            try:
                return getattr(self._reader, name)(*args, **kwargs)
            except NotServed:
                _log.info("%s: not served by the reader, the store is opened now", name)
        return getattr(self.load(), name)(*args, **kwargs)
