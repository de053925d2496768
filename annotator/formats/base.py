"""What every format shares: problems, read results, write options and atomic output."""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from annotator.core.messages import Message
from annotator.core.model import Document

Scheme = Literal["iob2", "bioes"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input record (or a span an export could not hold)."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


class FormatError(Exception):
    """A whole file is unusable (empty, binary, undecodable, not the format at all)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class SourcedDocument:
    """A document read from a file, with where it came from (for messages)."""

    document: Document
    file: str
    line: int | None


@dataclass
class ReadResult:
    """Good documents, the problems of bad records, and each file's detected encoding."""

    documents: list[SourcedDocument] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encodings: dict[str, str] = field(default_factory=dict)
    #: What the file held that was left out on purpose, with counts (rejected answers ...).
    notes: list[str] = field(default_factory=list)

    def extend(self, other: ReadResult) -> None:
        """Add another result (another file of the same folder) to this one."""
        self.documents.extend(other.documents)
        self.problems.extend(other.problems)
        self.encodings.update(other.encodings)
        self.notes.extend(other.notes)


@dataclass(frozen=True, kw_only=True)
class WriteOptions:
    """How an export is written; token formats use scheme/columns/whole_tokens/nested."""

    scheme: Scheme = "iob2"
    conll_columns: Literal[2, 4] = 2
    whole_tokens: bool = False
    nested: bool = False
    #: The project's label names: a tag list (hf) covers all of them, so that the parts of a
    #: split export, which may each lack some label, share one list.
    labels: tuple[str, ...] = ()


@dataclass
class WriteReport:
    """What an export wrote, and every span or event it could not hold."""

    files: list[Path] = field(default_factory=list)
    documents: int = 0
    spans: int = 0
    dropped: list[Problem] = field(default_factory=list)


class Format(ABC):
    """One exchange format: reads files into documents and/or writes documents to files."""

    name: str
    description: str
    extensions: tuple[str, ...]
    can_read: bool = True
    can_write: bool = True
    #: True when ``write`` makes a folder of files at ``out`` (brat, txt), not one file.
    writes_folder: bool = False

    def read(self, path: Path) -> ReadResult:
        """Read a file (or a folder) into documents; bad records become problems."""
        raise FormatError([Problem(str(path), None,
                                   Message("format.cannot_read", format=self.name))])

    @abstractmethod
    def write(self, documents: Iterable[Document], out: Path, options: WriteOptions) -> WriteReport:
        """Write documents to ``out`` atomically."""


# --- file names -------------------------------------------------------------------------------

# Separators, characters Windows refuses, controls, and bidi controls (a U+202E in a name
# shows "evil\u202etxt.exe" as "evilexe.txt").
_UNSAFE = re.compile('[\x00-\x1f\x7f/\\\\:*?"<>|\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{i}" for p in ("COM", "LPT")
                                                    for i in range(1, 10)}
_MAX_NAME = 120  # code points; Arabic takes two UTF-8 bytes each and most file systems allow 255


def safe_name(name: str) -> str:
    """A file name stem made from a document name: no separators, no ``..``, not hidden."""
    cleaned = _UNSAFE.sub("_", unicodedata.normalize("NFC", name))
    # A leading dot would hide the file or make ".." ; trailing dots and spaces break Windows.
    cleaned = cleaned.strip().lstrip(".").rstrip(". ")
    cleaned = cleaned[:_MAX_NAME].rstrip(". ")
    if not cleaned:
        cleaned = "document"
    if cleaned.split(".")[0].upper() in _WINDOWS_RESERVED:
        cleaned = "_" + cleaned
    return cleaned


class NameAllocator:
    """Hands out distinct safe file stems (case-insensitively, for Windows and macOS)."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def take(self, name: str) -> str:
        """A safe stem for ``name`` not given out before."""
        base = safe_name(name)
        stem = base
        n = 2
        while stem.casefold() in self._used:
            stem = f"{base}-{n}"
            n += 1
        self._used.add(stem.casefold())
        return stem


# --- atomic output ----------------------------------------------------------------------------


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def usual_mode(*, folder: bool) -> int:
    """The mode ``open``/``mkdir`` would give under the current umask (mkstemp and mkdtemp
    make private 0600/0700 files, which an exported dataset must not stay)."""
    return (0o777 if folder else 0o666) & ~_umask()


def write_atomic(out: Path, data: bytes) -> None:
    """Write ``data`` to ``out`` through a temporary file beside it and ``os.replace``.

    A device or a named pipe (``-o /dev/stdout``) is written into: replacing it would swap the
    device, or the link to it, for a plain file.
    """
    if out.exists() and not out.is_file() and not out.is_dir():
        with out.open("wb") as fh:
            fh.write(data)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, usual_mode(folder=False))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_lines(out: Path, lines: Iterable[str]) -> None:
    """Write ``lines`` to ``out`` atomically as UTF-8 (no BOM), each ended by ``\\n``."""
    write_atomic(out, "".join(line + "\n" for line in lines).encode("utf-8"))


@contextmanager
def atomic_folder(out: Path, *, allowed_suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Build a folder export in a temporary folder beside ``out``, then swap it in.

    An existing ``out`` is replaced only when it holds nothing but files with
    ``allowed_suffixes`` (an earlier export): a user's unrelated folder is never wiped.
    """
    if out.exists():
        if not out.is_dir():
            raise FormatError([Problem(str(out), None, Message("folder.not_folder"))])
        foreign = [p.name for p in out.iterdir() if not (p.is_file()
                                                         and p.suffix in allowed_suffixes)]
        if foreign:
            raise FormatError([Problem(
                str(out), None,
                Message("folder.foreign", names=", ".join(sorted(foreign)[:3])))])
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp"))
    try:
        tmp.chmod(usual_mode(folder=True))
        yield tmp
        if out.exists():
            old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".old"))
            os.replace(out, old / "x")
            os.replace(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def folder_files(folder: Path, pattern: str) -> tuple[list[Path], list[Problem]]:
    """The files of ``folder`` matching ``pattern``, sorted by name, and a problem for each
    match that is not a readable file: a symbolic link that loops or points nowhere, a
    folder. Such entries were skipped without a word before, which lost documents."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob(pattern)):
        try:
            is_dir = path.stat().st_mode & 0o170000 == 0o040000
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                why = Message("folder.link_loop")
            elif path.is_symlink():
                why = Message("folder.link_dangling", target=os.readlink(path))
            else:
                why = Message("file.cannot_read", reason=str(exc.strerror or exc))
            problems.append(Problem(str(path), None, why))
            continue
        if is_dir:
            problems.append(Problem(str(path), None, Message("folder.subfolder")))
            continue
        files.append(path)
    return files, problems


def record_name(given: object, default: str) -> str:
    """A document's name: the record's own id (string or integer) if it has one, else default."""
    if isinstance(given, str) and given.strip():
        return given
    if isinstance(given, int) and not isinstance(given, bool):
        return str(given)
    return default


# --- shared reading helpers -------------------------------------------------------------------

@lru_cache(maxsize=1)
def default_roles() -> Mapping[str, str]:
    """Label -> role, from the label schema shipped with the program: how a file read
    before it meets a project names the roles of its relations."""
    from annotator.core.labels import load_schema
    from annotator.paths import default_schema_path

    return load_schema(default_schema_path()).roles


def relation_roles(
    labels: tuple[str, str], roles: Mapping[str, str] | None = None
) -> tuple[str, str]:
    """Role names for the two ends of a binary relation (doccano, Label Studio, brat R lines).

    ``roles`` (label -> role, by default the shipped schema's) names them when both ends
    carry labels that fill different roles (ACTOR -> actor ...), whatever their case;
    otherwise they are ``arg1`` and ``arg2``, in brat's manner.
    """
    by_label = {k.upper(): v for k, v in (default_roles() if roles is None else roles).items()}
    found = (by_label.get(labels[0].upper()), by_label.get(labels[1].upper()))
    if found[0] and found[1] and found[0] != found[1]:
        return found[0], found[1]
    return "arg1", "arg2"


def is_int(value: object) -> bool:
    """True for a JSON integer (not a bool)."""
    return isinstance(value, int) and not isinstance(value, bool)
