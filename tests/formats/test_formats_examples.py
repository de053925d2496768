"""The documented examples of doccano, Label Studio and brat (formats.md) import."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.formats import FORMATS, WriteOptions, detect_format
from annotator.formats.labelstudio import LabelStudioFormat

EN = "EU rejects German call to boycott British lamb."


def _spans(path: Path, fmt: str) -> list[tuple[int, int, str, str]]:
    result = FORMATS[fmt].read(path)
    assert result.problems == []
    return [(s.start, s.end, s.label, s.text) for d in result.documents for s in d.document.spans]


def test_doccano_label_example(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": EN, "label": [[0, 2, "ORG"], [11, 17, "MISC"]]}) + "\n",
                    encoding="utf-8")
    assert detect_format(path) == "doccano"
    assert _spans(path, "doccano") == [(0, 2, "ORG", "EU"), (11, 17, "MISC", "German")]
    assert FORMATS["doccano"].read(path).documents[0].document.name == "d-1"


def test_doccano_key_variants(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(
        json.dumps({"id": 4, "text": EN, "labels": [[0, 2, "ORG"]]}) + "\n"
        + json.dumps({"text": EN, "entities": [[11, 17, "MISC"]]}) + "\n", encoding="utf-8")
    result = FORMATS["doccano"].read(path)
    assert [d.document.name for d in result.documents] == ["4", "d-2"]
    assert _spans(path, "doccano") == [(0, 2, "ORG", "EU"), (11, 17, "MISC", "German")]


def test_doccano_relation_example(tmp_path: Path) -> None:
    rec = {"text": "Google was founded on September 4, 1998.",
           "entities": [{"id": 0, "start_offset": 0, "end_offset": 6, "label": "ORG"},
                        {"id": 1, "start_offset": 22, "end_offset": 39, "label": "DATE"}],
           "relations": [{"id": 0, "from_id": 0, "to_id": 1, "type": "foundedAt"}]}
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    doc = FORMATS["doccano"].read(path).documents[0].document
    assert [(s.label, s.text) for s in doc.spans] == [("ORG", "Google"),
                                                       ("DATE", "September 4, 1998")]
    # A relation of its own, not an event.
    assert doc.events == ()
    assert [(r.type, r.head, r.tail) for r in doc.relations] == [("foundedAt", 0, 1)]


def test_label_studio_example(tmp_path: Path) -> None:
    tasks = [{"id": 1, "data": {"text": "EU rejects German call"},
              "annotations": [{"completed_by": 1, "result": [
                  {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
                   "value": {"start": 0, "end": 2, "text": "EU", "labels": ["ORG"]}},
                  {"from_id": "r1", "to_id": "r2", "type": "relation", "direction": "right",
                   "labels": ["rel"]}]}],
              "predictions": [{"model_version": "m1", "score": 0.9, "result": []}]}]
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    assert detect_format(path) == "labelstudio"
    result = FORMATS["labelstudio"].read(path)
    assert result.problems == []
    doc = result.documents[0].document
    assert doc.name == "1"
    assert [(s.start, s.end, s.label, s.text, s.origin) for s in doc.spans] == [
        (0, 2, "ORG", "EU", "imported")]


def test_label_studio_relation_and_prediction(tmp_path: Path) -> None:
    value = {"start": 11, "end": 17, "text": "German", "labels": ["MISC"]}
    tasks = [{"id": 3, "data": {"article": EN}, "annotations": [{
        "completed_by": {"email": "amal@example.org"}, "result": [
            {"id": "a", "from_name": "ner", "to_name": "article", "type": "labels",
             "value": {"start": 0, "end": 2, "text": "EU", "labels": ["ORG"]}},
            {"id": "b", "from_name": "ner", "to_name": "article", "type": "labels",
             "value": value},
            {"from_id": "a", "to_id": "b", "type": "relation", "labels": ["rejects"]}]}],
        "predictions": [{"model_version": "m1", "result": [
            {"id": "p", "from_name": "ner", "to_name": "article", "type": "labels",
             "value": {"start": 34, "end": 41, "text": "British", "labels": ["MISC"]}}]}]}]
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    doc = LabelStudioFormat().read(path).documents[0].document
    assert [(s.text, s.origin, s.annotator) for s in doc.spans] == [
        ("EU", "imported", "amal@example.org"), ("German", "imported", "amal@example.org"),
        ("British", "suggested", "m1")]
    assert doc.events == ()
    assert [(r.type, r.head, r.tail) for r in doc.relations] == [("rejects", 0, 1)]


def test_brat_example(tmp_path: Path) -> None:
    # formats.md's lines, with the T3-T5 they refer to added so the file is whole.
    text = "التحالف الدولي يقصف دير الزور ويضرب الميليشيات في 2024-10-24"
    t3, t4, t5 = text.index("الميليشيات"), text.index("2024"), text.index("يقصف")
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    (tmp_path / "doc.ann").write_text(
        "T1\tACTOR 0 14\tالتحالف الدولي\n"
        "T2\tLOCATION 20 23;24 29\tدير الزور\n"
        f"T3\tTARGET {t3} {t3 + 10}\tالميليشيات\n"
        f"T4\tDATE {t4} {t4 + 10}\t2024-10-24\n"
        f"T5\tAttack {t5} {t5 + 4}\tيقصف\n"
        "E1\tAttack:T5 Actor:T1 Target:T3 Place:T2 Time:T4\n"
        "R1\tLocated Arg1:T3 Arg2:T2\n"
        "A1\tNormalized T4 2024-10-24\n"
        "#1\tAnnotatorNotes T1\tfree text note\n", encoding="utf-8")
    assert detect_format(tmp_path) == "brat"
    result = FORMATS["brat"].read(tmp_path / "doc.ann")
    assert result.problems == []
    doc = result.documents[0].document
    assert doc.name == "doc"
    assert [(s.label, s.text) for s in doc.spans] == [
        ("ACTOR", "التحالف الدولي"), ("LOCATION", "دير الزور"), ("TARGET", "الميليشيات"),
        ("DATE", "2024-10-24"), ("Attack", "يقصف")]
    assert dict(doc.spans[3].attrs) == {"value": "2024-10-24"}
    assert dict(doc.spans[0].attrs) == {"note": "free text note"}
    (attack,) = doc.events
    assert (attack.type, attack.trigger) == ("Attack", 4)
    assert dict(attack.roles) == {"actor": (0,), "target": (2,), "location": (1,), "date": (3,)}
    (located,) = doc.relations
    assert (located.type, located.head, located.tail) == ("Located", 2, 1)


def test_label_studio_emoji_before_arabic_both_ways(tmp_path: Path) -> None:
    text = "🔥😀 قصف على دير الزور"
    start = text.index("دير")
    # JavaScript counts each emoji as two UTF-16 units.
    js_start = start + 2
    tasks = [{"id": 1, "data": {"text": text}, "annotations": [{"result": [
        {"id": "x", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": js_start, "end": js_start + 9, "text": "دير الزور",
                   "labels": ["LOCATION"]}}]}]}]
    path = tmp_path / "in.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    doc = FORMATS["labelstudio"].read(path).documents[0].document
    (span,) = doc.spans
    assert (span.start, span.end, span.text) == (start, start + 9, "دير الزور")
    out = tmp_path / "out.json"
    FORMATS["labelstudio"].write([doc], out, WriteOptions())
    value = json.loads(out.read_text(encoding="utf-8"))[0]["annotations"][0]["result"][0]["value"]
    assert (value["start"], value["end"]) == (js_start, js_start + 9)
    assert text.encode("utf-16-le")[2 * value["start"]:2 * value["end"]].decode(
        "utf-16-le") == "دير الزور"


def test_label_studio_json_min_export(tmp_path: Path) -> None:
    text = "😀 قصف على دير الزور"
    rows = [{"id": 9, "text": text, "annotator": "amal@example.org",
             "label": [{"start": 11, "end": 20, "text": "دير الزور", "labels": ["LOCATION"]}]}]
    path = tmp_path / "min.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    assert detect_format(path) == "labelstudio"
    result = FORMATS["labelstudio"].read(path)
    assert result.problems == []
    doc = result.documents[0].document
    assert doc.name == "9"
    (span,) = doc.spans
    # UTF-16 offsets 11-20 are code points 10-19 after the emoji.
    assert (span.start, span.end, span.text, span.annotator) == (
        10, 19, "دير الزور", "amal@example.org")


def test_brat_annotator_notes_on_relations_and_events(tmp_path: Path) -> None:
    text = "التحالف قصف دير الزور"
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    (tmp_path / "doc.ann").write_text(
        "T1\tACTOR 0 7\tالتحالف\n"
        "T2\tLOCATION 12 21\tدير الزور\n"
        "T3\tACTOR 8 11\tقصف\n"
        "E1\tAttack:T3 Actor:T1 Place:T2\n"
        "R1\tLocated Arg1:T1 Arg2:T2\n"
        "#1\tAnnotatorNotes R1\ton the relation\n"
        "#2\tAnnotatorNotes E1\ton the event\n", encoding="utf-8")
    result = FORMATS["brat"].read(tmp_path)
    assert result.problems == []
    (attack,) = result.documents[0].document.events
    (located,) = result.documents[0].document.relations
    assert dict(attack.attrs) == {"note": "on the event"}
    assert dict(located.attrs) == {"note": "on the relation"}


def test_doccano_meta_object_is_the_documents_metadata(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": 1, "text": EN, "meta": {"source": "SY24"},
                                "Comments": [], "label": [[0, 2, "ORG"]]}) + "\n",
                    encoding="utf-8")
    (doc,) = FORMATS["doccano"].read(path).documents
    assert dict(doc.document.meta) == {"source": "SY24"}
