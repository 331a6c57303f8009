"""The reader's second round: keymaps that take space, filters of the shown kinds, the place kept
when the analysis lands, names that match no party, and what `y` copies."""

from __future__ import annotations

from tui_support import (
    WIDE,
    article_of_app,
    cached_app,
    notifications,
    reader_env,  # noqa: F401 - fixture
)

from reader.tui.screens import HelpScreen


async def start(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def selected(app) -> str | None:
    nav = app.main_screen.nav
    return nav.selected if nav else None


async def test_keymap_gives_space_to_next_and_the_help_shows_it(reader_env):
    config = reader_env / "config"
    config.mkdir()
    (config / "keymap.toml").write_text('[keymap]\n"reader.next" = "down,j,space"\n', encoding="utf-8")
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        assert selected(app) == "p1"
        article = article_of_app(app)
        await pilot.press("space")
        await pilot.pause()
        assert selected(app) == "p2"
        assert article.scroll_offset.y == 0  # space moved, it did not page
        keys = {binding_id: keys for keys, _, binding_id in app.bound_keys()}
        assert keys["reader.next"] == "down,j,space"
        assert keys["reader.page_down"] == "pagedown"
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "| `down,j,space` | Next | `reader.next` |" in app.screen.keys_table()


async def test_space_pages_the_article_without_a_keymap(reader_env):
    app = cached_app()
    async with app.run_test(size=(160, 20)) as pilot:
        await start(app, pilot)
        article = article_of_app(app)
        await pilot.press("space")
        await pilot.pause()
        assert article.scroll_offset.y > 0
        assert selected(app) == "p1"
        keys = {binding_id: keys for keys, _, binding_id in app.bound_keys()}
        assert keys["reader.page_down"] == "pagedown,space"
