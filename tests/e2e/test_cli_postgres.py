"""The command line on a team database: --db with a PostgreSQL URL (ANNOTATOR_TEST_PG_URL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main

pytestmark = pytest.mark.postgres


def test_import_refusal_export_and_stats_on_postgres(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def run(*argv: str | Path) -> tuple[int, str, str]:
        code = main(["--db", pg_url, *map(str, argv)])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    texts = [f"قصف التحالف الدولي مواقع في دير الزور، الخبر رقم {i}." for i in range(4)]
    lines = [json.dumps({"id": f"d{i}", "text": t, "spans": [
        {"start": 4, "end": 11, "label": "ACTOR", "text": t[4:11]}]}, ensure_ascii=False)
        for i, t in enumerate(texts)]
    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run("import", good, "--annotator", "amal")
    assert code == 0, err
    assert "documents added: 4" in out

    bad = tmp_path / "bad.jsonl"
    bad.write_text(lines[0].replace("ACTOR", "ORG") + "\n", encoding="utf-8")
    before = run("stats", "--json")[1]
    code, _, err = run("import", good, bad)
    assert code == 1
    assert f"{bad}:1: unknown label 'ORG'" in err
    assert run("stats", "--json")[1] == before

    code, out, _ = run("import", good)
    assert "duplicates merged: 4 (spans added: 0, events added: 0)" in out

    out_file = tmp_path / "out.conll"
    code, _, err = run("export", "--format", "conll", "-o", out_file)
    assert code == 0, err
    assert out_file.read_text(encoding="utf-8").count("B-ACTOR") == 4
    counts = json.loads(run("stats", "--json")[1])
    assert counts["by_annotator"] == {"amal": 4}
