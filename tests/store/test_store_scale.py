"""What keeps large projects fast: pages of the document list, neighbours in one query, stored
span counts and the corpus search index; each checked against the plain computation."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import DocStatus, Document, LabelSchema, make_span
from annotator.core.text import find_all, fold, fold_key, fold_query
from annotator.services.searching import search_corpus
from annotator.store.engine import make_engine, read_transaction
from annotator.store.repository import Repository
from annotator.store.stats import counted_spans, stored_span_counts

STATUSES: tuple[DocStatus, ...] = ("new", "in_progress", "done", "skipped")


def _docs(n: int, rng: random.Random) -> list[Document]:
    words = ["قصف", "الطيران", "مدينة", "دير", "الزور", "هــ.دد", "أكتوبر", "إدلب", "حلب",
             "الحرس", "الثوري", "SY24", "😀", "بالميادين", "٢٤"]
    docs = []
    for i in range(n):
        first = f"عنوان المقال {i}"
        body = " ".join(rng.choice(words) for _ in range(rng.randint(3, 12)))
        meta = {"title": f"Title {i}"} if i % 4 == 0 else {}
        docs.append(Document(name=f"doc-{i:03d}", text=f"{first}\n{body}", meta=meta,
                             status=rng.choice(STATUSES)))
    return docs


@pytest.fixture
def filled(repo: Repository, project: int) -> list[int]:
    rng = random.Random(7)
    result = repo.add_documents(project, _docs(23, rng))
    # A second import: positions continue after the first batch.
    result2 = repo.add_documents(project, _docs(30, rng)[23:])
    return result.added + result2.added


@pytest.mark.parametrize("status", [None, "new", "done"])
def test_pages_walk_the_whole_list_in_corpus_order(
    repo: Repository, project: int, filled: list[int], status: DocStatus | None
) -> None:
    everything = repo.list_documents(project, status=status)
    walked = []
    after = None
    while True:
        page = repo.document_page(project, status=status, after=after, limit=4)
        assert len(page) <= 4
        if not page:
            break
        walked.extend(page)
        after = (page[-1].position, page[-1].id)
    assert walked == everything
    assert [d.id for d in walked] == [i for i in filled if status is None
                                      or repo.get_document(i).status == status]
    assert repo.count_documents(project, status=status) == len(everything)


def test_position_and_title_of_each_document(
    repo: Repository, project: int, filled: list[int]
) -> None:
    rows = repo.list_documents(project)
    # "#" in the list is the position in the project, whatever the filter.
    assert [d.position for d in rows] == list(range(len(filled)))
    done = repo.list_documents(project, status="done")
    assert {d.id: d.position for d in done} == {d.id: d.position for d in rows
                                                  if d.status == "done"}
    assert rows[0].title == "Title 0"  # meta["title"] wins
    assert rows[1].title == "عنوان المقال 1"  # else the first line


def _old_neighbour(
    repo: Repository, project: int, document_id: int | None, step: int,
    status: DocStatus | None,
) -> int | None:
    """The list-everything computation the window used before."""
    everything = repo.list_documents(project)
    wanted = [d for d in everything if status is None or d.status == status]
    if not wanted:
        return None
    if document_id is None:
        return wanted[0].id if step > 0 else wanted[-1].id
    positions = {d.id: i for i, d in enumerate(everything)}
    here = positions[document_id]
    if step > 0:
        after = [d for d in wanted if positions[d.id] > here]
        return after[step - 1].id if len(after) >= step else None
    before = [d for d in wanted if positions[d.id] < here]
    return before[step].id if len(before) >= -step else None


def test_neighbours_match_the_full_list(
    repo: Repository, project: int, filled: list[int]
) -> None:
    for status in (None, "new", "skipped"):
        for step in (1, -1, 2, -3):
            assert repo.neighbour(project, None, step, status=status) == _old_neighbour(
                repo, project, None, step, status)
            for doc_id in filled:
                assert repo.neighbour(project, doc_id, step, status=status) == _old_neighbour(
                    repo, project, doc_id, step, status), (doc_id, step, status)


def _counts_match(db_url: str, project: int) -> dict[tuple[str, str | None], int]:
    engine = make_engine(db_url)
    try:
        with read_transaction(engine) as conn:
            stored = stored_span_counts(conn, project)
            assert stored == counted_spans(conn, project)
            return stored
    finally:
        engine.dispose()


def test_stored_span_counts_follow_every_edit(
    repo: Repository, project: int, db_url: str
) -> None:
    text = "قصف الطيران مدينة دير الزور يوم 24 أكتوبر"
    doc = Document(name="d", text=text, spans=(
        make_span(text, 4, 11, "ACTOR", annotator="amal"),
        make_span(text, 18, 27, "LOCATION"),
    ))
    [doc_id] = repo.add_documents(project, [doc], annotator=None).added
    assert _counts_match(db_url, project) == {("ACTOR", "amal"): 1, ("LOCATION", None): 1}
    rng = random.Random(3)
    words = [(0, 3), (4, 11), (12, 17), (18, 21), (22, 27), (28, 31), (32, 34), (35, 41)]
    for _ in range(40):
        spans = repo.get_document(doc_id).spans
        action = rng.random()
        if action < 0.45 or not spans:
            start, end = rng.choice(words)
            repo.add_span(doc_id, make_span(text, start, end, rng.choice(["ACTOR", "DATE"])),
                          annotator=rng.choice(["amal", "omar"]))
        elif action < 0.7:
            victim = rng.choice(spans)
            assert victim.id is not None
            repo.delete_span(victim.id)
            if rng.random() < 0.5:
                repo.restore_span(doc_id, victim)
        else:
            victim = rng.choice(spans)
            assert victim.id is not None
            repo.update_span(victim.id, label=rng.choice(["TARGET", "LOCATION", victim.label]))
        _counts_match(db_url, project)
    stats = repo.stats(project)
    assert stats["spans"] == len(repo.get_document(doc_id).spans)
    assert sum(stats["by_annotator"].values()) == stats["spans"]


def test_stored_span_counts_follow_a_replaced_layer(
    repo: Repository, project: int, db_url: str
) -> None:
    # A curation save replaces a whole layer: the counts lose the old spans, gain the new.
    text = "قصف الطيران مدينة دير الزور يوم 24 أكتوبر"
    doc = Document(name="layer", text=text, spans=(
        make_span(text, 4, 11, "ACTOR", annotator="amal"),
        make_span(text, 18, 27, "LOCATION", annotator="omar"),
    ))
    [doc_id] = repo.add_documents(project, [doc], annotator=None).added
    repo.replace_layer(doc_id, "curation", [make_span(text, 4, 11, "ACTOR"),
                                            make_span(text, 18, 27, "LOCATION")])
    assert _counts_match(db_url, project)[("ACTOR", "curation")] == 1
    repo.replace_layer(doc_id, "curation", [make_span(text, 32, 41, "DATE")])
    stored = _counts_match(db_url, project)
    assert stored.get(("ACTOR", "curation"), 0) == 0
    assert stored[("DATE", "curation")] == 1
    assert stored[("ACTOR", "amal")] == 1


def _brute_force(repo: Repository, project: int, query: str) -> list[tuple[int, int, int]]:
    return [(d.id or 0, start, end) for d in repo.iter_documents(project)
            for start, end in find_all(d.text, query)]


def test_corpus_search_through_the_index_finds_what_a_full_scan_finds(
    repo: Repository, project: int, filled: list[int], seed_texts: dict[str, str],
    schema: LabelSchema,
) -> None:
    from annotator.core.model import normalize_newlines

    repo.add_documents(project, [Document(name=n, text=normalize_newlines(t))
                                 for n, t in seed_texts.items()])
    rng = random.Random(11)
    texts = [d.text for d in repo.iter_documents(project)]
    queries = ["هدد", "الحرس الثوري", "اكتوبر", "sy24", "24", "ب", "😀", "دير  الزور",
               "100%", "a_b", '"', "لا يوجد هذا"]
    for _ in range(40):  # random pieces of the stored texts, folded spellings included
        t = rng.choice(texts)
        a = rng.randrange(len(t))
        queries.append(t[a : a + rng.randint(1, 12)])
    for query in queries:
        if not fold_query(query):
            continue
        expected = _brute_force(repo, project, query)
        got = [(h.document_id, h.start, h.end) for h in search_corpus(repo, query,
                                                                       project=project)]
        assert got == expected, query
        for h in search_corpus(repo, query, project=project, limit=3):
            assert repo.get_document(h.document_id).text[h.start : h.end] == h.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    list("قصف الطيرانأإآٱىةؤئ.ـ\u064e\u0651\u200f\n\t  ۰٣ABcΣ\ufdfa\ufef7ﻻ")), max_size=40))
def test_index_key_is_the_search_key(text: str) -> None:
    assert fold_key(text) == fold(text)[0]


def test_reading_up_to_a_position_and_positions_by_id(
    repo: Repository, project: int, filled: list[int]
) -> None:
    rows = repo.list_documents(project)
    first = repo.document_page(project, limit=3)
    rest = repo.document_page(project, after=(first[-1].position, first[-1].id), limit=None,
                              through=rows[20].position)
    assert first + rest == rows[:21]
    assert [repo.document_position(project, d.id) for d in rows] == list(range(len(rows)))
    other = repo.create_project("other", repo.project_schema(project))
    assert repo.document_position(other, rows[0].id) is None


@pytest.mark.postgres
def test_postgresql_search_index_uses_trigrams(pg_url: str) -> None:
    from annotator.store.db import open_database

    repository = open_database(pg_url, seed_demo=False)
    repository.close()
    engine = make_engine(pg_url)
    try:
        with read_transaction(engine) as conn:
            names = conn.exec_driver_sql(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'document_search' "
                "AND schemaname = current_schema()"
            ).scalars().all()
    finally:
        engine.dispose()
    # pg_trgm is available on the test server: the folded texts get a trigram GIN index.
    assert any("gin_trgm_ops" in name for name in names)
