"""What the window remembers between runs (QSettings): last document, scroll, zoom."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QByteArray, QSettings

from annotator.ui.i18n import SETTINGS_KEY


class WindowState:
    """Remembered values, per database for the document and globally for the zoom."""

    def __init__(self, settings: QSettings, *, database: str) -> None:
        self._settings = settings
        # One group per database: two projects each come back at their own document.
        digest = hashlib.sha256(database.encode("utf-8")).hexdigest()[:16]
        self._group = f"databases/{digest}"

    def _get_int(self, key: str) -> int | None:
        value = self._settings.value(key)
        try:
            return int(str(value)) if value is not None else None
        except ValueError:
            return None

    @property
    def last_document(self) -> int | None:
        return self._get_int(f"{self._group}/document")

    @property
    def scroll(self) -> int:
        return self._get_int(f"{self._group}/scroll") or 0

    @property
    def caret(self) -> int:
        return self._get_int(f"{self._group}/caret") or 0

    @property
    def top(self) -> int | None:
        """The code-point offset of the first character shown at the top of the article."""
        return self._get_int(f"{self._group}/top")

    def remember_document(
        self, document_id: int, *, scroll: int, caret: int, top: int | None = None
    ) -> None:
        """The open document and where it was scrolled, written to disk now."""
        self._settings.setValue(f"{self._group}/document", document_id)
        self._settings.setValue(f"{self._group}/scroll", scroll)
        if top is None:
            self._settings.remove(f"{self._group}/top")
        else:
            self._settings.setValue(f"{self._group}/top", top)
        self._settings.setValue(f"{self._group}/caret", caret)
        self._settings.sync()

    @property
    def point_size(self) -> int | None:
        return self._get_int("view/point_size")

    def remember_point_size(self, size: int) -> None:
        """The article's zoom."""
        self._settings.setValue("view/point_size", size)
        self._settings.sync()

    def remember_language(self, language: str) -> None:
        """The interface language chosen in View > Language (read by ``i18n``)."""
        self._settings.setValue(SETTINGS_KEY, language)
        self._settings.sync()

    @property
    def geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        if isinstance(value, QByteArray):
            return value
        if isinstance(value, (bytes, bytearray)):
            return QByteArray(bytes(value))
        return None

    def remember_geometry(self, geometry: QByteArray) -> None:
        """The window's size and place."""
        self._settings.setValue("window/geometry", geometry)
        self._settings.sync()
