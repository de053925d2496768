"""spaCy DocBin (``.spacy``) for training; spaCy is imported only when this runs."""

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
    write_atomic,
)
from annotator.formats.conll import tag_document, unplaced_problems


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


class SpacyFormat(Format):
    """spaCy's binary training format."""

    name = "spacy"
    description = "spaCy DocBin (.spacy); all spans also in doc.spans['sc'] when nested"
    extensions = (".spacy",)
    can_read = False

    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """Entities from the outer spans; with ``nested`` every span also goes to spans['sc']."""
        try:
            from spacy.tokens import Doc, DocBin
            from spacy.vocab import Vocab
        except ImportError:
            raise FormatError([Problem(str(out), None, Message("spacy.missing"))]) from None
        vocab = Vocab()
        docbin = DocBin(store_user_data=True)
        report = WriteReport(files=[out])
        layout = WriteOptions(whole_tokens=options.whole_tokens, nested=options.nested)
        for doc in documents:
            tagged = tag_document(doc, layout)
            bounds = [(t.start, t.end) for t in tagged.tagging.tokens]
            words, spaces = _words_and_spaces(doc.text, bounds)
            sdoc: Any = Doc(vocab, words=words, spaces=spaces)
            assert sdoc.text == doc.text  # offsets below are the document's own
            placed = [(p, sdoc.char_span(p.start, p.end, label=doc.spans[p.index].label))
                      for p in tagged.tagging.placed]
            sdoc.ents = [span for p, span in placed if p.level == 0]
            if options.nested:
                sdoc.spans["sc"] = [span for _, span in placed]
            report.dropped.extend(unplaced_problems(tagged, out, lambda i: None))
            sdoc.user_data["name"] = doc.name
            docbin.add(sdoc)
            report.documents += 1
            report.spans += len(placed)
        write_atomic(out, docbin.to_bytes())
        return report
