"""Label schema files: load, validate, and report every problem at once."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from annotator.core.model import ROLES, EventType, Label, LabelSchema

_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
# Any name other tools use (brat "Person", Label Studio "Date", Arabic names): one word, no
# whitespace or control characters; 64 characters is the store's column.
_NAME = re.compile(r"^[^\s\x00-\x1f\x7f-\x9f]{1,64}$")
_TOP_KEYS = {"name", "version", "description", "labels", "event_types"}
_LABEL_KEYS = {"name", "key", "color", "name_ar", "name_en"}
_LABEL_OPTIONAL = {"role"}
_EVENT_TYPE_KEYS = {"name", "name_ar", "name_en"}


class SchemaError(ValueError):
    """A label schema is invalid; ``problems`` lists every reason."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


def load_schema(path: Path) -> LabelSchema:
    """Read and validate a schema JSON file."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise SchemaError(str(path), [f"line {exc.lineno}: invalid JSON: {exc.msg}"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError(str(path), [f"cannot read: {exc}"]) from None
    return parse_schema(raw, source=str(path))


def parse_schema(raw: Any, *, source: str = "<schema>") -> LabelSchema:
    """Validate a decoded schema object and build a LabelSchema."""
    problems: list[str] = []
    if not isinstance(raw, Mapping):
        raise SchemaError(source, ["the schema must be a JSON object"])
    for key in sorted(set(raw) - _TOP_KEYS):
        problems.append(f"unknown key {key!r} (allowed: {', '.join(sorted(_TOP_KEYS))})")
    name = raw.get("name")
    if not isinstance(name, str) or not name:
        problems.append("'name' must be a non-empty string")
    labels_raw = raw.get("labels")
    labels: list[Label] = []
    if not isinstance(labels_raw, list) or not labels_raw:
        problems.append("'labels' must be a non-empty list")
        labels_raw = []
    seen_names: set[str] = set()
    seen_keys: set[str] = set()
    for i, item in enumerate(labels_raw, 1):
        where = f"label {i}"
        if not isinstance(item, Mapping):
            problems.append(f"{where}: must be an object")
            continue
        for key in sorted(set(item) - _LABEL_KEYS - _LABEL_OPTIONAL):
            problems.append(f"{where}: unknown key {key!r}")
        missing = [k for k in sorted(_LABEL_KEYS) if not isinstance(item.get(k), str)]
        if missing:
            problems.append(f"{where}: missing or non-string {', '.join(missing)}")
            continue
        lname, lkey, color = item["name"], item["key"], item["color"]
        where = f"label {i} ({lname})"
        if not _NAME.match(lname):
            problems.append(f"{where}: a name must be 1 to 64 characters without spaces or "
                            "control characters")
        if lname in seen_names:
            problems.append(f"{where}: duplicate label {lname!r}")
        seen_names.add(lname)
        if len(lkey) != 1 or not (lkey.isdigit() or lkey.isalpha()):
            problems.append(f"{where}: key must be one letter or digit, got {lkey!r}")
        elif lkey in seen_keys:
            problems.append(f"{where}: key {lkey!r} is already used")
        seen_keys.add(lkey)
        if not _COLOR.match(color):
            problems.append(f"{where}: bad colour {color!r} (use #RRGGBB)")
        role = item.get("role")
        if role is not None and role not in ROLES:
            problems.append(f"{where}: role must be one of {', '.join(ROLES)}, got {role!r}")
            role = None
        labels.append(Label(lname, lkey, color, item["name_ar"], item["name_en"], role))
    events, details = _event_types(raw.get("event_types", []), problems)
    if problems:
        raise SchemaError(source, problems)
    assert isinstance(name, str)
    return LabelSchema(name=name, labels=tuple(labels), event_types=events,
                       event_type_names=details)


def _event_types(raw: Any, problems: list[str]) -> tuple[tuple[str, ...], tuple[EventType, ...]]:
    """Event types: a name, or an object with the name and its Arabic and English names."""
    if not isinstance(raw, list):
        problems.append("'event_types' must be a list")
        return (), ()
    names: list[str] = []
    details: list[EventType] = []
    for i, item in enumerate(raw, 1):
        where = f"event type {i}"
        if isinstance(item, str) and item:
            names.append(item)
            continue
        if not isinstance(item, Mapping):
            problems.append(f"{where}: must be a non-empty string or an object with "
                            f"{', '.join(sorted(_EVENT_TYPE_KEYS))}")
            continue
        for key in sorted(set(item) - _EVENT_TYPE_KEYS):
            problems.append(f"{where}: unknown key {key!r}")
        missing = [k for k in sorted(_EVENT_TYPE_KEYS)
                   if not isinstance(item.get(k), str) or not item[k].strip()]
        if missing:
            problems.append(f"{where}: missing or empty {', '.join(missing)}")
            continue
        names.append(item["name"])
        details.append(EventType(item["name"], item["name_ar"], item["name_en"]))
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        problems.append(f"'event_types' has duplicates: {', '.join(duplicates)}")
    return tuple(names), tuple(details)


def schema_to_dict(schema: LabelSchema) -> dict[str, Any]:
    """The JSON form of a schema (what the store keeps with a project)."""
    labels: list[dict[str, Any]] = []
    for lb in schema.labels:
        item: dict[str, Any] = {"name": lb.name, "key": lb.key, "color": lb.color,
                                "name_ar": lb.name_ar, "name_en": lb.name_en}
        if lb.role is not None:
            item["role"] = lb.role
        labels.append(item)
    named = {t.name: t for t in schema.event_type_names}
    event_types: list[Any] = [
        {"name": n, "name_ar": named[n].name_ar, "name_en": named[n].name_en} if n in named
        else n
        for n in schema.event_types
    ]
    return {"name": schema.name, "labels": labels, "event_types": event_types}

