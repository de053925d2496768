"""F6 and Shift+F6: the keyboard's way between the window's panes.

Tab moves between the widgets of one pane (and the article keeps Tab for its suggestions), so
without these keys the document list, the span list and the events could only be reached with
the mouse. The panes are walked in reading order of the interface (list, article, spans,
events), the same in the mirrored Arabic window; a hidden or disabled pane is skipped.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

#: A pane: the area it covers (the focus anywhere in it is in the pane) and the widget that
#: takes the keyboard when F6 comes to it (the document list's rows, not its filter box).
Pane = tuple[QWidget, QWidget]


class PaneCycle:
    """Moves the focus to the next or previous of ``panes``."""

    def __init__(self, panes: Sequence[Pane]) -> None:
        self._panes = list(panes)

    def step(self, direction: int) -> QWidget | None:
        """The focus to the pane after (1) or before (-1) the one holding it, round the end;
        from outside every pane, to the first (or the last). The pane it went to, or None if
        none can take it."""
        panes = [(area, target) for area, target in self._panes
                 if target.isVisible() and target.isEnabled()]
        if not panes:
            return None
        focused = QApplication.focusWidget()
        current = next((i for i, (area, _) in enumerate(panes) if focused is not None
                        and (focused is area or area.isAncestorOf(focused))), None)
        if current is None:
            target = panes[0 if direction > 0 else -1][1]
        else:
            target = panes[(current + direction) % len(panes)][1]
        reason = (Qt.FocusReason.TabFocusReason if direction > 0
                  else Qt.FocusReason.BacktabFocusReason)
        target.setFocus(reason)
        return target
