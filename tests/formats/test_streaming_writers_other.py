"""The doccano, Prodigy, Label Studio, CSV and events CSV writers stream: the bytes are those of
the writers that built the whole output in memory (kept here as oracles), memory stays that of
one document, and a failure midway leaves neither the file nor a temporary one."""

from __future__ import annotations

import csv
import dataclasses
import io
import random
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.model import Document, make_span, normalize_newlines
from annotator.formats import FORMATS
from annotator.formats.base import WriteOptions
from annotator.formats.doccano import document_record
from annotator.formats.events_csv import COLUMNS, event_row
from annotator.formats.jsonlines import json_line
from annotator.formats.labelstudio import document_to_task

LABELS = ("ACTOR", "TARGET", "LOCATION", "DATE")
META_KEYS = ("source", "url", "published", "tags")


def _documents(texts: list[str], golden: list[Document], count: int, seed: int
               ) -> Iterator[Document]:
    """``count`` documents made lazily: seed paragraphs with spans and varied metadata (keys
    first seen late in the corpus), and every seventh one a golden document with its events."""
    rng = random.Random(seed)
    for n in range(count):
        meta: dict[str, Any] = {}
        for key in META_KEYS[: 1 + (n * len(META_KEYS)) // max(count, 1)]:
            if rng.random() < 0.7:
                meta[key] = rng.choice(["خبر", 'a "quoted", cell', ["x", 1], {"k": None}, 3])
        if n % 7 == 0:
            doc = golden[n % len(golden)]
            yield dataclasses.replace(doc, name=f"g{n}", meta={**doc.meta, **meta})
            continue
        text = rng.choice(texts)[: rng.randint(300, 1500)].strip() or "نص"
        words = [i for i, ch in enumerate(text) if ch != " " and (i == 0 or text[i - 1] == " ")]
        spans = []
        for start in sorted(rng.sample(words, min(len(words), 5))):
            end = text.find(" ", start)
            end = len(text) if end == -1 else end
            if start < end and (not spans or spans[-1].end < start):
                spans.append(make_span(text, start, end, rng.choice(LABELS)))
        yield Document(name=f"d{n}", text=text, spans=tuple(spans), meta=meta)


# --- the writers as they were: the whole output in memory ------------------------------------

def _doccano(docs: list[Document]) -> bytes:
    return "".join(json_line(document_record(d)) + "\n" for d in docs).encode("utf-8")


def _prodigy(docs: list[Document]) -> bytes:
    return "".join(json_line({
        "text": d.text, "meta": {**dict(d.meta), "id": d.name},
        "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in d.spans],
        "answer": "accept"}) + "\n" for d in docs).encode("utf-8")


def _labelstudio(docs: list[Document]) -> bytes:
    lines = [json_line(document_to_task(d, n)[0]) for n, d in enumerate(docs, 1)]
    return ("[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n").encode("utf-8")


def _csv(docs: list[Document]) -> bytes:
    import json

    meta_keys: list[str] = []
    for doc in docs:
        meta_keys.extend(k for k in doc.meta if k not in meta_keys and k not in ("id", "text"))
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["id", "text", *meta_keys])
    for doc in docs:
        writer.writerow([doc.name, doc.text, *(
            (v if isinstance(v := doc.meta[k], str) else json.dumps(v, ensure_ascii=False))
            if k in doc.meta else "" for k in meta_keys)])
    return buf.getvalue().encode("utf-8-sig")


def _events(docs: list[Document]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for doc in docs:
        for k, event in enumerate(doc.events, 1):
            writer.writerow(event_row(doc, event, k))
    return buf.getvalue().encode("utf-8-sig")


ORACLES: dict[str, tuple[str, Callable[[list[Document]], bytes]]] = {
    "doccano": ("out.jsonl", _doccano),
    "prodigy": ("out.jsonl", _prodigy),
    "labelstudio": ("out.json", _labelstudio),
    "csv": ("out.csv", _csv),
    "events": ("events.csv", _events),
}


@pytest.fixture
def texts(seed_texts: dict[str, str]) -> list[str]:
    return [normalize_newlines(t) for t in seed_texts.values()]


@pytest.mark.parametrize("fmt", list(ORACLES))
@pytest.mark.parametrize("count", [0, 1, 300])
def test_writer_writes_what_the_in_memory_writer_wrote(
    tmp_path: Path, texts: list[str], golden_docs: list[Document], fmt: str, count: int,
) -> None:
    docs = list(_documents(texts, golden_docs, count, seed=5))
    name, oracle = ORACLES[fmt]
    out = tmp_path / name
    report = FORMATS[fmt].write(iter(docs), out, WriteOptions())
    assert out.read_bytes() == oracle(docs)
    assert report.documents == count
    if count == 300 and fmt == "csv":
        header = out.read_bytes().decode("utf-8-sig").split("\r\n", 1)[0]
        assert header.startswith("id,text,") and set(META_KEYS) <= set(header.split(","))
    if count == 300 and fmt == "events":
        assert out.read_bytes().decode("utf-8-sig").count("\r\n") > 5


@pytest.mark.parametrize("fmt", list(ORACLES))
def test_memory_stays_that_of_one_document(
    tmp_path: Path, texts: list[str], golden_docs: list[Document], fmt: str,
) -> None:
    out = tmp_path / ORACLES[fmt][0]
    if fmt == "events":
        # Only documents with events (every other one is a line of the report, not output);
        # a first small export loads the date rules, which stay loaded.
        with_events = [d for d in golden_docs if d.events]
        FORMATS[fmt].write(with_events, out, WriteOptions())
        documents: Iterator[Document] = (
            dataclasses.replace(with_events[n % len(with_events)], name=f"e{n}")
            # 3000 documents (a file of 3.7 MB), not fewer: in a worker of the parallel
            # suite the write once allocated 0.58 MB that a process of its own does not (a
            # module or cache first used there), which 1600 documents' file (2 MB) could not
            # absorb under the fifth.
            for n in range(3000))
    else:
        # Label Studio's tasks are the longest: 1,000 documents make a file of 2.9 MB. (600
        # made 1.7 MB, and a parallel worker once went past the fifth of it: 0.43 MB.)
        count = 1000 if fmt == "labelstudio" else 1500
        # A small write first, as for events: what the first use loads once (modules,
        # caches) is not a cost per document, and in a parallel worker no earlier test may
        # have loaded it.
        FORMATS[fmt].write(_documents(texts, golden_docs, 20, seed=5), out, WriteOptions())
        documents = _documents(texts, golden_docs, count, seed=6)
    tracemalloc.start()
    try:
        FORMATS[fmt].write(documents, out, WriteOptions())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = out.stat().st_size
    assert size > 1_000_000
    # A writer holding its output would need at least the file's size (as str, more).
    assert peak < size / 5, (peak, size)


@pytest.mark.parametrize("fmt", list(ORACLES))
def test_a_failed_export_leaves_nothing_and_keeps_the_earlier_file(
    tmp_path: Path, texts: list[str], golden_docs: list[Document], fmt: str,
) -> None:
    out = tmp_path / ORACLES[fmt][0]

    def documents() -> Iterator[Document]:
        yield from _documents(texts, golden_docs, 400, seed=7)
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        FORMATS[fmt].write(documents(), out, WriteOptions())
    assert list(tmp_path.iterdir()) == []
    out.write_bytes(b"earlier export")
    with pytest.raises(RuntimeError):
        FORMATS[fmt].write(documents(), out, WriteOptions())
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
    assert out.read_bytes() == b"earlier export"
