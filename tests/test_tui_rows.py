"""Panel rows: one line of text cut with an ellipsis, the selected row expanded to its whole text;
what the user corrected marked '✎ corrected' in the row, the panel's name and the detail line.

Seed positions used (Russia's panel, in order): p3 (offer, 81 characters), p4 (demand, 84), p8
(US reject, 172); p2 (Russia demand, unanswered), p6 (US offer), p15 (NATO reject)."""

from __future__ import annotations

import pytest
from tui_support import (
    NARROW,
    WIDE,
    cached_app,
    detail_text,
    drained,
    drawn_text,
    no_spacy,  # noqa: F401 - fixture
    panels_of,
    reader_env,  # noqa: F401 - fixture
    row_text,
    seed_analysis,
)

from reader.corrections import Corrections, LinkFix, PositionFix, Rename, corrections_path, save
from reader.tui.text import CORRECTED_MARK, CORRECTED_TAG, clip

pytestmark = pytest.mark.usefixtures("reader_env", "no_spacy")  # reader_env: a temp READER_DATA_DIR


def words(text: str) -> str:
    return " ".join(text.split())


def text_lines(row: str) -> list[str]:
    """The lines of a drawn row below its head line."""
    return [line.strip() for line in row.splitlines()[1:]]


async def select(app, pilot, position_id: str) -> None:
    app.main_screen.nav.select(position_id)
    app.main_screen.show_selection()
    await pilot.pause()


def assert_expanded(panels, position) -> None:
    lines = text_lines(row_text(panels, position.id))
    assert len(lines) >= 2, lines  # longer than one line of the column: wrapped
    assert words(" ".join(lines)) == words(position.text)  # all of it, no ellipsis


def assert_collapsed(panels, position) -> None:
    """Two lines: the head line and one line of text cut with an ellipsis (checked if in view)."""
    region = panels.row_region(position.id)
    assert region is not None and region.height == 2, region
    if region.bottom <= panels.size.height:
        (line,) = text_lines(row_text(panels, position.id))
        assert line.endswith("…") and words(position.text).startswith(line[:-1].rstrip())


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_the_selected_row_shows_its_whole_text_and_collapses_when_left(size):
    app = cached_app()
    async with app.run_test(size=size) as pilot:
        await drained(app, pilot)
        analysis, panels = app.main_screen.analysis, panels_of(app)
        p3, p4 = analysis.position("p3"), analysis.position("p4")
        await select(app, pilot, "p3")
        assert_expanded(panels, p3)
        assert_collapsed(panels, p4)
        await pilot.press("j")
        await pilot.pause()
        assert app.main_screen.nav.selected == "p4"
        assert_expanded(panels, p4)
        assert_collapsed(panels, p3)
        await pilot.press("k")  # both looks of both rows are kept: the cache gives the right one
        await pilot.pause()
        assert_expanded(panels, p3)
        assert_collapsed(panels, p4)
        looks = {(key[1], key[4]) for key in panels._rows.keys()}  # (position, expanded)
        assert {("p3", True), ("p3", False), ("p4", True), ("p4", False)} <= looks


async def test_a_row_taller_than_its_panel_starts_at_its_head_line():
    """40x16: the panel has room for five lines; the expanded 172-character p8 takes seven and
    shows its head line, not the middle of its text."""
    app = cached_app()
    async with app.run_test(size=(40, 16)) as pilot:
        await drained(app, pilot)
        panels = panels_of(app)
        await select(app, pilot, "p8")
        region = panels.row_region("p8")
        assert region is not None and region.y == 1 and region.height > panels.size.height - 1
        assert drawn_text(panels)[1].strip().startswith("REJECT")


def test_clip_cuts_at_a_space_with_an_ellipsis():
    from textual.content import Content

    assert clip(Content("short"), 10).plain == "short"
    assert clip(Content("the quick brown fox jumps"), 12).plain == "the quick…"
    assert clip(Content("unbreakableword"), 8).plain == "unbreak…"
    assert clip(Content("abc"), 1).plain == "…"


def save_corrections() -> None:
    """p6 made an accept, a link added from p2 to p15, NATO renamed The Alliance."""
    analysis = seed_analysis()
    p6, p2, p15 = (analysis.position(pid) for pid in ("p6", "p2", "p15"))
    corrections = Corrections(
        positions=(PositionFix(p6.start, p6.end, kind="accept"),),
        links=(LinkFix((p2.start, p2.end), (p15.start, p15.end)),),
        renames=(Rename("nato", "The Alliance"),),
    )
    save(corrections, corrections_path(analysis.text), analysis.text)


async def test_what_the_user_corrected_is_marked_in_the_panels_and_the_detail_line():
    save_corrections()
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        panels = panels_of(app)
        await select(app, pilot, "p5")
        head = row_text(panels, "p6").splitlines()[0].strip()
        # a 31-cell column: '✎' alone keeps room for the speaker, the note stays whole on the line
        assert head.startswith(f"ACCEPT {CORRECTED_MARK} US g") and head.endswith("replies to 1")
        assert len(row_text(panels, "p6").splitlines()) == 2
        assert CORRECTED_MARK not in row_text(panels, "p5") + row_text(panels, "p7")
        header = drawn_text(panels)[0]
        assert f"The Alliance {CORRECTED_MARK}" in header and header.count(CORRECTED_MARK) == 1
        assert CORRECTED_MARK not in detail_text(app)  # p5, as analysed
        await select(app, pilot, "p6")
        assert detail_text(app).startswith(f"ACCEPT · {CORRECTED_TAG} · United States")
        await select(app, pilot, "p2")  # its only link is the one the user added
        summary, link = detail_text(app).splitlines()
        assert CORRECTED_MARK not in summary
        assert link.startswith("↩ reply from The Alliance REJECT") and CORRECTED_TAG in link
        await select(app, pilot, "p15")
        summary = detail_text(app).splitlines()[0]
        assert summary.startswith(f"REJECT · The Alliance (Jens Stoltenberg) {CORRECTED_MARK} · ")


async def test_the_renamed_party_s_tab_is_marked_on_a_narrow_terminal():
    save_corrections()
    app = cached_app()
    async with app.run_test(size=NARROW) as pilot:
        await drained(app, pilot)
        await select(app, pilot, "p6")
        panels = panels_of(app)
        assert f"The Alliance {CORRECTED_MARK}" in drawn_text(panels)[0]
        head = row_text(panels, "p6").splitlines()[0].strip()  # 80 cells: room for the whole tag
        assert head == f"ACCEPT {CORRECTED_TAG} US government spokeswoman · replies to 1"


async def test_a_kind_corrected_with_c_is_marked_at_once():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await select(app, pilot, "p6")
        panels = panels_of(app)
        assert CORRECTED_MARK not in row_text(panels, "p6")
        await pilot.press("c")
        await pilot.pause()
        option_list = app.screen.query_one("OptionList")
        for label in ("Change the kind", "accept"):
            option_list = app.screen.query_one("OptionList")
            option_list.highlighted = next(i for i, o in enumerate(option_list.options) if label in str(o.prompt))
            await pilot.press("enter")
            await pilot.pause()
        assert app.main_screen.analysis.position("p6").corrected
        assert f"ACCEPT {CORRECTED_MARK}" in row_text(panels, "p6")
        assert CORRECTED_TAG in detail_text(app)


@pytest.mark.parametrize("width", [28, 31, 40, 60])
def test_a_corrected_head_line_fits_its_width_with_the_note_whole(width):
    from dataclasses import replace

    from reader.tui.text import answer_note, head_line

    analysis = seed_analysis()
    for position in analysis.positions:
        for kind in ("statement", "accept"):
            changed = replace(position, kind=kind, corrected=True)
            head = head_line(analysis, changed, lit=True, width=width)
            assert head.cell_length <= width, head.plain
            assert CORRECTED_MARK in head.plain and head.plain.endswith(answer_note(analysis, position))
