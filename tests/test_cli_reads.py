"""``stats`` and ``search`` over the bare driver print exactly what the store path prints.

On a current database the command line reads over sqlite3 or psycopg alone (ADR 0015); here
each command runs twice on the same project, once on that path (the store's opening made to
fail, so it cannot be what answered) and once through the store (the readers made to
decline), and the two outputs must be equal byte for byte, on both engines.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.cli import main

Output = tuple[int, str, str]

# Texts with folded spellings, LIKE's special characters and a word every document holds.
TEXTS = [
    "قصف التحالف الدولي مواقع في دير الزور يوم 24 أكتوبر.",
    "هــ.دد الحرس الثوري الإيراني بالرد على الغارات.",
    "اشتباكات بين قوات سوريا الديمقراطية ومسلحين في ريف دير الزور الشرقي.",
    "ارتفعت الأسعار 50% في حلب_الشرقية والمسار C:\\data\\x لم يتغير.",
    "أعلنت وزارة الدفاع عن إسقاط صاروخ قرب الميادين.",
    "شنت الطائرات غارات على مستودعات أسلحة في محيط مطار دير الزور.",
]
STATUSES = ("done", "new", "in_progress", "skipped")
LABELS = ("ACTOR", "TARGET", "LOCATION", "DATE")
# 260 documents: more than one page (200) of the candidates' reads.
N_DOCS = 260


def _record(i: int, annotator: str) -> str:
    text = f"{TEXTS[i % len(TEXTS)]} رقم {i}"
    words = text.split(" ")
    spans, start = [], 0
    for n, word in enumerate(words):
        # A different set of labelled words per annotator, so their counts differ.
        if (n + i + (annotator == "badr")) % 3 == 0:
            label = LABELS[(n + i) % len(LABELS)]
            spans.append({"start": start, "end": start + len(word), "label": label,
                          "text": word, "attrs": {}})
        start += len(word) + 1
    return json.dumps({"id": f"doc{i:03d}", "text": text, "meta": {},
                       "status": STATUSES[i % len(STATUSES)], "annotator": annotator,
                       "spans": spans, "events": []}, ensure_ascii=False)


def _import(db: str, folder: Path, annotator: str, step: int) -> None:
    path = folder / f"{annotator}.jsonl"
    lines = [_record(i, annotator) for i in range(0, N_DOCS, step)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--db", db, "import", str(path), "--annotator", annotator]) == 0


@pytest.fixture(scope="module")
def pg_schema_url() -> Iterator[str]:
    """A PostgreSQL URL on a schema of its own for this module's tests (as ``pg_url``, once
    for all of them: the project is only read)."""
    base = os.environ.get("ANNOTATOR_TEST_PG_URL")
    if not base:
        pytest.skip("PostgreSQL tests need ANNOTATOR_TEST_PG_URL (see tests/conftest.py)")
    from sqlalchemy import create_engine, text

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    try:
        yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{name}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="module",
                params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def project_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
               ) -> str:
    """A project of N_DOCS documents labelled by two annotators (the second on every third),
    on each engine."""
    folder = tmp_path_factory.mktemp("reads")
    db = (str(folder / "reads.sqlite3") if request.param == "sqlite"
          else str(request.getfixturevalue("pg_schema_url")))
    _import(db, folder, "amal", 1)
    _import(db, folder, "badr", 3)
    return db


def _output(capsys: pytest.CaptureFixture[str], argv: list[str]) -> Output:
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _through_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the store was opened")

    monkeypatch.setattr("annotator.store.db.open_database", refuse)


def _through_store(monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.store.pg_reader import PgReader
    from annotator.store.sqlite_reader import SQLiteReader

    none: Callable[[str | None], None] = lambda _db: None  # noqa: E731
    monkeypatch.setattr(PgReader, "open", none)
    monkeypatch.setattr(SQLiteReader, "open", none)


@pytest.mark.parametrize("args", [
    ["stats"], ["stats", "--json"],
    ["search", "قصف"],                      # rare-ish: one text in six
    ["search", "هدد"],                      # the folded form of "هــ.دد"
    ["search", "الايراني"],                 # without the hamza of the stored spelling
    ["search", "دير الزور", "--limit", "7"],
    ["search", "في"],                       # shorter than a trigram: every document read
    ["search", "رقم"],                      # every document: more than one page of texts
    ["search", "50%"], ["search", "حلب_الشرقية"], ["search", "C:\\data"],  # LIKE's marks
    ["search", "%"], ["search", "_"],
    ["search", "زمهرير"],                   # no document holds it
])
def test_the_reader_prints_what_the_store_prints(
    project_db: str, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--db", project_db, *args]
    with pytest.MonkeyPatch.context() as patch:
        _through_reader(patch)
        fast = _output(capsys, argv)
    with pytest.MonkeyPatch.context() as patch:
        _through_store(patch)
        store = _output(capsys, argv)
    assert fast == store
    code, out, err = fast
    assert code == 0 and "Traceback" not in err
    if args == ["stats"]:
        assert out.splitlines()[0].split() == ["documents", str(N_DOCS)]
    elif args[0] == "search" and args[1] != "زمهرير":
        assert out  # every other query finds something


def test_stats_counts_both_annotators(project_db: str, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    with pytest.MonkeyPatch.context() as patch:
        _through_reader(patch)
        code, out, _ = _output(capsys, ["--db", project_db, "stats", "--json"])
    assert code == 0
    counts = json.loads(out)
    assert counts["documents"] == N_DOCS
    assert counts["by_status"] == {s: N_DOCS // 4 for s in STATUSES}
    assert set(counts["by_annotator"]) == {"amal", "badr"}
    assert counts["by_annotator"]["amal"] > counts["by_annotator"]["badr"] > 0
    assert sum(counts["by_label"].values()) == counts["spans"] == sum(
        counts["by_annotator"].values())
