"""The library loses nothing when things go wrong, through the real command in its own process:
``reader add`` killed mid-run, a library locked by a second process, a corrupt or damaged file,
and a library of an older schema."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT
from test_corpus import corpus_folder, run
from test_library import make_v1

from reader.library import SCHEMA_VERSION, open_library

WAIT = 240.0  # seconds at most for a condition (the machine is shared and slow)


def reader(*argv: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "reader", *argv], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def article_count(path: Path) -> int:
    """Articles committed so far, read as another process reads them (0 before the table exists)."""
    if not path.exists():
        return 0
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not written yet
        return 0
    finally:
        conn.close()


def wait_until(condition, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert proc.poll() is None, f"reader add ended first: {proc.communicate()}"
        assert time.monotonic() < deadline, "the condition never came"
        time.sleep(0.02)


def assert_whole(path: Path) -> list[int]:
    """The library opens, passes SQLite's integrity check, and every article in it is whole (all
    its positions and parties); returns the article ids."""
    with open_library(path) as library:
        assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert library.version == SCHEMA_VERSION
        ids = [e.id for e in library.articles()]
        for article_id in ids:
            stored = library.stored(article_id)
            count = library.conn.execute("SELECT count(*) FROM positions WHERE article_id = ?",
                                         (article_id,)).fetchone()[0]
            assert count == len(stored.positions)
            assert {p.actor for p in stored.positions} <= {
                r[0] for r in library.conn.execute("SELECT actor_id FROM article_parties WHERE article_id = ?",
                                                   (article_id,))}
    return ids


# --- a crash mid-batch ---------------------------------------------------------------------------------


def running_with(marker: str) -> list[int]:
    """The processes whose command line names ``marker`` (the library of one test)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker in (entry / "cmdline").read_bytes().decode(errors="replace"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


@pytest.mark.parametrize(("how", "jobs"), [(signal.SIGKILL, 1), (signal.SIGINT, 1), (signal.SIGKILL, 2)],
                         ids=["crash", "ctrl-c", "crash-2-workers"])
def test_killed_add_keeps_the_finished_batches(tmp_path, how, jobs):
    """``reader add`` on 24 articles, 3 a batch, killed (SIGKILL: a crash; SIGINT: Ctrl-C) once the
    first batch is in: the library holds whole batches only, opens fine, and the same command
    then adds the rest. Its worker processes end with it."""
    folder = corpus_folder(tmp_path / "articles", 24)  # enough batches left when the signal lands on a busy machine
    library = tmp_path / "lib.sqlite3"
    proc = reader("add", str(folder), "--library", str(library), "--jobs", str(jobs), "--batch-size", "3",
                  "--no-cache")
    try:
        wait_until(lambda: article_count(library) >= 3, proc)
        proc.send_signal(how)
        out, err = proc.communicate(timeout=WAIT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    deadline = time.monotonic() + WAIT
    while running_with(str(library)):  # the workers follow their parent
        assert time.monotonic() < deadline, "worker processes outlived reader add"
        time.sleep(0.02)
    kept = assert_whole(library)
    assert 3 <= len(kept) < 24 and len(kept) % 3 == 0
    if how == signal.SIGINT:
        assert proc.returncode == 130 and "Traceback" not in err
        assert out == f"interrupted: added {len(kept)}, already there 0, failed 0\n"
    else:
        assert proc.returncode == -signal.SIGKILL
    again = reader("add", str(folder), "--library", str(library), "--jobs", "1", "--batch-size", "3")
    out, err = again.communicate(timeout=WAIT)
    assert (again.returncode, out) == (0, f"added {24 - len(kept)}, already there {len(kept)}, failed 0\n"), err
    assert len(assert_whole(library)) == 24


# --- a locked library ---------------------------------------------------------------------------------------

HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()  # until the test closes our standard input
conn.execute("ROLLBACK")
"""


def test_library_locked_by_another_process(tmp_path):
    folder = corpus_folder(tmp_path / "articles", 2)
    library = tmp_path / "lib.sqlite3"
    open_library(library).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(library)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        blocked = reader("add", str(folder), "--library", str(library), "--jobs", "1")
        out, err = blocked.communicate(timeout=WAIT)
    finally:
        holder.stdin.close()
        holder.wait(timeout=WAIT)
    assert blocked.returncode == 1 and out == ""
    assert err.count("\n") == 1 and "in use by another process" in err and "Traceback" not in err
    assert article_count(library) == 0
    again = reader("add", str(folder), "--library", str(library), "--jobs", "1")  # free again: it works
    out, err = again.communicate(timeout=WAIT)
    assert (again.returncode, out) == (0, "added 2, already there 0, failed 0\n"), err


# --- corrupt and damaged files --------------------------------------------------------------------------------


def test_add_to_a_corrupt_file_never_writes_it(capsys, tmp_path):
    folder = corpus_folder(tmp_path / "articles", 1)
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"these are my notes, not a library\n" * 40)
    before = path.read_bytes()
    status, out, err = run(capsys, "add", str(folder), "--library", str(path))
    assert (status, out) == (1, "") and err.count("\n") == 1
    assert "not a reader library" in err and "left as it is" in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "lib.sqlite3"]  # no -wal, no -journal


def test_add_to_a_damaged_library_never_writes_it(capsys, nlp, tmp_path, sample_analyses):
    path = tmp_path / "lib.sqlite3"
    with open_library(path) as library:
        library.add(next(iter(sample_analyses.values())))
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[100:] = b"\x00\x13" * ((len(data) - 100) // 2)  # every page after the header destroyed
    path.write_bytes(bytes(data))
    folder = corpus_folder(tmp_path / "articles", 1)
    for argv in (("add", str(folder)), ("library", "--list"), ("library", "--export", str(tmp_path / "e.jsonl"))):
        status, out, err = run(capsys, *argv, "--library", str(path))
        assert status == 1 and out == "" and err.count("\n") == 1, argv
        assert "damaged or not a reader library" in err and "left as it is" in err
        assert path.read_bytes() == bytes(data)
    assert not (tmp_path / "e.jsonl").exists()


# --- an older schema --------------------------------------------------------------------------------------------


def test_add_to_a_version_1_library_migrates_it(capsys, nlp, tmp_path, sample_analyses):
    seed = sample_analyses["000_92e0686fa38e74b4"]
    path = tmp_path / "lib.sqlite3"
    make_v1(path, seed)
    folder = corpus_folder(tmp_path / "articles", 3)  # the seed is the first sample: it is there already
    status, out, err = run(capsys, "add", str(folder), "--library", str(path), "--jobs", "1")
    assert (status, out) == (0, "added 2, already there 1, failed 0\n"), err
    with open_library(path) as library:
        assert library.version == SCHEMA_VERSION
        assert len(library.articles()) == 3 and library.stored(1) == seed  # the old article as it was
        assert library.article_party(3, "russia") == library.article_party(1, "russia") == 1  # Kyiv: the same Russia
    status, out, _ = run(capsys, "library", "--list", "--library", str(path))  # indexes the old article anew
    assert status == 0 and len(out.splitlines()) == 4
    assert len(assert_whole(path)) == 3
