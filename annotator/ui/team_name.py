"""Who is annotating: the name question of the first start and of File > Switch annotator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QInputDialog, QWidget

#: Where the annotator's name is kept between runs (one person per login, not per project).
NAME_KEY = "annotator/name"


def stored_name(settings: QSettings) -> str | None:
    """The name given on an earlier start, if any."""
    value = settings.value(NAME_KEY)
    return str(value).strip() or None if value is not None else None


def name_dialog(
    parent: QWidget | None, default: str, *, title: str | None = None
) -> QInputDialog:
    """The name question, not shown yet (``default`` filled in)."""
    translate = QCoreApplication.translate
    dialog = QInputDialog(parent)
    dialog.setObjectName("name_dialog")
    dialog.setWindowTitle(title or translate("NameQuestion", "Who is annotating?"))
    dialog.setLabelText(
        translate("NameQuestion", "Your name (every span you make is recorded under it):"))
    dialog.setTextValue(default)
    dialog.setOkButtonText(translate("NameQuestion", "OK"))
    dialog.setCancelButtonText(translate("NameQuestion", "Cancel"))
    return dialog


def ask_name(parent: QWidget | None, default: str, *, title: str | None = None) -> str | None:
    """Ask for the annotator's name (``default`` filled in); None when cancelled or empty."""
    dialog = name_dialog(parent, default, title=title)
    if not dialog.exec():
        return None
    name = dialog.textValue().strip()
    return name or None
