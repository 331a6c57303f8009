"""The analysis cache: keys, hits without spaCy, damaged entries rebuilt, --no-cache."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from tui_support import WIDE, article_of, cached_app, drained, no_spacy, reader_env, seed_analysis  # noqa: F401

from reader import cache
from reader.model import analysis_to_dict
from reader.tui import ReaderApp
from reader.tui.widgets import PanelsView

pytestmark = pytest.mark.usefixtures("reader_env")


def test_cache_dir_follows_the_environment(tmp_path):
    assert cache.cache_dir() == tmp_path / "cache"


def test_key_depends_on_text_model_and_version():
    keys = {
        cache.cache_key("text", "en_a-1", "0.1"),
        cache.cache_key("text", "en_a-2", "0.1"),
        cache.cache_key("text", "en_a-1", "0.2"),
        cache.cache_key("text!", "en_a-1", "0.1"),
    }
    assert len(keys) == 4


def test_model_label_is_read_without_spacy():
    label = cache.model_label_for(None)
    assert label.startswith("en_core_web_sm")
    assert "-" in label
    assert cache.model_label_for("no_such_model_package") == "unavailable:no_such_model_package"
    code = "import sys; from reader.cache import model_label_for; model_label_for(None); print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_model_label_matches_the_loaded_pipeline(nlp):
    from reader.nlp import model_label

    assert cache.model_label_for(None) == model_label(nlp)


def test_round_trip():
    analysis = seed_analysis()
    path = cache.save_cached(analysis, "en_x-1")
    assert path is not None and path.exists()
    assert cache.load_cached(analysis.text, "en_x-1") == analysis
    assert cache.load_cached(analysis.text, "en_x-2") is None


@pytest.mark.parametrize("damage", ["{not json", '{"schema": "other"}', '{"schema": "reader.analysis/1"}', "[]"])
def test_damaged_entry_is_ignored_and_removed(damage):
    analysis = seed_analysis()
    path = cache.entry_path(analysis.text, "en_x-1")
    path.parent.mkdir(parents=True)
    path.write_text(damage, encoding="utf-8")
    assert cache.load_cached(analysis.text, "en_x-1") is None
    assert not path.exists()


def test_entry_for_another_text_is_refused():
    analysis = seed_analysis()
    path = cache.entry_path("some other article", "en_x-1")
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(analysis_to_dict(analysis)), encoding="utf-8")
    assert cache.load_cached("some other article", "en_x-1") is None


@pytest.mark.usefixtures("no_spacy")
def test_analyse_with_cache_hit_never_loads_spacy():
    analysis = seed_analysis()
    cache.save_cached(analysis, cache.model_label_for(None))
    moved = replace(article_of(analysis), source="elsewhere.txt")
    found, cached = cache.analyse_with_cache(moved)
    assert cached
    assert found.positions == analysis.positions
    assert found.source == "elsewhere.txt"


def test_analyse_with_cache_miss_analyses_and_stores(monkeypatch):
    import reader.nlp
    import reader.pipeline

    analysis = seed_analysis()
    calls = []
    monkeypatch.setattr(reader.nlp, "load_nlp", lambda name=None: calls.append(name) or "nlp")
    monkeypatch.setattr(reader.pipeline, "analyze", lambda article, nlp: analysis)
    article = article_of(analysis)
    assert cache.analyse_with_cache(article) == (analysis, False)
    assert cache.analyse_with_cache(article) == (analysis, True)
    assert calls == [None]
    assert cache.analyse_with_cache(article, use_cache=False) == (analysis, False)
    assert calls == [None, None]


@pytest.mark.usefixtures("no_spacy")
async def test_app_shows_panels_from_cache_without_spacy():
    app = cached_app()
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        screen = app.main_screen
        assert screen.failed is None
        assert len(screen.query_one(PanelsView).columns) == 4
        assert screen.query_one(PanelsView).visible_actors() == ["russia", "us", "nato"]
        assert screen.nav.selected == "p1"


async def test_app_rebuilds_a_damaged_entry(monkeypatch):
    import reader.nlp
    import reader.pipeline

    analysis = seed_analysis()
    label = cache.model_label_for(None)
    path = cache.entry_path(analysis.text, label)
    path.parent.mkdir(parents=True)
    path.write_text('{"schema": "reader.analysis/1", "actors": [', encoding="utf-8")
    monkeypatch.setattr(reader.nlp, "load_nlp", lambda name=None: "nlp")
    monkeypatch.setattr(reader.pipeline, "analyze", lambda article, nlp: analysis)
    app = ReaderApp(article_of(analysis))
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert app.main_screen.nav.selected == "p1"
    assert cache.load_cached(analysis.text, label) == analysis


@pytest.mark.usefixtures("no_spacy")
async def test_no_cache_skips_reading_and_writing():
    app = cached_app(use_cache=False)
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert app.main_screen.failed == "spaCy must not be loaded here"
        assert app.main_screen.analysis is None


def test_a_change_to_the_analysis_code_or_data_changes_the_key(tmp_path, monkeypatch):
    """Editing reader's analysis code or word lists (or upgrading it) must not serve old analyses."""
    import shutil

    import reader

    copy = tmp_path / "reader"
    shutil.copytree(Path(reader.__file__).parent, copy, ignore=shutil.ignore_patterns("tui", "__pycache__"))
    monkeypatch.setattr(cache, "__file__", str(copy / "cache.py"))
    cache.analysis_version.cache_clear()
    try:
        before = cache.analysis_version()
        assert before.startswith(f"{reader.__version__}+")
        cues = copy / "data" / "cues.toml"
        cues.write_text(cues.read_text(encoding="utf-8") + "\n# one more line\n", encoding="utf-8")
        cache.analysis_version.cache_clear()
        assert cache.analysis_version() != before
    finally:
        cache.analysis_version.cache_clear()
