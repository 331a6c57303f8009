"""Export: the JSON contract, the Markdown report grouped by actor, the compact text listing."""

from __future__ import annotations

import json

import pytest

from reader.export import render, to_json, to_markdown, to_text
from reader.model import Actor, Analysis, Link, Paragraph, Position, Span, analysis_from_dict

TEXT = ("Russia demanded that NATO halt its expansion [sic].\n\n"
        "“We are ready to talk about this,” said a US spokeswoman.\n\n"
        "NATO rejected the demands.")


def position(pid: str, actor: str, kind: str, fragment: str, **kw) -> Position:
    start = TEXT.index(fragment)
    end = start + len(fragment)
    return Position(id=pid, actor=actor, kind=kind, text=fragment, start=start, end=end,
                    content=Span(start, end), paragraph=TEXT[:start].count("\n\n"), **kw)


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    spans, start = [], 0
    for para in text.split("\n\n"):
        spans.append(Paragraph(start, start + len(para)))
        start += len(para) + 2
    return tuple(spans)


@pytest.fixture
def analysis() -> Analysis:
    p1 = position("P1", "russia", "demand", "Russia demanded that NATO halt its expansion [sic].",
                  targets=("nato",), cue="demanded")
    p2 = position("P2", "us", "offer", "“We are ready to talk about this,” said a US spokeswoman.",
                  speaker="a US spokeswoman", direct=True, cue="said")
    p3 = position("P3", "nato", "reject", "NATO rejected the demands.", targets=("russia",), cue="rejected")
    return Analysis(
        source="story.txt", title=None, text=TEXT, model="en_core_web_sm-3.8.0",
        actors=(Actor("russia", "Russia", "country", ("Moscow",), 1),
                Actor("us", "United States", "country", ("Washington",), 1),
                Actor("nato", "NATO", "organization", (), 1)),
        positions=(p1, p2, p3),
        links=(Link("P1", "P3", 0.82, "rejects", "NATO rejects Russia's demand"),),
        unanswered=("P2",),
        paragraphs=paragraphs(TEXT),
    )


def test_json_one_and_many(analysis):
    one = json.loads(to_json(analysis))
    assert one["schema"] == "reader.analysis/1"
    assert one["links"] == [{"from": "P1", "to": "P3", "score": 0.82, "relation": "rejects",
                             "reason": "NATO rejects Russia's demand"}]
    for p in one["positions"]:
        assert one["text"][p["start"]:p["end"]] == p["text"]
    many = json.loads(to_json([analysis, analysis]))
    assert isinstance(many, list) and many == [one, one]


def test_json_round_trip(analysis):
    assert analysis_from_dict(json.loads(to_json(analysis))) == analysis


def test_json_keeps_non_ascii(analysis):
    assert "“We are ready" in to_json(analysis)


def test_markdown_groups_by_actor_with_answers(analysis):
    md = to_markdown(analysis)
    assert md.startswith("# story.txt\n")
    headers = [ln for ln in md.splitlines() if ln.startswith("## ")]
    assert headers == ["## Russia (country)", "## United States (country)", "## NATO (organization)",
                       "## Unanswered"]
    russia = md[md.index("## Russia"):md.index("## United States")]
    assert "**DEMAND**" in russia and "→ NATO" in russia
    assert "answered by NATO **REJECT**" in russia
    assert "score 0.82" in russia and "NATO rejects Russia's demand" in russia
    us = md[md.index("## United States"):md.index("## NATO")]
    assert "**OFFER** a US spokeswoman:" in us
    unanswered = md[md.index("## Unanswered"):]
    assert "United States:" in unanswered and "We are ready to talk" in unanswered


def test_markdown_escapes_article_text(analysis):
    assert r"expansion \[sic\]" in to_markdown(analysis)


def test_markdown_without_positions(analysis):
    empty = Analysis(source="x.txt", title="Nothing happened", text="...", model="m")
    md = to_markdown(empty)
    assert md.startswith("# Nothing happened") and "No stated positions" in md


def test_text_listing(analysis):
    lines = to_text(analysis).splitlines()
    assert lines[0] == "== story.txt: 3 positions"
    assert lines[1].split("\t") == ["P1", "Russia", "demand",
                                    "Russia demanded that NATO halt its expansion [sic]."]
    assert lines[2].startswith("P2\tUnited States\toffer [a US spokeswoman]\t")
    assert lines[3].startswith("P3\tNATO\treject\t")
    assert lines[4] == "link\tP1 -> P3\trejects\t0.82"


def test_several_analyses_in_markdown_and_text(analysis):
    assert to_markdown([analysis, analysis]).count("\n---\n") == 1
    assert to_text([analysis, analysis]).count("== story.txt") == 2


def test_render_formats(analysis):
    assert render(analysis, "json") == to_json(analysis)
    assert render(analysis, "markdown") == to_markdown(analysis)
    assert render(analysis, "text") == to_text(analysis)
    with pytest.raises(ValueError):
        render(analysis, "yaml")


def test_real_analysis_round_trips(sample_analyses):
    for analysis in sample_analyses.values():
        assert analysis_from_dict(json.loads(to_json(analysis))) == analysis
        assert to_markdown(analysis) and to_text(analysis)


def test_markdown_flags_what_the_user_corrected(analysis):
    """A corrected position, a renamed party and a link the user added say '(…, corrected)';
    what the analysis found as it was says nothing more."""
    from reader.corrections import Corrections, LinkFix, PositionFix, Rename, apply

    p1, p2, p3 = analysis.positions
    corrections = Corrections(
        positions=(PositionFix(p3.start, p3.end, kind="accept"),),
        links=(LinkFix((p2.start, p2.end), (p3.start, p3.end)),),
        renames=(Rename("us", "Washington"),),
    )
    fixed, unmatched = apply(analysis, corrections)
    assert unmatched == ()
    md = to_markdown(fixed)
    headers = [ln for ln in md.splitlines() if ln.startswith("## ")]
    assert headers == ["## Russia (country)", "## Washington (country, corrected)", "## NATO (organization)"]
    nato = md[md.index("## NATO"):]
    assert "**ACCEPT**" in nato and "_(¶3, P3, corrected)_" in nato
    washington = md[md.index("## Washington"):md.index("## NATO")]
    assert "answered by NATO **ACCEPT**" in washington
    assert washington.rstrip().endswith("added by the reader, corrected)")  # the link the user added
    russia = md[md.index("## Russia"):md.index("## Washington")]
    assert "corrected" not in russia  # P1 and its link to P3 are as analysed
    assert "corrected" not in to_markdown(analysis)
