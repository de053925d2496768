"""Save a picture of the export dialog with spaCy chosen: the hint names a folder of parts or
one NAME.spacy file, and the report lists the part written.

    python scripts/screenshot_export_spacy.py [--lang ar] [--out /tmp/export-spacy.png]

The demo project is exported into a temporary folder of parts. Runs offscreen unless a
display is set.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Write the PNG; exit code 0 on success."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp") / "export-spacy.png")
    parser.add_argument("--lang", choices=("en", "ar"), default="en")
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
    if args.lang == "ar" and not i18n.set_language("ar"):
        print("screenshot: the Arabic catalog did not load", file=sys.stderr)
        return 1
    window.resize(1280, 800)
    window.show()
    dialog = window.tools.show_export()
    dialog.set_format("spacy")
    dialog.resize(900, 420)
    for _ in range(20):
        app.processEvents()
    hint = args.out.with_name(args.out.stem + "-hint" + args.out.suffix)
    dialog.grab().save(str(hint), "PNG")
    dialog.destination.setText(str(scratch / "spacy-train"))
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
    print(f"wrote {hint} and {args.out}; parts: "
          f"{sorted(p.name for p in (scratch / 'spacy-train').iterdir())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
