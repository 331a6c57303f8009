"""The two line-API widgets as a user meets them: resizing, themes, the mouse wheel, long panels."""

from __future__ import annotations

import pytest
from tui_support import (  # noqa: F401 - fixtures
    NARROW,
    WIDE,
    article_of_app,
    cached_app,
    drained,
    drawn_text,
    no_spacy,
    panels_of,
    reader_env,
)

from reader.model import Actor, Analysis, Paragraph, Position, Span
from reader.tui import textual_compat
from reader.tui.widgets import KeyFooter

pytestmark = pytest.mark.usefixtures("reader_env", "no_spacy")


def long_analysis(count: int = 300, *, filler: int = 0) -> Analysis:
    """``count`` positions of two parties, alternating, one sentence each, ten to a paragraph,
    after ``filler`` paragraphs where nobody says anything."""
    sentences = [f"Party {'AB'[n % 2]} said item {n} must be settled first." for n in range(count)]
    parts, positions, paragraphs, offset = [], [], [], 0
    for n in range(filler):
        text = f"Background paragraph {n} tells what happened before, at some length, " * 3
        paragraphs.append(Paragraph(offset, offset + len(text)))
        parts.append(text)
        offset += len(text) + 2
    for first in range(0, count, 10):
        group = sentences[first : first + 10]
        text = " ".join(group)
        cursor = offset
        for n, sentence in enumerate(group, first):
            positions.append(Position(
                id=f"p{n + 1}", actor="ab"[n % 2], kind="demand", text=sentence, start=cursor,
                end=cursor + len(sentence), content=Span(cursor, cursor + len(sentence)),
                speaker=None, direct=False, paragraph=len(paragraphs),
            ))
            cursor += len(sentence) + 1
        paragraphs.append(Paragraph(offset, offset + len(text)))
        parts.append(text)
        offset += len(text) + 2
    return Analysis(
        source="long.txt", title="Long", text="\n\n".join(parts), model="m",
        actors=(Actor("a", "Party A", "group", (), 0), Actor("b", "Party B", "group", (), 0)),
        positions=tuple(positions), paragraphs=tuple(paragraphs),
        unanswered=tuple(p.id for p in positions),
    )


wheel = textual_compat.wheel  # one turn of the mouse wheel (Textual's Pilot has no public wheel)


def row_background(panels) -> str:
    """The background colour of the first row line of the first column."""
    strip = panels.render_line(1)
    segment = next(s for s in strip if s.text.strip() and s.style is not None and s.style.bgcolor)
    return str(segment.style.bgcolor)


async def test_resizing_to_a_narrow_terminal_turns_the_panels_into_tabs_and_back():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        panels = panels_of(app)
        assert panels.visible_actors() == ["russia", "us", "nato"]
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert app.main_screen.has_class("-narrow")
        assert panels.tabbed and panels.visible_actors() == ["russia"]
        assert "United States" in drawn_text(panels)[0]  # the tab strip
        article = article_of_app(app)
        assert max(len(line.rstrip()) for line in drawn_text(article)) <= article.size.width
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert not panels.tabbed and panels.visible_actors() == ["russia", "us", "nato"]


async def test_a_theme_change_redraws_the_kept_lines():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        panels = panels_of(app)
        dark = row_background(panels)
        article_line = article_of_app(app).render_line(3)
        app.theme = "textual-light"
        await pilot.pause()
        assert row_background(panels) != dark
        assert article_of_app(app).render_line(3) != article_line


async def test_a_long_panel_renders_what_it_shows_and_follows_the_selection():
    app = cached_app(long_analysis())
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        panels = panels_of(app)
        assert len(panels.positions_of("a")) == 150
        assert len(panels._rows) <= 50  # the rows in view (two columns of 23), not all 300
        await pilot.press("G")
        await pilot.pause()
        assert app.main_screen.nav.selected == "p300"
        assert panels.row_region("p300") is not None  # scrolled into view
        assert panels.row_region("p2") is None
        await pilot.press("g")
        await pilot.pause()
        assert panels.row_region("p1") is not None
        assert panels.row_region("p2") is None  # party B's column keeps its place until B is selected
        await pilot.press("j")
        await pilot.pause()
        assert panels.row_region("p2") is not None


async def test_the_mouse_wheel_scrolls_the_panel_under_the_pointer():
    app = cached_app(long_analysis())
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        panels = panels_of(app)
        assert panels.row_region("p1") is not None
        second = next(d for d in panels._drawn if d.actor == "b")
        for _ in range(5):
            await wheel(pilot, panels, (second.x + 3, 5), down=True)
        await pilot.pause()
        assert panels.row_region("p2") is None  # party B's column scrolled
        assert panels.row_region("p1") is not None  # party A's did not
        await wheel(pilot, panels, (second.x + 3, 5), down=False)
        await pilot.pause()
        assert panels.columns["b"].top > 0


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_the_detail_lines_and_the_search_box_sit_above_the_footer(size):
    app = cached_app()
    async with app.run_test(size=size) as pilot:
        await drained(app, pilot)
        screen = app.main_screen
        detail = screen.query_one("#detail").region
        footer = screen.query_one(KeyFooter).region
        assert detail.height == 2 and detail.bottom == footer.y == size[1] - 1
        assert article_of_app(app).region.bottom <= detail.y and panels_of(app).region.bottom <= detail.y
        await pilot.press("slash")
        await pilot.pause()
        search = screen.query_one("#search").region
        assert search.height == 3 and search.bottom == detail.y


async def test_panels_that_do_not_fit_follow_the_active_one_with_arrows_for_the_rest():
    app = cached_app()
    async with app.run_test(size=(120, 30)) as pilot:  # 72 cells of panels: two columns of 28 at least
        await drained(app, pilot)
        panels = panels_of(app)
        await pilot.press("a")
        await pilot.pause()
        assert panels.shown == ["russia", "us", "nato", "g7"]
        assert panels.visible_actors() == ["russia", "us"]
        header = drawn_text(panels)[0]
        assert header.rstrip().endswith("›") and "‹" not in header
        await pilot.press("tab", "tab")
        await pilot.pause()
        assert panels.active == "nato" and panels.visible_actors() == ["us", "nato"]
        header = drawn_text(panels)[0]
        assert header.lstrip("▏").startswith("‹") and header.rstrip().endswith("›")


async def test_the_first_position_is_scrolled_into_view_at_start_and_after_a_resize():
    app = cached_app(long_analysis(20, filler=30))
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        article = article_of_app(app)
        first = app.main_screen.nav.current
        assert first.id == "p1"

        def shown() -> bool:
            line = article.cell_of(first.start).y
            top = article.scroll_offset.y
            return top <= line < top + article.scrollable_content_region.height

        assert article.scroll_offset.y > 0 and shown()
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        await pilot.pause()
        assert shown()


async def test_an_article_s_own_title_is_drawn_once_as_its_heading_with_its_marks():
    analysis = long_analysis(6)
    title = "Party A says item 0 must be settled first."  # the first sentence as the article's title
    text = analysis.text
    head = Paragraph(0, len(title))
    analysis = Analysis(
        source="t.txt", title=title, text=f"{title}\n\n{text}", model="m", actors=analysis.actors,
        positions=tuple(
            Position(id=p.id, actor=p.actor, kind=p.kind, text=p.text, start=p.start + len(title) + 2,
                     end=p.end + len(title) + 2, content=Span(p.start + len(title) + 2, p.end + len(title) + 2),
                     speaker=None, direct=False, paragraph=p.paragraph + 1)
            for p in analysis.positions
        ),
        paragraphs=(head, *(Paragraph(p.start + len(title) + 2, p.end + len(title) + 2) for p in analysis.paragraphs)),
    )
    app = cached_app(analysis)
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        article = article_of_app(app)
        lines = drawn_text(article)
        assert sum(title in line for line in lines) == 1 and title in lines[0]
        await pilot.press("f")  # a filter names itself under the heading
        await pilot.pause()
        assert "demands" in drawn_text(article)[1]
