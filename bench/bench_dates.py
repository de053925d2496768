"""How long the date rules take: the first call (it imports dateparser) and each call after.

Run by hand (it is not a test); it prints one table:

    PYTHONPYCACHEPREFIX=/tmp/pyc python bench/bench_dates.py
    PYTHONPYCACHEPREFIX=/tmp/pyc python bench/bench_dates.py --runs 7

Each run is a fresh interpreter, so the first call pays the dateparser import and its ar-SY
locale; the median of the runs is printed with the range. A window that dates a DATE span when
it is created should pay the first cost before the annotator's first DATE (at start-up, in the
background), not on that span.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# One fresh interpreter: the time of the first call, then the mean over the expressions.
_PROBE = r"""
import datetime, json, sys, time
sys.path.insert(0, sys.argv[1])
t0 = time.perf_counter()
from annotator.core.dates import normalize_date
t1 = time.perf_counter()
published = datetime.date(2024, 10, 28)
normalize_date("24 أكتوبر", published)
t2 = time.perf_counter()
expressions = json.loads(sys.argv[2])
rounds = 20
t3 = time.perf_counter()
for _ in range(rounds):
    for text in expressions:
        normalize_date(text, published)
t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first": t2 - t1,
                  "each": (t4 - t3) / (rounds * len(expressions))}))
"""

EXPRESSIONS = [
    "خلال شهر أكتوبر", "بتاريخ 24 أكتوبر", "الثلاثاء الماضي", "قبل أيام",
    "3 كانون الثاني من عام 2020", "منذ بداية أكتوبر/ تشرين الأول", "وفي 4 أكتوبر",
    "في بداية الشهر الماضي", "في تشرين الثاني نوفمبر الماضي", "صباح اليوم",
    "وفي الـ 5 من يوليو/تموز", "في أيار الفائت", "15 ربيع الأول 1446", "قبل ثلاثة أيام",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh interpreters (default 5)")
    args = parser.parse_args()
    results = []
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, "-c", _PROBE, str(ROOT), json.dumps(EXPRESSIONS)],
            capture_output=True, text=True, check=True).stdout
        results.append(json.loads(out))
    print(f"{'step':<34}{'median':>10}{'min':>10}{'max':>10}")
    for key, title in (("import", "import annotator.core.dates"),
                       ("first", "first call (imports dateparser)"),
                       ("each", f"each call after ({len(EXPRESSIONS)} kinds)")):
        values = [r[key] * 1000 for r in results]
        print(f"{title:<34}{statistics.median(values):>8.2f}ms{min(values):>8.2f}ms"
              f"{max(values):>8.2f}ms")
    print(f"({args.runs} runs, each a fresh interpreter)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
