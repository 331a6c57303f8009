"""``reader add``, ``reader library`` and ``reader remove`` with the real spaCy pipeline (small
articles): a folder with a bad file, the summary line, the list and its JSON, removal, and
libraries that cannot be used."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import sys

import pytest
from conftest import SAMPLES

from reader.cli import main

SMALL = ["voa-us-russia-diplomat-expulsions-2018", "voa-vietnam-china-oil-rig-2016"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def folder(tmp_path):
    """Two small articles (one in a subfolder, with its .meta.json) and one empty, unreadable file."""
    root = tmp_path / "articles"
    (root / "more").mkdir(parents=True)
    shutil.copy(SAMPLES / "dev" / f"{SMALL[0]}.txt", root)
    shutil.copy(SAMPLES / "dev" / f"{SMALL[0]}.meta.json", root)
    shutil.copy(SAMPLES / "dev" / f"{SMALL[1]}.txt", root / "more")
    (root / "more" / "empty.txt").write_text("")
    (root / "notes.json").write_text("{}")  # not an article file: not read
    return root


@pytest.fixture
def library(tmp_path):
    return str(tmp_path / "lib.sqlite3")


def test_add_folder_list_json_remove(capsys, nlp, folder, library):
    status, out, err = run(capsys, "add", str(folder), "--library", library)
    assert status == 0
    assert out == "added 2, already there 0, failed 1\n"
    assert err.count("\n") == 1 and "empty.txt: is empty" in err and err.startswith("reader: ")

    status, out, err = run(capsys, "add", str(folder), "--library", library)
    assert (status, out) == (0, "added 0, already there 2, failed 1\n")

    status, out, err = run(capsys, "library", "--list", "--library", library)
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "DATE", "OUTLET", "TITLE", "POSITIONS"]
    assert len(lines) == 3
    by_title = {line.split("  ")[0].strip(): line for line in lines[1:]}
    assert "2018-03-29" in out and "Voice of America" in out
    assert any("Russia" in line and "United States" in line for line in by_title.values())

    status, out, _ = run(capsys, "library", "--format", "json", "--library", library)
    entries = json.loads(out)
    assert status == 0 and len(entries) == 2
    russia = next(e for e in entries if e["date"] == "2018-03-29")
    assert russia["outlet"].startswith("Voice of America") and russia["source"].endswith(f"{SMALL[0]}.txt")
    assert {p["name"] for p in russia["parties"]} >= {"Russia", "United States"}
    assert all(p["positions"] > 0 for e in entries for p in e["parties"])

    status, out, err = run(capsys, "remove", str(russia["id"]), "--library", library)
    assert (status, out, err) == (0, f"removed {russia['id']}\n", "")
    status, out, err = run(capsys, "remove", str(russia["id"]), "--library", library)
    assert status == 2 and err == f"reader: no article {russia['id']} in the library\n"
    entries = json.loads(run(capsys, "library", "--format", "json", "--library", library)[1])
    assert [e["id"] for e in entries] != [russia["id"]] and len(entries) == 1


def test_add_stdin_and_jobs(capsys, nlp, monkeypatch, library):
    raw = (SAMPLES / "dev" / f"{SMALL[1]}.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    status, out, _ = run(capsys, "add", "-", str(SAMPLES / "dev" / f"{SMALL[0]}.txt"), "--jobs", "2",
                         "--no-cache", "--library", library)
    assert (status, out) == (0, "added 2, already there 0, failed 0\n")
    entries = json.loads(run(capsys, "library", "-f", "json", "--library", library)[1])
    assert sorted(e["source"] for e in entries)[0] == "-"


def test_nothing_added_is_an_error(capsys, tmp_path, library):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    status, out, err = run(capsys, "add", str(empty), str(tmp_path / "missing.txt"), "--library", library)
    assert status == 2 and out == "added 0, already there 0, failed 2\n"
    assert err.count("\n") == 2 and "missing.txt: no such file" in err
    (tmp_path / "nothing").mkdir()
    status, _, err = run(capsys, "add", str(tmp_path / "nothing"), "--library", library)
    assert status == 2 and "no .txt, .md or .html files" in err


def test_empty_library(capsys, library):
    assert run(capsys, "library", "--library", library) == (
        0, "", "reader: the library is empty (add articles with 'reader add PATH...')\n")
    assert run(capsys, "library", "-f", "json", "--library", library)[:2] == (0, "[]\n")


def test_corrections_show_in_the_list(capsys, nlp, library, tmp_path, monkeypatch):
    """A party merged in the reader after the article was added is merged in the list too."""
    from reader import corrections
    from reader.ingest import read_article

    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    path = SAMPLES / "dev" / f"{SMALL[0]}.txt"
    assert run(capsys, "add", str(path), "--library", library)[0] == 0
    before = json.loads(run(capsys, "library", "-f", "json", "--library", library)[1])[0]["parties"]
    assert {p["name"] for p in before} == {"Russia", "United States"}
    text = read_article(str(path)).text
    corrections.save(corrections.Corrections().merge("russia", "united-states"),
                     corrections.corrections_path(text), text)
    after = json.loads(run(capsys, "library", "-f", "json", "--library", library)[1])[0]["parties"]
    assert [(p["name"], p["positions"]) for p in after] == [("United States", sum(p["positions"] for p in before))]


def test_unusable_library_is_one_line(capsys, tmp_path):
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"garbage" * 50)
    status, out, err = run(capsys, "library", "--library", str(path))
    assert status == 1 and out == "" and err.count("\n") == 1 and "not a reader library" in err
    assert path.read_bytes() == b"garbage" * 50


def test_locked_library_is_one_line(capsys, nlp, tmp_path, monkeypatch):
    import reader.library

    path = tmp_path / "lib.sqlite3"
    reader.library.open_library(path).close()
    monkeypatch.setattr(reader.library, "BUSY_TIMEOUT", 0.05)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        status, out, err = run(capsys, "remove", "1", "--library", str(path))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert status == 1 and err.count("\n") == 1 and "in use by another process" in err


def test_bad_arguments(capsys, library):
    status, _, err = run(capsys, "add", "x.txt", "--jobs", "0", "--library", library)
    assert status == 2 and "--jobs" in err and err.count("\n") == 1
    status, _, err = run(capsys, "remove", "abc", "--library", library)
    assert status == 2 and err.count("\n") == 1


def test_parties_and_merge(capsys, nlp, folder, library):
    assert run(capsys, "add", str(folder), "--library", library)[0] == 0
    status, out, _ = run(capsys, "library", "--parties", "--format", "json", "--library", library)
    parties = {p["name"]: p for p in json.loads(out)}
    assert status == 0 and parties["Russia"]["code"] == "RUS"
    assert parties["United States"]["articles"] == 1 and parties["Vietnam"]["positions"] > 0
    table = run(capsys, "library", "--parties", "--library", library)[1].splitlines()
    assert table[0].split() == ["ID", "NAME", "CODE", "ARTICLES", "POSITIONS"] and len(table) == len(parties) + 1

    russia, vietnam = parties["Russia"], parties["Vietnam"]
    status, out, err = run(capsys, "library", "--merge", str(russia["id"]), str(vietnam["id"]), "--library", library)
    assert (status, err) == (0, "") and out == f"merged Russia ({russia['id']}) into Vietnam ({vietnam['id']})\n"
    after = {p["name"]: p for p in json.loads(run(capsys, "library", "--parties", "-f", "json",
                                                  "--library", library)[1])}
    assert "Russia" not in after
    assert after["Vietnam"]["articles"] == 2
    assert after["Vietnam"]["positions"] == vietnam["positions"] + russia["positions"]

    status, _, err = run(capsys, "library", "--merge", str(russia["id"]), str(vietnam["id"]), "--library", library)
    assert status == 2 and f"no party {russia['id']}" in err
    status, _, err = run(capsys, "library", "--merge", "1", "1", "--library", library)
    assert status == 2 and "into itself" in err


def test_positions_of_parties_across_articles(capsys, nlp, folder, library):
    assert run(capsys, "add", str(folder), "--library", library)[0] == 0
    status, out, err = run(capsys, "library", "--positions", "russia, The United States", "-f", "json",
                           "--library", library)
    found = json.loads(out)
    assert status == 0 and err == "" and found
    assert {f["party_name"] for f in found} == {"Russia", "United States"}
    assert [(f["date"], f["article"], f["start"]) for f in found] == sorted(
        (f["date"], f["article"], f["start"]) for f in found)
    text = (SAMPLES / "dev" / f"{SMALL[0]}.txt").read_text(encoding="utf-8")
    assert all(" ".join(f["text"].split()) in " ".join(text.split()) for f in found)

    kinds = {f["kind"] for f in found}
    one = sorted(kinds)[0]
    status, out, _ = run(capsys, "library", "--positions", "Russia,United States", "--kind", one, "-f", "json",
                         "--library", library)
    assert status == 0 and {f["kind"] for f in json.loads(out)} == {one}

    status, out, err = run(capsys, "library", "--positions", "Russia", "--since", "2019-01-01", "--library", library)
    assert (status, out) == (0, "") and "no positions of these parties with these filters" in err
    status, out, _ = run(capsys, "library", "--positions", "Russia", "--until", "2018-12-31", "--library", library)
    assert status == 0 and out.startswith("2018-03-29") and "Russia" in out

    status, _, err = run(capsys, "library", "--positions", "Narnia", "--library", library)
    assert status == 2 and "no party 'Narnia'" in err
    status, _, err = run(capsys, "library", "--positions", "Russia", "--since", "2019", "--library", library)
    assert status == 2 and "YYYY-MM-DD" in err


def test_folder_with_a_fifo_and_a_link_loop_does_not_hang(capsys, nlp, tmp_path, library):
    import os

    root = tmp_path / "odd"
    root.mkdir()
    shutil.copy(SAMPLES / "dev" / f"{SMALL[1]}.txt", root)
    os.mkfifo(root / "pipe.txt")
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / ".hidden.txt").write_text("A hidden file is not read.")
    status, out, err = run(capsys, "add", str(root), "--library", library)
    assert (status, out) == (0, "added 1, already there 0, failed 1\n")
    assert "pipe.txt: is a FIFO" in err and err.count("\n") == 1


def test_folder_walk_skips_what_is_not_an_article(tmp_path):
    """READMEs, licences, changelogs, metadata and gold files beside the articles are not added
    (reader/data/not_articles.toml); an article whose name only starts like one is; a file named
    on the command line is always read."""
    from reader.cli import article_files
    from reader.corpus import is_article_file

    root = tmp_path / "collection"
    (root / "dev").mkdir(parents=True)
    articles = ["story.txt", "dev/history-of-the-talks.md", "dev/licensing-deal.txt", "dev/page.html"]
    others = ["README.md", "dev/README.md", "dev/README_b.md", "LICENSE.txt", "LICENCE.md", "NOTICE.txt",
              "CHANGELOG.md", "CONTRIBUTING.md", "story.meta.json", "dev/a.meta.txt", "dev/a.gold.json",
              "dev/b.gold.txt", "requirements.txt", "COPYING", "notes.json"]
    for name in articles + others:
        (root / name).write_text("words\n")
    found = sorted(os.path.relpath(p, root) for p in article_files(str(root)))
    assert found == sorted(articles)
    assert article_files(str(root / "README.md")) == [str(root / "README.md")]  # named: read
    assert not is_article_file("ReadMe.TXT") and is_article_file("readme-of-a-story.txt")


def test_add_samples_folder_adds_no_readme():
    """'reader add samples/' takes every sample article and none of the READMEs (the files it reads)."""
    from reader.cli import article_files

    files = article_files(str(SAMPLES))
    assert files and all(f.endswith(".txt") and "README" not in f for f in files)
    assert len(files) == len(list(SAMPLES.rglob("*.txt")))


NATO_ANSWER = ("NATO Secretary-General Jens Stoltenberg on Thursday rejected Russia's demands for the exclusion "
               "of Ukraine's membership in the alliance.\n\nThe Kremlin said it would wait for a written answer "
               "on its security guarantees.\n\nStoltenberg called on Russia to withdraw its troops from the border.\n")


def test_add_links_replies_across_articles(capsys, nlp, tmp_path, library):
    """'reader add' leaves the replies across articles up to date: the seed story (17 December),
    then NATO's rejection of Russia's demands added three days later in another outlet is linked
    at once (nothing left for 'reader library' to do), as linking the whole library would."""
    seed, answer = tmp_path / "seed", tmp_path / "answer"
    seed.mkdir()
    answer.mkdir()
    shutil.copy(SAMPLES / "000_92e0686fa38e74b4.txt", seed)
    shutil.copy(SAMPLES / "000_92e0686fa38e74b4.meta.json", seed)
    (answer / "nato.txt").write_text(NATO_ANSWER)
    (answer / "nato.meta.json").write_text(json.dumps({"outlet": "Reuters", "date": "2021-12-20"}))

    def state(path: str) -> tuple[list, int]:
        with sqlite3.connect(path) as conn:
            links = conn.execute("SELECT from_article, from_position, to_article, to_position, score, relation,"
                                 " reason FROM cross_links ORDER BY 1, 2, 3, 4").fetchall()
            left = conn.execute("SELECT (SELECT count(*) FROM links_dirty) + (SELECT count(*) FROM links_pending)")
            return links, left.fetchone()[0]

    assert run(capsys, "add", str(seed), "--library", library)[:2] == (0, "added 1, already there 0, failed 0\n")
    assert state(library) == ([], 0)
    assert run(capsys, "add", str(answer), "--library", library)[:2] == (0, "added 1, already there 0, failed 0\n")
    links, left = state(library)
    assert left == 0
    assert any(link[2] == 2 and link[5] == "rejects" and "Russia's demands" in link[6] for link in links)
    whole = str(tmp_path / "whole.sqlite3")
    with sqlite3.connect(library) as source, sqlite3.connect(whole) as copy:
        source.backup(copy)  # with what is still in the write-ahead log
    from reader.library import open_library
    from reader.library_links import relink_all

    with open_library(whole) as lib:
        relink_all(lib)
    assert state(whole) == (links, 0)
    status, out, _ = run(capsys, "library", "--replies", "--format", "json", "--library", library)
    assert status == 0 and len(json.loads(out)) == len(links)
