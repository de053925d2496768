"""Bytes to text: encoding detection, line endings, and the offset map they need."""

from __future__ import annotations

import codecs
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from annotator.core.model import newline_offset_map, normalize_newlines
from annotator.formats.base import FormatError, Problem

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in text files (tab, newlines, form feed and ESC aside).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}


@dataclass(frozen=True)
class DecodedText:
    """A decoded file: ``text`` has ``\\n`` line endings; ``raw_to_text`` maps old offsets."""

    text: str
    encoding: str
    raw_to_text: list[int] | None  # None when the file had no \r: offsets are unchanged

    def map_offset(self, offset: int) -> int:
        """An offset into the decoded file (before newline normalization) mapped into text."""
        if self.raw_to_text is None:
            return offset
        if not 0 <= offset < len(self.raw_to_text):
            return offset + (len(self.text) - (len(self.raw_to_text) - 1))
        return self.raw_to_text[offset]

    def map_offsets(self, start: int, end: int) -> tuple[int, int]:
        """A raw (start, end) pair mapped into the normalized text."""
        return self.map_offset(start), self.map_offset(end)


def _codec_name(name: str) -> str:
    return codecs.lookup(name).name


def decode_bytes(data: bytes, *, file: str) -> tuple[str, str]:
    """Decode file bytes to (text, encoding name); FormatError if they are not text."""
    if not data:
        raise FormatError([Problem(file, None, "the file is empty")])
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).removeprefix("\ufeff"), encoding
            except UnicodeDecodeError as exc:
                raise FormatError([Problem(
                    file, None,
                    f"undecodable bytes: the file starts with a {encoding} byte order mark but "
                    f"byte {exc.start} is not valid {encoding}")]) from None
    if b"\x00" in data:
        raise FormatError([Problem(
            file, None, f"a binary file, not text (NUL byte at offset {data.index(0)})")])
    controls = sum(1 for b in data[:65536] if b in _CONTROL)
    if controls * 100 > min(len(data), 65536):
        raise FormatError([Problem(
            file, None, "a binary file, not text (too many control characters)")])
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise FormatError([Problem(
            file, None,
            f"undecodable bytes: not UTF-8 (byte {bad_at} is invalid) and no known encoding "
            "(UTF-16, cp1256, ISO-8859-6 ...) fits")])
    return str(best), _codec_name(best.encoding)


def read_text(path: Path) -> DecodedText:
    """Read and decode a text file; line endings become ``\\n`` with an offset map."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FormatError([Problem(str(path), None, f"cannot read: {exc.strerror}")]) from None
    raw, encoding = decode_bytes(data, file=str(path))
    if "\r" not in raw:
        return DecodedText(raw, encoding, None)
    return DecodedText(normalize_newlines(raw), encoding, newline_offset_map(raw))


def utf16_offsets(text: str) -> list[int]:
    """For each code-point offset of ``text`` (0..len), its UTF-16 code-unit offset."""
    out = [0] * (len(text) + 1)
    units = 0
    for i, ch in enumerate(text):
        out[i] = units
        units += 2 if ord(ch) > 0xFFFF else 1
    out[len(text)] = units
    return out


def utf16_to_codepoint(table: list[int], unit: int) -> int | None:
    """The code-point offset at UTF-16 offset ``unit`` (from ``utf16_offsets``), or None."""
    i = bisect_right(table, unit) - 1
    if i < 0 or table[i] != unit:
        return None  # outside the text, or the middle of a surrogate pair
    return i
