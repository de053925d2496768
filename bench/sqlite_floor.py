"""The floor: the same corpus through plain sqlite3, no ORM, no checks, no formats.

Import = parse the JSONL and insert documents and spans in one transaction; export = select every
document with its spans, ordered, and build one CoNLL-like line per span (the least an exporter
must do). bench_io.py divides the program's rates by these to show what the layers cost.

    python bench/sqlite_floor.py /tmp/corpus.jsonl
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

_SCHEMA = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, text TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE, meta TEXT NOT NULL, status TEXT NOT NULL
);
CREATE TABLE spans (
    id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL,
    annotator TEXT, origin TEXT NOT NULL, attrs TEXT NOT NULL
);
CREATE INDEX spans_document ON spans(document_id);
"""


def floor_import(corpus: Path, db: Path, *, search_index: bool = False
                 ) -> tuple[int, int, float]:
    """Insert the corpus into a new database; (documents, spans, seconds).

    ``search_index``: for information only, not the floor: each text also goes into an
    FTS5 trigram table, as the program's corpus search index did during the import before
    ADR 0016 took it off the import's path (the text as it is, not folded).
    """
    began = time.perf_counter()
    con = sqlite3.connect(db)
    con.executescript(_SCHEMA)
    if search_index:
        con.execute("CREATE VIRTUAL TABLE search USING fts5(key, tokenize = 'trigram')")
    n_docs = n_spans = 0
    with con, corpus.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = record["text"]
            cur = con.execute(
                "INSERT INTO documents (name, text, content_hash, meta, status) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    record["id"],
                    text,
                    hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    json.dumps(record["meta"], ensure_ascii=False),
                    record["status"],
                ),
            )
            doc_id = cur.lastrowid
            if search_index:
                con.execute("INSERT INTO search (rowid, key) VALUES (?, ?)", (doc_id, text))
            spans = record["spans"]
            con.executemany(
                'INSERT INTO spans (document_id, start, "end", label, text, annotator, origin, '
                "attrs) VALUES (?, ?, ?, ?, ?, ?, 'imported', ?)",
                [
                    (doc_id, s["start"], s["end"], s["label"], s["text"], record["annotator"],
                     json.dumps(s["attrs"]) if s["attrs"] else "{}")
                    for s in spans
                ],
            )
            n_docs += 1
            n_spans += len(spans)
    con.close()
    return n_docs, n_spans, time.perf_counter() - began


def floor_export(db: Path) -> tuple[int, int, float]:
    """Read every document and its spans back and build tag lines; (documents, lines, seconds)."""
    began = time.perf_counter()
    con = sqlite3.connect(db)
    docs = con.execute("SELECT id, name, text FROM documents ORDER BY id").fetchall()
    by_doc: dict[int, list[tuple[int, int, str, str]]] = {}
    for doc_id, start, end, label, text in con.execute(
        'SELECT document_id, start, "end", label, text FROM spans ORDER BY document_id, start'
    ):
        by_doc.setdefault(doc_id, []).append((start, end, label, text))
    lines = 0
    out: list[str] = []
    for doc_id, _name, _text in docs:
        out.append("-DOCSTART- O\n")
        for _start, _end, label, span_text in by_doc.get(doc_id, ()):
            out.append(f"{span_text} B-{label}\n")
            lines += 1
    con.close()
    return len(docs), lines, time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    """Run both halves on the corpus named in ``argv`` and print the rates."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python bench/sqlite_floor.py CORPUS.jsonl", file=sys.stderr)
        return 2
    corpus = Path(args[0])
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "floor.sqlite"
        n_docs, n_spans, t_in = floor_import(corpus, db)
        _, _, t_out = floor_export(db)
        indexed = Path(tmp) / "floor-indexed.sqlite"
        _, _, t_indexed = floor_import(corpus, indexed, search_index=True)
    print(f"sqlite3 floor: {n_docs} documents, {n_spans} spans")
    print(f"  import {n_docs / t_in:,.0f} docs/s ({t_in:.2f} s)")
    print(f"  select {n_docs / t_out:,.0f} docs/s ({t_out:.2f} s)")
    print(f"  (not the floor) import with an FTS5 trigram index of the texts: "
          f"{n_docs / t_indexed:,.0f} docs/s ({t_indexed:.2f} s, {t_indexed / t_in:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
