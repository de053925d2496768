"""Initial schema: projects, documents, annotators, spans, events and event roles.

Revision ID: 0001
Revises:
Create Date: 2026-11-22

Written out in full (not metadata.create_all) so that later edits of tables.py never change
what this revision creates.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _timestamps() -> list[sa.Column[object]]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(),
                  nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(),
                  nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("schema", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(),
                  nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_projects"),
        sa.UniqueConstraint("name", name="uq_projects_name"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), server_default="new", nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE",
                                name="fk_documents_project_id_projects"),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_documents_project_position", "documents", ["project_id", "position"])
    op.create_index("ix_documents_project_status", "documents", ["project_id", "status"])
    op.create_index("ix_documents_project_hash", "documents", ["project_id", "content_hash"],
                    unique=True)
    op.create_table(
        "annotators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_annotators"),
        sa.UniqueConstraint("name", name="uq_annotators_name"),
    )
    op.create_table(
        "spans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=True),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(64), nullable=False),
        sa.Column("attrs", sa.JSON(), nullable=False),
        sa.Column("origin", sa.String(16), server_default="manual", nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_spans_document_id_documents"),
        sa.ForeignKeyConstraint(["annotator_id"], ["annotators.id"], ondelete="RESTRICT",
                                name="fk_spans_annotator_id_annotators"),
        sa.PrimaryKeyConstraint("id", name="pk_spans"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_spans_document_start", "spans", ["document_id", "start_offset"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(200), nullable=False),
        sa.Column("trigger_span_id", sa.Integer(), nullable=True),
        sa.Column("attrs", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(),
                  nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_events_document_id_documents"),
        sa.ForeignKeyConstraint(["trigger_span_id"], ["spans.id"], ondelete="SET NULL",
                                name="fk_events_trigger_span_id_spans"),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_events_document", "events", ["document_id"])
    op.create_table(
        "event_roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(64), nullable=False),
        sa.Column("span_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE",
                                name="fk_event_roles_event_id_events"),
        sa.ForeignKeyConstraint(["span_id"], ["spans.id"], ondelete="CASCADE",
                                name="fk_event_roles_span_id_spans"),
        sa.PrimaryKeyConstraint("id", name="pk_event_roles"),
    )
    op.create_index("ix_event_roles_event", "event_roles", ["event_id"])


def downgrade() -> None:
    for table in ("event_roles", "events", "spans", "annotators", "documents", "projects"):
        op.drop_table(table)
