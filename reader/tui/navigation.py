"""Moving across positions: article order, links, history, filters. No Textual here.

The main screen owns one :class:`Navigator` and asks it where a key leads; widgets only
draw what the screen tells them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import Analysis, Link, Position


def panel_order(analysis: Analysis) -> list[str]:
    """Actor ids with positions, most positions first (ties: first to speak first)."""
    counts = Counter(p.actor for p in analysis.positions)
    first_seen: dict[str, int] = {}
    for p in sorted(analysis.positions, key=lambda p: p.start):
        first_seen.setdefault(p.actor, p.start)
    known = [a.id for a in analysis.actors if a.id in counts]
    known += [actor for actor in counts if actor not in known]
    return sorted(known, key=lambda a: (-counts[a], first_seen.get(a, 0)))


def pick_actors(analysis: Analysis, wanted: Sequence[str] | None, default: int = 3) -> list[str]:
    """The actor ids to show: those named in ``wanted`` (by id, name, alias or initials) or the top ones."""
    order = panel_order(analysis)
    if not wanted:
        return order[:default]
    picked: list[str] = []
    for name in wanted:
        actor_id = match_actor(analysis, name)
        if actor_id and actor_id not in picked:
            picked.append(actor_id)
    return picked or order[:default]


def unmatched_actors(analysis: Analysis, wanted: Sequence[str] | None) -> list[str]:
    """The names in ``wanted`` that match no party of the analysis."""
    return [name for name in wanted or () if match_actor(analysis, name) is None]


def unmatched_message(analysis: Analysis, wanted: Sequence[str] | None, limit: int = 12) -> str | None:
    """One line saying which wanted names matched no party and which parties there are, or None."""
    missing = unmatched_actors(analysis, wanted)
    if not missing:
        return None
    names = [actor.name for actor_id in panel_order(analysis) if (actor := analysis.actor(actor_id))]
    listed = ", ".join(names[:limit]) + (f" and {len(names) - limit} more" if len(names) > limit else "")
    quoted = ", ".join(repr(name) for name in missing)
    fallback = "; showing the most active instead" if len(missing) == len(wanted or ()) else ""
    parties = f"the parties are {listed}" if names else "the article has no party with a position"
    return f"--actors: no party matches {quoted}{fallback} ({parties})"


def match_actor(analysis: Analysis, name: str) -> str | None:
    key = _norm(name)
    if not key:
        return None
    for actor in analysis.actors:
        names = {actor.id, actor.name, *actor.aliases}
        if key in {_norm(n) for n in names} or key == _initials(actor.name):
            return actor.id
    for actor in analysis.actors:
        if _norm(actor.name).startswith(key):
            return actor.id
    return None


def _norm(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    return "".join(w[0] for w in words).casefold() if len(words) > 1 else ""


@dataclass
class Navigator:
    """Selection state over an analysis: the selected position, filter, history, link cycling."""

    analysis: Analysis
    shown: list[str] = field(default_factory=list)  # actor ids with a visible panel
    order: list[str] = field(default_factory=list)  # every party with positions, in panel order
    kind: str | None = None  # kind filter
    selected: str | None = None
    history: list[str] = field(default_factory=list)
    _follow: tuple[str, int] | None = None

    def __post_init__(self) -> None:
        self.ordered = sorted(self.analysis.positions, key=lambda p: (p.start, p.end))
        self.by_id = {p.id: p for p in self.ordered}
        if not self.order:  # the chosen parties first, then the others by activity
            self.order = [*self.shown, *(a for a in panel_order(self.analysis) if a not in self.shown)]

    def panels(self) -> list[str]:
        """The shown parties, in panel order."""
        return [a for a in self.order if a in self.shown]

    # -- what is visible ------------------------------------------------------------------
    def visible(self, actor: str | None = None) -> list[Position]:
        """Positions in article order that pass the filter and belong to shown actors."""
        return [
            p
            for p in self.ordered
            if (actor is None and p.actor in self.shown or p.actor == actor)
            and (self.kind is None or p.kind == self.kind)
        ]

    def hidden_ids(self) -> frozenset[str]:
        """Positions filtered out by kind (the article does not highlight them)."""
        if self.kind is None:
            return frozenset()
        return frozenset(p.id for p in self.ordered if p.kind != self.kind)

    def kinds(self) -> list[str]:
        """The kinds of the positions in the shown panels, in the contract's order."""
        from ..model import KINDS

        present = {p.kind for p in self.ordered if p.actor in self.shown}
        return [k for k in KINDS if k in present]

    @property
    def current(self) -> Position | None:
        return self.by_id.get(self.selected) if self.selected else None

    # -- what is shown --------------------------------------------------------------------
    def reveal(self, position: Position | None) -> tuple[bool, bool]:
        """Make ``position`` visible (a link may lead outside the panels or the filter): show its
        party's panel and drop a filter that hides it. Returns (panel added, filter dropped)."""
        if position is None:
            return False, False
        added = position.actor not in self.shown
        if added:
            self.shown.append(position.actor)
        dropped = self.kind is not None and position.kind != self.kind
        if dropped:
            self.kind = None
        return added, dropped

    def show_actors(self, actors: Sequence[str]) -> bool:
        """Show the panels of ``actors``; a filter none of them has is dropped (True then), and a
        selection in a hidden panel moves to the first visible position."""
        self.shown = list(actors)
        dropped = self.kind is not None and self.kind not in self.kinds()
        if dropped:
            self.kind = None
        if self.current is not None and self.current.actor not in self.shown:
            self.select(None)
            self.step(1)
        return dropped

    def reorder(self, first: Sequence[str]) -> list[str]:
        """Put the parties of ``first`` (those of the analysis) first in panel order, the others after."""
        known = set(self.order)
        self.order = [a for a in first if a in known] + [a for a in self.order if a not in first]
        return self.order

    def set_filter(self, kind: str | None) -> str | None:
        """Filter on ``kind`` when a shown panel has it, else show every kind."""
        self.kind = kind if kind in self.kinds() else None
        return self.kind

    def filter_next(self) -> str | None:
        """The next kind filter (:meth:`cycle_kind`); a selection it hides moves to the first
        visible position at or after it."""
        kind = self.cycle_kind()
        current = self.current
        if current is None or current.id not in {p.id for p in self.visible()}:
            self.selected = None
            items = self.visible()
            after = next((p for p in items if current and p.start >= current.start), None)
            self.select((after or items[0]).id if items else None)
        return kind

    def link_origin(self) -> Position | None:
        """The position the last followed link started from."""
        return self.by_id.get(self.history[-1]) if self.history else None

    # -- moves ------------------------------------------------------------------------------
    def select(self, position_id: str | None) -> Position | None:
        if position_id is not None and position_id not in self.by_id:
            return None
        if position_id != self.selected:
            self._follow_reset_unless(position_id)
        self.selected = position_id
        return self.current

    def _follow_reset_unless(self, position_id: str | None) -> None:
        if self._follow is None:
            return
        origin, index = self._follow
        targets = [p.id for p, _ in self.links_of(origin)]
        if position_id not in targets:
            self._follow = None

    def step(self, delta: int) -> Position | None:
        """Next (+1) or previous (-1) visible position in article order; None at the ends."""
        items = self.visible()
        if not items:
            return None
        current = self.current
        if current is None:
            target = items[0] if delta > 0 else items[-1]
        elif delta > 0:
            here = (current.start, current.end)
            target = next((p for p in items if (p.start, p.end) > here), None)
        else:
            here = (current.start, current.end)
            target = next((p for p in reversed(items) if (p.start, p.end) < here), None)
        if target is not None:
            self.select(target.id)
        return target

    def can_step(self, delta: int) -> bool:
        items = self.visible()
        current = self.current
        if not items:
            return False
        if current is None or current.id not in {p.id for p in items}:
            return True
        index = items.index(current)
        return 0 <= index + delta < len(items)

    def edge(self, last: bool) -> Position | None:
        items = self.visible()
        if not items:
            return None
        return self.select((items[-1] if last else items[0]).id)

    def select_from(self, offset: int) -> Position | None:
        """Select the first visible position at or after ``offset`` (else the last one)."""
        items = self.visible()
        if not items:
            return None
        return self.select(next((p for p in items if p.end > offset), items[-1]).id)

    def first_in(self, actor: str) -> Position | None:
        """The position of ``actor`` at or after the selection (else its first one)."""
        items = self.visible(actor)
        if not items:
            return None
        current = self.current
        after = next((p for p in items if current and p.start >= current.start), None)
        return self.select((after or items[0]).id)

    # -- links ------------------------------------------------------------------------------
    def links_of(self, position_id: str) -> list[tuple[Position, Link]]:
        """Linked positions: its answers (best first), then what it answers (best first)."""
        links = self.analysis.links
        answers = sorted((lk for lk in links if lk.source == position_id), key=lambda lk: -lk.score)
        answered = sorted((lk for lk in links if lk.target == position_id), key=lambda lk: -lk.score)
        found: list[tuple[Position, Link]] = []
        for link in answers:
            if link.target in self.by_id:
                found.append((self.by_id[link.target], link))
        for link in answered:
            if link.source in self.by_id:
                found.append((self.by_id[link.source], link))
        return found

    def lit(self) -> frozenset[str]:
        if not self.selected:
            return frozenset()
        return frozenset(p.id for p, _ in self.links_of(self.selected))

    def follow(self) -> Position | None:
        """Go to the first linked position; repeating cycles through the others."""
        cycle = self.links_of(self._follow[0]) if self._follow else []
        if self._follow and len(cycle) > 1 and self.selected in [p.id for p, _ in cycle]:
            origin, index = self._follow
            targets = cycle
            index = (index + 1) % len(targets)
        else:
            if not self.selected:
                return None
            origin, index = self.selected, 0
            targets = self.links_of(origin)
            if not targets:
                return None
            self.history.append(origin)
        self._follow = (origin, index)
        self.selected = targets[index][0].id
        return self.current

    def follow_state(self) -> tuple[int, int] | None:
        """(index, count) of the current link cycle, for the detail line."""
        if not self._follow:
            return None
        origin, index = self._follow
        return index + 1, len(self.links_of(origin))

    def back(self) -> Position | None:
        if not self.history:
            return None
        self._follow = None
        self.selected = self.history.pop()
        return self.current

    def next_unanswered(self) -> Position | None:
        """The next unanswered demand after the selection, wrapping around."""
        unanswered = set(self.analysis.unanswered)
        pool = [p for p in self.ordered if p.id in unanswered]
        demands = [p for p in pool if p.kind == "demand"] or pool
        return self._next_from(demands)

    def _next_from(self, pool: Iterable[Position]) -> Position | None:
        pool = list(pool)
        if not pool:
            return None
        current = self.current
        after = next((p for p in pool if current and (p.start, p.end) > (current.start, current.end)), None)
        return self.select((after or pool[0]).id)

    def cycle_kind(self) -> str | None:
        """All kinds -> each present kind in turn -> all kinds."""
        kinds = self.kinds()
        if not kinds:
            self.kind = None
        elif self.kind not in kinds:
            self.kind = kinds[0]
        else:
            index = kinds.index(self.kind) + 1
            self.kind = kinds[index] if index < len(kinds) else None
        return self.kind

    def position_at(self, offset: int) -> Position | None:
        return next((p for p in self.visible() if p.start <= offset < p.end), None)
