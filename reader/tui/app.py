"""The Textual app: thin, the real UI is on MainScreen."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from ..model import Article
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
    ]

    def __init__(
        self,
        article: Article,
        *,
        actors: Sequence[str] | None = None,
        use_cache: bool = True,
        model: str | None = None,
        keymap_file: Path | None = None,
        settings_file: Path | None = None,
    ) -> None:
        super().__init__()
        self.article = article
        self.main_screen = MainScreen(article, actors=actors, use_cache=use_cache, model=model)
        self.keymap_file = keymap_file
        self._gc_paused = False
        self.settings_file = settings_file
        self.settings, self._settings_problem = load_settings(settings_file)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme  # before the first paint: no flash of the default theme
        self.main_screen.saved_view = (self.settings.filter, self.settings.all_actors)

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

    def get_default_screen(self) -> MainScreen:
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

    # -- settings kept between runs ---------------------------------------------------------------
    def current_settings(self) -> Settings:
        kind, all_actors = self.main_screen.current_view()
        return Settings(theme=self.theme, all_actors=all_actors, filter=kind)

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
        for key, active in self.main_screen.active_bindings.items():
            binding = active.binding
            if binding.id:
                keys.setdefault(binding.id, []).append(key)
                descriptions.setdefault(binding.id, binding.description or binding.action)
        return [(",".join(found), descriptions[binding_id], binding_id) for binding_id, found in keys.items()]
