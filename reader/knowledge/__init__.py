"""A compact knowledge base from the PETRARCH2 event-coding dictionaries (MIT, see data/NOTICE),
with newer heads of state and government and ministers (to ~2024, CC0 / CC BY 4.0 sources).

People and their dated roles, organisations, role words (agents), discard phrases, CAMEO
verb patterns mapped to our position kinds, and CAMEO codes as readable party names. Every
table loads on first use only; importing this package reads no data.
"""

from reader.knowledge.lookup import (
    Role,
    VerbPattern,
    agent_code,
    code_party,
    is_discard,
    known_person,
    load_all,
    organisation,
    party_name,
    person_roles,
    sector_of,
    sector_word,
    similar_person,
    split_code,
    verb_default,
    verb_kind,
    verb_lemmas,
    verb_patterns,
    verb_review,
    verb_synsets,
)

__all__ = [
    "Role", "VerbPattern", "agent_code", "code_party", "is_discard", "known_person", "load_all", "organisation",
    "party_name", "person_roles", "sector_of", "similar_person", "sector_word", "split_code", "verb_default",
    "verb_kind", "verb_lemmas", "verb_patterns", "verb_review", "verb_synsets",
]
