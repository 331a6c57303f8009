"""The Textual app: thin, the real UI is on MainScreen."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from ..model import Article
from . import textual_compat
from .commands import ReaderCommands
from .keymap import load_keymap
from .screens import HelpScreen, MainScreen
from .settings import Settings, load_settings, save_settings

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
        settings_file: Path | None = None,
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
        self.settings_file = settings_file
        self.settings, self._settings_problem = load_settings(settings_file)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme  # before the first paint: no flash of the default theme
        if self.main_screen is not None:
            self.main_screen.saved_view = (self.settings.filter, self.settings.all_actors)
            self.main_screen.saved_panels = self.settings.panels
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
        self.save_settings()

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
        if self._settings_problem:
            self.notify(f"{self._settings_problem}; the defaults are used.", title="Settings",
                        severity="warning", timeout=8)
        self.theme_changed_signal.subscribe(self, self.on_theme_changed)
        if self.main_screen is None:
            self.startup_done()
            self.call_later(self.action_open, True)
        elif self.path is not None:
            self.call_after_refresh(self.remember_article, self.path, self.article)

    # -- settings kept between runs ---------------------------------------------------------------
    def current_settings(self) -> Settings:
        if self.main_screen is None:  # no article opened yet: the view kept as it was
            return replace(self.settings, theme=self.theme)
        kind, all_actors = self.main_screen.current_view()
        settings = Settings(theme=self.theme, all_actors=all_actors, filter=kind, panels=self.settings.panels)
        choice = self.main_screen.panel_choice()
        return settings.with_panels(*choice) if choice else settings

    def save_settings(self) -> str | None:
        """Save the theme, the panels shown and the filter if they changed; the problem, if saving failed."""
        settings = self.current_settings()
        if settings == self.settings:
            return None
        problem = save_settings(settings, self.settings_file)
        if problem is None:
            self.settings = settings
        return problem

    def on_theme_changed(self, _theme: object) -> None:
        """A theme chosen (from the command palette) is saved at once."""
        problem = self.save_settings()
        if problem and problem != self._settings_problem:
            self._settings_problem = problem  # told once
            self.notify(f"Settings not saved: {problem}", title="Settings", severity="warning", timeout=8)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.bound_keys()))

    def bound_keys(self) -> list[tuple[str, str, str]]:
        """(keys, description, binding id) of every binding with an id, after the keymap.

        Read from the main screen's active bindings (one entry per key, the user's keymap
        applied), grouped by binding id in the order the keys are bound.
        """
        keys: dict[str, list[str]] = {}
        descriptions: dict[str, str] = {}
        screen = self.main_screen if self.main_screen is not None else self.screen
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if binding.id:
                keys.setdefault(binding.id, []).append(key)
                descriptions.setdefault(binding.id, binding.description or binding.action)
        return [(",".join(found), descriptions[binding_id], binding_id) for binding_id, found in keys.items()]

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
        self.save_settings()  # the view of the article left is kept for the next one
        self.main_screen = MainScreen(article, use_cache=self.use_cache, model=self.model)
        self.main_screen.saved_view = (None, self.settings.all_actors)  # the filter starts afresh
        self.main_screen.saved_panels = self.settings.panels
        while len(self.screen_stack) > 1:  # a dialog or the help opened meanwhile
            await self.pop_screen()
        textual_compat.prepare_switch(self)
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
