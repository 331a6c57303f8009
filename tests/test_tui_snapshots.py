"""SVG snapshots of the reader on a fixed analysis of the seed story (tests/fixtures/seed_analysis.json).

Snapshots change with Textual: make test installs the exact versions in constraints.txt. The analysis is a fixture,
so improving the NLP does not change them; regenerate with
    .venv/bin/pytest tests/test_tui_snapshots.py --snapshot-update
after a deliberate change of the layout, styles or fixture.
"""

from __future__ import annotations

import pytest
from tui_support import NARROW, WIDE, cached_app, drained, no_spacy, reader_env, seed_analysis  # noqa: F401

from reader.corrections import Corrections, PositionFix, Rename, corrections_path, save

pytestmark = pytest.mark.usefixtures("reader_env", "no_spacy")


async def settle(pilot) -> None:
    await drained(pilot.app, pilot)


def test_wide_layout(snap_compare):
    """160x48: the article on the left with Russia's demand on NATO membership in reverse and NATO's
    rejection double-underlined; three panels Russia | United States | NATO with badges, speakers
    and reply labels ('↩ 1 reply', 'replies to 1'), each row one line of words cut with '…' but the
    selected one, open to all its words; the detail line reads '↩ reply from NATO REJECT · rejects',
    score 0.86; the footer lists every key, the palette's at the right."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in ("G", "k", "k", "k"):
            await pilot.press(key)
        await pilot.pause()

    assert snap_compare(cached_app(), terminal_size=WIDE, run_before=run_before)


def test_wide_layout_after_following_a_link(snap_compare):
    """160x48: after enter on Russia's demand on NATO membership, NATO's rejection is selected in the
    NATO panel (its row open to all its words, Russia's demand back to one line) and the article;
    the detail line reads 'replies to Russia DEMAND (1/1) · rejects'."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in ("G", "k", "k", "k", "enter"):
            await pilot.press(key)
        await pilot.pause()

    assert snap_compare(cached_app(), terminal_size=WIDE, run_before=run_before)


def test_narrow_layout(snap_compare):
    """80x24: the article above, a tab strip Russia | United States | NATO with United States active,
    only the US panel below it with its first rejection highlighted and open to all its words, the
    other rows one line cut with '…', the detail line and the footer,
    which keeps '? Help' and 'q Quit' (Search and the palette give way)."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("tab")
        await pilot.pause()

    assert snap_compare(cached_app(), terminal_size=NARROW, run_before=run_before)


def test_help_screen(snap_compare):
    """120x40: the help modal over the reader, with the explanation of colours and the key tables;
    'escape: close' on the frame's last line, inside the border, clear of the detail line below."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(cached_app(), terminal_size=(120, 40), run_before=run_before)


def test_wide_layout_with_corrections(snap_compare):
    """160x48: the US offer 'We are ready to talk about this' corrected to an accept and NATO renamed
    The Alliance: that row (selected, open to its words) reads 'ACCEPT ✎ US g… · replies to 1' (the
    column is too narrow for '✎ corrected'), the third header 'The Alliance ✎ 2 positions', the
    detail line 'ACCEPT · ✎ corrected · United States (US government spokeswoman) · quote'."""
    analysis = seed_analysis()
    p6 = analysis.position("p6")
    corrections = Corrections(positions=(PositionFix(p6.start, p6.end, kind="accept"),),
                              renames=(Rename("nato", "The Alliance"),))
    save(corrections, corrections_path(analysis.text), analysis.text)

    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.main_screen.nav.select("p6")
        pilot.app.main_screen.show_selection()
        await pilot.pause()

    assert snap_compare(cached_app(), terminal_size=WIDE, run_before=run_before)
