"""The straight line: Article -> Doc -> actors -> positions (rival officials split) -> links -> Analysis."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from .actors import (
    find_actors,
    name_countries_as_written,
    name_domestic_government,
    name_military_side,
    name_sides_of_country,
)
from .links import link_positions
from .model import Analysis, Article
from .nlp import model_label
from .positions import find_positions
from .publication import from_dateline
from .rivals import split_rival_officials

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def analyze(article: Article, nlp: Language) -> Analysis:
    """Analyse one article."""
    return analyze_doc(article, nlp(article.text), model_label(nlp))


def analyze_many(articles: Iterable[Article], nlp: Language, n_process: int = 1) -> list[Analysis]:
    """Analyse several articles, parsing them together with ``nlp.pipe`` (in ``n_process``
    processes when more than 1)."""
    articles = list(articles)
    docs = nlp.pipe((a.text for a in articles), n_process=max(1, n_process))
    label = model_label(nlp)
    return [analyze_doc(a, doc, label) for a, doc in zip(articles, docs, strict=True)]


def analyze_doc(article: Article, doc: Doc, model: str) -> Analysis:
    article = with_dateline(article, doc)
    actors = find_actors(doc, article)
    positions = split_rival_officials(find_positions(doc, article, actors), actors)
    links, unanswered = link_positions(positions, doc, actors, headline_end=headline_end(article))
    counts = Counter(p.actor for p in positions)
    targeted = {t for p in positions for t in p.targets}
    speaking = [replace(a, positions=counts[a.id]) for a in actors.actors if counts[a.id] or a.id in targeted]
    kept = name_sides_of_country(name_countries_as_written(speaking, actors), actors)  # and those addressed
    kept = name_domestic_government(kept, actors)
    kept = tuple(name_military_side(kept, positions, actors))
    return Analysis(
        source=article.source, title=article.title, text=article.text, model=model,
        actors=kept, positions=tuple(positions), links=tuple(links), unanswered=tuple(unanswered),
        paragraphs=article.paragraphs, publication=article.publication,
    )


def headline_end(article: Article) -> int:
    """Where the article's title ends in its text (0 when it has none)."""
    return article.paragraphs[0].end if article.title and article.paragraphs else 0


def with_dateline(article: Article, doc: Doc) -> Article:
    """``article`` with what its metadata left unknown of the outlet and date read from its dateline."""
    publication = article.publication
    if publication.outlet and publication.date:
        return article
    return replace(article, publication=publication.filled_from(from_dateline(doc, article)))
