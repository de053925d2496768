"""CoNLL token-per-line files: ``TOKEN TAG`` or ``TOKEN -X- _ TAG``, IOB2 or BIOES.

Written from spans through ``annotator.core.tagging`` (a token is split where a span starts or
ends inside it, unless ``whole_tokens``). Read back by joining tokens with spaces and sentences
with newlines, so offsets are exact for that rebuilt text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.core.tagging import TAG_RE, Tagging, decode, tag_spans
from annotator.core.text import sentences
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
#: How a WebAnno TSV file (INCEpTION, WebAnno) begins.
WEBANNO_MARK = "#FORMAT=WebAnno TSV"
_COLUMNS = re.compile("[ \t]+")


@dataclass(frozen=True)
class TaggedDocument:
    """A document cut into sentences of tokens with their tags, and the spans left out."""

    document: Document
    tagging: Tagging
    sentences: list[range]  # token indexes per sentence


def tag_document(doc: Document, options: WriteOptions) -> TaggedDocument:
    """Tokens, tags and sentences of one document under the export options."""
    tagging = tag_spans(doc.text, doc.spans, scheme=options.scheme,
                        whole_tokens=options.whole_tokens, nested=options.nested)
    ranges = sentences(doc.text, tokens=tagging.tokens,
                       keep_together=[(p.start, p.end) for p in tagging.placed])
    # Sentence ranges start and end on token boundaries: find them by bisection.
    starts = [t.start for t in tagging.tokens]
    groups: list[range] = []
    for start, end in ranges:
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        if first < last:
            groups.append(range(first, last))
    return TaggedDocument(doc, tagging, groups)


def unplaced_problems(tagged: TaggedDocument, out: Path,
                      line_of_token: Callable[[int], int | None]) -> list[Problem]:
    """One problem per span the layout could not hold, at the output line where it starts."""
    problems: list[Problem] = []
    tokens = tagged.tagging.tokens
    ends = [t.end for t in tokens]
    for u in tagged.tagging.unplaced:
        at = bisect_right(ends, u.span.start)  # the first token ending after the span starts
        line = line_of_token(min(at, len(tokens) - 1)) if tokens else None
        blocker = ""
        if u.blocker is not None:
            b = u.blocker
            blocker = f" ({b.label} {b.start}-{b.end} {b.text!r})"
        problems.append(Problem(
            str(out), line,
            f"{tagged.document.name}: span {u.span.label} {u.span.start}-{u.span.end} "
            f"{u.span.text!r} not written: {u.reason}{blocker}"))
    return problems


def _line_finder(tagged: TaggedDocument, first_line: int) -> Callable[[int], int | None]:
    """Output line of token ``i`` for a document whose first token line is ``first_line``."""
    sentence_firsts = [r.start for r in tagged.sentences]

    def line(i: int) -> int | None:
        k = bisect_right(sentence_firsts, i) - 1  # sentences before it add a blank line each
        return first_line + i + k if k >= 0 else None

    return line


class ConllFormat(Format):
    """CoNLL NER columns."""

    name = "conll"
    description = "CoNLL token-per-line NER (2 or 4 columns, IOB2 or BIOES, nested columns)"
    extensions = (".conll", ".iob", ".bio", ".bioes", ".tsv")  # a .tsv may be WebAnno TSV

    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """All documents in one file, ``-DOCSTART-`` and a blank line before each."""
        four = options.conll_columns == 4
        report = WriteReport(files=[out])
        # Each document's lines are kept as text only (not tokens), with its own number of tag
        # columns: the file's count is known at the end, and shorter ones are padded with O.
        bodies: list[tuple[str, int]] = []
        line_count = 0
        for doc in documents:
            t = tag_document(doc, options)
            if not t.tagging.tokens:
                report.dropped.append(Problem(str(out), None,
                                              f"{doc.name}: no tokens; not written"))
                continue
            columns = t.tagging.columns
            tags = [" ".join(c) for c in zip(*columns, strict=True)] if len(columns) > 1 \
                else columns[0]
            words = [f"{tok.text} -X- _ " if four else f"{tok.text} " for tok in t.tagging.tokens]
            bodies.append(("".join("".join(words[i] + tags[i] + "\n" for i in group) + "\n"
                                   for group in t.sentences), len(columns)))
            report.dropped.extend(unplaced_problems(t, out, _line_finder(t, line_count + 3)))
            line_count += 2 + len(t.tagging.tokens) + len(t.sentences)
            report.documents += 1
            report.spans += len(t.tagging.placed)
        depth = max((levels for _, levels in bodies), default=1)
        pad = " O" * (depth - 1)
        # "-DOCSTART- -X- O O" in both layouts: it is the exact line `spacy convert` splits
        # documents at, and Hugging Face's conll loaders and flair skip any -DOCSTART- line,
        # whereas "-DOCSTART- O" was read by spaCy as a token (docs/adr/0003-formats.md).
        start_line = f"{DOCSTART} -X- O O{pad if four else ''}\n\n"
        parts: list[str] = []
        for body, levels in bodies:
            parts.append(start_line)
            parts.append(body if levels == depth else _pad(body, " O" * (depth - levels)))
        write_atomic(out, "".join(parts).encode("utf-8"))
        return report

    def read(self, path: Path) -> ReadResult:
        """Documents rebuilt from tokens (spaces) and sentences (newlines), spans from tags."""
        decoded = read_text(path)
        if decoded.text.startswith(WEBANNO_MARK):
            raise FormatError([Problem(
                str(path), 1, "this is WebAnno TSV (INCEpTION's export), not CoNLL: import it "
                "with --format webanno")])
        result = ReadResult(encodings={str(path): decoded.encoding})
        blocks = list(_documents(decoded.text.split("\n")))
        if not blocks:
            raise FormatError([Problem(str(path), None, "no tokens in this file")])
        has_docstart = any(b.docstart for b in blocks)
        problems: list[tuple[int, str]] = []
        for n, block in enumerate(blocks, 1):
            name = f"{path.stem}-{n}" if has_docstart else path.stem
            if block.problems:
                problems.extend(block.problems)
                continue
            if not block.sentences:
                continue
            doc = _rebuild(name, block.sentences)
            result.documents.append(SourcedDocument(doc, str(path), block.line))
        result.problems.extend(summarised(str(path), problems))
        return result


#: How many lines with the same problem are listed one by one before they are summed up.
SAME_PROBLEM_LISTED = 3


def summarised(file: str, problems: list[tuple[int, str]]) -> list[Problem]:
    """Problems by line, those repeated on many lines summed up into one ("66 lines: 'WRB' is
    not a tag ..., first here"), so that a file of another format is not a wall of errors."""
    by_message: dict[str, list[int]] = {}
    for line, message in problems:
        by_message.setdefault(message, []).append(line)
    out: list[Problem] = []
    for message, lines in by_message.items():
        if len(lines) <= SAME_PROBLEM_LISTED:
            out.extend(Problem(file, line, message) for line in lines)
        else:
            out.append(Problem(file, lines[0], f"{len(lines)} lines: {message} (the first is "
                                               f"here, the last on line {lines[-1]})"))
    return sorted(out, key=lambda p: p.line or 0)


def _pad(body: str, suffix: str) -> str:
    """Add ``suffix`` (more O columns) to every token line of ``body``."""
    return "\n".join(line + suffix if line else line for line in body.split("\n"))


@dataclass
class _Block:
    line: int
    docstart: bool
    sentences: list[list[tuple[str, list[str]]]]
    problems: list[tuple[int, str]]


def _documents(lines: list[str]) -> Iterator[_Block]:
    valid: set[str] = set()  # tags already checked: a file uses a handful, millions of times

    def is_tag(tag: str) -> bool:
        if tag in valid:
            return True
        if TAG_RE.match(tag):
            valid.add(tag)
            return True
        return False

    block = _Block(1, False, [], [])
    current: list[tuple[str, list[str]]] = []
    for lineno, line in enumerate(lines, 1):
        parts = line.split()
        if len(parts) == 2 and parts[1] in valid and parts[0] != DOCSTART:
            current.append((parts[0], parts[1:]))  # the common line, checked cheaply
            continue
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
        if not line.isascii():
            # str.split also cuts at NBSP and other Unicode spaces, which a token may hold.
            parts = _COLUMNS.split(line.strip(" \t"))
        token, rest = parts[0], parts[1:]
        # TOKEN TAG... (nested levels as more tag columns); CoNLL-2003 style TOKEN POS CHUNK
        # TAG... (-X- _ here); TOKEN POS TAG (spaCy's examples) and CoNLL-2000 chunks
        # TOKEN POS CHUNK, whose chunks (B-NP) are read as spans.
        if len(rest) > 1 and not is_tag(rest[0]):
            tags = rest[2:] if len(rest) >= 3 else rest[1:]
        else:
            tags = rest
        bad = [t for t in tags if not is_tag(t)]
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
    """Tokens joined by spaces, sentences by newlines; spans decoded per sentence and level."""
    lines: list[str] = []
    found: list[tuple[int, int, str]] = []
    offset = 0
    for sent in sents:
        words = [token for token, _ in sent]
        starts: list[int] = []
        pos = offset
        for word in words:
            starts.append(pos)
            pos += len(word) + 1
        depth = max(len(tags) for _, tags in sent)
        for level in range(depth):
            column = [tags[level] if level < len(tags) else "O" for _, tags in sent]
            if column.count("O") == len(column):
                continue
            for first, last, label in decode(column):
                found.append((starts[first], starts[last - 1] + len(words[last - 1]), label))
        lines.append(" ".join(words))
        offset = pos  # the last word's +1 is the newline
    text = "\n".join(lines)
    spans = tuple(Span(start=a, end=b, label=label, text=text[a:b], origin="imported")
                  for a, b, label in found)
    return Document(name=name, text=text, spans=spans)
