"""Indexes for the document list: sorted by name, filtered by label.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01

Two indexes, no data changed: (project_id, name, position) on documents walks the list in
name order a page at a time; (label, document_id) on spans gives the documents holding a
label without reading every span.
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_documents_project_name_position", "documents",
                    ["project_id", "name", "position"])
    op.create_index("ix_spans_label_document", "spans", ["label", "document_id"])


def downgrade() -> None:
    op.drop_index("ix_spans_label_document", table_name="spans")
    op.drop_index("ix_documents_project_name_position", table_name="documents")
