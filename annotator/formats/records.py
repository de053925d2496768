"""Turning one decoded JSON-ish record into a checked Document: shared by the JSON formats."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.core.messages import Message, message_of
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


def record_error(what: str, message_id: str, **params: Any) -> RecordError:
    """RecordError "<what>: <reason>" with the reason ``message_id`` (``what`` names the part
    of the record, "span 3")."""
    return RecordError(Message("record.because", what=what, reason=Message(message_id, **params)))


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
            raise record_error(what, "span.bad_label", label=repr(label))
        if not (is_int(start) and is_int(end)):
            raise record_error(what, "span.bad_offsets", start=repr(start), end=repr(end))
        labelled = Message("item.labelled", what=what, label=label)
        if not 0 <= start < end <= len(self.raw):
            raise record_error(labelled, "span.outside", start=start, end=end,
                               length=len(self.raw))
        if given_text is not None and not isinstance(given_text, str):
            raise record_error(labelled, "span.text_not_string")
        if given_text is not None and self.raw[start:end] != given_text:
            raise RecordError(Message(
                "span.text_mismatch", what=what, label=label, start=start, end=end,
                given=repr(given_text), actual=repr(self.raw[start:end])))
        if self._map is not None:
            start, end = self._map[start], self._map[end]
        try:
            check_offsets(self.text, start, end)
        except OffsetError as exc:  # a span of nothing but "\r"
            raise RecordError(Message("record.because", what=labelled,
                                      reason=message_of(exc))) from None
        return Span(start=start, end=end, label=label, text=self.text[start:end],
                    annotator=annotator, origin=origin, attrs=dict(attrs or {}))


def relation_from(rel_type: Any, from_index: int, to_index: int, *, what: str) -> Relation:
    """A binary relation (doccano, Label Studio, brat ``R`` lines) between two spans."""
    if not isinstance(rel_type, str) or not rel_type.strip():
        raise record_error(what, "relation.bad_type")
    return Relation(type=rel_type, head=from_index, tail=to_index)


def event_from_relation(
    rel_type: Any, from_index: int, to_index: int, spans: list[Span], *, what: str
) -> Event:
    """A binary relation as a two-role event (WebAnno TSV still reads its relations so)."""
    if not isinstance(rel_type, str) or not rel_type.strip():
        raise record_error(what, "relation.bad_type")
    roles = relation_roles((spans[from_index].label, spans[to_index].label))
    return Event(type=rel_type, roles={roles[0]: (from_index,), roles[1]: (to_index,)})
