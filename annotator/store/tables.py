"""The store's tables as SQLAlchemy Core ``Table`` objects; they never leave this package.

Core, not the ORM: nothing in the store maps rows to objects, and importing
``sqlalchemy.orm`` cost every command a tenth of a second at start-up.

The migrations in ``migrations/versions`` create exactly these tables and indexes; a change
here needs a new revision (the test of migrations compares the two). The corpus search index
(``document_search``) is engine-specific (an FTS5 table on SQLite) and lives only in the
migrations and in ``search``.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    func,
)

# Fixed constraint names so that migrations can refer to them on every engine.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

METADATA = MetaData(naming_convention=NAMING)


def _created() -> Column[object]:
    return Column("created_at", DateTime(timezone=True), server_default=func.now(),
                  nullable=False)


def _updated() -> Column[object]:
    return Column("updated_at", DateTime(timezone=True), server_default=func.now(),
                  nullable=False)


PROJECTS = Table(
    "projects",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), unique=True, nullable=False),
    # The label schema as schema_to_dict() writes it.
    Column("schema", JSON, nullable=False),
    _created(),
)

# AUTOINCREMENT: SQLite must never hand out the id of a deleted row again.
DOCUMENTS = Table(
    "documents",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("project_id", ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(500), nullable=False),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("meta", JSON, nullable=False),
    Column("status", String(16), server_default="new", nullable=False),
    Column("position", Integer, nullable=False),
    # Bumped by every edit of the document or its spans/events: optimistic concurrency.
    Column("version", Integer, server_default="1", nullable=False),
    # Revision 0013: how many spans the document has (every annotator's, suggestions too),
    # kept by the store in the transaction of every span write, so that the document list
    # sorts by it through an index instead of counting every document's spans.
    Column("span_count", Integer, server_default="0", nullable=False),
    _created(),
    _updated(),
    Index("ix_documents_project_position", "project_id", "position"),
    # Revision 0003: the filtered document list and "next document with this status" walk
    # this index in corpus order (it replaced the one on (project_id, status)).
    Index("ix_documents_project_status_position", "project_id", "status", "position"),
    Index("ix_documents_project_hash", "project_id", "content_hash", unique=True),
    # Revision 0010: the document list sorted by name, a page at a time.
    Index("ix_documents_project_name_position", "project_id", "name", "position"),
    # Revision 0013: the document list sorted by span count, the whole keyset (count,
    # position, id) in the index so that PostgreSQL needs no sort step either.
    Index("ix_documents_project_spans_position", "project_id", "span_count", "position", "id"),
    sqlite_autoincrement=True,
)

ANNOTATORS = Table(
    "annotators",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), unique=True, nullable=False),
)

SPANS = Table(
    "spans",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("annotator_id", ForeignKey("annotators.id", ondelete="RESTRICT"), nullable=True),
    # "start"/"end" are SQL keywords: the columns get plain names instead.
    Column("start_offset", Integer, key="start", nullable=False),
    Column("end_offset", Integer, key="end", nullable=False),
    Column("label", String(64), nullable=False),
    Column("attrs", JSON, nullable=False),
    Column("origin", String(16), server_default="manual", nullable=False),
    _created(),
    _updated(),
    Index("ix_spans_document_start", "document_id", "start"),
    # Revision 0010: the documents holding a label (the document list's label filter).
    Index("ix_spans_label_document", "label", "document_id"),
    sqlite_autoincrement=True,
)

# Revision 0003: spans per (project, label, annotator), kept by the store in the transaction
# of every span write, so that the statistics never count millions of span rows.
SPAN_COUNTS = Table(
    "span_counts",
    METADATA,
    Column("project_id", ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True),
    Column("label", String(64), primary_key=True),
    # 0, not NULL, for spans nobody owns: NULL cannot be part of a primary key.
    Column("annotator_id", Integer, primary_key=True, autoincrement=False),
    Column("n", Integer, nullable=False),
)

EVENTS = Table(
    "events",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(200), nullable=False),
    Column("trigger_span_id", ForeignKey("spans.id", ondelete="SET NULL"), nullable=True),
    Column("attrs", JSON, nullable=False),
    _created(),
    Index("ix_events_document", "document_id"),
    # Revision 0002: deleting a span looks up the events it triggers.
    Index("ix_events_trigger", "trigger_span_id"),
    sqlite_autoincrement=True,
)

EVENT_ROLES = Table(
    "event_roles",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(64), nullable=False),
    # Revision 0009: a role is filled by a span or by another event of the same document
    # (nested events), exactly one of the two. Deleting the document cascades through both;
    # the store refuses to delete an event another one still names (see event_edits).
    Column("span_id", ForeignKey("spans.id", ondelete="CASCADE"), nullable=True),
    Column("event_ref", ForeignKey("events.id", ondelete="CASCADE"), nullable=True),
    # Order of the spans within one role, as the user gave them.
    Column("position", Integer, server_default="0", nullable=False),
    Index("ix_event_roles_event", "event_id"),
    # Revision 0002: deleting a span looks up the roles that point at it.
    Index("ix_event_roles_span", "span_id"),
    # Revision 0009: deleting an event looks up the events that have it as an argument.
    Index("ix_event_roles_event_ref", "event_ref"),
    CheckConstraint("(span_id IS NULL) <> (event_ref IS NULL)", name="one_target"),
)

# Revision 0007: a binary relation between two spans of a document.
RELATIONS = Table(
    "relations",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(200), nullable=False),
    Column("head_span_id", ForeignKey("spans.id", ondelete="CASCADE"), nullable=False),
    Column("tail_span_id", ForeignKey("spans.id", ondelete="CASCADE"), nullable=False),
    Column("attrs", JSON, nullable=False),
    _created(),
    Index("ix_relations_document", "document_id"),
    # Deleting a span looks up the relations that end at it.
    Index("ix_relations_head", "head_span_id"),
    Index("ix_relations_tail", "tail_span_id"),
    sqlite_autoincrement=True,
)


# Revision 0006: an annotator's answer to a suggestion. Rejections keep the same text (folded)
# and label from being proposed again in that document; both kinds are counted per source
# (gazetteer, dates, model).
SUGGESTION_DECISIONS = Table(
    "suggestion_decisions",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("source", String(64), nullable=False),
    Column("label", String(64), nullable=False),
    # The folded text of the suggestion (annotator.core.matcher.fold_key).
    Column("text_key", Text, nullable=False),
    Column("decision", String(16), nullable=False),
    _created(),
    Index("ix_suggestion_decisions_document", "document_id"),
    sqlite_autoincrement=True,
)


# Revision 0008: each annotator's own status of a document (no row: ``new``).
# ``documents.status`` stays the status last set by anyone, which lists and exports of a
# single-annotator project read; agreement reads these rows ("finished" means done here).
ANNOTATOR_STATUSES = Table(
    "annotator_statuses",
    METADATA,
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("annotator_id", ForeignKey("annotators.id", ondelete="CASCADE"), primary_key=True),
    Column("status", String(16), nullable=False),
    Index("ix_annotator_statuses_annotator", "annotator_id", "status"),
)

# Revision 0008: a document given to an annotator to label.
ASSIGNMENTS = Table(
    "assignments",
    METADATA,
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("annotator_id", ForeignKey("annotators.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_assignments_annotator", "annotator_id"),
)

# Revision 0011: every project's change counter, kept by triggers on ``documents`` (one more
# for each document added or removed and each version raised), so that a window sees another
# window's or annotator's changes by reading one row (``edits.project_changes``).
PROJECT_CHANGES = Table(
    "project_changes",
    METADATA,
    Column("project_id", Integer, primary_key=True, autoincrement=False),
    Column("n", BigInteger, nullable=False),
)


# Revision 0012: how sure the suggestion model is of each document it tagged (the probability
# of its best tagging, averaged over sentences), so "least sure first" is one indexed query
# and not a pass of the model over the corpus. Written when a model is trained and by
# ``annotator suggest``; ``model`` names the model that scored it.
DOCUMENT_CERTAINTY = Table(
    "document_certainty",
    METADATA,
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("project_id", ForeignKey("projects.id", ondelete="CASCADE"), nullable=False),
    Column("certainty", Float, nullable=False),
    Column("model", String(128), nullable=False),
    Index("ix_document_certainty_order", "project_id", "certainty", "document_id"),
)


# Revisions 0015 and 0017: the CoNLL export's token templates (docs/adr/0022), filled by
# ``annotator index``, the window's background pass or the first export of a document, and
# read by later ones. Texts never change after import; a row counts
# only while its content hash is the document's and its version is the program's.
TOKEN_TEMPLATES = Table(
    "token_templates",
    METADATA,
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("words", Text, nullable=False),
    Column("starts", LargeBinary, nullable=False),
    Column("offsets", LargeBinary, nullable=False),
)
