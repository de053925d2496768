"""Events, relations and date values survive JSONL, brat, doccano and Label Studio, and a brat
export declares every type it uses in an annotation.conf that brat's rules accept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.core.model import Document, Event, Relation, Span, make_span
from annotator.formats import FORMATS
from annotator.formats.base import WriteOptions

TEXT = "قصف التحالف الدولي مدينة الميادين يوم 24 أكتوبر، وقال الحرس إن الغارة قتلت ثلاثة."


def _span(needle: str, label: str, **attrs: str) -> Span:
    start = TEXT.index(needle)
    return make_span(TEXT, start, start + len(needle), label, attrs=attrs)


def document() -> Document:
    spans = (
        _span("قصف", "TRIGGER"),
        _span("التحالف الدولي", "ACTOR"),
        _span("مدينة الميادين", "LOCATION"),
        _span("24 أكتوبر", "DATE", value="2024-10-24", precision="day", normalized_by="auto"),
        _span("الحرس", "ACTOR"),
        _span("الغارة", "TARGET"),
    )
    events = (
        # A real trigger, a role with two spans, and a span serving two events.
        Event("Air/drone strike", {"actor": (1, 4), "location": (2,), "date": (3,)}, trigger=0),
        Event("Attack", {"actor": (4,), "target": (5,)}),
    )
    relations = (Relation("located in", 1, 2), Relation("said", 4, 5))
    return Document(name="doc1", text=TEXT, meta={"published": "2024-10-28"}, spans=spans,
                    events=events, relations=relations)


def _files(out: Path) -> dict[str, bytes]:
    if out.is_dir():
        return {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    return {out.name: out.read_bytes()}


@pytest.mark.parametrize(("fmt", "name"), [("jsonl", "a.jsonl"), ("brat", "a")])
def test_write_read_write_keeps_events_relations_and_date_values_byte_for_byte(
    tmp_path: Path, fmt: str, name: str
) -> None:
    first = tmp_path / "1" / name
    FORMATS[fmt].write([document()], first, WriteOptions())
    result = FORMATS[fmt].read(first)
    assert result.problems == []
    (back,) = [d.document for d in result.documents]
    want = document()
    assert [(s.start, s.end, s.label, dict(s.attrs)) for s in back.spans] == [
        (s.start, s.end, s.label, dict(s.attrs)) for s in want.spans]
    # brat type names hold no spaces: written with "_", read as written (an import matches
    # them to the schema's names).
    assert [(e.type.replace("_", " "), dict(e.roles), e.trigger) for e in back.events] == [
        (e.type, dict(e.roles), e.trigger) for e in want.events]
    assert [(r.type.replace("_", " "), r.head, r.tail) for r in back.relations] == [
        (r.type, r.head, r.tail) for r in want.relations]
    second = tmp_path / "2" / name
    FORMATS[fmt].write([back], second, WriteOptions())
    assert _files(second) == _files(first)


@pytest.mark.parametrize(("fmt", "name"), [("doccano", "a.jsonl"), ("labelstudio", "a.json")])
def test_doccano_and_label_studio_write_relations_and_read_them_back(
    tmp_path: Path, fmt: str, name: str
) -> None:
    out = tmp_path / name
    FORMATS[fmt].write([document()], out, WriteOptions())
    (back,) = [d.document for d in FORMATS[fmt].read(out).documents]
    assert back.events == ()  # neither has events; relations are their own kind
    assert [(r.type, back.spans[r.head].text, back.spans[r.tail].text)
            for r in back.relations] == [
        ("located in", "التحالف الدولي", "مدينة الميادين"), ("said", "الحرس", "الغارة")]
    again = tmp_path / ("b" + out.suffix)
    FORMATS[fmt].write([back], again, WriteOptions())
    assert again.read_bytes() == out.read_bytes()


# ----- a small validator of brat's annotation.conf rules ---------------------------------------
def parse_conf(text: str) -> dict[str, dict[str, str]]:
    """Sections of an annotation.conf: type name -> its argument declaration."""
    sections: dict[str, dict[str, str]] = {}
    current = None
    for line in text.split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        m = re.fullmatch(r"\[(\w+)\]", line.strip())
        if m:
            current = sections.setdefault(m.group(1), {})
            continue
        assert current is not None, f"a line outside any section: {line!r}"
        name, _, args = line.partition("\t")
        assert name and not re.search(r"\s", name), f"a type name holds spaces: {line!r}"
        current[name] = args
    return sections


def _args(decl: str) -> dict[str, str]:
    out = {}
    for part in filter(None, (p.strip() for p in decl.split(","))):
        role, _, types = part.partition(":")
        out[role] = types
    return out


def conf_problems(folder: Path) -> list[str]:
    """What brat would refuse: every T, E, R and A line checked against annotation.conf."""
    conf = parse_conf((folder / "annotation.conf").read_text(encoding="utf-8"))
    problems: list[str] = []
    entities = set(conf.get("entities", {}))
    events = conf.get("events", {})
    relations = conf.get("relations", {})
    attributes = conf.get("attributes", {})
    for ann in sorted(folder.glob("*.ann")):
        types: dict[str, str] = {}
        lines = ann.read_text(encoding="utf-8").splitlines()
        for line in lines:
            ident, _, rest = line.partition("\t")
            if ident.startswith("T"):
                types[ident] = rest.split()[0]
        for line in lines:
            ident, _, rest = line.partition("\t")
            where = f"{ann.name}: {ident}"
            if ident.startswith("T"):
                kind = types[ident]
                if kind not in entities and kind not in events:
                    problems.append(f"{where}: type {kind} is not declared")
            elif ident.startswith("E"):
                head, *args = rest.split()
                etype, _, trigger = head.partition(":")
                if etype not in events:
                    problems.append(f"{where}: event type {etype} is not declared")
                    continue
                if types.get(trigger) != etype:
                    problems.append(f"{where}: trigger {trigger} is not typed {etype}")
                allowed = _args(events[etype])
                for arg in args:
                    role, _, target = arg.partition(":")
                    base = role.rstrip("0123456789")
                    decl = allowed.get(base + "*") or allowed.get(base) or allowed.get(base + "?")
                    if decl is None:
                        problems.append(f"{where}: role {role} is not declared for {etype}")
                    elif role != base and base + "*" not in allowed and base + "+" not in allowed:
                        problems.append(f"{where}: role {base} may not repeat")
                    elif target.startswith("E"):  # a nested event
                        if "<EVENT>" not in decl.split("|"):
                            problems.append(f"{where}: {role} may not be an event")
                    elif "<ENTITY>" not in decl.split("|") and types.get(target) not in \
                            decl.split("|"):
                        problems.append(f"{where}: {role} may not be a {types.get(target)}")
            elif ident.startswith("R"):
                rtype, a1, a2 = rest.split()
                if rtype not in relations:
                    problems.append(f"{where}: relation type {rtype} is not declared")
                    continue
                allowed = _args(relations[rtype])
                for arg in (a1, a2):
                    role, _, target = arg.partition(":")
                    decl = allowed.get(role)
                    if decl is None or (decl != "<ENTITY>"
                                        and types.get(target) not in decl.split("|")):
                        problems.append(f"{where}: {role} may not be a {types.get(target)}")
            elif ident.startswith("A"):
                name, target, *value = rest.split()
                if name not in attributes:
                    problems.append(f"{where}: attribute {name} is not declared")
                    continue
                allowed = _args(attributes[name])
                wanted = "<EVENT>" if target.startswith("E") else "<ENTITY>"
                if wanted not in allowed.get("Arg", "").split("|"):
                    problems.append(f"{where}: attribute {name} is not declared for {wanted}")
                values = allowed.get("Value")
                if value and (values is None or value[0] not in values.split("|")):
                    problems.append(f"{where}: value {value[0]} of {name} is not declared")
            elif ident.startswith("*"):
                if rest.split()[0] not in relations:
                    problems.append(f"{where}: equivalence type {rest.split()[0]} not declared")
            elif not ident.startswith(("#", "N")):  # notes; normalizations need tools.conf
                problems.append(f"{where}: unknown line")
    return problems


def test_the_brat_export_keeps_to_its_annotation_conf(tmp_path: Path) -> None:
    out = tmp_path / "brat"
    FORMATS["brat"].write([document()], out, WriteOptions())
    assert conf_problems(out) == []
    ann = (out / "doc1.ann").read_text(encoding="utf-8")
    # The event with a trigger word gets a trigger line of its type over that word.
    assert "T7\tAir/drone_strike 0 3\tقصف\nT8\tAttack" in ann
    assert "R1\tlocated_in Arg1:T2 Arg2:T3\n" in ann
    assert "A1\tNormalized T4 2024-10-24\n" in ann


def test_the_validator_finds_what_brat_would_refuse(tmp_path: Path) -> None:
    out = tmp_path / "brat"
    FORMATS["brat"].write([document()], out, WriteOptions())
    ann = out / "doc1.ann"
    # The old way: relations as E lines, an entity as trigger, an undeclared attribute value.
    ann.write_text(ann.read_text(encoding="utf-8")
                   + "E9\tlocated_in:T2 Arg1:T2 Arg2:T3\nA9\tprecision T4 century\n",
                   encoding="utf-8")
    problems = conf_problems(out)
    assert any("event type located_in is not declared" in p for p in problems)
    assert any("value century of precision is not declared" in p for p in problems)


def test_the_golden_corpus_exported_to_brat_keeps_to_its_annotation_conf(
    tmp_path: Path, golden_docs: list[Document]
) -> None:
    out = tmp_path / "brat"
    FORMATS["brat"].write(golden_docs, out, WriteOptions())
    assert conf_problems(out) == []
