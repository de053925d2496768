"""Messages of readers and services: the CLI's English, with an id and parameters for the
window, and an Arabic template for each one with the same parameters."""

from __future__ import annotations

import pickle
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annotator.core.messages import TEMPLATES, WORDS, Message, json_reason, message_of
from annotator.formats.records import RecordError, TextMapper

ROOT = Path(__file__).resolve().parents[2]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_a_message_is_its_english_and_keeps_id_and_parameters() -> None:
    message = Message("csv.columns", n=3, header=2)
    assert message == "3 columns where the header has 2"
    assert (message.id, message.params) == ("csv.columns", {"n": 3, "header": 2})
    assert f"x: {message}" == "x: 3 columns where the header has 2"


def test_a_message_survives_the_queue_from_the_child_process() -> None:
    inner = Message("item.span", n=2)
    message = pickle.loads(pickle.dumps(Message("record.because", what=inner,
                                                reason=Message("record.id_twice"))))
    assert isinstance(message, Message) and message == "span 2: the id is used twice"
    assert message.id == "record.because"
    assert isinstance(message.params["what"], Message)


def test_a_reader_raises_its_reason_as_a_message() -> None:
    with pytest.raises(RecordError) as caught:
        TextMapper("قصف حلب").span(4, 70, "ACTOR", what=Message("item.span", n=1))
    reason = message_of(caught.value)
    assert isinstance(reason, Message)
    assert reason == "span 1 (ACTOR): offsets 4-70 are outside the text (7 characters)"
    assert str(caught.value) == reason  # the CLI's words
    assert not isinstance(message_of(ValueError("plain")), Message)


def test_the_json_modules_reasons_get_ids() -> None:
    assert isinstance(json_reason("Expecting value"), Message)
    assert not isinstance(json_reason("something new"), Message)


def test_every_message_id_in_the_code_has_a_template() -> None:
    used: set[str] = set()
    for path in (ROOT / "annotator").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'Message\(\s*"([\w.]+)"', text))
        used |= set(re.findall(r'(?:record_error|_bad)\([^,]+,\s*"([\w.]+)"', text))
    assert used, "no Message ids found"
    assert sorted(used - TEMPLATES.keys()) == []


def test_every_arabic_template_has_the_english_parameters() -> None:
    """A translation that drops or renames a parameter would raise in the window."""
    catalog = ET.parse(ROOT / "resources" / "i18n" / "annotator_ar.ts").getroot()
    arabic: dict[str, str] = {}
    for context in catalog.iter("context"):
        if context.findtext("name") == "Messages":
            for message in context.iter("message"):
                arabic[message.findtext("source", "")] = message.findtext("translation", "")
    for template in [*TEMPLATES.values(), *WORDS.values()]:
        assert template in arabic, template
        assert _fields(arabic[template]) == _fields(template), template
        if re.search(r"[A-Za-z]{2,}", re.sub(r"\{[^}]*\}", "", template)):  # words to say
            assert re.search(r"[\u0600-\u06FF]", arabic[template]), template
