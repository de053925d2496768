"""Output files: safe names from document ids, atomic writes, format detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import Document
from annotator.formats import FORMATS, FormatError, WriteOptions, detect_format
from annotator.formats.base import safe_name


@pytest.mark.parametrize("name", ["../x", "a/b", "/abs", "..", "a\\b", "C:evil", ".hidden",
                                  "CON", "x\x00y", "   "])
def test_safe_name_has_no_separators_or_dot_dot(name: str) -> None:
    safe = safe_name(name)
    assert safe and "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert not safe.startswith(".") and safe not in ("CON",)
    assert Path(safe).name == safe


@pytest.mark.parametrize("fmt", ["brat", "txt"])
def test_unsafe_document_names_give_safe_file_names(tmp_path: Path, fmt: str) -> None:
    docs = [Document(name=n, text=f"نص {i}") for i, n in
            enumerate(["../x", "a/b", "/abs", "a_b", "A_B"])]
    out = tmp_path / "deep" / "out"
    report = FORMATS[fmt].write(docs, out, WriteOptions())
    # brat writes its annotation.conf beside the documents.
    written = sorted(p.name for p in out.iterdir() if p.name != "annotation.conf")
    # Everything landed inside `out`, nothing beside it or above it.
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["out"]
    assert all(p.parent == out for p in report.files)
    stems = {Path(n).stem for n in written}
    assert len(stems) == 5  # "a/b" -> "a_b" does not overwrite the real "a_b" (nor "A_B")
    assert not any(s.startswith(".") or "/" in s for s in stems)
    texts = sorted(p.read_text(encoding="utf-8") for p in out.glob("*.txt"))
    assert texts == sorted(d.text for d in docs)


def test_a_folder_export_never_wipes_an_unrelated_folder(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"important")
    with pytest.raises(FormatError) as info:
        FORMATS["brat"].write([Document(name="a", text="نص")], out, WriteOptions())
    assert "holds other things" in str(info.value)
    assert (out / "thesis.docx").read_bytes() == b"important"


def test_a_folder_export_replaces_an_earlier_export(tmp_path: Path) -> None:
    out = tmp_path / "brat"
    FORMATS["brat"].write([Document(name="old", text="قديم")], out, WriteOptions())
    FORMATS["brat"].write([Document(name="new", text="جديد")], out, WriteOptions())
    assert sorted(p.name for p in out.iterdir()) == ["annotation.conf", "new.ann", "new.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brat"]  # no temporary left


class _Boom(Exception):
    pass


def _failing_documents() -> object:
    yield Document(name="a", text="نص")
    raise _Boom


@pytest.mark.parametrize(("fmt", "name"), [("jsonl", "o.jsonl"), ("brat", "o"),
                                           ("conll", "o.conll"), ("labelstudio", "o.json")])
def test_a_failed_export_leaves_the_old_output_untouched(tmp_path: Path, fmt: str,
                                                          name: str) -> None:
    out = tmp_path / name
    FORMATS[fmt].write([Document(name="keep", text="باق")], out, WriteOptions())
    before = sorted((p.name, p.read_bytes()) for p in tmp_path.rglob("*") if p.is_file())
    with pytest.raises(_Boom):
        FORMATS[fmt].write(_failing_documents(), out, WriteOptions())  # type: ignore[arg-type]
    after = sorted((p.name, p.read_bytes()) for p in tmp_path.rglob("*") if p.is_file())
    assert after == before


def test_detect_format(tmp_path: Path) -> None:
    own = tmp_path / "own.jsonl"
    own.write_text('{"id": "a", "text": "نص", "spans": []}\n', encoding="utf-8")
    doccano = tmp_path / "dc.jsonl"
    doccano.write_text('{"text": "نص", "label": []}\n', encoding="utf-8")
    conll = tmp_path / "a.conll"
    conll.write_text("نص O\n", encoding="utf-8")
    csv = tmp_path / "a.csv"
    csv.write_text("text\nنص\n", encoding="utf-8")
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("نص", encoding="utf-8")
    assert [detect_format(p) for p in (own, doccano, conll, csv, folder)] == [
        "jsonl", "doccano", "conll", "csv", "txt"]
    anercorp = tmp_path / "ANERCorp.txt"  # token-per-line data often ships as .txt
    anercorp.write_text("فرانكفورت B-LOC\n(د O\nب O\nأ) O\n", encoding="utf-8")
    assert detect_format(anercorp) == "conll"
    prose = tmp_path / "article.txt"
    prose.write_text("قصف على دير الزور O\nثم B-LOC\nقصف آخر\n", encoding="utf-8")
    assert detect_format(prose) == "txt"
    odd = tmp_path / "a.xyz"
    odd.write_text("?", encoding="utf-8")
    with pytest.raises(FormatError) as info:
        detect_format(odd)
    assert "cannot tell the format" in str(info.value) and "labelstudio" in str(info.value)


def test_registry_names_and_capabilities() -> None:
    assert list(FORMATS) == ["txt", "csv", "jsonl", "doccano", "labelstudio", "brat", "conll",
                             "spacy", "hf", "events", "webanno", "prodigy"]
    assert [n for n, f in FORMATS.items() if not f.can_read] == ["spacy", "hf", "events"]
    assert all(f.name == n for n, f in FORMATS.items())


@pytest.mark.parametrize("fmt", ["jsonl", "conll", "csv", "labelstudio", "brat", "txt", "hf"])
def test_exports_get_the_usual_permissions_not_private_temporary_ones(
    tmp_path: Path, fmt: str
) -> None:
    import os

    old = os.umask(0o022)
    try:
        out = tmp_path / f"out-{fmt}"
        FORMATS[fmt].write([Document(name="d", text="قصف دير الزور")], out, WriteOptions())
    finally:
        os.umask(old)
    made = [out, *out.iterdir()] if out.is_dir() else [out]
    assert made
    for path in made:
        expected = 0o755 if path.is_dir() else 0o644
        assert path.stat().st_mode & 0o777 == expected, path


def test_safe_names_drop_bidi_controls() -> None:
    assert safe_name("\u202eevil\u2066txt.exe\u200f") == "_evil_txt.exe_"


def test_doccano_with_meta_or_annotator_keys_is_detected_as_doccano(tmp_path: Path) -> None:
    # doccano 1.x wrote "meta" and "annotation_approver" beside "labels".
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": 1, "text": "قصف دير الزور", "meta": {}, "annotation_approver": null, '
                    '"labels": [[4, 13, "LOCATION"]]}\n', encoding="utf-8")
    assert detect_format(path) == "doccano"
    (doc,) = FORMATS["doccano"].read(path).documents
    assert [s.text for s in doc.document.spans] == ["دير الزور"]


def test_export_to_a_device_writes_into_it_instead_of_replacing_it(tmp_path: Path) -> None:
    # "-o /dev/stdout" and "-o /dev/null" must not swap the device (or its link) for a file.
    link = tmp_path / "null"
    link.symlink_to("/dev/null")
    FORMATS["jsonl"].write([Document(name="d", text="قصف")], link, WriteOptions())
    assert link.is_symlink()
    assert str(link.readlink()) == "/dev/null"
    assert [p.name for p in tmp_path.iterdir()] == ["null"]


def test_export_to_a_named_pipe_writes_into_the_pipe(tmp_path: Path) -> None:
    import os
    import stat
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()), daemon=True)
    reader.start()
    FORMATS["jsonl"].write([Document(name="d", text="قصف")], pipe, WriteOptions())
    reader.join(timeout=10)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert b'"text": "\xd9\x82\xd8\xb5\xd9\x81"' in got[0]
