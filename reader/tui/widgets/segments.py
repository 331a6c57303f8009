"""Content to lines of segments, for the line-API widgets.

``Visual.to_strips`` builds a Strip (with its seven caches) for every step of the way;
the article and the panels draw thousands of lines, so they wrap Content here into plain
lists of segments and make one Strip per line of the screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.style import Style
from textual.widget import Widget

Line = list[Segment]


def wrap(widget: Widget, content: Content, width: int, base: Style, *, fold: bool = True) -> list[Line]:
    """``content`` wrapped at ``width`` cells (or cut with an ellipsis if not ``fold``), as segments.

    Styles such as ``"bold $primary"`` are resolved against the app's theme; lines are not padded.
    """
    if width <= 0:
        return [[]]
    if not fold:
        content = content.truncate(width, ellipsis=True)
    parse = widget.app.stylesheet.parse_style
    lines: list[Line] = []
    for line in content.wrap(width) if fold else [content]:
        lines.append([Segment(text, style.rich_style) for text, style in line.render(base, "", parse) if text])
    return lines or [[]]


def fit(line: Line, width: int, style: RichStyle | None) -> Line:
    """``line`` padded with ``style`` (or cut) to exactly ``width`` cells."""
    return Segment.adjust_line_length(line, width, style, pad=True)


def with_meta(line: Line, meta: dict[str, object]) -> Line:
    """``line`` with ``meta`` (such as the position a click selects) on every segment."""
    extra = RichStyle.from_meta(meta)
    return [Segment(text, (style + extra) if style else extra, control) for text, style, control in line]


def look(widget: Widget, components: Iterable[str]) -> tuple[object, ...]:
    """The styles a line-API widget draws its kept lines with: its own, the theme's, its parts'.
    Focus and hover restyle the widget without changing these, so they need no redraw."""
    parts = (widget.get_visual_style(c) for c in sorted(components))
    return (widget.rich_style, widget.app.current_theme.name, *parts)
