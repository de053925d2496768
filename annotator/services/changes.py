"""What changed in a session, as typed objects on one notification.

The session publishes every change, once it is stored, to each subscribed listener through one
callback. A listener matches the kinds it draws and ignores the rest, so a new kind of change
(events, dates, suggestions) touches the code that cares about it and breaks nobody else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from annotator.core.model import DocStatus, Document, EventFrame, Span


@dataclass(frozen=True, slots=True)
class DocumentOpened:
    """Another document became the open one (its spans as the annotator sees them)."""

    document: Document


@dataclass(frozen=True, slots=True)
class DocumentReloaded:
    """The open document was read again from the store: someone else changed it.

    Its text is the same (stored text never changes); its spans and status may not be.
    """

    document: Document


@dataclass(frozen=True, slots=True)
class SpanAdded:
    """A span of the open document was stored."""

    span: Span


@dataclass(frozen=True, slots=True)
class SpanRemoved:
    """A span of the open document was deleted."""

    span: Span


@dataclass(frozen=True, slots=True)
class SpanChanged:
    """A span of the open document got another label or other offsets (same id)."""

    old: Span
    new: Span


@dataclass(frozen=True, slots=True)
class StatusChanged:
    """A document of the project (the open one or another) got a new status."""

    document_id: int
    status: DocStatus
    before: DocStatus


@dataclass(frozen=True, slots=True)
class DateSet:
    """A date span of the open document got another value (its attributes; same id)."""

    old: Span
    new: Span


@dataclass(frozen=True, slots=True)
class MetaChanged:
    """The open document's metadata (its publication date ...) was stored anew."""

    document_id: int
    meta: Mapping[str, Any]
    before: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class EventAdded:
    """An event of the open document was stored (roles as span ids)."""

    event: EventFrame


@dataclass(frozen=True, slots=True)
class EventChanged:
    """An event of the open document got another type or other roles (same id).

    Also published when a span it uses is deleted or put back.
    """

    old: EventFrame
    new: EventFrame


@dataclass(frozen=True, slots=True)
class EventRemoved:
    """An event of the open document was deleted (its spans stay)."""

    event: EventFrame


@dataclass(frozen=True, slots=True)
class DocumentsChanged:
    """The project's documents changed elsewhere (another window, an import): list them again."""


Change = (
    DocumentOpened
    | DocumentReloaded
    | SpanAdded
    | SpanRemoved
    | SpanChanged
    | StatusChanged
    | DocumentsChanged
    | DateSet
    | MetaChanged
    | EventAdded
    | EventChanged
    | EventRemoved
)
ChangeListener = Callable[[Change], None]


class ChangeFeed:
    """The one notification: listeners subscribe, the session publishes."""

    def __init__(self) -> None:
        self._listeners: list[ChangeListener] = []

    def subscribe(self, listener: ChangeListener) -> None:
        """Call ``listener`` with every later change."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: ChangeListener) -> None:
        """Stop calling ``listener`` (no error if it was not subscribed)."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def publish(self, change: Change) -> None:
        """Tell every listener, in the order they subscribed."""
        for listener in list(self._listeners):
            listener(change)
