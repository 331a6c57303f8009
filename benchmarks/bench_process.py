"""Whole-process cost: ``reader analyze`` against a bare spaCy process on the same article (not a test).

For each article, alternating, in fresh processes: ``reader analyze ARTICLE`` (read, load the
pipeline and the knowledge, parse, analyse, print the JSON) and a bare process that imports
spaCy, loads the same pipeline and parses the same text. Each pair is repeated; the best and the
median wall times are kept per article, and the ratio of their sums is printed.
Target: <= 1.2.

    .venv/bin/python benchmarks/bench_process.py [--repeats R] [--model NAME] [ARTICLE ...]

Python's bytecode matters here: with PYTHONDONTWRITEBYTECODE set and no compiled files,
every run compiles reader's sources again (about 0.1 s). ``make setup`` compiles them once.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.ingest import read_article  # noqa: E402
from reader.nlp import model_candidates  # noqa: E402

TARGET = 1.2
BARE = "import spacy, sys; nlp = spacy.load(sys.argv[1]); nlp(open(sys.argv[2], encoding='utf-8').read())"


def wall(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def first_model(name: str | None) -> str:
    import importlib.util

    for candidate in model_candidates(name):
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise SystemExit("no spaCy pipeline installed")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=5, help="runs of each process per article (default 5)")
    ap.add_argument("--model", help="spaCy pipeline (default: as `reader` chooses)")
    ap.add_argument("articles", nargs="*", help="articles (default: samples/*.txt)")
    args = ap.parse_args()
    paths = args.articles or [str(p) for p in sorted((ROOT / "samples").glob("*.txt"))]
    model = first_model(args.model)
    reader = [str(Path(sys.executable).with_name("reader")), "analyze", "--model", model]
    best = {"bare": 0.0, "reader": 0.0}
    median = {"bare": 0.0, "reader": 0.0}
    for path in paths:
        times: dict[str, list[float]] = {"bare": [], "reader": []}
        with_text = str(ROOT / path)
        text_file = Path(tempfile.gettempdir()) / f"reader-bench-process-{os.getpid()}.txt"  # the cleaned text
        text_file.write_text(read_article(with_text).text, encoding="utf-8")
        try:
            for _ in range(args.repeats):
                times["bare"].append(wall([sys.executable, "-c", BARE, model, str(text_file)]))
                times["reader"].append(wall([*reader, with_text]))
        finally:
            text_file.unlink()
        for kind, values in times.items():
            best[kind] += min(values)
            median[kind] += statistics.median(values)
        print(f"{Path(path).name[:48]:48}  bare {min(times['bare']):.3f} s  reader {min(times['reader']):.3f} s  "
              f"ratio {min(times['reader']) / min(times['bare']):.3f}", flush=True)
    ratio = best["reader"] / best["bare"]
    print(f"pipeline {model}; {len(paths)} articles, best of {args.repeats} fresh processes each")
    print(f"reader analyze / bare spaCy process = {ratio:.3f}  (best of each; medians: "
          f"{median['reader'] / median['bare']:.3f}; target <= {TARGET}: {'ok' if ratio <= TARGET else 'OVER'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
