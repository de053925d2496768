"""The bundled fonts: Noto Naskh Arabic for Arabic, Noto Sans for Latin, both OFL.

Loaded with QFontDatabase so the article looks the same on every machine; without them the
system's choice for Arabic is often DejaVu Sans, whose Arabic is poor.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from annotator.paths import data_dir

ARABIC_FAMILY = "Noto Naskh Arabic"
LATIN_FAMILY = "Noto Sans"
FONT_FILES = ("NotoNaskhArabic-Regular.ttf", "NotoSans-Regular.ttf")
DEFAULT_POINT_SIZE = 15
MIN_POINT_SIZE = 8
MAX_POINT_SIZE = 48

_loaded: list[str] = []


def load_fonts() -> list[str]:
    """Register the bundled fonts once; returns their family names."""
    if not _loaded:
        folder = data_dir("resources") / "fonts"
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(folder / name))
            if font_id < 0:
                raise RuntimeError(f"{folder / name}: Qt cannot load this font")
            _loaded.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_loaded)


def article_font(point_size: int = DEFAULT_POINT_SIZE) -> QFont:
    """The article font: Arabic first, Latin for the letters the Arabic font lacks."""
    load_fonts()
    font = QFont()
    font.setFamilies([ARABIC_FAMILY, LATIN_FAMILY])
    font.setPointSize(point_size)
    return font
