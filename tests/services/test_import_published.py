"""``meta.published`` from imports: JSONL meta, a CSV column, a Label Studio data field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.publication import published_of
from annotator.services.importing import ImportRefused, import_paths
from annotator.store.db import open_database
from annotator.store.repository import Repository


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    return open_database(str(tmp_path / "import.sqlite3"))


def published_dates(repo: Repository) -> dict[str, str | None]:
    return {d.name: d.meta.get("published")
            for d in repo.iter_documents(repo.default_project())}


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def jsonl(*records: dict[str, object]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def test_jsonl_meta_published_is_kept(repo: Repository, tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", jsonl(
        {"id": "a", "text": "قصف على الميادين", "meta": {"published": "2024-10-28"}},
        {"id": "b", "text": "غارة في دير الزور", "meta": {"source": "SY24"}}))
    import_paths(repo, [path])
    assert published_dates(repo) == {"a": "2024-10-28", "b": None}
    doc = next(d for d in repo.iter_documents(repo.default_project()) if d.name == "a")
    assert str(published_of(doc.meta)) == "2024-10-28"


@pytest.mark.parametrize("bad", ["28/10/2024", "2024-02-30", "2024-10-28T10:00:00", 20241028,
                                 "yesterday", ""])
def test_jsonl_bad_published_is_a_problem_of_its_line(
        repo: Repository, tmp_path: Path, bad: object) -> None:
    path = write(tmp_path / "a.jsonl", jsonl(
        {"id": "a", "text": "قصف على الميادين", "meta": {"published": "2024-10-28"}},
        {"id": "b", "text": "غارة في دير الزور", "meta": {"published": bad}}))
    with pytest.raises(ImportRefused) as refused:
        import_paths(repo, [path])
    (problem,) = refused.value.problems
    assert (problem.file, problem.line) == (str(path), 2)
    assert "published" in problem.message and repr(bad) in problem.message
    assert published_dates(repo) == {}  # nothing imported


def test_skip_bad_imports_the_good_dates(repo: Repository, tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", jsonl(
        {"id": "a", "text": "قصف على الميادين", "meta": {"published": "2024-10-28"}},
        {"id": "b", "text": "غارة في دير الزور", "meta": {"published": "2024-13-01"}}))
    report = import_paths(repo, [path], skip_bad=True)
    assert [p.line for p in report.skipped] == [2]
    assert published_dates(repo) == {"a": "2024-10-28"}


def test_csv_published_column(repo: Repository, tmp_path: Path) -> None:
    good = write(tmp_path / "good.csv",
                 "id,text,published\na,قصف على الميادين,2024-10-28\nb,غارة في دير الزور,\n")
    import_paths(repo, [good])
    assert published_dates(repo) == {"a": "2024-10-28", "b": None}
    bad = write(tmp_path / "bad.csv",
                "id,text,published\nc,هجوم على حقل العمر,2024-10-28\n"
                "d,\"سطر\nثان\",28.10.2024\n")
    with pytest.raises(ImportRefused) as refused:
        import_paths(repo, [bad])
    (problem,) = refused.value.problems
    assert (problem.file, problem.line) == (str(bad), 3)
    assert "'28.10.2024'" in problem.message


def test_label_studio_data_field(repo: Repository, tmp_path: Path) -> None:
    tasks = [{"id": 1, "data": {"text": "قصف على الميادين", "published": "2024-10-28"}},
             {"id": 2, "data": {"text": "غارة في دير الزور"},
              "meta": {"published": "2023-01-05"}}]
    path = write(tmp_path / "tasks.json", json.dumps(tasks, ensure_ascii=False))
    import_paths(repo, [path])
    assert sorted(v for v in published_dates(repo).values() if v) == ["2023-01-05", "2024-10-28"]


def test_label_studio_bad_data_field_is_refused(repo: Repository, tmp_path: Path) -> None:
    tasks = [{"id": 1, "data": {"text": "قصف على الميادين", "published": "Oct 28"}}]
    path = write(tmp_path / "tasks.json", json.dumps(tasks, ensure_ascii=False))
    with pytest.raises(ImportRefused) as refused:
        import_paths(repo, [path])
    assert "'Oct 28'" in refused.value.problems[0].message
    assert refused.value.problems[0].file == str(path)


def test_doccano_published_field_is_checked(repo: Repository, tmp_path: Path) -> None:
    # doccano spreads metadata over the record: "published" arrives as meta.published.
    path = write(tmp_path / "d.jsonl", jsonl(
        {"id": 1, "text": "قصف على الميادين", "label": [[8, 16, "LOCATION"]],
         "published": "2024-10-28"},
        {"id": 2, "text": "غارة في دير الزور", "label": [], "published": "next week"}))
    with pytest.raises(ImportRefused) as refused:
        import_paths(repo, [path], fmt="doccano")
    (problem,) = refused.value.problems
    assert (problem.file, problem.line) == (str(path), 2)
    assert "'next week'" in problem.message
