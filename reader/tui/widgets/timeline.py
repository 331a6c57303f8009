"""A one-line timeline: counts per day or week drawn as bars (▁▂▃▄▅▆▇█) across the width.

Textual's Sparkline draws through a Rich renderable, which cost ~14 ms a frame for a few hundred
weeks (the party view opens with several); this draws one Content line, the counts of each cell
being the largest of the bins it covers, and nothing at all for no counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

BARS = "▁▂▃▄▅▆▇█"


def bars(data: Sequence[int], width: int) -> str:
    """``data`` squeezed (or spread) into ``width`` cells: each cell the highest count it covers,
    as a bar of eight heights; a cell with no count is a blank, any count at least ▁."""
    if not data or width <= 0 or max(data) <= 0:
        return ""
    top = max(data)
    cells = []
    for cell in range(width):
        start = cell * len(data) // width
        end = max((cell + 1) * len(data) // width, start + 1)
        value = max(data[start:end])
        cells.append(" " if value <= 0 else BARS[min(len(BARS) - 1, (value * len(BARS) - 1) // top)])
    return "".join(cells)


class Timeline(Widget):
    """Counts over time as one line of bars; ``data`` sets them."""

    DEFAULT_CSS = """
    Timeline { height: 1; color: $accent; }
    """

    data: reactive[tuple[int, ...]] = reactive(tuple, layout=False)

    def __init__(self, data: Sequence[int] = (), **kwargs) -> None:
        super().__init__(**kwargs)
        self.set_reactive(Timeline.data, tuple(data))

    def render(self) -> Content:
        return Content(bars(self.data, self.content_region.width))
