"""Textual's private API is used in one module only, checked against one Textual version."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from reader.tui import textual_compat

ROOT = Path(__file__).resolve().parent.parent
PRIVATE = re.compile(
    r"textual\.(?:\w+\.)*_\w+"  # a private module: textual.widgets._footer, textual._cache
    r"|\._bindings\b|_bindings_ready|key_to_bindings|\bapp\._exit\b|\._notifications\b|_post_mouse_events|_result_callbacks|_push_result_callback"
)


def test_the_compat_module_was_checked_against_the_installed_textual():
    """Fails on another Textual: look at reader/tui/textual_compat.py, then update CHECKED_WITH
    (and constraints.txt, with regenerated snapshots)."""
    assert version("textual") == textual_compat.CHECKED_WITH


def test_what_the_compat_module_reaches_for_still_exists():
    assert list(textual_compat.notifications(App())) == []
    assert callable(Pilot._post_mouse_events)
    assert callable(Screen._push_result_callback) and hasattr(Screen(), "_result_callbacks")


def test_no_other_module_uses_textual_internals():
    for old in ("from textual.widgets._footer import FooterKey", "node._bindings.key_to_bindings",
                "self._bindings_ready = True", "assert app._exit", "app._notifications",
                "await pilot._post_mouse_events([event], widget)"):
        assert PRIVATE.search(old), old  # what the pattern is for
    assert not PRIVATE.search("os._exit(1)") and not PRIVATE.search("from textual.widgets import Static")
    offenders = []
    for folder in ("reader", "tests", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.name in ("textual_compat.py", "test_tui_compat.py"):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if PRIVATE.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, offenders


def test_the_users_get_a_range_and_make_test_the_exact_versions():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    constraints = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert '"textual>=8.2,<9"' in pyproject
    assert f"textual=={textual_compat.CHECKED_WITH}" in constraints.splitlines()
    assert "-c constraints.txt" in makefile and re.search(r"^\$\(STAMP\):.*constraints\.txt", makefile, re.M)
