"""The known-names query: distinct labeled texts of a project, on SQLite and PostgreSQL."""

from __future__ import annotations

from annotator.core.labels import load_schema
from annotator.core.model import Document, make_span
from annotator.paths import default_schema_path
from annotator.services.known_names import KnownNames
from annotator.store.repository import Repository

# An emoji first: SUBSTR must count code points, as offsets do.
TEXT = "😀 قصف الطيران بلدة مظلوم ومظلوم، قرب حقل العمر النفطي."


def test_labeled_texts_are_the_distinct_span_texts_of_the_project(
    repo: Repository, project: int
) -> None:
    doc_id = repo.add_documents(project, [Document(name="a", text=TEXT)]).added[0]
    for needle, label in (("مظلوم", "LOCATION"), ("حقل العمر", "TARGET"), ("الطيران", "ACTOR")):
        start = TEXT.index(needle)
        repo.add_span(doc_id, make_span(TEXT, start, start + len(needle), label), annotator="amal")
    # The same text labeled again (another place, another annotator) counts once.
    second = TEXT.index("مظلوم", TEXT.index("مظلوم") + 1)
    repo.add_span(doc_id, make_span(TEXT, second, second + 5, "LOCATION"), annotator="badr")
    other = repo.create_project("other", load_schema(default_schema_path()))
    other_id = repo.add_documents(other, [Document(name="b", text="حلب")]).added[0]
    repo.add_span(other_id, make_span("حلب", 0, 3, "LOCATION"), annotator="amal")

    assert sorted(repo.labeled_texts(project)) == sorted(["مظلوم", "حقل العمر", "الطيران"])

    names = KnownNames(repo, project)
    assert "مظلوم" in names and "حقل" in names and "حقل العمر" in names
    assert "حلب" not in names  # another project's
    assert "الطيّران" in names  # folded: diacritics do not matter
    names.add("دير الزور")
    assert "دير الزور" in names and "دير" in names
