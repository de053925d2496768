"""Import job: read files with a format, check every record, then store them all at once.

Every problem of every file is collected before anything is written (file, line, reason). With
problems and without ``skip_bad`` nothing is imported; with it, the good records are and the bad
ones are reported. Labels the project does not know are a problem unless mapped (``label_map``)
or added to the project's schema (``add_labels``).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.labels import SchemaError, parse_schema, schema_to_dict
from annotator.core.messages import Message, message_of
from annotator.core.model import Document, Event, LabelSchema, OffsetError, event_cycle
from annotator.core.publication import published_problem
from annotator.formats import FORMATS, detect_format
from annotator.formats.base import FormatError, Problem, SourcedDocument
from annotator.services.progress import ProgressFn, counted, no_progress

if TYPE_CHECKING:
    from annotator.store.documents import SchemaExtender
    from annotator.store.merging import OnDuplicate
    from annotator.store.repository import Repository

#: The longest text one document may have, in characters: a long report is some 100,000; past
#: this the window cannot show it and the input is most likely not an article.
MAX_TEXT_CHARS = 5_000_000

# Keys and colours offered to labels added by an import, after the ones the schema uses.
_FREE_KEYS = "123456789abcdefghijklmnopqrstuvwxyz"
_COLOURS = (
    "#E69F00", "#56B4E9", "#F0E442", "#999999", "#882255", "#44AA99", "#117733", "#DDCC77",
    "#AA4499", "#332288", "#88CCEE", "#661100", "#6699CC", "#AA4466", "#4477AA", "#228833",
)


class ImportRefused(Exception):
    """Nothing was imported; ``problems`` lists every reason, as file, line and message.

    ``importable`` counts the good records that ``skip_bad`` would have imported.
    """

    def __init__(
        self, problems: list[Problem], *, encodings: Mapping[str, str], importable: int = 0
    ) -> None:
        self.problems = problems
        self.encodings = dict(encodings)
        self.importable = importable
        super().__init__(f"{len(problems)} problem(s); nothing imported")


@dataclass(frozen=True, slots=True)
class ImportReport:
    """The outcome of an import that stored something (or found only duplicates)."""

    added: list[int]
    duplicates: list[str]
    spans: int
    encodings: dict[str, str]
    skipped: list[Problem] = field(default_factory=list)
    new_labels: list[str] = field(default_factory=list)
    new_event_types: list[str] = field(default_factory=list)
    merged: int = 0
    merged_spans: int = 0
    merged_events: int = 0
    replaced_spans: int = 0
    on_duplicate: OnDuplicate = "merge"
    notes: list[str] = field(default_factory=list)


def parse_label_map(items: Iterable[str]) -> dict[str, str]:
    """``["ORG=ACTOR", "LOC=LOCATION"]`` -> a dict; ValueError naming a malformed item."""
    out: dict[str, str] = {}
    for item in items:
        old, sep, new = item.partition("=")
        old, new = old.strip(), new.strip()
        if not sep or not old or not new:
            raise ValueError(Message("map.malformed", item=repr(item)))
        if old in out and out[old] != new:
            raise ValueError(Message("map.twice", name=old, first=out[old], second=new))
        out[old] = new
    return out


def extend_schema(
    schema: LabelSchema, names: Sequence[str], *, event_types: Sequence[str] = ()
) -> LabelSchema:
    """``schema`` plus a label for each of ``names`` (free keys, unused colours) and the
    ``event_types`` it lacks.

    SchemaError if a name is not a valid label name or no key is left.
    """
    raw = schema_to_dict(schema)
    raw["event_types"].extend(t for t in dict.fromkeys(event_types) if t not in schema.event_types)
    used_keys = {label.key for label in schema.labels}
    used_colours = {label.color.upper() for label in schema.labels}
    keys = [k for k in _FREE_KEYS if k not in used_keys]
    colours = [c for c in _COLOURS if c.upper() not in used_colours]
    problems: list[str] = []
    for i, name in enumerate(names):
        if i >= len(keys):
            problems.append(f"no free key left for label {name!r}")
            continue
        colour = colours[i] if i < len(colours) else _fallback_colour(name)
        raw["labels"].append(
            {"name": name, "key": keys[i], "color": colour, "name_ar": name, "name_en": name}
        )
    if problems:
        raise SchemaError("--add-labels", problems)
    return parse_schema(raw, source="--add-labels")


def _fallback_colour(name: str) -> str:
    # Past the palette, a colour derived from the name keeps it stable between runs.
    value = sum((i + 1) * ord(c) for i, c in enumerate(name)) * 2654435761 % 0xFFFFFF
    return f"#{value:06X}"


def read_paths(
    paths: Sequence[Path],
    *,
    fmt: str = "auto",
    progress: ProgressFn = no_progress,
    notes: list[str] | None = None,
) -> tuple[list[SourcedDocument], list[Problem], dict[str, str]]:
    """Read every path; (documents, problems, encodings detected by file). What the files held
    that the formats leave out on purpose is added to ``notes``."""
    documents: list[SourcedDocument] = []
    problems: list[Problem] = []
    encodings: dict[str, str] = {}
    if fmt != "auto" and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(sorted(FORMATS))})")
    for i, path in enumerate(paths):
        progress("reading", i, len(paths))
        if not path.exists():
            problems.append(Problem(str(path), None, Message("file.missing")))
            continue
        try:
            name = detect_format(path) if fmt == "auto" else fmt
            result = FORMATS[name].read(path)
        except FormatError as exc:
            problems.extend(exc.problems)
            continue
        except OSError as exc:
            problems.append(Problem(str(path), None, Message(
                "file.cannot_read", reason=str(exc.strerror or exc))))
            continue
        documents.extend(result.documents)
        problems.extend(result.problems)
        encodings.update(result.encodings)
        if notes is not None:
            notes.extend(result.notes)
    progress("reading", len(paths), len(paths))
    return documents, problems, encodings


@dataclass(frozen=True, slots=True)
class Checked:
    """What check_documents found: good records, problems, and what --add-labels must add."""

    good: list[SourcedDocument]
    problems: list[Problem]
    new_labels: list[str]
    new_event_types: list[str]
    #: Names matched to the project's under another spelling, said once each.
    notes: list[str] = field(default_factory=list)


class _Names:
    """Matches incoming label and event type names to the project's, the way other tools
    spell them: "Date" is DATE, brat's "Air/drone_strike" is "Air/drone strike". Each match
    is noted once. Names the project lacks map to themselves (or to the first spelling met,
    so "Person" and "PERSON" add one label)."""

    def __init__(self, schema: LabelSchema) -> None:
        self.labels = {name.casefold(): name for name in schema.names}
        self.types = {name.casefold(): name for name in schema.event_types}
        self.exact_labels = set(schema.names)
        self.exact_types = set(schema.event_types)
        self.notes: dict[str, None] = {}
        self._label_cache: dict[str, str] = {}
        self._type_cache: dict[str, str] = {}

    def label(self, name: str) -> str:
        if name in self.exact_labels:
            return name
        found = self._label_cache.get(name)
        if found is None:
            found = self.labels.get(name.casefold())
            if found is not None:
                self.notes[Message("note.label_case", name=repr(name), found=repr(found))] = None
            else:
                found = name
                self.labels[name.casefold()] = name
            self._label_cache[name] = found
        return found

    def event_type(self, name: str) -> str:
        if name in self.exact_types or not self.exact_types:
            return name
        found = self._type_cache.get(name)
        if found is None:
            for candidate in (name, name.replace("_", " ")):
                found = self.types.get(candidate.casefold())
                if found is not None:
                    break
            if found is not None:
                self.notes[Message("note.event_type", name=repr(name), found=repr(found))] = None
            else:
                found = name
                self.types[name.casefold()] = name
            self._type_cache[name] = found
        return found

    def apply(self, document: Document) -> Document:
        """``document`` with its names spelled as the project spells them."""
        spans_off = any(s.label not in self.exact_labels for s in document.spans)
        events_off = bool(self.exact_types) and any(
            e.type not in self.exact_types for e in document.events)
        if not (spans_off or events_off):
            return document
        return dataclasses.replace(
            document,
            spans=tuple(s if s.label in self.exact_labels
                        else dataclasses.replace(s, label=self.label(s.label))
                        for s in document.spans),
            events=tuple(e if e.type in self.exact_types or not self.exact_types
                         else dataclasses.replace(e, type=self.event_type(e.type))
                         for e in document.events),
        )


def split_label_map(
    label_map: Mapping[str, str], schema: LabelSchema
) -> tuple[dict[str, str], dict[str, str]]:
    """``--map`` pairs as (span label renames, event type renames).

    A name may be both a span label and an event type (brat writes an event's trigger with the
    event type as its label): ``Attack=ACTOR`` renames the label only, since ACTOR is a label
    and no event type; ``attackedIn=Armed clash`` renames the event type only. A target that
    is neither (a name for ``--add-labels``) renames both, as before.
    """
    labels = {old: new for old, new in label_map.items()
              if new in schema.names or new not in schema.event_types}
    types = {old: new for old, new in label_map.items()
             if new in schema.event_types or new not in schema.names}
    return labels, types


def _mapped(
    document: Document, label_map: Mapping[str, str], type_map: Mapping[str, str] | None = None
) -> Document:
    """``document`` with span labels renamed by ``label_map`` and event types by ``type_map``
    (``label_map`` when not given)."""
    if type_map is None:
        type_map = label_map
    spans_hit = any(s.label in label_map for s in document.spans)
    events_hit = any(e.type in type_map for e in document.events)
    if not (spans_hit or events_hit):
        return document
    return dataclasses.replace(
        document,
        spans=tuple(
            dataclasses.replace(s, label=label_map[s.label]) if s.label in label_map else s
            for s in document.spans
        ),
        events=tuple(
            dataclasses.replace(e, type=type_map[e.type]) if e.type in type_map else e
            for e in document.events
        ),
    )


def _not_finite(value: object) -> bool:
    """True when ``value`` holds NaN or an infinity (Python's JSON reads them; the store's
    JSON columns cannot hold them, and the failure would come without file and line)."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, Mapping):
        return any(_not_finite(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_not_finite(v) for v in value)
    return False


_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogate_in(value: object) -> str | None:
    """The first unpaired surrogate (JSON's "\\ud800" escapes) in a string, list or dict."""
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        return found.group() if found else None
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, (list, tuple)):
        for item in value:
            hit = _surrogate_in(item)
            if hit is not None:
                return hit
    return None


def _surrogate_reason(document: Document) -> str | None:
    """Why ``document`` cannot be stored as UTF-8, if it holds an unpaired surrogate."""
    parts: list[tuple[str, object]] = [
        ("text", document.text), ("name", document.name), ("metadata", dict(document.meta)),
        *(("a span", (s.label, s.annotator or "", dict(s.attrs))) for s in document.spans),
        *(("an event", (e.type, dict(e.attrs))) for e in document.events),
    ]
    for where, value in parts:
        hit = _surrogate_in(value)
        if hit is not None:
            return Message(f"check.surrogate_{where.split()[-1]}", code=f"{ord(hit):04X}")
    return None


def check_documents(
    records: Sequence[SourcedDocument],
    schema: LabelSchema,
    *,
    label_map: Mapping[str, str],
    add_labels: bool,
    progress: ProgressFn = no_progress,
    surrogates: bool = True,
) -> Checked:
    """Rename labels and event types by ``label_map`` and check every record against
    ``schema``; with ``add_labels``, unknown names are collected instead of refused.

    ``surrogates=False``: the caller knows no string can hold an unpaired surrogate (UTF-8
    lines without a JSON ``\\uD...`` escape), so that walk over every string is skipped.
    """
    known = set(schema.names)
    span_map, type_map = split_label_map(label_map, schema)
    good: list[SourcedDocument] = []
    problems: list[Problem] = []
    # Ordered sets: new labels get keys in order of appearance.
    new_labels: dict[str, None] = {}
    new_types: dict[str, None] = {}
    names = _Names(schema)
    for record in counted(records, task="checking", total=len(records), progress=progress,
                          every=1000):
        # --map sees the names as the file writes them; then they meet the project's.
        document = (_mapped(record.document, span_map, type_map) if label_map
                    else record.document)
        document = names.apply(document)
        reasons: list[str] = []
        if "\x00" in document.text:
            reasons.append(Message("check.nul_text"))
        if "\x00" in document.name:
            reasons.append(Message("check.nul_name"))
        if _not_finite(document.meta):
            reasons.append(Message("check.nan_meta"))
        for i, span in enumerate(document.spans, 1):
            if span.attrs and _not_finite(span.attrs):
                reasons.append(Message("check.nan_attrs", what=Message("item.span", n=i)))
        for i, event in enumerate(document.events, 1):
            if event.attrs and _not_finite(event.attrs):
                reasons.append(Message("check.nan_attrs", what=Message("item.event", n=i)))
        if len(document.text) > MAX_TEXT_CHARS:
            reasons.append(Message("check.too_long", length=len(document.text),
                                   limit=MAX_TEXT_CHARS))
        surrogate = _surrogate_reason(document) if surrogates else None
        if surrogate is not None:
            # Its labels are not offered to --add-labels either: they may be the culprit.
            problems.extend(Problem(record.file, record.line, r) for r in [*reasons, surrogate])
            continue
        published = published_problem(document.meta)
        if published is not None:
            reasons.append(published)
        text = document.text
        n = len(text)
        for span in document.spans:
            # Formats build checked spans; this inline test (cheaper than check_offsets on
            # 200,000 spans) keeps a reader's slip from reaching the store without file:line.
            if not (0 <= span.start < span.end <= n and text[span.start : span.end] == span.text):
                try:
                    span.check(text)
                except OffsetError as exc:
                    reasons.append(Message("check.span", label=span.label, start=span.start,
                                           end=span.end, reason=message_of(exc)))
            if span.label not in known:
                if add_labels:
                    new_labels[span.label] = None
                else:
                    reasons.append(Message(
                        "check.unknown_label", label=repr(span.label),
                        labels=", ".join(schema.names), name=span.label))
        for event in document.events:
            if schema.event_types and event.type not in schema.event_types:
                if add_labels:
                    new_types[event.type] = None
                else:
                    reasons.append(Message(
                        "check.unknown_event_type", type=repr(event.type),
                        types=", ".join(schema.event_types), name=event.type))
        if reasons:
            # One message per distinct reason: a record with 30 ORG spans says so once.
            problems.extend(Problem(record.file, record.line, r) for r in dict.fromkeys(reasons))
        elif document is record.document:
            good.append(record)
        else:
            good.append(dataclasses.replace(record, document=document))
    return Checked(good, problems, list(new_labels), list(new_types), list(names.notes))


def _signatures(events: Sequence[Event], span_at: Callable[[int], int], side: str
                ) -> list[object]:
    """What makes two events the same: type, trigger, span roles (spans placed by
    ``span_at``) and, for nested events, the same of each argument event."""
    if event_cycle({j: [k for idx in e.event_args.values() for k in idx]
                    for j, e in enumerate(events)}) is not None:
        # No reader makes one; the store refuses it with its message, so keep them all.
        return [(side, j) for j in range(len(events))]
    done: dict[int, tuple[object, ...]] = {}

    def sig(i: int) -> tuple[object, ...]:
        if i not in done:
            e = events[i]
            done[i] = (e.type, None if e.trigger is None else span_at(e.trigger),
                       tuple(sorted((r, span_at(k)) for r, idx in e.roles.items() for k in idx)),
                       tuple(sorted((r, sig(k)) for r, idx in e.event_args.items()
                                    for k in idx)))
        return done[i]

    return [sig(i) for i in range(len(events))]


def merge_copies(first: Document, other: Document) -> Document:
    """``first`` with the spans and events of ``other`` (the same text) that it lacks.

    A span is the same when start, end and label are; an event when its type, trigger and
    roles point at the same spans (and its argument events are the same).
    """
    spans = list(first.spans)
    at = {span.key: i for i, span in enumerate(spans)}
    index: dict[int, int] = {}
    for j, span in enumerate(other.spans):
        if span.key not in at:
            at[span.key] = len(spans)
            spans.append(span)
        index[j] = at[span.key]

    events = list(first.events)
    seen = dict(zip(_signatures(first.events, lambda i: i, "first"), range(len(events)),
                    strict=True))
    incoming = _signatures(other.events, lambda i: index[i], "other")
    # Where each of ``other``'s events stands in the merged list (nested events point there).
    place: dict[int, int] = {}
    added: list[int] = []
    for j, key in enumerate(incoming):
        if key not in seen:
            seen[key] = len(events) + len(added)
            added.append(j)
        place[j] = seen[key]
    for j in added:
        event = other.events[j]
        events.append(dataclasses.replace(
            event,
            roles={role: tuple(index[i] for i in idx) for role, idx in event.roles.items()},
            trigger=None if event.trigger is None else index[event.trigger],
            event_args={role: tuple(place[k] for k in idx)
                        for role, idx in event.event_args.items()},
        ))
    if len(spans) == len(first.spans) and len(events) == len(first.events):
        return first
    return dataclasses.replace(first, spans=tuple(spans), events=tuple(events))


def streamable(
    paths: Sequence[Path], fmt: str, label_map: Mapping[str, str] | None, add_labels: bool,
    skip_bad: bool,
) -> bool:
    """One file of the project's JSONL, nothing to rename, add or skip: the streaming import
    (``bulk_import``) may try it."""
    if len(paths) != 1 or label_map or add_labels or skip_bad or not paths[0].is_file():
        return False
    if fmt == "jsonl":
        return True
    if fmt != "auto":
        return False
    try:
        return detect_format(paths[0]) == "jsonl"
    except FormatError:
        return False


def import_paths(
    repo: Repository,
    paths: Sequence[Path],
    *,
    fmt: str = "auto",
    project: int | None = None,
    annotator: str | None = None,
    label_map: Mapping[str, str] | None = None,
    add_labels: bool = False,
    skip_bad: bool = False,
    on_duplicate: OnDuplicate = "merge",
    progress: ProgressFn = no_progress,
) -> ImportReport:
    """Read, check and store ``paths`` in one transaction; ImportRefused if nothing may be stored.

    ``fmt`` is a key of FORMATS or "auto" (detected per path). A document whose text the
    project has already is merged into it by default (``on_duplicate``): an annotated copy
    carries work that skipping it would lose.
    """
    pid = repo.default_project() if project is None else project
    schema = repo.project_schema(pid)
    if streamable(paths, fmt, label_map, add_labels, skip_bad):
        # One clean JSONL file: two streaming passes, memory flat in its size (None: not
        # clean after all, nothing written; the general path below reports why).
        from annotator.services.bulk_import import import_jsonl_stream

        streamed = import_jsonl_stream(repo, paths[0], project=pid, schema=schema,
                                       annotator=annotator, on_duplicate=on_duplicate,
                                       progress=progress)
        if streamed is not None:
            return streamed
    read_notes: list[str] = []
    records, problems, encodings = read_paths(paths, fmt=fmt, progress=progress,
                                              notes=read_notes)
    checked = check_documents(
        records, schema, label_map=label_map or {}, add_labels=add_labels, progress=progress
    )
    extended: LabelSchema | None = None
    label_order = list(checked.new_labels)
    if checked.new_labels or checked.new_event_types:
        refused: list[str] = []
        try:
            extended = extend_schema(schema, [], event_types=checked.new_event_types)
        except SchemaError as exc:
            refused.extend(exc.problems)
            extended = schema
        for name in checked.new_labels:
            try:
                extended = extend_schema(extended, [name])
            except SchemaError as exc:
                refused.extend(exc.problems)
        problems.extend(Problem("--add-labels", None, p) for p in refused)
        if refused:
            # Check again against the labels that could be added, so that the records using
            # the others become problems of their own (and --skip-bad leaves them out).
            checked = check_documents(
                records, extended, label_map=label_map or {}, add_labels=False
            )
    problems.extend(checked.problems)
    good = checked.good
    problems.sort(key=lambda p: (p.file, p.line or 0))
    if problems and not skip_bad:
        raise ImportRefused(problems, encodings=encodings, importable=len(good))
    if not good:
        if problems:
            raise ImportRefused(problems, encodings=encodings)
        raise ImportRefused([Problem(", ".join(map(str, paths)), None,
                                     Message("import.nothing_found"))],
                            encodings=encodings)
    # Duplicates inside the batch are dropped here, so that the store reports only documents
    # already in the project and every document passed to it is either added or one of those.
    documents: list[Document] = []
    duplicates: list[str] = []
    first: dict[str, int] = {}
    for record in good:
        digest = record.document.content_hash
        if digest in first:
            duplicates.append(record.document.name)
            if on_duplicate != "skip":
                # Two annotated copies of one text in the same import: both carry work.
                documents[first[digest]] = merge_copies(documents[first[digest]],
                                                        record.document)
        else:
            first[digest] = len(documents)
            documents.append(record.document)
    # Reported before anything is written: a cancelled job stops here at the latest.
    progress("storing", 0, 1)
    result = repo.add_documents(
        pid, documents, annotator=annotator, on_duplicate=on_duplicate,
        extend_schema=_extender(label_order) if extended is not None else None,
    )
    progress("storing", 1, 1)
    return ImportReport(
        added=list(result.added),
        duplicates=duplicates + list(result.duplicates),
        spans=result.spans,
        encodings=encodings,
        skipped=problems,
        new_labels=list(result.new_labels),
        new_event_types=list(result.new_event_types),
        merged=len(result.merged),
        merged_spans=result.merged_spans,
        merged_events=result.merged_events,
        replaced_spans=result.replaced_spans,
        on_duplicate=on_duplicate,
        notes=read_notes + checked.notes,
    )


def _extender(order: Sequence[str]) -> SchemaExtender:
    """The schema change of ``--add-labels``, made by the store inside the import's
    transaction: the labels and event types the stored documents use that the project's
    schema (as it is then) lacks, in the order they were first met in the files."""
    rank = {name: i for i, name in enumerate(order)}

    def extend(schema: LabelSchema, docs: Sequence[Document]) -> LabelSchema:
        known = set(schema.names)
        labels = {s.label: None for d in docs for s in d.spans if s.label not in known}
        types = {e.type: None for d in docs for e in d.events
                 if schema.event_types and e.type not in schema.event_types}
        if not labels and not types:
            return schema
        return extend_schema(schema, sorted(labels, key=lambda n: rank.get(n, len(rank))),
                             event_types=list(types))

    return extend
