"""Where the stylesheet of the reader's dialogs (party picker, corrections, export) lives."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DIALOGS = "dialogs.tcss"


def dialogs_css() -> str:
    """``dialogs.tcss`` from the installed ``reader.styles`` package (``styles/`` in the repo)."""
    try:
        return str(Path(str(resources.files("reader.styles").joinpath(DIALOGS))))
    except ModuleNotFoundError:
        return str(Path(__file__).resolve().parents[3] / "styles" / DIALOGS)


LIBRARY = "library.tcss"


def library_css() -> str:
    """``library.tcss`` (the party view and its chooser), found as :func:`dialogs_css` finds its file."""
    return str(Path(dialogs_css()).with_name(LIBRARY))
