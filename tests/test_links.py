"""Linking positions to their answers: unit tests on hand-built positions, and the answer
pairs the seed story states outright, on the real pipeline."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from reader.actors import ActorTable, Binding
from reader.gazetteer import Entry, load_gazetteer
from reader.links import (
    Evidence,
    choose_pairs,
    dyad_matrix,
    find_backref,
    gather_evidence,
    link_positions,
    load_settings,
    mention_map,
    name_heads,
    overlap_matrix,
    score_matrix,
    text_matrix,
    windows,
)
from reader.model import RELATIONS, Actor, Position, Span

SEED = "000_92e0686fa38e74b4"

TEXT = (
    "Russia demanded that NATO halt its expansion to the east of Europe.\n\n"
    "Russia also said it was ready to negotiate in Geneva with the United States.\n\n"
    "NATO categorically rejected Russia's demands for an end to the expansion of the alliance.\n\n"
    "The United States said it was ready to talk about this.\n\n"
    "NATO said the summit would take place in spring."
)
ACTOR_WORDS = {"Russia": "russia", "NATO": "nato", "United States": "us"}


@pytest.fixture(scope="module")
def toy(nlp):
    """(doc, actor table, positions) for TEXT: one position per sentence."""
    doc = nlp(TEXT)
    token_actor = {}
    for word, actor in ACTOR_WORDS.items():
        start = 0
        while (at := TEXT.find(word, start)) >= 0:
            for token in doc.char_span(at, at + len(word), alignment_mode="expand"):
                token_actor[token.i] = actor
            start = at + len(word)
    actors = ActorTable(token_actor=token_actor)
    kinds = [("russia", "demand", ("nato",)), ("russia", "offer", ("us",)), ("nato", "reject", ("russia",)),
             ("us", "accept", ()), ("nato", "statement", ())]
    positions = [make_position(f"p{n}", sent, actor, kind, targets, n)
                 for n, (sent, (actor, kind, targets)) in enumerate(zip(doc.sents, kinds, strict=True))]
    return doc, actors, positions


def make_position(pid, sent, actor, kind, targets=(), paragraph=0) -> Position:
    return Position(pid, actor, kind, sent.text, sent.start_char, sent.end_char,
                    Span(sent.start_char, sent.end_char), targets=tuple(targets), paragraph=paragraph)


def pairs(links) -> dict[tuple[str, str], object]:
    return {(link.source, link.target): link for link in links}


# --- unit tests on hand-built positions ---------------------------------------------------


def test_demand_is_linked_to_its_rejection(toy):
    doc, actors, positions = toy
    links, _ = link_positions(positions, doc, actors)
    link = pairs(links)[("p0", "p2")]
    assert link.relation == "rejects"
    assert "Russia’s demands" in link.reason or "Russia's demands" in link.reason
    assert "expansion" in link.reason


def test_offer_is_linked_to_the_answer_that_refers_back(toy):
    doc, actors, positions = toy
    links, _ = link_positions(positions, doc, actors)
    link = pairs(links)[("p1", "p3")]
    assert link.relation == "accepts"
    assert "about this" in link.reason


def test_rejection_of_demands_does_not_answer_an_offer(toy):
    """"rejected Russia's demands" names a kind: the offer p1 is not what it answers."""
    doc, actors, positions = toy
    links, _ = link_positions(positions, doc, actors)
    assert ("p1", "p2") not in pairs(links)


def test_no_link_between_positions_of_one_actor(toy):
    doc, actors, positions = toy
    same = [dataclasses.replace(p, actor="russia") for p in positions]
    links, _ = link_positions(same, doc, actors)
    assert links == []


def test_kinds_that_cannot_answer_are_not_linked(toy):
    doc, actors, positions = toy
    statements = [dataclasses.replace(p, kind="statement") for p in positions]
    links, _ = link_positions(statements, doc, actors)
    assert links == []


def test_scores_relations_and_reasons_are_well_formed(toy):
    doc, actors, positions = toy
    links, _ = link_positions(positions, doc, actors)
    assert links
    for link in links:
        assert 0.0 <= link.score <= 1.0
        assert link.relation in RELATIONS
        assert link.reason.strip()
        assert link.source != link.target


def test_unanswered_lists_demands_without_an_answer(toy):
    doc, actors, positions = toy
    _, unanswered = link_positions(positions, doc, actors)
    assert "p0" not in unanswered
    alone = [positions[0], positions[4]]
    _, unanswered = link_positions(alone, doc, actors)
    assert unanswered == ["p0"]


def test_max_answers_setting_is_respected(toy):
    doc, actors, positions = toy
    one = dataclasses.replace(load_settings(), max_answers=1, max_answered=1, threshold=0.0)
    score, _, _ = score_matrix(positions, gather_evidence(positions, doc, actors, one), one)
    pairs = choose_pairs(score, one)
    assert pairs
    assert len({i for i, _ in pairs}) == len(pairs)
    assert len({j for _, j in pairs}) == len(pairs)


def test_threshold_setting_is_respected(toy):
    doc, actors, positions = toy
    strict = dataclasses.replace(load_settings(), threshold=1.01)
    assert link_positions(positions, doc, actors, settings=strict)[0] == []


def test_windows_cover_every_position_and_overlap():
    spans = windows(25, 10)
    assert [(w.start, w.stop) for w in spans] == [(0, 10), (5, 15), (10, 20), (15, 25)]
    assert windows(7, 10) == [range(7)]


def test_small_windows_keep_the_links_of_neighbours(toy):
    doc, actors, positions = toy
    small = dataclasses.replace(load_settings(), window=3)
    assert pairs(link_positions(positions, doc, actors, settings=small)[0]).keys() >= {("p0", "p2"), ("p1", "p3")}


def test_many_positions_are_linked_in_bounded_windows(nlp):
    """An article longer than one window (here 130 copies of TEXT: 650 positions)."""
    doc = nlp("\n\n".join([TEXT] * 130))
    actors = ActorTable(token_actor={t.i: ACTOR_WORDS[t.text] for t in doc if t.text in ("Russia", "NATO")})
    kinds = ["demand", "offer", "reject", "accept", "statement"]
    owners = ["russia", "russia", "nato", "us", "nato"]
    many = [make_position(f"p{n}", sent, owners[n % 5], kinds[n % 5], (), n // 5)
            for n, sent in enumerate(doc.sents)]
    assert len(many) > load_settings().window
    links, _ = link_positions(many, doc, actors)
    by_id = {p.id: p for p in many}
    rejections = [link for link in links if link.relation == "rejects" and by_id[link.source].kind == "demand"]
    assert len(rejections) >= 100
    assert all(0.0 <= link.score <= 1.0 for link in links)


def test_no_positions_no_links(toy):
    doc, actors, _ = toy
    assert link_positions([], doc, actors) == ([], [])


def test_settings_are_sane():
    settings = load_settings()
    assert 0.0 < settings.threshold < 1.0
    assert settings.max_answers >= 1
    assert "demand" in settings.unanswered_kinds
    assert {rel for _, rel in settings.answers.values()} <= set(RELATIONS)
    assert settings.answers[("demand", "reject")][1] == "rejects"
    assert settings.answers[("accuse", "reject")][1] == "denies"


def test_text_evidence_is_bulk_and_symmetric(toy):
    doc, actors, positions = toy
    evidence = gather_evidence(positions, doc, actors, load_settings())
    for matrix in (text_matrix(evidence), overlap_matrix(evidence, 85)):
        assert matrix.shape == (len(positions), len(positions))
        assert np.allclose(matrix, matrix.T)
        assert ((matrix >= 0) & (matrix <= 1)).all()


def test_actor_mentions_are_not_text_evidence(toy):
    doc, actors, positions = toy
    evidence = gather_evidence(positions, doc, actors, load_settings())
    assert "russia" not in evidence[2].terms
    assert "russia" in evidence[2].mentions
    assert "expansion" in evidence[2].terms


def test_score_matrix_zeroes_same_actor_pairs(toy):
    doc, actors, positions = toy
    settings = load_settings()
    evidence = gather_evidence(positions, doc, actors, settings)
    score, _, _ = score_matrix(positions, evidence, settings)
    assert score[0, 1] == 0.0 and score[2, 4] == 0.0
    assert (np.diag(score) == 0).all()


def test_empty_terms_do_not_break_scoring():
    evidence = [Evidence((), frozenset()), Evidence(("plan",), frozenset())]
    assert text_matrix(evidence).shape == (2, 2)
    assert overlap_matrix([Evidence((), frozenset())] * 2, 85).sum() == 0


def first_sentence(nlp, text: str):
    return next(iter(nlp(text).sents))


@pytest.mark.parametrize(("text", "cue", "kinds"), [
    ("NATO rejected Russia's demands for guarantees.", "Russia's demands", {"demand"}),
    ("The embassy declined the request.", "the request", {"demand"}),
    ("Zelenskyy and NATO have welcomed it.", "welcomed it", {"offer", "demand"}),
    ("We are ready to talk about this.", "about this", set()),
    ("The league hit back on Tuesday, saying the figures were wrong.", "hit back", set()),
    ("The union's response came within hours.", "response", set()),
    ("The mayor said the recommendation was unfair.", "the recommendation", {"demand", "offer"}),
    ("Minsk said the sanctions were a declaration of war.", "the sanctions", {"threaten", "demand", "accuse"}),
    ("The company said it would appeal the ruling.", "the ruling", {"reject", "demand", "accuse", "statement"}),
    ('Renamo rejected the "cynical" invitation outright.', 'the "cynical" invitation', {"offer", "demand"}),
    ("India dismissed Nepal's objections on Tuesday.", "Nepal's objections", {"reject", "accuse"}),
    ("The miner disputes the assessments.", "the assessments", {"demand", "accuse"}),
])
def test_back_references_are_found_with_the_kinds_they_point_to(nlp, text, cue, kinds):
    sent = first_sentence(nlp, text)
    ref = find_backref(sent, "someone", {}, load_settings())
    assert ref is not None
    assert ref.cue.replace("’", "'") == cue
    assert set(ref.kinds) == kinds


def test_a_speakers_own_proposal_is_no_back_reference(nlp):
    sent = first_sentence(nlp, "Egypt said our proposal would rebuild Gaza.")
    assert find_backref(sent, "egypt", {}, load_settings()) is None


def test_back_reference_owner_resolves_people_bound_to_a_party(nlp):
    doc = nlp("Trump scoffed at Zelenskyy's complaint about the talks.")
    actors = ActorTable(token_actor={0: "us"}, people={"Zelenskyy": "ukraine"})
    known = mention_map([doc[:]], actors)
    ref = find_backref(doc[:], "us", known, load_settings())
    assert ref is not None and ref.owner == "ukraine"
    assert ref.kinds >= {"accuse"}


def test_plain_statement_answers_only_on_the_same_matter(nlp):
    text = ("Russia demanded that NATO halt its expansion to the east.\n\n"
            "NATO said the summit would take place in spring.\n\n"
            "NATO said expansion to the east was a matter for its members.")
    doc = nlp(text)
    actors = ActorTable(token_actor={t.i: t.lower_ for t in doc if t.text in ("Russia", "NATO")})
    sents = list(doc.sents)
    positions = [make_position("d", sents[0], "russia", "demand", ("nato",), 0),
                 make_position("s1", sents[1], "nato", "statement", (), 1),
                 make_position("s2", sents[2], "nato", "statement", (), 2)]
    settings = load_settings()
    score, _, _ = score_matrix(positions, gather_evidence(positions, doc, actors, settings), settings)
    assert score[0, 1] == 0.0  # nothing shared, nothing referred back to
    assert score[0, 2] > 0.0


def test_rarer_shared_terms_weigh_more():
    common = Evidence(("war", "talk"), frozenset())
    rare = Evidence(("war", "drilling"), frozenset())
    others = [Evidence(("talk", "peace"), frozenset()) for _ in range(6)]
    overlap = overlap_matrix([common, common, rare, rare, *others], 85)
    assert overlap[2, 3] > overlap[0, 1] > 0


# --- the seed story on the real pipeline ------------------------------------------------


def find_position(analysis, *fragments: str):
    found = [p for p in analysis.positions if all(f.lower() in p.text.lower() for f in fragments)]
    return min(found, key=lambda p: len(p.text)) if found else None


def linked(analysis, a, b) -> bool:
    return any({link.source, link.target} == {a.id, b.id} for link in analysis.links)


STATED_PAIRS = [
    (("NATO suspend membership prospects",), ("categorically rejected",)),
    (("ready to negotiate",), ("ready to talk about this",)),
    (("several demands",), ("strictly rejected",)),
]


@pytest.mark.parametrize(("first", "answer"), STATED_PAIRS, ids=["nato-rejection", "talks", "us-rejection"])
def test_seed_states_its_answer_pairs(sample_analyses, first, answer):
    analysis = sample_analyses[SEED]
    a, b = find_position(analysis, *first), find_position(analysis, *answer)
    if a is None or b is None:
        pytest.skip(f"the extractor does not yet produce {first if a is None else answer}")
    assert linked(analysis, a, b), f"no link between {a.text!r} and {b.text!r}"


def test_seed_links_are_between_actors_and_well_formed(sample_analyses):
    for analysis in sample_analyses.values():
        by_id = {p.id: p for p in analysis.positions}
        for link in analysis.links:
            assert by_id[link.source].actor != by_id[link.target].actor
            assert 0.0 <= link.score <= 1.0
            assert link.reason.strip()
            assert link.relation in RELATIONS
        for pid in analysis.unanswered:
            assert by_id[pid].kind == "demand"
            assert all(link.source != pid for link in analysis.links)


# --- named rules, each with a table of made-up sentences ------------------------------------

# owner: a back-reference names its owner by a possessive, a compound or a demonym adjective.
OWNER_TABLE = [
    ("owner-possessive", "The union rejected the company's demands for longer shifts.", "company", "company"),
    ("owner-compound", "The union turned down the management proposal on Friday.", "management", "management"),
    ("owner-compound-response", "The Kremlin response changes nothing, the ministry said.", "Kremlin", "kremlin"),
    ("owner-from", "The union said the latest proposal from the company was an insult.", "company", "company"),
    ("owner-made-by", "The union rejected the offer made by the company on Friday.", "company", "company"),
    ("owner-issued-by", "We disagree with the order issued by the regulator.", "regulator", "regulator"),
]


@pytest.mark.parametrize(("text", "word", "actor"), [row[1:] for row in OWNER_TABLE],
                         ids=[row[0] for row in OWNER_TABLE])
def test_back_references_name_their_owner(nlp, text, word, actor):
    doc = nlp(text)
    token_actor = {t.i: actor for t in doc if t.text == word}
    ref = find_backref(doc[:], "speaker", token_actor, load_settings())
    assert ref is not None and ref.owner == actor


def test_a_speakers_own_response_is_no_owned_reference(nlp):
    """"The Kremlin response", said by the Kremlin: a reply cue pointing at no one in particular."""
    doc = nlp("The Kremlin response changes nothing, the ministry said.")
    ref = find_backref(doc[:], "kremlin", {t.i: "kremlin" for t in doc if t.text == "Kremlin"}, load_settings())
    assert ref is not None and ref.owner is None


# name-heads: a common noun ending the name of one speaking party stands for it.
NAME_HEAD_TABLE = [
    ("head-of-name", ["the opposition"], "opposition", {"opposition": "the-opposition"}),
    ("plural-head", ["striking miners"], "miner", {"miner": "striking-miners", "miners": "striking-miners"}),
    ("proper-name-has-none", ["Acme Corp"], "corp", {}),
    ("shared-head-is-ambiguous", ["the opposition", "the parliamentary opposition"], "opposition", {}),
    ("generic-head-left-out", ["union officials"], "official", {}),
]


@pytest.mark.parametrize(("names", "word", "expected"), [row[1:] for row in NAME_HEAD_TABLE],
                         ids=[row[0] for row in NAME_HEAD_TABLE])
def test_name_heads_stand_for_one_speaking_party(names, word, expected):
    actors = [Actor(name.lower().replace(" ", "-"), name, "group") for name in names]
    heads = name_heads(actors, frozenset(a.id for a in actors), load_settings().generic_heads)
    assert {k: v for k, v in heads.items() if k in (word, word + "s")} == expected


def test_a_name_head_marks_an_unmarked_mention(nlp):
    doc = nlp("The minister offered to meet opposition leaders on Monday.")
    actors = ActorTable(bindings={"the-opposition": Binding(Entry("the-opposition", "the opposition", "group"))},
                        gazetteer=load_gazetteer())
    known = mention_map([doc[:]], actors, frozenset({"the-opposition"}), load_settings().generic_heads)
    assert [doc[i].text for i, a in known.items() if a == "the-opposition"] == ["opposition"]


# dyad: pairs of the two main sides of the story weigh more than side voices.
def test_dyad_is_highest_for_the_two_main_sides(toy):
    _, _, positions = toy
    main = [dataclasses.replace(p, actor=a) for p, a in zip(positions, ["a", "b", "a", "b", "c"], strict=True)]
    dyad = dyad_matrix(main)
    assert dyad[0, 1] == 1.0  # a and b speak twice each
    assert dyad[0, 4] == 0.5  # c speaks once
    assert dyad_matrix(main[:1]).tolist() == [[0.0]]


# headline: positions in the title are not linked (the body's are).
def test_headline_positions_are_not_linked(toy):
    doc, actors, positions = toy
    links, unanswered = link_positions(positions, doc, actors, headline_end=positions[0].end)
    ids = {link.source for link in links} | {link.target for link in links}
    assert "p0" not in ids and "p0" not in unanswered
    assert ("p1", "p3") in pairs(links)
