"""The search box opened by `/`, and the state of the last search (its matches, the current one)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from textual.widgets import Input


class SearchBar(Input):
    DEFAULT_CSS = """
    SearchBar { dock: bottom; display: none; }
    SearchBar.-open { display: block; }
    """

    def __init__(self) -> None:
        super().__init__(placeholder="Search the article (enter to search, escape to close)", id="search")


@dataclass
class SearchState:
    """The matches of the last search as (start, end) offsets, and the index of the current one."""

    matches: list[tuple[int, int]] = field(default_factory=list)
    index: int | None = None

    @property
    def current(self) -> tuple[int, int] | None:
        return self.matches[self.index] if self.index is not None else None

    def run(self, text: str, query: str, here: int = 0) -> int | None:
        """Search ``text`` for ``query``; the index of the first match at or after ``here``
        (wrapping to the first), or None when nothing matches. No match is current yet."""
        query = query.strip()
        self.matches = find_all(text, query) if query else []
        self.index = None
        if not self.matches:
            return None
        return next((i for i, m in enumerate(self.matches) if m[0] >= here), 0)

    def go(self, index: int) -> tuple[int, int]:
        """Make match ``index`` (modulo their number) current; its offsets."""
        self.index = index % len(self.matches)
        return self.matches[self.index]

    def step(self, delta: int) -> tuple[int, int] | None:
        """The next (+1) or previous (-1) match, wrapping around; None when there is none."""
        if not self.matches:
            return None
        if self.index is None:
            return self.go(0 if delta > 0 else -1)
        return self.go(self.index + delta)


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Case-insensitive matches of ``query`` in ``text`` as (start, end) offsets."""
    return [(m.start(), m.end()) for m in re.finditer(re.escape(query), text, re.IGNORECASE)]
