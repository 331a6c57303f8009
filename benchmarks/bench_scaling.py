"""Whether the cost of an analysis grows linearly with its input (not a test).

In one process, for each shape of input, analyse a text of size N and one of size 2N (parse and
analysis, ``reader.pipeline.analyze``), best of several repeats, alternating, and print the time
ratio. Linear cost doubles (ratio about 2); target <= 2.3. Shapes:

- ``paragraphs``: N short paragraphs of ``NATO said "no."`` (15,000 took 64-93 s before the fix);
- ``sentences``: the same N sentences in one paragraph;
- ``quote marks``: N '"' in a row without a space (16,000 took 26 s before the fix);
- ``brackets``: N '(' in a row.

    .venv/bin/python benchmarks/bench_scaling.py [--paragraphs N] [--run N] [--repeats R] [--model NAME]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.ingest import article_from_text  # noqa: E402
from reader.nlp import load_nlp, model_label  # noqa: E402
from reader.pipeline import analyze  # noqa: E402

TARGET = 2.3


def shapes(paragraphs: int, run: int) -> list[tuple[str, int, Callable[[int], str]]]:
    return [
        ("paragraphs", paragraphs, lambda n: "\n\n".join(['NATO said "no."'] * n)),
        ("sentences", paragraphs, lambda n: " ".join(['NATO said "no."'] * n)),
        ("quote marks", run, lambda n: "NATO said " + '"' * n + " and left."),
        ("brackets", run, lambda n: "NATO said " + "(" * n + " and left."),
    ]


def best_time(nlp, text: str) -> float:
    article = article_from_text(text, source="bench.txt", fmt="text")
    start = time.perf_counter()
    analyze(article, nlp)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paragraphs", type=int, default=1500, help="N for paragraphs and sentences (default 1500)")
    ap.add_argument("--run", type=int, default=20_000, help="N for the runs of symbols (default 20,000)")
    ap.add_argument("--repeats", type=int, default=3, help="repeats; the best is kept (default 3)")
    ap.add_argument("--model", help="spaCy pipeline (default: as `reader` chooses)")
    args = ap.parse_args()

    nlp = load_nlp(args.model)
    nlp("Warm up the pipeline once.")
    print(f"pipeline  {model_label(nlp)}; parse + analysis, best of {args.repeats}; target ratio <= {TARGET}")
    worst = 0.0
    for name, n, make in shapes(args.paragraphs, args.run):
        small, large = make(n), make(2 * n)
        best_time(nlp, small)  # the first long text of a shape also pays for growing memory
        times: dict[int, list[float]] = {n: [], 2 * n: []}
        for _ in range(args.repeats):
            times[n].append(best_time(nlp, small))
            times[2 * n].append(best_time(nlp, large))
        t1, t2 = min(times[n]), min(times[2 * n])
        ratio = t2 / t1
        worst = max(worst, ratio)
        print(f"{name:12} N={n:>7,} {t1:7.2f} s   2N={2 * n:>7,} {t2:7.2f} s   ratio {ratio:5.2f}  "
              f"{'ok' if ratio <= TARGET else 'OVER'}")
    print(f"worst ratio {worst:.2f} (target <= {TARGET}: {'ok' if worst <= TARGET else 'OVER'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
