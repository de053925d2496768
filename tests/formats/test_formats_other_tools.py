"""Files as other tools write them: nothing they hold is dropped without a word, and our own
exports read back."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.model import Document, make_span
from annotator.formats import FORMATS, WriteOptions

TEXT = "قصف التحالف الدولي مواقع في دير الزور"


def _brat(folder: Path, ann: str, text: str = TEXT) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "a.ann").write_text(ann, encoding="utf-8")
    return folder


def test_brat_comments_normalizations_and_equivalences_are_kept_and_written_back(
        tmp_path: Path) -> None:
    ann = ("T1\tACTOR 4 18\tالتحالف الدولي\n"
           "T2\tLOCATION 28 37\tدير الزور\n"
           "T3\tACTOR 4 11\tالتحالف\n"
           "#1\tAnnotatorNotes T1\tcoalition\n"
           "#2\tReviewerComment T2\tcheck the spelling\n"
           "N1\tReference T2 GeoNames:170794\tDeir ez-Zor\n"
           "*\tEquiv T1 T3\n")
    result = FORMATS["brat"].read(_brat(tmp_path / "in", ann))
    assert result.problems == []
    doc = result.documents[0].document
    # Before: the #2, N1 and * lines were dropped without a word.
    assert dict(doc.spans[1].attrs) == {
        "#ReviewerComment": "check the spelling",
        "normalizations": [["Reference", "GeoNames:170794", "Deir ez-Zor"]]}
    assert dict(doc.meta) == {"brat_equivalences": [["Equiv", [[4, 18, "ACTOR"],
                                                                [4, 11, "ACTOR"]]]]}
    FORMATS["brat"].write([doc], tmp_path / "out", WriteOptions())
    written = (tmp_path / "out" / "a.ann").read_text(encoding="utf-8")
    assert "\tReviewerComment T" in written and "\tcheck the spelling\n" in written
    assert "\tReference T" in written and " GeoNames:170794\tDeir ez-Zor\n" in written
    assert "*\tEquiv T" in written
    again = FORMATS["brat"].read(tmp_path / "out").documents[0].document
    assert again == doc
    FORMATS["brat"].write([again], tmp_path / "out2", WriteOptions())
    assert (tmp_path / "out2" / "a.ann").read_bytes() == written.encode("utf-8")


def test_brat_fragments_split_at_a_line_end_are_one_span(tmp_path: Path) -> None:
    text = "قصف دير\nالزور اليوم"
    result = FORMATS["brat"].read(_brat(tmp_path / "b", "T1\tLOCATION 4 7;8 13\tدير الزور\n",
                                        text))
    assert result.problems == []
    (span,) = result.documents[0].document.spans
    assert (span.start, span.end, span.text) == (4, 13, "دير\nالزور")


def test_label_studio_completions_are_annotations(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps([{"id": 1, "data": {"text": TEXT}, "completions": [
        {"result": [{"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
                     "value": {"start": 4, "end": 18, "labels": ["ACTOR"]}}]}]}],
        ensure_ascii=False), encoding="utf-8")
    (doc,) = [d.document for d in FORMATS["labelstudio"].read(path).documents]
    # Before: 0 spans.
    assert [(s.text, s.label, s.origin) for s in doc.spans] == [
        ("التحالف الدولي", "ACTOR", "imported")]


def test_label_studio_top_level_text_keeps_its_predictions(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps([{"text": TEXT, "predictions": [{"model_version": "m1", "result": [
        {"from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 28, "end": 37, "labels": ["LOCATION"]}}]}]}], ensure_ascii=False),
        encoding="utf-8")
    (doc,) = [d.document for d in FORMATS["labelstudio"].read(path).documents]
    # Before: the predictions beside a top-level text were lost.
    assert [(s.text, s.origin, s.annotator) for s in doc.spans] == [
        ("دير الزور", "suggested", "m1")]


def test_label_studio_choices_data_fields_and_names_go_back_out(tmp_path: Path) -> None:
    choice = {"id": "c", "from_name": "sentiment", "to_name": "article", "type": "choices",
              "value": {"choices": ["Negative"]}}
    region = {"id": "r", "from_name": "ner", "to_name": "article", "type": "labels",
              "value": {"start": 4, "end": 18, "text": "التحالف الدولي", "labels": ["ACTOR"]}}
    task = {"id": 3, "data": {"article": TEXT, "url": "https://example.org/a", "source": "SY24"},
            "annotations": [{"created_username": "amal", "result": [region, choice]}]}
    path = tmp_path / "in.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    (doc,) = [d.document for d in FORMATS["labelstudio"].read(path).documents]
    kept = doc.meta["label_studio"]
    # Before: the choice, the url and source fields and the names ner/article were dropped.
    assert kept["data"] == {"url": "https://example.org/a", "source": "SY24"}
    assert (kept["from_name"], kept["to_name"], kept["text_key"]) == ("ner", "article",
                                                                      "article")
    assert kept["annotation_results"] == [{"by": "amal", "result": choice}]
    out = tmp_path / "out.json"
    FORMATS["labelstudio"].write([doc], out, WriteOptions())
    (back,) = json.loads(out.read_text(encoding="utf-8"))
    assert back["data"] == {"article": TEXT, "name": "3", "url": "https://example.org/a",
                            "source": "SY24"}
    (annotation,) = back["annotations"]
    assert annotation["created_username"] == "amal"
    assert annotation["result"][1] == choice
    assert (annotation["result"][0]["from_name"], annotation["result"][0]["to_name"]) == (
        "ner", "article")
    again = [d.document for d in FORMATS["labelstudio"].read(out).documents]
    assert again[0].meta == doc.meta and again[0].spans == doc.spans


def test_csv_export_with_semicolons_in_metadata_reads_back(tmp_path: Path) -> None:
    # The header "id,text,sources;notes;tags;links" has more ";" than "," in it.
    doc = Document(name="a", text=TEXT, meta={"sources;notes;tags;links": "a;b;c"})
    out = tmp_path / "out.csv"
    FORMATS["csv"].write([doc], out, WriteOptions())
    result = FORMATS["csv"].read(out)
    # Before: ";" was taken as the delimiter: "no 'text' column".
    assert result.problems == []
    (back,) = [d.document for d in result.documents]
    assert (back.text, dict(back.meta)) == (TEXT, dict(doc.meta))


def test_a_control_character_in_a_text_survives_txt_and_brat(tmp_path: Path) -> None:
    text = "قصف\x1fالتحالف في دير الزور"
    doc = Document(name="a", text=text, spans=(make_span(text, 4, 11, "ACTOR"),))
    for fmt in ("txt", "brat"):
        FORMATS[fmt].write([doc], tmp_path / fmt, WriteOptions())
        result = FORMATS[fmt].read(tmp_path / fmt)
        # Before: "a binary file, not text (too many control characters)".
        assert result.problems == [], fmt
        assert result.documents[0].document.text == text


def test_conll_with_a_pos_column_and_conll2000_chunks(tmp_path: Path) -> None:
    pos = tmp_path / "pos.conll"
    # TOKEN POS TAG, as spaCy's example data.
    pos.write_text("The DT O\nEU NNP B-ORG\nrejects VBZ O\nGerman JJ B-MISC\n",
                   encoding="utf-8")
    result = FORMATS["conll"].read(pos)
    # Before: "'DT' is not a tag" on every line.
    assert result.problems == []
    doc = result.documents[0].document
    assert [(s.text, s.label) for s in doc.spans] == [("EU", "ORG"), ("German", "MISC")]
    chunks = tmp_path / "chunks.conll"
    chunks.write_text("Confidence NN B-NP\nin IN B-PP\nthe DT B-NP\npound NN I-NP\n",
                      encoding="utf-8")
    result = FORMATS["conll"].read(chunks)
    assert result.problems == []
    assert [(s.text, s.label) for s in result.documents[0].document.spans] == [
        ("Confidence", "NP"), ("in", "PP"), ("the pound", "NP")]


def test_conll_sums_up_a_problem_repeated_on_many_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.conll"
    path.write_text("".join(f"w{i} WRB\n" for i in range(66)) + "x FOO\n", encoding="utf-8")
    problems = [str(p) for p in FORMATS["conll"].read(path).problems]
    # Before: 66 identical lines of errors.
    assert problems == [
        f"{path}:1: 66 lines: 'WRB' is not a tag (O, B-X, I-X, E-X, S-X) (the first is here, "
        "the last on line 66)",
        f"{path}:67: 'FOO' is not a tag (O, B-X, I-X, E-X, S-X)"]


_TSV = ("#FORMAT=WebAnno TSV 3.3\n"
        "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value\n"
        "#T_RL=webanno.custom.Relation|label|"
        "BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity\n\n\n"
        "#Text=EU 😊 rejects German lamb .\n"
        "1-1\t0-2\tEU\t*\tORG\t_\t_\t\n"
        "1-2\t3-5\t😊\t_\t_\t_\t_\t\n"
        "1-3\t6-13\trejects\t_\t_\t_\t_\t\n"
        "1-4\t14-20\tGerman\t*[1]|*\tMISC[1]|NORP\tmadeIn\t1-1[0_1]\t\n"
        "1-5\t21-25\tlamb\t*[1]\tMISC[1]\t_\t_\t\n"
        "1-6\t26-27\t.\t_\t_\t_\t_\t\n\n"
        "#Text=Second line\\there .\n"
        "2-1\t28-34\tSecond\t_\t_\t_\t_\t\n"
        "2-2\t35-39\tline\t_\t_\t_\t_\t\n"
        "2-3\t40-44\there\t*\tLOC\t_\t_\t\n"
        "2-4\t45-46\t.\t_\t_\t_\t_\t\n")


def test_webanno_tsv_is_read_with_stacked_multi_token_spans_and_relations(tmp_path: Path
                                                                           ) -> None:
    path = tmp_path / "doc.tsv"
    path.write_text(_TSV, encoding="utf-8")
    from annotator.formats import detect_format

    assert detect_format(path) == "webanno"
    result = FORMATS["webanno"].read(path)
    assert result.problems == []
    doc = result.documents[0].document
    assert doc.text == "EU 😊 rejects German lamb .\nSecond line\there ."
    assert [(s.text, s.label) for s in doc.spans] == [
        ("EU", "ORG"), ("German", "NORP"), ("German lamb", "MISC"), ("here", "LOC")]
    (event,) = doc.events
    assert (event.type, dict(event.roles)) == ("madeIn", {"arg1": (0,), "arg2": (2,)})
    # Our own export of it reads back the same, and writes the same bytes again.
    FORMATS["webanno"].write([doc], tmp_path / "out", WriteOptions())
    again = FORMATS["webanno"].read(tmp_path / "out").documents[0].document
    assert (again.text, again.spans, again.events) == (doc.text, doc.spans, doc.events)
    first = (tmp_path / "out" / "doc.tsv").read_bytes()
    FORMATS["webanno"].write([again], tmp_path / "out2", WriteOptions())
    assert (tmp_path / "out2" / "doc.tsv").read_bytes() == first


def test_webanno_tsv_read_as_conll_says_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "doc.conll"
    path.write_text(_TSV, encoding="utf-8")
    import pytest

    from annotator.formats import FormatError

    with pytest.raises(FormatError) as info:
        FORMATS["conll"].read(path)
    # Before: dozens of "is not a tag" lines.
    assert [str(p) for p in info.value.problems] == [
        f"{path}:1: this is WebAnno TSV (INCEpTION's export), not CoNLL: import it with "
        "--format webanno"]


def test_prodigy_takes_accepted_answers_and_counts_the_rest(tmp_path: Path) -> None:
    text = "EU rejects German call"
    tasks = [
        {"text": text, "spans": [{"start": 0, "end": 2, "label": "ORG", "token_start": 0,
                                  "token_end": 0}], "answer": "accept", "_task_hash": 1},
        {"text": text + " 2", "spans": [{"start": 0, "end": 2, "label": "ORG"}],
         "answer": "reject", "_task_hash": 2},
        {"text": text + " 3", "answer": "ignore", "_task_hash": 3},
        {"text": text + " 4", "answer": "reject", "_task_hash": 4},
    ]
    path = tmp_path / "db-out.jsonl"
    path.write_text("".join(json.dumps(t) + "\n" for t in tasks), encoding="utf-8")
    from annotator.formats import detect_format

    # Before: read as the project's JSONL, rejected spans and all.
    assert detect_format(path) == "prodigy"
    result = FORMATS["prodigy"].read(path)
    assert [(d.document.text, [(s.text, s.label) for s in d.document.spans])
            for d in result.documents] == [(text, [("EU", "ORG")])]
    assert result.notes == [
        f"{path}: 1 task(s) answered 'ignore' not imported (only accepted answers are "
        "annotations)",
        f"{path}: 2 task(s) answered 'reject' not imported (only accepted answers are "
        "annotations)"]
