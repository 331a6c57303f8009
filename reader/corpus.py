"""Adding many articles to the library: read, analyse in batches, write each batch at once.

``reader add`` reads the files first (an unreadable file is a failure, a text already in the
library or given twice is counted and skipped), takes the analyses it can from the cache, then
analyses the others in batches of ``batch_size``: each batch parsed with ``nlp.pipe`` and
analysed by the per-batch function :func:`analyse_batch`, in ``jobs`` worker processes forked
once for the run (:func:`pool_stream`). Each finished batch of ``batch_size`` analyses is
written in one transaction (:meth:`reader.library.Library.add_batch`): a run that
is stopped (Ctrl-C, a killed process, a full disk) keeps every batch written before, and the
analyses it finished are in the cache for the next run.

With the optional extra ``reader[dask]``, the same per-batch function (:func:`analyse_batch`)
is mapped over a Dask bag on a ``distributed`` cluster (:mod:`reader.corpus_dask`), and the
results are written the same way.

An article whose analysis fails is a failure of its own (the pipe is started again after it);
the others are kept. No Textual here; spaCy only where articles are parsed.
"""

from __future__ import annotations

import os
import signal
import threading
import tomllib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from fnmatch import fnmatch
from functools import lru_cache
from importlib import resources
from math import ceil
from typing import TYPE_CHECKING

from .ingest import InputError, read_article
from .model import Analysis, Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .library import Library

BATCH_SIZE = 16  # articles parsed together by a worker, and written in one transaction


@dataclass(frozen=True)
class Failed:
    """An article that could not be analysed, with the one-line reason."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


Outcome = Analysis | Failed


@dataclass
class Summary:
    """What a run did; ``failures`` are one line each (a file that cannot be read or analysed)."""

    added: int = 0
    already: int = 0
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about the user's corrections of an article

    def line(self) -> str:
        return f"added {self.added}, already there {self.already}, failed {len(self.failures)}"


@lru_cache(maxsize=1)
def _not_articles() -> tuple[frozenset[str], tuple[str, ...]]:
    """The names and patterns of ``data/not_articles.toml``, folded to lower case."""
    raw = tomllib.loads(resources.files("reader").joinpath("data/not_articles.toml").read_text(encoding="utf-8"))
    return frozenset(n.casefold() for n in raw["names"]), tuple(p.casefold() for p in raw["patterns"])


def is_article_file(name: str) -> bool:
    """Whether a file found in a folder walk is taken for an article: not a README, a licence, a
    changelog, a ``.meta.json`` or a gold file (``data/not_articles.toml``)."""
    names, patterns = _not_articles()
    folded = name.casefold()
    return folded.split(".", 1)[0] not in names and not any(fnmatch(folded, p) for p in patterns)


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# --- the per-batch function: parsed docs -> analyses ------------------------------------------


def analysed(article: Article, doc: Doc, model: str) -> Outcome:
    """The analysis of one parsed article, or its failure (one line)."""
    from .pipeline import analyze_doc

    try:
        return analyze_doc(article, doc, model)
    except Exception as e:  # a bug the article reveals: this article fails, the others go on
        return Failed(article.source, f"cannot be analysed ({_reason(e)})")


def parse_stream(articles: list[Article], nlp: Language, jobs: int = 1,
                 batch_size: int = BATCH_SIZE) -> Iterator[Outcome]:
    """The outcome of each article, in order, parsing them with one ``nlp.pipe`` in ``jobs``
    processes (fewer when there are too few batches to share).

    An article spaCy fails on must not stop the others, nor hang the pipe (after an error,
    spaCy's main process stops reading while its workers still send). So while the pipe runs,
    an error is noted, not raised (:class:`Tolerant`): spaCy then leaves out the article, or
    the worker's whole batch, and each article left out is parsed again alone, to fail alone."""
    from .nlp import model_label

    label = model_label(nlp)
    tolerant, before = Tolerant(), nlp.default_error_handler
    nlp.default_error_handler = tolerant
    done = 0
    try:
        while done < len(articles):
            rest = articles[done:]
            processes = max(1, min(jobs, ceil(len(rest) / batch_size)))
            try:
                for doc in nlp.pipe((a.text for a in rest), n_process=processes, batch_size=batch_size):
                    while done < len(articles) and articles[done].text != doc.text:  # left out
                        yield _alone(articles[done], nlp, label, tolerant)
                        done += 1
                    if done == len(articles):
                        raise RuntimeError("spaCy returned a text it was not given")
                    outcome = analysed(articles[done], doc, label)
                    done += 1
                    yield outcome
            except Exception:  # a component that raises its own errors, in this process: the next
                if done < len(articles):  # article alone (the one at fault, or one before it)
                    yield _alone(articles[done], nlp, label, tolerant)
                    done += 1
                continue
            while done < len(articles):  # left out at the end of the pipe
                yield _alone(articles[done], nlp, label, tolerant)
                done += 1
    finally:
        nlp.default_error_handler = before


class Tolerant:
    """A spaCy error handler that notes the error instead of raising it."""

    def __init__(self) -> None:
        self.error: BaseException | None = None

    def __call__(self, name: str | None, component: object, docs: object, error: BaseException) -> None:
        self.error = error


def _alone(article: Article, nlp: Language, label: str, tolerant: Tolerant) -> Outcome:
    tolerant.error = None
    try:
        docs = list(nlp.pipe([article.text], n_process=1))
    except Exception as e:
        return Failed(article.source, f"cannot be parsed ({_reason(e)})")
    if not docs:  # spaCy left it out: the error was noted
        error = tolerant.error or RuntimeError("spaCy returned nothing")
        return Failed(article.source, f"cannot be parsed ({_reason(error)})")
    return analysed(article, docs[0], label)


def analyse_batch(articles: list[Article], model: str | None = None,
                  batch_size: int = BATCH_SIZE) -> list[Outcome]:
    """The per-batch function: load the pipeline (once per process) and analyse ``articles``
    in this process. Dask maps it over a bag of batches; it returns plain, picklable data."""
    from .nlp import load_nlp

    return list(parse_stream(list(articles), load_nlp(model), 1, batch_size))


def pool_stream(articles: list[Article], nlp: Language, jobs: int, model: str | None = None,
                batch_size: int = BATCH_SIZE) -> Iterator[Outcome]:
    """The outcome of each article, in order: :func:`analyse_batch` mapped over batches of
    ``batch_size`` articles in ``jobs`` worker processes, each parsing its batch with
    ``nlp.pipe`` and analysing it there, so this process only stores the results.

    Why not ``nlp.pipe(n_process=jobs)`` here: its workers only parse, and send each Doc back
    to be analysed in this process, which then paces them (spaCy sends a worker more texts only
    as this process takes Docs): on 2 busy cores the run took 1.6 times the bare pipe. Here the
    workers fork from this process with the pipeline (``nlp``) already loaded, and at most two
    batches a worker wait for them. With one job, or one batch, it all runs here."""
    if jobs <= 1 or len(articles) <= batch_size:
        yield from parse_stream(articles, nlp, 1, batch_size)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    batches = [articles[i:i + batch_size] for i in range(0, len(articles), batch_size)]
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_start, initargs=(model,))
    try:
        pending = [pool.submit(analyse_batch, batch, model, batch_size) for batch in batches[:2 * jobs]]
        for index in range(len(batches)):
            outcomes = pending.pop(0).result()
            if index + 2 * jobs < len(batches):
                pending.append(pool.submit(analyse_batch, batches[index + 2 * jobs], model, batch_size))
            yield from outcomes
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_start(model: str | None) -> None:
    """In each worker: end with the parent (on Linux), ignore Ctrl-C (the parent stops the pool),
    and have the pipeline loaded (inherited when forked)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: a killed parent takes us along
    except (OSError, AttributeError):
        pass
    from .nlp import load_nlp

    load_nlp(model)


# --- the run -----------------------------------------------------------------------------------


@dataclass
class Pending:
    """The articles of a run that are not in the library yet, each with its cached analysis
    when there is one."""

    articles: list[Article] = field(default_factory=list)
    cached: list[Analysis | None] = field(default_factory=list)

    @property
    def uncached(self) -> list[Article]:
        return [a for a, hit in zip(self.articles, self.cached, strict=True) if hit is None]


def read_new(paths: Iterable[str], library: Library, summary: Summary,
             model: str | None = None, use_cache: bool = True) -> Pending:
    """Read the files; keep the articles not yet in the library (each text once), with their
    cached analyses. A file that cannot be read is a failure in ``summary``."""
    from .cache import cached_analysis

    pending, texts = Pending(), set()
    for path in paths:
        try:
            article = read_article(path)
        except InputError as e:
            summary.failures.append(str(e))
            continue
        if article.text in texts or library.has_text(article.text):
            summary.already += 1
            continue
        texts.add(article.text)
        pending.articles.append(article)
        pending.cached.append(cached_analysis(article, model) if use_cache else None)
    return pending


def in_order(pending: Pending, parsed: Iterator[Outcome]) -> Iterator[tuple[Outcome, bool]]:
    """Every pending article's outcome in the order read, with whether it was just parsed
    (``parsed`` gives those of ``pending.uncached``, in order)."""
    for hit in pending.cached:
        if hit is not None:
            yield hit, False
        else:
            yield next(parsed), True


def store(library: Library, outcomes: Iterable[tuple[Outcome, bool]], summary: Summary,
          batch_size: int = BATCH_SIZE, cache_label: str | None = None,
          progress: Callable[[Outcome], None] | None = None) -> Summary:
    """Write the analyses ``batch_size`` at a time, each batch in one transaction; save those
    just parsed to the cache under ``cache_label`` (None: no cache) as soon as they come."""
    from .cache import save_cached

    batch: list[Analysis] = []
    for outcome, fresh in outcomes:
        if isinstance(outcome, Failed):
            summary.failures.append(str(outcome))
        else:
            if fresh and cache_label is not None and outcome.model == cache_label:
                save_cached(outcome, cache_label)
            batch.append(outcome)
            if len(batch) >= batch_size:
                _write(library, batch, summary)
                batch = []
        if progress is not None:
            progress(outcome)
    if batch:
        _write(library, batch, summary)
    return summary


def _write(library: Library, batch: list[Analysis], summary: Summary) -> None:
    """Write one batch and count it, with Ctrl-C held until both are done: a batch committed is
    always a batch counted ('interrupted: added 3' when three are in the library)."""
    with _interrupt_held():
        for analysis, result in zip(batch, library.add_batch(batch), strict=True):
            summary.added += result.added
            summary.already += not result.added
            summary.notes += [f"{analysis.source}: {note}" for note in result.notes]


@contextmanager
def _interrupt_held() -> Iterator[None]:
    """A Ctrl-C during the block is noted and raised as KeyboardInterrupt right after it (Python runs
    signal handlers in the main thread, whichever thread the signal reached); a no-op off the main
    thread, where handlers cannot be set."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            raise KeyboardInterrupt


def _reason(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__
