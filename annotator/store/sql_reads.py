"""The statistics, corpus-search and CoNLL-export reads as SQL text over any DBAPI connection
(ADR 0015, 0022).

The store runs them on its SQLAlchemy connection's driver connection; ``annotator stats`` and
``annotator search`` on a database at the current revision run the very same functions over
the bare driver, ``sqlite3`` (``store/sqlite_reader.py``) or psycopg (``store/pg_reader.py``),
through ``SnapshotReader`` below, and never import SQLAlchemy, which costs more than a third
of a second at every start. One text of each query, written with ``{m}`` where a parameter
goes and given the driver's mark (``?`` or ``%s``) by ``_marks``; two ways to reach the
driver: this module must not import SQLAlchemy.

SQLite: the search index is ``document_search``, an FTS5 table with the trigram tokenizer
whose rowid is the document id; a query of three folded characters or more is a phrase of
trigrams, answered from the index. PostgreSQL: a ``document_search`` table, with a pg_trgm
GIN index when the extension could be created (revision 0003), queried with LIKE. A query
shorter than three folded characters cannot be narrowed down: every document is a
candidate, read lazily. The index only narrows the documents down: it may return a document
without a hit, never miss one; the caller finds the hits in the stored text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, Protocol, Self

from annotator.core.labels import SchemaError, parse_schema
from annotator.core.model import DOC_STATUSES, LabelSchema
from annotator.store.errors import DatabaseError, StoreError
from annotator.store.revision import HEAD_REVISION

if TYPE_CHECKING:
    from annotator.core.token_template import SpanColumns, StoredTemplate


class Cursor(Protocol):
    """The part of a PEP 249 cursor used here."""

    def execute(self, operation: str, parameters: Sequence[Any] = ..., /) -> object: ...
    def fetchall(self) -> list[Any]: ...
    def fetchmany(self, size: int = ..., /) -> list[Any]: ...
    def close(self) -> None: ...


class DriverConnection(Protocol):
    """A PEP 249 connection (sqlite3, psycopg, or SQLAlchemy's wrapper of either)."""

    def cursor(self) -> Any: ...


def _marks(dialect: str) -> str:
    return "?" if dialect == "sqlite" else "%s"


def _rows(conn: DriverConnection, sql: str, params: Sequence[Any]) -> list[Any]:
    cursor = conn.cursor()
    try:
        cursor.execute(sql, tuple(params))
        return list(cursor.fetchall())
    finally:
        cursor.close()


# --- revision and projects ------------------------------------------------------------------

def revision(conn: DriverConnection) -> str | None:
    """The schema revision Alembic recorded (None: none recorded). A database without the
    table raises the driver's error."""
    rows = _rows(conn, "SELECT version_num FROM alembic_version", ())
    return str(rows[0][0]) if rows and rows[0][0] is not None else None


def current_project(conn: DriverConnection) -> int | None:
    """The first project of a database at ``HEAD_REVISION``; None when the database is at
    another revision or has no project (the store must open it: upgrade, refuse, create)."""
    return first_project(conn) if revision(conn) == HEAD_REVISION else None


def first_project(conn: DriverConnection) -> int | None:
    """The id of the oldest project, or None if there is none."""
    (found,) = _rows(conn, "SELECT MIN(id) FROM projects", ())[0]
    return None if found is None else int(found)


def project_schema(conn: DriverConnection, dialect: str, project_id: int) -> LabelSchema:
    """The label schema of a project; StoreError if there is no such project."""
    rows = _rows(conn, f"SELECT schema FROM projects WHERE id = {_marks(dialect)}",
                 (project_id,))
    if not rows:
        raise StoreError(f"project {project_id} does not exist")
    raw = rows[0][0]
    try:
        # SQLite hands the JSON column over as text; psycopg decodes json already.
        return parse_schema(json.loads(raw) if isinstance(raw, str) else raw,
                            source=f"schema of project {project_id}")
    except (SchemaError, ValueError) as exc:
        raise StoreError(str(exc)) from None


# --- statistics -------------------------------------------------------------------------------

_BY_STATUS = "SELECT status, COUNT(*) FROM documents WHERE project_id = {m} GROUP BY status"
# The stored counts (a few rows per label and annotator), not a count of every span.
_SPAN_COUNTS = (
    "SELECT c.label, a.name, c.n FROM span_counts c "
    "LEFT OUTER JOIN annotators a ON a.id = c.annotator_id "
    "WHERE c.project_id = {m} AND c.n != 0"
)


def stats(conn: DriverConnection, dialect: str, project_id: int) -> dict[str, Any]:
    """Counts: documents, by_status, spans, by_label, by_annotator ("(none)" if unnamed)."""
    m = _marks(dialect)
    schema = project_schema(conn, dialect, project_id)
    by_status = dict.fromkeys(DOC_STATUSES, 0)
    for status, n in _rows(conn, _BY_STATUS.format(m=m), (project_id,)):
        by_status[status] = int(n)
    by_label = dict.fromkeys(schema.names, 0)
    by_annotator: dict[str, int] = {}
    total = 0
    for label, name, n in _rows(conn, _SPAN_COUNTS.format(m=m), (project_id,)):
        by_label[label] = by_label.get(label, 0) + int(n)
        key = "(none)" if name is None else str(name)
        by_annotator[key] = by_annotator.get(key, 0) + int(n)
        total += int(n)
    return {
        "documents": sum(by_status.values()),
        "by_status": by_status,
        "spans": total,
        "by_label": by_label,
        "by_annotator": dict(sorted(by_annotator.items())),
    }


# --- corpus search ----------------------------------------------------------------------------

# Rows fetched at a time while the caller reads candidates.
_FETCH = 200
# Past this many candidates, reading the project's (position, id) index in order and keeping
# the candidates is cheaper than looking each one up.
_LOOKUP_LIMIT = 5000


def _like_pattern(needle: str) -> str:
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def candidates(
    conn: DriverConnection, dialect: str, project_id: int, needle: str
) -> Iterator[tuple[int, str, str]]:
    """(id, name, stored text) of the project's documents whose folded text holds ``needle``
    (already folded), in corpus order, read a page at a time."""
    m = _marks(dialect)
    if len(needle) < 3:
        # Shorter than a trigram: no index can narrow it down, and nearly every document holds
        # such a key. Every document in corpus order, read lazily: a limit stops early.
        ids = _in_corpus_order(conn, dialect, project_id, None)
    else:
        if dialect == "sqlite":
            # A quoted FTS5 string is one phrase: consecutive trigrams, i.e. the substring.
            hits = f"SELECT rowid FROM document_search WHERE document_search MATCH {m}"
            param = '"' + needle.replace('"', '""') + '"'
        else:
            # pg_trgm's GIN index serves LIKE; backslash is PostgreSQL's default escape.
            hits = f"SELECT document_id FROM document_search WHERE key LIKE {m}"
            param = _like_pattern(needle)
        found = {int(doc_id) for (doc_id,) in _rows(conn, hits, (param,))}
        # Documents imported but not yet indexed (revision 0014): their texts, folded here.
        found |= pending_hits(conn, dialect, project_id, needle)
        # Put in corpus order here rather than by one join: SQLite would either walk every
        # document of the project testing each against the list (slow for a rare word) or
        # sort whole rows, texts and all (slow for a common one).
        ids = _in_corpus_order(conn, dialect, project_id, found)
    # Then the texts, a page at a time, so the first hits of a common word come at once.
    for start in range(0, len(ids), _FETCH):
        page = ids[start : start + _FETCH]
        rows = _rows(conn, "SELECT id, name, text FROM documents WHERE id IN "
                     f"({', '.join([m] * len(page))})", page)
        by_id = {int(r[0]): (str(r[1]), str(r[2])) for r in rows}
        for doc_id in page:
            name, doc_text = by_id[doc_id]
            yield doc_id, name, doc_text


def _in_corpus_order(
    conn: DriverConnection, dialect: str, project_id: int, found: set[int] | None
) -> list[int]:
    """The ids in ``found`` (None: all) that belong to the project, in corpus order."""
    if found is not None and not found:
        return []
    m = _marks(dialect)
    if found is None or len(found) > _LOOKUP_LIMIT:
        rows = _rows(conn, f"SELECT id FROM documents WHERE project_id = {m} "
                     "ORDER BY position, id", (project_id,))
        return [int(doc_id) for (doc_id,) in rows if found is None or doc_id in found]
    keyed: list[tuple[int, int]] = []
    wanted = sorted(found)
    for start in range(0, len(wanted), _FETCH):
        page = wanted[start : start + _FETCH]
        # By id only, the project checked here: with both in the query SQLite walks the
        # project's index instead of looking the few ids up.
        rows = _rows(conn, "SELECT position, id, project_id FROM documents WHERE id IN "
                     f"({', '.join([m] * len(page))})", page)
        keyed.extend((int(r[0]), int(r[1])) for r in rows if int(r[2]) == project_id)
    keyed.sort()
    return [doc_id for _, doc_id in keyed]


# --- the CoNLL export (docs/adr/0022) --------------------------------------------------------

class ExportRow(NamedTuple):
    """One document as the CoNLL export reads it."""

    id: int
    name: str
    #: The stored text; None when the template is there (the fast path does not need it):
    #: ``document_text`` reads it on the same snapshot if the tagger needs it after all.
    text: str | None
    content_hash: str
    #: The starts, ends and labels of the spans kept, in no particular order.
    spans: SpanColumns
    #: How many suggested spans were left out.
    suggested: int
    template: StoredTemplate | None
    #: Reads a document's text by id on the same snapshot, while the rows are being read.
    read_text: Callable[[int], str]


#: The CoNLL export's document columns: the text is not read where a template is (a third
#: of what the read costs otherwise).
_EXPORT_HEAD = (
    "SELECT d.id, d.name, CASE WHEN t.document_id IS NULL THEN d.text END, "
    "d.content_hash, d.position, {words}, t.starts, t.offsets FROM documents d "
    "LEFT JOIN token_templates t ON t.document_id = d.id AND t.version = {m} "
    "AND t.content_hash = d.content_hash WHERE "
)
#: A template's words as the UTF-8 bytes the export writes, not decoded into a str on the
#: way (docs/adr/0022, fourth round).
_WORDS_AS_BYTES = {"sqlite": "CAST(t.words AS BLOB)", "postgresql": "convert_to(t.words, 'UTF8')"}


def _export_head(dialect: str) -> str:
    return _EXPORT_HEAD.format(m=_marks(dialect), words=_WORDS_AS_BYTES[dialect])


#: ``export_rows``' page on PostgreSQL: the documents chosen and limited first, then joined
#: to their templates. As one join (``_EXPORT_HEAD``), PostgreSQL without statistics on
#: freshly imported tables, before autovacuum analyzed them, joined and converted every
#: document's template and then kept the first 500: 90 ms a page, a later export right after
#: an import twice as slow. The text is read, by its id, only where no template is. (SQLite
#: keeps the one join: it pages by the index whatever it knows, and it cannot flatten this
#: form, which made its export a tenth slower.)
_EXPORT_PAGE = (
    "SELECT d.id, d.name, CASE WHEN t.document_id IS NULL THEN "
    "(SELECT x.text FROM documents x WHERE x.id = d.id) END, d.content_hash, d.position, "
    "{words}, t.starts, t.offsets FROM (SELECT id, name, content_hash, position "
    "FROM documents WHERE {where} ORDER BY position, id LIMIT {m}) d "
    "LEFT JOIN token_templates t ON t.document_id = d.id AND t.version = {m} "
    "AND t.content_hash = d.content_hash ORDER BY d.position, d.id"
)


def export_rows(
    conn: DriverConnection,
    dialect: str,
    project_id: int,
    *,
    status: str | None,
    annotator: str | None,
    version: int,
    include_suggestions: bool,
    batch_size: int = 500,
) -> Iterator[ExportRow]:
    """The project's documents in corpus order (position, id), ``batch_size`` at a time:
    each with its token template of ``version`` when one is stored for its text, and its
    text only when none is."""
    m = _marks(dialect)
    # The documents table's columns as the query names them: "d." in the one join.
    c = "" if dialect == "postgresql" else "d."
    where = f"{c}project_id = {m}"
    fixed: list[Any] = [project_id]
    if status is not None:
        where += f" AND {c}status = {m}"
        fixed.append(status)
    last: tuple[int, int] | None = None
    while True:
        params: list[Any] = list(fixed)
        page = where
        if last is not None:
            # Keyset paging: each batch is an index range scan, however deep.
            page += f" AND ({c}position > {m} OR ({c}position = {m} AND {c}id > {m}))"
            params += [last[0], last[0], last[1]]
        if dialect == "postgresql":
            sql = _EXPORT_PAGE.format(m=m, where=page, words=_WORDS_AS_BYTES[dialect])
            params += [batch_size, version]
        else:
            sql = _export_head(dialect) + page + f" ORDER BY d.position, d.id LIMIT {m}"
            params = [version, *params, batch_size]
        docs = _rows(conn, sql, params)
        if not docs:
            return
        yield from _export_batch(conn, dialect, docs, annotator, include_suggestions)
        last = (int(docs[-1][4]), int(docs[-1][0]))


def export_rows_by_id(
    conn: DriverConnection,
    dialect: str,
    document_ids: Sequence[int],
    *,
    annotator: str | None,
    version: int,
    include_suggestions: bool,
    batch_size: int = 500,
) -> Iterator[ExportRow]:
    """``export_rows`` of the documents ``document_ids``, in that order (a split export's
    part)."""
    m = _marks(dialect)
    for at in range(0, len(document_ids), batch_size):
        ids = list(document_ids[at : at + batch_size])
        docs = _rows(conn, _export_head(dialect) + f"d.id IN ({', '.join([m] * len(ids))})",
                     [version, *ids])
        by_id = {int(r[0]): r for r in docs}
        yield from _export_batch(conn, dialect, [by_id[i] for i in ids if i in by_id],
                                 annotator, include_suggestions)


def _export_batch(
    conn: DriverConnection, dialect: str, docs: list[Any], annotator: str | None,
    include_suggestions: bool,
) -> Iterator[ExportRow]:
    """The rows of one batch of documents (``_EXPORT_HEAD``'s columns) with their spans."""
    # Imported here: stats and search must not pay for the tokenizer's module.
    from annotator.core.token_template import NO_SPANS, StoredTemplate

    read_text = partial(document_text, conn, dialect)
    spans, suggested = _export_spans(conn, dialect, [int(r[0]) for r in docs], annotator,
                                     include_suggestions)
    for r in docs:
        doc_id = int(r[0])
        stored = None if r[5] is None else StoredTemplate(bytes(r[5]), bytes(r[6]),
                                                            bytes(r[7]))
        yield ExportRow(doc_id, r[1], r[2], r[3], spans.get(doc_id, NO_SPANS),
                        suggested.get(doc_id, 0), stored, read_text)


def _export_spans(
    conn: DriverConnection, dialect: str, ids: list[int], annotator: str | None,
    include_suggestions: bool,
) -> tuple[dict[int, SpanColumns], dict[int, int]]:
    """The kept spans and the number of suggestions left out, of each document in ``ids``.

    One row per document, its spans' starts, ends and labels gathered by the database (each
    aggregate of one group sees the rows in the same order), instead of a row per span: a
    Python step per span fewer, and a third of what reading the spans cost. They stay three
    columns: the export walks them side by side, without a tuple made per span here.
    """
    from annotator.core.token_template import SpanColumns

    m = _marks(dialect)
    keep = "TRUE" if include_suggestions else "s.origin != 'suggested'"
    if dialect == "sqlite":
        # One JSON text of three arrays (a label may hold any character), parsed in C.
        columns = (f"'[' || json_group_array(s.start_offset) FILTER (WHERE {keep}) || ',' || "
                   f"json_group_array(s.end_offset) FILTER (WHERE {keep}) || ',' || "
                   f"json_group_array(s.label) FILTER (WHERE {keep}) || ']'")
    else:
        columns = (f"array_agg(s.start_offset) FILTER (WHERE {keep}), "
                   f"array_agg(s.end_offset) FILTER (WHERE {keep}), "
                   f"array_agg(s.label) FILTER (WHERE {keep})")
    sql = (f"SELECT s.document_id, {columns}, "
           "COUNT(*) FILTER (WHERE s.origin = 'suggested') FROM spans s")
    params: list[Any] = list(ids)
    where = f" WHERE s.document_id IN ({', '.join([m] * len(ids))})"
    if annotator is not None:
        sql += " JOIN annotators a ON a.id = s.annotator_id"
        where += f" AND a.name = {m}"
        params.append(annotator)
    out: dict[int, SpanColumns] = {}
    suggested: dict[int, int] = {}
    rows = _rows(conn, sql + where + " GROUP BY s.document_id", params)
    if dialect == "sqlite":
        loads = json.loads
        for doc_id, gathered, n_suggested in rows:
            if n_suggested and not include_suggestions:
                suggested[doc_id] = int(n_suggested)
            starts, ends, labels = loads(gathered)
            if starts:  # every span a suggestion left out: three empty arrays
                out[doc_id] = SpanColumns(starts, ends, labels)
        return out, suggested
    for doc_id, starts, ends, labels, n_suggested in rows:
        if n_suggested and not include_suggestions:
            suggested[doc_id] = int(n_suggested)
        if starts:  # every span a suggestion left out: NULL arrays
            out[doc_id] = SpanColumns(starts, ends, labels)
    return out, suggested


def document_text(conn: DriverConnection, dialect: str, document_id: int) -> str:
    """The stored text of one document."""
    rows = _rows(conn, f"SELECT text FROM documents WHERE id = {_marks(dialect)}",
                 (document_id,))
    if not rows:
        raise StoreError(f"document {document_id} does not exist")
    return str(rows[0][0])


def missing_templates(
    conn: DriverConnection, dialect: str, project_id: int, version: int
) -> int:
    """How many of the project's documents have no token template of ``version`` for their
    text."""
    m = _marks(dialect)
    (n,) = _rows(conn, (
        "SELECT COUNT(*) FROM documents d LEFT JOIN token_templates t "
        f"ON t.document_id = d.id AND t.version = {m} AND t.content_hash = d.content_hash "
        f"WHERE d.project_id = {m} AND t.document_id IS NULL"), (version, project_id))[0]
    return int(n)


def annotator_names(conn: DriverConnection) -> list[str]:
    """Names of every annotator known to the database, sorted as the store sorts them."""
    return [str(name) for (name,) in _rows(conn, "SELECT name FROM annotators ORDER BY name",
                                           ())]


# --- a reader over the bare driver -------------------------------------------------------------

class SnapshotReader:
    """The reads of ``stats``, ``search`` and a CoNLL export whose token templates are all
    kept, on one snapshot of a current database, over the bare driver (``SQLiteReader``,
    ``PgReader``). Read only: it is not a second store.

    A subclass opens the connection inside one read transaction and checks the revision
    (``current_project``); it names its dialect and the driver's base error, which comes out
    as the store's DatabaseError (its message is fit for users), as the store's reads do.
    """

    dialect: ClassVar[str]
    driver_error: ClassVar[type[Exception]]

    def __init__(self, connection: Any, project: int) -> None:
        self._conn = connection
        self._project = project

    def default_project(self) -> int:
        """The first project (there is one: ``open`` made sure)."""
        return self._project

    def project_schema(self, project_id: int) -> LabelSchema:
        with self._errors():
            return project_schema(self._conn, self.dialect, project_id)

    def stats(self, project_id: int) -> dict[str, Any]:
        with self._errors():
            return stats(self._conn, self.dialect, project_id)

    def search_candidates(self, project_id: int, needle: str) -> Iterator[tuple[int, str, str]]:
        with self._errors():
            project_schema(self._conn, self.dialect, project_id)
            yield from candidates(self._conn, self.dialect, project_id, needle)

    def annotators(self) -> list[str]:
        with self._errors():
            return annotator_names(self._conn)

    def missing_token_templates(self, project_id: int, *, version: int) -> int:
        with self._errors():
            return missing_templates(self._conn, self.dialect, project_id, version)

    def iter_export_rows(
        self, project_id: int, *, version: int, status: str | None = None,
        annotator: str | None = None, include_suggestions: bool = False,
        batch_size: int = 500,
    ) -> Iterator[ExportRow]:
        with self._errors():
            project_schema(self._conn, self.dialect, project_id)
            yield from export_rows(self._conn, self.dialect, project_id, status=status,
                                   annotator=annotator, version=version,
                                   include_suggestions=include_suggestions,
                                   batch_size=batch_size)

    def save_token_templates(
        self, templates: Sequence[tuple[int, str, StoredTemplate]], *, version: int
    ) -> bool:
        """Never kept: the reader only reads (the command line takes it only when every
        template is there already)."""
        return False

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def _errors(self) -> _DriverErrors:
        return _DriverErrors(self.driver_error)


class _DriverErrors:
    """The driver's failures as the store's DatabaseError."""

    def __init__(self, driver_error: type[Exception]) -> None:
        self._driver_error = driver_error

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if isinstance(value, self._driver_error):
            raise DatabaseError(f"database error: {value}") from value


def pending_hits(
    conn: DriverConnection, dialect: str, project_id: int, needle: str
) -> set[int]:
    """Ids of the project's documents not yet in the search index whose folded text holds
    ``needle`` (already folded): what the index would name among them, read from their texts.
    Nothing is pending once the index is complete, and then this is one empty look-up."""
    # Imported here: the module must stay light for the readers that never need folding.
    from annotator.core.text import fold_key

    m = _marks(dialect)
    found: set[int] = set()
    cursor = conn.cursor()
    try:
        cursor.execute(
            "SELECT d.id, d.text FROM document_search_pending p JOIN documents d "
            f"ON d.id = p.document_id WHERE d.project_id = {m}", (project_id,),
        )
        while rows := cursor.fetchmany(_FETCH):
            found.update(int(doc_id) for doc_id, doc_text in rows
                         if needle in fold_key(doc_text))
    finally:
        cursor.close()
    return found
