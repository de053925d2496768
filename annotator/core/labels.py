"""Label schema files: load, validate, and report every problem at once."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from annotator.core.model import Label, LabelSchema

_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
# Any name other tools use (brat "Person", Label Studio "Date", Arabic names): one word, no
# whitespace or control characters; 64 characters is the store's column.
_NAME = re.compile(r"^[^\s\x00-\x1f\x7f-\x9f]{1,64}$")
_TOP_KEYS = {"name", "version", "description", "labels", "event_types"}
_LABEL_KEYS = {"name", "key", "color", "name_ar", "name_en"}


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
        for key in sorted(set(item) - _LABEL_KEYS):
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
        labels.append(Label(lname, lkey, color, item["name_ar"], item["name_en"]))
    events = raw.get("event_types", [])
    if not isinstance(events, list) or not all(isinstance(e, str) and e for e in events):
        problems.append("'event_types' must be a list of non-empty strings")
        events = []
    elif len(set(events)) != len(events):
        problems.append("'event_types' has duplicates")
    if problems:
        raise SchemaError(source, problems)
    assert isinstance(name, str)
    return LabelSchema(name=name, labels=tuple(labels), event_types=tuple(events))


def schema_to_dict(schema: LabelSchema) -> dict[str, Any]:
    """The JSON form of a schema (what the store keeps with a project)."""
    return {
        "name": schema.name,
        "labels": [
            {"name": lb.name, "key": lb.key, "color": lb.color, "name_ar": lb.name_ar,
             "name_en": lb.name_en}
            for lb in schema.labels
        ],
        "event_types": list(schema.event_types),
    }
