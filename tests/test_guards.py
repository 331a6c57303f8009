"""One table per cue guard of ``reader.guards.GUARDS``: guard id, sentence, cue word, verdict.

Each row parses the sentence, drafts the cue word with the kind the lexicons give it, and runs the
named guard alone (``apply_guard``). The verdict is ``DROP`` (no cue there), a kind (the cue makes
that move instead) or ``None`` (the guard has nothing to say). A last table runs the whole verb
cue, guards in order, where two guards could compete.
"""

from __future__ import annotations

import pytest

from reader.actors import find_actors
from reader.guards import DROP, GUARD_IDS, Draft, apply_guard
from reader.ingest import article_from_text
from reader.lexicon import load_lexicon
from reader.positions import Context, cue_lemma, verb_cue
from reader.quotes import find_quotes

ROWS = [
    ("kind.negation", "He said he cannot guarantee that the protesters will stay peaceful.", "guarantee",
     "statement"),
    ("kind.negation", "The nurses voted against accepting the offer.", "accepting", "reject"),
    ("kind.conditional_acceptance", "The rebels would welcome talks mediated by Norway.", "welcome", "offer"),
    ("kind.conditional_acceptance", "We would accept a ceasefire if the shelling stopped.", "accept", "offer"),
    ("kind.conditional_acceptance", "The rebels welcomed the talks.", "welcomed", None),
    ("kind.conditional_acceptance", "The board would have accepted a higher bid.", "accepted", None),
    ("drop.sanction_suffered", "She said she had never been ejected or fined for any breach.", "fined", DROP),
    ("drop.sanction_suffered", "The regulator fined the airline for safety violations.", "fined", None),
    ("drop.sanction_suffered", 'The AU said it was "dismayed by the occupation", and called for a withdrawal.',
     "called", None),
    ("drop.feeling_passive", "The government said it was encouraged by the progress of the talks.", "encouraged", DROP),
    ("drop.feeling_passive", "We are encouraged that the union has come back to talks.", "encouraged", DROP),
    ("drop.feeling_passive", "The United States encouraged both sides to return to the table.", "encouraged", None),
    ("drop.told_passive", "The regulator said the parties knew the rules and had been warned.", "warned", DROP),
    ("drop.told_passive", "The regulator said the parties had been warned by the minister.", "warned", None),
    ("drop.told_passive", "The regulator warned the parties.", "warned", None),
    ("drop.needs_content", "We hope.", "hope", DROP),
    ("drop.needs_content", "We hope the talks resume soon.", "hope", None),
    ("drop.condition_clause", "There will be no talks until Kyiv accepts the terms.", "accepts", DROP),
    ("drop.condition_clause", "Kyiv accepts the terms.", "accepts", None),
    ("drop.condition_clause", "Seoul will only consider lifting the sanctions after the North acknowledges its "
     "responsibility and apologises.", "apologises", DROP),
    ("drop.condition_clause", "The company will only raise its offer after the union accepts the new rota.",
     "accepts", DROP),
    ("drop.condition_clause", "The strike will continue after Transdev rejected the workers' offer.", "rejected", None),
    ("drop.condition_clause", "Talks resumed after the union accepted the offer.", "accepted", None),
    ("drop.content_of_cue", "The minister accused the union of refusing the offer.", "refusing", DROP),
    ("drop.content_of_cue", "The union is refusing the offer.", "refusing", None),
    ("drop.means_clause", "By approving the pipeline, the administration violated the law.", "approving", DROP),
    ("drop.means_clause", "Beijing responded by rejecting the offer.", "rejecting", None),
    ("drop.means_clause", "Colombia fueled the tensions by accusing Chavez of funding the rebels.", "accusing", None),
    ("drop.being_asked", "When asked to comment, the minister said nothing.", "asked", DROP),
    ("drop.being_asked", "The union asked the company to return to talks.", "asked", None),
    ("drop.obligation_reported", "Hopson urged ministers to make a final offer, which should be accepted by the BMA.",
     "accepted", DROP),
    ("drop.obligation_reported", "Putin said Ukraine must accept the offer.", "accept", DROP),
    ("drop.obligation_reported", "The union said the hospitals should agree to the ratios.", "agree", DROP),
    ("drop.obligation_reported", "Putin said Ukraine had accepted the offer.", "accepted", None),
    ("drop.obligation_reported", "The union said the board must meet the workers and offer a raise.", "offer", DROP),
    ("drop.non_answer", "The company declined to comment.", "declined", DROP),
    ("drop.non_answer", "The company declined to discuss the matter.", "declined", DROP),
    ("drop.non_answer", "Egypt refused to discuss an offer by Ethiopia to share data.", "refused", None),
    ("drop.non_answer", "The company declined to raise wages.", "declined", None),
    ("drop.non_answer", "He declined to say how long the review would take.", "say", DROP),
    ("drop.non_answer", "The rich nations refused to put concrete figures on the table.", "refused", None),
    ("drop.non_answer", "He said the review would take a month.", "said", None),
    ("drop.deadline_infinitive", "The union has until Wednesday to accept the offer.", "accept", DROP),
    ("drop.deadline_infinitive", "The union voted to reject the offer.", "reject", None),
    ("drop.source_cited", "The deal is dead, as the minister said on Monday.", "said", DROP),
    ("drop.source_cited", "The minister said the deal is dead.", "said", None),
    ("drop.modifier", "The proposed tariffs would hit farmers.", "proposed", DROP),
    ("drop.modifier", "The company proposed new tariffs.", "proposed", None),
    ("drop.phrasal_action", "The rescue team called off its search on Sunday.", "called", DROP),
    ("drop.phrasal_action", "The union called for a new vote.", "called", None),
    ("drop.phrasal_action", "The council pressed ahead with the new tax.", "pressed", DROP),
    ("drop.clause_only", "The ruling party maintains a firm lock on parliament.", "maintains", DROP),
    ("drop.clause_only", "The ruling party maintains that the vote was fair.", "maintains", None),
    ("drop.clause_only", "The opposition maintained its calls for a national strike.", "maintained", None),
    ("drop.clause_only", "Teachers who fail to report for duty will be replaced.", "report", DROP),
    ("drop.clause_only", "The ministry reported that the strike had ended.", "reported", None),
    ("drop.clause_only", "\"The vote was fair,\" the party maintained.", "maintained", None),
    ("drop.clause_only", "Police questioned the driver for two hours.", "questioned", DROP),
    ("drop.clause_only", "The senator questioned whether the plan would survive in court.", "questioned", None),
    ("drop.claimed_prize", "The opposition leader claimed victory in the runoff.", "claimed", DROP),
    ("drop.claimed_prize", "The opposition leader claimed that the runoff was rigged.", "claimed", None),
    ("drop.deal_struck", "Turkey and Libya agreed on a maritime line.", "agreed", DROP),
    ("drop.deal_struck", "Turkey agreed to the proposal.", "agreed", None),
    ("drop.deal_struck", "On Friday, the senator endorsed the governor's plan.", "endorsed", None),
    ("drop.deal_struck", "On Monday the union agreed to the new terms.", "agreed", None),
    ("drop.deal_struck", "The two sides agreed on a new border on Monday.", "agreed", DROP),
    ("drop.blocked_thing", "The regulator blocked the merger of the two grocers.", "blocked", None),
    ("drop.blocked_thing", "The merger has been blocked by the regulator.", "blocked", None),
    ("drop.blocked_thing", "Protesters blocked the main road into the city.", "blocked", DROP),
    ("drop.blocked_thing", "We will fight this decision all the way.", "fight", None),
    ("drop.blocked_thing", "Government troops fought the rebels near the border.", "fought", DROP),
    ("kind.negation", "The union did not accept the offer.", "accept", "reject"),
    ("kind.negation", "The minister did not say when talks would resume.", "say", DROP),
    ("kind.negation", "The union accepted the offer.", "accepted", None),
    ("kind.contested_decision", "The bank appealed the regulator's fine on Tuesday.", "appealed", "reject"),
    ("kind.contested_decision", "The club appealed against the ban.", "appealed", "reject"),
    ("kind.contested_decision", "The mayor appealed for calm after the riots.", "appealed", None),
    ("kind.contested_decision", "The charity appealed to donors to give more.", "appealed", None),
    ("kind.contested_decision", "The owner said the club would appeal.", "appeal", "reject"),
    ("kind.contested_decision", "The sprinter appealed to the Court of Arbitration for Sport.", "appealed", "reject"),
    ("kind.refusal_on_condition", "The union rejected the deal until the company raises pay.", "rejected",
     "demand"),
    ("kind.refusal_on_condition", "The union rejected the deal on Monday.", "rejected", None),
    ("kind.backs_a_party", "France will support Ukraine.", "support", "statement"),
    ("kind.backs_a_party", "France will support the proposal.", "support", None),
    ("kind.name_calling", 'The minister called the agreement "null and void".', "called", "reject"),
    ("kind.name_calling", "The union called for a strike.", "called", None),
    ("kind.name_calling", 'Moro described the demand as "unreasonable".', "described", "reject"),
    ("kind.name_calling", "The army branded the article as rumours and not true.", "branded", "reject"),
    ("kind.name_calling", "He described the meeting as long.", "described", None),
    ("kind.name_calling", "The ministry described it as an unjustified decision by Russia.", "described", "accuse"),
    ("kind.hope_for_other", "China hopes Indonesia can appropriately handle the issue.", "hopes", "demand"),
    ("kind.hope_for_other", "The Government expects the Public Service Association to respond to the offer.",
     "expects", "demand"),
    ("kind.hope_for_other", "The union hopes urgent mediation will avert any need for industrial action.", "hopes",
     None),
    ("kind.hope_for_other", "The opposition had hoped that the African Union would refuse.", "hoped", None),
    ("kind.decided_move", "The union workers voted to throw out the company's improved offer.", "voted", "reject"),
    ("kind.decided_move", "The union decided to launch an open-ended strike.", "decided", "threaten"),
    ("kind.decided_move", "The board has unanimously decided to strike on Monday.", "decided", "threaten"),
    ("kind.decided_move", "The government decided to give itself another go at the deal.", "decided", "drop"),
    ("kind.decided_move", "Plans for the windfarm will be decided by ministers.", "decided", "drop"),
    ("kind.decided_move", "The union did not decide to strike.", "decide", None),
    ("kind.own_approval", "The cabinet approved a 75% pay increase offer for civil servants.", "approved", "offer"),
    ("kind.own_approval", "The council had approved a 30-year concession deal for the airport.", "approved",
     "statement"),
    ("kind.own_approval", "The minister approved plans submitted by the Adani Group.", "approved", None),
    ("kind.own_approval", "The government approved the union's demands.", "approved", None),
    ("kind.own_approval", "The board approved the request.", "approved", None),
    ("kind.name_calling", "Le Drian described the decision as a stab in the back.", "described", "accuse"),
    ("kind.name_calling", 'The lawyer called the decision "a blatant attack" on the group.', "called", "accuse"),
    ("kind.name_calling", "The adviser described the committee as a promoter of war and destruction.", "described",
     "accuse"),
    ("kind.name_calling", 'He called it "an opportunity to end the crisis".', "called", "statement"),
    ("kind.name_calling", "The board called an emergency meeting to discuss the crisis.", "called", "statement"),
    ("kind.advice", "Police warned drivers to take care on the roads.", "warned", "demand"),
    ("kind.advice", "The army warned that it would respond.", "warned", None),
    ("kind.advice", "The minister told council chiefs to abandon the plans.", "told", "demand"),
    ("kind.advice", "He told journalists that they would respond to any request.", "told", None),
    ("kind.questioned_merit", "The opposition questioned the credibility of the final results.", "questioned",
     "accuse"),
    ("kind.questioned_merit", "Police questioned the suspect for hours.", "questioned", None),
    ("kind.admission", "The ministry concedes there is a shortage of teachers.", "concedes", "statement"),
    ("kind.admission", "The ministry conceded the point.", "conceded", None),
    ("kind.insisted_fact", "The security service insisted that Shekau is dead.", "insisted", "statement"),
    ("kind.insisted_fact", "The union insisted the vote had been fair.", "insisted", "statement"),
    ("kind.insisted_fact", "The union insisted that management return to the table.", "insisted", None),
    ("kind.own_wish", "Vietnam wants to protect its legal rights.", "wants", "statement"),
    ("kind.own_wish", "They want to negotiate in a sensible fashion.", "want", "offer"),
    ("kind.own_wish", "The union wants the company to raise wages.", "wants", None),
]

ORDER = [  # the whole verb cue: guards in order, with the kind that survives them (None: no cue)
    ("The union did not accept the offer.", "accept", "reject"),
    ("The proposed tariffs would hit farmers.", "proposed", None),
    ("The union wants the company to raise wages.", "wants", "demand"),
]


def context(nlp, sentence: str) -> Context:
    article = article_from_text(sentence)
    doc = nlp(article.text)
    return Context(doc, article, find_actors(doc, article), load_lexicon(), find_quotes(article))


def word(ctx: Context, text: str):
    return next(t for t in ctx.doc if t.text == text)


def draft(ctx: Context, token) -> Draft:
    lex = ctx.lex
    lemma = cue_lemma(lex, token)
    trigger = ctx.triggers.get(token.i)
    kind = (trigger.kind if trigger else None) or lex.verbs.get(lemma) or lex.knowledge_kind(lemma) or "statement"
    return Draft(token, lemma, kind, trigger=trigger)


@pytest.mark.parametrize(("guard_id", "sentence", "cue", "expected"), ROWS)
def test_guard(nlp, guard_id, sentence, cue, expected):
    ctx = context(nlp, sentence)
    assert apply_guard(guard_id, ctx, draft(ctx, word(ctx, cue))) == expected


@pytest.mark.parametrize(("sentence", "cue", "expected"), ORDER)
def test_guards_in_order(nlp, sentence, cue, expected):
    ctx = context(nlp, sentence)
    found = verb_cue(ctx, word(ctx, cue))
    assert (found.kind if found else None) == expected


def test_every_guard_has_rows():
    assert {row[0] for row in ROWS} == set(GUARD_IDS)
    for guard_id in GUARD_IDS:
        verdicts = {row[3] for row in ROWS if row[0] == guard_id}
        assert None in verdicts and len(verdicts) > 1, f"{guard_id} needs a row where it acts and one where it does not"
