"""The 4-column CoNLL export goes through spaCy's own command line, ``spacy convert --converter
ner``, as a user would run it, and every exported span comes out as an entity."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main

GOLDEN_JSONL = Path(__file__).resolve().parent.parent / "formats" / "golden" / "jsonl"


@pytest.mark.slow
def test_conll_export_loads_with_spacy_convert(tmp_path: Path) -> None:
    spacy_tokens = pytest.importorskip("spacy.tokens")
    spacy_vocab = pytest.importorskip("spacy.vocab")
    db = str(tmp_path / "p.sqlite3")
    source = sorted(GOLDEN_JSONL.glob("*.jsonl"))
    assert source, "the golden JSONL file is missing"
    assert main(["--db", db, "import", str(source[0])]) == 0
    conll = tmp_path / "out.conll"
    assert main(["--db", db, "export", "--format", "conll", "--conll-columns", "4",
                 "-o", str(conll)]) == 0
    lines = conll.read_text(encoding="utf-8").splitlines()
    exported_entities = sum(1 for line in lines if line.split(" ")[-1].startswith("B-"))
    assert exported_entities > 0

    outdir = tmp_path / "spacy"
    outdir.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "convert", str(conll), str(outdir),
         "--converter", "ner", "--file-type", "spacy"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    produced = list(outdir.glob("*.spacy"))
    assert len(produced) == 1
    docs = list(spacy_tokens.DocBin().from_disk(produced[0]).get_docs(spacy_vocab.Vocab()))
    assert sum(len(doc.ents) for doc in docs) == exported_entities
    # Entity texts are the exported tokens: spaCy joins them with single spaces.
    assert all(ent.text.strip() == ent.text for doc in docs for ent in doc.ents)
