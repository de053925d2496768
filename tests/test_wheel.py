"""The built wheel works on its own: installed in a fresh virtual environment, away from the
source checkout, ``annotator --help`` and an import/export round trip run from it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What the wheel is built from: the package and the shipped folders, nothing else.
_SOURCES = ("pyproject.toml", "README.md", "LICENSE", "annotator", "schema", "resources", "seeds")


def _run(args: list[str], *, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """(the wheel built from a copy of the checkout, an environment to run things in)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in _SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, src / name)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["ANNOTATOR_DATA_DIR"] = str(tmp / "data")
    made = _run([sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp / "dist"),
                 str(src)], cwd=tmp, env=env)
    assert made.returncode == 0, made.stdout[-3000:] + made.stderr[-3000:]
    wheels = list((tmp / "dist").glob("annotator-*.whl"))
    assert len(wheels) == 1
    return wheels[0], env


@pytest.fixture(scope="module")
def installed(built: tuple[Path, dict[str, str]]) -> tuple[Path, dict[str, str]]:
    """(the venv's bin folder, an environment to run it in) with only the wheel installed."""
    wheel, env = built
    tmp = wheel.parent.parent
    venv = tmp / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp, env=env)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    installed = _run([sys.executable, "-m", "pip", "--python", str(python), "install",
                      "--no-deps", "--no-index", str(wheel)], cwd=tmp, env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    # The dependencies come from the test environment's site-packages, added after the venv's
    # own. Only its .pth files are not run, so the checkout's editable install stays invisible.
    where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = Path(_run([str(python), "-c", where], cwd=tmp, env=env).stdout.strip())
    (site / "zz_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv / "bin", env


@pytest.mark.slow
def test_wheel_holds_every_module_and_shipped_file(built: tuple[Path, dict[str, str]]) -> None:
    wheel, _ = built
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    wanted = {p.relative_to(ROOT).as_posix() for p in (ROOT / "annotator").rglob("*.py")
              if "__pycache__" not in p.parts}
    # The shipped folders live inside the package in a wheel (see annotator/paths.py).
    for folder in ("schema", "resources", "seeds"):
        wanted |= {f"annotator/{p.relative_to(ROOT).as_posix()}"
                   for p in (ROOT / folder).rglob("*") if p.is_file()}
    assert sorted(wanted - names) == []


@pytest.mark.slow
def test_wheel_is_used_not_the_checkout(installed: tuple[Path, dict[str, str]], tmp_path: Path
                                        ) -> None:
    bin_dir, env = installed
    where = _run([str(bin_dir / "python"), "-c", "import annotator; print(annotator.__file__)"],
                 cwd=tmp_path, env=env)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(bin_dir.parent)


@pytest.mark.slow
def test_installed_help(installed: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    bin_dir, env = installed
    result = _run([str(bin_dir / "annotator"), "--help"], cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    for command in ("import", "export", "stats", "search"):
        assert command in result.stdout


@pytest.mark.slow
def test_installed_import_export(
    installed: tuple[Path, dict[str, str]], tmp_path: Path, seed_texts: dict[str, str]
) -> None:
    bin_dir, env = installed
    name, text = next(iter(seed_texts.items()))
    article = tmp_path / f"{name}.txt"
    article.write_text(text, encoding="utf-8")
    db = str(tmp_path / "wheel.sqlite3")
    imported = _run([str(bin_dir / "annotator"), "--db", db, "import", str(article)],
                    cwd=tmp_path, env=env)
    assert imported.returncode == 0, imported.stderr
    assert "Traceback" not in imported.stderr
    out = tmp_path / "out.jsonl"
    exported = _run([str(bin_dir / "annotator"), "--db", db, "export", "--format", "jsonl",
                     "-o", str(out)], cwd=tmp_path, env=env)
    assert exported.returncode == 0, exported.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in records] == [text]


@pytest.mark.slow
def test_installed_compiles_the_arabic_catalog(installed: tuple[Path, dict[str, str]],
                                               tmp_path: Path) -> None:
    """The wheel holds the Arabic catalog's sources and compiles them with PySide6's lrelease
    (nothing compiled is shipped, nothing is downloaded)."""
    bin_dir, env = installed
    env = {**env, "ANNOTATOR_CACHE_DIR": str(tmp_path / "cache")}
    code = ("from annotator.ui.i18n import catalog_source, compiled_catalog; "
            "print(catalog_source('ar')); print(compiled_catalog('ar'))")
    result = _run([str(bin_dir / "python"), "-c", code], cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    source, compiled = (Path(line) for line in result.stdout.split())
    assert source.is_relative_to(bin_dir.parent)
    assert compiled.parent == tmp_path / "cache" and compiled.stat().st_size > 1000
