"""Analysis at corpus scale (reader.corpus, reader.corpus_dask, ``reader add --jobs/--batch-size/--dask``):
batches written in one transaction each, a failing article kept apart, the progress bar on a
terminal only, and the Dask path giving the same library as the local one."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

from reader.cli import main
from reader.corpus import Failed, Summary, analyse_batch, default_jobs, parse_stream, pool_stream
from reader.ingest import read_article
from reader.library import LibraryError, open_library
from reader.progress import progress_bar

FOLDERS = (SAMPLES, SAMPLES / "dev", SAMPLES / "heldout", SAMPLES / "heldout2")


def sample_texts() -> list[Path]:
    return [p for folder in FOLDERS for p in sorted(folder.glob("*.txt"))]


def corpus_folder(root: Path, n: int) -> Path:
    """``n`` article files: the samples with their .meta.json, then copies of them with a line of
    their own at the end (so every text differs)."""
    root.mkdir(parents=True, exist_ok=True)
    samples = sample_texts()
    for i in range(n):
        source = samples[i % len(samples)]
        name = f"{i:04d}_{source.stem}"
        text = source.read_text(encoding="utf-8")
        if i >= len(samples):
            text = text.rstrip("\n") + f"\n\nThis is copy {i // len(samples)} of the story.\n"
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
        meta = source.with_suffix(".meta.json")
        if meta.exists():
            shutil.copy(meta, root / f"{name}.meta.json")
    return root


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def library_digest(path: Path) -> dict:
    """What two libraries must share to be the same: each article (id, text hash, its analysis),
    its parties, and its positions with their party, kind, offsets and words."""
    conn = sqlite3.connect(path)
    try:
        return {
            "articles": conn.execute("SELECT id, text_sha256, source, title, outlet, url, date, analysis, model"
                                     " FROM articles ORDER BY id").fetchall(),
            "parties": conn.execute("SELECT a.text_sha256, ap.actor_id, p.name, p.code, p.kind FROM article_parties"
                                    " AS ap JOIN articles AS a ON a.id = ap.article_id JOIN parties AS p"
                                    " ON p.id = ap.party_id ORDER BY 1, 2").fetchall(),
            "positions": conn.execute('SELECT a.text_sha256, q.position_id, p.name, q.kind, q.start, q."end", q.text,'
                                      " q.date, q.speaker FROM positions AS q JOIN articles AS a ON a.id = q.article_id"
                                      " JOIN parties AS p ON p.id = q.party_id ORDER BY 1, 2").fetchall(),
        }
    finally:
        conn.close()


# --- batches in one transaction ---------------------------------------------------------------------


def test_add_batch_is_one_transaction(tmp_path, sample_analyses):
    """SQLite fails on the third article of the second batch: the first batch stays whole, nothing
    of the second is kept, and the library is as before it."""
    analyses = list(sample_analyses.values())
    with open_library(tmp_path / "lib.sqlite3") as library:
        first = library.add_batch(analyses[:2])
        assert [a.added for a in first] == [True, True]
        bad = analyses[4]
        library.conn.execute(f"CREATE TEMP TRIGGER fail BEFORE INSERT ON positions WHEN NEW.text = "
                             f"{_quote(bad.positions[-1].text)} BEGIN SELECT RAISE(ABORT, 'disk gone'); END")
        with pytest.raises(LibraryError, match="disk gone"):
            library.add_batch([analyses[2], analyses[3], bad])
        assert sorted(e.id for e in library.articles()) == sorted(a.article_id for a in first)
        assert not any(library.has_text(a.text) for a in analyses[2:5])
        assert library.conn.execute("SELECT count(*) FROM positions").fetchone()[0] == sum(
            len(a.positions) for a in analyses[:2])
        library.conn.execute("DROP TRIGGER fail")
        again = library.add_batch([analyses[2], analyses[2], bad])  # the same text twice in a batch: once
        assert [a.added for a in again] == [True, False, True]
        assert library.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 4


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def test_cli_writes_batches_and_counts(capsys, nlp, tmp_path):
    folder = corpus_folder(tmp_path / "articles", 7)
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00\x00" * 3)  # not text: fails alone
    library = str(tmp_path / "lib.sqlite3")
    status, out, err = run(capsys, "add", str(folder), "--library", library, "--jobs", "1", "--batch-size", "3")
    assert status == 0 and out == "added 7, already there 0, failed 1\n"
    assert err.count("\n") == 1 and "broken.txt" in err
    with open_library(library) as lib:
        entries = lib.articles()
        assert len(entries) == 7
        for entry in entries:  # every article whole: its positions as analysed
            stored = lib.stored(entry.id)
            count = lib.conn.execute("SELECT count(*) FROM positions WHERE article_id = ?", (entry.id,)).fetchone()[0]
            assert count == len(stored.positions)
    status, out, _ = run(capsys, "add", str(folder), "--library", library, "--batch-size", "3")
    assert (status, out) == (0, "added 0, already there 7, failed 1\n")


def test_jobs_default_is_the_cores():
    from reader.cli import add_parser

    assert add_parser().parse_args(["x"]).jobs is None  # run_add then takes default_jobs()
    assert default_jobs() == len(os.sched_getaffinity(0))
    assert add_parser().parse_args(["x", "-j", "3", "--batch-size", "5"]).batch_size == 5


# --- the stream: one nlp.pipe, failures kept apart -----------------------------------------------------


@pytest.fixture(scope="module")
def exploding_nlp():
    """The reader's real pipeline plus a component that fails on texts containing EXPLODE (as a
    spaCy bug on one article would)."""
    import spacy
    from spacy.language import Language

    from reader.nlp import add_paragraph_breaks, guard_tokenizer, model_candidates

    if not Language.has_factory("test_explode"):
        @Language.component("test_explode")
        def explode(doc):
            if "EXPLODE" in doc.text:
                raise ValueError("this article breaks the parser")
            return doc

    for name in model_candidates():
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    add_paragraph_breaks(nlp)
    guard_tokenizer(nlp)
    nlp.add_pipe("test_explode")
    return nlp


@pytest.mark.parametrize("jobs", [1, 2])
def test_stream_keeps_all_but_the_failing_article(exploding_nlp, nlp, jobs):
    articles = [read_article(str(p)) for p in sample_texts()[:5]]
    bad = read_article(str(sample_texts()[5]))
    from dataclasses import replace

    bad = replace(bad, text=bad.text + "\n\nEXPLODE.", source="bad.txt")
    given = articles[:2] + [bad] + articles[2:]
    outcomes = list(parse_stream(given, exploding_nlp, jobs=jobs, batch_size=2))
    assert len(outcomes) == 6
    assert isinstance(outcomes[2], Failed) and outcomes[2].source == "bad.txt"
    assert "this article breaks the parser" in outcomes[2].reason
    expected = analyse_batch(articles)  # the same articles through the plain pipeline, in this process
    assert [o for i, o in enumerate(outcomes) if i != 2] == expected


def test_pool_of_workers_gives_the_same_in_order(nlp):
    """--jobs 2: batches analysed in two forked worker processes come back whole and in order."""
    articles = [read_article(str(p)) for p in sample_texts()[:7]]
    outcomes = list(pool_stream(articles, nlp, jobs=2, batch_size=2))
    assert outcomes == analyse_batch(articles)
    assert [o.source for o in outcomes] == [a.source for a in articles]


def test_summary_line():
    summary = Summary(added=3, already=2, failures=["a.txt: is empty"])
    assert summary.line() == "added 3, already there 2, failed 1"


# --- the progress bar ---------------------------------------------------------------------------------------


def _read_all(fd: int) -> str:
    """Everything written to a pty so far: a busy machine may hand it over in several pieces."""
    import select

    chunks = []
    while select.select([fd], [], [], 0.5)[0]:
        chunks.append(os.read(fd, 65536))
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_only(tmp_path):
    master, slave = os.openpty()
    try:
        with open(slave, "w", encoding="utf-8", closefd=False) as terminal:
            with progress_bar(3, terminal) as advance:
                assert advance is not None
                for outcome in ("ok", Failed("x.txt", "broken"), "ok"):
                    advance(outcome)
        shown = _read_all(master)
    finally:
        os.close(master)
        os.close(slave)
    assert "adding" in shown and "3/3" in shown and "1 failed" in shown
    with open(tmp_path / "log", "w", encoding="utf-8") as log:
        with progress_bar(3, log) as advance:
            assert advance is None
    assert (tmp_path / "log").read_text() == ""


def test_no_progress_bar_in_a_pipe(tmp_path):
    """Run as a script writes (stdout and stderr are pipes): the summary line only."""
    folder = corpus_folder(tmp_path / "articles", 2)
    proc = subprocess.run([sys.executable, "-m", "reader", "add", str(folder), "--library", str(tmp_path / "l.db"),
                           "--jobs", "1"], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "added 2, already there 0, failed 0\n", "")


# --- Dask -------------------------------------------------------------------------------------------------


def test_dask_missing_is_one_line(capsys, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    status, out, err = run(capsys, "add", str(SAMPLES), "--dask", "local", "--library", str(tmp_path / "l.db"))
    assert (status, out) == (2, "")
    assert err.count("\n") == 1 and "pip install 'reader[dask]'" in err and "Traceback" not in err
    assert not (tmp_path / "l.db").exists()


@pytest.mark.slow
def test_dask_gives_the_same_library_as_the_local_path(capsys, nlp, tmp_path):
    """50 articles through a LocalCluster of one worker process (started here) and through the
    local nlp.pipe: the same articles, parties and positions, in the same order."""
    distributed = pytest.importorskip("distributed")
    folder = corpus_folder(tmp_path / "articles", 50)
    local, remote = tmp_path / "local.sqlite3", tmp_path / "dask.sqlite3"
    status, out, err = run(capsys, "add", str(folder), "--library", str(local), "--jobs", "1", "--no-cache")
    assert (status, out) == (0, "added 50, already there 0, failed 0\n"), err
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        status, out, err = run(capsys, "add", str(folder), "--library", str(remote), "--dask",
                               cluster.scheduler_address, "--batch-size", "8", "--no-cache")
    assert (status, out, err) == (0, "added 50, already there 0, failed 0\n", "")
    left, right = library_digest(local), library_digest(remote)
    assert len(left["articles"]) == 50 and len(left["positions"]) > 100
    assert left == right


@pytest.mark.slow
def test_dask_local_starts_its_own_cluster(capsys, nlp, tmp_path):
    """--dask local: a LocalCluster of --jobs worker processes, started and closed by reader add."""
    pytest.importorskip("distributed")
    folder = corpus_folder(tmp_path / "articles", 4)
    local, remote = tmp_path / "local.sqlite3", tmp_path / "dask.sqlite3"
    assert run(capsys, "add", str(folder), "--library", str(local), "--jobs", "1", "--no-cache")[0] == 0
    status, out, err = run(capsys, "add", str(folder), "--library", str(remote), "--dask", "local", "--jobs", "1",
                           "--batch-size", "2", "--no-cache")
    assert (status, out, err) == (0, "added 4, already there 0, failed 0\n", "")
    assert library_digest(local) == library_digest(remote)


def test_dask_scheduler_out_of_reach_is_one_line(capsys, tmp_path):
    pytest.importorskip("distributed")
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    folder = corpus_folder(tmp_path / "articles", 1)
    status, out, err = run(capsys, "add", str(folder), "--dask", f"tcp://127.0.0.1:{port}",
                           "--library", str(tmp_path / "l.db"), "--no-cache")
    assert status == 1 and out == "" and err.count("\n") == 1
    assert "cannot reach the Dask scheduler" in err


def test_ctrl_c_waits_for_the_batch_being_written_and_counted():
    """A Ctrl-C that lands while a batch is written and counted is delivered right after, so the
    summary counts every batch the library holds, whichever thread of the process the signal
    reaches (a worker pool keeps threads of its own)."""
    import os
    import signal
    import threading

    from reader.corpus import _interrupt_held

    before = signal.getsignal(signal.SIGINT)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    done = []
    try:
        with pytest.raises(KeyboardInterrupt):
            with _interrupt_held():
                os.kill(os.getpid(), signal.SIGINT)
                done.append("written")
                done.append("counted")
    finally:
        stop.set()
    assert done == ["written", "counted"]
    assert signal.getsignal(signal.SIGINT) is before
