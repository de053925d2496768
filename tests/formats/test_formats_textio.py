"""Decoding: encodings detected and named, line endings normalized with offsets mapped."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from annotator.formats import FORMATS, FormatError
from annotator.formats.textio import read_text, utf16_offsets, utf16_to_codepoint


@pytest.mark.parametrize(
    ("data_of", "encoding"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
        (lambda t: t.encode("cp1256"), "cp1256"),
        (lambda t: t.encode("iso8859-6"), "iso8859-6"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "cp1256", "iso-8859-6"],
)
def test_the_same_arabic_text_decodes_from_every_encoding(
    tmp_path: Path, data_of: object, encoding: str
) -> None:
    # A sentence both single-byte code pages can hold (ISO-8859-6 lacks some letters).
    text = "أفاد نشطاء المرصد السوري لحقوق الإنسان، في دير الزور، بأن قوات التحالف الدولي " \
           "عمدت إلى مداهمة بلدة ذيبان الواقعة شرقي دير الزور.\nSY24 - 2024\n"
    path = tmp_path / "a.txt"
    path.write_bytes(data_of(text))  # type: ignore[operator]
    decoded = read_text(path)
    assert decoded.text == text
    assert decoded.encoding == encoding


def test_a_txt_import_reports_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "cp.txt"
    path.write_bytes("قصفت طائرات التحالف الدولي مواقع في ريف دير الزور الشرقي".encode("cp1256"))
    result = FORMATS["txt"].read(path)
    assert result.encodings == {str(path): "cp1256"}
    assert result.documents[0].document.text.startswith("قصفت")


def test_crlf_and_cr_become_lf_and_offsets_are_mapped(tmp_path: Path) -> None:
    raw = "سطر أول\r\nسطر ثان\rدير الزور"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    decoded = read_text(path)
    assert decoded.text == "سطر أول\nسطر ثان\nدير الزور"
    start = raw.index("دير")
    mapped = decoded.map_offsets(start, start + len("دير الزور"))
    assert decoded.text[mapped[0]:mapped[1]] == "دير الزور"


def test_brat_offsets_in_a_crlf_file_are_mapped(tmp_path: Path) -> None:
    raw = "قصف على\r\nدير الزور\r\nأمس"
    (tmp_path / "d.txt").write_bytes(raw.encode("utf-8"))
    start = raw.index("دير")
    (tmp_path / "d.ann").write_text(f"T1\tLOCATION {start} {start + 9}\tدير الزور\n",
                                    encoding="utf-8")
    result = FORMATS["brat"].read(tmp_path)
    assert result.problems == []
    doc = result.documents[0].document
    (span,) = doc.spans
    assert "\r" not in doc.text
    assert doc.text[span.start:span.end] == "دير الزور" == span.text


def test_jsonl_text_with_crlf_keeps_its_spans_aligned(tmp_path: Path) -> None:
    text = "سطر\r\nدير الزور"
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "a", "text": "سطر\\r\\nدير الزور", "spans": '
                    f'[{{"start": {text.index("دير")}, "end": {len(text)}, '
                    '"label": "LOCATION", "text": "دير الزور"}]}\n', encoding="utf-8")
    result = FORMATS["jsonl"].read(path)
    assert result.problems == []
    doc = result.documents[0].document
    assert doc.text == "سطر\nدير الزور"
    assert doc.text[doc.spans[0].start:doc.spans[0].end] == "دير الزور"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        (b"\x81\x8d\x8f\x90\x9d" * 40 + b"\xff\xfe\x00", "binary file"),
        (codecs.BOM_UTF8 + b"\xd8\xa7\xff\xfe\xd8", "undecodable bytes"),
    ],
    ids=["empty", "png", "nul", "bad-after-bom"],
)
def test_unusable_files_raise_format_error(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(FormatError) as info:
        read_text(path)
    (problem,) = info.value.problems
    assert message in problem.message
    assert str(problem).startswith(f"{path}: ")


def test_bytes_that_fit_no_encoding_are_undecodable(tmp_path: Path) -> None:
    # Invalid UTF-8 and, as a whole, no plausible single-byte text: control-free noise.
    path = tmp_path / "x.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 8)
    with pytest.raises(FormatError) as info:
        read_text(path)
    assert "undecodable bytes" in info.value.problems[0].message


def test_utf16_offsets_count_astral_characters_twice() -> None:
    text = "😀 دير"
    table = utf16_offsets(text)
    assert table == [0, 2, 3, 4, 5, 6]
    assert utf16_to_codepoint(table, 3) == 2
    assert utf16_to_codepoint(table, 1) is None  # inside the emoji's surrogate pair
    assert utf16_to_codepoint(table, 7) is None


@pytest.mark.parametrize("text", ["دير الزور", "مرحبا", "قصف", "id,text\n1,غارة على دير الزور\n"])
@pytest.mark.parametrize("encoding", ["cp1256", "iso8859-6"])
def test_short_arabic_single_byte_texts_are_told_apart(
    tmp_path: Path, text: str, encoding: str
) -> None:
    # Too short for a general detector: they map the same bytes to different Arabic letters.
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode(encoding))
    decoded = read_text(path)
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_seed_articles_in_cp1256(tmp_path: Path, seed_texts: dict[str, str]) -> None:
    for name, text in seed_texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(text.encode("cp1256"))
        assert read_text(path).text == text


def test_a_western_single_byte_file_is_not_read_as_arabic(tmp_path: Path) -> None:
    text = "Le café crème à la française, déjà très apprécié à Genève."
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode("cp1252"))
    decoded = read_text(path)
    assert decoded.encoding not in ("cp1256", "iso8859-6")
    assert not any("\u0600" <= ch <= "\u06ff" for ch in decoded.text)


def test_a_utf8_byte_order_mark_takes_off_one_u_feff_only(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + "\ufeffقصف".encode())
    assert read_text(path).text == "\ufeffقصف"


@pytest.mark.parametrize("fmt", ["txt", "brat"])
def test_a_text_starting_with_u_feff_survives_folder_formats(tmp_path: Path, fmt: str) -> None:
    from annotator.core.model import Document, Span
    from annotator.formats import WriteOptions

    text = "\ufeffقصف دير الزور"
    spans = (Span(start=5, end=14, label="LOCATION", text="دير الزور"),) if fmt == "brat" else ()
    doc = Document(name="d", text=text, spans=spans)
    FORMATS[fmt].write([doc], tmp_path / "out", WriteOptions())
    result = FORMATS[fmt].read(tmp_path / "out")
    assert result.problems == []
    back = result.documents[0].document
    assert back.text == text
    assert [(s.start, s.end, s.text) for s in back.spans] == [(s.start, s.end, s.text)
                                                              for s in spans]
