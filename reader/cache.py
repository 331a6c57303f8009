"""A cache of analyses on disk, keyed by (article text, model, reader version and code).

Entries are ``reader.analysis/1`` JSON documents (see :mod:`reader.model`), checked whole
when read (types, offsets, ids and references). A damaged, invalid or unreadable entry, or one
that is not a regular file (a FIFO is never opened in a way that blocks), is discarded and
treated as missing, so the caller analyses again and overwrites it; the caller may ask for
the reason, to tell the user once.
No spaCy and no Textual here: the model label is read from the model package's
``meta.json`` without importing spaCy, so a cache hit never loads the pipeline.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from dataclasses import replace
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from . import __version__
from .model import Analysis, Article, analysis_from_dict, analysis_to_dict
from .nlp import model_candidates

CACHE_ENV = "READER_CACHE_DIR"
MAX_ENTRY_BYTES = 64_000_000  # an analysis of the longest article takes a few MB


def cache_dir() -> Path:
    """``$READER_CACHE_DIR`` if set, else the platform's user cache directory for reader."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("reader", appauthor=False)) / "analyses"


def model_label_for(name: str | None = None) -> str:
    """The label ``load_nlp(name)`` would produce, read cheaply from the package metadata.

    Mirrors :func:`reader.nlp.model_label` (``lang_name-version`` from ``meta.json``).
    Falls back to the bare package name when its metadata cannot be read.
    """
    for candidate in model_candidates(name):
        label = _installed_label(candidate)
        if label:
            return label
    return f"unavailable:{name or 'default'}"


def _installed_label(package: str) -> str | None:
    try:
        spec = find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        # A path to a pipeline directory (spacy.load accepts one) or nothing at all.
        return _label_from_meta(Path(package) / "meta.json") if Path(package).is_dir() else None
    for location in spec.submodule_search_locations:
        label = _label_from_meta(Path(location) / "meta.json")
        if label:
            return label
    return package


def _label_from_meta(path: Path) -> str | None:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


@lru_cache(maxsize=1)
def analysis_version() -> str:
    """The reader version and a fingerprint of the code and data that make an analysis.

    A new release changes the version; a change to the analysis code or its word lists
    (an upgrade, a development checkout) changes the fingerprint, so a cached analysis is
    never older than the code that would make it. Only names, sizes and modification
    times are read (no file contents), which costs well under a millisecond.
    """
    package = Path(__file__).resolve().parent
    files = sorted([*package.glob("*.py"), *(package / "data").glob("*")])
    digest = hashlib.sha256()
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def cache_key(text: str, model: str, version: str | None = None) -> str:
    digest = hashlib.sha256()
    for part in (text, model, version or analysis_version()):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def entry_path(text: str, model: str, directory: Path | None = None) -> Path:
    return (directory or cache_dir()) / f"{cache_key(text, model)}.json"


def load_cached(text: str, model: str, directory: Path | None = None,
                problems: list[str] | None = None) -> Analysis | None:
    """The cached analysis of ``text`` by ``model``, or None if missing or unusable.

    An unusable entry is removed and, when ``problems`` is given, the reason is added to it."""
    path = entry_path(text, model, directory)
    try:
        raw = _read_entry(path)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as e:
        return _reject(path, str(e) if isinstance(e, ValueError) else f"cannot be read ({e.strerror})",
                       problems)
    try:
        analysis = analysis_from_dict(json.loads(raw.decode("utf-8")))
    except RecursionError:
        return _reject(path, "nested too deeply", problems)
    except (ValueError, KeyError, TypeError, AttributeError) as e:  # UnicodeError and InvalidAnalysis too
        return _reject(path, _first_line(e), problems)
    if analysis.text != text:
        return _reject(path, "holds the analysis of another text", problems)
    return analysis


def _read_entry(path: Path) -> bytes:
    """The bytes of a cache entry; never blocks, and refuses anything but a regular file."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("is not a regular file")
        if info.st_size > MAX_ENTRY_BYTES:
            raise ValueError("is too large")
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _reject(path: Path, reason: str, problems: list[str] | None) -> None:
    _discard(path)
    if problems is not None:
        problems.append(f"the cached analysis {reason}")
    return None


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return f"is invalid ({lines[0] if lines else type(error).__name__})"


def save_cached(analysis: Analysis, model: str, directory: Path | None = None) -> Path | None:
    """Store ``analysis`` under its text and ``model``; return the path, or None if not writable.

    Written to a new temporary file (never opening an existing one, which could be a FIFO),
    then renamed over the entry."""
    path = entry_path(analysis.text, model, directory)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem[:16]}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(json.dumps(analysis_to_dict(analysis), ensure_ascii=False))
        os.replace(tmp, path)
    except (OSError, UnicodeError):
        if tmp is not None:
            _discard(Path(tmp))
        return None
    return path


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def cached_analysis(article: Article, model: str | None = None,
                    problems: list[str] | None = None) -> Analysis | None:
    """The cached analysis of ``article`` by the pipeline ``load_nlp(model)`` would load, if any
    (an unusable entry is discarded and its reason added to ``problems``). The article's own
    publication (its metadata, read again) comes first; the cached one (its dateline) fills the rest."""
    hit = load_cached(article.text, model_label_for(model), problems=problems)
    if hit is None:
        return None
    return replace(hit, source=article.source, publication=article.publication.filled_from(hit.publication))


def analyse_with_cache(
    article: Article, model: str | None = None, use_cache: bool = True, problems: list[str] | None = None
) -> tuple[Analysis, bool]:
    """The analysis of ``article`` and whether it came from the cache.

    A hit never imports spaCy; a miss loads the pipeline, analyses and stores the result.
    """
    label = model_label_for(model)
    if use_cache:
        hit = cached_analysis(article, model, problems)
        if hit is not None:
            return hit, True
    from . import nlp, pipeline

    analysis = pipeline.analyze(article, nlp.load_nlp(model))
    if use_cache:
        save_cached(analysis, label)
    return analysis, False
