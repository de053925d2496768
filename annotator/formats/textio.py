"""Bytes to text: encoding detection, line endings, and the offset map they need."""

from __future__ import annotations

import codecs
import math
import os
import stat
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from annotator.core.messages import Message
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
        raise FormatError([Problem(file, None, Message("file.empty"))])
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # Exactly one mark goes: a text may itself start with U+FEFF (a writer keeps it
            # by putting a mark before it).
            codec = "utf-8" if encoding == "utf-8-sig" else encoding
            try:
                return data[len(bom):].decode(codec), encoding
            except UnicodeDecodeError as exc:
                raise FormatError([Problem(
                    file, None,
                    Message("file.bad_bom", encoding=encoding, byte=exc.start + len(bom)))]
                ) from None
    if b"\x00" in data:
        raise FormatError([Problem(
            file, None, Message("file.binary_nul", offset=data.index(0)))])
    controls = sum(1 for b in data[:65536] if b in _CONTROL)
    # Over 30%: a text the project stored may hold a stray U+001F (and an export writes it),
    # so a few control characters do not make a file binary.
    if controls * 10 > 3 * min(len(data), 65536):
        raise FormatError([Problem(
            file, None, Message("file.binary_controls"))])
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    arabic = _arabic_single_byte(data)
    if arabic is not None:
        return arabic
    # Imported here: most files are UTF-8, and loading charset-normalizer cost every
    # import and format detection a hundredth of a second.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise FormatError([Problem(
            file, None, Message("file.undecodable", byte=bad_at))])
    return str(best), _codec_name(best.encoding)


# Approximate letter frequencies (%) of Arabic news text: enough to tell cp1256 from ISO-8859-6,
# which map the same bytes to different letters, on texts too short for charset-normalizer
# (it reads "دير الزور" in cp1256 as Japanese cp932).
_ARABIC_FREQ = {
    "ا": 12.7, "ل": 11.0, "ي": 8.5, "م": 6.2, "و": 5.9, "ن": 5.6, "ه": 3.0, "ة": 2.5, "ر": 4.7,
    "ت": 4.1, "ب": 4.0, "ع": 3.3, "د": 2.9, "س": 2.7, "ف": 2.6, "أ": 2.4, "ق": 2.3, "ك": 2.2,
    "ح": 1.8, "ج": 1.2, "ى": 1.0, "ش": 1.0, "ص": 1.0, "إ": 0.9, "ط": 0.9, "خ": 0.9, "ض": 0.7,
    "ذ": 0.6, "ث": 0.6, "ز": 0.5, "غ": 0.4, "ء": 0.4, "ئ": 0.3, "ظ": 0.2, "آ": 0.2, "ؤ": 0.1,
    "ـ": 0.1, "،": 0.8, "؟": 0.05, "؛": 0.05,
}
_LOG_FREQ = {ch: math.log(f / 100) for ch, f in _ARABIC_FREQ.items()}
_LOG_MARK = math.log(0.005)  # a haraka after a letter: rare in news, but normal
_LOG_ODD = math.log(1e-6)  # a haraka after a non-letter, a Latin accent, a symbol


def _arabic_score(text: str) -> float:
    """Mean log-likelihood of the non-ASCII characters under Arabic letter frequencies."""
    total = 0.0
    count = 0
    padded = f" {text} "
    for i in range(1, len(padded) - 1):
        ch = padded[i]
        if ch < "\x80":
            continue
        prev, nxt = padded[i - 1], padded[i + 1]
        if (prev < "\x80" and prev.isalpha()) or (nxt < "\x80" and nxt.isalpha()):
            total += _LOG_ODD  # glued to a Latin letter: a Western accent read as Arabic
        elif "\u064b" <= ch <= "\u0652":
            total += _LOG_MARK if prev in _LOG_FREQ else _LOG_ODD
        else:
            total += _LOG_FREQ.get(ch, _LOG_ODD)
        count += 1
    return total / count if count else _LOG_ODD


def _arabic_single_byte(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when the bytes read best as Arabic cp1256 or ISO-8859-6, else None."""
    scored: list[tuple[float, str, str]] = []
    for encoding in ("cp1256", "iso8859-6"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        high = [ch for ch in text if ch >= "\x80" and ch.isalpha()]
        arabic = sum(1 for ch in high if "\u0600" <= ch <= "\u06ff")
        if high and arabic * 2 >= len(high):
            scored.append((_arabic_score(text), encoding, text))
    if not scored:
        return None
    score, encoding, text = max(scored)
    # Below this, the text is mostly characters Arabic prose does not use: let the general
    # detector judge.
    return (text, encoding) if score > math.log(0.0005) else None


#: The largest file read, in bytes. A news article is a few KB and a corpus file a few hundred
#: MB; past this a file is a mistake (a disk image, a log) that would exhaust memory.
MAX_FILE_BYTES = 1 << 30


def _open_regular(path: Path, limit: int) -> int:
    """A descriptor of ``path`` open for reading, if it is a regular file of at most ``limit``
    bytes; FormatError with the reason otherwise."""
    try:
        # O_NONBLOCK: opening a FIFO without a writer would block even before the check.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise FormatError([Problem(str(path), None, Message(
            "file.cannot_read", reason=str(exc.strerror or exc)))]) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = ("kind.fifo" if stat.S_ISFIFO(info.st_mode)
                    else "kind.device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
                    else "kind.socket" if stat.S_ISSOCK(info.st_mode) else "kind.other")
            raise FormatError([Problem(str(path), None,
                                       Message("file.not_regular", kind=Message(kind)))])
        if info.st_size > limit:
            raise FormatError([Problem(
                str(path), None, Message("file.too_big", size=info.st_size, limit=limit))])
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_bytes(path: Path, *, limit: int | None = None) -> bytes:
    """The bytes of a regular file, at most ``limit`` (default MAX_FILE_BYTES).

    A named pipe, a device (``/dev/zero``) or a socket is refused before it is opened: reading
    one would wait forever or never end. FormatError with the reason.
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    fd = _open_regular(path, limit)
    try:
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # the file grew while it was read
                raise FormatError([Problem(
                    str(path), None, Message("file.grew", limit=limit))])
        return b"".join(chunks)
    except OSError as exc:
        raise FormatError([Problem(str(path), None, Message(
            "file.cannot_read", reason=str(exc.strerror or exc)))]) from None
    finally:
        os.close(fd)


#: Bytes read at a time by ``read_head``.
_HEAD_CHUNK = 1 << 16


def _first_lines(text: str, lines: int) -> str | None:
    """``text`` up to the end of its ``lines``-th line that is not blank; None if it has fewer
    complete ones."""
    found = end = 0
    while (newline := text.find("\n", end)) >= 0:
        found += bool(text[end:newline].strip())
        end = newline + 1
        if found == lines:
            return text[:newline]
    return None


def _whole_head(path: Path, lines: int) -> str:
    text = read_text(path).text
    head = _first_lines(text, lines)
    return text if head is None else head


def read_head(path: Path, *, lines: int) -> str:
    """The start of a text file up to its ``lines``-th line that is not blank (``\\n``
    endings; all of it if it has fewer): what format detection looks at.

    Read a chunk at a time, so that telling the format of a corpus of several hundred MB does
    not hold it in memory (``read_text`` would: the bytes, the text and its lines). A file
    that is not UTF-8 (or UTF-16 with its mark) in its first chunk, an empty or binary one, is
    read whole by ``read_text``, which decides and words its errors.
    """
    fd = _open_regular(path, MAX_FILE_BYTES)
    try:
        chunk = os.read(fd, _HEAD_CHUNK)
        mark = next(((bom, enc) for bom, enc in _BOMS if chunk.startswith(bom)), None)
        if mark is None:
            if (not chunk or b"\x00" in chunk
                    or sum(1 for b in chunk if b in _CONTROL) * 10 > 3 * len(chunk)):
                return _whole_head(path, lines)
            codec = "utf-8"
        else:
            chunk = chunk[len(mark[0]):]
            codec = "utf-8" if mark[1] == "utf-8-sig" else mark[1]
        decoder = codecs.getincrementaldecoder(codec)()
        raw = ""
        while True:
            try:
                raw += decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError:
                return _whole_head(path, lines)
            # A \r at the end may be the first half of a \r\n still to be read.
            text = raw[:-1] if chunk and raw.endswith("\r") else raw
            text = normalize_newlines(text) if "\r" in text else text
            head = _first_lines(text, lines)
            if head is not None or not chunk:
                return text if head is None else head
            chunk = os.read(fd, _HEAD_CHUNK)
    except OSError as exc:
        raise FormatError([Problem(str(path), None, Message(
            "file.cannot_read", reason=str(exc.strerror or exc)))]) from None
    finally:
        os.close(fd)


def read_text(path: Path) -> DecodedText:
    """Read and decode a text file; line endings become ``\\n`` with an offset map."""
    data = read_bytes(path)
    raw, encoding = decode_bytes(data, file=str(path))
    if "\r" not in raw:
        return DecodedText(raw, encoding, None)
    return DecodedText(normalize_newlines(raw), encoding, newline_offset_map(raw))


def text_bytes(text: str) -> bytes:
    """``text`` as the UTF-8 bytes of a text file that ``read_text`` reads back unchanged.

    A text starting with U+FEFF gets a byte order mark before it, since a reader takes the
    first U+FEFF of a file for the mark.
    """
    data = text.encode("utf-8")
    return codecs.BOM_UTF8 + data if text.startswith("\ufeff") else data


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
