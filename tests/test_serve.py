"""``reader serve``: the reader in a web browser through textual-serve (no browser needed here:
the page over HTTP, then the app's terminal output over the page's websocket)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import aiohttp
import pytest
from conftest import ROOT, SEED

from reader.cli import main, serve_command, serve_parser

STARTUP = 60.0  # seconds for the server to listen (it imports little; the machine may be busy)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@contextmanager
def served(*argv: str, env: dict[str, str] | None = None) -> Iterator[int]:
    """``reader serve ARGV --port N`` running until the block ends; yields N."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "reader", "serve", *argv, "--port", str(port)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            cwd=ROOT, env={**os.environ, **(env or {})}, start_new_session=True)
    try:
        deadline = time.monotonic() + STARTUP
        while not listening(port):
            assert proc.poll() is None, f"reader serve ended: {proc.stdout.read().decode(errors='replace')}"
            assert time.monotonic() < deadline, "reader serve is not listening"
            time.sleep(0.05)  # polling the port until it listens, bounded by the deadline
        yield port
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the server and the reader it runs for a browser
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        proc.stdout.close()


async def screen_text(port: int, wanted: bytes, timeout: float = 60.0) -> bytes:
    """What the served reader draws, through the page's websocket, until ``wanted`` shows."""
    received = b""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    async with aiohttp.ClientSession() as session, \
            session.ws_connect(f"http://127.0.0.1:{port}/ws?width=120&height=40") as ws:
        while wanted not in received:
            left = deadline - loop.time()
            assert left > 0, f"{wanted!r} never drawn; got {received[-400:]!r}"
            message = await ws.receive(timeout=left)
            assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), message
            if message.type == aiohttp.WSMsgType.BINARY:
                received += message.data
    return received


async def test_serve_gives_the_textual_serve_page_and_runs_the_reader(tmp_path):
    with served(str(SEED), env={"READER_CACHE_DIR": str(tmp_path / "cache")}) as port:
        async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/") as response:
            assert response.status == 200
            page = await response.text()
        assert f"http://127.0.0.1:{port}/static/js/textual.js" in page  # textual-serve's client
        assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page
        assert SEED.name in page  # the page's title names the article
        drawn = await screen_text(port, b"For months, NATO")  # the article, drawn at once
        assert b"\x1b[?1049h" in drawn  # a Textual app took the (browser's) screen


async def test_serve_without_an_article_opens_the_dialog(tmp_path):
    with served(env={"READER_CACHE_DIR": str(tmp_path / "cache"), "READER_DATA_DIR": str(tmp_path / "data")}) as port:
        drawn = await screen_text(port, b"Open an article")
        assert b"Recent" in drawn


def test_serve_command_runs_the_reader_on_the_article(monkeypatch, tmp_path):
    import shlex

    args = serve_parser().parse_args(["a b.txt", "--actors", "US,NATO", "--no-cache"])
    assert shlex.split(serve_command(args)) == [sys.executable, "-m", "reader", "a b.txt", "--actors", "US,NATO",
                                                "--no-cache"]
    assert (args.host, args.port) == ("127.0.0.1", 8000)
    dashed = serve_parser().parse_args(["--", "-story.txt"])
    assert shlex.split(serve_command(dashed))[3] == "./-story.txt"  # a file, not an option


@pytest.mark.parametrize(("argv", "expected"), [
    (["serve", "no/such/file.txt"], "no such file"),
    (["serve", "-"], "standard input"),
    (["serve", "--port", "70000"], "between 1 and 65535"),
    (["serve", "--port", "http"], "not a port number"),
])
def test_serve_bad_arguments_are_one_line(capsys, argv, expected):
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and expected in err.lower()


def test_serve_on_a_port_in_use_is_one_line(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "reader", "serve", str(SEED), "--port", str(port)],
                              capture_output=True, cwd=ROOT, timeout=120, check=False, stdin=subprocess.DEVNULL)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert f"cannot serve on 127.0.0.1:{port}" in err and "Traceback" not in err


def test_serve_is_in_the_help(capsys):
    assert main(["--help"]) == 0
    assert "reader serve" in capsys.readouterr().out
    assert Path(ROOT / "README.md").read_text(encoding="utf-8").count("reader serve") >= 1
