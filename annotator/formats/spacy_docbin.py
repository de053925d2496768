"""spaCy DocBin (``.spacy``) for training; spaCy is imported only when this runs.

A DocBin is one object in memory (a row of attribute ids per token, about 100 bytes, and
four or five times that while ``to_bytes`` joins and packs the rows), and spaCy reads a
``.spacy`` file whole. So a large export is a folder of parts, each a DocBin of about
``PART_TOKENS`` tokens written and dropped in turn: spaCy's ``Corpus`` reader (``spacy
train``) takes the folder and reads one part at a time. ``-o NAME.spacy`` still writes one
file, as before, for exports small enough to hold (ADR 0023).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.messages import Message
from annotator.core.model import Document
from annotator.formats.base import (
    Format,
    FormatError,
    Problem,
    WriteOptions,
    WriteReport,
    atomic_folder,
    write_atomic,
)
from annotator.formats.conll import tag_document, unplaced_problems

#: Tokens per part of a folder export. A part of 200,000 tokens (about 900 news articles)
#: peaks at about 100 MB while it is packed (ADR 0023 has the measurements).
PART_TOKENS = 200_000
SUFFIX = ".spacy"


def part_name(number: int) -> str:
    """The file name of part ``number`` (from 1): names sort in the documents' order."""
    return f"part-{number:05d}{SUFFIX}"


def writes_one_file(out: Path) -> bool:
    """True when ``out`` names one ``.spacy`` file (or a device), False for a folder of parts."""
    if out.exists() and not out.is_file() and not out.is_dir():
        return True  # -o /dev/stdout
    return out.suffix == SUFFIX and not out.is_dir()


def _words_and_spaces(text: str, bounds: list[tuple[int, int]]) -> tuple[list[str], list[bool]]:
    """spaCy words whose joined text (with the spaces flags) is exactly ``text``.

    Whitespace other than a single space after a word becomes a whitespace token, as spaCy's
    own tokenizer does, so character offsets stay the document's own.
    """
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for start, end in bounds:
        if start > pos:
            words.append(text[pos:start])
            spaces.append(False)
        words.append(text[start:end])
        spaces.append(False)
        pos = end
        if text[pos:pos + 1] == " ":
            spaces[-1] = True
            pos += 1
    if pos < len(text):
        words.append(text[pos:])
        spaces.append(False)
    return words, spaces


def _spacy(out: Path) -> tuple[Any, Any, Any]:
    """spaCy's Doc, DocBin and Vocab, or a FormatError saying that spaCy is missing."""
    try:
        from spacy.tokens import Doc, DocBin
        from spacy.vocab import Vocab
    except ImportError:
        raise FormatError([Problem(str(out), None, Message("spacy.missing"))]) from None
    return Doc, DocBin, Vocab


class _Converter:
    """Documents into spaCy Docs made in ``vocab`` (a folder export gives each part a new
    one, so that a part's strings do not stay in memory after it is written)."""

    def __init__(self, out: Path, options: WriteOptions, report: WriteReport,
                 doc_class: Any, vocab: Any) -> None:
        self.out = out
        self.options = options
        self.layout = WriteOptions(whole_tokens=options.whole_tokens, nested=options.nested)
        self.report = report
        self.doc_class = doc_class
        self.vocab = vocab

    def convert(self, doc: Document) -> Any:
        tagged = tag_document(doc, self.layout)
        bounds = [(t.start, t.end) for t in tagged.tagging.tokens]
        words, spaces = _words_and_spaces(doc.text, bounds)
        sdoc: Any = self.doc_class(self.vocab, words=words, spaces=spaces)
        assert sdoc.text == doc.text  # offsets below are the document's own
        placed = [(p, sdoc.char_span(p.start, p.end, label=doc.spans[p.index].label))
                  for p in tagged.tagging.placed]
        sdoc.ents = [span for p, span in placed if p.level == 0]
        if self.options.nested:
            sdoc.spans["sc"] = [span for _, span in placed]
        self.report.dropped.extend(unplaced_problems(tagged, self.out, lambda i: None))
        sdoc.user_data["name"] = doc.name
        self.report.documents += 1
        self.report.spans += len(placed)
        return sdoc


class SpacyFormat(Format):
    """spaCy's binary training format: one file, or a folder of parts that streams."""

    name = "spacy"
    description = ("spaCy DocBin: a folder of part-NNNNN.spacy files (spacy train reads the "
                   "folder), or one NAME.spacy; all spans also in doc.spans['sc'] when nested")
    extensions = (SUFFIX,)
    can_read = False
    #: An existing folder is a valid target: the parts are written into it.
    writes_folder = True

    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """Entities from the outer spans; with ``nested`` every span also goes to spans['sc'].

        ``out`` ending in ``.spacy`` is one file (held whole in memory while it is made);
        anything else is a folder of parts of about ``PART_TOKENS`` tokens, made in a
        temporary folder and put in place only when every part is written.
        """
        doc_class, docbin_class, vocab_class = _spacy(out)
        report = WriteReport()
        convert = _Converter(out, options, report, doc_class, vocab_class())
        if writes_one_file(out):
            docbin = docbin_class(store_user_data=True)
            for doc in documents:
                docbin.add(convert.convert(doc))
            write_atomic(out, docbin.to_bytes())
            report.files.append(out)
            return report
        with atomic_folder(out, allowed_suffixes=(SUFFIX,)) as tmp:
            docbin = docbin_class(store_user_data=True)
            tokens = 0
            for doc in documents:
                sdoc = convert.convert(doc)
                docbin.add(sdoc)
                tokens += len(sdoc)
                if tokens >= PART_TOKENS:
                    report.files.append(self._write_part(docbin, tmp, out, len(report.files)))
                    docbin = docbin_class(store_user_data=True)
                    convert.vocab = vocab_class()
                    tokens = 0
            if len(docbin) or not report.files:
                # The rest; and an empty export is one empty part, which spaCy reads as such
                # (a folder without .spacy files is an error to its reader).
                report.files.append(self._write_part(docbin, tmp, out, len(report.files)))
        return report

    @staticmethod
    def _write_part(docbin: Any, tmp: Path, out: Path, written: int) -> Path:
        """Write part number ``written + 1`` into ``tmp``; its final path in ``out``."""
        name = part_name(written + 1)
        (tmp / name).write_bytes(docbin.to_bytes())
        return out / name
