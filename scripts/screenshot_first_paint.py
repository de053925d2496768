"""Save a picture of the window as it is at its first paint, on any project.

    python scripts/screenshot_first_paint.py --db /tmp/scale/project-100000.sqlite3 \
        --out /tmp/first-paint.png [--lang ar]

The program's own start (``annotator.ui.app.run``), offscreen unless a display is set, with
throw-away settings: the picture is taken in the turn of the event loop right after the
article's first paint (what ``ANNOTATOR_TIMING`` times), and the program quits. It shows what
the annotator sees at that moment: the list and the article, or an empty frame if the window
drew before it had them. Prints whether the store was open then.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="project database (file or URL)")
    parser.add_argument("--out", type=Path, default=Path("first-paint.png"))
    parser.add_argument("--lang", choices=("en", "ar"), default="en",
                        help="interface language, as if chosen in View > Language before")
    args = parser.parse_args(argv)
    if "DISPLAY" not in os.environ:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="first-paint-")
    os.environ.setdefault("ANNOTATOR_NAME", "screenshot")
    os.environ["ANNOTATOR_TIMING"] = "exit"

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from annotator.ui import app, timing
    from annotator.ui.i18n import SETTINGS_KEY
    from annotator.ui.main_window import MainWindow

    app.application()
    settings = QSettings()
    settings.setValue(SETTINGS_KEY, args.lang)
    settings.sync()

    painted = timing.FirstPaintWatcher._painted

    def grab(self: timing.FirstPaintWatcher) -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        if not window.grab().save(str(args.out)):
            print(f"screenshot_first_paint: cannot write {args.out}", file=sys.stderr)
        loaded = getattr(window.bridge.session.repository, "loaded", True)
        print(f"{args.out}: {window.documents.document_model.rowCount()} rows listed, "
              f"{len(window.article.toPlainText())} characters of the article, "
              f"store {'open' if loaded else 'not open yet'}")
        painted(self)

    timing.FirstPaintWatcher._painted = grab  # type: ignore[method-assign]
    return app.run(args.db)


if __name__ == "__main__":
    raise SystemExit(main())
