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
from functools import lru_cache, partial
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING
from unicodedata import category

from annotator.core.messages import Message
from annotator.core.model import Document, Span
from annotator.core.token_template import (
    BLANK,
    O_LINE,
    SpanColumns,
    TokenTemplate,
    make_template,
)
from annotator.formats.atomic import DOCSTART, atomic_bytes
from annotator.formats.base import (
    Format,
    FormatError,
    Problem,
    ReadResult,
    SourcedDocument,
    WriteOptions,
    WriteReport,
)

if TYPE_CHECKING:
    from annotator.core.tagging import Tagging

# The tagger, the tokenizer and the text reader are imported where they are used: an export
# from kept token templates (docs/adr/0022) needs none of them, and they cost a tenth of a
# second at every start (regex, pyarabic, charset-normalizer).

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
    from annotator.core.tagging import tag_spans
    from annotator.core.text import sentences

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
        s = u.span
        message = Message("tagging.unplaced", document=tagged.document.name, label=s.label,
                          start=s.start, end=s.end, text=repr(s.text), reason=u.reason)
        if u.blocker is not None:
            b = u.blocker
            message = Message("tagging.blocker", message=message, label=b.label, start=b.start,
                              end=b.end, text=repr(b.text))
        problems.append(Problem(str(out), line, message))
    return problems


def _line_finder(tagged: TaggedDocument, first_line: int) -> Callable[[int], int | None]:
    """Output line of token ``i`` for a document whose first token line is ``first_line``."""
    sentence_firsts = [r.start for r in tagged.sentences]

    def line(i: int) -> int | None:
        k = bisect_right(sentence_firsts, i) - 1  # sentences before it add a blank line each
        return first_line + i + k if k >= 0 else None

    return line


def document_lines(
    doc: Document, options: WriteOptions, out: Path, first_line: int, report: WriteReport
) -> tuple[bytes, int, int] | None:
    """One document's token lines (sentences ended by a blank line) in UTF-8, its number of
    tag columns and of lines; None if it has no tokens. Counts and dropped spans go to ``report``.

    Documents whose spans start and end on token boundaries and do not overlap (nearly all)
    take the fast path; the others go through the tagger. Both give the same bytes.
    """
    fast = fast_lines(doc, options)
    if fast is not None:
        return _counted(fast, report)
    return _tagged_lines(doc, options, out, first_line, report)


def _counted(fast: tuple[bytes, int, int, int], report: WriteReport
             ) -> tuple[bytes, int, int]:
    body, n_tokens, n_sentences, n_spans = fast
    report.documents += 1
    report.spans += n_spans
    return body, 1, n_tokens + n_sentences


def _tagged_lines(
    doc: Document, options: WriteOptions, out: Path, first_line: int, report: WriteReport
) -> tuple[bytes, int, int] | None:
    """``document_lines`` through the tagger (overlapping spans, odd edges, nested columns)."""
    t = tag_document(doc, options)
    if not t.tagging.tokens:
        report.dropped.append(Problem(str(out), None,
                                      Message("export.no_tokens", document=doc.name)))
        return None
    four = options.conll_columns == 4
    columns = t.tagging.columns
    tags = [" ".join(c) for c in zip(*columns, strict=True)] if len(columns) > 1 \
        else columns[0]
    words = [f"{tok.text} -X- _ " if four else f"{tok.text} " for tok in t.tagging.tokens]
    body = "".join("".join(words[i] + tags[i] + "\n" for i in group) + "\n"
                   for group in t.sentences)
    report.dropped.extend(unplaced_problems(t, out, _line_finder(t, first_line)))
    report.documents += 1
    report.spans += len(t.tagging.placed)
    return body.encode(), len(columns), len(t.tagging.tokens) + len(t.sentences)


@dataclass(frozen=True, slots=True)
class ConllSource:
    """A document as the cached export reads it: plain (start, end, label) spans and, when the
    cache holds it, its token template (docs/adr/0022). ``text`` may be left out (None) when
    the template is there: ``text_of`` reads it if the tagger needs it after all."""

    id: int
    name: str
    text: str | None
    spans: SpanColumns
    template: TokenTemplate | None = None
    text_of: Callable[[int], str] | None = None
    #: False: the spans come in no order; the tagger gets them in the store's order (start,
    #: end, label), which decides what it reports. The fast path needs no order.
    spans_sorted: bool = True

    def full_text(self) -> str:
        """The stored text, read now if it was left out."""
        if self.text is not None:
            return self.text
        if self.text_of is None:
            raise ValueError(f"no text for document {self.name}")
        return self.text_of(self.id)

    def document(self) -> Document:
        """The document itself, for the tagger."""
        text = self.full_text()
        spans = zip(*self.spans, strict=True) if self.spans_sorted else \
            sorted(zip(*self.spans, strict=True))
        return Document(name=self.name, text=text, spans=tuple(
            Span(start=a, end=b, label=label, text=text[a:b]) for a, b, label in spans))


#: Told of every template an export made because the source came without one.
TemplateMade = Callable[[ConllSource, TokenTemplate], None]


def source_lines(
    source: ConllSource, options: WriteOptions, out: Path, first_line: int,
    report: WriteReport, made: TemplateMade,
) -> tuple[bytes, int, int] | None:
    """``document_lines`` of a source: from its template (made now and handed to ``made`` if
    it has none), through the tagger when the fast path does not apply."""
    template = source.template
    if template is None:
        template = make_template(source.full_text())
        made(source, template)
    fast = template_lines(zip(*source.spans, strict=True), template, options)
    if fast is not None:
        return _counted(fast, report)
    return _tagged_lines(source.document(), options, out, first_line, report)


def fast_lines(doc: Document, options: WriteOptions) -> tuple[bytes, int, int, int] | None:
    """(body, tokens, sentences, spans) for a document whose spans do not overlap (nearly all):
    tokens cut at span edges as the tagger cuts them, every span on level 0, none left out, so
    the tagger's work reduces to a lookup per span. None for any other document."""
    return template_lines([(s.start, s.end, s.label) for s in doc.spans],
                          make_template(doc.text), options)


#: A span as the writer places it in the all-O lines: where its first line begins, where that
#: line's token ends, where the last line's token ends (its " O" follows), and its label.
_Placed = tuple[int, int, int, str]


def template_lines(
    spans: Iterable[tuple[int, int, str]], template: TokenTemplate, options: WriteOptions,
) -> tuple[bytes, int, int, int] | None:
    """``fast_lines`` from a document's token template (made now, or read from the cache):
    (body, tokens, sentences, spans), or None where the tagger must decide.

    The template is the document's lines with every tag O, in UTF-8: the runs no span
    touches are copied (four columns: one ``bytes.replace``), the lines inside a span get
    their tag by one ``bytes.replace`` of their O, so no step of Python is taken per token,
    only per span.
    """
    words, starts, ends, offsets, sentences = template
    n = len(starts)
    if not n:
        return None
    # Nearly every span starts and ends where tokens do: placed at once, a few steps each.
    # The few others (an edge inside a token) are set aside and placed after, without going
    # over the usual ones again (half the documents of a news corpus have one).
    placed: list[_Placed] = []
    add = placed.append
    find = words.find
    odd: list[tuple[int, int, str]] = []
    for span in spans:
        start, end, label = span
        first = bisect_left(starts, start)
        if first < n and starts[first] == start:
            p0 = offsets[first]
            if ends[first] == end:  # one token (most spans): no second look-up
                q = find(b" ", p0)  # where the token's text ends
                add((p0, q, q, label))
                continue
            last = bisect_left(starts, end, first) - 1
            if last > first and ends[last] == end:
                add((p0, find(b" ", p0), find(b" ", offsets[last]), label))
                continue
        odd.append(span)
    if not odd:
        return _lines(words, n, sentences, placed, options)
    return _unusual_lines(template, placed, odd, options)


#: A span found in the template: first and last token, start, end, label, and where the last
#: token's text ends in the words.
_Found = tuple[int, int, int, int, str, int]


def _unusual_lines(
    template: TokenTemplate, placed: list[_Placed], odd: list[tuple[int, int, str]],
    options: WriteOptions,
) -> tuple[bytes, int, int, int] | None:
    """``template_lines`` of a document with span edges that are not tokens' edges (``odd``;
    ``placed``: the others): inside a token (cut there), or else the tagger's to decide
    (None)."""
    words, starts, ends, offsets, _ = template
    n = len(starts)
    find = words.find  # find(b" ", line start): where that token's text ends
    found: list[_Found] = []
    inner: dict[int, set[int]] = {}  # token -> the span edges inside it
    for start, end, label in odd:
        first = bisect_left(starts, start)
        if first == n or starts[first] != start:
            first -= 1  # the token holding the start, unless it is in a space
            if first < 0 or start >= ends[first]:
                return None  # an edge at a space: the tagger decides
            inner.setdefault(first, set()).add(start)
        last = bisect_left(starts, end, first) - 1
        if last < first:
            return None
        last_end = ends[last]
        if last_end != end:
            if last_end < end:
                return None  # an edge at a space: the tagger decides
            inner.setdefault(last, set()).add(end)
        found.append((first, last, start, end, label, find(b" ", offsets[last])))
    if options.whole_tokens or not inner:
        return None  # spans grow to whole tokens: the tagger's rules
    # An edge inside a token ("و" + "البوكمال"): cut there, exactly as the tagger does.
    return _cut_lines(template, placed, found, inner, options)


def _cut_lines(
    template: TokenTemplate, placed: list[_Placed], found: list[_Found],
    inner: dict[int, set[int]], options: WriteOptions,
) -> tuple[bytes, int, int, int] | None:
    """``template_lines`` of a document with span edges inside tokens: the words again with
    each such token as its pieces (one line each), the spans with such edges (``found``)
    placed in them and the others (``placed``) moved by what the cuts before them add."""
    words, starts, _, offsets, sentences = template
    parts: list[bytes] = []
    done = 0  # in the template's words
    shift = 0  # how much longer the new words are before this point
    cut_lines: list[int] = []  # where the cut tokens' lines begin in the template, ascending
    cut_ends: list[int] = []  # where their texts end there
    shifts: list[int] = [0]  # the shift after each of them
    begins: dict[int, tuple[int, int]] = {}  # a piece's start in the text -> its place, end
    piece_ends: dict[int, int] = {}  # a piece's end in the text -> its end in the new words
    extra = 0
    for i in sorted(inner):
        pieces = _pieces(template, i, sorted(inner[i]))
        if pieces is None:
            return None
        parts.append(words[done : offsets[i]])
        at = offsets[i] + shift
        for a, b, piece in pieces:
            begins[a] = (at, at + len(piece))
            piece_ends[b] = at + len(piece)
            at += len(piece) + len(O_LINE)
        joined = b"".join([p + O_LINE for _, _, p in pieces])
        if template.ends_sentence(i):
            joined += BLANK
        parts.append(joined)
        shift += len(joined) - (offsets[i + 1] - offsets[i])
        extra += len(pieces) - 1
        cut_lines.append(offsets[i])
        cut_ends.append(template.text_end(i))
        shifts.append(shift)
        done = offsets[i + 1]
    parts.append(words[done:])
    # The other spans: those before the first cut token stay where they are, the others move
    # by what the cuts before them add. A span over a cut token overlaps a span in it.
    placed.sort()
    k = bisect_left(placed, (cut_lines[0],))
    if k and placed[k - 1][2] >= cut_lines[0]:
        return None
    moved = placed[:k]
    if len(cut_lines) == 1:  # most documents: one shift for all that follow
        if k < len(placed) and placed[k][0] == cut_lines[0]:
            return None
        moved += [(p0 + shift, q + shift, p1 + shift, label)
                  for p0, q, p1, label in placed[k:]]
    else:
        for p0, q, p1, label in placed[k:]:
            k0 = bisect_right(cut_lines, p0)
            k1 = bisect_right(cut_lines, p1)
            if (k0 and cut_lines[k0 - 1] == p0) or (k1 and cut_ends[k1 - 1] == p1):
                return None
            moved.append((p0 + shifts[k0], q + shifts[k0], p1 + shifts[k1], label))
    find = words.find
    for first, last, start, end, label, text_end in found:
        if first in inner:
            got = begins.get(start)
            if got is None:
                return None  # an edge at an invisible control: the tagger decides
            p0, q = got
        else:
            k0 = bisect_right(cut_lines, offsets[first])
            p0, q = offsets[first] + shifts[k0], find(b" ", offsets[first]) + shifts[k0]
        if last in inner:
            p1 = piece_ends.get(end, -1)
            if p1 < 0:
                return None
        else:
            p1 = text_end + shifts[bisect_right(cut_lines, text_end)]
        if p1 < q:
            return None  # it would end before it starts: the tagger decides
        moved.append((p0, q, p1, label))
    return _lines(b"".join(parts), len(starts) + extra, sentences, moved, options)


def _pieces(template: TokenTemplate, i: int, cuts: list[int]
            ) -> list[tuple[int, int, bytes]] | None:
    """The pieces (start, end, UTF-8 text) of token ``i`` cut at ``cuts`` (ascending, inside
    it), as ``tagging.split_tokens`` splits them; None if a piece holds a sentence mark (the
    sentence rules would have to run again)."""
    base = template.starts[i]
    pieces = _word_pieces(template.text(i), tuple(c - base for c in cuts))
    if pieces is None:
        return None
    return [(base + a, base + b, piece) for a, b, piece in pieces]


#: Letters, digits, marks and "_": the word characters of the tokenizer's pattern. A piece
#: made of them only is one token, whatever it holds (a lone tanween or shadda too).
_WORD_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No", "Mn", "Mc", "Me"})


def _one_word(piece: str) -> bool:
    return piece.isalnum() or all(c == "_" or category(c) in _WORD_CATEGORIES for c in piece)


@lru_cache(maxsize=1 << 16)
def _word_pieces(word: str, cuts: tuple[int, ...]
                 ) -> tuple[tuple[int, int, bytes], ...] | None:
    """``_pieces`` of one word: the same few words are cut the same way again and again (a
    tanween or a shadda left out of a span), and ``split_tokens`` tokenizes each piece."""
    edges = [0, *cuts, len(word)]
    parts = [(a, b, word[a:b]) for a, b in pairwise(edges)]
    if all(_one_word(p[2]) for p in parts):
        # One token each, as the tokenizer makes them (no tokenizer loaded for them).
        return tuple((a, b, p.encode()) for a, b, p in parts)
    from annotator.core.tagging import split_tokens
    from annotator.core.text import SENTENCE_MARKS, Token

    split = split_tokens(word, [Token(0, len(word), word)], cuts)
    if any(c in SENTENCE_MARKS for p in split for c in p.text):
        return None
    return tuple((p.start, p.end, p.text.encode()) for p in split)


#: A label's tags as written, per layout (columns, BIOES): a one-line span's tag, a first
#: line's, an inner line's ending, a last line's tag (a line's tag is written without its
#: newline: the copy after it has it). Made once per label.
_TAGS: dict[tuple[bool, bool], dict[str, tuple[bytes, bytes, bytes, bytes]]] = {
    (four, bioes): {} for four in (False, True) for bioes in (False, True)}


def _new_tags(label: str, sep: bytes, bioes: bool) -> tuple[bytes, bytes, bytes, bytes]:
    coded = label.encode()
    return (sep + (b"S-" if bioes else b"B-") + coded, sep + b"B-" + coded,
            sep + b"I-" + coded + b"\n", sep + (b"E-" if bioes else b"I-") + coded)


def _lines(
    words: bytes, n_tokens: int, sentences: int, placed: list[_Placed], options: WriteOptions
) -> tuple[bytes, int, int, int] | None:
    """The body of a document from its all-O lines (``sentences`` blank lines among them) and
    its spans placed in them (where the first token's line begins and its text ends, where
    the last token's text ends); None if spans overlap (the tagger decides what is
    written)."""
    four = options.conll_columns == 4
    sep = b" -X- _ " if four else b" "
    o_four = sep + b"O\n"
    if not placed:
        return (words.replace(O_LINE, o_four) if four else words), n_tokens, sentences, 0
    placed.sort()
    bioes = options.scheme == "bioes"
    tags = _TAGS[four, bioes]
    out: list[bytes] = []
    add = out.append
    done = 0  # where the words not written yet begin
    for p0, q, p1, label in placed:
        if p0 < done:
            return None  # overlapping or repeated spans: the tagger decides what is written
        tag = tags.get(label)
        if tag is None:
            tag = tags[label] = _new_tags(label, sep, bioes)
        # The lines before it and the first token's text, at once.
        add(words[done:q].replace(O_LINE, o_four) if four else words[done:q])
        if q == p1:  # one line: S- or B-
            add(tag[0])
        else:
            add(tag[1])
            # "\n" ending the first line ... the last token's text.
            middle = words[q + 2 : p1]
            if BLANK + BLANK in middle:  # a span holds its sentence together
                sentences -= middle.count(BLANK + BLANK)
                middle = middle.replace(BLANK + BLANK, BLANK)
            add(middle.replace(O_LINE, tag[2]))
            add(tag[3])
        done = p1 + 2  # past " O": its newline (and a blank line after it) come next
    add(words[done:].replace(O_LINE, o_four) if four else words[done:])
    return b"".join(out), n_tokens, sentences, len(placed)


def _write_all(
    documents: Iterable[Callable[[int, WriteReport], tuple[bytes, int, int] | None]],
    out: Path, options: WriteOptions,
) -> WriteReport:
    """Write each document's lines (a call with its first line and the report), streamed."""
    four = options.conll_columns == 4
    report = WriteReport(files=[out])
    blocks: list[tuple[int, int]] = []  # (tag columns, lines) per document written
    line_count = 0
    # "-DOCSTART- -X- O O" in both layouts: it is the exact line `spacy convert` splits
    # documents at, and Hugging Face's conll loaders and flair skip any -DOCSTART- line,
    # whereas "-DOCSTART- O" was read by spaCy as a token (docs/adr/0003-formats.md).
    header = f"{DOCSTART} -X- O O\n\n".encode()
    with atomic_bytes(out) as fh:
        for lines_of in documents:
            lines = lines_of(line_count + 3, report)
            if lines is None:
                continue
            body, levels, n_lines = lines
            if four and levels > 1:
                fh.write(f"{DOCSTART} -X- O O{' O' * (levels - 1)}\n\n".encode())
            else:
                fh.write(header)
            fh.write(body)
            blocks.append((levels, 2 + n_lines))
            line_count += 2 + n_lines
        depth = max((levels for levels, _ in blocks), default=1)
        if any(levels != depth for levels, _ in blocks):
            fh.pad(blocks, depth, docstart_fixed=not four)
    return report


class ConllFormat(Format):
    """CoNLL NER columns."""

    name = "conll"
    description = "CoNLL token-per-line NER (2 or 4 columns, IOB2 or BIOES, nested columns)"
    extensions = (".conll", ".iob", ".bio", ".bioes", ".tsv")  # a .tsv may be WebAnno TSV

    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """All documents in one file, ``-DOCSTART-`` and a blank line before each.

        Streamed: each document's lines go to a temporary file as soon as they are made, so
        memory does not grow with the corpus. With ``nested``, documents with fewer tag columns
        than the deepest one are padded with O in a second pass over that file.
        """
        return _write_all(
            (partial(document_lines, doc, options, out) for doc in documents), out, options)

    def write_sources(
        self, sources: Iterable[ConllSource], out: Path, options: WriteOptions,
        made: TemplateMade,
    ) -> WriteReport:
        """``write`` from the cached export's sources: the same bytes and report."""
        return _write_all(
            (partial(source_lines, source, options, out, made=made) for source in sources),
            out, options)

    def read(self, path: Path) -> ReadResult:
        """Documents rebuilt from tokens (spaces) and sentences (newlines), spans from tags."""
        from annotator.formats.textio import read_text

        decoded = read_text(path)
        if decoded.text.startswith(WEBANNO_MARK):
            raise FormatError([Problem(
                str(path), 1, Message("conll.webanno"))])
        result = ReadResult(encodings={str(path): decoded.encoding})
        blocks = list(_documents(decoded.text.split("\n")))
        if not blocks:
            raise FormatError([Problem(str(path), None, Message("file.no_tokens"))])
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
            out.append(Problem(file, lines[0], Message(
                "conll.same_problem", n=len(lines), message=message, last=lines[-1])))
    return sorted(out, key=lambda p: p.line or 0)


@dataclass
class _Block:
    line: int
    docstart: bool
    sentences: list[list[tuple[str, list[str]]]]
    problems: list[tuple[int, str]]


def _documents(lines: list[str]) -> Iterator[_Block]:
    from annotator.core.tagging import TAG_RE

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
            block.problems.append((lineno, Message("conll.no_tag", token=repr(token))))
        elif bad:
            block.problems.append((lineno, Message("conll.bad_tag", tag=repr(bad[0]))))
        else:
            current.append((token, tags))
    if current:
        block.sentences.append(current)
    if block.sentences or block.problems:
        yield block


def _rebuild(name: str, sents: list[list[tuple[str, list[str]]]]) -> Document:
    """Tokens joined by spaces, sentences by newlines; spans decoded per sentence and level."""
    from annotator.core.tagging import decode

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
