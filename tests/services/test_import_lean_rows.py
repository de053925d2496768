"""The streamed import reads the common record straight into checked rows (DocumentRows):
the database holds exactly what the general import stores, one content hash is taken per
text, and any record the rows reader does not take (or that is bad) still goes through the
general reader and checks, whose messages name the file and the line."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from annotator.core import model
from annotator.services import bulk_import
from annotator.services.importing import ImportRefused, import_paths
from annotator.store import documents as store_documents
from annotator.store.db import open_database
from annotator.store.repository import Repository

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from gen_corpus import generate

_DOCUMENTS = ("SELECT id, name, text, content_hash, meta, status, position, span_count "
              "FROM documents ORDER BY id")
_SPANS = ("SELECT s.id, s.document_id, a.name, s.start_offset, s.end_offset, s.label, s.attrs, "
          "s.origin FROM spans s LEFT JOIN annotators a ON a.id = s.annotator_id ORDER BY s.id")


def _records(n: int) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = list(generate(docs=n, seed=11, rare=7))
    # Attributes and metadata that are not ASCII, a span of another annotator, a record
    # with an event, one with a relation, one without spans, one without meta or status.
    records[1]["spans"][0]["attrs"] = {"note": "تقدير", "n": 2.5, "list": [1, "ب"]}
    records[2]["meta"] = {"source": "الجزيرة", "published": "2024-03-01"}
    records[3]["spans"][1]["annotator"] = "omar"
    records[4]["events"] = [{"id": "e1", "type": "Attack", "trigger": None,
                             "roles": {"actor": ["s1"]}}]
    records[5]["relations"] = [{"id": "r1", "type": "near", "head": "s1", "tail": "s2"}]
    del records[6]["spans"]
    del records[7]["meta"], records[7]["status"]
    records[8]["annotator"] = None
    records[520] = dict(records[9], id="copy")  # a copy in the next batch, same spans
    return records


def _write(path: Path, records: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")


def _rows(path: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as con:
        return con.execute(_DOCUMENTS).fetchall(), con.execute(_SPANS).fetchall()


@pytest.fixture
def repos(tmp_path: Path) -> Any:
    a = open_database(str(tmp_path / "a.sqlite3"), seed_demo=False)
    b = open_database(str(tmp_path / "b.sqlite3"), seed_demo=False)
    yield a, b
    a.close()
    b.close()


def test_rows_and_documents_store_the_same_database_rows(
    tmp_path: Path, repos: tuple[Repository, Repository], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "corpus.jsonl"
    _write(path, _records(640))
    streamed_repo, general_repo = repos
    taken: list[bool] = []
    real = bulk_import._rows

    def spy(*args: Any, **kwargs: Any) -> Any:
        rows = real(*args, **kwargs)
        if not kwargs.get("exact"):  # not the second look at a record refused once
            taken.append(rows is not None)
        return rows

    monkeypatch.setattr(bulk_import, "_rows", spy)
    streamed = import_paths(streamed_repo, [path], annotator="amal")
    assert streamed.encodings == {str(path): "utf-8"}  # the stream, not the general reader
    # Everything but the event, the relation, the other annotator's span and the record
    # without spans was read as rows.
    assert taken.count(False) == 4 and taken.count(True) == 636
    monkeypatch.setattr(bulk_import, "import_jsonl_stream", lambda *a, **k: None)
    general = import_paths(general_repo, [path], annotator="amal")
    assert (streamed.added, streamed.duplicates, streamed.spans) == (
        general.added, general.duplicates, general.spans)
    assert streamed.duplicates == ["copy"]
    assert _rows(tmp_path / "a.sqlite3") == _rows(tmp_path / "b.sqlite3")
    pid = streamed_repo.default_project()
    assert streamed_repo.stats(pid) == general_repo.stats(general_repo.default_project())
    assert len(streamed_repo.get_document(streamed.added[4]).events) == 1


def test_one_content_hash_per_text(
    tmp_path: Path, repos: tuple[Repository, Repository], monkeypatch: pytest.MonkeyPatch
) -> None:
    records = list(generate(docs=700, seed=12, rare=7))
    records[650] = dict(records[10], id="copy")
    path = tmp_path / "corpus.jsonl"
    _write(path, records)
    hashed: list[str] = []
    real = model.content_hash

    def counting(text: str) -> str:
        hashed.append(text)
        return real(text)

    for module in (model, bulk_import, store_documents):
        monkeypatch.setattr(module, "content_hash", counting)
    repo, _ = repos
    report = import_paths(repo, [path])  # merges copies by default: the store looks them up
    assert len(report.added) == 699 and report.duplicates == ["copy"]
    assert len(hashed) == 700


@pytest.mark.parametrize("damage", [
    "unknown label", "NaN in attrs", "NaN in meta", "bad status", "span text differs",
    "span past the end", "bad published date", "events not a list", "relations null",
])
def test_a_bad_record_gets_the_general_message_with_its_line(
    tmp_path: Path, repos: tuple[Repository, Repository], damage: str
) -> None:
    records = list(generate(docs=620, seed=13, rare=7))
    k = 555  # in the second batch: the first one was stored already
    record = records[k]
    span = record["spans"][0]
    if damage == "unknown label":
        span["label"] = "ORG"
    elif damage == "NaN in attrs":
        span["attrs"] = {"x": float("nan")}
    elif damage == "NaN in meta":
        record["meta"] = {"x": float("inf")}
    elif damage == "bad status":
        record["status"] = "finished"
    elif damage == "span text differs":
        span["text"] = "غير"
    elif damage == "span past the end":
        span["end"] = len(record["text"]) + 3
    elif damage == "bad published date":
        record["meta"] = {"published": "not a date"}
    elif damage == "events not a list":
        record["events"] = {}
    elif damage == "relations null":
        record["relations"] = None
    path = tmp_path / "corpus.jsonl"
    _write(path, records)
    repo, _ = repos
    pid = repo.default_project()
    with pytest.raises(ImportRefused) as refused:
        import_paths(repo, [path])
    assert [(p.file, p.line) for p in refused.value.problems] == [(str(path), k + 1)]
    assert repo.list_documents(pid) == []
