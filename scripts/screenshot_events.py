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
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

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
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix="annotator-screenshot-"))
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")

    from PySide6.QtCore import QPoint, QSettings
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtWidgets import QApplication, QLabel, QToolTip

    from annotator.services.commands import UndoStack
    from annotator.services.event_commands import ChangeEvent
    from annotator.services.session import AnnotationSession
    from annotator.store.db import open_database
    from annotator.ui.app import application
    from annotator.ui.main_window import MainWindow

    app = application()
    db = str(scratch / "demo.sqlite3")
    repository = open_database(db, seed_demo=True)
    session = AnnotationSession(repository, project_id=repository.default_project(),
                                annotator="demo")
    session.open(session.documents()[0].id)
    stack = UndoStack(session.writer)
    published = session.events.published_command(datetime.date(2024, 10, 28))
    if published is not None:
        stack.push(published)
    text = session.text
    for phrase, label in EXAMPLES:
        start = text.find(phrase)
        if start < 0:
            print(f"screenshot_events: {phrase!r} is not in the first seed", file=sys.stderr)
            return 1
        command = session.add_command(start, start + len(phrase), label, exact=True)
        if command is not None:
            stack.push(command)
    # One event over the first sentence's spans, one over the third paragraph's.
    stack.push(session.events.new_event_command(session.events.sentence_spans(0),
                                                "Air/drone strike"))
    stack.push(session.events.new_event_command(
        session.events.sentence_spans(text.find("حزب الله")), "Armed clash"))
    # The clash answers the strike: a nested event, listed as "cause: event 1 · ...".
    strike, clash = session.events.events
    assert strike.id is not None and session.document_id is not None
    stack.push(ChangeEvent(session.document_id, replace(clash, event_args={"cause": (strike.id,)})))
    settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session, settings=settings, database=db)
    window.resize(1400, 820)
    window.show()
    first = session.events.events[0].id
    window.events_panel.select_event(clash.id if args.nested else first)
    date_span = next(s for s in session.spans if s.label == "DATE")
    window.article.select_span(date_span.id, scroll=False)
    for _ in range(20):
        app.processEvents()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    saved = [_save(window.grab(), args.out_dir / "events_panel.png")]

    # The tooltip is its own little window: drawn onto the article where it would appear.
    view = window.article
    window.article.select_span(None, scroll=False)
    window.events_panel.select_event(None)
    for _ in range(5):
        app.processEvents()
    point = _glyph_point(view, date_span.start + 2)
    tip = view.tooltip_text(point)
    QToolTip.showText(view.viewport().mapToGlobal(point), tip, view.viewport())
    for _ in range(10):
        app.processEvents()
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
    saved.append(_save(picture, args.out_dir / "date_tooltip.png"))
    print(f"tooltip: {tip}")
    QToolTip.hideText()
    window.close()
    repository.close()
    QApplication.processEvents()
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


def _save(picture: object, out: Path) -> bool:
    from PySide6.QtGui import QPixmap

    assert isinstance(picture, QPixmap)
    tmp = out.with_suffix(".png.tmp")
    if not picture.save(str(tmp), "PNG"):
        print(f"screenshot_events: cannot write {out}", file=sys.stderr)
        return False
    tmp.replace(out)
    print(f"wrote {out}")
    return True


if __name__ == "__main__":
    raise SystemExit(main())
