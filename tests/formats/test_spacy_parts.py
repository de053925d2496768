"""spaCy export as a folder of DocBin parts: the same documents and entities as one file and
as the writer it replaces, offsets exact, and all or nothing."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.model import Document
from annotator.formats import FORMATS, spacy_docbin
from annotator.formats.base import WriteOptions
from annotator.formats.conll import tag_document

pytest.importorskip("spacy")
from spacy.tokens import Doc, DocBin
from spacy.training.corpus import Corpus
from spacy.vocab import Vocab

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from gen_corpus import generate


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Document]:
    """300 generated articles (about 66,000 tokens, 7,000 spans)."""
    path = tmp_path_factory.mktemp("gen") / "c.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                            for r in generate(docs=300, seed=11)), encoding="utf-8")
    return [s.document for s in FORMATS["jsonl"].read(path).documents]


def _previous_writer(documents: Iterable[Document], options: WriteOptions) -> bytes:
    """The writer before parts (one DocBin for everything), kept here to compare with."""
    vocab = Vocab()
    docbin = DocBin(store_user_data=True)
    layout = WriteOptions(whole_tokens=options.whole_tokens, nested=options.nested)
    for doc in documents:
        tagged = tag_document(doc, layout)
        bounds = [(t.start, t.end) for t in tagged.tagging.tokens]
        words, spaces = spacy_docbin._words_and_spaces(doc.text, bounds)
        sdoc: Any = Doc(vocab, words=words, spaces=spaces)
        placed = [(p, sdoc.char_span(p.start, p.end, label=doc.spans[p.index].label))
                  for p in tagged.tagging.placed]
        sdoc.ents = [span for p, span in placed if p.level == 0]
        if options.nested:
            sdoc.spans["sc"] = [span for _, span in placed]
        sdoc.user_data["name"] = doc.name
        docbin.add(sdoc)
    return bytes(docbin.to_bytes())


def _content(docs: Iterable[Any]) -> list[tuple[object, ...]]:
    """What a reader of the export sees, with every offset checked against the text."""
    out: list[tuple[object, ...]] = []
    for d in docs:
        ents = [(e.start_char, e.end_char, e.label_, e.text) for e in d.ents]
        group = [(s.start_char, s.end_char, s.label_, s.text) for s in d.spans.get("sc", [])]
        for start, end, _, text in ents + group:
            assert d.text[start:end] == text
        out.append((d.user_data["name"], d.text, ents, group,
                    [(t.text, t.whitespace_) for t in d]))
    return out


def _read_file(path: Path) -> list[tuple[object, ...]]:
    return _content(DocBin().from_bytes(path.read_bytes()).get_docs(Vocab()))


def _read_folder(folder: Path) -> list[tuple[object, ...]]:
    """The parts in name order, read as spacy train reads a folder (its Corpus reader)."""
    from spacy.training.corpus import walk_corpus

    reader = Corpus(folder)
    return _content(reader.read_docbin(Vocab(), walk_corpus(folder, ".spacy")))


@pytest.mark.parametrize("nested", [False, True])
def test_parts_hold_what_one_file_and_the_previous_writer_hold(
    tmp_path: Path, generated: list[Document], golden_docs: list[Document],
    monkeypatch: pytest.MonkeyPatch, nested: bool,
) -> None:
    monkeypatch.setattr(spacy_docbin, "PART_TOKENS", 5_000)  # about 23 articles a part
    documents = golden_docs + generated
    options = WriteOptions(nested=nested)
    folder_report = FORMATS["spacy"].write(documents, tmp_path / "train", options)
    file_report = FORMATS["spacy"].write(documents, tmp_path / "train.spacy", options)

    parts = sorted((tmp_path / "train").iterdir())
    assert len(parts) == 14 and [p.name for p in parts] == [
        f"part-{n:05d}.spacy" for n in range(1, 15)]
    assert folder_report.files == [tmp_path / "train" / p.name for p in parts]
    assert file_report.files == [tmp_path / "train.spacy"]
    # One file: the very bytes of the writer it replaces.
    assert (tmp_path / "train.spacy").read_bytes() == _previous_writer(documents, options)
    whole = _read_file(tmp_path / "train.spacy")
    assert len(whole) == len(documents)
    assert [name for name, *_ in whole] == [d.name for d in documents]
    assert _read_folder(tmp_path / "train") == whole
    assert sum(len(_read_file(p)) for p in parts) == len(documents)
    assert (folder_report.documents, folder_report.spans) == (file_report.documents,
                                                              file_report.spans)
    assert [str(p) for p in folder_report.dropped] == [
        str(p).replace("train.spacy", "train") for p in file_report.dropped]
    # Every stored span is an entity or (nested) in the span group, at its own offsets.
    ents = {(name, s, e, label) for name, _, ents, _, _ in whole for s, e, label, _ in ents}
    spans = {(d.name, s.start, s.end, s.label) for d in documents for s in d.spans}
    assert ents <= spans
    # Generated spans never overlap: every one of them is an entity.
    generated_names = {d.name for d in generated}
    assert {e for e in ents if e[0] in generated_names} == {
        s for s in spans if s[0] in generated_names}
    assert len(ents) > 6_000
    if nested:
        group = {(name, s, e, label) for name, _, _, g, _ in whole for s, e, label, _ in g}
        assert group == spans


def test_a_part_ends_after_the_document_that_reaches_the_budget(
    tmp_path: Path, generated: list[Document], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(spacy_docbin, "PART_TOKENS", 1)  # every document closes a part
    FORMATS["spacy"].write(generated[:5], tmp_path / "out", WriteOptions())
    assert [len(_read_file(p)) for p in sorted((tmp_path / "out").iterdir())] == [1] * 5


def test_an_empty_export_is_one_empty_part(tmp_path: Path) -> None:
    report = FORMATS["spacy"].write([], tmp_path / "out", WriteOptions())
    assert report.files == [tmp_path / "out" / "part-00001.spacy"]
    assert _read_file(report.files[0]) == []


def test_a_failure_midway_leaves_no_folder_and_keeps_an_earlier_export(
    tmp_path: Path, generated: list[Document], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(spacy_docbin, "PART_TOKENS", 2_000)

    def failing(n: int) -> Iterator[Document]:
        for i, doc in enumerate(generated):
            if i == n:
                raise OSError("disk full")
            yield doc

    with pytest.raises(OSError):
        FORMATS["spacy"].write(failing(100), tmp_path / "new", WriteOptions())
    assert list(tmp_path.iterdir()) == []  # neither the folder nor its temporary one

    FORMATS["spacy"].write(generated[:50], tmp_path / "old", WriteOptions())
    before = {p.name: p.read_bytes() for p in (tmp_path / "old").iterdir()}
    assert len(before) > 2
    with pytest.raises(OSError):
        FORMATS["spacy"].write(failing(100), tmp_path / "old", WriteOptions())
    assert [p.name for p in tmp_path.iterdir()] == ["old"]
    assert {p.name: p.read_bytes() for p in (tmp_path / "old").iterdir()} == before


def test_a_folder_with_other_files_is_refused_untouched(
    tmp_path: Path, golden_docs: list[Document],
) -> None:
    from annotator.formats.base import FormatError

    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FormatError):
        FORMATS["spacy"].write(golden_docs, tmp_path / "out", WriteOptions())
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["notes.txt"]


def test_an_existing_folder_of_parts_is_replaced_not_mixed(
    tmp_path: Path, generated: list[Document], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(spacy_docbin, "PART_TOKENS", 2_000)
    FORMATS["spacy"].write(generated[:60], tmp_path / "out", WriteOptions())
    assert len(list((tmp_path / "out").iterdir())) > 3
    FORMATS["spacy"].write(generated[:5], tmp_path / "out", WriteOptions())
    assert len(_read_folder(tmp_path / "out")) == 5


def test_the_name_decides_file_or_folder(tmp_path: Path) -> None:
    (tmp_path / "dir.spacy").mkdir()
    assert spacy_docbin.writes_one_file(tmp_path / "x.spacy")
    assert not spacy_docbin.writes_one_file(tmp_path / "x")
    assert not spacy_docbin.writes_one_file(tmp_path / "dir.spacy")
    assert not spacy_docbin.writes_one_file(tmp_path / "x.SPACY.d")
