"""datafiles.load_toml: the TOML data files parsed, the parse kept as JSON in the user cache."""

import tomllib
from importlib import resources

import pytest

from reader import datafiles

NAMES = sorted(p.name for p in resources.files("reader.data").iterdir() if p.name.endswith(".toml"))


def parsed(name):
    return tomllib.loads(resources.files("reader.data").joinpath(name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_every_data_file_loads_as_tomllib_parses_it(tmp_path, monkeypatch, name):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path))
    assert datafiles.load_toml(name) == parsed(name)  # parsed, then kept
    assert datafiles.load_toml(name) == parsed(name)  # read back from what was kept


def test_a_kept_parse_is_read_without_parsing(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path))
    first = datafiles.load_toml("links.toml")
    monkeypatch.setattr(datafiles.tomllib, "loads", lambda text: pytest.fail("parsed again"))
    assert datafiles.load_toml("links.toml") == first
    assert list((tmp_path / "_data").glob("links-*.json"))


def test_a_broken_kept_file_is_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path))
    datafiles.load_toml("links.toml")
    for kept in (tmp_path / "_data").glob("links-*.json"):
        kept.write_text("{not json", encoding="utf-8")
    assert datafiles.load_toml("links.toml") == parsed("links.toml")


def test_an_unwritable_cache_only_means_parsing(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("READER_CACHE_DIR", str(blocker))
    assert datafiles.load_toml("links.toml") == parsed("links.toml")


def test_each_call_gives_a_new_dict(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path))
    first = datafiles.load_toml("links.toml")
    first["threshold"] = -1
    assert datafiles.load_toml("links.toml")["threshold"] != -1
