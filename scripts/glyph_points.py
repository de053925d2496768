"""Print where characters of the open article are drawn, in window coordinates, for xdotool.

    python scripts/glyph_points.py --db FILE QUERY...

A QUERY is ``PHRASE@INDEX:SIDE``: the character INDEX (0-based) of the first occurrence of
PHRASE in the article the window opens first, and the SIDE of its glyph: ``right`` or ``left``
(just inside that edge: in right-to-left text, where a drag starts before or ends after the
letter) or ``centre``.
A QUERY ``list-header:COLUMN`` is the middle of a column title of the document list, and
``list-cell:ROW:COLUMN`` the middle of a cell of it (as the list first shows).
One line ``X Y`` per query, relative to the window's top-left corner.

The window is built exactly as the program builds it on a first start (same size, fonts and
zoom, a private copy of the settings), shown on the current display, measured and closed, so a
real window started afterwards on the same display draws the article at the same places.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Print one ``X Y`` line per query; exit code 1 when a phrase is not in the article."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("queries", nargs="+")
    args = parser.parse_args(argv)
    # Measure with settings of our own: a first start's, and the user's stay untouched.
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="annotator-glyphs-")

    from PySide6.QtCore import QPoint, QSettings
    from PySide6.QtGui import QTextCursor

    from annotator.services.session import AnnotationSession
    from annotator.store.db import open_database, resolve_url
    from annotator.ui.app import application
    from annotator.ui.main_window import MainWindow

    app = application()
    repository = open_database(args.db)
    session = AnnotationSession(
        repository, project_id=repository.default_project(), annotator="measure"
    )
    settings = QSettings(str(Path(os.environ["XDG_CONFIG_HOME"]) / "s.ini"),
                         QSettings.Format.IniFormat)
    window = MainWindow(session, settings=settings, database=resolve_url(args.db))
    window.show()
    for _ in range(30):
        app.processEvents()
    view = window.article
    text = session.text
    code = 0
    table = window.documents.table
    for query in args.queries:
        if query.startswith(("list-header:", "list-cell:")):
            numbers = [int(n) for n in query.split(":")[1:]]
            if query.startswith("list-header:"):
                header = table.horizontalHeader()
                column = numbers[0]
                x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
                point = header.viewport().mapTo(window, QPoint(x, header.height() // 2))
            else:
                rect = table.visualRect(table.model().index(numbers[0], numbers[1]))
                point = table.viewport().mapTo(window, rect.center())
            print(point.x(), point.y())
            continue
        phrase, _, rest = query.rpartition("@")
        index_text, _, side = rest.partition(":")
        at = text.find(phrase)
        if at < 0:
            print(f"glyph_points: {phrase!r} is not in the article", file=sys.stderr)
            code = 1
            continue
        offset = at + int(index_text)
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.positions.to_qt(offset))
        block = cursor.block()
        origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
        position = cursor.position() - block.position()
        line = block.layout().lineForTextPosition(position)
        rect = line.glyphRuns(position, 1)[0].boundingRect().translated(origin)
        x = {"right": int(rect.right()) - 1, "left": int(rect.left()) + 1}.get(
            side, int(rect.center().x())
        )
        point = view.viewport().mapTo(window, QPoint(x, int(rect.center().y())))
        print(point.x(), point.y())
    window.close()
    repository.close()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
