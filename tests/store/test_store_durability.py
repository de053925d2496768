"""Nothing committed is ever lost: writers killed with SIGKILL, writers racing each other."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from annotator.core.model import Document
from annotator.store.db import open_database

WRITER = Path(__file__).with_name("writer.py")
ROOT = Path(__file__).resolve().parents[2]
TEXT = "قصف التحالف الدولي مواقع في دير الزور يوم 24 أكتوبر 2024. " * 5


def _start_writer(url: str, doc_id: int, annotator: str, count: int,
                  start_at: float | None = None, pause: float = 0.0) -> subprocess.Popen[str]:
    args = [sys.executable, str(WRITER), url, str(doc_id), annotator, str(count)]
    if start_at is not None:
        args += [repr(start_at), repr(pause)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=ROOT)


def _new_database(path: Path) -> tuple[str, int]:
    url = f"sqlite:///{path}"
    repo = open_database(url)
    try:
        project = repo.default_project()
        doc_id = repo.add_documents(project, [Document(name="d", text=TEXT)]).added[0]
    finally:
        repo.close()
    return url, doc_id


def _integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as raw:
        return str(raw.execute("PRAGMA integrity_check").fetchone()[0])


def test_sigkill_never_loses_a_committed_span(tmp_path: Path) -> None:
    path = tmp_path / "kill.sqlite3"
    url, doc_id = _new_database(path)
    rng = random.Random(6674)
    reported: list[int] = []
    for _round in range(4):
        writer = _start_writer(url, doc_id, "amal", 100_000)
        assert writer.stdout is not None
        stop_after = rng.randint(3, 40)
        seen = 0
        for line in writer.stdout:
            if line.strip().isdigit():
                reported.append(int(line))
                seen += 1
            if seen >= stop_after:
                break
        # Kill at a random moment, often in the middle of the next transaction.
        time.sleep(rng.uniform(0, 0.02))
        writer.send_signal(signal.SIGKILL)
        _rest, err = writer.communicate(timeout=30)
        assert writer.returncode == -signal.SIGKILL, err
        assert seen == stop_after
        assert _integrity(path) == "ok"
        repo = open_database(url)
        try:
            stored = {s.id for s in repo.get_document(doc_id).spans}
        finally:
            repo.close()
        missing = set(reported) - stored
        assert not missing, f"committed spans lost after SIGKILL: {sorted(missing)}"
    assert len(set(reported)) == len(reported)


def test_three_processes_add_spans_at_once(tmp_path: Path) -> None:
    path = tmp_path / "race.sqlite3"
    url, doc_id = _new_database(path)
    start_at = time.time() + 2.0  # all have imported everything by then
    count = 60
    # amal and bob pause between edits as people do, so they get the lock in turn; carl never
    # pauses, like an import running beside them. (SQLite's lock is not fair: writers that
    # never pause may run one after the other, which is correct but proves less.)
    plan = (("amal", 0.01), ("bob", 0.015), ("carl", 0.0))
    writers = [_start_writer(url, doc_id, name, count, start_at, pause) for name, pause in plan]
    outputs = [w.communicate(timeout=300) for w in writers]
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert "locked" not in err.lower()
        assert out.splitlines()[-1] == "done"
    per_writer = [[int(x) for x in out.splitlines() if x.isdigit()] for out, _ in outputs]
    ids = [i for got in per_writer for i in got]
    assert len(ids) == 3 * count == len(set(ids))
    # amal and bob really overlapped: their ids interleave.
    amal, bob = per_writer[0], per_writer[1]
    assert min(bob) < max(amal) and min(amal) < max(bob)
    repo = open_database(url)
    try:
        spans = repo.get_document(doc_id).spans
        assert {s.id for s in spans} == set(ids)
        assert {s.annotator for s in spans} == {"amal", "bob", "carl"}
        assert repo.document_version(doc_id) == 1 + 3 * count
    finally:
        repo.close()
    assert _integrity(path) == "ok"


@pytest.mark.parametrize("count", [40])
def test_threads_in_two_sessions_lose_no_edit(db_url: str, count: int) -> None:
    """Two sessions (two engines: two connections) edit one document from two threads."""
    import threading

    from annotator.core.model import make_span
    from annotator.store.repository import ConflictError

    first = open_database(db_url)
    second = open_database(db_url)
    try:
        project = first.default_project()
        doc_id = first.add_documents(project, [Document(name="d", text=TEXT)]).added[0]
        v0 = first.document_version(doc_id)
        conflicts = [0, 0]
        errors: list[BaseException] = []

        def edit(k: int) -> None:
            repo = (first, second)[k]
            try:
                for i in range(count):
                    start = (i * 5 + k) % (len(TEXT) - 3)
                    span = make_span(TEXT, start, start + 2, "TARGET")
                    # Optimistic editing: on conflict, reload the version and redo the edit.
                    while True:
                        version = repo.document_version(doc_id)
                        try:
                            repo.add_span(doc_id, span, annotator=f"a{k}",
                                          expected_version=version)
                            break
                        except ConflictError:
                            conflicts[k] += 1
            except BaseException as exc:  # reported to the main thread
                errors.append(exc)

        threads = [threading.Thread(target=edit, args=(k,)) for k in (0, 1)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
        assert errors == []
        spans = first.get_document(doc_id).spans
        assert len(spans) == 2 * count
        assert sum(1 for s in spans if s.annotator == "a0") == count
        assert first.document_version(doc_id) == v0 + 2 * count
    finally:
        first.close()
        second.close()


def test_stale_version_gets_conflict_and_fresh_one_succeeds(db_url: str) -> None:
    from annotator.core.model import make_span
    from annotator.store.repository import ConflictError

    alice = open_database(db_url)
    bob = open_database(db_url)
    try:
        project = alice.default_project()
        doc_id = alice.add_documents(project, [Document(name="d", text=TEXT)]).added[0]
        _, seen_by_alice = alice.open_document(doc_id)
        _, seen_by_bob = bob.open_document(doc_id)
        alice.add_span(doc_id, make_span(TEXT, 4, 11, "ACTOR"), annotator="alice",
                       expected_version=seen_by_alice)
        with pytest.raises(ConflictError, match="changed since you opened it"):
            bob.add_span(doc_id, make_span(TEXT, 28, 37, "LOCATION"), annotator="bob",
                         expected_version=seen_by_bob)
        doc, fresh = bob.open_document(doc_id)
        assert [s.annotator for s in doc.spans] == ["alice"]
        bob.add_span(doc_id, make_span(TEXT, 28, 37, "LOCATION"), annotator="bob",
                     expected_version=fresh)
        assert {s.annotator for s in alice.get_document(doc_id).spans} == {"alice", "bob"}
    finally:
        alice.close()
        bob.close()


def test_two_sessions_importing_overlapping_batches(db_url: str) -> None:
    """Concurrent imports into one project: every text stored once, none lost, no error."""
    import threading

    from annotator.store.repository import AddResult

    shared = [Document(name=f"shared{i}", text=f"{TEXT} {i}") for i in range(30)]
    own = [[Document(name=f"own{k}-{i}", text=f"{TEXT} {k}-{i}") for i in range(10)]
           for k in (0, 1)]
    repos = [open_database(db_url), open_database(db_url)]
    try:
        project = repos[0].default_project()
        results: list[AddResult | BaseException] = [RuntimeError("not run")] * 2

        def run(k: int) -> None:
            try:
                results[k] = repos[k].add_documents(project, shared + own[k])
            except BaseException as exc:  # reported to the main thread
                results[k] = exc

        threads = [threading.Thread(target=run, args=(k,)) for k in (0, 1)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        done = [r for r in results if isinstance(r, AddResult)]
        assert len(done) == 2, results
        listed = repos[0].list_documents(project)
        assert len(listed) == 50 == len({d.name for d in listed})
        assert sorted(d.position for d in listed) == list(range(50))
        # Each shared text was added by exactly one import and reported by the other.
        dupes = done[0].duplicates + done[1].duplicates
        assert sorted(dupes) == sorted(d.name for d in shared)
        assert len(done[0].added) + len(done[1].added) == 50
    finally:
        for repo in repos:
            repo.close()
