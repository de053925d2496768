"""The import job over every readable format: detection, checks and the real store together.

The formats' golden files (tests/formats/golden) hold the seed articles with the same spans in
each format; imported through the service, each must give the seeds' texts and, for formats that
carry annotations, the spans of the project's own JSONL.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from annotator.services.importing import ImportRefused, import_paths
from annotator.store.db import open_database
from annotator.store.repository import Repository

GOLDEN = Path(__file__).resolve().parent.parent / "formats" / "golden"

# (golden entry, format detected for it, carries spans). CoNLL keeps tokens, not the spacing
# between them, so its texts are compared token by token.
CASES = [
    ("jsonl/corpus.jsonl", "jsonl", True),
    ("doccano/corpus.jsonl", "doccano", True),
    ("labelstudio/corpus.json", "labelstudio", True),
    ("brat", "brat", True),
    ("conll-nested/corpus.conll", "conll", True),  # nested columns: every span survives
    ("csv/corpus.csv", "csv", False),
    ("txt", "txt", False),
]


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    return open_database(str(tmp_path / "import.sqlite3"))


def reference_labels() -> Counter[str]:
    counts: Counter[str] = Counter()
    for line in (GOLDEN / "jsonl" / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        counts.update(span["label"] for span in json.loads(line)["spans"])
    return counts


def stored_texts(repo: Repository) -> list[str]:
    return sorted(d.text for d in repo.iter_documents(repo.default_project()))


@pytest.mark.parametrize(("entry", "fmt", "has_spans"), CASES, ids=[c[1] for c in CASES])
def test_golden_file_imports_with_detection(
    repo: Repository, tmp_path: Path, seed_texts: dict[str, str], entry: str, fmt: str,
    has_spans: bool,
) -> None:
    # A copy: the import must not depend on (or touch) the golden folder.
    source = GOLDEN / entry
    path = tmp_path / "in" / source.name
    if source.is_dir():
        shutil.copytree(source, path)
    else:
        path.parent.mkdir()
        shutil.copy2(source, path)
    report = import_paths(repo, [path])  # --format auto
    assert len(report.added) == len(seed_texts)
    assert report.duplicates == []
    if fmt == "conll":
        assert sorted("".join(t.split()) for t in stored_texts(repo)) == sorted(
            "".join(t.split()) for t in seed_texts.values()
        )
    else:
        assert stored_texts(repo) == sorted(seed_texts.values())
    stats = repo.stats(repo.default_project())
    if has_spans:
        expected = reference_labels()
        assert {k: v for k, v in stats["by_label"].items() if v} == dict(expected)
        assert report.spans == sum(expected.values())
    else:
        assert stats["spans"] == report.spans == 0
    assert all(encoding.startswith("utf") for encoding in report.encodings.values())


def test_progress_reports_each_phase_in_order(repo: Repository) -> None:
    calls: list[tuple[str, int, int | None]] = []
    import_paths(repo, [GOLDEN / "jsonl" / "corpus.jsonl"],
                 progress=lambda task, done, total: calls.append((task, done, total)))
    phases = list(dict.fromkeys(task for task, _, _ in calls))
    assert phases == ["reading", "checking", "storing"]
    for phase in phases:
        last = [c for c in calls if c[0] == phase][-1]
        assert last[1] == last[2]  # every phase ends complete


def test_refused_import_lists_problems_sorted_and_stores_nothing(
    repo: Repository, tmp_path: Path
) -> None:
    good = (GOLDEN / "jsonl" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    b = tmp_path / "b.jsonl"
    b.write_text("\n".join([good[0], "{", good[1]]) + "\n", encoding="utf-8")
    a = tmp_path / "a.jsonl"
    a.write_text("\n".join([good[2], good[3], "[1, 2]"]) + "\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_paths(repo, [b, a, tmp_path / "missing.jsonl"])
    where = [(p.file, p.line) for p in refused.value.problems]
    assert where == [(str(a), 3), (str(b), 2), (str(tmp_path / "missing.jsonl"), None)]
    assert repo.stats(repo.default_project())["documents"] == 0


def test_skip_bad_reports_what_it_skipped(repo: Repository, tmp_path: Path) -> None:
    good = (GOLDEN / "jsonl" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([good[0], "{", good[1]]) + "\n", encoding="utf-8")
    report = import_paths(repo, [path], skip_bad=True)
    assert len(report.added) == 2
    assert [(p.file, p.line) for p in report.skipped] == [(str(path), 2)]
