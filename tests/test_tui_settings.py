"""Settings kept between runs: the theme, all parties or the chosen ones, the filter."""

from __future__ import annotations

import json
import os

import pytest
from tui_support import WIDE, cached_app, drained, no_spacy, notifications, panels_of, reader_env  # noqa: F401

from reader.tui.settings import MAX_ARTICLES, Settings, load_settings, save_settings, settings_path

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


async def test_the_parties_picked_for_an_article_come_back_in_the_next_run():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert app.main_screen.shown_actors() == ["russia", "us", "nato"]  # the default: the most active
        # the picker: hide Russia, show G7, NATO up to first place
        for key in ("p", "space", "down", "down", "down", "space", "up", "left_square_bracket",
                    "left_square_bracket", "left_square_bracket", "enter"):
            await pilot.press(key)
            await pilot.pause()
        chosen = app.main_screen.shown_actors()
        assert chosen[0] == "nato" and "russia" not in chosen and "g7" in chosen
    kept = load_settings()[0].panels
    assert len(kept) == 1 and next(iter(kept.values()))["shown"] == app.main_screen.picked
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert app.main_screen.shown_actors() == chosen
        assert panels_of(app).visible_actors() == chosen


async def test_without_a_pick_no_panel_choice_is_kept_and_actors_win_over_a_saved_one():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await pilot.press("f")
        await pilot.pause()
    assert load_settings()[0].panels == {}
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await pilot.press("p", "space", "enter")  # hide Russia
        await pilot.pause()
        assert "russia" not in app.main_screen.shown_actors()
    app = cached_app(actors=["Russia"])
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert app.main_screen.shown_actors() == ["russia"]


def test_the_panel_choices_kept_are_bounded_and_the_oldest_go_first():
    settings = Settings()
    for number in range(MAX_ARTICLES + 5):
        settings = settings.with_panels(f"{number:064x}", ["a"], ["a", "b"])
    assert len(settings.panels) == MAX_ARTICLES
    assert f"{0:064x}" not in settings.panels and f"{MAX_ARTICLES + 4:064x}" in settings.panels
    settings = settings.with_panels(f"{5:064x}", ["b"], ["b", "a"])  # chosen again: the most recent
    assert list(settings.panels)[-1] == f"{5:064x}"
    assert save_settings(settings) is None and load_settings() == (settings, None)


@pytest.mark.parametrize("panels", [[1], {"k": {"shown": "a", "order": []}}, {"k": {"shown": []}},
                                    {"k": {"shown": [1], "order": []}}])
def test_a_bad_panel_choice_is_ignored(panels):
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"theme": "nord", "panels": panels}))
    settings, problem = load_settings()
    assert settings == Settings(theme="nord") and problem and "panels" in problem
