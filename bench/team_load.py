"""A team editing the same documents at once: edits per second, conflicts, and nothing lost.

Each process is one annotator. For the whole run it picks one of the shared documents, opens
it (text and version from one snapshot) and makes one edit against that version: add a span,
relabel or delete one of its own spans, or add an event over its own spans. The store refuses
an edit made against an older version (someone else edited the document meanwhile); the
process then reopens the document and tries again, up to --retries times, and reports the edit
as refused when it still does not get through.

Every process keeps what the store acknowledged: the spans it owns now (id, offsets, label)
and the events it added. At the end the database is read back and compared: every
acknowledged span is there with its last label, no span of an annotator is there that the
annotator does not know about (a refused edit left nothing), every acknowledged event is
there. "lost" must be 0.

The floor, taken in the same run: one plain driver transaction per edit (sqlite3 with the
program's WAL and synchronous=FULL settings; psycopg for PostgreSQL), in one process, so the
table shows the cost of the store and of the contention as a ratio.

    python bench/team_load.py --duration 120                       # SQLite, 3 processes
    python bench/team_load.py --duration 120 --pg-url postgresql+psycopg://annotator@127.0.0.1:55432/db
    python bench/team_load.py --duration 10 --pg-url ... --only postgresql   # a short run
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from annotator.core.model import Document, Event, Span, make_span
from annotator.core.text import tokenize
from annotator.paths import seed_paths
from annotator.store.db import open_database
from annotator.store.errors import ConflictError

KINDS = ("add", "add", "relabel", "delete", "event")


@dataclass
class Outcome:
    """What one annotator process did and what it believes is stored."""

    annotator: str
    acknowledged: int = 0
    conflicts: int = 0
    retried_ok: int = 0
    refused: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    spans: dict[int, tuple[int, int, int, str]] = field(default_factory=dict)
    events: set[int] = field(default_factory=set)


def _documents(n: int) -> list[Document]:
    seeds = seed_paths()
    texts = [p.read_text(encoding="utf-8").replace("\r\n", "\n") for p in seeds]
    return [
        Document(name=f"team-{i:03d}", text=f"{texts[i % len(texts)]}\n(نسخة {i})")
        for i in range(n)
    ]


def _edit(repo: Any, rng: random.Random, out: Outcome, doc_id: int, kind: str,
          labels: list[str], event_types: list[str]) -> bool:
    """One edit against the version just read; False if it is not possible on this document."""
    doc, version = repo.open_document(doc_id, annotator=out.annotator)
    mine = [s for s in doc.spans if s.id is not None]
    if kind == "add" or not mine:
        toks = [t for t in tokenize(doc.text) if t.text.isalnum()]
        tok = rng.choice(toks)
        span = repo.add_span(
            doc_id, make_span(doc.text, tok.start, tok.end, rng.choice(labels)),
            annotator=out.annotator, expected_version=version,
        )
        assert span.id is not None
        out.spans[span.id] = (doc_id, span.start, span.end, span.label)
        kind = "add"
    elif kind == "relabel":
        target: Span = rng.choice(mine)
        assert target.id is not None
        label = rng.choice([lab for lab in labels if lab != target.label])
        repo.update_span(target.id, label=label, expected_version=version)
        out.spans[target.id] = (doc_id, target.start, target.end, label)
    elif kind == "delete":
        target = rng.choice(mine)
        assert target.id is not None
        repo.delete_span(target.id, expected_version=version)
        out.spans.pop(target.id, None)
    else:
        target = rng.choice(mine)
        assert target.id is not None
        event_id = repo.add_event(
            doc_id, Event(type=rng.choice(event_types)), {"actor": [target.id]},
            expected_version=version,
        )
        out.events.add(event_id)
    out.by_kind[kind] = out.by_kind.get(kind, 0) + 1
    return True


def annotator_process(url: str, name: str, doc_ids: list[int], seconds: float, retries: int,
                      seed: int, barrier: Any) -> Outcome:
    """One annotator editing until the time is up."""
    repo = open_database(url, seed_demo=False)
    schema = repo.project_schema(repo.default_project())
    labels = list(schema.names)
    event_types = list(schema.event_types)
    rng = random.Random(seed)
    out = Outcome(annotator=name)
    # Start together once every process has imported and connected: the run measures
    # contention, not start-up.
    barrier.wait()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        doc_id = rng.choice(doc_ids)
        kind = rng.choice(KINDS)
        for attempt in range(retries + 1):
            try:
                _edit(repo, rng, out, doc_id, kind, labels, event_types)
            except ConflictError:
                out.conflicts += 1
                # Someone else edited the document: reopen and repeat, as a person would.
                time.sleep(rng.uniform(0, 0.005 * (attempt + 1)))
                continue
            out.acknowledged += 1
            out.retried_ok += attempt > 0
            break
        else:
            out.refused += 1
    repo.close()
    return out


def check(url: str, outcomes: list[Outcome]) -> tuple[int, int]:
    """(lost, unexpected): acknowledged work missing, and stored work nobody acknowledged."""
    repo = open_database(url, seed_demo=False)
    pid = repo.default_project()
    stored: dict[str, dict[int, tuple[int, int, int, str]]] = {o.annotator: {} for o in outcomes}
    events: set[int] = set()
    for doc in repo.iter_documents(pid):
        assert doc.id is not None
        for s in doc.spans:
            assert s.id is not None
            if s.annotator in stored:
                stored[s.annotator][s.id] = (doc.id, s.start, s.end, s.label)
                assert doc.text[s.start:s.end] == s.text
        events.update(e.id for e in doc.events if e.id is not None)
    repo.close()
    lost = unexpected = 0
    for o in outcomes:
        have = stored[o.annotator]
        lost += sum(1 for sid, state in o.spans.items() if have.get(sid) != state)
        unexpected += sum(1 for sid in have if sid not in o.spans)
        lost += len(o.events - events)
    return lost, unexpected


def _fresh_pg(base: str) -> tuple[str, Any]:
    name = f"team_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    sep = "&" if "?" in base else "?"

    def drop() -> None:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()

    return f"{base}{sep}options=-csearch_path%3D{name}", drop


def floor_sqlite(seconds: float, folder: Path) -> float:
    """Plain sqlite3: one small update-and-insert transaction per edit; edits per second."""
    path = folder / f"floor-{uuid.uuid4().hex[:8]}.sqlite3"
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE d (id INTEGER PRIMARY KEY, version INTEGER)")
    con.execute("CREATE TABLE s (id INTEGER PRIMARY KEY, d INTEGER, a INTEGER, b INTEGER)")
    con.executemany("INSERT INTO d VALUES (?, 1)", [(i,) for i in range(50)])
    n = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        con.execute("BEGIN IMMEDIATE")
        con.execute("UPDATE d SET version = version + 1 WHERE id = ?", (n % 50,))
        con.execute("INSERT INTO s (d, a, b) VALUES (?, 0, 1)", (n % 50,))
        con.execute("COMMIT")
        n += 1
    con.close()
    return n / seconds


def floor_pg(url: str, seconds: float) -> float:
    """Plain psycopg: the same transaction per edit; edits per second."""
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain) as con:
        con.execute("CREATE TEMP TABLE d (id int PRIMARY KEY, version int)")
        con.execute("CREATE TEMP TABLE s (id serial PRIMARY KEY, d int, a int, b int)")
        con.execute("INSERT INTO d SELECT g, 1 FROM generate_series(0, 49) g")
        con.commit()
        n = 0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            con.execute("UPDATE d SET version = version + 1 WHERE id = %s", (n % 50,))
            # one edit = one committed transaction, as the store does
            con.execute("INSERT INTO s (d, a, b) VALUES (%s, 0, 1)", (n % 50,))
            con.commit()
            n += 1
    return n / seconds


def run(engine: str, url: str, processes: int, seconds: float, documents: int,
        retries: int, seed: int) -> dict[str, Any]:
    repo = open_database(url, seed_demo=False)
    pid = repo.default_project()
    repo.add_documents(pid, _documents(documents))
    doc_ids = [d.id for d in repo.list_documents(pid)]
    repo.close()
    ctx = multiprocessing.get_context("spawn")
    began = time.perf_counter()
    with ctx.Manager() as manager, ctx.Pool(processes) as pool:
        barrier = manager.Barrier(processes)
        outcomes = pool.starmap(
            annotator_process,
            [(url, f"annotator{i}", doc_ids, seconds, retries, seed + i, barrier)
             for i in range(processes)],
        )
    elapsed = time.perf_counter() - began
    lost, unexpected = check(url, outcomes)
    acknowledged = sum(o.acknowledged for o in outcomes)
    return {
        "engine": engine,
        "processes": processes,
        "seconds": seconds,
        "acknowledged": acknowledged,
        "edits_per_s": acknowledged / seconds,
        "conflicts": sum(o.conflicts for o in outcomes),
        "retried_ok": sum(o.retried_ok for o in outcomes),
        "refused": sum(o.refused for o in outcomes),
        "lost": lost,
        "unexpected": unexpected,
        "wall": elapsed,
        "by_kind": {
            k: sum(o.by_kind.get(k, 0) for o in outcomes) for k in ("add", "relabel", "delete",
                                                                     "event")
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=120.0,
                        help="seconds each annotator process edits (default: 120)")
    parser.add_argument("--pg-url", default=os.environ.get("ANNOTATOR_TEST_PG_URL"),
                        help="PostgreSQL URL (default: $ANNOTATOR_TEST_PG_URL); a fresh schema "
                        "is made in it and dropped afterwards")
    parser.add_argument("--pg-processes", type=int, default=8)
    parser.add_argument("--sqlite-processes", type=int, default=3)
    parser.add_argument("--documents", type=int, default=50)
    parser.add_argument("--retries", type=int, default=5,
                        help="times a refused edit is repeated after reopening (default: 5)")
    parser.add_argument("--floor-seconds", type=float, default=3.0)
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    rows: list[tuple[dict[str, Any], float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.only != "postgresql":
            floor = statistics.median(
                floor_sqlite(args.floor_seconds / 3, folder) for _ in range(3)
            )
            url = f"sqlite:///{folder / 'team.sqlite3'}"
            rows.append((run("sqlite", url, args.sqlite_processes, args.duration,
                             args.documents, args.retries, args.seed), floor))
        if args.only != "sqlite":
            if not args.pg_url:
                parser.error("--pg-url (or ANNOTATOR_TEST_PG_URL) is needed for PostgreSQL")
            url, drop = _fresh_pg(args.pg_url)
            try:
                floor = floor_pg(url, args.floor_seconds)
                rows.append((run("postgresql", url, args.pg_processes, args.duration,
                                 args.documents, args.retries, args.seed), floor))
            finally:
                drop()

    print(f"{'engine':<11}{'procs':>6}{'secs':>6}{'edits':>8}{'edits/s':>9}{'floor/s':>9}"
          f"{'ratio':>7}{'conflicts':>10}{'retried':>8}{'refused':>8}{'lost':>6}{'extra':>6}")
    for r, floor in rows:
        print(f"{r['engine']:<11}{r['processes']:>6}{r['seconds']:>6.0f}{r['acknowledged']:>8}"
              f"{r['edits_per_s']:>9.1f}{floor:>9.1f}{r['edits_per_s'] / floor:>7.3f}"
              f"{r['conflicts']:>10}{r['retried_ok']:>8}{r['refused']:>8}{r['lost']:>6}"
              f"{r['unexpected']:>6}")
    for r, _ in rows:
        kinds = ", ".join(f"{k} {n}" for k, n in r["by_kind"].items())
        print(f"{r['engine']}: {kinds}; wall {r['wall']:.1f} s")
    print("lost = acknowledged spans or events missing or different at the end; extra = spans "
          "stored that no process acknowledged (a refused edit that left something)")
    return 1 if any(r["lost"] or r["unexpected"] for r, _ in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
