"""Themes: every label readable (WCAG 4.5:1) on every built-in theme, and no colours left over
from the previous theme after a switch."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.app import App
from textual.color import Color
from tui_support import (  # noqa: F401 - fixtures
    NARROW,
    WIDE,
    article_of_app,
    cached_app,
    drained,
    no_spacy,
    panels_of,
    reader_env,
    seed_analysis,
)

from reader.corrections import Corrections, PositionFix, Rename, corrections_path, save
from reader.model import KIND_BADGES, KINDS
from reader.tui.palette import MIN_CONTRAST, TINTS, Palette, contrast, drawn_colours, palette_for, readable
from reader.tui.text import ACTOR_COLOURS, CORRECTED_MARK
from reader.tui.widgets import DetailBar, KeyFooter

pytestmark = pytest.mark.usefixtures("reader_env", "no_spacy")

THEMES = sorted(App().available_themes)


def palettes() -> list[Palette]:
    app = App()
    return [
        Palette.from_theme(theme, app.ansi_theme_dark if theme.dark else app.ansi_theme_light)
        for theme in app.available_themes.values()
    ]


def test_every_builtin_theme_is_checked():
    assert len(THEMES) >= 20 and {"textual-dark", "textual-light", "gruvbox"} <= set(THEMES)


def test_the_contrast_formula_matches_wcag():
    assert contrast(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(21)
    assert contrast(Color(119, 119, 119), Color(255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert contrast(Color(200, 10, 10), Color(200, 10, 10)) == pytest.approx(1)


@pytest.mark.parametrize("background", [Color(0, 0, 0), Color(128, 128, 128), Color(255, 255, 255),
                                        Color(254, 166, 43), Color(1, 120, 212)])
def test_readable_always_reaches_the_minimum(background):
    for colour in (Color(254, 166, 43), Color(0, 0, 0), Color(255, 255, 255), Color(120, 120, 120)):
        assert contrast(readable(colour, background), background) >= MIN_CONTRAST


def test_readable_keeps_a_colour_that_already_reads():
    assert readable(Color(0, 0, 0), Color(255, 255, 255)) == Color(0, 0, 0)


@pytest.mark.parametrize("palette", palettes(), ids=lambda p: p.name)
def test_badges_spans_and_selection_read_at_4_5_on_every_theme(palette):
    """Computed from the theme's own colours (Textual's colour system for the theme)."""
    failures: list[str] = []

    def check(what: str, text: Color | None, back: Color | None) -> None:
        assert text is not None and back is not None, what
        ratio = contrast(text, back)
        if ratio < MIN_CONTRAST:
            failures.append(f"{what}: {ratio:.2f}")

    for kind in KINDS:
        check(f"{KIND_BADGES[kind]} badge", palette.kind_colour(kind), palette.surface)
    check("lit mark", palette.mark_style().foreground, palette.surface)
    check("✎ corrected in a row", palette.corrected_style("surface").foreground, palette.surface)
    check("✎ corrected on a header or the detail line", palette.corrected_style("panel").foreground, palette.panel)
    for colour in ACTOR_COLOURS:
        for look in TINTS:
            check(f"{look} span in {colour}", *drawn_colours(palette.span_style(colour, look)))
        check(f"active panel name in {colour}", *drawn_colours(palette.active_style(colour)))
    cursor = palette.cursor_style()
    check("selected panel row", cursor.foreground, cursor.background)
    for current in (False, True):
        check(f"search match (current={current})", *drawn_colours(palette.search_style(current=current)))
    assert not failures, failures


def colours_of(segment: Segment, palette: Palette | None = None) -> tuple[Color, Color]:
    """(text, background) of a drawn segment; the terminal's default and ANSI colours (ANSI
    themes) as the palette's terminal theme draws them."""
    style = segment.style
    assert style is not None and style.color is not None and style.bgcolor is not None, segment

    def concrete(colour, default: Color) -> Color:
        if palette is not None and colour.is_default:
            return default
        if palette is not None and colour.number is not None and colour.number < 16:
            return Color(*palette.terminal.ansi_colors[colour.number])
        return Color.from_rich_color(colour)

    fallback = palette or Palette.from_theme(App().available_themes["textual-dark"], App().ansi_theme_dark)
    text = concrete(style.color, fallback.foreground)
    back = concrete(style.bgcolor, fallback.background)
    return (back, text) if style.reverse else (text, back)


def drawn_segments(widget) -> list[Segment]:
    return [segment for y in range(widget.size.height) for segment in widget.render_line(y)]


async def test_what_is_drawn_reads_at_4_5_on_every_theme():
    """As drawn on screen: every badge in the panels, the selected row, and every highlighted
    span in the article (the selection, lit links, quotes, reported speech), theme after theme."""
    app = cached_app()
    badges = set(KIND_BADGES.values())
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await pilot.press("j", "j", "j", "j")  # p5: its link p4 is lit
        await pilot.pause()
        panels, article = panels_of(app), article_of_app(app)
        for theme in THEMES:
            app.theme = theme
            await pilot.pause()
            palette = palette_for(app)
            failures: list[str] = []
            seen = {"badge": 0, "span": 0, "cursor": 0}
            for segment in drawn_segments(panels):
                text, back = colours_of(segment, palette)
                if segment.text.strip() in badges:
                    seen["badge"] += 1
                    if contrast(text, back) < MIN_CONTRAST:
                        failures.append(f"badge {segment.text!r} {contrast(text, back):.2f}")
                if back == palette.cursor_style().background and segment.text.strip():
                    seen["cursor"] += 1
                    if contrast(text, back) < MIN_CONTRAST:
                        failures.append(f"selected row {segment.text!r} {contrast(text, back):.2f}")
            for segment in drawn_segments(article):
                if segment.style is not None and segment.style.meta.get("position") and segment.text.strip():
                    seen["span"] += 1
                    text, back = colours_of(segment, palette)
                    if contrast(text, back) < MIN_CONTRAST:
                        failures.append(f"span {segment.text!r} {contrast(text, back):.2f}")
            assert all(seen.values()), (theme, seen)
            assert not failures, (theme, failures)


def header_backgrounds(app) -> set[str]:
    """The background colours of the panels' header line (the separators aside)."""
    strip = panels_of(app).render_line(0)
    return {Color.from_rich_color(s.style.bgcolor).hex for s in strip if s.text != "▏" and s.style}


async def test_switching_themes_leaves_no_stale_colours():
    """dark -> light -> gruvbox, as from the command palette: the panel header, the rows and the
    article take the new theme at once, and a resize keeps them (no row kept from a theme before)."""
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert app.theme == "textual-dark"
        for theme in ("textual-light", "gruvbox", "textual-dark"):
            app.theme = theme
            await pilot.pause()
            palette = palette_for(app)
            panel = palette.panel.hex
            active = palette.active_style(panels_of(app).columns["russia"].colour).background.hex
            assert header_backgrounds(app) == {panel, active}, theme
            cursor = palette.cursor_style().background
            selected = panels_of(app).row_region(app.main_screen.nav.selected)
            row = panels_of(app).render_line(selected.y)
            assert Color.from_rich_color(list(row)[selected.x].style.bgcolor) == cursor, theme
            await pilot.resize_terminal(150, 48)
            await pilot.pause()
            assert header_backgrounds(app) == {panel, active}, f"{theme} after a resize"
            await pilot.resize_terminal(*WIDE)
            await pilot.pause()
            backgrounds = {colours_of(s)[1] for s in drawn_segments(article_of_app(app)) if not s.style.meta}
            assert palette.background in backgrounds, theme
            footer = app.main_screen.query_one(KeyFooter)
            assert footer.get_visual_style("key-footer--key").foreground == palette.resolve(
                "$footer-key-foreground", palette.background), theme


async def test_a_theme_switch_redraws_the_tabs_of_a_narrow_terminal():
    app = cached_app()
    async with app.run_test(size=NARROW) as pilot:
        await drained(app, pilot)
        app.theme = "textual-light"
        await pilot.pause()
        panel = palette_for(app).panel.hex
        assert panel in header_backgrounds(app)
        app.theme = "gruvbox"
        await pilot.pause()
        assert palette_for(app).panel.hex in header_backgrounds(app)
        assert panel not in header_backgrounds(app)


async def test_the_corrected_marks_read_at_4_5_as_drawn_on_every_theme():
    """'✎ corrected' in a row, the ✎ of a renamed party's header and the tag in the detail line,
    as drawn, theme after theme."""
    analysis = seed_analysis()  # its corrections go to reader_env's temp data directory
    p6 = analysis.position("p6")
    save(Corrections(positions=(PositionFix(p6.start, p6.end, kind="accept"), PositionFix(
        analysis.position("p5").start, analysis.position("p5").end, kind="offer")),
        renames=(Rename("us", "Washington"),)), corrections_path(analysis.text), analysis.text)
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        app.main_screen.nav.select("p5")  # the detail line shows p5's tag; p6's row is not selected
        app.main_screen.show_selection()
        await pilot.pause()
        detail = app.main_screen.query_one(DetailBar)
        for theme in THEMES:
            app.theme = theme
            await pilot.pause()
            palette = palette_for(app)
            drawn = drawn_segments(panels_of(app)) + [
                segment for strip in detail.render_lines(detail.region.reset_offset) for segment in strip]
            marks = [s for s in drawn if CORRECTED_MARK in s.text]
            assert len(marks) >= 3, (theme, marks)  # p6's row, the header, the detail line
            failures = [f"{s.text!r} {contrast(*colours_of(s, palette)):.2f}" for s in marks
                        if contrast(*colours_of(s, palette)) < MIN_CONTRAST]
            assert not failures, (theme, failures)
