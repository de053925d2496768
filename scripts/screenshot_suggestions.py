"""Save a picture of the window with suggestions: a few names of the first seed labeled by
hand, their other occurrences and the dates proposed (hatched, dashed underline).

    python scripts/screenshot_suggestions.py [--out docs/suggestions.png]

Runs offscreen unless a display is set. The database is a temporary copy of the demo project.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from demo_window import open_demo, save_png, scratch_folder

LABELED: tuple[tuple[str, str], ...] = (
    ("التحالف الدولي", "ACTOR"),
    ("الميليشيات المدعومة من إيران", "TARGET"),
    ("دير الزور", "LOCATION"),
    ("حقل العمر النفطي", "LOCATION"),
    ("الميادين", "LOCATION"),
    ("الميليشيات الإيرانية", "TARGET"),
)


def main(argv: list[str] | None = None) -> int:
    """Write the PNG; exit code 0 on success."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/suggestions.png"))
    args = parser.parse_args(argv)
    demo = open_demo(scratch_folder(), open_first=False)

    from annotator.ui.app import suggest_open_document

    session, repository = demo.session, demo.repository
    first = session.documents()[0].id
    repository.set_document_meta(first, {"published": "2024-10-28"})
    session.open(first)
    missing = demo.label(LABELED)
    if missing is not None:
        print(f"screenshot: cannot label {missing!r}", file=sys.stderr)
        return 1
    window = demo.window(suggest=lambda: suggest_open_document(session, repository))
    demo.settle(30)
    count = sum(1 for s in session.spans if s.origin == "suggested")
    window.suggestions.jump(+1)
    demo.settle(10)
    if not save_png(window, args.out):
        return 1
    demo.close(window)
    print(f"{args.out}: {count} suggestions shown")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
