"""The command line as a user runs it: a separate process, real exit codes and streams."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["ANNOTATOR_DATA_DIR"] = str(tmp / "data")
    env["PYTHONPATH"] = str(ROOT)
    return env


def annotator(*argv: str | Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, argv)],
        cwd=tmp, env=_env(tmp), capture_output=True, text=True, timeout=120, check=False,
    )


def _records(n: int) -> str:
    lines = []
    for i in range(n):
        text = f"قصف التحالف الدولي مواقع في دير الزور، الخبر رقم {i}."
        lines.append(json.dumps({
            "id": f"d{i}", "text": text, "meta": {}, "status": "done", "annotator": None,
            "spans": [{"id": "s1", "start": 4, "end": 11, "label": "ACTOR",
                       "text": text[4:11], "attrs": {}}],
            "events": [],
        }, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def test_import_export_and_bad_input_in_a_process(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(_records(3), encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(_records(2) + "{broken\n", encoding="utf-8")
    db = tmp_path / "p.sqlite3"

    done = annotator("--db", db, "import", good, tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "documents added: 3" in done.stdout
    assert done.stderr == ""  # piped: no progress bar, no noise

    refused = annotator("--db", db, "import", bad, tmp=tmp_path)
    assert refused.returncode == 1
    assert f"{bad}:3: invalid JSON" in refused.stderr
    assert "Traceback" not in refused.stderr

    usage = annotator("--db", db, "export", "--format", "conll", tmp=tmp_path)
    assert usage.returncode == 2
    assert "Traceback" not in usage.stderr

    out = tmp_path / "out.conll"
    exported = annotator("--db", db, "export", "--format", "conll", "-o", out, tmp=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert out.read_text(encoding="utf-8").count("B-ACTOR") == 3

    shown = annotator("--db", db, "stats", "--json", tmp=tmp_path)
    assert json.loads(shown.stdout)["documents"] == 3


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_shows_on_a_terminal(tmp_path: Path) -> None:
    data = tmp_path / "many.jsonl"
    data.write_text(_records(50), encoding="utf-8")
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "annotator", "--db", str(tmp_path / "p.sqlite3"), "import",
             str(data)],
            cwd=tmp_path, env={**_env(tmp_path), "TERM": "xterm", "COLUMNS": "100"},
            stdin=follower, stdout=follower, stderr=follower, timeout=120, check=False,
        )
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed once everything was read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        if follower != -1:
            os.close(follower)
        os.close(leader)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0, shown
    assert "documents added: 50" in shown
    # The bar names its steps while it runs (it is erased at the end, but the bytes were sent).
    assert "reading" in shown
    assert "\x1b[" in shown  # terminal control sequences: a live display, not plain lines
