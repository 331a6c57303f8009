"""The detail line under the article and panels: the selection and its link."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ...model import Analysis, Link, Position, kind_badge
from ..palette import Palette, palette_for
from ..text import REPLY_MARK, corrected_tag, plain, shorten


class DetailBar(Static):
    """Two lines: what is selected, then the relation, score and reason of its link.

    What the user corrected (the position, its party, an added link) carries '✎ corrected', in a
    colour worked out for the theme: a theme change draws the lines again.
    """

    DEFAULT_CSS = """
    DetailBar { height: 2; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # the arguments of the last show(), to draw it again in a new theme's colours
        self._shown: tuple[Analysis, Position, tuple[Position, Link] | None, tuple[int, int] | None, int] | None = None

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        if self._shown is not None:
            analysis, position, link, cycle, links = self._shown
            self.show(analysis, position, link, cycle=cycle, links=links)

    def show_text(self, message: str) -> None:
        self._shown = None
        self.update(plain(message), layout=False)

    def show(
        self,
        analysis: Analysis,
        position: Position | None,
        link: tuple[Position, Link] | None,
        *,
        cycle: tuple[int, int] | None = None,
        links: int = 0,
    ) -> None:
        if position is None:
            self.show_text("No position selected: j/k to move, ? for help.")
            return
        palette = palette_for(self.app)
        self._shown = (analysis, position, link, cycle, links)
        summary = self._summary(analysis, position, palette)
        lines = [summary, self._link(analysis, position, link, cycle, links, palette)]
        self.update(Content("\n").join(lines), layout=False)  # fixed height

    @staticmethod
    def _summary(analysis: Analysis, position: Position, palette: Palette) -> Content:
        actor = analysis.actor(position.actor)
        name = actor.name if actor else position.actor
        who = f"{name} ({position.speaker})" if position.speaker and position.speaker != name else name
        kind = kind_badge(position.kind)
        how = "quote" if position.direct else "reported"
        tag = corrected_tag(palette, on="panel")
        return Content.assemble(
            (kind, "bold"), " · ",
            *((tag, " · ") if position.corrected else ()),
            plain(who), *((" ", corrected_tag(palette, on="panel", short=True)) if actor and actor.corrected else ()),
            " · ", (how, "$text-muted"), " · ",
            plain(shorten(position.text, 200)),
        )

    @staticmethod
    def _link(
        analysis: Analysis,
        position: Position,
        link: tuple[Position, Link] | None,
        cycle: tuple[int, int] | None,
        links: int,
        palette: Palette,
    ) -> Content:
        if link is None:
            if position.id in analysis.unanswered:
                return Content.styled("unanswered", "italic $text-muted")
            return Content.styled("no linked position", "$text-muted")
        other, lk = link
        actor = analysis.actor(other.actor)
        name = actor.name if actor else other.actor
        # A link runs from the position answered (source) to the reply (target).
        lead = f"{REPLY_MARK} reply from " if lk.source == position.id else "replies to "
        if cycle:
            count = f" ({cycle[0]}/{cycle[1]})"
        else:
            count = f" (first of {links})" if links > 1 else ""
        return Content.assemble(
            (lead, "bold"),
            plain(f"{name} {kind_badge(other.kind)}"),
            (count, "$text-muted"),
            " · ",
            (lk.relation, "bold"),
            *((" · ", corrected_tag(palette, on="panel")) if lk.corrected else ()),
            f" · score {lk.score:.2f} · ",
            plain(lk.reason),
        )
