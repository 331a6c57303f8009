"""Helpers shared by the TUI tests: a fixed analysis of the seed story served from a temp cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.content import Content

from reader.cache import model_label_for, save_cached
from reader.model import Analysis, Article, analysis_from_dict
from reader.tui import ReaderApp, textual_compat
from reader.tui.widgets import ArticleView, DetailBar, PanelsView

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_ANALYSIS = FIXTURES / "seed_analysis.json"
WIDE = (160, 48)
NARROW = (80, 24)


def seed_analysis() -> Analysis:
    return analysis_from_dict(json.loads(SEED_ANALYSIS.read_text(encoding="utf-8")))


def article_of(analysis: Analysis) -> Article:
    return Article(source=analysis.source, text=analysis.text, title=analysis.title,
                   paragraphs=analysis.paragraphs)


def cached_app(analysis: Analysis | None = None, **options) -> ReaderApp:
    """An app whose analysis is already in the (temporary) cache: no spaCy needed."""
    analysis = analysis or seed_analysis()
    save_cached(analysis, model_label_for(options.get("model")))
    return ReaderApp(article_of(analysis), **options)


def detail_text(app: ReaderApp) -> str:
    content = app.main_screen.query_one(DetailBar).content
    return content.plain if isinstance(content, Content) else str(content)


def notifications(app: ReaderApp) -> list[str]:
    return [n.message for n in textual_compat.notifications(app)]


def article_of_app(app: ReaderApp) -> ArticleView:
    return app.main_screen.query_one(ArticleView)


def panels_of(app: ReaderApp) -> PanelsView:
    return app.main_screen.query_one(PanelsView)


def article_lit(app: ReaderApp) -> set[str]:
    lit: set[str] = set()
    for block in article_of_app(app).blocks:
        lit |= block.marks.lit
    return lit


def article_selected(app: ReaderApp) -> set[str]:
    return {b.marks.selected for b in article_of_app(app).blocks if b.marks.selected}


def drawn_text(widget) -> list[str]:
    """The lines a line-API widget draws now, as plain text."""
    return [widget.render_line(y).text for y in range(widget.size.height)]


def row_text(panels: PanelsView, position_id: str) -> str:
    """The text drawn in the panel row of ``position_id`` (it must be in view)."""
    region = panels.row_region(position_id)
    assert region is not None, f"{position_id} is not drawn"
    lines = drawn_text(panels)[region.y : region.bottom]
    return "\n".join(line[region.x : region.right] for line in lines)


@pytest.fixture
def reader_env(tmp_path, monkeypatch) -> Path:
    """Temp cache, config and data directories (no corrections of the user's own read in), no
    system clipboard tools, no NO_COLOR leaking in."""
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("READER_NO_SYSTEM_CLIPBOARD", "1")
    monkeypatch.delenv("READER_SPACY_MODEL", raising=False)
    return tmp_path


@pytest.fixture
def no_spacy(monkeypatch) -> None:
    """Any attempt to load a spaCy pipeline fails the analysis loudly."""
    import reader.nlp
    from reader.nlp import ModelError

    def refuse(name=None):
        raise ModelError("spaCy must not be loaded here")

    monkeypatch.setattr(reader.nlp, "load_nlp", refuse)


async def drained(app: ReaderApp, pilot, timeout: float = 120.0) -> None:
    """Wait for the analysis worker (started after the first paint) to finish and its result to show."""
    import asyncio

    screen = app.main_screen
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    await pilot.pause()
    while screen.analysis is None and screen.failed is None and loop.time() < deadline:
        await app.workers.wait_for_complete()
        await pilot.pause(0.02)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def wait_for(pilot, condition, timeout: float = 10.0, what: str = "the condition") -> None:
    """Let the app run until ``condition()`` holds (a worker, a timer or a search finished), failing
    after ``timeout`` seconds: a wait on the state, not a sleep on the clock."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, f"timed out waiting for {what}"
        await pilot.pause(0.01)
