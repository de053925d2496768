"""A text file written as it is made and put in place only at the end: exports that stream.

An export of 100,000 documents must not hold its output in memory, nor leave half a file
behind when it fails: the lines go to a temporary file beside the target, which replaces the
target once everything is written (``os.replace``), and is removed on any failure.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import IO, Any, TypeVar

from annotator.formats.base import usual_mode

#: The first token of a CoNLL document's header line (kept as written when padding).
DOCSTART = "-DOCSTART-"
#: The file's buffer: an export writes tens of megabytes, in blocks of 128 KiB (the default
#: 8 KiB makes a system call every few documents).
BUFFER = 1 << 17
#: Written first by the CSV writers: UTF-8 with a byte order mark, which spreadsheet programs
#: need to see Arabic (the bytes of Python's "utf-8-sig").
BOM = "\ufeff"


class _Atomic:
    """A file written through a temporary file beside ``out``, replaced at the end."""

    _mode = "w"

    def __init__(self, out: Path) -> None:
        self.out = out
        self.direct = out.exists() and not out.is_file() and not out.is_dir()
        if self.direct:
            # A device or a named pipe (-o /dev/stdout) is written into, never replaced.
            self.path = out
            self._fh = self._open(out, self._mode)
            return
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
        os.chmod(tmp, usual_mode(folder=False))
        self.path = Path(tmp)
        self._fh = self._open(fd, self._mode)

    def _open(self, file: Path | int, mode: str) -> IO[Any]:
        return open(file, mode, encoding="utf-8", newline="", buffering=BUFFER)

    def pad(self, blocks: list[tuple[int, int]], depth: int, *, docstart_fixed: bool) -> None:
        """Give every line of each (levels, lines) block ``depth`` tag columns (adds O);
        with ``docstart_fixed`` the -DOCSTART- lines stay as written (the 2-column layout)."""
        if self.direct:
            raise ValueError("nested columns of different depths need a file, not a device")
        self._fh.close()
        padded = self.path.with_name(self.path.name + ".pad")
        docstart = DOCSTART.encode()
        # In bytes: the file is UTF-8 and a newline byte is never part of another character.
        with self.path.open("rb") as src, padded.open("wb") as dst:
            for levels, n_lines in blocks:
                suffix = b" O" * (depth - levels)
                for _ in range(n_lines):
                    line = src.readline()
                    if line == b"\n" or (docstart_fixed and line.startswith(docstart)):
                        dst.write(line)
                    else:
                        dst.write(line[:-1] + suffix + b"\n")
        os.replace(padded, self.path)
        self._fh = self._open(self.path, "a" if self._mode == "w" else "ab")

    def commit(self) -> None:
        self._fh.flush()
        if not self.direct:
            os.fsync(self._fh.fileno())
        self._fh.close()
        if not self.direct:
            os.replace(self.path, self.out)

    def abort(self) -> None:
        self._fh.close()
        if not self.direct:
            self.path.unlink(missing_ok=True)
            self.path.with_name(self.path.name + ".pad").unlink(missing_ok=True)


class AtomicText(_Atomic):
    """A UTF-8 text file written through a temporary file beside ``out``."""

    def write(self, data: str) -> None:
        self._fh.write(data)


class AtomicBytes(_Atomic):
    """A file of bytes (UTF-8 text already encoded) written through a temporary file beside
    ``out``: the CoNLL writer's lines are bytes from the start (docs/adr/0022)."""

    _mode = "wb"

    def _open(self, file: Path | int, mode: str) -> IO[Any]:
        return open(file, mode, buffering=BUFFER)

    def write(self, data: bytes) -> None:
        self._fh.write(data)


_Writer = TypeVar("_Writer", bound=_Atomic)


@contextmanager
def _committed(writer: _Writer) -> Iterator[_Writer]:
    try:
        yield writer
    except BaseException:
        writer.abort()
        raise
    writer.commit()


def atomic_text(out: Path) -> AbstractContextManager[AtomicText]:
    """``out`` written completely or not at all (a failed export leaves no partial file)."""
    return _committed(AtomicText(out))


def atomic_bytes(out: Path) -> AbstractContextManager[AtomicBytes]:
    """``atomic_text`` for a writer of bytes."""
    return _committed(AtomicBytes(out))
