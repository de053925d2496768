"""brat standoff: ``name.txt`` + ``name.ann`` pairs (T, A/M, E, R and # lines)."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from annotator.core.messages import Message, message_of
from annotator.core.model import Document, Event, Relation, Span, cycle_message, event_cycle
from annotator.formats.base import (
    Format,
    FormatError,
    NameAllocator,
    Problem,
    ReadResult,
    SourcedDocument,
    WriteOptions,
    WriteReport,
    atomic_folder,
    folder_files,
)
from annotator.formats.textio import DecodedText, read_text, text_bytes

_T_LINE = re.compile(r"^(?P<type>\S+) (?P<frags>\d+ \d+(?:;\d+ \d+)*)$")
_ROLE_TO_BRAT = {"actor": "Actor", "target": "Target", "location": "Place", "date": "Time"}
_ROLE_FROM_BRAT = {v.lower(): k for k, v in _ROLE_TO_BRAT.items()}
#: Attribute names: brat's "Normalized" carries a DATE's ISO value ("value" here).
_ATTR_TO_BRAT = {"value": "Normalized"}
_ATTR_FROM_BRAT = {v: k for k, v in _ATTR_TO_BRAT.items()}
_NOTE = "note"
#: Span attribute holding brat N lines: a list of [type, "DB:KEY", text].
_NORMALIZATIONS = "normalizations"
#: Document metadata holding brat * lines: a list of [type, [[start, end, label], ...]] (spans
#: by position and label, since T numbers are not kept).
EQUIVALENCES = "brat_equivalences"


class _BadLine(ValueError):
    pass


def _bad(ident: str, message_id: str, **params: Any) -> _BadLine:
    """"<ident>: <reason>" for a line of the .ann file."""
    return _BadLine(Message("record.because", what=ident, reason=Message(message_id, **params)))


def _role_from_brat(name: str) -> str:
    low = name.lower()
    if not re.fullmatch(r"arg\d+", low):
        low = low.rstrip("0123456789") or low  # brat numbers repeated roles: Actor2, Actor3
    return _ROLE_FROM_BRAT.get(low, low)


def _role_to_brat(role: str) -> str:
    return _ROLE_TO_BRAT.get(role, role[:1].upper() + role[1:])


def _brat_type(name: str) -> str:
    # brat names may hold no whitespace; event types like "Air/drone strike" have spaces.
    return re.sub(r"\s", "_", name)


class _AnnParser:
    """Parses one .ann file against its decoded .txt."""

    def __init__(self, decoded: DecodedText, ann_file: str) -> None:
        self.decoded = decoded
        self.text = decoded.text
        self.file = ann_file
        self.problems: list[Problem] = []
        self.spans: list[Span] = []
        self.span_ids: dict[str, int] = {}
        self.span_attrs: dict[int, dict[str, Any]] = {}
        self.raw_events: list[tuple[int, str, str, str, list[tuple[str, str]]]] = []
        self.event_attrs: dict[str, dict[str, Any]] = {}
        self.pending_attrs: list[tuple[int, str, str, Any]] = []
        self.relations: list[tuple[int, str, str, str, str]] = []
        self.event_index: dict[str, int] = {}
        self.relation_index: dict[str, int] = {}
        self.relation_attrs: dict[str, dict[str, Any]] = {}
        # Trigger-only T lines (typed with their event's type, as brat wants): their offsets.
        self.trigger_types: dict[str, str] = {}
        self.trigger_bounds: dict[str, tuple[int, int]] = {}
        self.parsed_relations: list[Relation] = []
        self.equivalences: list[tuple[int, str, list[str]]] = []
        self.equivalent: list[list[Any]] = []

    def parse(self, content: str) -> Document | None:
        """The document the .ann describes, or None when any line is bad (see problems)."""
        for line in content.split("\n"):
            # First the E lines' triggers: a T line of the event's own type is the trigger
            # word, not an entity span.
            ident, _, rest = line.partition("\t")
            if ident[:1] == "E" and rest.strip():
                etype, _, trigger = rest.split()[0].partition(":")
                self.trigger_types[trigger] = etype
        for lineno, line in enumerate(content.split("\n"), 1):
            if not line.strip():
                continue
            try:
                self._line(lineno, line)
            except _BadLine as exc:
                self.problems.append(Problem(self.file, lineno, message_of(exc)))
        events = self._events()
        self._attrs()
        if self.problems:
            return None
        spans = tuple(
            Span(start=s.start, end=s.end, label=s.label, text=s.text, origin="imported",
                 attrs=self.span_attrs.get(i, {}))
            for i, s in enumerate(self.spans)
        )
        return Document(name="", text=self.text, spans=spans, events=tuple(events),
                        relations=tuple(self.parsed_relations))

    def _line(self, lineno: int, line: str) -> None:
        ident, _, rest = line.partition("\t")
        kind = ident[:1]
        if kind == "T":
            self._textbound(ident, rest)
        elif kind in ("A", "M"):
            parts = rest.split()
            if len(parts) not in (2, 3):
                raise _bad(ident, "brat.expected_attribute", got=repr(rest))
            value: Any = parts[2] if len(parts) == 3 else True
            self.pending_attrs.append((lineno, parts[0], parts[1], value))
        elif kind == "E":
            if not rest.strip():
                raise _bad(ident, "brat.expected_event")
            head, *args = rest.split()
            etype, _, trigger = head.partition(":")
            pairs = []
            for arg in args:
                role, sep, target = arg.partition(":")
                if not sep:
                    raise _bad(ident, "brat.bad_argument", argument=repr(arg))
                pairs.append((role, target))
            self.raw_events.append((lineno, ident, etype, trigger, pairs))
        elif kind == "R":
            parts = rest.split()
            if len(parts) != 3:
                raise _bad(ident, "brat.expected_relation", got=repr(rest))
            a = parts[1].partition(":")[2]
            b = parts[2].partition(":")[2]
            self.relations.append((lineno, ident, parts[0], a, b))
        elif kind == "#":
            head, _, note = rest.partition("\t")
            parts = head.split()
            if len(parts) != 2:
                raise _bad(ident, "brat.expected_note")
            # AnnotatorNotes is the span's note; other comment types keep their name ("#Type").
            key = _NOTE if parts[0] == "AnnotatorNotes" else f"#{parts[0]}"
            self.pending_attrs.append((lineno, key, parts[1], note))
        elif kind == "N":
            # Normalization to an external database: "Reference T1 Wikipedia:534366<TAB>name".
            head, _, name = rest.partition("\t")
            parts = head.split()
            if len(parts) != 3 or ":" not in parts[2]:
                raise _bad(ident, "brat.expected_normalization", got=repr(rest))
            self.pending_attrs.append((lineno, _NORMALIZATIONS, parts[1],
                                       [parts[0], parts[2], name]))
        elif kind == "*":
            parts = rest.split()
            if len(parts) < 3:
                raise _bad(ident, "brat.expected_equivalence", got=repr(rest))
            self.equivalences.append((lineno, parts[0], parts[1:]))
        else:
            raise _BadLine(Message("brat.unknown_line", ident=repr(ident)))

    def _textbound(self, ident: str, rest: str) -> None:
        head, sep, given = rest.partition("\t")
        m = _T_LINE.match(head)
        if not sep or m is None:
            raise _bad(ident, "brat.expected_textbound", got=repr(rest))
        frags: list[tuple[int, int]] = []
        raw_map = self.decoded.raw_to_text
        limit = len(raw_map) - 1 if raw_map is not None else len(self.text)
        for frag in m.group("frags").split(";"):
            if any(len(x) > 18 for x in frag.split()):
                # int() refuses thousands of digits; no text is that long anyway.
                raise _bad(Message("item.labelled", what=ident, label=m.group("type")),
                           "brat.long_offset", digits=max(len(x) for x in frag.split()))
            a, b = (int(x) for x in frag.split())
            if not 0 <= a < b <= limit:
                raise _bad(Message("item.labelled", what=ident, label=m.group("type")),
                           "span.outside", start=a, end=b, length=limit)
            frags.append(self.decoded.map_offsets(a, b))
        frags.sort()
        start, end = frags[0][0], frags[-1][1]
        for (_, gap_start), (gap_end, _) in itertools.pairwise(frags):
            if self.text[gap_start:gap_end].strip():
                # brat splits a span at line ends into fragments with only a line end between:
                # those are one span. A gap holding words would be widened into the span, which
                # changes the annotation: refuse it (spans of several fragments are not kept).
                raise _bad(Message("item.labelled", what=ident, label=m.group("type")),
                           "brat.discontinuous", fragments=m.group("frags"),
                           between=repr(self.text[gap_start:gap_end].strip()))
        covered = self.text[start:end]
        joined = " ".join(self.text[a:b] for a, b in frags)
        if given not in (joined, covered, covered.replace("\n", " ")):
            raise _bad(Message("item.labelled", what=ident, label=m.group("type")),
                       "brat.text_differs", given=repr(given), fragments=m.group("frags"),
                       actual=repr(joined))
        if ident in self.span_ids or ident in self.trigger_bounds:
            raise _bad(ident, "record.id_twice")
        if self.trigger_types.get(ident) == m.group("type"):
            self.trigger_bounds[ident] = (start, end)
            return
        self.span_ids[ident] = len(self.spans)
        self.spans.append(Span(start=start, end=end, label=m.group("type"), text=covered))

    def _ref(self, lineno: int, ident: str, target: str) -> int:
        if target.startswith("E") and target not in self.span_ids and any(
                e[1] == target for e in self.raw_events):
            raise _bad(ident, "brat.event_as_span", target=target)
        if target not in self.span_ids:
            raise _bad(ident, "brat.not_textbound", target=repr(target))
        return self.span_ids[target]

    def _event_numbers(self) -> dict[str, int]:
        """E id -> the event's index: nested events may name an event written later."""
        numbers: dict[str, int] = {}
        for k, (lineno, ident, *_) in enumerate(self.raw_events):
            if ident in numbers:
                self.problems.append(Problem(self.file, lineno, Message(
                    "record.because", what=ident, reason=Message("record.id_twice"))))
            numbers.setdefault(ident, k)
        return numbers

    def _events(self) -> list[Event]:
        events: list[Event] = []
        trigger_of: dict[str, int] = {}
        numbers = self._event_numbers()
        for lineno, ident, etype, trigger, pairs in self.raw_events:
            try:
                roles: dict[str, list[int]] = {}
                nested: dict[str, list[int]] = {}
                for role, target in pairs:
                    if target in numbers and target not in self.span_ids:
                        # A nested event (BioNLP style: "Cause:E1"): the role is an event.
                        nested.setdefault(_role_from_brat(role), []).append(numbers[target])
                        continue
                    if target not in self.span_ids:
                        raise _bad(ident, "brat.dangling_argument", argument=f"{role}:{target}")
                    roles.setdefault(_role_from_brat(role), []).append(
                        self._ref(lineno, ident, target))
                args = {i for idx in roles.values() for i in idx}
                trig: int | None
                if trigger in self.trigger_bounds:
                    # A trigger word: the span at the same place, unless it is an argument's
                    # place (brat needs a trigger; an argument's stands in for none).
                    bounds = self.trigger_bounds[trigger]
                    at = [i for i, sp in enumerate(self.spans) if (sp.start, sp.end) == bounds]
                    if at:
                        trig = next((i for i in at if i not in args), None)
                    else:
                        # A trigger word no span covers: kept, as brat shows it, as a span
                        # of the event's type.
                        self.span_ids[trigger] = len(self.spans)
                        self.spans.append(Span(start=bounds[0], end=bounds[1], label=etype,
                                               text=self.text[bounds[0]:bounds[1]]))
                        trig = len(self.spans) - 1
                else:
                    trig = self._ref(lineno, ident, trigger)
                    # An argument standing in as the trigger marks an event that had none.
                    trig = None if trig in args else trig
                # The type as written: the import matches "Air/drone_strike" to a schema's
                # "Air/drone strike", after --map has seen the name the file uses.
                events.append(Event(
                    type=etype,
                    roles={k: tuple(v) for k, v in roles.items()},
                    trigger=trig,
                    event_args={k: tuple(v) for k, v in nested.items()}))
                trigger_of[ident] = len(events) - 1
            except _BadLine as exc:
                self.problems.append(Problem(self.file, lineno, message_of(exc)))
        if not self.problems:
            cycle = event_cycle({i: [j for idx in e.event_args.values() for j in idx]
                                 for i, e in enumerate(events)})
            if cycle is not None:
                lineno, ident = self.raw_events[cycle[0]][:2]
                names = tuple(self.raw_events[i][1] for i in cycle)
                self.problems.append(Problem(self.file, lineno,
                                             Message("record.because", what=ident,
                                                     reason=cycle_message(names))))
        for lineno, ident, rtype, a, b in self.relations:
            try:
                ia, ib = self._ref(lineno, "R", a), self._ref(lineno, "R", b)
            except _BadLine as exc:
                self.problems.append(Problem(self.file, lineno, message_of(exc)))
                continue
            # A relation of its own, not an event: written back as an R line.
            self.parsed_relations.append(Relation(rtype, ia, ib))
            self.relation_index[ident] = len(self.parsed_relations) - 1
        self.event_index = trigger_of
        return events

    def _attrs(self) -> None:
        for lineno, name, target, value in self.pending_attrs:
            key = _ATTR_FROM_BRAT.get(name, name)
            if target in self.span_ids:
                attrs = self.span_attrs.setdefault(self.span_ids[target], {})
                if key == _NORMALIZATIONS:
                    attrs.setdefault(key, []).append(value)
                else:
                    attrs[key] = value
            elif target in self.relation_index:  # notes may name a relation as well
                self.relation_attrs.setdefault(target, {})[key] = value
            elif target not in self.event_index:
                self.problems.append(Problem(self.file, lineno, Message(
                    "brat.attribute_target", name=name, target=repr(target))))
            else:
                attrs = self.event_attrs.setdefault(target, {})
                if key == _NORMALIZATIONS:
                    attrs.setdefault(key, []).append(value)
                else:
                    attrs[key] = value
        for lineno, etype, members in self.equivalences:
            missing = [m for m in members if m not in self.span_ids]
            if missing:
                self.problems.append(Problem(self.file, lineno, Message(
                    "brat.equivalence_target", type=etype, target=repr(missing[0]))))
                continue
            self.equivalent.append([etype, [list(self.spans[self.span_ids[m]].key)
                                            for m in members]])


def read_pair(txt: Path, ann: Path | None) -> ReadResult:
    """One brat document from its .txt and (optional) .ann file."""
    decoded = read_text(txt)
    result = ReadResult(encodings={str(txt): decoded.encoding})
    if ann is None:
        doc = Document(name=txt.stem, text=decoded.text)
        result.documents.append(SourcedDocument(doc, str(txt), None))
        return result
    try:
        ann_text = read_text(ann).text
    except FormatError as exc:
        if "empty" not in exc.problems[0].message:
            raise
        ann_text = ""  # an empty .ann is a document nobody annotated yet
    parser = _AnnParser(decoded, str(ann))
    parsed = parser.parse(ann_text)
    if parsed is None:
        result.problems.extend(parser.problems)
        return result
    events = tuple(
        Event(type=e.type, roles=e.roles, trigger=e.trigger,
              attrs=parser.event_attrs.get(ident, {}), event_args=e.event_args)
        for e, ident in zip(parsed.events, _event_idents(parser, len(parsed.events)),
                            strict=True)
    )
    by_relation = {i: ident for ident, i in parser.relation_index.items()}
    relations = tuple(
        Relation(r.type, r.head, r.tail, attrs=parser.relation_attrs.get(by_relation[i], {}))
        for i, r in enumerate(parsed.relations)
    )
    meta = {EQUIVALENCES: parser.equivalent} if parser.equivalent else {}
    doc = Document(name=txt.stem, text=parsed.text, meta=meta, spans=parsed.spans,
                   events=events, relations=relations)
    result.documents.append(SourcedDocument(doc, str(ann), None))
    return result


def _event_idents(parser: _AnnParser, count: int) -> list[str]:
    by_index = {i: ident for ident, i in parser.event_index.items()}
    return [by_index.get(i, "") for i in range(count)]


def _attr_lines(
    target: str, attrs: dict[str, Any], counter: list[int], dropped: list[str]
) -> list[str]:
    lines: list[str] = []
    for key, value in attrs.items():
        if (key == _NOTE or key.startswith("#")) and isinstance(value, str):
            counter[1] += 1
            note = " ".join(value.split("\n"))
            kind = "AnnotatorNotes" if key == _NOTE else key[1:]
            lines.append(f"#{counter[1]}\t{kind} {target}\t{note}")
            continue
        if key == _NORMALIZATIONS and _normalizations(value):
            for kind, ref, name in value:
                counter[2] += 1
                lines.append(f"N{counter[2]}\t{kind} {target} {ref}\t{name}")
            continue
        name = _ATTR_TO_BRAT.get(key, key)
        if not name or re.search(r"\s", name):
            dropped.append(Message("brat.attribute_name", key=repr(key), target=target))
            continue
        if value is True:
            counter[0] += 1
            lines.append(f"A{counter[0]}\t{name} {target}")
            continue
        text = value if isinstance(value, str) else json.dumps(
            value, ensure_ascii=False, separators=(",", ":"))
        if not text or re.search(r"\s", text):
            dropped.append(Message("brat.attribute_value", key=key, value=repr(value),
                                   target=target))
            continue
        counter[0] += 1
        lines.append(f"A{counter[0]}\t{name} {target} {text}")
    return lines


def document_to_ann(doc: Document) -> tuple[str, list[str]]:
    """The .ann content of a document, and what it had to leave out.

    Each event gets a trigger T line of its own type, as brat wants: over its trigger span,
    or, when it has none, over its first argument (read back as "no trigger").
    """
    lines: list[str] = []
    trigger_lines: list[str] = []
    attr_lines: list[str] = []
    dropped: list[str] = []
    counter = [0, 0, 0]  # A, # and N numbering
    for i, span in enumerate(doc.spans, 1):
        shown = span.text.replace("\n", " ")
        lines.append(f"T{i}\t{_brat_type(span.label)} {span.start} {span.end}\t{shown}")
        attr_lines.extend(_attr_lines(f"T{i}", dict(span.attrs), counter, dropped))
    next_t = len(doc.spans)
    event_lines: list[str] = []
    written = _written_events(doc, dropped)
    for k, event in enumerate(doc.events, 1):
        if k not in written:
            continue
        args = _event_args(event, written)
        if event.trigger is not None:
            trigger = event.trigger
        else:
            trigger = next(i for idx in event.roles.values() for i in idx)
        next_t += 1
        word = doc.spans[trigger]
        etype = _brat_type(event.type)
        trigger_lines.append(f"T{next_t}\t{etype} {word.start} {word.end}\t"
                             + word.text.replace("\n", " "))
        event_lines.append(f"E{k}\t{etype}:T{next_t}" + "".join(f" {a}" for a in args))
        attr_lines.extend(_attr_lines(f"E{k}", dict(event.attrs), counter, dropped))
    relation_lines: list[str] = []
    for k, relation in enumerate(doc.relations, 1):
        relation_lines.append(f"R{k}\t{_brat_type(relation.type)} Arg1:T{relation.head + 1} "
                              f"Arg2:T{relation.tail + 1}")
        for key, value in relation.attrs.items():
            if key == _NOTE and isinstance(value, str):
                counter[1] += 1
                attr_lines.append(f"#{counter[1]}\tAnnotatorNotes R{k}\t"
                                  + " ".join(value.split("\n")))
            else:
                dropped.append(Message("brat.relation_attribute", key=repr(key), n=k))
    number = {span.key: i for i, span in reversed(list(enumerate(doc.spans, 1)))}
    equivalences = doc.meta.get(EQUIVALENCES)
    for item in equivalences if isinstance(equivalences, list) else []:
        try:
            etype, members = item
            ids = [f"T{number[(int(a), int(b), str(c))]}" for a, b, c in members]
        except (KeyError, TypeError, ValueError):
            dropped.append(Message("brat.equivalence_left", item=repr(item)))
            continue
        attr_lines.append(f"*\t{etype} {' '.join(ids)}")
    body = [*lines, *trigger_lines, *event_lines, *relation_lines, *attr_lines]
    return "".join(line + "\n" for line in body), dropped


def _written_events(doc: Document, dropped: list[str]) -> set[int]:
    """The numbers (E1 = 1) of the events an .ann can hold: brat needs a trigger, and an
    event without one stands on its first span argument; an event whose argument event is
    left out is left out too (its argument would dangle)."""
    kept = set()
    for k, event in enumerate(doc.events, 1):
        if event.trigger is not None or any(event.roles.values()):
            kept.add(k)
        else:
            dropped.append(f"event {k} ({event.type}): no trigger and no span argument")
    while True:
        lost = {k for k in kept
                if any(j + 1 not in kept for idx in doc.events[k - 1].event_args.values()
                       for j in idx)}
        if not lost:
            return kept
        for k in sorted(lost):
            dropped.append(f"event {k} ({doc.events[k - 1].type}): an argument event is "
                           "not written")
        kept -= lost


def _event_args(event: Event, written: set[int]) -> list[str]:
    # Spans first, then events (E numbers are the events' positions), one count per role name:
    # brat numbers a repeated role Theme, Theme2, ...
    args: list[str] = []
    seen: dict[str, int] = {}
    refs = [(role, f"T{i + 1}") for role, idx in event.roles.items() for i in idx]
    refs += [(role, f"E{j + 1}") for role, idx in event.event_args.items() for j in idx
             if j + 1 in written]
    for role, target in refs:
        name = _role_to_brat(role)
        seen[name] = seen.get(name, 0) + 1
        args.append(f"{name}{seen[name] if seen[name] > 1 else ''}:{target}")
    return args


class ConfTypes:
    """The types an export uses, gathered document by document (an export streams), for an
    ``annotation.conf`` that lets brat open it. Attribute values are listed as brat wants
    them (an enumeration), taken from the export."""

    def __init__(self) -> None:
        self.entities: set[str] = set()
        self.events: dict[str, set[str]] = {}
        self.relations: dict[str, tuple[set[str], set[str]]] = {}
        self.attributes: dict[str, set[str]] = {}
        self.equivalences: set[str] = set()
        # Roles some event fills with another event (nested events): "<EVENT>" is allowed.
        self.nested: set[str] = set()
        # What each attribute is given to: <ENTITY>, <EVENT> or both.
        self.attribute_targets: dict[str, set[str]] = {}

    def add(self, doc: Document) -> None:
        found = doc.meta.get(EQUIVALENCES)
        for item in found if isinstance(found, list) else []:
            if isinstance(item, list) and item and isinstance(item[0], str):
                self.equivalences.add(item[0])
        for span in doc.spans:
            self.entities.add(_brat_type(span.label))
            self._attrs(span.attrs, "<ENTITY>")
        for event in doc.events:
            # Attributes of events (BioNLP's Negation, Speculation) are declared for events.
            self._attrs(event.attrs, "<EVENT>")
            roles = self.events.setdefault(_brat_type(event.type), set())
            roles.update(_role_to_brat(role) for role in event.roles)
            self.nested.update(_role_to_brat(role) for role in event.event_args)
            roles.update(_role_to_brat(role) for role in event.event_args)
        for relation in doc.relations:
            heads, tails = self.relations.setdefault(_brat_type(relation.type), (set(), set()))
            heads.add(_brat_type(doc.spans[relation.head].label))
            tails.add(_brat_type(doc.spans[relation.tail].label))

    def _attrs(self, attrs: Mapping[str, Any], target: str) -> None:
        for key, value in attrs.items():
            if key == _NOTE:
                continue
            name = _ATTR_TO_BRAT.get(key, key)
            if value is True:
                self.attributes.setdefault(name, set())
            elif isinstance(value, str) and value and not re.search(r"\s", value):
                self.attributes.setdefault(name, set()).add(value)
            else:
                continue
            self.attribute_targets.setdefault(name, set()).add(target)

    def _arg_types(self, role: str) -> str:
        return "<ENTITY>|<EVENT>" if role in self.nested else "<ENTITY>"

    def text(self) -> str:
        out = ["[entities]", *sorted(self.entities), "", "[relations]"]
        for name, (heads, tails) in sorted(self.relations.items()):
            out.append(f"{name}\tArg1:{'|'.join(sorted(heads))}, "
                       f"Arg2:{'|'.join(sorted(tails))}")
        for name in sorted(self.equivalences):
            out.append(f"{name}\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive")
        out.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>")
        out += ["", "[events]"]
        for name, roles in sorted(self.events.items()):
            # "*": a role may hold several spans (brat numbers them Actor2, Actor3 ...).
            out.append(name + ("\t" + ", ".join(f"{r}*:{self._arg_types(r)}"
                                                for r in sorted(roles))
                               if roles else ""))
        out += ["", "[attributes]"]
        for name, values in sorted(self.attributes.items()):
            kind = f", Value:{'|'.join(sorted(values))}" if values else ""
            targets = "|".join(sorted(self.attribute_targets.get(name, {"<ENTITY>"})))
            out.append(f"{name}\tArg:{targets}{kind}")
        return "\n".join(out) + "\n"


def _normalizations(value: Any) -> bool:
    """True for a list of [type, "DB:KEY", text] as read from N lines."""
    return isinstance(value, list) and all(
        isinstance(v, list) and len(v) == 3 and all(isinstance(x, str) for x in v)
        and not any(re.search(r"\s", x) for x in v[:2]) and "\n" not in v[2]
        for v in value)


class BratFormat(Format):
    """brat standoff folders."""

    name = "brat"
    description = "brat standoff: a folder of name.txt + name.ann pairs"
    extensions = (".ann",)
    writes_folder = True

    def read(self, path: Path) -> ReadResult:
        """Read a folder of pairs, or one pair from its .ann or .txt file."""
        result = ReadResult()
        if path.is_dir():
            txts, result.problems = folder_files(path, "*.txt")
            anns, ann_problems = folder_files(path, "*.ann")
            result.problems.extend(ann_problems)
            if not txts and not result.problems:
                raise FormatError([Problem(str(path), None,
                                           Message("folder.no_files", suffix=".txt"))])
            orphans = [a for a in anns if not a.with_suffix(".txt").exists()]
        else:
            txts = [path.with_suffix(".txt")]
            orphans = [] if txts[0].exists() else [path]
        for ann in orphans:
            result.problems.append(Problem(str(ann), None, Message("brat.no_txt")))
        for txt in txts:
            if not txt.exists():
                continue
            ann = txt.with_suffix(".ann")
            try:
                result.extend(read_pair(txt, ann if ann.exists() else None))
            except FormatError as exc:
                result.problems.extend(exc.problems)
        return result

    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """A folder of name.txt + name.ann, names made safe from document names."""
        report = WriteReport()
        names = NameAllocator()
        types = ConfTypes()
        with atomic_folder(out, allowed_suffixes=(".txt", ".ann", ".conf")) as tmp:
            for doc in documents:
                types.add(doc)
                stem = names.take(doc.name)
                ann, dropped = document_to_ann(doc)
                # The whole folder is swapped in at the end: no per-file temporaries needed.
                (tmp / f"{stem}.txt").write_bytes(text_bytes(doc.text))
                (tmp / f"{stem}.ann").write_bytes(ann.encode("utf-8"))
                report.files.extend([out / f"{stem}.txt", out / f"{stem}.ann"])
                report.documents += 1
                report.spans += len(doc.spans)
                report.dropped.extend(Problem(str(out / f"{stem}.ann"), None, Message(
                    "export.not_written", document=doc.name, what=d)) for d in dropped)
            (tmp / "annotation.conf").write_bytes(types.text().encode("utf-8"))
            report.files.append(out / "annotation.conf")
        return report
