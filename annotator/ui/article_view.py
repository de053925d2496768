"""The article: read-only, right-to-left, keyboard- and mouse-selectable, spans highlighted."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Container
from typing import Literal

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QClipboard,
    QGuiApplication,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QTextCursor,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QScrollBar, QToolTip, QWidget

from annotator.core.clitics import name_start
from annotator.core.date_spans import is_date
from annotator.core.model import Document, Span
from annotator.services.changes import (
    Change,
    DocumentOpened,
    DocumentReloaded,
    SpanAdded,
    SpanChanged,
    SpanRemoved,
)
from annotator.services.snapping import step_edge
from annotator.ui.bridge import SessionBridge
from annotator.ui.fonts import DEFAULT_POINT_SIZE, MAX_POINT_SIZE, MIN_POINT_SIZE, article_font
from annotator.ui.highlighter import SpanHighlighter
from annotator.ui.i18n import current_language
from annotator.ui.positions import PositionMap
from annotator.ui.texts import date_value_title, label_title

#: Characters laid out left to right inside a right-to-left line (Latin, digits of either kind).
_LTR_CLASSES = {"L", "EN", "AN"}
# First-strong isolate / pop directional isolate: an Arabic run between them cannot pull the
# brackets and quotes around it into its own direction inside a left-to-right tooltip.
_FSI, _PDI = "\u2068", "\u2069"


def _isolated(text: str) -> str:
    return f"{_FSI}{text}{_PDI}"


# What a label key did: labeled (or relabeled), nothing to label, the annotator declined the
# question, or the store refused or failed (already reported by the bridge).
LabelOutcome = Literal["labeled", "nothing", "declined", "not saved"]
Edge = Literal["start", "end"]


class ArticleView(QPlainTextEdit):
    """Shows the open document; labels, relabels and deletes spans through the bridge."""

    span_selected = Signal(object)  # the selected span's id, or None
    selection_range_changed = Signal(object)  # (start, end) in code points, or None
    point_size_changed = Signal(int)

    def __init__(
        self,
        bridge: SessionBridge,
        parent: QWidget | None = None,
        *,
        known_names: Container[str] = frozenset(),
    ) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._known_names = known_names
        self._positions = PositionMap("")
        self._exact = False  # exact characters for the selection being made (Alt held)
        self._exact_mode = False  # exact characters for every selection (the View menu toggle)
        self._press: QPoint | None = None
        self._quiet = False  # True while the view moves the selection itself
        # While an edge of the selected span is dragged: which one.
        self._edge: Edge | None = None
        # Asks the annotator a yes/no question (a label over several sentences); the
        # default is a message box, replaceable where no one can answer.
        self.confirm: Callable[[str], bool] = self._ask
        self.setObjectName("article")
        self.setReadOnly(True)
        # Read-only, yet the caret moves with the arrows so the keyboard can select.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        option = QTextOption()
        option.setAlignment(Qt.AlignmentFlag.AlignRight)
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.document().setDocumentMargin(12)
        self.setFont(article_font(DEFAULT_POINT_SIZE))
        self.setMouseTracking(True)
        self.highlighter = SpanHighlighter(
            self.document(), source=bridge.session, schema=bridge.session.schema
        )
        bridge.changed.connect(self._on_change)
        self.selectionChanged.connect(self._on_selection_changed)
        if bridge.session.document is not None:
            self._on_document_opened(bridge.session.document)

    # ----- positions ---------------------------------------------------------------------
    @property
    def positions(self) -> PositionMap:
        """The code point <-> Qt position map of the text shown."""
        return self._positions

    def selection_range(self) -> tuple[int, int] | None:
        """The selected text as code-point offsets ``(start, end)``; None when nothing is."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (
            self._positions.to_offset(cursor.selectionStart()),
            self._positions.to_offset(cursor.selectionEnd()),
        )

    def caret_offset(self) -> int:
        """The caret's code-point offset."""
        return self._positions.to_offset(self.textCursor().position())

    def top_offset(self) -> int:
        """The code-point offset of the first character of the top line shown."""
        viewport = self.viewport()
        # Right to left: a line starts at its right end.
        point = QPoint(viewport.width() - 1 - int(self.document().documentMargin()), 1)
        cursor = self.cursorForPosition(point)
        cursor.movePosition(QTextCursor.MoveOperation.StartOfLine)
        return self._positions.to_offset(cursor.position())

    def scroll_to_top_offset(self, offset: int) -> None:
        """Scroll so that the line holding code point ``offset`` is the top line shown.

        The scroll bar's value counts laid-out lines, and a long article is laid out lazily:
        a remembered value means another place once paragraphs wrap differently or are not
        laid out yet. A character offset does not.
        """
        caret = self.textCursor()
        self._quiet = True
        try:
            # From the end, making the line visible brings it to the top of the view.
            cursor = QTextCursor(self.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            offset = max(0, min(offset, len(self._bridge.session.text)))
            cursor.setPosition(self._positions.to_qt(offset))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            value = self.verticalScrollBar().value()
            self.setTextCursor(caret)
            self.verticalScrollBar().setValue(value)
        finally:
            self._quiet = False

    def select_range(self, start: int, end: int) -> None:
        """Select code points ``[start, end)`` (the anchor at ``start``)."""
        cursor = self.textCursor()
        cursor.setPosition(self._positions.to_qt(start))
        cursor.setPosition(self._positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    @property
    def exact_characters(self) -> bool:
        """True when mouse selections keep exact characters (no snapping), as with Alt."""
        return self._exact_mode

    def set_exact_characters(self, on: bool) -> None:
        """Keep exact characters for every mouse selection and label key (the View toggle)."""
        self._exact_mode = on

    def char_at(self, point: QPoint) -> int | None:
        """The code-point offset of the character drawn under viewport ``point``, if any.

        None over empty space: past the end of a line, or between lines. The glyphs of the
        line under the point are asked for their extent (``glyphRuns``): caret positions are
        no use here, because at the edge of a run of digits or Latin inside a right-to-left
        line one caret position has two places ("24" in "بتاريخ 24 أكتوبر" starts at its right
        edge and its first digit is drawn at its left).
        """
        hit = self._glyph_at(point)
        return None if hit is None else hit[0]

    def caret_at(self, point: QPoint) -> int | None:
        """The caret position (code points) nearest to viewport ``point``; None off the text.

        Qt's ``cursorForPosition`` is off by about half a glyph in right-to-left lines: a press
        on the visible junction of و and ا in "والبوكمال" gives the position after the ا. Here
        the glyph under the point decides: its leading half (the right one for Arabic, the left
        one for digits and Latin) is the position before it, the other half the one after.
        """
        hit = self._glyph_at(point)
        if hit is None:
            return None
        offset, left, right = hit
        right_half = point.x() >= (left + right) / 2
        rtl = unicodedata.bidirectional(self._bridge.session.text[offset]) not in _LTR_CLASSES
        return offset if right_half == rtl else offset + 1

    def _glyph_at(self, point: QPoint) -> tuple[int, float, float] | None:
        """The character drawn under viewport ``point`` and its glyph's left and right x."""
        block = self.cursorForPosition(point).block()
        if not block.isValid() or block.layout() is None:
            return None
        layout = block.layout()
        origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        x, y = point.x() - origin.x(), point.y() - origin.y()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if not line.y() <= y < line.y() + line.height():
                continue
            for position in range(line.textStart(), line.textStart() + line.textLength()):
                for run in line.glyphRuns(position, 1):
                    rect = run.boundingRect()
                    if rect.left() <= x < rect.right():
                        offset = self._positions.to_offset(block.position() + position)
                        return offset, rect.left() + origin.x(), rect.right() + origin.x()
            return None
        return None

    def spans_at_point(self, point: QPoint) -> list[Span]:
        """The spans under viewport ``point``, innermost first."""
        offset = self.char_at(point)
        return [] if offset is None else self._bridge.session.spans_at(offset)

    def tooltip_text(self, point: QPoint) -> str:
        """What hovering at viewport ``point`` shows: the labels of the spans there."""
        lines = []
        schema = self._bridge.session.schema
        for span in self.spans_at_point(point):
            try:
                label = schema.label(span.label)
                name = f"{label.name_en} · {_isolated(label.name_ar)}"
            except KeyError:
                name = span.label
            if current_language() == "ar":
                lines.append(f"{label_title(schema, span.label)}  «{_isolated(span.text)}»")
            else:
                lines.append(f"{span.label}  ({name})  “{_isolated(span.text)}”")
            if is_date(schema, span.label):
                lines.append(QCoreApplication.translate("ArticleView", "    date value: {value}")
                             .format(value=date_value_title(span.attrs)))
        return "\n".join(lines)

    def mark_spans(self, span_ids: frozenset[int]) -> None:
        """Draw ``span_ids`` marked (the spans of the event chosen in the events panel)."""
        before = self.highlighter.marked_spans
        if before == span_ids:
            return
        self.highlighter.set_marked_spans(span_ids)
        for span_id in before | span_ids:
            span = self._span_or_none(span_id)
            if span is not None:
                self.highlighter.rehighlight_range(span.start, span.end)

    # ----- the selected span -------------------------------------------------------------
    @property
    def selected_span(self) -> int | None:
        """The id of the selected span (clicked, or chosen in the span list)."""
        return self.highlighter.selected_span

    def select_span(self, span_id: int | None, *, scroll: bool = True) -> None:
        """Select a span (None: no span), drawing it solid; optionally scroll to it."""
        previous = self.highlighter.selected_span
        old = self._span_or_none(previous)
        new = self._span_or_none(span_id)
        self.highlighter.set_selected_span(new.id if new is not None else None)
        if old is not None:
            self.highlighter.rehighlight_range(old.start, old.end)
        if new is not None:
            self.highlighter.rehighlight_range(new.start, new.end)
            if scroll:
                self._quiet = True
                try:
                    cursor = self.textCursor()
                    cursor.setPosition(self._positions.to_qt(new.start))
                    self.setTextCursor(cursor)
                    self.ensureCursorVisible()
                finally:
                    self._quiet = False
        if previous != self.highlighter.selected_span:
            self.span_selected.emit(self.highlighter.selected_span)

    # ----- edits ---------------------------------------------------------------------------
    def apply_label(self, label: str, *, exact: bool = False) -> LabelOutcome:
        """Label the selection, or relabel the selected span when no text is selected."""
        selection = self.selection_range()
        session = self._bridge.session
        if session.document is None:
            return "nothing"
        if selection is None:
            if self.selected_span is None:
                return "nothing"
            relabel = session.relabel_command(self.selected_span, label)
            if relabel is None:
                return "nothing"
            return "labeled" if self._bridge.execute(relabel) else "not saved"
        command = session.add_command(
            *selection, label, exact=exact or self._exact or self._exact_mode
        )
        if command is None:
            return "nothing"
        sentences = session.sentence_count(command.span.start, command.span.end)
        if sentences > 1 and not self.confirm(
            self.tr(
                "The selection runs over %n sentences ({characters} characters). "
                "Label all of it as {label}?", "", sentences
            ).format(
                characters=command.span.end - command.span.start,
                label=label_title(session.schema, label),
            )
        ):
            return "declined"
        if not self._bridge.execute(command):
            return "not saved"
        if command.stored is not None and command.stored.id is not None:
            self._place_caret(command.stored.end)
            self.select_span(command.stored.id, scroll=False)
        return "labeled"

    def delete_selected(self) -> bool:
        """Delete the selected span; afterwards nothing is selected, the caret stays there."""
        if self.selected_span is None or self._bridge.session.document is None:
            return False
        span = self._bridge.session.span(self.selected_span)
        events = self._bridge.session.events.events_of(self.selected_span)
        if events and not self.confirm(
            f"“{span.text}” is used by {len(events)} event{'s' if len(events) != 1 else ''}. "
            "Delete it and take it out of them? (Undo puts it back in them.)"
        ):
            return False
        done = self._bridge.execute(self._bridge.session.delete_command(self.selected_span))
        if done:
            self.select_span(None, scroll=False)
            self._place_caret(span.start)
        return done

    def move_selected_edge(self, step: int, *, by_token: bool) -> bool:
        """Move the selected span's end ``step`` characters (or tokens) on in the text.

        Positive grows the span, negative shrinks it; one undoable command per step.
        """
        session = self._bridge.session
        if self.selected_span is None or session.document is None:
            return False
        span = session.span(self.selected_span)
        end = step_edge(session.text, span.end, step, by_token=by_token)
        if end <= span.start:
            return False
        return self._resize_selected(span.start, end)

    def _resize_selected(self, start: int, end: int) -> bool:
        span_id = self.selected_span
        if span_id is None:
            return False
        start, end = sorted((start, end))
        command = self._bridge.session.resize_command(span_id, start, end)
        if command is None or not self._bridge.execute(command):
            return False
        self._place_caret(command.end)
        return True

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Label a long selection?"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # ----- zoom --------------------------------------------------------------------------
    def point_size(self) -> int:
        return self.font().pointSize()

    def set_point_size(self, size: int) -> None:
        """Zoom to ``size`` points (kept within 8-48)."""
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        if size != self.point_size():
            self.setFont(article_font(size))
            self.point_size_changed.emit(size)

    def zoom_by(self, steps: int) -> None:
        """Zoom in (positive) or out (negative) by whole points."""
        self.set_point_size(self.point_size() + steps)

    # ----- Qt events -----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        self._exact = self._exact_mode or bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if event.button() == Qt.MouseButton.LeftButton:
            self._edge = self.edge_at(self._press)
            if self._edge is not None:
                # Grabbing an edge of the selected span moves it; no text selection starts.
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._edge is not None:
            # The caret follows the pointer: it shows where the edge will land.
            self._place_caret(self._positions.to_offset(self.cursorForPosition(point).position()))
            event.accept()
            return
        if not event.buttons():
            # Over an edge of the selected span: a sideways cursor says it can be dragged.
            shape = (
                Qt.CursorShape.SizeHorCursor
                if self.edge_at(point) is not None
                else Qt.CursorShape.IBeamCursor
            )
            if self.viewport().cursor().shape() != shape:
                self.viewport().setCursor(shape)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._edge is not None and event.button() == Qt.MouseButton.LeftButton:
            edge, self._edge = self._edge, None
            self._drop_edge(edge, event.position().toPoint())
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.textCursor().hasSelection():
            self._settle_drag(self._press, event.position().toPoint())
            return
        spans = self.spans_at_point(event.position().toPoint())
        if not spans:
            self.select_span(None)
            return
        # Clicking the selected span again selects the next one out (nested spans).
        ids = [s.id for s in spans]
        current = self.selected_span
        chosen = ids[(ids.index(current) + 1) % len(ids)] if current in ids else ids[0]
        self.select_span(chosen, scroll=False)

    def edge_at(self, point: QPoint) -> Edge | None:
        """"start" or "end" when viewport ``point`` is on that edge of the selected span."""
        if self.selected_span is None:
            return None
        span = self._span_or_none(self.selected_span)
        if span is None:
            return None
        edges: tuple[tuple[Edge, int], ...] = (("end", span.end), ("start", span.start))
        for name, offset in edges:
            rect = self.cursorRect(self._cursor_at(self._positions.to_qt(offset)))
            if rect.top() <= point.y() <= rect.bottom() and abs(point.x() - rect.x()) <= 3:
                return name
        return None

    def _drop_edge(self, edge: Edge, point: QPoint) -> None:
        span = self._span_or_none(self.selected_span)
        if span is None:
            return
        offset = self._positions.to_offset(self.cursorForPosition(point).position())
        if edge == "end":
            self._resize_selected(span.start, offset)
        else:
            self._resize_selected(offset, span.end)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._exact = self._exact_mode or bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        super().mouseDoubleClickEvent(event)
        if self._exact:
            return  # Qt's word, as it stands
        # Qt's word is not the text core's token ("هــ.دد" is one token, three Qt words), and
        # Qt picks the nearest word even past the end of a line: the next line's first word.
        offset = self.char_at(event.position().toPoint())
        word = None if offset is None else self._word_at(offset)
        if word is None:
            self._place_caret(self.caret_offset())
            return
        self.select_range(*word)
        self._publish_selection()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # Qt's own Ctrl+wheel zoom would bypass the remembered size.
            steps = event.angleDelta().y() // 120
            if steps:
                self.zoom_by(steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._place_caret(self.caret_offset())
            self.select_span(None)
            event.accept()
            return
        if self._resize_key(event):
            event.accept()
            return
        # A selection made or changed with the keyboard snaps to tokens when labeled (unless
        # the window keeps exact characters).
        self._exact = self._exact_mode
        if self._page(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_text(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _resize_key(self, event: QKeyEvent) -> bool:
        """Shift(+Ctrl)+Left/Right on a selected span (no text selected): move its end.

        As the annotator sees it: in a right-to-left line the text goes on to the left, so
        Shift+Left grows the span and Shift+Right shrinks it; mirrored in a left-to-right line.
        """
        key = event.key()
        if key not in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            return False
        if self.selected_span is None or self.textCursor().hasSelection():
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        shift, ctrl = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier
        if modifiers not in (shift, shift | ctrl):
            return False
        span = self._bridge.session.span(self.selected_span)
        block = self.document().findBlock(self._positions.to_qt(span.end))
        rtl = block.layout() is None or block.textDirection() == Qt.LayoutDirection.RightToLeft
        onward = Qt.Key.Key_Left if rtl else Qt.Key.Key_Right
        self.move_selected_edge(+1 if key == onward else -1, by_token=modifiers == shift | ctrl)
        return True

    def _page(self, event: QKeyEvent) -> bool:
        """Page Up / Page Down (Shift: extend the selection): scroll a page, caret alongside.

        Qt's own page move in QPlainTextEdit stops after the first line once the document's
        text option is right-aligned (the caret and the view stay where they are), so the view
        pages itself: scroll by the scroll bar's page step and put the caret at the point of
        the viewport where it was.
        """
        key = event.key()
        if key not in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            return False
        mode = (
            QTextCursor.MoveMode.KeepAnchor
            if modifiers == Qt.KeyboardModifier.ShiftModifier
            else QTextCursor.MoveMode.MoveAnchor
        )
        down = key == Qt.Key.Key_PageDown
        self.ensureCursorVisible()
        point = self.cursorRect().center()
        bar = self.verticalScrollBar()
        before = bar.value()
        bar.triggerAction(
            QScrollBar.SliderAction.SliderPageStepAdd
            if down
            else QScrollBar.SliderAction.SliderPageStepSub
        )
        cursor = self.textCursor()
        if bar.value() == before:
            # Already at the end (or the start): the caret goes all the way.
            cursor.movePosition(
                QTextCursor.MoveOperation.End if down else QTextCursor.MoveOperation.Start, mode
            )
        else:
            point.setY(max(0, min(self.viewport().height() - 1, point.y())))
            cursor.setPosition(self.cursorForPosition(point).position(), mode)
        self.setTextCursor(cursor)
        return True

    # ----- slots -----------------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        match change:
            case DocumentOpened(document=document):
                self._on_document_opened(document)
            case DocumentReloaded():
                self._on_document_reloaded()
            case SpanAdded(span=span):
                self._on_span_added(span)
            case SpanRemoved(span=span):
                self._on_span_removed(span)
            case SpanChanged(old=old, new=new):
                self._on_span_changed(old, new)

    def _on_document_reloaded(self) -> None:
        # Same text, other spans: redraw them all; a selected span someone deleted goes.
        selected = self.highlighter.selected_span
        if selected is not None and self._span_or_none(selected) is None:
            self.highlighter.set_selected_span(None)
            self.span_selected.emit(None)
        self.highlighter.rehighlight()

    def _on_document_opened(self, document: Document) -> None:
        self._positions = PositionMap(document.text)
        self.highlighter.set_positions(self._positions)
        self.highlighter.set_selected_span(None)
        self._quiet = True
        try:
            self.setPlainText(document.text)
        finally:
            self._quiet = False
        self.span_selected.emit(None)
        self.selection_range_changed.emit(None)

    def _on_span_added(self, span: Span) -> None:
        self.highlighter.rehighlight_range(span.start, span.end)

    def _on_span_removed(self, span: Span) -> None:
        if span.id == self.highlighter.selected_span:
            self.highlighter.set_selected_span(None)
            self.span_selected.emit(None)
        self.highlighter.rehighlight_range(span.start, span.end)

    def _on_span_changed(self, old: Span, new: Span) -> None:
        if old.id == self.highlighter.selected_span and new.id != old.id:
            self.highlighter.set_selected_span(new.id)
        self.highlighter.rehighlight_range(min(old.start, new.start), max(old.end, new.end))

    def _on_selection_changed(self) -> None:
        selection = self.selection_range()
        self.selection_range_changed.emit(selection)
        if selection is not None and not self._quiet and self.selected_span is not None:
            # A new text selection replaces the selected span: the next key labels the text.
            self.select_span(None, scroll=False)

    # ----- helpers ---------------------------------------------------------------------------
    def _settle_drag(self, press: QPoint | None, release: QPoint) -> None:
        """The selection a drag from ``press`` to ``release`` makes, snapped unless exact.

        Both ends come from the glyphs under the points (:meth:`caret_at`), not from Qt's
        nearest caret, so a drag from the junction of و and ال starts there. A digit or Latin
        letter under either point is taken in: from the visual edge of a run of them in a
        right-to-left line the nearest caret position is on the run's far side ("بتاريخ 24
        أكتوبر": from the right edge of "24" it is after the "4"). Arabic letters are not: there
        the caret position is what the annotator chose, and it may be a clitic boundary.
        """
        selection = self.selection_range()
        if selection is None:
            return
        cursor = self.textCursor()
        anchor = self._positions.to_offset(cursor.anchor())
        position = self._positions.to_offset(cursor.position())
        if press is not None:
            anchor = self._or(self.caret_at(press), anchor)
        position = self._or(self.caret_at(release), position)
        start, end = min(anchor, position), max(anchor, position)
        text = self._bridge.session.text
        if not self._exact:
            for point in (press, release):
                offset = None if point is None else self.char_at(point)
                if offset is not None and unicodedata.bidirectional(text[offset]) in _LTR_CLASSES:
                    start, end = min(start, offset), max(end, offset + 1)
        if start == end:  # a drag within half a glyph: what Qt selected is all there is
            start, end = selection
        snapped = (start, end) if self._exact else self._bridge.session.snap(start, end)
        if snapped is None:
            snapped = selection  # nothing to label there: leave what Qt selected
        if snapped != selection:
            self.select_range(*snapped)
        self._publish_selection()

    @staticmethod
    def _or(value: int | None, fallback: int) -> int:
        return fallback if value is None else value

    def _word_at(self, offset: int) -> tuple[int, int] | None:
        """What a double-click at ``offset`` selects: the token, without a particle before a name.

        See ``annotator.core.clitics.name_start``: "والبوكمال" gives "البوكمال", "ومظلوم" gives
        "مظلوم" once "مظلوم" is a known name of the project. None on a space or punctuation.
        """
        for token in self._bridge.session.tokens_around(offset, offset + 1):
            if token.start <= offset < token.end:
                if self._bridge.session.snap(token.start, token.end) != (token.start, token.end):
                    return None  # punctuation or a symbol: nothing to label
                return token.start + name_start(token.text, self._is_known), token.end
        return None

    def _is_known(self, text: str) -> bool:
        return text in self._known_names

    def _publish_selection(self) -> None:
        """Put the selected (snapped) text in the X primary selection, for middle-click paste.

        Qt puts the raw drag there on release; the snapped text is what gets labeled.
        """
        clipboard = QGuiApplication.clipboard()
        selection = self.selection_range()
        if selection is not None and clipboard.supportsSelection():
            text = self._bridge.session.text[selection[0] : selection[1]]
            clipboard.setText(text, QClipboard.Mode.Selection)

    def _place_caret(self, offset: int) -> None:
        self._quiet = True
        try:
            cursor = self.textCursor()
            cursor.setPosition(self._positions.to_qt(offset))
            self.setTextCursor(cursor)
        finally:
            self._quiet = False

    def _cursor_at(self, qt_position: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(qt_position, self.document().characterCount() - 1))
        return cursor

    def _caret_x(self, qt_position: int) -> int:
        return self.cursorRect(self._cursor_at(qt_position)).x()

    def _span_or_none(self, span_id: int | None) -> Span | None:
        if span_id is None:
            return None
        try:
            return self._bridge.session.span(span_id)
        except KeyError:
            return None

