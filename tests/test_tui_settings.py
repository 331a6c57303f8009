"""Settings kept between runs: the theme, all parties or the chosen ones, the filter."""

from __future__ import annotations

import json
import os

import pytest
from tui_support import WIDE, cached_app, drained, no_spacy, notifications, reader_env  # noqa: F401

from reader.tui.settings import Settings, load_settings, save_settings, settings_path

pytestmark = pytest.mark.usefixtures("reader_env", "no_spacy")


def test_the_settings_live_in_the_config_dir_that_tests_set(tmp_path):
    assert settings_path() == tmp_path / "config" / "settings.json"  # tui_support.reader_env


def test_no_file_means_the_defaults():
    assert load_settings() == (Settings(), None)


def test_save_then_load_round_trips():
    settings = Settings(theme="gruvbox", all_actors=True, filter="reject")
    assert save_settings(settings) is None
    assert load_settings() == (settings, None)
    assert json.loads(settings_path().read_text())["theme"] == "gruvbox"


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", "\xff\xfe", ""])
def test_a_broken_file_gives_the_defaults_and_one_problem(text):
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(text.encode("latin-1"))
    settings, problem = load_settings()
    assert settings == Settings()
    assert problem and str(path) in problem


def test_bad_values_are_ignored_one_by_one():
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"theme": "nord", "all_actors": "yes", "filter": "dance", "future": 1}))
    settings, problem = load_settings()
    assert settings == Settings(theme="nord")
    assert problem and "all_actors" in problem and "filter" in problem and "future" not in problem


def test_saving_where_it_cannot_tells_why(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    problem = save_settings(Settings(theme="nord"), blocker / "settings.json")
    assert problem and "a-file" in problem
    assert not list(tmp_path.glob(".*.tmp"))


async def test_a_theme_chosen_is_saved_and_the_next_run_starts_with_it():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        app.theme = "textual-light"  # what the command palette's theme picker sets
        await pilot.pause()
        assert load_settings()[0].theme == "textual-light"  # saved at once, not only at exit
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert app.theme == "textual-light"
        assert "-light-mode" in app.classes


async def test_theme_chosen_through_the_command_palette_is_saved():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "theme":
            await pilot.press(key)
        await pilot.pause()
        await pilot.press("enter")  # "Theme": the list of themes
        await pilot.pause()
        for key in "gruvbox":
            await pilot.press(key)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "gruvbox"
    assert load_settings()[0].theme == "gruvbox"


async def test_the_filter_and_all_parties_come_back_in_the_next_run():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await pilot.press("f", "a")
        await pilot.pause()
        kind = app.main_screen.nav.kind
        assert kind is not None and app.main_screen.show_all
    assert load_settings()[0] == Settings(theme="textual-dark", all_actors=True, filter=kind)
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        screen = app.main_screen
        assert screen.nav.kind == kind and screen.show_all
        assert all(p.kind == kind for p in screen.nav.visible())
        assert screen.nav.current is not None and screen.nav.current.kind == kind


async def test_a_broken_settings_file_is_one_notification_and_the_defaults():
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("{theme = gruvbox")
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert app.theme == "textual-dark"
        told = [m for m in notifications(app) if "settings.json" in m]
        assert len(told) == 1 and "defaults" in told[0]
        app.theme = "nord"
        await pilot.pause()
    assert load_settings() == (Settings(theme="nord"), None)  # the next save mends the file


async def test_an_unknown_theme_falls_back_to_the_default():
    save_settings(Settings(theme="no-such-theme"))
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert app.theme == "textual-dark"


def test_the_config_dir_variable_is_honoured(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path / "elsewhere"))
    save_settings(Settings(theme="nord"))
    assert (tmp_path / "elsewhere" / "settings.json").exists()
    assert os.environ["READER_CONFIG_DIR"].endswith("elsewhere")


async def test_parties_named_on_the_command_line_win_over_the_saved_all_parties():
    save_settings(Settings(all_actors=True))
    app = cached_app(actors=["NATO", "US"])
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert app.main_screen.nav.shown == ["nato", "us"] and not app.main_screen.show_all
