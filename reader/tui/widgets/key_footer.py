"""The footer: one line of keys, drawn as one Content (public Textual API only).

Textual's Footer is a container of one widget per key and rebuilds them all on every
"bindings changed" signal; it also cuts the keys off at the right edge, so on an 80-column
terminal ``? Help`` and ``q Quit`` were never seen. This footer draws the keys as one line,
and when they do not fit it leaves out the least important first (KEEP_ORDER: help and quit
stay to the last), keeping the rest in their usual order. Keys that cannot be used now are
dimmed; a click on a key presses it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.style import Style
from textual.widget import Widget

# Binding ids, most important first: what is left out last when the line is short.
KEEP_ORDER = (
    "reader.help",
    "reader.quit",
    "reader.next",
    "reader.previous",
    "reader.follow",
    "reader.next_panel",
    "reader.back",
    "reader.filter",
    "reader.search",
    "palette",
    "reader.unanswered",
    "reader.copy",
)
PALETTE = "palette"
GAP = ""  # each key brings its own padding: " tab Panel "


@dataclass(frozen=True)
class FooterItem:
    """One key as shown: what to press, what it does, whether it can be used now."""

    key: str  # the key a click presses
    display: str  # how the key is shown ("^p", "⏎")
    description: str
    enabled: bool
    rank: int  # lower: kept longer
    palette: bool = False  # the command palette's key, on the right after a bar

    @property
    def width(self) -> int:
        return len(self.display) + len(self.description) + 3 + self.palette  # "▏ key desc "


class KeyFooter(Widget, can_focus=False):
    """The keys of the screen's bindings; the least important give way on narrow terminals."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description", "key-footer--palette"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
    }
    KeyFooter > .key-footer--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    KeyFooter > .key-footer--description {
        color: $footer-description-foreground;
    }
    KeyFooter > .key-footer--palette {
        color: $foreground 20%;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[FooterItem] = []
        self._update_pending = False

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.items = self.collect()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen) -> None:
        """Coalesce the signals that arrive before the next refresh into one update."""
        if self.is_attached and screen is self.screen and not self._update_pending:
            self._update_pending = True
            self.call_after_refresh(self._update_items)

    def _update_items(self) -> None:
        self._update_pending = False
        if not self.is_attached:  # its screen was closed before the refresh (an article left for the library)
            return
        items = self.collect()
        if items != self.items:
            self.items = items
            self.refresh()

    def collect(self) -> list[FooterItem]:
        """The shown bindings (the first key of each action, in the screen's order), then the palette's."""
        active = self.screen.active_bindings
        items: list[FooterItem] = []
        seen: set[str] = set()
        for _, binding, enabled, _ in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                items.append(self._item(binding, enabled, binding.id or binding.action, binding.description))
        if self.app.ENABLE_COMMAND_PALETTE:
            entry = active.get(self.app.COMMAND_PALETTE_BINDING)
            if entry is not None:
                _, binding, enabled, _ = entry
                items.append(self._item(binding, enabled, PALETTE, binding.description or "palette", palette=True))
        return items

    def _item(self, binding: Binding, enabled: bool, key_id: str, description: str, *, palette: bool = False
              ) -> FooterItem:
        rank = KEEP_ORDER.index(key_id) if key_id in KEEP_ORDER else len(KEEP_ORDER)
        return FooterItem(binding.key, self.app.get_key_display(binding), description, enabled, rank, palette)

    def shown(self, width: int) -> list[FooterItem]:
        """The items that fit in ``width`` cells: the most important kept, in their usual order."""
        kept: set[int] = set()
        used = 0
        for index in sorted(range(len(self.items)), key=lambda i: (self.items[i].rank, i)):
            cost = self.items[index].width + (len(GAP) if kept else 0)
            if used + cost <= width:
                kept.add(index)
                used += cost
        return [item for index, item in enumerate(self.items) if index in kept]

    def render(self) -> Content:
        width = self.size.width
        shown = self.shown(width)
        key_style = self.get_visual_style("key-footer--key")
        description_style = self.get_visual_style("key-footer--description")
        keys = [item for item in shown if not item.palette]
        palette = [item for item in shown if item.palette]
        parts = [self._part(item, key_style, description_style) for item in keys]
        left = Content(GAP).join(parts)
        if not palette:
            return left
        right = Content.assemble(
            Content.styled("▏", self.get_visual_style("key-footer--palette")),
            self._part(palette[0], key_style, description_style),
        )
        pad = max(width - left.cell_length - right.cell_length, 0)
        return Content.assemble(left, " " * pad, right)

    @staticmethod
    def _part(item: FooterItem, key_style, description_style) -> Content:
        part = Content.assemble(
            Content.styled(f" {item.display}", key_style),
            Content.styled(f" {item.description} ", description_style),
        )
        part = part.stylize(Style.from_meta({"key": item.key}))
        return part if item.enabled else part.stylize(Style(dim=True))

    def on_click(self, event: events.Click) -> None:
        key = event.style.meta.get("key")
        if not key:
            return
        event.stop()
        item = next((i for i in self.items if i.key == key), None)
        if item is not None and item.enabled:
            self.app.simulate_key(key)
        else:
            self.app.bell()
