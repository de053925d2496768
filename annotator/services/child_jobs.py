"""An import or export run in a child process, reporting through a queue.

Reading a large file (encoding detection, JSON) and storing it spend long stretches in compiled
code that holds the interpreter lock: in a thread of the window's process, the window would
freeze for half a second at a time. A child process has its own interpreter. It opens the same
database by URL, runs the same Workspace method the window would, and sends messages back:

    ("progress", task, done, total)   while it works
    ("done", result)                  the ImportReport or ExportReport
    ("import refused", problems, encodings, importable)
    ("export refused", problems)
    ("cancelled",)                    stopped before it changed anything
    ("failed", kind, message)         an error that is not a refusal (an OSError's words ...)

Cancel is a multiprocessing Event the child's progress reports check
(services.progress.Cancellation), so it stops where a thread would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from annotator.services.exporting import ExportRefused
from annotator.services.importing import ImportRefused
from annotator.services.progress import Cancellation, Cancelled, Flag

Method = Literal["import_files", "export"]


class _Queue(Protocol):
    def put(self, item: Any) -> None: ...


@dataclass(frozen=True)
class ChildJob:
    """What the child runs: ``Workspace(url, project).<method>(**arguments)``."""

    url: str
    project: int
    method: Method
    arguments: dict[str, Any] = field(default_factory=dict)


def run_child_job(job: ChildJob, messages: _Queue, cancel: Flag) -> None:
    """The child's entry point: run ``job`` and put its messages on ``messages``."""
    from annotator.services.workspace import Workspace
    from annotator.store.db import open_database
    from annotator.store.errors import StoreError

    cancellation = Cancellation(flag=cancel)

    def progress(task: str, done: int, total: int | None) -> None:
        messages.put(("progress", task, done, total))

    try:
        repository = open_database(job.url)
    except StoreError as exc:
        messages.put(("failed", type(exc).__name__, str(exc)))
        return
    try:
        workspace = Workspace(repository, job.project)
        method = getattr(workspace, job.method)
        result = method(**job.arguments, progress=cancellation.watch(progress))
    except Cancelled:
        messages.put(("cancelled",))
    except ImportRefused as exc:
        messages.put(("import refused", exc.problems, exc.encodings, exc.importable))
    except ExportRefused as exc:
        messages.put(("export refused", exc.problems))
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        messages.put(("failed", type(exc).__name__, f"{where}{exc.strerror or exc}"))
    except Exception as exc:  # a refusal of the store, or a bug: said, and logged by the window
        messages.put(("failed", type(exc).__name__, str(exc)))
    else:
        messages.put(("done", result))
    finally:
        repository.close()


def rebuild(message: tuple[Any, ...]) -> tuple[str, object]:
    """A final message as (outcome, payload) the way a job in a thread ends."""
    kind = message[0]
    if kind == "done":
        return "done", message[1]
    if kind == "cancelled":
        return "cancelled", None
    if kind == "import refused":
        return "failed", ImportRefused(message[1], encodings=message[2], importable=message[3])
    if kind == "export refused":
        return "failed", ExportRefused(message[1])
    return "failed", ChildJobFailed(message[1], message[2])


class ChildJobFailed(Exception):
    """The child ended with an error that is not a refusal: its kind and its words."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
