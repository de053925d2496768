"""Shared test setup: offscreen Qt, private settings and data folders, the seed articles."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import create_engine, text

# Before anything imports Qt: no display is needed for the tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The default database and user state go to a throw-away folder, never the user's own.
_SCRATCH = Path(tempfile.mkdtemp(prefix="annotator-tests-"))
os.environ["ANNOTATOR_DATA_DIR"] = str(_SCRATCH / "data")
os.environ["XDG_CONFIG_HOME"] = str(_SCRATCH / "config")
# A named annotator: the window's first start would otherwise ask for the name in a dialog
# nobody answers (the test of that question removes it).
os.environ["ANNOTATOR_NAME"] = "tester"

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The five seed articles by name (file stem), exactly as stored."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))}


PG_ENV = "ANNOTATOR_TEST_PG_URL"
PG_HOWTO = (
    f"PostgreSQL tests need {PG_ENV}, e.g. "
    "postgresql+psycopg://annotator@127.0.0.1:5432/annotator_test "
    "(.ci/run starts a throw-away server and sets it)"
)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL whose search_path is a fresh schema on the test server, dropped afterwards.

    Each PostgreSQL test gets a schema of its own, so runs are independent and share a server.
    Skipped, saying how to run it, when ANNOTATOR_TEST_PG_URL is not set.
    """
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_HOWTO)
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{name}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()
