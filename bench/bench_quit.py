"""How long the window takes from Quit (Ctrl+Q) to the end of the process.

Each run starts the program on a copy of the demo project in a child process, lets it show
its window, triggers its Quit action, and times from the key to the child's exit. The floor is a
plain Python process with sqlite3 that opens and closes the same database and exits, timed the
same way (from its last statement to its exit), in the same run. ``--no-freeze`` runs the
program as it was before exit skipped the last garbage collection, for comparison.

    python bench/bench_quit.py [--runs 5] [--no-freeze]

Runs offscreen unless a display is set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The child: the real entry point, with a timer that triggers Quit (the action Ctrl+Q runs) once
# the window is shown and writes the time to stdout.
_CHILD = r"""
import gc, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from annotator.ui import app as entry
if sys.argv[2] == "no-freeze":
    gc.freeze = lambda: None
def press():
    windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window"]
    if not windows or not windows[0].isVisible():
        QTimer.singleShot(100, press)
        return
    print(time.time(), flush=True)
    windows[0].actions_by_name["quit"].trigger()
entry.application()  # a timer needs the application to exist
QTimer.singleShot(500, press)
sys.exit(entry.run(sys.argv[1]))
"""

_FLOOR = r"""
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1])
con.execute("select count(*) from documents").fetchall()
con.close()
print(time.time(), flush=True)
"""


def _timed(code: str, *args: str, env: dict[str, str]) -> float:
    """Seconds from the time the child prints to the end of the child process."""
    child = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True, text=True, env=env, check=True, timeout=120,
    )
    ended = time.time()
    return ended - float(child.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-freeze", action="store_true")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="annotator-bench-quit-"))
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(
        ANNOTATOR_DATA_DIR=str(scratch / "data"),
        XDG_CONFIG_HOME=str(scratch / "config"),
        ANNOTATOR_NAME="bench",
    )
    db = str(scratch / "demo.sqlite3")
    from annotator.store.db import open_database

    open_database(db, seed_demo=True).close()
    mode = "no-freeze" if args.no_freeze else "freeze"
    floor: list[float] = []
    program: list[float] = []
    for _ in range(args.runs):
        floor.append(_timed(_FLOOR, db, env=env))
        program.append(_timed(_CHILD, db, mode, env=env))
    f, p = statistics.median(floor), statistics.median(program)
    print(f"{'what':<34} {'median s':>9} {'ratio':>7}")
    print(f"{'floor (python + sqlite3 exits)':<34} {f:>9.3f} {1.0:>7.1f}")
    print(f"{'Ctrl+Q to exit (' + mode + ')':<34} {p:>9.3f} {p / f:>7.1f}")
    print(f"runs: {args.runs}; every run: {', '.join(f'{x:.3f}' for x in program)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
