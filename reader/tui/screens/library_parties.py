"""Choose the parties of the party view: every party of the library, most positions first.

space ticks or unticks the highlighted party, enter opens the view of the ticked ones (the
highlighted one when none is ticked), escape goes back. The screen returns the party ids.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...library import Party
from ..text import plain
from .dialog_styles import dialogs_css, library_css

KEYS_HINT = "space tick/untick · enter view the ticked parties (or the highlighted one) · escape back"
MAX_PARTIES = 6  # columns side by side stay readable


class LibraryPartiesScreen(ModalScreen[list[int] | None]):
    """A modal list of the library's parties to tick."""

    CSS_PATH = [dialogs_css(), library_css()]
    BINDINGS = [
        Binding("space", "toggle", "Tick", id="library.parties.toggle"),
        Binding("j", "cursor(1)", "Down", show=False, id="library.parties.down"),
        Binding("k", "cursor(-1)", "Up", show=False, id="library.parties.up"),
        Binding("escape", "cancel", "Back", id="library.parties.cancel"),
    ]

    def __init__(self, parties: list[Party], ticked: list[int] | None = None) -> None:
        super().__init__(id="library-parties")
        self.parties = sorted(parties, key=lambda p: (-p.positions, p.name.casefold()))
        self.ticked = [pid for pid in ticked or [] if any(p.id == pid for p in parties)]

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Static("Parties across the library", id="picker-title")
            yield OptionList(*self.options(), id="picker-list")
            yield Static(plain(KEYS_HINT), id="picker-keys")

    def on_mount(self) -> None:
        party_list = self.query_one(OptionList)
        first = next((i for i, p in enumerate(self.parties) if p.id in self.ticked), 0)
        party_list.highlighted = first if self.parties else None
        party_list.focus()

    def options(self) -> list[Option]:
        return [Option(self.prompt(p), id=str(p.id)) for p in self.parties]

    def prompt(self, party: Party) -> Content:
        box = f"[{self.ticked.index(party.id) + 1}]" if party.id in self.ticked else "[ ]"
        counts = (f"  {party.positions} position{'s' if party.positions != 1 else ''} in {party.articles} "
                  f"article{'s' if party.articles != 1 else ''}" + (f" · {party.code}" if party.code else ""))
        return Content.assemble(box, " ", plain(party.name).stylize("bold"), Content.styled(counts, "$text-muted"))

    def action_cursor(self, delta: int) -> None:
        party_list = self.query_one(OptionList)
        (party_list.action_cursor_down if delta > 0 else party_list.action_cursor_up)()

    def action_toggle(self) -> None:
        party_list = self.query_one(OptionList)
        index = party_list.highlighted
        if index is None:
            return
        party = self.parties[index]
        if party.id in self.ticked:
            self.ticked.remove(party.id)
        elif len(self.ticked) >= MAX_PARTIES:
            self.notify(f"At most {MAX_PARTIES} parties side by side.", title="Parties", severity="warning")
            return
        else:
            self.ticked.append(party.id)
        party_list.set_options(self.options())
        party_list.highlighted = index

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = list(self.ticked) or [self.parties[event.option_index].id]
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
