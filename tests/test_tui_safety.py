"""Article text is never markup, control characters never reach the terminal; loading and failure."""

from __future__ import annotations

import threading

import pytest
from textual.content import Content
from textual.style import Style
from tui_support import (  # noqa: F401 - fixtures
    WIDE,
    article_of,
    article_of_app,
    cached_app,
    detail_text,
    drained,
    drawn_text,
    no_spacy,
    notifications,
    reader_env,
    wait_for,
)

import reader.tui.screens.main as main_screen
from reader.model import Actor, Analysis, Article, Paragraph, Position, Span
from reader.nlp import ModelError
from reader.tui import ReaderApp
from reader.tui.text import safe_text
from reader.tui.widgets import ArticleView

pytestmark = pytest.mark.usefixtures("reader_env", "no_spacy")

NASTY = "He said [b]bold[/b] and [/x] then [@click=app.quit]quit[/] and \x1b[31mred\x1b[0m\x07 [sic]."


def nasty_analysis() -> Analysis:
    text = f"Title [i]x[/i]\n\n{NASTY}"
    start = text.index("[@click")
    end = text.index("quit[/]") + len("quit[/]")
    position = Position(
        id="p1", actor="a", kind="demand", text=text[start:end], start=start, end=end,
        content=Span(start, end), speaker="[red]Someone[/red]", direct=True, paragraph=1,
    )
    return Analysis(
        source="nasty.txt", title="[b]Title[/b] \x1b]0;pwned\x07", text=text, model="m",
        actors=(Actor("a", "[bold]Party[/bold]", "group", (), 1),),
        positions=(position,), unanswered=("p1",),
        paragraphs=(Paragraph(0, 14), Paragraph(16, len(text))),
    )


def test_safe_text_keeps_offsets_and_shows_controls():
    cleaned = safe_text(NASTY)
    assert len(cleaned) == len(NASTY)
    assert "\x1b" not in cleaned and "\x07" not in cleaned
    assert "␛[31mred" in cleaned
    assert safe_text("tab\there") == "tab here"


async def test_markup_in_the_article_is_shown_literally_and_runs_nothing():
    analysis = nasty_analysis()
    app = cached_app(analysis)
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        screen = app.main_screen
        assert screen.nav.selected == "p1"
        view = article_of_app(app)
        content = view.content_of(1)
        assert isinstance(content, Content)
        assert "[b]bold[/b] and [/x] then [@click=app.quit]quit[/]" in content.plain
        assert "␛[31mred␛[0m␇ [sic]." in content.plain
        rendered = "".join(drawn_text(view))
        assert "[@click=app.quit]" in rendered
        assert "\x1b" not in rendered and "\x07" not in rendered
        cell = view.cell_of(screen.nav.by_id["p1"].start + 2)
        await pilot.click(view, offset=(cell.x + view.styles.gutter.left, cell.y))
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert "[@click=app.quit]quit[/]" in detail_text(app)
        assert "[bold]Party[/bold]" in detail_text(app)
        assert "[b]Title[/b] ␛]0;pwned␇" in drawn_text(view)[0]


async def test_article_shows_at_once_while_the_analysis_runs(monkeypatch):
    release = threading.Event()
    started = threading.Event()

    def slow(article, model=None, use_cache=True):
        started.set()
        release.wait(10)
        from tui_support import seed_analysis

        return seed_analysis(), False

    monkeypatch.setattr(main_screen, "analyse_with_cache", slow)
    from tui_support import seed_analysis

    app = ReaderApp(article_of(seed_analysis()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert started.wait(5)
        screen = app.main_screen
        # the loading indicator appears only if the analysis takes a moment (LOADING_DELAY)
        await wait_for(pilot, lambda: screen.query_one("#panels").loading, what="the loading indicator")
        assert screen.query_one("#panels").loading
        article = screen.query_one(ArticleView)
        assert len(article.blocks) == 10
        assert any("NATO and the EU" in line for line in drawn_text(article))  # drawn before any analysis
        assert "Analysing" in detail_text(app)
        await pilot.press("j", "f", "u", "y", "enter", "backspace", "tab", "n")
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert screen.nav is None
        release.set()
        await drained(app, pilot)
        assert not screen.query_one("#panels").loading
        assert screen.nav.selected == "p1"


async def test_failure_notifies_and_leaves_the_article_readable(monkeypatch):
    def broken(article, model=None, use_cache=True):
        raise ModelError("no spaCy English pipeline could be loaded (tried x)\nsecond line")

    monkeypatch.setattr(main_screen, "analyse_with_cache", broken)
    paragraphs = (Paragraph(0, 14), Paragraph(16, 24))
    article = Article(source="a.txt", text="One paragraph.\n\nAnother.", paragraphs=paragraphs)
    app = ReaderApp(article)
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        screen = app.main_screen
        assert screen.failed == "no spaCy English pipeline could be loaded (tried x)"
        assert any("no spaCy English pipeline" in m for m in notifications(app))
        assert not screen.query_one("#panels").loading
        assert any("Another." in line for line in drawn_text(screen.query_one(ArticleView)))
        await pilot.press("j", "slash")
        await pilot.pause()
        await pilot.press(*"another", "enter")
        await pilot.pause()
        assert screen.matches == [(16, 23)]


async def test_article_without_positions():
    analysis = Analysis(source="e.txt", title=None, text="Nothing said here.", model="m",
                        paragraphs=(Paragraph(0, 18),))
    app = cached_app(analysis)
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert app.main_screen.nav.selected is None
        assert "No positions" in detail_text(app)
        await pilot.press("j", "k", "g", "G", "tab", "enter", "u", "f", "y", "a")
        await pilot.pause()
        assert app.main_screen.nav.selected is None


def span_styles(view: ArticleView, index: int) -> list[str]:
    """The text attributes of each styled span ("bold reverse", "italic", ...), colours aside."""
    names = ("italic", "bold", "underline", "underline2", "reverse")
    return [
        " ".join(name for name in names if getattr(span.style, name))
        for span in view.content_of(index).spans
        if isinstance(span.style, Style) and not span.style.meta
    ]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_highlights_survive_light_themes_and_no_color(monkeypatch, theme):
    monkeypatch.setenv("NO_COLOR", "1")
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        app.theme = theme
        await drained(app, pilot)
        assert app.no_color
        screen = app.main_screen
        await pilot.press("j", "j", "j")  # p4, a direct quote, selected
        await pilot.pause()
        styles = span_styles(screen.query_one(ArticleView), 2)
        # Without colour the kinds of highlight still differ by attribute alone.
        assert any("reverse" in s for s in styles)  # the selection
        assert any(s.startswith("italic") for s in styles)  # reported speech (p2, p3)
        await pilot.press("j")  # p5: its link p4 is now lit, a direct quote
        await pilot.pause()
        styles = span_styles(screen.query_one(ArticleView), 2)
        assert any("underline2" in s for s in styles)


async def test_a_cache_hit_fills_the_panels_without_a_worker_and_the_collector_resumes():
    """A cached analysis is read on the UI thread after the first paint (no worker round trip);
    the garbage collector, paused while the screen is built, runs again once the panels show."""
    import gc

    assert gc.isenabled()
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert app.main_screen.nav is not None and app.main_screen.nav.selected == "p1"
        assert not app.workers  # no analysis worker was started
        await pilot.pause()
        assert gc.isenabled()
    assert gc.isenabled()


async def test_the_collector_resumes_when_the_analysis_fails(monkeypatch):
    import gc

    def broken(article, model=None, use_cache=True):
        raise ModelError("no model")

    monkeypatch.setattr(main_screen, "analyse_with_cache", broken)
    app = ReaderApp(Article(source="x.txt", text="Some text.", title="T"), use_cache=False)
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert app.main_screen.failed
        assert gc.isenabled()
    assert gc.isenabled()
