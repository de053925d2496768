"""The value a DATE span carries in its attributes, and who gave it.

A span whose label fills the "date" role gets ``value``/``precision``/``mod`` from
:func:`annotator.core.dates.normalize_date` when it is made (``normalized_by: "auto"``), counted
from the document's publication date. A value the annotator set is ``normalized_by:
"annotator"`` and no rule ever overwrites it: when the publication date changes, only the
automatic values are computed again.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from annotator.core.dates import DateValue, normalize_date
from annotator.core.model import LabelSchema, Span

NormalizedBy = Literal["auto", "annotator"]
NORMALIZED_BY = "normalized_by"
_VALUE_KEYS = ("value", "precision", "mod", NORMALIZED_BY)


def is_date(schema: LabelSchema, label: str) -> bool:
    """Whether spans of ``label`` fill the "date" role (their text is a date to normalize)."""
    return schema.role_of(label) == "date"


def auto_attrs(
    text: str, published: datetime.date | None, base: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """``base`` with the automatic value of ``text`` (none when a person must decide).

    Without a value the attributes still say ``normalized_by: "auto"``, so a later change of
    the publication date knows the rules may try again.
    """
    out = {k: v for k, v in (base or {}).items() if k not in _VALUE_KEYS}
    value = normalize_date(text, published)
    if value is not None:
        out.update(value.attrs())
    out[NORMALIZED_BY] = "auto"
    return out


def annotator_attrs(value: DateValue | None, base: Mapping[str, Any] | None = None
                    ) -> dict[str, Any]:
    """``base`` with a value the annotator chose (None: they decided there is none)."""
    out = {k: v for k, v in (base or {}).items() if k not in _VALUE_KEYS}
    if value is not None:
        out.update(value.attrs())
    out[NORMALIZED_BY] = "annotator"
    return out


def set_by_annotator(attrs: Mapping[str, Any]) -> bool:
    """Whether the annotator chose this value (no rule may change it)."""
    return attrs.get(NORMALIZED_BY) == "annotator"


def recomputed(
    schema: LabelSchema, spans: Iterable[Span], published: datetime.date | None
) -> dict[int, dict[str, Any]]:
    """New attributes for the stored date spans whose automatic value ``published`` changes.

    The annotator's values are never touched; spans whose value stays the same are left out.
    """
    out: dict[int, dict[str, Any]] = {}
    for span in spans:
        if span.id is None or not is_date(schema, span.label) or set_by_annotator(span.attrs):
            continue
        attrs = auto_attrs(span.text, published, span.attrs)
        if attrs != dict(span.attrs):
            out[span.id] = attrs
    return out


def describe(attrs: Mapping[str, Any]) -> str:
    """A short text for tooltips and lists: "2024-10-24 (day)", "2024-10 (month, START)"."""
    value = DateValue.from_attrs(attrs)
    if value is None:
        return "no value"
    details = value.precision if value.mod is None else f"{value.precision}, {value.mod}"
    who = " · set by hand" if set_by_annotator(attrs) else ""
    return f"{value.value} ({details}){who}"
