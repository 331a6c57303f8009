"""The reader's second round: keymaps that take space, filters of the shown kinds, the place kept
when the analysis lands, names that match no party, and what `y` copies."""

from __future__ import annotations

import pytest
from tui_support import (
    WIDE,
    article_of_app,
    cached_app,
    detail_text,
    notifications,
    reader_env,  # noqa: F401 - fixture
)

from reader.tui.screens import HelpScreen

pytestmark = pytest.mark.usefixtures("reader_env")


async def start(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def selected(app) -> str | None:
    nav = app.main_screen.nav
    return nav.selected if nav else None


async def test_keymap_gives_space_to_next_and_the_help_shows_it(tmp_path):
    config = tmp_path / "config"  # READER_CONFIG_DIR (reader_env)
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


async def test_space_pages_the_article_without_a_keymap(tmp_path):
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


async def test_f_cycles_only_the_kinds_of_the_shown_panels_with_their_count(tmp_path):
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        screen = app.main_screen
        seen = []
        for _ in range(6):
            await pilot.press("f")
            await pilot.pause()
            seen.append(screen.nav.kind)
            if screen.nav.kind is not None:
                assert screen.nav.visible(), f"{screen.nav.kind}: empty panels"
                assert screen.check_action("next_position", ()) or screen.nav.current is not None
        assert seen == ["demand", "offer", "reject", "accuse", "statement", None]  # no G7 threat
        assert "Filter: demands (7)." in notifications(app)
        assert "Filter: rejects (4)." in notifications(app)
        await pilot.press("a")  # every party: G7's threat joins the cycle
        await pilot.pause()
        assert "threaten" in screen.nav.kinds()
        for _ in range(screen.nav.kinds().index("threaten") + 1):
            await pilot.press("f")
            await pilot.pause()
        assert screen.nav.kind == "threaten"
        assert screen.nav.current.kind == "threaten"
        assert "Filter: threats (1)." in notifications(app)
        assert "threats (1)" in article_of_app(app).title
        await pilot.press("a")  # back to the chosen three: none threatens, the filter goes
        await pilot.pause()
        assert screen.nav.kind is None
        assert screen.nav.current is not None and "j/k" not in detail_text(app)
