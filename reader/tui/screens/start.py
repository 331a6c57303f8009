"""The screen under the open dialog when the reader starts without an article."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

MESSAGE = "No article is open.\n\no opens one · ctrl+p lists every command · q quits"


class StartScreen(Screen):
    """A line saying how to open an article (the app shows the open dialog over it at once)."""

    DEFAULT_CSS = """
    StartScreen {
        align: center middle;
    }
    StartScreen > #start-message {
        width: auto;
        color: $text-muted;
        text-align: center;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(MESSAGE, id="start-message", markup=False)
