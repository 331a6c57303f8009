"""Exporting the article's analysis, with the corrections, to a file.

A path in an Input (default: a file named after the article in the current directory); a
path ending in ``.json`` is written as the ``reader.analysis/1`` JSON, any other as the
Markdown report (reader.export). An existing file is overwritten only after a second enter.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ...export import render
from ...model import Analysis
from ..text import plain
from .dialog_styles import dialogs_css

SUFFIXES = {"json": ".json", "markdown": ".md"}


def format_of(path: str) -> str:
    return "json" if path.strip().lower().endswith(".json") else "markdown"


def default_path(source: str, fmt: str, directory: Path | None = None) -> Path:
    """``<article name>.reader.md`` (or ``.json``) in ``directory`` (default: the current one)."""
    stem = Path(source.rstrip("/")).stem if source not in ("", "-") else ""
    stem = re.sub(r"[^\w.-]+", "-", stem).strip(".-")[:60] or "article"
    return (directory or Path.cwd()) / f"{stem}.reader{SUFFIXES[fmt]}"


def write_export(analysis: Analysis, path: Path) -> str:
    """Write ``analysis`` to ``path`` in the format its name asks for; return the format.

    Never blocks (a FIFO) and writes only regular files; raises OSError otherwise."""
    fmt = format_of(str(path))
    text = render(analysis, fmt)
    flags = os.O_WRONLY | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, 0o644)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path} is not a regular file")
        os.ftruncate(fd, 0)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text if text.endswith("\n") else text + "\n")
    return fmt


class ExportScreen(ModalScreen[tuple[Path, str] | None]):
    """Returns (path written, format), or None when cancelled."""

    CSS_PATH = dialogs_css()
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="reader.export.cancel")]

    def __init__(self, analysis: Analysis, path: Path) -> None:
        super().__init__(id="export")
        self.analysis = analysis
        self.path = path
        self.confirm: Path | None = None  # an existing file the next enter overwrites

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static("Export the analysis, with your corrections", id="export-title")
            yield Input(str(self.path), id="export-path")
            yield Static(plain(self.hint(str(self.path))), id="export-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @staticmethod
    def hint(value: str) -> str:
        what = "the JSON (reader.analysis/1)" if format_of(value) == "json" else "the Markdown report"
        return f"Writes {what}; a name ending in .json writes JSON. enter write · escape cancel"

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.confirm = None
        self.query_one("#export-hint", Static).update(plain(self.hint(event.value)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if not value:
            self.say("Give a file name.")
            return
        path = Path(value).expanduser()
        path = path if path.is_absolute() else Path.cwd() / path
        if path.exists() and self.confirm != path:
            self.confirm = path
            self.say(f"{path} exists: enter again to overwrite it, or change the name.")
            return
        try:
            fmt = write_export(self.analysis, path)
        except OSError as error:
            reason = error.strerror or str(error)
            self.say(f"Cannot write {path}: {reason}")
            self.confirm = None
            return
        self.dismiss((path, fmt))

    def say(self, text: str) -> None:
        self.query_one("#export-hint", Static).update(plain(text))

    def action_cancel(self) -> None:
        self.dismiss(None)
