"""Save a picture of the import dialog in Arabic listing the problems of a refused import.

    python scripts/screenshot_import_ar.py [--out docs/import-problems-ar.png]

The seed articles and a file with bad records (a label the project lacks, a broken line, a
span past the end of its text, a record that is not an object) and an empty CSV are imported
into a temporary copy of the demo project: nothing is stored, and the dialog lists each problem
in Arabic, the file names and labels as written. Runs offscreen unless a display is set.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Write the PNG; exit code 0 on success."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs") / "import-problems-ar.png")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix="annotator-screenshot-"))
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    os.environ.setdefault("ANNOTATOR_CACHE_DIR", str(scratch / "cache"))

    from PySide6.QtCore import QSettings

    from annotator.services.session import AnnotationSession
    from annotator.store.db import open_database
    from annotator.ui import i18n
    from annotator.ui.app import application
    from annotator.ui.main_window import MainWindow

    app = application()
    db = str(scratch / "demo.sqlite3")
    repository = open_database(db, seed_demo=True)
    session = AnnotationSession(repository, project_id=repository.default_project(),
                                annotator="demo")
    settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session, settings=settings, database=db)
    if not i18n.set_language("ar"):
        print("screenshot: the Arabic catalog did not load", file=sys.stderr)
        return 1
    window.resize(1280, 800)
    window.show()

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
    deadline = time.monotonic() + 120
    while dialog.progress.running and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(50):
        app.processEvents()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if not dialog.grab().save(str(args.out), "PNG"):
        print(f"screenshot: cannot write {args.out}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    print(dialog.problems.toPlainText())
    dialog.close()
    window.close()
    repository.close()
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
