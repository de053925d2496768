"""A change counter per project, kept by the database itself.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01

A window asks every three seconds whether another window or annotator changed the project.
It summed every document's version (a scan of the project: 10-24 ms at 10,000 documents);
now it reads one row. ``project_changes.n`` goes up by one for every document added or
removed and every document version raised (every edit raises its document's version by one,
in its own transaction), so a session can still tell its own edits from others'.

Triggers, not code in each writer: an edit, an import (row by row or the bulk path, COPY on
PostgreSQL) and anything written later all count, in the transaction that makes the change.
PostgreSQL counts inserts and deletes once per statement (transition tables), so a bulk
import of 100,000 documents does not update the counter 100,000 times; SQLite has only row
triggers, where the update of a narrow row costs a few microseconds.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_UPSERT = ("INSERT INTO project_changes (project_id, n) VALUES ({project}, 1) "
           "ON CONFLICT (project_id) DO UPDATE SET n = project_changes.n + 1")

_SQLITE_TRIGGERS = {
    "documents_insert_changes": "AFTER INSERT ON documents",
    "documents_delete_changes": "AFTER DELETE ON documents",
    "documents_version_changes":
        "AFTER UPDATE OF version ON documents WHEN OLD.version IS NOT NEW.version",
}


def upgrade() -> None:
    # No foreign key to projects: the counter must not stand in the way of removing a project
    # (its documents' delete triggers count into it as it goes).
    op.create_table(
        "project_changes",
        sa.Column("project_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("project_id", name="pk_project_changes"),
    )
    # Existing projects start from their number of documents plus their versions: any value
    # would do (only its moves are read), this one keeps the counter growing from today's.
    op.execute(
        "INSERT INTO project_changes (project_id, n) "
        "SELECT project_id, COUNT(*) + COALESCE(SUM(version), 0) FROM documents "
        "GROUP BY project_id"
    )
    if op.get_bind().dialect.name == "sqlite":
        for name, when in _SQLITE_TRIGGERS.items():
            row = "OLD" if "DELETE" in when else "NEW"
            op.execute(f"CREATE TRIGGER {name} {when} BEGIN "
                       f"{_UPSERT.format(project=row + '.project_id')}; END")
        return
    op.execute(
        "CREATE FUNCTION annotator_count_version() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {_UPSERT.format(project='NEW.project_id')}; RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER documents_version_changes AFTER UPDATE OF version ON documents "
        "FOR EACH ROW WHEN (OLD.version IS DISTINCT FROM NEW.version) "
        "EXECUTE FUNCTION annotator_count_version()"
    )
    for kind, rows in (("insert", "new"), ("delete", "old")):
        op.execute(
            f"CREATE FUNCTION annotator_count_{kind}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN "
            "INSERT INTO project_changes AS c (project_id, n) "
            f"SELECT project_id, COUNT(*) FROM {rows}_rows GROUP BY project_id "
            "ON CONFLICT (project_id) DO UPDATE SET n = c.n + EXCLUDED.n; "
            "RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER documents_{kind}_changes AFTER {kind.upper()} ON documents "
            f"REFERENCING {rows.upper()} TABLE AS {rows}_rows "
            f"FOR EACH STATEMENT EXECUTE FUNCTION annotator_count_{kind}()"
        )


def downgrade() -> None:
    for name in _SQLITE_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (
            "" if op.get_bind().dialect.name == "sqlite" else " ON documents"))
    if op.get_bind().dialect.name != "sqlite":
        for kind in ("version", "insert", "delete"):
            op.execute(f"DROP FUNCTION IF EXISTS annotator_count_{kind}()")
    op.drop_table("project_changes")
