"""One column of the party view: a party's rows, drawn with Textual's line API.

A party may have thousands of positions across a library; a widget per row, or an OptionList
that wraps every prompt to learn its height, takes seconds to show them. Here each row has a
known height (its head line, TEXT_LINES lines of its words, one line per note) so the offsets
are a running sum, and only the lines in view are drawn, each row once per width and look
(kept in an LRU). The screen gives the keys, the number of notes of each, and a function that
builds a row's Content (head, words, notes) when it first comes into view.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Sequence
from itertools import accumulate

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .segments import Line, fit, wrap

Key = tuple[int, str]
TEXT_LINES = 2  # lines of a row's words; the article has them all
KEPT = 2048  # rows kept drawn


class PartyRows(ScrollView, can_focus=True):
    """A party's positions, one row each; ``highlighted`` is the row under the cursor."""

    COMPONENT_CLASSES = {"party-rows--cursor", "party-rows--cursor-blurred"}
    DEFAULT_CSS = """
    PartyRows { height: 1fr; background: $surface; }
    PartyRows > .party-rows--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    PartyRows > .party-rows--cursor-blurred { background: $block-cursor-blurred-background; }
    """
    BINDINGS = [
        Binding("pagedown", "page(1)", "Page down", show=False, id="library.view.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="library.view.page_up"),
        Binding("home,g", "edge(0)", "First", show=False, id="library.view.first"),
        Binding("end,G", "edge(1)", "Last", show=False, id="library.view.last"),
    ]

    def __init__(self, build: Callable[[Key], list[Content]], **kwargs) -> None:
        super().__init__(**kwargs)
        self.build = build
        self.keys: list[Key] = []
        self.offsets: list[int] = [0]
        self.highlighted: int | None = None
        self._index: dict[Key, int] = {}
        self._drawn: OrderedDict[tuple, list[Strip]] = OrderedDict()

    # -- rows ---------------------------------------------------------------------------------------
    def set_rows(self, keys: Sequence[Key], notes: Sequence[int], keep: Key | None = None) -> None:
        """Show the rows ``keys`` (each with that many note lines), the cursor on ``keep`` if there."""
        self.keys = list(keys)
        self._index = {key: n for n, key in enumerate(self.keys)}
        self.offsets = list(accumulate((1 + TEXT_LINES + n for n in notes), initial=0))
        self._drawn.clear()
        self.highlighted = self._index.get(keep, 0) if keep is not None else (0 if self.keys else None)
        if not self.keys:
            self.highlighted = None
        self.virtual_size = Size(self.size.width, self.offsets[-1])
        if self.is_mounted:  # before, on_mount shows the cursor
            self.scroll_to(y=0, animate=False, immediate=True)
            self.show_cursor()
            self.refresh()

    def on_mount(self) -> None:
        self.show_cursor()

    @property
    def row_count(self) -> int:
        return len(self.keys)

    def key_at(self, index: int) -> Key:
        return self.keys[index]

    def index_of(self, key: Key) -> int | None:
        return self._index.get(key)

    def text_at(self, index: int) -> str:
        """The row's words as shown (head, text, notes), one line each: for tests and tools."""
        return "\n".join(c.plain for c in self.build(self.keys[index]))

    @property
    def drawn_rows(self) -> int:
        """How many rows are drawn and kept (0 until the column was first painted)."""
        return len(self._drawn)

    @property
    def current(self) -> Key | None:
        return self.keys[self.highlighted] if self.highlighted is not None else None

    # -- moving -------------------------------------------------------------------------------------
    def move_to(self, index: int) -> None:
        if not self.keys:
            return
        index = max(0, min(index, len(self.keys) - 1))
        if index != self.highlighted:
            self.highlighted = index
            self.refresh()
        self.show_cursor()

    def cursor(self, delta: int) -> None:
        if self.highlighted is not None:
            self.move_to(self.highlighted + delta)

    def action_page(self, direction: int) -> None:
        if self.highlighted is None:
            return
        line = self.offsets[self.highlighted] + direction * max(self.size.height - 1, 1)
        self.move_to(bisect_right(self.offsets, max(line, 0)) - 1)

    def action_edge(self, last: int) -> None:
        self.move_to(len(self.keys) - 1 if last else 0)

    def show_cursor(self) -> None:
        """Scroll so the whole highlighted row is in view."""
        if self.highlighted is None:
            return
        top, bottom = self.offsets[self.highlighted], self.offsets[self.highlighted + 1]
        self.scroll_to_region(Region(0, top, 1, bottom - top), animate=False, immediate=True, force=True)

    # -- drawing ------------------------------------------------------------------------------------
    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.offsets[-1])
        self._drawn.clear()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        if line >= self.offsets[-1] or not self.keys:
            return Strip.blank(width, self.rich_style)
        index = bisect_right(self.offsets, line) - 1
        lines = self._row(index, width)
        within = line - self.offsets[index]
        return lines[within] if within < len(lines) else Strip.blank(width, self.rich_style)

    def _row(self, index: int, width: int) -> list[Strip]:
        selected = index == self.highlighted
        look = "cursor" if selected and self.has_focus else "blurred" if selected else ""
        key = (self.keys[index], width, look, self.app.current_theme.name)
        drawn = self._drawn.get(key)
        if drawn is not None:
            self._drawn.move_to_end(key)
            return drawn
        drawn = [Strip(line, width) for line in self._draw(self.build(self.keys[index]), width, look)]
        self._drawn[key] = drawn
        while len(self._drawn) > KEPT:
            self._drawn.popitem(last=False)
        return drawn

    def _draw(self, parts: list[Content], width: int, look: str) -> list[Line]:
        """The head (one line), the words (TEXT_LINES lines, the last cut with an ellipsis), the
        notes (one line each), every line one cell in from both edges."""
        style = self.get_visual_style(f"party-rows--{'cursor' if look == 'cursor' else 'cursor-blurred'}") \
            if look else self.visual_style
        base = style.rich_style
        inner = max(width - 2, 1)
        head, text, *notes = parts
        body = wrap(self, text, inner, style)
        if len(body) > TEXT_LINES:
            body = body[:TEXT_LINES - 1] + wrap(self, Content(" ").join(
                [c for c in text.wrap(inner)[TEXT_LINES - 1:]]), inner, style, fold=False)
        body += [[]] * (TEXT_LINES - len(body))
        lines = [wrap(self, head, inner, style, fold=False)[0], *body,
                 *(wrap(self, note, inner, style, fold=False)[0] for note in notes)]
        return [fit([Segment(" ", base), *line], width, base) for line in lines]

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- mouse ----------------------------------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        line = self.scroll_offset.y + event.y
        if line < self.offsets[-1]:
            self.move_to(bisect_right(self.offsets, line) - 1)
        self.focus()
