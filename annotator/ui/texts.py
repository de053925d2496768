"""How the interface names the model's values (statuses, labels, edits), in its language.

The services describe commands in English for logs and scripts; the window shows its own
translatable text for each kind of command instead (:func:`command_text`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.date_spans import set_by_annotator
from annotator.core.dates import DateValue
from annotator.core.messages import TEMPLATES, WORDS, Message
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


# Each format's one line for the import and export choosers (the registry's own line is the
# command line's, in English).
FORMAT_TITLES: dict[str, str] = {
    "txt": QT_TRANSLATE_NOOP(
        "Formats", "plain text: a .txt file, or a folder of them (one document each)"),
    "csv": QT_TRANSLATE_NOOP(
        "Formats", "CSV with a 'text' column, optional 'id'; other columns become metadata"),
    "jsonl": QT_TRANSLATE_NOOP(
        "Formats", "the project's JSONL dataset: text, metadata, status, spans and events"),
    "doccano": QT_TRANSLATE_NOOP(
        "Formats", "doccano JSONL: text with [start, end, label] spans, and variants"),
    "labelstudio": QT_TRANSLATE_NOOP(
        "Formats", "Label Studio JSON tasks; UTF-16 offsets, predictions become suggestions"),
    "brat": QT_TRANSLATE_NOOP(
        "Formats", "brat standoff: a folder of name.txt + name.ann pairs"),
    "conll": QT_TRANSLATE_NOOP(
        "Formats", "CoNLL token-per-line NER (2 or 4 columns, IOB2 or BIOES, nested columns)"),
    "spacy": QT_TRANSLATE_NOOP(
        "Formats", "spaCy DocBin: a folder of .spacy parts, or one .spacy file; nested spans "
        "kept in a span group"),
    "hf": QT_TRANSLATE_NOOP(
        "Formats", "Hugging Face JSONL of tokens and tags, with its tag list beside it"),
    "events": QT_TRANSLATE_NOOP(
        "Formats", "events as an ACLED-style CSV table (date, precision, type, actors, location)"),
    "webanno": QT_TRANSLATE_NOOP(
        "Formats", "WebAnno TSV 3 (INCEpTION): named entities and relations, a .tsv per document"),
    "prodigy": QT_TRANSLATE_NOOP(
        "Formats", "Prodigy JSONL (db-out): accepted answers become spans, others are counted"),
}

# The steps an import or export reports while it runs.
TASK_TITLES: dict[str, str] = {
    "reading": QT_TRANSLATE_NOOP("Tasks", "Reading…"),
    "checking": QT_TRANSLATE_NOOP("Tasks", "Checking…"),
    "storing": QT_TRANSLATE_NOOP("Tasks", "Storing…"),
    "writing": QT_TRANSLATE_NOOP("Tasks", "Writing…"),
}


PRECISION_TITLES: dict[str, str] = {
    "day": QT_TRANSLATE_NOOP("Dates", "day"),
    "week": QT_TRANSLATE_NOOP("Dates", "week"),
    "month": QT_TRANSLATE_NOOP("Dates", "month"),
    "year": QT_TRANSLATE_NOOP("Dates", "year"),
}
MOD_TITLES: dict[str, str] = {
    "START": QT_TRANSLATE_NOOP("Dates", "START"),
    "MID": QT_TRANSLATE_NOOP("Dates", "MID"),
    "END": QT_TRANSLATE_NOOP("Dates", "END"),
    "APPROX": QT_TRANSLATE_NOOP("Dates", "APPROX"),
}
ROLE_TITLES: dict[str, str] = {
    "actor": QT_TRANSLATE_NOOP("Roles", "actor"),
    "target": QT_TRANSLATE_NOOP("Roles", "target"),
    "location": QT_TRANSLATE_NOOP("Roles", "location"),
    "date": QT_TRANSLATE_NOOP("Roles", "date"),
    "trigger": QT_TRANSLATE_NOOP("Roles", "trigger"),
}


def precision_title(precision: str) -> str:
    """A date precision ("month") in the interface language."""
    return QCoreApplication.translate("Dates", PRECISION_TITLES.get(precision, precision))


def mod_title(mod: str) -> str:
    """A date modifier ("END") in the interface language."""
    return QCoreApplication.translate("Dates", MOD_TITLES.get(mod, mod))


def role_title(role: str) -> str:
    """An event role ("actor") in the interface language."""
    return QCoreApplication.translate("Roles", ROLE_TITLES.get(role, role))


def event_type_title(schema: LabelSchema, name: str) -> str:
    """An event type: its Arabic name in Arabic, else "English · Arabic" as the schema has it."""
    try:
        names = schema.event_type(name)
    except KeyError:
        return name
    if current_language() == "ar":
        return names.name_ar
    return names.name_en if names.name_ar == names.name_en else (
        f"{names.name_en} · {names.name_ar}")


def date_value_title(attrs: Mapping[str, Any]) -> str:
    """A date span's value as ``describe`` gives it ("2024-10 (month, START)"), in the
    interface language."""
    value = DateValue.from_attrs(attrs)
    translate = QCoreApplication.translate
    if value is None:
        return translate("Dates", "no value")
    details = precision_title(value.precision)
    if value.mod is not None:
        details += ", " + mod_title(value.mod)
    who = translate("Dates", " · set by hand") if set_by_annotator(attrs) else ""
    return f"{isolate(value.value)} ({details}){who}"


def format_title(name: str) -> str:
    """"name: what it is" for a format chooser, in the interface language."""
    if name in FORMAT_TITLES:
        return f"{name}: {QCoreApplication.translate('Formats', FORMAT_TITLES[name])}"
    from annotator.services.workspace import format_description

    return f"{name}: {format_description(name)}"


def task_title(task: str) -> str:
    """A step of a running job ("reading"), in the interface language."""
    if task in TASK_TITLES:
        return QCoreApplication.translate("Tasks", TASK_TITLES[task])
    return task.capitalize() + "…"


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


def message_text(message: str) -> str:
    """A reader's or a service's message (:class:`~annotator.core.messages.Message`) in the
    interface language, with the same parameters as the English the command line prints.

    A plain string (a message without an id: an operating system's or a library's words) is
    shown as it is, bidi-isolated in Arabic so that it keeps its own order.
    """
    if not isinstance(message, Message):
        return isolate(str(message))
    if current_language() == "en":
        return str(message)
    template = QCoreApplication.translate("Messages", TEMPLATES[message.id])
    return template.format(**{k: _parameter(v) for k, v in message.params.items()})


def _parameter(value: object) -> object:
    if isinstance(value, Message):
        return message_text(value)
    if isinstance(value, str):
        # A name, a label, a quoted value or a file: kept in its own direction.
        return isolate(value)
    return value  # numbers keep their format ({size:,})


def word_text(word: str) -> str:
    """A kind of thing named in a report (a split part: "train"), in the interface language."""
    if word in WORDS:
        return QCoreApplication.translate("Messages", WORDS[word])
    return word


def problem_text(file: str, line: int | None, message: str) -> str:
    """One problem as ``file:line: reason`` (``file: reason`` without a line), the reason in
    the interface language and the file kept as written."""
    where = file if line is None else f"{file}:{line}"
    return f"{isolate(where)}: {message_text(message)}"


def show_arabic(lines: QPlainTextEdit) -> None:
    """Lay out a list of messages (problems, dropped spans) for the interface language.

    In Arabic each line is a right-to-left paragraph aligned right, wrapped at the widget's
    width (unwrapped, a line is as wide as the longest one and its start, the file, is scrolled
    out of view); in English lines stay unwrapped, one problem a line.
    """
    arabic = current_language() == "ar"
    lines.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth if arabic
                          else QPlainTextEdit.LineWrapMode.NoWrap)
    option = lines.document().defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if arabic
                            else Qt.LayoutDirection.LeftToRight)
    # Set explicitly: the plain text layout aligns left whatever the paragraph's direction.
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute if arabic
                        else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
    lines.document().setDefaultTextOption(option)
