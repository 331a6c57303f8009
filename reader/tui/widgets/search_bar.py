"""The search box opened by `/`."""

from __future__ import annotations

from textual.widgets import Input


class SearchBar(Input):
    DEFAULT_CSS = """
    SearchBar { dock: bottom; display: none; }
    SearchBar.-open { display: block; }
    """

    def __init__(self) -> None:
        super().__init__(placeholder="Search the article (enter to search, escape to close)", id="search")
