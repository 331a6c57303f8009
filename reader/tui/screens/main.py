"""The main screen: the article beside one panel per actor, and the keys to move across quotes."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from threading import Lock
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input

from ...cache import analyse_with_cache, cached_analysis
from ...export import publication_line
from ...model import KIND_PLURALS, Analysis, Article, Position
from ..clipboard import copy_with_system_tool, quote_for_copy
from ..messages import AnalysisFailed, AnalysisReady, PanelChosen, PositionSelected
from ..navigation import Navigator, panel_order, pick_actors, unmatched_message
from ..text import Marks, actor_colours
from ..widgets import ArticleView, DetailBar, KeyFooter, PanelsView, SearchBar
from ..widgets.search_bar import SearchState

if TYPE_CHECKING:
    from pathlib import Path

    from textual.content import Content

    from ...corrections import Corrections
    from .correction import Edit
    from .party_picker import PartyChoice

LOADING_DELAY = 0.3  # seconds before the panels show a loading indicator

# One analysis at a time: an article opened while another is analysed waits for the shared pipeline.
ANALYSIS_LOCK = Lock()


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
        Binding("p", "pick_parties", "Parties", id="reader.parties"),
        Binding("c", "correct", "Correct", id="reader.correct"),
        Binding("e", "export", "Export", show=False, id="reader.export"),
        *(Binding(str(n), f"panel({n})", f"Panel {n}", show=False, id=f"reader.panel_{n}") for n in range(1, 10)),
        Binding("y", "copy", "Copy", id="reader.copy"),
        Binding("a", "all_actors", "All actors", show=False, id="reader.all_actors"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="reader.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="reader.page_up"),
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
        self.found = SearchState()  # the last search's matches and the current one
        self.failed: str | None = None
        self.cache_problem: str | None = None  # why a cached analysis was discarded (told once)
        self._binding_states: tuple[bool | None, ...] = ()
        self.search_bar: SearchBar | None = None
        self.actor_count = 0
        self.unmatched: str | None = None  # why some --actors names show no panel

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
        self.query_one(ArticleView).show_source(publication_line(self.article.publication))
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
            with ANALYSIS_LOCK:
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
        analysis = self.with_corrections(analysis)
        self.analysis = analysis
        order = panel_order(analysis)
        self.actor_count = len(order)
        self.picked = pick_actors(analysis, self.wanted_actors)
        self.report_unmatched(analysis)
        nav = self.nav = Navigator(analysis, shown=list(self.picked))
        self.colours = actor_colours(nav.order)
        self.apply_saved_view(nav)
        place = self.reading_place()  # the reader searched or scrolled while the panels loaded
        first = nav.step(1) if place is None else nav.select_from(place)
        self.active_actor = first.actor if first else None
        self.stop_loading()
        self.fill_panels()
        self.query_one(ArticleView).show_source(publication_line(analysis.publication))
        self.query_one(ArticleView).set_positions(analysis.positions, self.colours, Marks())
        self.call_after_refresh(self.startup_done)
        if not analysis.positions:
            self.query_one(DetailBar).show_text("No positions found in this article.")
            self.update_bindings()
            return
        self.show_selection(focus=True, scroll=place is None)  # refreshes the footer if the keys changed

    def reading_place(self) -> int | None:
        """Where the reader is, if they moved before the analysis arrived: the current search
        match, else the top of the scrolled article; None at the start."""
        article = self.query_one(ArticleView)
        if self.found.current is not None and article.in_view(self.found.current[0]):
            place: int | None = self.found.current[0]
        else:
            place = article.top_offset()
        if place is not None:
            article.hold(place)  # redrawing the marks must not scroll back to an older target
        return place

    def report_unmatched(self, analysis: Analysis) -> None:
        """Say which ``--actors`` names matched no party, and which parties there are (kept in
        ``unmatched`` for the command line to repeat on stderr at exit)."""
        self.unmatched = unmatched_message(analysis, self.wanted_actors)
        if self.unmatched:
            self.notify(self.unmatched, title="Parties", severity="warning", timeout=12)

    def startup_done(self) -> None:
        """The panels are painted (or cannot be): let the app resume garbage collection."""
        done = getattr(self.app, "startup_done", None)
        if done is not None:
            done()

    @property
    def ordered(self) -> list[str]:
        """Every party with positions, in panel order (the Navigator's)."""
        return self.nav.order if self.nav else []

    def shown_actors(self) -> list[str]:
        """The shown actors in panel order."""
        return self.nav.panels() if self.nav else []

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
        return Marks(
            selected=nav.selected if nav else None,
            lit=nav.lit() if nav else frozenset(),
            hidden=nav.hidden_ids() if nav else frozenset(),
            matches=tuple(self.found.matches),
            current_match=self.found.current,
        )

    def show_selection(self, *, focus: bool = True, scroll: bool = True) -> None:
        """Push the navigator's state to the article, the panels and the detail line."""
        nav = self.nav
        if nav is None or self.analysis is None:
            return
        position = nav.current
        added, dropped = nav.reveal(position)  # a link may lead outside the panels or the filter
        if added or dropped:
            self.fill_panels()
        if dropped:
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
        if position is None and not nav.visible():
            detail.show_text("Nothing to move to in the shown panels: f changes the filter, a shows every party.")
            return
        if position is None:
            detail.show(analysis, None, None)
            return
        cycle = nav.follow_state()
        origin = nav.link_origin()
        if cycle and origin is not None:
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
            "next_match": lambda: bool(self.found.matches),
            "previous_match": lambda: bool(self.found.matches),
            "correct": lambda: nav is not None and nav.current is not None,
            "pick_parties": lambda: nav is not None,
            "export": lambda: self.analysis is not None,
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
        self.nav.filter_next()
        self.fill_panels()
        self.show_filter()
        self.notify(f"Filter: {self.filter_label()}.", timeout=3)
        self.show_selection()

    def filter_label(self) -> str:
        """'all kinds', or the kind shown and how many positions of it the panels hold: 'threats (3)'."""
        kind = self.nav.kind if self.nav else None
        if kind is None or self.nav is None:
            return "all kinds"
        return f"{KIND_PLURALS.get(kind, f'{kind}s')} ({len(self.nav.visible())})"

    def show_filter(self) -> None:
        title = self.article.title or self.article.source
        label = title if self.nav is None or self.nav.kind is None else f"{title} · {self.filter_label()}"
        self.query_one(ArticleView).show_title(label)

    def action_all_actors(self) -> None:
        if self.nav is None or self.analysis is None:
            return
        self.show_all = not self.show_all
        if self.nav.show_actors(self.nav.order if self.show_all else self.picked):
            self.show_filter()  # no shown panel has the filtered kind any more
        self.fill_panels()
        self.show_selection()

    def action_page_down(self) -> None:
        self.query_one(ArticleView).action_page_down()

    def action_page_up(self) -> None:
        self.query_one(ArticleView).action_page_up()

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

    @property
    def matches(self) -> list[tuple[int, int]]:
        return self.found.matches

    @property
    def match_index(self) -> int | None:
        return self.found.index

    def search(self, query: str) -> None:
        here = self.nav.current.start if self.nav and self.nav.current else 0
        first = self.found.run(self.article.text, query, here)
        if first is None:
            if query.strip():
                self.notify(f"No match for {query.strip()!r}.", severity="warning")
            self.query_one(ArticleView).mark(self.marks())
            self.update_bindings()
            return
        self.go_to_match(self.found.go(first))

    def action_next_match(self) -> None:
        if (match := self.found.step(1)) is not None:
            self.go_to_match(match)

    def action_previous_match(self) -> None:
        if (match := self.found.step(-1)) is not None:
            self.go_to_match(match)

    def go_to_match(self, match: tuple[int, int]) -> None:
        """Show the current match: select the position holding it, scroll to it."""
        start, end = match
        if self.nav:
            inside = self.nav.position_at(start)
            if inside is not None:
                self.nav.select(inside.id)
        self.show_selection(scroll=False)
        self.query_one(ArticleView).scroll_to_offset(start, end)
        self.notify(f"Match {self.found.index + 1} of {len(self.found.matches)}.", timeout=2)

    # -- copy -----------------------------------------------------------------------------------
    def action_copy(self) -> None:
        position = self.nav.current if self.nav else None
        if position is None or self.analysis is None:
            return
        actor = self.analysis.actor(position.actor)
        party = actor.name if actor else position.actor
        speaker = position.speaker or party
        text = quote_for_copy(position.text, speaker=position.speaker, party=party,
                              publication=self.analysis.publication, title=self.article.title,
                              direct=position.direct)
        self.app.copy_to_clipboard(text)
        tool = copy_with_system_tool(text)
        how = f"clipboard ({tool})" if tool else "clipboard (OSC 52, if the terminal allows it)"
        self.notify(f"Copied the quote of {speaker} to the {how}.", title="Copied")

    # -- the view kept between runs (the app loads and saves it: reader/tui/settings.py) --------
    saved_view: tuple[str | None, bool] | None = None  # (filter kind, all parties) to start with
    saved_panels: dict[str, dict[str, list[str]]] | None = None  # per article key: the parties picked
    panels_picked = False  # the parties of this article were picked (p) in this run or an earlier one

    def apply_saved_panels(self, nav: Navigator) -> None:
        """Show the panels picked for this article in an earlier run (unless ``--actors`` chose)."""
        from ...corrections import text_key

        choice = (self.saved_panels or {}).get(text_key(self.analysis.text)) if self.analysis else None
        self.saved_panels = None
        if not choice or self.wanted_actors:
            return
        known = set(nav.order)
        shown = [a for a in choice["shown"] if a in known]
        if not shown:  # none of those parties is left (the analysis changed): the default panels
            return
        nav.reorder(choice["order"])
        self.picked = shown
        nav.show_actors(shown)
        self.panels_picked = True

    def panel_choice(self) -> tuple[str, list[str], list[str]] | None:
        """(article key, shown, order) when the parties were picked, for the settings to keep."""
        from ...corrections import text_key

        if not self.panels_picked or self.nav is None or self.analysis is None:
            return None
        return text_key(self.analysis.text), list(self.picked), list(self.nav.order)

    def apply_saved_view(self, nav: Navigator) -> None:
        """Start with the last run's filter and 'all parties' choice, where this article allows them."""
        self.apply_saved_panels(nav)
        if self.saved_view is None or self.analysis is None:
            return
        kind, all_actors = self.saved_view
        if all_actors and not self.wanted_actors and self.actor_count > len(self.picked):  # --actors wins
            self.show_all = True
            nav.show_actors(nav.order)
        if kind is not None and nav.set_filter(kind):
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

    # -- parties: pick, reorder, jump, merge and rename (reader.corrections keeps merges/renames) --
    raw_analysis: Analysis | None = None  # as analysed, before the user's corrections
    corrections: Corrections | None = None  # the user's corrections of it (set with the analysis)
    undo: tuple[Corrections, ...] = ()

    def action_pick_parties(self) -> None:
        analysis, nav = self.analysis, self.nav
        if analysis is None or nav is None:
            self.notify("The parties are known once the analysis is ready.", severity="warning")
            return
        from collections import Counter

        from .party_picker import PartyPickerScreen, PartyRow

        counts = Counter(p.actor for p in analysis.positions)
        order = self.ordered + [a.id for a in analysis.actors if a.id not in self.ordered]
        rows = [PartyRow(actor.id, actor.name, counts[actor.id], actor.id in nav.shown)
                for actor in (analysis.actor(a) for a in order) if actor is not None]
        self.app.push_screen(PartyPickerScreen(rows, self.colours), callback=self.parties_picked)

    def parties_picked(self, choice: PartyChoice | None) -> None:
        if choice is None or self.nav is None:
            return
        if choice.merges or choice.renames:
            corrections = self.current_corrections()
            for gone, into in choice.merges:
                corrections = corrections.merge(gone, into)
            for actor, name in choice.renames:
                corrections = corrections.rename(actor, name)
            changes = len(choice.merges) + len(choice.renames)
            self.save_corrections(corrections, f"{changes} change{'s' if changes > 1 else ''} to the parties")
        nav, known = self.nav, {a.id for a in self.analysis.actors} if self.analysis else set()
        nav.reorder(choice.order)
        self.picked = [a for a in choice.shown if a in known]
        self.show_all = False
        self.panels_picked = True
        nav.show_actors(self.picked)
        self.fill_panels()
        self.show_selection()

    def action_panel(self, number: int) -> None:
        """Go to the ``number``-th shown panel (keys 1 to 9)."""
        shown = self.shown_actors()
        if not 1 <= number <= len(shown):
            self.notify(f"There is no panel {number}.", severity="warning", timeout=3)
            return
        self.go_to_panel(shown[number - 1])

    # -- corrections of the selected position ------------------------------------------------------
    def with_corrections(self, analysis: Analysis) -> Analysis:
        """``analysis`` with the corrections kept for this article; problems with them are told."""
        from ...corrections import apply, corrections_path, load, unmatched_note

        self.raw_analysis = analysis
        path = corrections_path(analysis.text)
        self.corrections, problems = load(path, analysis.text)
        fixed, unmatched = apply(analysis, self.corrections)
        if unmatched:
            problems.append(unmatched_note(unmatched, analysis.text, path))
        for problem in problems:
            self.notify(f"{_capitalised(problem)}.", title="Corrections", severity="warning", timeout=12,
                        markup=False)  # article text and paths: never markup
        return fixed

    def action_correct(self, step: str | None = None) -> None:
        """Open the correction dialog on the selected position (at ``step``: kind, party, delete,
        add_link, remove_link; None: the menu of them; restore: forget its corrections at once)."""
        nav, analysis = self.nav, self.analysis
        position = nav.current if nav else None
        if nav is None or analysis is None or position is None:
            self.notify("Select a position to correct first.", severity="warning")
            return
        from textual.content import Content

        from ...model import KINDS
        from ..text import BADGE_WIDTH, badge, plain
        from .correction import Choices, CorrectionScreen

        linked = [p for p, _ in nav.links_of(position.id)]
        choices = Choices(
            kinds=[(k, Content.assemble(badge(k, BADGE_WIDTH), f"  {k}")) for k in KINDS if k != position.kind],
            parties=[(a.id, Content.assemble(plain(a.name).stylize("bold"), f"  {a.positions} positions"))
                     for a in analysis.actors if a.id != position.actor],
            link_to=[(p.id, self.position_label(p)) for p in nav.ordered
                     if p.id != position.id and p not in linked],
            linked=[(p.id, self.position_label(p)) for p in linked],
            restorable=any(f.span == (position.start, position.end) for f in self.current_corrections().positions),
        )
        if step == "restore":
            from .correction import Edit

            if choices.restorable:
                self.corrected(position, Edit("restore"))
            else:
                self.notify("This position has no corrections.", severity="warning")
            return
        title = self.position_label(position, 80)
        if position.corrected:
            title = Content.assemble(title, ("  (corrected)", "italic $text-muted"))
        screen = CorrectionScreen(title, choices, step)
        self.app.push_screen(screen, callback=partial(self.corrected, position))

    def position_label(self, position: Position, width: int = 70) -> Content:
        from ..text import badge
        from .correction import position_label

        actor = self.analysis.actor(position.actor) if self.analysis else None
        return position_label(actor.name if actor else position.actor, badge(position.kind), position.text, width)

    def corrected(self, position: Position, edit: Edit | None) -> None:
        """Record the edit chosen in the dialog as a correction, save it and show it."""
        if edit is None or self.analysis is None:
            return
        from ...model import KINDS

        span = (position.start, position.end)
        corrections = self.current_corrections()
        if edit.step == "kind" and edit.value in KINDS:
            corrections, done = corrections.fix_position(*span, kind=edit.value), f"Kind set to {edit.value}"
        elif edit.step == "party" and edit.value and (actor := self.analysis.actor(edit.value)):
            corrections, done = corrections.fix_position(*span, actor=actor.id), f"Party set to {actor.name}"
        elif edit.step == "delete":
            corrections, done = corrections.fix_position(*span, deleted=True), "Position deleted"
        elif edit.step == "restore":
            corrections, done = corrections.forget_position(*span), "Position restored as analysed"
        elif edit.step in ("add_link", "remove_link") and edit.value and (other := self.analysis.position(edit.value)):
            ends = sorted([span, (other.start, other.end)])
            link = next((lk for lk in self.analysis.links if {lk.source, lk.target} == {position.id, other.id}), None)
            if link is not None and edit.step == "remove_link":
                first, answer = self.analysis.position(link.source), self.analysis.position(link.target)
                ends = [(first.start, first.end), (answer.start, answer.end)] if first and answer else ends
            removed = edit.step == "remove_link"
            corrections = corrections.fix_link(ends[0], ends[1], removed=removed)
            done = "Link removed" if removed else "Link added"
        else:
            return
        self.save_corrections(corrections, done)

    def save_corrections(self, corrections: Corrections, done: str, *, undoing: bool = False) -> None:
        """Keep ``corrections`` (in memory, and in the file of this article) and show them."""
        raw = self.raw_analysis
        if raw is None:
            return
        from ...corrections import corrections_path, save

        if not undoing:
            self.undo = (*self.undo, self.current_corrections())
        self.corrections = corrections
        path = corrections_path(raw.text)
        try:
            save(corrections, path, raw.text, raw.source)
        except OSError as error:
            self.notify(f"{done}, for this session only: cannot save {path} ({error.strerror or error}).",
                        title="Corrections", severity="error", timeout=10, markup=False)
        else:
            how = "saved" if undoing else "saved; undo from the command palette"
            self.notify(f"{done} ({how}).", title="Corrected", timeout=4, markup=False)
        self.reapply_corrections()

    def action_restore_deleted(self) -> None:
        corrections = self.current_corrections()
        if not any(f.deleted for f in corrections.positions):
            self.notify("No deleted position to restore.", severity="warning")
            return
        self.save_corrections(corrections.undelete(), "Deleted positions restored")

    def current_corrections(self) -> Corrections:
        from ...corrections import Corrections

        return self.corrections if self.corrections is not None else Corrections()

    def action_undo_correction(self) -> None:
        if not self.undo:
            self.notify("No correction to undo in this session.", severity="warning")
            return
        previous, self.undo = self.undo[-1], self.undo[:-1]
        self.save_corrections(previous, "Correction undone", undoing=True)

    def reapply_corrections(self) -> None:
        """Show the analysis with the current corrections, keeping the panels, the filter and the
        selection (by its span; the next position if it was deleted)."""
        raw, nav = self.raw_analysis, self.nav
        if raw is None or nav is None:
            return
        from ...corrections import apply

        fixed, _ = apply(raw, self.current_corrections())
        here = (nav.current.start, nav.current.end) if nav.current else None
        shown, kind = self.shown_actors(), nav.kind
        known = [a.id for a in fixed.actors]
        active = panel_order(fixed)
        self.analysis = fixed
        self.actor_count = len(active)
        order = [a for a in self.ordered if a in known] + [a for a in active if a not in self.ordered]
        self.picked = [a for a in self.picked if a in known]
        self.colours = actor_colours(order) | {a: c for a, c in self.colours.items() if a in known}
        nav = self.nav = Navigator(fixed, shown=[a for a in shown if a in known], order=order)
        nav.set_filter(kind)
        if here is not None:
            after = [p for p in nav.ordered if (p.start, p.end) >= here]
            nav.select((after[0] if after else nav.ordered[-1]).id if nav.ordered else None)
        self.fill_panels()
        self.query_one(ArticleView).set_positions(fixed.positions, self.colours, Marks())
        self.show_filter()
        self.show_selection()

    # -- export ---------------------------------------------------------------------------------------
    def action_export(self, fmt: str = "markdown") -> None:
        """Write the Markdown report (or the JSON) of the article, with the corrections, to a file."""
        if self.analysis is None:
            self.notify("There is nothing to export until the analysis is ready.", severity="warning")
            return
        from .export import ExportScreen, default_path

        path = default_path(self.article.source, "json" if fmt == "json" else "markdown")
        self.app.push_screen(ExportScreen(self.analysis, path), callback=self.exported)

    def exported(self, result: tuple[Path, str] | None) -> None:
        if result is not None:
            path, fmt = result
            what = "JSON" if fmt == "json" else "Markdown report"
            self.notify(f"Wrote the {what} to {path}", title="Exported", timeout=8, markup=False)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
