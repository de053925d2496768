"""Every keyboard shortcut of the window, in one table: the actions and the help both read it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ActionName = Literal[
    "delete",
    "undo",
    "redo",
    "next_document",
    "previous_document",
    "done_and_next",
    "skip_and_next",
    "mark_in_progress",
    "zoom_in",
    "zoom_out",
    "zoom_reset",
    "exact_characters",
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
    Shortcut("delete", ("Delete", "Backspace"), "Delete the selected span"),
    Shortcut("undo", ("Ctrl+Z",), "Undo"),
    Shortcut("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo"),
    Shortcut("next_document", ("Ctrl+PgDown",), "Next document"),
    Shortcut("previous_document", ("Ctrl+PgUp",), "Previous document"),
    Shortcut("done_and_next", ("Ctrl+Return", "Ctrl+Enter"), "Mark done and go to the next"),
    Shortcut("skip_and_next", ("Ctrl+Shift+Return",), "Mark skipped and go to the next"),
    Shortcut(
        "mark_in_progress", ("Ctrl+Shift+P",), "Set a done or skipped document back to in progress"
    ),
    Shortcut("zoom_in", ("Ctrl++", "Ctrl+="), "Larger text"),
    Shortcut("zoom_out", ("Ctrl+-",), "Smaller text"),
    Shortcut("zoom_reset", ("Ctrl+0",), "Default text size"),
    Shortcut("exact_characters", ("Ctrl+E",), "Exact characters (no snapping to words)"),
    Shortcut("help", ("F1",), "This help"),
    Shortcut("import", ("Ctrl+I",), "Import documents…"),
    Shortcut("export", ("Ctrl+Shift+E",), "Export a dataset…"),
    Shortcut("find", ("Ctrl+F",), "Find in this article…"),
    Shortcut("find_next", ("F3",), "Find the next hit"),
    Shortcut("find_previous", ("Shift+F3",), "Find the previous hit"),
    Shortcut("search_corpus", ("Ctrl+Shift+F",), "Search every document…"),
    Shortcut("label_all", ("Ctrl+Shift+L",), "Label all occurrences of the selected span…"),
    Shortcut("statistics", ("Ctrl+Shift+S",), "Statistics…"),
    Shortcut("quit", ("Ctrl+Q",), "Quit (everything is already saved)"),
)

# Keys the article view handles itself (Qt's text navigation), for the help.
ARTICLE_KEYS: tuple[tuple[str, str], ...] = (
    ("Arrows", "Move the caret (Left moves forward in right-to-left text)"),
    ("Shift+Arrows", "Extend the selection by a character / line"),
    ("Ctrl+Shift+Left / Right", "Extend the selection by a word"),
    ("Home / End, Ctrl+Home / Ctrl+End", "Start or end of the line / of the article"),
    ("Page Up / Page Down", "A page back / on (with Shift: extend the selection)"),
    ("Escape", "Clear the selection and the selected span"),
    ("Shift+Left / Right (span selected)", "Move the span's end a character on / back"),
    ("Ctrl+Shift+Left / Right (span selected)", "Move the span's end a word on / back"),
)

MOUSE_GESTURES: tuple[tuple[str, str], ...] = (
    ("Drag", "Select text (snaps to whole words; an edge after و ف ب ل ك or ال stays)"),
    ("Alt+Drag", "Select exact characters (or View > Exact characters, Ctrl+E)"),
    ("Double-click", "Select a word (without و ف ب ل ك before a name)"),
    ("Click a span", "Select it (click again for the span around it)"),
    ("Hover a span", "Show its label"),
    ("Drag an edge of the selected span", "Move that edge"),
)


def shortcut(name: ActionName) -> Shortcut:
    """The table entry for action ``name``."""
    for entry in SHORTCUTS:
        if entry.name == name:
            return entry
    raise KeyError(name)
