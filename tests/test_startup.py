"""Start-up: a command imports what it needs, when it needs it (issue 10).

Each check runs in a fresh interpreter, since the test process has imported everything.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.formats import FORMAT_INFO, FORMATS, format_names
from annotator.store.db import open_database

ROOT = Path(__file__).resolve().parent.parent

#: Libraries no reading command needs: the format readers and writers and what they bring
#: (charset-normalizer), the matcher's numpy and pyahocorasick, the date rules, the model,
#: the charts, Alembic and the ORM.
HEAVY = ("annotator.formats.brat", "annotator.formats.conll", "annotator.formats.jsonl",
         "annotator.formats.textio", "charset_normalizer", "numpy", "ahocorasick",
         "dateparser", "pycrfsuite", "pyqtgraph", "PySide6", "alembic", "mako",
         "sqlalchemy.orm")


def _imported_by(argv: list[str]) -> tuple[int, list[str], str]:
    """Run the command line in a fresh interpreter: its exit code, the HEAVY modules it
    imported and its output."""
    code = (
        "import io, json, sys, contextlib\n"
        "from annotator.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    code = main({argv!r})\n"
        f"heavy = {HEAVY!r}\n"
        "loaded = sorted(h for h in heavy if h in sys.modules"
        " or any(m.startswith(h + '.') for m in sys.modules))\n"
        "print(json.dumps([code, loaded, out.getvalue()]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    exit_code, loaded, out = json.loads(result.stdout.splitlines()[-1])
    return int(exit_code), list(loaded), str(out)


@pytest.fixture(scope="module")
def current_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database at the head revision holding the seed articles."""
    path = tmp_path_factory.mktemp("startup") / "seeds.sqlite3"
    open_database(str(path), seed_demo=True).close()
    return str(path)


def test_stats_imports_no_reader_nor_heavy_library(current_db: str) -> None:
    code, loaded, out = _imported_by(["--db", current_db, "stats", "--json"])
    assert code == 0
    assert json.loads(out)["documents"] == 5
    assert loaded == []


def test_search_imports_no_reader_nor_heavy_library(current_db: str) -> None:
    code, loaded, out = _imported_by(["--db", current_db, "search", "هدد"])
    assert code == 0
    lines = out.splitlines()
    assert lines and all(re.match(r"^\S+:\d+-\d+: .*\[.+\]", line) for line in lines)
    assert loaded == []


def test_help_lists_the_formats_without_importing_them() -> None:
    code, loaded, out = _imported_by(["import", "--help"])
    assert code == 0
    assert "labelstudio" in out and "webanno" in out
    assert loaded == []


def test_an_export_imports_only_its_own_writer(current_db: str, tmp_path: Path) -> None:
    out_file = tmp_path / "out.jsonl"
    code = (
        "import sys\n"
        "from annotator.cli import main\n"
        f"assert main(['--db', {current_db!r}, 'export', '--format', 'jsonl', "
        f"'-o', {str(out_file)!r}]) == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith('annotator.formats.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    loaded = result.stdout.splitlines()[-1]
    assert "annotator.formats.jsonl" in loaded
    assert "annotator.formats.brat" not in loaded and "annotator.formats.conll" not in loaded
    assert out_file.exists()


@pytest.mark.parametrize("name", list(FORMAT_INFO))
def test_registry_entry_agrees_with_its_format(name: str) -> None:
    info = FORMAT_INFO[name]
    fmt = FORMATS[name]
    assert (fmt.name, fmt.description, fmt.extensions, fmt.can_read, fmt.can_write,
            fmt.writes_folder) == (info.name, info.description, info.extensions,
                                   info.can_read, info.can_write, info.writes_folder)
    assert FORMATS[name] is fmt  # made once


def test_format_names_by_direction() -> None:
    assert format_names(read=True) == [n for n, f in FORMATS.items() if f.can_read]
    assert format_names(write=True) == [n for n, f in FORMATS.items() if f.can_write]
    assert "nope" not in FORMATS and "jsonl" in FORMATS
    with pytest.raises(KeyError):
        FORMATS["nope"]
