"""The help: a modal screen showing help.md and the current keys of every binding."""

from __future__ import annotations

from importlib import resources

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static


def help_text() -> str:
    return resources.files("reader.tui").joinpath("help.md").read_text(encoding="utf-8")


class HelpScreen(ModalScreen[None]):
    """Press escape, q, ? or F1 to close."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="reader.help.close")]

    def __init__(self, keys: list[tuple[str, str, str]] | None = None) -> None:
        super().__init__(id="help")
        self.keys = keys or []

    def compose(self) -> ComposeResult:
        # The close hint is the frame's last line, inside it: never over the screen below.
        with Vertical(id="help-frame"):
            with VerticalScroll(id="help-body"):
                yield Markdown(help_text(), id="help-text")
                if self.keys:
                    yield Markdown(self.keys_table(), id="help-keys")
            yield Static("escape: close", id="help-close")

    def keys_table(self) -> str:
        rows = ["## Keys as now bound", "", "| Keys | Action | Binding id |", "| --- | --- | --- |"]
        for keys, description, binding_id in self.keys:
            rows.append(f"| `{keys}` | {description} | `{binding_id}` |")
        return "\n".join(rows)

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(None)
