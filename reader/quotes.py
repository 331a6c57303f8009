"""Direct quotes in a text: pairing quote marks by type, paragraph by paragraph."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .model import Article

DOUBLE_OPEN = {"“": "”", "„": "“", "«": "»", '"': '"'}
SINGLE_OPEN = {"‘": "’", "'": "'"}
SCARE_WORDS = 4  # quotes shorter than this are scare quotes inside a reported sentence


@dataclass(frozen=True)
class Quote:
    start: int  # the opening mark
    end: int  # after the closing mark (or the paragraph end when unclosed)
    inner_start: int
    inner_end: int
    words: int

    @property
    def is_scare(self) -> bool:
        return self.words < SCARE_WORDS

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


def find_quotes(article: Article) -> list[Quote]:
    """Outermost quotes of every paragraph; a paragraph break closes an unclosed quote."""
    quotes: list[Quote] = []
    text = doubled_apostrophes(article.text)
    for para in article.paragraphs or ():
        quotes.extend(_paragraph_quotes(text, para.start, para.end))
    return quotes


def doubled_apostrophes(text: str) -> str:
    """``text`` with each doubled apostrophe ('', the double quote of typewritten and wire copy:
    ''We will strike,'' he said) read as one straight double quote, offsets unchanged: an opening
    pair (after a space or the start) becomes ' "', a closing one '" '."""
    if "''" not in text:
        return text
    out = list(text)
    i = text.find("''")
    while i >= 0:
        opening = i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–-"
        out[i], out[i + 1] = (" ", '"') if opening else ('"', " ")
        i = text.find("''", i + 2)
    return "".join(out)


def _paragraph_quotes(text: str, start: int, end: int) -> list[Quote]:
    found = _pair(text, start, end, DOUBLE_OPEN)
    doubles = list(found)  # in order and without overlap: a binary search finds the one around
    starts = [q.start for q in doubles]
    for q in _pair(text, start, end, SINGLE_OPEN):
        k = bisect_right(starts, q.start) - 1
        if k < 0 or not q.start < doubles[k].end:
            found.append(q)
    return sorted(found, key=lambda q: q.start)


def _pair(text: str, start: int, end: int, marks: dict[str, str]) -> list[Quote]:
    quotes = []
    i = start
    while i < end:
        ch = text[i]
        if ch in marks and _can_open(text, i, start):
            close = _find_close(text, i + 1, end, marks[ch])
            stop = close + 1 if close is not None else end
            inner_end = close if close is not None else end
            inner = text[i + 1: inner_end]
            quotes.append(Quote(i, stop, i + 1, inner_end, len(inner.split())))
            i = stop
            continue
        i += 1
    return quotes


def _can_open(text: str, i: int, start: int) -> bool:
    """An opening mark follows a space, a paragraph start or an opening bracket/dash and
    precedes a word: an apostrophe inside a word ("Russia's", "don't") is no quote."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in "“„«‘":
        return not (before.isalnum() and text[i] == "‘")
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def _find_close(text: str, i: int, end: int, close: str) -> int | None:
    while i < end:
        if text[i] == close and _can_close(text, i, end, close):
            return i
        i += 1
    return None


def _can_close(text: str, i: int, end: int, close: str) -> bool:
    if close in "”»“":
        return True
    after = text[i + 1] if i + 1 < end else " "
    before = text[i - 1]
    if close == "’" and after.isalpha() and before.isalpha():
        return False  # an apostrophe: "it’s"
    if close == "'" or close == "’":
        return not after.isalnum() and not before.isspace()
    return not before.isspace() or not after.isalnum()
