"""Correcting the selected position: its party, its kind, deleting it, adding or removing a link.

A small modal: a menu of what can be corrected, then the choices for it (kinds, parties,
positions to link, links to remove). It returns an :class:`Edit`; the main screen records it
as a correction (reader.corrections), saves it and shows the corrected analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..text import plain, shorten
from .dialog_styles import dialogs_css

STEPS = {
    "kind": "Change the kind…",
    "party": "Change the party…",
    "add_link": "Add a link to another position…",
    "remove_link": "Remove a link…",
    "delete": "Delete this position…",
    "restore": "Restore it as analysed (forget its corrections)",
}
PROMPTS = {
    "menu": "What is wrong with this position?",
    "kind": "Its kind is:",
    "party": "It is said by:",
    "add_link": "Link it to (the earlier of the two is the one answered):",
    "remove_link": "Remove its link with:",
    "delete": "Delete this position (the correction can be undone from the command palette)?",
}


@dataclass(frozen=True)
class Edit:
    """One correction chosen in the dialog: ``step`` is a key of STEPS, ``value`` what was chosen
    (a kind, an actor id, a position id; None for a deletion)."""

    step: str
    value: str | None = None


@dataclass(frozen=True)
class Choices:
    """What the dialog offers, prepared by the main screen: (value, label) pairs per step."""

    kinds: list[tuple[str, Content]]
    parties: list[tuple[str, Content]]
    link_to: list[tuple[str, Content]]
    linked: list[tuple[str, Content]]
    restorable: bool = False  # the position has corrections of its own


class CorrectionScreen(ModalScreen[Edit | None]):
    """Opened on the selected position (key ``c``), or straight at one step from the palette."""

    CSS_PATH = dialogs_css()
    BINDINGS = [
        Binding("escape", "back", "Back", id="reader.correct.back"),
        Binding("j", "cursor(1)", "Down", show=False, id="reader.correct.down"),
        Binding("k", "cursor(-1)", "Up", show=False, id="reader.correct.up"),
    ]

    def __init__(self, title: Content, choices: Choices, step: str | None = None) -> None:
        super().__init__(id="correction")
        self.heading = title
        self.choices = choices
        self.start = step
        self.step = step or "menu"

    def compose(self) -> ComposeResult:
        with Vertical(id="correction-box"):
            yield Static(self.heading, id="correction-title")
            yield Static("", id="correction-prompt")
            yield OptionList(id="correction-list")
            yield Static("enter choose · escape back", id="correction-keys")

    def on_mount(self) -> None:
        self.show_step(self.step)

    def options_for(self, step: str) -> list[Option]:
        def rows(pairs: list[tuple[str, Content]]) -> list[Option]:
            return [Option(label, id=value) for value, label in pairs]

        if step == "menu":
            counts = {"kind": self.choices.kinds, "party": self.choices.parties,
                      "add_link": self.choices.link_to, "remove_link": self.choices.linked}
            return [Option(label, id=key, disabled=key in counts and not counts[key])
                    for key, label in STEPS.items() if key != "restore" or self.choices.restorable]
        if step == "delete":
            return [Option("Yes, delete it", id="yes"), Option("No, keep it", id="no")]
        pairs = {"kind": self.choices.kinds, "party": self.choices.parties,
                 "add_link": self.choices.link_to, "remove_link": self.choices.linked}[step]
        return rows(pairs) or [Option(Content.styled("nothing to choose", "$text-muted italic"), disabled=True)]

    def show_step(self, step: str) -> None:
        self.step = step
        self.query_one("#correction-prompt", Static).update(plain(PROMPTS[step]))
        options = self.query_one(OptionList)
        options.set_options(self.options_for(step))
        options.highlighted = next((i for i, o in enumerate(options.options) if not o.disabled), None)
        options.focus()

    def action_cursor(self, delta: int) -> None:
        options = self.query_one(OptionList)
        (options.action_cursor_down if delta > 0 else options.action_cursor_up)()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = event.option.id
        if chosen is None:
            return
        if self.step == "menu" and chosen == "restore":
            self.dismiss(Edit("restore"))
        elif self.step == "menu":
            self.show_step(chosen)
        elif self.step == "delete":
            self.dismiss(Edit("delete") if chosen == "yes" else None)
        else:
            self.dismiss(Edit(self.step, chosen))

    def action_back(self) -> None:
        if self.step != "menu" and self.start is None:
            self.show_step("menu")
            return
        self.dismiss(None)


def position_label(speaker: str, kind_badge: Content, text: str, width: int = 70) -> Content:
    """One line naming a position in the dialog's lists: its badge, its party and its words."""
    return Content.assemble(kind_badge, " ", plain(speaker).stylize("bold"), ": ", plain(shorten(text, width)))
