"""Pilot tests of corrections (c, the palette) and the export dialog (e), on the seed analysis,
and of the corrections in ``reader analyze`` (real spaCy pipeline).

Seed positions used: p1 (Russia demand, answered by NATO's p15), p2 (Russia demand,
unanswered), p5 (US reject, answers p4), p6 (US offer), p7 (US reject)."""

from __future__ import annotations

import json

import pytest
from textual.widgets import Input, OptionList
from tui_support import (
    WIDE,
    cached_app,
    drained,
    no_spacy,  # noqa: F401 - fixture
    notifications,
    panels_of,
    reader_env,  # noqa: F401 - fixture
    seed_analysis,
)

from reader.corrections import Corrections, corrections_path, load, save
from reader.tui.screens.correction import CorrectionScreen
from reader.tui.screens.export import ExportScreen
from reader.tui.screens.main import MainScreen


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


tui = pytest.mark.usefixtures("reader_env", "no_spacy", "data_dir")


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def choices(app) -> list[str]:
    assert isinstance(app.screen, CorrectionScreen)
    return [str(o.prompt) for o in app.screen.query_one(OptionList).options]


async def choose(app, pilot, label: str) -> None:
    """Highlight the option whose text holds ``label`` and press enter."""
    index = next(i for i, text in enumerate(choices(app)) if label in text)
    app.screen.query_one(OptionList).highlighted = index
    await press(pilot, "enter")


async def select(app, pilot, position_id: str) -> None:
    app.main_screen.nav.select(position_id)
    app.main_screen.show_selection()
    await pilot.pause()


def saved() -> Corrections:
    corrections, problems = load(corrections_path(seed_analysis().text))
    assert problems == []
    return corrections


@tui
async def test_c_changes_the_kind_and_it_is_there_on_reopen():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await select(app, pilot, "p6")
        await press(pilot, "c")
        assert "Change the kind…" in choices(app)
        await choose(app, pilot, "Change the kind")
        assert not any(text.endswith(" offer") for text in choices(app))  # not its own kind
        await choose(app, pilot, "accept")
        assert isinstance(app.screen, MainScreen)
        screen = app.main_screen
        assert screen.nav.selected == "p6"  # the selection stays
        assert screen.analysis.position("p6").kind == "accept" and screen.analysis.position("p6").corrected
        assert "ACCEPT" in str(panels_of(app).prompt_of("p6"))
    fix = saved().positions[0]
    assert (fix.span, fix.kind) == ((seed_analysis().position("p6").start, seed_analysis().position("p6").end),
                                    "accept")
    again = cached_app()
    async with again.run_test(size=WIDE) as pilot:
        await drained(again, pilot)
        assert again.main_screen.analysis.position("p6").kind == "accept"
        assert "ACCEPT" in str(panels_of(again).prompt_of("p6"))


@tui
async def test_the_party_changes_and_the_position_moves_panel():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await select(app, pilot, "p6")
        await app.main_screen.run_action("correct('party')")
        await pilot.pause()
        assert not any("United States" in c for c in choices(app))
        await choose(app, pilot, "NATO")
        assert "p6" in {p.id for p in panels_of(app).positions_of("nato")}
        assert "p6" not in {p.id for p in panels_of(app).positions_of("us")}
        assert app.main_screen.active_actor == "nato"
    assert saved().positions[0].actor == "nato"


@tui
async def test_delete_asks_then_removes_and_selects_the_next():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await select(app, pilot, "p6")
        await press(pilot, "c")
        await choose(app, pilot, "Delete")
        await choose(app, pilot, "No, keep it")
        assert app.main_screen.analysis.position("p6") is not None
        await app.main_screen.run_action("correct('delete')")
        await pilot.pause()
        await choose(app, pilot, "Yes, delete it")
        screen = app.main_screen
        assert screen.analysis.position("p6") is None
        assert screen.nav.selected == "p7"
        assert screen.analysis.actor("us").positions == 3


@tui
async def test_escape_in_a_step_goes_back_to_the_menu_then_closes():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await press(pilot, "c")
        await choose(app, pilot, "Change the party")
        await press(pilot, "escape")
        assert "Change the kind…" in choices(app)
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
        assert not corrections_path(seed_analysis().text).exists()


@tui
async def test_add_and_remove_links():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        screen = app.main_screen
        await select(app, pilot, "p2")
        await app.main_screen.run_action("correct('add_link')")
        await pilot.pause()
        await choose(app, pilot, "no security talks")  # p7, a US rejection
        link = next(lk for lk in screen.analysis.links if lk.source == "p2")
        assert (link.target, link.relation, link.corrected) == ("p7", "rejects", True)
        assert screen.nav.lit() == {"p7"} and "p2" not in screen.analysis.unanswered
        await select(app, pilot, "p1")
        await app.main_screen.run_action("correct('remove_link')")
        await pilot.pause()
        assert len(choices(app)) == 1
        await press(pilot, "enter")
        assert not any(lk.source == "p1" for lk in screen.analysis.links)
        assert "p1" in screen.analysis.unanswered and screen.nav.lit() == frozenset()
    assert [f.removed for f in saved().links] == [False, True]


@tui
async def test_restore_a_position_as_analysed_and_bring_back_deleted_ones():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        screen = app.main_screen
        await select(app, pilot, "p6")
        await press(pilot, "c")
        assert not any("Restore" in c for c in choices(app))  # nothing to restore yet
        await choose(app, pilot, "Change the kind")
        await choose(app, pilot, "reject")
        await press(pilot, "c")
        await choose(app, pilot, "Restore it as analysed")
        assert screen.analysis.position("p6").kind == "offer" and not screen.analysis.position("p6").corrected
        await screen.run_action("correct('restore')")
        await pilot.pause()
        assert any("no corrections" in m for m in notifications(app))
        await screen.run_action("correct('delete')")
        await pilot.pause()
        await choose(app, pilot, "Yes, delete it")
        assert screen.analysis.position("p6") is None
        await screen.run_action("restore_deleted")
        await pilot.pause()
        assert screen.analysis.position("p6") is not None
    assert saved() == Corrections()


@tui
async def test_undo_takes_back_the_last_correction():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await select(app, pilot, "p6")
        await app.main_screen.run_action("correct('kind')")
        await pilot.pause()
        await choose(app, pilot, "reject")
        assert app.main_screen.analysis.position("p6").kind == "reject"
        await app.main_screen.run_action("undo_correction")
        await pilot.pause()
        assert app.main_screen.analysis.position("p6").kind == "offer"
        assert not app.main_screen.analysis.position("p6").corrected
        await app.main_screen.run_action("undo_correction")
        await pilot.pause()
        assert any("No correction to undo" in m for m in notifications(app))
    assert saved() == Corrections()


@tui
async def test_a_broken_corrections_file_is_one_warning_and_ignored():
    path = corrections_path(seed_analysis().text)
    path.parent.mkdir(parents=True)
    path.write_text('{"version": 1, "positions": [{"start": "x"}]}', encoding="utf-8")
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        warnings = [m for m in notifications(app) if "corrections file" in m]
        assert len(warnings) == 1 and "ignored" in warnings[0]
        assert app.main_screen.analysis == seed_analysis()


@tui
async def test_a_correction_that_no_longer_matches_is_told_and_kept():
    path = corrections_path(seed_analysis().text)
    save(Corrections().fix_position(0, 3, kind="offer"), path, seed_analysis().text)
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert any("1 correction no longer matches" in m for m in notifications(app))
    assert load(path)[0].positions[0].span == (0, 3)


@tui
async def test_export_writes_the_corrected_report_and_asks_before_overwriting(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await select(app, pilot, "p6")
        await app.main_screen.run_action("correct('kind')")
        await pilot.pause()
        await choose(app, pilot, "accept")
        await press(pilot, "e")
        assert isinstance(app.screen, ExportScreen)
        path_box = app.screen.query_one(Input)
        assert path_box.value.endswith(".reader.md")
        await press(pilot, "enter")
        assert isinstance(app.screen, MainScreen)
        written = next(tmp_path.glob("*.reader.md"))
        assert "**ACCEPT**" in written.read_text(encoding="utf-8")
        assert any(str(written) in m for m in notifications(app))
        written.write_text("mine", encoding="utf-8")
        await press(pilot, "e", "enter")
        assert isinstance(app.screen, ExportScreen)  # asks first
        assert written.read_text(encoding="utf-8") == "mine"
        await press(pilot, "enter")
        assert isinstance(app.screen, MainScreen)
        assert "**ACCEPT**" in written.read_text(encoding="utf-8")


@tui
async def test_export_json_holds_the_corrected_flag(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await select(app, pilot, "p6")
        await app.main_screen.run_action("correct('kind')")
        await pilot.pause()
        await choose(app, pilot, "accept")
        await app.main_screen.run_action("export('json')")
        await pilot.pause()
        assert app.screen.query_one(Input).value.endswith(".reader.json")
        await press(pilot, "enter")
    data = json.loads(next(tmp_path.glob("*.reader.json")).read_text(encoding="utf-8"))
    p6 = next(p for p in data["positions"] if p["id"] == "p6")
    assert p6["kind"] == "accept" and p6["corrected"] is True


@tui
async def test_export_to_a_directory_is_one_message_and_the_dialog_stays(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out.md").mkdir()
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await press(pilot, "e")
        app.screen.query_one(Input).value = "out.md"
        await press(pilot, "enter", "enter")
        assert isinstance(app.screen, ExportScreen)
        assert "Cannot write" in str(app.screen.query_one("#export-hint").content)
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)


# --- reader analyze ---------------------------------------------------------------------------------


def test_analyze_applies_the_corrections_and_marks_them(capsys, nlp, tmp_path, monkeypatch):
    from conftest import SEED

    from reader.cli import main
    from reader.ingest import read_article
    from reader.pipeline import analyze

    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    analysis = analyze(read_article(str(SEED)), nlp)
    first = analysis.positions[0]
    new_kind = "offer" if first.kind != "offer" else "reject"
    corrections = Corrections().fix_position(first.start, first.end, kind=new_kind).fix_position(0, 2, kind="offer")
    save(corrections, corrections_path(analysis.text), analysis.text)
    assert main(["analyze", "--format", "json", str(SEED)]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    changed = [p for p in data["positions"] if p.get("corrected")]
    assert [(p["start"], p["kind"]) for p in changed] == [(first.start, new_kind)]
    assert err.count("\n") == 1 and "1 correction no longer matches" in err and err.startswith("reader: ")


@tui
def test_correction_dialog_snapshot(snap_compare):
    """160x48: the correction dialog over the reader, titled with Russia's first demand (badge,
    party, words), the menu of kind, party, add a link, remove a link, delete, the first highlighted."""

    async def run_before(pilot) -> None:
        await drained(pilot.app, pilot)
        await press(pilot, "c")

    assert snap_compare(cached_app(), terminal_size=WIDE, run_before=run_before)


@pytest.mark.usefixtures("reader_env", "no_spacy")
async def test_an_unwritable_data_dir_keeps_the_correction_for_the_session(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("READER_DATA_DIR", str(blocker))
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        await select(app, pilot, "p6")
        await app.main_screen.run_action("correct('kind')")
        await pilot.pause()
        await choose(app, pilot, "accept")
        assert app.main_screen.analysis.position("p6").kind == "accept"
        assert any("for this session only" in m for m in notifications(app))


@tui
async def test_correct_is_greyed_out_without_a_selection():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        screen = app.main_screen
        assert screen.check_action("correct", ()) is True
        screen.nav.select(None)
        assert screen.check_action("correct", ()) is None
        await press(pilot, "c")
        assert isinstance(app.screen, MainScreen)
