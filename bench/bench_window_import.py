"""The window's event loop during a 10,000-document import run from File > Import.

    python bench/bench_window_import.py [--docs 10000] [--runs 3]

Generates a corpus from the seeds (bench/gen_corpus.py), then for each run imports it into a
fresh project twice: once through the import dialog's worker thread with a 20 ms timer running
in the window's event loop, once by the same service call on the main thread (what the command
line does) as the floor. Prints, as medians over the runs: the longest and 95th-percentile gap
between timer ticks during the worker's import (the loop must keep turning: target < 100 ms),
the import's wall time in the worker and on the main thread, and their ratio. Runs offscreen.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.gen_corpus import generate

TICK_MS = 20


def main(argv: list[str] | None = None) -> int:
    """Print the table; exit code 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QElapsedTimer, QTimer

    from annotator.services.session import AnnotationSession
    from annotator.services.workspace import Workspace
    from annotator.store.db import open_database
    from annotator.ui.app import application
    from annotator.ui.import_dialog import ImportDialog

    app = application()
    scratch = Path(tempfile.mkdtemp(prefix="annotator-bench-window-"))
    corpus = scratch / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for record in generate(docs=args.docs, seed=11):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")

    max_gaps: list[float] = []
    p95_gaps: list[float] = []
    worker_s: list[float] = []
    floor_s: list[float] = []
    for run in range(args.runs):
        repo = open_database(str(scratch / f"w{run}.sqlite3"), seed_demo=False)
        session = AnnotationSession(repo, project_id=repo.default_project(), annotator="bench")
        dialog = ImportDialog(Workspace.of(session))
        dialog.add_paths([corpus])
        clock = QElapsedTimer()
        ticks: list[int] = []
        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(lambda clock=clock, ticks=ticks: ticks.append(clock.elapsed()))
        clock.start()
        timer.start()
        started = time.perf_counter()
        dialog.start()
        while dialog.progress.running:
            app.processEvents()
            time.sleep(0.001)
        worker_s.append(time.perf_counter() - started)
        timer.stop()
        if not dialog.summary.text().startswith(f"Added {args.docs} document(s)"):
            print(f"bench: the import did not add everything: {dialog.summary.text()}",
                  file=sys.stderr)
            return 1
        gaps = sorted(b - a for a, b in itertools.pairwise(ticks))
        max_gaps.append(float(gaps[-1]) if gaps else float("inf"))
        p95_gaps.append(float(gaps[int(len(gaps) * 0.95)]) if gaps else float("inf"))
        repo.close()

        floor_repo = open_database(str(scratch / f"f{run}.sqlite3"), seed_demo=False)
        started = time.perf_counter()
        Workspace(floor_repo, floor_repo.default_project()).import_files([corpus])
        floor_s.append(time.perf_counter() - started)
        floor_repo.close()

    worker = statistics.median(worker_s)
    floor = statistics.median(floor_s)
    rows = [
        ("documents imported", f"{args.docs}"),
        ("runs (medians below)", f"{args.runs}"),
        (f"longest gap between {TICK_MS} ms ticks", f"{statistics.median(max_gaps):.0f} ms"),
        ("95th-percentile gap", f"{statistics.median(p95_gaps):.0f} ms"),
        ("import in the worker (window live)", f"{worker:.2f} s"),
        ("same import on the main thread (floor)", f"{floor:.2f} s"),
        ("worker / floor", f"{worker / floor:.2f}x"),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'measure':<{width}}  value")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
