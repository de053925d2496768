"""Start-up of the command line and the window, against the bare interpreter in the same run.

Run by hand from the checkout (it is not a test):

    python bench/bench_startup.py --db /tmp/scale/project-10000.sqlite3 --runs 5
    python bench/bench_startup.py --db X --root /tmp/old-checkout   # another checkout's code

Each figure is the median of ``--runs`` processes, interpreter start included, with the
bytecode cached (PYTHONDONTWRITEBYTECODE is dropped, PYTHONPYCACHEPREFIX points at a folder
of this bench). ``python -c pass`` and ``python -c "import PySide6.QtWidgets"`` (the floor
of any Qt window) are measured in the same rounds, interleaved, so a busy machine shows as
slower floors. The window gives two figures: its first paint (``ANNOTATOR_TIMING=exit``) and
the moment its store is open (``ANNOTATOR_TIMING=ready``; the window may paint before it
opens the store, ADR 0015). Then one ``python -X importtime`` of ``stats``: the total of
the top-level imports and what the heavy libraries cost (cumulative), and whether the
format readers, numpy, pyahocorasick or dateparser were imported at all.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from gen_corpus import RARE_WORD  # noqa: E402

#: Imports reported by name (cumulative microseconds of the first import of each).
WATCHED = ("sqlalchemy", "sqlalchemy.orm", "alembic", "annotator.cli", "annotator.store.db",
           "annotator.formats", "annotator.formats.brat", "charset_normalizer", "numpy",
           "ahocorasick", "dateparser", "pycrfsuite", "pyqtgraph")


# What a read path over the DBAPI alone would cost (ADR 0015): the same queries as the
# store's stats and search on SQLite, through sqlite3, with the project's own schema parsing,
# folding and matching, and no SQLAlchemy. Each prints what the command prints (counts, hits).
DBAPI_STATS = """
import json, sqlite3, sys
from annotator.core.labels import parse_schema
con = sqlite3.connect(sys.argv[1])
con.execute("BEGIN")
assert con.execute("SELECT version_num FROM alembic_version").fetchone()
pid, raw = con.execute("SELECT id, schema FROM projects ORDER BY id LIMIT 1").fetchone()
schema = parse_schema(json.loads(raw) if isinstance(raw, str) else raw)
by_status = dict(con.execute("SELECT status, count(*) FROM documents WHERE project_id = ? "
                             "GROUP BY status", (pid,)))
spans = con.execute("SELECT c.label, a.name, c.n FROM span_counts c LEFT OUTER JOIN "
                    "annotators a ON a.id = c.annotator_id WHERE c.project_id = ? "
                    "AND c.n != 0", (pid,)).fetchall()
print(sum(by_status.values()), sum(n for _, _, n in spans), len(schema.names))
"""

DBAPI_SEARCH = """
import sqlite3, sys
from annotator.core.text import find_all, fold_query
con = sqlite3.connect(sys.argv[1])
con.execute("BEGIN")
pid = con.execute("SELECT min(id) FROM projects").fetchone()[0]
needle = fold_query(sys.argv[2])
found = {i for (i,) in con.execute("SELECT rowid FROM document_search WHERE document_search "
                                   "MATCH ?", ('"' + needle.replace('"', '""') + '"',))}
marks = ",".join("?" * len(found))
rows = con.execute(f"SELECT position, id, name, text FROM documents WHERE id IN ({marks}) "
                   "AND project_id = ? ORDER BY position, id", (*found, pid)).fetchall()
hits = [(name, s, e) for _, _, name, text in rows for s, e in find_all(text, sys.argv[2])]
print(len(hits))
"""


def environment(root: Path, cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    # The checkout measured comes first on the path, before the installed (editable) one.
    env["PYTHONPATH"] = str(root)
    env["QT_QPA_PLATFORM"] = env.get("BENCH_QPA", "offscreen")
    env["XDG_CONFIG_HOME"] = str(cache / "config")  # QSettings: no remembered document
    env["ANNOTATOR_NAME"] = "bench"
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the process, its stderr)."""
    cpu = _children_cpu()
    began = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd,
                          check=False)
    seconds = time.perf_counter() - began
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(command)}\n{proc.stderr}")
    return seconds, _children_cpu() - cpu, proc.stderr


def _timing_mode(name: str) -> str:
    return "ready" if name == "window: store open" else "exit"


def reported(stderr: str, what: str = "first paint") -> float:
    """The seconds the window reported for ``what`` (ANNOTATOR_TIMING)."""
    line = next(x for x in stderr.splitlines() if what in x)
    return float(line.split(what, 1)[1].split()[0])


def importtime(db: str, env: dict[str, str], cwd: Path) -> tuple[float, dict[str, float]]:
    """Total seconds of the top-level imports of ``stats``, and the watched ones."""
    _, _, err = timed([sys.executable, "-X", "importtime", "-m", "annotator", "--db", db, "stats"],
                   env, cwd)
    total = 0.0
    watched: dict[str, float] = {}
    for line in err.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.split("|", 2)
        if not cumulative.strip().isdigit():
            continue  # the header line
        seconds = int(cumulative) / 1e6
        if not name.startswith("  ", 1):  # " name": top level (nested ones are indented)
            total += seconds
        module = name.strip()
        if module in WATCHED and module not in watched:
            watched[module] = seconds
    return total, watched


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="project database (file or URL)")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="checkout whose code is measured (default: this one)")
    parser.add_argument("--no-window", action="store_true", help="skip the first paint")
    parser.add_argument("--dbapi", action="store_true",
                        help="also time stats and search over sqlite3 alone (ADR 0015)")
    args = parser.parse_args(argv)
    cache = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    env = environment(args.root.resolve(), cache)
    cwd = args.root.resolve()
    annotator = [sys.executable, "-m", "annotator", "--db", args.db]
    commands: dict[str, list[str]] = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "import PySide6.QtWidgets": [sys.executable, "-c", "import PySide6.QtWidgets"],
        "annotator stats": [*annotator, "stats"],
        f"annotator search {RARE_WORD}": [*annotator, "search", RARE_WORD],
    }
    if args.dbapi and "://" not in args.db:
        commands["stats over sqlite3 alone"] = [sys.executable, "-c", DBAPI_STATS, args.db]
        commands["search over sqlite3 alone"] = [sys.executable, "-c", DBAPI_SEARCH, args.db,
                                                 RARE_WORD]
    if not args.no_window:
        commands["window: first paint"] = annotator
        commands["window: store open"] = annotator
    # One warm-up round writes the bytecode cache; it is not counted.
    for name, command in commands.items():
        timed(command, {**env, "ANNOTATOR_TIMING": _timing_mode(name)}, cwd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            seconds, used, err = timed(command, {**env, "ANNOTATOR_TIMING": _timing_mode(name)},
                                       cwd)
            if name.startswith("window"):
                seconds = reported(err, "first paint" if name.endswith("paint") else
                                   "store open")
            times[name].append(seconds)
            cpu[name].append(used)
    floor = statistics.median(times["python -c pass"])
    qt_floor = statistics.median(times["import PySide6.QtWidgets"])
    print(f"bench_startup: {time.strftime('%Y-%m-%d %H:%M')}, load {os.getloadavg()[0]:.1f}, "
          f"code {args.root}, db {args.db}, median of {args.runs}")
    # CPU seconds of the process as well: on a shared machine the wall time is mostly waiting.
    print(f"{'what':<32} {'median s':>9} {'min s':>7} {'x python':>9} {'x Qt':>6} {'CPU s':>7}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:<32} {median:>9.3f} {min(values):>7.3f} {median / floor:>9.1f} "
              f"{median / qt_floor:>6.2f} {statistics.median(cpu[name]):>7.3f}")
    total, watched = importtime(args.db, env, cwd)
    print(f"\npython -X importtime -m annotator --db DB stats: top-level imports {total:.3f} s")
    for module in WATCHED:
        shown = f"{watched[module]:.3f} s" if module in watched else "not imported"
        print(f"  {module:<28} {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
