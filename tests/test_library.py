"""The library (reader.library): schema and migration, one copy per text, parties across
articles, corrections, the party view's query, and files that must never be overwritten."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from reader import corrections
from reader.library import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    LibraryError,
    name_key,
    open_library,
)
from reader.model import Analysis

SEED = "000_92e0686fa38e74b4"
KYIV = "voa-zelenskyy-kellogg-us-ukraine-2025"
UK = "wn-uk-us-immunity-sacoolas-2019"
CAIRO = "wn-cairo-summit-turkey-libya-maritime-2020"


@pytest.fixture
def lib(tmp_path):
    with open_library(tmp_path / "library.sqlite3") as library:
        yield library


def copy_of(analysis: Analysis, suffix: str, **changes) -> Analysis:
    """Another article: the same text with words added at the end (offsets stay valid)."""
    return replace(analysis, text=analysis.text + suffix, **changes)


def party_named(lib, name: str) -> list[int]:
    return [p.id for p in lib.parties() if p.name == name]


# --- schema -------------------------------------------------------------------------------------


def test_new_library_has_the_current_schema(lib):
    conn = lib.conn
    assert lib.version == SCHEMA_VERSION == 3
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"articles", "parties", "party_keys", "article_parties", "positions",  # and replies across
                      "cross_links", "article_names", "position_facts", "links_dirty", "links_pending"}  # articles
    columns = {r[1] for r in conn.execute("PRAGMA table_info(positions)")}
    assert {"article_id", "position_id", "party_id", "kind", "text", "start", "end", "date"} <= columns


def test_party_view_query_uses_the_index(lib):
    plan = " ".join(str(r) for r in lib.conn.execute(
        'EXPLAIN QUERY PLAN SELECT p.article_id FROM positions AS p WHERE p.party_id IN (1) ORDER BY p.date'))
    assert "positions_party_date" in plan


def test_default_path_is_in_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    with open_library() as library:
        assert library.path == tmp_path / "data" / "library.sqlite3"
    assert (tmp_path / "data" / "library.sqlite3").is_file()


# --- adding ---------------------------------------------------------------------------------------


def test_same_text_is_kept_once(lib, sample_analyses):
    seed = sample_analyses[SEED]
    first = lib.add(seed)
    again = lib.add(replace(seed, source="elsewhere/copy.txt"))
    assert first.added and not again.added and again.article_id == first.article_id
    assert len(lib.articles()) == 1
    assert lib.conn.execute("SELECT count(*) FROM positions").fetchone()[0] == len(seed.positions)
    assert lib.has_text(seed.text) and not lib.has_text(seed.text + " more")


def test_stored_analysis_round_trips(lib, sample_analyses):
    seed = sample_analyses[SEED]
    article_id = lib.add(seed).article_id
    assert lib.stored(article_id) == seed
    entry = lib.articles()[0]
    assert (entry.date, entry.outlet, entry.title) == (seed.publication.date, seed.publication.outlet, seed.title)
    assert entry.parties[0].name == "Russia" and sum(p.positions for p in entry.parties) == len(seed.positions)


def test_remove_takes_the_positions_with_it(lib, sample_analyses):
    article_id = lib.add(sample_analyses[SEED]).article_id
    lib.add(sample_analyses[KYIV])
    assert lib.remove(article_id) and not lib.remove(article_id)
    assert [e.id for e in lib.articles()] != [article_id]
    left = lib.conn.execute("SELECT count(*) FROM positions WHERE article_id = ?", (article_id,)).fetchone()[0]
    assert left == 0
    with pytest.raises(KeyError):
        lib.stored(article_id)


# --- parties across articles ------------------------------------------------------------------


def test_parties_merge_by_knowledge_code(lib, sample_analyses):
    seed, kyiv = lib.add(sample_analyses[SEED]), lib.add(sample_analyses[KYIV])
    for actor_id, code in (("russia", "RUS"), ("nato", "IGOWSTNAT"), ("united-states", "USA")):
        first = lib.article_party(seed.article_id, actor_id)
        assert first is not None and first == lib.article_party(kyiv.article_id, actor_id)
        assert lib.party(first).code == code
    assert len(party_named(lib, "Russia")) == 1
    russia = next(p for p in lib.parties() if p.name == "Russia")
    assert russia.articles == 2
    assert russia.positions == sum(p.actor == "russia" for a in (SEED, KYIV) for p in sample_analyses[a].positions)


def test_code_wins_over_the_name(lib, sample_analyses, tmp_path):
    """A party the user renamed in one article (its old name kept as an alias) is still the
    party of that code."""
    kyiv = sample_analyses[KYIV]
    lib.add(kyiv)
    other = copy_of(kyiv, " Again.")
    directory = tmp_path / "corrections"
    corrections.save(corrections.Corrections().rename("russia", "Russian Federation"),
                     corrections.corrections_path(other.text, directory), other.text)
    added = lib.add(other, corrections_dir=directory)
    assert lib.article_party(added.article_id, "russia") == party_named(lib, "Russia")[0]


def test_parties_merge_by_folded_name(lib, sample_analyses):
    uk = sample_analyses[UK]
    first = lib.add(uk)
    spelled = tuple(replace(a, name="the  DUNN family") if a.id == "dunn-family" else a for a in uk.actors)
    second = lib.add(copy_of(uk, " More.", actors=spelled))
    party = lib.article_party(first.article_id, "dunn-family")
    assert party is not None and party == lib.article_party(second.article_id, "dunn-family")
    assert name_key("the  DUNN family") == name_key("Dunn family") == "dunn family"


def test_names_in_lower_case_are_not_merged(lib, sample_analyses):
    """"protesters" or "the opposition" are a different body in every article."""
    uk = sample_analyses[UK]
    generic = tuple(replace(a, name="protesters", kind="group") if a.id == "dunn-family" else a for a in uk.actors)
    first = lib.add(replace(uk, actors=generic))
    second = lib.add(copy_of(uk, " More.", actors=generic))
    assert lib.article_party(first.article_id, "dunn-family") != lib.article_party(second.article_id, "dunn-family")
    assert name_key("the opposition") is None and name_key("rebels") is None


def test_merge_parties_moves_positions_and_later_articles(lib, sample_analyses):
    uk = sample_analyses[UK]
    first = lib.add(uk)
    family = lib.article_party(first.article_id, "dunn-family")
    kingdom = lib.article_party(first.article_id, "united-kingdom")
    before = len(lib.party_positions([kingdom]))
    lib.merge_parties(family, kingdom)
    assert lib.party(family) is None
    assert len(lib.party_positions([kingdom])) == before + sum(
        p.actor == "dunn-family" for p in uk.positions)
    later = lib.add(copy_of(uk, " Later."))
    assert lib.article_party(later.article_id, "dunn-family") == kingdom
    with pytest.raises(LibraryError, match="no party"):
        lib.merge_parties(kingdom, 99999)


# --- the party view -------------------------------------------------------------------------------


def test_party_positions_in_date_order_with_filters(lib, sample_analyses):
    kyiv, seed = sample_analyses[KYIV], sample_analyses[SEED]  # 2025-02-20 added before 2021-12-17
    lib.add(kyiv)
    lib.add(seed)
    undated = lib.add(copy_of(seed, " Undated.", publication=replace(seed.publication, date=None)))
    russia = party_named(lib, "Russia")
    found = lib.party_positions(russia)
    dates = [p.date for p in found]
    assert dates == sorted(dates) and dates[0] == "2021-12-17" and "2025-02-20" in dates
    added_day = lib.conn.execute("SELECT substr(added_at, 1, 10) FROM articles WHERE id = ?",
                                 (undated.article_id,)).fetchone()[0]
    assert {p.date for p in found if p.article_id == undated.article_id} == {added_day}
    first = found[0]
    article = lib.stored(first.article_id)
    assert article.text[first.start:first.end] == first.text
    demands = lib.party_positions(russia, kinds=["demand"])
    assert demands and all(p.kind == "demand" for p in demands)
    assert len(demands) == sum(p.kind == "demand" for p in found)
    window = lib.party_positions(russia, since="2022-01-01", until="2025-12-31")
    assert window and {p.date for p in window} == {"2025-02-20"}
    assert lib.party_positions([]) == []


# --- corrections ------------------------------------------------------------------------------------


def test_corrections_are_applied_when_stored_and_after(lib, sample_analyses, tmp_path):
    seed = sample_analyses[SEED]
    directory = tmp_path / "corrections"
    first = next(p for p in seed.positions if p.actor == "russia" and p.kind == "demand")
    fixes = corrections.Corrections().fix_position(first.start, first.end, kind="threaten")
    corrections.save(fixes, corrections.corrections_path(seed.text, directory), seed.text)
    article_id = lib.add(seed, corrections_dir=directory).article_id
    russia = party_named(lib, "Russia")
    stored = {(p.start, p.kind) for p in lib.party_positions(russia)}
    assert (first.start, "threaten") in stored and (first.start, "demand") not in stored
    assert lib.stored(article_id) == seed  # the analysis itself is kept as made
    assert lib.analysis(article_id, directory)[0].position(first.id).kind == "threaten"

    nato = next(a for a in seed.actors if a.id == "nato")  # a later correction: NATO merged into the US
    fixes = fixes.merge(nato.id, "united-states")
    corrections.save(fixes, corrections.corrections_path(seed.text, directory), seed.text)
    assert lib.sync_corrections(directory) == []
    us = lib.article_party(article_id, "united-states")
    assert lib.article_party(article_id, "nato") is None
    assert len(lib.party_positions([us])) == sum(p.actor in ("nato", "united-states") for p in seed.positions)
    assert lib.sync_corrections(directory) == []  # nothing changed since: nothing indexed again


# --- batches -------------------------------------------------------------------------------------------


def test_interrupted_batch_keeps_finished_articles(lib, sample_analyses):
    def batch():
        yield sample_analyses[SEED]
        yield sample_analyses[KYIV]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        lib.add_many(batch())
    assert len(lib.articles()) == 2


def test_failure_inside_an_article_keeps_none_of_it(lib, sample_analyses):
    """SQLite itself fails halfway through the third article's positions: the two before stay,
    nothing of the third is kept."""
    uk = sample_analyses[UK]
    lib.conn.execute("CREATE TEMP TRIGGER fail_uk BEFORE INSERT ON positions WHEN NEW.text = "
                     f"{sqlite3_quote(uk.positions[-1].text)} BEGIN SELECT RAISE(ABORT, 'disk gone'); END")
    with pytest.raises(LibraryError, match="disk gone"):
        lib.add_many([sample_analyses[SEED], sample_analyses[KYIV], uk])
    assert len(lib.articles()) == 2 and not lib.has_text(uk.text)
    assert lib.conn.execute("SELECT count(*) FROM article_parties WHERE article_id NOT IN "
                            "(SELECT id FROM articles)").fetchone()[0] == 0


def sqlite3_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# --- files that are not ours, damaged or busy ------------------------------------------------------


def test_corrupt_file_is_refused_and_left_as_it_is(tmp_path):
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"not a database at all\n" * 100)
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="not a reader library") as error:
        open_library(path)
    assert "\n" not in str(error.value)
    assert path.read_bytes() == before


def test_damaged_database_is_refused_and_left_as_it_is(tmp_path, sample_analyses):
    path = tmp_path / "library.sqlite3"
    with open_library(path) as library:
        library.add(sample_analyses[SEED])
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[100:len(data)] = b"\xff" * (len(data) - 100)  # every page after the header destroyed
    path.write_bytes(bytes(data))
    with pytest.raises(LibraryError, match="damaged or not a reader library") as error:
        with open_library(path) as library:
            library.articles()
    assert "\n" not in str(error.value)
    assert path.read_bytes() == bytes(data)


def test_another_sqlite_database_is_not_touched(tmp_path):
    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE notes (text TEXT)")
    other.commit()
    other.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="not a reader library"):
        open_library(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "library.sqlite3"
    open_library(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(LibraryError, match="newer reader"):
        open_library(path)


def test_directory_is_refused(tmp_path):
    with pytest.raises(LibraryError, match="is not a file"):
        open_library(tmp_path)


def test_locked_library_says_so(tmp_path, sample_analyses):
    path = tmp_path / "library.sqlite3"
    open_library(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with open_library(path, timeout=0.05) as library:
            with pytest.raises(LibraryError, match="in use by another process") as error:
                library.add(sample_analyses[SEED])
        assert "locked" in str(error.value) and "\n" not in str(error.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with open_library(path) as library:  # free again: the same add works
        assert library.add(sample_analyses[SEED]).added


# --- migration -------------------------------------------------------------------------------------------

V1_BY_HAND = """
CREATE TABLE articles (id INTEGER PRIMARY KEY, text_sha256 TEXT NOT NULL UNIQUE, source TEXT NOT NULL,
    title TEXT, outlet TEXT, url TEXT, date TEXT, added_at TEXT NOT NULL, analysis TEXT NOT NULL,
    model TEXT NOT NULL);
CREATE TABLE parties (id INTEGER PRIMARY KEY, name TEXT NOT NULL, code TEXT, kind TEXT NOT NULL);
CREATE TABLE party_keys (key TEXT PRIMARY KEY, party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE);
CREATE TABLE article_parties (article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL, party_id INTEGER NOT NULL REFERENCES parties(id), PRIMARY KEY (article_id, actor_id));
CREATE TABLE positions (article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position_id TEXT NOT NULL, party_id INTEGER NOT NULL REFERENCES parties(id), kind TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, PRIMARY KEY (article_id, position_id));
CREATE INDEX positions_party ON positions(party_id);
"""


def make_v1(path: Path, analysis: Analysis) -> None:
    """A version-1 library, written by hand as that version wrote it (one article, its Russia)."""
    import json

    from reader.model import analysis_to_dict

    conn = sqlite3.connect(path)
    conn.executescript(V1_BY_HAND)
    conn.execute("INSERT INTO articles VALUES (1, ?, ?, ?, ?, ?, ?, '2026-01-02T03:04:05Z', ?, ?)",
                 (corrections.text_key(analysis.text), analysis.source, analysis.title,
                  analysis.publication.outlet, analysis.publication.url, analysis.publication.date,
                  json.dumps(analysis_to_dict(analysis)), analysis.model))
    conn.execute("INSERT INTO parties VALUES (1, 'Russia', 'RUS', 'country')")
    conn.execute("INSERT INTO party_keys VALUES ('code:RUS', 1)")
    conn.execute("INSERT INTO article_parties VALUES (1, 'russia', 1)")
    russian = [p for p in analysis.positions if p.actor == "russia"]
    conn.executemany("INSERT INTO positions VALUES (1, ?, 1, ?, ?, ?, ?)",
                     [(p.id, p.kind, p.text, p.start, p.end) for p in russian])
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_version_1_library_is_migrated(tmp_path, sample_analyses):
    seed = sample_analyses[SEED]
    path = tmp_path / "library.sqlite3"
    make_v1(path, seed)
    with open_library(path) as library:
        assert library.version == SCHEMA_VERSION  # through 2 to 3
        found = library.party_positions([1])
        assert len(found) == sum(p.actor == "russia" for p in seed.positions)
        assert {p.date for p in found} == {seed.publication.date}  # filled in by the migration
        assert all(p.speaker is None for p in found)
        assert library.sync_corrections(tmp_path / "no-corrections") == []  # indexes the v1 article again
        again = library.party_positions([1])
        assert len(again) == len(found) and any(p.speaker for p in again)
        assert library.add(sample_analyses[KYIV]).added
        assert library.article_party(2, "russia") == 1  # found by the key version 1 stored
