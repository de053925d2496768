"""Generate a synthetic corpus from the seed articles, as the project's JSONL.

Sentences of the five seeds are shuffled and recombined into articles; spans are put on whole
tokens with random labels, never overlapping, so every exporter can represent all of them.
The output is reproducible for a given ``--seed``.

    python bench/gen_corpus.py -o /tmp/corpus.jsonl            # 10,000 articles, ~220,000 spans
    python bench/gen_corpus.py -o small.jsonl --docs 100 --seed 7
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LABELS = ("ACTOR", "TARGET", "LOCATION", "DATE")
# Sentence ends: the same marks the text core splits at; kept with their sentence.
_SENTENCE = re.compile(r"[^.؟!?\n]+[.؟!?]?")
# A token here is a run of word characters (Arabic letters, digits, Latin) with no punctuation,
# which is always a whole token for the text core as well.
_WORD = re.compile(r"\w+")


def seed_sentences(folder: Path = SEEDS) -> list[str]:
    """Every sentence of the seed articles with at least three words, stripped."""
    out: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for match in _SENTENCE.finditer(text):
            sentence = match.group().strip()
            if len(_WORD.findall(sentence)) >= 3:
                out.append(sentence)
    return out


def make_article(
    rng: random.Random, sentences: list[str], *, spans_per_doc: float
) -> tuple[str, list[dict[str, object]]]:
    """One article of shuffled sentences and about ``spans_per_doc`` token spans."""
    count = rng.randint(6, 14)
    paragraphs: list[str] = []
    for _ in range(rng.randint(2, 4)):
        paragraphs.append(" ".join(rng.choice(sentences) for _ in range(max(1, count // 3))))
    text = "\n".join(paragraphs)
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    # Spans of one or two adjacent words; picking distinct start words in order and skipping any
    # that would touch the previous span keeps them disjoint.
    wanted = min(len(words) // 3, max(1, round(rng.gauss(spans_per_doc, 4))))
    picks = sorted(rng.sample(range(len(words)), wanted))
    spans: list[dict[str, object]] = []
    last_end = -1
    for i in picks:
        start = words[i][0]
        if start <= last_end:
            continue
        width = 2 if i + 1 < len(words) and rng.random() < 0.3 else 1
        end = words[i + width - 1][1]
        label = rng.choice(LABELS)
        spans.append(
            {
                "id": f"s{len(spans) + 1}",
                "start": start,
                "end": end,
                "label": label,
                "text": text[start:end],
                "attrs": {},
            }
        )
        last_end = end
    return text, spans


#: A word no seed holds, planted by ``--rare`` so that a search has a few hits to find.
RARE_WORD = "زمهرير"


def generate(
    *, docs: int, seed: int, spans_per_doc: float = 23.5, folder: Path = SEEDS, rare: int = 0
) -> Iterator[dict[str, object]]:
    """Yield ``docs`` records in the project's JSONL layout.

    With ``rare`` > 0, every ``rare``-th article ends with a sentence holding RARE_WORD.
    """
    rng = random.Random(seed)
    sentences = seed_sentences(folder)
    seen: set[str] = set()
    n = 0
    while n < docs:
        text, spans = make_article(rng, sentences, spans_per_doc=spans_per_doc)
        if text in seen:  # duplicates would be skipped on import and skew the counts
            continue
        seen.add(text)
        n += 1
        if rare and n % rare == 0:
            text += f"\nوصف الشهود {RARE_WORD} الليلة."
        yield {
            "id": f"bench-{n:05d}",
            "text": text,
            "meta": {"source": "synthetic", "seed": seed},
            "status": "done" if rng.random() < 0.8 else "in_progress",
            "annotator": rng.choice(("amal", "omar")),
            "spans": spans,
            "events": [],
        }


def main(argv: list[str] | None = None) -> int:
    """Write the corpus and print its size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=Path, required=True, help="JSONL file to write")
    parser.add_argument("--docs", type=int, default=10_000, help="number of articles")
    parser.add_argument("--spans", type=float, default=23.5, help="spans per article to aim at")
    parser.add_argument("--seed", type=int, default=1, help="random seed")
    parser.add_argument("--rare", type=int, default=0, metavar="K",
                        help=f"end every K-th article with a sentence holding {RARE_WORD}")
    args = parser.parse_args(argv)
    n_docs = n_spans = n_chars = 0
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        for record in generate(docs=args.docs, seed=args.seed, spans_per_doc=args.spans,
                               rare=args.rare):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n_docs += 1
            n_spans += len(record["spans"])  # type: ignore[arg-type]
            n_chars += len(record["text"])  # type: ignore[arg-type]
    print(f"{args.out}: {n_docs} documents, {n_spans} spans, {n_chars} characters", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
