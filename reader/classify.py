"""Deciding the kind of a stated content from its words: modals, readiness, negation, labels."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .lexicon import Lexicon

# Which kind wins when one statement makes several moves (lower wins).
KIND_RANK = {"demand": 0, "reject": 1, "offer": 2, "accuse": 3, "threaten": 4, "accept": 5, "statement": 6}
FINITE = {"VBZ", "VBP", "VBD", "MD"}


def negated(token: Token) -> bool:
    """'did not reject', 'never accepted', 'is not ready'."""
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in token.children)


def classify_content(span: Span | None, lex: Lexicon) -> str | None:
    """The kind that the content itself states, or None when it states none of the strong kinds."""
    if span is None or len(span) == 0:
        return None
    for rule in (_demand, _refusal, _accusation, _offer, _acceptance, _threat, _rejection_words):
        kind = rule(span, lex)
        if kind:
            return kind
    return None


def _refusal(span: Span, lex: Lexicon) -> str | None:
    """'will not question', 'is not ready to accept', 'There will be no talks without ...'."""
    ready = lex.words("offer_adjectives")
    refusable = lex.words("negated_accept")
    for token in span:
        if negated(token):
            lemma = token.lemma_.lower()
            if (lemma in refusable or lemma in ready) and not _thing_subject(token):
                return "reject"
            if lemma == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in ready for c in token.children):
                return "reject"
        if token.lemma_.lower() == "vote" and any(t.lower_ == "against" for t in token.subtree):
            return "reject"  # "voted against the proposal"
        if token.lower_ == "no" and token.dep_ == "det" and _existential(token.head) and token.head.lemma_ not in {
                "question", "doubt"}:
            return "reject"
    return None


def _thing_subject(verb: Token) -> bool:
    """'the package did not change the policy' states a fact; 'we will not change' refuses."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and subject.pos_ == "NOUN" and subject.ent_type_ == "" and subject.tag_ == "NN" \
        and subject.lemma_.lower() not in PARTY_NOUNS


PARTY_NOUNS = {"government", "administration", "country", "side", "union", "company", "ministry", "leadership",
               "party", "movement", "group", "council", "president", "minister", "spokesman", "spokeswoman",
               "official", "embassy", "regime", "management", "board", "alliance", "bloc", "army", "military"}


def _existential(noun: Token) -> bool:
    head = noun.head
    return noun.dep_ == "attr" and any(c.dep_ == "expl" for c in head.children)


def _demand(span: Span, lex: Lexicon) -> str | None:
    modals = lex.words("demand_modals")
    musts = lex.words("demand_adjectives")
    wants = lex.words("demand_verbs")
    for token in span:
        lower, lemma = token.lower_, token.lemma_.lower()
        if token.tag_ == "MD" and lower in modals and not negated(token.head) and not _first_singular(token.head):
            return "demand"
        if lemma in {"need", "have"} and token.tag_ in FINITE | {"VB"} and _to_clause(token) and not negated(token):
            if token.tag_ != "VB" or any(c.tag_ == "MD" for c in token.children):
                return "demand"
        if lemma in musts and token.pos_ == "ADJ" and not negated(token.head) and not negated(token):
            if any(c.dep_ in {"ccomp", "xcomp"} for c in token.head.children) or _to_clause(token):
                return "demand"
        if lemma in wants and token.pos_ == "VERB" and not negated(token) and _pronoun_subject(token) and (
                _to_clause(token) or any(c.dep_ in {"ccomp", "xcomp"} for c in token.children)):
            return "demand"
    return _needed(span, lex)


def _needed(span: Span, lex: Lexicon) -> str | None:
    """The content is a need stated: 'the need for a binding agreement', 'the importance of reaching
    a deal' (the head of what was said, not 'the need for aid is growing'; not 'no need for')."""
    root = span.root
    if root.pos_ == "NOUN" and root.lemma_.lower() in lex.words("demand_nouns"):
        if any(c.dep_ == "det" and c.lower_ == "no" for c in root.children) or negated(root.head):
            return None
        if any(c.dep_ == "prep" and c.lower_ in {"for", "of"} for c in root.children) or _to_clause(root) \
                or any(c.dep_ == "acl" for c in root.children):
            return "demand"
    return None


def _first_singular(verb: Token) -> bool:
    """'I must answer you directly' binds the speaker, it demands nothing of another party."""
    return any(c.dep_ == "nsubj" and c.lower_ == "i" for c in verb.children)


def _pronoun_subject(token: Token) -> bool:
    """'I hope', 'we want', 'he wants': the speaker's own wish, not a third party's reported one."""
    return any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in token.children)


def _to_clause(token: Token) -> bool:
    return any(c.dep_ in {"xcomp", "ccomp"} and any(g.lower_ == "to" for g in c.children) for c in token.children)


def _offer(span: Span, lex: Lexicon) -> str | None:
    ready = lex.words("offer_adjectives")
    for token in span:
        lemma = token.lemma_.lower()
        if lemma in ready and token.pos_ == "ADJ" and not negated(token.head) and (
                _to_clause(token) or _to_talks(token, lex)):
            return "offer"
        if lemma in {"proposal", "offer", "counteroffer", "plan"} and _own_proposal(token):
            return "offer"
        if lemma in {"propose", "offer"} and token.pos_ == "VERB" and token.dep_ not in {"amod", "acl"} \
                and not negated(token):
            return "offer"  # not "the proposed tariffs"

    return None


OWN_PROPOSAL_HEADS = {"with", "under", "make", "submit", "present", "table", "put", "unveil", "send", "offer",
                      "propose", "deliver", "announce", "publish"}


def _own_proposal(token: Token) -> bool:
    """'will respond with a concrete proposal', 'under the proposal', 'made an offer' (not
    'voted against the proposal' nor 'the company's offer was similar')."""
    head = token.head
    return (token.dep_ in {"dobj", "pobj"} and head.lemma_.lower() in OWN_PROPOSAL_HEADS
            and not negated(head) and not any(c.dep_ == "poss" for c in token.children))


def _to_talks(token: Token, lex: Lexicon) -> bool:
    """'open to indirect talks', 'ready for dialogue'."""
    talks = lex.words("offer_words")
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in {"to", "for"}:
            if any(c.dep_ == "pobj" and c.lemma_.lower() in talks for c in prep.children):
                return True
    return False


def _acceptance(span: Span, lex: Lexicon) -> str | None:
    """'We'll welcome and encourage such contact', 'we accept the proposal'."""
    for token in span:
        if token.lemma_.lower() in {"welcome", "accept", "agree", "endorse", "support"} and token.pos_ == "VERB" \
                and not negated(token) and any(c.dep_ == "nsubj" and c.lower_ in {"we", "i"} for c in token.children):
            return "accept"
    return None


GRAVE = {"serious", "severe", "grave", "massive", "dire", "unpredictable", "catastrophic", "dangerous", "heavy"}
FACE = {"face", "bear", "suffer", "pay", "mean", "bring", "trigger", "have"}


def _threat(span: Span, lex: Lexicon) -> str | None:
    """'massive consequences', 'will face consequences', 'would pay a price' (not 'cannot produce
    any legal consequences')."""
    for token in span:
        if _measures_against(token):
            return "threaten"
        if token.lemma_.lower() not in {"consequence", "price", "retaliation", "countermeasure"}:
            continue
        if negated(token.head) or any(c.lower_ in {"no", "any"} for c in token.children):
            continue
        grave = any(c.lower_ in GRAVE for c in token.children)
        faced = token.head.lemma_.lower() in FACE and token.dep_ in {"dobj", "pobj"}
        if grave or faced or token.lemma_.lower() in {"retaliation", "countermeasure"}:
            return "threaten"
    return None


def _measures_against(token: Token) -> bool:
    """'will take measures of equal intensity against U.S. goods', 'take counter measures'."""
    if token.lemma_.lower() != "measure" or token.head.lemma_.lower() != "take" or negated(token.head):
        return False
    countering = any(c.lower_ in {"counter", "retaliatory", "reciprocal"} for c in token.children)
    against = any(t.lower_ == "against" for t in token.subtree) or any(
        c.dep_ == "prep" and c.lower_ == "against" for c in token.head.children)
    return countering or against


def _accusation(span: Span, lex: Lexicon) -> str | None:
    if any(t.lower_ in lex.words("accuse_words") for t in span):
        return "accuse"
    return None


def _rejection_words(span: Span, lex: Lexicon) -> str | None:
    text = span.text.lower()
    if any(t.lower_ in lex.words("reject_words") for t in span) or "null and void" in text:
        return "reject"
    return None
