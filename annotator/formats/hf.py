"""Hugging Face token classification JSONL: ``{"id", "tokens", "ner_tags"}`` + the tag list."""

from __future__ import annotations

import json
import tempfile
from bisect import bisect_right
from collections.abc import Callable, Iterable
from pathlib import Path

from annotator.core.model import Document
from annotator.formats.atomic import atomic_text
from annotator.formats.base import (
    Format,
    WriteOptions,
    WriteReport,
    write_atomic,
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
        # Tag indexes need every label first: each record goes to a spill file as JSON text
        # without its tags, then the tags as JSON (neither holds a raw tab or newline: JSON
        # escapes them); once the labels are known it is read back and written out. Memory
        # stays that of one document, whatever the corpus size.
        labels: set[str] = set(options.labels)
        records = 0
        with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as spill:
            for doc in documents:
                t = tag_document(doc, flat)
                first_line = records + 1
                column = t.tagging.columns[0] if t.tagging.columns else []
                for n, group in enumerate(t.sentences, 1):
                    head = json.dumps({"id": f"{doc.name}-{n}",
                                       "tokens": [t.tagging.tokens[i].text for i in group]},
                                      ensure_ascii=False)
                    row = json.dumps([column[i] for i in group], ensure_ascii=False)
                    spill.write(f"{head[:-1]}\t{row}\n")
                    records += 1
                labels.update(doc.spans[p.index].label for p in t.tagging.placed)
                report.documents += 1
                report.spans += len(t.tagging.placed)
                report.dropped.extend(unplaced_problems(t, out, _sentence_line(t, first_line)))
            tags = tag_list(labels, options.scheme)
            index = {tag: i for i, tag in enumerate(tags)}
            spill.seek(0)
            with atomic_text(out) as fh:
                for line in spill:
                    head, row = line[:-1].split("\t", 1)
                    fh.write(f'{head}, "ner_tags": '
                             f'{json.dumps([index[x] for x in json.loads(row)])}}}\n')
        write_atomic(tags_path(out),
                     (json.dumps(tags, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
        return report
