"""Every hand annotation is well formed: its article exists, every anchor lies in the article's
text (verbatim after the scorer's folding, and still after reading and cleaning), actors named by
positions are defined, kinds are the guideline's, links join positions that exist.

No analysis runs here: these tests check the gold files, for every set (public samples, dev,
held-out ones), so a slip in an annotation shows up before it skews a score. Failure messages
name the file and position ids only, never the anchors, so that a blind set stays blind.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from eval_score import norm

from reader.ingest import read_article

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
SAMPLES = ROOT / "samples"
KINDS = {"demand", "offer", "accept", "reject", "threaten", "accuse", "statement"}
# The folder of each set, under tests/gold for its gold and under samples for its articles
# ("" is the public samples).
SETS = ("", "dev", "heldout", "heldout2", "heldout3", "heldout4", "dev2", "heldout5", "dev3", "heldout6", "dev4",
        "heldout7", "dev5", "heldout8", "dev6", "heldout9", "dev7", "dev8", "heldout10", "dev9", "heldout11", "dev10",
        "heldout12", "dev11", "dev12", "dev13", "dev14", "dev15", "heldout13", "dev16", "dev17", "heldout14", "dev18",
        "dev19", "heldout15", "dev20", "dev21", "dev22", "dev23", "heldout16", "dev24", "dev25", "heldout17",
        "dev26", "dev27")
MIN_WORDS, MAX_WORDS = 5, 12
# the sets whose anchors keep to MIN_WORDS..MAX_WORDS
STRICT_SETS = ("heldout3", "heldout4", "dev2", "heldout5", "dev3", "heldout6", "dev4", "heldout7", "dev5", "heldout8",
               "dev6", "heldout9", "dev7", "dev8", "heldout10", "dev9", "heldout11", "dev10", "heldout12",
               "dev11", "dev12", "dev13", "dev14", "dev15", "heldout13", "dev16", "dev17", "heldout14", "dev18",
               "dev19", "heldout15", "dev20", "dev21", "dev22", "dev23", "heldout16", "dev24", "dev25", "heldout17",
               "dev26", "dev27")


def gold_files() -> list[Path]:
    return [path for folder in SETS for path in sorted((GOLD / folder).glob("*.gold.json"))]


def article_path(gold_path: Path, data: dict) -> Path:
    return SAMPLES / gold_path.parent.relative_to(GOLD) / data["article"]


def gold_id(path: Path) -> str:
    return path.relative_to(GOLD).as_posix().removesuffix(".gold.json")


@pytest.fixture(scope="module", params=gold_files(), ids=gold_id)
def gold(request) -> tuple[str, dict, str, str]:
    """(name, gold data, raw article text, cleaned article text) for one gold file."""
    path = request.param
    data = json.loads(path.read_text(encoding="utf-8"))
    article = article_path(path, data)
    assert article.is_file(), f"{gold_id(path)}: its article {data.get('article')!r} is missing"
    return gold_id(path), data, article.read_text(encoding="utf-8"), read_article(str(article)).text


def test_every_set_has_gold():
    for folder in SETS:
        assert list((GOLD / folder).glob("*.gold.json")), f"no gold files in tests/gold/{folder}"


@pytest.mark.parametrize("folder", [f for f in SETS if f])
def test_every_article_of_a_set_has_its_gold(folder):
    texts = {p.stem for p in (SAMPLES / folder).glob("*.txt")}
    golds = {p.name.removesuffix(".gold.json") for p in (GOLD / folder).glob("*.gold.json")}
    assert texts == golds, (folder, sorted(texts ^ golds))


def test_gold_names_its_own_article(gold):
    name, data, _, _ = gold
    assert Path(data["article"]).stem == Path(name).name, name


def test_fields(gold):
    name, data, _, _ = gold
    assert isinstance(data["actors"], dict) and data["actors"], name
    for actor, aliases in data["actors"].items():
        assert actor and isinstance(aliases, list) and all(isinstance(a, str) and a for a in aliases), (name, actor)
    ids = [p["id"] for p in data["positions"]]
    assert ids and len(ids) == len(set(ids)), (name, "position ids must be unique")
    for p in data["positions"]:
        assert p["actor"] and set(p["actor"]) <= set(data["actors"]), (name, p["id"], "undefined actor")
        assert p["kinds"] and set(p["kinds"]) <= KINDS, (name, p["id"], "unknown kind")


def test_anchors_lie_in_the_text_once(gold):
    name, data, raw, cleaned = gold
    raw_n, cleaned_n = norm(raw), norm(cleaned)
    for p in data["positions"]:
        anchor = norm(p["anchor"])
        assert anchor, (name, p["id"], "empty anchor")
        assert raw_n.count(anchor) == 1, (name, p["id"], "anchor not found once in the article")
        assert anchor in cleaned_n, (name, p["id"], "anchor lost when the article is read and cleaned")


def test_neutral_phrases_lie_in_the_text(gold):
    name, data, raw, _ = gold
    raw_n = norm(raw)
    for i, phrase in enumerate(data.get("neutral", [])):
        assert norm(phrase) and norm(phrase) in raw_n, (name, f"neutral #{i}")


def test_links_join_positions(gold):
    name, data, _, _ = gold
    ids = {p["id"] for p in data["positions"]}
    pairs = set()
    for i, link in enumerate(data.get("links", [])):
        assert link["from"] in ids and link["to"] in ids, (name, f"link #{i}", "unknown end")
        assert link["from"] != link["to"], (name, f"link #{i}", "a position linked to itself")
        assert isinstance(link["core"], bool), (name, f"link #{i}", "core must be true or false")
        pair = frozenset((link["from"], link["to"]))
        assert pair not in pairs, (name, f"link #{i}", "the same pair twice")
        pairs.add(pair)


@pytest.mark.parametrize("folder", STRICT_SETS)
def test_anchor_length(folder):
    """The newest sets follow the guideline's 5 to 12 words strictly (older sets predate the check)."""
    for path in sorted((GOLD / folder).glob("*.gold.json")):
        for p in json.loads(path.read_text(encoding="utf-8"))["positions"]:
            assert MIN_WORDS <= len(p["anchor"].split()) <= MAX_WORDS, (gold_id(path), p["id"])
