"""Attributed content: who says it and the exact clause they say (issue #8).

One table of made-up sentences: the rule that should find the attribution, the text, the actor
expected to speak, and the content expected (exactly the position's ``content`` span). A row
with ``None`` as actor asserts that no position's content holds that text (nothing found there,
or no position of its own).
"""

from __future__ import annotations

import pytest

from reader.ingest import article_from_text
from reader.pipeline import analyze

ROWS = [
    # rule id, text, actor, content
    ("speaker.unbound_person_pronoun",
     "Dana Ellis spoke to workers at the plant on Monday.\n\n"
     "\"Nobody should have to work two jobs to pay the rent,\" she said.",
     "dana-ellis", "Nobody should have to work two jobs to pay the rent,"),
    ("noun.owned_remark",
     "Slovakia has expressed outrage over Ukrainian President Volodymyr Zelenskyy's remarks that Slovak Prime "
     "Minister Robert Fico has opened a second energy front.",
     "ukraine", "that Slovak Prime Minister Robert Fico has opened a second energy front"),
    ("speaker.document_sender",
     "Striking tenants also received a letter from the landlord, Sentinel Real Estate Corporation, stating that "
     "they have violated their leases.",
     "sentinel-real-estate-corporation", "that they have violated their leases"),
    ("group.clause_of_its_own",
     "The union said the offer was an insult, adding that members would vote on Friday.",
     "the-union", "the offer was an insult"),
    ("group.clause_of_its_own",
     "The union said the offer was an insult, adding that members would vote on Friday.",
     "the-union", "that members would vote on Friday"),
    ("group.clause_of_its_own",
     "Mayor Ines Roca argued that the levy was fair, saying the city had no other choice.",
     "ines-roca", "the city had no other choice"),
    ("group.clause_of_its_own",
     "Senator Mara Quint called the budget a mess and said the committee should start again.",
     "mara-quint", "the committee should start again"),
    ("group.move_and_its_reason",  # a strong move and its reason stay one position
     "The board rejected the bid, saying it undervalued the company.",
     None, "it undervalued the company"),
    ("group.first_says_too_little",  # 'defended them' says too little to stand alone
     "The agency defended them and said it had followed proper procedures.",
     None, "it had followed proper procedures"),
    ("group.one_clause_reported",  # the second cue reports the first's clause: one position
     "The company said it expects that the strike will end soon.",
     "the-company", "it expects that the strike will end soon"),
    ("trigger.statement.point_out",
     "Union leader Sam Otto pointed out that the talks had failed twice before.",
     "sam-otto", "that the talks had failed twice before"),
    ("cue.joke", "Ines Roca joked that the council would need a bigger hall.",
     "ines-roca", "that the council would need a bigger hall"),
    ("cue.cite", "The company closed the plant on Monday, citing weak demand from car makers.",
     "the-company", "weak demand from car makers"),
    ("cue.assure", "Governor Lena Marsh assured residents that the water was safe to drink.",
     "lena-marsh", "residents that the water was safe to drink"),
    ("cue.assure_passive",  # 'is assured of winning': nobody assures anybody
     "The senator is now assured of winning at least forty delegates.", None, "winning at least forty delegates"),
    ("quote.doubled_apostrophes",  # wire copy quotes with '' and leaves the opening pair on the sentence before
     "The union admitted that the strike was long. ''We are sorry for the trouble,'' the union said.",
     "the-union", "We are sorry for the trouble,"),
    ("quote.doubled_apostrophes",
     "The union admitted that the strike was long. ''We are sorry for the trouble,'' the union said.",
     "the-union", "that the strike was long"),
    ("content.passive_with_agent", "The new pay offer was rejected by the union on Monday.",
     "the-union", "The new pay offer"),
    ("content.passive_with_agent", "The company's plan to close the plant was criticised by the union.",
     "the-union", "The company's plan to close the plant"),
    ("cue.answered_stance",  # another party's stance spelled out inside the answer to it
     "The tenants' association rejected a new council proposal aimed at ending the rent strike.",
     "the-council", "a new council proposal aimed at ending the rent strike"),
    ("cue.answered_stance",
     "The strikers vowed to stay out despite Acme Corp's offer to rehire every dismissed worker.",
     "acme-corp", "Acme Corp's offer to rehire every dismissed worker"),
    ("cue.answered_stance",  # the answer stays a position of its own
     "The tenants' association rejected a new council proposal aimed at ending the rent strike.",
     "tenants", "a new council proposal aimed at ending the rent strike"),
    ("speaker.possessive_person",  # "Bongo's spokesman": the party of the person named before
     "Gabon opposition leader Jean Ping called on President Ali Bongo to step down.\n\n"
     "Bongo’s spokesman said the opposition was attempting a coup.", "gabon", "the opposition was attempting a coup"),
    ("speaker.pronoun_prefers_the_one_who_spoke",  # not a name inside what was said
     "Dana Ellis said there was agreement on the issue of Mayor Tom Reed's resignation.\n\n"
     "\"We will march on Friday,\" he said.", "dana-ellis", "We will march on Friday,"),
    ("speaker.pronoun_object_of_the_sentence_before",  # no subject there names a person
     "Detectives spoke with Mary Smith on Monday. She said she had done nothing wrong.",
     "mary-smith", "she had done nothing wrong"),
    ("speaker.participle_on_a_thing",  # the parser hangs 'accusing' on 'talks': the talks accuse nobody
     "Union negotiator Dana Ellis went into the second round of talks accusing the airline of bad faith.",
     "dana-ellis", "the airline of bad faith"),
    ("speaker.participle_on_people",  # 'protesters demanding': the protesters demand
     "Thousands of protesters marched through the capital on Sunday, with students demanding free tuition.",
     "students", "free tuition"),
    ("cue.light_verb_noun",  # a formal move named by its noun: 'filed a legal challenge'
     "Texas filed a legal challenge on Tuesday to the new pollution rules.",
     "texas", "a legal challenge"),
    ("speaker.caused_to_act",  # the object of 'prompted' acts; the object of 'urged' is only asked
     "The ruling prompted the union to warn that members would walk out.", "the-union",
     "that members would walk out"),
    ("speaker.named_subject_tagged_otherwise",  # the tagger takes this name for a verb here
     "Union leader Sam Odinga spoke on Monday.\n\n"
     "Odinga together with other leaders in the coalition have pledged to resume weekly protests.",
     "sam-odinga", "to resume weekly protests"),
    ("cue.answered_stance",  # a move spelled out by a clause, inside the answer to it
     "The opposition vowed to keep marching despite a move by the government to hold talks in parliament.",
     "the-government", "a move by the government to hold talks in parliament"),
    ("speaker.described_person",
     "Dana Ellis toured the plant on Monday.\n\nThe billionaire investor said the plant would stay open.",
     "dana-ellis", "the plant would stay open"),
    ("speaker.titled_person",  # 'the president' is the one titled so, not the last person named
     "President Ana Ruiz met the rebels on Monday. The talks were led by Vitor Lam.\n\n"
     "A day later the president agreed to free all prisoners.",
     "ana-ruiz", "to free all prisoners"),
    ("speaker.described_person_needs_the",  # 'a businessman' was never named before
     "Dana Ellis toured the plant on Monday.\n\nA businessman said the plant would stay open.",
     None, "the plant would stay open"),
    ("cue.according_to_after", "According to the union, the talks have collapsed.",
     "the-union", "the talks have collapsed"),
    ("cue.according_to_before", "The talks have collapsed, according to the union.",
     "the-union", "The talks have collapsed"),
    ("cue.view_is_that", "Dana Ellis spoke on Monday.\n\nEllis's view is that the deal cannot survive.",
     "dana-ellis", "that the deal cannot survive"),
    ("quote.split_short_first_part",  # '"My hope," he said, "is that ..."': one quote, no view cue in it
     "Dana Ellis spoke on Monday.\n\n\"My hope,\" Ellis said, \"is that the plant stays open.\"",
     "dana-ellis", "My hope,\" Ellis said, \"is that the plant stays open."),
    ("cue.owned_noun_that_clause",
     "The ministry of Peru spoke on Monday. The ministry's statement that the border would stay shut "
     "surprised the union.",
     "peru", "that the border would stay shut"),
    ("speaker.agent_only_of_a_passive",  # 'by' on an active verb belongs to its object: 'it' speaks
     "Veltra Corp said on Monday it has appealed a fine by the Trade Authority with the high court.",
     "veltra-corp", "a fine by the Trade Authority with the high court"),
    ("speaker.pronoun_antecedent_in_subject",  # 'It' is the subject before, not the body named in an object
     "Veltra Corp said on Monday that it has filed an appeal with the Court of Appeal, the European "
     "Union's second highest court. It accuses the Trade Authority of ignoring the evidence.",
     "veltra-corp", "the Trade Authority of ignoring the evidence"),
    ("speaker.thing_of_a_party_says_nothing",  # the curbs are Japan's, the words are the speaker's
     "Japan's trade curbs have raised concern about disrupted production, Moon Jae-in said.",
     "south-korea", "Japan's trade curbs have raised concern about disrupted production"),
    ("speaker.owner_of_described_thing",  # the report accuses: its owner speaks, not who dismissed it
     "Kenya has dismissed as biased an Amnesty International report accusing its police of killing protesters.",
     "amnesty-international", "its police of killing protesters"),
    ("speaker.nearest_of_two_subjects",  # 'a demand Chile has rejected': the parser gave two subjects
     "Bolivia still insists on a new border treaty, a demand Chile has rejected outright.",
     "chile", "a demand Chile has rejected outright."),
    ("group.reported_clause_cut",  # ... and the demand stays Bolivia's own position
     "Bolivia still insists on a new border treaty, a demand Chile has rejected outright.",
     "bolivia", "on a new border treaty"),
    ("group.relative_clause_is_described",  # the company's demand is what Unite talks about
     "At the heart of the row is what Unite says is a pay cut that the company is asking drivers to accept.",
     "unite", "At the heart of the row is what Unite says is a pay cut that the company is asking drivers to accept."),
    ("speaker.quoted_as_saying",  # the outlet quotes; the one quoted speaks
     "Veltra Corp rejected the union's demands on Monday.\n\n“The strike is illegal and the demands are "
     "impossible,” Reuters quoted Veltra spokeswoman Ana Roe as saying on Friday.",
     "veltra-corp", "The strike is illegal and the demands are impossible,"),
    ("speaker.quoted_as_saying",  # ... and a pronoun quoted stands for its person
     "Turkish President Recep Tayyip Erdogan called Russian President Vladimir Putin on Friday.\n\n"
     "“These contacts make us stronger,” the Daily Sabah quoted him as saying.",
     "turkey", "These contacts make us stronger,"),
    ("quote.said_inside_what_is_said",  # 'what Mayor Ann Lee said' inside the quote is no new speaker
     'A spokeswoman for the Riverside Tenants Union said: "A lot of what Mayor Ann Lee said we have heard time '
     'and again, but we do not think it is enough."',
     "riverside-tenants-union",
     "A lot of what Mayor Ann Lee said we have heard time and again, but we do not think it is enough."),
    ("speaker.document_from_sender",  # the letter is from Ms Roe's side, not the council's
     "The council wrote to the tenants on Monday.\n\nA letter from union president Ana Roe's solicitor to the "
     "council stated that the council had failed to give any reasons.",
     "ana-roe", "that the council had failed to give any reasons"),
    ("speaker.document_owned_before",  # 'the document' is the Amnesty report named before
     "Egypt attacked the latest Amnesty report on Monday.\n\nThe Amnesty International report was released on "
     "Tuesday. The document says that the government has jailed thousands of young people.",
     "amnesty-international", "that the government has jailed thousands of young people"),
    ("speaker.press_reports_are_nobodys",
     "The army said it had retaken the town.\n\nLatest reports said fighting continued in the hills.",
     None, "fighting continued in the hills"),
    ("group.reported_clause_cut",  # the parser hangs the first party's clause on the second's verb
     "Moscow still insists on lifting the sanctions before talking about the border, a demand Kyiv has "
     "rejected outright.", "russia", "on lifting the sanctions before talking about the border"),
    ("speaker.pronoun_not_inside_what_is_said",  # 'she' is not Mr Olsen, named in what she says
     "Anna Berg told the court the claims were false.\n\n"
     "Mr Olsen's emails showed a clear intent to mislead investors, she said.",
     "anna-berg", "Mr Olsen's emails showed a clear intent to mislead investors"),
    ("cue.raised_offer",  # raising one's own offer is a move; 'the chamber' is the Chamber of Mines
     "The Chamber of Mines met the unions on Monday.\n\nThe chamber increased its basic wage offer to 6.5% on Tuesday.",
     "chamber-of-mines", "its basic wage offer"),
    ("speaker.titled_later",  # a lead names the role, the body names the person
     "Doctors accused the government of bad faith after the health secretary claimed doctors had walked away "
     "from talks.\n\nHealth Secretary Tom Reed told the BBC that doctors had refused to move.",
     "tom-reed", "doctors had walked away from talks"),
    ("speaker.titled_later",  # two people fit the role: no one is chosen
     "Doctors accused the government of bad faith after the health secretary claimed doctors had walked away "
     "from talks.\n\nHealth Secretary Tom Reed and Health Secretary Ann Cole met the BBC.",
     None, "doctors had walked away from talks"),
    ("speaker.inverted_after_the_words",  # '...; observed X': X speaks, the words before are said
     "The Kenya National Union of Teachers met on Monday.\n\nIn any case the council should be building more "
     "schools; observed KNUT General Secretary James Orwa.",
     "kenya-national-union-of-teachers", "In any case the council should be building more schools"),
    ("group.claim_reported_is_the_move",  # the regulator's statement carries the company's claim
     "Veltra Corp met the regulator on Monday.\n\nThe regulator's statement said that Veltra Corp "
     "representatives claimed the errors were due to staff mistakes.",
     "veltra-corp", "the errors were due to staff mistakes"),
    ("speaker.raised_subject",  # the nurses, expected to strike, rejected the offer
     "The Nurses Union is expected to strike next month after rejecting a pay offer from the hospitals.",
     "nurses-union", "a pay offer from the hospitals"),
    ("speaker.raised_subject",  # forced to answer: made to, no move of his
     "The Nurses Union met on Monday.\n\nDirector Alan Smith was forced to answer questions from members.",
     None, "questions from members"),
    ("speaker.inverted_after_the_words",  # 'Said the minister: "..."': the minister named before speaks
     "Minister of Justice Ana Roe denied any plot on Monday.\n\nSaid the minister: \"I am not aware of this bill.\"",
     "ana-roe", "I am not aware of this bill."),
    ("cue.question_whether", "Senator Ann Lee questioned whether the plan would survive in court.",
     "ann-lee", "whether the plan would survive in court"),
    ("guard.deal_struck_dated",
     "On Friday, Senator Mara Quint endorsed Governor Alan Pike for the nomination.",
     "mara-quint", "Governor Alan Pike for the nomination"),
]


def contents(nlp, text: str) -> list[tuple[str | None, str]]:
    analysis = analyze(article_from_text(text), nlp)
    return [(p.actor, analysis.text[p.content.start:p.content.end]) for p in analysis.positions]


@pytest.mark.parametrize("rule, text, actor, content", ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_attributed_content(nlp, rule, text, actor, content):
    found = contents(nlp, text)
    if actor is None:
        assert not any(content in c for _, c in found), found
    else:
        assert (actor, content) in found, found


@pytest.mark.parametrize("text", [
    "The players' union rejected the league's latest offer on Friday.",
    "The rebels dismissed the government's demands for a ceasefire.",
])
def test_answered_stance_bare_noun_points_back(nlp, text):
    """cue.answered_stance: a stance noun with no clause of its own ('rejected the league's
    latest offer') is what the answer points to, not a position of its owner's."""
    analysis = analyze(article_from_text(text), nlp)
    assert len(analysis.positions) == 1, [(p.actor, p.text) for p in analysis.positions]


def test_a_participle_past_a_thing_is_the_clause_above(nlp):
    """speaker.participle_past_a_thing: 'accusing' hangs on 'reached', whose subject is a boat;
    a thing accuses nobody, so the clause above (China lodged a protest) says who."""
    analysis = analyze(article_from_text(
        "China lodged a protest on Monday after a Philippine supply boat reached the shoal, accusing "
        "Manila of violating its sovereignty."), nlp)
    assert {p.actor for p in analysis.positions} == {"china"}, [(p.actor, p.text) for p in analysis.positions]
