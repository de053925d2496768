"""Bad input: each problem names file, line (or record) and reason; good records still come."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.formats import FORMATS, FormatError


def _jsonl(path: Path, records: list[str]) -> Path:
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    return path


GOOD = json.dumps({"id": "ok", "text": "قصف دير الزور",
                   "spans": [{"start": 4, "end": 13, "label": "LOCATION", "text": "دير الزور"}]},
                  ensure_ascii=False)


def test_invalid_json_on_line_7_is_reported_on_line_7(tmp_path: Path) -> None:
    lines = [GOOD.replace('"ok"', f'"d{i}"') for i in range(1, 7)] + ['{"id": "x", "text": ']
    path = _jsonl(tmp_path / "a.jsonl", [*lines, GOOD.replace('"ok"', '"d8"')])
    result = FORMATS["jsonl"].read(path)
    assert [(p.line, p.message.split(":")[0]) for p in result.problems] == [(7, "invalid JSON")]
    assert str(result.problems[0]).startswith(f"{path}:7: invalid JSON")
    assert [d.document.name for d in result.documents] == [f"d{i}" for i in (1, 2, 3, 4, 5, 6, 8)]
    assert [d.line for d in result.documents][-1] == 8


@pytest.mark.parametrize("fmt", ["jsonl", "doccano"])
def test_offsets_outside_the_text(tmp_path: Path, fmt: str) -> None:
    rec = ({"text": "قصف", "spans": [{"start": 2, "end": 40, "label": "LOCATION"}]}
           if fmt == "jsonl" else {"text": "قصف", "label": [[2, 40, "LOCATION"]]})
    path = _jsonl(tmp_path / "a.jsonl", [GOOD if fmt == "jsonl" else
                                          json.dumps({"text": "نص", "label": []}),
                                          json.dumps(rec, ensure_ascii=False)])
    result = FORMATS[fmt].read(path)
    (problem,) = result.problems
    assert problem.line == 2
    assert "offsets 2-40 are outside the text (3 characters)" in problem.message
    assert len(result.documents) == 1


def test_span_text_that_does_not_match(tmp_path: Path) -> None:
    rec = {"id": "m", "text": "قصف دير الزور",
           "spans": [{"start": 4, "end": 13, "label": "LOCATION", "text": "الميادين"}]}
    path = _jsonl(tmp_path / "a.jsonl", [json.dumps(rec, ensure_ascii=False)])
    (problem,) = FORMATS["jsonl"].read(path).problems
    assert problem.line == 1
    assert "'الميادين' does not match text[4:13] = 'دير الزور'" in problem.message


def test_label_studio_mismatch_names_the_task(tmp_path: Path) -> None:
    tasks = [{"id": 7, "data": {"text": "قصف دير"}, "annotations": [{"result": [
        {"from_name": "l", "to_name": "t", "type": "labels",
         "value": {"start": 0, "end": 3, "text": "دير", "labels": ["LOCATION"]}}]}]}]
    path = tmp_path / "t.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    result = FORMATS["labelstudio"].read(path)
    (problem,) = result.problems
    assert problem.message.startswith("task 1 (id 7): ")
    assert "does not match" in problem.message
    assert result.documents == []


def test_brat_bad_lines_reject_that_document_with_ann_line_numbers(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("قصف دير الزور", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tLOCATION 4 13\tدير الزور\nT2\tACTOR 0 99\tقصف\n"
                                    "X1\twhat\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("غارة", encoding="utf-8")
    result = FORMATS["brat"].read(tmp_path)
    assert [(Path(p.file).name, p.line) for p in result.problems] == [("a.ann", 2), ("a.ann", 3)]
    assert "outside the text" in result.problems[0].message
    assert [d.document.name for d in result.documents] == ["b"]


def test_conll_bad_tag_gives_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.conll"
    path.write_text("-DOCSTART- O\n\nقصف O\nدير B-LOC\nالزور X-LOC\n\n"
                    "-DOCSTART- O\n\nغارة O\n", encoding="utf-8")
    result = FORMATS["conll"].read(path)
    (problem,) = result.problems
    assert problem.line == 5 and "'X-LOC' is not a tag" in problem.message
    assert [d.document.text for d in result.documents] == ["غارة"]


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,body\n1,نص\n", encoding="utf-8")
    with pytest.raises(FormatError) as info:
        FORMATS["csv"].read(path)
    assert "no 'text' column" in str(info.value)


def test_csv_row_problems_carry_their_line(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('id,text,source\n1,"سطر\nثان",SY24\n2,,SY24\n3,نص\n4,غارة,SY24\n',
                    encoding="utf-8")
    result = FORMATS["csv"].read(path)
    assert [(p.line, p.message) for p in result.problems] == [
        (4, "the text is empty"), (5, "2 columns where the header has 3")]
    docs = [d.document for d in result.documents]
    assert [(d.name, d.text, dict(d.meta)) for d in docs] == [
        ("1", "سطر\nثان", {"source": "SY24"}), ("4", "غارة", {"source": "SY24"})]
    assert [d.line for d in result.documents] == [2, 6]


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "labelstudio", "conll", "csv", "txt"])
@pytest.mark.parametrize(("data", "message"), [
    (b"", "the file is empty"),
    (b"\x00\x01\x02\x03binary\x00", "a binary file"),
    (b"\xff" * 3 + bytes(range(0x80, 0x100)) * 4, "undecodable bytes"),
], ids=["empty", "binary", "undecodable"])
def test_unusable_files_are_format_errors_in_every_reader(
    tmp_path: Path, fmt: str, data: bytes, message: str
) -> None:
    path = tmp_path / "bad.dat"
    path.write_bytes(data)
    if fmt == "txt":
        result = FORMATS[fmt].read(path)  # a folder of texts goes on past one bad file
        assert [message in p.message for p in result.problems] == [True]
        return
    with pytest.raises(FormatError) as info:
        FORMATS[fmt].read(path)
    assert message in info.value.problems[0].message
    assert info.value.problems[0].file == str(path)


def test_label_studio_invalid_json_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text('[\n{"id": 1,\n "data": {"text": "نص"}\n\n,]\n', encoding="utf-8")
    with pytest.raises(FormatError) as info:
        FORMATS["labelstudio"].read(path)
    assert info.value.problems[0].line == 5


@pytest.mark.parametrize(("change", "message"), [
    ({"text": "دير"}, "does not match"),
    ({"end": 99}, "outside the text"),
    ({"id": "s1"}, "the id is used twice"),
    ({"attrs": []}, "'attrs' must be an object"),
    ({"start": "4"}, "offsets must be integers"),
])
def test_a_well_formed_looking_span_is_still_checked(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    # Spans with exactly the keys this format writes take a quicker path; it checks as much.
    text = "قصف دير الزور"
    good = {"id": "s1", "start": 4, "end": 13, "label": "LOCATION", "text": "دير الزور",
            "attrs": {}}
    second = {**good, "id": "s2", **change}
    rec = {"id": "d", "text": text, "spans": [good, second]}
    path = _jsonl(tmp_path / "a.jsonl", [json.dumps(rec, ensure_ascii=False)])
    result = FORMATS["jsonl"].read(path)
    assert result.documents == []
    (problem,) = result.problems
    assert message in problem.message and problem.line == 1


@pytest.mark.parametrize(("line", "message"), [
    ("E1\t", "expected 'TYPE:TRIGGER"),
    ("\tstray text", "unknown annotation line"),
    ("A1\tNormalized", "expected 'NAME TARGET [VALUE]'"),
    ("E1\tAttack:T1 Actor:T9", "Actor:T9 names no text-bound (T) annotation or event (E)"),
    ("E2\tAttack:T1 Cause:E1", "Cause:E1 names no text-bound (T) annotation or event (E)"),
    ("E1\tAttack:T1 Cause:E1", "event E1 has itself as an argument"),
    ("T2\tDATE 0 3\tغلط", "does not match"),
    ("A1\tNormalized T7 2024", "names 'T7'"),
])
def test_brat_line_problems(tmp_path: Path, line: str, message: str) -> None:
    (tmp_path / "a.txt").write_text("قصف دير الزور", encoding="utf-8")
    (tmp_path / "a.ann").write_text(f"T1\tLOCATION 4 13\tدير الزور\n{line}\n", encoding="utf-8")
    result = FORMATS["brat"].read(tmp_path)
    assert result.documents == []
    assert [p.line for p in result.problems] == [2]
    assert message in result.problems[0].message


@pytest.mark.parametrize(("fmt", "name"), [("jsonl", "deep.jsonl"), ("doccano", "deep.jsonl"),
                                           ("labelstudio", "deep.json")])
def test_json_nested_too_deeply_is_a_problem_not_a_crash(
    tmp_path: Path, fmt: str, name: str
) -> None:
    path = tmp_path / name
    path.write_text("[" * 100_000 + "\n", encoding="utf-8")
    try:
        result = FORMATS[fmt].read(path)
        problems = result.problems
    except FormatError as exc:
        problems = exc.problems
    assert len(problems) == 1
    assert problems[0].file == str(path)
    assert problems[0].line == 1
    assert "nested too deeply" in problems[0].message


@pytest.mark.parametrize("labels", [[], "LOCATION", [5]], ids=["empty", "string", "number"])
def test_label_studio_region_with_bad_labels_is_a_problem(tmp_path: Path, labels: object) -> None:
    tasks = [{"id": 3, "data": {"text": "قصف دير الزور"}, "annotations": [{"result": [
        {"id": "r", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 4, "end": 13, "labels": labels}}]}]}]
    path = tmp_path / "t.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    result = FORMATS["labelstudio"].read(path)
    assert result.documents == []
    (problem,) = result.problems
    assert "task 1 (id 3)" in problem.message
    assert "'labels' must be a non-empty list of label names" in problem.message


@pytest.mark.parametrize("spans", [[[4, 13, "LOCATION"]],
                                   [{"id": 0, "start_offset": 4, "end_offset": 13,
                                     "label": "LOCATION"}]], ids=["lists", "objects"])
def test_doccano_records_in_a_json_array_are_not_read_without_their_spans(
    tmp_path: Path, spans: list[object]
) -> None:
    path = tmp_path / "d.json"
    path.write_text(json.dumps([{"text": "قصف دير الزور", "label": spans}], ensure_ascii=False),
                    encoding="utf-8")
    result = FORMATS["labelstudio"].read(path)
    assert result.documents == []
    (problem,) = result.problems
    assert "task 1" in problem.message
    assert "doccano" in problem.message


def test_the_project_jsonl_reader_does_not_drop_doccano_spans(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "d.jsonl", [json.dumps(
        {"text": "قصف دير الزور", "meta": {}, "label": [[4, 13, "LOCATION"]]},
        ensure_ascii=False)])
    result = FORMATS["jsonl"].read(path)
    assert result.documents == []
    (problem,) = result.problems
    assert problem.line == 1
    assert "--format doccano" in problem.message


def test_conll_tokens_may_hold_non_breaking_and_other_unicode_spaces(tmp_path: Path) -> None:
    # Columns are separated by spaces and tabs only, as every CoNLL writer does.
    path = tmp_path / "a.conll"
    path.write_text("قصف O\nدير\u00a0الزور B-LOCATION\nفي\u2009الشرق -X- _ O\n",
                    encoding="utf-8")
    result = FORMATS["conll"].read(path)
    assert result.problems == []
    doc = result.documents[0].document
    assert doc.text == "قصف دير\u00a0الزور في\u2009الشرق"
    assert [s.text for s in doc.spans] == ["دير\u00a0الزور"]
