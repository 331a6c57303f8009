"""Reading an article file into a cleaned Article (no spaCy, no Textual)."""

from __future__ import annotations

import re
from pathlib import Path

from .model import Article, Paragraph

JUNK = re.compile(r"^\s*(\[ad_\d+\]|source link|top channel)\s*$", re.I)


class InputError(Exception):
    """An input that cannot be read as an article; its message is one line for the user."""


def read_article(path: str) -> Article:
    text = Path(path).read_text(encoding="utf-8")
    return article_from_text(text, source=path)


def article_from_text(raw: str, source: str = "-") -> Article:
    lines = [ln.strip() for ln in raw.splitlines()]
    lines = [ln for ln in lines if ln and not JUNK.match(ln)]
    text = "\n\n".join(lines)
    paragraphs, pos = [], 0
    for ln in lines:
        paragraphs.append(Paragraph(pos, pos + len(ln)))
        pos += len(ln) + 2
    return Article(source=source, text=text, title=None, paragraphs=tuple(paragraphs))
