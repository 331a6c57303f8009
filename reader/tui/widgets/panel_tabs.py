"""The actor names as tabs, shown on narrow terminals where one panel is visible at a time."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from ...model import Actor
from ..text import plain


class PanelTabs(Static):
    DEFAULT_CSS = """
    PanelTabs { height: 1; padding: 0 1; }
    """

    def show(self, actors: Sequence[Actor], colours: dict[str, str], active: str | None) -> None:
        parts: list[Content] = []
        for actor in actors:
            colour = colours.get(actor.id, "")
            style = f"bold reverse {colour}" if actor.id == active else colour
            parts.append(plain(f" {actor.name} ").stylize(style.strip() or "bold"))
        self.update(Content(" ").join(parts) if parts else Content(""), layout=False)
