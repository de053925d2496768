"""The command-line import as shipped (orjson reads the lines) and with its line reader
switched to json, next to the plain-sqlite3 floor (which reads with json), interleaved:
how much of the import's ratio to the floor is the faster parser (ADR 0016).

    python bench/bench_import_parser.py [/tmp/scale/corpus-10000.jsonl] [--runs 3]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sqlite_floor import floor_import

# The child with the streaming reader's line parser replaced by json's.
WITH_JSON = ("import json, sys; import annotator.services.bulk_import as b; "
             "b._loads = lambda raw: json.loads(raw); from annotator.cli import main; "
             "sys.exit(main(sys.argv[1:]))")
NEW_DB = ("import sys; from annotator.store.db import open_database; "
          "open_database(sys.argv[1]).close()")


def child(command: list[str]) -> tuple[float, float]:
    """Run ``command``; its (wall, CPU) seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    """Print each run and the medians of the two ratios to the floor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?",
                        default=Path("/tmp/scale/corpus-10000.jsonl"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    ratios: dict[str, list[tuple[float, float]]] = {"orjson": [], "json": []}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for run in range(args.runs):
            floor_db = work / "floor.sqlite3"
            floor_db.unlink(missing_ok=True)
            cpu_began = time.process_time()
            _, _, floor_wall = floor_import(args.corpus, floor_db)
            floor_cpu = time.process_time() - cpu_began
            for kind in ratios:
                db = work / f"{kind}-{run}.sqlite3"
                child([sys.executable, "-c", NEW_DB, str(db)])  # not timed: the migrations
                cli = ["--db", str(db), "import", str(args.corpus), "--format", "jsonl"]
                command = ([sys.executable, "-m", "annotator", *cli] if kind == "orjson"
                           else [sys.executable, "-c", WITH_JSON, *cli])
                wall, cpu = child(command)
                ratios[kind].append((wall / floor_wall, cpu / floor_cpu))
                print(f"run {run + 1} {kind}: {wall:.2f} s wall ({wall / floor_wall:.2f}x the "
                      f"floor's {floor_wall:.2f} s), {cpu:.2f} s CPU "
                      f"({cpu / floor_cpu:.2f}x the floor's {floor_cpu:.2f} s)", flush=True)
    for kind, values in ratios.items():
        walls = sorted(v[0] for v in values)
        cpus = sorted(v[1] for v in values)
        print(f"{kind}: median {walls[len(walls) // 2]:.2f}x wall, "
              f"{cpus[len(cpus) // 2]:.2f}x CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
