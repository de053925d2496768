"""How the interface names the model's values (statuses, labels, edits), in its language.

The services describe commands in English for logs and scripts; the window shows its own
translatable text for each kind of command instead (:func:`command_text`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.model import LabelSchema
from annotator.services.commands import (
    AddSpan,
    Command,
    DeleteSpan,
    RelabelSpan,
    ResizeSpan,
    SetStatus,
)
from annotator.ui.i18n import QT_TRANSLATE_NOOP, current_language, isolate

STATUS_TITLES: dict[str, str] = {
    "new": QT_TRANSLATE_NOOP("Status", "new"),
    "in_progress": QT_TRANSLATE_NOOP("Status", "in progress"),
    "done": QT_TRANSLATE_NOOP("Status", "done"),
    "skipped": QT_TRANSLATE_NOOP("Status", "skipped"),
}


def status_title(status: str) -> str:
    """A document status as the interface names it, in the interface language."""
    return QCoreApplication.translate("Status", STATUS_TITLES.get(status, status))


def label_title(schema: LabelSchema | None, label: str) -> str:
    """A label as the interface names it: its Arabic name in Arabic, else its schema name."""
    if schema is not None and current_language() == "ar":
        try:
            return schema.label(label).name_ar
        except KeyError:  # a label the schema does not know: its stored name
            return label
    return label


def command_text(command: Command, schema: LabelSchema | None = None) -> str:
    """What an edit was, for messages ("Not saved: ..."), in the interface language."""
    translate = QCoreApplication.translate
    match command:
        case AddSpan(span=span):
            return translate("Edits", "Add {label} “{text}”").format(
                label=label_title(schema, span.label), text=isolate(span.text)
            )
        case DeleteSpan(text=text) if text:
            return translate("Edits", "Delete “{text}”").format(text=isolate(text))
        case DeleteSpan():
            return translate("Edits", "Delete span")
        case RelabelSpan(label=label):
            return translate("Edits", "Relabel as {label}").format(
                label=label_title(schema, label)
            )
        case ResizeSpan(start=start, end=end):
            return translate("Edits", "Resize span to {range}").format(
                range=isolate(f"{start}–{end}")
            )
        case SetStatus(status=status):
            return translate("Edits", "Mark {status}").format(status=status_title(status))
    return command.description


def undo_text(what: str) -> str:
    """The undo of an edit, for messages."""
    return QCoreApplication.translate("Edits", "undo of {what}").format(what=what)


def redo_text(what: str) -> str:
    """The redo of an edit, for messages."""
    return QCoreApplication.translate("Edits", "redo of {what}").format(what=what)
