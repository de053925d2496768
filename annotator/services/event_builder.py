"""Builds the commands that edit the open document's events and date values.

Roles are proposed from the schema (which label fills which role, ``LabelSchema.role_of``), so
no format or widget hard-codes that ACTOR spans are actors. A span may serve several events,
and a role may hold several spans.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from annotator.core.date_spans import (
    annotator_attrs,
    auto_attrs,
    is_date,
    recomputed,
    set_by_annotator,
)
from annotator.core.dates import DateValue
from annotator.core.model import EventFrame, LabelSchema, Span
from annotator.core.publication import GUESSED, PUBLISHED, published_of
from annotator.core.text import sentences
from annotator.services.event_commands import (
    AddEvent,
    ChangeEvent,
    DeleteEvent,
    SetDateValue,
    SetMeta,
)
from annotator.services.open_document import OpenDocument


def propose_roles(schema: LabelSchema, spans: Iterable[Span]) -> dict[str, tuple[int, ...]]:
    """Each span in the role its label fills (reading order kept); spans of no role left out."""
    roles: dict[str, list[int]] = {}
    for span in spans:
        role = schema.role_of(span.label)
        if role is not None and span.id is not None:
            roles.setdefault(role, []).append(span.id)
    return {role: tuple(ids) for role, ids in roles.items()}


class EventBuilder:
    """Commands over the open document's events, date values and publication date."""

    def __init__(
        self,
        schema: LabelSchema,
        current: Callable[[], OpenDocument | None],
        resolve: Callable[[int], int],
    ) -> None:
        self.schema = schema
        self._current = current
        self._resolve = resolve

    # ----- reading -------------------------------------------------------------------------
    @property
    def events(self) -> tuple[EventFrame, ...]:
        """The open document's events, oldest first."""
        open_doc = self._current()
        return open_doc.events if open_doc is not None else ()

    def event(self, event_id: int) -> EventFrame:
        """The open document's event ``event_id``; KeyError if there is none."""
        open_doc = self._require()
        event = open_doc.event(event_id)
        if event is None:
            raise KeyError(event_id)
        return event

    def events_of(self, span_id: int) -> tuple[EventFrame, ...]:
        """The open document's events that use span ``span_id``."""
        open_doc = self._current()
        return open_doc.events_of(self._resolve(span_id)) if open_doc is not None else ()

    def title(self, event: EventFrame) -> str:
        """The event type's English and Arabic names, for lists and menus."""
        names = self.schema.event_type(event.type)
        return names.name_en if names.name_ar == names.name_en else (
            f"{names.name_en} · {names.name_ar}")

    @property
    def published(self) -> datetime.date | None:
        """The open document's publication date, if it has a usable one."""
        open_doc = self._current()
        return published_of(open_doc.meta) if open_doc is not None else None

    def sentence_spans(self, offset: int) -> list[Span]:
        """The spans inside the sentence holding ``offset`` (the caret), reading order."""
        open_doc = self._require()
        for start, end in sentences(open_doc.text, keep_together=[
                (s.start, s.end) for s in open_doc.spans]):
            if start <= offset <= end:
                return [s for s in open_doc.spans_between(start, end)
                        if s.start >= start and s.end <= end]
        return []

    # ----- events ----------------------------------------------------------------------------
    def new_event_command(self, spans: Iterable[Span], event_type: str | None = None
                          ) -> AddEvent:
        """A new event over ``spans``, roles proposed by their labels; of the schema's first
        event type unless ``event_type`` says which."""
        open_doc = self._require()
        kind = event_type or (self.schema.event_types[0] if self.schema.event_types else "Event")
        frame = EventFrame(kind, propose_roles(self.schema, spans))
        return AddEvent(open_doc.id, frame, self.title(frame))

    def type_command(self, event_id: int, event_type: str) -> ChangeEvent | None:
        """Give event ``event_id`` another type; None if it has it already."""
        event = self.event(event_id)
        if event.type == event_type:
            return None
        new = replace(event, type=event_type)
        return ChangeEvent(self._require().id, new, f"Event type {event_type}")

    def add_role_command(self, event_id: int, span_id: int, role: str | None = None
                         ) -> ChangeEvent | None:
        """Put span ``span_id`` into a role of event ``event_id`` (by default the role its label
        fills); None if it is there already or its label fills no role."""
        open_doc = self._require()
        event = self.event(event_id)
        span = open_doc.find(self._resolve(span_id))
        if span is None or span.id is None:
            raise KeyError(span_id)
        role = role or self.schema.role_of(span.label)
        if role is None or span.id in event.roles.get(role, ()):
            return None
        roles = {**event.roles, role: (*event.roles.get(role, ()), span.id)}
        new = replace(event, roles=roles)
        return ChangeEvent(open_doc.id, new, f"Add “{span.text}” as {role}")

    def remove_role_command(self, event_id: int, role: str, span_id: int
                            ) -> ChangeEvent | None:
        """Take span ``span_id`` out of ``role`` of event ``event_id``; None if not there."""
        event = self.event(event_id)
        span_id = self._resolve(span_id)
        refs = event.roles.get(role, ())
        if span_id not in refs:
            return None
        roles = {r: ids for r, ids in event.roles.items() if r != role}
        rest = tuple(s for s in refs if s != span_id)
        if rest:
            roles[role] = rest
        new = replace(event, roles=roles)
        return ChangeEvent(self._require().id, new, f"Remove {role} from event")

    def remove_event_arg_command(self, event_id: int, role: str, arg_id: int
                                 ) -> ChangeEvent | None:
        """Take event ``arg_id`` out of ``role`` of event ``event_id`` (a nested event's
        argument); None if not there."""
        event = self.event(event_id)
        refs = event.event_args.get(role, ())
        if arg_id not in refs:
            return None
        args = {r: ids for r, ids in event.event_args.items() if r != role}
        rest = tuple(e for e in refs if e != arg_id)
        if rest:
            args[role] = rest
        new = replace(event, event_args=args)
        return ChangeEvent(self._require().id, new, f"Remove {role} from event")

    def delete_event_command(self, event_id: int) -> DeleteEvent:
        """Delete event ``event_id`` (its spans stay)."""
        event = self.event(event_id)
        return DeleteEvent(self._require().id, event_id, self.title(event))

    # ----- dates -----------------------------------------------------------------------------
    def auto_attrs(self, span: Span) -> dict[str, Any]:
        """The attributes a new span gets: a date label's automatic value, else its own."""
        if not is_date(self.schema, span.label):
            return dict(span.attrs)
        return auto_attrs(span.text, self.published, span.attrs)

    def attrs_after(self, span: Span, *, label: str) -> dict[str, Any] | None:
        """The attributes ``span`` (its text as it will be) takes with ``label``; None when
        they stay. A date's automatic value follows its text and label; the annotator's
        value stays while it stays a date; a span that stops being a date drops its value."""
        was_date = set(span.attrs) & {"value", "precision", "mod", "normalized_by"}
        if is_date(self.schema, label):
            if set_by_annotator(span.attrs):
                return None
            attrs = auto_attrs(span.text, self.published, span.attrs)
        elif was_date:
            attrs = {k: v for k, v in span.attrs.items()
                     if k not in ("value", "precision", "mod", "normalized_by")}
        else:
            return None
        return None if attrs == dict(span.attrs) else attrs

    def date_command(self, span_id: int, value: DateValue | None) -> SetDateValue | None:
        """The annotator's value for date span ``span_id`` (None: they say it has none)."""
        open_doc = self._require()
        span = open_doc.find(self._resolve(span_id))
        if span is None or span.id is None:
            raise KeyError(span_id)
        attrs = annotator_attrs(value, span.attrs)
        if attrs == dict(span.attrs):
            return None
        what = f"Date value {value.value}" if value is not None else "Date value: none"
        return SetDateValue(open_doc.id, span.id, attrs, what)

    def rules_date_command(self, span_id: int) -> SetDateValue | None:
        """Give date span ``span_id`` the rules' value back (drops the annotator's)."""
        open_doc = self._require()
        span = open_doc.find(self._resolve(span_id))
        if span is None or span.id is None:
            raise KeyError(span_id)
        attrs = auto_attrs(span.text, self.published, span.attrs)
        if attrs == dict(span.attrs):
            return None
        return SetDateValue(open_doc.id, span.id, attrs, "Date value from the rules")

    def published_command(self, published: datetime.date | None, *, guessed: bool = False
                          ) -> SetMeta | None:
        """Set (or clear) the open document's publication date; the automatic date values
        move with it in the same transaction, the annotator's stay. ``guessed`` keeps it
        marked as the program's guess. None when nothing would change."""
        open_doc = self._require()
        meta = {k: v for k, v in open_doc.meta.items() if k not in (PUBLISHED, GUESSED)}
        if published is not None:
            meta[PUBLISHED] = published.isoformat()
            if guessed:
                meta[GUESSED] = True
        if meta == dict(open_doc.meta):
            return None
        attrs = recomputed(self.schema, open_doc.spans, published)
        what = (f"Publication date {published.isoformat()}" if published is not None
                else "No publication date")
        return SetMeta(open_doc.id, meta, attrs, what)

    def _require(self) -> OpenDocument:
        open_doc = self._current()
        if open_doc is None:
            raise RuntimeError("no document is open")
        return open_doc
