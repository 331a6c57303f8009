"""The command line: formats, several inputs, stdin, the TUI hand-off, and every bad input
ending in one line on stderr with exit status 2 (never a traceback)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED, sample_paths

from reader import __version__
from reader.cli import main
from reader.ingest import MAX_FILE_BYTES


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line_error(status: int, out: str, err: str, expected: str) -> None:
    assert status == 2
    assert out == ""
    assert err.startswith("reader: ") and err.endswith("\n") and err.count("\n") == 1
    assert expected in err
    assert "Traceback" not in err


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)


# --- analyze ----------------------------------------------------------------------------------


def test_version(capsys):
    status, out, _ = run(capsys, "--version")
    assert status == 0 and out.strip() == f"reader {__version__}"


def test_analyze_json_contract(capsys, nlp):
    status, out, err = run(capsys, "analyze", str(SEED))
    assert status == 0 and err == ""
    data = json.loads(out)
    assert data["schema"] == "reader.analysis/1"
    assert data["source"] == str(SEED) and data["title"] is None
    assert set(data) >= {"schema", "source", "title", "text", "model", "actors", "positions", "links"}
    assert "[ad_1]" not in data["text"] and "Source link" not in data["text"]
    actor_ids = {a["id"] for a in data["actors"]}
    for p in data["positions"]:
        assert data["text"][p["start"]:p["end"]] == p["text"]
        assert p["start"] <= p["content"]["start"] <= p["content"]["end"] <= p["end"]
        assert p["actor"] in actor_ids
        assert set(p["targets"]) <= actor_ids
        assert p["kind"] in {"demand", "offer", "accept", "reject", "threaten", "accuse", "statement"}


def test_several_paths_print_a_json_array_parsed_with_pipe(capsys, nlp, monkeypatch):
    import reader.pipeline

    calls = []
    real = reader.pipeline.analyze_many
    monkeypatch.setattr(reader.pipeline, "analyze_many", lambda arts, n: calls.append(1) or real(arts, n))
    paths = [str(p) for p in sample_paths()]
    status, out, _ = run(capsys, "analyze", *paths)
    assert status == 0 and calls == [1]
    data = json.loads(out)
    assert isinstance(data, list) and [d["source"] for d in data] == paths
    for d in data:
        assert all(d["text"][p["start"]:p["end"]] == p["text"] for p in d["positions"])


def test_markdown_format(capsys, nlp):
    status, out, _ = run(capsys, "analyze", "--format", "markdown", str(SEED))
    assert status == 0
    assert out.startswith("# ")
    assert "\n## " in out


def test_text_format_one_line_per_position(capsys, nlp):
    status, out, _ = run(capsys, "analyze", "-f", "text", str(SEED))
    assert status == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith("== ")
    data = json.loads(run(capsys, "analyze", str(SEED))[1])
    listed = [ln.split("\t")[0] for ln in lines[1:] if not ln.startswith("link\t")]
    assert listed == [p["id"] for p in data["positions"]]


def test_stdin(capsys, nlp, monkeypatch):
    raw = SEED.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    status, out, _ = run(capsys, "analyze", "-")
    assert status == 0
    data = json.loads(out)
    assert data["source"] == "-" and data["text"].startswith("For months")


def test_html_input(capsys, nlp, tmp_path):
    page = ("<html><head><title>Talks</title></head><body><article>"
            "<h1>Russia demands guarantees from NATO</h1>"
            "<p>Russia demanded on Friday that NATO halt its expansion to the east.</p>"
            "<p>Advertisement</p>"
            "<p>NATO Secretary-General Jens Stoltenberg rejected the demands.</p>"
            "</article></body></html>")
    status, out, _ = run(capsys, "analyze", write(tmp_path, "page.html", page))
    assert status == 0
    data = json.loads(out)
    assert data["title"] == "Russia demands guarantees from NATO"
    assert "Advertisement" not in data["text"] and "<p>" not in data["text"]


def test_markdown_input(capsys, nlp, tmp_path):
    md = "# Talks fail\n\nRussia **demanded** that [NATO](https://nato.int) halt its expansion.\n"
    status, out, _ = run(capsys, "analyze", write(tmp_path, "story.md", md))
    assert status == 0
    data = json.loads(out)
    assert data["text"] == "Talks fail\n\nRussia demanded that NATO halt its expansion."


@pytest.mark.parametrize("text", ["...", "The weather was mild and the sun shone all day long."])
def test_no_sentences_or_no_actors_is_a_valid_analysis(capsys, nlp, tmp_path, text):
    status, out, err = run(capsys, "analyze", write(tmp_path, "plain.txt", text + "\n"))
    assert status == 0 and err == ""
    data = json.loads(out)
    assert data["schema"] == "reader.analysis/1" and data["positions"] == [] and data["links"] == []


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize("name, data, expected", [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b" \n\n\t \n", "only white space"),
    ("binary.bin", bytes(range(256)) * 40, "binary"),
    ("unknown.txt", bytes(range(128, 256)) * 8, "unknown text encoding"),
    ("junk.txt", b"[ad_1]\nSource link\n", "no article text"),
])
def test_unreadable_files(capsys, tmp_path, name, data, expected):
    assert_one_line_error(*run(capsys, "analyze", write(tmp_path, name, data)), expected)


def test_missing_path(capsys, tmp_path):
    assert_one_line_error(*run(capsys, "analyze", str(tmp_path / "nope.txt")), "no such file")


def test_directory(capsys, tmp_path):
    assert_one_line_error(*run(capsys, "analyze", str(tmp_path)), "is a directory")


def test_five_megabyte_article(capsys, tmp_path):
    line = b"Russia demanded guarantees from NATO, and NATO rejected the demands again.\n"
    path = write(tmp_path, "huge.txt", line * (5_000_000 // len(line) + 1))
    assert_one_line_error(*run(capsys, "analyze", path), "too large")
    assert MAX_FILE_BYTES < 5_000_000


def test_one_bad_path_among_several_fails_before_parsing(capsys, tmp_path):
    assert_one_line_error(*run(capsys, "analyze", str(SEED), str(tmp_path / "nope.txt")), "no such file")


def test_unknown_model(capsys):
    assert_one_line_error(*run(capsys, "analyze", "--model", "no_such_pipeline_xx", str(SEED)),
                          "pip install")


@pytest.mark.parametrize("argv, expected", [
    ([], "required"),
    (["analyze"], "required"),
    (["analyze", "--format", "xml", "x.txt"], "invalid choice"),
    (["--no-such-option", "x.txt"], "unrecognized arguments"),
])
def test_usage_errors(capsys, argv, expected):
    assert_one_line_error(*run(capsys, *argv), expected)


def test_interrupt_exits_130_quietly(capsys, monkeypatch):
    def interrupted(path):
        raise KeyboardInterrupt

    monkeypatch.setattr("reader.cli.read_article", interrupted)
    status, out, err = run(capsys, "analyze", str(SEED))
    assert (status, out, err) == (130, "", "")


def test_internal_error_is_one_line(capsys, monkeypatch):
    def broken(path):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr("reader.cli.read_article", broken)
    monkeypatch.delenv("READER_DEBUG", raising=False)
    status, out, err = run(capsys, "analyze", str(SEED))
    assert status == 1 and out == "" and err.count("\n") == 1 and "RuntimeError: boom" in err


# --- the TUI hand-off -------------------------------------------------------------------------


def test_reader_article_calls_run_tui(capsys, monkeypatch):
    import reader.tui

    calls = []
    monkeypatch.setattr(reader.tui, "run_tui", lambda path, **kw: calls.append((path, kw)) or 0)
    status, _, _ = run(capsys, str(SEED), "--actors", "Russia, US,NATO", "--no-cache", "--model", "xx")
    assert status == 0
    assert calls == [(str(SEED), {"actors": ["Russia", "US", "NATO"], "use_cache": False, "model": "xx"})]


def test_reader_article_defaults(capsys, monkeypatch):
    import reader.tui

    calls = []
    monkeypatch.setattr(reader.tui, "run_tui", lambda path, **kw: calls.append(kw) or 0)
    assert run(capsys, str(SEED))[0] == 0
    assert calls == [{"actors": None, "use_cache": True, "model": None}]


def test_reader_bad_article_is_one_line(capsys, tmp_path):
    assert_one_line_error(*run(capsys, str(tmp_path / "nope.txt")), "no such file")
    assert_one_line_error(*run(capsys, "-"), "standard input")


def test_tui_not_installed(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "reader.tui", None)
    assert_one_line_error(*run(capsys, str(SEED)), "the TUI is not installed yet")


# --- a real process ---------------------------------------------------------------------------


def reader_process(*argv: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *argv], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=300, check=False)


@pytest.mark.parametrize("argv", [["analyze", "no/such/file.txt"], ["analyze", "tests"],
                                  ["analyze", "--format", "yaml", "x"], ["no/such/file.txt"]])
def test_subprocess_bad_input_has_no_traceback(argv):
    proc = reader_process(*argv)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and proc.stdout == b""
    assert err.startswith("reader: ") and err.count("\n") == 1 and "Traceback" not in err


def test_subprocess_binary_stdin():
    proc = reader_process("analyze", "-", stdin=bytes(range(256)) * 10)
    assert proc.returncode == 2 and b"binary" in proc.stderr and b"Traceback" not in proc.stderr


def test_subprocess_analyze_sample():
    proc = reader_process("analyze", "--format", "json", str(SEED))
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b""
    assert json.loads(proc.stdout)["schema"] == "reader.analysis/1"
