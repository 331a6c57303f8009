"""The user's keymap: binding id -> keys, read from keymap.toml in the user config directory."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

CONFIG_ENV = "READER_CONFIG_DIR"
KEYMAP_FILE = "keymap.toml"


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("reader", appauthor=False))


def keymap_path() -> Path:
    return config_dir() / KEYMAP_FILE


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """The keymap in ``path`` (default: the user's) and a list of problems found in it.

    The file holds ``"binding.id" = "keys"`` pairs, under a ``[keymap]`` table or at the top.
    A missing file is no problem; a broken one yields an empty keymap and one problem.
    """
    path = path or keymap_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return {}, [f"{path}: {error}"]
    table = data.get("keymap", data)
    if not isinstance(table, dict):
        return {}, [f"{path}: [keymap] must be a table"]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in table.items():
        if isinstance(keys, list):
            keys = ",".join(str(k) for k in keys)
        if not isinstance(keys, str) or not keys.strip():
            problems.append(f"{path}: {binding_id!r} needs a string of keys")
            continue
        keymap[str(binding_id)] = keys.replace(" ", "")
    return keymap, problems
