"""Team commands of the command line: ``agree`` and ``assign``. Parses, calls services, prints."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

_AGREE_EPILOG = """\
Compares what each annotator labeled on the documents they both marked done: exact-span
precision, recall and F1 (the first annotator is the reference), partial-overlap F1 and
token-level Cohen's kappa for each pair, per label and overall; Krippendorff's alpha (nominal,
over tokens) for all of them together, on the documents at least two finished; and
Krippendorff's unitizing alpha (where the spans are, on character offsets) per label, on the
documents all of them finished.

examples:
  annotator agree amal badr
  annotator agree amal badr --label ACTOR
  annotator agree amal badr carim --json > agreement.json
"""

_ASSIGN_EPILOG = """\
Gives NAME up to N more documents in corpus order. With --overlap, that share of them is taken
from documents already given to someone else (fewest others first), so agreement can be
measured there; the rest are documents nobody has yet.

examples:
  annotator assign --annotator amal --count 100
  annotator assign --annotator badr --count 100 --overlap 20%
"""

Handler = Callable[[argparse.Namespace, "str | None"], int]


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    db_parent: argparse.ArgumentParser,
) -> dict[str, Handler]:
    """Add ``agree`` and ``assign`` to the subcommands; returns their handlers."""
    ag = sub.add_parser(
        "agree", parents=[db_parent], help="agreement between annotators",
        description="Agreement between two or more annotators on the documents they finished.",
        epilog=_AGREE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ag.add_argument("annotators", nargs="+", metavar="ANNOTATOR",
                    help="two or more annotator names; the first is the reference")
    ag.add_argument("--label", metavar="L", help="only this label")
    ag.add_argument("--json", action="store_true", help="print the figures as JSON")

    asg = sub.add_parser(
        "assign", parents=[db_parent], help="assign documents to an annotator",
        description="Assign documents to an annotator.", epilog=_ASSIGN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    asg.add_argument("--annotator", required=True, metavar="NAME", help="who gets them")
    asg.add_argument("--count", required=True, type=int, metavar="N",
                     help="how many documents to add to NAME's share")
    asg.add_argument("--overlap", default="0%", metavar="PERCENT",
                     help="share of the N taken from documents already assigned to others "
                     "(default: 0%%)")
    return {"agree": _cmd_agree, "assign": _cmd_assign}


def _error(message: str) -> None:
    print(f"annotator: {message}", file=sys.stderr)


def _cmd_agree(args: argparse.Namespace, db: str | None) -> int:
    from annotator.services.agreement import (
        AgreementRefused,
        agreement,
        agreement_dict,
        render_agreement,
    )
    from annotator.services.editing import StoreFailure
    from annotator.store.db import open_database
    from annotator.store.repository import StoreError

    if len(args.annotators) < 2:
        _error("agree: name two or more annotators")
        return 2
    try:
        result = agreement(open_database(db), list(args.annotators), label=args.label)
    except AgreementRefused as exc:
        _error(f"agree: {exc}")
        return 1
    except (StoreError, StoreFailure, OSError) as exc:
        _error(str(exc))
        return 1
    if args.json:
        print(json.dumps(agreement_dict(result), ensure_ascii=False, indent=2))
    else:
        print(render_agreement(result))
    return 0


def _cmd_assign(args: argparse.Namespace, db: str | None) -> int:
    from annotator.services.editing import StoreFailure
    from annotator.services.team import assign_documents, parse_overlap
    from annotator.store.db import open_database
    from annotator.store.repository import StoreError

    try:
        overlap = parse_overlap(args.overlap)
        if args.count < 1:
            raise ValueError(f"--count must be at least 1, got {args.count}")
    except ValueError as exc:
        _error(f"assign: {exc}")
        return 2
    try:
        repo = open_database(db)
        given = assign_documents(repo, args.annotator, args.count, overlap=overlap)
        total = len(repo.assigned_documents(repo.default_project(), args.annotator))
    except (StoreError, StoreFailure, OSError, ValueError) as exc:
        _error(str(exc))
        return 1
    print(f"assigned to {args.annotator}: {len(given)} document(s) (now {total} in all)")
    if len(given) < args.count:
        print(f"only {len(given)} of {args.count}: no more documents to give", file=sys.stderr)
    return 0
