"""Save pictures of the events panel and of a DATE span's value tooltip, on the first seed.

    python scripts/screenshot_events.py [--out-dir docs]

Writes ``events_panel.png`` (the window with an event chosen: its spans marked in the article,
its roles listed in the panel) and ``date_tooltip.png`` (the article with the tooltip a DATE span
shows, its value counted from the publication date). Runs offscreen unless a display is set.
The database is a temporary copy of the demo project; nothing of the user's is touched.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import replace
from pathlib import Path

from demo_window import open_demo, save_png, scratch_folder

EXAMPLES: tuple[tuple[str, str], ...] = (
    ("دير الزور", "LOCATION"),
    ("شرق سوريا", "LOCATION"),
    ("التحالف الدولي", "ACTOR"),
    ("الميليشيات المدعومة من إيران", "TARGET"),
    ("شهر أكتوبر", "DATE"),
    ("حزب الله", "ACTOR"),
    ("إسرائيل", "TARGET"),
)


def main(argv: list[str] | None = None) -> int:
    """Write both PNGs; exit code 0 on success."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=Path("docs"))
    parser.add_argument("--nested", action="store_true",
                        help="choose the second event, whose cause is the first")
    args = parser.parse_args(argv)
    demo = open_demo(scratch_folder())

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtWidgets import QLabel, QToolTip

    from annotator.services.event_commands import ChangeEvent

    app, session, stack = demo.app, demo.session, demo.stack
    published = session.events.published_command(datetime.date(2024, 10, 28))
    if published is not None:
        stack.push(published)
    missing = demo.label(EXAMPLES, exact=True)
    if missing is not None:
        print(f"screenshot_events: {missing!r} is not in the first seed", file=sys.stderr)
        return 1
    text = session.text
    # One event over the first sentence's spans, one over the third paragraph's.
    stack.push(session.events.new_event_command(session.events.sentence_spans(0),
                                                "Air/drone strike"))
    stack.push(session.events.new_event_command(
        session.events.sentence_spans(text.find("حزب الله")), "Armed clash"))
    # The clash answers the strike: a nested event, listed as "cause: event 1 · ...".
    strike, clash = session.events.events
    assert strike.id is not None and session.document_id is not None
    stack.push(ChangeEvent(session.document_id, replace(clash, event_args={"cause": (strike.id,)})))
    window = demo.window(1400, 820)
    first = session.events.events[0].id
    window.events_panel.select_event(clash.id if args.nested else first)
    date_span = next(s for s in session.spans if s.label == "DATE")
    window.article.select_span(date_span.id, scroll=False)
    demo.settle()
    saved = [save_png(window, args.out_dir / "events_panel.png", script="screenshot_events")]

    # The tooltip is its own little window: drawn onto the article where it would appear.
    view = window.article
    window.article.select_span(None, scroll=False)
    window.events_panel.select_event(None)
    demo.settle(5)
    point = _glyph_point(view, date_span.start + 2)
    tip = view.tooltip_text(point)
    QToolTip.showText(view.viewport().mapToGlobal(point), tip, view.viewport())
    demo.settle(10)
    labels = [w for w in app.topLevelWidgets()
              if isinstance(w, QLabel) and w.isVisible() and w.text() == tip]
    picture = QPixmap(view.grab())
    if labels:
        painter = QPainter(picture)
        painter.drawPixmap(QPoint(point.x() + 8, point.y() + 20), labels[0].grab())
        painter.end()
    else:
        print("screenshot_events: the tooltip did not show", file=sys.stderr)
        return 1
    saved.append(save_png(picture, args.out_dir / "date_tooltip.png", script="screenshot_events"))
    print(f"tooltip: {tip}")
    QToolTip.hideText()
    demo.close(window)
    return 0 if all(saved) else 1


def _glyph_point(view: object, offset: int) -> object:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    from annotator.ui.article_view import ArticleView

    assert isinstance(view, ArticleView)
    a, b = QTextCursor(view.document()), QTextCursor(view.document())
    a.setPosition(view.positions.to_qt(offset))
    b.setPosition(view.positions.to_qt(offset + 1))
    ra, rb = view.cursorRect(a), view.cursorRect(b)
    return QPoint((ra.x() + rb.x()) // 2, ra.center().y())


if __name__ == "__main__":
    raise SystemExit(main())
