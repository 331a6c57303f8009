#!/usr/bin/env python3
# ruff: noqa
# Vendored copy of ../shared/eval/score.py (the project's shared scorer), unchanged below this
# header, so that tests/test_quality.py runs without ../shared. Refresh it when the original changes.
"""Score a positions analysis (JSON) against a gold annotation.

    score.py GOLD.json ANALYSIS.json          one article, a table
    score.py --batch GOLD_DIR ANALYSIS_DIR     every GOLD_DIR/X.gold.json against ANALYSIS_DIR/X.json
    add --json for machine-readable totals

The analysis is what `reader analyze ARTICLE --format json` prints:
  {"text": str, "actors": [{"id", "name", "aliases"?}], "positions": [{"id", "actor", "kind",
   "text", "start", "end", ...}], "links": [{"from", "to", "score", ...}]}

Matching rules (see README.md beside this file):
- a gold position matches a predicted one when its anchor phrase lies inside the predicted
  position's text (case, quote style and white space folded);
- a predicted position may stand for at most two gold positions, and one longer than
  MAX_SPAN characters stands for none (a paragraph is not a position);
- the actor is right when the predicted actor's id or name equals one of the gold actor's
  names (gold names are parties, never the people who speak for them); the kind is right when it is one of the gold kinds;
- a predicted position that matches no gold position and holds no neutral phrase is a false one;
- a predicted link is right when it joins two gold positions linked in the gold (either way);
  recall counts only the gold links marked core.
"""
import argparse
import json
import re
import sys
from pathlib import Path

MAX_SPAN = 600
QUOTES = {ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032`"} | {ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033"}
DASHES = {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015"}


def norm(s: str) -> str:
    s = s.translate(QUOTES).translate(DASHES).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().lower()


def actor_names(analysis: dict) -> dict:
    names = {}
    for a in analysis.get("actors", []):
        key = a.get("id") if isinstance(a, dict) else a
        if isinstance(a, dict):
            ns = {a.get("id", ""), a.get("name", "")}  # not its aliases: those would let anything match
        else:
            ns = {a}
        names[key] = {norm(n) for n in ns if n}
    return names


def score(gold: dict, analysis: dict) -> dict:
    text = analysis.get("text", "")
    preds = analysis.get("positions", [])
    names = actor_names(analysis)
    gold_alias = {a: {norm(x) for x in [a, *al]} for a, al in gold["actors"].items()}

    span_errors = 0
    ptexts = []
    for p in preds:
        t = p.get("text", "")
        s, e = p.get("start"), p.get("end")
        if isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text):
            if norm(text[s:e]) != norm(t):
                span_errors += 1
        else:
            span_errors += 1
        ptexts.append(norm(t) if len(t) <= MAX_SPAN else "")

    def actor_ok(p, g):
        pn = names.get(p.get("actor"), {norm(str(p.get("actor", "")))})
        return any(pn & gold_alias.get(a, {norm(a)}) for a in g["actor"])

    # assign: each gold to the best predicted (actor right first, then shortest), a predicted at most twice
    used = {}
    matches = {}  # gold id -> pred index
    for g in gold["positions"]:
        anchor = norm(g["anchor"])
        cands = [i for i, t in enumerate(ptexts) if t and anchor in t and used.get(i, 0) < 2]
        if not cands:
            continue
        cands.sort(key=lambda i: (not actor_ok(preds[i], g), len(ptexts[i])))
        i = cands[0]
        matches[g["id"]] = i
        used[i] = used.get(i, 0) + 1

    gold_by_id = {g["id"]: g for g in gold["positions"]}
    found = len(matches)
    actor_right = sum(actor_ok(preds[i], gold_by_id[gid]) for gid, i in matches.items())
    kind_right = sum(preds[i].get("kind") in gold_by_id[gid]["kinds"] for gid, i in matches.items())
    full_right = sum(actor_ok(preds[i], gold_by_id[gid]) and preds[i].get("kind") in gold_by_id[gid]["kinds"]
                     for gid, i in matches.items())
    neutral = [norm(n) for n in gold.get("neutral", [])]
    matched_preds = set(matches.values())
    false_pos = [i for i, t in enumerate(ptexts)
                 if i not in matched_preds and not (t and any(n in t for n in neutral))]

    # links
    pred_to_gold = {}
    for gid, i in matches.items():
        pred_to_gold.setdefault(preds[i].get("id"), set()).add(gid)
    gold_pairs = {frozenset((l["from"], l["to"])) for l in gold.get("links", [])}
    core_pairs = {frozenset((l["from"], l["to"])) for l in gold.get("links", []) if l.get("core")}
    plinks = analysis.get("links", [])
    right_links, core_hit = 0, set()
    for l in plinks:
        ga, gb = pred_to_gold.get(l.get("from"), set()), pred_to_gold.get(l.get("to"), set())
        pairs = {frozenset((a, b)) for a in ga for b in gb if a != b}
        if pairs & gold_pairs:
            right_links += 1
        core_hit |= pairs & core_pairs

    return {
        "gold": len(gold["positions"]), "predicted": len(preds), "found": found,
        "attributed": actor_right, "kind_right": kind_right, "full_right": full_right,
        "false": len(false_pos), "span_errors": span_errors,
        "gold_core_links": len(core_pairs), "core_links_found": len(core_hit),
        "predicted_links": len(plinks), "right_links": right_links,
        "missed": [gid for gid in gold_by_id if gid not in matches],
        "wrong_actor": [gid for gid, i in matches.items() if not actor_ok(preds[i], gold_by_id[gid])],
        "false_texts": [preds[i].get("text", "")[:90] for i in false_pos],
    }


def ratios(t: dict) -> dict:
    d = lambda a, b: round(a / b, 3) if b else 0.0
    p = d(t["predicted"] - t["false"], t["predicted"])
    r = d(t["attributed"], t["gold"])
    return {
        "recall": d(t["found"], t["gold"]),
        "attributed_recall": r,
        "precision": p,
        "attributed_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "actor_accuracy": d(t["attributed"], t["found"]),
        "kind_accuracy": d(t["kind_right"], t["found"]),
        "full_recall": d(t["full_right"], t["gold"]),
        "full_f1": round(2 * p * d(t["full_right"], t["gold"]) / (p + d(t["full_right"], t["gold"])), 3)
        if p + d(t["full_right"], t["gold"]) else 0.0,
        "link_recall": d(t["core_links_found"], t["gold_core_links"]),
        "link_precision": d(t["right_links"], t["predicted_links"]),
        "span_errors": t["span_errors"],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("analysis")
    ap.add_argument("--batch", action="store_true", help="gold and analysis are folders")
    ap.add_argument("--json", action="store_true", help="print totals as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false positions")
    a = ap.parse_args()

    pairs = []
    if a.batch:
        for gp in sorted(Path(a.gold).glob("*.gold.json")):
            stem = gp.name[: -len(".gold.json")]
            pairs.append((stem, gp, Path(a.analysis) / f"{Path(stem).stem}.json"))
    else:
        pairs.append((Path(a.gold).name, Path(a.gold), Path(a.analysis)))

    keys = ["gold", "predicted", "found", "attributed", "kind_right", "full_right", "false", "span_errors",
            "gold_core_links", "core_links_found", "predicted_links", "right_links"]
    total = dict.fromkeys(keys, 0)
    rows = []
    for name, gp, ap_ in pairs:
        gold = json.loads(gp.read_text())
        try:
            analysis = json.loads(ap_.read_text())
        except (OSError, ValueError) as e:
            print(f"{name}: no readable analysis ({e.__class__.__name__}); counted as empty", file=sys.stderr)
            analysis = {}
        s = score(gold, analysis)
        for k in keys:
            total[k] += s[k]
        rows.append((name, s))

    if a.json:
        print(json.dumps({"articles": len(rows), **ratios(total),
                          "per_article": {n: ratios(s) for n, s in rows}}, indent=1))
        return 0
    hdr = (f"{'article':34} {'rec':>5} {'attrR':>5} {'prec':>5} {'F1':>5} {'actor':>5} {'kind':>5} "
           f"{'fullF1':>6} {'lnkR':>5} {'lnkP':>5}")
    print(hdr)
    for name, s in rows + [("TOTAL", total)]:
        r = ratios(s)
        print(f"{name[:34]:34} {r['recall']:5.2f} {r['attributed_recall']:5.2f} {r['precision']:5.2f} "
              f"{r['attributed_f1']:5.2f} {r['actor_accuracy']:5.2f} {r['kind_accuracy']:5.2f} {r['full_f1']:6.2f} "
              f"{r['link_recall']:5.2f} {r['link_precision']:5.2f}")
        if a.verbose and name != "TOTAL":
            print(f"   missed: {s['missed']}\n   wrong actor: {s['wrong_actor']}\n   span errors: {s['span_errors']}")
            for t in s["false_texts"]:
                print(f"   false: {t}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
