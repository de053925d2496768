"""The jsonl and Hugging Face writers stream: their memory does not grow with the corpus, the
bytes are those of the writers that built the whole output in memory, and a failure midway
leaves neither the file nor a temporary one."""

from __future__ import annotations

import json
import random
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import Document, make_span, normalize_newlines
from annotator.formats.base import WriteOptions, WriteReport, write_atomic, write_lines
from annotator.formats.conll import tag_document, unplaced_problems
from annotator.formats.hf import HfFormat, _sentence_line, tag_list, tags_path
from annotator.formats.jsonl import JsonlFormat, document_to_record
from annotator.formats.jsonlines import json_line

LABELS = ("ACTOR", "TARGET", "LOCATION", "DATE")


def _documents(texts: list[str], count: int, seed: int) -> Iterator[Document]:
    """``count`` documents made lazily: seed paragraphs with spans on whitespace-cut words."""
    rng = random.Random(seed)
    for n in range(count):
        text = rng.choice(texts)[: rng.randint(300, 1500)].strip() or "نص"
        words = [i for i, ch in enumerate(text) if ch != " " and (i == 0 or text[i - 1] == " ")]
        spans = []
        for start in sorted(rng.sample(words, min(len(words), 5))):
            end = text.find(" ", start)
            end = len(text) if end == -1 else end
            if start < end and (not spans or spans[-1].end < start):
                spans.append(make_span(text, start, end, rng.choice((*LABELS, "EXTRA"))))
        yield Document(name=f"d{n}", text=text, spans=tuple(spans))


def _hf_in_memory(documents: list[Document], out: Path, options: WriteOptions) -> WriteReport:
    """The Hugging Face writer as it was, building every line in memory (the oracle)."""
    flat = WriteOptions(scheme=options.scheme, whole_tokens=options.whole_tokens)
    report = WriteReport(files=[out, tags_path(out)])
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
    write_lines(out, [f'{head}, "ner_tags": {json.dumps([index[x] for x in row])}}}'
                      for head, row in pending])
    write_atomic(tags_path(out),
                 (json.dumps(tags, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return report


@pytest.fixture
def texts(seed_texts: dict[str, str]) -> list[str]:
    return [normalize_newlines(t) for t in seed_texts.values()]


def test_jsonl_writer_writes_what_the_in_memory_writer_wrote(
    tmp_path: Path, texts: list[str]
) -> None:
    docs = list(_documents(texts, 300, seed=1))
    out = tmp_path / "out.jsonl"
    report = JsonlFormat().write(iter(docs), out, WriteOptions())
    expected = "".join(json_line(document_to_record(d)) + "\n" for d in docs)
    assert out.read_bytes() == expected.encode("utf-8")
    assert (report.documents, report.spans) == (300, sum(len(d.spans) for d in docs))


@pytest.mark.parametrize("scheme", ["iob2", "bioes"])
def test_hf_writer_writes_what_the_in_memory_writer_wrote(
    tmp_path: Path, texts: list[str], scheme: str
) -> None:
    docs = list(_documents(texts, 300, seed=2))
    docs.append(Document(name="blank", text="   "))  # no tokens, no records
    # "EXTRA" is outside the labels the export passes: it is added to the tag list, not lost.
    options = WriteOptions(scheme=scheme, labels=LABELS)  # type: ignore[arg-type]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    report = HfFormat().write(iter(docs), tmp_path / "a" / "out.jsonl", options)
    expected = _hf_in_memory(docs, tmp_path / "b" / "out.jsonl", options)
    for name in ("out.jsonl", "out.tags.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert "EXTRA" in (tmp_path / "a" / "out.tags.json").read_text(encoding="utf-8")
    assert (report.documents, report.spans, len(report.dropped)) == (
        expected.documents, expected.spans, len(expected.dropped))


@pytest.mark.parametrize("fmt", [JsonlFormat(), HfFormat()], ids=["jsonl", "hf"])
def test_memory_stays_that_of_one_document(
    tmp_path: Path, texts: list[str], fmt: JsonlFormat | HfFormat
) -> None:
    out = tmp_path / "out.jsonl"
    # Enough documents for a file over 1.5 MB: Hugging Face's lines are longer (tags and tokens),
    # so it gets there with fewer, and its tagging is the slow part of the test. 1,000 rather
    # than 600: at 600 (1.7 MB, a peak of 0.23 MB alone) a parallel worker once went past the
    # fifth; the peak hardly grows with the count (0.26 MB at 1,200), the margin does.
    count = 1000 if isinstance(fmt, HfFormat) else 1500
    # A small write first: what the first use loads once (modules, caches) is not a cost per
    # document, and in a parallel worker it may not have been loaded by an earlier test.
    fmt.write(_documents(texts, 20, seed=4), out, WriteOptions())
    tracemalloc.start()
    try:
        fmt.write(_documents(texts, count, seed=3), out, WriteOptions())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = out.stat().st_size
    assert size > 1_500_000
    # A writer holding its output would need at least the file's size (as str, more).
    assert peak < size / 5


@pytest.mark.parametrize("fmt", [JsonlFormat(), HfFormat()], ids=["jsonl", "hf"])
def test_a_failed_export_leaves_nothing(
    tmp_path: Path, texts: list[str], fmt: JsonlFormat | HfFormat
) -> None:
    out = tmp_path / "out.jsonl"

    def documents() -> Iterator[Document]:
        yield from _documents(texts, 600, seed=4)
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        fmt.write(documents(), out, WriteOptions())
    assert list(tmp_path.iterdir()) == []
