"""The main screen: the article beside one panel per actor, and the keys to move across quotes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input

from ...cache import analyse_with_cache, cached_analysis
from ...model import KIND_PLURALS, Analysis, Article, Position
from ..clipboard import copy_with_system_tool, quote_for_copy
from ..messages import AnalysisFailed, AnalysisReady, PanelChosen, PositionSelected
from ..navigation import Navigator, panel_order, pick_actors
from ..text import Marks, actor_colours
from ..widgets import ArticleView, DetailBar, KeyFooter, PanelsView, SearchBar

LOADING_DELAY = 0.3  # seconds before the panels show a loading indicator


class MainScreen(Screen):
    """Owns the selection state (a Navigator) and tells the widgets what to show."""

    BINDINGS = [
        Binding("down,j", "next_position", "Next", id="reader.next"),
        Binding("up,k", "previous_position", "Prev", id="reader.previous"),
        Binding("tab,l", "next_panel", "Panel", id="reader.next_panel"),
        Binding("shift+tab,h", "previous_panel", "Prev panel", show=False, id="reader.previous_panel"),
        Binding("g,home", "first", "First", show=False, id="reader.first"),
        Binding("G,end", "last", "Last", show=False, id="reader.last"),
        Binding("enter", "follow", "Follow", id="reader.follow"),
        Binding("backspace,escape", "back", "Back", id="reader.back"),
        Binding("u", "unanswered", "Unanswered", id="reader.unanswered"),
        Binding("f", "filter", "Filter", id="reader.filter"),
        Binding("slash", "search", "Search", id="reader.search"),
        Binding("n", "next_match", "Next match", show=False, id="reader.next_match"),
        Binding("N", "previous_match", "Prev match", show=False, id="reader.previous_match"),
        Binding("y", "copy", "Copy", id="reader.copy"),
        Binding("a", "all_actors", "All actors", show=False, id="reader.all_actors"),
    ]

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    def __init__(
        self,
        article: Article,
        *,
        actors: Sequence[str] | None = None,
        use_cache: bool = True,
        model: str | None = None,
    ) -> None:
        super().__init__()
        self.article = article
        self.wanted_actors = list(actors) if actors else None
        self.use_cache = use_cache
        self.model = model
        self.analysis: Analysis | None = None
        self.nav: Navigator | None = None
        self.colours: dict[str, str] = {}
        self.picked: list[str] = []
        self.show_all = False
        self.active_actor: str | None = None
        self.matches: list[tuple[int, int]] = []
        self.match_index: int | None = None
        self.failed: str | None = None
        self.cache_problem: str | None = None  # why a cached analysis was discarded (told once)
        self._binding_states: tuple[bool | None, ...] = ()
        self.search_bar: SearchBar | None = None
        self.ordered: list[str] = []  # every actor with positions, in panel order
        self.actor_count = 0

    # -- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self.set_breakpoint_class(self.app.size.width)
        yield ArticleView(self.article, id="article")
        yield PanelsView(id="panels")
        yield DetailBar(id="detail")
        yield KeyFooter()

    def set_breakpoint_class(self, width: int) -> None:
        """Apply the breakpoint class before the first styling (Textual sets it again on resize)."""
        names = [name for limit, name in self.HORIZONTAL_BREAKPOINTS if width >= limit]
        if names:
            self.set_class(True, names[-1])
            for _, other in self.HORIZONTAL_BREAKPOINTS:
                if other != names[-1]:
                    self.set_class(False, other)

    def on_mount(self) -> None:
        """Show a cached analysis in the first frame (reading it takes a few ms and never loads
        spaCy); otherwise analyse in a thread worker started once the article is painted."""
        self.query_one(ArticleView).focus()
        hit = self.cached() if self.use_cache else None
        if hit is not None:
            self.show_analysis(hit)
            return
        self._loading_timer = self.set_timer(LOADING_DELAY, self.show_loading)
        self.query_one(DetailBar).show_text("Analysing the article…")
        self.call_after_refresh(self.analyse)  # the article paints first

    def cached(self) -> Analysis | None:
        problems: list[str] = []
        try:
            return cached_analysis(self.article, self.model, problems)
        except Exception:  # noqa: BLE001 - the worker tries again and reports any failure
            return None
        finally:
            self.report_cache_problem(problems)

    def report_cache_problem(self, problems: list[str]) -> None:
        """Tell the user, once, that a cached analysis was unusable and is being rebuilt."""
        if problems and self.cache_problem is None:
            self.cache_problem = problems[0]
            self.notify(f"{_capitalised(problems[0])}; it was discarded and the article is analysed again.",
                        title="Cache", severity="warning", timeout=8)

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis", description="Analysing")
    def analyse(self) -> None:
        """An unusable cache entry was discarded (and reported) by ``cached`` on mount."""
        try:
            analysis, cached = analyse_with_cache(self.article, self.model, self.use_cache)
        except Exception as error:  # noqa: BLE001 - any failure is shown, the article stays readable
            self.post_message(AnalysisFailed(_one_line(error)))
            return
        self.post_message(AnalysisReady(analysis, cached))

    def show_loading(self) -> None:
        """Panels in a loading state (only if the analysis takes a moment: a cache hit does not)."""
        if self.analysis is None and self.failed is None:
            self.query_one(PanelsView).loading = True

    def stop_loading(self) -> None:
        timer = getattr(self, "_loading_timer", None)
        if timer is not None:
            timer.stop()
        self.query_one(PanelsView).loading = False

    # -- analysis arrives ---------------------------------------------------------------------
    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        self.failed = message.error
        self.startup_done()
        self.stop_loading()
        self.query_one(DetailBar).show_text(f"Analysis failed: {message.error}")
        self.notify(message.error, title="Analysis failed", severity="error", timeout=10)

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self.show_analysis(message.analysis)

    def show_analysis(self, analysis: Analysis) -> None:
        self.analysis = analysis
        order = panel_order(analysis)
        self.actor_count = len(order)
        self.picked = pick_actors(analysis, self.wanted_actors)
        self.colours = actor_colours(self.picked + [a for a in order if a not in self.picked])
        nav = self.nav = Navigator(analysis, shown=list(self.picked))
        self.apply_saved_view(nav)
        first = nav.step(1)
        self.active_actor = first.actor if first else None
        self.ordered = self.picked + [a for a in order if a not in self.picked]
        self.stop_loading()
        self.fill_panels()
        self.query_one(ArticleView).set_positions(analysis.positions, self.colours, Marks())
        self.call_after_refresh(self.startup_done)
        if not analysis.positions:
            self.query_one(DetailBar).show_text("No positions found in this article.")
            self.update_bindings()
            return
        self.show_selection(focus=True)  # refreshes the footer once if the possible keys changed

    def startup_done(self) -> None:
        """The panels are painted (or cannot be): let the app resume garbage collection."""
        done = getattr(self.app, "startup_done", None)
        if done is not None:
            done()

    def shown_actors(self) -> list[str]:
        """The shown actors in panel order."""
        shown = self.nav.shown if self.nav else []
        return [a for a in self.ordered if a in shown]

    def fill_panels(self) -> None:
        nav, analysis = self.nav, self.analysis
        if not nav or not analysis:
            return
        actors = [actor for actor in (analysis.actor(a) for a in self.ordered) if actor is not None]
        rows = {actor.id: nav.visible(actor.id) for actor in actors}
        panels = self.query_one(PanelsView)
        panels.set_columns(analysis, actors, self.colours, rows, self.shown_actors())
        panels.set_lit(nav.lit())
        self.update_tabs()

    def update_tabs(self) -> None:
        """Tell the panels which is active, and whether they are tabs (narrow) or side by side."""
        if self.analysis:
            self.query_one(PanelsView).set_active(self.active_actor, tabbed=self.has_class("-narrow"))

    def on_resize(self) -> None:
        """The breakpoint class may have changed: the panels become tabs or columns."""
        self.update_tabs()

    # -- the one place that pushes state down to the widgets -----------------------------------
    def marks(self) -> Marks:
        nav = self.nav
        current = self.matches[self.match_index] if self.match_index is not None else None
        return Marks(
            selected=nav.selected if nav else None,
            lit=nav.lit() if nav else frozenset(),
            hidden=nav.hidden_ids() if nav else frozenset(),
            matches=tuple(self.matches),
            current_match=current,
        )

    def show_selection(self, *, focus: bool = True, scroll: bool = True) -> None:
        """Push the navigator's state to the article, the panels and the detail line."""
        nav = self.nav
        if nav is None or self.analysis is None:
            return
        position = nav.current
        if position is not None and position.actor not in nav.shown:
            nav.shown.append(position.actor)
            self.fill_panels()
        if position is not None and nav.kind is not None and position.kind != nav.kind:
            nav.kind = None  # a link led outside the filter: show everything again
            self.fill_panels()
            self.show_filter()
        article = self.query_one(ArticleView)
        article.mark(self.marks())
        panels = self.query_one(PanelsView)
        panels.show_selection(nav.selected, nav.lit())
        if position is not None:
            self.set_active(position.actor, focus=focus)
            if scroll:
                article.scroll_to_offset(position.start, position.end)
        self.show_detail(position)
        self.update_bindings()

    def update_bindings(self) -> None:
        """Refresh the footer only when a binding became possible or impossible (it recomposes)."""
        states = tuple(self.check_action(binding.action, ()) for binding in self._binding_list())
        if states != self._binding_states:
            self._binding_states = states
            self.refresh_bindings()

    def _binding_list(self) -> list[Binding]:
        return [b for b in self.BINDINGS if isinstance(b, Binding)]  # their actions: keys do not matter

    def set_active(self, actor_id: str | None, *, focus: bool = True) -> None:
        if actor_id != self.active_actor:
            self.active_actor = actor_id
            self.update_tabs()
        article = self.query_one(ArticleView)
        if focus and not self.search_open() and self.app.focused is not article:
            article.focus(scroll_visible=False)  # focusing again would repaint it all

    def show_detail(self, position: Position | None) -> None:
        nav, analysis = self.nav, self.analysis
        if nav is None or analysis is None:
            return
        detail = self.query_one(DetailBar)
        if position is None:
            detail.show(analysis, None, None)
            return
        cycle = nav.follow_state()
        if cycle and nav.history:
            origin = nav.by_id[nav.history[-1]]
            pair = next(((origin, lk) for p, lk in nav.links_of(origin.id) if p.id == position.id), None)
            if pair is not None:
                detail.show(analysis, position, pair, cycle=cycle)
                return
        links = nav.links_of(position.id)
        detail.show(analysis, position, links[0] if links else None, links=len(links))

    # -- key actions ------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        nav = self.nav
        search_open = self.search_open()
        checks = {
            "next_position": lambda: nav is not None and nav.can_step(1),
            "previous_position": lambda: nav is not None and nav.can_step(-1),
            "first": lambda: nav is not None and bool(nav.visible()),
            "last": lambda: nav is not None and bool(nav.visible()),
            "next_panel": lambda: nav is not None and bool(nav.shown),
            "previous_panel": lambda: nav is not None and bool(nav.shown),
            "follow": lambda: nav is not None and bool(nav.selected and nav.links_of(nav.selected)),
            "back": lambda: search_open or (nav is not None and bool(nav.history)),
            "unanswered": lambda: nav is not None and bool(nav.analysis.unanswered),
            "filter": lambda: nav is not None and bool(nav.kinds()),
            "next_match": lambda: bool(self.matches),
            "previous_match": lambda: bool(self.matches),
            "copy": lambda: nav is not None and nav.current is not None,
            "all_actors": lambda: self.actor_count > len(self.picked),
        }
        check = checks.get(action)
        if check is None:
            return True
        return True if check() else None

    def search_open(self) -> bool:
        return self.search_bar is not None and self.search_bar.has_class("-open")

    def action_next_position(self) -> None:
        if self.nav and self.nav.step(1):
            self.show_selection()

    def action_previous_position(self) -> None:
        if self.nav and self.nav.step(-1):
            self.show_selection()

    def action_first(self) -> None:
        if self.nav and self.nav.edge(last=False):
            self.show_selection()

    def action_last(self) -> None:
        if self.nav and self.nav.edge(last=True):
            self.show_selection()

    def action_next_panel(self) -> None:
        self.move_panel(1)

    def action_previous_panel(self) -> None:
        self.move_panel(-1)

    def move_panel(self, delta: int) -> None:
        shown = self.shown_actors()
        if not shown or self.nav is None:
            return
        index = shown.index(self.active_actor) if self.active_actor in shown else -1 if delta > 0 else 0
        self.go_to_panel(shown[(index + delta) % len(shown)])

    def go_to_panel(self, actor: str) -> None:
        """Select ``actor``'s position at or after the selection, or just activate its empty panel."""
        if self.nav is None:
            return
        if self.nav.first_in(actor) is not None:
            self.show_selection()
        else:
            self.set_active(actor)
            self.update_bindings()

    def action_follow(self) -> None:
        if self.nav is None:
            return
        if self.nav.follow() is None:
            self.notify("This position has no linked answer.", severity="warning")
            return
        self.show_selection()

    def action_back(self) -> None:
        if self.search_open():
            self.close_search()
            return
        if self.nav and self.nav.back():
            self.show_selection()

    def action_unanswered(self) -> None:
        if self.nav is None:
            return
        if self.nav.next_unanswered() is None:
            self.notify("No unanswered demand.", severity="information")
            return
        self.show_selection()

    def action_filter(self) -> None:
        if self.nav is None:
            return
        self.nav.cycle_kind()
        self.fill_panels()
        if self.nav.current is None or self.nav.current.id not in {p.id for p in self.nav.visible()}:
            current = self.nav.current
            self.nav.selected = None
            items = self.nav.visible()
            after = next((p for p in items if current and p.start >= current.start), None)
            self.nav.select((after or items[0]).id if items else None)
        self.show_filter()
        self.notify(f"Showing {self.filter_label()}.", timeout=3)
        self.show_selection()

    def filter_label(self) -> str:
        kind = self.nav.kind if self.nav else None
        return "all kinds" if kind is None else KIND_PLURALS.get(kind, f"{kind}s")

    def show_filter(self) -> None:
        title = self.article.title or self.article.source
        label = title if self.nav is None or self.nav.kind is None else f"{title} · {self.filter_label()}"
        self.query_one(ArticleView).show_title(label)

    def action_all_actors(self) -> None:
        if self.nav is None or self.analysis is None:
            return
        self.show_all = not self.show_all
        order = panel_order(self.analysis)
        self.nav.shown = order if self.show_all else list(self.picked)
        self.fill_panels()
        if self.nav.current and self.nav.current.actor not in self.nav.shown:
            self.nav.select(None)
            self.nav.step(1)
        self.show_selection()

    # -- search ---------------------------------------------------------------------------------
    async def action_search(self) -> None:
        """Open the search box (mounted on first use: it is not needed for the first paint)."""
        search = self.search_bar
        if search is None:
            search = self.search_bar = SearchBar()
            await self.mount(search, before=self.query_one(KeyFooter))
        search.add_class("-open")
        search.focus()
        self.update_bindings()

    def close_search(self) -> None:
        if self.search_bar is not None:
            self.search_bar.remove_class("-open")
        self.set_active(self.active_actor)
        self.update_bindings()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.search(event.value)
        self.close_search()

    def search(self, query: str) -> None:
        query = query.strip()
        self.matches = find_all(self.article.text, query) if query else []
        self.match_index = None
        if not self.matches:
            if query:
                self.notify(f"No match for {query!r}.", severity="warning")
            self.query_one(ArticleView).mark(self.marks())
            self.update_bindings()
            return
        here = self.nav.current.start if self.nav and self.nav.current else 0
        start = next((i for i, m in enumerate(self.matches) if m[0] >= here), 0)
        self.go_to_match(start)

    def action_next_match(self) -> None:
        if self.matches:
            self.go_to_match(0 if self.match_index is None else self.match_index + 1)

    def action_previous_match(self) -> None:
        if self.matches:
            self.go_to_match(-1 if self.match_index is None else self.match_index - 1)

    def go_to_match(self, index: int) -> None:
        self.match_index = index % len(self.matches)
        start, end = self.matches[self.match_index]
        if self.nav:
            inside = self.nav.position_at(start)
            if inside is not None:
                self.nav.select(inside.id)
        self.show_selection(scroll=False)
        self.query_one(ArticleView).scroll_to_offset(start, end)
        self.notify(f"Match {self.match_index + 1} of {len(self.matches)}.", timeout=2)

    # -- copy -----------------------------------------------------------------------------------
    def action_copy(self) -> None:
        position = self.nav.current if self.nav else None
        if position is None or self.analysis is None:
            return
        actor = self.analysis.actor(position.actor)
        speaker = position.speaker or (actor.name if actor else position.actor)
        source = self.article.title or self.article.source
        text = quote_for_copy(position.text, speaker, source, direct=position.direct)
        self.app.copy_to_clipboard(text)
        tool = copy_with_system_tool(text)
        how = f"clipboard ({tool})" if tool else "clipboard (OSC 52, if the terminal allows it)"
        self.notify(f"Copied the quote of {speaker} to the {how}.", title="Copied")

    # -- the view kept between runs (the app loads and saves it: reader/tui/settings.py) --------
    saved_view: tuple[str | None, bool] | None = None  # (filter kind, all parties) to start with

    def apply_saved_view(self, nav: Navigator) -> None:
        """Start with the last run's filter and 'all parties' choice, where this article allows them."""
        if self.saved_view is None or self.analysis is None:
            return
        kind, all_actors = self.saved_view
        if all_actors and not self.wanted_actors and self.actor_count > len(self.picked):  # --actors wins
            self.show_all = True
            nav.shown = panel_order(self.analysis)
        if kind is not None and kind in nav.kinds():
            nav.kind = kind
            self.show_filter()
        self.saved_view = None

    def current_view(self) -> tuple[str | None, bool]:
        """(filter kind, all parties) as shown now; the saved ones while no analysis is shown."""
        if self.nav is None:
            return self.saved_view or (None, False)
        kind = getattr(self.nav, "kind", None)
        return (kind if isinstance(kind, str) else None, self.show_all)

    # -- mouse ----------------------------------------------------------------------------------
    def on_position_selected(self, message: PositionSelected) -> None:
        if self.nav and self.nav.select(message.position_id):
            self.show_selection(scroll=False)

    def on_panel_chosen(self, message: PanelChosen) -> None:
        self.go_to_panel(message.actor_id)


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Case-insensitive matches of ``query`` in ``text`` as (start, end) offsets."""
    return [(m.start(), m.end()) for m in re.finditer(re.escape(query), text, re.IGNORECASE)]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
