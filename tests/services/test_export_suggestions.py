"""Suggestions (e.g. Label Studio predictions) stay out of exported datasets unless asked for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main

TEXT = "قصفت طائرات التحالف دير الزور أمس"


def _label_studio_file(path: Path) -> None:
    def region(rid: str, word: str, label: str) -> dict[str, object]:
        start = TEXT.index(word)  # no astral characters: UTF-16 and code points agree
        return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": start, "end": start + len(word), "text": word,
                          "labels": [label]}}

    task = {
        "id": 1,
        "data": {"text": TEXT},
        "annotations": [{"completed_by": 1, "result": [region("a", "التحالف", "ACTOR")]}],
        "predictions": [{"model_version": "m1", "score": 0.8,
                         "result": [region("p", "دير الزور", "LOCATION")]}],
    }
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")


def _exported_labels(path: Path) -> list[tuple[str, str]]:
    (record,) = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(s["label"], s["text"]) for s in record["spans"]]


def test_predictions_are_left_out_unless_included(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "p.sqlite3")
    source = tmp_path / "tasks.json"
    _label_studio_file(source)
    assert main(["--db", db, "import", str(source)]) == 0

    plain = tmp_path / "plain.jsonl"
    assert main(["--db", db, "export", "--format", "jsonl", "-o", str(plain)]) == 0
    assert _exported_labels(plain) == [("ACTOR", "التحالف")]

    full = tmp_path / "full.jsonl"
    assert main(["--db", db, "export", "--format", "jsonl", "-o", str(full),
                 "--include-suggestions"]) == 0
    assert _exported_labels(full) == [("ACTOR", "التحالف"), ("LOCATION", "دير الزور")]
    out = capsys.readouterr().out
    assert "suggestions left out: 1" in out
