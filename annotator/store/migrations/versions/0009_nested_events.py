"""Nested events: an event role may be filled by another event instead of a span.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01

BioNLP-style files (brat ``E2 Cause:E1 Theme:T3``) have events whose argument is an event.
``event_roles.span_id`` becomes nullable, ``event_ref`` names the argument event, and a check
keeps exactly one of the two set. Existing rows all have a span: nothing else changes. On
SQLite the table is rebuilt (batch mode); its rows are copied as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event_roles") as batch:
        batch.alter_column("span_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("event_ref", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_event_roles_event_ref_events", "events", ["event_ref"],
                                 ["id"], ondelete="CASCADE")
        batch.create_check_constraint("ck_event_roles_one_target",
                                      "(span_id IS NULL) <> (event_ref IS NULL)")
    op.create_index("ix_event_roles_event_ref", "event_roles", ["event_ref"])


def downgrade() -> None:
    # Roles filled by events have no place in the old table: they go.
    op.execute("DELETE FROM event_roles WHERE event_ref IS NOT NULL")
    op.drop_index("ix_event_roles_event_ref", table_name="event_roles")
    with op.batch_alter_table("event_roles") as batch:
        batch.drop_constraint("ck_event_roles_one_target", type_="check")
        batch.drop_constraint("fk_event_roles_event_ref_events", type_="foreignkey")
        batch.drop_column("event_ref")
        batch.alter_column("span_id", existing_type=sa.Integer(), nullable=False)
