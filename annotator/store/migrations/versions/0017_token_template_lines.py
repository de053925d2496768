"""Token templates in the shape the CoNLL export writes from (docs/adr/0022).

Revision ID: 0017
Revises: 0015
Create Date: 2026-12-02

The table is a cache: its rows (version 1) are dropped with it and made again by the next
``annotator index``, the window's background pass or export. ``words`` is now the
document's all-O CoNLL body, and ``offsets`` (where each token's line begins in it) replace
``ends`` and ``breaks``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0015"
branch_labels = None
depends_on = None


def _create(*arrays: str) -> None:
    op.create_table(
        "token_templates",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        *(sa.Column(name, sa.LargeBinary(), nullable=False) for name in arrays),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_token_templates_document_id_documents"),
        sa.PrimaryKeyConstraint("document_id", name="pk_token_templates"),
    )


def upgrade() -> None:
    op.drop_table("token_templates")
    _create("starts", "offsets")


def downgrade() -> None:
    op.drop_table("token_templates")
    _create("starts", "ends", "breaks")
