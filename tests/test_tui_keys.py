"""Pilot tests: every key of the reader, on a fixed analysis of the seed story (no spaCy)."""

from __future__ import annotations

import pytest
from textual.command import CommandList
from textual.content import Content
from textual.widgets import Input
from tui_support import (
    NARROW,
    WIDE,
    article_lit,
    article_of_app,
    article_selected,
    cached_app,
    detail_text,
    drained,
    drawn_text,
    no_spacy,  # noqa: F401 - fixture
    notifications,
    panels_of,
    reader_env,  # noqa: F401 - fixture
    row_text,
    wait_for,
)

from reader.tui.screens import HelpScreen
from reader.tui.text import LIT_MARK

pytestmark = pytest.mark.usefixtures("reader_env", "no_spacy")


async def start(app, pilot) -> None:
    await drained(app, pilot)


def selected(app) -> str | None:
    return app.main_screen.nav.selected


def focused_panel(app) -> str | None:
    """The active panel: its header (or tab) marked, its column in view, and the selected row in it."""
    panels = panels_of(app)
    active = panels.active
    assert active == app.main_screen.active_actor
    assert active in panels.visible_actors()
    if app.main_screen.has_class("-narrow"):
        assert panels.visible_actors() == [active]
    selected = panels.selected
    if selected is not None:
        assert selected in {p.id for p in panels.positions_of(active)}
        assert panels.row_region(selected) is not None  # scrolled into view
    marker = "▶" if not panels.tabbed else ""
    assert any(marker in line and panels.columns[active].actor.name in line for line in drawn_text(panels)[:1])
    return active


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def test_opens_on_the_first_position_with_its_link_lit():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        assert selected(app) == "p1"
        assert focused_panel(app) == "russia"
        assert app.main_screen.nav.lit() == {"p15"}
        assert article_lit(app) == {"p15"}
        assert article_selected(app) == {"p1"}
        assert "rejects" in detail_text(app) and "0.58" in detail_text(app)
        assert panels_of(app).shown == ["russia", "us", "nato"]
        assert panels_of(app).visible_actors() == ["russia", "us", "nato"]


@pytest.mark.parametrize(("down", "up"), [("j", "k"), ("down", "up")])
async def test_next_and_previous_in_article_order(down, up):
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        await press(pilot, down)
        assert selected(app) == "p2"
        await press(pilot, down, down, down)
        assert selected(app) == "p5"
        assert focused_panel(app) == "us"
        await press(pilot, up)
        assert selected(app) == "p4"
        assert focused_panel(app) == "russia"


async def test_first_and_last_and_impossible_moves_greyed():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        screen = app.main_screen
        assert screen.check_action("previous_position", ()) is None
        await press(pilot, "G")
        assert selected(app) == "p16"
        assert focused_panel(app) == "nato"
        assert screen.check_action("next_position", ()) is None
        await press(pilot, "j")
        assert selected(app) == "p16"
        await press(pilot, "g")
        assert selected(app) == "p1"
        await press(pilot, "end")
        assert selected(app) == "p16"
        await press(pilot, "home")
        assert selected(app) == "p1"


async def test_next_and_previous_panel():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        await press(pilot, "tab")
        assert (focused_panel(app), selected(app)) == ("us", "p5")
        await press(pilot, "tab")
        assert (focused_panel(app), selected(app)) == ("nato", "p15")
        await press(pilot, "tab")
        assert focused_panel(app) == "russia"
        assert selected(app) == "p1"  # nothing of Russia after p15: back to its first
        await press(pilot, "shift+tab")
        assert focused_panel(app) == "nato"
        await press(pilot, "h")
        assert focused_panel(app) == "us"
        await press(pilot, "l")
        assert focused_panel(app) == "nato"


async def test_enter_follows_the_link_and_backspace_returns():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        await press(pilot, "G", "k", "k", "k")
        assert selected(app) == "p13"
        await press(pilot, "enter")
        assert selected(app) == "p15"
        assert focused_panel(app) == "nato"
        assert app.main_screen.nav.current.kind == "reject"
        assert {"p13", "p9", "p1"} <= article_lit(app)
        assert "replies to Russia DEMAND (1/1)" in detail_text(app)
        assert "rejects · score 0.86" in detail_text(app)
        await press(pilot, "backspace")
        assert selected(app) == "p13"
        assert app.main_screen.nav.history == []


async def test_enter_cycles_through_several_links_and_escape_goes_back():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        await press(pilot, *["j"] * 8)
        assert selected(app) == "p9"
        await press(pilot, "enter")
        assert selected(app) == "p8"
        assert "replies to Russia DEMAND (1/2)" in detail_text(app)
        await press(pilot, "enter")
        assert selected(app) == "p15"
        assert "(2/2)" in detail_text(app)
        await press(pilot, "enter")
        assert selected(app) == "p8"
        await press(pilot, "escape")
        assert selected(app) == "p9"


async def test_enter_without_link_is_greyed_out():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        await press(pilot, "j")
        assert selected(app) == "p2"
        assert app.main_screen.check_action("follow", ()) is None
        await press(pilot, "enter")
        assert selected(app) == "p2"
        assert app.main_screen.nav.history == []


async def test_lit_positions_are_marked_in_panels():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        await press(pilot, "G")  # p16 has no links
        await press(pilot, "k")  # p15 answers p13, p9, p1
        panels = panels_of(app)
        assert panels.lit == {"p13", "p9", "p1"}
        assert isinstance(panels.prompt_of("p13"), Content)
        assert panels.prompt_of("p13").plain.startswith(LIT_MARK)
        assert row_text(panels, "p1").startswith(LIT_MARK)  # drawn, not only computed
        assert not row_text(panels, "p2").startswith(LIT_MARK)


async def test_u_goes_to_next_unanswered_demand():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        await press(pilot, "u")
        assert selected(app) == "p2"
        await press(pilot, "u")
        assert selected(app) == "p10"
        await press(pilot, "u")
        assert selected(app) == "p2"
        assert "unanswered" in detail_text(app)


async def test_f_filters_by_kind():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        screen = app.main_screen
        await press(pilot, "f")
        assert screen.nav.kind == "demand"
        panels = panels_of(app)
        assert [p.kind for p in panels.positions_of("russia")] == ["demand"] * 7
        assert panels.positions_of("us") == []
        assert any("no positions" in line for line in drawn_text(panels))
        assert "p5" in set().union(*(b.marks.hidden for b in article_of_app(app).blocks))
        await press(pilot, "f")
        assert screen.nav.kind == "offer"
        assert selected(app) == "p3"
        await press(pilot, "j")
        assert selected(app) == "p6"
        for _ in screen.nav.kinds()[2:]:
            await press(pilot, "f")
        await press(pilot, "f")
        assert screen.nav.kind is None
        assert len(panels.positions_of("russia")) == 9
        assert any("Filter: all kinds" in m for m in notifications(app))


async def test_search_then_n_and_N():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        screen = app.main_screen
        await press(pilot, "slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"stoltenberg")
        await press(pilot, "enter")
        assert len(screen.matches) == 1
        assert not isinstance(app.focused, Input)
        assert selected(app) == "p15"  # the match lies in NATO's rejection
        await press(pilot, "slash")
        await pilot.press(*"nato")
        await press(pilot, "enter")
        count = len(screen.matches)
        assert count > 3
        first = screen.match_index
        await press(pilot, "n")
        assert screen.match_index == (first + 1) % count
        await press(pilot, "N", "N")
        assert screen.match_index == (first - 1) % count
        current = screen.matches[screen.match_index]
        assert any(b.marks.current_match == current for b in article_of_app(app).blocks)


async def test_escape_closes_the_search_box():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        await press(pilot, "j", "slash")
        await pilot.press(*"xyz")
        await press(pilot, "escape")
        assert not isinstance(app.focused, Input)
        assert selected(app) == "p2"


async def test_y_copies_quote_with_speaker_and_source():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        await press(pilot, "j", "j", "j")
        assert selected(app) == "p4"
        await press(pilot, "y")
        assert app.clipboard.startswith("“It is crucial that the security guarantees")
        assert app.clipboard.endswith("‘legal effect'” — Sergei Ryabkov (Russia)")  # no file name
        assert any("Copied" in m and "OSC 52" in m for m in notifications(app))


async def test_a_shows_all_actors():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        screen = app.main_screen
        assert "g7" not in panels_of(app).shown
        await press(pilot, "a")
        assert "g7" in panels_of(app).shown
        assert screen.nav.shown == panels_of(app).shown
        await press(pilot, *["j"] * 10)
        assert selected(app) == "p11"
        assert focused_panel(app) == "g7"


async def test_help_screen_from_question_mark_and_f1():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.keys_table()
        assert "`reader.next`" in keys and "down,j" in keys
        await press(pilot, "escape")
        assert app.screen is app.main_screen
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "f1")
        assert app.screen is app.main_screen


async def test_command_palette_runs_app_commands():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        await press(pilot, "ctrl+p")
        await pilot.press(*"next unanswered")
        commands = app.screen.query_one(CommandList)
        await wait_for(pilot, lambda: commands.option_count > 0, what="the palette's search")
        await press(pilot, "enter")
        await wait_for(pilot, lambda: selected(app) == "p2", what="the command to run")


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quit(key):
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        await pilot.press(key)
        await pilot.pause()
        assert app.return_code == 0


async def test_click_panel_row_and_article_span():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        screen = app.main_screen
        panels = panels_of(app)
        row = panels.row_region("p15")
        await pilot.click(panels, offset=(row.x + 4, row.y))
        await pilot.pause()
        assert selected(app) == "p15"
        article = article_of_app(app)
        p4 = screen.nav.by_id["p4"]
        cell = article.cell_of(p4.start + 3)
        gutter = article.styles.gutter
        await pilot.click(article, offset=(cell.x + gutter.left, cell.y - article.scroll_offset.y + gutter.top))
        await pilot.pause()
        assert selected(app) == "p4"


async def test_click_a_panel_header_activates_it():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        panels = panels_of(app)
        header = drawn_text(panels)[0]
        await pilot.click(panels, offset=(header.index("NATO"), 0))
        await pilot.pause()
        assert focused_panel(app) == "nato"
        assert selected(app) == "p15"


async def test_keymap_file_remaps_a_binding(tmp_path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keymap]\n"reader.next" = "x"\n', encoding="utf-8")
    app = cached_app(keymap_file=keymap)
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        await press(pilot, "j")
        assert selected(app) == "p1"
        await press(pilot, "x")
        assert selected(app) == "p2"


async def test_broken_keymap_is_ignored_with_a_warning(tmp_path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text("[keymap\n", encoding="utf-8")
    app = cached_app(keymap_file=keymap)
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        await press(pilot, "j")
        assert selected(app) == "p2"
        assert any("keymap.toml" in m for m in notifications(app))


async def test_narrow_layout_tabs_panels():
    app = cached_app()
    async with app.run_test(size=NARROW) as pilot:
        await start(app, pilot)
        screen = app.main_screen
        assert screen.has_class("-narrow")
        panels = panels_of(app)
        assert panels.tabbed
        assert panels.visible_actors() == ["russia"]
        tabs = drawn_text(panels)[0]
        assert "Russia" in tabs and "United States" in tabs and "NATO" in tabs
        await press(pilot, "tab")
        assert panels.visible_actors() == ["us"]
        assert selected(app) == "p5"


async def test_actors_option_picks_panels():
    app = cached_app(actors=["NATO", "US"])
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        screen = app.main_screen
        assert screen.nav.shown == ["nato", "us"]
        assert selected(app) == "p5"
        assert "russia" not in panels_of(app).shown
