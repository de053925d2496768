"""Spans drawn by a QSyntaxHighlighter: label colours, nested spans underlined, selection solid.

A highlighter formats one block (paragraph) at a time and only when Qt lays it out, so a 1 MB
article with thousands of spans opens as fast as a plain one; ExtraSelections would redraw every
range on every change (measured: 16 ms against 231 ms for 5,000 ranges, see ADR 0004).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

from annotator.core.model import LabelSchema, Span
from annotator.ui.positions import PositionMap

# Light enough that black text stays readable on every label colour.
_BACKGROUND_ALPHA = 70


class SpanSource(Protocol):
    """What the highlighter asks about: the spans of a code-point range (the session does)."""

    def spans_between(self, start: int, end: int) -> Sequence[Span]:
        """Spans sharing a character with ``[start, end)``."""
        ...


class SpanHighlighter(QSyntaxHighlighter):
    """Paints the session's spans into the article's text document."""

    def __init__(
        self, document: QTextDocument, *, source: SpanSource, schema: LabelSchema
    ) -> None:
        super().__init__(document)
        self._source = source
        self._positions = PositionMap("")
        self._selected: int | None = None
        # The spans of the event chosen in the events panel: drawn bold and overlined.
        self._marked: frozenset[int] = frozenset()
        self._colors: dict[str, QColor] = {}
        self._background: dict[str, QTextCharFormat] = {}
        self.set_schema(schema)

    def set_schema(self, schema: LabelSchema) -> None:
        """Colours from the schema's labels."""
        self._colors = {label.name: QColor(label.color) for label in schema.labels}
        self._background = {}
        for name, color in self._colors.items():
            fmt = QTextCharFormat()
            light = QColor(color)
            light.setAlpha(_BACKGROUND_ALPHA)
            fmt.setBackground(light)
            self._background[name] = fmt

    def set_positions(self, positions: PositionMap) -> None:
        """The position map of the text now in the document (set before the text is shown)."""
        self._positions = positions

    @property
    def selected_span(self) -> int | None:
        return self._selected

    def set_selected_span(self, span_id: int | None) -> None:
        """Draw span ``span_id`` solid (None: no span is selected); the caller rehighlights."""
        self._selected = span_id

    @property
    def marked_spans(self) -> frozenset[int]:
        return self._marked

    def set_marked_spans(self, span_ids: frozenset[int]) -> None:
        """Draw the spans ``span_ids`` marked (the selected event's); the caller rehighlights."""
        self._marked = span_ids

    def color(self, label: str) -> QColor:
        """The colour of ``label`` (grey for a label the schema does not know)."""
        return QColor(self._colors.get(label, QColor("#888888")))

    def rehighlight_range(self, start: int, end: int) -> None:
        """Repaint only the blocks holding code points ``[start, end)``."""
        document = self.document()
        if document is None:
            return
        first = document.findBlock(self._positions.to_qt(start))
        last = document.findBlock(self._positions.to_qt(max(start, end - 1)))
        block = first
        while block.isValid():
            self.rehighlightBlock(block)
            if block == last:
                break
            block = block.next()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        qt_start = block.position()
        start = self._positions.to_offset(qt_start)
        end = start + len(text)
        spans = self._source.spans_between(start, end)
        if not spans:
            return
        if self._disjoint(spans):
            # The common case (no span overlaps another here): one format per span.
            for span in spans:
                left, right = max(span.start, start), min(span.end, end)
                qt_left = self._positions.to_qt(left) - qt_start
                qt_right = self._positions.to_qt(right) - qt_start
                if span.id is not None and span.id == self._selected:
                    fmt = self._format([span])
                elif span.origin == "suggested":
                    fmt = self._suggestion(span.label)
                else:
                    fmt = self._background.get(span.label) or self._format([span])
                if span.id in self._marked:
                    fmt = self._mark(fmt)
                self.setFormat(qt_left, qt_right - qt_left, fmt)
            return
        # Cut the block into pieces where any span starts or ends; each piece is drawn from
        # the spans covering it, so nested and overlapping spans all show.
        cuts = {start, end}
        for span in spans:
            cuts.add(max(span.start, start))
            cuts.add(min(span.end, end))
        edges = sorted(cuts)
        for left, right in itertools.pairwise(edges):
            covering = [s for s in spans if s.start < right and s.end > left]
            if not covering:
                continue
            fmt = self._format(covering)
            if any(s.id in self._marked for s in covering):
                fmt = self._mark(fmt)
            qt_left = self._positions.to_qt(left) - qt_start
            qt_right = self._positions.to_qt(right) - qt_start
            self.setFormat(qt_left, qt_right - qt_left, fmt)

    @staticmethod
    def _mark(fmt: QTextCharFormat) -> QTextCharFormat:
        marked = QTextCharFormat(fmt)
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setFontOverline(True)
        return marked

    @staticmethod
    def _disjoint(spans: Sequence[Span]) -> bool:
        # spans_between gives reading order (by start), so neighbours tell.
        return all(a.end <= b.start for a, b in itertools.pairwise(spans))

    def _suggestion(self, label: str) -> QTextCharFormat:
        # A suggestion is hatched in its label's colour with a dashed underline: the pattern,
        # not a shade of colour, tells it from a span a person made (colour-blind safe).
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(self.color(label), Qt.BrushStyle.BDiagPattern))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(self.color(label))
        return fmt

    def _format(self, covering: list[Span]) -> QTextCharFormat:
        # Longest first; the innermost span gives the background (its colour is what the
        # annotator just labeled) and the one around it the underline, so both labels show.
        covering.sort(key=lambda s: (-(s.end - s.start), s.label))
        inner = covering[-1]
        selected = next((s for s in covering if s.id == self._selected), None)
        if selected is not None:
            fmt = QTextCharFormat()
            fmt.setBackground(self.color(selected.label))
            fmt.setForeground(QColor("white"))
        elif inner.origin == "suggested":
            fmt = self._suggestion(inner.label)
        else:
            fmt = QTextCharFormat(self._background.get(inner.label, QTextCharFormat()))
        if len(covering) > 1:
            around = covering[-2]
            fmt.setUnderlineStyle(
                QTextCharFormat.UnderlineStyle.SingleUnderline
                if len(covering) == 2
                else QTextCharFormat.UnderlineStyle.WaveUnderline
            )
            fmt.setUnderlineColor(self.color(around.label))
        return fmt
