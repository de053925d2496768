"""Store speed on the synthetic corpus (run by hand from the checkout; prints one table).

    python bench/gen_corpus.py -o /tmp/corpus.jsonl
    python bench/bench_store.py /tmp/corpus.jsonl [--db URL]

Without ``--db`` it uses a new SQLite file in a temporary folder, removed afterwards. With a
URL (e.g. PostgreSQL) it adds a new project named ``bench-<time>`` and leaves it there.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Run from the checkout without installing: the package is the parent folder's annotator/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.core.model import Document, Span
from annotator.store.db import open_database
from annotator.store.repository import Repository


def read_corpus(path: Path) -> list[Document]:
    """The documents of a JSONL corpus as written by gen_corpus.py."""
    docs: list[Document] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            r = json.loads(line)
            spans = tuple(Span(s["start"], s["end"], s["label"], s["text"]) for s in r["spans"])
            docs.append(
                Document(name=r["id"], text=r["text"], meta=r.get("meta", {}), spans=spans)
            )
    return docs


def bench(repo: Repository, docs: list[Document]) -> list[tuple[str, float, str]]:
    """Time add_documents, iter_documents and the window's calls; one row per call."""
    project = repo.create_project(
        f"bench-{time.time():.0f}", repo.project_schema(repo.default_project())
    )
    rows: list[tuple[str, float, str]] = []
    began = time.perf_counter()
    added = repo.add_documents(project, docs, annotator="bench").added
    seconds = time.perf_counter() - began
    rows.append(("add_documents", seconds, f"{len(added) / seconds:,.0f} docs/s"))
    began = time.perf_counter()
    n = sum(1 for _ in repo.iter_documents(project))
    seconds = time.perf_counter() - began
    rows.append(("iter_documents", seconds, f"{n / seconds:,.0f} docs/s"))
    middle = added[len(added) // 2]
    calls: tuple[tuple[str, Callable[[], object]], ...] = (
        ("list_documents", lambda: repo.list_documents(project)),
        ("stats", lambda: repo.stats(project)),
        ("get_document", lambda: repo.get_document(middle)),
    )
    for name, call in calls:
        began = time.perf_counter()
        for _ in range(5):
            call()
        seconds = (time.perf_counter() - began) / 5
        rows.append((name, seconds, f"{seconds * 1000:.1f} ms per call"))
    spans = repo.get_document(middle).spans
    if spans:
        began = time.perf_counter()
        for _ in range(100):
            repo.add_span(middle, spans[0], annotator="bench")
        seconds = (time.perf_counter() - began) / 100
        rows.append(("add_span", seconds, f"{seconds * 1000:.1f} ms per edit (committed)"))
    return rows


def main() -> None:
    """Parse the arguments, run the timings on one database and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="JSONL corpus from bench/gen_corpus.py")
    parser.add_argument("--db", help="database URL (default: a new SQLite file)")
    args = parser.parse_args()
    docs = read_corpus(args.corpus)
    if not docs:
        parser.error(f"{args.corpus} holds no documents")
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{folder}/bench.sqlite3"
        with open_database(url, seed_demo=False) as repo:
            rows = bench(repo, docs)
    print(f"{repo.url}: {len(docs):,} documents, {sum(len(d.spans) for d in docs):,} spans")
    for name, seconds, rate in rows:
        print(f"{name:16} {seconds:8.3f} s   {rate}")


if __name__ == "__main__":
    main()
