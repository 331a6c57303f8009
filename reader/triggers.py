"""Multi-word cue triggers: data in ``data/triggers.toml``, matched with spaCy's matchers.

A trigger is a verb with a particle ("call for", "rule ... out": the particle may stand apart or
mark a clause, "called for X to ...", found by walking the verb's children) or a phrase of lemmas
in order ("take issue with", "raise concerns": a ``PhraseMatcher`` pattern). ``trigger_matches`` gives, for
one Doc, the token that carries each match (the verb) and its trigger; ``verb_cue`` then takes the
trigger's kind over the single verb's. The file is loaded once and checked: ids are unique and
"kind.name" shaped, kinds are in ``KINDS``, and each trigger is either a verb with particles or a
phrase of two or more words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .datafiles import load_toml
from .lexicon import uninflected
from .model import KINDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.vocab import Vocab


class TriggerError(ValueError):
    """The trigger data file breaks its schema."""


@dataclass(frozen=True)
class Trigger:
    id: str
    kind: str
    verb: str = ""
    particles: tuple[str, ...] = ()
    phrase: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return " ".join(self.phrase) if self.phrase else f"{self.verb} {'/'.join(self.particles)}"


@lru_cache(maxsize=1)
def load_triggers() -> tuple[Trigger, ...]:
    raw = load_toml("triggers.toml").get("trigger", [])
    triggers = tuple(trigger_from_dict(entry) for entry in raw)
    check_triggers(triggers)
    return triggers


def trigger_from_dict(entry: dict) -> Trigger:
    unknown = set(entry) - {"id", "kind", "verb", "particles", "phrase"}
    if unknown:
        raise TriggerError(f"triggers.toml: {entry.get('id', '?')} has unknown fields {', '.join(sorted(unknown))}")
    return Trigger(id=str(entry.get("id", "")), kind=str(entry.get("kind", "")), verb=str(entry.get("verb", "")),
                   particles=tuple(entry.get("particles", ())), phrase=tuple(str(entry.get("phrase", "")).split()))


def check_triggers(triggers: tuple[Trigger, ...]) -> None:
    """Raise TriggerError on a duplicate or malformed id, an unknown kind, or a trigger that is
    neither a verb with particles nor a phrase of two or more words."""
    seen: set[str] = set()
    for t in triggers:
        if t.id in seen:
            raise TriggerError(f"triggers.toml: duplicate id {t.id}")
        seen.add(t.id)
        if t.kind not in KINDS or not t.id.startswith(f"{t.kind}."):
            raise TriggerError(f"triggers.toml: {t.id} must be 'kind.name' with a kind of {', '.join(KINDS)}")
        particle_form = bool(t.verb) and bool(t.particles) and not t.phrase
        phrase_form = len(t.phrase) >= 2 and not t.verb and not t.particles
        if not (particle_form or phrase_form):
            raise TriggerError(f"triggers.toml: {t.id} needs a verb with particles, or a phrase of 2+ words")


@lru_cache(maxsize=4)
def _phrase_matcher(vocab: Vocab):
    """The PhraseMatcher of the phrase triggers (on lemmas) for one vocabulary."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    phrases = PhraseMatcher(vocab, attr="LEMMA")
    for t in load_triggers():
        if t.phrase:
            pattern = Doc(vocab, words=list(t.phrase))
            for token, word in zip(pattern, t.phrase, strict=True):
                token.lemma_ = word
            phrases.add(t.id, [pattern])
    return phrases


@lru_cache(maxsize=1)
def _by_verb_and_particle() -> dict[tuple[str, str], Trigger]:
    return {(t.verb, p): t for t in load_triggers() for p in t.particles}


@lru_cache(maxsize=1)
def _particle_verbs() -> frozenset[str]:
    return frozenset(t.verb for t in load_triggers() if t.verb)


def particles_of(verb: Token) -> list[Token]:
    """The words that may make a verb a particle trigger, in this order: a particle or preposition
    next to it ('called for talks', 'ruled the plan out'), then one marking a clause of it ('called
    for X to ...' parsed as an adverbial clause). Never one before it: 'On Twitter, his spokesman
    called the conference a coup' calls on no one."""
    near = [c for c in verb.children if c.dep_ in {"prt", "prep"} and c.i > verb.i]
    marks = [m for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"]
    return near + marks


def trigger_matches(doc: Doc) -> dict[int, Trigger]:
    """{index of the cue token: trigger} for every trigger matched in ``doc`` (a longer phrase
    wins over a shorter one on the same token)."""
    by_id = {t.id: t for t in load_triggers()}
    pairs, verbs = _by_verb_and_particle(), _particle_verbs()
    strings = doc.vocab.strings
    found: dict[int, Trigger] = {}
    for match_id, start, _ in sorted(_phrase_matcher(doc.vocab)(doc), key=lambda m: m[2] - m[1]):
        found[start] = by_id[strings[match_id]]
    for verb in doc:
        lemma = _verb_lemma(verb, verbs) if verb.pos_ in {"VERB", "AUX"} else None
        if lemma is None:
            continue
        for particle in particles_of(verb):
            trigger = pairs.get((lemma, particle.lower_))
            if trigger is not None and not date_phrase(particle):
                found.setdefault(verb.i, trigger)  # "called off the search on Sunday": 'on' says when
                break
    return found


def _verb_lemma(verb: Token, verbs: frozenset[str]) -> str | None:
    """The trigger verb a token is, also where the lemmatiser erred ('fined' -> 'fin' is 'fine')."""
    lemma = verb.lemma_.lower()
    return lemma if lemma in verbs else uninflected(verb.lower_, verbs)


def date_phrase(prep: Token) -> bool:
    """A preposition whose object is a bare date or time ('on Sunday', 'in March', 'for two hours';
    not 'for a day of rage')."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.dep_ == "prep" and bool(objects) and all(
        o.ent_type_ in {"DATE", "TIME"} and not any(c.dep_ in {"prep", "relcl", "acl"} for c in o.children)
        for o in objects)
