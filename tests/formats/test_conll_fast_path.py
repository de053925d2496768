"""The streaming CoNLL writer and its fast path write the same bytes as the writer before them.

``reference_write`` is the writer as it was before streaming and the fast path (every document
through the tagger, the whole file built in memory); it is the oracle here.
"""

from __future__ import annotations

import hashlib
import random
from itertools import pairwise
from pathlib import Path

import pytest

from annotator.core.model import Document, Span, make_span, normalize_newlines
from annotator.core.text import SENTENCE_MARKS, sentences, token_columns, tokenize
from annotator.core.token_template import (
    TEMPLATE_VERSION,
    SpanColumns,
    make_template,
    pack_template,
    unpack_template,
)
from annotator.formats.base import Problem, WriteOptions, WriteReport
from annotator.formats.conll import (
    DOCSTART,
    ConllFormat,
    ConllSource,
    _line_finder,
    fast_lines,
    tag_document,
    unplaced_problems,
)
from bench.gen_corpus import generate


def _pad(body: str, suffix: str) -> str:
    return "\n".join(line + suffix if line else line for line in body.split("\n"))


def reference_write(documents: list[Document], out: Path, options: WriteOptions
                    ) -> tuple[bytes, WriteReport]:
    """The CoNLL writer before the fast path (kept verbatim, writing bytes instead of a file)."""
    four = options.conll_columns == 4
    report = WriteReport(files=[out])
    bodies: list[tuple[str, int]] = []
    line_count = 0
    for doc in documents:
        t = tag_document(doc, options)
        if not t.tagging.tokens:
            report.dropped.append(Problem(str(out), None, f"{doc.name}: no tokens; not written"))
            continue
        columns = t.tagging.columns
        tags = [" ".join(c) for c in zip(*columns, strict=True)] if len(columns) > 1 \
            else columns[0]
        words = [f"{tok.text} -X- _ " if four else f"{tok.text} " for tok in t.tagging.tokens]
        bodies.append(("".join("".join(words[i] + tags[i] + "\n" for i in group) + "\n"
                               for group in t.sentences), len(columns)))
        report.dropped.extend(unplaced_problems(t, out, _line_finder(t, line_count + 3)))
        line_count += 2 + len(t.tagging.tokens) + len(t.sentences)
        report.documents += 1
        report.spans += len(t.tagging.placed)
    depth = max((levels for _, levels in bodies), default=1)
    pad = " O" * (depth - 1)
    start_line = f"{DOCSTART} -X- O O{pad if four else ''}\n\n"
    parts: list[str] = []
    for body, levels in bodies:
        parts.append(start_line)
        parts.append(body if levels == depth else _pad(body, " O" * (depth - levels)))
    return "".join(parts).encode("utf-8"), report


OPTIONS = [
    WriteOptions(),
    WriteOptions(scheme="bioes", conll_columns=4),
    WriteOptions(whole_tokens=True),
    WriteOptions(nested=True),
    WriteOptions(scheme="bioes", nested=True, conll_columns=4),
]
LABELS = ("ACTOR", "TARGET", "LOCATION", "DATE")


def _random_documents(texts: list[str], rng: random.Random, n: int) -> list[Document]:
    docs = []
    for k in range(n):
        base = rng.choice(texts)
        a = rng.randrange(max(1, len(base) - 400))
        text = base[a : a + rng.randint(0, 400)]
        if rng.random() < 0.2:
            text = "😀 " + text + " 👍🏽 والبوكمال."
        tokens = tokenize(text)
        spans: list[Span] = []
        kind = rng.random()
        for _ in range(rng.randint(0, 8) if tokens else 0):
            i = rng.randrange(len(tokens))
            j = min(len(tokens) - 1, i + rng.choice((0, 0, 1, 2)))
            start, end = tokens[i].start, tokens[j].end
            if kind < 0.3 and end - start > 1:  # an edge inside a token (clitic split)
                if rng.random() < 0.5:
                    start += 1
                else:
                    end -= 1
            if start < end:
                spans.append(make_span(text, start, end, rng.choice(LABELS)))
        if kind > 0.6:  # keep the common, aligned and disjoint case well represented
            spans.sort(key=lambda s: s.start)
            disjoint: list[Span] = []
            for span in spans:
                if not disjoint or span.start >= disjoint[-1].end:
                    disjoint.append(span)
            spans = disjoint
        docs.append(Document(name=f"r{k}", text=text, spans=tuple(spans)))
    return docs


def _seed_documents(seed_texts: dict[str, str]) -> list[Document]:
    """Seeds with overlapping, clitic-split and emoji spans."""
    docs = []
    for name, raw in seed_texts.items():
        text = normalize_newlines(raw)
        tokens = [t for t in tokenize(text) if len(t.text) > 3]
        spans = [
            make_span(text, tokens[0].start, tokens[2].end, "ACTOR"),       # three tokens
            make_span(text, tokens[1].start, tokens[1].end, "TARGET"),      # nested in it
            make_span(text, tokens[5].start + 1, tokens[5].end, "LOCATION"),  # clitic split
            make_span(text, tokens[8].start, tokens[9].end, "DATE"),
            make_span(text, tokens[9].start, tokens[10].end, "ACTOR"),      # overlapping
        ]
        docs.append(Document(name=name, text=text, spans=tuple(spans)))
        emoji = text + "\nصورة 😀 من حلب 👍🏽"
        at = emoji.index("😀")
        docs.append(Document(name=name + "-emoji", text=emoji, spans=(
            make_span(emoji, at, at + 1, "ACTOR"),
            make_span(emoji, at + 5, at + 8, "LOCATION"),
            make_span(emoji, tokens[3].start, tokens[3].end, "TARGET"),
        )))
    return docs


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: f"{o.scheme}-{o.conll_columns}"
                         f"{'-whole' if o.whole_tokens else ''}{'-nested' if o.nested else ''}")
def test_streaming_writer_matches_the_reference(
    tmp_path: Path, seed_texts: dict[str, str], options: WriteOptions
) -> None:
    texts = [normalize_newlines(t) for t in seed_texts.values()]
    docs = _seed_documents(seed_texts) + _random_documents(texts, random.Random(5), 150)
    docs.append(Document(name="empty", text="   "))  # no tokens: dropped, reported
    out = tmp_path / "out.conll"
    report = ConllFormat().write(iter(docs), out, options)
    expected, expected_report = reference_write(docs, out, options)
    assert out.read_bytes() == expected
    assert report == expected_report


def test_fast_path_takes_aligned_documents_and_leaves_the_rest(
    seed_texts: dict[str, str]
) -> None:
    texts = [normalize_newlines(t) for t in seed_texts.values()]
    docs = _random_documents(texts, random.Random(9), 200)
    taken = [d for d in docs if fast_lines(d, WriteOptions()) is not None]
    # Most generated documents are aligned and disjoint, some are not: both paths are used.
    assert 0 < len(taken) < len(docs)
    for seed_doc in _seed_documents(seed_texts):
        fast = fast_lines(seed_doc, WriteOptions())
        if seed_doc.name.endswith("-emoji"):  # aligned, disjoint spans over emoji: fast
            assert fast is not None and "😀 B-ACTOR\n".encode() in fast[0]
        else:  # overlapping and clitic-split spans: the tagger
            assert fast is None
    aligned = Document(name="a", text="قصف الطيران مدينة حلب.", spans=(
        make_span("قصف الطيران مدينة حلب.", 4, 11, "ACTOR"),))
    fast = fast_lines(aligned, WriteOptions())
    assert fast is not None
    assert fast[0].decode() == "قصف O\nالطيران B-ACTOR\nمدينة O\nحلب O\n. O\n\n"
    clitic = "وصلت القوات والبوكمال"
    split = Document(name="c", text=clitic, spans=(make_span(clitic, 13, 21, "LOCATION"),))
    fast = fast_lines(split, WriteOptions())
    assert fast is not None and fast[0].decode().endswith("و O\nالبوكمال B-LOCATION\n\n")
    assert fast_lines(split, WriteOptions(whole_tokens=True)) is None


def test_a_failed_export_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "out.conll"

    def documents() -> object:
        yield Document(name="a", text="قصف الطيران")
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        ConllFormat().write(documents(), out, WriteOptions())  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


# --- token columns and templates (docs/adr/0022) -----------------------------------------------

_ODD_TEXTS = [
    "",
    "   ",
    " قصف\u00a0الطيران\x1c حلب\u2028دير الزور ",  # NBSP, file separator, line separator
    "هــ.دد مصــ..رع 6.3 ١,٠٠٠ SY24 «قسد»، (حلب)... ؟! \"كونيكو\".",
    "أيضاً تصدّى لـ”التحالف “عين الأسد” 😀👍🏽 🇸🇾 و\u200fالبوكمال\u200c.",
    "سطر أول.\n\nسطر ثان؟» ثم «ثالث»!\n",
]


def _texts_for_columns(seed_texts: dict[str, str]) -> list[str]:
    rng = random.Random(11)
    texts = [normalize_newlines(t) for t in seed_texts.values()] + _ODD_TEXTS
    pool = "".join(texts) + " \t\n\u00a0\u200f\u200c\x1c😀."
    for _ in range(300):  # random slices and random character soups
        base = rng.choice(texts)
        a = rng.randrange(max(1, len(base)))
        texts.append(base[a : a + rng.randint(0, 300)])
        texts.append("".join(rng.choice(pool) for _ in range(rng.randint(0, 40))))
    return texts


def test_token_columns_are_the_tokens_of_tokenize(seed_texts: dict[str, str]) -> None:
    for text in _texts_for_columns(seed_texts):
        tokens = tokenize(text)
        columns = token_columns(text)
        assert columns.texts == [t.text for t in tokens], text
        assert columns.starts == [t.start for t in tokens]
        assert columns.ends == [t.end for t in tokens]
        # Every token that may start a sentence end is among the odd ones.
        assert {i for i, t in enumerate(tokens) if t.text[0] in SENTENCE_MARKS} <= \
            set(columns.odd)
        assert columns.odd == sorted(columns.odd)


def test_sentence_ends_of_a_template_are_those_of_sentences(
    seed_texts: dict[str, str]
) -> None:
    for text in _texts_for_columns(seed_texts):
        _, starts, ends, breaks = make_template(text).columns()
        built = [(starts[a + 1], ends[b]) for a, b in pairwise([-1, *breaks])]
        assert built == sentences(text), text


def test_a_stored_template_reads_back_the_same(seed_texts: dict[str, str]) -> None:
    for text in _texts_for_columns(seed_texts)[:60]:
        template = make_template(text)
        back = unpack_template(pack_template(template))
        assert back.words == template.words
        assert list(back.starts) == template.starts
        assert list(back.offsets) == template.offsets
        assert back.columns() == template.columns()
        tokens = tokenize(text)
        assert [back.text(i) for i in range(len(tokens))] == [t.text for t in tokens]
        assert [back.end(i) for i in range(len(tokens))] == [t.end for t in tokens]


#: sha256 of the templates of ``_texts_for_columns`` as columns (texts, starts, ends, sentence
#: ends), the rules' output whatever shape a template is stored in. If this changes, the
#: tokenizer or the sentence rules changed what they give: raise TEMPLATE_VERSION (stored
#: templates of the old rules must not be used) and put the new digest here. Version 3 changed
#: only the stored shape: its rules give version 1's digest.
_RULES_1 = "4bc80e243ad527d09b5b8be52bde8813fd784b006478a58a694b53c8d0623432"
TEMPLATE_DIGEST = {1: _RULES_1, 3: _RULES_1, 4: _RULES_1}


def _templates_digest(seed_texts: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for text in _texts_for_columns(seed_texts):
        texts, starts, ends, breaks = make_template(text).columns()
        # The repr of version 1's template (a NamedTuple of the four columns).
        digest.update(f"TokenTemplate(texts={texts!r}, starts={starts!r}, ends={ends!r}, "
                      f"breaks={breaks!r})".encode())
    return digest.hexdigest()


def test_template_version_names_the_rules(seed_texts: dict[str, str]) -> None:
    assert _templates_digest(seed_texts) == TEMPLATE_DIGEST[TEMPLATE_VERSION]


def _sources(docs: list[Document], cached: bool) -> list[ConllSource]:
    return [ConllSource(i, d.name, d.text,
                        SpanColumns.of((s.start, s.end, s.label) for s in d.spans),
                        unpack_template(pack_template(make_template(d.text))) if cached
                        else None)
            for i, d in enumerate(docs)]


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: f"{o.scheme}-{o.conll_columns}"
                         f"{'-whole' if o.whole_tokens else ''}{'-nested' if o.nested else ''}")
@pytest.mark.parametrize("cached", [False, True], ids=["made", "stored"])
def test_sources_with_templates_write_the_reference_bytes(
    tmp_path: Path, seed_texts: dict[str, str], options: WriteOptions, cached: bool
) -> None:
    texts = [normalize_newlines(t) for t in seed_texts.values()]
    docs = _seed_documents(seed_texts) + _random_documents(texts, random.Random(7), 200)
    docs.append(Document(name="empty", text="   "))
    docs.append(Document(name="odd", text=_ODD_TEXTS[4], spans=(
        make_span(_ODD_TEXTS[4], 0, 5, "ACTOR"), make_span(_ODD_TEXTS[4], 45, 53, "LOCATION"))))
    made: list[int] = []
    out = tmp_path / "out.conll"
    report = ConllFormat().write_sources(_sources(docs, cached), out, options,
                                         lambda source, _t: made.append(source.id))
    expected, expected_report = reference_write(docs, out, options)
    assert out.read_bytes() == expected
    assert report == expected_report
    # Templates are made for exactly the sources that came without one.
    assert made == ([] if cached else list(range(len(docs))))


def test_the_generated_corpus_writes_the_reference_bytes(tmp_path: Path) -> None:
    records = list(generate(docs=120, seed=4))
    docs = [Document(name=str(r["id"]), text=str(r["text"]), spans=tuple(
        make_span(str(r["text"]), int(s["start"]), int(s["end"]), str(s["label"]))
        for s in r["spans"]))  # type: ignore[attr-defined]
        for r in records]
    assert any(fast_lines(d, WriteOptions()) is not None for d in docs)
    for options in OPTIONS[:2]:
        out = tmp_path / "out.conll"
        ConllFormat().write_sources(_sources(docs, True), out, options, lambda s, t: None)
        expected, _ = reference_write(docs, out, options)
        assert out.read_bytes() == expected


def test_a_piece_the_writer_takes_as_one_word_is_one_token_for_the_tokenizer() -> None:
    # The writer cuts a token at a span edge without the tokenizer when every piece is
    # letters, digits, marks or "_" (a lone tanween): the tokenizer must agree, for every
    # such character alone, after a letter and between letters.
    from annotator.formats.conll import _one_word

    taken = [chr(c) for c in range(0x110000)
             if not 0xD800 <= c < 0xE000 and _one_word(chr(c))]
    assert "\u064b" in taken and "_" in taken and "\u0640" in taken  # tanween, _, tatweel
    assert "." not in taken and "\u200c" not in taken and " " not in taken
    for ch in taken:
        for piece in (ch, "ب" + ch, "ب" + ch + "ب", ch + "1"):
            assert [t.text for t in tokenize(piece)] == [piece], hex(ord(ch))
