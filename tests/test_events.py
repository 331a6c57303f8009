"""``reader library --export events.jsonl`` (reader.events): one PLOVER-style record per position,
with its actors as the library's parties, the quote at its offsets, the article, and the links."""

from __future__ import annotations

import json

import pytest
from test_corpus import run

from reader import corrections
from reader.events import event_id, events, plover_types
from reader.library import open_library
from reader.model import KINDS

SEED = "000_92e0686fa38e74b4"
KYIV = "voa-zelenskyy-kellogg-us-ukraine-2025"
UK = "wn-uk-us-immunity-sacoolas-2019"


@pytest.fixture
def filled(tmp_path, sample_analyses):
    """A library of three articles (2025, 2021, 2019 added in that order)."""
    path = tmp_path / "lib.sqlite3"
    with open_library(path) as library:
        library.add_batch([sample_analyses[KYIV], sample_analyses[SEED], sample_analyses[UK]])
    return path


def export(capsys, path, *more: str) -> list[dict]:
    out_file = path.parent / "events.jsonl"
    status, out, err = run(capsys, "library", "--library", str(path), "--export", str(out_file), *more)
    assert status == 0 and err == ""
    lines = out_file.read_text(encoding="utf-8").splitlines()
    assert out == f"exported {len(lines)} events to {out_file}\n"
    return [json.loads(line) for line in lines]


def test_one_record_per_position_in_date_order(capsys, filled, sample_analyses):
    records = export(capsys, filled)
    analyses = {a.title: a for a in (sample_analyses[k] for k in (SEED, KYIV, UK))}
    assert len(records) == sum(len(a.positions) for a in analyses.values())
    assert [r["date"] for r in records] == sorted(r["date"] for r in records)
    assert records[0]["date"] == "2019-10-10" and records[-1]["date"] == "2025-02-20"
    assert len({r["id"] for r in records}) == len(records)
    for record in records:
        analysis = analyses[record["article"]["title"]]
        quote = record["quote"]
        assert analysis.text[quote["start"]:quote["end"]] == quote["text"]
        position = analysis.position(record["id"].split(":", 1)[1])
        assert (position.kind, position.start) == (record["event_type"], quote["start"])
        assert record["plover_type"] == plover_types()[position.kind]
        assert record["article"]["url"] == analysis.publication.url
        assert record["article"]["outlet"] == analysis.publication.outlet
        assert record["source_actor"]["article_name"] == analysis.actor(position.actor).name
        assert [t["article_name"] for t in record["target_actors"]] == [
            analysis.actor(t).name for t in position.targets]
        assert record["speaker"] == position.speaker


def test_parties_are_the_librarys(capsys, filled):
    records = export(capsys, filled)
    russia = [r["source_actor"] for r in records if r["source_actor"]["name"] == "Russia"]
    assert {r["article"]["id"] for r in records if r["source_actor"]["name"] == "Russia"} == {1, 2}  # two articles
    assert {(a["code"], a["kind"]) for a in russia} == {("RUS", "country")}
    assert len({a["party_id"] for a in russia}) == 1
    assert all(set(r["source_actor"]) == {"name", "code", "kind", "party_id", "article_name"} for r in records)


def test_links_are_answer_relations(capsys, filled, sample_analyses):
    records = {r["id"]: r for r in export(capsys, filled)}
    seed = sample_analyses[SEED]
    assert seed.links
    seed_id = next(r["article"]["id"] for r in records.values() if r["article"]["title"] == seed.title)
    for link in seed.links:
        answered, answer = records[event_id(seed_id, link.source)], records[event_id(seed_id, link.target)]
        expected = {"id": answer["id"], "relation": link.relation, "score": round(link.score, 4),
                    "reason": link.reason, "corrected": False, "across": False}
        assert expected in answered["answered_by"]  # the demand is answered by the rejection ...
        assert {**expected, "id": answered["id"]} in answer["answers"]  # ... which answers the demand
    linked = sum(not a["across"] for r in records.values() for a in r["answers"])
    assert linked == sum(len(sample_analyses[k].links) for k in (SEED, KYIV, UK))


def test_replies_across_articles_are_answer_relations(capsys, tmp_path, sample_analyses):
    """Two copies of the seed a week apart: the later one's rejections answer the earlier one's
    demands across articles, and the export says so at both ends."""
    from dataclasses import replace

    from reader.library_links import replies

    seed = sample_analyses[SEED]
    later = replace(seed, text=seed.text + " Later.", publication=replace(seed.publication, date="2021-12-24"))
    path = tmp_path / "lib.sqlite3"
    with open_library(path) as library:
        library.add_batch([seed, later])
    records = {r["id"]: r for r in export(capsys, path)}
    with open_library(path) as library:
        found = replies(library)
    assert found
    for reply in found:
        first, answer = records[event_id(*reply.first)], records[event_id(*reply.answer)]
        link = {"relation": reply.relation, "score": round(reply.score, 4), "reason": reply.reason,
                "corrected": False, "across": True}
        assert {"id": answer["id"], **link} in first["answered_by"]
        assert {"id": first["id"], **link} in answer["answers"]
        assert first["date"] < answer["date"]
    assert sum(a["across"] for r in records.values() for a in r["answers"]) == len(found)


def test_filters_and_standard_output(capsys, filled):
    everything = export(capsys, filled)
    status, out, err = run(capsys, "library", "--library", str(filled), "--export", "-", "--kind", "reject",
                           "--kind", "demand", "--since", "2020-01-01")
    assert status == 0 and err == ""
    chosen = [json.loads(line) for line in out.splitlines()]
    assert chosen == [r for r in everything if r["event_type"] in ("reject", "demand") and r["date"] >= "2020-01-01"]
    assert chosen and {r["event_type"] for r in chosen} <= {"reject", "demand"}
    assert set(plover_types()) == set(KINDS) and plover_types()["statement"] is None
    assert plover_types()["demand"] == "REQUEST" and plover_types()["reject"] == "REJECT"


def test_corrections_are_in_the_export(capsys, filled, sample_analyses, tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    seed = sample_analyses[SEED]
    first = next(p for p in seed.positions if p.actor == "russia" and p.kind == "demand")
    corrections.save(corrections.Corrections().fix_position(first.start, first.end, kind="threaten"),
                     corrections.corrections_path(seed.text), seed.text)
    records = export(capsys, filled)
    fixed = next(r for r in records if r["quote"]["start"] == first.start and r["article"]["title"] == seed.title)
    assert (fixed["event_type"], fixed["plover_type"], fixed["corrected"]) == ("threaten", "THREATEN", True)


def test_export_never_overwrites_the_library(capsys, filled, tmp_path):
    before = filled.read_bytes()
    status, out, err = run(capsys, "library", "--library", str(filled), "--export", str(filled))
    assert (status, out) == (2, "") and "is the library itself" in err and err.count("\n") == 1
    assert filled.read_bytes() == before
    status, _, err = run(capsys, "library", "--library", str(filled), "--export", str(tmp_path / "no" / "e.jsonl"))
    assert status == 2 and "no such folder" in err
    status, _, err = run(capsys, "library", "--library", str(filled), "--export", str(tmp_path))
    assert status == 2 and "is a folder" in err


def test_events_of_an_empty_library(tmp_path):
    with open_library(tmp_path / "lib.sqlite3") as library:
        assert list(events(library)) == []
