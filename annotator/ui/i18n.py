"""The interface language: Qt translators for Arabic, switched at run time, remembered.

The Arabic strings live in ``resources/i18n/annotator_ar.ts`` (Qt Linguist's XML, made and
updated by ``scripts/update_translations.py``). Qt loads compiled ``.qm`` catalogs only, so the
first start in Arabic compiles the ``.ts`` with the ``lrelease`` that ships with PySide6 into the
user's cache folder, named by the ``.ts`` file's hash: an update of the sources is picked up by
itself and nothing is compiled by hand or downloaded.

Installing or removing a translator makes Qt send every widget a ``LanguageChange`` event; each
widget then sets its texts again (``retranslate``). The layout is mirrored for Arabic.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Literal

import PySide6
from platformdirs import user_cache_dir
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.paths import data_dir

_log = logging.getLogger(__name__)

Language = Literal["en", "ar"]
# Each language named in itself, so anyone can find their own in the menu.
LANGUAGES: dict[Language, str] = {"en": "English", "ar": "العربية"}
SETTINGS_KEY = "view/language"

# The translators installed now (removed again on a switch) and the language they give.
_installed: list[QTranslator] = []
_current: Language = "en"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate (which looks for this name) under ``context``; the string is
    translated where it is shown, with ``QCoreApplication.translate(context, text)``."""
    return text


def catalog_source(language: Language) -> Path:
    """The ``.ts`` file of ``language`` shipped with the program."""
    return data_dir("resources") / "i18n" / f"annotator_{language}.ts"


def qt_tool(name: str) -> list[str]:
    """The command of Qt tool ``name`` (``lrelease``, ``lupdate``) that ships with PySide6."""
    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (name, f"{name}.exe"):
        if (folder / candidate).is_file():
            return [str(folder / candidate)]
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise FileNotFoundError(f"{name} is not in the PySide6 installation")
    return [found]


def cache_folder() -> Path:
    """Where compiled catalogs go: $ANNOTATOR_CACHE_DIR, else the user's cache folder."""
    chosen = os.environ.get("ANNOTATOR_CACHE_DIR")
    return Path(chosen) if chosen else Path(user_cache_dir("annotator")) / "i18n"


def compiled_catalog(language: Language) -> Path:
    """The ``.qm`` of ``language``, compiled from the shipped ``.ts`` if not done yet."""
    source = catalog_source(language)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    folder = cache_folder()
    target = folder / f"annotator_{language}-{digest}.qm"
    if target.is_file():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    # Compiled beside the target and renamed: two windows starting at once never load half
    # a file.
    with tempfile.TemporaryDirectory(dir=folder) as scratch:
        partial = Path(scratch) / target.name
        result = subprocess.run(
            [*qt_tool("lrelease"), "-silent", str(source), "-qm", str(partial)],
            capture_output=True, text=True, check=False, timeout=120,
        )
        if result.returncode != 0 or not partial.is_file():
            raise RuntimeError(f"{source}: lrelease failed: {result.stderr.strip()}")
        partial.replace(target)
    return target


def system_language() -> Language:
    """Arabic when the system locale is Arabic, else English."""
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def remembered_language(settings: QSettings) -> Language:
    """The language chosen in View > Language before, else the system's."""
    value = settings.value(SETTINGS_KEY)
    if value in LANGUAGES:
        return value  # type: ignore[no-any-return]
    return system_language()


def current_language() -> Language:
    """The language the interface shows now."""
    return _current


def set_language(language: Language) -> bool:
    """Show the interface in ``language`` from now on; every widget retranslates itself.

    False (and English) when the Arabic catalog cannot be compiled or loaded: the program
    stays usable and the log says why.
    """
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    loaded = True
    if language != "en":
        loaded = _install(app, language)
    _current = language if loaded else "en"
    if isinstance(app, QApplication):
        # Mirrored for Arabic: the document list on the right, menus open from the right.
        QApplication.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if _current == "ar" else Qt.LayoutDirection.LeftToRight
        )
    # Numbers stay in the digits the articles and the exports use (0-9): offsets typed into
    # the CLI or read off a CoNLL file look the same in the window.
    return loaded


def _install(app: QCoreApplication, language: Language) -> bool:
    ours = QTranslator(app)
    try:
        path = compiled_catalog(language)
    except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
        _log.warning("no %s catalog, staying in English: %s", language, exc)
        return False
    if not ours.load(str(path)):
        _log.warning("Qt cannot load %s, staying in English", path)
        return False
    # Qt's own words (the standard buttons, the text field's context menu) come from the
    # catalogs that ship with PySide6.
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    QCoreApplication.installTranslator(ours)
    _installed.append(ours)
    return True


def isolate(text: str) -> str:
    """In Arabic, ``text`` as a bidi island (FSI ... PDI): a number range, a file path or an
    English name keeps its own order inside an Arabic sentence. Unchanged in English."""
    return f"\u2068{text}\u2069" if _current == "ar" else text


def ltr(text: str) -> str:
    """In Arabic, ``text`` isolated left to right (LRI ... PDI): a key sequence such as
    "Ctrl+Shift+Z" reads as on the keyboard. Unchanged in English."""
    return f"\u2066{text}\u2069" if _current == "ar" else text
