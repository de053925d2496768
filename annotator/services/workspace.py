"""The project-wide jobs of the window (import, export, corpus search, counts) over one project.

The window knows no store: it holds a Workspace, which calls the same services the command line
calls (importing, exporting, searching, stats) with the session's repository and project. No
second implementation lives here, only the binding to one project.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from annotator.core.model import DocStatus
from annotator.formats import FORMAT_INFO, format_names
from annotator.services.progress import ProgressFn, no_progress
from annotator.services.searching import SearchHit, search_corpus
from annotator.services.session import AnnotationSession
from annotator.services.stats import project_stats

if TYPE_CHECKING:
    # Imported where used: the window holds a workspace from its start, and imports or
    # exports nothing until asked (ADR 0015).
    from annotator.formats.base import WriteOptions
    from annotator.services.child_jobs import ChildJob, Method
    from annotator.services.exporting import ExportReport
    from annotator.services.importing import ImportReport
    from annotator.store.repository import Repository


def readable_formats() -> list[str]:
    """Registry names of the formats an import can read."""
    return format_names(read=True)


def writable_formats() -> list[str]:
    """Registry names of the formats an export can write."""
    return format_names(write=True)


def format_description(name: str) -> str:
    """One line about a format, for choosers."""
    return FORMAT_INFO[name].description


class Workspace:
    """One project's import, export, search and counts, for the window."""

    def __init__(self, repository: Repository, project_id: int) -> None:
        self.repository = repository
        self.project_id = project_id

    @classmethod
    def of(cls, session: AnnotationSession) -> Workspace:
        """The workspace of a session's project (the session's repository is the store's)."""
        return cls(cast("Repository", session.repository), session.project_id)

    def child_job(self, method: Method, **arguments: Any) -> ChildJob | None:
        """``method(**arguments)`` to run in a child process; None for an in-memory database,
        which another process cannot open."""
        url = self.repository.url
        if url.startswith("sqlite") and (url.endswith(":memory:") or url.rstrip("/") == "sqlite:"):
            return None
        from annotator.services.child_jobs import ChildJob

        return ChildJob(url, self.project_id, method, dict(arguments))

    def import_files(
        self,
        paths: Sequence[Path],
        *,
        fmt: str = "auto",
        label_map: Mapping[str, str] | None = None,
        add_labels: bool = False,
        progress: ProgressFn = no_progress,
    ) -> ImportReport:
        """services.importing.import_paths into this project (ImportRefused: nothing stored)."""
        from annotator.services.importing import import_paths

        return import_paths(
            self.repository, paths, fmt=fmt, project=self.project_id, label_map=label_map,
            add_labels=add_labels, progress=progress,
        )

    def export(
        self,
        *,
        fmt: str,
        out: Path,
        options: WriteOptions,
        status: DocStatus | None = None,
        split: tuple[int, int, int] | None = None,
        seed: int = 0,
        progress: ProgressFn = no_progress,
    ) -> ExportReport:
        """services.exporting.export_documents of this project (ExportRefused: nothing written)."""
        from annotator.services.exporting import export_documents

        return export_documents(
            self.repository, fmt=fmt, out=out, options=options, project=self.project_id,
            status=status, split=split, seed=seed, progress=progress,
        )

    def search(self, query: str, *, limit: int | None = None) -> list[SearchHit]:
        """services.searching.search_corpus over this project."""
        return search_corpus(self.repository, query, project=self.project_id, limit=limit)

    def labels_at(self, hits: Sequence[SearchHit]) -> list[tuple[str, ...]]:
        """For each hit, the labels of the spans already overlapping it (one read per document)."""
        spans_of: dict[int, list[tuple[int, int, str]]] = {}
        out: list[tuple[str, ...]] = []
        for hit in hits:
            if hit.document_id not in spans_of:
                document = self.repository.get_document(hit.document_id)
                spans_of[hit.document_id] = [(s.start, s.end, s.label) for s in document.spans]
            out.append(tuple(dict.fromkeys(
                label for start, end, label in spans_of[hit.document_id]
                if start < hit.end and hit.start < end
            )))
        return out

    def stats(self) -> dict[str, Any]:
        """services.stats.project_stats of this project."""
        return project_stats(self.repository, project=self.project_id)
