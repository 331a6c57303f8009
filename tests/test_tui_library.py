"""The library's screen: a table of the articles; enter opens one in the reader, L comes back."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.widgets import DataTable
from tui_support import WIDE, drained, no_spacy, reader_env, seed_analysis  # noqa: F401

from reader.cache import model_label_for, save_cached
from reader.library import open_library
from reader.tui.library_app import LibraryApp
from reader.tui.screens import MainScreen
from reader.tui.screens.library import LibraryScreen
from reader.tui.widgets import ArticleView

pytestmark = pytest.mark.usefixtures("reader_env", "no_spacy")


@pytest.fixture
def library_path(tmp_path):
    """Two articles: the seed story (2021) and a later copy titled with markup-like brackets;
    both analyses are in the cache, so opening them needs no spaCy."""
    seed = seed_analysis()
    later = replace(seed, text=seed.text + "\n\nLater.", title="[sic] A later [b]copy[/b]",
                    publication=replace(seed.publication, date="2022-01-05", outlet="Wire"))
    path = tmp_path / "library.sqlite3"
    with open_library(path) as library:
        library.add(later)
        library.add(replace(seed, publication=replace(seed.publication, date="2021-12-17")))
    for analysis in (seed, later):
        save_cached(analysis, model_label_for(None))
    return path


def cells(app: LibraryApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_table_lists_articles_and_enter_opens_one(library_path):
    app = LibraryApp(library_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        rows = cells(app)
        assert [r[1] for r in rows] == ["2021-12-17", "2022-01-05"]  # oldest first
        assert rows[1][3] == "[sic] A later [b]copy[/b]"  # shown as it is, never as markup
        assert "Russia" in rows[0][4]
        assert app.check_action("library", ()) is False  # no L on the list itself
        await pilot.press("j", "enter")
        assert isinstance(app.screen, MainScreen)
        await drained(app, pilot)
        screen = app.main_screen
        assert screen.failed is None and screen.analysis is not None
        assert screen.article.text.endswith("Later.")
        assert screen.query_one(ArticleView).article.title == "[sic] A later [b]copy[/b]"
        await pilot.press("question_mark")
        assert any(i == "reader.library" for _, _, i in app.screen.keys)  # the help lists L
        await pilot.press("escape", "L")
        assert app.screen is app.library_screen and app.main_screen is None
        assert app.library_screen.current_id() == 1  # the cursor stayed on the article read
        await pilot.press("k", "enter")
        await drained(app, pilot)
        assert app.main_screen is not None and not app.main_screen.article.text.endswith("Later.")


async def test_empty_library_says_how_to_add(tmp_path):
    app = LibraryApp(tmp_path / "empty.sqlite3")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        heading = str(app.screen.query_one("#library-heading").content)
        assert "0 articles" in heading and "reader add" in heading
        await pilot.press("enter")
        assert isinstance(app.screen, LibraryScreen)


async def test_end_and_home_go_to_the_last_and_first_article(library_path):
    """A table wider than the screen scrolls sideways on its own home/end: the list's own keys
    move the cursor to the last and the first article instead."""
    app = LibraryApp(library_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1 and table.scroll_x == 0
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_row == 0
