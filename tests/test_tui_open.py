"""Opening another article without leaving the reader: the dialog, the recent list, errors."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList
from tui_support import (
    WIDE,
    article_of_app,
    drained,
    no_spacy,  # noqa: F401 - fixture
    notifications,
    panels_of,
    reader_env,  # noqa: F401 - fixture
    seed_analysis,
    wait_for,
)

from reader.cache import model_label_for, save_cached
from reader.corrections import Corrections, corrections_path, save
from reader.ingest import MAX_FILE_BYTES, read_article
from reader.model import Span
from reader.recent import load_recent, recent_path, remember
from reader.tui import ReaderApp, make_app, textual_compat
from reader.tui.screens import MainScreen
from reader.tui.screens.open_article import ArticleTree, OpenArticleScreen
from reader.tui.screens.start import StartScreen

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "000_92e0686fa38e74b4.txt"
EXTRA = "A closing paragraph that only the second copy of the story has, about the talks."


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """The recent list and the corrections of these tests in their own data dir."""
    folder = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def seed_file(tmp_path) -> Path:
    """The seed story as a file whose analysis is cached (no spaCy)."""
    path = tmp_path / "articles" / "seed.txt"
    path.parent.mkdir()
    path.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    save_cached(seed_analysis(), model_label_for(None))
    return path


@pytest.fixture
def second_file(seed_file) -> Path:
    """A second article (the seed story and one more paragraph, titled) with a cached analysis."""
    path = seed_file.parent / "second.txt"
    path.write_text("Talks Go On\n\n" + SEED.read_text(encoding="utf-8") + "\n\n" + EXTRA + "\n", encoding="utf-8")
    article = read_article(str(path))
    seed = seed_analysis()
    shift = article.text.index(seed.text[:200])
    positions = tuple(replace(p, start=p.start + shift, end=p.end + shift, paragraph=p.paragraph + 1,
                              content=Span(p.content.start + shift, p.content.end + shift))
                      for p in seed.positions)
    assert all(article.text[p.start:p.end] == p.text for p in positions if p.text)
    analysis = replace(seed, source=article.source, text=article.text, title=article.title,
                       paragraphs=article.paragraphs, positions=positions)
    save_cached(analysis, model_label_for(None))
    return path


async def open_dialog(app, pilot, key: str = "o") -> OpenArticleScreen:
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(app.screen, OpenArticleScreen), what="the open dialog")
    return app.screen


async def open_by_path(app, pilot, path: Path | str) -> None:
    dialog = await open_dialog(app, pilot)
    dialog.query_one(Input).value = str(path)
    dialog.query_one(Input).focus()
    await pilot.press("enter")


async def opened(app, pilot, before: MainScreen) -> MainScreen:
    """Wait for the new article's screen and its analysis."""
    await wait_for(pilot, lambda: app.main_screen is not before and app.screen is app.main_screen,
                   timeout=30, what="the new article")
    await drained(app, pilot)
    return app.main_screen


@pytest.mark.usefixtures("reader_env", "no_spacy", "data_dir")
async def test_the_tree_lists_folders_and_article_files_only(tmp_path, seed_file):
    folder = seed_file.parent
    for name in ("page.html", "old.HTM", "notes.md", "seed.meta.json", "photo.png", ".hidden.txt", "data.bin"):
        (folder / name).write_bytes(b"x")
    (folder / "sub").mkdir()
    app = make_app(str(seed_file))
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        dialog = await open_dialog(app, pilot)
        tree = dialog.query_one(ArticleTree)
        assert tree.has_focus
        await wait_for(pilot, lambda: len(tree.root.children) > 0, what="the tree to load")
        names = [str(node.label) for node in tree.root.children]
        assert names == ["sub", "notes.md", "old.HTM", "page.html", "seed.txt"]
        await pilot.press("escape")
        assert app.screen is app.main_screen


@pytest.mark.usefixtures("reader_env", "no_spacy", "data_dir")
async def test_opening_replaces_the_article_and_resets_the_reading(seed_file, second_file):
    app = make_app(str(seed_file))
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        first = app.main_screen
        first.search("talks")
        await pilot.press("j", "j", "f")
        assert first.found.matches and first.nav.kind is not None
        await open_by_path(app, pilot, second_file)
        screen = await opened(app, pilot, first)
        assert screen.article.title == "Talks Go On"
        assert article_of_app(app).title == "Talks Go On"
        assert app.sub_title == "Talks Go On"
        assert EXTRA in screen.article.text
        assert screen.nav.selected == screen.nav.ordered[0].id  # selection, filter and search start afresh
        assert screen.nav.kind is None and not screen.found.matches
        assert panels_of(app).columns  # the panels, from the cache
        assert [e.path for e in load_recent()[0]] == [str(second_file), str(seed_file)]
        assert not any("Cannot open" in n for n in notifications(app))


@pytest.mark.usefixtures("reader_env", "no_spacy", "data_dir")
async def test_the_recent_list_goes_back_with_the_corrections_of_that_article(seed_file, second_file):
    seed = seed_analysis()
    target = seed.positions[0]
    other_kind = "threaten" if target.kind != "threaten" else "offer"
    fix = Corrections().fix_position(target.start, target.end, kind=other_kind)
    save(fix, corrections_path(seed.text), seed.text, str(seed_file))
    app = make_app(str(second_file))
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        remember(str(seed_file), "The seed story")
        remember(str(second_file), "Talks Go On")
        before = app.main_screen
        dialog = await open_dialog(app, pilot)
        await pilot.press("shift+tab")  # from the tree back to the recent list
        recent = dialog.query_one("#open-recent", OptionList)
        assert recent.has_focus
        assert [o.id for o in recent.options] == [str(second_file), str(seed_file)]
        await pilot.press("down", "enter")
        screen = await opened(app, pilot, before)
        assert screen.article.text == seed.text
        corrected = screen.analysis.position(target.id)
        assert corrected.kind == other_kind and corrected.corrected


@pytest.mark.usefixtures("reader_env", "no_spacy", "data_dir")
async def test_the_palette_opens_the_recent_list(seed_file, second_file):
    app = make_app(str(seed_file))
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert [e.path for e in load_recent()[0]] == [str(seed_file)]  # remembered at start
        remember(str(second_file), "Talks Go On")
        await pilot.press("ctrl+p")
        await pilot.press(*"recent article")
        await wait_for(pilot, lambda: "Open a recent article" in str(app.screen.query("CommandList").first()
                                                                     .get_option_at_index(0).prompt),
                       what="the command")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, OpenArticleScreen), what="the open dialog")
        recent = app.screen.query_one("#open-recent", OptionList)
        assert recent.has_focus and recent.highlighted == 0
        assert app.screen.query_one(Input).value == str(second_file)
        before = app.main_screen
        await pilot.press("enter")
        screen = await opened(app, pilot, before)
        assert screen.article.title == "Talks Go On"


def _binary(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 40)


def _huge(path: Path) -> None:
    with path.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 10)


@pytest.mark.parametrize(("name", "make", "words"), [
    ("missing.txt", None, "No such file"),
    ("binary.txt", _binary, "binary"),
    ("huge.txt", _huge, "too large"),
    ("folder.html", lambda p: p.mkdir(), "directory"),
])
@pytest.mark.usefixtures("reader_env", "no_spacy", "data_dir")
async def test_a_file_that_cannot_be_read_is_one_notification(seed_file, name, make, words):
    bad = seed_file.parent / name
    if make is not None:
        make(bad)
    app = make_app(str(seed_file))
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        before = app.main_screen
        dialog = await open_dialog(app, pilot)
        dialog.query_one(Input).value = str(bad)
        if bad.is_dir():  # a folder typed in is browsed: its file name is opened from the tree's root
            await dialog.run_action("cancel")
            app.read_article_file(str(bad))
        else:
            dialog.query_one(Input).focus()
            await pilot.press("enter")
        await wait_for(pilot, lambda: any("Cannot open" == n.title for n in textual_compat.notifications(app)),
                       what="the notification")
        await app.workers.wait_for_complete()
        problems = [n for n in textual_compat.notifications(app) if n.title == "Cannot open"]
        assert len(problems) == 1
        assert words.lower() in problems[0].message.lower() and "\n" not in problems[0].message
        assert app.main_screen is before and app.screen is before  # the article stays
        assert [e.path for e in load_recent()[0]] == [str(seed_file)]


@pytest.mark.usefixtures("reader_env", "no_spacy", "data_dir")
async def test_typing_a_folder_browses_it(seed_file, tmp_path):
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "story.htm").write_text("<html><body><p>Words.</p></body></html>", encoding="utf-8")
    app = make_app(str(seed_file))
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        dialog = await open_dialog(app, pilot)
        dialog.query_one(Input).value = str(other)
        dialog.query_one(Input).focus()
        await pilot.press("enter")
        tree = dialog.query_one(ArticleTree)
        assert app.screen is dialog and tree.path == other and tree.has_focus
        await wait_for(pilot, lambda: [str(n.label) for n in tree.root.children] == ["story.htm"],
                       what="the other folder")


@pytest.mark.usefixtures("reader_env", "no_spacy", "data_dir")
async def test_a_broken_recent_list_is_told_once(seed_file, data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    recent_path().write_bytes(b"\x00not json")
    app = make_app(str(seed_file))
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        for _ in range(2):
            await open_dialog(app, pilot)
            await pilot.press("escape")
        told = [n for n in textual_compat.notifications(app) if n.title == "Recent articles"]
        assert len(told) == 1 and "ignored" in told[0].message
        assert load_recent()[0][0].path == str(seed_file)  # replaced by a good list at start-up


@pytest.mark.usefixtures("reader_env", "no_spacy", "data_dir")
async def test_without_an_article_the_reader_starts_on_the_open_dialog(seed_file):
    app = ReaderApp(None)
    async with app.run_test(size=WIDE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, OpenArticleScreen), what="the open dialog")
        assert isinstance(app.screen_stack[0], StartScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, StartScreen)
        await pilot.press("question_mark")  # the help works without an article
        await pilot.press("escape")
        await open_by_path(app, pilot, seed_file)
        await wait_for(pilot, lambda: app.main_screen is not None and app.screen is app.main_screen,
                       what="the article")
        await drained(app, pilot)
        assert app.main_screen.analysis is not None and len(app.screen_stack) == 1


@pytest.mark.usefixtures("reader_env", "data_dir")
async def test_a_saved_web_page_opens_with_its_metadata_line(tmp_path, nlp):
    page = tmp_path / "story.html"
    page.write_text(
        '<html><head><title>Talks resume</title><meta property="og:site_name" content="Daily Example">'
        '<meta property="article:published_time" content="2015-06-02">'
        '<link rel="canonical" href="https://example.org/talks"></head><body><article><h1>Talks resume</h1>'
        "<p>The opposition demanded that the president withdraw his bid for a third term, a spokesman said "
        "on Monday. The government rejected the demand and said the elections would go ahead.</p>"
        "</article></body></html>", encoding="utf-8")
    save_cached(seed_analysis(), model_label_for(None))
    app = make_app(str(SEED))
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        before = app.main_screen
        await open_by_path(app, pilot, page)
        screen = await opened(app, pilot, before)
        source = article_of_app(app).source_line
        assert "Daily Example" in source and "2015" in source and "example.org/talks" in source
        assert screen.article.title == "Talks resume"
        assert screen.analysis is not None and screen.failed is None


# --- the article on standard input -------------------------------------------------------------


def _run_in_terminal(argv: list[str], stdin: bytes, wanted: bytes, env: dict[str, str]) -> bytes:
    """Run ``argv`` with ``stdin`` piped in and a new pseudo-terminal as its controlling
    terminal (and stdout); return what it drew once ``wanted`` shows, after pressing q."""
    import fcntl
    import os
    import pty
    import select
    import struct
    import subprocess
    import termios
    import time

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    slave_name = os.ttyname(slave)

    def own_terminal() -> None:  # a new session whose controlling terminal is the pty
        os.setsid()
        os.close(os.open(slave_name, os.O_RDWR))

    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=slave, stderr=slave, env=env,
                            preexec_fn=own_terminal, cwd=ROOT)
    os.close(slave)
    proc.stdin.write(stdin)
    proc.stdin.close()
    drawn = b""
    deadline = time.monotonic() + 60
    try:
        while wanted not in drawn:
            assert time.monotonic() < deadline, f"{wanted!r} never drawn: {drawn[-300:]!r}"
            ready, _, _ = select.select([master], [], [], 1.0)
            if ready:
                try:
                    drawn += os.read(master, 65536)
                except OSError:  # the terminal closed: the reader ended
                    break
        os.write(master, b"q")
        end = time.monotonic() + 20
        while proc.poll() is None and time.monotonic() < end:  # drain what it draws while it quits
            if select.select([master], [], [], 0.5)[0]:
                try:
                    drawn += os.read(master, 65536)
                except OSError:
                    break
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return drawn


@pytest.mark.parametrize("argv", [["-"], []])
def test_piped_article_opens_in_the_reader(tmp_path, monkeypatch, argv):
    import os
    import sys

    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    save_cached(seed_analysis(), model_label_for(None))  # the same text: its panels from the cache
    env = {**os.environ, "TERM": "xterm-256color"}
    drawn = _run_in_terminal([sys.executable, "-m", "reader", *argv], SEED.read_bytes(), b"positions", env)
    assert b"For months, NATO" in drawn  # the article text, from standard input
    assert not (tmp_path / "data" / "recent.json").exists()  # standard input is not a recent file


def test_piped_article_without_a_terminal_is_one_line(tmp_path):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "reader", "-"], input=SEED.read_bytes(), capture_output=True,
                          cwd=ROOT, timeout=120, check=False, start_new_session=True)  # no controlling terminal
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.count("\n") == 1
    assert "no terminal to show it on" in err and "reader analyze -" in err


# --- the mouse ------------------------------------------------------------------------------------


@pytest.mark.usefixtures("reader_env", "no_spacy")
async def test_clicking_a_span_selects_its_position_and_its_panel():
    from tui_support import cached_app

    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        screen = app.main_screen
        active = screen.active_actor
        shown = set(screen.shown_actors())
        target = next(p for p in screen.nav.ordered if p.actor != active and p.actor in shown)
        article = article_of_app(app)
        article.scroll_to_offset(target.start, target.end)
        await pilot.pause()
        cell = article.cell_of(target.start + 2)
        gutter = article.styles.gutter
        await pilot.click(article, offset=(cell.x + gutter.left, cell.y - round(article.scroll_offset.y) + gutter.top))
        await pilot.pause()
        assert screen.nav.selected == target.id
        assert screen.active_actor == target.actor
        panels = panels_of(app)
        assert panels.active == target.actor and panels.selected == target.id
        assert panels.row_region(target.id) is not None  # its row is in view in its panel
        # and back: a click on another party's row in its panel selects it
        other = next(p for p in screen.nav.ordered
                     if p.actor != target.actor and p.actor in shown and panels.row_region(p.id) is not None)
        row = panels.row_region(other.id)
        await pilot.click(panels, offset=(row.x + 4, row.y))
        await pilot.pause()
        assert screen.nav.selected == other.id and screen.active_actor == other.actor
        assert article_of_app(app).in_view(other.start)  # the article shows it
