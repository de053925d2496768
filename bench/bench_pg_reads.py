"""``annotator stats`` and ``search`` on PostgreSQL: psycopg read path, store path and floors.

Run by hand from the checkout (it is not a test), on a project already imported:

    python bench/bench_pg_reads.py --db postgresql+psycopg://user@127.0.0.1:5432/db --runs 5

Each round runs, interleaved (a busy machine slows every row alike): ``python -c pass``; the
same reads over psycopg alone, written out here (the floor of any read path: interpreter,
psycopg, one connection, the queries, folding and matching); ``annotator stats`` and
``search`` as shipped (the psycopg read path of ADR 0015 on a current database); and the same
two commands made to go through the store (SQLAlchemy, as before the read path). Figures are
medians of ``--runs`` processes with the bytecode cached, wall and CPU seconds of the
process, and the ratio to ``python -c pass``. Then ``python -X importtime`` of ``stats``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import bench_startup  # noqa: E402
from bench_startup import environment, importtime, timed  # noqa: E402
from gen_corpus import RARE_WORD  # noqa: E402

# The floor: what stats and search must do at least, over psycopg, with no code of the
# store (the queries of store/sql_reads.py written out once more, on purpose).
PSYCOPG_STATS = """
import json, sys, psycopg
from annotator.core.labels import parse_schema
con = psycopg.connect("postgresql://" + sys.argv[1].split("://", 1)[1])
assert con.execute("SELECT version_num FROM alembic_version").fetchone()
pid, raw = con.execute("SELECT id, schema FROM projects ORDER BY id LIMIT 1").fetchone()
schema = parse_schema(json.loads(raw) if isinstance(raw, str) else raw)
by_status = dict(con.execute("SELECT status, count(*) FROM documents WHERE project_id = %s "
                             "GROUP BY status", (pid,)).fetchall())
spans = con.execute("SELECT c.label, a.name, c.n FROM span_counts c LEFT OUTER JOIN "
                    "annotators a ON a.id = c.annotator_id WHERE c.project_id = %s "
                    "AND c.n != 0", (pid,)).fetchall()
print(sum(by_status.values()), sum(n for _, _, n in spans), len(schema.names))
"""

PSYCOPG_SEARCH = """
import sys, psycopg
from annotator.core.text import find_all, fold_query
con = psycopg.connect("postgresql://" + sys.argv[1].split("://", 1)[1])
pid = con.execute("SELECT min(id) FROM projects").fetchone()[0]
needle = fold_query(sys.argv[2])
found = [i for (i,) in con.execute("SELECT document_id FROM document_search WHERE key LIKE %s",
                                   ("%" + needle + "%",)).fetchall()]
rows = con.execute("SELECT position, id, name, text FROM documents WHERE id = ANY(%s) "
                   "AND project_id = %s ORDER BY position, id", (found, pid)).fetchall()
hits = [(name, s, e) for _, _, name, text in rows for s, e in find_all(text, sys.argv[2])]
print(len(hits))
"""

# The command as before the read path: the reader declines, the store answers.
THROUGH_STORE = """
import sys
from annotator.store.pg_reader import PgReader
PgReader.open = classmethod(lambda cls, db: None)
from annotator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="PostgreSQL URL of an imported project")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--word", default=RARE_WORD, help="the word searched for")
    args = parser.parse_args(argv)
    cache = Path(tempfile.mkdtemp(prefix="bench-pg-reads-"))
    env = environment(ROOT, cache)
    python = sys.executable
    db = ["--db", args.db]
    commands: dict[str, list[str]] = {
        "python -c pass": [python, "-c", "pass"],
        "stats over psycopg alone (floor)": [python, "-c", PSYCOPG_STATS, args.db],
        "search over psycopg alone (floor)": [python, "-c", PSYCOPG_SEARCH, args.db, args.word],
        "annotator stats": [python, "-m", "annotator", *db, "stats"],
        "annotator search": [python, "-m", "annotator", *db, "search", args.word],
        "annotator stats, through the store": [python, "-c", THROUGH_STORE, *db, "stats"],
        "annotator search, through the store": [python, "-c", THROUGH_STORE, *db, "search",
                                                args.word],
    }
    outputs: dict[str, str] = {}
    for name, command in commands.items():  # warm-up: writes the bytecode cache
        outputs[name] = timed(command, env, ROOT)[2]
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    loads = []
    for _ in range(args.runs):
        loads.append(os.getloadavg()[0])
        for name, command in commands.items():
            seconds, used, _ = timed(command, env, ROOT)
            times[name].append(seconds)
            cpu[name].append(used)
    floor = statistics.median(times["python -c pass"])
    print(f"bench_pg_reads: {time.strftime('%Y-%m-%d %H:%M')}, load (1 min) "
          f"{min(loads):.1f}-{max(loads):.1f} over the rounds, median of {args.runs}, "
          f"search word {args.word!r} ({outputs['annotator search'].strip()})")
    print(f"{'what':<38} {'median s':>9} {'min s':>7} {'x python':>9} {'CPU s':>7}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:<38} {median:>9.3f} {min(values):>7.3f} {median / floor:>9.1f} "
              f"{statistics.median(cpu[name]):>7.3f}")
    # The driver is reported too (importtime reads the module's list).
    bench_startup.WATCHED = (*bench_startup.WATCHED, "psycopg")
    total, watched = importtime(args.db, env, ROOT)
    print(f"\npython -X importtime -m annotator --db URL stats: top-level imports {total:.3f} s")
    for module in bench_startup.WATCHED:
        shown = f"{watched[module]:.3f} s" if module in watched else "not imported"
        print(f"  {module:<28} {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
