"""One home for each fact: kind names and badges in reader.model, the version in pyproject.toml,
and the panel rows kept in a bounded cache."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from tui_support import WIDE, cached_app, drained, no_spacy, panels_of, reader_env  # noqa: F401

import reader
import reader.tui.widgets.panels_view as panels_module
from reader.export import badge as export_badge
from reader.model import KIND_BADGES, KIND_PLURALS, KINDS, kind_badge, kind_plural
from reader.tui.text import BADGE_WIDTH, badge
from reader.tui.widgets.panels_view import LRU

ROOT = Path(__file__).resolve().parent.parent


def test_every_kind_has_a_badge_and_a_plural():
    assert set(KIND_BADGES) == set(KINDS) == set(KIND_PLURALS)
    assert kind_badge("threaten") == "THREAT" and kind_plural("threaten") == "threats"
    assert BADGE_WIDTH == max(len(b) for b in KIND_BADGES.values())


@pytest.mark.parametrize("kind", KINDS)
def test_the_tui_and_the_exports_use_the_same_badge(kind):
    assert badge(kind).plain == export_badge(kind) == KIND_BADGES[kind]


def test_no_other_module_spells_the_badges():
    spelled = re.compile(r'"(?:DEMAND|OFFER|ACCEPT|REJECT|THREAT|ACCUSE|STATEMENT)"')
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "reader").rglob("*.py")
        if path.name != "model.py" and spelled.search(path.read_text(encoding="utf-8"))
    ]
    assert not offenders


def test_the_version_is_written_once():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert reader.__version__ == version("reader") == pyproject["project"]["version"]
    source = (ROOT / "reader" / "__init__.py").read_text(encoding="utf-8")
    assert pyproject["project"]["version"] not in source


def test_the_lru_keeps_the_most_recently_used():
    cache: LRU[str, int] = LRU(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # a is now the most recent
    cache.put("c", 3)
    assert cache.get("b") is None and cache.get("a") == 1 and cache.get("c") == 3
    assert len(cache) == 2


@pytest.mark.usefixtures("reader_env", "no_spacy")
async def test_the_panel_rows_kept_are_bounded(monkeypatch):
    monkeypatch.setattr(panels_module, "ROWS_KEPT", 12)
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        for _ in range(20):  # every move renders two looks of rows again
            await pilot.press("j")
        for theme in ("textual-light", "gruvbox"):
            app.theme = theme
            await pilot.pause()
        await pilot.pause()
        panels = panels_of(app)
        assert 0 < len(panels._rows) <= 12
        assert all(key[0] == "gruvbox" for key in panels._rows.keys())  # keyed on the theme
