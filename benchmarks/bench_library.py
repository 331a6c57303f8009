"""The library's party view query on 1,000 articles.

    .venv/bin/python benchmarks/bench_library.py [--articles 1000] [--repeats 20] [--analyses FILE]

Fills a temporary library with synthetic articles: copies of real analyses (the public samples,
analysed once with spaCy before anything is timed, or the JSON array of ``reader analyze`` given
with --analyses), each with a line added to its text (so it is a new article) and a date of its
own. No spaCy runs during the fill: it only reuses the analyses. Then times
``Library.party_positions`` for the party with most positions (all its positions, in date order),
for one kind, and for a window of dates, and prints best and median times in ms; then the list
of articles and the check for changed corrections that ``reader library`` runs; then linking the
replies across articles (all, after one more article, and on a quarter and a half of the articles,
to see that it grows near-linearly), and opening the party view of the two biggest parties in a
headless app (read, composed, drawn).
Targets: all the positions of one party across 1,000 articles, and the party view, in under 300 ms.
"""

from __future__ import annotations

import argparse
import asyncio
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


def synthetic(bases: list[Analysis], n: int, days: int = 3650) -> list[Analysis]:
    """``n`` articles: copies of ``bases`` with a line of their own and dates over ``days`` days
    (ten years)."""
    start = dt.date(2015, 1, 1)
    copies = []
    for i in range(n):
        base = bases[i % len(bases)]
        day = (start + dt.timedelta(days=(i * 37) % days)).isoformat()
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
            opened = bench_links_and_view(library, bases, args, Path(tmp))
    verdict = "ok" if worst < TARGET_MS else "OVER TARGET"
    print(f"party_positions median, worst case: {worst:.1f} ms (target < {TARGET_MS:.0f} ms): {verdict}")
    verdict = "ok" if opened < TARGET_MS else "OVER TARGET"
    print(f"party view opened (read + drawn), median: {opened:.1f} ms (target < {TARGET_MS:.0f} ms): {verdict}")
    return 0 if worst < TARGET_MS and opened < TARGET_MS else 1


def bench_links_and_view(library, bases: list[Analysis], args: argparse.Namespace, tmp: Path) -> float:
    """Replies across articles: linking the whole library, then again after one more article
    (the incremental case, what 'reader add' then 'reader library' pays), the cost at 1/4 and
    1/2 of the articles (near-linear?); then the party view of the two biggest parties opened
    in a headless app: read from the library, composed and drawn. Returns its median in ms."""
    from reader.library_links import relink, relink_all

    t = time.perf_counter()
    links = relink(library)
    full = time.perf_counter() - t
    print(f"replies across articles: {links} links over {args.articles} articles in {full * 1000:.0f} ms")
    extra = synthetic(bases, args.articles + 1)[-1]
    library.add(replace(extra, text=extra.text + " Again."), corrections_dir=tmp / "corrections")
    t = time.perf_counter()
    relink(library)
    print(f"  after one more article, relink: {(time.perf_counter() - t) * 1000:.0f} ms")
    for share in (4, 2):  # as many articles a day as in the whole library: the same density over less time
        part = args.articles // share
        with open_library(tmp / f"part{share}.sqlite3") as small:
            small.add_many(synthetic(bases, part, 3650 // share), corrections_dir=tmp / "corrections")
            t = time.perf_counter()
            found = relink_all(small)
            print(f"  linking {part} articles over {3650 // share} days (the same articles a day): "
                  f"{(time.perf_counter() - t) * 1000:.0f} ms, {found} links")
    top = [r[0] for r in library.conn.execute(
        "SELECT party_id FROM positions GROUP BY party_id ORDER BY count(*) DESC LIMIT 2")]
    return asyncio.run(open_party_view(library.path, top, max(3, args.repeats // 4)))


async def open_party_view(path: Path, party_ids: list[int], repeats: int) -> float:
    """Each open timed as bench_corpus.py does: from asking for the view (read in the app's
    worker) until it is mounted and painted; the bare screen from its push until painted."""
    from reader.tui.library_app import LibraryApp, party_view_data
    from reader.tui.screens.party_view import PartyViewScreen
    from reader.tui.widgets.party_rows import PartyRows

    app = LibraryApp(path)
    times, reads = [], []
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(repeats):
            t = time.perf_counter()
            await app.load_party_view(party_ids).wait()
            screen = app.screen
            assert isinstance(screen, PartyViewScreen)
            columns = list(screen.query(PartyRows))
            while not (screen.is_mounted and all(c.drawn_rows for c in columns if c.row_count)):
                await screen.wait_for_refresh()
            times.append((time.perf_counter() - t) * 1000)
            rows = sum(c.row_count for c in columns)
            data = screen.data
            await app.pop_screen()
            await pilot.pause()
            t = time.perf_counter()
            party_view_data(path, party_ids)
            reads.append((time.perf_counter() - t) * 1000)
        bare = []
        for _ in range(repeats):  # the same measure for a screen of one Static and the footer
            t = time.perf_counter()
            screen = BareScreen()
            await app.push_screen(screen)
            await screen.wait_for_refresh()
            bare.append((time.perf_counter() - t) * 1000)
            await app.pop_screen()
            await pilot.pause()
    print(f"  party view of {len(party_ids)} parties ({rows} rows, {len(data.replies)} replies), asked for until "
          f"painted: best {min(times):.1f} ms, median {statistics.median(times):.1f} ms (reading the library "
          f"alone: median {statistics.median(reads):.1f} ms); a bare screen (one Static, the footer) pushed until "
          f"painted on this machine now: median {statistics.median(bare):.1f} ms")
    return statistics.median(times)


def BareScreen():  # noqa: N802 - a factory: Textual is imported only when the view is timed
    from textual.screen import Screen
    from textual.widgets import Footer, Static

    class Bare(Screen):
        def compose(self):
            yield Static("words " * 2000)
            yield Footer()

    return Bare()


if __name__ == "__main__":
    raise SystemExit(main())
