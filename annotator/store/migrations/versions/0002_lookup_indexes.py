"""Indexes that let deleting a span find the events and roles that point at it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

Deleting a span cascades to event roles and clears event triggers; without an index on the
referring columns, each delete scans the whole events and event_roles tables.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_event_roles_span", "event_roles", ["span_id"])
    op.create_index("ix_events_trigger", "events", ["trigger_span_id"])


def downgrade() -> None:
    op.drop_index("ix_events_trigger", table_name="events")
    op.drop_index("ix_event_roles_span", table_name="event_roles")
