"""Score the analysis against hand annotations: the public samples and the development set.

    .venv/bin/python benchmarks/eval_quality.py                 # every set, a table per set
    .venv/bin/python benchmarks/eval_quality.py --set dev -v    # misses, wrong parties and kinds, false ones
    .venv/bin/python benchmarks/eval_quality.py --json          # totals as JSON

Sets: ``public`` is ``samples/*.txt`` against ``tests/gold/*.gold.json`` (copies of the shared
gold); ``dev`` is ``samples/dev/*.txt`` against ``tests/gold/dev/*.gold.json`` (annotated by this
project from stored pages, following ``../shared/eval/README.md``); ``heldout`` is
``samples/heldout`` against ``tests/gold/heldout``: ten more stories annotated without running the
tool, for judging a change on stories nobody tuned for (look at its errors only after the change);
``heldout2`` is ten more, blind for three rounds and open for tuning since 2026-12-04;
``dev2``, ``dev3`` and ``dev4`` are twenty more each, open for tuning from the start
(``samples/dev2/README.md`` and the others);
``heldout3`` is twelve more, kept blind: its totals only, never its errors (``samples/heldout3/README.md``), and so is
``heldout4``, twelve more again (``samples/heldout4/README.md``), ``heldout5`` and ``heldout6``,
twenty more each (``samples/heldout5/README.md``, ``samples/heldout6/README.md``), and ``heldout7``, twenty more
made for judging the fifth round (``samples/heldout7/README.md``); ``dev5`` is twenty more, open for tuning
(``samples/dev5/README.md``); ``heldout8``, ``heldout9`` and ``heldout10`` are twenty more each, made
blind for the sixth round, and ``dev6``, ``dev7`` and ``dev8`` twenty more each, open for tuning
(their READMEs); ``dev9`` (open) and ``heldout11`` (blind) are twenty more each, made for the
seventh round, and ``dev10`` (open) twenty more, made in its middle; ``heldout12`` (blind) and
``dev11`` (open) are twenty more each, made for the eighth round, and ``dev12`` (open) twenty more,
made in its middle, and ``dev13`` (open) twenty more, made at its end to measure it; ``heldout13``
(blind), ``dev14``, ``dev15`` and ``dev16`` (open) are twenty more each, made for the ninth round, and
``dev17``, ``dev18``, ``dev19`` (open) and ``heldout14`` (blind) twenty more each, made in its middle,
and ``heldout15`` (blind) twenty more, made at its end to judge it; ``dev20`` to ``dev23`` (open) are
twenty more each, made at its very end and measured once, for the rounds to come; ``heldout16``
(blind), ``dev24`` and ``dev25`` (open) twenty more each, made at the start of the tenth round;
``heldout17`` (blind) and ``dev26`` (open) twenty more each, made at the start of the eleventh;
``heldout18`` (blind) and ``dev27`` (open) twenty more each, made at the start of the twelfth. Blind sets
print their totals only, whatever the options.
The scorer is the shared one, vendored as ``tests/eval_score.py``. Everything runs in one process
with one loaded pipeline.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from eval_score import ratios, score  # noqa: E402

from reader.ingest import read_article  # noqa: E402
from reader.model import analysis_to_dict  # noqa: E402
from reader.nlp import load_nlp  # noqa: E402
from reader.pipeline import analyze_many  # noqa: E402

SETS = {"public": (ROOT / "samples", ROOT / "tests" / "gold"),
        "dev": (ROOT / "samples" / "dev", ROOT / "tests" / "gold" / "dev"),
        "heldout": (ROOT / "samples" / "heldout", ROOT / "tests" / "gold" / "heldout"),
        "heldout2": (ROOT / "samples" / "heldout2", ROOT / "tests" / "gold" / "heldout2"),
        "dev2": (ROOT / "samples" / "dev2", ROOT / "tests" / "gold" / "dev2"),
        "heldout5": (ROOT / "samples" / "heldout5", ROOT / "tests" / "gold" / "heldout5"),
        "dev3": (ROOT / "samples" / "dev3", ROOT / "tests" / "gold" / "dev3"),
        "dev4": (ROOT / "samples" / "dev4", ROOT / "tests" / "gold" / "dev4"),
        "heldout6": (ROOT / "samples" / "heldout6", ROOT / "tests" / "gold" / "heldout6"),
        "heldout3": (ROOT / "samples" / "heldout3", ROOT / "tests" / "gold" / "heldout3"),
        "heldout4": (ROOT / "samples" / "heldout4", ROOT / "tests" / "gold" / "heldout4"),
        "heldout7": (ROOT / "samples" / "heldout7", ROOT / "tests" / "gold" / "heldout7"),
        "dev5": (ROOT / "samples" / "dev5", ROOT / "tests" / "gold" / "dev5"),
        "heldout8": (ROOT / "samples" / "heldout8", ROOT / "tests" / "gold" / "heldout8"),
        "dev6": (ROOT / "samples" / "dev6", ROOT / "tests" / "gold" / "dev6"),
        "heldout9": (ROOT / "samples" / "heldout9", ROOT / "tests" / "gold" / "heldout9"),
        "dev7": (ROOT / "samples" / "dev7", ROOT / "tests" / "gold" / "dev7"),
        "heldout10": (ROOT / "samples" / "heldout10", ROOT / "tests" / "gold" / "heldout10"),
        "dev8": (ROOT / "samples" / "dev8", ROOT / "tests" / "gold" / "dev8"),
        "dev9": (ROOT / "samples" / "dev9", ROOT / "tests" / "gold" / "dev9"),
        "heldout11": (ROOT / "samples" / "heldout11", ROOT / "tests" / "gold" / "heldout11"),
        "dev10": (ROOT / "samples" / "dev10", ROOT / "tests" / "gold" / "dev10"),
        "heldout12": (ROOT / "samples" / "heldout12", ROOT / "tests" / "gold" / "heldout12"),
        "dev11": (ROOT / "samples" / "dev11", ROOT / "tests" / "gold" / "dev11"),
        "dev12": (ROOT / "samples" / "dev12", ROOT / "tests" / "gold" / "dev12"),
        "dev13": (ROOT / "samples" / "dev13", ROOT / "tests" / "gold" / "dev13"),
        "dev14": (ROOT / "samples" / "dev14", ROOT / "tests" / "gold" / "dev14"),
        "dev15": (ROOT / "samples" / "dev15", ROOT / "tests" / "gold" / "dev15"),
        "heldout13": (ROOT / "samples" / "heldout13", ROOT / "tests" / "gold" / "heldout13"),
        "dev16": (ROOT / "samples" / "dev16", ROOT / "tests" / "gold" / "dev16"),
        "dev17": (ROOT / "samples" / "dev17", ROOT / "tests" / "gold" / "dev17"),
        "dev18": (ROOT / "samples" / "dev18", ROOT / "tests" / "gold" / "dev18"),
        "heldout14": (ROOT / "samples" / "heldout14", ROOT / "tests" / "gold" / "heldout14"),
        "dev19": (ROOT / "samples" / "dev19", ROOT / "tests" / "gold" / "dev19"),
        "heldout15": (ROOT / "samples" / "heldout15", ROOT / "tests" / "gold" / "heldout15"),
        "dev20": (ROOT / "samples" / "dev20", ROOT / "tests" / "gold" / "dev20"),
        "dev21": (ROOT / "samples" / "dev21", ROOT / "tests" / "gold" / "dev21"),
        "dev22": (ROOT / "samples" / "dev22", ROOT / "tests" / "gold" / "dev22"),
        "dev23": (ROOT / "samples" / "dev23", ROOT / "tests" / "gold" / "dev23"),
        "heldout16": (ROOT / "samples" / "heldout16", ROOT / "tests" / "gold" / "heldout16"),
        "dev24": (ROOT / "samples" / "dev24", ROOT / "tests" / "gold" / "dev24"),
        "dev25": (ROOT / "samples" / "dev25", ROOT / "tests" / "gold" / "dev25"),
        "heldout17": (ROOT / "samples" / "heldout17", ROOT / "tests" / "gold" / "heldout17"),
        "dev26": (ROOT / "samples" / "dev26", ROOT / "tests" / "gold" / "dev26"),
        "heldout18": (ROOT / "samples" / "heldout18", ROOT / "tests" / "gold" / "heldout18"),
        "dev27": (ROOT / "samples" / "dev27", ROOT / "tests" / "gold" / "dev27")}
COUNTS = ["gold", "predicted", "found", "attributed", "kind_right", "full_right", "false", "span_errors",
          "gold_core_links", "core_links_found", "predicted_links", "right_links"]
COLUMNS = [("rec", "recall"), ("prec", "precision"), ("actor", "actor_accuracy"), ("kind", "kind_accuracy"),
           ("fullF1", "full_f1"), ("lnkR", "link_recall"), ("lnkP", "link_precision")]


def gold_pairs(name: str) -> list[tuple[str, Path, dict]]:
    """(stem, article path, gold) for every gold file of a set that has its article."""
    texts, gold_dir = SETS[name]
    out = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        stem = gold_path.name.removesuffix(".gold.json")
        article = texts / f"{stem}.txt"
        if article.exists():
            out.append((stem, article, json.loads(gold_path.read_text(encoding="utf-8"))))
    return out


def score_set(name: str, model: str | None) -> dict[str, dict]:
    """{stem: {"counts": raw scorer counts, "analysis": JSON dict}} for one set."""
    pairs = gold_pairs(name)
    articles = [read_article(str(path)) for _, path, _ in pairs]
    analyses = analyze_many(articles, load_nlp(model))
    out = {}
    for (stem, _, gold), analysis in zip(pairs, analyses, strict=True):
        data = json.loads(json.dumps(analysis_to_dict(analysis)))
        out[stem] = {"counts": score(gold, data), "analysis": data, "gold": gold}
    return out


def total(results: dict[str, dict]) -> dict:
    return ratios({k: sum(r["counts"][k] for r in results.values()) for k in COUNTS})


# totals only: judging a change on them must not teach it their stories
BLIND = {"heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10",
         "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16",
         "heldout17", "heldout18"}


def print_table(name: str, results: dict[str, dict], verbose: bool) -> None:
    print(f"\n## {name} ({len(results)} articles)")
    if name in BLIND:  # no rows, no errors: totals only
        r = total(results)
        print(f"{'TOTAL (blind set: totals only)':44} " + " ".join(f"{r[k]:6.2f}" for _, k in COLUMNS))
        return
    print(f"{'article':44} " + " ".join(f"{c:>6}" for c, _ in COLUMNS))
    rows = [(stem, ratios(r["counts"])) for stem, r in results.items()] + [("TOTAL", total(results))]
    for stem, r in rows:
        print(f"{stem[:44]:44} " + " ".join(f"{r[k]:6.2f}" for _, k in COLUMNS))
        if verbose and stem != "TOTAL":
            print_misses(results[stem])


def print_misses(result: dict) -> None:
    counts, analysis, gold = result["counts"], result["analysis"], result["gold"]
    golds = {g["id"]: g for g in gold["positions"]}
    for gid in counts["missed"]:
        print(f"    missed  {gid:6} {golds[gid]['actor']} {golds[gid]['kinds']}: {golds[gid]['anchor']}")
    for gid, pred in matched(gold, analysis):
        g = golds[gid]
        wrong = [what for what, bad in (("party", gid in counts["wrong_actor"]),
                                        ("kind", pred["kind"] not in g["kinds"])) if bad]
        if wrong:
            names = {a["id"]: a["name"] for a in analysis["actors"]}
            print(f"    wrong {'+'.join(wrong):10} {gid:6} got {names.get(pred['actor'])}/{pred['kind']} "
                  f"want {g['actor']}/{g['kinds']}: {g['anchor']}")
    for text in counts["false_texts"]:
        print(f"    false   {text}")


def matched(gold: dict, analysis: dict) -> list[tuple[str, dict]]:
    """The predicted position that the scorer would match to each found gold position (shortest)."""
    from eval_score import norm

    out = []
    preds = [(norm(p["text"]), p) for p in analysis["positions"]]
    for g in gold["positions"]:
        anchor = norm(g["anchor"])
        cands = [p for t, p in preds if anchor in t]
        if cands:
            out.append((g["id"], min(cands, key=lambda p: len(p["text"]))))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=[*SETS, "all"], default="all")
    ap.add_argument("--model", default=None)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    names = list(SETS) if a.set == "all" else [a.set]
    results = {n: score_set(n, a.model) for n in names}
    if a.json:
        print(json.dumps({n: {"articles": len(r), **total(r)} for n, r in results.items()}, indent=1))
        return 0
    for n, r in results.items():
        print_table(n, r, a.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
