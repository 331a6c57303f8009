"""The reader's widgets, one per module."""

from .actor_panel import ActorPanel, PositionList
from .article_view import ArticleView, ParagraphView
from .detail_bar import DetailBar
from .key_footer import KeyFooter
from .panel_tabs import PanelTabs
from .search_bar import SearchBar

__all__ = [
    "ActorPanel",
    "ArticleView",
    "DetailBar",
    "KeyFooter",
    "PanelTabs",
    "ParagraphView",
    "PositionList",
    "SearchBar",
]
