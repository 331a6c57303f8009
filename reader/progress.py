"""The progress bar of ``reader add`` on a terminal (rich, which Textual brings; no Textual here)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, OSError, ValueError):
        return False


@contextmanager
def progress_bar(total: int, stream: TextIO) -> Iterator[Callable[[object], None] | None]:
    """A bar of ``total`` articles on ``stream`` when it is a terminal, else nothing (None).
    Yields the callback to call with each article's outcome. The bar is redrawn by the callback,
    not by a thread of its own, so spaCy's worker processes fork from a process without threads;
    it goes away at the end, leaving the summary line."""
    if total == 0 or not is_terminal(stream):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .corpus import Failed

    columns = (TextColumn("adding"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
               TimeElapsedColumn(), TextColumn("{task.fields[failed]}"))
    with Progress(*columns, console=Console(file=stream), auto_refresh=False, transient=True) as progress:
        task = progress.add_task("add", total=total, failed="")
        failed = 0

        def advance(outcome: object) -> None:
            nonlocal failed
            failed += isinstance(outcome, Failed)
            progress.update(task, advance=1, failed=f"{failed} failed" if failed else "")
            progress.refresh()

        yield advance
