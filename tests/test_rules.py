"""One table per content rule of ``reader.classify.RULES``: rule id, sentence, expected kind.

Each row runs the named rule alone on the parsed sentence (``apply_rule``), so a new case is one
row here and, if needed, one named rule there. ``None`` means the rule must stay silent.
A last table runs the whole ordered list (``classify_content``) where two rules could compete.
"""

from __future__ import annotations

import pytest

from reader.classify import RULE_IDS, apply_rule, classify_content
from reader.lexicon import LexiconError, check_lexicon, load_lexicon

ROWS = [
    ("demand.modal_or_need", "The government should release the prisoners.", "demand"),
    ("demand.modal_or_need", "Management must return to the table.", "demand"),
    ("demand.modal_or_need", "I must answer you directly.", None),
    ("demand.modal_or_need", "They stressed the need for a binding deal.", None),
    ("demand.modal_or_need", "We need a new, fair and proper vote.", "demand"),
    ("demand.modal_or_need", "We need more time.", "demand"),
    ("demand.modal_or_need", "China hopes Indonesia can appropriately handle the issue.", "demand"),
    ("demand.modal_or_need", "China hopes it can handle the issue.", None),
    ("demand.modal_or_need", "These are the same people who tell us the council should pay.", None),
    ("demand.modal_or_need", "The council, which should have acted, stayed silent.", None),
    ("demand.modal_or_need", "I want to say very clearly that the union is acting in bad faith.", None),
    ("demand.modal_or_need", "We would like to thank the mediators.", None),
    ("demand.modal_or_need", "We want the company to return to the table.", "demand"),
    ("threaten.conditional_force", "Workers will stage a strike if a contract isn't reached by Aug. 26.", "threaten"),
    ("threaten.conditional_force", "The doctors will continue with their planned strike if the county fails to pay.",
     "threaten"),
    ("threaten.conditional_force", "We will review our strike immediately if the outcome is positive.", None),
    ("threaten.conditional_force", "We will call strikes off if Sunak makes a credible offer.", None),
    ("threaten.conditional_force", "North Korea would strike back within a day unless the drills stop.",
     "threaten"),
    ("threaten.conditional_force", "Strikes could begin next month unless management returns to the table.",
     "threaten"),
    ("threaten.conditional_force", "Strikes could begin next month, the union said.", None),
    ("threaten.conditional_force", "We will close the plant if the union strikes.", "threaten"),
    ("threaten.conditional_force", "We will close the plant next year.", None),
    ("reject.denied_act", "We have not been attacking any positions of the rebels.", "reject"),
    ("reject.denied_act", "The rebels have not attacked the town.", None),
    ("demand.conditioned_refusal", "We will never release them until after you release our brethren.", "demand"),
    ("demand.conditioned_refusal", "Colombia will not start peace talks until the rebels free the hostages.",
     "demand"),
    ("demand.conditioned_refusal", "The nurses won't return to work unless the hospital raises pay.", "demand"),
    ("demand.conditioned_refusal", "We will not start talks next week.", None),
    ("demand.conditioned_refusal", "They would only lay down their weapons if the army left the town.", "demand"),
    ("demand.conditioned_refusal", "We only met them once, if at all.", None),
    ("reject.hard_to_grant", "Some requests which go beyond existing laws will be difficult to be accommodated.",
     "reject"),
    ("reject.hard_to_grant", "The demand is impossible to accept.", "reject"),
    ("reject.hard_to_grant", "The task will be difficult to finish.", None),
    ("reject.negated_approval", "The sanctions will not be effective at all.", "reject"),
    ("reject.negated_approval", "This deal can never work.", "reject"),
    ("reject.negated_approval", "The talks worked well.", None),
    ("reject.negated_approval", "That is not justified.", "reject"),
    ("reject.negated_approval", "The plan is not acceptable to the workers.", "reject"),
    ("reject.negated_approval", "The court's decision is justified.", None),
    ("reject.negated_approval", "We do not believe this fine is justified.", "reject"),
    ("reject.negated_approval", "The board does not believe the rival offer is superior.", "reject"),
    ("reject.negated_approval", "The offer is not enough.", "reject"),
    ("reject.negated_approval", "I think the offer is fair.", None),
    ("demand.time_to", "It's time to reach agreement and stop the game-playing.", "demand"),
    ("demand.time_to", "It is time for Moscow to withdraw its troops.", "demand"),
    ("demand.time_to", "The talks took time.", None),
    ("reject.against_interest", "The proposal is not in the best interests of Yahoo.", "reject"),
    ("reject.against_interest", "The deal is in the interest of both sides.", None),
    ("reject.negated_move", "We will not accept the offer.", "reject"),
    ("reject.negated_move", "We are not going to accept this offer.", "reject"),
    ("reject.negated_move", "We are going to accept this offer.", None),
    ("reject.negated_move", "There is nothing to negotiate in the talks.", "reject"),
    ("reject.negated_move", "We have nothing to discuss with them.", "reject"),
    ("reject.negated_move", "It costs nothing to talk.", None),
    ("reject.negated_move", "The union will not call off the strike.", "reject"),
    ("reject.negated_move", "They would not consider a prisoner exchange.", "reject"),
    ("reject.negated_move", "The mediator did not consider these demands to be outrageous.", None),
    ("reject.negated_move", "We are not going to be deterred by comments that he may be missing.", "reject"),
    ("reject.negated_move", "We will not be intimidated.", "reject"),
    ("reject.negated_move", "His party can no longer hold talks with the government.", "reject"),
    ("reject.negated_move", "There will be no talks without a ceasefire.", "reject"),
    ("reject.negated_move", "The package did not change the policy.", None),
    ("reject.leaving_talks", "They will leave the negotiations because they are of no use.", "reject"),
    ("reject.leaving_talks", "The union quit the talks on Monday.", "reject"),
    ("reject.leaving_talks", "She will leave the country tomorrow.", None),
    ("accuse.label", "The decision is an insult to every worker.", "accuse"),
    ("accuse.label", "The whole vote count was a fraud.", "accuse"),
    ("accuse.label", "The board has shown nothing but deceit and insincerity.", "accuse"),
    ("accuse.label", "Management has a habit of lying to staff.", "accuse"),
    ("accuse.label", "The ministry faces growing pressure over the strike.", None),
    ("demand.modal_or_need", "It expects to levy more fines as it investigates.", None),
    ("demand.modal_or_need", "We expect Israel to withdraw its troops.", "demand"),
    ("demand.modal_or_need", "We hope they will agree.", "demand"),
    ("reject.no_merit", "The claims were determined to be without factual or legal merit.", "reject"),
    ("threaten.answer_held_out", "We can't exclude any asymmetric actions.", "threaten"),
    ("threaten.answer_held_out", "Of course, this will not be left without a reaction from us.", "threaten"),
    ("threaten.answer_held_out", "Such provocations will not go unanswered.", "threaten"),
    ("threaten.answer_held_out", "The case was left without a ruling.", None),
    ("threaten.answer_held_out", "We cannot rule out that the talks will fail.", None),
    ("reject.negated_move", "No one is going to be negotiating outside the Amani framework.", "reject"),
    ("reject.label", "The figure of 10,000 is made up.", "reject"),
    ("reject.label", "A new referendum is out of the question.", "reject"),
    ("reject.label", "We feel this is a lowball bid.", "reject"),
    ("reject.label", "Direct talks with the rebel chief were impossible.", "reject"),
    ("reject.label", "This is impossible.", "reject"),
    ("reject.label", "It is just not believable that the Taliban do not know.", "reject"),
    ("accuse.label", "The inquiry was a cover-up.", "accuse"),
    ("accuse.hostile_act", "China's actions directly jeopardized peace and stability in the region.", "accuse"),
    ("accuse.hostile_act", "The government has ignored our demands for months.", "accuse"),
    ("accuse.hostile_act", "We have ignored the noise.", None),
    ("accuse.hostile_act", "The junior doctors have walked away from the talks.", "accuse"),
    ("accuse.hostile_act", "The workers walked away with a bonus.", None),
    ("accuse.hostile_act", "Police cracked down on the protesters in the capital.", "accuse"),
    ("reject.no_merit", "The allegations have no basis whatsoever.", "reject"),
    ("reject.no_merit", "The European proposal has no value.", "reject"),
    ("reject.no_merit", "The plan has merit.", None),
    ("reject.negated_move", "I'm not interested in your demands.", "reject"),
    ("reject.negated_move", "Sinwar is not interested in a humanitarian agreement.", None),
    ("reject.negated_move", "We will not sit for dialogue with the outlawed group.", "reject"),
    ("accuse.blame", "Morsi was responsible for divisions in the country.", "accuse"),
    ("accuse.blame", "The company is to blame for the losses.", "accuse"),
    ("accuse.blame", "We are not responsible for the delay.", "reject"),
    ("accuse.blame", "The minister is responsible for the budget.", None),
    ("offer.readiness_or_proposal", "We are ready to negotiate immediately.", "offer"),
    ("offer.readiness_or_proposal", "He was open to meeting her under the right circumstances.", "offer"),
    ("offer.readiness_or_proposal", "The company made an offer on Friday.", "offer"),
    ("offer.readiness_or_proposal", "The rebels remain committed to the truce.", "offer"),
    ("offer.readiness_or_proposal", "The minister is committed to cutting the deficit.", None),
    ("offer.readiness_or_proposal", "We're prepared to file this anti-trust action against the league.", "threaten"),
    ("offer.readiness_or_proposal", "They voted against the proposal.", None),
    ("offer.readiness_or_proposal", "Rebel forces were able to repel the attack.", None),
    ("offer.readiness_or_proposal", "Proposing again that we keep this system is no solution.", None),
    ("offer.readiness_or_proposal", "We propose a joint inquiry.", "offer"),
    ("offer.readiness_or_proposal", "The bidders were again raising their bid for the company.", "offer"),
    ("offer.readiness_or_proposal", "The chamber increased its basic wage offer to 6.5%.", "offer"),
    ("demand.modal_or_need", "We have a lot of case law to go with.", None),
    ("offer.concession", "The government would suspend the new tax until talks resume.", "offer"),
    ("offer.concession", "We are prepared to release the prisoners.", "offer"),
    ("offer.concession", "The government suspended the tax last year.", None),
    ("threaten.forceful_response", "The government will respond sternly to any kind of provocation.", "threaten"),
    ("threaten.forceful_response", "Any attempt to divert the water will be considered an act of war and responded "
     "with full force.", "threaten"),
    ("threaten.forceful_response", "The ministry will respond to the letter next week.", None),
    ("threaten.forceful_response", "The police did not respond forcefully.", None),
    ("threaten.forceful_response", "Resorting to pressure will receive its due response.", "threaten"),
    ("threaten.forceful_response", "The letter received a response last week.", None),
    ("threaten.force_promised", "Russia will retaliate for the expulsions.", "threaten"),
    ("threaten.force_promised", "The U.S. reserves the right to respond.", "threaten"),
    ("threaten.force_promised", "Russia retaliated last year.", None),
    ("threaten.no_choice", "Our members have no choice but to escalate industrial action.", "threaten"),
    ("threaten.no_choice", "The players have no option but to strike.", "threaten"),
    ("threaten.no_choice", "Voters had a choice between two parties.", None),
    ("threaten.pressure_kept", "The opposition will continue protests despite the president's offer.", "threaten"),
    ("threaten.pressure_kept", "The union vowed to keep up the strike until pay rises.", "threaten"),
    ("threaten.pressure_kept", "The strike will continue until the union hears from the ministry.", "threaten"),
    ("threaten.pressure_kept", "The protests continued on Monday.", None),
    ("threaten.pressure_kept", "Talks will continue next week.", None),
    ("accept.first_person", "We welcome the proposal.", "accept"),
    ("accept.first_person", "They welcome the proposal.", None),
    ("move.first_person", "We reject the offer.", "reject"),
    ("move.first_person", "I demand an apology from the minister.", "demand"),
    ("move.first_person", "They reject the offer.", None),
    ("move.first_person", "We received an opinion from the Japanese side, which was rejected by us.", "reject"),
    ("move.first_person", "The opinion was rejected by the ministry.", None),
    ("move.first_person", "I want to say that the plan is unworkable.", None),
    ("move.first_person", "We want an apology.", "demand"),
    ("move.own_noun", "They summoned the ambassador to reiterate our demand that our people be released.", "demand"),
    ("move.own_noun", "The strike goes on until the government meets our demands.", "demand"),
    ("move.own_noun", "It intentionally misstates our proposal.", None),
    ("move.own_noun", "Our appeal is on the grounds that the punishment is too harsh.", None),
    ("move.own_noun", "We repeated our warning to the strikers.", "threaten"),
    ("move.own_noun", "Our offer was rejected by the union.", None),
    ("move.own_noun", "We have withdrawn our demand.", None),
    ("move.own_noun", "We did not renew our offer.", None),
    ("move.own_noun", "They repeated their demand for talks.", None),
    ("threaten.consequences", "There will be massive consequences.", "threaten"),
    ("threaten.consequences", "It cannot produce any legal consequences.", None),
    ("threaten.consequences", "Russia will take retaliatory steps targeting US interests.", "threaten"),
    ("threaten.consequences", "They will take action against the company.", "threaten"),
    ("threaten.consequences", "We took steps to ensure safety.", None),
    ("accuse.hostile_act", "One supply boat was hit with a powerful water cannon by the coast guard.", "accuse"),
    ("accuse.hostile_act", "Tajik forces fired at Kyrgyz border guards early in the morning.", "accuse"),
    ("accuse.hostile_act", "Two mortar shells had been fired into the territory from Georgia.", "accuse"),
    ("accuse.hostile_act", "Companies such as DC21 exploit this and encourage landowners to apply.", "accuse"),
    ("accuse.hostile_act", "The government forces and their militias attacked our positions.", "accuse"),
    ("accuse.hostile_act", "The rebels have been consistently attacking our forces.", "accuse"),
    ("accuse.hostile_act", "We will attack at dawn.", None),
    ("accuse.hostile_act", "The ruling party rigged the vote in three provinces.", "accuse"),
    ("accuse.other_side_move", "The league has threatened our association with a lawsuit.", "accuse"),
    ("accuse.other_side_move", "Management refused our offer on Friday.", "accuse"),
    ("accuse.other_side_move", "We refused their offer.", None),
    ("accuse.other_side_move", "It was only trying to help, after the league threatened to ban it.", None),
    ("accuse.hostile_act", "Police arrested forty protesters.", None),
    ("accuse.negative_judgement", "The regulator's procedure was flawed in many respects.", "accuse"),
    ("accuse.negative_judgement", "The statement severely harmed the reputation of the bank.", "accuse"),
    ("accuse.negative_judgement", "We are extremely disappointed with the result.", None),
    ("accuse.faulted_act", "The new zoning plan does not address the needs of local farmers.", "accuse"),
    ("accuse.faulted_act", "It was a backward step that does not reflect the facts on the ground.", "accuse"),
    ("accuse.faulted_act", "The league's response does not change our view of the dispute.", None),
    ("accuse.faulted_act", "Our offer does not include a bonus this year.", None),
    ("accuse.faulted_act", "The new zoning plan addresses the needs of local farmers.", None),
    ("accuse.harm_by_other", "The regulator has done serious damage to the reputation of the bank.", "accuse"),
    ("accuse.harm_by_other", "The council's decision will destroy hundreds of local jobs.", "accuse"),
    ("accuse.harm_by_other", "Our decision was a painful one for the whole team.", None),
    ("reject.negated_move", "The president will neither resign nor hold early elections.", "reject"),
    ("threaten.all_necessary_means", "The ministry will take all necessary measures to defend the border.",
     "threaten"),
    ("threaten.all_necessary_means", "Serbia would protect its people by all means necessary.", "threaten"),
    ("threaten.all_necessary_means", "The council has taken some measures to cut the waiting lists.", None),
    ("reject.negated_move", "The mayor will not withdraw the new parking charges.", "reject"),
    ("reject.negated_move", "The new package did not change the policy.", None),
    ("accuse.harm_by_other", "The bank expects a small rise in lending next year.", None),
    ("accuse.negative_judgement", "The council relied on an arbitrary and outdated review.", "accuse"),
    ("accuse.negative_judgement", "The closure is a retrograde step for the town.", "accuse"),
    ("accuse.negative_judgement", "This was an extremely difficult decision to make.", None),
    ("accuse.negative_judgement", "Some of the hostages are in pretty bad shape.", None),
    ("reject.no_intention", "We have no intention of withdrawing the bill.", "reject"),
    ("reject.no_intention", "There is no question of rolling back the decision.", "reject"),
    ("reject.no_intention", "They are not intending to call off the strike.", "reject"),
    ("reject.no_intention", "They are not intending to call the police.", None),
    ("reject.no_intention", "There is no question that the talks will resume.", None),
    ("reject.no_intention", "The ministry did not plan to retract or negotiate the new rules.", "reject"),
    ("reject.no_intention", "We have no intention of running for office.", None),
    ("accuse.cleft_blame", "It was the management who cancelled the remaining meetings.", "accuse"),
    ("accuse.cleft_blame", "It was a long and difficult meeting.", None),
    ("reject.label", "The claims are baseless.", "reject"),
    ("reject.label", "Biota said the offer was farcical and flawed.", "reject"),
    ("reject.label", "The spokesman described the reports as a misrepresentation.", "reject"),
    ("reject.label", "The agreement is null and void.", "reject"),
    ("reject.label", "The allegations are inaccurate and out of date.", "reject"),
    ("reject.label", "This is unacceptable.", "reject"),
    ("reject.label", "The bid substantially undervalues the company.", "reject"),
    ("reject.label", "The use of water cannons was illegal.", None),
    ("reject.label", "The strike is illegal.", None),
    ("accuse.labelled_act", "The use of water cannons was illegal.", "accuse"),
    ("accuse.labelled_act", "The strike is illegal.", "accuse"),
    ("accuse.labelled_act", "The offer is unacceptable.", None),
    ("accuse.labelled_act", "They want to end illegal immigration.", None),
]

ORDER = [  # where rules compete, the ordered list decides
    ("We will respond firmly to any provocation by the regime.", "threaten"),  # the threat before the label
    ("We will not attack, but we will retaliate if they attack us.", "threaten"),
    ("We are ready to talk, but the company must withdraw its offer first.", "demand"),
    ("The talks were held in Geneva.", None),
]


def test_every_rule_has_rows():
    assert sorted({rule for rule, _, _ in ROWS}) == sorted(RULE_IDS)


@pytest.mark.parametrize("rule, sentence, expected", ROWS, ids=[f"{r}:{s[:30]}" for r, s, _ in ROWS])
def test_rule(nlp, rule, sentence, expected):
    doc = nlp(sentence)
    assert apply_rule(rule, doc[:], load_lexicon()) == expected


@pytest.mark.parametrize("sentence, expected", ORDER)
def test_rule_order(nlp, sentence, expected):
    assert classify_content(nlp(sentence)[:], load_lexicon()) == expected


def test_lexicon_schema_rejects_unknown_kinds():
    lex = load_lexicon()
    broken = type(lex)(**{**lex.__dict__, "verbs": {**lex.verbs, "grumble": "complain"}})
    with pytest.raises(LexiconError, match="grumble=complain"):
        check_lexicon(broken, {})


def test_lexicon_schema_rejects_a_word_in_two_exclusive_lists():
    lex = load_lexicon()
    content = {**lex.content, "reject_words": lex.content["reject_words"] | {"insult"}}
    broken = type(lex)(**{**lex.__dict__, "content": content})
    with pytest.raises(LexiconError, match="insult"):
        check_lexicon(broken, {"disjoint": [["reject_words", "accuse_words"]]})


def test_shipped_lexicon_passes_its_own_checks():
    load_lexicon.cache_clear()
    assert load_lexicon().verbs["reject"] == "reject"
