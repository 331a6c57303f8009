"""The reader's second round: keymaps that take space, filters of the shown kinds, the place kept
when the analysis lands, names that match no party, and what `y` copies."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_support import (
    WIDE,
    article_of_app,
    cached_app,
    detail_text,
    drained,
    notifications,
    reader_env,  # noqa: F401 - fixture
    seed_analysis,
)

from reader.model import Publication
from reader.tui import make_app
from reader.tui.clipboard import quote_for_copy
from reader.tui.navigation import Navigator
from reader.tui.screens import HelpScreen
from reader.tui.widgets.search_bar import SearchState

pytestmark = pytest.mark.usefixtures("reader_env")
SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "dev"


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
        assert "Filter: rejections (4)." in notifications(app)
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


def long_story(tmp_path) -> str:
    """Every development sample three times, with one paragraph about Ruritania after the second
    time: a text whose real analysis takes seconds."""
    samples = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    middle = "Ruritania demanded an immediate ceasefire on Friday, its foreign minister told reporters."
    parts = [*samples, *samples, middle, *samples]
    path = tmp_path / "long.txt"
    path.write_text("Talks on many fronts\n\n" + "\n\n".join(parts), encoding="utf-8")
    return str(path)


@pytest.fixture
def held_analysis(monkeypatch):
    """The real analysis, held back until the test lets it go (``.set()``): the reader's keys come
    first however fast the machine parses."""
    import threading

    from reader.tui.screens import main as main_screen

    gate = threading.Event()
    real = main_screen.analyse_with_cache

    def held(*args, **kwargs):
        gate.wait(timeout=60)
        return real(*args, **kwargs)

    monkeypatch.setattr(main_screen, "analyse_with_cache", held)
    return gate


async def test_the_reader_keeps_its_place_when_the_analysis_lands(tmp_path, held_analysis):
    app = make_app(long_story(tmp_path), use_cache=False)  # the real, slow analysis
    async with app.run_test(size=WIDE) as pilot:
        screen = app.main_screen
        await pilot.press("slash")
        screen.search_bar.value = "Ruritania"  # typed at once: eleven key presses take a while
        await pilot.press("enter")
        article = article_of_app(app)
        assert screen.analysis is None, "the analysis came before the search: the text is too short"
        assert screen.match_index == 0
        match = screen.matches[0]
        top = article.scroll_offset.y
        assert top > 0 and article.in_view(match[0])
        held_analysis.set()
        await drained(app, pilot)
        assert screen.analysis is not None and screen.analysis.positions
        assert article.scroll_offset.y == top  # no jump back to the first position
        after = [p for p in screen.nav.visible() if p.end > match[0]]
        assert after and screen.nav.current == after[0]  # the first position from the match on
        assert screen.match_index == 0


async def test_actors_that_match_no_party_are_named_with_the_parties_there_are():
    app = cached_app(actors=["Foo", "Russia", "Bar"])
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        screen = app.main_screen
        assert screen.picked == ["russia"]
        message = ("--actors: no party matches 'Foo', 'Bar' "
                   "(the parties are Russia, United States, NATO, G7)")
        assert screen.unmatched == message
        assert message in notifications(app)


async def test_actors_that_all_fail_fall_back_and_say_so():
    app = cached_app(actors=["Foo"])
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        assert app.main_screen.picked == ["russia", "us", "nato"]
        assert any("no party matches 'Foo'; showing the most active instead" in m for m in notifications(app))


async def test_actors_that_all_match_say_nothing():
    app = cached_app(actors=["russia", "NATO"])
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        assert app.main_screen.unmatched is None
        assert not any("--actors" in m for m in notifications(app))


# -- the Navigator's moves, without an app ------------------------------------------------------


def test_navigator_reveal_shows_the_panel_and_drops_the_filter_a_link_leads_out_of():
    nav = Navigator(seed_analysis(), shown=["russia"])
    nav.kind = "demand"
    g7_threat = next(p for p in nav.ordered if p.actor == "g7")
    assert nav.reveal(g7_threat) == (True, True)
    assert nav.shown == ["russia", "g7"] and nav.kind is None
    assert nav.reveal(g7_threat) == (False, False)
    assert nav.reveal(None) == (False, False)


def test_navigator_show_actors_keeps_a_filter_only_if_a_panel_has_it():
    nav = Navigator(seed_analysis(), shown=["russia", "us", "nato", "g7"])
    nav.kind = "threaten"
    nav.edge(last=False)
    assert nav.current.actor == "g7"
    assert nav.show_actors(["russia", "us"]) is True
    assert nav.kind is None and nav.current.actor in {"russia", "us"}
    nav.kind = "reject"
    assert nav.show_actors(["us", "nato"]) is False and nav.kind == "reject"


def test_navigator_filter_next_moves_a_hidden_selection_forward():
    nav = Navigator(seed_analysis(), shown=["russia", "us", "nato"])
    nav.step(1)
    first = nav.current
    assert nav.filter_next() == "demand"
    assert nav.current.kind == "demand" and nav.current.start >= first.start
    assert nav.filter_next() == "offer" and nav.current.kind == "offer"


def test_navigator_link_origin_is_where_the_link_was_followed_from():
    nav = Navigator(seed_analysis(), shown=["russia", "us", "nato"])
    assert nav.link_origin() is None
    start = next(p for p in nav.ordered if nav.links_of(p.id))
    nav.select(start.id)
    nav.follow()
    assert nav.link_origin() == start


def test_search_state_finds_from_here_and_wraps():
    state = SearchState()
    text = "NATO said no. Russia asked NATO. nato again."
    assert state.run(text, "  nato ", here=5) == 1 and state.current is None
    assert state.go(1) == (27, 31) and state.current == (27, 31)
    assert state.step(1) == (33, 37)
    assert state.step(1) == (0, 4)  # wraps
    assert state.step(-1) == (33, 37)
    assert state.run(text, "Ukraine") is None and state.step(1) is None and state.current is None
    assert state.run(text, "   ") is None


@pytest.mark.parametrize(("speaker", "party", "who"), [
    ("the Sudanese government", "Sudan", "the Sudanese government (Sudan)"),
    ("NATO spokesman", "NATO", "NATO spokesman"),
    (None, "Russia", "Russia"),
    ("Sergei Ryabkov", "Russia", "Sergei Ryabkov (Russia)"),
])
def test_quote_for_copy_names_the_speaker_once_with_the_party(speaker, party, who):
    publication = Publication("Sudan Tribune", "https://sudantribune.com/?p=2083", "2003-12-27")
    text = quote_for_copy("We demand a ceasefire,", speaker=speaker, party=party, publication=publication,
                          direct=True)
    assert text == f"“We demand a ceasefire” — {who}; Sudan Tribune, 2003-12-27, https://sudantribune.com/?p=2083"


def test_quote_for_copy_without_a_publication_names_the_title_never_the_file():
    text = quote_for_copy("talks must resume", speaker="a spokesman", party="UN", publication=Publication(),
                          title="Talks stall", direct=False)
    assert text == "talks must resume — a spokesman (UN); “Talks stall”"
    assert quote_for_copy("no", speaker=None, party="UN", publication=Publication(), direct=False) == "no — UN"


async def test_the_reader_keeps_its_scrolled_place_when_the_analysis_lands(tmp_path, held_analysis):
    app = make_app(long_story(tmp_path), use_cache=False)  # the real, slow analysis
    async with app.run_test(size=WIDE) as pilot:
        screen = app.main_screen
        await pilot.press("pagedown", "pagedown", "pagedown")
        article = article_of_app(app)
        assert screen.analysis is None, "the analysis came before the pages: the text is too short"
        top = article.scroll_offset.y
        place = article.top_offset()
        assert top > 0 and place is not None
        held_analysis.set()
        await drained(app, pilot)
        assert screen.analysis is not None and screen.analysis.positions
        assert article.scroll_offset.y == top
        after = [p for p in screen.nav.visible() if p.end > place]
        assert after and screen.nav.current == after[0]
