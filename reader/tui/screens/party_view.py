"""The party view: one column per chosen party, its positions from every article of the library
in date order, with the replies that cross articles.

Each row is a position (kind badge, day, outlet, speaker, then its words) and under it the
replies across articles: "↩ reply from NATO, 2021-12-17, Reuters" (it was answered) or
"↪ answers Russia, 2021-12-10, Deutsche Welle" (it answers). ``enter`` follows the row's reply
to the other article's position (adding that party's column when it is not shown) and
``backspace`` comes back; ``o`` (or ``enter`` on a row with no reply) opens the article in the
reader at that quote. ``f`` filters by kind, ``d`` by a range of days, ``u`` goes to the next
demand no one answered. A timeline under each party's name counts its rows per day or week.

The screen is given plain data (:class:`PartyViewData`, read by the app in a worker) and never
opens the library; opening an article posts :class:`OpenPosition` up to the app.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from ...library import Party, PartyPosition
from ...library_links import Reply
from ...model import ISO_DATE, KINDS, kind_plural
from ..palette import palette_for
from ..text import REPLY_MARK, actor_colours, badge, clip, plain
from ..textual_compat import release_styles_caches
from ..widgets import KeyFooter
from ..widgets.party_rows import PartyRows
from ..widgets.timeline import Timeline
from .dialog_styles import library_css

Key = tuple[int, str]  # (article id, position id)
TEXT_CELLS = 160  # a row's words are cut after this many cells (the article has them all)
OUTLET_CHARS = 24
MAX_ANSWERS = 3  # "↪ answers" lines of a row (an answer may answer many positions): then "and N more"
DAILY_SPAN = 62  # the timeline counts per day over a shorter span, else per week
ANSWERS_MARK = "↪"


@dataclass
class PartyViewData:
    """What the party view shows: the chosen parties, their positions in date order, the
    replies across articles that touch them, the unanswered demands, and names and outlets."""

    parties: list[Party]
    positions: list[PartyPosition]
    replies: list[Reply]
    unanswered: set[Key] = field(default_factory=set)
    names: dict[int, str] = field(default_factory=dict)  # every party's name (replies name others)
    outlets: dict[int, str | None] = field(default_factory=dict)  # article id -> outlet
    index: ViewIndex | None = None  # built with the data, in the worker (else by the screen)


@dataclass
class ViewIndex:
    """The data of a party view arranged for drawing: each position by key and by party, the
    replies each position received and those it gives, and each row's number of note lines."""

    by_key: dict[Key, PartyPosition]
    by_party: dict[int, list[PartyPosition]]
    received: dict[Key, list[Reply]]
    answering: dict[Key, list[Reply]]
    notes: Counter[Key]


def view_index(data: PartyViewData) -> ViewIndex:
    """Arrange ``data`` for the screen (no Textual: the app builds it in its worker thread)."""
    by_key: dict[Key, PartyPosition] = {}
    by_party: dict[int, list[PartyPosition]] = {}
    for position in data.positions:
        by_key[position.article_id, position.position_id] = position
        by_party.setdefault(position.party_id, []).append(position)
    received: dict[Key, list[Reply]] = {}
    answering: dict[Key, list[Reply]] = {}
    for reply in sorted(data.replies, key=lambda r: -r.score):
        received.setdefault(reply.first, []).append(reply)
        answering.setdefault(reply.answer, []).append(reply)
    notes = Counter({key: len(r) for key, r in received.items()})
    notes.update({key: min(len(r), MAX_ANSWERS + 1) for key, r in answering.items()})
    notes.update(data.unanswered)
    return ViewIndex(by_key, by_party, received, answering, notes)


@dataclass
class OpenPosition(Message):
    """Open the article ``article_id`` in the reader with ``position_id`` selected."""

    article_id: int
    position_id: str


@dataclass
class PartiesWanted(Message):
    """Choose other parties for the view (the app asks, then opens the view again)."""

    chosen: list[int]


@dataclass
class ReplyOutside(Message):
    """A reply leads to a party not in the view: open the view again with ``parties``, the cursor
    on ``target`` and ``history`` to come back along."""

    parties: list[int]
    target: Key
    history: list[Key]


def parse_range(text: str) -> tuple[str | None, str | None] | None:
    """"2021-12-01..2021-12-31", "2021-12-01.." or "..2021-12-31" (or one day); "" clears the
    range; None when it is not a range of ISO days. A reversed range is put in order."""
    text = text.strip()
    if not text:
        return None, None
    since, _, until = text.partition("..") if ".." in text else (text, "", text)
    since, until = since.strip() or None, until.strip() or None
    if any(d is not None and not ISO_DATE.fullmatch(d) for d in (since, until)):
        return None
    if since and until and since > until:
        since, until = until, since
    return since, until


def week_counts(days: list[str], bins: list[str], daily: bool = False) -> list[int]:
    """How many of ``days`` fall in each of the ``bins`` (Mondays of weeks, or days if ``daily``)."""
    counts = Counter(d if daily else monday(d) for d in days)
    return [counts.get(b, 0) for b in bins]


def daily(first: str, last: str) -> bool:
    """Whether the timeline from ``first`` to ``last`` counts per day (a short span) or per week."""
    return (date.fromisoformat(last) - date.fromisoformat(first)).days < DAILY_SPAN


def timeline_bins(first: str, last: str) -> list[str]:
    """The timeline's bins from ``first`` to ``last``: days over up to DAILY_SPAN days, else weeks."""
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    if daily(first, last):
        return [(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]
    return weeks_between(first, last)


@lru_cache(maxsize=8192)
def monday(iso: str) -> str:
    day = date.fromisoformat(iso)
    return (day - timedelta(days=day.weekday())).isoformat()


def weeks_between(first: str, last: str) -> list[str]:
    start, end = date.fromisoformat(monday(first)), date.fromisoformat(monday(last))
    return [(start + timedelta(weeks=n)).isoformat() for n in range((end - start).days // 7 + 1)]


class PartyViewScreen(Screen):
    """Columns of positions across articles, one per party."""

    CSS_PATH = library_css()
    BINDINGS = [
        Binding("enter", "follow", "Follow reply", priority=True, id="library.view.follow"),
        Binding("o", "open", "Open article", id="library.view.open"),
        Binding("backspace", "back", "Back", id="library.view.back"),
        Binding("escape", "close", "Library", id="library.view.close"),
        Binding("f", "filter", "Filter", id="library.view.filter"),
        Binding("d", "dates", "Dates", id="library.view.dates"),
        Binding("u", "unanswered", "Unanswered", id="library.view.unanswered"),
        Binding("p", "parties", "Parties", id="library.view.parties"),
        Binding("tab,l,right", "column(1)", "Column", id="library.view.next_column"),
        Binding("shift+tab,h,left", "column(-1)", "Prev column", show=False, id="library.view.previous_column"),
        Binding("down,j", "move(1)", "Next", show=False, id="library.view.next"),
        Binding("up,k", "move(-1)", "Prev", show=False, id="library.view.previous"),
    ]

    def __init__(self, data: PartyViewData, start_at: Key | None = None, history: list[Key] | None = None) -> None:
        super().__init__()
        self.data = data
        self.shown: list[int] = [p.id for p in data.parties]
        self.kind: str | None = None
        self.since: str | None = None
        self.until: str | None = None
        self.history: list[Key] = [key for key in history or [] if key in {
            (p.article_id, p.position_id) for p in data.positions}]
        self.start_at = start_at
        self.index_data()

    def index_data(self) -> None:
        index = self.data.index or view_index(self.data)
        self.by_key = index.by_key
        self.by_party = index.by_party
        self.received = index.received
        self.answering = index.answering
        self.notes = index.notes
        self.colours = actor_colours(str(p.id) for p in self.data.parties)

    # -- layout ---------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        """The columns with their rows, headers and timelines filled in (no redraw after mount)."""
        columns, heading = self.view_state()
        yield Static(heading, id="party-view-heading")
        with Horizontal(id="party-columns"):
            for party in self.data.parties:
                keys, notes, header, counts = columns[party.id]
                with Vertical(classes="party-column", id=f"party-{party.id}"):
                    yield Static(header, classes="party-column-header", id=f"party-header-{party.id}")
                    yield Timeline(counts, classes="party-timeline", id=f"party-timeline-{party.id}")
                    rows = PartyRows(self.row_parts, classes="party-rows", id=f"party-rows-{party.id}")
                    rows.set_rows(keys, notes)
                    yield rows
        yield Input(id="party-dates", placeholder="days: 2021-12-01..2021-12-31, 2021-12-01.., ..2021-12-31; "
                    "empty: all; escape: keep")
        yield KeyFooter()

    def on_unmount(self) -> None:
        release_styles_caches()  # else Textual keeps the closed view's lines (see textual_compat)

    def on_mount(self) -> None:
        if self.start_at is not None and self.select(self.start_at):
            return
        first = self.rows_of(self.shown[0]) if self.shown else None
        if first is not None:
            first.focus()

    # -- what is shown --------------------------------------------------------------------------
    def visible(self, party_id: int) -> list[PartyPosition]:
        rows = self.by_party.get(party_id, [])
        if self.kind is None and self.since is None and self.until is None:
            return rows
        return [p for p in rows if self.passes(p)]

    def passes(self, p: PartyPosition) -> bool:
        return ((self.kind is None or p.kind == self.kind)
                and (self.since is None or p.date >= self.since) and (self.until is None or p.date <= self.until))

    def view_state(self) -> tuple[dict[int, tuple[list[Key], list[int], Content, list[int]]], Content]:
        """For the current filters: each party's row keys, note counts, header and timeline
        counts; and the heading."""
        shown = {pid: self.visible(pid) for pid in self.shown}
        days = [p.date for rows in shown.values() for p in rows]
        weeks = timeline_bins(min(days), max(days)) if days else []
        per_day = bool(days) and daily(min(days), max(days))
        columns = {}
        for party in self.data.parties:
            rows = shown.get(party.id, [])
            keys = [(p.article_id, p.position_id) for p in rows]
            counts = week_counts([p.date for p in rows], weeks, per_day)
            columns[party.id] = (keys, [self.notes[k] for k in keys], self.header(party, rows),
                                 counts if any(counts) else [])
        return columns, self.heading(weeks, per_day)

    def fill(self) -> None:
        """Draw every column (rows, header, timeline) and the heading again for the current filters."""
        columns, heading = self.view_state()
        for party in self.data.parties:
            keys, notes, header, counts = columns[party.id]
            self.rows_of(party.id).set_rows(keys, notes, self.current_key(party.id))
            self.query_one(f"#party-header-{party.id}", Static).update(header)
            self.query_one(f"#party-timeline-{party.id}", Timeline).data = tuple(counts)
        self.query_one("#party-view-heading", Static).update(heading)

    def heading(self, weeks: list[str], per_day: bool) -> Content:
        parts = [f"Party view · {len(self.data.positions)} positions in "
                 f"{len({p.article_id for p in self.data.positions})} articles",
                 f"showing {kind_plural(self.kind)}" if self.kind else "every kind"]
        if self.since or self.until:
            parts.append(f"days {self.since or '…'} to {self.until or '…'}")
        if weeks:
            parts.append(f"timeline per {'day' if per_day else 'week'}, {weeks[0]} to {weeks[-1]}")
        return plain(" · ".join(parts))

    def header(self, party: Party, rows: list[PartyPosition]) -> Content:
        replies = sum(len(self.received.get((p.article_id, p.position_id), ())) for p in rows)
        count = f"{len(rows)} position{'s' if len(rows) != 1 else ''}, {replies} repl{'ies' if replies != 1 else 'y'}"
        return Content.assemble(Content.styled("■ ", self.colours.get(str(party.id), "$accent")),
                                plain(party.name).stylize("bold"), Content.styled(f" · {count}", "$text-muted"))

    def row_parts(self, key: Key) -> list[Content]:
        """A row as the column draws it: the head line, the words, then one line per note."""
        p = self.by_key[key]
        palette = palette_for(self.app)
        outlet = " ".join((self.data.outlets.get(p.article_id) or "-").split())
        outlet = outlet if len(outlet) <= OUTLET_CHARS else outlet[:OUTLET_CHARS - 1].rstrip() + "…"
        head = Content.assemble(badge(p.kind, palette=palette), " ",
                                plain(f"{p.date} · {outlet}" + (f" · {p.speaker}" if p.speaker else ""))
                                .stylize("$text-muted"))
        lines = [head, clip(plain(" ".join(p.text.split())), TEXT_CELLS)]
        for reply in self.received.get(key, ()):
            lines.append(Content.styled(
                f"{REPLY_MARK} reply from {self.party_name(reply.answer_party)}, {reply.answer_date}, "
                f"{reply.answer_outlet or '-'} ({reply.relation}, {reply.score:.2f})", "bold $accent"))
        answering = self.answering.get(key, [])
        shown = answering if len(answering) <= MAX_ANSWERS + 1 else answering[:MAX_ANSWERS]
        for reply in shown:
            lines.append(Content.styled(
                f"{ANSWERS_MARK} answers {self.party_name(reply.first_party)}, {reply.first_date}, "
                f"{reply.first_outlet or '-'} ({reply.relation}, {reply.score:.2f})", "$accent"))
        if len(shown) < len(answering):
            lines.append(Content.styled(f"{ANSWERS_MARK} and {len(answering) - len(shown)} more positions",
                                        "$accent"))
        if key in self.data.unanswered:
            lines.append(Content.styled("unanswered in the library", "italic $text-muted"))
        return lines

    def party_name(self, party_id: int) -> str:
        return self.data.names.get(party_id, f"party {party_id}")

    # -- where the cursor is --------------------------------------------------------------------
    def rows_of(self, party_id: int) -> PartyRows:
        return self.query_one(f"#party-rows-{party_id}", PartyRows)

    def current_party(self) -> int | None:
        focused = self.app.focused
        if isinstance(focused, PartyRows) and focused.id and focused.id.startswith("party-rows-"):
            return int(focused.id.removeprefix("party-rows-"))
        return self.shown[0] if self.shown else None

    def current_key(self, party_id: int | None = None) -> Key | None:
        party_id = self.current_party() if party_id is None else party_id
        return None if party_id is None else self.rows_of(party_id).current

    @property
    def selected(self) -> PartyPosition | None:
        key = self.current_key()
        return self.by_key.get(key) if key else None

    def select(self, key: Key) -> bool:
        """Put the cursor on ``key`` (its column focused); the filters are cleared if they hide it."""
        position = self.by_key.get(key)
        if position is None:
            return False
        if not self.passes(position):
            self.kind = self.since = self.until = None
            self.fill()
            self.notify("The filters hid that position: they were cleared.", title="Party view")
        rows = self.rows_of(position.party_id)
        index = rows.index_of(key)
        if index is not None:
            rows.move_to(index)
        rows.focus()
        return True

    # -- keys -----------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return bool(self.history) or None
        if action == "follow":
            return not self.query_one("#party-dates", Input).has_focus
        return True

    def action_move(self, delta: int) -> None:
        party_id = self.current_party()
        if party_id is not None:
            self.rows_of(party_id).cursor(delta)

    def action_column(self, delta: int) -> None:
        party_id = self.current_party()
        if party_id is None or not self.shown:
            return
        index = (self.shown.index(party_id) + delta) % len(self.shown)
        self.rows_of(self.shown[index]).focus()

    def action_follow(self) -> None:
        """Go to the row's reply in the other article (or the position it answers); with neither,
        open the article at this quote."""
        key = self.current_key()
        if key is None:
            return
        replies = self.received.get(key) or self.answering.get(key)
        if not replies:
            self.action_open()
            return
        reply = replies[0]
        target = reply.answer if reply.first == key else reply.first
        if target not in self.by_key:  # its party's column is added
            party = reply.answer_party if target == reply.answer else reply.first_party
            self.post_message(ReplyOutside([*self.shown, party], target, [*self.history, key]))
            return
        self.history.append(key)
        self.select(target)
        self.refresh_bindings()

    def action_back(self) -> None:
        if self.history:
            self.select(self.history.pop())
            self.refresh_bindings()

    def action_close(self) -> None:
        self.dismiss()

    def action_open(self) -> None:
        position = self.selected
        if position is not None:
            self.post_message(OpenPosition(position.article_id, position.position_id))

    def action_filter(self) -> None:
        kinds = [k for k in KINDS if any(p.kind == k for p in self.data.positions)]
        order = [None, *kinds]
        self.kind = order[(order.index(self.kind) + 1) % len(order)] if self.kind in order else None
        self.fill()

    def action_dates(self) -> None:
        dates = self.query_one("#party-dates", Input)
        dates.value = f"{self.since or ''}..{self.until or ''}" if self.since or self.until else ""
        dates.add_class("-open")
        dates.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        found = parse_range(event.value)
        if found is None:
            self.notify(f"Not a range of days: {event.value!r} (write 2021-12-01..2021-12-31)",
                        title="Party view", severity="warning")
            return
        self.since, self.until = found
        self.close_dates()
        self.fill()

    def close_dates(self) -> None:
        dates = self.query_one("#party-dates", Input)
        dates.remove_class("-open")
        party_id = self.current_party()
        if party_id is not None:
            self.rows_of(party_id).focus()

    def on_key(self, event) -> None:
        if event.key == "escape" and self.query_one("#party-dates", Input).has_focus:
            event.stop()
            event.prevent_default()
            self.close_dates()

    def action_unanswered(self) -> None:
        """The next unanswered demand of the parties shown, after the cursor (in date order); one
        the filters show if there is any, else one they hide (and they are cleared)."""
        pool = [p for p in self.data.positions if (p.article_id, p.position_id) in self.data.unanswered
                and p.party_id in self.shown]
        pool = [p for p in pool if self.passes(p)] or pool
        if not pool:
            self.notify("No unanswered demand in the view.", title="Party view")
            return
        current = self.selected
        after = [p for p in pool if current is None or (p.date, p.article_id, p.position_id)
                 > (current.date, current.article_id, current.position_id)]
        first = (after or pool)[0]
        self.select((first.article_id, first.position_id))

    def action_parties(self) -> None:
        self.post_message(PartiesWanted(list(self.shown)))


