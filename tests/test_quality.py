"""Quality floor: the real pipeline on the five samples, scored with the shared scorer
(vendored as tests/eval_score.py) against the gold copies in tests/gold/.

FLOORS are the values last measured, rounded down by 0.02: raise them when quality improves,
never lower them to make a change pass. The issue's targets (TARGETS) are lower.
"""

from __future__ import annotations

import json

import pytest
from conftest import GOLD
from eval_score import ratios, score

from reader.model import analysis_to_dict

SEED = "000_92e0686fa38e74b4"
FLOORS = {  # measured at 1.0, 1.0, 0.94 and 1.0 (2026-11-28, after the DPRK/abbreviation work)
    "seed_full_f1": 0.98,
    "seed_actor": 0.98,
    "total_full_f1": 0.92,
    "total_precision": 0.98,
}
TARGETS = {"seed_full_f1": 0.85, "seed_actor": 0.90, "total_full_f1": 0.75, "total_precision": 0.85}
COUNTS = ["gold", "predicted", "found", "attributed", "kind_right", "full_right", "false", "span_errors",
          "gold_core_links", "core_links_found", "predicted_links", "right_links"]


@pytest.fixture(scope="module")
def scores(sample_analyses) -> dict[str, dict]:
    """{article stem: raw scorer counts} for every gold file."""
    out = {}
    for gold_path in sorted(GOLD.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        stem = gold_path.name.removesuffix(".gold.json")
        # through JSON, exactly as `reader analyze --format json` prints it
        analysis = json.loads(json.dumps(analysis_to_dict(sample_analyses[stem])))
        out[stem] = score(gold, analysis)
    return out


@pytest.fixture(scope="module")
def total(scores) -> dict:
    return ratios({k: sum(s[k] for s in scores.values()) for k in COUNTS})


def test_every_sample_has_gold(sample_analyses):
    assert sorted(sample_analyses) == sorted(p.name.removesuffix(".gold.json") for p in GOLD.glob("*.gold.json"))


def test_no_span_errors(scores):
    assert {stem: s["span_errors"] for stem, s in scores.items()} == dict.fromkeys(scores, 0)


def test_seed_story(scores):
    seed = ratios(scores[SEED])
    assert seed["full_f1"] >= FLOORS["seed_full_f1"], seed
    assert seed["actor_accuracy"] >= FLOORS["seed_actor"], seed


def test_all_samples(total):
    assert total["full_f1"] >= FLOORS["total_full_f1"], total
    assert total["precision"] >= FLOORS["total_precision"], total



LINK_FLOORS = {"link_recall": 0.82, "link_precision": 0.72}  # measured 0.86 and 0.76 (2026-12-04, links work)


def test_links_floor(total):
    """Core answer pairs found and predicted links right, over the five samples (targets 0.8 / 0.7)."""
    assert total["link_recall"] >= LINK_FLOORS["link_recall"], total
    assert total["link_precision"] >= LINK_FLOORS["link_precision"], total


# The development set: 18 stories from other outlets and domains, annotated by this project from
# stored pages (samples/dev, tests/gold/dev). Measured 2026-12-04: fullF1 0.70 (0.54 before the
# knowledge base and the named rules), precision 0.99, party right 0.80; floors 0.02 below.
DEV_FLOORS = {"full_f1": 0.77, "precision": 0.97, "actor_accuracy": 0.88,
              "link_recall": 0.39, "link_precision": 0.55}  # measured 0.79, 0.99, 0.90, 0.42 / 0.59 (fifth round)

# The held-out set: 10 stories annotated without running the tool (samples/heldout). Measured
# 2026-12-04: fullF1 0.73 (0.52 with the code of 2026-12-03), precision 0.98, party right 0.91.
HELDOUT_FLOORS = {"full_f1": 0.82, "precision": 0.96, "actor_accuracy": 0.93,
                  "link_recall": 0.42, "link_precision": 0.49}  # measured 0.85, 0.99, 0.96, 0.45/0.52 (fifth round)

# Five more sets the team reads and tunes on: heldout2 (10 stories, blind for three rounds, open
# since 2026-12-04), dev2, dev3 and dev4 (20 stories each, annotated on 2026-12-04 without running
# the tool) and dev5 (20, annotated on the morning of the fifth round, measured before it was
# read). Measured at the end of the fifth round (fullF1, precision, party right, core links R / P):
# heldout2 0.80, 0.93, 0.91, 0.38 / 0.43; dev2 0.72, 0.93, 0.91, 0.33 / 0.38; dev3 0.69, 0.93,
# 0.87, 0.25 / 0.29; dev4 0.71, 0.97, 0.87, 0.31 / 0.39; dev5 0.70, 0.93, 0.89, 0.17 / 0.27 (0.61
# with the code of the round's start). Floors 0.02-0.04 below. The sixth round (2026-12-04, third
# session) added dev6, dev7 and dev8 (20 stories each, annotated from the text only and measured
# before they were read): at the round's end dev6 0.74, 0.94, 0.86, 0.17 / 0.36 (0.67 at its start);
# dev7 0.72, 0.96, 0.95, 0.21 / 0.39 (0.58); dev8 0.66, 0.97, 0.82, 0.09 / 0.32 (0.62); the older
# sets rose by 0.00 to 0.03. The seventh round (2026-12-04, fourth session) added dev9 and dev10 (20
# stories each, made the same way): at its end dev9 0.68, 0.97, 0.83, 0.19 / 0.45 (0.54 at its
# start) and dev10 0.62, 0.92, 0.80, 0.17 / 0.30 (0.57 with the round's starting code, measured
# when it arrived in the middle of the round). The ninth round (2026-12-05) added dev14 to dev19
# (20 stories each, made the same way; dev14-16 read and tuned on, dev17-19 measured when they
# arrived and read after): at its end dev14 0.65, 0.97, 0.78, 0.19 / 0.32 (0.62 at its start);
# dev15 0.75, 0.97, 0.89, 0.14 / 0.29 (0.70); dev16 0.55, 0.96, 0.67, 0.18 / 0.42 (0.49); dev17
# 0.64, 0.93, 0.77, 0.20 / 0.37 (0.64); dev18 0.57, 0.93, 0.77, 0.15 / 0.32 (0.55); dev19 0.61,
# 0.97, 0.86, 0.23 / 0.34 (0.61). dev20 to dev23 (20 each) were made at the round's very end and
# measured once with its end code (its starting code gave the same but dev20 -0.003): 0.60, 0.92,
# 0.77, 0.09 / 0.23; 0.58, 0.90, 0.82, 0.14 / 0.32; 0.56, 0.95, 0.68, 0.13 / 0.24; 0.62, 0.93,
# 0.75, 0.20 / 0.39. The tenth round (2026-12-05) read and tuned on dev20 to dev23 (at its end 0.65,
# 0.92, 0.89, 0.13 / 0.26; 0.60, 0.90, 0.84, 0.16 / 0.31; 0.61, 0.95, 0.78, 0.16 / 0.27; 0.65, 0.93,
# 0.79, 0.18 / 0.37) and added dev24 and dev25 (20 each, made the same way; measured when they
# arrived, 0.605 and 0.645, then read): at its end 0.63, 0.96, 0.83, 0.17 / 0.35 and 0.65, 0.91,
# 0.91, 0.28 / 0.30.
# The eleventh round (2026-12-05) added dev26 (20 stories, made the same way; measured when it
# arrived, 0.579, then read): at its end 0.635, 0.99, 0.82, 0.27 / 0.40. It raised the fullF1 floors
# of dev20, dev23 and dev24 (measured 0.669, 0.670, 0.675).
# The twelfth round (2026-12-05) added dev27 (20 stories, made the same way; measured when it
# arrived, 0.614, then read): at its end 0.673, 0.91, 0.85, 0.34 / 0.30.
OPEN_SET_FLOORS = {
    "heldout2": {"full_f1": 0.77, "precision": 0.90, "actor_accuracy": 0.88, "link_recall": 0.33,
                 "link_precision": 0.38},
    "dev2": {"full_f1": 0.71, "precision": 0.90, "actor_accuracy": 0.90, "link_recall": 0.30,
             "link_precision": 0.34},
    "dev3": {"full_f1": 0.69, "precision": 0.92, "actor_accuracy": 0.84, "link_recall": 0.26,
             "link_precision": 0.26},
    "dev4": {"full_f1": 0.71, "precision": 0.94, "actor_accuracy": 0.86, "link_recall": 0.27,
             "link_precision": 0.36},
    "dev5": {"full_f1": 0.67, "precision": 0.90, "actor_accuracy": 0.86, "link_recall": 0.13,
             "link_precision": 0.22},
    "dev6": {"full_f1": 0.71, "precision": 0.91, "actor_accuracy": 0.83, "link_recall": 0.13,
             "link_precision": 0.31},
    "dev7": {"full_f1": 0.69, "precision": 0.93, "actor_accuracy": 0.92, "link_recall": 0.17,
             "link_precision": 0.34},
    "dev8": {"full_f1": 0.66, "precision": 0.94, "actor_accuracy": 0.86, "link_recall": 0.06,
             "link_precision": 0.30},
    "dev9": {"full_f1": 0.65, "precision": 0.94, "actor_accuracy": 0.80, "link_recall": 0.15,
             "link_precision": 0.40},
    "dev10": {"full_f1": 0.59, "precision": 0.89, "actor_accuracy": 0.77, "link_recall": 0.12,
              "link_precision": 0.25},
    "dev11": {"full_f1": 0.62, "precision": 0.94, "actor_accuracy": 0.80, "link_recall": 0.15,
              "link_precision": 0.38},
    "dev12": {"full_f1": 0.67, "precision": 0.92, "actor_accuracy": 0.89, "link_recall": 0.14,
              "link_precision": 0.37},
    "dev13": {"full_f1": 0.63, "precision": 0.91, "actor_accuracy": 0.72, "link_recall": 0.08,
              "link_precision": 0.30},
    "dev14": {"full_f1": 0.61, "precision": 0.93, "actor_accuracy": 0.74, "link_recall": 0.14,
              "link_precision": 0.27},
    "dev15": {"full_f1": 0.71, "precision": 0.92, "actor_accuracy": 0.85, "link_recall": 0.10,
              "link_precision": 0.24},
    "dev16": {"full_f1": 0.51, "precision": 0.92, "actor_accuracy": 0.62, "link_recall": 0.13,
              "link_precision": 0.37},
    "dev17": {"full_f1": 0.61, "precision": 0.88, "actor_accuracy": 0.73, "link_recall": 0.16,
              "link_precision": 0.32},
    "dev18": {"full_f1": 0.54, "precision": 0.88, "actor_accuracy": 0.73, "link_recall": 0.11,
              "link_precision": 0.28},
    "dev19": {"full_f1": 0.58, "precision": 0.93, "actor_accuracy": 0.82, "link_recall": 0.19,
              "link_precision": 0.29},
    "dev20": {"full_f1": 0.64, "precision": 0.88, "actor_accuracy": 0.84, "link_recall": 0.07,
              "link_precision": 0.20},
    "dev21": {"full_f1": 0.57, "precision": 0.86, "actor_accuracy": 0.80, "link_recall": 0.11,
              "link_precision": 0.26},
    "dev22": {"full_f1": 0.58, "precision": 0.91, "actor_accuracy": 0.74, "link_recall": 0.11,
              "link_precision": 0.22},
    "dev23": {"full_f1": 0.65, "precision": 0.89, "actor_accuracy": 0.75, "link_recall": 0.13,
              "link_precision": 0.31},
    "dev24": {"full_f1": 0.65, "precision": 0.91, "actor_accuracy": 0.79, "link_recall": 0.12,
              "link_precision": 0.29},
    "dev25": {"full_f1": 0.62, "precision": 0.86, "actor_accuracy": 0.87, "link_recall": 0.23,
              "link_precision": 0.25},
    "dev26": {"full_f1": 0.61, "precision": 0.96, "actor_accuracy": 0.80, "link_recall": 0.24,
              "link_precision": 0.38},
    "dev27": {"full_f1": 0.64, "precision": 0.88, "actor_accuracy": 0.82, "link_recall": 0.31,
              "link_precision": 0.28},
}


def set_totals(folder: str, analyses) -> dict:
    counts = {}
    for gold_path in sorted((GOLD / folder).glob("*.gold.json")):
        stem = gold_path.name.removesuffix(".gold.json")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        counts[stem] = score(gold, json.loads(json.dumps(analysis_to_dict(analyses[stem]))))
    assert sorted(counts) == sorted(analyses), f"every story of {folder} has its gold"
    assert sum(c["span_errors"] for c in counts.values()) == 0
    return ratios({k: sum(c[k] for c in counts.values()) for k in COUNTS})


def test_development_set(dev_analyses):
    dev = set_totals("dev", dev_analyses)
    for key, floor in DEV_FLOORS.items():
        assert dev[key] >= floor, (key, dev)


def test_heldout_set(heldout_analyses):
    heldout = set_totals("heldout", heldout_analyses)
    for key, floor in HELDOUT_FLOORS.items():
        assert heldout[key] >= floor, (key, heldout)


@pytest.mark.parametrize("name", sorted(OPEN_SET_FLOORS))
def test_open_sets(open_set_analyses, name):
    totals = set_totals(name, open_set_analyses[name])
    for key, floor in OPEN_SET_FLOORS[name].items():
        assert totals[key] >= floor, (key, totals)


def test_every_position_speaks_for_a_listed_party(sample_analyses, dev_analyses, heldout_analyses, open_set_analyses):
    """A position's party and its targets are among the analysis's actors on every gold story
    (a party merged away while positions were found once left 'reader add' a KeyError)."""
    sets = [sample_analyses, dev_analyses, heldout_analyses, *open_set_analyses.values()]
    for analyses in sets:
        for stem, analysis in analyses.items():
            ids = {a.id for a in analysis.actors}
            for p in analysis.positions:
                assert p.actor in ids and set(p.targets) <= ids, (stem, p.id, p.actor, p.targets)
