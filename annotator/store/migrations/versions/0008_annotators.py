"""Each annotator's own document status, and assignments of documents to annotators.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01

Two new tables, nothing else touched: a database upgraded from 0003 keeps every span (spans
already name their annotator) and every document status (``documents.status``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _keys(table: str) -> list[sa.schema.SchemaItem]:
    return [
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name=f"fk_{table}_document_id_documents"),
        sa.ForeignKeyConstraint(["annotator_id"], ["annotators.id"], ondelete="CASCADE",
                                name=f"fk_{table}_annotator_id_annotators"),
        sa.PrimaryKeyConstraint("document_id", "annotator_id", name=f"pk_{table}"),
    ]


def upgrade() -> None:
    op.create_table(
        "annotator_statuses",
        *_keys("annotator_statuses"),
        sa.Column("status", sa.String(16), nullable=False),
    )
    op.create_index("ix_annotator_statuses_annotator", "annotator_statuses",
                    ["annotator_id", "status"])
    op.create_table("assignments", *_keys("assignments"))
    op.create_index("ix_assignments_annotator", "assignments", ["annotator_id"])


def downgrade() -> None:
    op.drop_index("ix_assignments_annotator", table_name="assignments")
    op.drop_table("assignments")
    op.drop_index("ix_annotator_statuses_annotator", table_name="annotator_statuses")
    op.drop_table("annotator_statuses")
