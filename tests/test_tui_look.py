"""What the reader shows at the edges: the footer at 80 columns, many tabs, long names, the
help's close hint, and labels that say which way a reply goes."""

from __future__ import annotations

import pytest
from textual.widgets import Static
from tui_support import (  # noqa: F401 - fixtures
    NARROW,
    WIDE,
    cached_app,
    detail_text,
    drained,
    drawn_text,
    no_spacy,
    panels_of,
    reader_env,
    row_text,
)

from reader.model import Actor, Analysis, Paragraph, Position, Span
from reader.tui.screens import HelpScreen
from reader.tui.text import answer_note
from reader.tui.widgets import DetailBar, KeyFooter

pytestmark = pytest.mark.usefixtures("reader_env", "no_spacy")


def parties_analysis(names: list[str], per_party: int = 2) -> Analysis:
    """Each party in ``names`` demands ``per_party`` things, in turn, one sentence each."""
    positions, parts, offset = [], [], 0
    for round_ in range(per_party):
        for n, name in enumerate(names):
            text = f"{name} demanded that point {round_} be settled first."
            positions.append(Position(
                id=f"p{len(positions) + 1}", actor=f"a{n}", kind="demand", text=text, start=offset,
                end=offset + len(text), content=Span(offset, offset + len(text)), speaker=None,
                direct=False, paragraph=len(parts),
            ))
            parts.append(text)
            offset += len(text) + 2
    paragraphs, start = [], 0
    for text in parts:
        paragraphs.append(Paragraph(start, start + len(text)))
        start += len(text) + 2
    return Analysis(
        source="parties.txt", title="Parties", text="\n\n".join(parts), model="m",
        actors=tuple(Actor(f"a{n}", name, "group", (), 0) for n, name in enumerate(names)),
        positions=tuple(positions), paragraphs=tuple(paragraphs),
        unanswered=tuple(p.id for p in positions),
    )


def footer_text(app) -> str:
    return app.main_screen.query_one(KeyFooter).render().plain


# -- item 6: the footer and the tabs at 80 columns ---------------------------------------------------
@pytest.mark.parametrize("width", [60, 80, 100])
async def test_help_and_quit_stay_in_the_footer_of_a_narrow_terminal(width):
    app = cached_app()
    async with app.run_test(size=(width, 24)) as pilot:
        await drained(app, pilot)
        text = footer_text(app)
        assert "? Help" in text and "q Quit" in text
        assert "↓ Next" in text  # moving is kept before the rarer keys
        assert len(text) <= width


async def test_the_wide_footer_shows_every_key_and_the_palette():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        text = footer_text(app)
        for label in ("tab Panel", "↓ Next", "⏎ Follow", "u Unanswered", "f Filter", "/ Search",
                      "y Copy", "? Help", "q Quit", "^p palette"):
            assert label in text
        # In the usual order, the palette at the right edge.
        assert text.index("tab Panel") < text.index("f Filter") < text.index("? Help") < text.index("q Quit")
        assert text.rstrip().endswith("^p palette")


async def test_clicking_a_footer_key_presses_it_and_impossible_keys_are_dimmed():
    app = cached_app()
    async with app.run_test(size=NARROW) as pilot:
        await drained(app, pilot)
        footer = app.main_screen.query_one(KeyFooter)
        content = footer.render()
        back = content.plain.index("⌫ Back")
        dimmed = [span for span in content.spans if getattr(span.style, "dim", False)]
        assert any(span.start <= back < span.end for span in dimmed)  # nothing to go back to yet
        await pilot.click(KeyFooter, offset=(content.plain.index("? Help") + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_tab_strip_scrolls_to_the_active_tab():
    names = [f"Coalition Number {n}" for n in range(8)]
    app = cached_app(parties_analysis(names), actors=names)
    async with app.run_test(size=NARROW) as pilot:
        await drained(app, pilot)
        panels = panels_of(app)
        assert panels.tabbed
        assert len(" ".join(names)) > NARROW[0]  # more parties than fit
        seen_left = False
        for n in range(len(names)):
            tabs = drawn_text(panels)[0]
            assert panels.active == f"a{n}"
            assert f"Coalition Number {n}" in tabs, tabs
            assert len(tabs) == NARROW[0]
            seen_left = seen_left or tabs.startswith("‹")
            if n < len(names) - 1:
                assert tabs.rstrip().endswith("›")
            await pilot.press("tab")
            await pilot.pause()
        assert seen_left
        tabs = drawn_text(panels)[0]  # tab wrapped round to the first party
        assert "Coalition Number 0" in tabs and not tabs.startswith("‹")


# -- item 8: the help's close hint ------------------------------------------------------------------
@pytest.mark.parametrize("size", [(120, 40), NARROW, WIDE])
async def test_the_help_close_hint_is_inside_the_help_frame(size):
    app = cached_app()
    async with app.run_test(size=size) as pilot:
        await drained(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        frame = screen.query_one("#help-frame").region
        hint = screen.query_one("#help-close", Static).region
        body = screen.query_one("#help-body").region
        inner = frame.shrink((1, 1, 1, 1))  # inside the border
        assert hint.height == 1 and inner.contains_region(hint)
        assert not hint.overlaps(body)
        detail = app.main_screen.query_one(DetailBar).region
        assert not detail.contains_region(hint)


# -- item 10: labels --------------------------------------------------------------------------------
def test_reply_labels_say_which_way_the_reply_goes():
    from tui_support import seed_analysis

    analysis = seed_analysis()
    assert answer_note(analysis, analysis.position("p9")) == "↩ 2 replies"  # it received two
    assert answer_note(analysis, analysis.position("p1")) == "↩ 1 reply"
    assert answer_note(analysis, analysis.position("p15")) == "replies to 3"  # it answers three
    assert answer_note(analysis, analysis.position("p2")) == "unanswered"


async def test_the_detail_line_uses_the_same_words():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        for key in ("G", "k", "k", "k"):
            await pilot.press(key)
        await pilot.pause()
        assert "↩ reply from NATO REJECT" in detail_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "replies to Russia DEMAND (1/1)" in detail_text(app)


@pytest.mark.parametrize("size", [WIDE, NARROW, (100, 30)])
async def test_a_rows_first_line_never_wraps_its_note(size):
    """'· replies to 1' stays whole on the row's first line; the speaker gives way (…)."""
    app = cached_app()
    async with app.run_test(size=size) as pilot:
        await drained(app, pilot)
        analysis = app.main_screen.analysis
        panels = panels_of(app)
        checked = 0
        for position in analysis.positions:
            if not app.main_screen.nav.select(position.id):
                continue
            app.main_screen.show_selection()
            await pilot.pause()
            first = row_text(panels, position.id).splitlines()[0].rstrip()
            note = answer_note(analysis, position)
            if note:
                assert first.endswith(note), (first, note)
                checked += 1
        assert checked >= 5


async def test_a_long_party_name_is_cut_with_an_ellipsis_before_the_separator():
    names = ["The Extraordinarily Long-Named Coalition of Concerned Parties", "Short", "Middle Party"]
    app = cached_app(parties_analysis(names))
    async with app.run_test(size=(130, 30)) as pilot:
        await drained(app, pilot)
        panels = panels_of(app)
        header = drawn_text(panels)[0]
        assert "…" in header
        assert header.count("positions") == len(panels.visible_actors()) >= 2  # every count still shown
        for drawn in panels._drawn:
            assert header[drawn.x] == "▏"  # each separator where its column begins
