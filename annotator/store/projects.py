"""Projects and their label schemas, and seeding a project with documents.

Functions take the caller's Connection; the Repository facade decides the transaction.
"""

from __future__ import annotations

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection

from annotator.core.labels import schema_to_dict
from annotator.core.messages import Message
from annotator.core.model import Document, LabelSchema
from annotator.store.documents import add_in
from annotator.store.errors import StoreError
from annotator.store.rows import PROJECTS, SPAN_COUNTS, insert_ignore, schema_of
from annotator.store.sql_writes import DEFAULT_PROJECT as DEFAULT_PROJECT


def first_project(conn: Connection) -> int | None:
    """The id of the oldest project, or None if there is none."""
    found = conn.execute(select(func.min(PROJECTS.c.id))).scalar()
    return None if found is None else int(found)


def ensure_default(conn: Connection, schema: LabelSchema) -> int:
    """The oldest project, creating "default" with ``schema`` if there is none."""
    found = first_project(conn)
    if found is not None:
        return found
    # Another client may create it at the same moment: insert-or-ignore, then read.
    insert_ignore(conn, PROJECTS, {"name": DEFAULT_PROJECT, "schema": schema_to_dict(schema)})
    return int(conn.execute(select(func.min(PROJECTS.c.id))).scalar_one())


def create_project(conn: Connection, name: str, schema: LabelSchema) -> int:
    """A new project; StoreError if the name is taken."""
    # Insert-or-ignore: another client may take the name at the same moment.
    project_id = insert_ignore(conn, PROJECTS, {"name": name, "schema": schema_to_dict(schema)})
    if project_id is None:
        raise StoreError(Message("store.project_exists", name=repr(name)))
    return project_id


def projects(conn: Connection) -> list[tuple[int, str]]:
    """Every project as (id, name), oldest first."""
    rows = conn.execute(select(PROJECTS.c.id, PROJECTS.c.name).order_by(PROJECTS.c.id))
    return [(int(r.id), str(r.name)) for r in rows]


def set_schema(conn: Connection, project_id: int, schema: LabelSchema) -> None:
    """Replace a project's schema; refused while spans use a label the new one lacks."""
    schema_of(conn, project_id)
    # The stored counts: no scan of the project's spans.
    used = conn.execute(
        select(SPAN_COUNTS.c.label, func.sum(SPAN_COUNTS.c.n))
        .where(SPAN_COUNTS.c.project_id == project_id, SPAN_COUNTS.c.n > 0)
        .where(SPAN_COUNTS.c.label.not_in(schema.names))
        .group_by(SPAN_COUNTS.c.label)
        .order_by(SPAN_COUNTS.c.label)
    ).all()
    if used:
        listed = ", ".join(f"{r[0]} ({r[1]} spans)" for r in used)
        raise StoreError(f"the new schema lacks labels still in use: {listed}")
    conn.execute(
        update(PROJECTS).where(PROJECTS.c.id == project_id).values(schema=schema_to_dict(schema))
    )


def seed(conn: Connection, name: str, schema: LabelSchema, documents: list[Document]) -> int:
    """Project ``name`` holding ``documents``, unless a project of that name exists already."""
    found = conn.execute(select(PROJECTS.c.id).where(PROJECTS.c.name == name)).first()
    if found is not None:
        return int(found.id)
    result = conn.execute(insert(PROJECTS).values(name=name, schema=schema_to_dict(schema)))
    assert result.inserted_primary_key is not None
    project_id = int(result.inserted_primary_key[0])
    add_in(conn, project_id, schema, documents, None)
    return project_id
