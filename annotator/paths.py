"""Where the shipped data lives, in a source checkout and in an installed wheel.

In a checkout, ``schema/``, ``resources/`` and ``seeds/`` sit beside the package; the wheel maps
them inside it (``annotator/schema`` ...), see ``[tool.setuptools.package-dir]``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The shipped folder ``name`` (``schema``, ``resources`` or ``seeds``)."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"shipped folder {name!r} not found beside {_PACKAGE}")


def default_schema_path() -> Path:
    """The conflict-events label schema shipped with the program."""
    return data_dir("schema") / "conflict-events.json"


def seed_paths() -> list[Path]:
    """The sample articles of the demo project, in corpus order."""
    return sorted(data_dir("seeds").glob("*.txt"))
