"""Shared fixtures: the real spaCy pipeline, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = Path(__file__).resolve().parent / "gold"
SEED = SAMPLES / "000_92e0686fa38e74b4.txt"


@pytest.fixture(scope="session", autouse=True)
def _no_user_corrections(tmp_path_factory):
    """Corrections and cached analyses are read from (and saved to) temp dirs, never the user's
    (tests that save some set their own): a run never depends on what an earlier run left."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("READER_DATA_DIR", str(tmp_path_factory.mktemp("reader-data")))
        patch.setenv("READER_CACHE_DIR", str(tmp_path_factory.mktemp("reader-cache")))
        yield


def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def nlp():
    """The trained English pipeline chosen by reader.nlp.load_nlp (the real one, not a stub)."""
    from reader.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def sample_analyses(nlp):
    """{file stem: Analysis} for every sample, parsed together with nlp.pipe."""
    from reader.ingest import read_article
    from reader.pipeline import analyze_many

    paths = sample_paths()
    analyses = analyze_many([read_article(str(p)) for p in paths], nlp)
    return {p.stem: a for p, a in zip(paths, analyses, strict=True)}


@pytest.fixture(scope="session")
def dev_analyses(nlp):
    """{file stem: Analysis} for the development set (samples/dev, gold in tests/gold/dev)."""
    return analyses_of(nlp, SAMPLES / "dev")


@pytest.fixture(scope="session")
def heldout_analyses(nlp):
    """{file stem: Analysis} for the held-out set (samples/heldout, gold in tests/gold/heldout)."""
    return analyses_of(nlp, SAMPLES / "heldout")


@pytest.fixture(scope="session")
def open_set_analyses(nlp):
    """{set: {file stem: Analysis}} for the other sets the team tunes on (heldout2, dev2 to dev27)."""
    return {name: analyses_of(nlp, SAMPLES / name)
            for name in ("heldout2", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10",
                         "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19",
                         "dev20", "dev21", "dev22", "dev23", "dev24", "dev25", "dev26", "dev27")}


def analyses_of(nlp, folder):
    from reader.ingest import read_article
    from reader.pipeline import analyze_many

    paths = sorted(folder.glob("*.txt"))
    analyses = analyze_many([read_article(str(p)) for p in paths], nlp)
    return {p.stem: a for p, a in zip(paths, analyses, strict=True)}


@pytest.fixture(scope="session", autouse=True)
def private_config_dir(tmp_path_factory):
    """No test reads or writes the user's own config (settings.json, keymap.toml): a temporary
    directory for the session; TUI tests get one of their own per test (tui_support.reader_env)."""
    import os

    old = os.environ.get("READER_CONFIG_DIR")
    os.environ["READER_CONFIG_DIR"] = str(tmp_path_factory.mktemp("config"))
    yield
    if old is None:
        os.environ.pop("READER_CONFIG_DIR", None)
    else:
        os.environ["READER_CONFIG_DIR"] = old
