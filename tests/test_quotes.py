"""Quote pairing by type, apostrophes, nesting and paragraph breaks (no spaCy needed)."""

from __future__ import annotations

from reader.ingest import article_from_text
from reader.quotes import find_quotes


def quotes_of(text: str) -> list[str]:
    article = article_from_text(text)
    return [article.text[q.inner_start:q.inner_end] for q in find_quotes(article)]


def test_curly_quote_with_nested_mixed_marks_is_one_quote():
    text = "“It is crucial that the guarantees have a ‘legal effect,'” Ryabkov said."
    assert quotes_of(text) == ["It is crucial that the guarantees have a ‘legal effect,'"]


def test_apostrophes_inside_words_are_not_quotes():
    text = "Russia’s demands and the US's answer don't match, Moscow's envoy said."
    assert quotes_of(text) == []


def test_straight_double_quotes_pair_in_order():
    text = 'He said "we are ready" and then "we will wait and see what happens next".'
    assert quotes_of(text) == ["we are ready", "we will wait and see what happens next"]


def test_unclosed_quote_is_closed_by_the_paragraph_break():
    text = '"Going forward, there can be nothing better for Ukraine, Waltz said.\n\nThe next paragraph.'
    found = quotes_of(text)
    assert found == ["Going forward, there can be nothing better for Ukraine, Waltz said."]


def test_single_quoted_headline_words():
    text = "Zelenskyy: Strong relations with US 'benefit entire world'"
    assert quotes_of(text) == ["benefit entire world"]


def test_short_quotes_are_scare_quotes():
    article = article_from_text("Some of its demands are “unacceptable.” He wanted “immediate” talks now.")
    assert all(q.is_scare for q in find_quotes(article))
