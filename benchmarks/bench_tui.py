"""Startup and keypress benchmark of the reader's TUI (not a test).

In one run, headless at 160x48:
  * time to first paint of the article, and to the panels filled from the cache, each as a
    ratio to a bare Textual app that shows the same article as a static page
    (targets: first paint <= 1.5 x, cached panels <= 2 x);
  * keypress-to-refresh time (from the start of the key's action to the end of the next
    screen refresh) over 200 presses of `j` on a synthetic analysis with 300 positions,
    next to the same for a bare app whose key updates one Static.

    .venv/bin/python benchmarks/bench_tui.py [--rounds 7]

How it measures (and why):
  * the cache is warmed with the real pipeline in a child process, so this process never
    imports spaCy: a real cached start does not either, and a heap holding a spaCy pipeline
    makes every full garbage collection here several times slower than in the real app;
  * before each timed start, bare or reader, a full ``gc.collect()`` clears what the previous
    run left, so no run pays for the garbage of the one before (both apps alike);
  * "article shown" is the first refresh after the main screen mounts, "cached panels" the
    first refresh after the panels are filled, both from before the app is built.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "000_92e0686fa38e74b4.txt"
SIZE = (160, 48)

os.environ.setdefault("READER_CACHE_DIR", tempfile.mkdtemp(prefix="reader-bench-"))
os.environ["READER_CONFIG_DIR"] = tempfile.mkdtemp(prefix="reader-bench-config-")

from textual.app import App, ComposeResult  # noqa: E402
from textual.binding import Binding  # noqa: E402
from textual.containers import VerticalScroll  # noqa: E402
from textual.content import Content  # noqa: E402
from textual.widgets import Footer, Header, Static  # noqa: E402

from reader.cache import analyse_with_cache  # noqa: E402
from reader.ingest import read_article  # noqa: E402
from reader.model import Actor, Analysis, Article, Link, Paragraph, Position, Span  # noqa: E402
from reader.tui import make_app  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.screens.main import MainScreen  # noqa: E402


class BareApp(App):
    """The baseline: the article as one static page, and a key that updates a line."""

    BINDINGS = [Binding("j", "bump", "Bump")]

    def __init__(self, text: str, on_paint) -> None:
        super().__init__()
        self.text = text
        self.on_paint = on_paint
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(Static(Content(self.text)))
        yield Static("0", id="line")
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.on_paint)

    def action_bump(self) -> None:
        self.count += 1
        self.query_one("#line", Static).update(str(self.count))


async def time_bare(path: Path) -> float:
    done = asyncio.Event()
    stamps: dict[str, float] = {}

    def painted() -> None:
        stamps["paint"] = perf_counter()
        done.set()

    start = perf_counter()
    app = BareApp(path.read_text(encoding="utf-8"), painted)
    async with app.run_test(size=SIZE):
        await done.wait()
    return stamps["paint"] - start


def instrument(stamps: dict[str, float], done: asyncio.Event) -> None:
    """Wrap MainScreen so it records first paint of the article and of the filled panels."""
    original_mount = MainScreen.on_mount
    original_show = MainScreen.show_analysis

    def on_mount(self) -> None:
        # Registered first, so it runs right after the first refresh, before the screen's own callbacks.
        self.call_after_refresh(lambda: stamps.setdefault("article", perf_counter()))
        original_mount(self)

    def show_analysis(self, analysis) -> None:
        original_show(self, analysis)

        def filled() -> None:
            stamps["panels"] = perf_counter()
            done.set()

        self.call_after_refresh(filled)

    MainScreen.on_mount = on_mount
    MainScreen.show_analysis = show_analysis


async def time_reader(path: Path) -> tuple[float, float]:
    done = asyncio.Event()
    stamps: dict[str, float] = {}
    saved = MainScreen.on_mount, MainScreen.show_analysis
    instrument(stamps, done)
    try:
        start = perf_counter()
        app = make_app(str(path))
        async with app.run_test(size=SIZE):
            await asyncio.wait_for(done.wait(), 60)
            await app.workers.wait_for_complete()
    finally:
        MainScreen.on_mount, MainScreen.show_analysis = saved
    return stamps["article"] - start, stamps["panels"] - start


def synthetic(count: int = 300) -> Analysis:
    """An article of count/3 paragraphs, three positions each, four actors, a link per demand."""
    actors = [Actor(f"a{i}", f"Party {i}", "country", (), 0) for i in range(4)]
    kinds = ["demand", "reject", "offer", "statement", "accuse"]
    parts: list[str] = []
    positions: list[Position] = []
    paragraphs: list[Paragraph] = []
    offset = 0
    for n in range(count // 3):
        sentences = [f"Party {(n + k) % 4} said that item {n}-{k} must be settled before talks resume."
                     for k in range(3)]
        text = " ".join(sentences)
        cursor = offset
        for k, sentence in enumerate(sentences):
            index = len(positions)
            positions.append(Position(
                id=f"p{index + 1}", actor=f"a{(n + k) % 4}", kind=kinds[index % len(kinds)],
                text=sentence, start=cursor, end=cursor + len(sentence),
                content=Span(cursor, cursor + len(sentence)), speaker=f"Speaker {k}", direct=k == 1,
                paragraph=n,
            ))
            cursor += len(sentence) + 1
        paragraphs.append(Paragraph(offset, offset + len(text)))
        parts.append(text)
        offset += len(text) + 2
    links = [Link(p.id, positions[i + 1].id, 0.7, "rejects", "synthetic")
             for i, p in enumerate(positions[:-1]) if p.kind == "demand"]
    answered = {link.source for link in links}
    return Analysis(
        source="synthetic.txt", title="Synthetic", text="\n\n".join(parts), model="synthetic",
        actors=tuple(actors), positions=tuple(positions), links=tuple(links),
        unanswered=tuple(p.id for p in positions if p.kind == "demand" and p.id not in answered),
        paragraphs=tuple(paragraphs),
    )


async def time_presses(app: App, presses: int, ready, owner) -> list[float]:
    """Per press of `j`: from the start of its action to the end of the next screen refresh."""
    times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        target = owner(app)
        name = next(b.action for b in target.BINDINGS if "j" in b.key.split(","))
        action = getattr(target, f"action_{name}")

        def timed() -> None:
            start = perf_counter()
            action()
            target.call_after_refresh(lambda: times.append(perf_counter() - start))

        setattr(target, f"action_{name}", timed)
        for _ in range(presses):
            await pilot.press("j")
            await pilot.pause()
    return times


async def reader_presses(presses: int) -> list[float]:
    from reader.cache import model_label_for, save_cached

    analysis = synthetic()
    save_cached(analysis, model_label_for(None))
    article = Article(source=analysis.source, text=analysis.text, title=analysis.title,
                      paragraphs=analysis.paragraphs)

    async def ready(app, pilot) -> None:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.main_screen.run_action("all_actors")
        await pilot.pause()

    return await time_presses(ReaderApp(article), presses, ready, lambda app: app.main_screen)


async def bare_presses(presses: int) -> list[float]:
    async def ready(app, pilot) -> None:
        await pilot.pause()

    return await time_presses(BareApp(synthetic().text, lambda: None), presses, ready, lambda app: app)


async def main(rounds: int, presses: int) -> None:
    print(f"cache: {os.environ['READER_CACHE_DIR']}")
    print("warming the cache with the real pipeline (spaCy loads in a child process)…", flush=True)
    warm = ("import sys; from reader.cache import analyse_with_cache; from reader.ingest import read_article;"
            " analyse_with_cache(read_article(sys.argv[1]))")
    subprocess.run([sys.executable, "-c", warm, str(SEED)], check=True, cwd=ROOT)  # inherits READER_CACHE_DIR
    analysis, cached = analyse_with_cache(read_article(str(SEED)))
    assert "spacy" not in sys.modules, "the cache was not warm: spaCy loaded in the measuring process"
    print(f"  {len(analysis.positions)} positions, {len(analysis.actors)} actors (from cache: {cached})")
    await time_bare(SEED)
    await time_reader(SEED)  # warm imports and caches of both before measuring

    bare, article, panels = [], [], []
    for _ in range(rounds):
        gc.collect()
        bare.append(await time_bare(SEED))
        gc.collect()
        first, filled = await time_reader(SEED)
        article.append(first)
        panels.append(filled)
    print(f"\nstartup over {rounds} interleaved rounds (headless {SIZE[0]}x{SIZE[1]}), median and best:")
    for label, times, target in (("bare static page", bare, None), ("reader: article shown", article, 1.5),
                                 ("reader: cached panels", panels, 2.0)):
        med, best = statistics.median(times), min(times)
        ratios = "" if target is None else (
            f"   ratio {med / statistics.median(bare):4.2f} x (best {best / min(bare):4.2f} x)   target <= {target} x")
        print(f"  {label:22} {med * 1000:7.1f} ms (best {best * 1000:6.1f} ms){ratios}")

    reader_times = await reader_presses(presses)
    bare_times = await bare_presses(presses)
    rm, bm = statistics.median(reader_times), statistics.median(bare_times)
    r95 = statistics.quantiles(reader_times, n=20)[18]
    print(f"\nkeypress to refresh (action start to end of the next refresh), {presses} presses of j, "
          "300 positions:")
    print(f"  bare app   median {bm * 1000:6.2f} ms")
    print(f"  reader     median {rm * 1000:6.2f} ms   p95 {r95 * 1000:6.2f} ms   "
          f"max {max(reader_times) * 1000:6.2f} ms   ratio {rm / bm:4.2f} x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--presses", type=int, default=200)
    options = parser.parse_args()
    sys.exit(asyncio.run(main(options.rounds, options.presses)))
