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
import sys
from pathlib import Path
from typing import Any

from demo_window import open_demo, save_png, scratch_folder

# Example words of the first seed article, by label; the nested pair shows how an inner span
# is drawn inside an outer one.
EXAMPLES: tuple[tuple[str, str], ...] = (
    ("التحالف الدولي", "ACTOR"),
    ("الميليشيات المدعومة من إيران", "TARGET"),
    ("إيران", "ACTOR"),
    ("دير الزور", "LOCATION"),
    ("شرق سوريا", "LOCATION"),
    ("حقل كونيكو للغاز", "TARGET"),
    ("كونيكو", "LOCATION"),
    ("شهر أكتوبر", "DATE"),
    ("حزب الله", "ACTOR"),
    ("إسرائيل", "TARGET"),
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
    scratch = scratch_folder()

    from annotator.ui.i18n import set_language

    demo = open_demo(scratch)
    if not set_language(args.language):
        print(f"screenshot: the {args.language} catalog cannot be loaded", file=sys.stderr)
        return 1
    missing = demo.label(EXAMPLES)
    if missing is not None:
        print(f"screenshot: {missing!r} is not in the first seed", file=sys.stderr)
        return 1
    window = demo.window(args.width, args.height)
    text = demo.session.text
    window.article.select_span(demo.session.spans_at(text.find("كونيكو"))[0].id, scroll=False)
    demo.settle()
    if not save_png(window, args.out):
        return 1
    if args.dialogs is not None:
        args.dialogs.mkdir(parents=True, exist_ok=True)
        if not _save_dialogs(window, args.dialogs, args.language, demo.app):
            return 1
    demo.close(window)
    return 0


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
    if not save_png(dialog, folder / f"help-{language}.png"):
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
        saved.append(save_png(box, folder / f"confirm-{language}.png"))
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
