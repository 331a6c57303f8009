"""Actors are discovered from the article: metonyms, demonyms, titles, appositions, pronouns."""

from __future__ import annotations

import pytest
from conftest import SEED

from reader.actors import find_actors
from reader.ingest import article_from_text, read_article
from reader.pipeline import analyze


def table_for(nlp, text: str):
    article = article_from_text(text)
    doc = nlp(article.text)
    return doc, find_actors(doc, article)


def actor_of(doc, table, phrase: str) -> str | None:
    """The actor the head of the first occurrence of ``phrase`` resolves to."""
    start = doc.text.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    return table.resolve(span.root)


@pytest.fixture(scope="module")
def seed(nlp):
    article = read_article(str(SEED))
    doc = nlp(article.text)
    return doc, find_actors(doc, article)


@pytest.mark.parametrize("phrase, actor", [
    ("Moscow", "russia"),
    ("the Kremlin", "russia"),
    ("Putin", "russia"),
    ("the Russian deputy minister", "russia"),
    ("Russian Deputy Foreign Minister Sergei Ryabkov", "russia"),
    ("The government in Moss", "russia"),  # a typo rescued by fuzzy matching against known capitals
    ("The leadership in Moscow", "russia"),
    ("Washington", "united-states"),
    ("a US government spokeswoman", "united-states"),
    ("US President Joe Biden’s spokeswoman Jen Psaki", "united-states"),
    ("Psaki", "united-states"),
    ("NATO Secretary-General Jens Stoltenberg", "nato"),
    ("The G7 countries", "g7"),
])
def test_seed_mentions_resolve_to_parties(seed, phrase, actor):
    doc, table = seed
    assert actor_of(doc, table, phrase) == actor


def test_actors_are_named_as_parties_not_people(seed):
    _, table = seed
    names = {a.name for a in table.actors}
    assert {"Russia", "United States", "NATO", "EU", "G7"} <= names
    assert not names & {"Putin", "Ryabkov", "Stoltenberg", "Psaki"}
    russia = next(a for a in table.actors if a.id == "russia")
    assert {"Moscow", "Kremlin"} <= set(russia.aliases)


def test_actors_come_from_the_article_not_a_fixed_list(nlp):
    doc, table = table_for(nlp, (
        "The Unite union rejected the pay offer from Felixstowe Dock and Railway Company. "
        "Sharon Graham, Unite's general secretary, said workers deserved better. "
        "The company said the offer was fair."))
    assert actor_of(doc, table, "The Unite union") == "unite"
    assert actor_of(doc, table, "Sharon Graham") == "unite"
    assert actor_of(doc, table, "The company") == actor_of(doc, table, "Felixstowe Dock")


def test_relatives_speak_for_their_family(nlp):
    doc, table = table_for(nlp, "Dunn's mother, Charlotte Charles, said on TV that she wanted justice.")
    assert actor_of(doc, table, "Dunn's mother") == "dunn-family"


def test_learned_heads_and_other_countries(nlp):
    doc, table = table_for(nlp, (
        "Northamptonshire police wrote to the US Embassy in London. "
        "The embassy declined the request. Greek prime minister Kyriakos Mitsotakis spoke. "
        "Downing Street said nothing."))
    assert actor_of(doc, table, "The embassy") == "united-states"
    assert actor_of(doc, table, "Kyriakos Mitsotakis") == "greece"
    assert actor_of(doc, table, "Downing Street") == "united-kingdom"


def test_abbreviations_in_parentheses_are_learned(nlp):
    doc, table = table_for(nlp, (
        "The Ruritanian Liberation Front (RLF) rejected the offer. The RLF said it would wait. "
        "The RLF later agreed."))
    front = table.token_actor[next(t.i for t in doc if t.text == "Front")]
    assert [table.token_actor.get(t.i) for t in doc if t.text == "RLF"] == [front, front, front]


def test_news_agencies_are_not_parties(nlp):
    _, table = table_for(nlp, "BEIJING (Reuters) - China on Friday demanded that the sale be cancelled, Reuters said.")
    assert "reuters" not in {a.id for a in table.actors}
    _, table = table_for(nlp, "Mine row\n\nFernando Barillas, an adviser to Guatemalan president Alvaro Colom, told "
                              "Bloomberg News that there was no exact day yet.")
    assert "bloomberg-news" not in {a.id for a in table.actors}


def test_group_anaphora_and_country_bodies(nlp):
    doc, table = table_for(nlp, (
        "Hezbollah rejected the plan. The militant group's deputy leader, Naim Qassem, spoke on TV. "
        "Taiwan's Mainland Affairs Council dismissed the threats."))
    assert actor_of(doc, table, "Naim Qassem") == "hezbollah"
    assert actor_of(doc, table, "Taiwan's Mainland Affairs Council") == "taiwan"


def test_a_company_with_and_without_its_legal_suffix_is_one_party(nlp):
    doc, table = table_for(nlp, (
        "PPG Industries says disappointed\n\nPPG Industries Inc. said on Monday that AkzoNobel N.V. had rejected "
        "its proposal.\n\nPPG said AkzoNobel has once again refused to negotiate."))
    assert actor_of(doc, table, "PPG Industries Inc.") == actor_of(doc, table, "PPG Industries") == "ppg-industries"
    assert actor_of(doc, table, "AkzoNobel N.V.") == actor_of(doc, table, "AkzoNobel")


def test_a_body_the_knowledge_base_knows_is_one_party_however_the_tagger_cut_it(nlp):
    doc, table = table_for(nlp, (
        "Tamil rebels reject talks\n\nCOLOMBO - In a statement posted on their Web site, the Liberation Tigers of "
        "Tamil Eelam also refused a government proposal that negotiations take place within a limited time frame."))
    key = actor_of(doc, table, "Liberation Tigers")
    assert key == actor_of(doc, table, "Tamil Eelam") and key != "liberation-tigers"


def test_companies_and_their_people(nlp):
    doc, table = table_for(nlp, (
        "Twitter Inc on Tuesday sued Elon Musk to force him to complete the deal.\n\n"
        "Musk's lawyers said last week that the deal should be terminated. \"Twitter has not complied "
        "with its obligations,\" attorney Mike Ringler wrote.\n\n"
        "Twitter Chairman Bret Taylor said the board was committed to closing the deal."))
    assert actor_of(doc, table, "Twitter Inc") == "twitter-inc"
    assert actor_of(doc, table, "Bret Taylor") == "twitter-inc"
    assert actor_of(doc, table, "Mike Ringler") == actor_of(doc, table, "Musk's lawyers")
    names = {a.id: a.name for a in table.actors}
    assert "Mike Ringler" not in names.values()


def test_demonyms_and_capitals_the_country_packages_get_wrong_or_miss():
    from reader.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert gaz.demonyms["Indian"] == "india"  # not the British Indian Ocean Territory
    assert gaz.demonyms["Dominican"] == "dominican-republic"
    assert gaz.names["Bogota"] == gaz.names["Bogotá"] == "colombia"  # accents folded
    assert gaz.names["Sanaa"] == "yemen" and gaz.names["The Hague"] == "netherlands"
    assert gaz.names["Pristina"] == "kosovo"


# --- parties decided per entity: one row per rule, (rule, text, fragment of the position, party name)
PARTY_ROWS = [
    ("title's portfolio is no party", "Secretary of State Jane Roe said that Venezuela must release the activists.",
     "Venezuela must release", "Jane Roe"),
    ("a place is no owner", "The London-based Syrian Observatory for Human Rights said 40 people were killed.",
     "40 people", "Syrian Observatory for Human Rights"),
    ("rebels are a side", "The largest rebel council in Libya demanded that the government withdraw its troops.",
     "withdraw its troops", "Libyan rebels"),
    ("opposition is a side", "The Venezuelan opposition rejected the government's offer of talks.",
     "offer of talks", "Venezuelan opposition"),
    ("knowledge base: a leader", "Vladimir Putin said Russia acted to defend its citizens.",
     "defend its citizens", "Russia"),
    ("knowledge base: an organisation the tagger missed",
     "Human Rights Watch's Gulf director Sarah Leah Whitson said the arrests were unlawful.",
     "arrests were unlawful", "Human Rights Watch"),
    ("a member speaks for the group", '"We want our jobs back," said one protester outside the factory.',
     "jobs back", "protesters"),
    ("an unbound proper name is its own party", "Ellis said the campaign had made a mistake in Ohio.",
     "made a mistake", "Ellis"),
    ("a dateline's capital is the story's country",
     "NAIROBI: Labour Minister Jane Roe said the striking doctors must return to work on Monday.",
     "return to work", "Kenyan government"),
    ("a dateline's capital is the story's country (wire dash)",
     "LIMA, March 3 (Reuters) - Interior Minister Jane Roe said the protesters must clear the roads.",
     "clear the roads", "Peruvian government"),
    ("a domestic story's government is named by its demonym",
     "PRAGUE - The Public Affairs party threatened to quit the coalition on Tuesday.\n\n"
     "The government said the party must drop its ultimatum.", "drop its ultimatum", "Czech government"),
    ("a domestic story's government is named by its demonym, 'government' said or not",
     "PRAGUE - The Public Affairs party threatened to quit the coalition on Tuesday.\n\n"
     "Prime Minister Ivo Brandt said he rejected any ultimatum.", "rejected any ultimatum", "Czech government"),
    ("a government whose people's word is a noun is named by the country ('New Zealand government')",
     "WELLINGTON - Primary teachers rejected the pay offer on Tuesday.\n\n"
     "Education Minister Jane Roe said the teachers must accept the offer.", "must accept the offer",
     "New Zealand government"),
    ("a title the tagger took into a name at a sentence's start is no part of it",
     "Lawyer Anna Berg told the court the claims were false and must be withdrawn.", "must be withdrawn",
     "Anna Berg"),
    ("a government English names by its country keeps that name, not an awkward demonym",
     "FREETOWN - The main opposition party demanded a rerun of the election on Monday.\n\n"
     "The government said a rerun is unconstitutional.", "a rerun is unconstitutional", "Sierra Leone government"),
    ("a capitalised word of a title is no body ('Union Health Minister' is no trade union)",
     "Union Health Minister Mansukh Mandaviya on Tuesday urged protesting doctors to call off their strike.\n\n"
     "Dr. Manish, the president of the Federation of Resident Doctors' Association (FORDA), said the strike "
     "is still on.", "call off their strike", "Mansukh Mandaviya"),
    ("a body's name the tagger cut at 'and' is one name",
     "The Kenya Medical Practitioners Pharmacists and Dentists' Union said the strike would go on.\n\n"
     "The union refused the time limit placed by the court order.", "refused the time limit",
     "Kenya Medical Practitioners Pharmacists and Dentists' Union"),
    ("a named body's rebels are that body, and so are 'the rebels' after them",
     "Colombia's FARC rebels said on Wednesday the ceasefire would end unless the government agreed to a truce."
     "\n\nThe rebels said the government must also lay down its arms.", "must also lay down its arms", "FARC"),
    ("a place the gazetteer does not know names a group of its people ('Bougainville leaders')",
     "The government presented its autonomy plan on Monday.\n\n"
     "At the meeting in Buka, Bougainville leaders rejected the plan outright.", "rejected the plan outright",
     "Bougainville leaders"),
    ("a country's people named by its demonym are a group, not its government",
     "Kenyan doctors said the strike would go on until the government paid them.", "strike would go on",
     "Kenyan doctors"),
    ("a country's union is the union the story names, not the country",
     "Kenya's doctors union announced last week that the strike would continue as long as needed.\n\n"
     "Leaders of the Kenya Medical Practitioners Pharmacists and Dentists' Union (KMPDU) refused the time limit.",
     "strike would continue", "Kenya Medical Practitioners Pharmacists and Dentists' Union"),
    ("a company's board speaks for the company",
     "Chiquita Brands International Inc. shareholders met on Friday.\n\n"
     "Chiquita's Board said the rival offer was not superior and must be rejected.", "must be rejected",
     "Chiquita Brands International"),
    ("a judge speaks for the court the story names",
     "The Employment and Labour Relations Court ordered an end to the strike.\n\n"
     "Justice Hellen Wasilwa said the five days were not for negotiation.", "not for negotiation",
     "Employment and Labour Relations Court"),
    ("a body's first word before 'and' that the tagger left out is part of its name",
     "The Employment and Labour Relations Court ordered doctors to end the strike within five days.",
     "end the strike within five days", "Employment and Labour Relations Court"),
    ("a domestic story's government keeps the country-name form the story uses",
     "LILONGWE - The Malawi government said on Monday that striking teachers must return to work.\n\n"
     "The teachers' union rejected the order.", "return to work", "Malawi government"),
    ("a domestic story names its government as the story does",
     "WASHINGTON - Nine states sued the Obama administration on Tuesday. The White House said the states "
     "must withdraw the lawsuit.", "withdraw the lawsuit", "Obama administration"),
    ("a story of two countries keeps the country's name",
     "The Obama administration said China must stop its unfair trade practices. Beijing rejected the demand.",
     "Beijing rejected", "China"),
    ("a document speaks for who issued it, not for the last speaker",
     "The United Auto Workers sent a letter to General Motors on Monday. General Motors said it would "
     "study the letter.\n\n\"We demand a meeting within a week,\" the letter said.", "meeting within a week",
     "United Auto Workers"),
    ("a complaint speaks for who filed it",
     "Greenpeace filed a complaint against Shell in a Dutch court. Shell rejected the accusations on Tuesday."
     "\n\n\"The company must cut its emissions,\" the complaint said.", "cut its emissions", "Greenpeace"),
    ("a spokesperson for a plural body speaks for it",
     "Maureen Schriner, a spokeswoman for the hospitals, said the offer was fair.", "offer was fair", "hospitals"),
    ("'she' after 'Jane Roe, a spokeswoman for X' is Jane Roe",
     "Maureen Schriner, a spokeswoman for Acme Corp, said the offer was fair. She accused the union of lying.",
     "accused the union", "Acme Corp"),
    ("a group is the body that represents it",
     "The Minnesota Nurses Association, which represents 12,000 nurses, said the hospitals must hire more "
     "staff. Nurses voted to strike on Monday, rejecting the offer.", "rejecting the offer",
     "Minnesota Nurses Association"),
    ("a name before a title and a person is a body, whatever the tagger says",
     "Amey chief executive Mike Pocock said the offer was full and fair.", "full and fair", "Amey"),
    ("an office named by a title and a country is the country",
     "The U.S. Trade Representative said China must change its trade policies.", "must change", "United States"),
    ("a company described by its country is the company",
     "German carmaker Volkswagen said it would appeal the ruling.", "appeal the ruling", "Volkswagen"),
    ("a public body named with its country speaks for the country",
     "Taiwan's Mainland Affairs Council said China must stop the drills.", "stop the drills", "Taiwan"),
    ("a company before a title and a person is the company",
     "Boeing CEO Dave Calhoun said the union must accept the offer.", "must accept", "Boeing"),
    ("a portfolio before a title is part of the title",
     "LONDON - Health Secretary Steve Barclay said the nurses must accept the offer.", "must accept",
     "UK government"),
    ("an abbreviation spelled by a name that ends in a place is the body, not the place",
     "Militants reject talks\n\nDelta state governor James Ibori said talks would start soon.\n\n"
     "\"The hostages are going nowhere,\" militants of the Movement for the Emancipation of the Niger Delta (MEND) "
     "said.\n\n\"The government is not interested in a lasting solution,\" MEND said.", "not interested",
     "Movement for the Emancipation of the Niger Delta"),
    ("a headline name run into the next word is the name; its full form later finds its party",
     "Saakashvili Gives ‘Last Chance’ to Abashidze\n\nPresident Saakashvili demanded that Aslan Abashidze disband "
     "his forces.\n\nMikheil Saakashvili said that Abashidze should disband his illegal armed groups.",
     "illegal armed groups", "Georgia"),
    ("a ministry's spokesman with no country named speaks for the story's country",
     "Iran rejects European proposal\n\nForeign Minister Kamal Kharrazi said the proposal had no value.\n\n"
     "A Foreign Ministry spokesman said Sunday the proposal was unacceptable.", "was unacceptable", "Iran"),
    ("a dateline says the story's country better than a word before the headline's subject",
     "China incursion reports a misrepresentation\n\nNEW DELHI: The government on Monday refuted reports of "
     "Chinese troops making an incursion.\n\nA Defence Ministry spokesman described the reports as "
     "misrepresentation.", "misrepresentation.", "India"),
    ("an ally of a country is no official of it",
     "Japan refuses to withdraw troops\n\n\"The Self-Defence Forces will not withdraw,\" Prime Minister Junichiro "
     "Koizumi, a staunch US ally, said on Sunday.", "will not withdraw", "Japan"),
    ("a point of the compass alone is the one country named from it",
     "North Korea rejects demand\n\nNorth Korea on Friday rejected South Korea's demand for an apology.\n\n"
     "\"The South should understand that its demand can never work,\" the North's top military body said.",
     "can never work", "North Korea"),
    ("a portfolio of two words before a title is part of the title",
     "US rejects Taliban claim\n\nThe Taliban said bin Laden was missing.\n\n\"We are not going to be deterred by "
     "comments that he may be missing,\" said National Security Adviser Condoleezza Rice.", "not going to be deterred",
     "US government"),
    ("a body named only by its noun is a party",
     "The league said it was willing to return to the negotiating table.", "willing to return", "the league"),
    ("a member's title names a body found later",  # the union is a group found after the people
     "Teachers threaten strike\n\nThe teachers' union has threatened to strike over pay.\n\n"
     "\"We are tired,\" union secretary Sam Otto said.", "We are tired", "teachers"),
    ("a member's title names a body found later: sentence-initial noun tagged a name",
     "The drivers rejected the offer from City Buses.\n\n"
     "Company spokeswoman Ana Roe said the offer was final.", "was final", "City Buses"),
    ("bloc: an adjective's own modifier first",  # "least developed" is no "developed"
     "The least developed countries demanded more money for adaptation.", "more money", "developing countries"),
    ("bloc: rich nations", "Rich nations rejected a binding target for aid.", "binding target",
     "developed countries"),
    ("an official of a place that is no country speaks for the place",
     "Eliot Spitzer, the New York state attorney general, said the rules were unlawful.",
     "were unlawful", "New York"),
    ("a collective qualified by a region is a party", "Gulf states rejected the new oil quota on Monday.",
     "new oil quota", "Gulf states"),
    ("a place owning the first subject is the story's home when no country opens it",
     "Workers walk out\n\nTORONTO - Ontario's 55,000 education workers walked off the job on Friday after "
     "talks with the provincial government broke down.\n\n"
     "Health Minister Sylvia Jones said the strike was unacceptable.", "unacceptable", "Ontario"),
    ("a demonym the country packages lack", "The Philippine coast guard rejected the accusation on Monday.",
     "rejected the accusation", "Philippines"),
    ("a body that calls itself by a name is that name",
     "Gunmen seized three aid workers on Monday.\n\nThe group, which calls itself the Front for the "
     "Liberation of the Sahel, demanded a ransom of 5 million euros.", "ransom",
     "Front for the Liberation of the Sahel"),
    ("a common noun before a name describes it",
     "The Front for the Liberation of the Sahel seized three aid workers.\n\n"
     "The aid group Save the Children appealed for the workers' release.", "appealed", "Save the Children"),
    ("kidnappers are a side", "Gunmen holding three aid workers have demanded a ransom for their release.",
     "demanded a ransom", "gunmen"),
    ("'Press' before a title is part of the title",
     "WASHINGTON - The House committee issued a subpoena on Tuesday.\n\nThe White House said it would "
     "fight the subpoena. Press secretary Sarah Sanders called the inquiry \"a waste of time\" and accused "
     "Democrats of trying to relitigate the report.", "waste of time",
     "US government"),
    ("the claimants are whoever sued",
     "Acme Holdings has sued the city of Springfield over its rent freeze.\n\n"
     "The claimants said they were owed compensation by the city.", "owed compensation", "Acme Holdings"),
    ("a lawsuit speaks for whoever filed it",
     "Acme Holdings filed a lawsuit against the city of Springfield on Monday.\n\n"
     "The lawsuit states that the rent freeze is unconstitutional.", "unconstitutional", "Acme Holdings"),
    ("a club's name without its suffix, and 'the club', are the club",
     "The league fined Ravenhill FC 50,000 pounds on Wednesday.\n\n"
     "Ravenhill owner Dave Carter said the club would appeal.", "would appeal", "Ravenhill FC"),
    ("a cue verb in a headline ends a name",
     "Veltra Appeals Second Trade Fine\n\nVeltra said on Tuesday it has appealed the fine.",
     "appealed the fine", "Veltra"),
    ("a title inside what the tagger took for one organisation",
     "Last night, Richmond Mayor Stuart Parsons said he was ashamed and disappointed at the council.",
     "ashamed and disappointed", "Stuart Parsons"),
    ("a possessor known by its head noun",
     "Zambia's Ministry of Commerce said it would appeal.\n\nIn a statement, the ministry's spokesperson vowed "
     "countermeasures against Malawi.\n\nA Malawian government spokesperson said the tariffs were fair.",
     "vowed countermeasures", "Zambia"),
    ("the players' union is not the league's",
     "NFL and NFL Players Union dig in\n\nThe NFL and the NFL players' union exchanged barbs on Monday.\n\n"
     "The union said the offer was an insult. The NFL said it would not raise the offer.",
     "the offer was an insult", "NFL Players Union"),
    ("the league is not its players' union",
     "NFL and NFL Players Union dig in\n\nThe NFL and the NFL players' union exchanged barbs on Monday.\n\n"
     "The union said the offer was an insult. The NFL said it would not raise the offer.",
     "would not raise the offer", "NFL"),
    ("counsel speaks for the client named after 'for'",
     "Veltra Corp sued Brightline Ltd in the High Court.\n\nAnna Roe, for Veltra Corp, said the contract was void.",
     "the contract was void", "Veltra Corp"),
    ("counsel speaks for a client the tagger missed",
     "The case resumed on Monday.\n\nFor Mongoose, Zane Kennedy said the allegations were false.",
     "the allegations were false", "Mongoose"),
    ("a government named by its leader",
     "Guyana said on Sunday that the vote was legal.\n\nThe Nicolas Maduro government said the vote was illegal.",
     "the vote was illegal", "Venezuela"),
    ("a party's title before a name parsed as a second subject",
     "“The plan is dead,” the Green’s chief whip Irene Mihalic said on Wednesday.", "The plan is dead", "Green"),
    ("a manager speaks for the company", "City Buses manager Tom Reed said the offer was final.",
     "the offer was final", "City Buses"),
    ("capitalised words after a word for a body name it",
     "The pressure group War on Want says mining firms must clean up their sites.", "must clean up", "War on Want"),
    ("a demonym opening a body's name still names the country",
     "The Philippine Coast Guard said the manoeuvres were dangerous.", "were dangerous", "Philippines"),
    ("a person speaks for the body they head",
     "Zimbabwe's main opposition party called for a rerun.\n\nBut Nelson Chamisa, a lawyer who heads the "
     "Citizens Coalition for Change, rejected the results as a sham.",
     "rejected the results", "Citizens Coalition for Change"),
    ("a private title is no official of the story's country",
     "Britain's football league changed its rules.\n\nManaging director Ian Marsh said the clubs had been railroaded.",
     "railroaded", "Ian Marsh"),
    ("a country someone sides with is not who speaks",
     "Pro-Russia separatists in the city rejected the offer of amnesty.", "rejected the offer", "rebels"),
    ("an honorific opens a person's name", "SunRRA president Darlene Reilly spoke on Monday.\n\n"
     "Ms Reilly said she had never been ejected from a council meeting.", "never been ejected", "SunRRA"),
    ("initials spelled with an acronym kept whole",
     "Talks between the AFL and the AFL Players' Association broke down on Monday.\n\n"
     "The AFLPA said the league's latest offer was an insult.", "was an insult", "AFL Players' Association"),
    ("a body after 'title of the' is no portfolio",
     "The general secretary of the Irish Nurses' Organisation, Mr Liam Doran, said the offer was an insult.",
     "the offer was an insult", "Irish Nurses' Organisation"),
    ("one capitalised word after a word for a body names it",
     "The regulator on Monday rejected an application submitted by national electricity utility Eskom.\n\n"
     "Acting Eskom CEO Brian Molefe said recently that South Africans have to choose between tariff hikes "
     "and power cuts.", "have to choose", "Eskom"),
    ("a side named by its plural: objectors, ratepayers, consumers",
     "The council approved the quarry on Monday.\n\nObjectors said the quarry would ruin the valley.",
     "would ruin the valley", "objectors"),
    ("organisations and NGOs are a side named by their plural",
     "Some 20 organisations are calling on the government to set a timeframe for the new law.",
     "set a timeframe", "organisations"),
    ("capitalised words spelling the abbreviation after them name one body",
     '"No rebel movement can accept to disarm before a settlement," said Mr Ali Osman, secretary-general of '
     'the rebel Justice and Equality Movement (JEM), speaking by telephone.', "accept to disarm",
     "Justice and Equality Movement"),
    ("a named police force is a side of its own",
     "Amnesty International accused the police of killing protesters.\n\nIn response, the Nigeria Police Force "
     "dismissed Amnesty's claims as baseless.", "dismissed Amnesty's claims", "Nigeria Police Force"),
    ("a named regulator is a side of its own",
     "South Africa's National Energy Regulator (NERSA) on Monday rejected an application submitted by the utility "
     "Eskom to raise tariffs.", "rejected an application", "National Energy Regulator"),
    ("a police title is no police force", "Northamptonshire Police and Crime Commissioner Stephen Mold urged the "
     "US to waive her immunity.", "waive her immunity", "Northamptonshire Police"),
    ("a demonym of two words", "The South African president urged Namibia to lift the levy.",
     "lift the levy", "South Africa"),
    ("a dateline that is no capital gives no country",
     "UPDATE: Minister Jane Roe said the protesters must clear the roads.",
     "clear the roads", "Jane Roe"),
    ("a company named after a country is no country",
     "The regulator fined the carrier.\n\nAir India on Wednesday rejected the fine imposed by the regulator.",
     "rejected the fine", "Air India"),
    ("a body 'of' a country is no country",
     "However, a Boxing Federation of India (BFI) spokesperson said the boxers would be paid next month.",
     "would be paid", "Boxing Federation of India"),
    ("'the teachers union' is the teachers' union the story names",
     "The district sued the Chicago Teachers Union on Monday to stop a strike."
     "\n\nThe teachers union is seeking a salary raise of 10 percent.", "seeking a salary raise",
     "Chicago Teachers Union"),
    ("'the dockworkers union' is no employers' association the story names",
     "The Pacific Maritime Association locked out workers on Monday.\n\nThe dockworkers union said the lockout "
     "was illegal.", "the lockout was illegal", "dockworkers"),
    ("a minister with no country named speaks for the story's government",
     "The union rejected the government's offer.\n\n\"The strike is simply ridiculous,\" Minister for Education "
     "and Training Jeremy Rockliff said.", "simply ridiculous", "the government"),
    ("an official speaks for the body whose move they report, not the person named before",
     "Zarif slams US sanctions\n\nThe Russian Foreign Ministry condemned Washington's sanctions on Iranian top "
     "diplomat Mohammad Javad Zarif, Deputy Foreign Minister Sergei Ryabkov told a briefing on Monday.\n\n"
     "\"We certainly condemn the move,\" Ryabkov said.", "certainly condemn", "Russia"),
    ("a person speaks for the body a relative clause says they lead",
     "Egypt's president Mohamed Morsi offered dialogue.\n\nMohamed ElBaradei, who leads the opposition National "
     "Salvation Front, said the speech was the opposite of an admission.", "the opposite of an admission",
     "National Salvation Front"),
    ("the body of an organisation's members is its own party, named by its initials where the story has them",
     "The NFLPA said on Monday the talks had failed.\n\nThe NFL players association accused the league on "
     "Tuesday of hiding revenue.", "hiding revenue", "NFLPA"),
    ("the body of an organisation's members is no part of the organisation",
     "The Boeing machinists union accused the company of bad faith.", "bad faith", "Boeing machinists union"),
    ("a former officer speaks for himself, not the body he served",
     "Matthew Michaels, 34, a former McPherson patrol officer, filed a lawsuit claiming the city fired him "
     "unlawfully.", "claiming the city fired him", "Matthew Michaels"),
    ("an investor speaks for himself, not the company",
     "Farooq Khan, a major Biota investor, said he would call a general meeting.", "call a general meeting",
     "Farooq Khan"),
    ("a rival of the party named is still of it",
     "Bio narrowly avoided a run-off against main rival Samura Kamara of the opposition All People's Congress.\n\n"
     "However, Kamara has rejected the official tally.", "rejected the official tally", "All People's Congress"),
    ("the members' union is the body the story names by initials of another word",
     "The NHLPA has warned agents.\n\nThe NHL players' union rejected two league proposals on Monday.",
     "rejected two league proposals", "NHLPA"),
    ("a nationality and a body's initials stand for the body named with that nationality",
     "The head of the Palestinian Football Association was banned by FIFA on Friday.\n\nThe Palestinian FA "
     "called the ruling biased.", "called the ruling biased", "Palestinian Football Association"),
    ("a nationality and a word for a body stand for the body named with that nationality",
     "The head of the Palestinian Football Association was banned by FIFA on Friday.\n\nThe Palestinian body "
     "said the complaint had no basis.", "had no basis", "Palestinian Football Association"),
    ("a leader named by title alone is no official of the story's country",
     "Nicaragua's government signed the truce.\n\n\"We have found that the agreement is not permanent,\" "
     "contra leader Alfredo Cesar said.", "is not permanent", "Alfredo Cesar"),
    ("a lawsuit speaks for the side it is from, not for whoever criticised it",
     "Rosemont Copper has criticized a lawsuit from the opposition group Valley Coalition that challenged a "
     "state permit.\n\nThe lawsuit, filed last Wednesday, says the state agency failed to consider the group's "
     "concerns.", "failed to consider", "Valley Coalition"),
    ("a body named only by description keeps the story's word for it",
     "The union is claiming a pay rise.\n\nOn Monday evening, the employers said they had increased their offer.",
     "increased their offer", "the employers"),
    ("a region is named by its own name, not the adjective of its country",
     "Authorities in the separatist Georgian region of South Ossetia said Saturday that two mortar shells had "
     "been fired into the territory.", "two mortar shells", "South Ossetia"),
    ("a spokesman for one of a country's rebel factions speaks for the rebels",
     "But a spokesman for one of Sudan's rebel factions said the proposal does not address their key demands.",
     "does not address", "Sudanese rebels"),
    ("a newspaper the tagger reads as a person or a speaker is no party",
     "Environment Minister Melissa Price approved the plans, The Sydney Morning Herald reported.\n\n"
     "\"I have accepted the scientific advice,\" she said.", "accepted the scientific advice",
     "Melissa Price"),
    ("a university's head speaks for no government",
     "Students protested against the fee hike.\n\n\"In fact, I am saving the university,\" said "
     "Vice-Chancellor Sangita Shrivastava.", "saving the university", "Sangita Shrivastava"),
    ("a capital before a club only places it",
     "Manchester United rejected a bid from Chelsea FC for Wayne Rooney.\n\nThe London club said it had offered "
     "20 million pounds for the striker.", "offered 20 million pounds", "Chelsea FC"),
    ("a newspaper is no party, its source is",
     "According to The Jakarta Post, the union rejected the offer on Monday.", "rejected the offer", "the union"),
    ("a name's middle word is that person, not a namesake the knowledge base knows",
     "The Free Aceh Movement (GAM) rejected the offer.\n\n\"We will not accept such a motion,\" GAM commander "
     "Tengku Abdullah Syafi'ie said.\n\n\"We don't need any security guarantees from a lying government,\" "
     "Abdullah said.",
     "security guarantees", "Free Aceh Movement"),
    ("two demonyms in a row name a community, not the first one's state",
     "Turkish-Cypriot leader Rauf Denktash said he had no intention of resuming negotiations on the plan.",
     "no intention of resuming", "Turkish Cypriots"),
    ("a plural second demonym names the same community",
     "Turkish Cypriot leader Rauf Denktash spoke.\n\n\"Turkish Cypriots will not bow to this pressure,\" he said.",
     "will not bow", "Turkish Cypriots"),
    ("a community the knowledge base does not know is a group of its own",
     "Greek Cypriot negotiators rejected the proposal on Monday.", "rejected the proposal", "Greek Cypriots"),
    ("two demonyms before a word of relations name two sides, no community",
     "Chinese Foreign Ministry spokeswoman Hua Chunying said Chinese-Indian relations have been developing well.",
     "developing well", "China"),
    ("a state office's initials after a country are that country",
     "India announced a suspension. The Prime Minister's Office of Pakistan answered.\n\n"
     "\"We reject the announcement,\" the Pakistan PMO said.", "We reject the announcement", "Pakistan"),
    ("a state office's initials are the country the office stands for",
     "The Ministry of Foreign Affairs of Japan summoned the envoy.\n\n\"This is unacceptable,\" a MOFA "
     "spokesman said.", "This is unacceptable", "Japan"),
    ("a party's initials are no state office",
     "South Africa's ruling African National Congress faces a vote.\n\n\"We reject the claim,\" the ANC said.",
     "We reject the claim", "African National Congress"),
    ("a union title serving a body's workers speaks for the union, not the employer",
     "Firefighters Union 3631 rejected a final contract offer from the Orange County Fire Authority.\n\n"
     "\"It's not acceptable,\" Stan Young, chief union negotiator for the Fire Authority's 724 workers, said.",
     "not acceptable", "Firefighters Union 3631"),
    ("a place a title is found in says where, not whose",
     "\"We will ignore the evaluations,\" said Norma Cruz Vazquez, a union representative in the southern state "
     "of Oaxaca.", "ignore the evaluations", "Norma Cruz Vazquez"),
    ("'who called for' names nobody: the speaker is the described group",
     "Workers rejected the latest offer from BHP.\n\nThe deal came after days of negotiations with union "
     "representatives, who had called for a strike due to violations committed by BHP.\n\nThe union said on "
     "Thursday the measures were insufficient.", "called for a strike", "the union"),
    ("a domestic story's government named by its seat more than by its country is shown by the seat",
     "The House Judiciary Committee demanded the records.\n\nThe White House refused. \"The White House records "
     "remain protected,\" White House counsel Pat Cipollone said.", "remain protected", "White House"),
    ("a lawyer who represents a client speaks for the client, not the firm",
     "The committee subpoenaed Donald McGahn.\n\nWilliam Burck of Quinn Emanuel Urquhart & Sullivan, who "
     "represents McGahn, said he would not comply with the subpoena.", "would not comply", "Donald McGahn"),
    ("a name ending in a body word that the tagger took for a law is a body",
     "Employees have suffered as much as employers, said the Labour Law Reform Coalition.",
     "Employees have suffered", "Labour Law Reform Coalition"),
    ("a coalition of unions is the coalition the story names, not its members",
     "A coalition of trade unions and workers' organisations in Malaysia has said that the wage hike should be "
     "implemented.\n\nEmployees have suffered as much as employers, said the Labour Law Reform Coalition.",
     "should be implemented", "Labour Law Reform Coalition"),
    ("a title cut in three by the tokenizer still names a speaker",
     "Employees have suffered, said the Labour Law Reform Coalition.\n\n\u201cMEF should not exaggerate the "
     "employers\u2019 suffering,\u201d said the coalition\u2019s co-chairmen, N Gopal Kishnam and Irene Xavier, "
     "in a statement.", "should not exaggerate", "Labour Law Reform Coalition"),
    ("a body's one-word title is the body the story names in full",
     "The appellate telecom tribunal, TDSAT on Friday dismissed Reliance Infocomm's petition.\n\nThe Tribunal "
     "said the breach had put the security of the nation in jeopardy.", "security of the nation", "TDSAT"),
    ("a post-posed 'it said' goes on with the body that spoke just before, not the clause's subject",
     "Japan's Foreign Ministry said the vessels were armed.\n\nThe Chinese fleet has not intruded in Japanese "
     "territorial waters so far, it said.", "has not intruded", "Japan"),
    ("the one who summons envoys to protest makes the move",
     "Japan summoned Chinese diplomats on Saturday to protest.", "to protest", "Japan"),
    ("a second speaker joined with 'and' is a position of their own, even when parsed inside the first",
     "New Zealand Prime Minister Jacinda Ardern said on Monday it was a \u201cpotential militarisation of the "
     "region\u201d, and Australia\u2019s defence minister Peter Dutton said Canberra would be concerned.",
     "potential militarisation", "New Zealand"),
    ("a country that speaks only through its military is shown as that military",
     "The Sudanese army accused the RSF of violating the ceasefire.\n\nThe Rapid Support Forces (RSF) accused "
     "the army of attacking its positions.", "violating the ceasefire", "Sudanese army"),
    ("a country whose government also speaks keeps its name",
     "The Israeli military said the toll included militants.\n\nIsraeli Prime Minister Benjamin Netanyahu "
     "rejected the plan.", "the toll included", "Israel"),
    ("a title 'of' a body speaks for that body, whoever the title stood for before",
     "Conservative leader of the opposition, Cllr Simon Minas-Bound, called out the Basingstoke and Deane Borough "
     "Council administration.\n\nNow, the leader of the council has responded, telling the Gazette that this is "
     "\"total scaremongering from the Conservatives\".", "total scaremongering", "the council"),
    ("a body named after 'chief executive of' is a body, not a portfolio",
     "Chris Hopson, chief executive of NHS Providers, called for a tougher government approach.",
     "tougher government approach", "NHS Providers"),
    ("a businessman's nationality is not his party",
     "\"We have made a fair offer,\" American billionaire Stan Kroenke said.", "fair offer", "Stan Kroenke"),
    ("'the American' alone is the person the story described as American",
     "Supporters are told not to sell to American billionaire Stan Kroenke.\n\nThe American now controls 63 "
     "percent of Arsenal and said he would make an offer for the remaining shares.", "63 percent", "Stan Kroenke"),
    ("a letter with no named sender speaks for the party that spoke two paragraphs before",
     "The Football Association of Zambia (FAZ) suspended the coach.\n\nFAZ secretary general Adrian Kashala "
     "announced the suspension of Chipepo.\n\nChipepo has been given time to respond.\n\n\u201cThe action of your "
     "coach is in total contravention of the FAZ constitution,\u201d the letter reads in part.",
     "total contravention", "Football Association of Zambia"),
    ("a company's name without its suffix is the company, even when it starts with a nationality",
     "Canadian Royalties Inc. said its board would meet.\n\nCanadian Royalties urged its shareholders to reject "
     "the offer.", "urged its shareholders", "Canadian Royalties Inc."),
    ("a name after a word for a big company is that company, not a person of its country",
     "Swiss major Holcim, which has a controlling stake in ACC, today said it would challenge the order.",
     "challenge the order", "Holcim"),
    ("an abbreviation spelled by a body's name that ends 'in' a country is the body",
     "The players sent a letter to the Board of Control for Cricket in India (BCCI).\n\nThe BCCI rejected the "
     "demand outright.", "rejected the demand", "Board of Control for Cricket in India"),
    ("'he said' after a quote of two sentences reaches back from where the quote begins",
     "Foreign Affairs Minister Olivier Nduhungirehe said the embassy would close. He stated that all Rwandan "
     "diplomats must return within 48 hours.\n\nThe announcement came in response to Belgian Foreign Minister "
     "Maxime Pr\u00e9vot, who condemned Rwanda\u2019s decision. \u201cBelgium regrets the decision of Rwanda to cut "
     "off diplomatic relations. This is disproportionate,\u201d he said.", "This is disproportionate", "Belgium"),
    ("a company named by its country is the story's company, not the country",
     "Regulators asked ARC Automotive to recall 67 million inflators.\n\nThe US company said the findings were "
     "wrong.", "findings were wrong", "ARC Automotive"),
    ("a demonym before 'company' only places it",
     "The chairman of Repsol said Friday that the company is open to fair compensation.\n\n"
     "The Spanish company said it lost $10 billion.",
     "lost $10 billion", "Repsol"),
    ("where a company is listed or who owns it makes it no one else's voice",
     "Tanzania sent Acacia Mining a tax bill.\n\nThe firm said it received a notice on Monday.\n\n"
     "The London-listed company said it disputes the assessments.", "disputes the assessments", "Acacia Mining"),
    ("'the company' after 'the firm' is the company 'the firm' was, not a mine named between them",
     "Tanzania sent Acacia Mining a tax bill.\n\nThe firm said it received a notice on Monday.\n\n"
     "It owes $40 billion from its Buzwagi mine, the government said.\n\n"
     "The company said it was considering all of its options.", "considering all of its options", "Acacia Mining"),
    ("a portfolio in a title's 'of' phrase names no party, even one the headline named",
     "Labour begins nationwide strike over minimum wage\n\nThe Nigeria Labour Congress has directed all its "
     "members to begin a nationwide strike on Thursday to demand an upward review of the minimum wage.\n\n"
     "A meeting held with the Minister of Labour and Employment, Chris Ngige, in Abuja on Wednesday, ended in a "
     "deadlock.\n\nNgige told journalists that the committee would resume negotiations on October 4.",
     "resume negotiations", "Chris Ngige"),
    ("'union Vereinigung Cockpit' teaches what 'their labour union' said before it",
     "Pilots to go on strike at Lufthansa\n\nPilots at German airline Lufthansa will go on strike on Wednesday "
     "in a pay dispute, their labour union said on Monday.\n\nThe strike, the 14th in the row between union "
     "Vereinigung Cockpit (VC) and Lufthansa, will run for 24 hours, VC said in a statement.",
     "go on strike on Wednesday", "Vereinigung Cockpit"),
    ("'the union' is the union a noun introduced, not the workers a later 'pilots' union' names",
     "Pilots to go on strike at Lufthansa\n\nThe strike, the 14th in the row between union Vereinigung Cockpit "
     "(VC) and Lufthansa, will run for 24 hours, VC said.\n\nThe union is calling for a 3.7 per cent pay "
     "increase for 5,400 pilots.\n\nLufthansa said the pilots' union had refused its offer.",
     "3.7 per cent", "Vereinigung Cockpit"),
    ("a sport's name before a country names its governing body, not the country",
     "Indian hockey players boycott camp\n\nNarendra Batra, the treasurer of Hockey India, claimed that the "
     "players were trying to blackmail the federation.", "blackmail the federation", "Hockey India"),
    ("capitalised words the tagger left out of a country's name name a body with it, not the country",
     "Glen Innes protest\n\nPolice arrested three people.\n\nHousing New Zealand has also said protesters were "
     "intimidating state housing tenants.", "intimidating state housing", "Housing New Zealand"),
    ("a body's name that ends in a country's name is the body, however the tagger parsed it",
     "Live cattle exports\n\nIndustry group, Meat & Livestock Australia (MLA), said under its plan cattle would "
     "only be supplied to 25 accredited slaughter houses.", "25 accredited", "Meat & Livestock Australia"),
    ("a one-word name that starts a body's name is the body, not a person of its own",
     "Plant fined\n\nKaiser Aluminum was fined $533,000 this week.\n\nKaiser claims that only the judge has the "
     "authority to assess an actual penalty.", "authority to assess", "Kaiser Aluminum"),
    ("a one-word name is a person's when a person the story names bears it",
     "Plant fined\n\nKaiser Aluminum was fined $533,000 this week.\n\nUnion leader Tom Kaiser criticised the "
     "company.\n\nKaiser said the penalty was far too low.", "far too low", "Tom Kaiser"),
    ("a body named once with a side's word as the subject is what a later bare side word stands for",
     "Peace plan\n\nThe government unveiled a plan to end the war.\n\nThe TPLF rebels dismissed the committee's "
     "call as an obfuscation.\n\nThe rebels want a return of basic services in the region.",
     "return of basic services", "TPLF"),
    ("a name with a country in it that the knowledge base knows as rebels is that side, not the country",
     "Ceasefire suspended\n\nThe 2016 peace pact led to the disarmament of the Revolutionary Armed Forces of "
     "Colombia (FARC) guerrilla group.\n\nThe group said the decree cannot be accepted as an agreement.",
     "cannot be accepted", "Revolutionary Armed Forces of Colombia"),
    ("two rebel groups the knowledge base knows are two parties, each named as the story names it",
     "Colombia talks\n\nThe National Liberation Army (ELN) said it had not discussed any ceasefire with the "
     "government.\n\nThe Revolutionary Armed Forces of Colombia (FARC) said the peace process was in the hands "
     "of the president.", "not discussed any ceasefire", "National Liberation Army"),
    ("a given name the tagger left out of a person's name is part of it when the knowledge base knows them",
     "Truce\n\nRenamo agreed to a truce.\n\n\"I called the President of the Republic, Filipe Nyusi,\" Dhlakama "
     "said.\n\nNyusi told reporters on Monday that he was encouraged by the conversation.",
     "was encouraged", "Mozambican government"),
    ("a body's name set in capitals where the story also writes it plainly is that body",
     "Truce\n\nRenamo agreed to a truce on Monday.\n\nRENAMO said it would not disarm.", "not disarm", "Renamo"),
    ("the government of a place that is no country is a side of its own",
     "Drug trial row\n\nKano claims the drug test led to deaths.\n\nThe Queensland government rejected the union's "
     "demand.", "union's demand", "Queensland government"),
    ("a place's government named with 'state' lends its name to the place's other mentions",
     "Drug trial row\n\nAuthorities in Kano state have pulled out of negotiations.\n\nKano's justice commissioner "
     "Aliyu Umar said the state would not hold talks with Pfizer.\n\nKano claims the drug test led to the deaths of "
     "11 children.", "deaths of 11 children", "Kano state government"),
    ("a place tagged as a person before 'government' is a place's government",
     "Doctors' strike\n\nThe Tamil Nadu government said it would not negotiate with the striking doctors.",
     "not negotiate", "Tamil Nadu government"),
    ("a body the knowledge base knows is named without the 'The' that starts a sentence",
     "Strike talks\n\nBoeing refused to resume negotiations with its largest union on Friday.\n\n\"The Boeing "
     "negotiating team has done everything possible to craft an offer,\" the company said.",
     "everything possible", "Boeing"),
    ("a body's word and a name after 'of' that the tagger split are one body",
     "Kidnapping\n\nThe shadowy Army of Islam has claimed to be holding the veteran newsman.",
     "holding the veteran newsman", "Army of Islam"),
    ("a person's name before 'government' is no place's government",
     "Row\n\nThe Nawaz Sharif government rejected the plan on Monday.\n\nSharif said the plan was unfair.",
     "rejected the plan", "Sharif government"),
    ("a country's own name after 'of' stays the country",
     "Border row\n\nThe Kingdom of Saudi Arabia said the border would stay closed.", "stay closed", "Saudi Arabia"),
    ("counsel 'led by' a name speak for the client who owns them",
     "Court rejects bid\n\nSunday Igboho filed a suit against the government.\n\nThe motion was opposed by "
     "Igboho's counsel, led by Chief Yomi Alliyu, who argued that the law was clear.\n\n"
     "Alliyu argued that the law stipulates that replies shall be given within five days.",
     "within five days", "Igboho"),
    ("counsel through whom a client speaks speak for the client",
     "Ruto fights petition\n\nPresident William Ruto wants the petition dismissed.\n\nThrough senior counsel "
     "Fred Ngatia, Dr Ruto urged the court to strike out the case.\n\n\u201cThe petitioners have raised "
     "issues of policy,\u201d Ngatia said.", "issues of policy", "Kenya"),
    ("'his opponent' says how a person stands to someone, not a group they belong to",
     "Toledo threatens to quit Peru runoff\n\nToledo predicted that if his opponent, incumbent President Alberto "
     "Fujimori, won, there would be unrest.\n\nBut Fujimori retorted, \"The elections will not be delayed.\"",
     "will not be delayed", "Peruvian government"),
    ("an owner the tagger took into a body's name is no part of it",
     "Uganda election\n\nPresident Yoweri Museveni won the vote.\n\n"
     "The filing showed the judiciary could be trusted to adjudicate over the dispute fairly, "
     "Museveni\u2019s National Resistance Movement said.", "judiciary could be trusted",
     "National Resistance Movement"),
    ("a possessive inside a body's own name is no owner",
     "Nigeria opposition\n\nThe People's Democratic Party said the election was rigged.",
     "election was rigged", "People's Democratic Party"),
    ("a person 'from' an organisation speaks for it",
     "Tanzania bans rally\n\nEmmanuel Nchimbi from the ruling Chama Cha Mapinduzi party said the abductions were "
     "the work of criminal gangs.", "criminal gangs", "Chama Cha Mapinduzi"),
    ("'the rebels' before 'the FARC rebels' are the FARC",
     "Colombia rejects swap\n\nThe rebels repeated their call for an exchange of prisoners.\n\n"
     "The FARC rebels have held the hostages for years, and the FARC said it wanted talks.",
     "exchange of prisoners", "FARC"),
    ("a side named by two bodies stays the side",
     "Sudan talks\n\nThe rebels demanded a ceasefire.\n\nThe JEM rebels and the SLA rebels fought on. "
     "JEM said it would talk. SLA said it would not.", "demanded a ceasefire", "rebels"),
    ("a side named by its word alone in a story of one country is that country's side",
     "Bolivia agrees to audit\n\nBolivia said on Wednesday it has agreed to a binding audit.\n\n"
     "However, the opposition rejected the audit, saying the terms were agreed unilaterally.",
     "terms were agreed unilaterally", "Bolivian opposition"),
    ("a side of a country whose demonym is a noun for its people takes the country's name",
     "New Zealand budget row\n\nNew Zealand said on Wednesday it would cut spending.\n\n"
     "However, the opposition rejected the cuts, saying they were made unilaterally.",
     "made unilaterally", "New Zealand opposition"),
    ("a name that ends in its trade is a company whatever the tagger says",
     "Tanzania slapped Acacia Mining with a tax bill.\n\nAcacia Mining said it disputes the assessments.",
     "disputes the assessments", "Acacia Mining"),
    ("the words that make a title of a title word are part of the portfolio, not a body",
     "Tanzania demands Kenya lift embargo\n\nIndustry, Trade and Investment Permanent Secretary "
     "Adolf Mkenda said Kenya must lift the ban.", "must lift the ban", "Adolf Mkenda"),
    ("a portfolio in the plural is a portfolio",
     "Malaysia too small to retaliate\n\nMahathir said Malaysia was too small to retaliate against India.\n\n"
     "Last week, Primary Industries Minister Teresa Kok said Malaysia would use diplomatic channels.",
     "diplomatic channels", "Malaysian government"),
    ("a country's word inside a portfolio the tagger took for a body names that country",
     "India demands apology\n\nIndian External Affairs Minister Salman Khurshid demanded an apology from the "
     "United States.", "demanded an apology", "India"),
    ("portfolios joined by 'and' after 'Minister of' are one portfolio",
     "Unions strike over concession\n\nThe Minister of Aviation and Aerospace Development, Festus Keyamo, "
     "said the government would not reverse the airport concession.", "not reverse", "the government"),
    ("a title written by its initials is the person the story gave the whole title",
     "Tanzania demands Kenya lift embargo\n\nTanzania's Permanent Secretary Adolf Mkenda said Kenya must "
     "lift the ban.\n\n\"We are weighing all our options,\" the PS told The Citizen.", "weighing all our options",
     "Tanzania"),
    ("title words alone name no person",
     "Presidency hits back\n\nThe Christian Association of Nigeria called on the government to act.\n\n"
     "But in a statement by the Senior Special Assistant on Media and Publicity, Garba Shehu, the Presidency "
     "pushed back, saying:\n\n\"The security forces are working continuously,\" the statement said.",
     "working continuously", "Garba Shehu"),
    ("a country's word the tagger took for a name is the country's, not a body",
     "Guatemala: government stalls on mine\n\nOn June 23 the Guatemalan government agreed to suspend the mine."
     "\n\nOn June 25 Guatemalan vice president Rafael Espada said that many steps have to be completed.",
     "many steps", "Guatemala"),
    ("a country's people named by a demonym the tagger took for a name are a group",
     "Teachers strike in Uganda\n\nThe over 160,000 Ugandan teachers are demanding increases in salary.",
     "increases in salary", "Ugandan teachers"),
    ("a court is a side of its own, never the government it rules on",
     "Kenya court orders TV stations restored\n\nThe Kenyan government shut down three TV stations. The High "
     "Court ordered the government to restore the stations.\n\nThe court said the shutdown was illegal.",
     "shutdown was illegal", "High Court"),
    ("an adverb or verb in a headline's capitals ends a name",
     "Dakota Access Pipeline Company Still Committed To Current Route\n\nThe company building the pipeline "
     "blasted the decision.", "blasted the decision", "Dakota Access Pipeline Company"),
    ("the Vatican is a state the gazetteer knows by that name",
     "China rejects criticism\n\nOn Thursday, the Vatican's spokesman John Smith criticized China for ordaining "
     "two bishops.", "criticized China", "Vatican"),
    ("a minister named by title never speaks for the union the sentence before was about",
     "Fremantle port strike\n\nThe Maritime Union of Australia has walked off the job at Fremantle Port. "
     "Transport Minister Troy Buswell said the strike was unnecessary.", "strike was unnecessary", "Troy Buswell"),
    ("'the spokesman' is the person last named of those the story titled so, not a body the noun was learned for",
     "China rejects Vatican criticism\n\n\"The criticism was unfounded,\" said Foreign Ministry spokesman Liu "
     "Jianchao.\n\nOn Thursday, the Vatican's spokesman Joaquin Navarro-Valls criticized China.\n\nLiu said China "
     "pursued clear principles.\n\n\"China has always been sincere in improving its ties,\" the spokesman said.",
     "always been sincere", "China"),
    ("a company's description places it, and a name with a capital inside is a name",
     "Unilever row moves to Ireland\n\nIrish retailer SuperValu, which is part of Musgrave Group, has said that it "
     "may experience some supply issues.", "supply issues", "SuperValu"),
    ("a company's workers named under a compound are a group of their own, not the company",
     "United flight attendants threaten to cancel deal\n\nUnited Airlines flight attendants on Friday threatened "
     "to tear up a cost-saving deal with the bankrupt carrier.", "tear up", "attendants"),
    ("a body described in lower case before its abbreviation is the body, not the country owning the words",
     "Piraeus dockers strike\n\nGreece's port employees federation (OMYLE) said the government had failed to give "
     "assurances. The OMYLE said the strike would go on.", "strike would go on", "OMYLE"),
    ("words the paper's style sets in capitals, a time after a name and a name's 'III' name no party",
     "Sanofi: no refund for used dengue vaccine\n\nFRENCH PHARMACEUTICAL giant Sanofi on Monday told the "
     "Philippines it would not refund the cost of used doses.\n\nThe Philippines had asked Sanofi to refund "
     "the cost, Health Secretary Francisco T. Duque III said.\n\nSanofi said the vaccine was not ineffective.",
     "would not refund", "Sanofi"),
    ("a word only the headline's capitals made a person's is the organisation the story names",
     "Fortnite's return to Apple App Store stalls as blame game ensues\n\nEpic Games CEO Tim Sweeney accused "
     "Apple of rejecting Fortnite.\n\nHowever, Apple has now responded, saying the claim of a worldwide ban is "
     "not accurate.", "not accurate", "Apple"),
    ("a name the knowledge base spells a little differently gives its party, when the story names that party",
     "Russia bans Moldovan wine\n\nRussia banned imports of Moldovan wine. Moldova protested the ban.\n\n"
     "Economy Minister Valerii Lazar said the reasons for the Russian move were unclear.", "reasons for the Russian",
     "Moldova"),
    ("a place names an official's party only when it says it is a place ('New York state'), not a ward's name",
     "Councillors reject petition to save the centre\n\nProtestors have had their petition rejected by councillors."
     "\n\nCouncillor Dennis Doe, who represents Tudor ward, said there was no alternative to demolishing the "
     "building.\n\nCouncillor David Cunningham, also a member for Tudor, said: \"I agree the centre is a very "
     "attractive building.\"", "very attractive building", "David Cunningham"),
    ("a person of an organisation speaks for it",
     "Group appeals ban\n\nThe Civil Human Rights Front applied for a march. \"We think the police are trying to "
     "create terror,\" said Eric Lai of the Civil Human Rights Front.", "create terror", "Civil Human Rights Front"),
    ("a short name in parentheses after an organisation is that organisation",
     "Citrus workers strike\n\nPickers of the Argentine Union of Rural Workers and Longshoremen (Uatre) began a strike "
     "on Monday.\n\nUatre is demanding pay rises of 40% for the workers.", "pay rises",
     "Argentine Union of Rural Workers and Longshoremen"),
    ("a company's union the story does not name is a side of its own, and 'the union' is it",
     "Union strikes at carmaker\n\nA court issued arrest warrants for six leaders of Hyundai Motor's 43,000-member "
     "union. Hyundai Motor Co. said it would meet the union. The union demands full payment of the bonus.",
     "full payment", "Hyundai Motor union"),
    ("'The Honourable X' the tagger took for an organisation is the person X",
     "Lumber duties\n\nIn a joint statement, The Honourable Chrystia Freeland said the decision to impose duties "
     "on Canadian lumber is unfair.", "is unfair", "Chrystia Freeland"),
    ("a department named by its portfolio alone speaks for the state whose department the story names",
     "Lumber duties\n\nThe U.S. Department of Commerce imposed duties on Canadian lumber. Canada called the "
     "duties unfair.\n\nCommerce said it would instruct customs to collect deposits.", "collect deposits",
     "United States"),
    ("a place set in capitals that the story also writes plainly is no organisation",
     "Kitwe official condemns lecturers\n\nKITWE District Commissioner Binwell Mpundu has condemned lecturers at the "
     "Copperbelt University for locking up the vice-chancellor.", "condemned lecturers", "Binwell Mpundu"),
    ("a name in CamelCase after a word for a company is that company, and 'the retailer' is it",
     "Retailer drops brands\n\nIrish retailer SuperValu has removed Unilever products from its shelves. Unilever "
     "said it regretted the decision.\n\nThe retailer said it would not accept higher prices.", "higher prices",
     "SuperValu"),
    ("a spokesman for a named body speaks for that body's party",
     "China defends ordination\n\nChina ordained two bishops. The Vatican criticised it.\n\nA spokesman for the "
     "State Administration of Religious Affairs on Saturday defended the ordination of the bishops.",
     "defended the ordination", "China"),
    ("'the minister for police' serves the government, not the police union",
     "Police pay row\n\nThe Police Association rejected the government's plan. Michael Gallacher, the minister for "
     "police, said the government remains committed to the changes.", "remains committed", "the government"),
    ("bare 'police' is the police force the story names",
     "Police deny report\n\nThe Nigeria Police Force has rejected a report by Amnesty International. The police "
     "said the report was false.", "report was false", "Nigeria Police Force"),
    ("a regulator a story introduces by name is 'the regulator', and no 'company'",
     "Nestle challenges ban\n\nNestle India approached the court against food safety regulator FSSAI's ban of "
     "Maggi noodles.\n\nThe regulator had also asked Nestle to reply within 15 days.", "reply within",
     "FSSAI"),
    ("'UAE' and 'U.A.E.' are the United Arab Emirates",
     "BlackBerry row\n\nThe U.A.E. said on Sunday that it will suspend BlackBerry services.", "suspend BlackBerry",
     "United Arab Emirates"),
    ("a country's court named by a common noun is a side of its own, not the government",
     "Court orders Facebook\n\nBelgian courts told Facebook to stop tracking people who are not members. Facebook "
     "said it would appeal.", "stop tracking", "Belgian court"),
    ("the police are a side of their own, named by the place the story writes",
     "Police ban march\n\nHong Kong police banned a march by the Civil Human Rights Front. The objection was "
     "based on public safety, a police spokesperson said.\n\nCarrie Lam said she would withdraw the bill.",
     "public safety", "Hong Kong police"),
    ("the police of a country named by its demonym",
     "Police ban rally\n\nTanzanian police banned a rally called by the opposition Chadema party. "
     "Police spokesperson David Misime warned that the police would take action against anyone who attends.",
     "take action", "Tanzanian police"),
]


@pytest.mark.parametrize("rule, text, fragment, party", PARTY_ROWS, ids=[r[0] for r in PARTY_ROWS])
def test_party_rules(nlp, rule, text, fragment, party):
    analysis = analyze(article_from_text(text), nlp)
    found = [p for p in analysis.positions if fragment in p.text]
    assert len(found) == 1, [p.text for p in analysis.positions]
    assert analysis.actor(found[0].actor).name == party


def test_an_unnamed_speaker_never_falls_to_the_previous_one(nlp):
    analysis = analyze(article_from_text(
        'Putin said Russia would not back down.\n\n"This is madness," said a man in the crowd.'), nlp)
    assert [p.text for p in analysis.positions if "madness" in p.text] == []


def test_sides_and_evidence_are_in_the_json(nlp):
    from reader.model import analysis_to_dict

    data = analysis_to_dict(analyze(article_from_text(
        "Syrian rebels rejected the ceasefire.\n\nVladimir Putin said the rebels must disarm."), nlp))
    actors = {a["name"]: a for a in data["actors"]}
    assert actors["Syrian rebels"]["sector"] == "REB"
    assert any("knowledge base" in e for e in actors["Russia"]["evidence"])


@pytest.mark.parametrize("published, party", [("2015-06-01", "Ukraine"), ("2014-01-26", "Arseniy Yatsenyuk")])
def test_an_office_counts_only_on_the_days_it_was_held(nlp, published, party):
    """knowledge_party: a dated government role gives the country only while it was held (before
    taking office a politician may lead the opposition); the article's date decides."""
    from dataclasses import replace

    article = article_from_text("Arseniy Yatsenyuk said the protests would go on.")
    article = replace(article, publication=replace(article.publication, date=published))
    analysis = analyze(article, nlp)
    assert [analysis.actor(p.actor).name for p in analysis.positions] == [party]


def test_a_head_learned_from_one_party_is_not_anothers(nlp):
    """resolve_phrase: 'official' learned from 'Hamas official X' does not make 'Western officials'
    Hamas: a capitalised modifier that names no party says whose they are."""
    analysis = analyze(article_from_text(
        "Hamas official Basem Naim said the talks had stalled.\n\nWestern officials said the plan would fail."), nlp)
    assert [analysis.actor(p.actor).name for p in analysis.positions if "plan would fail" in p.text] != ["Hamas"]


def test_a_names_last_word_is_a_head_only_when_it_names_a_body(nlp):
    """learn_heads: 'the Acme Workers Union' teaches that 'the union' is Acme's union; 'Network
    Rail' teaches nothing about the word 'rail' ('Rail union rejects ...' is no Network Rail)."""
    from reader.actors import find_actors

    article = article_from_text("The Acme Workers Union rejected a pay offer from Network Rail on Tuesday.")
    table = find_actors(nlp(article.text), article)
    assert "rail" not in table.heads
    assert "union" in table.heads


def test_a_description_before_a_name_is_no_organisation(nlp):
    """mark_organizations: 'Software maker Altura Systems': the tagger makes 'Software' an
    organisation of its own; a description before the name is none."""
    analysis = analyze(article_from_text(
        "Tech firm sues regulator over merger ban\n\nSoftware maker Altura Systems on Tuesday sued the national "
        "competition regulator, asking a court to overturn its decision."), nlp)
    assert "Software" not in {a.name for a in analysis.actors}


def test_an_organisation_of_several_words_is_found_again_where_the_tagger_saw_none(nlp):
    """_mark_repeats: 'Public Affairs' leader' names the party 'Public Affairs' bound earlier,
    whatever the tagger made of the words there."""
    from reader.actors import ActorTable, _mark_repeats
    from reader.gazetteer import Entry, load_gazetteer

    doc = nlp("Public Affairs' leader, Ivo Brandt, said AngloGold Ashanti must call an election.")
    table = ActorTable(doc=doc, gazetteer=load_gazetteer())
    table.bind(Entry("public-affairs", "Public Affairs", "organization"))
    table.bind(Entry("anglogold-ashanti", "AngloGold Ashanti", "organization"))
    _mark_repeats(table, doc)
    assert [table.actor_at(i) for i in range(3)] == ["public-affairs", "public-affairs", None]
    assert [table.actor_at(t.i) for t in doc if t.text in {"AngloGold", "Ashanti"}] == ["anglogold-ashanti"] * 2
    doc = nlp("The War on Want report refers to cyanide spills.")  # 'War' bound alone by a mistagged entity
    table = ActorTable(doc=doc, gazetteer=load_gazetteer())
    table.bind(Entry("war-on-want", "War on Want", "organization"))
    table.token_actor[1] = table.bind(Entry("war", "War", "organization"))
    _mark_repeats(table, doc)
    assert [table.actor_at(i) for i in range(1, 4)] == ["war-on-want"] * 3


def test_a_body_named_after_a_place_of_two_names_keeps_the_whole_name(nlp):
    text = ("Newfoundland and Labrador Nurses' Union president Debbie Forward says she's not surprised that "
            "nurses rejected the government's offer.")
    article = article_from_text(text)
    table = find_actors(nlp(article.text), article)
    names = {binding.entry.name for binding in table.bindings.values()}
    assert "Newfoundland and Labrador Nurses' Union" in names
    assert "Labrador Nurses' Union" not in names


def test_a_country_is_shown_by_the_name_the_story_writes(nlp):
    text = ("Macedonia rejects rebel truce\n\nMacedonia's president said the army would take control of the "
            "border.\n\nThe Albanian government said it wanted talks.")
    analysis = analyze(article_from_text(text), nlp)
    names = {a.name for a in analysis.actors}
    assert "Macedonia" in names and "Republic of Macedonia" not in names
    macedonia = next(a for a in analysis.actors if a.name == "Macedonia")
    assert "Republic of Macedonia" in macedonia.aliases


@pytest.mark.parametrize("text, country, found", [
    ("Officials in New Jersey said the port would stay closed.", "jersey", False),
    ("The governor of New Mexico said the border would stay open.", "mexico", False),
    ("Rebels in Northern Syria said they would fight on.", "syria", True),
])
def test_a_country_name_inside_another_place_is_no_country(nlp, text, country, found):
    article = article_from_text(text)
    table = find_actors(nlp(article.text), article)
    assert (country in table.bindings) is found
