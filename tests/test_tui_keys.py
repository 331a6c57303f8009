"""Pilot tests: every key of the reader, on a fixed analysis of the seed story (no spaCy)."""

from __future__ import annotations

import pytest
from textual.content import Content
from textual.widgets import Input
from tui_support import (
    NARROW,
    WIDE,
    article_lit,
    article_selected,
    cached_app,
    detail_text,
    drained,
    no_spacy,  # noqa: F401 - fixture
    notifications,
    reader_env,  # noqa: F401 - fixture
)

from reader.tui.screens import HelpScreen
from reader.tui.text import LIT_MARK
from reader.tui.widgets import ActorPanel, ParagraphView

pytestmark = pytest.mark.usefixtures("reader_env", "no_spacy")


async def start(app, pilot) -> None:
    await drained(app, pilot)


def selected(app) -> str | None:
    return app.main_screen.nav.selected


def focused_panel(app) -> str | None:
    """The active panel: marked active (by class too when narrow), the only one with a highlighted row."""
    narrow = app.main_screen.has_class("-narrow")
    active = [p.actor.id for p in app.main_screen.query(ActorPanel) if p.active]
    assert active == [p.actor.id for p in app.main_screen.query(ActorPanel) if p.has_class("-active")] or not narrow
    assert len(active) <= 1
    highlighted = [p.actor.id for p in app.main_screen.query(ActorPanel) if p.option_list.highlighted is not None]
    assert highlighted in ([], active)
    return app.main_screen.active_actor if active == [app.main_screen.active_actor] else None


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
        shown = [p.actor.id for p in app.main_screen.query(ActorPanel) if p.display and not p.has_class("-hidden")]
        assert shown == ["russia", "us", "nato"]


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
        assert "link 1/1 from Russia DEMAND" in detail_text(app)
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
        assert "link 1/2" in detail_text(app)
        await press(pilot, "enter")
        assert selected(app) == "p15"
        assert "link 2/2" in detail_text(app)
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
        nato = app.main_screen.panel_for("russia")
        assert nato.lit == {"p13", "p9", "p1"}
        prompts = {
            p.id: nato.option_list.get_option_at_index(i).prompt for i, p in enumerate(nato.positions)
        }
        assert isinstance(prompts["p13"], Content) and prompts["p13"].plain.startswith(LIT_MARK)
        assert not prompts["p2"].plain.startswith(LIT_MARK)


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
        assert [p.kind for p in screen.panel_for("russia").positions] == ["demand"] * 7
        assert screen.panel_for("us").positions == []
        assert "p5" in set().union(*(v.marks.hidden for v in screen.query(ParagraphView)))
        await press(pilot, "f")
        assert screen.nav.kind == "offer"
        assert selected(app) == "p3"
        await press(pilot, "j")
        assert selected(app) == "p6"
        for _ in screen.nav.kinds()[2:]:
            await press(pilot, "f")
        await press(pilot, "f")
        assert screen.nav.kind is None
        assert len(screen.panel_for("russia").positions) == 9
        assert any("Showing all kinds" in m for m in notifications(app))


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
        assert any(v.marks.current_match == current for v in screen.query(ParagraphView))


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
        assert "— Sergei Ryabkov (samples/000_92e0686fa38e74b4.txt)" in app.clipboard
        assert any("Copied" in m and "OSC 52" in m for m in notifications(app))


async def test_a_shows_all_actors():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        screen = app.main_screen
        assert screen.panel_for("g7").has_class("-hidden")
        await press(pilot, "a")
        assert not screen.panel_for("g7").has_class("-hidden")
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
        await pilot.pause(0.3)
        await press(pilot, "enter")
        await pilot.pause(0.2)
        assert selected(app) == "p2"


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quit(key):
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        await pilot.press(key)
        await pilot.pause()
        assert app._exit


async def test_click_panel_row_and_article_span():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        screen = app.main_screen
        await pilot.click("#list-nato", offset=(4, 0))
        await pilot.pause()
        assert selected(app) == "p15"
        view = screen.query_one("#paragraph-2", ParagraphView)
        p4 = screen.nav.by_id["p4"]
        x, y = cell_of(view, p4.start + 3)
        await pilot.click(view, offset=(x, y))
        await pilot.pause()
        assert selected(app) == "p4"


def cell_of(view: ParagraphView, offset: int) -> tuple[int, int]:
    """Where article ``offset`` is drawn inside ``view`` (plain text wrapping, ASCII enough)."""
    width = view.content_region.width
    lines = Content(view.text).wrap(width)
    consumed = 0
    target = offset - view.start
    for y, line in enumerate(lines):
        begin = view.text.index(line.plain, consumed)
        if begin <= target < begin + len(line.plain):
            return target - begin, y
        consumed = begin + len(line.plain)
    raise AssertionError("offset not drawn")


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
        visible = [p.actor.id for p in screen.query(ActorPanel) if p.region.height > 0]
        assert visible == ["russia"]
        assert screen.query_one("#tabs").region.height == 1
        await press(pilot, "tab")
        visible = [p.actor.id for p in screen.query(ActorPanel) if p.region.height > 0]
        assert visible == ["us"]
        assert selected(app) == "p5"


async def test_actors_option_picks_panels():
    app = cached_app(actors=["NATO", "US"])
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        screen = app.main_screen
        assert screen.nav.shown == ["nato", "us"]
        assert selected(app) == "p5"
        assert screen.panel_for("russia").has_class("-hidden")
