"""The article: title and paragraphs, with each position's span in its actor's colour.

One widget drawn with Textual's line API (like Textual's own Log): every paragraph is
wrapped once per width into strips that are kept, so a move of the selection re-renders
only the paragraphs whose marks changed and the screen copies the rest.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.style import Style as RichStyle
from textual import events
from textual.content import Content
from textual.geometry import Offset, Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...model import Article, Paragraph, Position
from ..messages import PositionSelected
from ..palette import palette_for
from ..text import Marks, paragraph_content, plain
from .segments import fit, look, wrap

RULE = "▁"  # under the title, as Textual draws an "hkey" border


@dataclass
class Block:
    """One paragraph: its text and place in the article, what is marked in it, its wrapped lines."""

    index: int
    start: int
    text: str
    positions: list[Position] = field(default_factory=list)
    marks: Marks = field(default_factory=Marks)
    strips: list[Strip] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)  # article offset where each line begins
    top: int = 0  # first line of the block in the view

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """Scrollable article. The screen sets positions and marks; clicks post PositionSelected.

    It binds no key: arrows, home and end are the screen's moves, and the page keys are the
    screen's too (``reader.page_down``), so a keymap can give space to another binding.
    """

    COMPONENT_CLASSES = {"article-view--title", "article-view--rule", "article-view--source"}
    DEFAULT_CSS = """
    ArticleView > .article-view--source { color: $text-muted; }
    """


    def __init__(self, article: Article, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = article
        self.title = article.title or article.source
        self.colours: dict[str, str] = {}
        self.blocks = [
            Block(index, paragraph.start, article.text[paragraph.start : paragraph.end])
            for index, paragraph in enumerate(self.paragraphs())
        ]
        # The article's own title is its first paragraph: drawn once, as the heading, with its marks.
        first = self.blocks[0].text.strip() if self.blocks else ""
        self.heading = self.blocks[0] if article.title and first == article.title.strip() else None
        self._width = 0
        self._title_strips: list[Strip] = []
        self._lines: list[Strip] = []
        self._base: RichStyle | None = None  # the widget's own style, kept while the theme is unchanged
        self._drawn_look: tuple[object, ...] = ()  # the theme and styles the kept lines were drawn with
        self._look_due = False  # styles changed: compare the look before the next line is drawn
        self._target: tuple[int, int | None] | None = None  # the text last scrolled to
        self.source_line = ""  # outlet · date · URL, under the title
        self._source_strips: list[Strip] = []

    def paragraphs(self) -> list[Paragraph]:
        return list(self.article.paragraphs) or [Paragraph(0, len(self.article.text))]

    # -- what the screen tells it ---------------------------------------------------------------
    def show_title(self, title: str) -> None:
        self.title = title
        self._rewrap()

    def show_source(self, line: str) -> None:
        """The line under the title that says where and when the article was published."""
        if line != self.source_line:
            self.source_line = line
            self._rewrap()

    def set_positions(self, positions: Sequence[Position], colours: dict[str, str], marks: Marks) -> None:
        self.colours = colours
        for block in self.blocks:
            block.positions = []
        starts = [block.start for block in self.blocks]
        for p in positions:  # the blocks each position overlaps, by binary search (not blocks x positions)
            first = max(0, bisect_right(starts, p.start) - 1)
            for block in self.blocks[first: bisect_left(starts, p.end)]:
                if p.start < block.end and p.end > block.start:
                    block.positions.append(p)
        for block in self.blocks:
            block.marks = self._marks_for(block, marks)
            block.strips = []
        self._rewrap()

    def mark(self, marks: Marks) -> None:
        """Re-render the paragraphs whose marks changed (their wrapping cannot change)."""
        for block in self.blocks:
            block_marks = self._marks_for(block, marks)
            if block_marks == block.marks:
                continue
            block.marks = block_marks
            if self._width and self._lines:
                count = len(block.strips)
                block.strips = self._render_block(block, self._width)
                if len(block.strips) != count:  # styles never change the wrapping; if they did, redo all
                    self._join_lines()
                    continue
                self._lines[block.top : block.top + count] = block.strips
                self.refresh_lines(block.top, count)

    def marks_of(self, index: int) -> Marks:
        """What is marked in paragraph ``index`` (for tests and tools)."""
        return self.blocks[index].marks

    def content_of(self, index: int) -> Content:
        """The styled Content of paragraph ``index`` as drawn."""
        block = self.blocks[index]
        palette = palette_for(self.app)
        return paragraph_content(block.text, block.start, block.positions, self.colours, block.marks, palette)

    @staticmethod
    def _marks_for(block: Block, marks: Marks) -> Marks:
        ids = {p.id for p in block.positions}
        return Marks(
            selected=marks.selected if marks.selected in ids else None,
            lit=frozenset(marks.lit & ids),
            hidden=frozenset(marks.hidden & ids),
            matches=tuple(m for m in marks.matches if m[0] < block.end and m[1] > block.start),
            current_match=marks.current_match
            if marks.current_match and block.start <= marks.current_match[0] < block.end
            else None,
        )

    # -- wrapping ---------------------------------------------------------------------------------
    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._rewrap()

    def _rewrap(self) -> None:
        """Wrap everything at the current width (nothing happens before the widget has a size)."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        self._width = width
        self._base = self.rich_style
        self._drawn_look = look(self, self.COMPONENT_CLASSES)
        label = self.title
        if self.heading is not None and self.article.title and label.startswith(self.article.title):
            label = label[len(self.article.title):].strip(" ·")  # only what a filter adds: "demands"
        self._title_strips = self._to_strips(plain(label), width, "article-view--title") if label else []
        source = self.source_line
        self._source_strips = self._to_strips(plain(source), width, "article-view--source") if source else []
        for block in self.blocks:
            block.strips = self._render_block(block, width)
            block.line_starts = _line_starts(block, block.strips)
        self._join_lines()

    def _render_block(self, block: Block, width: int) -> list[Strip]:
        content = self.content_of(block.index)
        return self._to_strips(content, width, "article-view--title" if block is self.heading else None)

    def _to_strips(self, content: Content, width: int, component: str | None = None) -> list[Strip]:
        """``content`` wrapped at ``width``, one Strip a line, each padded to the width."""
        if component is not None:
            content = content.stylize_before(self.get_visual_style(component))
        base = self._base
        return [Strip(fit(line, width, base), width) for line in wrap(self, content, width, self.visual_style)]

    def _join_lines(self) -> None:
        rule = self._to_strips(Content(RULE * self._width), self._width, "article-view--rule")
        blank = Strip.blank(self._width, self._base)
        lines: list[Strip] = []
        if self.heading is not None:
            self.heading.top = 0
            lines.extend(self.heading.strips)
        lines.extend([*self._title_strips, *self._source_strips, *rule, blank])
        for block in self.blocks:
            if block is self.heading:
                continue
            block.top = len(lines)
            lines.extend(block.strips)
            lines.append(blank)
        self._lines = lines
        self.virtual_size = Size(self._width, len(lines))
        self.refresh()
        if self._target is not None:
            # New wrapping, new line numbers: bring the selection back into view once the
            # new virtual size is known.
            self.call_after_refresh(self.scroll_to_offset, *self._target)

    # -- drawing ----------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        if self._look_due:
            self._check_look()
        if not self._lines or self._base is None:
            self._rewrap()  # the first render comes before the first Resize event
        if index >= len(self._lines):
            return Strip.blank(self._width, self._base)
        line = self._lines[index]
        return line if not scroll_x else line.crop_extend(scroll_x, scroll_x + self._width, self._base)

    def notify_style_update(self) -> None:
        """Theme or CSS changed: the look is compared before the next line is drawn.

        Not here: Textual updates the component classes' styles after this call, so reading
        them now would see (and cache) the previous theme's colours.
        """
        super().notify_style_update()
        self._look_due = True

    def _check_look(self) -> None:
        """Drop the kept lines if the colours they were drawn with changed (a new theme)."""
        self._look_due = False
        if self._base is not None and look(self, self.COMPONENT_CLASSES) != self._drawn_look:
            self._lines = []
            self._base = None

    # -- offsets, lines and cells -------------------------------------------------------------------
    def block_at(self, offset: int) -> Block | None:
        return next((b for b in self.blocks if b.start <= offset < b.end + 2), self.blocks[-1] if self.blocks else None)

    def line_of(self, offset: int) -> int:
        """The line of the view (0 = the title's first) that draws article ``offset``."""
        block = self.block_at(offset)
        if block is None:
            return 0
        number = max((i for i, start in enumerate(block.line_starts) if start <= offset), default=0)
        return block.top + number

    def offset_at_line(self, line: int) -> int:
        """The article offset drawn first on view line ``line`` (0 above the first paragraph)."""
        block = next((b for b in self.blocks if b is not self.heading and b.top + len(b.strips) > line), None)
        if block is None:
            return len(self.article.text)
        number = max(0, line - block.top)
        return block.line_starts[number] if number < len(block.line_starts) else block.start

    def top_offset(self) -> int | None:
        """The article offset at the top of the view, or None when the view is not scrolled."""
        top = round(self.scroll_offset.y)
        return self.offset_at_line(top) if top > 0 and self._lines else None

    def in_view(self, offset: int) -> bool:
        """Whether article ``offset`` is drawn in the visible part of the view."""
        top = round(self.scroll_offset.y)
        return bool(self._lines) and top <= self.line_of(offset) < top + self.scrollable_content_region.height

    def hold(self, offset: int) -> None:
        """Keep article ``offset`` in view when the text is wrapped again, without scrolling now."""
        self._target = (offset, None)

    def cell_of(self, offset: int) -> Offset:
        """Where article ``offset`` is drawn, relative to the widget's content (before scrolling)."""
        block = self.block_at(offset)
        line = self.line_of(offset)
        start = block.line_starts[line - block.top] if block and block.line_starts else 0
        return Offset(offset - start, line)

    def scroll_to_offset(self, start: int, end: int | None = None) -> None:
        """Scroll so the text from ``start`` to ``end`` is visible: centred if it was not, else no move.

        Centring (rather than the least scroll) lets the next moves happen without scrolling.
        """
        self._target = (start, end)
        if not self._lines:
            return  # wrapped at the first render, which scrolls there then
        first = self.line_of(start)
        last = self.line_of(end - 1) if end and end > start else first
        region = Region(0, first, self._width, last - first + 1)
        window = Region(0, round(self.scroll_offset.y), self._width, self.scrollable_content_region.height)
        if window.contains_region(region):
            return
        self.scroll_to_region(region, animate=False, center=True, immediate=True)

    def on_click(self, event: events.Click) -> None:
        position_id = event.style.meta.get("position")
        if position_id:
            event.stop()
            self.post_message(PositionSelected(position_id))


def _line_starts(block: Block, strips: Sequence[Strip]) -> list[int]:
    """The article offset of the first character of each wrapped line of ``block``."""
    starts: list[int] = []
    consumed = 0
    text = block.text
    for strip in strips:
        while consumed < len(text) and text[consumed] in " \n":
            consumed += 1
        starts.append(block.start + consumed)
        consumed += len(strip.text.rstrip(" "))
    return starts
