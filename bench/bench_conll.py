"""CoNLL export, first (no token templates) and later (templates kept), against the floor.

Run by hand (it is not a test); it prints one table. Each round runs, as processes of their
own: the plain-sqlite3 floor's export (``sqlite_floor.floor_export``, interpreter start
included), the CLI export with the templates cleared (the first export: through the store,
which makes and keeps them), and again (a later export: over the bare driver when every
template is kept, docs/adr/0022); then, templates cleared again, ``annotator index`` (what
making them costs when it is done there or by the window instead of by an export). CPU
seconds of each process (user + system, from ``getrusage``) are less disturbed than wall
time when the machine is shared; both are printed, as ratios to the floor of the
same round, medians over the rounds. Peak memory is the program's own (VmHWM) high mark.

    python bench/bench_conll.py --db /tmp/p.sqlite3 --corpus /tmp/corpus-10000.jsonl --runs 3
    python bench/bench_conll.py --db postgresql+psycopg://u@host/db --corpus C --runs 3

The project in ``--db`` must hold the corpus (``annotator import C --format jsonl``); the
floor's database is built from ``--corpus`` once, beside it (``--floor``) or in a temp folder.
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

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_scale import PEAK_WRAPPER  # noqa: E402  (the program reporting its own peak memory)
from sqlite_floor import floor_import  # noqa: E402

_FLOOR = ("import sys; sys.path.insert(0, sys.argv[2]); from pathlib import Path; "
          "from sqlite_floor import floor_export; floor_export(Path(sys.argv[1]))")


def run(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak MB) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT,
                          check=False)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{command[:4]} failed:\n{proc.stderr[-2000:]}")
    peak = next((int(line.split()[1]) // 1024 for line in proc.stderr.splitlines()
                 if line.startswith("bench-peak-kb: ")), 0)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak


def clear_templates(db: str) -> None:
    url = db if "://" in db else f"sqlite:///{db}"
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM token_templates"))
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the project (SQLite file or URL)")
    parser.add_argument("--corpus", type=Path, required=True, help="the corpus it holds")
    parser.add_argument("--floor", type=Path, help="the floor's database (built if missing)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "bench-pycache"))
    floor_db = args.floor or Path(tempfile.mkdtemp(prefix="bench-conll-")) / "floor.sqlite3"
    if not floor_db.exists():
        floor_import(args.corpus, floor_db)
    out = Path(tempfile.mkdtemp(prefix="bench-conll-out-")) / "out.conll"
    export = [sys.executable, "-c", PEAK_WRAPPER, "--db", args.db, "export", "--format", "conll",
              "-o", str(out)]
    rows: dict[str, list[tuple[float, float]]] = {"first": [], "later": [], "index": []}
    index = [sys.executable, "-m", "annotator", "--db", args.db, "index"]
    peaks: list[int] = []
    print(f"bench_conll: {time.strftime('%Y-%m-%d %H:%M')}, load {os.getloadavg()[0]:.1f}, "
          f"{args.db}")
    for n in range(args.runs):
        floor_wall, floor_cpu, _ = run(
            [sys.executable, "-c", _FLOOR, str(floor_db), str(ROOT / "bench")], env)
        clear_templates(args.db)
        wall, cpu, peak = run(export, env)
        rows["first"].append((wall / floor_wall, cpu / floor_cpu))
        peaks.append(peak)
        wall2, cpu2, peak2 = run(export, env)
        rows["later"].append((wall2 / floor_wall, cpu2 / floor_cpu))
        peaks.append(peak2)
        clear_templates(args.db)
        wall3, cpu3, _ = run(index, env)
        rows["index"].append((wall3 / floor_wall, cpu3 / floor_cpu))
        print(f"  round {n + 1} (load {os.getloadavg()[0]:.1f}): floor {floor_wall:.2f} s, "
              f"CPU {floor_cpu:.2f} s; first {wall:.2f} s, CPU {cpu:.2f} s, {peak} MB; "
              f"later {wall2:.2f} s, CPU {cpu2:.2f} s, {peak2} MB; index {wall3:.2f} s, "
              f"CPU {cpu3:.2f} s", file=sys.stderr)
    print(f"{'CoNLL export':<14}{'wall / floor':>14}{'CPU / floor':>13}{'target':>8}")
    for name, ratios in rows.items():
        wall_r = statistics.median(r[0] for r in ratios)
        cpu_r = statistics.median(r[1] for r in ratios)
        target = "<= 2x" if name != "index" else "(not an export: templates made there)"
        print(f"{name:<14}{wall_r:>13.2f}x{cpu_r:>12.2f}x  {target}")
    print(f"peak memory: {max(peaks)} MB (target < 400 MB)")
    out.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
