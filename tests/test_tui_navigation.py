"""The TUI's plain logic: moving across positions, picking panels, keymaps, safe text (no app needed)."""

from __future__ import annotations

from dataclasses import replace

from tui_support import seed_analysis

from reader.tui.keymap import load_keymap
from reader.tui.navigation import Navigator, match_actor, panel_order, pick_actors
from reader.tui.text import answer_note, safe_text, shorten
from reader.tui.widgets.search_bar import find_all


def navigator(**options) -> Navigator:
    analysis = seed_analysis()
    return Navigator(analysis, shown=options.pop("shown", ["russia", "us", "nato"]), **options)


def test_panel_order_and_default_pick():
    analysis = seed_analysis()
    assert panel_order(analysis) == ["russia", "us", "nato", "g7"]
    assert pick_actors(analysis, None) == ["russia", "us", "nato"]


def test_actors_are_matched_by_name_alias_id_and_initials():
    analysis = seed_analysis()
    assert match_actor(analysis, "US") == "us"
    assert match_actor(analysis, "United States") == "us"
    assert match_actor(analysis, "washington") == "us"
    assert match_actor(analysis, "Kremlin") == "russia"
    assert match_actor(analysis, "nato") == "nato"
    assert match_actor(analysis, "Unknown party") is None
    assert pick_actors(analysis, ["NATO", "nobody", "Russia", "nato"]) == ["nato", "russia"]
    assert pick_actors(analysis, ["nobody"]) == ["russia", "us", "nato"]


def test_steps_follow_article_order_and_stop_at_the_ends():
    nav = navigator()
    assert nav.step(-1).id == "p16"
    assert nav.step(1) is None and nav.selected == "p16"
    nav.select("p10")
    assert nav.step(1).id == "p12"  # p11 belongs to G7, whose panel is not shown
    assert nav.can_step(-1)
    assert nav.edge(last=False).id == "p1"
    assert not nav.can_step(-1)


def test_follow_cycles_and_back_returns():
    nav = navigator()
    nav.select("p9")
    assert [p.id for p, _ in nav.links_of("p9")] == ["p8", "p15"]
    assert nav.follow().id == "p8"
    assert nav.follow_state() == (1, 2)
    assert nav.follow().id == "p15"
    assert nav.follow().id == "p8"
    assert nav.back().id == "p9"
    assert nav.back() is None


def test_follow_from_a_single_link_follows_onward():
    nav = navigator()
    nav.select("p13")
    assert nav.follow().id == "p15"
    # One link only: enter again follows onward from the answer (best first), no cycling.
    assert nav.follow().id == "p13"
    assert nav.history == ["p13", "p15"]


def test_lit_positions_are_all_links_both_ways():
    nav = navigator()
    nav.select("p15")
    assert nav.lit() == {"p13", "p9", "p1"}
    nav.select("p2")
    assert nav.lit() == frozenset()


def test_unanswered_demands_wrap_around():
    nav = navigator()
    assert nav.next_unanswered().id == "p2"
    assert nav.next_unanswered().id == "p10"
    assert nav.next_unanswered().id == "p2"
    nav = Navigator(replace(seed_analysis(), unanswered=()), shown=["russia"])
    assert nav.next_unanswered() is None


def test_kind_filter_cycles_through_present_kinds():
    nav = navigator()
    seen = [nav.cycle_kind() for _ in range(len(nav.kinds()) + 1)]
    assert seen[0] == "demand" and seen[-1] is None
    assert set(seen[:-1]) == {"demand", "offer", "reject", "accuse", "statement"}  # G7's threat: not shown
    assert "threaten" in navigator(shown=["russia", "us", "nato", "g7"]).kinds()
    nav.kind = "reject"
    assert {p.kind for p in nav.visible()} == {"reject"}
    assert "p1" in nav.hidden_ids()


def test_answer_notes():
    analysis = seed_analysis()
    assert answer_note(analysis, analysis.position("p9")) == "↩ 2 replies"
    assert answer_note(analysis, analysis.position("p2")) == "unanswered"
    assert answer_note(analysis, analysis.position("p15")) == "replies to 3"
    assert answer_note(analysis, analysis.position("p16")) == ""


def test_safe_text_and_shorten():
    assert safe_text("a\x1b[2Jb\x00\u202e") == "a␛[2Jb␀·"
    assert len(safe_text("x\x85y")) == 3
    assert shorten("word " * 40, 20).endswith("…")
    assert len(shorten("word " * 40, 20)) <= 20


def test_find_all_is_case_insensitive_and_literal():
    assert find_all("NATO and nato. [b]", "nato") == [(0, 4), (9, 13)]
    assert find_all("a [b] c", "[b]") == [(2, 5)]


def test_keymap_file_forms(tmp_path):
    path = tmp_path / "keymap.toml"
    assert load_keymap(path) == ({}, [])
    path.write_text('[keymap]\n"reader.next" = "down, x"\n"reader.back" = ["escape", "b"]\n"bad" = 3\n')
    keymap, problems = load_keymap(path)
    assert keymap == {"reader.next": "down,x", "reader.back": "escape,b"}
    assert len(problems) == 1 and "'bad'" in problems[0]
    path.write_text('"reader.quit" = "ctrl+q"\n')
    assert load_keymap(path) == ({"reader.quit": "ctrl+q"}, [])
    path.write_text("not toml ===")
    keymap, problems = load_keymap(path)
    assert keymap == {} and problems
