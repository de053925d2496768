"""The command line: parses arguments, calls the services, prints. No logic of its own.

Exit codes: 0 done, 1 nothing imported/exported because of bad input (messages on stderr),
2 usage error.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

from annotator.cli_team import Handler
from annotator.cli_team import add_parsers as add_team_parsers
from annotator.core.model import DOC_STATUSES

if TYPE_CHECKING:
    from annotator.services.importing import ImportReport
    from annotator.services.progress import ProgressFn
    from annotator.store.repository import Repository
    from annotator.store.sql_reads import SnapshotReader

_MAIN_EPILOG = """\
examples:
  annotator                                   open the window on the default project
  annotator import news/*.txt                 import plain-text articles
  annotator import tasks.json --map ORG=ACTOR import Label Studio data, renaming a label
  annotator export --format conll -o out.conll --status done
  annotator export --format jsonl -o dataset --split 80/10/10 --seed 1
  annotator stats --json
  annotator --db team.sqlite search "الحرس الثوري"

--db takes a file path or any SQLAlchemy URL (postgresql+psycopg://user@host/db);
without it, the default project in your data folder.
exit codes: 0 ok, 1 bad input (nothing changed), 2 usage error
"""

_IMPORT_EPILOG = """\
Every file is read and checked first; each problem is printed as FILE:LINE: reason.
If there is any problem nothing is imported (exit 1) unless --skip-bad is given.
Documents already in the project (same text) are merged into the stored ones: their spans
and events that are new are added (--on-duplicate skip|merge|replace).

examples:
  annotator import articles/                  a folder of .txt files
  annotator import data.jsonl --annotator amal
  annotator import doccano.jsonl --map ORG=ACTOR --map LOC=LOCATION
  annotator import brat/ --format brat --add-labels
  annotator import export.conll --skip-bad
"""

_EXPORT_EPILOG = """\
brat and txt write a folder of files (OUT/); hf writes OUT and its tag list beside it
(out.jsonl -> out.tags.json). spacy writes a folder of DocBin parts (OUT/part-00001.spacy ...,
about 200,000 tokens each; spacy train reads the folder), or one file when OUT ends in .spacy
(held whole in memory: for small exports).
With --split the documents are shuffled with --seed and cut into three parts, written as
OUT/train.EXT, OUT/dev.EXT and OUT/test.EXT (OUT is a folder; folder formats and spacy give
OUT/train/ ...). The same seed and the same documents always give the same parts.
Spans a flat format cannot hold (overlapping or nested without --nested) are listed in the
summary, never dropped silently.

examples:
  annotator export --format conll -o train.conll --status done
  annotator export --format conll --conll-columns 4 --scheme bioes -o data.conll
  annotator export --format jsonl -o dataset --split 80/10/10 --seed 13
  annotator export --format brat -o brat_out --annotator amal
"""


#: agree and assign (annotator/cli_team.py), filled in by build_parser.
_TEAM_HANDLERS: dict[str, Handler] = {}


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (exposed so the help text can be tested)."""
    db_parent = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: --db after the subcommand must not reset a --db given before it.
    db_parent.add_argument(
        "--db", metavar="URL", default=argparse.SUPPRESS,
        help="database file or SQLAlchemy URL (default: the project in your data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Label actors, targets, locations and dates in Arabic conflict news. "
        "Without a command, opens the window.",
        epilog=_MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[db_parent],
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    imp = sub.add_parser(
        "import", parents=[db_parent], help="import documents (and their spans) from files",
        description="Import documents from files, all or nothing.", epilog=_IMPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                     help="files or folders to import")
    imp.add_argument("--format", default="auto", choices=("auto", *_format_names("read")),
                     metavar="FORMAT",
                     help="input format: auto (detected from each path, the default), "
                     + ", ".join(_format_names("read")))
    imp.add_argument("--annotator", metavar="NAME",
                     help="record the imported spans as the work of NAME")
    imp.add_argument("--map", action="append", default=[], metavar="OLD=NEW",
                     help="rename label (or event type) OLD to NEW while importing "
                     "(repeatable); when NEW is one of the project's labels only labels are "
                     "renamed, when it is one of its event types only event types")
    imp.add_argument("--add-labels", action="store_true",
                     help="add the labels and event types the project does not have yet to "
                     "its schema")
    imp.add_argument("--skip-bad", action="store_true",
                     help="import the good records and list the bad ones instead of refusing")
    imp.add_argument("--on-duplicate", choices=("merge", "skip", "replace"), default="merge",
                     help="a document whose text the project has already: merge its spans "
                     "and events into the stored one (default; identical spans once), skip "
                     "it, or replace the stored spans and events with its own")

    exp = sub.add_parser(
        "export", parents=[db_parent], help="export documents as a dataset",
        description="Export the project's documents in one format, atomically.",
        epilog=_EXPORT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    exp.add_argument("--format", required=True, metavar="FORMAT",
                     choices=_format_names("write"),
                     help="output format: " + ", ".join(_format_names("write")))
    exp.add_argument("-o", "--out", required=True, type=Path, metavar="OUT",
                     help="file (or folder, for --split and folder formats) to write")
    exp.add_argument("--scheme", choices=("iob2", "bioes"), default="iob2",
                     help="tagging scheme for token formats (default: iob2)")
    exp.add_argument("--conll-columns", type=int, choices=(2, 4), default=2,
                     help="CoNLL layout: 2 = TOKEN TAG, 4 = TOKEN -X- _ TAG (default: 2)")
    exp.add_argument("--whole-tokens", action="store_true",
                     help="tag whole tokens instead of splitting a token at a span boundary")
    exp.add_argument("--nested", action="store_true",
                     help="write nested spans as extra tag columns instead of dropping them")
    exp.add_argument("--status", choices=DOC_STATUSES,
                     help="only documents with this status")
    exp.add_argument("--annotator", metavar="NAME",
                     help="only the spans of annotator NAME (the documents all go out)")
    exp.add_argument("--include-suggestions", action="store_true",
                     help="also export suggested spans nobody has reviewed (left out by default)")
    exp.add_argument("--split", metavar="TRAIN/DEV/TEST",
                     help="split by document into three parts, in percent, e.g. 80/10/10")
    exp.add_argument("--seed", type=int, default=0,
                     help="random seed of --split (default: 0)")

    st = sub.add_parser(
        "stats", parents=[db_parent], help="count documents and spans",
        description="Documents by status, spans by label and by annotator.",
        epilog="examples:\n  annotator stats\n  annotator stats --json > counts.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    st.add_argument("--json", action="store_true", help="print the counts as JSON")

    se = sub.add_parser(
        "search", parents=[db_parent], help="search every document, Arabic-aware",
        description="Search every document. Diacritics, tatweel, hamza forms and words broken "
        "with dots (هــ.دد) all match their plain spelling.",
        epilog='examples:\n  annotator search هدد\n  annotator search "الحرس الثوري" --limit 5',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    se.add_argument("query", metavar="QUERY", help="words to find")
    se.add_argument("--limit", type=int, default=None, metavar="N", help="show at most N hits")

    sub.add_parser(
        "index", parents=[db_parent],
        help="complete the corpus search index and the CoNLL export's token templates",
        description="Add the documents imported since the last run to the corpus search "
        "index, and keep the tokens of each for the CoNLL export. Searches and exports work "
        "before that too, only more slowly; the window does this on its own after it "
        "starts.",
        epilog="examples:\n  annotator import corpus.jsonl && annotator index",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )

    da = sub.add_parser(
        "dates", help="normalize a date expression (to check the date rules)",
        description="Print the normalized value of a date expression as VALUE<TAB>PRECISION"
        "<TAB>MOD (ISO 8601, partial when the text is; MOD is - when there is none). "
        "Vague expressions, ranges, and relative ones without --published get no value: "
        "a person decides (exit 1).",
        epilog='examples:\n  annotator dates "3 كانون الثاني من عام 2020"\n'
        '  annotator dates --published 2024-10-28 "الثلاثاء الماضي"',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    da.add_argument("text", nargs="+", metavar="TEXT",
                    help="the date expression (several words are joined with spaces)")
    da.add_argument("--published", metavar="YYYY-MM-DD",
                    help="the publication date that relative expressions count from")

    tr = sub.add_parser(
        "train", parents=[db_parent], help="train the suggestion model on the done documents",
        description="Train a named-entity model (a CRF) on the project's done documents. A "
        "part of them is held out first and the scores on it are printed per label; then the "
        "model is trained on all of them and stored beside the database as the next version "
        "(the previous one is kept).",
        epilog="examples:\n  annotator train\n  annotator --db team.sqlite train --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    tr.add_argument("--iterations", type=int, default=60, metavar="N",
                    help="training iterations (default: 60)")
    tr.add_argument("--json", action="store_true", help="print the model card as JSON")
    tr.add_argument("--progress-lines", action="store_true",
                    help="report progress on stderr as 'progress<TAB>TASK<TAB>DONE<TAB>TOTAL' "
                    "lines (for the window, which runs training in a background process)")

    sg = sub.add_parser(
        "suggest", parents=[db_parent], help="store suggestions in the documents",
        description="Propose spans from the date rules, the project gazetteer (every text "
        "a person labeled) and the newest trained model, and store them as suggestions "
        "(origin 'suggested') in place of each document's earlier ones. A person's spans are "
        "never touched; a suggestion overlapping one is not stored, nor one rejected before.",
        epilog="examples:\n  annotator suggest --status new\n  annotator suggest --no-model",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sg.add_argument("--status", choices=DOC_STATUSES, default=None,
                    help="only documents with this status (default: all)")
    sg.add_argument("--no-model", action="store_true",
                    help="leave the trained model out (dates and gazetteer only)")

    _TEAM_HANDLERS.update(add_team_parsers(sub, db_parent))
    return parser


def _format_names(direction: Literal["read", "write"]) -> list[str]:
    # The registry alone: the readers and writers are imported by the command that uses them.
    from annotator.formats.registry import format_names

    return format_names(read=direction == "read", write=direction == "write")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    window, window_db = _window_only(sys.argv[1:] if argv is None else argv)
    if window:
        return _open_window(window_db)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) and usage errors (2): return, don't exit, in-process
        return exc.code if isinstance(exc.code, int) else 2
    db: str | None = getattr(args, "db", None)
    if args.command is None:
        return _open_window(db)
    handlers: dict[str, Callable[[argparse.Namespace, str | None], int]] = {
        "import": _cmd_import, "export": _cmd_export, "stats": _cmd_stats,
        "search": _cmd_search, "index": _cmd_index, "dates": _cmd_dates, "train": _cmd_train,
        "suggest": _cmd_suggest, **_TEAM_HANDLERS,
    }
    try:
        code = handlers[args.command](args, db)
        # Flushed here, not at exit, so that a reader gone away is seen (and forgiven) below.
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # `annotator search X | head -1`: the reader stopped listening. Every command prints
        # only after its work is done (an import has committed), so the work stands: exit 0.
        _drop_stdout()
        return 0
    except KeyboardInterrupt:
        # Imports and exports are all-or-nothing, so stopping midway leaves nothing half done.
        _error("interrupted; nothing was changed")
        return 130


def _window_only(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(True, db) when ``argv`` is nothing or ``--db X`` alone: the window opens without the
    full parser (every command's options: about 10 ms of a start that must paint within a
    second). Anything else, ``--help`` and mistakes included, goes through the parser."""
    args = list(argv)
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--db" and not args[1].startswith("-"):
        return True, args[1]
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > len("--db="):
        return True, args[0][len("--db="):]
    return False, None


def _drop_stdout() -> None:
    """Point stdout at the null device, so the exit flush does not fail on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # not a real file (tests capture stdout): nothing is flushed at exit anyway


def _open_window(db: str | None) -> int:
    try:
        from annotator.ui.app import run
    except ImportError as exc:
        _error(f"the window cannot start: {exc}")
        return 1
    return run(db=db)


def _error(message: str) -> None:
    print(f"annotator: {message}", file=sys.stderr)


def _print_problems(problems: Sequence[object], *, stream: TextIO) -> None:
    # Problem.__str__ is "file:line: message" (or "file: message" without a line).
    for p in problems:
        print(str(p), file=stream)


@contextmanager
def _progress_bar() -> Iterator[ProgressFn]:
    """A rich progress bar on a terminal; a silent listener when output is piped."""
    if not (sys.stderr.isatty() and sys.stdout.isatty()):
        yield lambda task, done, total: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskID,
        TextColumn,
        TimeElapsedColumn,
    )

    tasks: dict[str, TaskID] = {}
    with Progress(
        TextColumn("{task.description:<18}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=Console(stderr=True), transient=True,
    ) as bar:

        def report(task: str, done: int, total: int | None) -> None:
            if task not in tasks:
                tasks[task] = bar.add_task(task, total=total)
            bar.update(tasks[task], completed=done, total=total)

        yield report


def _open(db: str | None, *, create: bool = False) -> Repository:
    """The database ``db``; only an import may create it (the window asks first)."""
    from annotator.store.db import open_database

    return open_database(db, create=create)


def _open_reading(db: str | None) -> Repository | SnapshotReader:
    """``stats`` and ``search``: a current SQLite file or PostgreSQL database is read over
    its bare driver, without loading SQLAlchemy (ADR 0015); anything else through the store."""
    reader = _snapshot_reader(db)
    return reader if reader is not None else _open(db)


def _snapshot_reader(db: str | None) -> SnapshotReader | None:
    """A read-only snapshot of a current database over its bare driver, or None."""
    if db is not None and "://" in db:
        from annotator.store.pg_reader import PgReader

        return PgReader.open(db)
    from annotator.store.sqlite_reader import SQLiteReader

    return SQLiteReader.open(db)


def _expected_errors() -> tuple[type[BaseException], ...]:
    """The failures a user can cause; anything else is a bug and keeps its traceback."""
    from annotator.core.labels import SchemaError
    from annotator.formats import FormatError
    from annotator.store.errors import StoreError

    return (StoreError, FormatError, SchemaError, OSError)


def _report_failure(exc: BaseException) -> int:
    problems = getattr(exc, "problems", None)
    if problems and all(hasattr(p, "file") for p in problems):
        _print_problems(problems, stream=sys.stderr)
    elif problems:  # StoreError and SchemaError: plain messages
        source = getattr(exc, "source", "")
        for p in problems:
            _error(f"{source}: {p}" if source else str(p))
    elif isinstance(exc, OSError):
        where = exc.filename or ""
        _error(f"{where}: {exc.strerror or exc}" if where else str(exc))
    else:
        _error(str(exc))
    return 1


def _cmd_import(args: argparse.Namespace, db: str | None) -> int:
    from annotator.services.importing import ImportRefused, import_paths, parse_label_map

    try:
        label_map = parse_label_map(args.map)
    except ValueError as exc:
        _error(str(exc))
        return 2
    report = _lean_import(args, db, label_map)
    if report is not None:
        return _print_import(report)
    from annotator.store.db import new_sqlite_file

    # A database made for an import that is refused goes again: nothing is left behind.
    made = new_sqlite_file(db)
    repo: Repository | None = None
    try:
        repo = _open(db, create=True)
        with _progress_bar() as progress:
            report = import_paths(
                repo, args.paths, fmt=args.format, annotator=args.annotator,
                label_map=label_map, add_labels=args.add_labels, skip_bad=args.skip_bad,
                on_duplicate=args.on_duplicate, progress=progress,
            )
    except ImportRefused as exc:
        _discard(repo, made)
        _print_problems(exc.problems, stream=sys.stderr)
        hint = (f" (--skip-bad imports the {exc.importable} good record(s))"
                if exc.importable else "")
        _error(f"{len(exc.problems)} problem(s); nothing imported{hint}")
        return 1
    except _expected_errors() as exc:
        _discard(repo, made)
        return _report_failure(exc)
    except BaseException:
        _discard(repo, made)
        raise
    repo.close()
    return _print_import(report)


def _lean_import(args: argparse.Namespace, db: str | None, label_map: dict[str, str]
                 ) -> ImportReport | None:
    """One clean JSONL file into a current SQLite file, over sqlite3 alone (ADR 0016): the
    common large import without loading SQLAlchemy. None (nothing written) for anything
    else, which the store's path then imports."""
    from annotator.services.importing import streamable

    if not streamable(args.paths, args.format, label_map, args.add_labels, args.skip_bad):
        return None
    from annotator.services.bulk_import import import_jsonl_bare

    with _progress_bar() as progress:
        return import_jsonl_bare(db, args.paths[0], annotator=args.annotator,
                                 on_duplicate=args.on_duplicate, progress=progress)


def _print_import(report: ImportReport) -> int:
    if report.skipped:
        print(f"skipped {len(report.skipped)} bad record(s):", file=sys.stderr)
        _print_problems(report.skipped, stream=sys.stderr)
    out = sys.stdout
    print(f"documents added: {len(report.added)}", file=out)
    dups = len(report.duplicates)
    if report.on_duplicate == "skip" or not dups:
        print(f"duplicates skipped: {dups}", file=out)
    elif report.on_duplicate == "merge":
        print(f"duplicates merged: {dups} (spans added: {report.merged_spans}, events added: "
              f"{report.merged_events})", file=out)
    else:
        print(f"duplicates replaced: {dups} (spans removed: {report.replaced_spans}, spans "
              f"added: {report.merged_spans}, events added: {report.merged_events})", file=out)
    print(f"spans: {report.spans}", file=out)
    for note in report.notes:
        print(note, file=out)
    for name in report.new_labels:
        print(f"label added: {name}", file=out)
    for name in report.new_event_types:
        print(f"event type added: {name}", file=out)
    _print_encodings(report.encodings, stream=out)
    return 0


def _discard(repo: Repository | None, made: Path | None) -> None:
    """Remove the database file a refused import created."""
    if made is None:
        return
    from annotator.store.db import discard_sqlite_file

    if repo is not None:
        repo.close()
    discard_sqlite_file(made)


def _print_encodings(encodings: dict[str, str], *, stream: TextIO, per_file: int = 10) -> None:
    """Each file's encoding; past ``per_file`` files, counts, naming only the unusual ones."""
    if len(encodings) <= per_file:
        for file, encoding in encodings.items():
            print(f"{file}: {encoding}", file=stream)
        return
    by_encoding: dict[str, list[str]] = {}
    for file, encoding in encodings.items():
        by_encoding.setdefault(encoding, []).append(file)
    for encoding, files in sorted(by_encoding.items(), key=lambda item: -len(item[1])):
        print(f"{encoding}: {len(files)} file{'' if len(files) == 1 else 's'}", file=stream)
        # A folder of UTF-8 files with a few cp1256 ones: those few are worth naming.
        if not encoding.startswith("utf-8") and len(files) <= per_file:
            for file in files:
                print(f"  {file}", file=stream)


def _cmd_export(args: argparse.Namespace, db: str | None) -> int:
    from annotator.formats import WriteOptions
    from annotator.services.exporting import (
        ExportRefused,
        TemplatesMissing,
        export_conll,
        export_documents,
        parse_split,
    )

    split = None
    if args.split is not None:
        try:
            split = parse_split(args.split)
        except ValueError as exc:
            _error(f"export: {exc}")
            return 2
    options = WriteOptions(
        scheme=args.scheme, conll_columns=args.conll_columns, whole_tokens=args.whole_tokens,
        nested=args.nested,
    )
    try:
        # A CoNLL export without a split whose every token template is kept (the common case
        # after `annotator index` or the window) reads over the bare driver, as `stats` does
        # (ADR 0015, 0022). The reader cannot keep templates: the first document without one
        # stops it and its temporary file is dropped (rather than counting the missing ones
        # first: that read cost a twentieth of the export), and the store, which makes and
        # keeps them, exports.
        reader = _snapshot_reader(db) if args.format == "conll" and split is None else None
        report = None
        if reader is not None:
            try:
                with reader, _progress_bar() as progress:
                    report = export_conll(
                        reader, out=args.out, options=options, status=args.status,
                        annotator=args.annotator, include_suggestions=args.include_suggestions,
                        progress=progress, templates_kept=True,
                    )
            except TemplatesMissing:
                report = None
        if report is None:
            with _open(db) as repo, _progress_bar() as progress:
                report = export_documents(
                    repo, fmt=args.format, out=args.out, options=options, status=args.status,
                    annotator=args.annotator, split=split, seed=args.seed,
                    include_suggestions=args.include_suggestions, progress=progress,
                )
    except ExportRefused as exc:
        _print_problems(exc.problems, stream=sys.stderr)
        _error("nothing exported")
        return 1
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(args.out) else ""
        _error(f"cannot write {args.out}: {exc.strerror or exc}{where}; nothing exported")
        return 1
    except _expected_errors() as exc:
        return _report_failure(exc)
    out = sys.stdout
    print(f"documents exported: {report.documents}", file=out)
    print(f"spans exported: {report.spans}", file=out)
    for part, n in report.parts.items():
        print(f"  {part}: {n} documents", file=out)
    empty = [part for part, n in report.parts.items() if n == 0]
    if empty:
        # An empty part is written (0 documents), but a training run would fail on it late.
        counts = ", ".join(f"{part} {n}" for part, n in report.parts.items())
        _error(f"warning: the {' and '.join(empty)} part{'s' if len(empty) > 1 else ''} got no "
               f"documents ({counts} of {report.documents}); check --split")
    if report.suggestions_left_out:
        print(f"suggestions left out: {report.suggestions_left_out} "
              "(--include-suggestions exports them)", file=out)
    if report.dropped:
        print(f"spans not representable in {args.format}: {len(report.dropped)}", file=out)
        _print_problems(report.dropped, stream=out)
    if len(report.files) <= 10:
        for path in report.files:
            print(f"wrote {path}", file=out)
    else:  # a folder format: one line per file would bury the summary
        print(f"wrote {len(report.files)} files in {args.out}", file=out)
    return 0


def _cmd_stats(args: argparse.Namespace, db: str | None) -> int:
    from annotator.services.stats import project_stats, render_stats

    try:
        with _open_reading(db) as repo:
            stats = project_stats(repo)
    except _expected_errors() as exc:
        return _report_failure(exc)
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        print(render_stats(stats))
    return 0


def _cmd_search(args: argparse.Namespace, db: str | None) -> int:
    from annotator.services.searching import search_corpus

    if args.limit is not None and args.limit < 1:
        _error("search: --limit must be at least 1")
        return 2
    try:
        with _open_reading(db) as repo:
            hits = search_corpus(repo, args.query, limit=args.limit)
    except _expected_errors() as exc:
        return _report_failure(exc)
    for hit in hits:
        print(f"{hit.document}:{hit.start}-{hit.end}: {hit.context}")
    print(f"{len(hits)} hit(s)" + (" (limit reached)" if args.limit == len(hits) else ""),
          file=sys.stderr)
    return 0


def _cmd_index(args: argparse.Namespace, db: str | None) -> int:
    from annotator.core.token_template import TEMPLATE_VERSION

    try:
        with _open(db) as repo:
            done = made = 0
            with _progress_bar() as progress:
                total = repo.search_pending()
                # A transaction per batch: the window and other imports can write in between.
                while moved := repo.index_pending():
                    done += moved
                    progress("indexing", done, total)
                # Then the CoNLL export's token templates (docs/adr/0022), so that no export
                # after this one has to tokenize.
                total = repo.missing_token_templates(repo.default_project(),
                                                     version=TEMPLATE_VERSION)
                after = 0
                while True:
                    filled, after = repo.fill_token_templates(version=TEMPLATE_VERSION,
                                                              after=after)
                    made += filled
                    progress("token templates", made, max(total, made))
                    if not after:
                        break
    except _expected_errors() as exc:
        return _report_failure(exc)
    print(f"documents indexed: {done}")
    print(f"token templates made: {made}")
    return 0


def _cmd_dates(args: argparse.Namespace, db: str | None) -> int:
    import datetime

    from annotator.core.dates import normalize_date

    published = None
    if args.published is not None:
        try:
            published = datetime.date.fromisoformat(args.published)
        except ValueError:
            _error(f"dates: --published must be a date as YYYY-MM-DD, got {args.published!r}")
            return 2
    text = " ".join(args.text)
    found = normalize_date(text, published)
    if found is None:
        why = "" if published is not None else " (relative ones need --published)"
        _error(f"dates: no value for {text!r}: vague, a range or not a date; a person "
               f"decides{why}")
        return 1
    print(f"{found.value}\t{found.precision}\t{found.mod or '-'}")
    return 0


def _cmd_train(args: argparse.Namespace, db: str | None) -> int:
    from dataclasses import asdict

    from annotator.services.training import TrainingError, train_project

    if args.iterations < 1:
        _error("train: --iterations must be at least 1")
        return 2
    def lines(task: str, done: int, total: int | None) -> None:
        print(f"progress\t{task}\t{done}\t{total or 0}", file=sys.stderr, flush=True)

    try:
        if args.progress_lines:
            card = train_project(_open(db), iterations=args.iterations, progress=lines)
        else:
            with _progress_bar() as progress:
                card = train_project(_open(db), iterations=args.iterations, progress=progress)
    except TrainingError as exc:
        _error(f"train: {exc}")
        return 1
    except _expected_errors() as exc:
        return _report_failure(exc)
    if args.json:
        print(json.dumps(asdict(card), ensure_ascii=False, indent=2))
        return 0
    print(f"model {card.name}-{card.version}: {card.documents} documents "
          f"({card.held_out} held out), {card.sentences} sentences, {card.seconds:.1f} s")
    if card.scores:
        print(f"{'label':<10} {'precision':>9} {'recall':>7} {'F1':>6} {'spans':>6}")
        for row in card.scores:
            print(f"{row['label']:<10} {row['precision']:>9.3f} {row['recall']:>7.3f} "
                  f"{row['f1']:>6.3f} {row['support']:>6}")
    return 0


def _cmd_suggest(args: argparse.Namespace, db: str | None) -> int:
    from annotator.services.suggestions import project_sources, store_suggestions
    from annotator.services.training import ModelSource, project_models

    try:
        repo = _open(db)
        project = repo.default_project()
        model = None if args.no_model else project_models(repo).latest()
        sources = project_sources(repo, project,
                                  model=ModelSource(model) if model is not None else None)
        report = store_suggestions(repo, project, sources, status=args.status)
    except _expected_errors() as exc:
        return _report_failure(exc)
    used = ", ".join(f"{name} {n}" for name, n in sorted(report.by_source.items())) or "none"
    print(f"{report.stored} suggestion(s) in {report.documents} document(s) ({used}); "
          f"model: {model.name if model is not None else 'none'}; {report.seconds:.1f} s")
    return 0
