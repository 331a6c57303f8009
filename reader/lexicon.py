"""The cue lexicons of data/cues.toml, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import load_data


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]
    phrasal: dict[str, dict[str, str]]
    needs_content: frozenset[str]
    light_verbs: frozenset[str]
    nouns: dict[str, str]
    owned_nouns: frozenset[str]
    passive_inherit: frozenset[str]
    content: dict[str, frozenset[str]]

    def words(self, name: str) -> frozenset[str]:
        return self.content[name]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = load_data("cues.toml")
    return Lexicon(
        verbs=dict(data["verbs"]),
        phrasal={lemma: dict(pairs) for lemma, pairs in data["phrasal"].items()},
        needs_content=frozenset(data["needs_content"]["lemmas"]),
        light_verbs=frozenset(data["light_verbs"]["lemmas"]),
        nouns=dict(data["nouns"]),
        owned_nouns=frozenset(data["owned_nouns"]["lemmas"]),
        passive_inherit=frozenset(data["passive_inherit"]["lemmas"]),
        content={k: frozenset(v) for k, v in data["content"].items()},
    )
