"""Hugging Face token classification JSONL: ``{"id", "tokens", "ner_tags"}`` + the tag list."""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable, Iterable
from pathlib import Path

from annotator.core.model import Document
from annotator.formats.base import (
    Format,
    WriteOptions,
    WriteReport,
    write_atomic,
    write_lines,
)
from annotator.formats.conll import TaggedDocument, tag_document, unplaced_problems


def tag_list(labels: Iterable[str], scheme: str) -> list[str]:
    """``O`` then each label's tags in a fixed order (labels sorted by name)."""
    prefixes = ("B", "I", "E", "S") if scheme == "bioes" else ("B", "I")
    return ["O", *(f"{p}-{label}" for label in sorted(set(labels)) for p in prefixes)]


def tags_path(out: Path) -> Path:
    """Where the tag list of an export to ``out`` goes: ``name.tags.json`` beside it."""
    return out.with_name(f"{out.stem}.tags.json")


def _sentence_line(tagged: TaggedDocument, first_line: int) -> Callable[[int], int | None]:
    """A record per sentence: a token's line is its sentence's."""
    firsts = [g.start for g in tagged.sentences]
    return lambda i: first_line + bisect_right(firsts, i) - 1


class HfFormat(Format):
    """One record per sentence, ``ner_tags`` as indexes into the tag list file."""

    name = "hf"
    description = 'Hugging Face JSONL {"id", "tokens", "ner_tags"} with NAME.tags.json beside it'
    extensions = (".jsonl",)
    can_read = False

    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """Sentences as records ``<document>-<n>``; overlapping spans are reported (flat only)."""
        flat = WriteOptions(scheme=options.scheme, whole_tokens=options.whole_tokens)
        # The schema's labels (when the export passes them) make one tag list for every part of
        # a split; labels of spans outside it are added rather than lost.
        report = WriteReport(files=[out, tags_path(out)])
        # Tag indexes need every label first: keep each record as JSON text without its tags.
        pending: list[tuple[str, list[str]]] = []
        labels: set[str] = set(options.labels)
        for doc in documents:
            t = tag_document(doc, flat)
            first_line = len(pending) + 1
            column = t.tagging.columns[0] if t.tagging.columns else []
            for n, group in enumerate(t.sentences, 1):
                head = json.dumps({"id": f"{doc.name}-{n}",
                                   "tokens": [t.tagging.tokens[i].text for i in group]},
                                  ensure_ascii=False)
                pending.append((head[:-1], [column[i] for i in group]))
            labels.update(doc.spans[p.index].label for p in t.tagging.placed)
            report.documents += 1
            report.spans += len(t.tagging.placed)
            report.dropped.extend(unplaced_problems(t, out, _sentence_line(t, first_line)))
        tags = tag_list(labels, options.scheme)
        index = {tag: i for i, tag in enumerate(tags)}
        lines = [f'{head}, "ner_tags": {json.dumps([index[x] for x in row])}}}'
                 for head, row in pending]
        write_lines(out, lines)
        write_atomic(tags_path(out),
                     (json.dumps(tags, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
        return report
