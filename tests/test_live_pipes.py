"""Commands writing into a real shell pipe whose reader goes away (``| head -1``): the work is
done and committed, the exit status is 0, and no traceback reaches the terminal (issue 12).

Each command runs under bash as ``annotator ... | READER``, and its own exit status comes back
through ``PIPESTATUS``. ``search`` prints far more than a pipe holds (64 KiB), so it is still
writing when ``head`` leaves; ``import`` prints only once its transaction has committed, so a
reader that is gone before then (``| true``) makes that print fail every time.
"""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

DOCUMENTS = 1500


def _piped(argv: list[str], reader: str) -> tuple[int, str, str]:
    """(exit status of the annotator command, what the reader printed, stderr)."""
    command = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "annotator", *argv])
    done = subprocess.run(
        ["bash", "-c", f'{command} | {reader}; exit "${{PIPESTATUS[0]}}"'],
        capture_output=True, timeout=600, check=False,
    )
    return (done.returncode, done.stdout.decode("utf-8", "replace"),
            done.stderr.decode("utf-8", "replace"))


def _stats(db: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-m", "annotator", "--db", str(db), "stats",
                           "--json"], capture_output=True, timeout=300, check=True)
    stats: dict[str, object] = json.loads(done.stdout)
    return stats


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pipes") / "articles"
    folder.mkdir()
    for i in range(DOCUMENTS):
        (folder / f"article_{i:05d}_from_the_archive_of_the_newsroom.txt").write_text(
            f"نص رقم {i} عن قصف قرب دير الزور والميادين", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def filled(corpus: Path) -> Path:
    db = corpus.parent / "filled.sqlite3"
    code, _, err = _piped(["--db", str(db), "import", str(corpus)], "cat >/dev/null")
    assert code == 0, err
    return db


@pytest.mark.parametrize("reader", ["head -1", "true"])
def test_import_into_a_pipe_whose_reader_leaves_commits_and_exits_0(
    corpus: Path, tmp_path: Path, reader: str
) -> None:
    db = tmp_path / "p.sqlite3"
    code, shown, err = _piped(["--db", str(db), "import", str(corpus)], reader)
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert code == 0, err
    assert shown == ("documents added: 1500\n" if reader == "head -1" else "")
    assert _stats(db)["documents"] == DOCUMENTS


def test_search_into_head_stops_quietly_while_it_is_still_writing(filled: Path) -> None:
    # Every article matches: about 150 KB of hits, more than the pipe holds.
    code, shown, err = _piped(["--db", str(filled), "search", "الزور"], "head -1")
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert code == 0, err
    assert shown.count("\n") == 1 and ": " in shown
    # The same search read to its end shows every hit (so the one above was cut short).
    code, everything, _ = _piped(["--db", str(filled), "search", "الزور"], "cat")
    assert code == 0 and everything.count("\n") == DOCUMENTS
    assert len(everything.encode("utf-8")) > 2 * 65536


@pytest.mark.parametrize("argv", [
    ["stats", "--json"],
    ["stats"],
    ["export", "--format", "jsonl", "-o", "{out}"],
])
def test_other_commands_into_head_exit_0_without_a_traceback(
    filled: Path, tmp_path: Path, argv: list[str]
) -> None:
    out = tmp_path / "out.jsonl"
    code, shown, err = _piped(["--db", str(filled), *(a.format(out=out) for a in argv)],
                              "head -1")
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert code == 0, err
    assert shown.count("\n") == 1
    if argv[0] == "export":
        # The export was written whole although its report went nowhere.
        assert len(out.read_text(encoding="utf-8").splitlines()) == DOCUMENTS
