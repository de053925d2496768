"""File > Open..., New project... and Open Recent: each project opens in a window of its own.

A window is built on one project's session; another project starts another window process
(``python -m annotator --db FILE``), so nothing of the open one is torn down or half-switched.
New project asks before a database file is created. The recent databases are kept in the
settings, newest first.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from annotator.ui.i18n import QT_TRANSLATE_NOOP, ltr

RECENT_KEY = "recent_databases"
RECENT_LIMIT = 8
SQLITE_FILTER = QT_TRANSLATE_NOOP(
    "ProjectFiles", "Project databases (*.sqlite3 *.sqlite *.db);;All files (*)"
)


def _launch(database: str) -> bool:
    """Start a window on ``database`` in a process of its own."""
    started, _pid = QProcess.startDetached(sys.executable, ["-m", "annotator", "--db", database])
    return bool(started)


class ProjectFiles(QObject):
    """The Open..., New project... and Open Recent entries of the File menu."""

    def __init__(self, settings: QSettings, database: str, window: QWidget) -> None:
        super().__init__(window)
        self._settings = settings
        self._window = window
        # Replaceable where no one can answer or no process may start (tests).
        self.launch: Callable[[str], bool] = _launch
        self.confirm: Callable[[str], bool] = self._ask
        self.recent_menu = QMenu(window)
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.open_action = QAction(window)
        self.open_action.setObjectName("action_open")
        self.open_action.triggered.connect(lambda: self.open_database())
        self.new_action = QAction(window)
        self.new_action.setObjectName("action_new_project")
        self.new_action.triggered.connect(lambda: self.new_project())
        self.remember(database)
        self.retranslate()

    def retranslate(self) -> None:
        """The menu entries' texts again, in the interface language."""
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.open_action.setText(self.tr("&Open…"))
        self.new_action.setText(self.tr("&New project…"))

    def recent(self) -> list[str]:
        """The databases opened lately, newest first."""
        value = self._settings.value(RECENT_KEY)
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def remember(self, database: str) -> None:
        """Put ``database`` first in the recent list (an SQLite URL as its file's path)."""
        if database.startswith("sqlite:///"):
            database = database.removeprefix("sqlite:///")
        items = [database, *(d for d in self.recent() if d != database)][:RECENT_LIMIT]
        self._settings.setValue(RECENT_KEY, items)

    def open_database(self, path: str | None = None) -> bool:
        """Open an existing project database in a new window."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self._window, self.tr("Open a project database"), "", self.tr(SQLITE_FILTER)
            )
        if not path:
            return False
        if "://" not in path and not Path(path).is_file():
            self._warn(self.tr("There is no database at {path}.").format(path=ltr(path)))
            return False
        return self._start(path)

    def new_project(self, path: str | None = None) -> bool:
        """Create a new SQLite project database (after asking) and open it in a new window."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self._window, self.tr("New project database"), "project.sqlite3",
                self.tr(SQLITE_FILTER),
            )
        if not path:
            return False
        if Path(path).exists():
            self._warn(
                self.tr("{path} already exists; use File > Open… to open it.")
                .format(path=ltr(path))
            )
            return False
        if not self.confirm(
            self.tr("Create a new, empty project database at\n{path}?").format(path=ltr(path))
        ):
            return False
        return self._start(path)

    def _start(self, database: str) -> bool:
        if not self.launch(database):
            self._warn(
                self.tr("Cannot start a window on {database}.").format(database=ltr(database))
            )
            return False
        self.remember(database)
        return True

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for database in self.recent():
            action = self.recent_menu.addAction(database)
            action.triggered.connect(lambda _c=False, d=database: self.open_database(d))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def _warn(self, text: str) -> None:
        # Shown without a nested event loop: the window keeps working behind it.
        box = QMessageBox(QMessageBox.Icon.Warning, "annotator", text,
                          QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("project_files_warning")
        box.open()

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(
            self._window, self.tr("New project"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
