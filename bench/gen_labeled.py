"""Synthetic labeled articles made from the gold seeds (tests/data/seeds_gold.jsonl).

The gold sentences are shuffled and recombined into new articles, each keeping its spans
(shifted to the new offsets), so a model trained on them learns real labels, unlike
bench/gen_corpus.py whose labels are random. The output is the project's JSONL, status "done",
reproducible for a given ``--seed``; with ``--with-gold`` the five gold articles come first.

    python bench/gen_labeled.py -o /tmp/labeled.jsonl --docs 300 --with-gold
    annotator --db /tmp/t.sqlite import /tmp/labeled.jsonl && annotator --db /tmp/t.sqlite train
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.text import sentences  # noqa: E402

GOLD = ROOT / "tests" / "data" / "seeds_gold.jsonl"

Sentence = tuple[str, list[dict[str, Any]]]  # text, spans with offsets into it


def read_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    """The gold records."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def gold_sentences(records: Sequence[dict[str, Any]]) -> list[Sentence]:
    """Every sentence of the records with the spans inside it (a span is never cut)."""
    out: list[Sentence] = []
    for rec in records:
        text = rec["text"]
        spans = rec["spans"]
        for start, end in sentences(text, keep_together=[(s["start"], s["end"]) for s in spans]):
            inside = [
                {"start": s["start"] - start, "end": s["end"] - start, "label": s["label"],
                 "text": s["text"]}
                for s in spans if start <= s["start"] and s["end"] <= end
            ]
            out.append((text[start:end], inside))
    return out


def generate(records: Sequence[dict[str, Any]], *, docs: int, seed: int
             ) -> Iterator[dict[str, Any]]:
    """``docs`` synthetic articles of 6 to 14 gold sentences each."""
    rng = random.Random(seed)
    pool = gold_sentences(records)
    for n in range(1, docs + 1):
        parts: list[str] = []
        spans: list[dict[str, Any]] = []
        offset = 0
        for _ in range(rng.randint(6, 14)):
            text, inside = rng.choice(pool)
            if parts:
                sep = "\n" if rng.random() < 0.3 else " "
                parts.append(sep)
                offset += len(sep)
            for s in inside:
                spans.append({**s, "start": s["start"] + offset, "end": s["end"] + offset})
            parts.append(text)
            offset += len(text)
        yield {"id": f"labeled-{seed}-{n:05d}", "text": "".join(parts),
               "meta": {"source": "synthetic", "published": "2024-10-28"},
               "status": "done", "spans": spans, "events": []}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=Path, required=True, help="JSONL file to write")
    parser.add_argument("--docs", type=int, default=300, help="number of synthetic articles")
    parser.add_argument("--seed", type=int, default=1, help="random seed")
    parser.add_argument("--with-gold", action="store_true", help="write the gold articles too")
    args = parser.parse_args(argv)
    gold = read_gold()
    records = list(generate(gold, docs=args.docs, seed=args.seed))
    if args.with_gold:
        records = gold + records
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            for s in rec["spans"]:
                assert rec["text"][s["start"]:s["end"]] == s["text"]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{args.out}: {len(records)} documents, "
          f"{sum(len(r['spans']) for r in records)} spans", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
