"""Corpus search with Arabic folding: every hit as document, offsets and a line of context.

The store's search index names the documents whose folded text holds the folded query (a
superset, never missing one); the hits and their offsets in the stored text come from
``find_all`` on each of those documents, exactly as for one open document.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from annotator.core.text import find_all, fold_query


class SearchSource(Protocol):
    """Where the candidates come from: the Repository, or the command line's SQLite reader."""

    def default_project(self) -> int: ...
    def search_candidates(self, project_id: int, needle: str
                          ) -> Iterator[tuple[int, str, str]]: ...

_CONTEXT = 30  # characters shown on each side of a hit


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match: ``text`` is ``document text[start:end]``; ``context`` is one line around it."""

    document_id: int
    document: str
    start: int
    end: int
    text: str
    context: str


def context_line(text: str, start: int, end: int, *, width: int = _CONTEXT) -> str:
    """``text`` around ``start:end`` on one line, the hit in [brackets], elided with …."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    line = (
        ("…" if left > 0 else "")
        + text[left:start]
        + "["
        + text[start:end]
        + "]"
        + text[end:right]
        + ("…" if right < len(text) else "")
    )
    # Newlines and tabs would break the one-line listing; the offsets stay those of the text.
    return " ".join(line.split())


def search_corpus(
    repo: SearchSource, query: str, *, project: int | None = None, limit: int | None = None
) -> list[SearchHit]:
    """Every folded match of ``query`` in the project's documents, in corpus order."""
    pid = repo.default_project() if project is None else project
    hits: list[SearchHit] = []
    if not query.strip():
        return hits
    needle = fold_query(query)
    if not needle:
        return hits
    for document_id, name, text in repo.search_candidates(pid, needle):
        for start, end in find_all(text, query):
            hits.append(
                SearchHit(
                    document_id=document_id,
                    document=name,
                    start=start,
                    end=end,
                    text=text[start:end],
                    context=context_line(text, start, end),
                )
            )
            if limit is not None and len(hits) >= limit:
                return hits
    return hits
