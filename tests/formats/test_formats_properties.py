"""Property tests: random spans over random text (emoji and other astral characters included)
survive write -> read exactly in the span-keeping formats."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.model import Document, Span
from annotator.core.text import INVISIBLE
from annotator.formats import FORMATS, WriteOptions

LABELS = ["ACTOR", "TARGET", "LOCATION", "DATE"]
_PIECES = st.sampled_from(["دير", "الزور", "هــ.دد", "بالميادين", "ً", "ّ", " ", "\n", "،", ".",
                           "“", "”", "😀", "🇸🇾", "𝕏", "\u200f", "\u2028", "SY24", "6.3", "\t"])
_ANY = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\ufeff")
# Some visible character: a text of only spaces and invisible controls has no CoNLL token.
TEXT = st.lists(st.one_of(_PIECES, _ANY), min_size=1, max_size=40).map("".join).filter(
    lambda t: any(not c.isspace() and c not in INVISIBLE for c in t))


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = draw(TEXT)
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        spans.append(Span(start=start, end=end, label=draw(st.sampled_from(LABELS)),
                          text=text[start:end]))
    return Document(name="doc", text=text, spans=tuple(spans))


@pytest.mark.parametrize("fmt", ["jsonl", "labelstudio", "doccano", "brat"])
@given(doc=documents())
def test_random_spans_survive_write_then_read(
    fmt: str, doc: Document, check_jsonl: Callable[[Path], int]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / ("out" if fmt == "brat" else "out.json")
        FORMATS[fmt].write([doc], out, WriteOptions())
        if fmt == "jsonl":
            assert check_jsonl(out) == 1
        result = FORMATS[fmt].read(out)
        assert result.problems == []
        (got,) = [d.document for d in result.documents]
    assert got.text == doc.text
    assert [(s.start, s.end, s.label, s.text) for s in got.spans] == [
        (s.start, s.end, s.label, s.text) for s in doc.spans]


@given(doc=documents(), scheme=st.sampled_from(["iob2", "bioes"]))
def test_conll_write_read_write_is_stable(doc: Document, scheme: str) -> None:
    options = WriteOptions(scheme=scheme, nested=True)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as tmp:
        first, second = Path(tmp) / "a.conll", Path(tmp) / "b.conll"
        report = FORMATS["conll"].write([doc], first, options)
        result = FORMATS["conll"].read(first)
        assert result.problems == []
        back = [d.document for d in result.documents]
        FORMATS["conll"].write(back, second, options)
        assert second.read_bytes() == first.read_bytes()
    # Every span that found tokens comes back: its visible characters (tokens hold no
    # invisible controls), with tokens space-separated.
    unplaced = {u.index for u in _unplaced(doc)}
    kept = sorted((s.label, _visible(s.text)) for i, s in enumerate(doc.spans)
                  if i not in unplaced)
    got = sorted((s.label, _visible(s.text)) for d in back for s in d.spans)
    assert got == kept
    assert report.spans == len(kept)


def _visible(text: str) -> str:
    """The characters a CoNLL file keeps: no whitespace, no invisible controls."""
    return "".join(c for c in "".join(text.split()) if c not in INVISIBLE)


def _unplaced(doc: Document) -> list:  # type: ignore[type-arg]
    from annotator.core.tagging import tag_spans

    return tag_spans(doc.text, doc.spans, nested=True).unplaced


@pytest.mark.parametrize("fmt", ["csv", "txt", "conll"])
@given(text=TEXT)
def test_random_text_survives_write_then_read(fmt: str, text: str) -> None:
    doc = Document(name="doc", text=text)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / ("out" if fmt == "txt" else f"out.{fmt}")
        FORMATS[fmt].write([doc], out, WriteOptions())
        result = FORMATS[fmt].read(out)
        assert result.problems == []
        (got,) = [d.document for d in result.documents]
    if fmt == "conll":
        # Tokens come back separated by single spaces: the same visible characters.
        assert _visible(got.text) == _visible(text)
    else:
        assert (got.name, got.text) == ("doc", text)
