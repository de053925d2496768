"""Alembic environment: always runs on the connection that ``annotator.store.db`` passes in."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from annotator.store.tables import METADATA

config = context.config
connection = config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("run migrations through annotator.store.db, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=METADATA,
    # SQLite cannot ALTER most things: batch mode rebuilds tables when a revision needs it.
    render_as_batch=connection.dialect.name == "sqlite",
    # Both engines have transactional DDL: a failed upgrade leaves the old schema intact.
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
