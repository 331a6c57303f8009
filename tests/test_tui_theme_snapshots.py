"""SVG snapshots of the reader in light and warm themes and with many parties at 80x24.

Same fixed analysis of the seed story as tests/test_tui_snapshots.py (textual-dark there);
regenerate with ``.venv/bin/pytest tests/test_tui_theme_snapshots.py --snapshot-update`` and
look at the pictures before committing them.
"""

from __future__ import annotations

import pytest
from test_tui_look import parties_analysis
from tui_support import NARROW, WIDE, cached_app, drained, no_spacy, reader_env  # noqa: F401

pytestmark = pytest.mark.usefixtures("reader_env", "no_spacy")


def themed(theme: str):
    async def run_before(pilot) -> None:
        pilot.app.theme = theme
        await drained(pilot.app, pilot)
        for key in ("G", "k", "k", "k"):
            await pilot.press(key)
        await pilot.pause()

    return run_before


def test_wide_layout_in_textual_light(snap_compare):
    """160x48, textual-light: light grey panels whose headers are light too (no dark band left
    over), dark-red/brown badges that read on the light surface, Russia's demand on NATO
    membership filled in dark blue with white text, NATO's rejection lit (double underline on a
    tint) with dark text; the detail line reads '↩ reply from NATO REJECT'."""
    assert snap_compare(cached_app(), terminal_size=WIDE, run_before=themed("textual-light"))


def test_wide_layout_in_gruvbox(snap_compare):
    """160x48, gruvbox: warm dark browns, cream text, the same selection and lit link as in the
    light snapshot; every badge and span readable."""
    assert snap_compare(cached_app(), terminal_size=WIDE, run_before=themed("gruvbox"))


def test_narrow_layout_with_many_parties(snap_compare):
    """80x24, eight parties: the tab strip scrolled so the sixth party's tab (active, filled) is
    in view with ‹ and › at its ends; the footer keeps '? Help' and 'q Quit' at its right."""
    names = [f"Coalition Number {n}" for n in range(8)]

    async def run_before(pilot) -> None:
        await drained(pilot.app, pilot)
        for _ in range(5):
            await pilot.press("tab")
        await pilot.pause()

    assert snap_compare(cached_app(parties_analysis(names), actors=names), terminal_size=NARROW,
                        run_before=run_before)
