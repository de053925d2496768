"""The corpus search index is completed after an import, not during it.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02

``document_search_pending`` names the documents stored but not yet in ``document_search``
(ADR 0016): an import writes one small row per document instead of its folded text's
trigrams, which cost more than the rest of the import together. Searches and the document
list's text filter read the pending documents' texts directly, so no hit is missed;
``annotator index`` (or the window, in the background) moves them into the index. Nothing is
pending in a database upgraded to this revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_search_pending",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_document_search_pending_document_id_documents"),
        sa.PrimaryKeyConstraint("document_id", name="pk_document_search_pending"),
    )


def downgrade() -> None:
    # Back to an index that holds every document: the pending ones are indexed first.
    from annotator.store.search import index_pending

    index_pending(op.get_bind(), limit=None)
    op.drop_table("document_search_pending")
