"""Export job: pick the documents, optionally split them, write them with a format, atomically.

A split export writes ``OUT/train<ext>``, ``OUT/dev<ext>`` and ``OUT/test<ext>`` (formats that
write a folder, and spaCy's parts, give ``OUT/train/`` ...; side files such as a tag list go
beside them). Every part
is written into a temporary folder beside OUT first and moved into place only when all parts
succeeded, so a failed export leaves no parts.
"""

from __future__ import annotations

import gc
import os
import random
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

from annotator.core.messages import Message
from annotator.core.model import DocStatus, Document, LabelSchema, without_suggestions
from annotator.formats import FORMATS
from annotator.formats.base import Problem, WriteOptions
from annotator.services.progress import ProgressFn, no_progress

if TYPE_CHECKING:
    from annotator.core.token_template import StoredTemplate, TokenTemplate
    from annotator.formats.base import WriteReport
    from annotator.formats.conll import ConllSource
    from annotator.store.repository import Repository
    from annotator.store.sql_reads import ExportRow

T = TypeVar("T")
Part = Literal["train", "dev", "test"]
PARTS: tuple[Part, ...] = ("train", "dev", "test")


class ExportRefused(Exception):
    """Nothing was written; ``problems`` say why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.file}:{p.line}: {p.message}" for p in problems))


class TemplatesMissing(Exception):
    """A CoNLL export asked to use kept token templates only met a document without one:
    nothing was written, and the caller exports from a source that can keep the templates it
    makes (the command line: the store, ADR 0022)."""


@dataclass(frozen=True, slots=True)
class ExportReport:
    """What an export wrote: files, counts, and every span a flat format could not hold."""

    files: list[Path]
    documents: int
    spans: int
    dropped: list[Problem]
    parts: dict[str, int] = field(default_factory=dict)
    suggestions_left_out: int = 0


def parse_split(text: str) -> tuple[int, int, int]:
    """``"80/10/10"`` -> (80, 10, 10); ValueError with a readable reason otherwise."""
    pieces = text.split("/")
    if len(pieces) != 3:
        raise ValueError(Message("split.three", split=repr(text)))
    try:
        numbers = tuple(int(p) for p in pieces)
    except ValueError:
        raise ValueError(Message("split.whole", split=repr(text))) from None
    if any(n < 0 for n in numbers) or sum(numbers) != 100:
        raise ValueError(Message("split.hundred", split=repr(text)))
    return numbers[0], numbers[1], numbers[2]


def split_items(
    items: Sequence[T], ratios: tuple[int, int, int], *, seed: int
) -> dict[Part, list[T]]:
    """Shuffle ``items`` with ``seed`` and cut them into train/dev/test by ``ratios`` (percent).

    The same items in the same order with the same seed always give the same parts; callers
    pass documents sorted by a stable key so that the database's order does not matter.
    """
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    n = len(items)
    n_train = round(n * ratios[0] / 100)
    n_dev = min(n - n_train, round(n * ratios[1] / 100))
    if ratios[2] == 0:  # rounding must not push a document into a part the user asked to be empty
        n_dev = n - n_train
    cuts = {"train": order[:n_train], "dev": order[n_train : n_train + n_dev],
            "test": order[n_train + n_dev :]}
    # Inside a part, keep the original order: exports read best in corpus order.
    return {part: [items[i] for i in sorted(cuts[part])] for part in PARTS}


class ExportSource(Protocol):
    """What the checks and the CoNLL export read: the store (``Repository``) or, on the
    command line, a read-only snapshot over the bare driver (``SnapshotReader``, ADR 0015)."""

    def default_project(self) -> int: ...
    def annotators(self) -> list[str]: ...
    def stats(self, project_id: int) -> dict[str, Any]: ...
    def project_schema(self, project_id: int) -> LabelSchema: ...

    def iter_export_rows(
        self, project_id: int, *, version: int, status: DocStatus | None = None,
        annotator: str | None = None, include_suggestions: bool = False,
        batch_size: int = 500,
    ) -> Iterator[ExportRow]: ...

    def save_token_templates(
        self, templates: Sequence[tuple[int, str, StoredTemplate]], *, version: int
    ) -> bool: ...


def _checked(
    source: ExportSource, *, fmt: str, out: Path, options: WriteOptions, project: int | None,
    status: DocStatus | None, annotator: str | None,
) -> tuple[int, int, WriteOptions]:
    """(project, documents to export, options with the schema's labels), or ExportRefused."""
    if fmt not in FORMATS or not FORMATS[fmt].can_write:
        raise ExportRefused([Problem(str(out), None,
                                     Message("export.no_format", format=repr(fmt)))])
    pid = source.default_project() if project is None else project
    if annotator is not None and annotator not in (known := source.annotators()):
        # The filter keeps that annotator's spans: a typo would export empty documents.
        raise ExportRefused([Problem(
            str(out), None,
            Message("export.no_annotator", name=repr(annotator),
                    known=", ".join(known) or "none"))])
    counts = source.stats(pid)
    total = counts["by_status"].get(status, 0) if status is not None else counts["documents"]
    if not total:
        raise ExportRefused([Problem(
            str(out), None,
            Message("export.no_documents_with", status=status) if status
            else Message("export.no_documents"))])
    if not options.labels:
        # One tag list for every part of a split: the schema's labels, not each part's.
        options = replace(options, labels=source.project_schema(pid).names)
    return pid, total, options


def export_documents(
    repo: Repository,
    *,
    fmt: str,
    out: Path,
    options: WriteOptions,
    project: int | None = None,
    status: DocStatus | None = None,
    annotator: str | None = None,
    split: tuple[int, int, int] | None = None,
    seed: int = 0,
    include_suggestions: bool = False,
    progress: ProgressFn = no_progress,
) -> ExportReport:
    """Write the project's documents (filtered by status/annotator) to ``out`` with ``fmt``.

    Suggested spans (unreviewed proposals) are left out unless ``include_suggestions``.
    """
    if split is None and fmt == "conll":
        return export_conll(repo, out=out, options=options, project=project, status=status,
                            annotator=annotator, include_suggestions=include_suggestions,
                            progress=progress)
    pid, total, options = _checked(repo, fmt=fmt, out=out, options=options, project=project,
                                   status=status, annotator=annotator)
    left_out = 0
    read = 0

    def prepared(documents: Iterable[Document]) -> Iterator[Document]:
        # Documents are read in batches and handed on one by one: memory does not grow with
        # the corpus, with or without a split.
        nonlocal left_out, read
        for doc in documents:
            if not include_suggestions:
                doc, n = without_suggestions(doc)
                left_out += n
            read += 1
            if read % 100 == 0 or read == total:
                progress("reading documents", read, total)
            yield doc

    progress("reading documents", 0, total)
    if split is None:
        report = _write(prepared(repo.iter_documents(pid, status=status, annotator=annotator)),
                        out, fmt=fmt, options=options, progress=progress)
    else:
        # The split shuffles ids sorted by content hash (and name): independent of ids and of
        # the database's order, so the same documents give the same parts in any copy of the
        # project. Only then are the documents read, part after part, in that order.
        keys = sorted(repo.document_keys(pid, status=status), key=lambda k: (k[1], k[2]))
        id_parts = split_items([doc_id for doc_id, _, _ in keys], split, seed=seed)

        def reader(ids: list[int]) -> Callable[[], Iterator[Document]]:
            return lambda: prepared(repo.iter_documents_by_id(ids, annotator=annotator))

        sizes = {part: len(ids) for part, ids in id_parts.items()}
        if fmt == "conll":
            # The kept token templates serve each part as they serve a whole export.
            return _write_conll_split(repo, id_parts, sizes, out, options=options,
                                      annotator=annotator, total=total,
                                      include_suggestions=include_suggestions,
                                      progress=progress)
        report = _write_split({part: reader(ids) for part, ids in id_parts.items()},
                              sizes, out, fmt=fmt, options=options, progress=progress)
    return replace(report, suggestions_left_out=left_out)


def _write_conll_split(
    repo: Repository,
    id_parts: dict[Part, list[int]],
    sizes: dict[Part, int],
    out: Path,
    *,
    options: WriteOptions,
    annotator: str | None,
    total: int,
    include_suggestions: bool,
    progress: ProgressFn,
) -> ExportReport:
    """A split CoNLL export from plain rows and kept token templates, part after part."""
    from annotator.core.token_template import TEMPLATE_VERSION
    from annotator.formats.conll import ConllFormat

    rows = _ConllRows(repo, total, progress)

    def write(part: Part, target: Path) -> WriteReport:
        return ConllFormat().write_sources(
            rows.sources(repo.iter_export_rows_by_id(
                id_parts[part], version=TEMPLATE_VERSION, annotator=annotator,
                include_suggestions=include_suggestions)),
            target, options, rows.made)

    with _no_collector():
        report = _write_split({}, sizes, out, fmt="conll", options=options,
                              progress=progress, write=write)
    rows.finish()
    return replace(report, suggestions_left_out=rows.left_out)


def export_conll(
    source: ExportSource,
    *,
    out: Path,
    options: WriteOptions,
    project: int | None = None,
    status: DocStatus | None = None,
    annotator: str | None = None,
    include_suggestions: bool = False,
    progress: ProgressFn = no_progress,
    templates_kept: bool = False,
) -> ExportReport:
    """``export_documents`` in CoNLL without a split, from the store or a snapshot reader:
    plain rows and cached token templates (docs/adr/0022), the same bytes as the writer
    with documents. ``templates_kept``: every document is expected to have its template;
    the first one without stops the export (``TemplatesMissing``, nothing written)."""
    pid, total, options = _checked(source, fmt="conll", out=out, options=options,
                                   project=project, status=status, annotator=annotator)
    progress("reading documents", 0, total)
    report, left_out = _write_conll(source, pid, out, options=options, status=status,
                                    annotator=annotator, total=total,
                                    include_suggestions=include_suggestions, progress=progress,
                                    templates_kept=templates_kept)
    return replace(report, suggestions_left_out=left_out)


def _write(
    documents: Iterable[Document],
    out: Path,
    *,
    fmt: str,
    options: WriteOptions,
    progress: ProgressFn,
) -> ExportReport:
    writer = FORMATS[fmt]
    _refuse_folder(out, fmt=fmt)
    progress("writing", 0, 1)
    report = writer.write(documents, out, options)
    progress("writing", 1, 1)
    return ExportReport(
        files=list(report.files), documents=report.documents, spans=report.spans,
        dropped=list(report.dropped),
    )


class _ConllRows:
    """The cached CoNLL export's rows as the writer's sources: templates unpacked, the
    suggestions left out counted, progress told, and the templates the writer had to make
    kept for the next export, 500 at a time, while the source can keep them."""

    def __init__(self, source: ExportSource, total: int, progress: ProgressFn, *,
                 templates_kept: bool = False) -> None:
        self.source = source
        self.templates_kept = templates_kept
        self.total = total
        self.progress = progress
        self.left_out = 0
        self.read = 0
        self._hashes: dict[int, str] = {}  # content hashes of the rows without a template
        self._pending: list[tuple[int, str, StoredTemplate]] = []
        self._keeping = True  # until the database refuses them once

    def sources(self, rows: Iterable[ExportRow]) -> Iterator[ConllSource]:
        from annotator.core.token_template import unpack_template
        from annotator.formats.conll import ConllSource

        for row in rows:
            self.left_out += row.suggested
            if row.template is None:
                if self.templates_kept:
                    raise TemplatesMissing(row.name)
                self._hashes[row.id] = row.content_hash
                template = None
            else:
                template = unpack_template(row.template)
            self.read += 1
            if self.read % 100 == 0 or self.read == self.total:
                self.progress("reading documents", self.read, self.total)
            yield ConllSource(row.id, row.name, row.text, row.spans, template, row.read_text,
                              spans_sorted=False)

    def made(self, conll_source: ConllSource, template: TokenTemplate) -> None:
        from annotator.core.token_template import TEMPLATE_VERSION, pack_template

        digest = self._hashes.pop(conll_source.id)
        if not self._keeping:
            return
        self._pending.append((conll_source.id, digest, pack_template(template)))
        if len(self._pending) >= 500:
            self._keeping = self.source.save_token_templates(self._pending,
                                                             version=TEMPLATE_VERSION)
            self._pending.clear()

    def finish(self) -> None:
        """Keep the templates made since the last 500."""
        from annotator.core.token_template import TEMPLATE_VERSION

        if self._keeping and self._pending:
            self.source.save_token_templates(self._pending, version=TEMPLATE_VERSION)
        self._pending.clear()


@contextmanager
def _no_collector() -> Iterator[None]:
    """The cyclic garbage collector off while the CoNLL writer runs: millions of short-lived
    strings and lists, no cycles among them; the collector's passes over everything alive
    would cost about a quarter of the export."""
    collecting = gc.isenabled()  # a window's job thread has turned it off already
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _write_conll(
    source: ExportSource,
    pid: int,
    out: Path,
    *,
    options: WriteOptions,
    status: DocStatus | None,
    annotator: str | None,
    total: int,
    include_suggestions: bool,
    progress: ProgressFn,
    templates_kept: bool = False,
) -> tuple[ExportReport, int]:
    """The CoNLL export from plain rows and cached token templates. Templates it had to make
    are kept for the next export if the source can keep them. Returns the report and how
    many suggested spans were left out."""
    from annotator.core.token_template import TEMPLATE_VERSION
    from annotator.formats.conll import ConllFormat

    _refuse_folder(out, fmt="conll")
    rows = _ConllRows(source, total, progress, templates_kept=templates_kept)
    progress("writing", 0, 1)
    with _no_collector():
        report = ConllFormat().write_sources(
            rows.sources(source.iter_export_rows(
                pid, version=TEMPLATE_VERSION, status=status, annotator=annotator,
                include_suggestions=include_suggestions)),
            out, options, rows.made)
    rows.finish()
    progress("writing", 1, 1)
    return ExportReport(files=list(report.files), documents=report.documents,
                        spans=report.spans, dropped=list(report.dropped)), rows.left_out


def _refuse_folder(out: Path, *, fmt: str) -> None:
    writer = FORMATS[fmt]
    if out.is_dir() and not writer.writes_folder:
        example = out / f"data{writer.extensions[0] if writer.extensions else ''}"
        raise ExportRefused([Problem(
            str(out), None, Message("export.is_folder", example=str(example)))])


#: Formats whose split parts are folders of files that stream (ADR 0023): spaCy reads a
#: ``.spacy`` file whole, so ``OUT/train/`` holds parts that it reads one at a time.
SHARDED_PARTS = frozenset({"spacy"})


def part_target(folder: Path, part: Part, *, fmt: str) -> Path:
    """Where a format puts part ``part`` of a split export in ``folder``."""
    if fmt in SHARDED_PARTS:
        return folder / part
    extensions = FORMATS[fmt].extensions
    return folder / f"{part}{extensions[0] if extensions else ''}"


def _write_split(
    parts: dict[Part, Callable[[], Iterator[Document]]],
    sizes: dict[Part, int],
    out: Path,
    *,
    fmt: str,
    options: WriteOptions,
    progress: ProgressFn,
    write: Callable[[Part, Path], WriteReport] | None = None,
) -> ExportReport:
    """Each part written into a temporary folder, then all moved into ``out``. ``write``
    writes a part (default: the format's writer over ``parts``' documents)."""
    if out.exists():
        if not out.is_dir():
            raise ExportRefused([Problem(str(out), None, Message("export.split_folder"))])
        # Only an earlier split export may be overwritten, never a user's other files.
        foreign = sorted(p.name for p in out.iterdir() if not p.name.startswith(PARTS))
        if foreign:
            raise ExportRefused([Problem(
                str(out), None, Message("folder.foreign", names=", ".join(foreign[:3])))])
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = FORMATS[fmt]
    dropped: list[Problem] = []
    n_docs = n_spans = 0
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        for i, part in enumerate(PARTS):
            progress("writing", i, len(PARTS))
            target = part_target(tmp, part, fmt=fmt)
            report = (write(part, target) if write is not None
                      else writer.write(parts[part](), target, options))
            if target.is_dir():
                # Folder formats (brat, txt): the part is a folder named after it.
                target.rename(tmp / part)
            n_docs += report.documents
            n_spans += report.spans
            # Messages name the final place of a file, not the temporary one.
            dropped.extend(
                Problem(p.file.replace(str(tmp), str(out), 1), p.line, p.message)
                for p in report.dropped
            )
        progress("writing", len(PARTS), len(PARTS))
        out.mkdir(exist_ok=True)
        files: list[Path] = []
        # Everything the writers made moves, side files too (the tag list of hf).
        for entry in sorted(tmp.iterdir()):
            target = out / entry.name
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            os.replace(entry, target)
            files.append(target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return ExportReport(
        files=files, documents=n_docs, spans=n_spans, dropped=dropped,
        parts={part: sizes[part] for part in PARTS},
    )
