"""The package's TOML data files (word lists, actor data, settings), parsed without the cost.

Parsing them with ``tomllib`` costs about 30 ms on every run, a tenth of what ``reader analyze``
adds to a bare spaCy process. So each parse is also kept as JSON in the user cache
(``$READER_CACHE_DIR/_data`` or the platform's cache), under the SHA-256 of the file's text: a
changed file is parsed again, and an unreadable or unwritable cache only means parsing. The TOML
stays the one source; every loader checks what it reads as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

FORMAT = "1"  # bump when the JSON kept for a file changes shape


def load_toml(name: str) -> dict[str, Any]:
    """``reader/data/<name>`` parsed: the same dict ``tomllib`` gives, a new one on each call."""
    text = resources.files("reader.data").joinpath(name).read_text(encoding="utf-8")
    path = _kept(name, text)
    if path is not None:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    data = tomllib.loads(text)
    if path is not None:
        _keep(path, data)
    return data


def _kept(name: str, text: str) -> Path | None:
    """Where the parse of this text is kept, or None when there is no cache directory."""
    try:
        from .cache import cache_dir

        folder = cache_dir() / "_data"
    except Exception:  # no platform cache directory: parse every time
        return None
    digest = hashlib.sha256(f"{FORMAT}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return folder / f"{Path(name).stem}-{digest}.json"


def _keep(path: Path, data: dict[str, Any]) -> None:
    """Write the parse atomically (a reader never sees half a file); any failure is ignored."""
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):  # a TOML date or time has no JSON form: keep nothing
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError:
        return
