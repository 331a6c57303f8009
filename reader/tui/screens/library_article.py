"""An article of the library in the reader, opened at one of its quotes.

The reader's MainScreen, with the analysis the library keeps (no cache lookup, no spaCy: the
positions are those the party view listed) and the given position selected once it is shown.
"""

from __future__ import annotations

from ...model import Analysis, Article
from .main import MainScreen


class LibraryArticleScreen(MainScreen):
    """MainScreen on a stored analysis, starting at ``position_id``."""

    def __init__(self, analysis: Analysis, position_id: str | None = None, *, model: str | None = None) -> None:
        article = Article(source=analysis.source, text=analysis.text, title=analysis.title,
                          paragraphs=analysis.paragraphs, publication=analysis.publication)
        super().__init__(article, use_cache=True, model=model)
        self.stored = analysis
        self.start_at = position_id

    def cached(self) -> Analysis | None:
        return self.stored

    def show_analysis(self, analysis: Analysis) -> None:
        super().show_analysis(analysis)
        if self.start_at is not None and self.nav is not None and self.nav.select(self.start_at) is not None:
            self.show_selection()
