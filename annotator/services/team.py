"""Assigning documents to annotators."""

from __future__ import annotations

import math
from typing import Protocol

from annotator.services.writer import store_failures


class TeamStore(Protocol):
    """The repository methods assignment uses (annotator.store.repository.Repository)."""

    def default_project(self) -> int: ...
    def assign(
        self, project_id: int, annotator: str, count: int, *, overlap: float = 0.0
    ) -> list[int]: ...


def parse_overlap(text: str) -> float:
    """``20%`` (or ``20``, or ``0.2``) as a fraction in [0, 1]; ValueError otherwise."""
    raw = text.strip()
    try:
        value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    except ValueError:
        raise ValueError(f"overlap must be a percentage like 20%, got {text!r}") from None
    if not raw.endswith("%") and value > 1:
        value /= 100
    if math.isnan(value) or not 0 <= value <= 1:
        raise ValueError(f"overlap must be between 0% and 100%, got {text!r}")
    return value


def assign_documents(
    repo: TeamStore, annotator: str, count: int, *, overlap: float = 0.0,
    project: int | None = None,
) -> list[int]:
    """Assign up to ``count`` more documents to ``annotator``; ``overlap`` of them shared.

    ValueError for a bad name or count, StoreFailure when the store refuses or fails.
    """
    annotator = annotator.strip()
    if not annotator:
        raise ValueError("an annotator needs a name")
    if count < 1:
        raise ValueError(f"count must be at least 1, got {count}")
    with store_failures():
        pid = repo.default_project() if project is None else project
        return repo.assign(pid, annotator, count, overlap=overlap)
