"""The reader's commands in the command palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from .screens.main import MainScreen

COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Next position", "next_position", "Select the next position in article order"),
    ("Previous position", "previous_position", "Select the previous position in article order"),
    ("First position", "first", "Select the first position"),
    ("Last position", "last", "Select the last position"),
    ("Next panel", "next_panel", "Move to the next party's panel"),
    ("Previous panel", "previous_panel", "Move to the previous party's panel"),
    ("Follow link", "follow", "Go to the answer of the selected position (again to cycle)"),
    ("Back", "back", "Go back to where the link was followed from"),
    ("Next unanswered demand", "unanswered", "Select the next demand nobody answered"),
    ("Filter by kind", "filter", "Show all kinds, then each kind in turn"),
    ("Search the article", "search", "Find text in the article"),
    ("Copy quote", "copy", "Copy the selected quote with its speaker and source"),
    ("Show all parties", "all_actors", "Toggle panels for every party"),
    ("Choose parties", "pick_parties", "Show, hide, reorder, merge and rename the parties' panels"),
    ("Correct the position", "correct", "Change the selected position's party or kind, delete it, link it"),
    ("Correct: change the kind", "correct('kind')", "Give the selected position another kind"),
    ("Correct: change the party", "correct('party')", "Give the selected position to another party"),
    ("Correct: delete the position", "correct('delete')", "The selected position is not one: delete it"),
    ("Correct: add a link", "correct('add_link')", "Link the selected position to another one"),
    ("Correct: remove a link", "correct('remove_link')", "Remove a link of the selected position"),
    ("Correct: restore the position as analysed", "correct('restore')",
     "Forget the corrections of the selected position"),
    ("Restore deleted positions", "restore_deleted", "Bring back every position deleted by a correction"),
    ("Undo the last correction", "undo_correction", "Take back the last correction of this session"),
    ("Export the Markdown report", "export('markdown')", "Write the report, with your corrections, to a file"),
    ("Export the JSON", "export('json')", "Write the reader.analysis/1 JSON, with your corrections, to a file"),
    ("Open an article…", "app.open", "Open another article file: text, Markdown or a saved web page"),
    ("Open a recent article…", "app.open_recent", "Open one of the articles opened before"),
    ("Help", "app.help", "Show the keys and what the colours mean"),
)


class ReaderCommands(Provider):
    """App commands, each running the same action as its key."""

    def _screen(self) -> MainScreen | None:
        from .screens.main import MainScreen

        screen = getattr(self.app, "main_screen", None)
        return screen if isinstance(screen, MainScreen) else None

    def _callback(self, action: str) -> Callable[[], object]:
        if action.startswith("app."):
            return partial(self.app.call_later, self.app.run_action, action)
        screen = self._screen()
        return partial(self.app.call_later, screen.run_action, action) if screen else (lambda: None)

    async def discover(self) -> Hits:
        for name, action, help_text in COMMANDS:
            yield DiscoveryHit(name, self._callback(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), self._callback(action), help=help_text)
