"""Where link errors come from: a breakdown of missed core links and wrong predicted links.

    .venv/bin/python benchmarks/study_links.py --set dev            # breakdown and totals
    .venv/bin/python benchmarks/study_links.py --set dev -v         # every missed and wrong link
    .venv/bin/python benchmarks/study_links.py --set heldout3       # totals only (blind set)

Each article is parsed and its positions found once; the linker then runs on them. A missed
core gold link is put in one of: an end not found as a position; an end found with the wrong
party or the wrong kind; both ends right but not linked (with the pair's score and why it was
zero). A wrong predicted link: an end that is no gold position (a false or neutral one), or
two gold positions the gold does not link.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_quality import gold_pairs  # noqa: E402
from eval_score import norm  # noqa: E402

from reader.actors import find_actors  # noqa: E402
from reader.ingest import read_article  # noqa: E402
from reader.links import gather_evidence, link_positions, load_settings, score_matrix  # noqa: E402
from reader.nlp import load_nlp  # noqa: E402
from reader.pipeline import headline_end, with_dateline  # noqa: E402
from reader.positions import find_positions  # noqa: E402

BLIND = {"heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10",
         "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16",
         "heldout17", "heldout18"}


def prepare(name: str) -> list[dict]:
    """Per article: doc, actors, positions and gold (parsed once)."""
    nlp = load_nlp(None)
    out = []
    for stem, path, gold in gold_pairs(name):
        article = read_article(str(path))
        doc = nlp(article.text)
        article = with_dateline(article, doc)
        actors = find_actors(doc, article)
        positions = find_positions(doc, article, actors)
        out.append({"stem": stem, "doc": doc, "actors": actors, "positions": positions, "gold": gold,
                    "headline_end": headline_end(article)})
    return out


def actor_ok(actors, pid_actor: str, gold_pos: dict, gold: dict) -> bool:
    names = {a.id: {norm(a.id), norm(a.name)} for a in actors.actors}
    pn = names.get(pid_actor, {norm(pid_actor)})
    alias = {a: {norm(x) for x in [a, *al]} for a, al in gold["actors"].items()}
    return any(pn & alias.get(a, {norm(a)}) for a in gold_pos["actor"])


def match(item: dict) -> dict[str, object]:
    """Gold id -> the predicted position the scorer matches (actor right first, then shortest)."""
    gold, positions = item["gold"], item["positions"]
    texts = [norm(p.text) if len(p.text) <= 600 else "" for p in positions]
    used: Counter = Counter()
    found = {}
    for g in gold["positions"]:
        anchor = norm(g["anchor"])
        cands = [i for i, t in enumerate(texts) if t and anchor in t and used[i] < 2]
        if not cands:
            continue
        cands.sort(key=lambda i: (not actor_ok(item["actors"], positions[i].actor, g, gold), len(texts[i])))
        found[g["id"]] = positions[cands[0]]
        used[cands[0]] += 1
    return found


def study(item: dict, settings, verbose: bool, show: bool) -> tuple[Counter, Counter, list[str], Counter]:
    gold, positions, actors = item["gold"], item["positions"], item["actors"]
    links, _ = link_positions(positions, item["doc"], actors, settings, item["headline_end"])
    found = match(item)
    gold_by_id = {g["id"]: g for g in gold["positions"]}
    pred_to_gold: dict[str, set[str]] = {}
    for gid, p in found.items():
        pred_to_gold.setdefault(p.id, set()).add(gid)
    all_pairs = {frozenset((lk["from"], lk["to"])) for lk in gold.get("links", [])}
    core = [lk for lk in gold.get("links", []) if lk.get("core")]
    linked = {frozenset((lk.source, lk.target)): lk for lk in links}
    ordered = sorted((p for p in positions if p.start >= item["headline_end"]), key=lambda p: (p.start, p.end))
    index = {p.id: k for k, p in enumerate(ordered)}
    evidence = gather_evidence(ordered, item["doc"], actors, settings)
    score, _, feats = score_matrix(ordered, evidence, settings)
    miss, wrong, lines = Counter(), Counter(), []
    stats = Counter(gold_core=len(core), predicted=len(links))
    for lk in core:
        a, b = lk["from"], lk["to"]
        ends = []
        for gid in (a, b):
            p = found.get(gid)
            if p is None:
                ends.append("notfound")
            elif not actor_ok(actors, p.actor, gold_by_id[gid], gold):
                ends.append("party")
            elif p.kind not in gold_by_id[gid]["kinds"]:
                ends.append("kind")
            else:
                ends.append("ok")
        pa, pb = found.get(a), found.get(b)
        hit = pa is not None and pb is not None and frozenset((pa.id, pb.id)) in linked
        if hit:
            stats["core_found"] += 1
            continue
        if "notfound" in ends:
            cause = "end not found"
        elif pa.id == pb.id:
            cause = "both ends one position"
        elif "party" in ends:
            cause = "end with wrong party" + (" (same actor)" if pa.actor == pb.actor else "")
        elif "kind" in ends:
            cause = "end with wrong kind"
        else:
            cause = "both right, not linked"
        if pa is not None and pb is not None and (pa.id not in index or pb.id not in index):
            cause += ": in the headline"
        elif pa is not None and pb is not None and pa.id != pb.id:
            i, j = index[pa.id], index[pb.id]
            s = max(score[i, j], score[j, i])
            if s == 0:
                cause += ": score 0"
            elif s < settings.threshold:
                cause += ": below threshold"
            else:
                cause += ": outranked"
            if verbose:
                f = {k: round(float(max(v[i, j], v[j, i])), 2) for k, v in feats.items() if k != "relation"}
                lines.append(f"  MISS {cause} {a}->{b} s={s:.2f} {pa.actor}/{pa.kind} -> {pb.actor}/{pb.kind} {f}\n"
                             f"       {pa.text[:110]!r}\n       {pb.text[:110]!r}")
        elif verbose:
            lines.append(f"  MISS {cause} {a}->{b} {ends}: "
                         f"{gold_by_id[a]['anchor'][:60]!r} / {gold_by_id[b]['anchor'][:60]!r}")
        miss[cause] += 1
    by_id = {p.id: p for p in positions}
    for lk in links:
        ga, gb = pred_to_gold.get(lk.source, set()), pred_to_gold.get(lk.target, set())
        pairs = {frozenset((x, y)) for x in ga for y in gb if x != y}
        if pairs & all_pairs:
            stats["right"] += 1
            continue
        if not ga or not gb:
            cause = "end not a gold position"
        else:
            cause = "two gold positions not linked in gold"
        wrong[cause] += 1
        if verbose:
            pa, pb = by_id[lk.source], by_id[lk.target]
            lines.append(f"  WRONG {cause} s={lk.score:.2f} {pa.actor}/{pa.kind} -> {pb.actor}/{pb.kind} "
                         f"[{lk.reason}] {sorted(ga)}->{sorted(gb)}\n"
                         f"       {pa.text[:110]!r}\n       {pb.text[:110]!r}")
    return miss, wrong, [f"{item['stem']} {dict(stats)}", *lines] if show else [], stats


def run(items: list[dict], settings, verbose: bool, blind: bool) -> Counter:
    misses, wrongs, totals = Counter(), Counter(), Counter()
    for item in items:
        miss, wrong, lines, stats = study(item, settings, verbose and not blind, not blind)
        misses += miss
        wrongs += wrong
        totals += stats
        if verbose and not blind:
            print("\n".join(lines))
    if not blind:
        print("missed core links:", dict(misses.most_common()))
        print("wrong links:", dict(wrongs.most_common()))
    return totals


def summary(totals: Counter) -> str:
    r = totals["core_found"] / max(totals["gold_core"], 1)
    p = totals["right"] / max(totals["predicted"], 1)
    return (f"core {totals['core_found']}/{totals['gold_core']} R {r:.2f}  "
            f"right {totals['right']}/{totals['predicted']} P {p:.2f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", default="dev")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    for name in a.set.split(","):
        items = prepare(name)
        print(f"## {name}")
        print(summary(run(items, load_settings(), a.verbose, name in BLIND)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
