"""Format detection reads the head of a file, not the whole of it, and sees what the whole
read would show there."""

from __future__ import annotations

import codecs
import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.formats import FormatError, detect_format
from annotator.formats.textio import _HEAD_CHUNK, read_head, read_text

_ARABIC = "قصفت الطائرات مواقع في ريف حلب الشمالي، وأفاد المرصد بسقوط قتلى"


def _expected(text: str, lines: int) -> str:
    """What read_head promises: the whole text cut at the end of its lines-th non-blank line."""
    found = 0
    at = 0
    for line in text.split("\n"):
        found += bool(line.strip())
        if found == lines:
            return text[:at + len(line)]
        at += len(line) + 1
    return text


_TEXTS = {
    "plain": f"{_ARABIC}\nسطر ثان\n\nسطر ثالث\n",
    "blank first": f"\n \n\t\n{_ARABIC}\nآخر",
    "crlf": f"{_ARABIC}\r\nسطر ثان\r\n\r\nسطر ثالث\r\n",
    "lone cr": f"{_ARABIC}\rسطر ثان\r\rسطر ثالث",
    "no newline": _ARABIC,
    # A \r\n split by the chunk boundary: the \r ends the first chunk.
    "cr at the chunk edge": "x" * (_HEAD_CHUNK - 1) + "\r\n" + "سطر\r\n" * 3,
    "long first line": "ب" * (3 * _HEAD_CHUNK) + "\nسطر\n",
}
_ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with mark": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le with mark": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "cp1256": lambda t: t.encode("cp1256"),
}


@pytest.mark.parametrize("lines", [1, 2, 3, 50])
@pytest.mark.parametrize("encoding", list(_ENCODINGS))
@pytest.mark.parametrize("name", list(_TEXTS))
def test_the_head_is_the_start_of_what_the_whole_read_gives(
    tmp_path: Path, name: str, encoding: str, lines: int
) -> None:
    path = tmp_path / "file.txt"
    path.write_bytes(_ENCODINGS[encoding](_TEXTS[name]))
    whole = read_text(path).text
    assert read_head(path, lines=lines) == _expected(whole, lines)


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02 binary", bytes(range(1, 9)) * 100])
def test_files_that_are_not_text_get_the_whole_reads_message(tmp_path: Path, data: bytes
                                                             ) -> None:
    path = tmp_path / "file.jsonl"
    path.write_bytes(data)
    with pytest.raises(FormatError) as whole:
        read_text(path)
    with pytest.raises(FormatError) as head:
        read_head(path, lines=1)
    assert head.value.problems == whole.value.problems


def test_telling_a_large_jsonl_file_holds_only_its_head(tmp_path: Path) -> None:
    # An import without --format detects the format first: a corpus of several hundred MB
    # was read whole for it (bytes, text and lines: about four times the file in memory).
    path = tmp_path / "corpus.jsonl"
    record = {"id": "d", "text": _ARABIC, "spans": [], "status": "new"}
    with path.open("w", encoding="utf-8") as fh:
        for i in range(40_000):
            fh.write(json.dumps({**record, "id": f"d{i}"}, ensure_ascii=False) + "\n")
    assert path.stat().st_size > 6_000_000
    small = tmp_path / "small.jsonl"
    small.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert detect_format(small) == "jsonl"  # the modules it imports are not counted below
    tracemalloc.start()
    try:
        assert detect_format(path) == "jsonl"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000
