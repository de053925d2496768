"""Exchange formats: files to ``annotator.core.model`` documents and back (no Qt, no database).

``FORMATS`` is the explicit registry the import and export services use (``registry.py``:
each format's module is imported when the format is first used, not with this package).
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.messages import Message
from annotator.formats.base import (
    Format,
    FormatError,
    Problem,
    ReadResult,
    SourcedDocument,
    WriteOptions,
    WriteReport,
)
from annotator.formats.registry import FORMAT_INFO, FORMATS, FormatInfo, format_names

__all__ = [
    "FORMATS",
    "FORMAT_INFO",
    "Format",
    "FormatError",
    "FormatInfo",
    "Problem",
    "ReadResult",
    "SourcedDocument",
    "WriteOptions",
    "WriteReport",
    "detect_format",
    "format_names",
]

_DOCCANO_KEYS = {"label", "labels", "entities"}
# doccano writes "meta" and annotator keys too; only these are the project's JSONL alone.
_JSONL_KEYS = {"spans", "events", "status"}
# Prodigy's tasks: the annotator's answer and the hashes it dedupes by.
_PRODIGY_KEYS = {"answer", "_task_hash", "_input_hash"}


def _first_json_line(path: Path) -> object:
    from annotator.formats.jsonlines import JsonProblem, loads
    from annotator.formats.textio import read_head

    for line in read_head(path, lines=1).split("\n"):
        if line.strip():
            try:
                return loads(line)
            except JsonProblem:
                return None
    return None


def _looks_like_conll(path: Path) -> bool:
    """True when a file's first lines are ``TOKEN ... TAG`` rows (ANERcorp ships as .txt)."""
    from annotator.core.tagging import TAG_RE
    from annotator.formats.textio import read_head

    try:
        lines = [line.split() for line in read_head(path, lines=50).split("\n", 50)[:50]]
    except FormatError:
        return False
    rows = [parts for parts in lines if parts and parts[0] != "-DOCSTART-"]
    return len(rows) >= 3 and all(len(p) >= 2 and TAG_RE.match(p[-1]) for p in rows)


def detect_format(path: Path) -> str:
    """The registry name of the format of ``path`` (``--format auto``); FormatError if unclear."""
    # Here, not at the top: listing the formats must not import the readers (start-up time).
    from annotator.formats.textio import read_head, read_text

    def unclear(why: Message) -> FormatError:
        names = ", ".join(format_names(read=True))
        return FormatError([Problem(str(path), None,
                                    Message("format.unclear", why=why, names=names))])

    if path.is_dir():
        if any(path.glob("*.ann")):
            return "brat"
        if any(path.glob("*.tsv")) and not any(path.glob("*.txt")):
            return "webanno"
        if any(path.glob("*.txt")):
            return "txt"
        raise unclear(Message("format.unclear_folder"))
    if not path.exists():
        raise FormatError([Problem(str(path), None, Message("path.missing"))])
    suffix = path.suffix.lower()
    if suffix == ".ann" or (suffix == ".txt" and path.with_suffix(".ann").exists()):
        return "brat"
    if suffix == ".txt":
        return "conll" if _looks_like_conll(path) else "txt"
    if suffix == ".csv":
        return "csv"
    if suffix in FORMAT_INFO["conll"].extensions:
        # Here only: the WebAnno reader loads the tagger and the tokenizer (regex), which a
        # JSONL import does not need.
        from annotator.formats.webanno import MARK as WEBANNO_MARK

        # INCEpTION's .tsv files are WebAnno TSV, told by their first line.
        return "webanno" if read_head(path, lines=1).startswith(WEBANNO_MARK) else "conll"
    if suffix == ".jsonl":
        first = _first_json_line(path)
        if isinstance(first, dict):
            keys = set(first)
            if keys & _PRODIGY_KEYS and "text" in keys:
                return "prodigy"
            if keys & _DOCCANO_KEYS and not keys & _JSONL_KEYS:
                return "doccano"
            if "text" in keys:
                return "jsonl"
        raise unclear(Message("format.unclear_jsonl"))
    if suffix == ".json":
        text = read_text(path).text.lstrip()
        # Label Studio's JSON ({"data": ...} tasks) and JSON-MIN ({"text": ...} rows).
        if text.startswith(("[", "{")) and ('"data"' in text[:100000]
                                            or '"text"' in text[:100000]):
            return "labelstudio"
        raise unclear(Message("format.unclear_json"))
    raise unclear(Message("format.unclear_extension",
                           extension=repr(path.suffix or "(none)")))
