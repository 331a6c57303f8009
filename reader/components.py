"""spaCy components of the reader."""

from __future__ import annotations

import re

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .model import Article, Paragraph
from .nlp import guard_tokenizer


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so the parser never joins two paragraphs."""
    starts = [0] + [t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text]
    marked = []
    for start in starts:
        if start >= len(doc):
            continue
        marked.append(start)
        after = _dateline_end(doc, start)
        if after is not None and after < len(doc):
            marked.append(after)
    _start_sentences(doc, marked)
    return doc


SENTENCE_ENDS = frozenset(".!?:;…")
MARKS = frozenset('"\'“”‘’()[]«»')  # quotes and brackets: a sentence may end or start beside them


def _start_sentences(doc: Doc, indices: list[int]) -> None:
    """``doc[i].is_sent_start = True`` for every index, and False after a word that ends no
    sentence ('... the A Partnership for National Unity+Alliance | For Change ...' is one
    sentence, whatever the parser makes of a capital), in one pass: the setter looks through the
    whole Doc for a parse each time, which made many short paragraphs cost quadratic time."""
    if doc.has_annotation("DEP"):  # spaCy refuses it on a parsed Doc: let it say so
        if indices:
            doc[indices[0]].is_sent_start = True
    values = doc.to_array([SENT_START]).astype("int64")
    values[_mid_sentence(doc)] = -1
    if indices:
        values[indices] = 1
    doc.from_array([SENT_START], values.astype("uint64"))  # (-1, "no start", wraps as spaCy stores it)


def _mid_sentence(doc: Doc) -> list[int]:
    """Tokens that follow a word (past any quotes or brackets, "''" too) that ends no sentence."""
    out = []
    last = ""  # the last word before ``i`` that is no quote or bracket
    for i, token in enumerate(doc):
        if i and last and last[-1] not in SENTENCE_ENDS and not doc[i - 1].is_space:
            out.append(i)
        text = token.text
        if not (token.is_space or all(ch in MARKS for ch in text)):
            last = text
        elif token.is_space and "\n" in text:
            last = "."  # a line break ends what came before
    return out


def _dateline_end(doc: Doc, start: int) -> int | None:
    """'BEIJING (Reuters) - China said ...': the sentence starts after the dateline's dash."""
    place = doc[start].is_upper and len(doc[start].text) > 2  # "KHARTOUM, Dec 27, 2003 (dpa) —"
    for token in doc[start: start + 12]:
        if token.text in {"-", "—", "–", "--"}:
            return token.i + 1 if token.i > start else None
        dated = place and (token.like_num or token.is_title and len(token.text) <= 5)
        if not (token.is_upper or token.text in {"(", ")", ",", "."} or token.is_title and _in_parens(doc, token)
                or dated or _in_parens(doc, token) and token.is_lower and len(token.text) <= 5):
            return None
    return None


def _in_parens(doc: Doc, token) -> bool:
    return any(t.text == "(" for t in doc[max(0, token.i - 3): token.i])


@Language.factory("reader_positions")
def make_reader_positions(nlp: Language, name: str) -> PositionsComponent:
    """``nlp.add_pipe("reader_positions")`` sets ``doc._.actors`` and ``doc._.positions``.

    It also gives ``nlp`` the reader's tokenizer, whose cost stays linear on long runs of
    symbols (see :func:`reader.nlp.guard_tokenizer`); Doc.text and every offset are unchanged."""
    guard_tokenizer(nlp)
    return PositionsComponent()


class PositionsComponent:
    """The reader's analysis as a spaCy component, for use in other pipelines."""

    def __init__(self) -> None:
        for attr in ("actors", "positions"):
            if not Doc.has_extension(attr):
                Doc.set_extension(attr, default=None)

    def __call__(self, doc: Doc) -> Doc:
        from .actors import find_actors
        from .positions import find_positions

        article = article_of(doc.text)
        table = find_actors(doc, article)
        doc._.positions = find_positions(doc, article, table)
        doc._.actors = table.actors
        return doc


def article_of(text: str) -> Article:
    """An Article over a Doc's own text, paragraphs split at blank lines (no cleaning: offsets stay)."""
    paragraphs = tuple(Paragraph(m.start(), m.end()) for m in re.finditer(r"\S(?:.*\S)?(?:\n(?!\s*\n).*\S)*", text))
    return Article(source="<doc>", text=text, paragraphs=paragraphs)


def dateline_end(doc: Doc, start: int = 0) -> int | None:
    """The token after the dash of a dateline opening at token ``start`` ('WASHINGTON (Reuters) -'),
    or None: for :func:`reader.publication.from_dateline`."""
    return _dateline_end(doc, start)
