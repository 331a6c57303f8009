"""Guards on a verb cue: named checks, tried in order, that drop the cue or change its move.

``verb_cue`` (positions.py) finds a cue word and its kind from the lexicons; then every guard of
``GUARDS`` looks at the draft in turn. A guard returns ``DROP`` (the word makes no position
here), a kind (the cue makes that move instead), or None (it has nothing to say). Each guard is
a small named function with a table of sentences in ``tests/test_guards.py``; the words they read
are lists in ``data/cues.toml``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .classify import negated, own_wish_kind, to_infinitive
from .speakers import agent_of, subject_of
from .triggers import date_phrase

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .positions import Context
    from .triggers import Trigger

DROP = "drop"
CONDITIONS = {"until", "unless", "if", "whether"}
TIME_CONDITIONS = {"after", "before", "once"}
CLAUSES = {"ccomp", "xcomp", "parataxis"}
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "prep", "oprd", "dative", "advcl", "attr", "acomp", "obj"}


@dataclass
class Draft:
    """A cue word before the guards: its lemma, the kind the lexicons give, and the stance noun
    of a light verb ('made demands')."""

    token: Token
    lemma: str
    kind: str
    noun: Token | None = None
    known: bool = False  # the kind came from the knowledge base's verbs (a cue only with a complement)
    trigger: Trigger | None = None  # the multi-word trigger matched at the word ("called for")


Guard = Callable[["Context", Draft], "str | None"]


def needs_content(ctx: Context, draft: Draft) -> str | None:
    """'a charge the Council denies' has content; a bare 'proposed' or a knowledge-base verb without
    a clause or an object states nothing."""
    if (draft.lemma in ctx.lex.needs_content or draft.known) and draft.noun is None \
            and not has_content(draft.token) and not _describes_a_stance(ctx, draft.token) \
            and not _summoned_to(ctx, draft.token):
        return DROP
    return None


def _summoned_to(ctx: Context, token: Token) -> bool:
    """'Japan summoned Chinese diplomats to protest': the purpose of summoning an envoy is the move
    itself, with or without an object (data: ``summoning_verbs``)."""
    return token.dep_ in {"xcomp", "advcl"} and token.head.lemma_.lower() in ctx.actors.words("summoning_verbs") \
        and any(c.lower_ == "to" for c in token.children)


def _describes_a_stance(ctx: Context, token: Token) -> bool:
    """'a charge the Council denies', 'the proposal the union rejected': a relative clause with a
    subject of its own is about the stance noun it describes (not 'the best the NBA can offer')."""
    return token.dep_ == "relcl" and token.head.lemma_.lower() in ctx.lex.nouns and any(
        c.dep_ == "nsubj" and c.tag_ not in {"WDT", "WP"} for c in token.children)


def condition_clause(ctx: Context, draft: Draft) -> str | None:
    """'no talks until Kyiv accepts ...', 'unless the government accepts and pays ...', 'will only
    consider lifting the sanctions after the North apologises': a condition inside another statement
    (a time clause is one only under a move held out: 'only', 'will'; 'talks resumed after the union
    accepted' tells what the union did)."""
    clause = draft.token
    while clause.dep_ in {"conj", "dobj"} and clause.head != clause:
        clause = clause.head  # "acknowledges its responsibility and apologises": the clause's own verb
    if clause.dep_ != "advcl":
        return None
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    held_out = clause.tag_ in {"VBZ", "VBP"} and any(  # (not "will go on after Transdev rejected ...": done)
        c.dep_ == "aux" and c.tag_ == "MD" or c.dep_ == "advmod" and c.lower_ == "only" for c in clause.head.children)
    return DROP if marks & CONDITIONS or marks & TIME_CONDITIONS and held_out else None


def content_of_cue(ctx: Context, draft: Draft) -> str | None:
    """'accused the union of refusing ...': the gerund is the content of another cue."""
    token = draft.token
    verb = token.head.head
    if token.dep_ == "pcomp" and token.head.lower_ != "by" and verb.pos_ == "VERB" \
            and verb.lemma_.lower() in ctx.lex.verbs:
        return DROP
    return None


SPOKEN_MEANS = frozenset({"accuse", "demand", "threaten"})


def means_clause(ctx: Context, draft: Draft) -> str | None:
    """'By approving the pipeline ..., the administration violated the law': how something was done,
    not a stance ('responded by rejecting the offer' keeps its move: the verb it serves is a cue;
    so does 'fueled the tensions by accusing X of ...': a charge, a demand or a threat is a stance
    however it served)."""
    token = draft.token
    if draft.kind in SPOKEN_MEANS:
        return None
    if token.dep_ == "pcomp" and token.head.lower_ == "by" and token.head.dep_ == "prep":
        verb = token.head.head
        if verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() not in ctx.lex.verbs:
            return DROP
    return None


def being_asked(ctx: Context, draft: Draft) -> str | None:
    """'when asked to comment, she said ...': being asked is no move of hers."""
    token = draft.token
    if draft.lemma == "ask" and token.tag_ == "VBN" and agent_of(token) is None \
            and not any(c.dep_ == "nsubj" for c in token.children):
        return DROP
    return None


def told_passive(ctx: Context, draft: Draft) -> str | None:
    """'the parties understood their actions were anti-competitive and had been warned': a warning
    or a call in the passive, with no agent, inside what someone reports tells what befell its
    subject; it is nobody's move there."""
    token = draft.token
    if draft.kind not in {"threaten", "demand"} or agent_of(token) is not None:
        return None
    if token.dep_ in {"ccomp", "conj"} and any(c.dep_ == "auxpass" for c in token.children) \
            and token.head.pos_ in {"VERB", "AUX"}:
        return DROP
    return None


def feeling_passive(ctx: Context, draft: Draft) -> str | None:
    """'the government said it was encouraged by the progress': the passive of an urging verb
    (data: ``feeling_passives``) tells how someone feels, not whom they urge."""
    if draft.lemma in ctx.lex.words("feeling_passives") and any(c.dep_ == "auxpass" for c in draft.token.children):
        return DROP
    return None


def obligation_reported(ctx: Context, draft: Draft) -> str | None:
    """'Putin said Ukraine must accept the offer', 'an offer which should be accepted by the union': a
    move its subject is told it must or should make is the content of the reporter's demand, no move
    of that subject."""
    token = draft.token
    bound = token  # "said Necas must make steps ... and propose a new cabinet": the modal binds the conjuncts
    while bound.dep_ == "conj" and not any(c.dep_ in {"aux", "nsubj"} for c in bound.children):
        bound = bound.head
    obliged = any(c.dep_ in {"aux", "auxpass"} and c.lower_ in ctx.lex.words("obligation_modals")
                  for c in bound.children)
    if token.dep_ == "relcl" and obliged:
        return DROP  # "an offer, which should be accepted by the union": what the speaker asks of it
    if token.dep_ not in {"ccomp", "conj"} or not obliged:
        return None
    head = bound.head if bound is not token else token.head
    while head.dep_ == "conj":
        head = head.head
    return DROP if head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() in ctx.lex.verbs else None


def contested_decision(ctx: Context, draft: Draft) -> str | None:
    """'BSI appealed the penalty', 'the club appealed against the ban', 'appealed to the court',
    'the club would appeal': appealing a decision rejects it ('appealed for calm', 'appealed to
    donors' still ask)."""
    if draft.lemma not in ctx.lex.words("contest_verbs"):
        return None
    token = draft.token
    if any(c.dep_ in {"dobj", "obj"} and c.pos_ in {"NOUN", "PROPN"} for c in token.children) \
            or any(c.dep_ == "prep" and c.lower_ in ctx.lex.words("contest_preps") for c in token.children):
        return "reject"
    bodies = ctx.lex.words("appeal_bodies")
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"):
        if any(t.lemma_.lower() in bodies for t in prep.subtree):
            return "reject"  # "appealed to the Court of Arbitration for Sport"
    if not any(c.dep_ in {"prep", "xcomp", "ccomp", "dative", "dobj", "obj"} for c in token.children):
        return "reject"  # "the club would appeal": against the decision, nobody is asked for anything
    return None


def non_answer(ctx: Context, draft: Draft) -> str | None:
    """'declined to comment', 'refused to release more details': no move in the dispute."""
    head = draft.token.head
    if draft.token.dep_ == "xcomp" and head.lemma_.lower() in {"decline", "refuse"} \
            and draft.lemma in ctx.lex.words("non_answer_verbs"):
        return DROP  # "declined to say how long ...": the 'say' states nothing either
    if draft.lemma not in {"decline", "refuse"}:
        return None
    withheld = ctx.lex.words("non_answer_objects")
    for xcomp in (c for c in draft.token.children if c.dep_ == "xcomp"):
        objects = [c for c in xcomp.children if c.dep_ in {"dobj", "obj"}]
        if any(o.lemma_.lower() in ctx.lex.words("proposal_words") for o in objects):
            return None  # "refused to discuss an offer by Ethiopia": the offer is refused
        if xcomp.lemma_.lower() in ctx.lex.words("non_answer_verbs"):
            return DROP
        disclosed = xcomp.lemma_.lower() in ctx.lex.words("disclosure_verbs")  # not "refused to put figures ..."
        if disclosed and any(o.lemma_.lower() in withheld or o.lower_ in withheld for o in objects):
            return DROP
    return None


def deadline_infinitive(ctx: Context, draft: Draft) -> str | None:
    """'has until Wednesday to accept', 'time to reject': a bare 'to accept' governed by no move
    ('ready to accept', 'refused to accept' and 'voted to reject' keep theirs)."""
    verb = draft.token
    if draft.kind not in {"accept", "reject"} or verb.tag_ != "VB" or not to_infinitive(verb):
        return None
    head = verb.head
    lemma = head.lemma_.lower()
    if head.pos_ == "ADJ" and lemma in ctx.lex.words("offer_adjectives"):
        return None
    if lemma in ctx.lex.words("decision_verbs") or lemma in ctx.lex.verbs or lemma in ctx.lex.nouns:
        return None
    return DROP


def source_cited(ctx: Context, draft: Draft) -> str | None:
    """'as Lajcak said': a source cited inside another statement."""
    token = draft.token
    if draft.kind == "statement" and token.dep_ == "advcl" \
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        return DROP
    return None


def sanction_suffered(ctx: Context, draft: Draft) -> str | None:
    """'she had never been ejected or fined for any breach': a sanction in the passive with no agent
    tells what befell someone, no party's move (the triggers ``accuse.*_for``)."""
    token = draft.token
    trigger = draft.trigger
    if trigger is None or trigger.kind != "accuse" or "for" not in trigger.particles:
        return None  # (not "was dismayed ... and called for a withdrawal": a demand, no sanction)
    verbs = (token, token.head) if token.dep_ == "conj" else (token,)  # "ejected or fined": the auxiliary is shared
    passive = any(c.dep_ == "auxpass" for verb in verbs for c in verb.children)
    return DROP if passive and agent_of(token) is None else None


def modifier(ctx: Context, draft: Draft) -> str | None:
    """'the proposed tariffs', 'the plan rejected last week': a participle that describes."""
    token = draft.token
    if token.dep_ == "amod" or (token.tag_ == "VBN" and token.dep_ == "acl" and agent_of(token) is None):
        return DROP
    return None


def phrasal_action(ctx: Context, draft: Draft) -> str | None:
    """'called off its work', 'pressed ahead with the plan': with this particle the verb is an act,
    not a cue (data: ``phrasal_actions``)."""
    if draft.trigger is not None:
        return None
    particles = {f"{draft.lemma} {c.lower_}" for c in draft.token.children if c.dep_ in {"prt", "advmod"}}
    return DROP if particles & ctx.lex.words("phrasal_actions") else None


def clause_only(ctx: Context, draft: Draft) -> str | None:
    """'maintains a lead', 'boasts a port': these verbs say something only with a clause, a quote or
    a stance noun ('maintained that ...', '"...," she maintained', 'maintained its demands'; data:
    ``clause_only_verbs``)."""
    token = draft.token
    if draft.lemma not in ctx.lex.words("clause_only_verbs") or any(c.dep_ in CLAUSES for c in token.children):
        return None
    if any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in ctx.lex.nouns for c in token.children):
        return None  # "maintained its calls for protests": a stance kept up
    if _questioned_merit(ctx, token) is not None:
        return None  # "questioned the credibility of the results": a challenge (kind.questioned_merit)
    sent = token.sent
    if any(q.start < sent.end_char and q.end > sent.start_char and not q.is_scare for q in ctx.quotes):
        return None
    return DROP


def questioned_merit(ctx: Context, draft: Draft) -> str | None:
    """'questioned the credibility of the final results', 'questioned the government's commitment to
    talks': doubting another's merit (data: ``questioned_merits``) accuses them."""
    if draft.lemma not in ctx.lex.words("doubting_verbs") or _questioned_merit(ctx, draft.token) is None:
        return None
    return "accuse"


def _questioned_merit(ctx: Context, token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in {"dobj", "obj"}
                 and c.lemma_.lower() in ctx.lex.words("questioned_merits")), None)


def claimed_prize(ctx: Context, draft: Draft) -> str | None:
    """'claimed victory', 'claimed the seat': a prize taken, not a claim made (data: ``prizes``)."""
    if draft.lemma != "claim":
        return None
    objects = [c for c in draft.token.children if c.dep_ in {"dobj", "obj"}]
    if objects and all(o.lemma_.lower() in ctx.lex.words("prizes") for o in objects):
        return DROP
    return None


def blocked_thing(ctx: Context, draft: Draft) -> str | None:
    """'The regulator blocked the merger' rejects it; 'protesters blocked the road' is an act."""
    if draft.lemma not in ctx.lex.words("block_verbs"):
        return None
    blockable = ctx.lex.words("blockable")
    objects = [c for c in draft.token.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    return None if any(o.lemma_.lower() in blockable for o in objects) else DROP


def deal_struck(ctx: Context, draft: Draft) -> str | None:
    """'Turkey and Libya agreed on a line': a deal struck, not a stance ('On Friday, X endorsed
    Y' only says when)."""
    if draft.kind == "accept" and any(c.dep_ == "prep" and c.lower_ in {"on", "upon"} and not date_phrase(c)
                                      for c in draft.token.children):
        return DROP
    return None


def negation(ctx: Context, draft: Draft) -> str | None:
    """'did not accept', 'will not offer', 'voted against accepting' refuse; 'did not say', 'did not
    demand' state nothing; 'cannot guarantee that ...' states (data: ``assurance_verbs``)."""
    against = draft.token.dep_ == "pcomp" and draft.token.head.lower_ == "against"
    if against and draft.kind in {"accept", "offer"}:
        return "reject"
    if not negated(draft.token):
        return None
    if draft.lemma in ctx.lex.words("assurance_verbs") and any(c.dep_ == "ccomp" for c in draft.token.children):
        return "statement"  # "cannot guarantee that protesters will stay peaceful": a warning, no refusal
    if draft.kind in {"accept", "offer"} or draft.lemma in ctx.lex.words("negatable"):
        return "reject"
    if draft.kind in {"statement", "demand"}:
        return DROP
    return None


def admission(ctx: Context, draft: Draft) -> str | None:
    """'concedes (that) there is a shortage of teachers': conceding a fact admits it, a statement;
    'conceded defeat', 'would concede the point' still yield (data: ``admission_verbs``)."""
    if draft.lemma not in ctx.lex.words("admission_verbs") or draft.kind == "statement":
        return None
    return "statement" if any(c.dep_ == "ccomp" for c in draft.token.children) else None


def insisted_fact(ctx: Context, draft: Draft) -> str | None:
    """'insisting that it violated the Convention', 'insisted the vote had been fair', 'insisted that
    Shekau is dead': insisting on a fact asserts it; 'insisted that they leave', 'insists on a
    rerun' still demand (data: ``assertive_demand_verbs``)."""
    if draft.lemma not in ctx.lex.words("assertive_demand_verbs") or draft.kind != "demand":
        return None
    clause = next((c for c in draft.token.children if c.dep_ == "ccomp"), None)
    if clause is None or any(c.tag_ == "MD" for c in clause.children):
        return None
    past = clause.tag_ in {"VBD", "VBN"} or any(c.lemma_ == "have" and c.dep_ == "aux" for c in clause.children)
    stated = clause.tag_ == "VBZ" or clause.lemma_ == "be" and clause.tag_ == "VBP"  # "insisted that Shekau is dead"
    return "statement" if past or stated else None


def conditional_acceptance(ctx: Context, draft: Draft) -> str | None:
    """'Hamas would welcome a deal that included Egypt', 'we would accept a ceasefire if ...': an
    acceptance held out on a condition offers it ('would have accepted' looks back: no offer)."""
    token = draft.token
    if draft.kind != "accept" or negated(token):
        return None
    aux = [c for c in token.children if c.dep_ == "aux"]
    if any(c.lower_ in ctx.lex.words("conditional_modals") for c in aux) and not any(c.lemma_ == "have" for c in aux):
        return "offer"
    return None


def refusal_on_condition(ctx: Context, draft: Draft) -> str | None:
    """'delayed peace talks until they free a politician', 'will not sign unless the tax is dropped':
    a refusal on a condition asks the other side for the condition."""
    if draft.kind != "reject":
        return None
    marks = ctx.lex.words("refusal_conditions")
    for clause in draft.token.children:
        if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children):
            return "demand"
    return None


def backs_a_party(ctx: Context, draft: Draft) -> str | None:
    """'will support Kyiv', 'expressed support for Ukraine': backing a party, not accepting a
    proposal (not 'its support for Sudan's proposal')."""
    if draft.kind != "accept":
        return None
    if draft.noun is None:
        backed = [c for c in draft.token.children if c.dep_ in {"dobj", "obj"}]
    else:
        backed = [g for c in draft.noun.children if c.dep_ == "prep" and c.lower_ == "for"
                  for g in c.children if g.dep_ == "pobj"]
    if any(ctx.actors.actor_at(t.i) is not None and t.lemma_.lower() not in ctx.lex.nouns for t in backed):
        return "statement"
    return None


def hope_for_other(ctx: Context, draft: Draft) -> str | None:
    """'China hopes Indonesia can appropriately handle the issue', 'hopes that the US will deal with
    its own problems', 'the Government expects the union to respond professionally': a hope or
    expectation of what another side will do asks it of them (data: ``hope_verbs``)."""
    token = draft.token
    if draft.kind != "statement" or draft.lemma not in ctx.lex.words("hope_verbs") or negated(token) \
            or token.tag_ not in {"VBZ", "VBP", "VB"}:
        return None  # ("had hoped that the AU would refuse": a hope that failed, reported)
    speaker = subject_of(token)
    first = ctx.lex.words("first_person")
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        other = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        party = ctx.actors.resolve(other) if other is not None and other.lower_ not in first else None
        if party is not None and (speaker is None or party != ctx.actors.resolve(speaker)) and not negated(clause) \
                and (any(c.tag_ == "MD" for c in clause.children) or to_infinitive(clause)):
            return "demand"  # (not "hopes urgent mediation will avert ...": no side asked)
    asked = any(c.dep_ in {"dobj", "obj"} and c.pos_ in {"PROPN", "NOUN"} for c in token.children)
    if asked and any(c.dep_ == "xcomp" and to_infinitive(c) for c in token.children):
        return "demand"  # "expects the union to respond"
    return None


def decided_move(ctx: Context, draft: Draft) -> str | None:
    """'voted to reject the offer', 'voted to throw out the improved offer', 'decided to continue its
    indefinite strike', 'has decided to strike': a body's decision or vote to make a move is that
    move (the verb's kind, a trigger's, or a threat for a strike or protest decided); a decision
    to do anything else, or one with nothing decided ('will be decided by ministers'), is no
    position (data: ``decision_verbs``, ``pressing_verbs``, ``pressure_nouns``)."""
    token = draft.token
    if draft.kind != "statement" or draft.lemma not in ctx.lex.words("decision_verbs") or negated(token):
        return None
    act = next((c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if act is None:
        return DROP  # "will be decided by ministers", "shareholders to decide": no move decided
    trigger = ctx.triggers.get(act.i)
    kind = trigger.kind if trigger else ctx.lex.verbs.get(act.lemma_.lower())
    if kind and kind != "statement":
        return kind
    pressure = ctx.lex.words("pressure_nouns")
    objects = [g for c in act.children if c.dep_ in {"dobj", "obj"} or c.dep_ == "prep" and c.lower_ in {"with", "on"}
               for g in (c, *c.children) if g.pos_ == "NOUN"]
    if act.lemma_.lower() in pressure or act.lemma_.lower() in ctx.lex.words("pressing_verbs") and any(
            o.lemma_.lower() in pressure for o in objects):
        return "threaten"  # "decided to launch an open-ended strike", "voted to strike"
    return DROP  # "decided to give itself another go": no move decided


def own_approval(ctx: Context, draft: Draft) -> str | None:
    """'the cabinet approved a 75% pay offer', 'the FEC approved a concession deal': a body approving
    its own side's plan accepts nothing of another side; it offers ('an offer', 'a plan') or states.
    Approving what another side asked or put forward stays an acceptance ('approved the union's
    demands', 'plans submitted by the Adani Group', 'the request'). Data: ``approval_verbs``,
    ``request_nouns``, ``proposal_words``, ``proposal_nouns``."""
    token = draft.token
    if draft.kind != "accept" or draft.lemma not in ctx.lex.words("approval_verbs") or negated(token) \
            or draft.trigger is not None:
        return None
    objects = [c for c in token.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                if g.dep_ == "pobj"]  # "approved of the killings"
    if not objects or any(_from_another_side(ctx, o) for o in objects):
        return None
    return "offer" if any(o.lemma_.lower() in ctx.lex.words("proposal_nouns") for o in objects) else "statement"


def _from_another_side(ctx: Context, thing: Token) -> bool:
    """'the union's demands', 'the request', 'plans submitted by the Adani Group', 'a bid from X'."""
    asked = ctx.lex.words("request_nouns") - ctx.lex.words("proposal_words")
    first = ctx.lex.words("first_person")
    return thing.lemma_.lower() in asked \
        or any(c.dep_ == "poss" and c.lower_ not in first for c in thing.children) \
        or any(c.dep_ in {"acl", "relcl"} and any(g.dep_ == "agent" for g in c.children) for c in thing.children) \
        or any(c.dep_ == "prep" and c.lower_ in {"from", "by"} for c in thing.children)


def name_calling(ctx: Context, draft: Draft) -> str | None:
    """'called the agreement "null and void"', 'described the demand as "unreasonable"': what the
    label says decides ('called for' and 'called on' keep their demand; data: ``labelling_verbs``)."""
    token = draft.token
    labelling = draft.lemma in ctx.lex.words("labelling_verbs") and draft.kind == "statement"
    if not labelling and (draft.lemma != "call" or draft.kind != "demand" or draft.trigger is not None):
        return None
    labels = [c for c in token.children if c.dep_ in {"oprd", "dobj", "ccomp", "xcomp"}]
    labels += [g for c in _as_phrases(token) for g in c.children]
    words = {t.lower_ for c in labels for t in c.subtree}
    refutable = ctx.lex.words("refutable_nouns")
    things = [c for c in labels if c.pos_ in {"NOUN", "PROPN"}]  # "the demand", "an unjustified decision"
    if words & ctx.lex.words("reject_words"):  # a claim or a demand refuted; an act or a side accused
        claim = not labelling or not things or any(t.lemma_.lower() in refutable for t in things)
        return "reject" if claim else "accuse"
    if words & ctx.lex.words("accuse_words") or _named_harsh(ctx, token):
        return "accuse"
    return None if labelling else "statement"


def _named_harsh(ctx: Context, verb: Token) -> bool:
    """'described the decision as a stab in the back', 'called the ruling "a blatant attack"', 'a
    promoter of war, murder and destruction': a label whose own words are strongly negative
    (``negative_words``, from VADER) accuses what it names. Only a label set beside the thing named
    counts ('called an emergency meeting to discuss it' names nothing), and only the label's head,
    its modifiers and what its prepositions take ('an opportunity to end the crisis' is no harsh
    name)."""
    labels = [g for c in _as_phrases(verb) for g in c.children]
    if any(c.dep_ in {"dobj", "obj"} for c in verb.children):
        labels += [c for c in verb.children if c.dep_ == "oprd" or c.dep_ in {"ccomp", "xcomp"}
                   and not to_infinitive(c)]
    negative = ctx.lex.words("negative_words")
    feelings = ctx.lex.words("feeling_words")
    words = [t for label in labels for t in _label_words(label) if not negated(t)]
    return any((t.lower_ in negative or t.lemma_.lower() in negative) and t.lemma_.lower() not in feelings
               for t in words)


def _as_phrases(verb: Token) -> list[Token]:
    """The 'as' of 'described the demand as unreasonable', on the verb or on its object."""
    holders = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "obj"})]
    return [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "as"]


def _label_words(label: Token) -> list[Token]:
    """A label's head, its modifiers and conjuncts, and the nouns its prepositions take."""
    words = [label]
    for child in label.children:
        if child.dep_ in {"amod", "advmod", "compound", "acomp", "attr", "conj"}:
            words.append(child)
        elif child.dep_ == "prep":
            words += [n for g in child.children if g.dep_ == "pobj" for n in (g, *g.conjuncts)]
    return words


def advice(ctx: Context, draft: Draft) -> str | None:
    """'warned drivers to take care', 'told council chiefs to abandon the plans': advice or an
    instruction to someone (``instruction_verbs`` with an object and a to-clause) asks something of
    them; it is neither a threat nor a plain statement."""
    token = draft.token
    if draft.lemma in ctx.lex.words("instruction_verbs") and any(c.dep_ in {"dobj", "dative"} for c in token.children) \
            and any(c.dep_ in {"xcomp", "ccomp"} and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)
                    for c in token.children):
        return "demand"
    return None


def own_wish(ctx: Context, draft: Draft) -> str | None:
    """'Vietnam wants to protect its rights' asks nothing of another party (a demand is 'wants
    China to leave'); 'they want to negotiate' offers talks."""
    if draft.kind != "demand" or draft.lemma not in ctx.lex.words("wish_verbs"):
        return None
    return own_wish_kind(draft.token, ctx.lex)


# The guards, in the order they are tried; each sees the kind the guards before it left.
GUARDS: tuple[tuple[str, Guard], ...] = (
    ("drop.needs_content", needs_content),
    ("drop.condition_clause", condition_clause),
    ("drop.content_of_cue", content_of_cue),
    ("drop.means_clause", means_clause),
    ("drop.being_asked", being_asked),
    ("drop.feeling_passive", feeling_passive),
    ("drop.told_passive", told_passive),
    ("drop.obligation_reported", obligation_reported),
    ("drop.non_answer", non_answer),
    ("drop.deadline_infinitive", deadline_infinitive),
    ("drop.source_cited", source_cited),
    ("drop.modifier", modifier),
    ("drop.sanction_suffered", sanction_suffered),
    ("drop.phrasal_action", phrasal_action),
    ("drop.clause_only", clause_only),
    ("drop.claimed_prize", claimed_prize),
    ("drop.deal_struck", deal_struck),
    ("drop.blocked_thing", blocked_thing),
    ("kind.negation", negation),
    ("kind.contested_decision", contested_decision),
    ("kind.refusal_on_condition", refusal_on_condition),
    ("kind.admission", admission),
    ("kind.insisted_fact", insisted_fact),
    ("kind.conditional_acceptance", conditional_acceptance),
    ("kind.backs_a_party", backs_a_party),
    ("kind.own_approval", own_approval),
    ("kind.decided_move", decided_move),
    ("kind.hope_for_other", hope_for_other),
    ("kind.name_calling", name_calling),
    ("kind.questioned_merit", questioned_merit),
    ("kind.advice", advice),
    ("kind.own_wish", own_wish),
)
GUARD_IDS = tuple(guard_id for guard_id, _ in GUARDS)


def guarded_kind(ctx: Context, draft: Draft) -> str | None:
    """The kind the cue keeps after every guard, or None when one drops it."""
    for _, guard in GUARDS:
        verdict = guard(ctx, draft)
        if verdict == DROP:
            return None
        if verdict:
            draft.kind = verdict
    return draft.kind


def apply_guard(guard_id: str, ctx: Context, draft: Draft) -> str | None:
    """Run one named guard alone (for its table of test sentences)."""
    return dict(GUARDS)[guard_id](ctx, draft)


def has_content(token: Token) -> bool:
    """Whether the cue introduces something: a clause, an object, or (in a passive with its
    agent) the subject: 'the resignation had not been accepted by the military council'."""
    if any(c.dep_ in CONTENT_DEPS for c in token.children) or token.dep_ == "advcl":
        return True
    return agent_of(token) is not None and any(c.dep_ == "nsubjpass" for c in token.children)
