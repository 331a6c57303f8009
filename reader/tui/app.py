"""The Textual app: thin, the real UI is on MainScreen."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.screen import Screen

from ..model import Article
from .commands import ReaderCommands
from .keymap import load_keymap
from .screens import HelpScreen, MainScreen

STYLES = "reader.tcss"
STARTUP_GC_PAUSE = 1.5  # seconds at most without the cyclic garbage collector at start-up


def styles_path() -> Path:
    """The app's stylesheet, from the installed ``reader.styles`` package (``styles/`` in the repo)."""
    try:
        return Path(str(resources.files("reader.styles").joinpath(STYLES)))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "styles" / STYLES


class ReaderApp(App[int]):
    """Read an article beside what each party demands, offers, rejects, threatens and accuses."""

    TITLE = "reader"
    CSS_PATH = str(styles_path())
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", id="reader.help"),
        Binding("q", "quit", "Quit", id="reader.quit"),
        Binding("o", "open", "Open", show=False, id="reader.open"),
    ]

    def __init__(
        self,
        article: Article | None,
        *,
        actors: Sequence[str] | None = None,
        use_cache: bool = True,
        model: str | None = None,
        keymap_file: Path | None = None,
        path: str | None = None,
    ) -> None:
        super().__init__()
        self.article = article
        # None until an article is opened (``reader`` with no article starts on the open dialog)
        self.main_screen: MainScreen | None = (
            MainScreen(article, actors=actors, use_cache=use_cache, model=model) if article is not None else None
        )
        self.keymap_file = keymap_file
        self._gc_paused = False
        self.use_cache = use_cache
        self.model = model
        self.path = path  # the file of the article shown (None: standard input, or no file)
        self.recent_problem_told = False

    def on_load(self) -> None:
        """Pause the cyclic garbage collector while the screen and the panels are built.

        Start-up allocates tens of thousands of long-lived objects (widgets, styles, strips),
        which triggers a full collection (~50 ms) in the middle of painting the panels. The
        collector resumes once the panels are shown, on a failure, after STARTUP_GC_PAUSE
        seconds at most, or when the app exits, so it runs while the user reads instead.
        """
        if gc.isenabled():
            gc.disable()
            self._gc_paused = True

    def startup_done(self) -> None:
        """The first screen is complete: the garbage collector may run again.

        What start-up built (widgets, styles, the analysis) lives as long as the app, so it is
        frozen out of the collector's sight first: full collections while the user moves then
        scan only what moving allocates, instead of pausing for the whole heap.
        """
        if self._gc_paused:
            self._gc_paused = False
            gc.freeze()
            gc.enable()

    def on_unmount(self) -> None:
        self.startup_done()

    def get_default_screen(self) -> Screen:
        if self.main_screen is None:
            from .screens.start import StartScreen

            return StartScreen()
        return self.main_screen

    def on_mount(self) -> None:
        self.set_timer(STARTUP_GC_PAUSE, self.startup_done)
        keymap, problems = load_keymap(self.keymap_file)
        if keymap:
            self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, title="Keymap ignored", severity="warning", timeout=8)
        if self.main_screen is None:
            self.startup_done()
            self.call_later(self.action_open, True)
        elif self.path is not None:
            self.call_after_refresh(self.remember_article, self.path, self.article)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.bound_keys()))

    def bound_keys(self) -> list[tuple[str, str, str]]:
        """(keys, description, binding id) of every binding with an id, after the keymap."""
        rows: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        for node in (self.main_screen, self):
            if node is None:
                continue
            mapped = self._keymapped(node)
            for bindings in mapped.key_to_bindings.values():
                for binding in bindings:
                    if binding.id and binding.id not in seen:
                        seen.add(binding.id)
                        keys = self._keys_for(mapped, binding.id)
                        rows.append((keys, binding.description or binding.action, binding.id))
        return rows

    # -- opening another article ------------------------------------------------------------------
    def action_open(self, recent: bool = False) -> None:
        """The dialog that opens another article (on its recent list when ``recent``)."""
        from ..recent import load_recent
        from .screens.open_article import OpenArticleScreen

        if isinstance(self.screen, OpenArticleScreen):
            return
        entries, problem = load_recent()
        self.tell_recent_problem(problem)
        self.push_screen(OpenArticleScreen(self.start_folder(), entries, focus_recent=recent),
                         callback=self.open_path)

    def action_open_recent(self) -> None:
        self.action_open(recent=True)

    def start_folder(self) -> Path:
        """Where the file tree starts: the folder of the article shown, else the current one."""
        if self.path is not None:
            folder = Path(self.path).expanduser().absolute().parent
            if folder.is_dir():
                return folder
        return Path.cwd()

    def open_path(self, path: str | None) -> None:
        if path:
            self.read_article_file(path)

    @work(thread=True, exclusive=True, exit_on_error=False, group="open", description="Reading the article")
    def read_article_file(self, path: str) -> None:
        """Read the file (HTML extraction can take a moment), then show it; one notification if
        it cannot be read."""
        from ..ingest import InputError, display_name, os_reason, read_article

        try:
            article = read_article(path)
        except InputError as error:
            problem = str(error)
        except OSError as error:
            problem = f"{display_name(path)}: {os_reason(error)}"
        except (UnicodeError, ValueError, RecursionError) as error:  # not an article: one line, no traceback
            problem = f"{display_name(path)}: cannot be read as an article ({type(error).__name__})"
        else:
            self.call_from_thread(self.open_article, article, path)
            return
        self.call_from_thread(self.notify, problem, title="Cannot open", severity="error", timeout=10, markup=False)

    async def open_article(self, article: Article, path: str | None = None) -> None:
        """Show ``article`` instead of the current one: a new main screen (selection, search and
        filter start afresh), its analysis from the cache or a worker, its corrections applied."""
        self.article = article
        self.path = path
        self.main_screen = MainScreen(article, use_cache=self.use_cache, model=self.model)
        while len(self.screen_stack) > 1:  # a dialog or the help opened meanwhile
            await self.pop_screen()
        if not self.screen._result_callbacks:  # the default screen: Textual's switch pops a callback it never had
            self.screen._push_result_callback(self, None)
        await self.switch_screen(self.main_screen)
        self.sub_title = article.title or article.source
        if path is not None:
            self.remember_article(path, article)

    def remember_article(self, path: str, article: Article | None) -> None:
        """Put the article first in the recent list (a list that cannot be saved is told once)."""
        from ..recent import remember

        try:
            _, problem = remember(path, article.title if article else None)
        except OSError as error:
            problem = f"cannot save the list of recent articles ({error.strerror or error})"
        self.tell_recent_problem(problem)

    def tell_recent_problem(self, problem: str | None) -> None:
        """One notification a session about the list of recent articles."""
        if problem and not self.recent_problem_told:
            self.recent_problem_told = True
            self.notify(f"{problem[:1].upper()}{problem[1:]}.", title="Recent articles", severity="warning",
                        timeout=10, markup=False)

    def _keymapped(self, node: App | MainScreen) -> BindingsMap:
        """``node``'s bindings as the keymap leaves them (Textual applies it to a copy on each key)."""
        bindings = node._bindings.copy()
        if self._keymap:
            bindings.apply_keymap(self._keymap)
        return bindings

    @staticmethod
    def _keys_for(bindings_map: BindingsMap, binding_id: str) -> str:
        keys = [
            key
            for key, bindings in bindings_map.key_to_bindings.items()
            if any(b.id == binding_id for b in bindings)
        ]
        return ",".join(keys)
