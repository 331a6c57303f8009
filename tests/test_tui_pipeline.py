"""The reader on the seed story with the real spaCy pipeline (no cache): robust to analysis changes."""

from __future__ import annotations

import pytest
from tui_support import WIDE, drained, reader_env  # noqa: F401

from reader.tui import make_app
from reader.tui.navigation import match_actor
from reader.tui.widgets import PanelsView

SEED = "samples/000_92e0686fa38e74b4.txt"

pytestmark = [pytest.mark.usefixtures("reader_env"), pytest.mark.slow]


async def test_walk_from_the_first_russian_demand_to_its_rejection(nlp):
    app = make_app(SEED, use_cache=False)
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        screen = app.main_screen
        assert screen.failed is None, screen.failed
        analysis = screen.analysis
        russia = match_actor(analysis, "Russia")
        assert russia is not None
        shown = screen.query_one(PanelsView).visible_actors()
        assert russia in shown and len(shown) <= 3
        await pilot.press("g")
        # j until the first Russian demand, then on to the first one that got an answer.
        demand = None
        for _ in range(len(analysis.positions)):
            current = screen.nav.current
            if current.actor == russia and current.kind == "demand":
                demand = demand or current
                if screen.nav.links_of(current.id):
                    break
            await pilot.press("j")
            await pilot.pause()
        assert demand is not None, "no Russian demand found"
        current = screen.nav.current
        if not screen.nav.links_of(current.id):
            pytest.skip("the analysis links no Russian demand yet")
        await pilot.press("enter")
        await pilot.pause()
        answer = screen.nav.current
        assert answer.actor != russia
        assert answer.kind == "reject"
        assert current.id in screen.nav.lit()
        assert "rejects" in str(screen.query_one("#detail").content)
        await pilot.press("backspace")
        await pilot.pause()
        assert screen.nav.current == current


async def test_cache_is_written_then_used(nlp, monkeypatch):
    app = make_app(SEED)
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        first = app.main_screen.analysis
    assert first is not None

    import reader.nlp
    from reader.nlp import ModelError

    def refuse(name=None):
        raise ModelError("spaCy must not be loaded on a cache hit")

    monkeypatch.setattr(reader.nlp, "load_nlp", refuse)
    again = make_app(SEED)
    async with again.run_test(size=WIDE) as pilot:
        await drained(again, pilot)
        assert again.main_screen.failed is None
        assert again.main_screen.analysis.positions == first.positions
