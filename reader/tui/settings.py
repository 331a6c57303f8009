"""What the reader remembers between runs: the theme, the panels shown, the filter, and for
each article whose parties were picked (``p``) the panels chosen and their order.

A small JSON file, ``settings.json``, in the same user config directory as ``keymap.toml``
(``READER_CONFIG_DIR`` overrides it). A missing file means the defaults; a broken one means
the defaults and one problem to tell the user (the file is rewritten on the next save).
Unknown keys are ignored, so older and newer versions of the reader can share the file.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from ..model import KINDS
from .keymap import config_dir

SETTINGS_FILE = "settings.json"
MAX_ARTICLES = 50  # articles whose panel choice is kept (the oldest choice is forgotten first)


@dataclass(frozen=True)
class Settings:
    theme: str | None = None  # a Textual theme name; None: Textual's default
    all_actors: bool = False  # every party shown, not only the chosen ones
    filter: str | None = None  # the kind the panels are filtered to; None: all kinds
    # per article (the SHA-256 of its cleaned text, as its corrections): {"shown": [...], "order": [...]}
    panels: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def panels_for(self, key: str) -> tuple[list[str], list[str]] | None:
        """(shown, order) of the parties picked for the article ``key``, if the user picked them."""
        choice = self.panels.get(key)
        return (list(choice["shown"]), list(choice["order"])) if choice else None

    def with_panels(self, key: str, shown: list[str], order: list[str]) -> Settings:
        """These settings with the article's panel choice kept (most recent last, bounded)."""
        panels = {k: v for k, v in self.panels.items() if k != key}
        panels[key] = {"shown": list(shown), "order": list(order)}
        while len(panels) > MAX_ARTICLES:
            panels.pop(next(iter(panels)))
        return replace(self, panels=panels)


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings (defaults when there are none) and what was wrong with the file, if anything."""
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return Settings(), f"{path}: {error}"
    if not isinstance(data, dict):
        return Settings(), f"{path}: expected a JSON object"
    values: dict[str, object] = {}
    bad: list[str] = []
    for name, valid in (("theme", _is_name), ("all_actors", _is_bool), ("filter", _is_kind),
                        ("panels", _is_panels)):
        if name in data:
            if valid(data[name]):
                values[name] = data[name]
            else:
                bad.append(name)
    problem = f"{path}: ignored {', '.join(bad)} (not a valid value)" if bad else None
    return Settings(**values), problem  # type: ignore[arg-type]


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Write ``settings`` (atomically: a reader never sees half a file); the problem, if it failed."""
    path = path or settings_path()
    text = json.dumps(asdict(settings), indent=2) + "\n"
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return f"{path}: {error}"
    return None


def _is_name(value: object) -> bool:
    return value is None or (isinstance(value, str) and 0 < len(value) <= 100)


def _is_bool(value: object) -> bool:
    return isinstance(value, bool)


def _is_kind(value: object) -> bool:
    return value is None or value in KINDS


def _is_panels(value: object) -> bool:
    def is_names(names: object) -> bool:
        return isinstance(names, list) and all(isinstance(n, str) for n in names)

    return isinstance(value, dict) and len(value) <= MAX_ARTICLES and all(
        isinstance(key, str) and isinstance(choice, dict) and set(choice) == {"shown", "order"}
        and is_names(choice["shown"]) and is_names(choice["order"])
        for key, choice in value.items()
    )
