"""Shared test setup: offscreen Qt, private settings and data folders, the seed articles."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Before anything imports Qt: no display is needed for the tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The default database and user state go to a throw-away folder, never the user's own.
_SCRATCH = Path(tempfile.mkdtemp(prefix="annotator-tests-"))
os.environ["ANNOTATOR_DATA_DIR"] = str(_SCRATCH / "data")
os.environ["XDG_CONFIG_HOME"] = str(_SCRATCH / "config")

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
