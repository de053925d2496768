"""Start the window: ``annotator [--db FILE_OR_URL]`` ends up in :func:`run`."""

from __future__ import annotations

import gc
import getpass
import logging
import os
import sys
import threading
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING, cast

from annotator.services.changes import Change, DocumentsChanged
from annotator.services.known_names import KnownNames
from annotator.services.session import AnnotationSession
from annotator.store.errors import StoreError
from annotator.store.location import default_data_dir, sqlite_file
from annotator.store.sqlite_window import OpeningRepository, SQLiteWindowReader

# isort: split
# PySide6 after the pure-Python modules above (and those of ui/__init__.py): its import hook
# reads the source of every module imported after it.
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.ui.fonts import load_fonts
from annotator.ui.i18n import isolate, remembered_language, set_language
from annotator.ui.main_window import MainWindow
from annotator.ui.search_index import SearchIndexCompleter
from annotator.ui.team_name import NAME_KEY, ask_name, stored_name
from annotator.ui.timing import (
    after_first_paint,
    hold_until_first_paint,
    stop_holding,
    store_ready,
    watch_first_paint,
)

if TYPE_CHECKING:
    from annotator.store.repository import Repository


def annotator_name() -> str:
    """Who is annotating: $ANNOTATOR_NAME, else the login name."""
    name = os.environ.get("ANNOTATOR_NAME", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers): still a usable default
        return "annotator"


def window_annotator(settings: QSettings) -> str:
    """The window's annotator: $ANNOTATOR_NAME, else the name given before, else asked.

    On the first start the name is asked (the login name filled in) and remembered;
    File > Switch annotator changes it later. Cancelling keeps the login name.
    """
    if os.environ.get("ANNOTATOR_NAME", "").strip():
        return annotator_name()
    name = stored_name(settings)
    if name is None:
        name = ask_name(None, annotator_name()) or annotator_name()
        settings.setValue(NAME_KEY, name)
    return name


def configure_logging(folder: Path | None = None) -> Path:
    """Write warnings and errors, with tracebacks, to ``annotator.log`` in the data folder.

    The folder is $ANNOTATOR_DATA_DIR, else the user's data folder (platformdirs). The file
    is rotated at 1 MB (three old ones kept). Returns its path, for messages.
    """
    folder = default_data_dir() if folder is None else folder
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "annotator.log"
    root = logging.getLogger("annotator")
    if not any(
        isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path
        for h in root.handlers
    ):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def application() -> QApplication:
    """The QApplication, created once with the names QSettings uses."""
    QCoreApplication.setOrganizationName("annotator")
    QCoreApplication.setApplicationName("annotator")
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    load_fonts()
    return app


def warm_up_dates() -> None:
    """Load the date rules (dateparser: about a second) in the background at start-up, so the
    annotator's first DATE span does not wait for it (ADR 0005)."""
    from annotator.core.dates import normalize_date

    threading.Thread(
        target=lambda: normalize_date("24 أكتوبر 2024", None), name="dates", daemon=True
    ).start()


def suggest_open_document(session: AnnotationSession, repository: Repository) -> int:
    """Propose and store the open document's suggestions: the date rules, the project
    gazetteer as it is now (what was just labeled included) and the newest trained model."""
    # Imported when first used, after the first paint: the matcher brings numpy and
    # pyahocorasick, the model pycrfsuite.
    from annotator.services.suggestion_editing import refresh_suggestions
    from annotator.services.suggestions import project_sources
    from annotator.services.training import ModelSource, project_models

    model = project_models(repository).latest()
    sources = project_sources(
        repository, session.project_id,
        model=ModelSource(model) if model is not None else None,
    )
    return refresh_suggestions(session, repository, sources)


def least_sure(repository: Repository, project: int) -> int | None:
    """The document the newest model is least sure about (Navigate > Least sure)."""
    from annotator.services.training import least_sure_document

    return least_sure_document(repository, project)


def index_after_imports(change: Change, completer: SearchIndexCompleter) -> None:
    """Start completing the search index again when documents were added to the project."""
    if isinstance(change, DocumentsChanged):
        completer.start()


def index_pending(repository: Repository, limit: int) -> int:
    """Up to ``limit`` documents into the corpus search index; 0 when it is complete or cannot
    be written now (searches stay correct without it, only slower: not worth a dialog)."""
    try:
        return repository.index_pending(limit)
    except StoreError as exc:
        logging.getLogger(__name__).warning("search index not completed: %s", exc)
        return 0


def background_completion(repository: Repository) -> Callable[[int], int]:
    """One batch of ``limit`` documents per call: the search index first, then the CoNLL
    export's token templates (docs/adr/0022), so that an export after the window has run
    does not tokenize; 0 when both are complete or cannot be written now."""
    after = 0  # the templates' pass goes on after this document id
    templates_done = False

    def step(limit: int) -> int:
        nonlocal after, templates_done
        moved = index_pending(repository, limit)
        if moved:
            templates_done = False  # documents arrived: they need templates too
            return moved
        if templates_done:
            return 0
        # Imported here: the tokenizer's module is not needed for the first paint.
        from annotator.core.token_template import TEMPLATE_VERSION

        try:
            made, after = repository.fill_token_templates(version=TEMPLATE_VERSION,
                                                          limit=limit, after=after)
        except StoreError as exc:
            logging.getLogger(__name__).warning("token templates not made: %s", exc)
            made = 0
        templates_done = made == 0
        return made

    return step


def run(db: str | None) -> int:
    """Open the window on the project database ``db`` (None: the default one); exit code."""
    app = application()
    log_path = configure_logging()
    settings = QSettings()
    # The system's language unless View > Language chose another; the CLI stays English.
    set_language(remembered_language(settings))
    name = window_annotator(settings)
    # Building the window opens a document, whose suggestions and known names can wait for
    # its first paint; if it closes (or never opens) before, that work is dropped.
    hold_until_first_paint()
    try:
        return _open_window(app, db, settings, name, log_path)
    finally:
        stop_holding()


def open_store(db: str | None) -> Repository:
    """The store of ``db`` (created or upgraded as needed): SQLAlchemy and every store module
    are imported here, not when the window starts."""
    from annotator.store.db import open_database

    return open_database(db)


def opening_repository(db: str | None) -> tuple[Repository, str, OpeningRepository | None]:
    """The repository the window starts with, its URL, and the one to open after the first
    paint: on an SQLite file at the current revision with a project, the first reads go
    over sqlite3 alone and the store opens once the window is drawn (ADR 0015); anything
    else (PostgreSQL, a file to create or upgrade) opens the store now."""
    reader = SQLiteWindowReader.open(db)
    if reader is None:
        from annotator.store.db import resolve_url

        return open_store(db), resolve_url(db), None
    path = sqlite_file(db)
    opening = OpeningRepository(reader, lambda: open_store(db))
    # The store's own repository type for the session and the window: the methods they
    # call are the Repository's, answered by the reader or the store.
    return cast("Repository", opening), f"sqlite:///{path}", opening


def _cannot_open(exc: StoreError) -> None:
    logging.getLogger(__name__).warning("cannot open the project database: %s", exc)
    QMessageBox.critical(
        None,
        "annotator",
        QCoreApplication.translate("App", "Cannot open the project database:\n{reason}")
        .format(reason=isolate(str(exc))),
    )
    print(f"annotator: cannot open the project database: {exc}", file=sys.stderr)


def _load_store(app: QApplication, opening: OpeningRepository | None) -> None:
    """Open the store the window started without (None: it was open already)."""
    if opening is not None:
        try:
            opening.load()
        except StoreError as exc:  # the file changed under the window (made read-only)
            _cannot_open(exc)
            app.exit(1)
            return
    store_ready()


def _open_window(
    app: QApplication, db: str | None, settings: QSettings, name: str, log_path: Path
) -> int:
    try:
        repository, database, opening = opening_repository(db)
        project = repository.default_project()
        session = AnnotationSession(repository, project_id=project, annotator=name)
        known_names = KnownNames(repository, project)
    except StoreError as exc:  # the store's errors are written for users
        _cannot_open(exc)
        return 1
    # The first thing done after the first paint: every later read and edit uses the store.
    after_first_paint(lambda: _load_store(app, opening))
    window = MainWindow(
        session,
        settings=settings,
        database=database,
        log_path=log_path,
        known_names=known_names,
        suggest=lambda: suggest_open_document(session, repository),
        least_sure=lambda: least_sure(repository, project),
    )
    watch_first_paint(window.article.viewport())
    window.show()
    # After the article is on screen: it competes for the interpreter with what draws it.
    after_first_paint(warm_up_dates)
    after_first_paint(known_names.load)
    # What imports left out of the corpus search index, then the token templates the CoNLL
    # export reads, a small batch per turn (ADR 0016, 0022): at start, and again whenever
    # documents arrive (an import here or elsewhere).
    completer = SearchIndexCompleter(background_completion(repository), window)
    after_first_paint(completer.start)
    window.bridge.changed.connect(lambda change: index_after_imports(change, completer))
    code = app.exec()
    repository.close()
    # Every edit is stored when it is made: nothing is left to do but exit. Python's last
    # garbage collection at exit would still walk every object of SQLAlchemy, Alembic and Qt's
    # bindings (over a second, more on a loaded machine: bench/bench_quit.py); objects frozen
    # here are left to the operating system, and exit is immediate.
    gc.freeze()
    return int(code)
