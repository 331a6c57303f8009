"""How much the analysis costs on top of the bare spaCy parse (not a test).

In one process: load the pipeline, parse the samples with bare ``nlp.pipe`` N times, then run
the full analysis (``reader.pipeline.analyze_many``: parse + actors + positions + links) N times,
alternating, each the best of several repeats, and print both times and their ratio. Target: <= 1.15.

    .venv/bin/python benchmarks/bench_analysis.py [--rounds N] [--repeats R] [--model NAME]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.ingest import read_article  # noqa: E402
from reader.nlp import load_nlp, model_label  # noqa: E402
from reader.pipeline import analyze_many  # noqa: E402

TARGET = 1.15


def timed(rounds: int, work: Callable[[], object]) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        work()
    return time.perf_counter() - start


def compare(repeats: int, rounds: int, bare: Callable[[], object],
            full: Callable[[], object]) -> tuple[list[float], list[float]]:
    """Seconds of ``rounds`` calls of each, per repeat; the two alternate so that a change in
    machine load hits both alike."""
    bare_times, full_times = [], []
    for _ in range(repeats):
        bare_times.append(timed(rounds, bare))
        full_times.append(timed(rounds, full))
    return bare_times, full_times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5, help="passes over the samples per repeat (default 5)")
    ap.add_argument("--repeats", type=int, default=5, help="repeats; the best is kept (default 5)")
    ap.add_argument("--model", help="spaCy pipeline (default: as `reader` chooses)")
    ap.add_argument("samples", nargs="*", help="articles (default: samples/*.txt)")
    args = ap.parse_args()

    paths = args.samples or [str(p) for p in sorted((ROOT / "samples").glob("*.txt"))]
    articles = [read_article(p) for p in paths]
    texts = [a.text for a in articles]
    nlp = load_nlp(args.model)
    analyze_many(articles, nlp)  # warm up both paths once
    list(nlp.pipe(texts))

    bare_times, full_times = compare(args.repeats, args.rounds, lambda: list(nlp.pipe(texts)),
                                     lambda: analyze_many(articles, nlp))
    parse, parse_med = min(bare_times), statistics.median(bare_times)
    full, full_med = min(full_times), statistics.median(full_times)
    chars = sum(len(t) for t in texts)
    ratio = full / parse
    print(f"pipeline       {model_label(nlp)} ({', '.join(nlp.pipe_names)})")
    print(f"articles       {len(texts)} ({chars:,} characters) x {args.rounds} rounds, best of {args.repeats}")
    print(f"bare parse     {parse:7.3f} s  (median {parse_med:.3f} s)  nlp.pipe")
    print(f"full analysis  {full:7.3f} s  (median {full_med:.3f} s)  reader.pipeline.analyze_many")
    print(f"analysis / bare parse = {ratio:.3f}  (best of each; medians: {full_med / parse_med:.3f}; "
          f"target <= {TARGET}: {'ok' if ratio <= TARGET else 'OVER'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
