"""Save a picture of the export dialog with spaCy chosen: the hint names a folder of parts or
one NAME.spacy file, and the report lists the part written.

    python scripts/screenshot_export_spacy.py [--lang ar] [--out /tmp/export-spacy.png]

The demo project is exported into a temporary folder of parts. Runs offscreen unless a
display is set.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from demo_window import open_demo, save_png, scratch_folder


def main(argv: list[str] | None = None) -> int:
    """Write the PNG; exit code 0 on success."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp") / "export-spacy.png")
    parser.add_argument("--lang", choices=("en", "ar"), default="en")
    args = parser.parse_args(argv)
    scratch = scratch_folder()

    from annotator.ui import i18n

    demo = open_demo(scratch, open_first=False)
    window = demo.window()
    if args.lang == "ar" and not i18n.set_language("ar"):
        print("screenshot: the Arabic catalog did not load", file=sys.stderr)
        return 1
    dialog = window.tools.show_export()
    dialog.set_format("spacy")
    dialog.resize(900, 420)
    demo.settle()
    if not save_png(dialog, args.out.with_name(args.out.stem + "-hint" + args.out.suffix)):
        return 1
    dialog.destination.setText(str(scratch / "spacy-train"))
    dialog.start()
    demo.wait(lambda: bool(dialog.progress.running))
    if not save_png(dialog, args.out):
        return 1
    print(f"parts: {sorted(p.name for p in (scratch / 'spacy-train').iterdir())}")
    demo.close(dialog, window)
    return 0


if __name__ == "__main__":
    sys.exit(main())
