"""The list of recently opened articles (reader.recent): bounded, most recent first, safe."""

from __future__ import annotations

import json
import os

import pytest

from reader.recent import MAX_RECENT, RecentArticle, load_recent, recent_path, remember


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = []
    for n in range(MAX_RECENT + 5):
        path = folder / f"story{n}.txt"
        path.write_text(f"Story {n}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_most_recent_first_without_duplicates(tmp_path, articles):
    store = tmp_path / "data" / "recent.json"
    remember(str(articles[0]), "First", store)
    remember(str(articles[1]), "Second", store)
    entries, problem = remember(str(articles[0]), "First again", store)
    assert problem is None
    assert entries == [RecentArticle(str(articles[0]), "First again"), RecentArticle(str(articles[1]), "Second")]
    assert load_recent(store) == (entries, None)


def test_relative_paths_are_kept_absolute(tmp_path, articles, monkeypatch):
    monkeypatch.chdir(articles[0].parent)
    store = tmp_path / "recent.json"
    remember(articles[3].name, None, store)
    assert load_recent(store)[0] == [RecentArticle(str(articles[3]), "")]


def test_the_list_is_bounded(tmp_path, articles):
    store = tmp_path / "recent.json"
    for path in articles:
        remember(str(path), path.stem, store)
    entries, problem = load_recent(store)
    assert problem is None
    assert len(entries) == MAX_RECENT
    assert entries[0].path == str(articles[-1])
    assert str(articles[0]) not in {e.path for e in entries}


def test_missing_files_are_dropped(tmp_path, articles):
    store = tmp_path / "recent.json"
    remember(str(articles[0]), "gone", store)
    remember(str(articles[1]), "kept", store)
    articles[0].unlink()
    assert load_recent(store) == ([RecentArticle(str(articles[1]), "kept")], None)
    assert [e.path for e in remember(str(articles[2]), "", store)[0]] == [str(articles[2]), str(articles[1])]


@pytest.mark.parametrize("content", [b"{not json", b'{"articles": 3}', b'{"articles": [{"title": "x"}]}',
                                     b"\xff\xfe\x00", b"[]", b'{"articles": [' * 5000])
def test_a_broken_file_is_one_problem_and_is_replaced(tmp_path, articles, content):
    store = tmp_path / "recent.json"
    store.write_bytes(content)
    entries, problem = load_recent(store)
    assert entries == []
    assert problem is not None and str(store) in problem and "ignored" in problem
    assert "\n" not in problem
    assert remember(str(articles[0]), "new", store)[1] == problem
    assert load_recent(store) == ([RecentArticle(str(articles[0]), "new")], None)


def test_an_unreadable_file_is_a_problem_not_an_exception(tmp_path):
    store = tmp_path / "recent.json"
    store.mkdir()  # a directory where the file should be
    entries, problem = load_recent(store)
    assert entries == [] and problem is not None and "cannot be read" in problem


def test_an_unwritable_data_dir_raises_oserror(tmp_path, articles):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a directory", encoding="utf-8")
    with pytest.raises(OSError):
        remember(str(articles[0]), "x", blocker / "recent.json")


def test_a_file_name_that_is_not_utf8_survives(tmp_path):
    if os.name != "posix":
        pytest.skip("bytes file names are POSIX")
    name = os.fsdecode(b"caf\xe9.txt")
    path = tmp_path / name
    path.write_text("Story.\n", encoding="utf-8")
    store = tmp_path / "recent.json"
    remember(str(path), "Café", store)
    assert load_recent(store)[0] == [RecentArticle(str(path), "Café")]
    json.loads(store.read_text(encoding="ascii"))  # written as plain ASCII JSON


def test_the_list_lives_in_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path))
    assert recent_path() == tmp_path / "recent.json"
