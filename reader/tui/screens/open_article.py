"""The dialog that opens another article: the recent ones, a file tree, or a path typed in.

It only chooses a path (dismissed with it, or with None); the app reads the file in a worker
and tells the user, in one notification, when it cannot be read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, OptionList, Static
from textual.widgets.option_list import Option

from ...ingest import HTML_SUFFIXES, MARKDOWN_SUFFIXES, META_SUFFIX, display_name
from ...recent import RecentArticle
from ..text import plain

STYLES = "open.tcss"
TEXT_SUFFIXES = frozenset({".txt", ".text"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES
HINT = "enter opens · tab moves between the lists and the path · escape cancels"


def open_css() -> str:
    """``open.tcss`` from the installed ``reader.styles`` package (``styles/`` in the repo)."""
    try:
        return str(Path(str(resources.files("reader.styles").joinpath(STYLES))))
    except ModuleNotFoundError:
        return str(Path(__file__).resolve().parents[3] / "styles" / STYLES)


def is_article_file(path: Path) -> bool:
    """A name the reader can open: plain text, Markdown or HTML (a saved web page)."""
    name = path.name.lower()
    return path.suffix.lower() in ARTICLE_SUFFIXES and not name.endswith(META_SUFFIX)


class ArticleTree(DirectoryTree):
    """A directory tree showing only folders and article files, without hidden ones."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if not path.name.startswith(".") and _shown(path)]

    def process_label(self, label: str | Text) -> Text:
        """A file name is literal text, never markup ('[b].txt' stays as it is)."""
        return Text(display_name(label), no_wrap=True, end="") if isinstance(label, str) else label


def _shown(path: Path) -> bool:
    try:
        return path.is_dir() or (is_article_file(path) and path.is_file())
    except OSError:  # a loop of links, a name too long: not shown
        return False


class OpenArticleScreen(ModalScreen[str | None]):
    """Returns the path of the article to open, or None when cancelled."""

    CSS_PATH = open_css()
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="reader.open.cancel")]

    def __init__(self, folder: Path, recent: Sequence[RecentArticle], *, focus_recent: bool = False) -> None:
        super().__init__(id="open")
        self.folder = folder
        self.recent = list(recent)
        self.focus_recent = focus_recent and bool(self.recent)

    def compose(self) -> ComposeResult:
        with Vertical(id="open-box"):
            yield Static("Open an article", id="open-title")
            with Horizontal(id="open-lists"):
                with Vertical(id="open-recent-box"):
                    yield Static("Recent", classes="open-label")
                    yield OptionList(*self.recent_options(), id="open-recent")
                with Vertical(id="open-tree-box"):
                    yield Static(plain(display_name(str(self.folder))), classes="open-label", id="open-folder")
                    yield ArticleTree(self.folder, id="open-tree")
            yield Input(placeholder="or type a path: .txt, .md or .html (a saved web page)", id="open-path")
            yield Static(HINT, id="open-hint")

    def recent_options(self) -> list[Option]:
        if not self.recent:
            return [Option(Content.styled("no article opened yet", "$text-muted"), disabled=True)]
        options = []
        for entry in self.recent:
            name = display_name(entry.path)
            title = plain(entry.title or Path(name).name).stylize("bold")
            options.append(Option(Content.assemble(title, "\n", Content.styled(name, "$text-muted")), id=entry.path))
        return options

    def on_mount(self) -> None:
        if self.focus_recent:
            recent = self.query_one("#open-recent", OptionList)
            recent.highlighted = 0
            recent.focus()
        else:
            self.query_one(ArticleTree).focus()

    # -- choosing ---------------------------------------------------------------------------------
    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss(str(event.path))

    def on_tree_node_highlighted(self, event: DirectoryTree.NodeHighlighted) -> None:
        event.stop()
        path = getattr(event.node.data, "path", None)
        if isinstance(path, Path) and event.control.has_focus:  # not the root highlighted on loading
            self.query_one(Input).value = str(path)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id and event.control.has_focus:
            self.query_one(Input).value = event.option.id

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if not value:
            self.say("Type the path of an article, or choose one above.")
            return
        path = Path(value).expanduser()
        path = path if path.is_absolute() else self.folder / path
        try:
            is_folder = path.is_dir()
        except OSError:
            is_folder = False
        if is_folder:  # a folder: browse it
            self.folder = path
            self.query_one(ArticleTree).path = path
            self.query_one("#open-folder", Static).update(plain(display_name(str(path))))
            self.query_one(ArticleTree).focus()
            return
        self.dismiss(str(path))

    def say(self, text: str) -> None:
        self.query_one("#open-hint", Static).update(plain(text))

    def action_cancel(self) -> None:
        self.dismiss(None)
