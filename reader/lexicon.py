"""The cue lexicons of data/cues.toml, loaded once and checked.

The check runs at load: every kind named in the file is one of ``KINDS``, every list named by a
rule exists, and no word sits in two lists that ``[checks] disjoint`` declares exclusive (one
word, one reading). A broken data file fails loudly at start, never halfway through an article.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .datafiles import load_toml
from .model import KINDS

if TYPE_CHECKING:
    from collections.abc import Collection

    from spacy.tokens import Token


class LexiconError(ValueError):
    """The cue data file breaks its schema."""


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]
    needs_content: frozenset[str]
    irregular: dict[str, str]
    light_verbs: frozenset[str]
    nouns: dict[str, str]
    owned_nouns: frozenset[str]
    passive_inherit: frozenset[str]
    content: dict[str, frozenset[str]]

    def words(self, name: str) -> frozenset[str]:
        return self.content[name]

    def knowledge_kind(self, lemma: str) -> str | None:
        """The kind of a verb this file does not list, from the knowledge base's verb dictionary."""
        return knowledge_verbs().get(lemma)


def cue_lemma(lex: Lexicon, token: Token) -> str:
    """The token's lemma, or the cue verb its inflection spells when the lemmatiser erred
    ('hopes' -> 'hop' is 'hope')."""
    lemma = token.lemma_.lower()
    if lemma in lex.verbs or token.tag_ not in {"VBZ", "VBD", "VBN", "VBG"}:
        return lemma
    lower = token.lower_
    if lower in lex.irregular:
        return lex.irregular[lower]
    return uninflected(lower, lex.verbs) or lemma


INFLECTIONS = (("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", "e"), ("ed", ""),
               ("ing", "e"), ("ing", ""))


def uninflected(word: str, known: Collection[str]) -> str | None:
    """The verb of ``known`` that a regular inflection of it spells ('hopes' -> 'hope', 'fined' ->
    'fine'), for where the lemmatiser erred; None when there is none."""
    for suffix, repair in INFLECTIONS:
        if word.endswith(suffix) and word[: -len(suffix)] + repair in known:
            return word[: -len(suffix)] + repair
    return None


@lru_cache(maxsize=1)
def knowledge_verbs() -> dict[str, str]:
    """{lemma: kind} of the CAMEO verbs of verbal acts (``knowledge_roots``) not in cues.toml."""
    from . import knowledge

    lex = load_lexicon()
    roots, skip = lex.words("knowledge_roots"), lex.words("knowledge_skip")
    out = {}
    for lemma in knowledge.verb_lemmas():
        found = knowledge.verb_default(lemma)
        if found is None or " " in lemma or lemma in lex.verbs or lemma in skip:
            continue
        kind, code = found
        if code[:2] in roots and kind in KINDS:
            out[lemma] = kind
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = load_toml("cues.toml")
    lex = Lexicon(
        verbs=dict(data["verbs"]),
        needs_content=frozenset(data["needs_content"]["lemmas"]),
        irregular=dict(data.get("irregular", {})),
        light_verbs=frozenset(data["light_verbs"]["lemmas"]),
        nouns=dict(data["nouns"]),
        owned_nouns=frozenset(data["owned_nouns"]["lemmas"]),
        passive_inherit=frozenset(data["passive_inherit"]["lemmas"]),
        content={k: frozenset(v) for k, v in data["content"].items()}
        | {"negative_words": negative_words() | frozenset(data["content"]["critical_words"])},
    )
    check_lexicon(lex, data.get("checks", {}))
    return lex


def negative_words() -> frozenset[str]:
    """The strongly negative evaluative words of data/negative_words.txt (from VADER, MIT)."""
    from importlib import resources

    text = resources.files("reader").joinpath("data/negative_words.txt").read_text(encoding="utf-8")
    words = frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
    if len(words) < 1000 or any(" " in w or w != w.lower() for w in words):
        raise LexiconError("negative_words.txt: expected over a thousand lower-case words, one per line")
    return words


def check_lexicon(lex: Lexicon, checks: dict) -> None:
    """Raise LexiconError when a kind is unknown or two exclusive lists share a word."""
    kinds = [("verbs", lex.verbs), ("nouns", lex.nouns)]
    for table, mapping in kinds:
        bad = sorted(f"{word}={kind}" for word, kind in mapping.items() if kind not in KINDS)
        if bad:
            raise LexiconError(f"cues.toml [{table}]: unknown kinds {', '.join(bad)}")
    for first, second in checks.get("disjoint", []):
        missing = [name for name in (first, second) if name not in lex.content]
        if missing:
            raise LexiconError(f"cues.toml [checks]: no list named {', '.join(missing)}")
        shared = lex.content[first] & lex.content[second]
        if shared:
            raise LexiconError(f"cues.toml: {first} and {second} share {', '.join(sorted(shared))}")
