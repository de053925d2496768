"""Turning one decoded JSON-ish record into a checked Document: shared by the JSON formats."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import (
    Event,
    OffsetError,
    Relation,
    Span,
    SpanOrigin,
    check_offsets,
    newline_offset_map,
    normalize_newlines,
)
from annotator.formats.base import is_int, relation_roles


class RecordError(ValueError):
    """One record is unusable; the message says why (the caller adds file and line)."""


@dataclass
class TextMapper:
    """A record's text with ``\\r\\n``/``\\r`` made ``\\n`` and offsets mapped to match."""

    raw: str
    text: str = field(init=False)
    _map: list[int] | None = field(init=False)

    def __post_init__(self) -> None:
        if "\r" in self.raw:
            self.text = normalize_newlines(self.raw)
            self._map = newline_offset_map(self.raw)
        else:
            self.text = self.raw
            self._map = None

    def span(
        self,
        start: Any,
        end: Any,
        label: Any,
        given_text: Any = None,
        *,
        origin: SpanOrigin = "imported",
        annotator: str | None = None,
        attrs: Mapping[str, Any] | None = None,
        what: str = "span",
    ) -> Span:
        """A checked span from raw-text offsets; RecordError saying what is wrong."""
        if not isinstance(label, str) or not label.strip():
            raise RecordError(f"{what}: the label must be a non-empty string, got {label!r}")
        if not (is_int(start) and is_int(end)):
            raise RecordError(f"{what}: offsets must be integers, got {start!r} and {end!r}")
        if not 0 <= start < end <= len(self.raw):
            raise RecordError(
                f"{what} ({label}): offsets {start}-{end} are outside the text "
                f"({len(self.raw)} characters)")
        if given_text is not None and not isinstance(given_text, str):
            raise RecordError(f"{what} ({label}): 'text' must be a string")
        if given_text is not None and self.raw[start:end] != given_text:
            raise RecordError(
                f"{what} ({label} {start}-{end}): its text {given_text!r} does not match "
                f"text[{start}:{end}] = {self.raw[start:end]!r}")
        if self._map is not None:
            start, end = self._map[start], self._map[end]
        try:
            check_offsets(self.text, start, end)
        except OffsetError as exc:  # a span of nothing but "\r"
            raise RecordError(f"{what} ({label}): {exc}") from None
        return Span(start=start, end=end, label=label, text=self.text[start:end],
                    annotator=annotator, origin=origin, attrs=dict(attrs or {}))


def relation_from(rel_type: Any, from_index: int, to_index: int, *, what: str) -> Relation:
    """A binary relation (doccano, Label Studio, brat ``R`` lines) between two spans."""
    if not isinstance(rel_type, str) or not rel_type.strip():
        raise RecordError(f"{what}: the relation type must be a non-empty string")
    return Relation(type=rel_type, head=from_index, tail=to_index)


def event_from_relation(
    rel_type: Any, from_index: int, to_index: int, spans: list[Span], *, what: str
) -> Event:
    """A binary relation as a two-role event (WebAnno TSV still reads its relations so)."""
    if not isinstance(rel_type, str) or not rel_type.strip():
        raise RecordError(f"{what}: the relation type must be a non-empty string")
    roles = relation_roles((spans[from_index].label, spans[to_index].label))
    return Event(type=rel_type, roles={roles[0]: (from_index,), roles[1]: (to_index,)})
