"""CoNLL export of a name labeled without its clitic: the token is split at the span's edge."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import Document, make_span
from annotator.core.text import snap_to_tokens
from annotator.formats import FORMATS
from annotator.formats.base import WriteOptions


def test_a_name_without_its_conjunction_exports_as_two_lines(
    seed_texts: dict[str, str], tmp_path: Path
) -> None:
    text = seed_texts["000_5ca5841cad9489bf"]
    start = text.index("البوكمال", text.index("الميادين والبوكمال"))
    end = start + len("البوكمال")
    # What the window stores for a drag from the و|ال boundary to the end of the word.
    snapped = snap_to_tokens(text, start, end)
    assert snapped == (start, end)
    doc = Document(name="000", text=text, spans=(make_span(text, *snapped, "LOCATION"),))
    out = tmp_path / "out.conll"
    report = FORMATS["conll"].write([doc], out, WriteOptions())
    assert report.spans == 1 and not report.dropped
    lines = out.read_text(encoding="utf-8").splitlines()
    at = lines.index("و O")
    assert lines[at - 1 : at + 3] == ["الميادين O", "و O", "البوكمال B-LOCATION", ". O"]
