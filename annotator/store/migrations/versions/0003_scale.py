"""Large projects: corpus-order status index, stored span counts, the corpus search index.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

* ``ix_documents_project_status_position`` replaces ``ix_documents_project_status``: the
  filtered document list and "next document with this status" read it in corpus order.
* ``span_counts`` holds spans per (project, label, annotator) so that the statistics read a
  handful of rows instead of counting every span; filled here from the spans.
* ``document_search`` holds each document's folded text (``annotator.core.text.fold_key``):
  on SQLite an FTS5 table with the trigram tokenizer (rowid = document id); on PostgreSQL a
  table with a pg_trgm GIN index when the extension can be created (a plain table otherwise).
  Filled here from the documents.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from annotator.core.text import fold_key

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_BATCH = 500


def upgrade() -> None:
    op.drop_index("ix_documents_project_status", table_name="documents")
    op.create_index(
        "ix_documents_project_status_position", "documents", ["project_id", "status", "position"]
    )
    op.create_table(
        "span_counts",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(64), nullable=False),
        sa.Column("annotator_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE",
                                name="fk_span_counts_project_id_projects"),
        sa.PrimaryKeyConstraint("project_id", "label", "annotator_id", name="pk_span_counts"),
    )
    op.execute(
        "INSERT INTO span_counts (project_id, label, annotator_id, n) "
        "SELECT d.project_id, s.label, COALESCE(s.annotator_id, 0), COUNT(*) "
        "FROM spans s JOIN documents d ON d.id = s.document_id "
        "GROUP BY d.project_id, s.label, COALESCE(s.annotator_id, 0)"
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE document_search USING fts5(key, tokenize = 'trigram')"
        )
        insert = "INSERT INTO document_search (rowid, key) VALUES (:id, :key)"
    else:
        op.create_table(
            "document_search",
            sa.Column("document_id", sa.Integer(), nullable=False),
            sa.Column("key", sa.Text(), nullable=False),
            sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                    name="fk_document_search_document_id_documents"),
            sa.PrimaryKeyConstraint("document_id", name="pk_document_search"),
        )
        trigram_schema = _trigram_schema(bind)
        if trigram_schema is not None:
            op.execute(
                "CREATE INDEX ix_document_search_key ON document_search "
                f'USING gin (key "{trigram_schema}".gin_trgm_ops)'
            )
        insert = "INSERT INTO document_search (document_id, key) VALUES (:id, :key)"
    last = 0
    while True:
        rows = bind.execute(
            sa.text("SELECT id, text FROM documents WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            break
        bind.execute(sa.text(insert), [{"id": r[0], "key": fold_key(r[1])} for r in rows])
        last = rows[-1][0]


def _trigram_schema(bind: sa.engine.Connection) -> str | None:
    """The schema holding pg_trgm, creating it in ``public`` if this role may; else None."""
    available = bind.execute(
        sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
    ).first()
    if available is None:
        return None
    try:
        # A savepoint: a refused CREATE EXTENSION must not abort the migration's transaction.
        # In public, not in the first schema of the search path, which may be dropped.
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
    except sa.exc.DBAPIError:
        return None
    found = bind.execute(
        sa.text("SELECT extnamespace::regnamespace::text FROM pg_extension "
                "WHERE extname = 'pg_trgm'")
    ).scalar()
    return None if found is None else str(found).strip('"')


def downgrade() -> None:
    op.execute("DROP TABLE document_search")
    op.drop_table("span_counts")
    op.drop_index("ix_documents_project_status_position", table_name="documents")
    op.create_index("ix_documents_project_status", "documents", ["project_id", "status"])
