"""Indexes for spans by annotator and event roles by span.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

Statistics and agreement select spans per annotator, and deleting a span must find the event
roles that point at it; without these indexes both scan whole tables.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_spans_annotator", "spans", ["annotator_id"])
    op.create_index("ix_event_roles_span", "event_roles", ["span_id"])


def downgrade() -> None:
    op.drop_index("ix_event_roles_span", table_name="event_roles")
    op.drop_index("ix_spans_annotator", table_name="spans")
