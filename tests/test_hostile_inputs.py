"""Hostile and broken inputs, each in a real process: the expected exit status, at most one line
on stderr (exactly one for a failure), never a traceback, and output that is valid UTF-8.

One table holds every case: those handled from the start (a missing path, a directory, empty,
binary ...) and those of issue 9 (paths that cannot be inspected, names that are not UTF-8 or
hold a newline, FIFOs and devices, a full or closed standard output, '- -', --model '',
several paths with one bad, quadratic inputs). Cases that need no spaCy take a fraction of a
second; the few that analyse use a two-sentence article.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOT

ARTICLE = "Russia demanded that NATO withdraw its troops.\n\nNATO rejected the demand on Friday.\n"
LONG_NAME = "y" * 300 + ".txt"  # over the 255 bytes a file name may have: ENAMETOOLONG
BAD_NAME = b"bad\xff\xfename.txt"  # not UTF-8
TIMEOUT = 120


@dataclass
class Case:
    id: str
    argv: list[str]  # '{dir}' is the case's temporary directory
    status: int
    stderr: str  # expected inside the one stderr line; "" when stderr must be empty
    setup: Callable[[Path], None] = lambda d: None
    stdin: bytes = b""
    env: dict[str, str] = field(default_factory=dict)
    stdout: str = "pipe"  # "pipe", "full" (/dev/full) or "closed" (a pipe nobody reads)
    check_out: Callable[[bytes], None] | None = None
    lines: int = 1  # stderr lines when stderr is expected


def write(name: str | bytes, data: bytes | str = ARTICLE) -> Callable[[Path], None]:
    def make(d: Path) -> None:
        path = os.path.join(os.fsencode(d), name if isinstance(name, bytes) else os.fsencode(name))
        with open(path, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
    return make


def fifo(d: Path) -> None:
    os.mkfifo(d / "fifo")


def unix_socket(d: Path) -> None:
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(d / "sock"))
    s.close()


def symlink_loop(d: Path) -> None:
    os.symlink(d / "loop", d / "loop")


def no_search_permission(d: Path) -> None:
    (d / "locked").mkdir()
    write("a.txt")(d / "locked")
    (d / "locked").chmod(0)


def json_array(n: int) -> Callable[[bytes], None]:
    def check(out: bytes) -> None:
        data = json.loads(out)
        assert isinstance(data, list) and len(data) == n
        assert all(d["schema"] == "reader.analysis/1" for d in data)
        assert len({d["text"] for d in data}) == 1
    return check


def bad_name_source(out: bytes) -> None:
    data = json.loads(out.decode("utf-8"))
    assert data["source"].endswith("bad\\xff\\xfename.txt")


def markdown_names_bad_name(out: bytes) -> None:
    assert "bad\\xff\\xfename.txt" in out.decode("utf-8")


def a_position(out: bytes) -> None:
    assert json.loads(out)["schema"] == "reader.analysis/1"


IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

CASES = [
    # --- handled before issue 9 -------------------------------------------------------------
    Case("missing", ["analyze", "{dir}/nope.txt"], 2, "no such file"),
    Case("directory", ["analyze", "{dir}"], 2, "is a directory"),
    Case("empty", ["analyze", "{dir}/e.txt"], 2, "is empty", write("e.txt", b"")),
    Case("blank", ["analyze", "{dir}/b.txt"], 2, "only white space", write("b.txt", b" \n\t\n")),
    Case("binary", ["analyze", "{dir}/b.bin"], 2, "binary", write("b.bin", bytes(range(256)) * 40)),
    Case("unknown encoding", ["analyze", "{dir}/u.txt"], 2, "unknown text encoding",
         write("u.txt", bytes(range(128, 256)) * 8)),
    Case("only junk", ["analyze", "{dir}/j.txt"], 2, "no article text", write("j.txt", "[ad_1]\nSource link\n")),
    Case("html without text", ["analyze", "{dir}/e.html"], 2, "no article text",
         write("e.html", "<html><head></head><body><div></div></body></html>")),
    Case("five megabytes", ["analyze", "{dir}/huge.txt"], 2, "too large",
         write("huge.txt", "NATO rejected the demands again.\n" * 160_000)),
    Case("text over the limit", ["analyze", "{dir}/long.txt"], 2, "too long",
         write("long.txt", "Word after word after word.\n\n" * 12_000)),
    Case("binary stdin", ["analyze", "-"], 2, "binary", stdin=bytes(range(256)) * 10),
    Case("tui on stdin", ["-"], 2, "standard input"),
    Case("tui missing", ["{dir}/nope.txt"], 2, "no such file"),
    Case("unknown model", ["analyze", "--model", "no_such_pipeline_xx", "{dir}/a.txt"], 2, "pip install",
         write("a.txt")),
    Case("no arguments, empty stdin", [], 2, "standard input: is empty"),
    Case("unknown format", ["analyze", "--format", "xml", "x.txt"], 2, "invalid choice"),
    Case("unknown option", ["--no-such-option", "x.txt"], 2, "unrecognized arguments"),
    # --- 1. a path that cannot be inspected ---------------------------------------------------
    pytest.param(Case("no search permission", ["analyze", "{dir}/locked/a.txt"], 2, "Permission denied",
                      no_search_permission), marks=pytest.mark.skipif(IS_ROOT, reason="root reads anything")),
    pytest.param(Case("tui no search permission", ["{dir}/locked/a.txt"], 2, "Permission denied",
                      no_search_permission), marks=pytest.mark.skipif(IS_ROOT, reason="root reads anything")),
    Case("name too long", ["analyze", "{dir}/" + LONG_NAME], 2, "File name too long"),
    Case("tui name too long", ["{dir}/" + LONG_NAME], 2, "File name too long"),
    Case("symlink loop", ["analyze", "{dir}/loop"], 2, "symbolic links", symlink_loop),
    Case("through a file", ["analyze", "{dir}/a.txt/b.txt"], 2, "Not a directory", write("a.txt")),
    # --- 2. names that are not UTF-8, or not one line ---------------------------------------
    Case("bad name missing", ["analyze", b"{dir}/" + BAD_NAME], 2, "bad\\xff\\xfename.txt: no such file"),
    Case("bad name json", ["analyze", b"{dir}/" + BAD_NAME], 0, "", write(BAD_NAME), check_out=bad_name_source),
    Case("bad name markdown", ["analyze", "-f", "markdown", b"{dir}/" + BAD_NAME], 0, "", write(BAD_NAME),
         check_out=markdown_names_bad_name),
    Case("bad name strict encoding", ["analyze", b"{dir}/" + BAD_NAME], 0, "", write(BAD_NAME),
         env={"PYTHONIOENCODING": "utf-8:strict"}, check_out=bad_name_source),
    Case("newline in a missing name", ["analyze", "{dir}/new\nline.txt"], 2, "new\\nline.txt: no such file"),
    Case("escape in a missing name", ["analyze", "{dir}/\x1b[31mred.txt"], 2, "\\x1b[31mred.txt: no such file"),
    # --- 3. special files -------------------------------------------------------------------
    Case("fifo", ["analyze", "{dir}/fifo"], 2, "is a FIFO", fifo),
    Case("tui fifo", ["{dir}/fifo"], 2, "is a FIFO", fifo),
    Case("device", ["analyze", "/dev/zero"], 2, "is a device"),
    Case("tui device", ["/dev/null"], 2, "is a device"),
    Case("socket", ["analyze", "{dir}/sock"], 2, "is a socket", unix_socket),
    # --- 4. a run of punctuation: linear, so it finishes well inside the timeout -------------
    Case("16,000 quote marks", ["analyze", "{dir}/q.txt"], 0, "",
         write("q.txt", 'NATO said ' + '"' * 16_000 + " and left.\n"), check_out=a_position),
    # --- 8. standard output full, unable to encode, or closed ---------------------------------
    Case("stdout full", ["analyze", "{dir}/a.txt"], 1, "No space left on device", write("a.txt"), stdout="full"),
    Case("stdout ascii", ["analyze", "{dir}/a.txt"], 1, "PYTHONIOENCODING", write("a.txt", ARTICLE + "“Never.”\n"),
         env={"PYTHONIOENCODING": "ascii"}),
    Case("stdout closed", ["analyze", "{dir}/a.txt"], 141, "", write("a.txt"), stdout="closed"),
    # --- 9. smaller ones --------------------------------------------------------------------
    Case("stdin twice", ["analyze", "-", "-"], 0, "", stdin=ARTICLE.encode(), check_out=json_array(2)),
    Case("empty model", ["analyze", "--model", "", "{dir}/a.txt"], 2, "--model: the name is empty", write("a.txt")),
    Case("tui empty model", ["--model", "", "{dir}/a.txt"], 2, "--model: the name is empty", write("a.txt")),
    Case("one bad of several", ["analyze", "{dir}/a.txt", "{dir}/nope.txt"], 2, "--keep-going", write("a.txt")),
    Case("keep going", ["analyze", "--keep-going", "{dir}/a.txt", "{dir}/nope.txt", "{dir}/a.txt"], 2,
         "nope.txt: no such file", write("a.txt"), check_out=json_array(2)),
    Case("keep going, all bad", ["analyze", "-k", "{dir}/nope.txt", "{dir}"], 2, "no such file", lines=2),
]


def _id(case) -> str:
    return (case.values[0] if hasattr(case, "values") else case).id


def resolve(arg: str | bytes, d: Path) -> bytes:
    raw = arg if isinstance(arg, bytes) else os.fsencode(arg)
    return raw.replace(b"{dir}", os.fsencode(d))


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    case.setup(tmp_path)
    argv = [os.fsencode(sys.executable), b"-m", b"reader", *(resolve(a, tmp_path) for a in case.argv)]
    env = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "cache"), **case.env}
    env.pop("READER_DEBUG", None)
    if case.stdout == "full":
        with open("/dev/full", "wb") as full:
            proc = subprocess.run(argv, input=case.stdin, stdout=full, stderr=subprocess.PIPE, cwd=ROOT,
                                  env=env, timeout=TIMEOUT, check=False)
        out = b""
    elif case.stdout == "closed":
        child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 cwd=ROOT, env=env)
        child.stdout.close()  # like '| true': the reader is gone before anything is written
        _, err = child.communicate(timeout=TIMEOUT)
        proc = subprocess.CompletedProcess(argv, child.returncode, b"", err)
        out = b""
    else:
        proc = subprocess.run(argv, input=case.stdin, capture_output=True, cwd=ROOT, env=env, timeout=TIMEOUT,
                              check=False)
        out = proc.stdout
    err = proc.stderr.decode("utf-8")  # stderr is valid UTF-8, whatever the file names
    out.decode("utf-8")
    assert proc.returncode == case.status, err
    assert "Traceback" not in err and "Exception ignored" not in err
    if case.stderr:
        assert err.startswith("reader: ") and err.endswith("\n"), err
        assert err.count("\n") == case.lines, err
        assert case.stderr in err, err
    else:
        assert err == ""
    if case.status != 0 and case.check_out is None:
        assert out == b""
    if case.check_out is not None:
        case.check_out(out)


# --- in one process: what a real process cannot show as root ------------------------------


def test_permission_error_while_locating_is_one_line(capsys, monkeypatch, tmp_path):
    """Path.is_dir() used to raise PermissionError outside the try: any OSError is the user's."""
    from reader.cli import main

    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "stat", refuse)
    for argv in (["analyze", str(tmp_path / "a.txt")], [str(tmp_path / "a.txt")]):
        status = main(argv)
        out, err = capsys.readouterr()
        assert status == 2 and out == ""
        assert err.count("\n") == 1 and "cannot be read (Permission denied)" in err


def test_tui_reads_through_the_same_checks(tmp_path):
    """make_app (the TUI's own read) refuses a FIFO without blocking, like the CLI."""
    from reader.ingest import InputError
    from reader.tui import make_app

    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(InputError, match="is a FIFO"):
        make_app(str(tmp_path / "fifo"))


def test_tui_title_shows_a_safe_name(tmp_path):
    from reader.ingest import read_article

    path = os.path.join(os.fsencode(tmp_path), BAD_NAME)
    with open(path, "wb") as f:
        f.write(ARTICLE.encode())
    article = read_article(os.fsdecode(path))
    assert article.source.endswith("bad\\xff\\xfename.txt")
    article.source.encode("utf-8")
