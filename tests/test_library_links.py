"""Replies across the articles of a library (reader.library_links): a demand answered by a
rejection a week later in another outlet, links kept up to date as articles come and go (the
same as linking the whole library again), schema 3 and its migration, the unanswered list."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from reader import library_links
from reader.library import SCHEMA_VERSION, open_library
from reader.library_links import Item, link_items, relink, relink_all, replies, unanswered
from reader.model import Analysis, Article, Paragraph, Publication

DEMAND = ("Russia demanded on Friday that NATO rule out membership for Ukraine and Georgia.\n\n"
          "Russian Deputy Foreign Minister Sergei Ryabkov said the alliance must halt its eastward expansion.")
REJECTION = ("NATO Secretary-General Jens Stoltenberg on Thursday rejected Russia's demands to rule out "
             "membership for Ukraine.\n\nHe said the alliance would not accept limits on its expansion.")
KYIV = "voa-zelenskyy-kellogg-us-ukraine-2025"
GAZA = "voa-gaza-egypt-counterplan-2025"


def article(text: str, source: str, outlet: str, day: str | None) -> Article:
    paragraphs, at = [], 0
    for part in text.split("\n\n"):
        start = text.index(part, at)
        paragraphs.append(Paragraph(start, start + len(part)))
        at = start + len(part)
    return Article(source, text, None, tuple(paragraphs), Publication(outlet, None, day))


@pytest.fixture(scope="module")
def dispute(nlp) -> dict[str, Analysis]:
    """Russia's demand (Deutsche Welle, 10 December) and NATO's rejection (Reuters, 17 December)."""
    from reader.pipeline import analyze

    return {"demand": analyze(article(DEMAND, "dw.txt", "Deutsche Welle", "2021-12-10"), nlp),
            "rejection": analyze(article(REJECTION, "reuters.txt", "Reuters", "2021-12-17"), nlp)}


@pytest.fixture
def lib(tmp_path):
    with open_library(tmp_path / "library.sqlite3") as library:
        yield library


def link_rows(lib) -> list[tuple]:
    return sorted(lib.conn.execute("SELECT * FROM cross_links").fetchall())


def party(lib, name: str) -> int:
    return next(p.id for p in lib.parties() if p.name == name)


def test_demand_answered_by_a_rejection_a_week_later_in_another_outlet(lib, dispute):
    first = lib.add(dispute["demand"]).article_id
    answer = lib.add(dispute["rejection"]).article_id
    assert relink(lib) > 0
    found = replies(lib, [party(lib, "Russia")])
    demand = next(p for p in dispute["demand"].positions if p.text.startswith("Russia demanded"))
    rejection = next(p for p in dispute["rejection"].positions if "rejected" in p.text)
    link = next(r for r in found if r.first == (first, demand.id) and r.answer == (answer, rejection.id))
    assert link.relation == "rejects"
    assert 0.45 <= link.score <= 1
    assert "demand answered by reject 7 days later" in link.reason
    assert "(Reuters)" in link.reason and "refers back: \u201cRussia's demands\u201d" in link.reason
    assert (link.first_date, link.answer_date) == ("2021-12-10", "2021-12-17")
    assert (link.first_outlet, link.answer_outlet) == ("Deutsche Welle", "Reuters")
    assert link.first_party == party(lib, "Russia") and link.answer_party == party(lib, "NATO")
    # the demand is answered now; nothing is linked inside one article (its own links do that)
    assert (first, demand.id) not in {(u.article_id, u.position_id) for u in unanswered(lib)}
    assert all(r.first[0] != r.answer[0] for r in replies(lib))
    assert relink(lib) == 0  # nothing changed: nothing to do


def test_no_link_outside_the_window_or_without_a_date(lib, dispute):
    late = replace(dispute["rejection"], publication=Publication("Reuters", None, "2022-03-01"))
    lib.add(dispute["demand"])
    lib.add(late)
    relink(lib)
    assert replies(lib) == []
    undated = replace(dispute["rejection"], text=dispute["rejection"].text + " ",
                      publication=Publication("Reuters", None, None))
    lib.add(undated)
    relink(lib)
    assert replies(lib) == []
    russia = party(lib, "Russia")
    assert {u.party_id for u in unanswered(lib)} == {russia} and len(unanswered(lib, [russia])) == 2


def test_removing_the_answer_unlinks_and_adding_it_back_links_again(lib, dispute):
    lib.add(dispute["demand"])
    answer = lib.add(dispute["rejection"]).article_id
    relink(lib)
    before = link_rows(lib)
    assert before
    assert lib.remove(answer)
    relink(lib)
    assert link_rows(lib) == []
    assert len(unanswered(lib)) == 2
    again = lib.add(dispute["rejection"]).article_id
    relink(lib)
    assert [row[2:] for row in link_rows(lib)] == [(again, *row[3:]) for row in before]


def test_incremental_links_equal_linking_everything_again(lib, sample_analyses, dispute):
    """Articles added one at a time, each followed by relink, give what relinking all gives."""
    for analysis in [sample_analyses[KYIV], dispute["rejection"], sample_analyses[GAZA], dispute["demand"]]:
        lib.add(analysis)
        relink(lib)
    kept = link_rows(lib)
    assert any(row[0] != row[2] for row in kept)
    lib.conn.execute("DELETE FROM cross_links")
    relink_all(lib)
    assert link_rows(lib) == kept


def test_merging_parties_links_again(lib, dispute):
    """NATO's rejection becomes the alliance's after a merge: still linked, to the merged party."""
    lib.add(dispute["demand"])
    lib.add(dispute["rejection"])
    relink(lib)
    nato = party(lib, "NATO")
    lib.conn.execute("INSERT INTO parties (name, code, kind) VALUES ('the alliance', NULL, 'organization')")
    alliance = lib.conn.execute("SELECT max(id) FROM parties").fetchone()[0]
    lib.merge_parties(nato, alliance)
    assert lib.conn.execute("SELECT count(*) FROM links_dirty").fetchone()[0] > 0
    relink(lib)
    assert {r.answer_party for r in replies(lib)} == {alliance}


def test_blocking_scores_pairs_in_contact_and_in_time_only():
    """Two parties in contact, two far apart in time, and one pair never in the same article:
    only the pairs that may answer each other are linked."""
    def item(article_id, pid, party, kind, day, terms):
        return Item((article_id, pid), party, kind, day, f"d{day}", None, terms, terms, frozenset(), frozenset(),
                    None)

    words = ("membership", "ukraine", "expansion", "alliance")
    items = [item(1, "a", 1, "demand", 1000, words), item(1, "b", 2, "statement", 1000, ("weather",)),
             item(2, "c", 2, "reject", 1005, words),  # answers 1 in time
             item(3, "d", 2, "reject", 1100, words),  # too late
             item(4, "e", 3, "reject", 1003, words)]  # party 3 never met party 1
    links = link_items(items, lambda i: True)
    assert [(first, answer) for first, answer, *_ in links] == [((1, "a"), (2, "c"))]


def test_schema_3_tables_and_triggers(lib):
    assert lib.version == SCHEMA_VERSION == 3
    names = {r[0] for r in lib.conn.execute("SELECT name FROM sqlite_master")}
    assert {"cross_links", "article_names", "position_facts", "links_dirty", "links_pending",
            "links_position_added", "links_position_removed", "links_party_merged"} <= names


def downgrade_to_2(path) -> None:
    """What a version-2 reader left: its tables and data, none of version 3."""
    conn = sqlite3.connect(path)
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE sql IS NOT NULL").fetchall():
        if name in ("cross_links", "article_names", "position_facts", "links_dirty", "links_pending") \
                or name.startswith(("links_", "cross_links_", "articles_date")):
            conn.execute(f"DROP {kind.upper()} IF EXISTS {name}")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()


def test_version_2_library_is_migrated_and_linked(tmp_path, dispute):
    path = tmp_path / "old.sqlite3"
    with open_library(path) as library:
        library.add(dispute["demand"])
        library.add(dispute["rejection"])
        relink(library)
        expected = link_rows(library)
    downgrade_to_2(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'cross_links'").fetchone()[0] == 0
    conn.close()
    with open_library(path) as library:
        assert library.version == 3
        assert library.conn.execute("SELECT count(*) FROM links_pending").fetchone()[0] == 2
        relink(library)
        assert expected and link_rows(library) == expected


def test_settings_are_data():
    settings = library_links.cross_settings()
    assert settings.window_days >= 7 and 0 < settings.threshold < 1
    assert "the" in settings.stop and "say" in settings.stop  # with links.toml's stop words


def test_cli_replies_and_unanswered(tmp_path, dispute, capsys):
    """reader library --replies / --unanswered, as text and JSON, for some parties or all."""
    import json

    from reader.cli import main

    path = tmp_path / "cli.sqlite3"
    with open_library(path) as library:
        library.add(dispute["demand"])
        library.add(dispute["rejection"])
    assert main(["library", "--replies", "--format", "json", "--library", str(path)]) == 0
    found = json.loads(capsys.readouterr().out)
    link = next(r for r in found if r["from"]["text"].startswith("Russia demanded"))
    assert link["to"]["party"] == "NATO" and link["to"]["outlet"] == "Reuters" and link["relation"] == "rejects"
    assert main(["library", "--replies", "--positions", "NATO", "--library", str(path)]) == 0
    out = capsys.readouterr().out
    assert "rejects (" in out and "by NATO, 2021-12-17, Reuters" in out
    assert main(["library", "--unanswered", "--library", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no unanswered demands" in captured.err
    assert main(["library", "--replies", "--positions", "Atlantis", "--library", str(path)]) == 2
    assert "no party 'Atlantis'" in capsys.readouterr().err
