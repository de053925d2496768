"""Suggestions: how many keystrokes they save, how right each source is, and what they cost.

Three tables:

1. **Annotator simulation** on the five gold seeds (tests/data/seeds_gold.jsonl), worked in
   order. The simulated annotator accepts a suggestion that is exactly a gold span (Tab to
   it, the accept key: 2 keys, 1 edit), rejects any other suggestion it meets (Tab, the
   reject key: 2 keys, 1 edit) and labels the rest by hand: one Ctrl+Arrow per word from the
   caret to the span, one Shift+Ctrl+Arrow per word of the span, the label key (1 edit). The
   gazetteer starts empty and learns every span as it is labeled or accepted, so document 1
   teaches document 2 (and a name labeled early in a document is proposed later in it). The
   model for each seed is trained on synthetic articles made from the OTHER four seeds only
   (bench/gen_labeled.py), so it is never scored on sentences it was trained on.
2. **Precision and recall** of each source alone against the gold (exact offsets and label),
   the gazetteer as it stands when each document is opened.
3. **Cost**: training and predicting on 1,000 documents of bench/gen_corpus.py (wall time and
   peak resident memory of a child process doing only that), and the gazetteer look-up over a
   1 MB article with 5,000 known names (CPU time, median of 7 runs, 20 with --lookup), beside
   floors taken in the same run: a plain ``re`` scan of the article's words, ``str.split()``
   and a ``str.find`` of one absent name (the text core's exact per-character fold of the
   same article is printed too: the exact fold the matcher's numpy fold replaces). The
   realistic case holds the gold seeds' labeled texts and invented names of the same shapes;
   the worst case makes 5,000 names of the article's own words, so that nearly every word is
   a hit.

    python bench/bench_suggest.py                    # all three
    python bench/bench_suggest.py --lookup           # the look-up only, median of 20 runs
"""

from __future__ import annotations

import argparse
import datetime
import json
import multiprocessing
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import gen_corpus  # noqa: E402
import gen_labeled  # noqa: E402

from annotator.core.matcher import FoldedText, NameMatcher, fold_key  # noqa: E402
from annotator.core.model import Document, Span  # noqa: E402
from annotator.core.text import fold, tokenize  # noqa: E402
from annotator.formats.jsonl import record_to_document  # noqa: E402
from annotator.services.suggestions import (  # noqa: E402
    DateSource,
    Gazetteer,
    SuggestionSource,
    suggestions_for,
)
from annotator.services.training import ModelSource, ModelStore, NerModel, train  # noqa: E402

LABELS = ("ACTOR", "TARGET", "LOCATION", "DATE")
WORD_RE = re.compile(r"\S+")
PUBLISHED = datetime.date(2024, 10, 28)
Key = tuple[int, int, str]


def _key(span: Span) -> Key:
    return (span.start, span.end, span.label)


# --- 1 and 2: the simulated annotator ------------------------------------------------------


def simulate(doc: Document, gold: Sequence[Span], sources: Sequence[SuggestionSource],
             learn: Callable[[Span], None] | None) -> tuple[int, int]:
    """Keystrokes and edits to label ``gold`` in ``doc`` with ``sources`` proposing."""
    starts = [t.start for t in tokenize(doc.text)]

    def words(a: int, b: int) -> int:
        return sum(1 for s in starts if a <= s < b)

    done: list[Span] = []
    rejected: set[tuple[str, str]] = set()
    keys = edits = 0
    caret = cursor = 0
    g = 0
    pending = list(gold)

    def proposals() -> list[Span]:
        shown = suggestions_for(
            Document(doc.name, doc.text, meta=doc.meta, spans=tuple(done)), sources,
            rejected=rejected,
        )
        return [s for s in shown.spans if s.start >= cursor]

    current = proposals() if sources else []
    while g < len(pending) or current:
        target = pending[g] if g < len(pending) else None
        nxt = current[0] if current else None
        if nxt is not None and (target is None or nxt.start < target.end):
            keys += 2
            edits += 1
            if target is not None and _key(nxt) == _key(target):
                done.append(target)
                if learn is not None:
                    learn(target)
                g += 1
                caret = cursor = nxt.end
            else:
                rejected.add((nxt.label, fold_key(nxt.text)))
                cursor = nxt.start + 1
            current = proposals()
            continue
        assert target is not None
        keys += words(min(caret, target.start), target.start) + words(target.start,
                                                                        target.end) + 1
        edits += 1
        done.append(target)
        g += 1
        caret = cursor = target.end
        if learn is not None:
            learn(target)
            current = proposals()
        else:
            current = [s for s in current if s.start >= cursor]
    return keys, edits


def _gold_docs() -> list[tuple[Document, list[Span]]]:
    out = []
    for i, rec in enumerate(gen_labeled.read_gold()):
        doc = record_to_document(rec, default_name=str(i))
        gold = sorted(doc.spans, key=lambda s: (s.start, s.end))
        out.append((Document(doc.name, doc.text, meta=doc.meta), gold))
    return out


def _leave_one_out_models(folder: Path, records: list[dict[str, Any]]) -> list[NerModel]:
    models = []
    for i in range(len(records)):
        others = [r for k, r in enumerate(records) if k != i]
        docs = [record_to_document(r, default_name=r["id"])
                for r in gen_labeled.generate(others, docs=200, seed=i + 1)]
        store = ModelStore(folder / f"without-{i}")
        train(docs, store, labels=LABELS, held_out=0.0)
        model = store.latest()
        assert model is not None
        models.append(model)
    return models


def _scores(found: set[tuple[int, ...]], gold: set[tuple[int, ...]]) -> tuple[float, float]:
    hit = len(found & gold)
    return (hit / len(found) if found else 0.0, hit / len(gold) if gold else 0.0)


def simulation_tables() -> None:
    docs = _gold_docs()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        models = _leave_one_out_models(Path(tmp), gen_labeled.read_gold())
        print(f"(5 leave-one-out models trained in {time.perf_counter() - t0:.1f} s)\n")
        configs = ["none", "dates", "gazetteer", "model", "all"]
        rows: dict[str, list[tuple[int, int]]] = {c: [] for c in configs}
        per_source: dict[str, tuple[set[tuple[int, ...]], set[tuple[int, ...]]]] = {
            c: (set(), set()) for c in ("dates", "gazetteer", "model", "all")}
        for config in configs:
            gazetteer = Gazetteer(order=LABELS)
            for n, (doc, gold) in enumerate(docs):
                sources: list[SuggestionSource] = []
                if config in ("dates", "all"):
                    sources.append(DateSource())
                if config in ("gazetteer", "all"):
                    sources.append(gazetteer)
                if config in ("model", "all"):
                    sources.append(ModelSource(models[n]))
                if config in per_source:
                    # Scores against the gold as the document is opened (nothing labeled yet).
                    found, truth = per_source[config]
                    found |= {(n, *_key(s)) for s in suggestions_for(doc, sources).spans}
                    truth |= {(n, *_key(s)) for s in gold}

                def learn(span: Span, g: Gazetteer = gazetteer) -> None:
                    g.learn(span.text, span.label)

                rows[config].append(simulate(
                    doc, gold, sources, learn if config in ("gazetteer", "all") else None))
        spans = sum(len(g) for _, g in docs)
        print(f"Annotator simulation: 5 gold seeds, {spans} spans "
              "(keystrokes / edits per document, mean over the five)")
        print(f"{'sources':<12} {'keys/doc':>9} {'edits/doc':>10} {'keys vs none':>13}")
        base = statistics.mean(k for k, _ in rows["none"])
        for config in configs:
            k = statistics.mean(k for k, _ in rows[config])
            e = statistics.mean(e for _, e in rows[config])
            print(f"{config:<12} {k:>9.1f} {e:>10.1f} {k / base:>12.0%}")
        print()
        print("Each source alone against the gold (exact offsets and label); the last column")
        print("counts only gold spans of the labels the source proposes (dates: DATE)")
        print(f"{'source':<12} {'proposed':>9} {'precision':>10} {'recall':>7} "
              f"{'recall (its labels)':>20}")
        for source, (found, truth) in per_source.items():
            p, r = _scores(found, truth)
            own = {x for x in truth if source != "dates" or x[-1] == "DATE"}
            _, r_own = _scores(found, own)
            print(f"{source:<12} {len(found):>9} {p:>10.3f} {r:>7.3f} {r_own:>20.3f}")
        print()


# --- 3: cost ---------------------------------------------------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _train_job(path: str, folder: str, out: Any) -> None:
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    docs = [record_to_document(r, default_name=r["id"]) for r in records]
    t0 = time.perf_counter()
    card = train(docs, ModelStore(Path(folder)), labels=LABELS, held_out=0.0)
    out.put((time.perf_counter() - t0, _peak_mb(), card.sentences))


def _predict_job(path: str, folder: str, out: Any) -> None:
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    docs = [record_to_document(r, default_name=r["id"]) for r in records]
    model = ModelStore(Path(folder)).latest()
    assert model is not None
    source = ModelSource(model)
    t0 = time.perf_counter()
    n = sum(len(source.propose(d)) for d in docs)
    out.put((time.perf_counter() - t0, _peak_mb(), n))


def _in_child(job: Callable[..., None], *args: str) -> tuple[float, float, int]:
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=job, args=(*args, queue))
    proc.start()
    result: tuple[float, float, int] = queue.get()
    proc.join()
    return result


def model_cost() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for rec in gen_corpus.generate(docs=1000, seed=1):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        train_s, train_mb, sentences = _in_child(_train_job, str(corpus), tmp + "/m")
        pred_s, pred_mb, proposed = _in_child(_predict_job, str(corpus), tmp + "/m")
    print("Model on 1,000 documents of bench/gen_corpus.py (one child process each)")
    print(f"{'step':<10} {'seconds':>8} {'peak MB':>8}  notes")
    print(f"{'train':<10} {train_s:>8.1f} {train_mb:>8.0f}  {sentences} sentences, 60 iterations")
    print(f"{'predict':<10} {pred_s:>8.1f} {pred_mb:>8.0f}  {proposed} spans proposed "
          f"({pred_s / 1000 * 1000:.1f} ms per document)")
    print()


def lookup_cost(runs: int = 7) -> None:
    rng = random.Random(5)
    sentences_pool = gen_corpus.seed_sentences()
    parts: list[str] = []
    size = 0
    while size < 1_000_000:
        s = rng.choice(sentences_pool)
        parts.append(s)
        size += len(s) + 1
    article = "\n".join(parts)[:1_000_000]
    folded_once = FoldedText(article)  # noqa: F841 - the table is built on first use
    # Realistic: every text labeled in the gold seeds, and made-up names of the same shapes
    # (a head word and one or two invented words) up to 5,000: most are absent, as most of a
    # project's names are from any one article.
    gold_names = {s["text"] for r in gen_labeled.read_gold() for s in r["spans"]}
    heads = ("قوات", "ميليشيا", "بلدة", "قرية", "حي", "مطار", "لواء", "كتيبة", "حقل", "")
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    names = set(gold_names)
    while len(names) < 5000:
        invented = " ".join("".join(rng.choice(letters) for _ in range(rng.randint(3, 6)))
                            for _ in range(rng.randint(1, 2)))
        names.add(f"{rng.choice(heads)} {invented}".strip())
    # Worst case: 5,000 words and word pairs of the article itself (prepositions included),
    # so that nearly every word is a hit.
    vocab = sorted({w for s in sentences_pool for w in s.split() if len(w) > 2})
    common: set[str] = set()
    while len(common) < 5000:
        common.add(" ".join(rng.choice(vocab) for _ in range(rng.choice((1, 2, 2, 3)))))
    # CPU time of this process, not wall time: several people share two cores, and the load
    # (printed) stretches wall time several times over. The floors are measured the same way,
    # in the same run, interleaved with the look-ups.
    clock = time.process_time
    absent = "قوات لم تذكر قط"

    def floors() -> dict[str, float]:
        out = {}
        t0 = clock()
        article.find(absent)
        out["str.find"] = clock() - t0
        t0 = clock()
        article.split()
        out["split"] = clock() - t0
        t0 = clock()
        sum(1 for _ in WORD_RE.finditer(article))
        out["re"] = clock() - t0
        return out

    t0 = clock()
    fold(article)
    core_ms = (clock() - t0) * 1000
    print(f"Gazetteer look-up over {len(article):,} characters: CPU ms, median of {runs} runs "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"{'names':<44} {'fold ms':>8} {'find ms':>8} {'total':>8} {'x re':>6} "
          f"{'+Hits':>7} {'hits':>7}")
    floor_runs: dict[str, list[float]] = {"str.find": [], "split": [], "re": []}
    table = []
    for title, pool in (("gold texts + invented names", names),
                        ("worst case: words of the article", common)):
        matcher = NameMatcher((n, "ACTOR") for n in pool)
        matcher.find("تمهيد")  # builds the automaton once, as the first document does
        fold_runs, find_runs, tuple_runs, hits = [], [], [], 0
        for _ in range(runs):
            for name, value in floors().items():
                floor_runs[name].append(value)
            t0 = clock()
            folded = FoldedText(article)
            t1 = clock()
            hits = len(matcher.find_arrays(folded))
            t2 = clock()
            matcher.find(folded)
            t3 = clock()
            fold_runs.append(t1 - t0)
            find_runs.append(t2 - t1)
            tuple_runs.append(t3 - t2)
        table.append((f"{len(matcher):,} {title}", *(statistics.median(r) * 1000 for r in (
            fold_runs, find_runs, tuple_runs)), hits))
    re_ms = statistics.median(floor_runs["re"]) * 1000
    for title, f_ms, g_ms, h_ms, hits in table:
        print(f"{title:<44} {f_ms:>8.1f} {g_ms:>8.1f} {f_ms + g_ms:>8.1f} "
              f"{(f_ms + g_ms) / re_ms:>6.2f} {h_ms:>7.1f} {hits:>7}")
    for name, title in (("re", "floor: re \\S+ scan of the article"),
                        ("split", "floor: str.split() of the article"),
                        ("str.find", "floor: str.find of one absent name")):
        ms = statistics.median(floor_runs[name]) * 1000
        print(f"{title:<44} {'':>8} {'':>8} {ms:>8.1f} {ms / re_ms:>6.2f}")
    print(f"{'the text core fold() (exact, per character)':<44} {core_ms:>8.1f}")
    print("find ms: NameMatcher.find_arrays (what the gazetteer uses); +Hits: find(), the "
          "same hits as one named tuple each, measured after it")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-simulation", action="store_true", help="no simulation table")
    parser.add_argument("--skip-model", action="store_true",
                        help="no 1,000-document training and prediction")
    parser.add_argument("--skip-lookup", action="store_true", help="no gazetteer look-up")
    parser.add_argument("--lookup", action="store_true",
                        help="the gazetteer look-up only, median of 20 runs")
    args = parser.parse_args(argv)
    if args.lookup:
        lookup_cost(runs=20)
        return 0
    if not args.skip_simulation:
        simulation_tables()
    if not args.skip_model:
        model_cost()
    if not args.skip_lookup:
        lookup_cost()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
