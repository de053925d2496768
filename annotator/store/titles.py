"""A listed document's title (no SQLAlchemy here: the window's first reads use it too)."""

from __future__ import annotations

from typing import Any

# Characters of the text read to find a title: the first line of an article is shorter.
TITLE_SOURCE = 400
TITLE_LENGTH = 120


def title_of(head: str, meta: Any, name: str) -> str:
    """``meta["title"]`` if it is a non-empty string, else the first line of ``head``, else
    ``name``; cut to TITLE_LENGTH characters."""
    title = meta.get("title") if isinstance(meta, dict) else None
    if not (isinstance(title, str) and title.strip()):
        title = next((line for line in head.split("\n") if line.strip()), name)
    title = " ".join(title.split())
    return title if len(title) <= TITLE_LENGTH else title[: TITLE_LENGTH - 1] + "…"
