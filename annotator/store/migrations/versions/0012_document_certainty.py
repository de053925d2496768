"""How sure the suggestion model is of each document: "least sure first" in one query.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01

One new table, nothing else touched: a database upgraded to it has no certainties until a
model is trained or ``annotator suggest`` runs with one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_certainty",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("certainty", sa.Float(), nullable=False),
        sa.Column("model", sa.String(128), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_document_certainty_document_id_documents"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE",
                                name="fk_document_certainty_project_id_projects"),
        sa.PrimaryKeyConstraint("document_id", name="pk_document_certainty"),
    )
    op.create_index("ix_document_certainty_order", "document_certainty",
                    ["project_id", "certainty", "document_id"])


def downgrade() -> None:
    op.drop_index("ix_document_certainty_order", table_name="document_certainty")
    op.drop_table("document_certainty")
