"""One clean JSONL file is imported in two streaming passes: the same result as the general
import, nothing stored when any record is bad, and the general import's messages then."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from annotator.services import bulk_import
from annotator.services.importing import ImportRefused, import_paths
from annotator.store.db import open_database
from annotator.store.repository import Repository

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from gen_corpus import generate


def _corpus(path: Path, n: int) -> list[dict[str, object]]:
    records = list(generate(docs=n, seed=4, rare=7))
    records[5] = dict(records[2], id="again")  # a duplicate inside the file
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        fh.write("\n")  # a blank line is allowed
    return records


def _content(repo: Repository) -> list[tuple[object, ...]]:
    pid = repo.default_project()
    return [(d.name, d.text, d.status, tuple((s.start, s.end, s.label, s.annotator)
                                             for s in d.spans), d.meta)
            for d in repo.iter_documents(pid)]


@pytest.fixture
def two(tmp_path: Path) -> tuple[Repository, Repository]:
    a = open_database(str(tmp_path / "a.sqlite3"), seed_demo=False)
    b = open_database(str(tmp_path / "b.sqlite3"), seed_demo=False)
    yield a, b
    a.close()
    b.close()


def test_streamed_import_stores_what_the_general_import_stores(
    tmp_path: Path, two: tuple[Repository, Repository], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "corpus.jsonl"
    _corpus(path, 1234)  # more than two batches
    streamed_repo, general_repo = two
    calls: list[str] = []
    real = bulk_import.import_jsonl_stream

    def spy(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        calls.append("streamed" if result is not None else "fell back")
        return result

    monkeypatch.setattr(bulk_import, "import_jsonl_stream", spy)
    streamed = import_paths(streamed_repo, [path], annotator="amal")
    monkeypatch.setattr(bulk_import, "import_jsonl_stream", lambda *a, **k: None)
    general = import_paths(general_repo, [path], annotator="amal")
    assert calls == ["streamed"]
    assert (len(streamed.added), len(streamed.duplicates), streamed.spans) == (
        len(general.added), len(general.duplicates), general.spans)
    assert streamed.duplicates == ["again"] and streamed.encodings == general.encodings
    assert _content(streamed_repo) == _content(general_repo)
    pid = streamed_repo.default_project()
    assert streamed_repo.stats(pid) == general_repo.stats(general_repo.default_project())
    assert [d.position for d in streamed_repo.list_documents(pid)] == list(range(1233))
    # Importing the same file again: every document is a duplicate, nothing added.
    again = import_paths(streamed_repo, [path])
    assert again.added == [] and len(again.duplicates) == 1234


@pytest.mark.parametrize("damage", ["bad json", "bad span", "surrogate", "bom", "crlf", "cp1256"])
def test_a_file_that_is_not_clean_goes_the_general_way_and_stores_nothing(
    tmp_path: Path, two: tuple[Repository, Repository], damage: str
) -> None:
    path = tmp_path / "corpus.jsonl"
    records = _corpus(path, 700)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    rng = random.Random(1)
    k = rng.randrange(600, 690)  # in the second batch: the first one was checked already
    if damage == "bad json":
        lines[k] = lines[k][:-5] + "\n"
    elif damage == "bad span":
        bad = dict(records[k], spans=[{"id": "s1", "start": 0, "end": 3, "label": "ORG",
                                        "text": str(records[k]["text"])[:3], "attrs": {}}])
        lines[k] = json.dumps(bad, ensure_ascii=False) + "\n"
    elif damage == "surrogate":
        # Only a JSON escape can carry an unpaired surrogate into a UTF-8 file.
        bad = dict(records[k], meta={**records[k]["meta"], "note": "HERE"})  # type: ignore[dict-item]
        lines[k] = json.dumps(bad, ensure_ascii=False).replace("HERE", "\\udc00") + "\n"
    data = "".join(lines).encode("utf-8")
    if damage == "bom":
        data = b"\xef\xbb\xbf" + data
    elif damage == "crlf":
        data = data.replace(b"\n", b"\r\n")
    elif damage == "cp1256":
        data = "".join(lines).encode("cp1256", errors="replace")
    path.write_bytes(data)
    repo, _ = two
    pid = repo.default_project()
    assert bulk_import.import_jsonl_stream(
        repo, path, project=pid, schema=repo.project_schema(pid), annotator=None) is None
    assert repo.list_documents(pid) == []
    if damage in ("bad json", "bad span", "surrogate"):
        with pytest.raises(ImportRefused) as refused:
            import_paths(repo, [path])
        assert [p.line for p in refused.value.problems] == [k + 1]
        assert repo.list_documents(pid) == []
    else:
        # Readable by the general import: all of it is stored, as before.
        report = import_paths(repo, [path])
        assert len(report.added) == 699


def test_a_second_copy_with_other_spans_goes_the_general_way(
    tmp_path: Path, two: tuple[Repository, Repository]
) -> None:
    path = tmp_path / "corpus.jsonl"
    records = list(generate(docs=620, seed=5, rare=7))
    # The first copy is in the first batch, the second in the next one: the stream has stored
    # a batch already when it meets it, and must roll that back.
    records[610] = dict(records[3], id="other", spans=[])
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    repo, _ = two
    pid = repo.default_project()
    assert bulk_import.import_jsonl_stream(
        repo, path, project=pid, schema=repo.project_schema(pid), annotator=None) is None
    assert repo.list_documents(pid) == []
    report = import_paths(repo, [path])
    assert len(report.added) == 619
