"""The party picker: every party of the analysis, to show, hide, reorder, merge and rename.

space shows or hides the highlighted party's panel, ``[``/``]`` (or shift+up/down) move it,
``m`` marks a party and ``m`` on another merges that one into the marked one, ``r`` renames,
enter applies and escape cancels. The screen only edits a list; the main screen turns the
result into panels and corrections.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..text import plain
from .dialog_styles import dialogs_css

KEYS_HINT = ("space show/hide · [ ] or shift+↑↓ move · m mark, then m on another: merge into it · "
             "r rename · enter apply · escape cancel")


@dataclass
class PartyRow:
    actor: str
    name: str
    positions: int
    shown: bool


@dataclass
class PartyChoice:
    """What the picker returns: the panel order, the shown panels, and merges and renames."""

    order: list[str]
    shown: list[str]
    merges: list[tuple[str, str]] = field(default_factory=list)  # (merged away, into)
    renames: list[tuple[str, str]] = field(default_factory=list)  # (actor, new name)


class PartyPickerScreen(ModalScreen[PartyChoice | None]):
    """A modal list of all parties."""

    CSS_PATH = dialogs_css()
    BINDINGS = [
        Binding("space", "toggle", "Show/hide", id="reader.picker.toggle"),
        Binding("left_square_bracket,shift+up", "move(-1)", "Move up", id="reader.picker.move_up"),
        Binding("right_square_bracket,shift+down", "move(1)", "Move down", id="reader.picker.move_down"),
        Binding("m", "merge", "Mark/merge", id="reader.picker.merge"),
        Binding("r", "rename", "Rename", id="reader.picker.rename"),
        Binding("j", "cursor(1)", "Down", show=False, id="reader.picker.down"),
        Binding("k", "cursor(-1)", "Up", show=False, id="reader.picker.up"),
        Binding("escape", "cancel", "Cancel", id="reader.picker.cancel"),
    ]

    def __init__(self, rows: list[PartyRow], colours: dict[str, str] | None = None) -> None:
        super().__init__(id="party-picker")
        self.rows = [PartyRow(r.actor, r.name, r.positions, r.shown) for r in rows]
        self.colours = colours or {}
        self.marked: str | None = None
        self.merges: list[tuple[str, str]] = []
        self.renames: dict[str, str] = {}
        self.renaming: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Static("Parties", id="picker-title")
            yield OptionList(*self.options(), id="picker-list")
            yield Input(id="picker-rename", placeholder="new name, enter to keep it")
            yield Static(plain(KEYS_HINT), id="picker-keys")

    def on_mount(self) -> None:
        party_list = self.query_one(OptionList)
        party_list.highlighted = 0 if self.rows else None
        party_list.focus()

    # -- drawing ------------------------------------------------------------------------------
    def options(self) -> list[Option]:
        return [Option(self.prompt(row), id=row.actor) for row in self.rows]

    def prompt(self, row: PartyRow) -> Content:
        box = "[x]" if row.shown else "[ ]"
        mark = Content.styled("● ", "bold $accent") if row.actor == self.marked else Content("  ")
        colour = self.colours.get(row.actor)
        swatch = Content.styled("■ ", colour) if colour else Content("  ")
        count = f"  {row.positions} position{'s' if row.positions != 1 else ''}"
        return Content.assemble(mark, box, " ", swatch, plain(row.name).stylize("bold"),
                                Content.styled(count, "$text-muted"))

    def redraw(self, highlight: int | None = None) -> None:
        party_list = self.query_one(OptionList)
        index = party_list.highlighted if highlight is None else highlight
        party_list.set_options(self.options())
        if self.rows:
            party_list.highlighted = max(0, min(index or 0, len(self.rows) - 1))

    def say(self, text: str) -> None:
        self.query_one("#picker-keys", Static).update(plain(text))

    @property
    def current(self) -> int | None:
        return self.query_one(OptionList).highlighted

    # -- keys -----------------------------------------------------------------------------------
    def action_cursor(self, delta: int) -> None:
        party_list = self.query_one(OptionList)
        (party_list.action_cursor_down if delta > 0 else party_list.action_cursor_up)()

    def action_toggle(self) -> None:
        index = self.current
        if index is None:
            return
        self.rows[index].shown = not self.rows[index].shown
        self.query_one(OptionList).replace_option_prompt_at_index(index, self.prompt(self.rows[index]))

    def action_move(self, delta: int) -> None:
        index = self.current
        if index is None or not 0 <= index + delta < len(self.rows):
            return
        rows = self.rows
        rows[index], rows[index + delta] = rows[index + delta], rows[index]
        self.redraw(index + delta)

    def action_merge(self) -> None:
        index = self.current
        if index is None:
            return
        row = self.rows[index]
        if self.marked is None or self.marked == row.actor:
            self.marked = None if self.marked == row.actor else row.actor
            self.redraw()
            if self.marked:
                self.say(f"Marked {row.name}: m on another party merges it into {row.name}.")
            else:
                self.say(KEYS_HINT)
            return
        into = next(r for r in self.rows if r.actor == self.marked)
        into.positions += row.positions
        into.shown = into.shown or row.shown
        self.merges.append((row.actor, into.actor))
        self.renames.pop(row.actor, None)
        self.rows.remove(row)
        self.marked = None
        self.redraw(self.rows.index(into))
        self.say(f"{row.name} merged into {into.name} (enter applies, escape forgets it).")

    def action_rename(self) -> None:
        index = self.current
        if index is None:
            return
        row = self.rows[index]
        self.renaming = row.actor
        rename = self.query_one("#picker-rename", Input)
        rename.value = row.name
        rename.add_class("-open")
        rename.focus()
        self.say(f"New name for {row.name}: enter to keep it, escape to leave it as it is.")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = " ".join(event.value.split())
        row = next((r for r in self.rows if r.actor == self.renaming), None)
        if row is not None and name and name != row.name:
            self.renames[row.actor] = name
            row.name = name
        self.close_rename()
        self.say(KEYS_HINT)

    def close_rename(self) -> None:
        self.renaming = None
        self.query_one("#picker-rename", Input).remove_class("-open")
        self.redraw()
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choice())

    def choice(self) -> PartyChoice:
        return PartyChoice(
            order=[r.actor for r in self.rows],
            shown=[r.actor for r in self.rows if r.shown],
            merges=list(self.merges),
            renames=list(self.renames.items()),
        )

    def action_cancel(self) -> None:
        if self.renaming is not None:
            self.close_rename()
            self.say(KEYS_HINT)
            return
        self.dismiss(None)
