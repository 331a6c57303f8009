"""The reader's widgets, one per module."""

from .article_view import ArticleView
from .detail_bar import DetailBar
from .key_footer import KeyFooter
from .panels_view import PanelsView
from .search_bar import SearchBar

__all__ = ["ArticleView", "DetailBar", "KeyFooter", "PanelsView", "SearchBar"]
