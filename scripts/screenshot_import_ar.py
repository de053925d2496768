"""Save a picture of the import dialog in Arabic listing the problems of a refused import.

    python scripts/screenshot_import_ar.py [--out docs/import-problems-ar.png]

The seed articles and a file with bad records (a label the project lacks, a broken line, a
span past the end of its text, a record that is not an object) and an empty CSV are imported
into a temporary copy of the demo project: nothing is stored, and the dialog lists each problem
in Arabic, the file names and labels as written. Runs offscreen unless a display is set.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from demo_window import open_demo, save_png, scratch_folder

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Write the PNG; exit code 0 on success."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs") / "import-problems-ar.png")
    args = parser.parse_args(argv)
    scratch = scratch_folder()

    from annotator.ui import i18n

    demo = open_demo(scratch, open_first=False)
    window = demo.window()
    if not i18n.set_language("ar"):
        print("screenshot: the Arabic catalog did not load", file=sys.stderr)
        return 1

    seeds = scratch / "seeds"
    seeds.mkdir()
    for path in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(path, seeds / path.name)
    bad = scratch / "from-elsewhere.jsonl"
    bad.write_text(
        '{"text": "قصف الطيران مدينة حلب", "spans": [{"start": 18, "end": 21, "label": "GPE"}]}\n'
        '{"text": "سطر مقطوع\n'
        '{"text": "قصف حلب", "spans": [{"start": 4, "end": 70, "label": "ACTOR"}]}\n'
        "[1, 2]\n",
        encoding="utf-8")
    empty = scratch / "empty.csv"
    empty.write_bytes(b"")
    dialog = window.tools.show_import([seeds, bad, empty])
    dialog.resize(1100, 560)
    dialog.start()
    demo.wait(lambda: bool(dialog.progress.running))
    if not save_png(dialog, args.out):
        return 1
    print(dialog.problems.toPlainText())
    demo.close(dialog, window)
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
