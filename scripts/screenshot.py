"""Save a picture of the annotation window on the seed articles with a few spans of each label.

    python scripts/screenshot.py [--out docs/screenshot.png] [--width 1280 --height 800]
    python scripts/screenshot.py --language ar --out docs/screenshot-ar.png --dialogs docs

With ``--language ar`` the window is in Arabic; ``--dialogs FOLDER`` also saves the help (F1)
and the question asked before labeling several sentences, as ``help-LANG.png`` and
``confirm-LANG.png`` in FOLDER.

Runs offscreen unless a display is set (it also works under Xvfb). The database is a temporary
copy of the demo project; nothing of the user's is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

# Example words of the first seed article, by label; the nested pair shows how an inner span
# is drawn inside an outer one.
EXAMPLES: tuple[tuple[str, str, bool], ...] = (
    ("التحالف الدولي", "ACTOR", False),
    ("الميليشيات المدعومة من إيران", "TARGET", False),
    ("إيران", "ACTOR", False),
    ("دير الزور", "LOCATION", False),
    ("شرق سوريا", "LOCATION", False),
    ("حقل كونيكو للغاز", "TARGET", False),
    ("كونيكو", "LOCATION", False),
    ("شهر أكتوبر", "DATE", False),
    ("حزب الله", "ACTOR", False),
    ("إسرائيل", "TARGET", False),
)


def main(argv: list[str] | None = None) -> int:
    """Write the PNG; exit code 0 on success."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshot.png"))
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument("--language", choices=("en", "ar"), default="en")
    parser.add_argument("--dialogs", type=Path, default=None,
                        help="also save the help and a question dialog in this folder")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix="annotator-screenshot-"))
    # Private settings: the picture must not depend on (or change) the user's zoom and state.
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from annotator.services.commands import UndoStack
    from annotator.services.session import AnnotationSession
    from annotator.store.db import open_database
    from annotator.ui.app import application
    from annotator.ui.i18n import set_language
    from annotator.ui.main_window import MainWindow

    app = application()
    if not set_language(args.language):
        print(f"screenshot: the {args.language} catalog cannot be loaded", file=sys.stderr)
        return 1
    db = str(scratch / "demo.sqlite3")
    repository = open_database(db, seed_demo=True)
    session = AnnotationSession(repository, project_id=repository.default_project(),
                                annotator="demo")
    first = session.documents()[0].id
    session.open(first)
    stack = UndoStack(session.writer)
    text = session.text
    for phrase, label, exact in EXAMPLES:
        start = text.find(phrase)
        if start < 0:
            print(f"screenshot: {phrase!r} is not in the first seed", file=sys.stderr)
            return 1
        command = session.add_command(start, start + len(phrase), label, exact=exact)
        if command is not None:
            stack.push(command)
    settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session, settings=settings, database=db)
    window.resize(args.width, args.height)
    window.show()
    window.article.select_span(session.spans_at(text.find("كونيكو"))[0].id, scroll=False)
    for _ in range(20):
        app.processEvents()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".png.tmp")
    if not window.grab().save(str(tmp), "PNG"):
        print(f"screenshot: cannot write {args.out}", file=sys.stderr)
        return 1
    tmp.replace(args.out)
    print(f"wrote {args.out}")
    if args.dialogs is not None:
        args.dialogs.mkdir(parents=True, exist_ok=True)
        if not _save_dialogs(window, args.dialogs, args.language, app):
            return 1
    window.close()
    repository.close()
    QApplication.processEvents()
    return 0


def _save(widget: Any, path: Path) -> bool:
    if not widget.grab().save(str(path), "PNG"):
        print(f"screenshot: cannot write {path}", file=sys.stderr)
        return False
    print(f"wrote {path}")
    return True


def _save_dialogs(window: Any, folder: Path, language: str, app: Any) -> bool:
    """The help dialog, and the question before labeling a selection of several sentences
    (asked by the article view itself; answered No once saved, so nothing is stored)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    window.show_help()
    dialog = window.help_dialog
    dialog.resize(620, 520)
    for _ in range(20):
        app.processEvents()
    if not _save(dialog, folder / f"help-{language}.png"):
        return False
    dialog.close()
    saved: list[bool] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        for _ in range(10):
            app.processEvents()
        saved.append(_save(box, folder / f"confirm-{language}.png"))
        box.button(QMessageBox.StandardButton.No).click()

    text = window.bridge.session.text
    end = text.index(".", text.index(".") + 1) + 1  # the first two sentences
    window.article.select_range(0, end)
    QTimer.singleShot(100, answer)
    outcome = window.article.apply_label("ACTOR")
    if outcome != "declined" or saved != [True]:
        print(f"screenshot: the question was not shown ({outcome})", file=sys.stderr)
        return False
    return True


if __name__ == "__main__":
    raise SystemExit(main())
