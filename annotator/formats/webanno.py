"""WebAnno TSV 3 (INCEpTION's and WebAnno's exchange format): one ``.tsv`` file per document.

A header names the layers (``#T_SP=`` span layers, ``#T_RL=`` relation layers, ``#T_CH=`` chains)
and their features, one column each; then each sentence comes as its ``#Text=`` lines and one
row per token: ``SENTENCE-TOKEN``, ``BEGIN-END`` (UTF-16 offsets into the document), the token,
then the feature columns. A cell is ``_`` (no annotation), ``*`` (one without a value) or values
separated by ``|`` (stacked annotations), each followed by ``[n]`` when its annotation covers
more tokens or shares its token with another. A relation sits on the first token of its
dependent span, the ``BT_`` column naming the governor's first token (``1-3`` or
``1-3[gov_dep]`` with the two spans' numbers, 0 for a single-token span without one).

Spans of every span layer are read (the label is the ``value`` feature, else the first other
feature, else the layer's name); relations between spans become events as brat's R lines do.
Chains and relations between bare tokens are counted in the notes. Written: named entities
(``NamedEntity|value``) and relations (``webanno.custom.Relation|label``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.messages import Message, message_of
from annotator.core.model import Document, Event, Span
from annotator.core.tagging import split_tokens
from annotator.core.text import Token, sentences, tokenize
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
    relation_roles,
)
from annotator.formats.records import RecordError, event_from_relation
from annotator.formats.textio import read_text, utf16_offsets, utf16_to_codepoint

MARK = "#FORMAT=WebAnno TSV 3"
_VERSION = "#FORMAT=WebAnno TSV 3.3"
NE_LAYER = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
REL_LAYER = "webanno.custom.Relation"
_ROW = re.compile(r"^(?P<addr>\d+-\d+(?:\.\d+)?)\t(?P<begin>\d+)-(?P<end>\d+)\t")
_VALUE = re.compile(r"^(?P<value>.*?)(?:\[(?P<id>\d+)\])?$", re.S)
_GOVERNOR = re.compile(r"^(?P<addr>\d+-\d+(?:\.\d+)?)(?:\[(?P<gov>\d+)_(?P<dep>\d+)\])?$")
# Characters WebAnno escapes with a backslash in feature values.
_ESCAPED = ("\\", "[", "]", "|", "_", "->", ";", "*")


def escape(value: str) -> str:
    """A feature value or token as a TSV cell."""
    for ch in _ESCAPED:
        value = value.replace(ch, "\\" + ch)
    return value.replace("\t", "\\t").replace("\n", "\\n")


def unescape(value: str) -> str:
    """The value a TSV cell (or ``#Text=`` line) escapes."""
    out: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append({"t": "\t", "n": "\n", "r": "\r"}.get(nxt, nxt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _split_stacked(cell: str) -> list[str]:
    """``A[1]|B[2]`` -> ``["A[1]", "B[2]"]``, minding escaped bars."""
    parts: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(cell):
        if cell[i] == "\\" and i + 1 < len(cell):
            current.append(cell[i : i + 2])
            i += 2
            continue
        if cell[i] == "|":
            parts.append("".join(current))
            current = []
        else:
            current.append(cell[i])
        i += 1
    parts.append("".join(current))
    return parts


@dataclass
class _Layer:
    kind: str  # SP, RL, CH
    name: str
    features: list[str]
    first_column: int

    @property
    def short(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    def label_column(self) -> int | None:
        names = [f for f in self.features if not f.startswith(("BT_", "ROLE_"))]
        for wanted in ("value", "label", "DependencyType"):
            if wanted in names:
                return self.first_column + self.features.index(wanted)
        others = [f for f in names if f != "identifier"]
        if others:
            return self.first_column + self.features.index(others[0])
        return self.first_column + self.features.index(names[0]) if names else None


@dataclass
class _Row:
    line: int
    addr: str
    begin: int
    end: int
    cells: list[str]


@dataclass
class _Parsed:
    text: str
    spans: list[Span] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: dict[str, int] = field(default_factory=dict)


def _header(lines: list[str], file: str) -> tuple[list[_Layer], int]:
    layers: list[_Layer] = []
    column = 3
    n = 1
    while n < len(lines) and lines[n].startswith("#T_"):
        kind, _, spec = lines[n][3:].partition("=")
        name, *features = spec.split("|")
        layers.append(_Layer(kind, name, features, column))
        column += len(features)
        n += 1
    if not layers:
        raise FormatError([Problem(file, 2, Message("webanno.no_layers"))])
    return layers, n


def parse(content: str, file: str) -> _Parsed:
    """The text, spans and relations of one WebAnno TSV 3 document."""
    lines = content.split("\n")
    if not lines[0].startswith(MARK):
        raise FormatError([Problem(file, 1, Message("webanno.not_tsv3", mark=repr(MARK)))])
    layers, n = _header(lines, file)
    problems: list[Problem] = []
    sentence_texts: list[tuple[str, list[_Row]]] = []
    text_lines: list[str] = []
    rows: list[_Row] = []
    for lineno in range(n + 1, len(lines) + 1):
        line = lines[lineno - 1]
        if line.startswith("#Text="):
            if rows:
                sentence_texts.append(("\n".join(text_lines), rows))
                text_lines, rows = [], []
            text_lines.append(unescape(line[len("#Text="):]))
            continue
        if not line.strip():
            continue
        m = _ROW.match(line)
        if m is None:
            problems.append(Problem(file, lineno, Message("webanno.bad_row")))
            continue
        cells = line.rstrip("\n").split("\t")
        if cells and cells[-1] == "":
            cells.pop()  # every row ends with a tab
        rows.append(_Row(lineno, m["addr"], int(m["begin"]), int(m["end"]), cells))
    if rows:
        sentence_texts.append(("\n".join(text_lines), rows))
    text, unit_map = _rebuild_text(sentence_texts, file, problems)
    parsed = _Parsed(text=text, problems=problems)
    if problems:
        return parsed
    _annotations(parsed, layers, [r for _, rs in sentence_texts for r in rs], unit_map, file)
    return parsed


def _rebuild_text(
    sentence_texts: list[tuple[str, list[_Row]]], file: str, problems: list[Problem]
) -> tuple[str, list[int]]:
    """The document text: each sentence's text placed where its first token begins (UTF-16
    units), gaps between sentences made a line end and spaces. Also the UTF-16 offsets."""
    parts: list[str] = []
    units = 0
    for sentence, rows in sentence_texts:
        first = rows[0]
        token = unescape(first.cells[2]) if len(first.cells) > 2 else ""
        lead = sentence.find(token) if token else 0
        lead_units = len(sentence[: max(lead, 0)].encode("utf-16-le")) // 2
        start = first.begin - lead_units
        if start < units:
            problems.append(Problem(file, first.line, Message("webanno.sentence_inside",
                                                              start=start)))
            continue
        gap = start - units
        if gap:
            parts.append("\n" + " " * (gap - 1))
        parts.append(sentence)
        units = start + len(sentence.encode("utf-16-le")) // 2
    text = "".join(parts)
    return text, utf16_offsets(text)


def _place(row: _Row, table: list[int], text: str, file: str) -> tuple[int, int]:
    begin, end = utf16_to_codepoint(table, row.begin), utf16_to_codepoint(table, row.end)
    if begin is None or end is None or not begin < end:
        raise RecordError(Message("webanno.token_outside", begin=row.begin, end=row.end))
    token = unescape(row.cells[2]) if len(row.cells) > 2 else ""
    if text[begin:end] != token:
        raise RecordError(Message("webanno.token_differs", token=repr(token), begin=row.begin,
                                  end=row.end, actual=repr(text[begin:end])))
    return begin, end


def _annotations(parsed: _Parsed, layers: list[_Layer], rows: list[_Row], table: list[int],
                 file: str) -> None:
    text = parsed.text
    places: dict[str, tuple[int, int]] = {}
    for row in rows:
        try:
            places[row.addr] = _place(row, table, text, file)
        except RecordError as exc:
            parsed.problems.append(Problem(file, row.line, message_of(exc)))
    if parsed.problems:
        return
    # (layer name, token address, span number or 0) -> span index
    at: dict[tuple[str, str, int], int] = {}
    multi: dict[tuple[str, int], int] = {}
    for layer in layers:
        if layer.kind == "CH":
            chains = Message("webanno.chains")
            parsed.notes[chains] = parsed.notes.get(chains, 0) + 1
            continue
        if layer.kind != "SP":
            continue
        column = layer.label_column()
        for row in rows:
            cell = row.cells[column] if column is not None and column < len(row.cells) else "_"
            if cell == "_":
                continue
            begin, end = places[row.addr]
            for part in _split_stacked(cell):
                m = _VALUE.match(part)
                assert m is not None
                value = unescape(m["value"])
                label = layer.short if value in ("", "*") else value
                number = int(m["id"]) if m["id"] else 0
                key = (layer.name, number)
                if number and key in multi:
                    old = parsed.spans[multi[key]]
                    parsed.spans[multi[key]] = Span(old.start, end, old.label, text[old.start:end],
                                                    origin="imported")
                else:
                    parsed.spans.append(Span(begin, end, label, text[begin:end],
                                             origin="imported"))
                    if number:
                        multi[key] = len(parsed.spans) - 1
                at[(layer.name, row.addr, number)] = multi.get(key, len(parsed.spans) - 1)
    for layer in layers:
        if layer.kind != "RL":
            continue
        column = layer.label_column()
        bt = layer.first_column + len(layer.features) - 1
        target = layer.features[-1][3:] if layer.features[-1].startswith("BT_") else ""
        for row in rows:
            if bt >= len(row.cells) or row.cells[bt] == "_":
                continue
            labels = (_split_stacked(row.cells[column]) if column is not None
                      and column < len(row.cells) else [])
            for k, governor in enumerate(_split_stacked(row.cells[bt])):
                g = _GOVERNOR.match(governor)
                if g is None:
                    parsed.problems.append(Problem(file, row.line, Message(
                        "webanno.bad_governor", governor=repr(governor))))
                    continue
                gov = at.get((target, g["addr"], int(g["gov"] or 0)))
                dep = at.get((target, row.addr, int(g["dep"] or 0)))
                if gov is None or dep is None:
                    between = Message("webanno.token_relations")
                    parsed.notes[between] = parsed.notes.get(between, 0) + 1
                    continue
                label = unescape(labels[k]) if k < len(labels) else "_"
                rtype = layer.short if label in ("_", "*", "") else label
                parsed.events.append(event_from_relation(rtype, gov, dep, parsed.spans,
                                                         what="relation"))


def _span_tokens(text: str, spans: tuple[Span, ...]) -> list[Token]:
    return split_tokens(text, tokenize(text), [p for s in spans for p in (s.start, s.end)])


def document_to_tsv(doc: Document) -> tuple[str, list[str]]:
    """A document as WebAnno TSV 3.3, and what it had to leave out."""
    text = doc.text
    units = utf16_offsets(text)
    tokens = _span_tokens(text, doc.spans)
    dropped: list[str] = []
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    covered: dict[int, list[int]] = {}
    placed: dict[int, tuple[int, int]] = {}
    for k, span in enumerate(doc.spans):
        if span.start not in starts or span.end not in ends:
            dropped.append(Message("webanno.span_off_tokens", label=span.label,
                                   start=span.start, end=span.end, text=repr(span.text)))
            continue
        placed[k] = (starts[span.start], ends[span.end])
        for i in range(starts[span.start], ends[span.end] + 1):
            covered.setdefault(i, []).append(k)
    # A span gets a number when it covers several tokens or shares one with another span.
    numbers: dict[int, int] = {}
    # Numbered in text order, so that a file read back (spans in text order) writes the same.
    for k, (first, last) in sorted(placed.items(), key=lambda item: doc.spans[item[0]].key):
        if first != last or any(len(covered[i]) > 1 for i in range(first, last + 1)):
            numbers[k] = len(numbers) + 1
    ranges = sentences(text, tokens=tokens,
                       keep_together=[(doc.spans[k].start, doc.spans[k].end) for k in placed])
    firsts = sorted(starts[a] for a, _ in ranges if a in starts)
    addr: dict[int, str] = {}
    for s, first in enumerate(firsts):
        last = firsts[s + 1] if s + 1 < len(firsts) else len(tokens)
        for i in range(first, last):
            addr[i] = f"{s + 1}-{i - first + 1}"
    relations: dict[int, list[tuple[str, str]]] = {}
    for n, event in enumerate(doc.events, 1):
        refs = [(role, idx[0]) for role, idx in event.roles.items() if len(idx) == 1]
        if (event.trigger is not None or len(refs) != 2 or len(event.roles) != 2
                or event.attrs or event.event_args or any(i not in placed for _, i in refs)):
            dropped.append(Message("webanno.event_not_pair", n=n, type=event.type))
            continue
        (r1, a), (r2, b) = refs
        if (r1, r2) != relation_roles((doc.spans[a].label, doc.spans[b].label)):
            dropped.append(Message("webanno.event_roles", n=n, type=event.type, first=r1,
                                   second=r2))
            continue
        bt = addr[placed[a][0]]
        if a in numbers or b in numbers:
            bt += f"[{numbers.get(a, 0)}_{numbers.get(b, 0)}]"
        relations.setdefault(placed[b][0], []).append((escape(event.type), bt))
    out = [_VERSION, f"#T_SP={NE_LAYER}|value", f"#T_RL={REL_LAYER}|label|BT_{NE_LAYER}", "", ""]
    for s, first in enumerate(firsts):
        begin = 0 if s == 0 else tokens[first].start
        end = tokens[firsts[s + 1]].start if s + 1 < len(firsts) else len(text)
        out.extend(f"#Text={_escape_text(line)}" for line in text[begin:end].split("\n"))
        last = firsts[s + 1] if s + 1 < len(firsts) else len(tokens)
        for i in range(first, last):
            token = tokens[i]
            values = [escape(doc.spans[k].label) + (f"[{numbers[k]}]" if k in numbers else "")
                      for k in sorted(covered.get(i, []), key=lambda k: doc.spans[k].key)]
            rels = relations.get(i, [])
            cells = [addr[i], f"{units[token.start]}-{units[token.end]}", escape(token.text),
                     "|".join(values) or "_", "|".join(r for r, _ in rels) or "_",
                     "|".join(g for _, g in rels) or "_"]
            out.append("\t".join(cells) + "\t")
        out.append("")
    return "\n".join(out) + "\n", dropped


def _escape_text(line: str) -> str:
    return line.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r")


class WebAnnoFormat(Format):
    """WebAnno TSV 3 files (INCEpTION, WebAnno)."""

    name = "webanno"
    description = "WebAnno TSV 3 (INCEpTION): named entities and relations, a .tsv per document"
    extensions = (".tsv",)
    writes_folder = True

    def read(self, path: Path) -> ReadResult:
        """One .tsv file, or every .tsv of a folder."""
        result = ReadResult()
        if path.is_dir():
            files, result.problems = folder_files(path, "*.tsv")
            if not files and not result.problems:
                raise FormatError([Problem(str(path), None,
                                           Message("folder.no_files", suffix=".tsv"))])
        else:
            files = [path]
        for file in files:
            try:
                decoded = read_text(file)
                parsed = parse(decoded.text, str(file))
            except FormatError as exc:
                result.problems.extend(exc.problems)
                continue
            result.encodings[str(file)] = decoded.encoding
            for what, count in parsed.notes.items():
                result.notes.append(Message("webanno.left_out", file=str(file), n=count,
                                            what=what))
            if parsed.problems:
                result.problems.extend(parsed.problems)
                continue
            if not parsed.text.strip():
                result.problems.append(Problem(str(file), None, Message("webanno.no_text")))
                continue
            # Spans in text order (the store's), events re-pointed.
            order = sorted(range(len(parsed.spans)), key=lambda i: parsed.spans[i].key)
            new = {old: k for k, old in enumerate(order)}
            events = tuple(Event(type=e.type, roles={r: tuple(new[i] for i in idx)
                                                     for r, idx in e.roles.items()})
                           for e in parsed.events)
            doc = Document(name=file.stem, text=parsed.text,
                           spans=tuple(parsed.spans[i] for i in order), events=events)
            result.documents.append(SourcedDocument(doc, str(file), None))
        return result

    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """A folder with one ``<name>.tsv`` per document."""
        report = WriteReport()
        names = NameAllocator()
        with atomic_folder(out, allowed_suffixes=(".tsv",)) as tmp:
            for doc in documents:
                stem = names.take(doc.name)
                body, dropped = document_to_tsv(doc)
                (tmp / f"{stem}.tsv").write_bytes(body.encode("utf-8"))
                report.files.append(out / f"{stem}.tsv")
                report.documents += 1
                report.spans += len(doc.spans)
                report.dropped.extend(Problem(str(out / f"{stem}.tsv"), None, Message(
                    "export.not_written", document=doc.name, what=d)) for d in dropped)
        return report
