"""The actor panels: one column per shown actor, its positions in article order.

One widget drawn with Textual's line API. Each row (a position: badge, speaker, answers,
then its text) is wrapped once and kept. A row shows one line of text cut with an ellipsis;
the selected row is expanded to the whole text, wrapped. A move of the selection re-renders
the two rows whose look changed (the one collapsing and the one expanding). Columns are at
least MIN_WIDTH cells wide: when more actors are shown than fit, the columns in view follow
the active one. Tabbed (narrow terminals), a strip of actor names replaces the headers and
only the active actor's column is drawn.
Each column scrolls on its own to keep the selected row in view; the mouse wheel scrolls
the column under the pointer. Clicks post PositionSelected or PanelChosen.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from ...model import Actor, Analysis, Position
from ..messages import PanelChosen, PositionSelected
from ..palette import Palette, palette_for
from ..text import active_style, corrected_tag, plain, position_prompt, prompt_parts
from .segments import Line, fit, look, with_meta, wrap

MIN_WIDTH = 28
SEPARATOR = "▏"
WHEEL_LINES = 3
ROWS_KEPT = 4096  # rendered rows kept (a few looks of every row of a long article)

K = TypeVar("K")
V = TypeVar("V")


class LRU(Generic[K, V]):
    """A dict that keeps the ``size`` most recently used entries."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        value = self._data.get(key)
        if value is not None:
            self._data.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> V:
        self._data[key] = value
        self._data.move_to_end(key)
        while len(self._data) > self.size:
            self._data.popitem(last=False)
        return value

    def clear(self) -> None:
        self._data.clear()

    def __len__(self) -> int:
        return len(self._data)

    def keys(self) -> list[K]:
        """The keys, least recently used first."""
        return list(self._data)


@dataclass
class Column:
    actor: Actor
    colour: str
    positions: list[Position] = field(default_factory=list)
    top: int = 0  # the first row line in view

    def __post_init__(self) -> None:
        self.ids = {p.id for p in self.positions}


@dataclass
class Drawn:
    """One drawn column: where it is and which position each of its row lines shows."""

    actor: str
    x: int
    width: int
    rows: dict[str, tuple[int, int]]  # position id -> (first line, line count) among the row lines


class PanelsView(Widget, can_focus=False):
    """All actor panels in one widget; the screen tells it what to show."""

    COMPONENT_CLASSES = {
        "panels-view--header",
        "panels-view--tabs",
        "panels-view--separator",
        "panels-view--empty",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.analysis: Analysis | None = None
        self.columns: dict[str, Column] = {}
        self.shown: list[str] = []
        self.lit: frozenset[str] = frozenset()
        self.selected: str | None = None
        self.active: str | None = None
        self.tabbed = False
        self._first = 0  # index in `shown` of the first column in view
        self._follow_selection = True
        # (theme, position, lit, selected, expanded, width) -> the row's lines
        self._rows: LRU[tuple[str, str, bool, bool, bool, int], list[Line]] = LRU(ROWS_KEPT)
        self._lines: list[Strip] | None = None
        self._painted: list[Strip] | None = None  # the lines as last sent to the screen
        self._update_due = False
        self._drawn: list[Drawn] = []
        self._built_width = 0
        self._base = RichStyle()  # the widget's own style, as of the last build
        self._gutters: dict[tuple[str, bool, bool], Line] = {}
        self._drawn_look: tuple[object, ...] = ()  # the theme and styles the kept lines were drawn with
        self._look_due = False  # styles changed: compare the look before the next build
        self._tab_offset = 0  # cells of the tab strip scrolled off to the left

    # -- what the screen tells it ---------------------------------------------------------------
    def set_columns(
        self,
        analysis: Analysis,
        actors: Sequence[Actor],
        colours: dict[str, str],
        rows: dict[str, list[Position]],
        shown: Sequence[str],
    ) -> None:
        """The actors (panel order), their colours and positions, and which are shown."""
        if analysis is not self.analysis:
            self._rows.clear()
        self.analysis = analysis
        tops = {actor: column.top for actor, column in self.columns.items()}
        self.columns = {
            a.id: Column(a, colours.get(a.id, "$primary"), list(rows.get(a.id, [])), tops.get(a.id, 0))
            for a in actors
        }
        self.shown = [actor for actor in shown if actor in self.columns]
        self._changed(follow=True)

    def set_lit(self, lit: frozenset[str]) -> None:
        if lit != self.lit:
            self.lit = lit
            self._changed()

    def select(self, position_id: str | None) -> None:
        if position_id != self.selected:
            self.selected = position_id
            self._changed(follow=True)

    def show_selection(self, position_id: str | None, lit: frozenset[str]) -> None:
        """The selected position and the positions linked to it."""
        self.set_lit(lit)
        self.select(position_id)

    def set_active(self, actor_id: str | None, *, tabbed: bool) -> None:
        if actor_id != self.active or tabbed != self.tabbed:
            self.active = actor_id
            self.tabbed = tabbed
            self._changed(follow=True)

    def _changed(self, *, follow: bool = False) -> None:
        """Redraw after the state changed: once per batch of changes, and only the lines that differ."""
        self._follow_selection = self._follow_selection or follow
        self._lines = None
        if not self._update_due:
            self._update_due = True
            self.call_later(self._repaint)

    def _repaint(self) -> None:
        self._update_due = False
        painted = self._painted
        lines = self._ensure_lines()
        self._painted = lines
        if painted is None or len(painted) != len(lines):
            self.refresh()
            return
        width = self.size.width
        for y, (old, new) in enumerate(zip(painted, lines, strict=True)):
            if old != new:
                self.refresh(Region(0, y, width, 1))

    def notify_style_update(self) -> None:
        """Theme or CSS changed: the look is compared before the next line is drawn.

        Not here: Textual updates the component classes' styles after this call, so reading
        them now would see (and cache) the previous theme's colours.
        """
        super().notify_style_update()
        self._look_due = True

    def _check_look(self) -> None:
        """Drop every kept row and line if the colours they were drawn with changed (a new theme)."""
        self._look_due = False
        if self._drawn_look and look(self, self.COMPONENT_CLASSES) != self._drawn_look:
            self._rows.clear()
            self._gutters.clear()
            self._lines = self._painted = None

    @property
    def palette(self) -> Palette:
        return palette_for(self.app)

    def on_resize(self) -> None:
        if self._lines is not None and len(self._lines) == self.size.height and self._built_width == self.size.width:
            return
        self._lines = self._painted = None
        self.refresh()

    # -- questions from the screen and tests ----------------------------------------------------
    def positions_of(self, actor_id: str) -> list[Position]:
        column = self.columns.get(actor_id)
        return list(column.positions) if column else []

    def visible_actors(self) -> list[str]:
        """The actors whose columns are drawn now."""
        self._ensure_lines()
        return [d.actor for d in self._drawn]

    def prompt_of(self, position_id: str) -> Content:
        """The Content of a position's row (without the selection's colours)."""
        if self.analysis is None:
            return Content("")
        position = next(p for p in self.analysis.positions if p.id == position_id)
        return position_prompt(self.analysis, position, lit=position_id in self.lit, palette=self.palette)

    def row_region(self, position_id: str) -> Region | None:
        """Where the row of ``position_id`` is drawn, relative to the widget (None: out of view)."""
        self._ensure_lines()
        for drawn in self._drawn:
            if position_id in drawn.rows:
                start, count = drawn.rows[position_id]
                top = self.columns[drawn.actor].top
                y = 1 + start - top  # below the header or the tabs
                if 0 <= y < self.size.height:
                    gap = self._gap()
                    return Region(drawn.x + gap, y, drawn.width - gap, count)
        return None

    # -- layout of the columns ----------------------------------------------------------------------
    def _columns_in_view(self, width: int) -> list[tuple[str, int, int]]:
        """(actor, x, width) of each drawn column."""
        shown = self.shown
        if not shown or width <= 0:
            return []
        if self.tabbed:
            actor = self.active if self.active in shown else shown[0]
            return [(actor, 0, width)]
        fit = max(1, min(len(shown), width // MIN_WIDTH))
        if self.active in shown:
            index = shown.index(self.active)
            if index < self._first:
                self._first = index
            elif index >= self._first + fit:
                self._first = index - fit + 1
        self._first = max(0, min(self._first, len(shown) - fit))
        out: list[tuple[str, int, int]] = []
        x = 0
        for n, actor in enumerate(shown[self._first : self._first + fit]):
            column_width = width // fit + (1 if n < width % fit else 0)
            out.append((actor, x, column_width))
            x += column_width
        return out

    def _ensure_lines(self) -> list[Strip]:
        if self._look_due:
            self._check_look()
        width, height = self.size
        if self._lines is None or len(self._lines) != height or width != self._built_width:
            self._lines = self._build(width, height)
            if self._painted is None:
                self._painted = self._lines
        return self._lines

    def _build(self, width: int, height: int) -> list[Strip]:
        """The lines of the widget: columns side by side (or the tabs and one column)."""
        self._built_width = width
        self._drawn_look = look(self, self.COMPONENT_CLASSES)
        self._drawn = []
        if height <= 0 or width <= 0:
            return []
        base = self._base = self.rich_style
        views = self._columns_in_view(width)
        separator = self._separator()
        gap = self._gap()
        columns: list[list[Line]] = []
        body = height - 1
        hidden_left, hidden_right = self._first > 0, self._first + len(views) < len(self.shown)
        for actor, x, column_width in views:
            inner = max(column_width - gap, 1)
            rows, spans = self._row_lines(self.columns[actor], inner, body)
            self._drawn.append(Drawn(actor, x, column_width, spans))
            more = (x == 0 and hidden_left, x + column_width >= width and hidden_right)
            head = [] if self.tabbed else [self._header(self.columns[actor], inner, more)]
            columns.append(head + rows)
        self._follow_selection = False
        out: list[Strip] = []
        if self.tabbed:
            out.append(Strip(fit(self._tabs(width), width, base), width))
        for index in range(height - len(out)):
            segments: Line = []
            for (_, _, column_width), lines in zip(views, columns, strict=True):
                segments.extend(separator)
                if index < len(lines):
                    segments.extend(lines[index])
                else:
                    segments.append(Segment(" " * (column_width - gap), base))
            out.append(Strip(fit(segments, width, base), width))
        return out

    # -- drawing pieces -----------------------------------------------------------------------------
    def _row_lines(self, column: Column, width: int, height: int) -> tuple[list[Line], dict[str, tuple[int, int]]]:
        """The row lines in view (``height`` at most) and where each rendered row starts.

        Rows are rendered (and kept) only as far as needed: to the selected row, to find where to
        scroll, then to the bottom of the view. A long panel costs what it shows, not its length.
        """
        lines: list[Line] = []
        spans: dict[str, tuple[int, int]] = {}
        positions = column.positions
        if not positions:
            empty = Content("  no positions").stylize_before(self.get_visual_style("panels-view--empty"))
            return [fit(line, width, self.rich_style) for line in self._wrap(empty, width)], spans
        done = 0

        def render_until(enough: Callable[[], bool]) -> None:
            nonlocal done
            while done < len(positions) and not enough():
                position = positions[done]
                row = self._row(position, width)
                spans[position.id] = (len(lines), len(row))
                lines.extend(row)
                done += 1

        if self._follow_selection and self.selected in column.ids:
            render_until(lambda: self.selected in spans)
            start, count = spans[self.selected]
            if start < column.top or start + count > column.top + height:
                # Centred, as in the article: the next moves need no scrolling. A row taller
                # than the view starts at its top, so its head line shows.
                column.top = max(0, start - max(height - count, 0) // 2)
        render_until(lambda: len(lines) >= column.top + height)
        if done == len(positions):
            column.top = max(0, min(column.top, len(lines) - height))
        return lines[column.top : column.top + height], spans

    def _row(self, position: Position, width: int) -> list[Line]:
        lit = position.id in self.lit
        selected = position.id == self.selected
        expanded = selected  # the selected row shows its whole text
        key = (self.palette.name, position.id, lit, selected, expanded, width)
        row = self._rows.get(key)
        if row is None:
            row = self._render_row(position, width, lit=lit, selected=selected, expanded=expanded)
            self._rows.put(key, row)
        return row

    def _render_row(self, position: Position, width: int, *, lit: bool, selected: bool, expanded: bool) -> list[Line]:
        """The head line (lit mark, badge, speaker, answers) and the text, both hanging two cells in:
        the whole text wrapped if ``expanded``, else one line cut with an ellipsis."""
        assert self.analysis is not None
        palette = self.palette
        clip_to = None if expanded else max(width - 2, 1)
        head, text = prompt_parts(self.analysis, position, lit=lit, width=width, palette=palette, clip_to=clip_to)
        style = palette.cursor_style() if selected else None
        mark, body, indent = head[:2], Content("\n").join([head[2:], text]), Content("  ")
        if style is not None:
            mark, body, indent = (part.stylize(style) for part in (mark, body, indent))  # readable badges
        gutters = [self._gutter(mark, lit, selected), self._gutter(indent, False, selected)]
        fill = style.rich_style if style is not None else self._base
        meta = {"position": position.id}
        return [
            with_meta(fit(gutters[min(n, 1)] + line, width, fill), meta)
            for n, line in enumerate(self._wrap(body, max(width - 2, 1)))
        ]

    def _gutter(self, content: Content, lit: bool, selected: bool) -> Line:
        """The two cells left of a row line: the lit mark or blanks (three looks per theme, kept)."""
        key = (self.palette.name, lit, selected)
        if key not in self._gutters:
            self._gutters[key] = fit(self._wrap(content, 2)[0], 2, None)
        return self._gutters[key]

    def _header(self, column: Column, width: int, more: tuple[bool, bool] = (False, False)) -> Line:
        """The actor's name (✎ if the user renamed or merged it) and count; ‹ and › say that more
        panels lie to the left or right.

        A long name is cut with an ellipsis, so the count and the column's edge stay clear.
        """
        active = column.actor.id == self.active
        count = len(column.positions)
        name_style = active_style(column.colour, self.palette) if active else "bold"  # the marker carries the colour
        style = self.get_visual_style("panels-view--header")
        left = "‹ " if more[0] else ""
        room = width - 2 if more[1] else width
        tally = f" {count} position{'s' if count != 1 else ''}"
        edited = corrected_tag(self.palette, on="panel", short=True) if column.actor.corrected else Content("")
        name_room = room - len(left) - 1 - 2 - len(tally) - edited.cell_length  # marker, spaces around the name
        if name_room < 4:  # too narrow for name and count: the name alone
            tally, name_room = "", room - len(left) - 3 - edited.cell_length
        name = plain(column.actor.name).truncate(max(name_room, 1), ellipsis=True)
        content = Content.assemble(
            left,
            Content.styled("▶" if active else "■", column.colour),
            Content.assemble(" ", name, " ").stylize(name_style),
            edited,
            tally,
        ).stylize_before(style)
        line = fit(self._wrap(content, room, fold=False)[0], room, style.rich_style)
        if more[1]:
            line = line + [Segment(" ›", style.rich_style)]
        return with_meta(fit(line, width, style.rich_style), {"actor": column.actor.id})

    def _tabs(self, width: int) -> Line:
        """The tab strip: every shown actor's name, scrolled so the active tab is in view.

        ‹ and › at the ends say that more tabs lie to the left or right.
        """
        style = self.get_visual_style("panels-view--tabs")
        palette = self.palette
        parts: list[Content] = []
        active_span = (0, 0)
        x = 1
        for actor in self.shown:
            column = self.columns[actor]
            if actor == self.active:
                tab = plain(f" {column.actor.name} ").stylize(active_style(column.colour, palette))
            else:  # a coloured marker, the name in the text colour: readable on any theme
                tab = Content.assemble(Content.styled("■", column.colour), plain(f" {column.actor.name} "))
            if column.actor.corrected:  # renamed or merged by the user
                tab = Content.assemble(tab, corrected_tag(palette, on="panel", short=True), " ")
            if actor == self.active:
                active_span = (x, x + tab.cell_length)
            parts.append(tab.stylize(Style.from_meta({"actor": actor})))
            x += tab.cell_length + 1
        content = Content.assemble(" ", Content(" ").join(parts)).stylize_before(style)
        total = content.cell_length
        if total <= width:
            self._tab_offset = 0
            return fit(self._wrap(content, width, fold=False)[0], width, style.rich_style)
        view = width - 4  # room between the ‹ and › markers
        offset = min(self._tab_offset, total - view)
        if active_span[0] < offset:
            offset = active_span[0] - 1
        elif active_span[1] > offset + view:
            offset = active_span[1] - view + 1
        offset = self._tab_offset = max(0, min(offset, total - view))
        shown = content[offset : offset + view]
        left = "‹ " if offset > 0 else "  "
        right = " ›" if offset + view < total else "  "
        strip = Content.assemble(left, shown, right).stylize_before(style)
        return fit(self._wrap(strip, width, fold=False)[0], width, style.rich_style)

    def _gap(self) -> int:
        """Cells left of each column for the separator (none when tabbed: one column fills the width)."""
        return 0 if self.tabbed else len(SEPARATOR)

    def _separator(self) -> Line:
        """The cell left of each column (none when tabbed)."""
        if not self._gap():
            return []
        content = Content(SEPARATOR).stylize_before(self.get_visual_style("panels-view--separator"))
        return fit(self._wrap(content, 1)[0], 1, self.rich_style)

    def _wrap(self, content: Content, width: int, *, fold: bool = True) -> list[Line]:
        return wrap(self, content, width, self.visual_style, fold=fold)

    def render_line(self, y: int) -> Strip:
        lines = self._ensure_lines()
        return lines[y] if y < len(lines) else Strip.blank(self.size.width, self.rich_style)

    # -- mouse ----------------------------------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        meta = event.style.meta
        if meta.get("position"):
            event.stop()
            self.post_message(PositionSelected(meta["position"]))
        elif meta.get("actor"):
            event.stop()
            self.post_message(PanelChosen(meta["actor"]))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._wheel(event, WHEEL_LINES)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._wheel(event, -WHEEL_LINES)

    def _wheel(self, event: events.MouseEvent, lines: int) -> None:
        drawn = next((d for d in self._drawn if d.x <= event.x < d.x + d.width), None)
        if drawn is None:
            return
        event.stop()
        self.columns[drawn.actor].top = max(0, self.columns[drawn.actor].top + lines)
        self._changed()
