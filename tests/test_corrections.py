"""Corrections of an analysis (reader.corrections): applying, keeping on disk, and bad files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace

import pytest
from tui_support import seed_analysis

from reader.corrections import (
    ADDED_REASON,
    Corrections,
    LinkFix,
    Merge,
    PositionFix,
    Rename,
    apply,
    corrected,
    corrections_path,
    data_dir,
    from_dict,
    load,
    save,
    to_dict,
)
from reader.export import to_json
from reader.model import analysis_from_dict, analysis_to_dict, check_analysis


@pytest.fixture
def seed():
    return seed_analysis()


def span(analysis, position_id):
    p = analysis.position(position_id)
    return p.start, p.end


def test_no_corrections_leave_the_analysis_as_it_is(seed):
    fixed, unmatched = apply(seed, Corrections())
    assert fixed is seed and unmatched == ()
    assert '"corrected"' not in to_json(seed)


def test_a_new_kind_is_applied_and_marked(seed):
    fixed, unmatched = apply(seed, Corrections().fix_position(*span(seed, "p6"), kind="accept"))
    assert unmatched == ()
    assert fixed.position("p6").kind == "accept" and fixed.position("p6").corrected
    assert not fixed.position("p5").corrected
    data = analysis_to_dict(fixed)
    check_analysis(data)
    assert next(p for p in data["positions"] if p["id"] == "p6")["corrected"] is True
    assert "corrected" not in next(p for p in data["positions"] if p["id"] == "p5")
    assert analysis_from_dict(json.loads(to_json(fixed))) == fixed


def test_a_kind_set_back_to_the_analysed_one_marks_nothing(seed):
    fixed, _ = apply(seed, Corrections().fix_position(*span(seed, "p6"), kind="offer"))
    assert not fixed.position("p6").corrected


def test_a_new_party_moves_the_position_and_the_counts(seed):
    fixed, unmatched = apply(seed, Corrections().fix_position(*span(seed, "p16"), actor="us"))
    assert unmatched == ()
    assert fixed.position("p16").actor == "us"
    assert fixed.actor("us").positions == 5 and fixed.actor("nato").positions == 1
    check_analysis(analysis_to_dict(fixed))


def test_later_fixes_of_a_span_keep_the_earlier_ones(seed):
    corrections = Corrections().fix_position(*span(seed, "p16"), actor="us").fix_position(
        *span(seed, "p16"), kind="offer")
    assert corrections.positions == (PositionFix(*span(seed, "p16"), actor="us", kind="offer"),)
    fixed, _ = apply(seed, corrections)
    assert (fixed.position("p16").actor, fixed.position("p16").kind) == ("us", "offer")


def test_a_deleted_position_takes_its_links_and_the_unanswered_list_follows(seed):
    # p15 (NATO) answers p13, p9 and p1; without it p13 and p1 are unanswered demands again.
    fixed, unmatched = apply(seed, Corrections().fix_position(*span(seed, "p15"), deleted=True))
    assert unmatched == ()
    assert fixed.position("p15") is None
    assert all("p15" not in (lk.source, lk.target) for lk in fixed.links)
    assert set(fixed.unanswered) == {"p1", "p2", "p10", "p13"}
    assert fixed.actor("nato").positions == 1
    check_analysis(analysis_to_dict(fixed))


def test_an_added_link_gets_the_relation_of_the_kinds(seed):
    # p2 is an unanswered demand; the US rejection p7 now answers it.
    corrections = Corrections().fix_link(span(seed, "p2"), span(seed, "p7"), removed=False)
    fixed, unmatched = apply(seed, corrections)
    assert unmatched == ()
    link = next(lk for lk in fixed.links if (lk.source, lk.target) == ("p2", "p7"))
    assert (link.relation, link.score, link.reason, link.corrected) == ("rejects", 1.0, ADDED_REASON, True)
    assert "p2" not in fixed.unanswered
    data = analysis_to_dict(fixed)
    check_analysis(data)
    assert next(lk for lk in data["links"] if lk["from"] == "p2")["corrected"] is True


def test_a_removed_link_is_gone_and_adding_it_again_undoes_the_removal(seed):
    removed = Corrections().fix_link(span(seed, "p4"), span(seed, "p5"), removed=True)
    fixed, _ = apply(seed, removed)
    assert not any((lk.source, lk.target) == ("p4", "p5") for lk in fixed.links)
    assert "p4" in fixed.unanswered
    again = removed.fix_link(span(seed, "p4"), span(seed, "p5"), removed=False)
    assert again.links == ()
    assert apply(seed, again)[0] is seed


def test_a_merge_moves_positions_targets_and_names(seed):
    fixed, unmatched = apply(seed, Corrections().merge("g7", "us"))
    assert unmatched == ()
    assert fixed.actor("g7") is None
    us = fixed.actor("us")
    assert us.corrected and "G7" in us.aliases and us.positions == 5
    assert fixed.position("p11").actor == "us" and fixed.position("p11").corrected
    assert all("g7" not in p.targets and p.actor not in p.targets for p in fixed.positions)
    check_analysis(analysis_to_dict(fixed))


def test_a_rename_keeps_the_old_name_as_an_alias(seed):
    fixed, _ = apply(seed, Corrections().rename("us", "Washington"))
    us = fixed.actor("us")
    assert us.name == "Washington" and "United States" in us.aliases and us.corrected
    assert not fixed.actor("russia").corrected


def test_corrections_follow_spans_not_position_ids(seed):
    """A new analysis numbers its positions differently: the fix still finds the span."""
    renumbered = replace(seed, positions=tuple(replace(p, id=f"x{p.id}") for p in seed.positions),
                         links=tuple(replace(lk, source=f"x{lk.source}", target=f"x{lk.target}") for lk in seed.links),
                         unanswered=tuple(f"x{u}" for u in seed.unanswered))
    fixed, unmatched = apply(renumbered, Corrections().fix_position(*span(seed, "p6"), kind="accept"))
    assert unmatched == () and fixed.position("xp6").kind == "accept"


def test_corrections_whose_span_or_party_is_gone_are_reported(seed):
    corrections = (Corrections().fix_position(1, 5, kind="offer")
                   .fix_position(*span(seed, "p6"), actor="nobody")
                   .fix_link((1, 5), span(seed, "p6"), removed=False)
                   .merge("nobody", "us")
                   .rename("ghost", "Ghost")
                   .fix_position(*span(seed, "p5"), kind="accept"))
    fixed, unmatched = apply(seed, corrections)
    assert fixed.position("p5").kind == "accept"  # the one that matches still applies
    assert fixed.position("p6").actor == "us"
    assert {type(f) for f in unmatched} == {PositionFix, LinkFix, Merge, Rename} and len(unmatched) == 5


def test_a_rename_of_a_party_merged_away_is_moot_not_unmatched(seed):
    _, unmatched = apply(seed, Corrections().rename("g7", "Group of Seven").merge("g7", "us"))
    assert unmatched == ()


def test_saved_and_loaded_back(seed, tmp_path):
    corrections = (Corrections().fix_position(*span(seed, "p6"), kind="accept")
                   .fix_position(*span(seed, "p16"), deleted=True)
                   .fix_link(span(seed, "p2"), span(seed, "p7"), removed=False)
                   .merge("g7", "us").rename("nato", "The Alliance"))
    path = corrections_path(seed.text, tmp_path)
    save(corrections, path, seed.text, seed.source)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["positions"][0]["text"] == seed.position("p6").text
    assert load(path, seed.text) == (corrections, [])


def test_the_file_is_named_by_the_text_and_lives_in_the_data_dir(seed, tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path))
    assert data_dir() == tmp_path
    path = corrections_path(seed.text)
    assert path.parent == tmp_path / "corrections" and path != corrections_path(seed.text + " ")
    save(Corrections().rename("us", "USA"), path, seed.text)
    fixed, problems = corrected(seed)
    assert problems == [] and fixed.actor("us").name == "USA"


@pytest.mark.parametrize(("content", "why"), [
    (b"{not json", "is invalid"),
    (b'{"positions": []}', "no version 1 field"),
    (b'{"version": 9}', "newer reader"),
    (b'{"version": 1, "positions": [{"start": 5, "end": 1}]}', "ends before it starts"),
    (b'{"version": 1, "positions": [{"start": -1, "end": 1}]}', "not a whole number"),
    (b'{"version": 1, "positions": [{"start": 1, "end": 2, "kind": "shout"}]}', "kind"),
    (b'{"version": 1, "links": [{"from": {"start": 1, "end": 2}, "to": 3, "action": "add"}]}', "to: not an object"),
    (b'{"version": 1, "renames": [{"actor": "us", "name": "a\\nb"}]}', "one-line name"),
    (b'{"version": 1, "merges": [{"actor": "\\udcff", "into": "us"}]}', "party id"),
    (b'{"version": 1, "text_sha256": "00"}', "another text"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b"\xff\xfe", "is invalid"),
])
def test_a_broken_or_hostile_file_is_one_problem_and_no_corrections(seed, tmp_path, content, why):
    path = tmp_path / "c.json"
    path.write_bytes(content)
    corrections, problems = load(path, seed.text)
    assert corrections == Corrections()
    assert len(problems) == 1 and why in problems[0] and str(path) in problems[0]


def test_a_fifo_or_a_directory_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    assert "not a regular file" in load(fifo)[1][0]
    (tmp_path / "dir.json").mkdir()
    assert load(tmp_path / "dir.json")[1]


def test_unmatched_corrections_stay_in_the_file(seed, tmp_path):
    path = corrections_path(seed.text, tmp_path)
    save(Corrections().fix_position(1, 5, kind="offer"), path, seed.text)
    fixed, problems = corrected(seed, tmp_path)
    assert fixed is not None and len(problems) == 1
    assert "1 correction no longer matches the analysis" in problems[0] and str(path) in problems[0]
    assert load(path, seed.text)[0].positions == (PositionFix(1, 5, kind="offer"),)


def test_to_dict_and_from_dict_round_trip(seed):
    corrections = Corrections().fix_position(3, 9, actor="us", kind="offer", deleted=False).fix_link(
        (1, 2), (3, 9), removed=True)
    assert from_dict(json.loads(json.dumps(to_dict(corrections, seed.text))), seed.text) == corrections


def test_the_corrections_module_does_not_import_textual():
    code = ("import sys, reader.corrections\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'spacy')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_forget_a_position_and_undelete(seed):
    p6, p7 = span(seed, "p6"), span(seed, "p7")
    corrections = (Corrections().fix_position(*p6, kind="accept").fix_position(*p7, deleted=True)
                   .fix_position(*span(seed, "p5"), kind="offer").fix_position(*span(seed, "p5"), deleted=True))
    assert apply(seed, corrections.forget_position(*p6))[0].position("p6").kind == "offer"
    back = corrections.undelete()
    assert [f.span for f in back.positions] == [p6, span(seed, "p5")] and not any(f.deleted for f in back.positions)
    fixed, _ = apply(seed, back)
    assert fixed.position("p7") is not None and fixed.position("p5").kind == "offer"


@pytest.mark.parametrize("where", ["actors", "positions", "links"])
def test_check_analysis_wants_corrected_to_be_true_or_false(seed, where):
    from reader.model import InvalidAnalysis

    data = analysis_to_dict(seed)
    data[where][0]["corrected"] = "yes"
    with pytest.raises(InvalidAnalysis, match="corrected"):
        check_analysis(data)
    data[where][0]["corrected"] = True
    check_analysis(data)
    assert getattr(analysis_from_dict(data), where)[0].corrected is True
