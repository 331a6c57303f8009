"""The reader's full-screen Textual app.

``run_tui(path)`` opens an article; ``make_app(path)`` builds the app (tests reuse it).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from ..ingest import InputError, read_article
from ..model import Article
from .app import ReaderApp, styles_path

__all__ = ["ReaderApp", "make_app", "run_tui", "styles_path"]


def make_app(
    path: str,
    *,
    actors: Sequence[str] | None = None,
    use_cache: bool = True,
    model: str | None = None,
    keymap_file: Path | None = None,
) -> ReaderApp:
    """Read the article at ``path`` (raises InputError) and build the app around it."""
    article = read_article(path)
    return ReaderApp(article, actors=actors, use_cache=use_cache, model=model, keymap_file=keymap_file,
                     path=None if path == "-" else path)


def run_tui(
    path: str | None,
    *,
    actors: list[str] | None = None,
    use_cache: bool = True,
    model: str | None = None,
    article: Article | None = None,
) -> int:
    """Run the app on ``path`` (or on ``article``, read already, e.g. from standard input; with
    neither, on the open dialog); return the exit status (2 if the article cannot be read)."""
    try:
        if article is not None or path is None:
            app = ReaderApp(article, actors=actors, use_cache=use_cache, model=model)
        else:
            app = make_app(path, actors=actors, use_cache=use_cache, model=model)
    except (InputError, OSError, UnicodeDecodeError) as error:
        print(f"reader: {error}", file=sys.stderr)
        return 2
    result = app.run()
    if app.main_screen is not None and app.main_screen.unmatched:  # seen in the TUI; repeated where it stays after exit
        print(f"reader: {app.main_screen.unmatched}", file=sys.stderr)
    return int(result or 0) if app.return_code is None else app.return_code
