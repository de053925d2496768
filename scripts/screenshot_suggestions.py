"""Save a picture of the window with suggestions: a few names of the first seed labeled by
hand, their other occurrences and the dates proposed (hatched, dashed underline).

    python scripts/screenshot_suggestions.py [--out docs/suggestions.png]

Runs offscreen unless a display is set. The database is a temporary copy of the demo project.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

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
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix="annotator-screenshot-"))
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")

    from PySide6.QtCore import QSettings

    from annotator.services.commands import UndoStack
    from annotator.services.session import AnnotationSession
    from annotator.store.db import open_database
    from annotator.ui.app import application, suggest_open_document
    from annotator.ui.main_window import MainWindow

    app = application()
    db = str(scratch / "demo.sqlite3")
    repository = open_database(db, seed_demo=True)
    session = AnnotationSession(repository, project_id=repository.default_project(),
                                annotator="demo")
    first = session.documents()[0].id
    repository.set_document_meta(first, {"published": "2024-10-28"})
    session.open(first)
    stack = UndoStack(session.writer)
    for phrase, label in LABELED:
        start = session.text.find(phrase)
        command = session.add_command(start, start + len(phrase), label) if start >= 0 else None
        if command is None:
            print(f"screenshot: cannot label {phrase!r}", file=sys.stderr)
            return 1
        stack.push(command)
    settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session, settings=settings, database=db,
                        suggest=lambda: suggest_open_document(session, repository))
    window.resize(1280, 800)
    window.show()
    for _ in range(30):
        app.processEvents()
    count = sum(1 for s in session.spans if s.origin == "suggested")
    window.suggestions.jump(+1)
    for _ in range(10):
        app.processEvents()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(args.out), "PNG"):
        print(f"screenshot: cannot write {args.out}", file=sys.stderr)
        return 1
    window.close()
    repository.close()
    print(f"wrote {args.out}: {count} suggestions shown")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
