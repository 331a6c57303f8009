"""Deciding the kind of a stated content from its words: modals, readiness, negation, labels.

Each rule is a named function ``(span, lex) -> kind | None``; ``RULES`` lists them in the order
they are tried, and the first that names a kind decides. ``tests/test_rules.py`` holds a table of
sentences per rule id. The words every rule reads are lists in ``data/cues.toml [content]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .lexicon import cue_lemma

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .lexicon import Lexicon

# Which kind wins when one statement makes several moves (lower wins).
KIND_RANK = {"demand": 0, "reject": 1, "offer": 2, "accuse": 3, "threaten": 4, "accept": 5, "statement": 6}
FINITE = {"VBZ", "VBP", "VBD", "MD"}


def negated(token: Token) -> bool:
    """'did not reject', 'never accepted', 'will neither resign nor ...', 'is not ready', 'can no
    longer hold talks', 'are not going to accept' (the future with 'going to' is negated on 'going')."""
    if token.dep_ == "xcomp" and token.head.lower_ == "going" and token.i > token.head.i:
        token = token.head
    return any(c.dep_ == "neg" or c.lower_ in {"never", "neither"} or (c.lower_ == "longer" and any(
        g.lower_ == "no" for g in c.children)) for c in token.children)


def to_infinitive(verb: Token) -> bool:
    """'(ready) to resume talks', '(expects the union) to respond': a verb marked by 'to'."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _with_no(noun: Token) -> bool:
    """'no intention', 'no question', 'no choice': a noun its determiner 'no' denies."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def classify_content(span: Span | None, lex: Lexicon) -> str | None:
    """The kind that the content itself states, or None when it states none of the strong kinds."""
    return first_rule(span, lex)[1]


def first_rule(span: Span | None, lex: Lexicon) -> tuple[str | None, str | None]:
    """(rule id, kind) of the first rule of ``RULES`` that names a kind for ``span``."""
    if span is None or len(span) == 0:
        return None, None
    tokens = Tokens(span)  # built once: every rule walks the same tokens
    for rule_id, rule in RULES:
        kind = rule(tokens, lex)
        if kind:
            return rule_id, kind
    return None, None


class Tokens(list):
    """A span's tokens made once (a Span makes new Token objects on each walk), with the span's
    ``root`` and ``text`` for the rules that read them."""

    def __init__(self, span: Span) -> None:
        super().__init__(span)
        self.root = span.root
        self.text = span.text


def _refusal(span: Span, lex: Lexicon) -> str | None:
    """'will not question', 'is not ready to accept', 'There will be no talks without ...'."""
    ready = lex.words("offer_adjectives")
    yielding = lex.words("negated_accept")
    for token in span:
        if _nothing_to_yield(token, lex):
            return "reject"  # "there is nothing to negotiate"
        if negated(token) or _nobody_subject(token):
            lemma = token.lemma_.lower()
            if (refusable(token, lex) or lemma in ready) and not _thing_subject(token, lex):
                return "accuse" if _named_past_failure(token) else "reject"
            if lemma == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in ready for c in token.children):
                return "reject"
            if lemma == "be" and _first_person_subject(token, lex) and any(
                    c.dep_ == "acomp" and c.lemma_.lower() in yielding for c in token.children):
                return "reject"  # "I'm not interested in your demands"
        if token.lemma_.lower() == "vote" and any(t.lower_ == "against" for t in token.subtree):
            return "reject"  # "voted against the proposal"
        if token.lower_ == "no" and token.dep_ == "det" and _existential(token.head) \
                and token.head.lemma_ not in lex.words("no_refusal_heads") \
                and not _condition_clause(token.head.head, lex):
            return "reject"
    return None


def _named_past_failure(verb: Token) -> bool:
    """'the United States had not listened to Japan's explanation', 'ACMA had not complied with due
    processes': a named side's past failure to yield, said by another, is held against it (not 'we
    did not accept', not 'they will not accept': a refusal)."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    named = subject is not None and (subject.pos_ == "PROPN" or subject.ent_type_ in {"ORG", "GPE", "NORP"})
    past = verb.tag_ in {"VBD", "VBN"} and not any(c.tag_ == "MD" for c in verb.children)
    return named and past and verb.dep_ in {"ccomp", "conj"}


def refusable(token: Token, lex: Lexicon) -> bool:
    """A move of yielding: 'accept', 'withdraw' (``negated_accept``) or one said with its particle,
    'call off', 'stand down' (``yield_phrasals``)."""
    if token.lemma_.lower() in lex.words("judging_senses") and (any(
            c.dep_ in {"xcomp", "oprd", "ccomp", "auxpass"} for c in token.children) or token.tag_ == "VBN"):
        return False  # "did not consider these demands outrageous", "cannot be considered serious": a judgement
    if token.lemma_.lower() in lex.words("negated_accept"):
        return True
    particles = (c.lower_ for c in token.children if c.dep_ in {"prt", "advmod"} and c.i > token.i)
    return any(f"{token.lemma_.lower()} {p}" in lex.words("yield_phrasals") for p in particles)


def _nothing_to_yield(token: Token, lex: Lexicon) -> bool:
    """'there is nothing to negotiate', 'we have nothing to discuss with them' (not 'it costs
    nothing to talk')."""
    held = token.head.lemma_ in {"be", "have"} and token.dep_ in {"attr", "dobj", "nsubj"}
    return token.lower_ == "nothing" and held and any(
        c.dep_ in {"relcl", "acl"} and c.tag_ == "VB" and refusable(c, lex) for c in token.children)


def _nobody_subject(verb: Token) -> bool:
    """'No one is going to be negotiating outside the framework': a move nobody will make."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and verb.dep_ == "xcomp":
        subject = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and (subject.lower_ in {"nobody", "none"} or subject.lower_ == "one" and any(
        c.lower_ == "no" for c in subject.children))


def _no_intention(span: Span, lex: Lexicon) -> str | None:
    """'we have no intention of withdrawing it', 'did not plan to retract or negotiate': an intention
    to yield, denied, refuses to."""
    for token in span:
        if _ruled_out(token, lex):
            return "reject"  # "there is no question of rolling back the decision"
        if token.lemma_.lower() not in lex.words("intention_words"):
            continue
        denied = negated(token) if token.pos_ in {"VERB", "AUX"} else _with_no(token)
        if not denied:
            continue
        acts = [c for c in token.subtree if c.pos_ == "VERB" and c is not token and c.head.i <= c.i
                and c.dep_ in {"xcomp", "pcomp", "acl", "conj"}]
        if any(refusable(a, lex) for a in acts):
            return "reject"  # ("are not intending to call off the strike")
    return None


def _ruled_out(token: Token, lex: Lexicon) -> bool:
    """'no question of rolling back the decision': an act ruled out, whatever the act."""
    if token.lemma_.lower() not in lex.words("ruled_out_nouns") or not _with_no(token):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pcomp" for g in c.children)
               for c in token.children)


def _thing_subject(verb: Token, lex: Lexicon) -> bool:
    """'the package did not change the policy' states a fact; 'we will not change' refuses."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and subject.pos_ == "NOUN" and subject.ent_type_ == "" and subject.tag_ == "NN" \
        and subject.lemma_.lower() not in lex.words("party_nouns")


def _existential(noun: Token) -> bool:
    head = noun.head
    return noun.dep_ == "attr" and any(c.dep_ == "expl" for c in head.children)


def _demand(span: Span, lex: Lexicon) -> str | None:
    modals = lex.words("demand_modals")
    musts = lex.words("demand_adjectives")
    wants = lex.words("demand_verbs")
    for token in span:
        lower, lemma = token.lower_, token.lemma_.lower()
        if token.tag_ == "MD" and lower in modals and not negated(token.head) and not _first_singular(token.head) \
                and not _own_obligation(token.head, lex) and _main_clause(token.head, span):
            return "demand"
        owned = lemma == "have" and any(c.dep_ in {"dobj", "obj"} for c in token.children)  # "have a lot of
        if lemma in {"need", "have"} and token.tag_ in FINITE | {"VB"} and _to_clause(token) and not negated(token) \
                and not owned and not _own_obligation(token, lex):  # case law to go with" says what one has
            if token.tag_ != "VB" or any(c.tag_ == "MD" for c in token.children):
                return "demand"
        if lemma == "need" and token.pos_ == "VERB" and not negated(token) \
                and any(c.dep_ == "nsubj" and c.lower_ == "we" for c in token.children) \
                and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in token.children):
            return "demand"  # "We need a new, fresh and proper election"
        if lemma in musts and token.pos_ == "ADJ" and not negated(token.head) and not negated(token):
            if any(c.dep_ in {"ccomp", "xcomp"} for c in token.head.children) or _to_clause(token):
                return "demand"
        if lemma in wants and token.pos_ == "VERB" and not negated(token) and _pronoun_subject(token) and (
                _to_clause(token) or any(c.dep_ in {"ccomp", "xcomp"} for c in token.children)) \
                and own_wish_kind(token, lex) is None and not _own_prospect(token, lex):
            return "demand"
        if cue_lemma(lex, token) in wants and token.pos_ == "VERB" and token.dep_ == "ROOT" \
                and not negated(token) and _wish_for_other(token):  # (cue_lemma: "hopes" is "hope", not "hop")
            return "demand"  # "China hopes Indonesia can appropriately handle the issue"
    return _needed(span, lex)


def _own_obligation(verb: Token, lex: Lexicon) -> bool:
    """'we had to use force', 'we will have to retaliate', 'we must learn from history': what the
    speaker's own side must do asks nothing of the other (its subject is 'we' or 'I', found up the
    chain of 'have to', 'will' and 'and')."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return subject.lower_ in lex.words("first_person")
        if verb.dep_ not in {"xcomp", "aux", "conj"} or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


SIDE_CLAUSES = frozenset({"relcl", "acl", "advcl", "pcomp", "csubj", "amod", "pobj", "dobj", "nsubj", "attr"})


def _main_clause(verb: Token, span: Span) -> bool:
    """The verb heads the content's own clause, not a clause about something inside it ('the same
    people who tell us there is no money' is no demand; 'said it must leave' is)."""
    start, end = span[0].i, span[-1].i + 1
    while verb.dep_ != "ROOT" and start <= verb.head.i < end:
        if verb.dep_ in SIDE_CLAUSES:
            return False
        verb = verb.head
    return True


def _needed(span: Span, lex: Lexicon) -> str | None:
    """The content is a need stated: 'the need for a binding agreement', 'the importance of reaching
    a deal' (the head of what was said, not 'the need for aid is growing'; not 'no need for')."""
    root = span.root
    if root.pos_ == "NOUN" and root.lemma_.lower() in lex.words("demand_nouns"):
        if _with_no(root) or negated(root.head):
            return None
        if any(c.dep_ == "prep" and c.lower_ in {"for", "of"} for c in root.children) or _to_clause(root) \
                or any(c.dep_ == "acl" for c in root.children):
            return "demand"
    return None


def own_wish_kind(token: Token, lex: Lexicon) -> str | None:
    """The kind of a wish for one's own act ('wants to protect its rights': statement; 'want to
    negotiate': offer); None when the wish is asked of someone ('wants China to leave', 'wants a
    ceasefire', 'want to see them go')."""
    wished = [c for c in token.children if c.dep_ == "xcomp"]
    if not wished or any(c.dep_ in {"dobj", "obj", "ccomp"} for c in token.children):
        return None
    act = wished[0]
    if act.lemma_.lower() in lex.words("spoken_acts") and not any(c.dep_ == "nsubj" for c in act.children):
        return "statement"  # "I want to say that ...", "we would like to thank them"
    if any(c.dep_ in {"nsubj", "ccomp"} for c in act.children) or act.lemma_.lower() in lex.words("wish_seeing"):
        return None
    acts = {a.lemma_.lower() for a in (act, *act.conjuncts)}
    if acts & lex.words("offer_words"):
        return "offer"
    return "statement" if acts <= lex.words("own_act_verbs") else None  # "wants to relocate them" asks


def _own_prospect(token: Token, lex: Lexicon) -> bool:
    """'it expects to levy more fines', 'we hope to reach a deal': what one expects or hopes to do
    oneself asks nothing of another (not 'we expect Israel to withdraw'; data: ``prospect_verbs``)."""
    if token.lemma_.lower() not in lex.words("prospect_verbs"):
        return False
    clauses = [c for c in token.children if c.dep_ in {"xcomp", "ccomp"}]
    return bool(clauses) and not any(c.dep_ in {"dobj", "obj"} for c in token.children) \
        and not any(g.dep_ in {"nsubj", "nsubjpass"} for c in clauses for g in c.children)


def _first_singular(verb: Token) -> bool:
    """'I must answer you directly' binds the speaker, it demands nothing of another party."""
    return any(c.dep_ == "nsubj" and c.lower_ == "i" for c in verb.children)


def _wish_for_other(token: Token) -> bool:
    """A wish whose clause has a named subject of its own, other than the wisher: what another
    party is to do ('China hopes Indonesia can handle it', not 'China hopes it can')."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        other = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and other is not None and other.pos_ == "PROPN" and other.text != subject.text:
            return True
    return False


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
            if any(t.lower_ == "against" for c in token.children if c.dep_ == "xcomp" for t in c.subtree):
                return "threaten"  # "We're prepared to file this anti-trust action against the NBA"
            return "offer"
        if lemma in lex.words("proposal_nouns") and _own_proposal(token, lex):
            return "offer"
        if lemma in lex.words("offer_verbs") and token.pos_ == "VERB" \
                and token.dep_ not in {"amod", "acl", "csubj", "csubjpass"} and not negated(token):
            return "offer"  # not "the proposed tariffs", not "Proposing that we continue is no solution"
        if lemma in lex.words("wish_verbs") and not negated(token) and own_wish_kind(token, lex) == "offer":
            return "offer"  # "they want to negotiate in a sensible fashion"
        if lemma in lex.words("raise_verbs") and token.pos_ == "VERB" and not negated(token) \
                and raised_offer(token, lex) is not None:
            return "offer"  # "raised their bid", "increased its wage offer to 6.5%": a better offer

    return None


def raised_offer(verb: Token, lex: Lexicon) -> Token | None:
    """The offer or bid that a verb of raising (``raise_verbs``: the caller checks it) improves
    ('increased its wage offer', 'sweetened its bid'), else None."""
    offers = lex.words("proposal_nouns") | {"bid"}
    return next((c for c in verb.children if c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in offers), None)


def _own_proposal(token: Token, lex: Lexicon) -> bool:
    """'will respond with a concrete proposal', 'under the proposal', 'made an offer' (not
    'voted against the proposal' nor 'the company's offer was similar')."""
    head = token.head
    return (token.dep_ in {"dobj", "pobj"} and head.lemma_.lower() in lex.words("proposal_heads")
            and not negated(head) and not any(c.dep_ == "poss" for c in token.children))


def _concession(span: Span, lex: Lexicon) -> str | None:
    """'the government would suspend the new tax', 'we are prepared to release the prisoners':
    the speaker will stop, lift or give something (a modal or readiness, not a past fact)."""
    concessions = lex.words("concession_verbs")
    for token in span:
        if token.lemma_.lower() not in concessions or token.pos_ != "VERB" or negated(token):
            continue
        if token.dep_ in {"amod", "acl", "relcl", "advcl", "pcomp"} or _thing_subject(token, lex):
            continue
        if any(c.tag_ == "MD" and c.lower_ in {"will", "would", "'ll", "shall"} for c in token.children):
            return "demand" if _only_on_terms(token) else "offer"
        head = token.head
        if token.dep_ == "xcomp" and head.lemma_.lower() in lex.words("offer_adjectives") and not negated(head):
            return "offer"
    return None


def _only_on_terms(verb: Token) -> bool:
    """'it will only release them in exchange for a permanent end to fighting': a move promised
    only on the other side's terms asks for those terms (a demand, as 'will not ... until')."""
    return any(c.dep_ == "advmod" and c.lower_ == "only" for c in verb.children) and any(
        c.dep_ in {"prep", "advcl"} for c in verb.children)


def _first_person_subject(verb: Token, lex: Lexicon) -> bool:
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    while subject is None and verb.dep_ in {"xcomp", "conj", "aux"} and verb.head != verb:
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and (subject.lower_ in lex.words("first_person") or any(
        c.dep_ == "poss" and c.lower_ in lex.words("first_person") for c in subject.children))


def _hostile_act(token: Token, lex: Lexicon) -> bool:
    """A hostile act stated as done or being done (not an intention: 'will attack' is no charge);
    'fired at the border guards' and the like by the verb and its preposition (``hostile_with``)."""
    if token.pos_ != "VERB":
        return False
    if token.lemma_.lower() not in lex.words("hostile_verbs") and not _aimed(token, lex):
        return False
    if token.dep_ in {"amod", "xcomp", "pcomp"} or any(c.tag_ == "MD" for c in token.children):
        return False
    return token.tag_ in {"VBD", "VBN", "VBG", "VBZ", "VBP"}


def _aimed(verb: Token, lex: Lexicon) -> bool:
    """'fired at', 'cracked down on', 'walked away from': the verb with its particle and preposition
    is hostile."""
    particles = [c for c in verb.children
                 if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ in {"away", "out", "back"}]
    preps = [c for holder in (verb, *particles) for c in holder.children if c.dep_ == "prep"]  # "walked away | from"
    return any(f"{verb.lemma_.lower()}{p} {c.lower_}" in lex.words("hostile_with") for c in preps
               for p in [f" {t.lower_}" for t in particles] or [""])


def _denial(span: Span, lex: Lexicon) -> str | None:
    """'We have not been attacking any positions': the speaker's side denies a hostile act."""
    for token in span:
        if _hostile_act(token, lex) and negated(token) and _first_person_subject(token, lex):
            return "reject"
    return None


def _charge(span: Span, lex: Lexicon) -> str | None:
    """'the government forces attacked our positions', 'They are the ones attacking our forces':
    a hostile act stated of someone other than the speaker's side is an accusation."""
    for token in span:
        if _hostile_act(token, lex) and not negated(token) and not _first_person_subject(token, lex):
            if token.dep_ in {"acl", "relcl"} and token.head.pos_ == "NOUN" and token.head.dep_ in {"pobj", "dobj"}:
                continue  # "reports of troops attacking villages": a description, not a charge
            return "accuse"
    return None


def _force_promised(span: Span, lex: Lexicon) -> str | None:
    """'Russia will retaliate', 'we will strike back', 'the U.S. reserves the right to respond'."""
    retaliations = lex.words("retaliation_verbs")
    for token in span:
        lemma = token.lemma_.lower()
        particle = next((c.lower_ for c in token.children if c.dep_ in {"prt", "advmod"} and c.lower_ == "back"), "")
        phrase = f"{lemma} {particle}".strip()
        if (lemma in retaliations or phrase in retaliations) and token.pos_ == "VERB" and not negated(token) \
                and any(c.tag_ == "MD" for c in token.children):
            return "threaten"
        if lemma == "right" and token.head.lemma_.lower() == "reserve" and not negated(token.head):
            return "threaten"
    return None


def _forceful_response(span: Span, lex: Lexicon) -> str | None:
    """'will respond sternly to any provocation', 'will be ... responded with full force', 'would
    react decisively', 'pressure will receive its due response': a response promised with force,
    or promised to the other side's act, is a threat (not 'will respond to the letter'; not 'did
    not respond forcefully'; data: ``response_verbs``, ``forceful_manners``,
    ``meeting_response_verbs``, ``response_nouns``)."""
    manners = lex.words("forceful_manners")
    for token in span:
        if token.lemma_.lower() not in lex.words("response_verbs") or token.pos_ != "VERB" or negated(token):
            continue
        modal = any(c.tag_ == "MD" for c in token.children) or token.dep_ == "conj" and any(
            c.tag_ == "MD" for c in token.head.children)
        manner = [c for c in token.children if c.dep_ == "advmod" and c.lower_ in manners]
        manner += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
                   for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in manners]
        if modal and manner:
            return "threaten"
    for token in span:  # "pressure will receive its due response", "any attack will meet a firm answer"
        if token.lemma_.lower() not in lex.words("meeting_response_verbs") or token.pos_ != "VERB" or negated(token):
            continue
        if any(c.tag_ == "MD" for c in token.children) and any(
                c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in lex.words("response_nouns") for c in token.children):
            return "threaten"
    return None


def _all_necessary_means(span: Span, lex: Lexicon) -> str | None:
    """'will take all necessary measures', 'protect its people by all means necessary': force
    held in reserve is a threat (not 'we have not taken all necessary steps')."""
    for token in span:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in lex.words("means_nouns") or negated(token.head):
            continue
        words = {c.lower_ for c in token.children} | {token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""}
        if "all" in words and "necessary" in words:
            return "threaten"
    return None


def _leaving_talks(span: Span, lex: Lexicon) -> str | None:
    """'leave the negotiations because they are of no use', 'quit the talks', 'pull out of the deal'
    (not "the government's decision to quit the talks": another side's move, reported)."""
    talks = lex.words("talk_nouns")
    for token in span:
        if token.pos_ == "NOUN" and token.lemma_.lower() in lex.words("quit_nouns") and _quit_noun_object(
                token, talks):
            return "reject"  # "declared a withdrawal from the ceasefire"
        if token.lemma_.lower() not in lex.words("quit_verbs") or token.pos_ != "VERB" or negated(token):
            continue
        if token.dep_ in {"acl", "relcl"} and any(c.dep_ == "poss" for c in token.head.children):
            continue  # "the state government's decision to quit the talks": another side's move, reported
        objects = [c for c in token.children if c.dep_ in {"dobj", "obj"}]
        objects += [g for c in token.children if c.dep_ in {"prep", "prt"} for g in c.children if g.dep_ == "pobj"]
        objects += [g for c in token.children if c.dep_ == "prt"
                    for p in c.head.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
        if any(o.lemma_.lower() in talks or o.lower_ in talks for o in objects):
            return "reject"
    return None


def _quit_noun_object(noun: Token, talks: frozenset[str]) -> bool:
    """Whether a noun of quitting names talks or a deal as what is quit: 'withdrawal from the
    ceasefire', 'an end to its commitment to the truce' (one noun between at most)."""
    def objects(token: Token) -> list[Token]:
        return [g for c in token.children if c.dep_ == "prep" and c.lower_ in {"from", "of", "to"}
                for g in c.children if g.dep_ == "pobj"]
    found = objects(noun)
    found += [g for o in found for g in objects(o)]
    return any(o.lemma_.lower() in talks or o.lower_ in talks for o in found)


TALK_PREPOSITIONS = frozenset({"into", "in", "to", "at", "with", "on"})


def _talk_objects(token: Token) -> list[Token]:
    """The objects of a verb, direct or through a preposition of taking part ('enter into
    discussions', 'return to the table'; not 'ejected from a meeting')."""
    objects = [c for c in token.children if c.dep_ in {"dobj", "obj"}]
    return objects + [g for c in token.children if c.dep_ == "prep" and c.lower_ in TALK_PREPOSITIONS
                      for g in c.children if g.dep_ == "pobj"]


def _no_talks(span: Span, lex: Lexicon) -> str | None:
    """'would not enter into discussions or negotiations', 'will not hold talks with them': taking
    no part in talks refuses them (data: ``talk_nouns``; not 'talks did not resume', where the
    talks are the subject)."""
    talks = lex.words("talk_nouns")
    for token in span:
        if token.pos_ not in {"VERB", "AUX"} or not negated(token) or _condition_follows(token, lex):
            continue
        if _subordinate(token) or _named_subject(token):
            continue  # "if the government did not observe the truce"; "the Catalan government has not wanted dialogue"
        objects = _talk_objects(token)
        objects += [c for o in objects for c in o.conjuncts]
        if any(o.lemma_.lower() in talks or o.lower_ in talks for o in objects):
            return "reject"
    return None


def _condition_clause(token: Token, lex: Lexicon) -> bool:
    """'if there are no attacks': the verb of a clause of condition ('if', 'unless': data
    ``condition_marks``), not what the sentence asserts."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lex.words("condition_marks")
                                         for c in token.children)


def _subordinate(token: Token) -> bool:
    """A verb of an adverbial or relative clause ('when an application is disputed', 'if they do
    not observe the truce'): not what the sentence asserts."""
    return token.dep_ in {"advcl", "relcl", "acl"}


def _named_subject(token: Token) -> bool:
    """A subject that names a party by a proper name or a nationality ('the Catalan government',
    'Hamas'): a report on another side, not the speaker's own stance."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and any(t.pos_ == "PROPN" or t.ent_type_ in {"NORP", "GPE", "ORG"}
                                                          for t in c.subtree) for c in token.children)


def _condition_follows(token: Token, lex: Lexicon) -> bool:
    """'will not start talks until they free the hostages': a refusal on a condition (a demand,
    left to ``demand.conditioned_refusal``)."""
    return any(c.dep_ in {"prep", "mark", "advcl"} and c.lower_ in lex.words("refusal_conditions")
               or c.dep_ == "advcl" and any(g.lower_ in lex.words("refusal_conditions") for g in c.children)
               for c in token.children)


def _refused_passive(span: Span, lex: Lexicon) -> str | None:
    """'any request at this time will be declined', 'the demands cannot be fulfilled': a request,
    demand or proposal said to be refused or not to be granted, in the passive with no one else
    named as refusing (data: ``request_nouns``, ``granting_verbs``)."""
    requests = lex.words("request_nouns")
    for token in span:
        refused = lex.verbs.get(token.lemma_.lower()) == "reject" and not negated(token)
        ungranted = token.lemma_.lower() in lex.words("granting_verbs") and negated(token)  # "cannot be met"
        if not (refused or ungranted) or not any(c.dep_ == "auxpass" for c in token.children) or _subordinate(token):
            continue
        if any(c.dep_ == "agent" for c in token.children):
            continue  # "was rejected by the union": the union's move, reported
        subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
        if not subjects and token.dep_ == "conj":  # "the demands are exorbitant and cannot be fulfilled"
            subjects = [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if any(c.lemma_.lower() in requests for c in subjects):
            return "reject"
    return None


def _conditional_threat(span: Span, lex: Lexicon) -> str | None:
    """'would strike back within a day unless the drills stop', 'will retaliate if ...', 'strikes
    could begin next month unless ...': force or pressure promised on a condition."""
    forces, marks = lex.words("force_verbs"), lex.words("condition_marks")
    pressure = lex.words("pressure_nouns")
    for token in span:
        holder = token.head if token.dep_ == "xcomp" else token  # "we will have to retaliate if ..."
        if token.pos_ != "VERB" or not any(c.tag_ == "MD" for c in holder.children) or negated(token) \
                or negated(holder) or _goodwill(token, lex):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        pressing = subject is not None and subject.lower_ in pressure  # "strikes could begin unless ..."
        called_off = any(f"{token.lemma_.lower()} {c.lower_}" in lex.words("phrasal_actions")
                         for c in token.children if c.dep_ == "prt")  # "will call strikes off if ..."
        pressing = pressing or token.lemma_.lower() in lex.words("pressing_verbs") and not called_off and any(
            o.lemma_.lower() in pressure or o.lower_ in pressure for o in _objects(token))  # "will stage a strike if"
        if not (token.lemma_.lower() in forces or pressing):
            continue
        conditions = [c for c in (*token.children, *holder.children) if c.dep_ == "advcl"]
        if any(m.lower_ in marks for c in conditions for m in c.children if m.dep_ == "mark"):
            return "threaten"
        if any(t.lower_ == "otherwise" for t in token.subtree):
            return "threaten"
    return None


def _goodwill(token: Token, lex: Lexicon) -> bool:
    """'respond positively', 'react favourably': a verb said with a word of good faith (data
    ``goodwill_adverbs``)."""
    return any(c.dep_ == "advmod" and c.lower_ in lex.words("goodwill_adverbs") for c in token.children)


def _goodwill_promised(span: Span, lex: Lexicon) -> str | None:
    """'India would respond positively if Musharraf kept his pledge', 'we will react favourably to
    any proposal': a move promised ('will', 'would') in good faith is an offer (not 'did not
    respond positively': a past fact; not 'will not respond positively')."""
    for token in span:
        if token.pos_ == "VERB" and _goodwill(token, lex) and not negated(token) and any(
                c.tag_ == "MD" and c.lower_ in lex.words("promise_modals") for c in token.children):
            return "offer"
    return None


def _threat_on_condition(span: Span, lex: Lexicon) -> str | None:
    """'he will pull out unless the vote is postponed', 'we will hold a national strike if the
    applications are not shut down', 'Israel will intensify its operations if Hamas rejects it': a
    move promised ('will', 'would') on a condition that the other side does not yield ('unless', 'if'
    with a negated or defiant verb) is a threat, whatever the move (not 'the country will lose money
    if the strike continues': a harm suffered; not 'even if the package is rejected'; 'will not
    return unless ...' is a conditioned refusal, read before)."""
    suffered = lex.words("feeling_words") | lex.words("face_verbs")
    for token in span:
        if token.pos_ not in {"VERB", "AUX"} or negated(token) or _subordinate(token) \
                or token.lemma_.lower() in suffered:
            continue
        if not any(c.tag_ == "MD" and c.lower_ in lex.words("promise_modals") for c in token.children) \
                or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            continue
        if any(_defiance_condition(c, lex) for c in token.children if c.dep_ == "advcl"):
            return "threaten"
    return None


def _defiance_condition(clause: Token, lex: Lexicon) -> bool:
    """'unless the vote is postponed', 'if it does not resign', 'if Hamas rejects it', 'if the
    government fails to act' (not 'even if ...')."""
    marks = {m.lower_ for m in clause.children if m.dep_ in {"mark", "advmod"}}
    if "even" in marks:
        return False
    if "unless" in marks:
        return True
    defiant = negated(clause) or lex.verbs.get(clause.lemma_.lower()) == "reject" \
        or clause.lemma_.lower() in lex.words("defiance_verbs")
    return "if" in marks and defiant


def _to_talks(token: Token, lex: Lexicon) -> bool:
    """'open to indirect talks', 'ready for dialogue'."""
    talks = lex.words("offer_words") | lex.words("meeting_verbs")
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in {"to", "for"}:
            if any(c.dep_ in {"pobj", "pcomp"} and c.lemma_.lower() in talks for c in prep.children):
                return True  # ... and 'open to meeting him'
    return False


def _acceptance(span: Span, lex: Lexicon) -> str | None:
    """'We'll welcome and encourage such contact', 'we accept the proposal'."""
    for token in span:
        if token.lemma_.lower() in lex.words("accept_verbs") and token.pos_ == "VERB" \
                and not negated(token) and any(c.dep_ == "nsubj" and c.lower_ in {"we", "i"} for c in token.children):
            return "accept"
    return None


def _threat(span: Span, lex: Lexicon) -> str | None:
    """'massive consequences', 'will face consequences', 'would pay a price' (not 'cannot produce
    any legal consequences')."""
    for token in span:
        if _measures_against(token, lex):
            return "threaten"
        if token.lemma_.lower() not in lex.words("threat_nouns"):
            continue
        if negated(token.head) or any(c.lower_ in {"no", "any"} for c in token.children):
            continue
        grave = any(c.lower_ in lex.words("grave_adjectives") for c in token.children)
        faced = token.head.lemma_.lower() in lex.words("face_verbs") and token.dep_ in {"dobj", "pobj"}
        if grave or faced or token.lemma_.lower() in lex.words("threat_nouns_alone"):
            return "threaten"
    return None


def _answer_held_out(span: Span, lex: Lexicon) -> str | None:
    """'We can't exclude any asymmetric actions', 'cannot rule out military action', 'this will not be
    left without a reaction', 'will not go unanswered': a reply held out by denying it is ruled out."""
    means = lex.words("means_nouns") | lex.words("threaten_words") | lex.words("answer_nouns")
    for token in span:
        lemma = token.lemma_.lower()
        if lemma in lex.words("rule_out_verbs") and negated(token) and any(
                c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in means for c in token.children):
            return "threaten"
        if lemma not in lex.words("unanswered_verbs") or not negated(token):
            continue
        words = {t.lower_ for t in token.subtree}
        if words & lex.words("unanswered_words") or "without" in words and any(
                t.lemma_.lower() in means for t in token.subtree):
            return "threaten"
    return None


def _measures_against(token: Token, lex: Lexicon) -> bool:
    """'will take measures of equal intensity against U.S. goods', 'take counter measures', 'will
    take retaliatory steps' (not 'took steps to ensure safety')."""
    if token.lemma_.lower() not in lex.words("means_nouns") or token.head.lemma_.lower() != "take" \
            or negated(token.head):
        return False
    countering = any(c.lower_ in lex.words("counter_words") for c in token.children)
    against = any(t.lower_ == "against" for t in token.subtree) or any(
        c.dep_ == "prep" and c.lower_ == "against" for c in token.head.children)
    return countering or against


def _accusation(span: Span, lex: Lexicon) -> str | None:
    """'an insult', 'a cover-up', 'a witch-hunt': a label that accuses whatever it labels."""
    if any(t.lower_ in lex.words("accuse_words") for t in span) or _phrase_in(span, lex.words("accuse_words")):
        return "accuse"
    return None


def _phrase_in(span: Span, words: frozenset[str]) -> bool:
    """Whether an entry of several tokens ('out of the question', 'cover-up') is in the span's text."""
    text = span.text.lower()
    return any((" " in w or "-" in w) and re.search(rf"\b{re.escape(w)}\b", text) for w in words)


def _rejection_words(span: Span, lex: Lexicon) -> str | None:
    """'the claims are baseless', 'this is unacceptable', 'an unrealistic demand': a label that
    refutes a claim, proposal or demand (or whatever 'this' is)."""
    if _phrase_in(span, lex.words("reject_words")):
        return "reject"  # "null and void", "out of the question", "made up"
    for token in span:
        if token.lower_ in lex.words("reject_words") and _refutes(token, lex) is not False:
            return "reject"
    return None


def _denied_merit(span: Span, lex: Lexicon) -> str | None:
    """'this call for a strike is not the right way', 'the claim of a worldwide ban is not accurate',
    'the remark makes no sense': a claim, proposal or 'this' said not to be good (``good_labels``)
    is refuted (not 'the weather was not good': no claim; not 'a plan that is not viable': a
    relative clause)."""
    refutable = lex.words("refutable_nouns")
    for token in span:
        if token.lemma_ not in {"be", "make"} or _subordinate(token) or token.head.pos_ in {"ADJ", "ADV"}:
            continue  # ("so high that it is no longer a viable option": a result, no claim refuted)
        labels = [c for c in token.children if c.dep_ in {"attr", "acomp", "dobj"}
                  and c.lemma_.lower() in lex.words("good_labels") and (negated(token) or _with_no(c))]
        if not labels or token.lemma_ == "make" and not any(c.lemma_ == "sense" for c in labels):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.lower_ in {"this", "that", "it"} or subject.lemma_.lower() in refutable):
            return "reject"
    return None


def _labelled_act(span: Span, lex: Lexicon) -> str | None:
    """'the use of water cannons was illegal', 'the prime minister lies': a reject word that
    labels an act or a party, not a claim or proposal, accuses."""
    for token in span:
        if token.lower_ in lex.words("reject_words") and token.dep_ != "amod" and _refutes(token, lex) is False:
            return "accuse"
    return None


def _refutes(label: Token, lex: Lexicon) -> bool | None:
    """True when the label applies to a claim, proposal or pronoun; False when to another thing
    (an act, a party) or when the label is a verb ('they lie'); None when nothing is labelled."""
    if label.pos_ in {"VERB", "AUX"} and label.dep_ != "amod":  # "the bid undervalues Yahoo", "they lie"
        subject = next((c for c in label.children if c.dep_ == "nsubj"), None)
        return subject is not None and (subject.lower_ in {"it", "this", "that"}
                                        or subject.lemma_.lower() in lex.words("refutable_nouns"))
    labelled = label.head if label.dep_ == "amod" else None
    if label.dep_ in {"acomp", "attr", "oprd"}:
        labelled = next((c for c in label.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if labelled is None:
        return None
    if labelled.pos_ == "PRON" or labelled.lemma_.lower() in lex.words("refutable_nouns"):
        return True
    return False if labelled.pos_ in {"NOUN", "PROPN"} else None


def _conditioned_refusal(span: Span, lex: Lexicon) -> str | None:
    """'will not start talks until they free the hostages', 'won't return to work unless pay rises',
    'delayed peace talks until they free a politician': a refusal on a condition asks the other side
    for the condition."""
    marks = lex.words("refusal_conditions")
    withheld = lex.words("withhold_verbs")
    for token in span:
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        only = any(c.dep_ == "advmod" and c.lower_ == "only" for c in token.children)
        if not (negated(token) or token.lemma_.lower() in withheld or only):
            continue
        for clause in token.children:  # "would only lay down their weapons if Kiev agreed to a vote"
            allowed = marks | {"if"} if only else marks
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in allowed for m in clause.children):
                return "demand"
            if clause.dep_ == "prep" and clause.lower_ in marks and any(  # "until after you release ..."
                    g.dep_ == "pcomp" and g.pos_ == "VERB" for g in clause.children):
                return "demand"
    return None


def _negated_approval(span: Span, lex: Lexicon) -> str | None:
    """'that is not justified', 'the plan is not acceptable', 'this is not true': an approving word
    denied is a rejection."""
    approving = lex.words("approval_words")
    for token in span:
        if token.lemma_.lower() not in approving and token.lower_ not in approving:
            continue
        if token.pos_ not in {"ADJ", "VERB"} or token.dep_ not in {"acomp", "attr", "ROOT", "ccomp", "conj"}:
            continue
        clause = token.head if token.dep_ in {"acomp", "attr"} else token
        if negated(token) or negated(clause) or _belief_denied(clause, lex):
            return "reject"
    return None


def _hard_to_grant(span: Span, lex: Lexicon) -> str | None:
    """'some requests ... will be difficult to be accommodated', 'the demand is impossible to accept':
    granting said to be hard or impossible is a refusal (data: ``hard_words``, ``granting_verbs``)."""
    for token in span:
        if token.lemma_.lower() not in lex.words("hard_words") or token.dep_ != "acomp" or negated(token.head):
            continue
        acts = [c for c in (*token.children, *token.head.children) if c.dep_ == "xcomp"]
        if any(a.lemma_.lower() in lex.words("granting_verbs") for a in acts):
            return "reject"
    return None


def _belief_denied(clause: Token, lex: Lexicon) -> bool:
    """'we do not believe [this fine is justified]': the clause under a negated opinion verb."""
    head = clause.head
    return clause.dep_ == "ccomp" and head.lemma_.lower() in lex.words("belief_verbs") and negated(head)


def _no_choice(span: Span, lex: Lexicon) -> str | None:
    """'members have no choice but to escalate industrial action': an escalation announced as forced."""
    for token in span:
        if token.lemma_.lower() in lex.words("no_choice_nouns") and _with_no(token):
            after = token.doc[token.i + 1: token.i + 4]
            if any(t.lower_ == "but" for t in after):
                return "threaten"
    return None


def _time_to(span: Span, lex: Lexicon) -> str | None:
    """'it's time to reach agreement and stop the game-playing', 'it is time for Moscow to withdraw':
    an act declared due is asked of someone."""
    for token in span:
        if token.lemma_.lower() != "time" or token.dep_ not in {"attr", "nsubj", "ROOT"}:
            continue
        if negated(token.head) or any(c.lower_ in {"no", "some", "what"} for c in token.children):
            continue
        if any(c.dep_ in {"relcl", "acl", "xcomp"} and any(g.lower_ == "to" for g in c.children)
               for c in token.children) or _to_clause(token):
            return "demand"
    return None


def _pressure_kept(span: Span, lex: Lexicon) -> str | None:
    """'will continue protests despite the offer', 'vowed to keep up the strike until ...': pressure
    kept up on the other side."""
    actions = lex.words("pressure_nouns")
    for token in span:
        if token.lemma_.lower() not in lex.words("keep_verbs") or token.pos_ != "VERB" or negated(token):
            continue
        objects = _objects(token)
        objects += [g for c in token.children if c.dep_ == "xcomp" for g in c.children if g.dep_ in {"dobj", "obj"}]
        objects += [c for c in token.children if c.dep_ == "xcomp"]
        if any(o.lemma_.lower() in actions or o.lower_ in actions for o in objects):
            return "threaten"
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        held = any(c.tag_ == "MD" and c.lower_ in {"will", "shall", "'ll"} for c in token.children) or any(
            c.dep_ in {"advcl", "prep"} and (c.lower_ in {"until", "unless"} or any(
                m.dep_ == "mark" and m.lower_ in {"until", "unless"} for m in c.children)) for c in token.children)
        if subject is not None and subject.lemma_.lower() in actions and held:
            return "threaten"  # "the strike will continue until the ministry answers"
    return None


def _objects(verb: Token) -> list[Token]:
    """A verb's objects, and the object of its 'with' ('continue with their planned strike')."""
    direct = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    return direct + [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                     for g in c.children if g.dep_ == "pobj"]


def _against_interest(span: Span, lex: Lexicon) -> str | None:
    """'the proposal is not in the best interests of Yahoo': a proposal judged against one's interest
    (not 'it isn't in Russia's interest for this war to go on')."""
    proposals = lex.words("proposal_words")
    for token in span:
        if token.lemma_.lower() == "interest" and token.dep_ == "pobj" and token.head.lower_ == "in" \
                and negated(token.head.head):
            subject = next((c for c in token.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and subject.lemma_.lower() in proposals:
                return "reject"
    return None


def _first_person_move(span: Span, lex: Lexicon) -> str | None:
    """'We reject the offer', 'I demand an apology', 'we propose talks': the speaker's own move,
    named by a cue verb inside the quote."""
    first = lex.words("first_person")
    for token in span:
        kind = lex.verbs.get(token.lemma_.lower())
        if kind in {None, "statement"} or token.pos_ != "VERB" or negated(token):
            continue
        if any(c.dep_ == "agent" and any(o.lower_ in first | {"me"} for o in c.children) for c in token.children):
            return kind  # "an opinion from the Japanese side, which was rejected by us"
        if token.dep_ in {"amod", "acl", "relcl", "advcl", "pcomp"}:
            continue
        if token.lemma_.lower() in lex.words("wish_verbs") and own_wish_kind(token, lex) == "statement":
            continue  # "I want to say that ...": no wish of anyone's
        if any(c.dep_ == "nsubj" and c.lower_ in first for c in token.children):
            return kind
    return None


def _own_move_noun(span: Span, lex: Lexicon) -> str | None:
    """'to reiterate our demand that our people be released', 'until the government meets our
    demands': a move the speaker calls their own by a noun, as the object of the speaker's own verb
    or of another side's granting it, stands (not 'it misstates our proposal': another's act on it;
    not 'we withdrew our demand': taken back)."""
    first = lex.words("first_person")
    for token in span:
        kind = lex.nouns.get(token.lemma_.lower())
        if kind not in {"demand", "offer", "threaten"} or token.pos_ != "NOUN" or token.dep_ == "nsubjpass":
            continue
        if not any(c.dep_ == "poss" and c.lower_ in first for c in token.children):
            continue
        verb = token.head
        if token.dep_ not in {"dobj", "obj"} or negated(verb) or verb.lemma_.lower() in lex.words("quit_verbs"):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in first or verb.lemma_.lower() in lex.words("granting_verbs"):
            return kind  # (not "it misstates our proposal": another's act on it; "until they meet our demands" is ours)
    return None


SIDE_MOVES = frozenset({"amod", "acl", "relcl", "xcomp", "advcl"})


def _own_charge_inside(span: Span, lex: Lexicon) -> str | None:
    """'said Biol is a director of CCIL Mining, which he accused of illegally extracting ore': a
    charge the speaker makes (a pronoun its subject) inside what they say is an accusation (not
    'said he was accused of ...': the charge is against him)."""
    for token in span:
        if lex.verbs.get(token.lemma_.lower()) != "accuse" or token.pos_ != "VERB" or negated(token):
            continue
        if token.dep_ in {"amod", "acl"} or any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ == "PRON" and subject.lower_ not in {"it", "who", "that", "which"}:
            return "accuse"
    return None


def _other_side_move(span: Span, lex: Lexicon) -> str | None:
    """'The league has threatened our association with a lawsuit', 'they refused our offer': a
    refusal or threat the speaker says another side made is held against it (not 'we refused',
    not 'will refuse')."""
    for token in span:
        if lex.verbs.get(token.lemma_.lower()) not in {"reject", "threaten"} or token.pos_ != "VERB":
            continue
        if negated(token) or token.tag_ not in {"VBD", "VBN"} or token.dep_ in SIDE_MOVES:
            continue  # (not "... after the league threatened to ban it": the league's own move)
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and not _first_person_word(subject, lex) and subject.lower_ not in {"it", "this"}:
            return "accuse"
    return None


def _cleft_blame(span: Span, lex: Lexicon) -> str | None:
    """'It was the government who cancelled the meetings': a cleft that singles out who did it
    blames them (not 'it was us who offered': the speaker's own side)."""
    first = lex.words("first_person")
    for token in span:
        if token.lemma_ != "be" or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in token.children):
            continue
        who = next((c for c in token.children if c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"}), None)
        if who is None or who.lower_ in first or any(c.dep_ == "poss" and c.lower_ in first for c in who.children):
            continue
        clause = [c for c in [*who.children, *token.children] if c.dep_ in {"relcl", "ccomp"}
                  and any(g.lower_ in {"who", "that"} and g.dep_ == "nsubj" for g in c.children)]
        if clause and not negated(token):
            return "accuse"
    return None


def _negative_judgement(span: Span, lex: Lexicon) -> str | None:
    """'the procedure was flawed', 'Finma's statement severely harmed the reputation of the bank',
    'an insulting pay offer': a strongly negative judgement of an act, a decision or a side is an
    accusation (not a state of things: 'the hostages are in bad shape'; not one's own feeling: 'we
    are disappointed'; not what the speaker's side did: 'our decision was difficult')."""
    negative = lex.words("negative_words")  # VADER's strongly negative words and cues.toml critical_words
    for token in span:
        if token.pos_ not in lex.words("judging_pos") or negated(token):
            continue
        if token.lower_ not in negative and token.lemma_.lower() not in negative:
            continue
        if token.lemma_.lower() in lex.words("feeling_words"):
            continue
        judged = _judged(token)
        if judged is not None and judged.lemma_.lower() in lex.words("judged_nouns") \
                and not _first_person_word(judged, lex):
            return "accuse"
    return None


def _faulted_act(span: Span, lex: Lexicon) -> str | None:
    """'the decision did not address the true concerns', 'a step that does not reflect the reality':
    another side's act said to fail at what it should do is faulted, an accusation; a proposal so
    faulted ('the new offer does not meet the needs of the workers') is rejected ('our offer does
    not include ...' is the speaker's own; 'will not' is a refusal, read before)."""
    judged = lex.words("judged_nouns")
    for token in span:
        if token.pos_ != "VERB" or not negated(token) or any(c.tag_ == "MD" for c in token.children):
            continue
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.tag_ in {"WDT", "WP"} and token.dep_ == "relcl":
            subject = token.head  # "a step that does not reflect ..."
        if any(c.dep_ in {"dobj", "obj"} and _first_person_word(c, lex) for c in token.children):
            continue  # "the response does not change our belief": the speaker's own stance holds
        if subject is not None and subject.lemma_.lower() in judged and not _first_person_word(subject, lex):
            return "reject" if subject.lemma_.lower() in lex.words("proposal_words") else "accuse"
    return None


def _harm_by_other(span: Span, lex: Lexicon) -> str | None:
    """'the regulator has done serious damage to the bank', 'the decision will hurt consumers': a body
    or its act (``judged_nouns``) said to do something harmful is accused (not 'our decision was
    painful': the speaker's own; not 'the talks did not fail': negated). So is a party named in a
    reported clause whose verb or its object or complement is harmful ('told reporters that Malaysia
    was doing great harm', 'said the contras contemplated killing the peace'); not what it
    would do ('Moscow would expel an equal number': a threat)."""
    negative = lex.words("negative_words")
    judged = lex.words("judged_nouns")
    for token in span:
        if token.dep_ not in {"nsubj", "nsubjpass"} or _first_person_word(token, lex):
            continue
        verb = token.head
        named = _named_in_report(token) and not any(c.tag_ == "MD" for c in verb.children) \
            and cue_lemma(lex, verb) not in lex.verbs  # ("Pakistan rejects the announcement": a move, read later)
        if not (token.lemma_.lower() in judged or named) or negated(verb) \
                or verb.lemma_.lower() in lex.words("feeling_words"):
            continue
        if named:
            words = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "acomp", "attr", "xcomp"})]
        else:
            words = [t for t in verb.subtree if t.i != token.i and not (token.left_edge.i <= t.i <= token.right_edge.i)]
        if any(t.lower_ in negative or t.lemma_.lower() in negative for t in words):
            return "accuse"
    return None


def _named_in_report(token: Token) -> bool:
    """A party named by its name as the subject of a reported clause ('said | Malaysia was ...')."""
    return token.pos_ == "PROPN" and token.ent_type_ in {"ORG", "GPE", "NORP", "PERSON"} \
        and token.head.pos_ == "VERB" and token.head.dep_ == "ccomp"


def _no_merit(span: Span, lex: Lexicon) -> str | None:
    """'the claims were without factual or legal merit', 'there is no truth in the reports', 'the
    allegations have no basis': a claim said to lack merit is refuted."""
    for token in span:
        if token.lemma_.lower() not in lex.words("merit_nouns") or token.pos_ != "NOUN":
            continue
        if _with_no(token) or token.head.lower_ == "without" and token.dep_ == "pobj":
            return "reject"
    return None


def _blame(span: Span, lex: Lexicon) -> str | None:
    """'Morsi was responsible for divisions in the country', 'the company is to blame': another side
    held responsible is accused; 'we are not responsible for the delay' rejects the blame."""
    for token in span:
        if token.lower_ not in lex.words("blame_words") or token.head.lemma_ != "be":
            continue
        if token.dep_ not in {"acomp", "xcomp"} or token.dep_ == "xcomp" and token.lower_ != "blame":
            continue
        verb = token.head
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            continue
        first = _first_person_word(subject, lex)
        if negated(verb) or negated(token):
            if first:
                return "reject"
            continue
        if not first and subject.lower_ not in {"who", "which", "that"} and _blamed_for_harm(token, lex):
            return "accuse"
    return None


def _blamed_for_harm(token: Token, lex: Lexicon) -> bool:
    """'to blame', or responsible for a harm ('for the deaths', not 'for the budget')."""
    if token.lower_ == "blame":
        return True
    negative = lex.words("negative_words") | lex.words("harm_nouns")
    return any(t.lower_ in negative or t.lemma_.lower() in negative
               for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for t in c.subtree)


def _judged(token: Token) -> Token | None:
    """What a judging word judges: the noun it modifies, the subject of its copula or verb."""
    if token.dep_ == "amod":
        return token.head
    holder = token.head if token.dep_ in {"acomp", "attr"} else token
    return next((c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _first_person_word(token: Token, lex: Lexicon) -> bool:
    first = lex.words("first_person")
    return token.lower_ in first or any(c.dep_ == "poss" and c.lower_ in first for c in token.children)


Rule = Callable[["Span", "Lexicon"], "str | None"]

# The content rules, in the order they are tried (the first that names a kind decides).
RULES: tuple[tuple[str, Rule], ...] = (
    ("demand.modal_or_need", _demand),
    ("threaten.conditional_force", _conditional_threat),
    ("offer.goodwill_promised", _goodwill_promised),
    ("threaten.on_condition", _threat_on_condition),
    ("threaten.forceful_response", _forceful_response),
    ("reject.denied_act", _denial),
    ("demand.conditioned_refusal", _conditioned_refusal),
    ("demand.time_to", _time_to),
    ("reject.negated_approval", _negated_approval),
    ("reject.hard_to_grant", _hard_to_grant),
    ("reject.against_interest", _against_interest),
    ("reject.negated_move", _refusal),
    ("reject.no_intention", _no_intention),
    ("reject.leaving_talks", _leaving_talks),
    ("reject.no_talks", _no_talks),
    ("reject.refused_passive", _refused_passive),
    ("threaten.no_choice", _no_choice),
    ("threaten.pressure_kept", _pressure_kept),
    ("reject.no_merit", _no_merit),
    ("accuse.label", _accusation),
    ("accuse.blame", _blame),
    ("offer.readiness_or_proposal", _offer),
    ("offer.concession", _concession),
    ("threaten.force_promised", _force_promised),
    ("threaten.all_necessary_means", _all_necessary_means),
    ("accept.first_person", _acceptance),
    ("move.first_person", _first_person_move),
    ("move.own_noun", _own_move_noun),
    ("threaten.consequences", _threat),
    ("threaten.answer_held_out", _answer_held_out),
    ("accuse.hostile_act", _charge),
    ("reject.label", _rejection_words),
    ("reject.denied_merit", _denied_merit),
    ("accuse.labelled_act", _labelled_act),
    ("accuse.negative_judgement", _negative_judgement),
    ("accuse.cleft_blame", _cleft_blame),
    ("accuse.other_side_move", _other_side_move),
    ("accuse.own_charge_inside", _own_charge_inside),
    ("accuse.faulted_act", _faulted_act),
    ("accuse.harm_by_other", _harm_by_other),
)
RULE_IDS = tuple(rule_id for rule_id, _ in RULES)


def apply_rule(rule_id: str, span: Span, lex: Lexicon) -> str | None:
    """Run one named rule alone (for its table of test sentences)."""
    return dict(RULES)[rule_id](span, lex)
