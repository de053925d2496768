"""The texts labeled in a project: what the window treats as known names."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from annotator.store.rows import DOCUMENTS, SPANS


def labeled_texts(conn: Connection, project_id: int) -> list[str]:
    """The distinct texts of the project's spans (any annotator, any label).

    Spans keep offsets only; the text is cut from the document in SQL (SUBSTR counts
    characters, as offsets do, on SQLite and PostgreSQL) so no document is loaded.
    """
    piece = func.substr(DOCUMENTS.c.text, SPANS.c.start + 1, SPANS.c.end - SPANS.c.start)
    query = (
        select(piece)
        .select_from(SPANS.join(DOCUMENTS, DOCUMENTS.c.id == SPANS.c.document_id))
        .where(DOCUMENTS.c.project_id == project_id)
        .distinct()
    )
    return [str(text) for text in conn.execute(query).scalars()]
