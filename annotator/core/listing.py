"""What the document list shows: which documents (filters) in which order (a sort key).

Pure data, shared by the store (which turns it into one indexed query per page), the session
and the window. A page is read after a cursor: the sort key of the last row shown, so paging,
"next document" and the position label all follow the same order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from annotator.core.model import DOC_STATUSES, DocStatus

SortKey = Literal["position", "name", "status", "spans"]
SORT_KEYS: tuple[str, ...] = get_args(SortKey)

#: A row's place in the order: (sort value..., position, id); compared as a tuple.
Cursor = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class DocumentQuery:
    """Filters and order of the document list.

    ``annotator``: whose own status is shown, filtered on and sorted by (None: the status
    last set by anyone, ``documents.status``). ``text``: documents whose folded title or text
    holds it. ``label``: documents with at least one span of that label. ``assigned_to``:
    documents assigned to that annotator.
    """

    status: DocStatus | None = None
    annotator: str | None = None
    text: str = ""
    label: str | None = None
    assigned_to: str | None = None
    sort: SortKey = "position"
    descending: bool = False


def status_rank(status: str) -> int:
    """A status's place when sorting by status: the order of the workflow."""
    return DOC_STATUSES.index(status)


def cursor_of(query: DocumentQuery, *, id: int, name: str, status: str, span_count: int,
              position: int) -> Cursor:
    """A row's sort key under ``query``."""
    if query.sort == "name":
        return (name, position, id)
    if query.sort == "spans":
        return (span_count, position, id)
    if query.sort == "status":
        return (status_rank(status), position, id)
    return (position, id)


def comes_after(query: DocumentQuery, a: Cursor, b: Cursor) -> bool:
    """Whether a row keyed ``a`` is listed after one keyed ``b``."""
    return a < b if query.descending else a > b
