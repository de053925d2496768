"""Shared test setup: offscreen Qt, private settings and data folders, the seed articles."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import create_engine, make_url, text

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


# --- the suite on every core (pytest-xdist) ------------------------------------------------


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """Run the whole suite on every core, chosen tests in this process.

    ``pytest`` alone (CI, the README's command) spreads the tests over one worker per core;
    ``pytest tests/ui/test_labeling.py`` or ``pytest path::test`` runs them here, without
    paying a worker's start-up. ``-n N`` on the command line, ``PYTEST_XDIST_AUTO_NUM_WORKERS``
    and ``-p no:xdist`` keep their usual meaning. This is a hook, not ``-n`` in ``addopts``,
    because ``addopts = -n auto`` makes ``pytest -p no:xdist`` an error.
    """
    if not config.pluginmanager.hasplugin("xdist") or config.option.numprocesses is not None:
        return
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return  # a worker runs what it is sent, it starts no workers of its own
    if config.option.tx or config.option.usepdb or config.option.collectonly:
        return
    chosen = config.args_source == pytest.Config.ArgsSource.ARGS and all(
        "::" in arg or Path(arg).is_file() for arg in config.args
    )
    config.option.numprocesses = 0 if chosen else "auto"
    if not chosen and config.option.dist == "no":
        # Work stealing: the slow modules (the window, the CLI end to end) do not leave one
        # worker idle at the end while the other still has a queue.
        config.option.dist = "worksteal"


def pytest_configure(config: pytest.Config) -> None:
    """In a worker, the PostgreSQL tests use a database of the worker's own.

    The tests already take a schema each, but a database is shared by more than names:
    the migrations' advisory lock and ``CREATE EXTENSION pg_trgm`` are per database, so two
    workers migrating at once would wait for each other or race. ``annotator_test`` becomes
    ``annotator_test_gw0``, ``annotator_test_gw1``, ...: made here if missing (the test user
    may create databases), kept for the next run.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    base = os.environ.get(PG_ENV)
    if not worker or not base:
        return
    url = make_url(base)
    name = f"{url.database}_{worker}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            found = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            ).first()
            if found is None:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    os.environ[PG_ENV] = url.set(database=name).render_as_string(hide_password=False)
