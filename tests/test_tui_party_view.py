"""The party view of the library, by keyboard only: the issue's "Done when" flow on the samples
(see the articles, open a party's view, follow a reply that crosses articles, open the article
at the quote), the filters by kind and by days, the unanswered demands, and a snapshot."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.widgets import DataTable, Input, OptionList
from tui_support import WIDE, reader_env, seed_analysis  # noqa: F401

from reader.library import open_library
from reader.library_links import relink
from reader.model import Actor, Analysis, Paragraph, Position, Publication, Span
from reader.tui.library_app import LibraryApp
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.library_article import LibraryArticleScreen
from reader.tui.screens.library_parties import LibraryPartiesScreen
from reader.tui.screens.party_view import PartyViewScreen, parse_range, timeline_bins, week_counts, weeks_between
from reader.tui.widgets.timeline import Timeline, bars

pytestmark = pytest.mark.usefixtures("reader_env")

SAMPLES = ["000_92e0686fa38e74b4", "voa-gaza-egypt-counterplan-2025", "voa-zelenskyy-kellogg-us-ukraine-2025",
           "wn-cairo-summit-turkey-libya-maritime-2020", "wn-uk-us-immunity-sacoolas-2019"]
NATO_TEXT = ("NATO Secretary-General Jens Stoltenberg on Thursday rejected Russia's demands for the exclusion "
             "of Ukraine's membership in the alliance.\n\nThe Kremlin said it would wait for a written answer "
             "on its security guarantees.\n\nStoltenberg called on Russia to withdraw its troops from the border.")


def nato_answer() -> Analysis:
    """A later article from another outlet, by hand: NATO rejects Russia's demands (and makes a
    demand of its own that nothing answers)."""
    first, second, third = NATO_TEXT.split("\n\n")
    start, last = NATO_TEXT.index(second), NATO_TEXT.index(third)
    return Analysis(
        source="reuters/nato.txt", title="NATO rejects Russia's demands", text=NATO_TEXT, model="by hand",
        actors=(Actor("nato", "NATO", "organization", ("the alliance",), 1), Actor("russia", "Russia", "country",
                                                                                  ("the Kremlin",), 1)),
        positions=(Position("p1", "nato", "reject", first, 0, len(first), Span(0, len(first)),
                            "Jens Stoltenberg", ("russia",), False, "rejected", 0),
                   Position("p2", "russia", "statement", second, start, start + len(second),
                            Span(start, start + len(second)), "The Kremlin", (), False, "said", 1),
                   Position("p3", "nato", "demand", third, last, len(NATO_TEXT), Span(last, len(NATO_TEXT)),
                            "Stoltenberg", ("russia",), False, "called on", 2)),
        paragraphs=(Paragraph(0, len(first)), Paragraph(start, start + len(second)),
                    Paragraph(last, len(NATO_TEXT))),
        publication=Publication("Reuters", "https://example.org/nato", "2021-12-20"))


@pytest.fixture
def dispute_library(tmp_path):
    """The seed story (Deutsche Welle, 17 December) and NATO's rejection (Reuters, 20 December)."""
    seed = seed_analysis()
    path = tmp_path / "dispute.sqlite3"
    with open_library(path) as library:
        library.add(replace(seed, publication=Publication("Deutsche Welle", None, "2021-12-17")))
        library.add(nato_answer())
    return path


@pytest.fixture
def samples_library(tmp_path, sample_analyses):
    """What 'reader add samples/' keeps of the five public samples (the real pipeline)."""
    path = tmp_path / "samples.sqlite3"
    with open_library(path) as library:
        for name in SAMPLES:
            library.add(sample_analyses[name])
    return path


async def open_party_view(app, pilot, row: int) -> PartyViewScreen:
    """From the list: the cursor to ``row``, p, enter (the article's parties ticked)."""
    await pilot.press(*["j"] * row, "p")
    await pilot.pause()
    assert isinstance(app.screen, LibraryPartiesScreen)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, PartyViewScreen)
    return app.screen


async def move_to(pilot, view: PartyViewScreen, key: tuple[int, str]) -> None:
    """Down the columns by keyboard until the cursor is on ``key``."""
    for _ in range(len(view.shown)):
        for _ in range(len(view.data.positions) + 1):
            if view.current_key() == key:
                return
            before = view.current_key()
            await pilot.press("j")
            if view.current_key() == before:
                break
        await pilot.press("tab")
    raise AssertionError(f"{key} not reached")


async def test_done_when_flow_on_the_samples(samples_library):
    """1. the articles; 2. a party's view across them; 3. a reply that crosses articles;
    4. the article at the quote."""
    app = LibraryApp(samples_library)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        # 1. the articles, oldest first
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(SAMPLES)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        kyiv_row = next(i for i, r in enumerate(rows) if r[3].startswith("Zelenskyy"))
        # 2. the view of the Kyiv story's parties (the United States and Ukraine) across the articles
        view = await open_party_view(app, pilot, kyiv_row)
        names = [p.name for p in view.data.parties]
        assert names == ["United States", "Ukraine"]
        assert len({p.article_id for p in view.data.positions}) >= 3  # from several articles
        dates = [p.date for p in view.data.positions if p.party_id == view.shown[0]]
        assert dates == sorted(dates)
        # 3. Ukraine's complaint in the Gaza story is answered by Trump in the Kyiv story
        crossing = next(r for r in view.data.replies if r.first[0] != r.answer[0]
                        and r.first_party == view.shown[1] and r.answer_party == view.shown[0])
        await move_to(pilot, view, crossing.first)
        column = view.rows_of(view.shown[1])
        assert "↩ reply from United States" in column.text_at(column.highlighted)
        await pilot.press("enter")
        assert view.current_key() == crossing.answer and crossing.answer[0] != crossing.first[0]
        assert app.focused is view.rows_of(view.shown[0])
        assert view.history == [crossing.first]
        await pilot.press("backspace")
        assert view.current_key() == crossing.first and view.history == []
        await pilot.press("enter")
        # 4. the article of the answer, at that quote, and back to the party view as it was
        await open_answer_and_come_back(pilot, app, view, crossing.answer, samples_library)


async def test_filter_by_kind_and_days(dispute_library):
    app = LibraryApp(dispute_library)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        view = await open_party_view(app, pilot, 0)
        russia = next(p.id for p in view.data.parties if p.name == "Russia")
        everything = len(view.visible(russia))
        await pilot.press("f")  # the first kind there is
        assert view.kind == "demand"
        shown = [view.rows_of(pid).row_count for pid in view.shown]
        assert all(p.kind == "demand" for pid in view.shown for p in view.visible(pid))
        assert 0 < view.rows_of(russia).row_count < everything
        assert sum(view.query_one(f"#party-timeline-{russia}", Timeline).data) == view.rows_of(russia).row_count
        assert "demands" in str(view.query_one("#party-view-heading").content)
        for _ in range(8):  # round the kinds back to all
            await pilot.press("f")
            if view.kind is None:
                break
        assert view.kind is None and view.rows_of(russia).row_count == everything
        await pilot.press("d")
        dates = view.query_one("#party-dates", Input)
        assert dates.has_focus
        await pilot.press(*"2021-12-20..2021-12-31", "enter")
        assert (view.since, view.until) == ("2021-12-20", "2021-12-31")
        assert not dates.has_focus and "-open" not in dates.classes
        assert all(p.date >= "2021-12-20" for pid in view.shown for p in view.visible(pid))
        assert view.rows_of(russia).row_count == 1  # the Kremlin's statement of the 20th
        await pilot.press("d", *"ctrl+u".split(), *"not a day", "enter")
        assert (view.since, view.until) == ("2021-12-20", "2021-12-31")  # kept; one warning
        await pilot.press("escape")
        assert isinstance(app.screen, PartyViewScreen) and not dates.has_focus
        await pilot.press("d", "ctrl+u", "enter")  # empty: every day again
        assert (view.since, view.until) == (None, None)
        assert sum(shown) > 0
        await pilot.press("question_mark")  # the help lists the view's keys by id
        ids = {i for _, _, i in app.screen.keys}
        assert {"library.view.follow", "library.view.open", "library.view.back", "library.view.filter",
                "library.view.dates", "library.view.unanswered"} <= ids


async def test_unanswered_and_reply_across_outlets(dispute_library):
    """u goes to the next demand no one answered; Russia's demand answered by NATO in Reuters
    three days later shows the reply, and enter follows it."""
    with open_library(dispute_library) as library:
        relink(library)
    app = LibraryApp(dispute_library)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        view = await open_party_view(app, pilot, 0)
        await pilot.press("p")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, LibraryPartiesScreen)
        nato = next(i for i, p in enumerate(picker.parties) if p.name == "NATO")
        picker.query_one(OptionList).highlighted = nato
        await pilot.press("space", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.screen
        assert isinstance(view, PartyViewScreen) and "NATO" in [p.name for p in view.data.parties]
        reply = next(r for r in view.data.replies if r.answer_outlet == "Reuters")
        assert reply.first_outlet == "Deutsche Welle" and reply.relation == "rejects"
        await move_to(pilot, view, reply.first)
        await pilot.press("enter")
        assert view.current_key() == reply.answer
        await pilot.press("u")
        first = view.selected
        assert first is not None and (first.article_id, first.position_id) in view.data.unanswered
        assert first.kind == "demand"
        assert (2, "p3") in view.data.unanswered  # NATO's own demand: no article answers it
        for _ in view.data.unanswered:
            await pilot.press("u")
            assert view.selected is not None and (view.selected.article_id, view.selected.position_id) \
                in view.data.unanswered


async def test_following_a_reply_adds_its_party(dispute_library):
    """Russia's demand answered by NATO, whose column is not shown: enter opens the view again
    with NATO's column, the cursor on the answer; backspace comes back to the demand."""
    app = LibraryApp(dispute_library)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        view = await open_party_view(app, pilot, 0)
        assert "NATO" not in [p.name for p in view.data.parties]
        with open_library(dispute_library) as library:
            nato = next(p.id for p in library.parties() if p.name == "NATO")
        reply = next(r for r in view.data.replies if r.answer_party == nato)
        await move_to(pilot, view, reply.first)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        wider = app.screen
        assert isinstance(wider, PartyViewScreen) and wider is not view
        assert wider.shown == [*view.shown, nato]
        assert wider.current_key() == reply.answer and wider.current_party() == nato
        await pilot.press("backspace")
        assert wider.current_key() == reply.first


def test_parse_range_and_weeks():
    assert parse_range("2021-12-01..2021-12-31") == ("2021-12-01", "2021-12-31")
    assert parse_range("2021-12-31..2021-12-01") == ("2021-12-01", "2021-12-31")
    assert parse_range("2021-12-01..") == ("2021-12-01", None)
    assert parse_range("..2021-12-01") == (None, "2021-12-01")
    assert parse_range("2021-12-05") == ("2021-12-05", "2021-12-05")
    assert parse_range("") == (None, None)
    assert parse_range("December") is None and parse_range("2021-13-01..") is None
    weeks = weeks_between("2021-12-01", "2021-12-20")
    assert weeks == ["2021-11-29", "2021-12-06", "2021-12-13", "2021-12-20"]
    assert week_counts(["2021-12-01", "2021-12-02", "2021-12-20"], weeks) == [2, 0, 0, 1]
    assert timeline_bins("2021-12-17", "2021-12-20") == ["2021-12-17", "2021-12-18", "2021-12-19", "2021-12-20"]
    assert week_counts(["2021-12-17", "2021-12-17", "2021-12-20"], timeline_bins("2021-12-17", "2021-12-20"),
                       daily=True) == [2, 0, 0, 1]
    assert timeline_bins("2021-01-01", "2021-12-31") == weeks_between("2021-01-01", "2021-12-31")
    assert bars([0, 1, 0, 8], 4) == " ▁ █" and bars([], 10) == "" and bars([0, 0], 4) == ""
    assert bars([1, 8, 0, 0, 0, 0, 2, 0], 4) == "█  ▂"  # each cell the highest of the bins it covers
    assert bars([3], 3) == "███"


def test_party_view_snapshot(snap_compare, dispute_library):
    """Russia, the United States and NATO side by side: kind badges, days and outlets, a
    timeline under each name, and Russia's demand with "↩ reply from NATO, 2021-12-20, Reuters"."""
    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        picker = app.screen
        nato = next(i for i, p in enumerate(picker.parties) if p.name == "NATO")
        picker.query_one(OptionList).highlighted = nato
        await pilot.press("space", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.screen
        reply = next(r for r in view.data.replies if r.answer_outlet == "Reuters")
        await move_to(pilot, view, reply.first)
        await pilot.pause()

    assert snap_compare(LibraryApp(dispute_library), terminal_size=WIDE, run_before=run_before)


async def test_opening_and_closing_the_view_lets_memory_go(dispute_library):
    """The collector waits while the view is read and drawn, and runs again once it is painted;
    closing the view drops its drawn lines (Textual kept them, see textual_compat)."""
    import gc

    from reader.tui.textual_compat import styles_caches_alive as styles_caches

    app = LibraryApp(dispute_library)
    async with app.run_test(size=WIDE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        before = styles_caches()
        worker = app.load_party_view([1, 2])
        assert not gc.isenabled()  # paused while it is read and drawn
        await worker.wait()
        view = app.screen
        assert isinstance(view, PartyViewScreen)
        while not all(view.rows_of(pid).drawn_rows for pid in view.shown if view.rows_of(pid).row_count):
            await view.wait_for_refresh()
        await view.wait_for_refresh()
        assert gc.isenabled()
        assert styles_caches() > before
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and not view.is_attached
        del view
        assert styles_caches() <= before


async def test_done_when_end_to_end_from_reader_add_samples(tmp_path, nlp, capsys):
    """The issue's "Done when" as a new user does it: 'reader add samples/', then 'reader library'
    and, by keyboard only, 1. the articles; 2. a party's view across them; 3. a reply that
    crosses articles, followed; 4. the article at that quote."""
    from conftest import SAMPLES as SAMPLES_DIR

    from reader.cli import main

    path = tmp_path / "library.sqlite3"
    assert main(["add", str(SAMPLES_DIR), "--library", str(path), "--jobs", "1"]) == 0
    articles = len(list(SAMPLES_DIR.rglob("*.txt")))
    assert capsys.readouterr().out == f"added {articles}, already there 0, failed 0\n"  # no README
    with open_library(path) as library:  # 'reader add' linked the replies: nothing left to do
        assert relink(library) == 0
    app = LibraryApp(path)
    async with app.run_test(size=WIDE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        # 1. the articles, every one added
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == articles
        titles = [str(table.get_row_at(i)[3]) for i in range(table.row_count)]
        kyiv_row = next(i for i, t in enumerate(titles) if t.startswith("Zelenskyy"))
        # 2. the view of the Kyiv story's two main parties, across the articles
        view = await open_party_view(app, pilot, kyiv_row)
        assert len({p.article_id for p in view.data.positions}) > 3
        # 3. the reply across articles nearest the top of a column, reached by keyboard and followed
        crossing = [r for r in view.data.replies if r.first[0] != r.answer[0] and r.first in view.by_key]
        assert crossing
        reply = min(crossing, key=lambda r: view.rows_of(view.by_key[r.first].party_id).index_of(r.first))
        await move_to(pilot, view, reply.first)
        await pilot.press("enter")
        await app.workers.wait_for_complete()  # a reply from a party not shown opens a wider view
        await pilot.pause()
        view = app.screen
        assert isinstance(view, PartyViewScreen)
        assert view.current_key() == reply.answer and reply.answer[0] != reply.first[0]
        # 4. the answer's article, at its quote, and back
        await open_answer_and_come_back(pilot, app, view, reply.answer, path)


async def open_answer_and_come_back(pilot, app, view, answer, library_path) -> None:
    """`o` on the answer opens its article at that quote; `L` comes back to the same view."""
    await pilot.press("o")
    await pilot.pause()
    article = app.screen
    assert isinstance(article, LibraryArticleScreen)
    assert article.nav is not None and article.nav.selected == answer[1]
    with open_library(library_path) as library:
        assert article.article.text == library.stored(answer[0]).text
    await pilot.press("L")
    assert app.screen is view and view.current_key() == answer
