"""Article view speed on a 1 MB Arabic article with 5,000 spans (offscreen); prints a table.

    python bench/bench_view.py [--megabytes 1.0] [--spans 5000] [--repeat 5]

Rows: time to first paint of the real view (session + SpanHighlighter) against a bare
QPlainTextEdit with a minimal highlighter painting the same ranges (target: within 2x), adding
one span and repainting (target: under 16 ms; the store write is shown apart), and the
process's memory with the article open.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
    QTextOption,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.core.model import Document, Span
from annotator.core.text import tokenize
from annotator.paths import seed_paths
from annotator.services.session import AnnotationSession
from annotator.store.db import open_database
from annotator.ui.app import application
from annotator.ui.article_view import ArticleView
from annotator.ui.bridge import SessionBridge
from annotator.ui.fonts import article_font

LABELS = ("ACTOR", "TARGET", "LOCATION", "DATE")


def make_article(megabytes: float) -> str:
    """Seed articles repeated until the UTF-8 text reaches ``megabytes``."""
    seeds = [p.read_text(encoding="utf-8").replace("\r\n", "\n") for p in seed_paths()]
    parts: list[str] = []
    size = 0
    i = 0
    while size < megabytes * 1_000_000:
        part = seeds[i % len(seeds)]
        parts.append(part)
        size += len(part.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def make_spans(text: str, count: int) -> list[Span]:
    """``count`` spans on word tokens spread over the text; every tenth one nested in a pair."""
    words = [t for t in tokenize(text) if any(c.isalnum() for c in t.text)]
    step = max(1, len(words) // count)
    spans: list[Span] = []
    for n, index in enumerate(range(0, len(words) - 1, step)):
        if len(spans) >= count:
            break
        token = words[index]
        label = LABELS[n % len(LABELS)]
        if n % 10 == 9 and index + 1 < len(words):
            end = words[index + 1].end
            spans.append(Span(token.start, end, label, text[token.start : end]))
        else:
            spans.append(Span(token.start, token.end, label, token.text))
    return spans


class BareHighlighter(QSyntaxHighlighter):
    """The floor: the same ranges, looked up per block, one plain background each."""

    def __init__(self, document: QTextDocument, spans: list[Span]) -> None:
        super().__init__(document)
        self._starts = [s.start for s in spans]
        self._spans = spans
        self._formats = {}
        for label, color in zip(LABELS, ("#D55E00", "#0072B2", "#009E73", "#CC79A7"), strict=True):
            fmt = QTextCharFormat()
            light = QColor(color)
            light.setAlpha(70)
            fmt.setBackground(light)
            self._formats[label] = fmt

    def highlightBlock(self, text: str) -> None:
        import bisect

        start = self.currentBlock().position()  # the generated text is all BMP
        end = start + len(text)
        i = bisect.bisect_left(self._starts, start)
        while i < len(self._spans) and self._spans[i].start < end:
            span = self._spans[i]
            self.setFormat(span.start - start, span.end - span.start, self._formats[span.label])
            i += 1


def first_paint_bare(text: str, spans: list[Span]) -> float:
    t0 = time.perf_counter()
    edit = QPlainTextEdit()
    edit.setReadOnly(True)
    edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    # The same font and layout options as the view: only the highlighting differs.
    option = QTextOption()
    option.setAlignment(Qt.AlignmentFlag.AlignRight)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    edit.document().setDefaultTextOption(option)
    edit.setFont(article_font())
    BareHighlighter(edit.document(), spans)
    edit.setPlainText(text)
    edit.resize(1000, 700)
    edit.show()
    QTest.qWaitForWindowExposed(edit)  # offscreen: painting is real only once exposed
    edit.viewport().repaint()
    elapsed = time.perf_counter() - t0
    edit.close()
    edit.deleteLater()
    QApplication.processEvents()
    return elapsed


def first_paint_view(session: AnnotationSession) -> tuple[float, ArticleView]:
    """The view over a session whose document is loaded (as the bare edit gets its text)."""
    t0 = time.perf_counter()
    bridge = SessionBridge(session)
    view = ArticleView(bridge)  # shows the session's open document
    view.resize(1000, 700)
    view.show()
    QTest.qWaitForWindowExposed(view)
    view.viewport().repaint()
    return time.perf_counter() - t0, view


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--spans", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    application()
    text = make_article(args.megabytes)
    spans = make_spans(text, args.spans)
    rss_before = rss_mb()
    with tempfile.TemporaryDirectory() as scratch:
        repo = open_database(str(Path(scratch) / "bench.sqlite3"), seed_demo=False)
        project = repo.default_project()
        repo.add_documents(project, [Document(name="long", text=text, spans=tuple(spans))],
                           annotator="bench")
        document_id = repo.list_documents(project)[0].id
        session = AnnotationSession(repo, project_id=project, annotator="bench")

        loads: list[float] = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            session.open(document_id)
            loads.append(time.perf_counter() - t0)
        bare: list[float] = []
        views: list[float] = []
        view: ArticleView | None = None
        for _ in range(args.repeat):  # interleaved, so neither gets the warmer caches
            bare.append(first_paint_bare(text, spans))
            if view is not None:
                view.close()
                view.deleteLater()
                QApplication.processEvents()
            elapsed, view = first_paint_view(session)
            views.append(elapsed)
        assert view is not None
        rss_open = rss_mb()
        repaints: list[float] = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            view.viewport().repaint()
            repaints.append(time.perf_counter() - t0)

        # Add one span on a word not labeled yet, in the visible part, then repaint.
        taken = {(s.start, s.end) for s in session.spans}
        free = [t for t in tokenize(text[:20000]) if t.text.isalpha() and (t.start, t.end)
                not in taken]
        adds: list[float] = []
        writes: list[float] = []
        for token in free[: max(20, args.repeat)]:
            t0 = time.perf_counter()
            command = session.add_command(token.start, token.end, "ACTOR")
            assert command is not None
            t1 = time.perf_counter()
            session.writer.add_span(command.document_id, command.span)
            t2 = time.perf_counter()
            view.viewport().repaint()
            t3 = time.perf_counter()
            writes.append(t2 - t1)
            adds.append((t1 - t0) + (t3 - t2))
        repo.close()

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:9.1f} ms"

    ratio = statistics.median(views) / statistics.median(bare)
    print(f"article: {len(text.encode('utf-8')) / 1e6:.2f} MB UTF-8, {len(text):,} characters, "
          f"{len(spans):,} spans; median of {args.repeat} (adds: {len(adds)})")
    print(f"{'measure':<52}{'value':>14}  target")
    print("-" * 80)
    print(f"{'first paint, bare QPlainTextEdit + highlighter':<52}{ms(bare):>14}")
    print(f"{'first paint, ArticleView (session, highlighter)':<52}{ms(views):>14}  "
          f"<= 2x bare ({ratio:.2f}x)")
    print(f"{'repaint alone (the view, 1000x700)':<52}{ms(repaints):>14}")
    print(f"{'load the document and its spans from SQLite':<52}{ms(loads):>14}")
    print(f"{'add one span: snap + highlight + repaint':<52}{ms(adds):>14}  < 16 ms")
    print(f"{'add one span: the SQLite write (one transaction)':<52}{ms(writes):>14}")
    print(f"{'memory (RSS) with the article open':<52}{rss_open:>11.0f} MB"
          f"  (before: {rss_before:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
