"""The article: title and paragraphs, with each position's span in its actor's colour."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

from ...model import Article, Paragraph, Position
from ..messages import PositionSelected
from ..text import Marks, paragraph_content, plain


class ParagraphView(Static):
    """One paragraph; re-rendered only when the marks inside it change."""

    DEFAULT_CSS = """
    ParagraphView { margin-bottom: 1; }
    """

    def __init__(self, text: str, start: int, index: int) -> None:
        super().__init__(plain(text), classes="paragraph", id=f"paragraph-{index}")
        self.text = text
        self.start = start
        self.end = start + len(text)
        self.positions: list[Position] = []
        self.colours: dict[str, str] = {}
        self.marks = Marks()

    def show(self, positions: Sequence[Position], colours: dict[str, str], marks: Marks) -> None:
        self.positions = list(positions)
        self.colours = colours
        self.marks = marks
        content = paragraph_content(self.text, self.start, self.positions, colours, marks)
        self.update(content, layout=False)  # same text, new styles: the height cannot change

    def mark(self, marks: Marks) -> None:
        if marks != self.marks:
            self.marks = marks
            content = paragraph_content(self.text, self.start, self.positions, self.colours, marks)
            self.update(content, layout=False)  # styles only: the wrapping cannot change

    def line_of(self, offset: int) -> int:
        """The wrapped line (0-based) holding article ``offset``, for scrolling."""
        width = max(self.content_region.width, 1)
        lines = Content(self.text, strip_control_codes=False).wrap(width)
        consumed = 0
        target = offset - self.start
        for number, line in enumerate(lines):
            consumed += len(line.plain)
            while consumed < len(self.text) and self.text[consumed] in " \n":
                consumed += 1
            if target < consumed:
                return number
        return max(len(lines) - 1, 0)

    def on_click(self, event: events.Click) -> None:
        position_id = event.style.meta.get("position")
        if position_id:
            event.stop()
            self.post_message(PositionSelected(position_id))


class ArticleView(VerticalScroll, can_focus=True, inherit_bindings=False):
    """Scrollable article. The screen sets marks; clicks post PositionSelected.

    Only page keys scroll it: arrows, home and end belong to the screen's moves.
    """

    BINDINGS = [
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
    ]

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = article
        self._views: list[ParagraphView] | None = None

    def compose(self):
        title = self.article.title or self.article.source
        yield Static(plain(title), id="article-title")
        for index, paragraph in enumerate(self.paragraphs()):
            text = self.article.text[paragraph.start : paragraph.end]
            yield ParagraphView(text, paragraph.start, index)

    def show_title(self, title: str) -> None:
        self.query_one("#article-title", Static).update(plain(title))

    def paragraphs(self) -> list[Paragraph]:
        return list(self.article.paragraphs) or [Paragraph(0, len(self.article.text))]

    def paragraph_views(self) -> list[ParagraphView]:
        if self._views is None:
            self._views = list(self.query(ParagraphView))
        return self._views

    def set_positions(self, positions: Sequence[Position], colours: dict[str, str], marks: Marks) -> None:
        for view in self.paragraph_views():
            inside = [p for p in positions if p.start < view.end and p.end > view.start]
            view.show(inside, colours, self._marks_for(view, marks))

    def mark(self, marks: Marks) -> None:
        for view in self.paragraph_views():
            view.mark(self._marks_for(view, marks))

    @staticmethod
    def _marks_for(view: ParagraphView, marks: Marks) -> Marks:
        ids = {p.id for p in view.positions}
        return Marks(
            selected=marks.selected if marks.selected in ids else None,
            lit=frozenset(marks.lit & ids),
            hidden=frozenset(marks.hidden & ids),
            matches=tuple(m for m in marks.matches if m[0] < view.end and m[1] > view.start),
            current_match=marks.current_match
            if marks.current_match and view.start <= marks.current_match[0] < view.end
            else None,
        )

    def view_at(self, offset: int) -> ParagraphView | None:
        views = self.paragraph_views()
        return next((v for v in views if v.start <= offset < v.end + 2), views[-1] if views else None)

    def scroll_to_offset(self, start: int, end: int | None = None) -> None:
        """Scroll so the text from ``start`` to ``end`` is visible: centred if it was not, else no move.

        Centring (rather than the least scroll) lets the next moves happen without scrolling.
        """
        view = self.view_at(start)
        if view is None:
            return
        first = view.line_of(start)
        last = view.line_of(end - 1) if end and end > start else first
        top = view.virtual_region.y + view.styles.gutter.top
        region = Region(0, top + first, view.size.width, last - first + 1)
        window = Region(0, round(self.scroll_offset.y), view.size.width, self.scrollable_content_region.height)
        if window.contains_region(region):
            return
        self.scroll_to_region(region, animate=False, center=True, immediate=True)
