"""Label handling of the import job: --map parsing and --add-labels schema extension."""

from __future__ import annotations

import pytest

from annotator.core.labels import SchemaError, load_schema
from annotator.core.model import LabelSchema
from annotator.paths import default_schema_path
from annotator.services.importing import extend_schema, parse_label_map, split_label_map


@pytest.fixture
def schema() -> LabelSchema:
    return load_schema(default_schema_path())


def test_parse_label_map_pairs() -> None:
    assert parse_label_map(["ORG=ACTOR", " LOC = LOCATION "]) == {
        "ORG": "ACTOR",
        "LOC": "LOCATION",
    }
    assert parse_label_map([]) == {}


@pytest.mark.parametrize("bad", ["ORG", "=ACTOR", "ORG=", "="])
def test_parse_label_map_names_the_bad_item(bad: str) -> None:
    with pytest.raises(ValueError, match="OLD=NEW"):
        parse_label_map([bad])


def test_parse_label_map_refuses_two_targets_for_one_label() -> None:
    with pytest.raises(ValueError, match="twice"):
        parse_label_map(["ORG=ACTOR", "ORG=TARGET"])


def test_extend_schema_adds_labels_with_free_keys_and_new_colours(schema: LabelSchema) -> None:
    extended = extend_schema(schema, ["ORG", "WEAPON"])
    assert extended.names == (*schema.names, "ORG", "WEAPON")
    keys = [label.key for label in extended.labels]
    colours = [label.color.upper() for label in extended.labels]
    assert len(set(keys)) == len(keys)
    assert len(set(colours)) == len(colours)
    # The existing labels keep their keys and colours.
    assert extended.labels[: len(schema.labels)] == schema.labels
    assert extended.event_types == schema.event_types


@pytest.mark.parametrize("bad", ["two words", "tab\there", "nul\x00", "", "x" * 65])
def test_extend_schema_refuses_names_a_schema_cannot_hold(schema: LabelSchema, bad: str) -> None:
    with pytest.raises(SchemaError, match="without spaces or control characters"):
        extend_schema(schema, [bad])


@pytest.mark.parametrize("name", ["Person", "Date", "Org", "DNA_methylation", "شخص", "B-2"])
def test_extend_schema_takes_names_as_other_tools_write_them(
        schema: LabelSchema, name: str) -> None:
    # Before: only upper-case ASCII names were accepted ("Person" was refused).
    assert extend_schema(schema, [name]).names[-1] == name


def test_extend_schema_runs_out_of_keys(schema: LabelSchema) -> None:
    names = [f"L{i}" for i in range(40)]
    with pytest.raises(SchemaError, match="no free key"):
        extend_schema(schema, names)


def test_extend_schema_adds_missing_event_types_once(schema: LabelSchema) -> None:
    extended = extend_schema(
        schema, [], event_types=["attackedIn", schema.event_types[0], "attackedIn"]
    )
    assert extended.event_types == (*schema.event_types, "attackedIn")
    assert extended.labels == schema.labels


def test_split_label_map_routes_each_pair_by_its_target(schema: LabelSchema) -> None:
    event_type = schema.event_types[0]
    labels, types = split_label_map(
        {"Attack": "ACTOR", "attackedIn": event_type, "ORG": "ORGANISATION"}, schema)
    assert labels == {"Attack": "ACTOR", "ORG": "ORGANISATION"}
    assert types == {"attackedIn": event_type, "ORG": "ORGANISATION"}
