"""Linking positions to the positions of other actors that answer them.

All ordered pairs (first, answer) of positions are scored at once as matrices, no Python
double loop. The evidence, each in [0, 1]:

- text: rapidfuzz ``token_set_ratio`` of the normalised content (lemmas of content words,
  multi-word entities, third parties named), in bulk with ``process.cdist``;
- overlap: the terms both share, the rarer in the article the stronger (terms matched
  fuzzily, ``cdist`` over the article's vocabulary);
- addressed: the first position targets (or names) the answering actor (a common noun that
  ends the name of one speaking party names it: "opposition leaders" for "the opposition");
- named: the answer names or targets the first position's actor;
- dyad: both actors are main sides of the story (they speak about as often as the two who
  speak most);
- backref: one refers back to the other ("Russia's demands", "the NATO response", "the
  request", "welcomed it", "talk about this"), resolved to the owner it names or to the
  nearest fitting position;
- after, near, adjacent: answers usually come later, in the same or a nearby paragraph,
  with few positions between;
- kind: how well the answer's kind answers the first's (``[answers]`` in ``data/links.toml``).

A pair's score is their weighted mean; it is zero for the same actor, for kinds that cannot
answer, and for a plain statement that neither shares a term with the first nor refers
back. Each position keeps its best answers above the threshold (``max_answers``) and an
answer answers at most ``max_answered`` positions. Positions in the headline are not linked
(it restates the body). Settings and word lists live in ``data/links.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process

from .datafiles import load_toml
from .model import KINDS, Link, Position

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Span

    from .actors import ActorTable
    from .model import Actor

FEATURES = ("text", "overlap", "addressed", "named", "dyad", "backref", "after", "near", "adjacent", "kind")


@dataclass(frozen=True)
class Settings:
    threshold: float
    max_answers: int
    unanswered_kinds: frozenset[str]
    near_paragraphs: float
    term_cutoff: float
    mention_weight: float
    backref_misfit: float
    backref_decay: float
    max_answered: int
    generic_heads: frozenset[str]
    matter_kinds: frozenset[str]
    matter_text: float
    window: int
    weights: dict[str, float]
    answers: dict[tuple[str, str], tuple[float, str]]  # (first kind, answer kind) -> (weight, relation)
    backref_nouns: dict[str, frozenset[str]]  # lemma -> kinds it points back to
    determiners: frozenset[str]
    pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    answer_verbs: dict[str, frozenset[str]]  # verb lemma -> kinds its object can be
    response: frozenset[str]
    back_verbs: frozenset[str]
    content_pos: frozenset[str]
    stop: frozenset[str]


@lru_cache(maxsize=1)
def load_settings() -> Settings:
    raw = load_toml("links.toml")
    return settings_from_dict(raw)


def settings_from_dict(raw: dict) -> Settings:
    answers = {
        (first, answer): (float(weight), relation)
        for first, table in raw["answers"].items()
        for answer, (weight, relation) in table.items()
    }
    refs = raw["backrefs"]
    return Settings(
        threshold=float(raw["threshold"]),
        max_answers=int(raw["max_answers"]),
        unanswered_kinds=frozenset(raw["unanswered_kinds"]),
        near_paragraphs=float(raw["near_paragraphs"]),
        term_cutoff=float(raw["text"]["term_cutoff"]),
        mention_weight=float(raw["mention_weight"]),
        backref_misfit=float(raw["backref_misfit"]),
        backref_decay=float(raw["backref_decay"]),
        max_answered=int(raw["max_answered"]),
        generic_heads=frozenset(raw["mentions"]["generic_heads"]),
        matter_kinds=frozenset(raw["matter_kinds"]),
        matter_text=float(raw.get("matter_text", 0.0)),
        window=int(raw["window"]),
        weights={name: float(raw["weights"].get(name, 0.0)) for name in FEATURES},
        answers=answers,
        backref_nouns={lemma: frozenset(kinds) for lemma, kinds in raw["backref_nouns"].items()},
        determiners=frozenset(refs["determiners"]),
        pronouns=frozenset(refs["pronouns"]),
        object_pronouns=frozenset(refs["object_pronouns"]),
        answer_verbs={verb: frozenset(kinds) for verb, kinds in refs["answer_verbs"].items()},
        response=frozenset(refs["response"]),
        back_verbs=frozenset(refs["back_verbs"]),
        content_pos=frozenset(raw["text"]["pos"]),
        stop=frozenset(raw["text"]["stop"]),
    )


@dataclass(frozen=True)
class Backref:
    """A cue in an answer that points back to an earlier stance."""

    cue: str  # as written: "Russia's demands", "about this"
    kinds: frozenset[str]  # kinds it can point to (empty: any)
    owner: str | None  # actor it names as owner ("Russia's demands"), if any
    strength: float


@dataclass(frozen=True)
class Evidence:
    """What one position's span offers to the linker."""

    terms: tuple[str, ...]  # normalised content words
    mentions: frozenset[str]  # actor ids named in the span
    backref: Backref | None = None


# --- per position evidence -------------------------------------------------------------


def position_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def content_terms(span: Span, token_actor: dict[int, str], settings: Settings, own: str = ""
                  ) -> tuple[str, ...]:
    """Lemmas of content words and entities. Actors named are evidence of their own, but a
    third party talked about ("@gaza") is part of the matter: only the speaker's own actor
    is left out, and the other party of a pair never matches itself across the pair."""
    terms = []
    for token in span:
        actor = token_actor.get(token.i)
        if actor is not None:
            if actor != own:
                terms.append(f"@{actor}")
            continue
        if token.is_stop or token.pos_ not in settings.content_pos:
            continue
        lemma = token.lemma_.lower().strip(".'’\"")
        if len(lemma) > 1 and lemma not in settings.stop:
            terms.append(lemma)
    terms.extend(entity_terms(span, token_actor))
    return tuple(dict.fromkeys(terms))


def entity_terms(span: Span, token_actor: dict[int, str]) -> list[str]:
    """Named entities of several words as single terms ("saudi_arabia"), actors left out.
    Read from the tokens' IOB tags: ``Span.ents`` walks the whole Doc at every call."""
    found, current = [], []
    for token in span:
        if token.ent_iob_ != "I" and current:
            found.append(current)
            current = []
        if token.ent_iob_ in ("B", "I"):
            current.append(token)
    if current:
        found.append(current)
    return ["_".join(t.lower_ for t in ent) for ent in found
            if len(ent) > 1 and not any(t.i in token_actor for t in ent)]


def span_mentions(span: Span, token_actor: dict[int, str]) -> frozenset[str]:
    return frozenset(token_actor[t.i] for t in span if t.i in token_actor)


def find_backref(span: Span, own: str, token_actor: dict[int, str], settings: Settings) -> Backref | None:
    """The first cue in the span that points back to another party's stance (a noun owned by
    the position's own actor, "our proposal", is its own stance, not a reference)."""
    for token in span:
        lemma = token.lemma_.lower()
        if lemma in settings.backref_nouns and token.pos_ == "NOUN" and is_determined(token, settings):
            owned_by = owner(token, token_actor)
            if owned_by != own and not is_first_person(token):
                return Backref(phrase(token), settings.backref_nouns[lemma], owned_by, 1.0)
            continue
        if lemma in settings.response and token.pos_ in ("NOUN", "VERB"):
            owned_by = owner(token, token_actor) if token.pos_ == "NOUN" else None
            if owned_by == own:  # "the Yahoo response", said by Yahoo: its own answer, not a pointer
                owned_by = None
            return Backref(phrase(token) if owned_by else token.text, frozenset(), owned_by, 0.8)
        if lemma in settings.back_verbs and token.pos_ == "VERB" \
                and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in token.children):
            return Backref(f"{token.text} back", frozenset(), None, 0.8)  # "hit back"
        kinds = pronoun_ref(token, settings)
        if kinds is not None:
            return Backref(f"{token.head.text} {token.text}", kinds, None, 0.8)
    return None


def pronoun_ref(token, settings: Settings) -> frozenset[str] | None:
    """"talk about this", "welcomed it": a pronoun standing for a stance as object; the kinds
    it can stand for, as its verb says ("welcomed it": an offer or a demand; empty: any)."""
    if token.pos_ != "PRON" or token.dep_ not in ("dobj", "pobj"):
        return None
    verb = (token.head.head if token.dep_ == "pobj" else token.head).lemma_.lower()
    kinds = settings.answer_verbs.get(verb)
    if token.lower_ in settings.pronouns:
        return kinds or frozenset()
    if token.lower_ in settings.object_pronouns and kinds is not None:
        return kinds
    return None


def is_first_person(token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in token.children)


def is_determined(token, settings: Settings) -> bool:
    return any(
        child.dep_ == "poss" or (child.dep_ in ("det", "amod", "predet") and child.lower_ in settings.determiners)
        for child in token.children
    )


def owner(token, token_actor: dict[int, str]) -> str | None:
    """The actor a back-reference names as owner: "Russia's demands", "the NATO proposal", "the
    Russian plan", "the conclusions of the summit", "the takeover proposal from Bayer", "the offer
    made by the company"."""
    for child in token.children:
        if child.dep_ in ("poss", "compound", "amod") and child.i < token.i and child.i in token_actor:
            return token_actor[child.i]
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "the offer made by the company"
            child = next((c for c in child.children if c.dep_ == "agent"), child)
        if child.dep_ in ("prep", "agent") and child.lower_ in ("of", "from", "by"):
            for obj in child.children:
                found = next((token_actor[t.i] for t in obj.subtree if t.i in token_actor), None)
                if found:
                    return found
    return None


def phrase(token) -> str:
    parts = [c for c in token.children if c.dep_ in ("det", "poss", "amod", "compound") and c.i < token.i]
    left = min((c.left_edge.i for c in parts), default=token.i)
    return token.doc[left: token.i + 1].text


def mention_map(spans: list[Span], actors: ActorTable, speakers: frozenset[str] = frozenset(),
                generic: frozenset[str] = frozenset()) -> dict[int, str]:
    """Token index -> actor id: the table's mentions, plus later mentions of people it bound
    to a party ("Zelenskyy's complaint") where the table left them unmarked, and common nouns
    that head the name of one party that speaks ("opposition leaders" for "the opposition")."""
    known = actors.mentions()
    heads = name_heads(actors.actors, speakers, generic)
    for span in spans:
        for token in span:
            if token.i in known:
                continue
            if token.pos_ == "PROPN":
                key = actors.person_party(token.text.removesuffix("’s"))
            elif token.pos_ == "NOUN" and any(c.lower_ == "the" for c in token.children) \
                    and not any(c.i in known for c in token.children):
                key = actors.head_actor(token.lemma_.lower(), token.i)  # "the summit": a learned head
            else:
                key = None
            if key is None and token.pos_ == "NOUN":
                key = heads.get(token.lemma_.lower())
            if key:
                known[token.i] = key
    return known


def name_heads(actors: Iterable[Actor], speakers: frozenset[str], generic: frozenset[str] = frozenset()
               ) -> dict[str, str]:
    """Lower-case last word of the name of each speaking party named by a common noun
    ("the opposition", "environmental groups": "opposition", "group"), when no other speaking
    party shares it and it is no ``generic`` head that any party's people share ("leaders")."""
    found: dict[str, set[str]] = {}
    for actor in actors:
        words = actor.name.split()
        if actor.id in speakers and words and words[-1].islower() and words[-1].isalpha():
            for form in {words[-1], words[-1].removesuffix("s")}:
                found.setdefault(form, set()).add(actor.id)
    return {word: next(iter(ids)) for word, ids in found.items() if len(ids) == 1 and word not in generic}


def gather_evidence(positions: list[Position], doc: Doc, actors: ActorTable,
                    settings: Settings) -> list[Evidence]:
    spans = [position_span(doc, p.start, p.end) for p in positions]
    speakers = frozenset(p.actor for p in positions)
    token_actor = mention_map([span for span in spans if span is not None], actors, speakers,
                              settings.generic_heads)
    found = []
    for p, span in zip(positions, spans, strict=True):
        if span is None:
            found.append(Evidence((), frozenset()))
            continue
        content = position_span(doc, p.content.start, p.content.end) or span
        ref = find_backref(span, p.actor, token_actor, settings)
        terms = (content_terms(content, token_actor, settings, p.actor)
                 or content_terms(span, token_actor, settings, p.actor))
        found.append(Evidence(terms, span_mentions(span, token_actor), ref))
    return found


# --- pair matrices --------------------------------------------------------------------


def text_matrix(evidence: list[Evidence], kinds: list[str] | None = None,
                answers: dict[tuple[str, str], tuple[float, str]] | None = None) -> np.ndarray:
    """rapidfuzz ``token_set_ratio`` of the normalised content, in bulk with ``cdist`` (0..1,
    symmetric). Given the kinds and the answer table, only blocks of kinds that can answer
    each other are scored (one ``cdist`` per first kind), the rest stays 0."""
    strings = [" ".join(sorted(e.terms)) for e in evidence]
    n = len(strings)
    if kinds is None or answers is None:
        return cdist_block(strings, strings) / 100.0
    kind_array = np.array(kinds)
    sim = np.zeros((n, n))
    for first in sorted(set(kinds)):
        rows = np.flatnonzero(kind_array == first)
        cols = np.flatnonzero(np.isin(kind_array, [a for f, a in answers if f == first]))
        if rows.size and cols.size:
            sim[np.ix_(rows, cols)] = cdist_block([strings[r] for r in rows], [strings[c] for c in cols])
    return np.maximum(sim, sim.T) / 100.0


def cdist_block(queries: list[str], choices: list[str]) -> np.ndarray:
    sim = process.cdist(queries, choices, scorer=fuzz.token_set_ratio, dtype=np.float32, workers=1)
    return np.asarray(sim, dtype=np.float64)


def overlap_matrix(evidence: list[Evidence], cutoff: float) -> np.ndarray:
    """Evidence from the terms two positions share, the rarer in the article the stronger.

    A term found in ``df`` of ``n`` positions has rarity ``r = (log(1 + n/df) / log(1 + n))**2``;
    the shared terms combine as a noisy-or, ``1 - prod(1 - r)``. Terms match when their rapidfuzz
    ratio reaches ``cutoff`` ("Russia"/"Russian"), computed in bulk over the article's vocabulary."""
    vocab = sorted({t for e in evidence for t in e.terms})
    n = len(evidence)
    if not vocab or n < 2:
        return np.zeros((n, n))
    index = {t: k for k, t in enumerate(vocab)}
    has = np.zeros((n, len(vocab)))
    for row, e in enumerate(evidence):
        has[row, [index[t] for t in e.terms]] = 1.0
    similar = process.cdist(vocab, vocab, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8) > 0
    near_has = np.minimum(has @ similar, 1.0)  # term t, or one like it, occurs in the position
    df = np.maximum(near_has.sum(axis=0), 1.0)
    rarity = (np.log1p(n / df) / np.log1p(n)) ** 2
    log_miss = has * np.log(np.clip(1.0 - rarity, 1e-6, 1.0))
    shared = 1.0 - np.exp(log_miss @ near_has.T)  # [i, j]: i's terms found in j
    return np.maximum(shared, shared.T)


def adjacency_matrix(positions: list[Position]) -> np.ndarray:
    """1 for positions next to each other in the article, halving with each position between."""
    order = np.argsort(np.argsort([p.start for p in positions], kind="stable"), kind="stable")
    between = np.abs(np.subtract.outer(order, order)) - 1
    return np.where(between >= 0, 0.5 ** np.maximum(between, 0), 0.0)


def actor_matrices(positions: list[Position], evidence: list[Evidence], mention_weight: float
                   ) -> tuple[np.ndarray, np.ndarray]:
    """(addressed, named): first i targets (1) or names (``mention_weight``) j's actor; answer j
    names or targets i's actor."""
    ids = sorted({p.actor for p in positions} | {a for e in evidence for a in e.mentions}
                 | {t for p in positions for t in p.targets})
    index = {a: k for k, a in enumerate(ids)}
    own = np.zeros((len(positions), len(ids)))
    targets = np.zeros_like(own)
    mentions = np.zeros_like(own)
    for row, (p, e) in enumerate(zip(positions, evidence, strict=True)):
        own[row, index[p.actor]] = 1.0
        targets[row, [index[t] for t in p.targets]] = 1.0
        mentions[row, [index[m] for m in e.mentions]] = 1.0
    addressed = np.maximum(targets @ own.T, mention_weight * (mentions @ own.T))
    named = np.maximum(own @ targets.T, own @ mentions.T)
    return np.minimum(addressed, 1.0), np.minimum(named, 1.0)


def dyad_matrix(positions: list[Position]) -> np.ndarray:
    """How much the two actors are the main sides of the story: the smaller of their position
    counts, relative to that of the pair of actors who speak most (1 for the two main parties)."""
    _, index, counts = np.unique([p.actor for p in positions], return_inverse=True, return_counts=True)
    if len(counts) < 2:
        return np.zeros((len(positions), len(positions)))
    share = counts[index] / np.sort(counts)[-2]
    return np.minimum(np.minimum.outer(share, share), 1.0)


def kind_matrices(positions: list[Position], settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """(weight, relation index) of answer j's kind answering i's kind."""
    kind_index = {k: n for n, k in enumerate(KINDS)}
    relations = sorted({rel for _, rel in settings.answers.values()})
    weight = np.zeros((len(KINDS), len(KINDS)))
    relation = np.zeros((len(KINDS), len(KINDS)), dtype=int)
    for (first, answer), (w, rel) in settings.answers.items():
        weight[kind_index[first], kind_index[answer]] = w
        relation[kind_index[first], kind_index[answer]] = relations.index(rel)
    kinds = np.array([kind_index.get(p.kind, kind_index["statement"]) for p in positions])
    return weight[np.ix_(kinds, kinds)], relation[np.ix_(kinds, kinds)]


def backref_matrices(positions: list[Position], evidence: list[Evidence], misfit: float, decay: float = 0.5
                     ) -> tuple[np.ndarray, np.ndarray]:
    """(credit, fit) of answer j's back-reference for position i.

    credit: an owned reference ("Russia's demands") points to every fitting position of its
    owner; any other ("the plan", "about this") to the nearest fitting earlier positions of
    any actor, halving with each one further back (so a reference to the speaker's own
    earlier words credits others little).
    fit: 1, or ``misfit`` where j's owned reference names a kind or an owner that i is not.
    Both are made symmetric: either position may be the one that refers back."""
    n = len(positions)
    starts = np.array([p.start for p in positions])
    kinds = np.array([p.kind for p in positions])
    actors = np.array([p.actor for p in positions])
    fits = np.ones((n, n), dtype=bool)
    misfits = np.zeros((n, n), dtype=bool)
    owned = np.zeros((n, n), dtype=bool)
    has_owner = np.zeros(n, dtype=bool)
    strength = np.zeros(n)
    for j, e in enumerate(evidence):
        ref = e.backref
        if ref is None:
            continue
        strength[j] = ref.strength
        if ref.kinds:
            fits[:, j] = np.isin(kinds, list(ref.kinds))
        if ref.owner is not None:
            has_owner[j] = True
            owned[:, j] = actors == ref.owner
            fits[:, j] &= owned[:, j]
            misfits[:, j] = ~fits[:, j]
    before = fits & ~has_owner[None, :] & (starts[:, None] < starts[None, :]) & (strength[None, :] > 0)
    distance = np.where(before, starts[None, :] - starts[:, None], np.iinfo(np.int64).max)
    rank = np.argsort(np.argsort(distance, axis=0, kind="stable"), axis=0, kind="stable")
    credit = np.where(before, decay ** rank, 0.0)
    credit = np.where(fits & owned, 1.0, credit) * strength[None, :]
    fit = np.where(misfits, misfit, 1.0)
    return np.maximum(credit, credit.T), np.minimum(fit, fit.T)


def pair_features(positions: list[Position], evidence: list[Evidence], settings: Settings
                  ) -> dict[str, np.ndarray]:
    """The evidence matrices [first, answer], plus "fit" (back-reference misfit factor) and
    "relation" (index into the sorted relation names)."""
    starts = np.array([p.start for p in positions])
    paragraphs = np.array([p.paragraph for p in positions], dtype=float)
    addressed, named = actor_matrices(positions, evidence, settings.mention_weight)
    kind_weight, relation = kind_matrices(positions, settings)
    backref, fit = backref_matrices(positions, evidence, settings.backref_misfit, settings.backref_decay)
    return {
        "text": text_matrix(evidence, [p.kind for p in positions], settings.answers),
        "overlap": overlap_matrix(evidence, settings.term_cutoff),
        "addressed": addressed,
        "named": named,
        "dyad": dyad_matrix(positions),
        "backref": backref,
        "after": (starts[None, :] > starts[:, None]).astype(float),
        "near": 1.0 / (1.0 + np.abs(np.subtract.outer(paragraphs, paragraphs)) / settings.near_paragraphs),
        "adjacent": adjacency_matrix(positions),
        "kind": kind_weight,
        "fit": fit,
        "relation": relation,
    }


def combine(features: dict[str, np.ndarray], positions: list[Position], settings: Settings) -> np.ndarray:
    """Scores [first, answer] in [0, 1]: the weighted mean of the evidence; zero for the same
    actor, for kinds that cannot answer, for answers of ``matter_kinds`` (plain statements)
    that neither share a term with the first nor refer back, and for any other answer that
    shares no term and refers back to nothing unless the first position addresses the
    answering party and the answer names the first party or is textually close
    (``matter_text``): nearness and kinds alone make no link."""
    actors = np.array([p.actor for p in positions])
    kind_weight = features["kind"]
    plain = np.array([p.kind in settings.matter_kinds for p in positions])
    same_matter = (features["overlap"] > 0) | (features["backref"] > 0) | (
        ~plain[None, :] & (features["addressed"] > 0)
        & ((features["named"] > 0) | (features["text"] >= settings.matter_text)))
    weights = settings.weights
    total = sum(weights[name] * features[name] for name in FEATURES) / max(sum(weights.values()), 1e-9)
    gate = (kind_weight > 0) * features["fit"] * (actors[:, None] != actors[None, :]) * same_matter
    return np.clip(total, 0.0, 1.0) * gate


def score_matrix(positions: list[Position], evidence: list[Evidence], settings: Settings
                 ) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """Scores [first, answer] in [0, 1], relation indexes, and the feature matrices."""
    features = pair_features(positions, evidence, settings)
    return combine(features, positions, settings), features["relation"], features


# --- choosing links ---------------------------------------------------------------------


def choose_pairs(score: np.ndarray, settings: Settings) -> list[tuple[int, int]]:
    """(first, answer) pairs: each position's best answers above the threshold, each answer
    answering at most ``max_answered`` positions, one direction per pair (the better one)."""
    best = np.maximum(score, score.T)
    keep = (score >= settings.threshold) & (score >= best)
    keep &= rank_mask(score, keep, settings.max_answers, axis=1)
    keep &= rank_mask(score, keep, settings.max_answered, axis=0)
    pairs: list[tuple[int, int]] = []
    seen: set[frozenset[int]] = set()
    for first, answer in zip(*np.nonzero(keep), strict=True):
        key = frozenset((int(first), int(answer)))
        if key not in seen:
            seen.add(key)
            pairs.append((int(first), int(answer)))
    return pairs


def orient(i: int, j: int, kind_weight: np.ndarray) -> tuple[int, int]:
    """The way the kind table prefers: a demand is answered by a rejection, even one stated
    before it."""
    return (j, i) if kind_weight[j, i] > kind_weight[i, j] else (i, j)


def rank_mask(score: np.ndarray, keep: np.ndarray, limit: int, axis: int) -> np.ndarray:
    """True where a kept score is among the ``limit`` best of its row (axis=1) or column (axis=0)."""
    masked = np.where(keep, score, -1.0)
    order = np.argsort(-masked, axis=axis, kind="stable")
    rank = np.argsort(order, axis=axis, kind="stable")
    return rank < limit


def shared_terms(a: Evidence, b: Evidence, names: dict[str, str], cutoff: float, limit: int = 4) -> list[str]:
    """Terms of ``a`` that ``b`` shares, exactly or nearly (a fuzzy ratio of ``cutoff`` or more)."""
    shared = [t for t in a.terms if any(t == u or fuzz.ratio(t, u) >= cutoff for u in b.terms)]
    return [names.get(t[1:], t[1:]) if t.startswith("@") else t.replace("_", " ") for t in shared[:limit]]


def explain(i: int, j: int, positions: list[Position], evidence: list[Evidence],
            features: dict[str, np.ndarray], names: dict[str, str], settings: Settings) -> str:
    """Short human text: the kinds, the shared terms, and the cues that count."""
    first, answer = positions[i], positions[j]
    parts = [f"{first.kind} answered by {answer.kind}"]
    terms = shared_terms(evidence[i], evidence[j], names, settings.term_cutoff)
    if terms:
        parts.append("shared: " + ", ".join(terms))
    ref = evidence[j].backref or evidence[i].backref
    if ref and features["backref"][i, j] > 0:
        parts.append(f"refers back: \u201c{ref.cue}\u201d")
    if features["named"][i, j]:
        parts.append(f"names {names.get(first.actor, first.actor)}")
    if features["addressed"][i, j]:
        parts.append(f"addressed to {names.get(answer.actor, answer.actor)}")
    if features["after"][i, j] == 0:
        parts.append("stated earlier")
    return "; ".join(parts)


def link_positions(positions: list[Position], doc: Doc, actors: ActorTable,
                   settings: Settings | None = None, headline_end: int = 0) -> tuple[list[Link], list[str]]:
    """Links from positions to the positions of other actors that answer them, and the ids of
    the positions of ``unanswered_kinds`` that got no answer.

    Positions in the headline (starting before ``headline_end``) are left out: a headline
    restates what the body says, and the body's position is the one linked.
    Articles with more positions than ``window`` are linked in overlapping windows of that
    many positions (in article order), so the matrices stay small."""
    settings = settings or load_settings()
    positions = sorted((p for p in positions if p.start >= headline_end), key=lambda p: (p.start, p.end))
    if not positions:
        return [], []
    evidence = gather_evidence(positions, doc, actors, settings)
    names = {a.id: a.name for a in actors.actors}
    found: dict[frozenset[str], Link] = {}
    for window in windows(len(positions), settings.window):
        chosen = [positions[k] for k in window]
        for link in window_links(chosen, [evidence[k] for k in window], names, settings):
            key = frozenset((link.source, link.target))
            if key not in found or link.score > found[key].score:
                found[key] = link
    order = {p.id: n for n, p in enumerate(positions)}
    links = sorted(found.values(), key=lambda link: (order[link.source], order[link.target]))
    answered = {link.source for link in links}
    unanswered = [p.id for p in positions if p.kind in settings.unanswered_kinds and p.id not in answered]
    return links, unanswered


def windows(n: int, size: int) -> list[range]:
    """Overlapping ranges of ``size`` indexes (half a window apart) covering ``range(n)``."""
    if n <= size:
        return [range(n)]
    step = max(size // 2, 1)
    return [range(start, min(start + size, n)) for start in range(0, n - size + step, step)]


def window_links(positions: list[Position], evidence: list[Evidence], names: dict[str, str],
                 settings: Settings) -> list[Link]:
    score, relation, features = score_matrix(positions, evidence, settings)
    relations = sorted({rel for _, rel in settings.answers.values()})
    best = np.maximum(score, score.T)
    pairs = [orient(i, j, features["kind"]) for i, j in choose_pairs(score, settings)]
    return [
        Link(positions[i].id, positions[j].id, round(float(best[i, j]), 3), relations[relation[i, j]],
             explain(i, j, positions, evidence, features, names, settings))
        for i, j in pairs
    ]
