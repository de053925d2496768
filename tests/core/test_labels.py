"""Label schemas: roles of labels, event types with display names, every problem at once."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from annotator.core.labels import SchemaError, load_schema, parse_schema, schema_to_dict
from annotator.core.model import EventType
from annotator.formats.base import relation_roles
from annotator.paths import default_schema_path


def shipped() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(default_schema_path().read_text(encoding="utf-8"))
    return raw


def problems_of(raw: Any) -> list[str]:
    with pytest.raises(SchemaError) as exc:
        parse_schema(raw)
    return exc.value.problems


def test_shipped_schema_names_a_label_for_every_role() -> None:
    schema = load_schema(default_schema_path())
    assert schema.roles == {"ACTOR": "actor", "TARGET": "target", "LOCATION": "location",
                            "DATE": "date"}
    assert schema.role_of("LOCATION") == "location"
    assert schema.role_of("NOPE") is None
    assert schema.labels_for("date") == ("DATE",)


def test_shipped_schema_lists_the_six_acled_types_with_arabic_names() -> None:
    schema = load_schema(default_schema_path())
    assert schema.event_types == (
        "Air/drone strike", "Shelling/artillery/missile attack", "Armed clash",
        "Remote explosive/landmine/IED", "Disrupted weapons use", "Attack")
    assert schema.event_type("Armed clash") == EventType("Armed clash", "اشتباك مسلح",
                                                         "Armed clash")
    for name in schema.event_types:
        info = schema.event_type(name)
        assert info.name_en == name
        assert any("\u0600" <= ch <= "\u06ff" for ch in info.name_ar), name


def test_schema_round_trips_through_its_dict() -> None:
    schema = load_schema(default_schema_path())
    again = parse_schema(schema_to_dict(schema))
    assert again == schema
    assert schema_to_dict(again)["labels"][0]["role"] == "actor"


def test_plain_string_event_types_still_read_and_write() -> None:
    raw = shipped()
    raw["event_types"] = ["Attack", {"name": "Armed clash", "name_ar": "اشتباك مسلح",
                                     "name_en": "Armed clash"}]
    schema = parse_schema(raw)
    assert schema.event_types == ("Attack", "Armed clash")
    assert schema.event_type("Attack") == EventType("Attack", "Attack", "Attack")
    assert schema_to_dict(schema)["event_types"] == raw["event_types"]


def test_labels_without_roles_fill_none() -> None:
    raw = shipped()
    for label in raw["labels"]:
        del label["role"]
    schema = parse_schema(raw)
    assert schema.roles == {}
    assert "role" not in schema_to_dict(schema)["labels"][0]


def test_bad_roles_and_event_types_are_all_reported() -> None:
    raw = copy.deepcopy(shipped())
    raw["labels"][0]["role"] = "perpetrator"
    raw["labels"][1]["colour"] = "#000000"
    raw["event_types"] = ["Attack", {"name": "Attack", "name_ar": "هجوم", "name_en": "Attack"},
                          {"name": "Riot", "name_ar": ""}, 7, {"name": "X", "name_ar": "س",
                                                             "name_en": "X", "note": "n"}]
    problems = problems_of(raw)
    assert any("label 1 (ACTOR): role must be one of actor, target, location, date" in p
               for p in problems)
    assert any("label 2: unknown key 'colour'" in p for p in problems)
    assert any("duplicates: Attack" in p for p in problems)
    assert any("event type 3: missing or empty name_ar, name_en" in p for p in problems)
    assert any(p.startswith("event type 4: must be") for p in problems)
    assert any("event type 5: unknown key 'note'" in p for p in problems)
    assert len(problems) == 6


def test_relation_roles_come_from_the_schema() -> None:
    assert relation_roles(("ACTOR", "LOCATION")) == ("actor", "location")
    assert relation_roles(("actor", "target")) == ("actor", "target")
    assert relation_roles(("ACTOR", "ACTOR")) == ("arg1", "arg2")
    assert relation_roles(("ORG", "LOC")) == ("arg1", "arg2")
    # Another schema's roles: LOC and ORG fill roles there.
    other = {"ORG": "actor", "LOC": "location"}
    assert relation_roles(("ORG", "LOC"), other) == ("actor", "location")
    assert relation_roles(("ACTOR", "LOCATION"), other) == ("arg1", "arg2")
