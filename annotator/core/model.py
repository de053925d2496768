"""Core data: documents, spans, events and label schemas as frozen dataclasses.

Every layer speaks in these types: the store returns them, formats read and write them, the
session edits them. Offsets are code-point indexes into ``Document.text``, end exclusive.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, get_args

from annotator.core.messages import Message

SpanOrigin = Literal["manual", "imported", "suggested"]
DocStatus = Literal["new", "in_progress", "done", "skipped"]
Role = Literal["actor", "target", "location", "date"]

SPAN_ORIGINS: tuple[str, ...] = get_args(SpanOrigin)
DOC_STATUSES: tuple[str, ...] = get_args(DocStatus)
ROLES: tuple[str, ...] = get_args(Role)


class OffsetError(ValueError):
    """A span's offsets or text do not fit its document."""


@dataclass(frozen=True, slots=True)
class Label:
    """One entity label of a schema: name (ACTOR), key (1-9), colour, display names, and the
    event role its spans fill (None: they fill none)."""

    name: str
    key: str
    color: str
    name_ar: str
    name_en: str
    role: Role | None = None


@dataclass(frozen=True, slots=True)
class EventType:
    """An event type (an ACLED sub-event type): the name files use, and display names."""

    name: str
    name_ar: str
    name_en: str


@dataclass(frozen=True, slots=True)
class LabelSchema:
    """The labels and event types a project uses.

    ``event_types`` are the type names (what events and files carry); ``event_type_names``
    gives Arabic and English display names for those that have them.
    """

    name: str
    labels: tuple[Label, ...]
    event_types: tuple[str, ...] = ()
    event_type_names: tuple[EventType, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(label.name for label in self.labels)

    def event_type(self, name: str) -> EventType:
        """The display names of event type ``name`` (the name itself when it has none)."""
        for item in self.event_type_names:
            if item.name == name:
                return item
        return EventType(name, name, name)

    @property
    def roles(self) -> dict[str, str]:
        """Label name -> the role its spans fill, for the labels that fill one."""
        return {label.name: label.role for label in self.labels if label.role is not None}

    def role_of(self, label: str) -> str | None:
        """The role spans of ``label`` fill in an event, if any."""
        return self.roles.get(label)

    def labels_for(self, role: str) -> tuple[str, ...]:
        """The labels whose spans fill ``role`` (in schema order)."""
        return tuple(label.name for label in self.labels if label.role == role)

    def label(self, name: str) -> Label:
        """The label called ``name``; KeyError if the schema has none."""
        for label in self.labels:
            if label.name == name:
                return label
        raise KeyError(name)

    def by_key(self, key: str) -> Label | None:
        """The label bound to keyboard key ``key``, if any."""
        for label in self.labels:
            if label.key == key:
                return label
        return None


@dataclass(frozen=True, slots=True)
class Span:
    """A labeled range of a document's text: ``document.text[start:end] == text``.

    ``id`` is the database id once stored (None before). ``attrs`` carries label-specific
    values, e.g. a DATE's ``value``/``precision``/``normalized_by``.
    """

    start: int
    end: int
    label: str
    text: str
    id: int | None = None
    annotator: str | None = None
    origin: SpanOrigin = "manual"
    attrs: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def check(self, document_text: str) -> None:
        """Raise OffsetError unless this span fits ``document_text`` exactly."""
        check_offsets(document_text, self.start, self.end, self.text)

    @property
    def key(self) -> tuple[int, int, str]:
        """Position and label: what makes two spans the same annotation."""
        return (self.start, self.end, self.label)


def check_offsets(text: str, start: int, end: int, span_text: str | None = None) -> None:
    """Raise OffsetError unless ``0 <= start < end <= len(text)`` (and the text matches)."""
    if not (isinstance(start, int) and isinstance(end, int)):
        raise OffsetError(Message("span.bad_offsets", start=repr(start), end=repr(end)))
    if not 0 <= start < end <= len(text):
        raise OffsetError(Message("span.no_fit", start=start, end=end, length=len(text)))
    if span_text is not None and text[start:end] != span_text:
        raise OffsetError(Message("span.text_differs", given=repr(span_text), start=start,
                                  end=end, actual=repr(text[start:end])))


def make_span(text: str, start: int, end: int, label: str, **kwargs: Any) -> Span:
    """A span over ``text[start:end]``, checked."""
    check_offsets(text, start, end)
    return Span(start=start, end=end, label=label, text=text[start:end], **kwargs)


@dataclass(frozen=True, slots=True)
class Event:
    """An event (ACLED sub-event type) whose roles point at spans, or at other events.

    In files and in ``Document.events`` the role values are indexes into ``Document.spans``;
    the store keeps span ids instead. ``event_args`` are the roles another event fills
    (BioNLP-style nested events, brat ``Cause:E1``): indexes into ``Document.events``. A role
    may hold spans and events at once; the events never form a cycle (``event_cycle``).
    """

    type: str
    roles: Mapping[str, tuple[int, ...]] = field(default_factory=dict, hash=False)
    trigger: int | None = None
    id: int | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict, hash=False)
    event_args: Mapping[str, tuple[int, ...]] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class Relation:
    """A binary relation between two spans (doccano, Label Studio, brat ``R`` lines).

    Not an event: it has a type and two ends, ``head`` (from, brat's Arg1) and ``tail`` (to,
    Arg2), indexes into ``Document.spans`` like event roles.
    """

    type: str
    head: int
    tail: int
    id: int | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class EventFrame:
    """An event of a stored document as an editor holds it: roles and trigger are span ids.

    ``Event`` (files, ``Document.events``) points at spans by index; once spans are stored,
    their ids are what stays true while spans are added and deleted around them.
    ``event_args``: the roles other events fill, by event id.
    """

    type: str
    roles: Mapping[str, tuple[int, ...]] = field(default_factory=dict, hash=False)
    trigger: int | None = None
    id: int | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict, hash=False)
    event_args: Mapping[str, tuple[int, ...]] = field(default_factory=dict, hash=False)

    def event_ids(self) -> set[int]:
        """Every event this one has as an argument."""
        return {e for refs in self.event_args.values() for e in refs}

    def span_ids(self) -> set[int]:
        """Every span the event uses (roles and trigger)."""
        ids = {s for refs in self.roles.values() for s in refs}
        if self.trigger is not None:
            ids.add(self.trigger)
        return ids

    def links_of(self, span_id: int) -> tuple[EventLink, ...]:
        """Where span ``span_id`` stands in this event (for putting it back after a delete)."""
        assert self.id is not None
        links = [
            EventLink(self.id, role, i)
            for role, refs in self.roles.items()
            for i, ref in enumerate(refs)
            if ref == span_id
        ]
        if self.trigger == span_id:
            links.append(EventLink(self.id, None, 0))
        return tuple(links)

    def without(self, span_id: int) -> EventFrame:
        """This event once span ``span_id`` is gone (roles left empty disappear)."""
        roles = {
            role: tuple(r for r in refs if r != span_id) for role, refs in self.roles.items()
        }
        return replace(
            self,
            roles={role: refs for role, refs in roles.items() if refs},
            trigger=None if self.trigger == span_id else self.trigger,
        )

    def with_link(self, link: EventLink, span_id: int) -> EventFrame:
        """This event with span ``span_id`` back where ``link`` says it stood."""
        if link.role is None:
            return replace(self, trigger=span_id)
        refs = list(self.roles.get(link.role, ()))
        refs.insert(min(link.position, len(refs)), span_id)
        return replace(self, roles={**self.roles, link.role: tuple(refs)})


@dataclass(frozen=True, slots=True)
class RelationFrame:
    """A relation of a stored document as an editor holds it: its ends are span ids."""

    type: str
    head: int
    tail: int
    id: int | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class EventLink:
    """A span's place in an event: a role and its position there, or the trigger (role None)."""

    event_id: int
    role: str | None
    position: int


def relation_frames_of(document: Document) -> tuple[RelationFrame, ...]:
    """A stored document's relations with span ids instead of span indexes."""
    ids = [span.id for span in document.spans]
    return tuple(
        RelationFrame(r.type, head, tail, r.id, r.attrs)
        for r in document.relations
        if (head := ids[r.head]) is not None and (tail := ids[r.tail]) is not None
    )


def frames_of(document: Document) -> tuple[EventFrame, ...]:
    """A stored document's events with span and event ids instead of indexes."""
    ids = [span.id for span in document.spans]
    event_ids = [event.id for event in document.events]
    out: list[EventFrame] = []
    for event in document.events:
        roles = {
            role: tuple(i for i in (ids[r] for r in refs) if i is not None)
            for role, refs in event.roles.items()
        }
        args = {
            role: tuple(i for i in (event_ids[r] for r in refs) if i is not None)
            for role, refs in event.event_args.items()
        }
        trigger = ids[event.trigger] if event.trigger is not None else None
        out.append(EventFrame(event.type, roles, trigger, event.id, event.attrs,
                              {role: refs for role, refs in args.items() if refs}))
    return tuple(out)


def event_cycle(args: Mapping[int, Iterable[int]]) -> tuple[int, ...] | None:
    """A cycle among events that are each other's arguments, or None.

    ``args`` maps each event (an index or an id) to the events it has as arguments. The cycle
    is returned in order, starting at the event met first in ``args``' order: ``(1,)`` for an
    event that is its own argument, ``(1, 2)`` for 1 -> 2 -> 1. Nested events are a tree (a
    cause of a cause); a cycle has no meaning and no file format can order it.
    """
    state: dict[int, int] = {}  # 1: on the current path, 2: done
    for root in args:
        if state.get(root):
            continue
        path: list[int] = [root]
        state[root] = 1
        stack: list[Iterator[int]] = [iter(args.get(root, ()))]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            seen = state.get(nxt)
            if seen == 1:
                return tuple(path[path.index(nxt):])
            if seen is None:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(args.get(nxt, ())))
    return None


def cycle_message(names: tuple[str, ...]) -> str:
    """What to say of a cycle of nested events (``event_cycle``), its events named."""
    if len(names) == 1:
        return Message("event.self_argument", name=names[0])
    return Message("event.cycle", path=" -> ".join((*names, names[0])))


@dataclass(frozen=True, slots=True)
class Document:
    """An article: its stored text (line endings already ``\\n``), metadata, status, spans."""

    name: str
    text: str
    meta: Mapping[str, Any] = field(default_factory=dict, hash=False)
    status: DocStatus = "new"
    spans: tuple[Span, ...] = ()
    events: tuple[Event, ...] = ()
    id: int | None = None
    relations: tuple[Relation, ...] = ()

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


#: A span of ``DocumentRows``: (start, end, label, attributes as JSON text).
SpanRow = tuple[int, int, str, str]


@dataclass(frozen=True, slots=True)
class DocumentRows:
    """A new document as the bulk import stores it: plain values and span tuples, no
    ``Span`` per span (building 220,000 frozen dataclasses cost a 10k import about a second).

    Made only by a reader that has already checked everything the store and the import's
    checks would (offsets and texts, labels in the schema, JSON without NaN, no NUL, no
    unpaired surrogate): ``annotator.services.bulk_import``. Every span is ``imported`` and
    belongs to ``annotator``; there are no events or relations. ``meta`` and each span's
    attributes are the JSON text the store writes; ``content_hash`` is the text's, computed
    once for the reader's copy check, the store's duplicate look-up and the row itself.
    """

    name: str
    text: str
    meta: str
    status: DocStatus
    annotator: str | None
    spans: tuple[SpanRow, ...]
    content_hash: str

    def document(self) -> Document:
        """The same document as a ``Document`` (for the rare copy that is merged)."""
        return Document(
            name=self.name, text=self.text, meta=json.loads(self.meta), status=self.status,
            spans=tuple(
                Span(start, end, label, self.text[start:end], None, self.annotator,
                     "imported", json.loads(attrs))
                for start, end, label, attrs in self.spans
            ),
        )


def content_hash(text: str) -> str:
    """SHA-256 of the UTF-8 text: how duplicates are found."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``: the only change made to text at import."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def newline_offset_map(text: str) -> list[int]:
    """For each code-point offset of ``text`` (0..len), its offset after normalize_newlines."""
    out: list[int] = []
    j = 0
    i = 0
    n = len(text)
    while i < n:
        out.append(j)
        if text[i] == "\r" and i + 1 < n and text[i + 1] == "\n":
            # The \r disappears: a position on the \n maps to the same place.
            out.append(j)
            i += 2
        else:
            i += 1
        j += 1
    out.append(j)
    return out


def without_suggestions(document: Document) -> tuple[Document, int]:
    """``document`` without its suggested spans (events re-pointed), and how many were dropped.

    Suggestions are proposals nobody has reviewed: a training set must not learn from them
    unless the user asks for them.
    """
    keep = [i for i, s in enumerate(document.spans) if s.origin != "suggested"]
    dropped = len(document.spans) - len(keep)
    if not dropped:
        return document, 0
    new_index = {old: new for new, old in enumerate(keep)}
    events = tuple(
        replace(
            event,
            roles={
                role: tuple(new_index[i] for i in refs if i in new_index)
                for role, refs in event.roles.items()
                if any(i in new_index for i in refs)
            },
            trigger=new_index.get(event.trigger) if event.trigger is not None else None,
        )
        for event in document.events
    )
    relations = tuple(
        replace(r, head=new_index[r.head], tail=new_index[r.tail])
        for r in document.relations
        if r.head in new_index and r.tail in new_index
    )
    spans = tuple(document.spans[i] for i in keep)
    return replace(document, spans=spans, events=events, relations=relations), dropped
