"""Token templates kept by the CoNLL export (docs/adr/0022), on both engines: the first export
keeps them, a later one uses them and writes the same bytes, a stale one is never used."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from annotator.core.model import Document, make_span, normalize_newlines, without_suggestions
from annotator.core.token_template import TEMPLATE_VERSION
from annotator.formats import WriteOptions
from annotator.formats import conll as conll_format
from annotator.formats.conll import ConllFormat
from annotator.services.exporting import (
    ExportRefused,
    export_conll,
    export_documents,
    split_items,
)
from annotator.store.db import open_database
from annotator.store.repository import Repository
from annotator.store.sql_reads import SnapshotReader
from annotator.store.sqlite_reader import SQLiteReader
from tests.formats.test_conll_fast_path import OPTIONS, _random_documents, _seed_documents


def _documents(seed_texts: dict[str, str]) -> list[Document]:
    texts = [normalize_newlines(t) for t in seed_texts.values()]
    docs = _seed_documents(seed_texts) + _random_documents(texts, random.Random(3), 40)
    seen: set[str] = set()
    unique = []
    for doc in docs:  # the store keeps one copy of a text
        if doc.text.strip() and doc.text not in seen:
            seen.add(doc.text)
            unique.append(doc)
    return unique


def _export(repo: Repository, out: Path, **kwargs: object) -> bytes:
    export_documents(repo, fmt="conll", out=out, options=WriteOptions(), **kwargs)  # type: ignore[arg-type]
    return out.read_bytes()


def _count(url: str, sql: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text(sql)).scalar_one())
    finally:
        engine.dispose()


def test_a_later_export_uses_the_kept_templates_and_writes_the_same_bytes(
    repo: Repository, project: int, db_url: str, seed_texts: dict[str, str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs = _documents(seed_texts)
    repo.add_documents(project, docs)
    expected = tmp_path / "expected.conll"
    ConllFormat().write(repo.iter_documents(project), expected, WriteOptions())
    first = _export(repo, tmp_path / "first.conll", project=project)
    assert first == expected.read_bytes()
    assert _count(db_url, "SELECT COUNT(*) FROM token_templates") == len(docs)

    new = tmp_path / "expected-new.conll"
    ConllFormat().write(repo.iter_documents(project, status="new"), new, WriteOptions())

    def no_tokenizing(text: str) -> object:
        raise AssertionError("a kept template was made again")

    monkeypatch.setattr(conll_format, "make_template", no_tokenizing)
    assert _export(repo, tmp_path / "later.conll", project=project) == first
    # Filters read the same templates (they belong to the text, not to the spans).
    assert _export(repo, tmp_path / "new.conll", project=project,
                   status="new") == new.read_bytes()


def test_a_template_of_another_version_or_text_is_not_used(
    repo: Repository, project: int, db_url: str, seed_texts: dict[str, str], tmp_path: Path
) -> None:
    docs = _documents(seed_texts)[:6]
    repo.add_documents(project, docs)
    first = _export(repo, tmp_path / "first.conll", project=project)
    engine = sa.create_engine(db_url)
    try:
        with engine.begin() as conn:  # garbage templates, each stale in one way
            conn.execute(sa.text("UPDATE token_templates SET words = 'x', version = 0 "
                                 "WHERE document_id IN (SELECT MIN(document_id) "
                                 "FROM token_templates)"))
            conn.execute(sa.text("UPDATE token_templates SET words = 'x', content_hash = 'old' "
                                 "WHERE version <> 0"))
    finally:
        engine.dispose()
    assert _export(repo, tmp_path / "again.conll", project=project) == first
    # Made again and kept, in place of the stale ones.
    assert _count(db_url, "SELECT COUNT(*) FROM token_templates WHERE words = 'x'") == 0
    assert _count(db_url, "SELECT COUNT(*) FROM token_templates") == len(docs)


def test_a_deleted_document_takes_its_template_with_it(
    repo: Repository, project: int, db_url: str, tmp_path: Path
) -> None:
    text = "قصف الطيران مدينة حلب."
    repo.add_documents(project, [Document(name="a", text=text, spans=(
        make_span(text, 4, 11, "ACTOR"),)), Document(name="b", text="وصلت القوات.")])
    _export(repo, tmp_path / "out.conll", project=project)
    assert _count(db_url, "SELECT COUNT(*) FROM token_templates") == 2
    engine = sa.create_engine(db_url)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                conn.execute(sa.text("PRAGMA foreign_keys = ON"))
            conn.execute(sa.text("DELETE FROM documents WHERE name = 'a'"))
    finally:
        engine.dispose()
    assert _count(db_url, "SELECT COUNT(*) FROM token_templates") == 1


def test_a_database_in_memory_exports_without_keeping_templates(tmp_path: Path) -> None:
    repo = open_database("sqlite://", seed_demo=False)
    try:
        text = "قصف الطيران مدينة حلب."
        pid = repo.default_project()
        repo.add_documents(pid, [Document(name="a", text=text, spans=(
            make_span(text, 4, 11, "ACTOR"),))])
        out = tmp_path / "out.conll"
        export_documents(repo, fmt="conll", out=out, options=WriteOptions())
        assert out.read_text(encoding="utf-8").endswith(
            "قصف O\nالطيران B-ACTOR\nمدينة O\nحلب O\n. O\n\n")
        assert repo.save_token_templates([], version=1) is False
    finally:
        repo.close()


def test_templates_the_database_refuses_do_not_fail_the_export(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    repo = open_database(str(path), seed_demo=False)
    try:
        text = "قصف الطيران مدينة حلب."
        repo.add_documents(repo.default_project(), [Document(name="a", text=text, spans=(
            make_span(text, 4, 11, "ACTOR"),))])
        url = f"sqlite:///{path}"
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE TRIGGER refuse BEFORE INSERT ON token_templates "
                                 "BEGIN SELECT RAISE(ABORT, 'read-only here'); END"))
        engine.dispose()
        out = tmp_path / "out.conll"
        export_documents(repo, fmt="conll", out=out, options=WriteOptions())
        assert "الطيران B-ACTOR\n" in out.read_text(encoding="utf-8")
        assert _count(url, "SELECT COUNT(*) FROM token_templates") == 0
    finally:
        repo.close()


def _snapshot_reader(db_url: str) -> SnapshotReader:
    """The command line's read-only reader of the database (ADR 0015)."""
    reader: SnapshotReader | None
    if db_url.startswith("sqlite:///"):
        reader = SQLiteReader.open(db_url.removeprefix("sqlite:///"))
    else:
        from annotator.store.pg_reader import PgReader

        reader = PgReader.open(db_url)
    assert reader is not None
    return reader


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: f"{o.scheme}-{o.conll_columns}"
                         f"{'-whole' if o.whole_tokens else ''}{'-nested' if o.nested else ''}")
def test_the_bare_driver_export_writes_the_store_exports_bytes(
    repo: Repository, project: int, db_url: str, seed_texts: dict[str, str], tmp_path: Path,
    options: WriteOptions,
) -> None:
    docs = _documents(seed_texts)
    # Suggested spans (left out and counted), two annotators, statuses to filter on.
    half = len(docs) // 2
    repo.add_documents(project, docs[:half], annotator="amal")
    repo.add_documents(project, [replace(d, spans=tuple(
        replace(s, origin="suggested") if k % 3 == 0 else s for k, s in enumerate(d.spans)))
        for d in docs[half:]], annotator="badr")
    for doc_id in [s.id for s in repo.list_documents(project)][::4]:
        repo.set_status(doc_id, "done")
    with _snapshot_reader(db_url) as reader:
        assert reader.missing_token_templates(project, version=TEMPLATE_VERSION) == len(docs)
    after = 0
    while True:  # what `annotator index` does
        _, after = repo.fill_token_templates(version=TEMPLATE_VERSION, limit=7, after=after)
        if not after:
            break
    cases: list[dict[str, object]] = [
        {}, {"status": "done"}, {"annotator": "badr"}, {"include_suggestions": True}]
    with _snapshot_reader(db_url) as reader:
        assert reader.missing_token_templates(project, version=TEMPLATE_VERSION) == 0
        for n, kwargs in enumerate(cases):
            expected = tmp_path / f"store-{n}.conll"
            got = tmp_path / f"reader-{n}.conll"
            report = export_documents(repo, fmt="conll", out=expected, options=options,
                                      **kwargs)  # type: ignore[arg-type]
            fast = export_conll(reader, out=got, options=options,
                                **kwargs)  # type: ignore[arg-type]
            assert got.read_bytes() == expected.read_bytes(), kwargs
            assert [(p.line, p.message) for p in fast.dropped] == \
                [(p.line, p.message) for p in report.dropped]
            assert replace(fast, files=[], dropped=[]) == replace(report, files=[], dropped=[])
            assert report.documents
        # The same refusals, in the same words.
        with pytest.raises(ExportRefused) as store_refused:
            export_documents(repo, fmt="conll", out=tmp_path / "x.conll", options=options,
                             annotator="nobody")
        with pytest.raises(ExportRefused) as reader_refused:
            export_conll(reader, out=tmp_path / "x.conll", options=options, annotator="nobody")
        assert reader_refused.value.problems == store_refused.value.problems
    # Suggestions were there to leave out.
    assert export_documents(repo, fmt="conll", out=tmp_path / "s.conll",
                            options=options).suggestions_left_out > 0


@pytest.mark.parametrize("kwargs", [{}, {"annotator": "badr"}, {"include_suggestions": True}],
                         ids=["all", "annotator", "suggestions"])
def test_the_kept_templates_export_writes_what_the_documents_writer_writes(
    repo: Repository, project: int, db_url: str, seed_texts: dict[str, str], tmp_path: Path,
    kwargs: dict[str, object],
) -> None:
    """The cached export (spans gathered per document by the database, suggestions counted
    there) against the general writer over the store's documents: the same bytes and count
    of suggestions left out, with documents whose every span is a suggestion."""
    docs = _documents(seed_texts)
    third = len(docs) // 3
    repo.add_documents(project, docs[:third], annotator="amal")
    repo.add_documents(project, [replace(d, spans=tuple(
        replace(s, origin="suggested") if k % 2 == 0 else s for k, s in enumerate(d.spans)))
        for d in docs[third : 2 * third]], annotator="badr")
    repo.add_documents(project, [replace(d, spans=tuple(
        replace(s, origin="suggested") for s in d.spans)) for d in docs[2 * third :]],
        annotator="badr")
    repo.fill_token_templates(version=TEMPLATE_VERSION, limit=len(docs), after=0)
    include = bool(kwargs.get("include_suggestions"))
    annotator = kwargs.get("annotator")
    read = list(repo.iter_documents(project, annotator=annotator))  # type: ignore[arg-type]
    kept = [without_suggestions(d) if not include else (d, 0) for d in read]
    expected = tmp_path / "expected.conll"
    ConllFormat().write(iter([d for d, _ in kept]), expected, WriteOptions())
    left_out = sum(n for _, n in kept)
    assert include or left_out > 0
    with _snapshot_reader(db_url) as reader:
        got = tmp_path / "got.conll"
        report = export_conll(reader, out=got, options=WriteOptions(),
                              **kwargs)  # type: ignore[arg-type]
    assert got.read_bytes() == expected.read_bytes()
    assert report.suggestions_left_out == left_out


def test_a_split_export_uses_and_keeps_the_templates_and_writes_the_documents_bytes(
    repo: Repository, project: int, db_url: str, seed_texts: dict[str, str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs = _documents(seed_texts)
    half = len(docs) // 2
    repo.add_documents(project, docs[:half], annotator="amal")
    repo.add_documents(project, [replace(d, spans=tuple(
        replace(s, origin="suggested") if k % 2 == 0 else s for k, s in enumerate(d.spans)))
        for d in docs[half:]], annotator="badr")
    split = (60, 20, 20)
    # What the general writer writes for each part, from the documents themselves.
    keys = sorted(repo.document_keys(project), key=lambda k: (k[1], k[2]))
    id_parts = split_items([doc_id for doc_id, _, _ in keys], split, seed=4)
    expected: dict[str, bytes] = {}
    left_out = 0
    for part, ids in id_parts.items():
        kept = [without_suggestions(d) for d in repo.iter_documents_by_id(ids)]
        left_out += sum(n for _, n in kept)
        ConllFormat().write(iter([d for d, _ in kept]), tmp_path / f"{part}.conll",
                            WriteOptions())
        expected[part] = (tmp_path / f"{part}.conll").read_bytes()
    assert _count(db_url, "SELECT COUNT(*) FROM token_templates") == 0
    first = export_documents(repo, fmt="conll", out=tmp_path / "first", options=WriteOptions(),
                             split=split, seed=4)
    # The first split export made and kept every template; the next one tokenizes nothing.
    assert _count(db_url, "SELECT COUNT(*) FROM token_templates") == len(docs)
    monkeypatch.setattr(conll_format, "make_template", _no_tokenizing)
    later = export_documents(repo, fmt="conll", out=tmp_path / "later", options=WriteOptions(),
                             split=split, seed=4)
    for report, folder in ((first, "first"), (later, "later")):
        for part in ("train", "dev", "test"):
            assert (tmp_path / folder / f"{part}.conll").read_bytes() == expected[part], part
        assert report.parts == {part: len(ids) for part, ids in id_parts.items()}
        assert report.documents == len(docs)
        assert report.suggestions_left_out == left_out > 0


def _no_tokenizing(text: str) -> object:
    raise AssertionError("a kept template was made again")
