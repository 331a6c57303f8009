"""rivals.py: officials of one country who dispute with each other are parties of their own."""

import pytest

from reader.ingest import article_from_text
from reader.pipeline import analyze

ROWS = [
    # (case, text, fragment of a position, its party's name)
    ("a president and his prime minister who blames him are two parties",
     "Ukrainian president threatens to dissolve parliament\n\n"
     "Ukrainian President Viktor Yushchenko threatened to dissolve parliament and call early elections.\n\n"
     "Ukrainian Prime Minister Yulia Tymoshenko said Yushchenko was behaving in an irresponsible way and accused "
     "him of destroying the coalition.", "dissolve parliament and call", "Viktor Yushchenko"),
    ("... and the one who blames is the other",
     "Ukrainian president threatens to dissolve parliament\n\n"
     "Ukrainian President Viktor Yushchenko threatened to dissolve parliament and call early elections.\n\n"
     "Ukrainian Prime Minister Yulia Tymoshenko said Yushchenko was behaving in an irresponsible way and accused "
     "him of destroying the coalition.", "irresponsible way", "Yulia Tymoshenko"),
    ("two officials of one country who name no one speak for the country",
     "Ukraine rejects Russian demand\n\n"
     "Ukrainian President Viktor Yushchenko rejected the Russian demand for higher gas prices.\n\n"
     "Ukrainian Prime Minister Yulia Tymoshenko said Russia must honour the contract.",
     "must honour the contract", "Ukraine"),
    ("one official who names himself is no rival of anyone",
     "Ukraine rejects Russian demand\n\n"
     "Ukrainian President Viktor Yushchenko rejected the Russian demand for higher gas prices.\n\n"
     "Yushchenko said Russia must honour the contract Yushchenko signed.",
     "must honour the contract", "Ukraine"),
]


@pytest.mark.parametrize("case, text, fragment, party", ROWS, ids=[r[0] for r in ROWS])
def test_rival_officials(nlp, case, text, fragment, party):
    analysis = analyze(article_from_text(text), nlp)
    found = [p for p in analysis.positions if fragment in p.text]
    assert len(found) == 1, [p.text for p in analysis.positions]
    assert analysis.actor(found[0].actor).name == party


def test_the_split_is_explained_in_the_evidence(nlp):
    analysis = analyze(article_from_text(ROWS[0][1]), nlp)
    actor = next(a for a in analysis.actors if a.name == "Yulia Tymoshenko")
    assert any("disputes with another official" in reason for reason in actor.evidence)
