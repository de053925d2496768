"""The schema revision this program writes: the one place that names the newest migration.

Opening a database compares its ``alembic_version`` with this constant in one query, so a
current database is opened without importing Alembic (a third of a second of start-up).
A test checks that it equals the head of ``migrations/versions``; a new migration moves it.
"""

from __future__ import annotations

HEAD_REVISION = "0017"
