"""ORM rows of the store (SQLAlchemy 2.0 typed mappings); they never leave this package.

Revision 0001 of the migrations creates exactly these tables; a change here needs a new
revision in ``migrations/versions`` (the test of migrations compares the two).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Fixed constraint names so that migrations can refer to them on every engine.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with the project's naming convention."""

    metadata = MetaData(naming_convention=NAMING)


def _now() -> Any:
    return func.now()


class ProjectRow(Base):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # The label schema as schema_to_dict() writes it.
    schema: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=_now())


class DocumentRow(Base):
    __tablename__ = "documents"
    # AUTOINCREMENT: SQLite must never hand out the id of a deleted row again.
    __table_args__ = (
        Index("ix_documents_project_position", "project_id", "position"),
        Index("ix_documents_project_status", "project_id", "status"),
        Index("ix_documents_project_hash", "project_id", "content_hash", unique=True),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    meta: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), server_default="new")
    position: Mapped[int] = mapped_column(Integer)
    # Bumped by every edit of the document or its spans/events: optimistic concurrency.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=_now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=_now())


class AnnotatorRow(Base):
    __tablename__ = "annotators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class SpanRow(Base):
    __tablename__ = "spans"
    __table_args__ = (
        Index("ix_spans_document_start", "document_id", "start"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    annotator_id: Mapped[int | None] = mapped_column(
        ForeignKey("annotators.id", ondelete="RESTRICT"), nullable=True
    )
    # "start"/"end" are SQL keywords: the columns get plain names instead.
    start: Mapped[int] = mapped_column("start_offset", Integer, key="start")
    end: Mapped[int] = mapped_column("end_offset", Integer, key="end")
    label: Mapped[str] = mapped_column(String(64))
    attrs: Mapped[dict[str, Any]] = mapped_column(JSON)
    origin: Mapped[str] = mapped_column(String(16), server_default="manual")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=_now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=_now())


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_document", "document_id"),
        # Revision 0002: deleting a span looks up the events it triggers.
        Index("ix_events_trigger", "trigger_span_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(200))
    trigger_span_id: Mapped[int | None] = mapped_column(
        ForeignKey("spans.id", ondelete="SET NULL"), nullable=True
    )
    attrs: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=_now())


class EventRoleRow(Base):
    __tablename__ = "event_roles"
    __table_args__ = (
        Index("ix_event_roles_event", "event_id"),
        # Revision 0002: deleting a span looks up the roles that point at it.
        Index("ix_event_roles_span", "span_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(64))
    span_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"))
    # Order of the spans within one role, as the user gave them.
    position: Mapped[int] = mapped_column(Integer, server_default="0")


class AnnotatorStatusRow(Base):
    """Revision 0008: each annotator's own status of a document (no row: ``new``).

    ``documents.status`` stays the status last set by anyone, which lists and exports of a
    single-annotator project read; agreement reads these rows ("finished" means done here).
    """

    __tablename__ = "annotator_statuses"
    __table_args__ = (Index("ix_annotator_statuses_annotator", "annotator_id", "status"),)

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    annotator_id: Mapped[int] = mapped_column(
        ForeignKey("annotators.id", ondelete="CASCADE"), primary_key=True
    )
    status: Mapped[str] = mapped_column(String(16))


class AssignmentRow(Base):
    """Revision 0008: a document given to an annotator to label."""

    __tablename__ = "assignments"
    __table_args__ = (Index("ix_assignments_annotator", "annotator_id"),)

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    annotator_id: Mapped[int] = mapped_column(
        ForeignKey("annotators.id", ondelete="CASCADE"), primary_key=True
    )
