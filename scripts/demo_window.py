"""The set-up the screenshot scripts share: a private scratch folder, the demo project, the window.

Each ``scripts/screenshot_*.py`` takes its pictures on a temporary copy of the demo project,
offscreen unless a display is set, with settings and caches of its own: the picture must not
depend on (or change) the user's zoom, language or last document. Scripts import this module by
name (a script's own folder is first on ``sys.path``).

PySide6 and the program are imported inside the functions: the environment must be set before
Qt starts (``QT_QPA_PLATFORM``, ``XDG_CONFIG_HOME``).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def scratch_folder(prefix: str = "annotator-screenshot-") -> Path:
    """A new private folder for one run; Qt offscreen unless a display is set."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    os.environ.setdefault("ANNOTATOR_CACHE_DIR", str(scratch / "cache"))
    return scratch


@dataclass
class Demo:
    """The demo project open in a session, with the application and an undo stack."""

    scratch: Path
    db: str
    app: Any
    repository: Any
    session: Any
    stack: Any

    def window(self, width: int = 1280, height: int = 800, **options: Any) -> Any:
        """The main window over the session, shown at the given size (settings in scratch)."""
        from PySide6.QtCore import QSettings

        from annotator.ui.main_window import MainWindow

        settings = QSettings(str(self.scratch / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(self.session, settings=settings, database=self.db, **options)
        window.resize(width, height)
        window.show()
        return window

    def label(self, phrases: Iterable[tuple[str, str]], *, exact: bool = False) -> str | None:
        """Label the first occurrence of each phrase in the open document, through the undo
        stack as a person's edits go; the first phrase that cannot be labeled, or None."""
        for phrase, label in phrases:
            start = self.session.text.find(phrase)
            if start < 0:
                return phrase
            command = self.session.add_command(start, start + len(phrase), label, exact=exact)
            if command is not None:
                self.stack.push(command)
        return None

    def settle(self, rounds: int = 20) -> None:
        """Let the window lay out and paint."""
        for _ in range(rounds):
            self.app.processEvents()

    def wait(self, running: Callable[[], bool], seconds: float = 120) -> None:
        """Turn the event loop while ``running()`` (a background job) and a while after."""
        deadline = time.monotonic() + seconds
        while running() and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.01)
        self.settle(50)

    def close(self, *widgets: Any) -> None:
        """Close the widgets and the database."""
        for widget in widgets:
            widget.close()
        self.repository.close()
        self.app.processEvents()


def open_demo(scratch: Path, *, annotator: str = "demo", open_first: bool = True) -> Demo:
    """The demo project (the seed articles) in ``scratch``, the first article open."""
    from annotator.services.commands import UndoStack
    from annotator.services.session import AnnotationSession
    from annotator.store.db import open_database
    from annotator.ui.app import application

    app = application()
    db = str(scratch / "demo.sqlite3")
    repository = open_database(db, seed_demo=True)
    session = AnnotationSession(repository, project_id=repository.default_project(),
                                annotator=annotator)
    if open_first:
        session.open(session.documents()[0].id)
    return Demo(scratch, db, app, repository, session, UndoStack(session.writer))


def save_png(picture: Any, path: Path, *, script: str = "screenshot") -> bool:
    """Write a widget's grab (or a pixmap) as PNG, whole or not at all; say where."""
    from PySide6.QtGui import QPixmap

    pixmap = picture if isinstance(picture, QPixmap) else picture.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".png.tmp")
    if not pixmap.save(str(tmp), "PNG"):
        print(f"{script}: cannot write {path}", file=sys.stderr)
        return False
    tmp.replace(path)
    print(f"wrote {path}")
    return True
