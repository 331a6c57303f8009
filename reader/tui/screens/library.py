"""The library: one row per article added with ``reader add``; enter opens it in the reader.

The rows are plain data (:class:`reader.library.ArticleEntry`) given by the app; the screen
never opens the library itself. Choosing a row posts :class:`ArticleChosen` up to the app.
Cells are Rich ``Text`` (never markup), so a title such as ``[sic]`` shows as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ...library import ArticleEntry
from ..widgets import KeyFooter

# (label, width: None fits the content); long outlets and titles end in "…"
COLUMNS = (("ID", None), ("Date", 10), ("Outlet", 24), ("Title", 56), ("Positions", None))


@dataclass
class ArticleChosen(Message):
    """The user chose the article ``article_id`` to read."""

    article_id: int


def party_counts(entry: ArticleEntry) -> str:
    return ", ".join(f"{p.name} {p.positions}" for p in entry.parties) or "-"


class LibraryScreen(Screen):
    """A table of the library's articles, oldest first."""

    DEFAULT_CSS = """
    LibraryScreen { layout: vertical; }
    LibraryScreen #library-heading { height: 1; padding: 0 1; color: $text-muted; }
    LibraryScreen #library-table { height: 1fr; }
    """

    BINDINGS = [
        Binding("enter", "open", "Open", priority=True, id="library.open"),
        Binding("down,j", "cursor_down", "Next", show=False, id="library.next"),
        Binding("up,k", "cursor_up", "Prev", show=False, id="library.previous"),
        Binding("home,g", "first", "First", show=False, priority=True, id="library.first"),
        Binding("end,G", "last", "Last", show=False, priority=True, id="library.last"),
        Binding("p", "parties", "Party view", id="library.parties"),
    ]

    def __init__(self, entries: list[ArticleEntry], name: str = "") -> None:
        super().__init__()
        self.entries = entries
        self.library_name = name

    def compose(self) -> ComposeResult:
        yield Static(id="library-heading")
        yield DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        self.show_entries(self.entries)
        table.focus()

    def show_entries(self, entries: list[ArticleEntry]) -> None:
        """Fill the table with ``entries``, keeping the cursor on the same article when it is still there."""
        table = self.query_one(DataTable)
        current = self.current_id()
        self.entries = entries
        table.clear()
        for e in entries:
            table.add_row(*(Text(cell, no_wrap=True, overflow="ellipsis") for cell in (
                str(e.id), e.date or "-", e.outlet or "-", e.title or e.source, party_counts(e))), key=str(e.id))
        count = f"{len(entries)} article{'s' if len(entries) != 1 else ''}"
        hint = "enter opens one, p the party view" if entries else "add articles with 'reader add PATH...'"
        self.query_one("#library-heading", Static).update(
            Text(f"Library {self.library_name} · {count} · {hint}"))
        if current is not None and any(e.id == current for e in entries):
            table.move_cursor(row=table.get_row_index(str(current)))

    def current_id(self) -> int | None:
        table = self.query_one(DataTable)
        if not self.entries or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None

    def action_open(self) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.post_message(ArticleChosen(article_id))

    def action_parties(self) -> None:
        """Choose parties for the party view, those of the article under the cursor ticked."""
        from .party_view import PartiesWanted

        entry = next((e for e in self.entries if e.id == self.current_id()), None)
        self.post_message(PartiesWanted([p.party_id for p in entry.parties[:2]] if entry else []))

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def action_first(self) -> None:
        """The first article (a wide table's own home/end would scroll it sideways)."""
        self.query_one(DataTable).move_cursor(row=0)

    def action_last(self) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=max(table.row_count - 1, 0))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(ArticleChosen(int(event.row_key.value)))
