"""``reader library`` in a terminal: the library's articles in a table; enter reads one.

The app opens the library only to list it and to fetch the article chosen; an article opens
in the reader's MainScreen (analysed from the cache or again, as ``reader ARTICLE`` does) and
``L`` comes back to the list (refreshed: corrections made meanwhile show in its counts).
"""

from __future__ import annotations

import gc
import threading
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.timer import Timer
from textual.worker import Worker

from ..library import ArticleEntry, open_library
from ..model import Article
from .app import styles_path
from .screens import HelpScreen, MainScreen
from .screens.library import ArticleChosen, LibraryScreen
from .screens.party_view import (
    OpenPosition,
    PartiesWanted,
    PartyViewData,
    PartyViewScreen,
    ReplyOutside,
    view_index,
)


def library_entries(path: Path | None) -> tuple[list[ArticleEntry], str]:
    """The library's articles (corrections synced first) and its name; raises LibraryError."""
    with open_library(path) as library:
        library.sync_corrections()
        return library.articles(), library.name


VIEW_GC_PAUSE = 2.0  # seconds at most without the cyclic garbage collector while a party view opens
RELINKING = threading.Lock()  # one relink at a time (the start-up one and a party view's)


def relink_library(path: Path | None) -> int:
    """Bring the replies across articles up to date (what was added, removed, corrected or merged
    since); the links written. Raises LibraryError."""
    from ..library_links import relink

    with RELINKING, open_library(path) as library:
        return relink(library)


def party_view_data(path: Path | None, party_ids: list[int]) -> PartyViewData:
    """What the party view of these parties shows, read from the library (the links brought up
    to date first, on the same connection) and arranged for the screen; raises LibraryError."""
    from ..library_links import relink, replies, unanswered

    with RELINKING, open_library(path) as library:
        relink(library)  # nothing to do (two small queries) unless the library changed
        parties = [p for p in (library.party(pid) for pid in party_ids) if p is not None]
        ids = [p.id for p in parties]
        positions = library.party_positions(ids)
        outlets = dict(library.conn.execute("SELECT id, outlet FROM articles").fetchall())
        names = dict(library.conn.execute("SELECT id, name FROM parties").fetchall())
        data = PartyViewData(
            parties=parties, positions=positions, replies=replies(library, ids),
            unanswered={(u.article_id, u.position_id) for u in unanswered(library, ids)},
            names=names, outlets=outlets)
    data.index = view_index(data)  # here in the worker, not on the screen's thread
    return data


class LibraryApp(App[int]):
    """The library's list of articles, and the reader on the one chosen."""

    TITLE = "reader library"
    CSS_PATH = str(styles_path())
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", id="reader.help"),
        Binding("q", "quit", "Quit", id="reader.quit"),
        Binding("L", "library", "Library", id="reader.library"),
    ]

    def __init__(self, path: Path | None = None, *, use_cache: bool = True, model: str | None = None) -> None:
        super().__init__()
        self.library_path = path
        self.use_cache = use_cache
        self.model = model
        entries, self.library_name = library_entries(path)
        self.library_screen = LibraryScreen(entries, self.library_name)
        self.main_screen: MainScreen | None = None
        self._gc_paused = False
        self._gc_timer: Timer | None = None

    def get_default_screen(self) -> LibraryScreen:
        return self.library_screen

    def on_mount(self) -> None:
        self.relink()
        self.call_after_refresh(self.freeze_startup)

    def freeze_startup(self) -> None:
        """The list is painted. What start-up built (modules, styles, the list) lives as long as
        the app, so it is frozen out of the garbage collector's sight, as ReaderApp does: opening a
        party view allocates tens of thousands of objects (its rows, Textual's strips and their
        caches), which sets off a full collection; it then scans what came after start-up, not the
        whole heap (60-160 ms at each open with 1,000 articles before)."""
        gc.freeze()

    @work(thread=True, exit_on_error=False, group="relink", description="linking replies across articles")
    def relink(self) -> None:
        """The replies across articles, brought up to date in the background (after 'reader add'
        of many articles this takes a while; a party view opened meanwhile waits for it)."""
        from ..library import LibraryError

        try:
            relink_library(self.library_path)
        except LibraryError as error:
            self.call_from_thread(self.notify, str(error), title="Library", severity="error")

    def on_article_chosen(self, message: ArticleChosen) -> None:
        from ..library import LibraryError

        try:
            with open_library(self.library_path) as library:
                analysis = library.stored(message.article_id)
        except (LibraryError, KeyError) as error:
            self.notify(f"The article cannot be opened: {error}", title="Library", severity="error")
            return
        article = Article(source=analysis.source, text=analysis.text, title=analysis.title,
                          paragraphs=analysis.paragraphs, publication=analysis.publication)
        self.main_screen = MainScreen(article, use_cache=self.use_cache, model=self.model)
        self.push_screen(self.main_screen)

    # -- the party view ---------------------------------------------------------------------------
    def on_parties_wanted(self, message: PartiesWanted) -> None:
        """Choose the parties of a party view (those of the article under the cursor ticked)."""
        from ..library import LibraryError
        from .screens.library_parties import LibraryPartiesScreen

        try:
            with open_library(self.library_path) as library:
                parties = library.parties()
        except LibraryError as error:
            self.notify(str(error), title="Library", severity="error")
            return
        if not parties:
            self.notify("No parties yet: add articles with 'reader add PATH...'.", title="Library")
            return
        self.push_screen(LibraryPartiesScreen(parties, message.chosen), self.open_party_view)

    def open_party_view(self, party_ids: list[int] | None) -> None:
        if party_ids:
            self.load_party_view(party_ids)

    def on_reply_outside(self, message: ReplyOutside) -> None:
        """A reply from a party not in the view: the view again with its column, at the reply."""
        self.load_party_view(message.parties, message.target, message.history)

    def load_party_view(self, party_ids: list[int], start_at: tuple[int, str] | None = None,
                        history: list[tuple[int, str]] | None = None) -> Worker[None]:
        """Read the party view of these parties in a worker, then show it (the cursor on
        ``start_at``). The cyclic garbage collector waits until the view is painted: reading and
        drawing it allocate tens of thousands of objects, which set off a full collection (and
        the freeing of the last view closed) in the middle, 50-150 ms with 1,000 articles."""
        self.pause_gc()
        return self.read_party_view(party_ids, start_at, history)

    @work(thread=True, exclusive=True, exit_on_error=False, group="party-view",
          description="reading the party view from the library")
    def read_party_view(self, party_ids: list[int], start_at: tuple[int, str] | None = None,
                        history: list[tuple[int, str]] | None = None) -> None:
        from ..library import LibraryError

        try:
            data = party_view_data(self.library_path, party_ids)
        except LibraryError as error:
            self.call_from_thread(self.resume_gc)
            self.call_from_thread(self.notify, str(error), title="Library", severity="error")
            return
        self.call_from_thread(self.show_party_view, data, start_at, history)

    def show_party_view(self, data: PartyViewData, start_at: tuple[int, str] | None = None,
                        history: list[tuple[int, str]] | None = None) -> None:
        if isinstance(self.screen, PartyViewScreen):
            self.pop_screen()  # other parties chosen from the view: it is replaced
        screen = PartyViewScreen(data, start_at, history)
        self.push_screen(screen)
        screen.call_after_refresh(self.resume_gc)  # once it is painted

    def pause_gc(self) -> None:
        """Hold the cyclic garbage collector (for VIEW_GC_PAUSE seconds at most)."""
        if gc.isenabled():
            gc.disable()
            self._gc_paused = True
        if self._gc_paused:
            if self._gc_timer is not None:
                self._gc_timer.stop()
            self._gc_timer = self.set_timer(VIEW_GC_PAUSE, self.resume_gc)

    def resume_gc(self) -> None:
        if self._gc_timer is not None:
            self._gc_timer.stop()
            self._gc_timer = None
        if self._gc_paused:
            self._gc_paused = False
            gc.enable()

    def on_unmount(self) -> None:
        self.resume_gc()

    def on_open_position(self, message: OpenPosition) -> None:
        """Read the article of a party view's row, at that quote; L comes back to the view."""
        from ..library import LibraryError
        from .screens.library_article import LibraryArticleScreen

        try:
            with open_library(self.library_path) as library:
                analysis, _ = library.analysis(message.article_id)
        except (LibraryError, KeyError) as error:
            self.notify(f"The article cannot be opened: {error}", title="Library", severity="error")
            return
        self.main_screen = LibraryArticleScreen(analysis, message.position_id, model=self.model)
        self.push_screen(self.main_screen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``L`` only where there is a list to go back to (hidden on the list itself)."""
        if action == "library":
            return self.main_screen is not None and self.screen is self.main_screen
        return True

    def action_help(self) -> None:
        """The reader's help, with the keys of the screen shown now (the list or an article)."""
        if isinstance(self.screen, HelpScreen):
            return
        keys: dict[str, list[str]] = {}
        descriptions: dict[str, str] = {}
        for key, active in self.screen.active_bindings.items():
            if active.binding.id:
                keys.setdefault(active.binding.id, []).append(key)
                descriptions.setdefault(active.binding.id, active.binding.description or active.binding.action)
        self.push_screen(HelpScreen([(",".join(k), descriptions[i], i) for i, k in keys.items()]))

    def action_library(self) -> None:
        """Back to the list from an article."""
        if self.screen is self.library_screen or self.main_screen is None or self.screen is not self.main_screen:
            return
        self.pop_screen()
        self.main_screen = None
        from ..library import LibraryError

        try:
            entries, _ = library_entries(self.library_path)
        except LibraryError as error:
            self.notify(str(error), title="Library", severity="error")
            return
        self.library_screen.show_entries(entries)


def run_library_app(path: Path | None, *, use_cache: bool = True, model: str | None = None) -> int:
    """Run the library app; raises LibraryError (before the screen starts) if it cannot be opened."""
    app = LibraryApp(path, use_cache=use_cache, model=model)
    result = app.run()
    return int(result or 0) if app.return_code is None else app.return_code
