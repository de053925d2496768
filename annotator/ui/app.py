"""Start the window: ``annotator [--db FILE_OR_URL]`` ends up in :func:`run`."""

from __future__ import annotations

import getpass
import os
import sys

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.services.session import AnnotationSession
from annotator.store.db import open_database, resolve_url
from annotator.ui.fonts import load_fonts
from annotator.ui.main_window import MainWindow
from annotator.ui.timing import watch_first_paint


def annotator_name() -> str:
    """Who is annotating: $ANNOTATOR_NAME, else the login name."""
    name = os.environ.get("ANNOTATOR_NAME", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still a usable default
        return "annotator"


def application() -> QApplication:
    """The QApplication, created once with the names QSettings uses."""
    QCoreApplication.setOrganizationName("annotator")
    QCoreApplication.setApplicationName("annotator")
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    load_fonts()
    return app


def run(db: str | None) -> int:
    """Open the window on the project database ``db`` (None: the default one); exit code."""
    app = application()
    try:
        repository = open_database(db)
        project = repository.default_project()
        session = AnnotationSession(repository, project_id=project, annotator=annotator_name())
    except Exception as exc:  # the store's errors are written for users
        QMessageBox.critical(None, "annotator", f"Cannot open the project database:\n{exc}")
        print(f"annotator: cannot open the project database: {exc}", file=sys.stderr)
        return 1
    window = MainWindow(session, settings=QSettings(), database=resolve_url(db))
    watch_first_paint(window.article.viewport())
    window.show()
    code = app.exec()
    repository.close()
    return int(code)
