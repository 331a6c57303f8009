"""spaCy components of the reader."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so the parser never joins two paragraphs."""
    starts = [0] + [t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text]
    for start in starts:
        if start >= len(doc):
            continue
        doc[start].is_sent_start = True
        after = _dateline_end(doc, start)
        if after is not None and after < len(doc):
            doc[after].is_sent_start = True
    return doc


def _dateline_end(doc: Doc, start: int) -> int | None:
    """'BEIJING (Reuters) - China said ...': the sentence starts after the dateline's dash."""
    for token in doc[start: start + 12]:
        if token.text in {"-", "—", "–", "--"}:
            return token.i + 1 if token.i > start else None
        if not (token.is_upper or token.text in {"(", ")", ",", "."} or token.is_title and _in_parens(doc, token)):
            return None
    return None


def _in_parens(doc: Doc, token) -> bool:
    return any(t.text == "(" for t in doc[max(0, token.i - 3): token.i])
