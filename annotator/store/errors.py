"""Errors of the store; ``annotator.store.repository`` re-exports them."""

from __future__ import annotations

from collections.abc import Sequence


class StoreError(Exception):
    """A store operation was refused or failed; the message is fit to show to a user."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.problems: list[str] = list(problems) or [message]


class ConflictError(StoreError):
    """The document changed since the caller read it (its version moved on)."""


class DatabaseError(StoreError):
    """The database itself failed (server gone, disk full, still locked after retries).

    The transaction was rolled back, except when the connection broke during COMMIT, in which
    case the edit may or may not have been saved; reloading the document tells.
    """
