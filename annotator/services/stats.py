"""Project counts: documents by status, spans by label and by annotator, as data and as text."""

from __future__ import annotations

from typing import Any, Protocol

from annotator.core.model import DOC_STATUSES, LabelSchema


class StatsSource(Protocol):
    """Where the counts come from: the Repository, or the command line's SQLite reader."""

    def default_project(self) -> int: ...
    def stats(self, project_id: int) -> dict[str, Any]: ...
    def project_schema(self, project_id: int) -> LabelSchema: ...


class DaySource(Protocol):
    """Where spans per day come from (the Repository)."""

    def default_project(self) -> int: ...
    def spans_per_day(self, project_id: int) -> dict[str, dict[str, int]]: ...


def project_stats(repo: StatsSource, *, project: int | None = None) -> dict[str, Any]:
    """The store's counts, with every status and every schema label present (zero if unused)."""
    pid = repo.default_project() if project is None else project
    raw = repo.stats(pid)
    schema = repo.project_schema(pid)
    by_status = {status: 0 for status in DOC_STATUSES}
    by_status.update(raw.get("by_status", {}))
    by_label = {name: 0 for name in schema.names}
    by_label.update(raw.get("by_label", {}))
    return {
        "documents": raw.get("documents", 0),
        "by_status": by_status,
        "spans": raw.get("spans", 0),
        "by_label": by_label,
        "by_annotator": dict(sorted(raw.get("by_annotator", {}).items())),
    }


def spans_per_day(repo: DaySource, *, project: int | None = None) -> dict[str, dict[str, int]]:
    """Spans created per day, per annotator: annotator -> YYYY-MM-DD -> count (days with
    none left out)."""
    pid = repo.default_project() if project is None else project
    return repo.spans_per_day(pid)


def daily_totals(per_annotator: dict[str, dict[str, int]]) -> dict[str, int]:
    """Every annotator's spans per day added up, in date order."""
    total: dict[str, int] = {}
    for days in per_annotator.values():
        for day, n in days.items():
            total[day] = total.get(day, 0) + n
    return dict(sorted(total.items()))


def render_stats(stats: dict[str, Any]) -> str:
    """A plain-text table of ``project_stats``' result, for the terminal."""
    rows: list[tuple[str, int]] = [("documents", stats["documents"])]
    rows += [(f"  {status}", n) for status, n in stats["by_status"].items()]
    rows.append(("spans", stats["spans"]))
    rows += [(f"  {label}", n) for label, n in stats["by_label"].items()]
    lines = [f"{name:<20}{n:>8}" for name, n in rows]
    if stats["by_annotator"]:
        lines.append("spans by annotator")
        lines += [f"  {name:<18}{n:>8}" for name, n in stats["by_annotator"].items()]
    return "\n".join(lines)
