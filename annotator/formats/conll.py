"""CoNLL token-per-line files: ``TOKEN TAG`` or ``TOKEN -X- _ TAG``, IOB2 or BIOES.

Written from spans through ``annotator.core.tagging`` (a token is split where a span starts or
ends inside it, unless ``whole_tokens``). Read back by joining tokens with spaces and sentences
with newlines, so offsets are exact for that rebuilt text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.core.tagging import TAG_RE, Tagging, decode, tag_spans
from annotator.core.text import Token, sentences
from annotator.formats.base import (
    Format,
    FormatError,
    Problem,
    ReadResult,
    SourcedDocument,
    WriteOptions,
    WriteReport,
    write_atomic,
)
from annotator.formats.textio import read_text

DOCSTART = "-DOCSTART-"


@dataclass(frozen=True)
class TaggedDocument:
    """A document cut into sentences of tokens with their tags, and the spans left out."""

    document: Document
    tagging: Tagging
    sentences: list[list[int]]  # token indexes per sentence


def tag_document(doc: Document, options: WriteOptions) -> TaggedDocument:
    """Tokens, tags and sentences of one document under the export options."""
    tagging = tag_spans(doc.text, doc.spans, scheme=options.scheme,
                        whole_tokens=options.whole_tokens, nested=options.nested)
    ranges = sentences(doc.text, tokens=tagging.tokens,
                       keep_together=[(p.start, p.end) for p in tagging.placed])
    groups: list[list[int]] = []
    k = 0
    for start, end in ranges:
        group: list[int] = []
        while k < len(tagging.tokens) and tagging.tokens[k].end <= end:
            if tagging.tokens[k].start >= start:
                group.append(k)
            k += 1
        if group:
            groups.append(group)
    return TaggedDocument(doc, tagging, groups)


def unplaced_problems(tagged: TaggedDocument, out: Path, first_line: int | None,
                      line_of_token: dict[int, int]) -> list[Problem]:
    """One problem per span the layout could not hold, at the output line where it starts."""
    problems: list[Problem] = []
    tokens = tagged.tagging.tokens
    for u in tagged.tagging.unplaced:
        at = next((i for i, t in enumerate(tokens) if t.end > u.span.start), None)
        line = line_of_token.get(at, first_line) if at is not None else first_line
        if line == 0:
            line = None
        blocker = ""
        if u.blocker is not None:
            b = u.blocker
            blocker = f" ({b.label} {b.start}-{b.end} {b.text!r})"
        problems.append(Problem(
            str(out), line,
            f"{tagged.document.name}: span {u.span.label} {u.span.start}-{u.span.end} "
            f"{u.span.text!r} not written: {u.reason}{blocker}"))
    return problems


class ConllFormat(Format):
    """CoNLL NER columns."""

    name = "conll"
    description = "CoNLL token-per-line NER (2 or 4 columns, IOB2 or BIOES, nested columns)"
    extensions = (".conll", ".iob", ".bio", ".bioes", ".tsv")

    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """All documents in one file, ``-DOCSTART-`` and a blank line before each."""
        tagged = [tag_document(doc, options) for doc in documents]
        depth = max((t.tagging.levels for t in tagged), default=1) if options.nested else 1
        four = options.conll_columns == 4
        pad = " O" * (depth - 1)
        start_line = f"{DOCSTART} -X- O O{pad}" if four else f"{DOCSTART} O{pad}"
        report = WriteReport(files=[out])
        lines: list[str] = []
        for t in tagged:
            if not t.tagging.tokens:
                report.dropped.append(Problem(str(out), None,
                                              f"{t.document.name}: no tokens; not written"))
                continue
            doc_line = len(lines) + 1
            lines.extend([start_line, ""])
            line_of_token: dict[int, int] = {}
            for group in t.sentences:
                for i in group:
                    tags = t.tagging.tags[i] + ("O",) * (depth - len(t.tagging.tags[i]))
                    token = t.tagging.tokens[i].text
                    line_of_token[i] = len(lines) + 1
                    lines.append(f"{token} -X- _ {' '.join(tags)}" if four
                                 else f"{token} {' '.join(tags)}")
                lines.append("")
            report.documents += 1
            report.spans += len(t.tagging.placed)
            report.dropped.extend(unplaced_problems(t, out, doc_line, line_of_token))
        write_atomic(out, "".join(line + "\n" for line in lines).encode("utf-8"))
        return report

    def read(self, path: Path) -> ReadResult:
        """Documents rebuilt from tokens (spaces) and sentences (newlines), spans from tags."""
        decoded = read_text(path)
        result = ReadResult(encodings={str(path): decoded.encoding})
        blocks = list(_documents(decoded.text.split("\n")))
        if not blocks:
            raise FormatError([Problem(str(path), None, "no tokens in this file")])
        has_docstart = any(b.docstart for b in blocks)
        for n, block in enumerate(blocks, 1):
            name = f"{path.stem}-{n}" if has_docstart else path.stem
            if block.problems:
                result.problems.extend(Problem(str(path), line, msg)
                                       for line, msg in block.problems)
                continue
            if not block.sentences:
                continue
            doc = _rebuild(name, block.sentences)
            result.documents.append(SourcedDocument(doc, str(path), block.line))
        return result


@dataclass
class _Block:
    line: int
    docstart: bool
    sentences: list[list[tuple[str, list[str]]]]
    problems: list[tuple[int, str]]


def _documents(lines: list[str]) -> Iterator[_Block]:
    block = _Block(1, False, [], [])
    current: list[tuple[str, list[str]]] = []
    for lineno, line in enumerate(lines, 1):
        parts = line.split()
        if not parts:
            if current:
                block.sentences.append(current)
                current = []
            continue
        if parts[0] == DOCSTART:
            if current:
                block.sentences.append(current)
                current = []
            if block.sentences or block.problems:
                yield block
            block = _Block(lineno, True, [], [])
            continue
        token, rest = parts[0], parts[1:]
        # Two columns: TOKEN TAG...; CoNLL-2003 style: TOKEN POS CHUNK TAG... (-X- _ here).
        four = len(rest) >= 3 and not TAG_RE.match(rest[0])
        tags = rest[2:] if four else rest
        bad = [t for t in tags if not TAG_RE.match(t)]
        if not tags:
            block.problems.append((lineno, f"token {token!r} has no tag column"))
        elif bad:
            block.problems.append((lineno, f"{bad[0]!r} is not a tag (O, B-X, I-X, E-X, S-X)"))
        else:
            current.append((token, tags))
    if current:
        block.sentences.append(current)
    if block.sentences or block.problems:
        yield block


def _rebuild(name: str, sents: list[list[tuple[str, list[str]]]]) -> Document:
    depth = max(len(tags) for sent in sents for _, tags in sent)
    pieces: list[str] = []
    spans: list[Span] = []
    offset = 0
    for s_index, sent in enumerate(sents):
        if s_index:
            pieces.append("\n")
            offset += 1
        toks: list[Token] = []
        for t_index, (token, _) in enumerate(sent):
            if t_index:
                pieces.append(" ")
                offset += 1
            toks.append(Token(offset, offset + len(token), token))
            pieces.append(token)
            offset += len(token)
        for level in range(depth):
            column = [tags[level] if level < len(tags) else "O" for _, tags in sent]
            for first, last, label in decode(column):
                spans.append(Span(start=toks[first].start, end=toks[last - 1].end, label=label,
                                  text="", origin="imported"))
    text = "".join(pieces)
    spans = [Span(start=s.start, end=s.end, label=s.label, text=text[s.start:s.end],
                  origin="imported") for s in spans]
    return Document(name=name, text=text, spans=tuple(spans))
