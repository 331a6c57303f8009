"""``reader add --jobs 2`` on 1,000 articles against a bare ``nlp.pipe(n_process=2)`` of the same texts.

    nice -n 5 .venv/bin/python benchmarks/bench_corpus.py [--n 1000] [--jobs 2] [--batch-size 16] [--repeats 1]

Writes ``n`` article files to a temporary folder: the samples of ``samples/``, ``samples/dev/``
and ``samples/heldout/`` (with their .meta.json), then copies of them, each with a sentence of
its own added and a number changed, so that every text differs. Then, each in a fresh process
that has loaded the spaCy pipeline before the clock starts:

- bare: the texts (read beforehand) through ``nlp.pipe(texts, n_process=jobs, batch_size=...)``;
- add: ``reader add FOLDER --jobs jobs --batch-size ...`` into a new library, with an empty cache
  (the default: analyses saved to it), i.e. reading, cleaning, parsing, the analysis, the cache
  and the library.

Prints articles per second of each and their ratio (target: add takes <= 1.25 times the bare
pipe), the ratio of their CPU seconds (all processes: the work, less sensitive to whatever else
runs on the machine), the peak memory (resident set: the main process, and the largest spaCy worker), the
library's size on disk, the party view's query on that library, and the party view opened on it
(target < 300 ms): in a headless ``LibraryApp`` (``App.run_test``, 160x48), the view of the two
parties with most positions, from asking for it (read from the library in its worker, as the
chooser's enter does) until the screen is mounted and painted (rows and timelines drawn); the
median of several opens, and the first.
With ``--repeats`` > 1 the phases alternate and the best time of each is kept.

    .venv/bin/python benchmarks/bench_corpus.py --view LIBRARY   # only the party view, on a library
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FOLDERS = (ROOT / "samples", ROOT / "samples" / "dev", ROOT / "samples" / "heldout")
TARGET_RATIO = 1.25
TARGET_VIEW_MS = 300.0
NUMBER = re.compile(r"\b(\d{1,3})\b")


def write_corpus(folder: Path, n: int) -> list[Path]:
    """``n`` article files; after the samples themselves, copies with small changes."""
    samples = [p for f in FOLDERS for p in sorted(f.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        source = samples[i % len(samples)]
        text = source.read_text(encoding="utf-8")
        copy = i // len(samples)
        if copy:
            text = NUMBER.sub(lambda m, c=copy: str(int(m.group(1)) + c), text, count=1)  # a number changed
            text = text.rstrip("\n") + f"\n\nThis story was filed again, copy {copy}.\n"
        path = folder / f"{i:05d}_{source.stem}.txt"
        path.write_text(text, encoding="utf-8")
        meta = source.with_suffix(".meta.json")
        if meta.exists():
            shutil.copy(meta, path.with_suffix(".meta.json"))
        paths.append(path)
    return paths


# --- the phases, each in a process of its own ----------------------------------------------------


CPU_AT_START = [0.0]  # the CPU seconds of a phase's process (and its workers) when its clock starts


def start_clock() -> float:
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_AT_START[0] = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
    return time.perf_counter()


def phase_bare(folder: Path, jobs: int, batch_size: int) -> float:
    from reader.ingest import read_article
    from reader.nlp import load_nlp

    nlp = load_nlp()
    texts = [read_article(str(p)).text for p in sorted(folder.glob("*.txt"))]
    start = start_clock()
    count = sum(1 for _ in nlp.pipe(texts, n_process=jobs, batch_size=batch_size))
    seconds = time.perf_counter() - start
    assert count == len(texts)
    return seconds


def phase_add(folder: Path, library: Path, jobs: int, batch_size: int) -> float:
    from reader.cli import main
    from reader.nlp import load_nlp

    load_nlp()  # as the bare pipe: the pipeline is loaded before the clock starts
    start = start_clock()
    status = main(["add", str(folder), "--library", str(library), "--jobs", str(jobs),
                   "--batch-size", str(batch_size)])
    seconds = time.perf_counter() - start
    assert status == 0, status
    return seconds


def run_phase(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if args.phase == "bare":
        seconds = phase_bare(folder, args.jobs, args.batch_size)
    else:
        seconds = phase_add(folder, Path(args.library), args.jobs, args.batch_size)
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"seconds": seconds, "rss_main_kb": own.ru_maxrss, "rss_worker_kb": workers.ru_maxrss,
                      "cpu": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime - CPU_AT_START[0]}),
          file=sys.stderr)
    return 0


def child(phase: str, folder: Path, jobs: int, batch_size: int, library: Path, env: dict) -> dict:
    argv = [sys.executable, __file__, "--phase", phase, "--folder", str(folder), "--jobs", str(jobs),
            "--batch-size", str(batch_size), "--library", str(library)]
    started = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{phase} failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    result = json.loads(proc.stderr.strip().splitlines()[-1])
    result["wall"] = wall
    result["stdout"] = proc.stdout.strip()
    return result


# --- the report ------------------------------------------------------------------------------------------------


def disk_size(library: Path) -> int:
    return sum(p.stat().st_size for p in library.parent.glob(library.name + "*"))


def party_view_ms(library: Path) -> tuple[str, int, float]:
    from reader.library import open_library

    with open_library(library) as lib:
        party, count = lib.conn.execute(
            "SELECT party_id, count(*) FROM positions GROUP BY party_id ORDER BY 2 DESC LIMIT 1").fetchone()
        times = []
        for _ in range(10):
            start = time.perf_counter()
            lib.party_positions([party])
            times.append((time.perf_counter() - start) * 1000)
        return lib.party(party).name, count, statistics.median(times)


def party_view_open(library: Path, repeats: int = 9) -> tuple[list[str], int, list[float]]:
    """The parties shown, their rows, and the ms of each open of their party view (see the docstring)."""
    return asyncio.run(_open_party_view(library, repeats))


async def _open_party_view(library: Path, repeats: int) -> tuple[list[str], int, list[float]]:
    from reader.library import open_library
    from reader.tui.library_app import LibraryApp
    from reader.tui.screens.party_view import PartyViewScreen
    from reader.tui.widgets.party_rows import PartyRows

    with open_library(library) as lib:
        top = [r[0] for r in lib.conn.execute(
            "SELECT party_id FROM positions GROUP BY party_id ORDER BY count(*) DESC, party_id LIMIT 2")]
        names = [lib.party(pid).name for pid in top]
    app = LibraryApp(library)
    times, rows = [], 0
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()  # a relink at start, if 'reader add' left one to do
        await pilot.pause()
        for _ in range(repeats):
            start = time.perf_counter()
            await app.load_party_view(top).wait()  # read in its worker, the screen pushed
            screen = app.screen
            assert isinstance(screen, PartyViewScreen)
            columns = list(screen.query(PartyRows))
            while not (screen.is_mounted and all(c.drawn_rows for c in columns if c.row_count)):
                await screen.wait_for_refresh()  # the frame painted: rows and timelines
            times.append((time.perf_counter() - start) * 1000)
            rows = sum(c.row_count for c in columns)
            await app.pop_screen()
            await pilot.pause()
    return names, rows, times


def report_view(library: Path) -> float:
    """Print the party view's query and its opening on ``library``; the median open in ms."""
    name, count, query = party_view_ms(library)
    print(f"party view query ({name}, {count} positions): median {query:.1f} ms")
    names, rows, times = party_view_open(library)
    median = statistics.median(times)
    verdict = "ok" if median < TARGET_VIEW_MS else "OVER TARGET"
    print(f"party view open: {median:.0f} ms (target < {TARGET_VIEW_MS:.0f} ms): {verdict}; "
          f"{' and '.join(names)}, {rows} rows; first {times[0]:.0f} ms, best {min(times):.0f} ms, "
          f"worst {max(times):.0f} ms of {len(times)}")
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles (default 1000; fewer for a quick run)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--view", metavar="LIBRARY", help="only time the party view, on this library")
    parser.add_argument("--phase", choices=("bare", "add"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--library", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        return run_phase(args)
    if args.view:
        return 0 if report_view(Path(args.view)) < TARGET_VIEW_MS else 1

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        paths = write_corpus(tmp / "articles", args.n)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
        print(f"{args.n} articles ({chars / args.n:.0f} characters on average), jobs {args.jobs}, "
              f"batch size {args.batch_size}, cpu {os.cpu_count()}")
        best: dict[str, dict] = {}
        for repeat in range(args.repeats):
            for phase in ("bare", "add"):
                env = dict(os.environ, READER_DATA_DIR=str(tmp / f"data{repeat}"),
                           READER_CACHE_DIR=str(tmp / f"cache{repeat}"))  # an empty cache each time
                library = tmp / f"library{repeat}.sqlite3"
                result = child(phase, tmp / "articles", args.jobs, args.batch_size, library, env)
                print(f"  {phase:4}  {result['seconds']:7.1f} s  {args.n / result['seconds']:6.2f} articles/s"
                      f"  cpu {result['cpu']:7.1f} s  (process {result['wall']:.1f} s, load {os.getloadavg()[0]:.1f})"
                      f"  {result['stdout']}")
                if phase not in best or result["seconds"] < best[phase]["seconds"]:
                    best[phase] = result | {"library": library}
        bare, add = best["bare"], best["add"]
        ratio = add["seconds"] / bare["seconds"]
        library = add["library"]
        print(f"bare nlp.pipe(n_process={args.jobs}): {args.n / bare['seconds']:.2f} articles/s")
        print(f"reader add --jobs {args.jobs}:        {args.n / add['seconds']:.2f} articles/s")
        verdict = "ok" if ratio <= TARGET_RATIO else "OVER TARGET"
        print(f"time ratio add / bare: {ratio:.3f} (target <= {TARGET_RATIO}): {verdict}")
        print(f"CPU seconds (all processes) add / bare: {add['cpu'] / bare['cpu']:.3f} (the work, whatever else runs)")
        print(f"peak memory (max RSS): reader add main {add['rss_main_kb'] / 1024:.0f} MiB, largest worker "
              f"{add['rss_worker_kb'] / 1024:.0f} MiB; bare main {bare['rss_main_kb'] / 1024:.0f} MiB, "
              f"largest worker {bare['rss_worker_kb'] / 1024:.0f} MiB")
        print(f"library on disk: {disk_size(library) / 1024 / 1024:.1f} MiB "
              f"({disk_size(library) / args.n / 1024:.1f} KiB an article)")
        view = report_view(library)
    return 0 if ratio <= TARGET_RATIO and view < TARGET_VIEW_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
