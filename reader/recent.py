"""The articles opened recently, most recent first, kept beside the corrections.

A small JSON file in the reader's data directory (``$READER_DATA_DIR`` or the platform's user
data directory, as for the corrections): bounded to ``MAX_RECENT`` entries; entries whose file
is gone are dropped when read; a broken file gives an empty list and one problem (never an
exception). No Textual here.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .corrections import data_dir

RECENT_FILE = "recent.json"
MAX_RECENT = 20
MAX_FILE_BYTES = 1_000_000
MAX_TITLE = 200
VERSION = 1


@dataclass(frozen=True)
class RecentArticle:
    """An article file opened before: its absolute path and the title it had then."""

    path: str
    title: str = ""


def recent_path(directory: Path | None = None) -> Path:
    """Where the list is kept (``directory`` for tests and tools)."""
    return (directory or data_dir()) / RECENT_FILE


def load_recent(path: Path | None = None) -> tuple[list[RecentArticle], str | None]:
    """The recent articles whose file still exists, and the problem with the list file if it
    cannot be used (it is then ignored: an empty list)."""
    path = path or recent_path()
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return [], None
    except OSError as e:
        return [], f"the list of recent articles {path} cannot be read ({e.strerror or e}); it is ignored"
    if len(raw) > MAX_FILE_BYTES:
        return [], f"the list of recent articles {path} is too large; it is ignored"
    try:
        entries = _entries(json.loads(raw.decode("utf-8")))
    except (ValueError, RecursionError):
        return [], f"the list of recent articles {path} is not a list the reader wrote; it is ignored"
    return [e for e in entries if os.path.isfile(e.path)], None


def _entries(data: object) -> list[RecentArticle]:
    """The entries of the decoded file; ValueError if it is not in the expected shape."""
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise ValueError("no articles")
    entries: list[RecentArticle] = []
    seen: set[str] = set()
    for item in data["articles"]:
        if not isinstance(item, dict) or not isinstance(item.get("path"), str) or not item["path"]:
            raise ValueError("an entry without a path")
        title = item.get("title")
        if item["path"] not in seen and "\x00" not in item["path"]:
            seen.add(item["path"])
            entries.append(RecentArticle(item["path"], title[:MAX_TITLE] if isinstance(title, str) else ""))
    return entries[:MAX_RECENT]


def remember(file: str, title: str | None = None,
             path: Path | None = None) -> tuple[list[RecentArticle], str | None]:
    """Put ``file`` (made absolute) first in the list, save it; return the list and the problem
    with the list file as it was (a file that cannot be used is replaced). Raises OSError if the
    list cannot be written."""
    path = path or recent_path()
    absolute = os.path.abspath(file)
    entries, problem = load_recent(path)
    entry = RecentArticle(absolute, (title or "")[:MAX_TITLE])
    entries = [entry, *(e for e in entries if e.path != absolute)][:MAX_RECENT]
    _save(entries, path)
    return entries, problem


def _save(entries: list[RecentArticle], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": VERSION, "articles": [{"path": e.path, "title": e.title} for e in entries]}
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".recent.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape") as f:
            json.dump(data, f, ensure_ascii=True, indent=1)
            f.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
