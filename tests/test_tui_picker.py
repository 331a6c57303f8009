"""Pilot tests of the party picker (p) and the panel keys (1-9), on the seed analysis (no spaCy).

The seed story's parties in panel order: Russia (9 positions), United States (4), NATO (2),
G7 (1); the first three are shown at start."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList
from tui_support import (
    WIDE,
    cached_app,
    drained,
    drawn_text,
    no_spacy,  # noqa: F401 - fixture
    notifications,
    panels_of,
    reader_env,  # noqa: F401 - fixture
)

from reader.corrections import corrections_path, load
from reader.tui.commands import COMMANDS
from reader.tui.screens.main import MainScreen
from reader.tui.screens.party_picker import PartyPickerScreen

pytestmark = pytest.mark.usefixtures("reader_env", "no_spacy", "data_dir")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def picker_rows(app) -> list[str]:
    assert isinstance(app.screen, PartyPickerScreen)
    options = app.screen.query_one(OptionList).options
    return [str(option.prompt) for option in options]


async def test_the_picker_lists_every_party_with_its_count_and_whether_shown():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await press(pilot, "p")
        rows = picker_rows(app)
        assert len(rows) == 4
        assert rows[0].startswith("  [x]") and "Russia" in rows[0] and "9 positions" in rows[0]
        assert "United States" in rows[1] and "4 positions" in rows[1]
        assert rows[3].startswith("  [ ]") and "G7" in rows[3] and "1 position" in rows[3]


async def test_hide_show_and_apply():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await press(pilot, "p", "space", "down", "down", "down", "space", "enter")
        assert isinstance(app.screen, MainScreen)
        screen = app.main_screen
        assert screen.shown_actors() == ["us", "nato", "g7"]
        assert panels_of(app).visible_actors() == ["us", "nato", "g7"]
        assert screen.nav.current.actor in {"us", "nato", "g7"}  # the selection left the hidden panel
        assert "G7" in drawn_text(panels_of(app))[0] and "Russia" not in drawn_text(panels_of(app))[0]


async def test_reorder_with_brackets_and_shift_arrows():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        # NATO up two places with [ and shift+up; Russia down one with ].
        await press(pilot, "p", "down", "down", "left_square_bracket", "shift+up")
        assert ["NATO" in r for r in picker_rows(app)] == [True, False, False, False]
        await press(pilot, "down", "right_square_bracket", "enter")
        assert app.main_screen.shown_actors() == ["nato", "us", "russia"]
        assert panels_of(app).visible_actors() == ["nato", "us", "russia"]


async def test_escape_leaves_the_panels_as_they_were():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await press(pilot, "p", "space", "right_square_bracket", "escape")
        assert isinstance(app.screen, MainScreen)
        assert app.main_screen.shown_actors() == ["russia", "us", "nato"]


async def test_number_keys_jump_to_a_panel():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        screen = app.main_screen
        await press(pilot, "3")
        assert screen.active_actor == "nato" and screen.nav.current.actor == "nato"
        await press(pilot, "2")
        assert screen.active_actor == "us" and screen.nav.current.actor == "us"
        await press(pilot, "9")
        assert screen.active_actor == "us"
        assert any("no panel 9" in m for m in notifications(app))


async def test_panel_keys_follow_the_keymap(tmp_path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keymap]\n"reader.panel_3" = "x"\n', encoding="utf-8")
    app = cached_app(keymap_file=keymap)
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await press(pilot, "x")
        assert app.main_screen.active_actor == "nato"
        assert "reader.panel_3" in {row[2] for row in app.bound_keys()}


async def test_merge_a_party_into_the_marked_one_and_it_sticks(data_dir):
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        # mark United States, then m on G7: G7 goes into United States
        await press(pilot, "p", "down", "m", "down", "down", "m")
        rows = picker_rows(app)
        assert len(rows) == 3 and "United States" in rows[1] and "5 positions" in rows[1]
        await press(pilot, "enter")
        analysis = app.main_screen.analysis
        assert analysis.actor("g7") is None
        assert analysis.actor("us").positions == 5 and analysis.actor("us").corrected
        assert analysis.position("p11").actor == "us"
        text = analysis.text
    corrections, problems = load(corrections_path(text))
    assert problems == [] and [(m.actor, m.into) for m in corrections.merges] == [("g7", "us")]
    again = cached_app()
    async with again.run_test(size=WIDE) as pilot:
        await drained(again, pilot)
        assert again.main_screen.analysis.actor("g7") is None
        assert again.main_screen.analysis.position("p11").actor == "us"
        assert not any("Corrections" in m for m in notifications(again))


async def test_m_twice_on_the_same_party_unmarks_it():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await press(pilot, "p", "m")
        assert picker_rows(app)[0].startswith("● ")
        await press(pilot, "m")
        assert not picker_rows(app)[0].startswith("● ")
        await press(pilot, "down", "m", "escape")
        assert app.main_screen.analysis.actor("g7") is not None  # nothing merged


async def test_rename_a_party():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await press(pilot, "p", "down", "r")
        rename = app.screen.query_one("#picker-rename", Input)
        assert rename.has_focus and rename.value == "United States"
        rename.value = ""
        await pilot.press(*"Washington")
        await press(pilot, "enter")
        assert "Washington" in picker_rows(app)[1]
        await press(pilot, "enter")
        us = app.main_screen.analysis.actor("us")
        assert us.name == "Washington" and "United States" in us.aliases and us.corrected
        assert any("Washington" in line for line in drawn_text(panels_of(app))[:1])
        text = us and app.main_screen.analysis.text
    assert [(r.actor, r.name) for r in load(corrections_path(text))[0].renames] == [("us", "Washington")]


async def test_escape_in_the_name_box_keeps_the_name():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await press(pilot, "p", "r")
        await pilot.press(*"xyz")
        await press(pilot, "escape")
        assert isinstance(app.screen, PartyPickerScreen)  # only the name box closed
        await press(pilot, "enter")
        assert app.main_screen.analysis.actor("russia").name == "Russia"


def test_every_palette_command_runs_an_action_of_the_main_screen():
    for _, action, _ in COMMANDS:
        name = action.split("(")[0]
        if name.startswith("app."):
            continue
        assert callable(getattr(MainScreen, f"action_{name}", None)), action


async def test_the_palette_command_opens_the_picker():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await app.main_screen.run_action("pick_parties")
        await pilot.pause()
        assert isinstance(app.screen, PartyPickerScreen)


def test_picker_snapshot(snap_compare):
    """160x48: the party picker over the reader: Russia, United States, NATO ticked, G7 not, each
    with its count; Russia marked with ● for a merge; the keys line says what m does now."""

    async def run_before(pilot) -> None:
        await drained(pilot.app, pilot)
        await press(pilot, "p", "m")

    assert snap_compare(cached_app(), terminal_size=WIDE, run_before=run_before)


async def test_a_name_that_looks_like_markup_stays_literal():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await press(pilot, "p", "down", "r")
        app.screen.query_one("#picker-rename", Input).value = "[@click=app.quit]US[/]"
        await press(pilot, "enter", "enter")
        assert app.is_running and isinstance(app.screen, MainScreen)
        assert app.main_screen.analysis.actor("us").name == "[@click=app.quit]US[/]"
        assert any("[@click=app.q" in line for line in drawn_text(panels_of(app))[:1])  # literal (cut to fit)
        await app.main_screen.run_action("correct('party')")
        await pilot.pause()
        assert any("[@click=app.quit]US[/]" in str(o.prompt) for o in app.screen.query_one(OptionList).options)
        party_list = app.screen.query_one(OptionList)
        party_list.highlighted = next(i for i, o in enumerate(party_list.options) if "click" in str(o.prompt))
        await press(pilot, "enter")
        assert app.is_running and app.main_screen.analysis.position("p1").actor == "us"
        assert any("Party set to [@click=app.quit]US[/]" in m for m in notifications(app))
