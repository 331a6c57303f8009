"""The library's party view query on 1,000 articles.

    .venv/bin/python benchmarks/bench_library.py [--articles 1000] [--repeats 20] [--analyses FILE]

Fills a temporary library with synthetic articles: copies of real analyses (the public samples,
analysed once with spaCy before anything is timed, or the JSON array of ``reader analyze`` given
with --analyses), each with a line added to its text (so it is a new article) and a date of its
own. No spaCy runs during the fill: it only reuses the analyses. Then times
``Library.party_positions`` for the party with most positions (all its positions, in date order),
for one kind, and for a window of dates, and prints best and median times in ms; then the list
of articles and the check for changed corrections that ``reader library`` runs.
Target: all the positions of one party across 1,000 articles in under 300 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.library import open_library  # noqa: E402
from reader.model import Analysis, analysis_from_dict  # noqa: E402

TARGET_MS = 300.0


def base_analyses(path: str | None) -> list[Analysis]:
    if path:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return [analysis_from_dict(d) for d in (data if isinstance(data, list) else [data])]
    from reader.ingest import read_article
    from reader.nlp import load_nlp
    from reader.pipeline import analyze_many

    articles = [read_article(str(p)) for p in sorted((ROOT / "samples").glob("*.txt"))]
    return analyze_many(articles, load_nlp())


def synthetic(bases: list[Analysis], n: int) -> list[Analysis]:
    """``n`` articles: copies of ``bases`` with a line of their own and dates over ten years."""
    start = dt.date(2015, 1, 1)
    copies = []
    for i in range(n):
        base = bases[i % len(bases)]
        day = (start + dt.timedelta(days=(i * 37) % 3650)).isoformat()
        copies.append(replace(base, text=f"{base.text}\n\nCopy {i}.", source=f"synthetic/{i}.txt",
                              publication=replace(base.publication, date=day)))
    return copies


def timed(call, repeats: int) -> tuple[float, float, int]:
    times, size = [], 0
    for _ in range(repeats):
        t = time.perf_counter()
        size = len(call())
        times.append((time.perf_counter() - t) * 1000)
    return min(times), statistics.median(times), size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--analyses", metavar="FILE", help="a JSON array of analyses (reader analyze A B ...)")
    args = parser.parse_args()
    bases = base_analyses(args.analyses)
    with tempfile.TemporaryDirectory() as tmp:
        with open_library(Path(tmp) / "library.sqlite3") as library:
            t = time.perf_counter()
            library.add_many(synthetic(bases, args.articles), corrections_dir=Path(tmp) / "corrections")
            fill = time.perf_counter() - t
            rows = library.conn.execute("SELECT count(*) FROM positions").fetchone()[0]
            party, count = library.conn.execute(
                "SELECT party_id, count(*) FROM positions GROUP BY party_id ORDER BY 2 DESC LIMIT 1").fetchone()
            name = library.party(party).name
            print(f"filled {args.articles} articles ({rows} positions) in {fill:.1f} s "
                  f"({fill / args.articles * 1000:.1f} ms an article, each its own transaction)")
            print(f"party: {name} ({count} positions)")
            measures = {
                "all positions, date order": lambda: library.party_positions([party]),
                "demands only": lambda: library.party_positions([party], kinds=["demand"]),
                "2018-01-01 .. 2019-12-31": lambda: library.party_positions(
                    [party], since="2018-01-01", until="2019-12-31"),
            }
            worst = 0.0
            for label, call in measures.items():
                best, median, size = timed(call, args.repeats)
                worst = max(worst, median)
                print(f"  {label:28} {size:6} rows  best {best:7.1f} ms  median {median:7.1f} ms")
            corrections_dir = Path(tmp) / "corrections"
            for label, call in {  # what 'reader library' does besides: the list, and the corrections check
                "articles() (the list)": library.articles,
                "sync_corrections() (none)": lambda: library.sync_corrections(corrections_dir),
            }.items():
                best, median, size = timed(call, max(3, args.repeats // 4))
                print(f"  {label:28} {size:6} rows  best {best:7.1f} ms  median {median:7.1f} ms")
    verdict = "ok" if worst < TARGET_MS else "OVER TARGET"
    print(f"party_positions median, worst case: {worst:.1f} ms (target < {TARGET_MS:.0f} ms): {verdict}")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
