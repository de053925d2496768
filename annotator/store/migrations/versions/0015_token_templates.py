"""Token templates of the CoNLL export: a document's tokens kept after its first export.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02

One new table, nothing else touched: it starts empty and fills as documents are exported
(docs/adr/0022).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "token_templates",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("starts", sa.LargeBinary(), nullable=False),
        sa.Column("ends", sa.LargeBinary(), nullable=False),
        sa.Column("breaks", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_token_templates_document_id_documents"),
        sa.PrimaryKeyConstraint("document_id", name="pk_token_templates"),
    )


def downgrade() -> None:
    op.drop_table("token_templates")
