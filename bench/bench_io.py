"""Import and CoNLL-export speed on the synthetic corpus, against a plain sqlite3 floor.

Run by hand (it is not a test); it prints one table:

    python bench/gen_corpus.py -o /tmp/corpus.jsonl
    python bench/bench_io.py /tmp/corpus.jsonl
    python bench/bench_io.py /tmp/corpus.jsonl --profile /tmp/prof   # also cProfile each step
    python bench/bench_io.py /tmp/corpus.jsonl --import-runs 3   # import only, CPU and wall

``--import-runs N`` times only the import, N times, each next to a floor of its own, in CPU
seconds of this process (``time.process_time``: what a loaded machine changes least) and in
wall seconds, then ``annotator import`` in its own process (the bare-driver path, start-up
included; CPU of the child), and prints the median ratios; the search index is completed
after the import (ADR 0016), so ``annotator index``'s work is timed separately.

Targets (issue 4): import >= 10,000 docs/s with spans, CoNLL export >= 5,000 docs/s.
For reference, Label Studio did 1,050 and 510 on the same data.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlite_floor import floor_export, floor_import

from annotator.formats import WriteOptions
from annotator.services.exporting import export_documents
from annotator.services.importing import import_paths
from annotator.store.db import open_database

T = TypeVar("T")
IMPORT_TARGET = 10_000
EXPORT_TARGET = 5_000
LABEL_STUDIO = {"import": 1_050, "export CoNLL": 510, "CoNLL later": 510}


def timed(
    name: str, work: Callable[[], T], *, profile_dir: Path | None
) -> tuple[T, float]:
    """Run ``work``; (its result, seconds). With ``profile_dir``, also save and print a profile."""
    profiler = cProfile.Profile() if profile_dir is not None else None
    began = time.perf_counter()
    if profiler is not None:
        profiler.enable()
    result = work()
    if profiler is not None:
        profiler.disable()
    seconds = time.perf_counter() - began
    if profiler is not None and profile_dir is not None:
        profile_dir.mkdir(parents=True, exist_ok=True)
        target = profile_dir / f"{name.replace(' ', '_')}.prof"
        profiler.dump_stats(target)
        print(f"\n--- {name}: top of the profile ({target}) ---", file=sys.stderr)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    return result, seconds


class PhaseClock:
    """A progress listener that notes when each reported phase starts and ends."""

    def __init__(self) -> None:
        self.spans: dict[str, list[float]] = {}

    def __call__(self, task: str, done: int, total: int | None) -> None:
        now = time.perf_counter()
        self.spans.setdefault(task, [now, now])[1] = now

    def summary(self) -> str:
        """``phase 1.23 s`` for each phase, in the order they ran."""
        return ", ".join(f"{task} {end - start:.2f} s" for task, (start, end) in self.spans.items())


def cli_import(corpus: Path, db: Path) -> tuple[float, float]:
    """``annotator --db DB import CORPUS --format jsonl`` in its own process, as
    bench_scale.py runs it, into a database made first (not timed); (CPU seconds of the
    process, wall seconds)."""
    import os
    import resource
    import subprocess

    open_database(str(db)).close()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # start-up without recompiling every module
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    w0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "annotator", "--db", str(db), "import", str(corpus),
                    "--format", "jsonl"], check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - w0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def import_runs(corpus: Path, runs: int) -> int:
    """The import alone, ``runs`` times against the floor (in this process, then the command
    line in its own); prints the ratios and medians."""
    import os
    import statistics

    cpu: list[float] = []
    wall: list[float] = []
    index: list[float] = []
    cli_cpu: list[float] = []
    cli_wall: list[float] = []
    print(f"corpus: {corpus}; load {os.getloadavg()[0]:.1f}")
    for run in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            c0, w0 = time.process_time(), time.perf_counter()
            floor_import(corpus, folder / "floor.sqlite3")
            floor_cpu, floor_wall = time.process_time() - c0, time.perf_counter() - w0
            repo = open_database(str(folder / "bench.sqlite3"))
            c0, w0 = time.process_time(), time.perf_counter()
            import_paths(repo, [corpus], fmt="jsonl")
            in_cpu, in_wall = time.process_time() - c0, time.perf_counter() - w0
            c0 = time.process_time()
            while repo.index_pending():
                pass
            index_cpu = time.process_time() - c0
            repo.close()
            c_cpu, c_wall = cli_import(corpus, folder / "cli.sqlite3")
        cpu.append(in_cpu / floor_cpu)
        wall.append(in_wall / floor_wall)
        index.append(index_cpu / floor_cpu)
        cli_cpu.append(c_cpu / floor_cpu)
        cli_wall.append(c_wall / floor_wall)
        print(f"  run {run + 1}: floor CPU {floor_cpu:.2f} s (wall {floor_wall:.2f}), import "
              f"CPU {in_cpu:.2f} s = {cpu[-1]:.2f}x (wall {in_wall:.2f} s = {wall[-1]:.2f}x); "
              f"then the search index CPU {index_cpu:.2f} s = {index[-1]:.2f}x; "
              f"command line CPU {c_cpu:.2f} s = {cli_cpu[-1]:.2f}x (wall {c_wall:.2f} s = "
              f"{cli_wall[-1]:.2f}x); load {os.getloadavg()[0]:.1f}")
    print(f"median import / floor: CPU {statistics.median(cpu):.2f}x, wall "
          f"{statistics.median(wall):.2f}x (target <= 1.5x); search index afterwards, CPU "
          f"{statistics.median(index):.2f}x the floor")
    print(f"median command-line import / floor: CPU {statistics.median(cli_cpu):.2f}x, wall "
          f"{statistics.median(cli_wall):.2f}x (target <= 1.5x)")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the four measurements and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="JSONL written by bench/gen_corpus.py")
    parser.add_argument("--profile", type=Path, metavar="DIR",
                        help="profile each step with cProfile, saving the stats in DIR")
    parser.add_argument("--import-runs", type=int, metavar="N",
                        help="only the import, N times, CPU and wall ratios to the floor")
    args = parser.parse_args(argv)
    if args.import_runs:
        return import_runs(args.corpus, args.import_runs)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n_docs, n_spans, floor_in = floor_import(args.corpus, folder / "floor.sqlite3")
        _, _, floor_out = floor_export(folder / "floor.sqlite3")

        repo = open_database(str(folder / "bench.sqlite3"))
        import_clock = PhaseClock()
        report, t_in = timed(
            "import",
            lambda: import_paths(repo, [args.corpus], fmt="jsonl", progress=import_clock),
            profile_dir=args.profile,
        )
        if len(report.added) != n_docs:
            print(f"warning: imported {len(report.added)} of {n_docs} documents", file=sys.stderr)
        options = WriteOptions(scheme="iob2", conll_columns=2, whole_tokens=False, nested=False)
        export_clock = PhaseClock()
        exported, t_out = timed(
            "export CoNLL",
            lambda: export_documents(
                repo, fmt="conll", out=folder / "out.conll", options=options,
                progress=export_clock,
            ),
            profile_dir=args.profile,
        )
        # A later export reads the token templates the first one kept (docs/adr/0022).
        again, t_again = timed(
            "export CoNLL later",
            lambda: export_documents(
                repo, fmt="conll", out=folder / "out.conll", options=options,
            ),
            profile_dir=args.profile,
        )
    rows = [
        ("import", len(report.added) / t_in, n_docs / floor_in, IMPORT_TARGET, t_in),
        ("export CoNLL", exported.documents / t_out, n_docs / floor_out, EXPORT_TARGET, t_out),
        ("CoNLL later", again.documents / t_again, n_docs / floor_out, EXPORT_TARGET, t_again),
    ]
    print(f"corpus: {args.corpus} ({n_docs:,} documents, {n_spans:,} spans)")
    header = (f"{'step':<14}{'seconds':>9}{'docs/s':>10}{'sqlite3 floor':>15}"
              f"{'of floor':>10}{'target':>9}{'met':>5}{'Label Studio':>14}")
    print(header)
    print("-" * len(header))
    for name, rate, floor, target, seconds in rows:
        print(
            f"{name:<14}{seconds:>9.2f}{rate:>10,.0f}{floor:>15,.0f}{rate / floor:>10.2f}"
            f"{target:>9,}{'yes' if rate >= target else 'no':>5}{LABEL_STUDIO[name]:>14,}"
        )
    print()
    print(f"import phases: {import_clock.summary()}")
    print(f"export phases: {export_clock.summary()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
