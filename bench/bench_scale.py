"""The program at 10,000 and 100,000 articles against the targets of the scale issue, one table.

Run by hand from the checkout (it is not a test); one command prints the whole table:

    python bench/bench_scale.py                       # 10k and 100k on SQLite, 3 runs each
    python bench/bench_scale.py --sizes 10000 --runs 5
    python bench/bench_scale.py --pg postgresql+psycopg://user@127.0.0.1:5432/db  # + 10k on PG
    python bench/bench_scale.py --work /tmp/scale     # keep corpora and projects between runs
    python bench/bench_scale.py --sizes 10000 100000 --io-only   # import/export, memory per format

For each size it writes the corpus with gen_corpus.py (a rare word planted in a few articles),
then in the same run: the plain-sqlite3 floor (bench/sqlite_floor.py), the CLI import and CoNLL
export as separate processes (time and peak memory, ratio to the floor), ``annotator stats``
and ``annotator search`` as processes (wall time, interpreter start included), the window's
first paint (``ANNOTATOR_TIMING=exit`` on the offscreen platform, interpreter start included)
and, in this process, the window's next document, status filter, click on the last loaded row
and a jump deep into the list. Timings are medians of ``--runs`` runs; the machine may be
shared, so the import and export are given as ratios to the floor measured next to them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from gen_corpus import RARE_WORD  # noqa: E402
from sqlite_floor import floor_export, floor_import  # noqa: E402

from annotator.formats.hf import tags_path  # noqa: E402

# Writers whose peak memory is measured besides CoNLL's: (format, file suffix).
# spaCy writes a folder of DocBin parts (a name without .spacy; ADR 0023). The writers after
# it are measured only when asked (--formats doccano ...).
EXPORT_FORMATS = (("jsonl", ".jsonl"), ("hf", ".hf.jsonl"), ("spacy", "-spacy"),
                  ("doccano", ".doccano.jsonl"), ("prodigy", ".prodigy.jsonl"),
                  ("labelstudio", ".json"), ("csv", ".csv"), ("events", ".events.csv"),
                  ("brat", "-brat"), ("webanno", "-webanno"))
DEFAULT_FORMATS = ("jsonl", "hf", "spacy")


@dataclass(frozen=True)
class Row:
    """One line of the table: what, measured, target, met (None: no target)."""

    step: str
    measured: str
    target: str
    met: bool | None


# Runs the program and prints its own peak memory at exit. Not ru_maxrss from wait4: Linux
# carries the parent's resident size at fork over the exec, so every child of a large bench
# process would report at least the bench's own size. VmHWM is the program's own high mark.
PEAK_WRAPPER = (
    "import atexit, runpy, sys\n"
    "def _peak():\n"
    "    with open('/proc/self/status') as fh:\n"
    "        kb = next(int(l.split()[1]) for l in fh if l.startswith('VmHWM'))\n"
    "    print(f'bench-peak-kb: {kb}', file=sys.stderr, flush=True)\n"
    "atexit.register(_peak)\n"
    "sys.argv = ['annotator', *sys.argv[1:]]\n"
    "runpy.run_module('annotator', run_name='__main__')\n"
)


def run_measured(args: Sequence[str], *, env: dict[str, str] | None = None
                 ) -> tuple[float, int, str, str]:
    """Run a process; (wall seconds, its own peak RSS in MB, stdout, stderr).

    ``args`` starting with ``python -m annotator`` run through PEAK_WRAPPER, which reports the
    peak; for any other command the peak is 0.
    """
    command = list(args)
    wrapped = command[1:3] == ["-m", "annotator"]
    if wrapped:
        command = [command[0], "-c", PEAK_WRAPPER, *command[3:]]
    began = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT,
                          check=False)
    seconds = time.perf_counter() - began
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    peak_kb = 0
    stderr_lines = []
    for line in proc.stderr.splitlines():
        if line.startswith("bench-peak-kb: "):
            peak_kb = int(line.split()[1])
        else:
            stderr_lines.append(line)
    return seconds, peak_kb // 1024, proc.stdout, "\n".join(stderr_lines)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def environment(work: Path) -> dict[str, str]:
    """The environment of the program's processes: bytecode cached, settings of their own."""
    env = dict(os.environ)
    # Start-up figures must not include recompiling every module (PYTHONDONTWRITEBYTECODE).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env["XDG_CONFIG_HOME"] = str(work / "config")  # QSettings: no remembered document
    env["XDG_DATA_HOME"] = str(work / "data")
    env["QT_QPA_PLATFORM"] = env.get("BENCH_QPA", "offscreen")
    env["ANNOTATOR_NAME"] = "bench"
    return env


def make_corpus(work: Path, size: int) -> Path:
    corpus = work / f"corpus-{size}.jsonl"
    if not corpus.exists():
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "gen_corpus.py"), "-o", str(corpus),
             "--docs", str(size), "--rare", str(max(1, size // 5))],
            check=True,
        )
    return corpus


def annotator(db: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "annotator", "--db", db, *args]


def measure_io(
    work: Path, corpus: Path, size: int, runs: int, env: dict[str, str], db_url: str | None,
    formats: Sequence[str] = (),
) -> tuple[list[Row], str]:
    """Import and CoNLL export against the floor; returns the rows and the project's db."""
    ratios_in: list[float] = []
    ratios_out: list[float] = []
    ratios_again: list[float] = []
    rss_in: list[int] = []
    rss_out: list[int] = []
    secs_in: list[float] = []
    secs_out: list[float] = []
    rss_formats: dict[str, int] = {}
    index_runs: list[tuple[float, float, float, int]] = []
    db = db_url or str(work / f"project-{size}.sqlite3")
    for run in range(runs):
        floor_db = work / "floor.sqlite3"
        floor_db.unlink(missing_ok=True)
        _, _, t_floor_in = floor_import(corpus, floor_db)
        _, _, t_floor_out = floor_export(floor_db)
        floor_db.unlink()
        if db_url is None:
            for suffix in ("", "-wal", "-shm"):
                Path(db + suffix).unlink(missing_ok=True)
        else:
            _reset_pg(db_url)
        # A new database made first, so the import is timed alone (not the migrations).
        # (``stats`` refuses a database that does not exist: open_database creates it, as the
        # import would, with the same demo setting.)
        run_measured([sys.executable, "-c", "import sys; from annotator.store.db import "
                      "open_database; open_database(sys.argv[1]).close()", db], env=env)
        t_in, mb_in, _, _ = run_measured(
            annotator(db, "import", str(corpus), "--format", "jsonl"), env=env)
        out = work / "out.conll"
        t_out, mb_out, _, _ = run_measured(
            annotator(db, "export", "--format", "conll", "-o", str(out)), env=env)
        out.unlink()
        # A later export reads the token templates the first one kept (docs/adr/0022).
        t_again, mb_again, _, _ = run_measured(
            annotator(db, "export", "--format", "conll", "-o", str(out)), env=env)
        out.unlink()
        ratios_again.append(t_again / t_floor_out)
        rss_out.append(mb_again)
        # The search index is completed off the import's path (ADR 0016): a search before
        # it is complete (it folds the pending texts itself), then `annotator index`.
        t_pending, _, _, _ = run_measured(annotator(db, "search", RARE_WORD), env=env)
        t_index, mb_index, _, _ = run_measured(annotator(db, "index"), env=env)
        index_runs.append((t_pending, t_index, t_index / t_floor_in, mb_index))
        if run == runs - 1:
            # The other writers once, each in its own process: their peak memory, which must
            # not grow with the corpus either (spaCy's too: a folder of parts, ADR 0023).
            for fmt, suffix in [(f, x) for f, x in EXPORT_FORMATS if f in formats]:
                target = work / f"out{suffix}"
                try:
                    _, rss_formats[fmt], _, _ = run_measured(
                        annotator(db, "export", "--format", fmt, "-o", str(target)), env=env)
                except RuntimeError as exc:
                    rss_formats[fmt] = -1
                    print(f"  export {fmt} failed: {str(exc)[-300:]}", file=sys.stderr)
                if target.is_dir():
                    shutil.rmtree(target)
                target.unlink(missing_ok=True)
                tags_path(target).unlink(missing_ok=True)
        ratios_in.append(t_in / t_floor_in)
        ratios_out.append(t_out / t_floor_out)
        secs_in.append(t_in)
        secs_out.append(t_out)
        rss_in.append(mb_in)
        rss_out.append(mb_out)
        print(f"  run {run + 1}: import {t_in:.1f} s ({t_in / t_floor_in:.2f}x floor, "
              f"{mb_in} MB), export {t_out:.1f} s ({t_out / t_floor_out:.2f}x floor, "
              f"{mb_out} MB), later export {ratios_again[-1]:.2f}x floor", file=sys.stderr)
    rows = [
        Row(f"CLI import ({size:,} docs/s)", f"{size / median(secs_in):,.0f} docs/s, "
            f"{median(ratios_in):.2f}x floor", "<= 1.5x", median(ratios_in) <= 1.5),
        Row("CLI CoNLL export, first", f"{size / median(secs_out):,.0f} docs/s, "
            f"{median(ratios_out):.2f}x floor", "<= 2x", median(ratios_out) <= 2.0),
        Row("CLI CoNLL export, later", f"{median(ratios_again):.2f}x floor", "<= 2x",
            median(ratios_again) <= 2.0),
        Row("search rare word, just imported (index pending)",
            f"{median([r[0] for r in index_runs]):.2f} s", "", None),
        Row("then `annotator index` (off the import's path)",
            f"{median([r[1] for r in index_runs]):.1f} s, "
            f"{median([r[2] for r in index_runs]):.2f}x floor, "
            f"{max(r[3] for r in index_runs)} MB", "", None),
        Row("import: peak memory", f"{max(rss_in)} MB", "< 400 MB", max(rss_in) < 400),
        Row("export: peak memory", f"{max(rss_out)} MB", "< 400 MB", max(rss_out) < 400),
        *(Row(f"export {fmt}: peak memory", f"{mb} MB" if mb >= 0 else "failed", "< 400 MB",
              0 <= mb < 400) for fmt, mb in rss_formats.items()),
    ]
    return rows, db


def _reset_pg(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        for table in ("document_search", "document_search_pending", "span_counts",
                      "event_roles", "events", "relations", "suggestion_decisions",
                      "annotator_statuses", "assignments", "token_templates",
                      "project_changes", "document_certainty", "spans", "annotators",
                      "documents", "projects", "alembic_version"):
            conn.execute(text(f"DROP TABLE IF EXISTS {table} CASCADE"))
        for kind in ("version", "insert", "delete"):  # revision 0011's trigger functions
            conn.execute(text(f"DROP FUNCTION IF EXISTS annotator_count_{kind}() CASCADE"))
    engine.dispose()


def measure_cli(db: str, runs: int, env: dict[str, str], size: int) -> list[Row]:
    stats = median([run_measured(annotator(db, "stats"), env=env)[0] for _ in range(runs)])
    search_t = []
    hits = ""
    for _ in range(runs):
        seconds, _, out, _ = run_measured(annotator(db, "search", RARE_WORD), env=env)
        search_t.append(seconds)
        hits = f"{len(out.splitlines())} hits"
    start = median([run_measured([sys.executable, "-c", "pass"], env=env)[0]
                    for _ in range(runs)])
    target = 0.3 if size <= 10_000 else 1.0
    return [
        Row("`annotator stats`", f"{stats:.2f} s", "< 0.5 s", stats < 0.5),
        Row(f"`annotator search` rare word ({hits})", f"{median(search_t):.2f} s",
            f"< {target} s", median(search_t) < target),
        Row("  (python -c pass, for scale)", f"{start:.2f} s", "", None),
    ]


def measure_first_paint(db: str, runs: int, env: dict[str, str]) -> list[Row]:
    """The window's first paint and its store being open (it may paint first: ADR 0015),
    interleaved with the floors of any Qt window: ``python -c pass`` and PySide6's import."""
    paint: list[float] = []
    ready: list[float] = []
    floor: list[float] = []
    qt: list[float] = []
    rss: list[int] = []
    # CPU seconds (user + sys) of the process that quits at its first paint: steadier than
    # the wall time on a shared machine.
    cpu: list[float] = []
    for _ in range(runs):
        floor.append(run_measured([sys.executable, "-c", "pass"], env=env)[0])
        qt.append(run_measured([sys.executable, "-c", "import PySide6.QtWidgets"], env=env)[0])
        before = os.times()
        _, mb, _, err = run_measured(annotator(db), env={**env, "ANNOTATOR_TIMING": "exit"})
        after = os.times()
        cpu.append(after.children_user - before.children_user
                   + after.children_system - before.children_system)
        line = next(x for x in err.splitlines() if "first paint" in x)
        paint.append(float(line.split("first paint", 1)[1].split()[0]))
        rss.append(mb)
        _, _, _, err = run_measured(annotator(db), env={**env, "ANNOTATOR_TIMING": "ready"})
        line = next(x for x in err.splitlines() if "store open" in x)
        ready.append(float(line.split("store open", 1)[1].split()[0]))
    return [
        Row("window: start to first paint", f"{median(paint):.2f} s "
            f"({median(paint) / median(qt):.2f}x PySide6 import; process "
            f"{median(cpu):.2f} s CPU)", "< 1 s", median(paint) < 1.0),
        Row("window: start to store open", f"{median(ready):.2f} s", "", None),
        Row("  (python -c pass / import PySide6.QtWidgets)",
            f"{median(floor):.2f} / {median(qt):.2f} s", "", None),
        Row("window: peak memory at first paint", f"{max(rss)} MB", "", None),
    ]


def measure_window(db: str, runs: int) -> list[Row]:
    """Next document, status filter, last loaded row and a deep jump, in this process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, Qt

    from annotator.services.session import AnnotationSession
    from annotator.store.db import open_database
    from annotator.ui.app import application
    from annotator.ui.main_window import MainWindow

    app = application()
    repo = open_database(db)
    session = AnnotationSession(repo, project_id=repo.default_project(), annotator="bench")
    settings_dir = tempfile.mkdtemp()
    settings = QSettings(str(Path(settings_dir) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session, settings=settings, database=db)
    window.show()
    app.processEvents()

    def timed(action: Callable[[], object], times: int) -> float:
        values = []
        for _ in range(times):
            began = time.perf_counter()
            action()
            app.processEvents()
            values.append(time.perf_counter() - began)
        return median(values) * 1000

    n = max(20, runs)
    next_ms = timed(lambda: window.navigator.step(+1), n)
    previous_ms = timed(lambda: window.navigator.step(-1), n)
    view = window.documents

    def filter_round() -> None:
        view.set_status_filter("done")
        app.processEvents()
        view.set_status_filter(None)

    filter_ms = timed(filter_round, max(5, runs)) / 2
    model = view.document_model

    def click_last() -> None:
        window.navigator.open(model.document_at(model.rowCount() - 1).id)

    last_ms = timed(click_last, max(5, runs))

    def text_round(word: str) -> Callable[[], None]:
        def run() -> None:
            view.set_text_filter(word)
            app.processEvents()
            view.set_text_filter("")
        return run

    rare_ms = timed(text_round(RARE_WORD), max(5, runs)) / 2
    common_ms = timed(text_round("التحالف"), max(5, runs)) / 2
    view.set_text_filter("التحالف")
    common_hits = model.place_of(-1)[1] if model.place_of(-1) else 0
    view.set_text_filter("")

    def label_round() -> None:
        view.set_label_filter("DATE")
        app.processEvents()
        view.set_label_filter(None)

    label_ms = timed(label_round, max(5, runs)) / 2
    sorted_rows: list[Row] = []
    for column, key in ((1, "name"), (2, "status"), (3, "spans")):
        def sort_round(column: int = column) -> None:
            view.sort_by(column, Qt.SortOrder.DescendingOrder)
            app.processEvents()
            view.sort_by(0)

        sort_ms = timed(sort_round, max(5, runs)) / 2
        view.sort_by(column, Qt.SortOrder.DescendingOrder)
        sorted_next = timed(lambda: window.navigator.step(+1), n)
        last_sorted = timed(click_last, max(5, runs))
        view.sort_by(0)
        sorted_rows.append(Row(f"sort by {key} (descending): sort / next / click last",
                               f"{sort_ms:.1f} / {sorted_next:.1f} / {last_sorted:.1f} ms",
                               "< 130 ms", max(sort_ms, sorted_next, last_sorted) < 130))
    size = model.project_size

    def jump() -> None:
        view.set_status_filter(None)  # a fresh list: the jump reads as far as the document
        # The document at position size // 2, one row read (not a walk of size // 2 rows).
        found = repo.document_page(session.project_id, after=(size // 2 - 1, 2**62), limit=1)
        if found:
            window.navigator.open(found[0].id)

    jump_ms = timed(jump, 3)
    window.close()
    repo.close()
    shutil.rmtree(settings_dir, ignore_errors=True)
    return [
        Row("next document", f"{next_ms:.1f} ms (previous {previous_ms:.1f} ms)", "< 50 ms",
            next_ms < 50),
        Row("status filter", f"{filter_ms:.1f} ms", "< 100 ms", filter_ms < 100),
        Row("click last loaded row", f"{last_ms:.1f} ms", "< 100 ms", last_ms < 100),
        Row("text filter, rare word", f"{rare_ms:.1f} ms", "< 130 ms", rare_ms < 130),
        Row(f"text filter, common word ({common_hits:,} documents)", f"{common_ms:.1f} ms",
            "< 130 ms", common_ms < 130),
        Row("label filter (has DATE)", f"{label_ms:.1f} ms", "< 130 ms", label_ms < 130),
        *sorted_rows,
        Row(f"jump to document {size // 2 + 1:,} (list read that far)", f"{jump_ms:.0f} ms",
            "", None),
    ]


def measure_search_latency(db: str) -> list[Row]:
    """Corpus search in this process: median of 20 queries (rare and common words)."""
    from annotator.services.searching import search_corpus
    from annotator.store.db import open_database

    repo = open_database(db)
    queries = [RARE_WORD, "الحرس الثوري", "هدد", "اكتوبر", "دير الزور"]
    values: dict[str, list[float]] = {q: [] for q in queries}
    for _ in range(4):
        for q in queries:
            began = time.perf_counter()
            search_corpus(repo, q, limit=50)
            values[q].append(time.perf_counter() - began)
    repo.close()
    rare = median(values[RARE_WORD]) * 1000
    common = median([v for q in queries[1:] for v in values[q]]) * 1000
    return [Row("search in process, rare word (median of 20 queries in all)",
                f"{rare:.0f} ms", "", None),
            Row("search in process, common words, first 50 hits", f"{common:.0f} ms", "", None)]


def print_table(title: str, rows: list[Row]) -> None:
    print(f"\n{title}")
    width = max(len(r.step) for r in rows) + 2
    mwidth = max(len(r.measured) for r in rows) + 2
    print(f"{'step':<{width}}{'measured':<{mwidth}}{'target':<12}met")
    print("-" * (width + mwidth + 16))
    for r in rows:
        met = "" if r.met is None else ("yes" if r.met else "NO")
        print(f"{r.step:<{width}}{r.measured:<{mwidth}}{r.target:<12}{met}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000],
                        help="corpus sizes on SQLite (none: only --pg)")
    parser.add_argument("--formats", nargs="*", default=list(DEFAULT_FORMATS),
                        choices=[f for f, _ in EXPORT_FORMATS],
                        help="writers whose peak memory is measured besides CoNLL's")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--io-runs", type=int, default=None,
                        help="runs of the import/export pair (default: --runs)")
    parser.add_argument("--work", type=Path, help="folder kept between runs (default: temp)")
    parser.add_argument("--no-io", action="store_true",
                        help="skip the import/export measurements and reuse the projects "
                        "already in --work (imported once if missing)")
    parser.add_argument("--io-only", action="store_true",
                        help="only the import/export measurements (no CLI, window, search)")
    parser.add_argument("--pg", metavar="URL", help="also run 10k on this PostgreSQL database "
                        "(its annotator tables are dropped first)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    env = environment(work)
    io_runs = args.io_runs or args.runs
    print(f"bench_scale: {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs, load "
          f"{os.getloadavg()[0]:.1f}; work folder {work}")
    targets: list[tuple[str, int, str | None]] = [(f"SQLite, {n:,} articles", n, None)
                                                  for n in args.sizes]
    if args.pg:
        targets.append(("PostgreSQL, 10,000 articles", 10_000, args.pg))
    for title, size, url in targets:
        print(f"{title}: building ...", file=sys.stderr)
        corpus = make_corpus(work, size)
        if args.no_io:
            rows, db = [], url or str(work / f"project-{size}.sqlite3")
            if url is None and not Path(db).exists():
                run_measured(annotator(db, "import", str(corpus), "--format", "jsonl"),
                             env=env)
                run_measured(annotator(db, "index"), env=env)
        else:
            rows, db = measure_io(work, corpus, size, io_runs, env, url, args.formats)
        if args.io_only:
            print_table(title, rows)
            continue
        rows += measure_cli(db, args.runs, env, size)
        rows += measure_first_paint(db, args.runs, env)
        rows += measure_window(db, args.runs)
        rows += measure_search_latency(db)
        print_table(title, rows)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
