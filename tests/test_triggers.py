"""Multi-word triggers (data/triggers.toml) matched by spaCy's matchers: a table of sentences per
trigger form, and the schema check of the data file."""

from __future__ import annotations

import pytest

from reader.triggers import Trigger, TriggerError, check_triggers, load_triggers, trigger_from_dict, trigger_matches

ROWS = [  # sentence, cue word, trigger id (None: no trigger there)
    ("The union called for a strike.", "called", "demand.call_for"),
    ("Unite called for the company to withdraw the plan.", "called", "demand.call_for"),
    ("The union called on the government to act.", "called", "demand.call_for"),
    ("The union called the plan a disgrace.", "called", None),
    ("On Twitter, his spokesman called the news conference an attempted coup.", "called", None),
    ("The rescue team called off its search on Sunday.", "called", None),
    ("The mayor called on Monday for calm in the city.", "called", "demand.call_for"),
    ("The opposition called for a day of rage on Tuesday.", "called", "demand.call_for"),
    ("The minister ruled the proposal out on Monday.", "ruled", "reject.rule_out"),
    ("The court ruled on Monday.", "ruled", None),
    ("The players turned down the league's offer.", "turned", "reject.turn_down"),
    ("The union took issue with the company's plan.", "took", "accuse.take_issue"),
    ("The union took the issue to court.", "took", None),
    ("The mayor raised concerns about the cost.", "raised", "accuse.raise_concern"),
    ("The company raised prices.", "raised", None),
    ("The governor made it clear that he would veto the bill.", "made", "statement.make_it_clear"),
    ("The company poured cold water on the proposal.", "poured", "reject.cold_water"),
    ("The association suspended the coach indefinitely for his comments.", "suspended", "accuse.suspend_for"),
    ("The army suspended its participation in the talks.", "suspended", None),
    ("The regulator fined the airline for safety violations.", "fined", "accuse.fine_for"),
    ("FIFA banned him for 12 months.", "banned", None),
    ("The judges found in favour of the Foreign Office in its appeal.", "found", "accept.find_in_favour"),
    ("The court ruled in favor of the farmers.", "ruled", "accept.rule_in_favor"),
    ("The tribunal ruled against the government.", "ruled", "reject.rule_against"),
    ("The court found the company liable.", "found", None),
]


@pytest.mark.parametrize(("sentence", "cue", "expected"), ROWS)
def test_trigger(nlp, sentence, cue, expected):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == cue)
    found = trigger_matches(doc).get(token.i)
    assert (found.id if found else None) == expected


def test_every_trigger_is_well_formed_and_unique():
    triggers = load_triggers()
    assert len({t.id for t in triggers}) == len(triggers) >= 20
    assert any(t.phrase for t in triggers) and any(t.particles for t in triggers)


@pytest.mark.parametrize("entry", [
    {"id": "demand.x", "kind": "plead", "verb": "x", "particles": ["for"]},  # unknown kind
    {"id": "reject.x", "kind": "demand", "verb": "x", "particles": ["for"]},  # id names another kind
    {"id": "demand.x", "kind": "demand", "phrase": "alone"},  # a phrase of one word
    {"id": "demand.x", "kind": "demand", "verb": "x"},  # a verb without particles
])
def test_schema_refuses_broken_triggers(entry):
    with pytest.raises(TriggerError):
        check_triggers((trigger_from_dict(entry),))


def test_schema_refuses_duplicates_and_unknown_fields():
    one = Trigger(id="demand.x", kind="demand", verb="x", particles=("for",))
    with pytest.raises(TriggerError):
        check_triggers((one, one))
    with pytest.raises(TriggerError):
        trigger_from_dict({"id": "demand.x", "kind": "demand", "phrase": "a b", "colour": "red"})
