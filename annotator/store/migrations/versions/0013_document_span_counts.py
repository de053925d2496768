"""Each document's span count, stored, so that the list sorts by it through an index.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02

Sorting the document list by its Spans column counted every listed document's spans on
each page, next and last (0.5-1 s at 100,000 documents). ``documents.span_count`` holds the
count the list shows (all the document's spans: every annotator's, suggestions too); the
store keeps it in the transaction of every span write (ADR 0024), and
``ix_documents_project_spans_position`` serves the keyset (count, position, id).

Existing documents get their count from their span rows: one grouped pass over ``spans``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "documents",
        sa.Column("span_count", sa.Integer(), server_default="0", nullable=False),
    )
    # Only documents with spans are written: the others keep the default 0.
    op.execute(
        "UPDATE documents SET span_count = "
        "(SELECT COUNT(*) FROM spans WHERE spans.document_id = documents.id) "
        "WHERE id IN (SELECT DISTINCT document_id FROM spans)"
    )
    op.create_index("ix_documents_project_spans_position", "documents",
                    ["project_id", "span_count", "position", "id"])


def downgrade() -> None:
    op.drop_index("ix_documents_project_spans_position", table_name="documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("span_count")
