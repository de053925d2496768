"""Binary relations between two spans, a kind of their own (not events).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

doccano, Label Studio and brat (R lines) carry relations with a type and two ends; stored as
events they came back as E lines brat refuses. Each relation keeps its two spans; deleting
either span deletes the relation.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "relations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(200), nullable=False),
        sa.Column("head_span_id", sa.Integer(), nullable=False),
        sa.Column("tail_span_id", sa.Integer(), nullable=False),
        sa.Column("attrs", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(),
                  nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_relations_document_id_documents"),
        sa.ForeignKeyConstraint(["head_span_id"], ["spans.id"], ondelete="CASCADE",
                                name="fk_relations_head_span_id_spans"),
        sa.ForeignKeyConstraint(["tail_span_id"], ["spans.id"], ondelete="CASCADE",
                                name="fk_relations_tail_span_id_spans"),
        sa.PrimaryKeyConstraint("id", name="pk_relations"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_relations_document", "relations", ["document_id"])
    op.create_index("ix_relations_head", "relations", ["head_span_id"])
    op.create_index("ix_relations_tail", "relations", ["tail_span_id"])


def downgrade() -> None:
    op.drop_index("ix_relations_tail", table_name="relations")
    op.drop_index("ix_relations_head", table_name="relations")
    op.drop_index("ix_relations_document", table_name="relations")
    op.drop_table("relations")
