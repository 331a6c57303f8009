"""The detail line under the article and panels: the selection and its link."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ...model import Analysis, Link, Position, kind_badge
from ..text import REPLY_MARK, plain, shorten


class DetailBar(Static):
    """Two lines: what is selected, then the relation, score and reason of its link."""

    DEFAULT_CSS = """
    DetailBar { height: 2; padding: 0 1; }
    """

    def show_text(self, message: str) -> None:
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
        summary = self._summary(analysis, position)
        lines = [summary, self._link(analysis, position, link, cycle, links)]
        self.update(Content("\n").join(lines), layout=False)  # fixed height

    @staticmethod
    def _summary(analysis: Analysis, position: Position) -> Content:
        actor = analysis.actor(position.actor)
        name = actor.name if actor else position.actor
        who = f"{name} ({position.speaker})" if position.speaker and position.speaker != name else name
        kind = kind_badge(position.kind)
        how = "quote" if position.direct else "reported"
        return Content.assemble(
            (kind, "bold"), " · ", plain(who), " · ", (how, "$text-muted"), " · ",
            plain(shorten(position.text, 200)),
        )

    @staticmethod
    def _link(
        analysis: Analysis,
        position: Position,
        link: tuple[Position, Link] | None,
        cycle: tuple[int, int] | None,
        links: int,
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
            f" · score {lk.score:.2f} · ",
            plain(lk.reason),
        )
