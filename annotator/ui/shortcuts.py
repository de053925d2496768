"""Every keyboard shortcut of the window, in one table: the actions and the help both read it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication

from annotator.ui.i18n import QT_TRANSLATE_NOOP

# The tables are English; lupdate finds their strings through the marker and the window
# translates them where they are shown (``translated``).
CONTEXT = "Shortcuts"


def translated(text: str) -> str:
    """A string of these tables in the interface language."""
    return QCoreApplication.translate(CONTEXT, text)

ActionName = Literal[
    "delete",
    "undo",
    "redo",
    "next_document",
    "previous_document",
    "done_and_next",
    "skip_and_next",
    "mark_in_progress",
    "document_properties",
    "new_event",
    "edit_date",
    "zoom_in",
    "zoom_out",
    "zoom_reset",
    "exact_characters",
    "next_pane",
    "previous_pane",
    "help",
    "import",
    "export",
    "find",
    "find_next",
    "find_previous",
    "search_corpus",
    "label_all",
    "statistics",
    "quit",
]


@dataclass(frozen=True, slots=True)
class Shortcut:
    """A window action: its keys (the first is shown in menus) and what it does."""

    name: ActionName
    keys: tuple[str, ...]
    title: str


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("delete", ("Delete", "Backspace"),
             QT_TRANSLATE_NOOP("Shortcuts", "Delete the selected span")),
    Shortcut("undo", ("Ctrl+Z",), QT_TRANSLATE_NOOP("Shortcuts", "Undo")),
    Shortcut("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), QT_TRANSLATE_NOOP("Shortcuts", "Redo")),
    Shortcut("next_document", ("Ctrl+PgDown",),
             QT_TRANSLATE_NOOP("Shortcuts", "Next document")),
    Shortcut("previous_document", ("Ctrl+PgUp",),
             QT_TRANSLATE_NOOP("Shortcuts", "Previous document")),
    Shortcut("done_and_next", ("Ctrl+Return", "Ctrl+Enter"),
             QT_TRANSLATE_NOOP("Shortcuts", "Mark done and go to the next")),
    Shortcut("skip_and_next", ("Ctrl+Shift+Return",),
             QT_TRANSLATE_NOOP("Shortcuts", "Mark skipped and go to the next")),
    Shortcut("mark_in_progress", ("Ctrl+Shift+P",),
             QT_TRANSLATE_NOOP("Shortcuts",
                               "Set a done or skipped document back to in progress")),
    Shortcut("document_properties", ("Ctrl+I",),
             QT_TRANSLATE_NOOP("Shortcuts", "Document properties (publication date)")),
    Shortcut("new_event", ("E",),
             QT_TRANSLATE_NOOP("Shortcuts",
                               "New event from the selected spans or the caret's sentence")),
    Shortcut("edit_date", ("Ctrl+D",),
             QT_TRANSLATE_NOOP("Shortcuts", "Edit the selected date span's value")),
    Shortcut("zoom_in", ("Ctrl++", "Ctrl+="), QT_TRANSLATE_NOOP("Shortcuts", "Larger text")),
    Shortcut("zoom_out", ("Ctrl+-",), QT_TRANSLATE_NOOP("Shortcuts", "Smaller text")),
    Shortcut("zoom_reset", ("Ctrl+0",), QT_TRANSLATE_NOOP("Shortcuts", "Default text size")),
    Shortcut("exact_characters", ("Ctrl+E",),
             QT_TRANSLATE_NOOP("Shortcuts", "Exact characters (no snapping to words)")),
    Shortcut("next_pane", ("F6",),
             QT_TRANSLATE_NOOP("Shortcuts",
                               "Next pane (document list, article, spans, events)")),
    Shortcut("previous_pane", ("Shift+F6",), QT_TRANSLATE_NOOP("Shortcuts", "Previous pane")),
    Shortcut("help", ("F1",), QT_TRANSLATE_NOOP("Shortcuts", "This help")),
    Shortcut("import", ("Ctrl+Shift+I",), QT_TRANSLATE_NOOP("Shortcuts", "Import documents…")),
    Shortcut("export", ("Ctrl+Shift+E",), QT_TRANSLATE_NOOP("Shortcuts", "Export a dataset…")),
    Shortcut("find", ("Ctrl+F",), QT_TRANSLATE_NOOP("Shortcuts", "Find in this article…")),
    Shortcut("find_next", ("F3",), QT_TRANSLATE_NOOP("Shortcuts", "Find the next hit")),
    Shortcut("find_previous", ("Shift+F3",),
             QT_TRANSLATE_NOOP("Shortcuts", "Find the previous hit")),
    Shortcut("search_corpus", ("Ctrl+Shift+F",),
             QT_TRANSLATE_NOOP("Shortcuts", "Search every document…")),
    Shortcut("label_all", ("Ctrl+Shift+L",),
             QT_TRANSLATE_NOOP("Shortcuts", "Label all occurrences of the selected span…")),
    Shortcut("statistics", ("Ctrl+Shift+S",), QT_TRANSLATE_NOOP("Shortcuts", "Statistics…")),
    Shortcut("quit", ("Ctrl+Q",),
             QT_TRANSLATE_NOOP("Shortcuts", "Quit (everything is already saved)")),
)

# Keys the article view handles itself (Qt's text navigation), for the help.
ARTICLE_KEYS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("Shortcuts", "Arrows"),
     QT_TRANSLATE_NOOP("Shortcuts", "Move the caret (Left moves forward in right-to-left text)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Shift+Arrows"),
     QT_TRANSLATE_NOOP("Shortcuts", "Extend the selection by a character / line")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+Shift+Left / Right"),
     QT_TRANSLATE_NOOP("Shortcuts", "Extend the selection by a word")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Home / End, Ctrl+Home / Ctrl+End"),
     QT_TRANSLATE_NOOP("Shortcuts", "Start or end of the line / of the article")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Page Up / Page Down"),
     QT_TRANSLATE_NOOP("Shortcuts", "A page back / on (with Shift: extend the selection)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Escape"),
     QT_TRANSLATE_NOOP("Shortcuts", "Clear the selection and the selected span")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Shift+Left / Right (span selected)"),
     QT_TRANSLATE_NOOP("Shortcuts", "Move the span's end a character on / back")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+Shift+Left / Right (span selected)"),
     QT_TRANSLATE_NOOP("Shortcuts", "Move the span's end a word on / back")),
)

MOUSE_GESTURES: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("Shortcuts", "Drag"),
     QT_TRANSLATE_NOOP("Shortcuts",
                       "Select text (snaps to whole words; an edge after و ف ب ل ك or ال stays)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Alt+Drag"),
     QT_TRANSLATE_NOOP("Shortcuts",
                       "Select exact characters (or View > Exact characters, Ctrl+E)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Double-click"),
     QT_TRANSLATE_NOOP("Shortcuts", "Select a word (without و ف ب ل ك before a name)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Click a span"),
     QT_TRANSLATE_NOOP("Shortcuts", "Select it (click again for the span around it)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Hover a span"),
     QT_TRANSLATE_NOOP("Shortcuts", "Show its label")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Drag an edge of the selected span"),
     QT_TRANSLATE_NOOP("Shortcuts", "Move that edge")),
)


def shortcut(name: ActionName) -> Shortcut:
    """The table entry for action ``name``."""
    for entry in SHORTCUTS:
        if entry.name == name:
            return entry
    raise KeyError(name)
