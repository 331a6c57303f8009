"""One actor's panel: its positions in article order, with badges and answer counts."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...model import Actor, Analysis, Position
from ..messages import PositionSelected
from ..text import plain, position_prompt


class PositionList(OptionList, inherit_bindings=False, can_focus=False):
    """An OptionList without keys or focus of its own: the screen's keys move across all panels.

    The active panel is marked with the ``-active`` class instead of taking the focus, so moving
    between panels never re-binds keys nor rebuilds the footer.
    """

    BINDINGS = []


class ActorPanel(Vertical):
    """Header with the actor's name and colour, then its positions; clicks post PositionSelected."""

    DEFAULT_CSS = """
    ActorPanel { height: 1fr; width: 1fr; }
    ActorPanel > .actor-title { height: 1; padding: 0 1; text-style: bold; }
    ActorPanel > PositionList { height: 1fr; max-height: 100%; }
    """

    def __init__(
        self,
        actor: Actor,
        colour: str,
        analysis: Analysis | None = None,
        positions: Sequence[Position] = (),
        *,
        classes: str = "",
    ) -> None:
        super().__init__(id=f"panel-{_safe_id(actor.id)}", classes=f"actor-panel {classes}".strip())
        self.actor = actor
        self.colour = colour
        self.analysis = analysis
        self.positions: list[Position] = list(positions)
        self.lit: frozenset[str] = frozenset()
        self.active = "-active" in classes.split()

    def compose(self) -> ComposeResult:
        yield Static(self._title(), classes="actor-title")
        yield PositionList(*self._options(), id=f"list-{_safe_id(self.actor.id)}")

    def _options(self) -> list[Option]:
        if self.analysis is None:
            return []
        options = [
            Option(position_prompt(self.analysis, p, lit=p.id in self.lit), id=p.id) for p in self.positions
        ]
        return options or [Option(Content.styled("no positions", "$text-muted italic"), disabled=True)]

    @property
    def option_list(self) -> PositionList:
        return self.query_one(PositionList)

    def _title(self) -> Content:
        count = len(self.positions)
        name_style = f"bold reverse {self.colour}" if self.active else f"bold {self.colour}"
        name = plain(f" {self.actor.name} ").stylize(name_style)
        marker = Content.styled("▶" if self.active else "■", self.colour)
        return Content.assemble(marker, name, f" {count} position{'s' if count != 1 else ''}")

    def mark_active(self, active: bool, *, by_class: bool) -> None:
        """Show whether this is the active panel: in its title always, by class only when asked.

        The class drives the narrow layout (one panel at a time); on wide screens changing it
        would restyle the whole panel on every move, so the title alone shows it there.
        """
        if active != self.active:
            self.active = active
            self.query_one(".actor-title", Static).update(self._title(), layout=False)
        if self.has_class("-active") != (active and by_class):
            self.set_class(active and by_class, "-active")

    def show(self, analysis: Analysis, positions: Sequence[Position], lit: frozenset[str]) -> None:
        """Fill the list (article order) and mark the ``lit`` positions."""
        self.analysis = analysis
        self.positions = list(positions)
        self.lit = lit
        self.query_one(".actor-title", Static).update(self._title())
        self.option_list.set_options(self._options())

    def set_lit(self, lit: frozenset[str]) -> None:
        if self.analysis is None:
            return
        changed = (self.lit | lit) - (self.lit & lit)
        self.lit = lit
        for index, position in enumerate(self.positions):
            if position.id in changed:
                prompt = position_prompt(self.analysis, position, lit=position.id in lit)
                self.option_list.replace_option_prompt_at_index(index, prompt)

    def select(self, position_id: str | None) -> None:
        """Highlight ``position_id`` if it is in this panel, else clear the highlight."""
        ids = [p.id for p in self.positions]
        index = ids.index(position_id) if position_id in ids else None
        if self.option_list.highlighted != index:
            self.option_list.highlighted = index

    @property
    def highlighted_id(self) -> str | None:
        index = self.option_list.highlighted
        if index is None or index >= len(self.positions):
            return None
        return self.positions[index].id

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(PositionSelected(event.option.id))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()


def _safe_id(actor_id: str) -> str:
    """A string usable as a DOM id."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in actor_id)
    return cleaned if cleaned[:1].isalpha() else f"a{cleaned}"
