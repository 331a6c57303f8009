"""How well reader finds attributions on PolNeAR (US political news, attributions hand-annotated).

    .venv/bin/python benchmarks/eval_polnear.py                      # dev, first 50 articles
    .venv/bin/python benchmarks/eval_polnear.py --split train --limit 100 --dump /tmp/polnear.txt
    .venv/bin/python benchmarks/eval_polnear.py --json               # totals as JSON

The data is never part of this repository; it is read where it lies (``--polnear PATH``, else
``$POLNEAR_DIR``, else the fetched repository under ``/work/.mirror``). PATH may be a checkout or
an extracted archive of networkdynamics/PolNeAR (holding ``data/<split>/text`` and
``data/<split>/attributions``), its ``data`` folder, or the bare git directory of a mirror (read
with ``git cat-file``). The ``test`` split is refused: reviewers keep it, nobody tunes on it.

The metric ("content F1 at char-Jaccard >= 0.3"):

- Gold: every attribution relation (BRAT event ``E``, typed ``Attribution`` or
  ``Attribution-no-source``) that has a content span. Its content is the union of its
  ``Content`` and ``Content2`` spans and of their discontiguous fragments. Relations without any
  content are left out (and counted); ``Discard`` and ``Discuss`` spans are not attributions.
  PolNeAR is univocal (each token has one role in at most one attribution), so a nested
  attribution is its own relation and its text is not part of the outer content: every relation
  is one gold item. Where several annotators annotated an article, the annotation of the first
  annotator id (sorted) is used.
- Predicted: every position of reader's analysis (any kind), with its ``content`` span.
- Both are sets of character offsets in reader's cleaned text: gold offsets are mapped from the
  raw PolNeAR text by aligning the non-space characters of both texts (word-level difflib, then
  character-level inside changed stretches). A gold item none of whose characters can be mapped
  (its paragraph dropped as junk, say) is "unaligned", counted and left out.
- Matching is one-to-one and greedy: all (prediction, gold) pairs with Jaccard >= 0.3, best
  Jaccard first; each prediction and each gold item is used at most once. Precision is
  matched / predicted, recall matched / gold.
- Recall is also split by whether the gold content is a direct quote: "quoted" when at least half
  of its letters lie inside double quotation marks (partial quotes in a paraphrase are
  "unquoted"), and by whether the relation names a source.

Articles are the first N by sorted file name (``--limit``, 0 for all); they are parsed with
``analyze_many`` (``nlp.pipe``) in batches, in one process.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from reader.ingest import InputError, article_from_text
from reader.model import Analysis
from reader.nlp import load_nlp, model_label
from reader.pipeline import analyze_many

SPLITS = ("train", "dev")
THRESHOLD = 0.3
BATCH = 16
MIRROR = Path("/work/.mirror")
HOW_TO_GET = ("PolNeAR not found: fetch github.com/networkdynamics/PolNeAR (git clone) and pass --polnear PATH "
              "or set POLNEAR_DIR")
OPEN_QUOTES = "“„«"
CLOSE_QUOTES = "”»"
STRAIGHT_QUOTE = '"'
QUOTE_MARKS = OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT_QUOTE
DUMP_CHARS = 300

Interval = tuple[int, int]


# --- reading PolNeAR ---------------------------------------------------------------------------


class DirCorpus:
    """PolNeAR's ``data`` folder on disk."""

    def __init__(self, data: Path) -> None:
        self.data = data

    def names(self, folder: str) -> list[str]:
        path = self.data / folder
        return sorted(p.name for p in path.iterdir()) if path.is_dir() else []

    def read_all(self, paths: list[str]) -> dict[str, str]:
        return {p: (self.data / p).read_text(encoding="utf-8") for p in paths}


class GitCorpus:
    """PolNeAR's ``data`` folder inside a (bare) git repository, read at HEAD."""

    def __init__(self, git_dir: Path) -> None:
        self.git_dir = git_dir

    def git(self, *args: str, stdin: bytes | None = None) -> bytes:
        cmd = ["git", f"--git-dir={self.git_dir}", *args]
        return subprocess.run(cmd, input=stdin, capture_output=True, check=True).stdout

    def names(self, folder: str) -> list[str]:
        out = self.git("ls-tree", "--name-only", f"HEAD:data/{folder}").decode()
        return sorted(out.split())

    def read_all(self, paths: list[str]) -> dict[str, str]:
        request = "".join(f"HEAD:data/{p}\n" for p in paths).encode()
        out, pos, texts = self.git("cat-file", "--batch", stdin=request), 0, {}
        for path in paths:
            header_end = out.index(b"\n", pos)
            header = out[pos:header_end].split()
            if header[-1] == b"missing":
                raise FileNotFoundError(f"{self.git_dir}: data/{path} is missing")
            size = int(header[2])
            texts[path] = out[header_end + 1:header_end + 1 + size].decode("utf-8")
            pos = header_end + 1 + size + 1
        return texts


Corpus = DirCorpus | GitCorpus


def open_corpus(path: Path) -> Corpus | None:
    if (path / "data" / "dev" / "text").is_dir():
        return DirCorpus(path / "data")
    if (path / "dev" / "text").is_dir():
        return DirCorpus(path)
    if (path / "HEAD").is_file() and (path / "objects").is_dir():
        corpus = GitCorpus(path)
        try:
            return corpus if corpus.names("dev/text") else None
        except (subprocess.CalledProcessError, OSError):
            return None
    return None


def find_corpus(given: str | None) -> Corpus | None:
    """--polnear, else $POLNEAR_DIR, else a fetched PolNeAR under /work/.mirror."""
    given = given or os.environ.get("POLNEAR_DIR")
    if given:
        return open_corpus(Path(given))
    candidates = sorted(MIRROR.glob("*[Pp]ol[Nn]e[Aa][Rr]*")) if MIRROR.is_dir() else []
    for candidate in candidates:
        for path in (candidate, *sorted(p for p in candidate.iterdir() if p.is_dir())):
            corpus = open_corpus(path)
            if corpus:
                return corpus
    return None


@dataclass(frozen=True)
class Gold:
    id: str
    fragments: tuple[Interval, ...]  # offsets in the raw PolNeAR text
    text: str
    source: str
    cue: str
    sourced: bool
    quoted: bool


@dataclass
class Document:
    name: str
    raw: str
    golds: list[Gold]
    no_content: int


def article_files(corpus: Corpus, split: str, limit: int) -> list[tuple[str, str]]:
    """(article name, chosen annotation file) for the first ``limit`` articles of a split."""
    texts = [n.removesuffix(".txt") for n in corpus.names(f"{split}/text") if n.endswith(".txt")]
    annotations: dict[str, str] = {}
    for ann in corpus.names(f"{split}/attributions"):  # sorted: the first annotator id wins
        name = ann.removesuffix(".ann").rsplit("_", 1)[0]
        annotations.setdefault(name, ann)
    chosen = [(name, annotations[name]) for name in texts if name in annotations]
    return chosen[:limit] if limit > 0 else chosen


def load_documents(corpus: Corpus, split: str, limit: int) -> list[Document]:
    files = article_files(corpus, split, limit)
    paths = [p for name, ann in files for p in (f"{split}/text/{name}.txt", f"{split}/attributions/{ann}")]
    contents = corpus.read_all(paths)
    documents = []
    for name, ann in files:
        raw = contents[f"{split}/text/{name}.txt"]
        golds, no_content = parse_ann(contents[f"{split}/attributions/{ann}"], raw)
        documents.append(Document(name, raw, golds, no_content))
    return documents


def parse_ann(ann: str, raw: str) -> tuple[list[Gold], int]:
    """Gold attributions with content, and how many relations had no content."""
    spans: dict[str, tuple[Interval, ...]] = {}
    events: list[tuple[str, str, dict[str, list[str]]]] = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            ranges = cols[1].split(" ", 1)[1]
            spans[cols[0]] = tuple(_interval(r) for r in ranges.split(";"))
        elif line.startswith("E") and len(cols) >= 2:
            kind, *args = cols[1].split()
            roles: dict[str, list[str]] = {}
            for arg in args:
                role, ref = arg.split(":", 1)
                roles.setdefault(role.rstrip("0123456789"), []).append(ref)
            events.append((cols[0], kind.split(":")[0], roles))
    golds = [_gold(eid, kind, roles, spans, raw) for eid, kind, roles in events if roles.get("Content")]
    return golds, len(events) - len(golds)


def _interval(text: str) -> Interval:
    start, end = text.split()
    return int(start), int(end)


def _gold(eid: str, kind: str, roles: dict[str, list[str]], spans: dict[str, tuple[Interval, ...]],
          raw: str) -> Gold:
    fragments = tuple(sorted(f for ref in roles["Content"] for f in spans[ref]))

    def text_of(role: str) -> str:
        return " … ".join(raw[s:e] for ref in roles.get(role, []) for s, e in spans[ref])

    return Gold(id=eid, fragments=fragments, text=" … ".join(raw[s:e] for s, e in fragments),
                source=text_of("Source"), cue=text_of("Cue"), sourced=kind == "Attribution",
                quoted=is_quoted(raw, fragments))


def is_quoted(raw: str, fragments: tuple[Interval, ...]) -> bool:
    """At least half of the letters of the content lie inside double quotation marks
    (“ ”, " and the New York Times' two apostrophes '')."""
    inside, letters, quoted = False, 0, 0
    for start, end in fragments:
        before = raw[max(0, start - 2):start].replace("''", STRAIGHT_QUOTE)[-1:]
        opening = before if before and before in OPEN_QUOTES + STRAIGHT_QUOTE else ""  # a mark just before opens it
        for ch in opening + raw[start:end].replace("''", STRAIGHT_QUOTE):
            if ch in OPEN_QUOTES or (ch == STRAIGHT_QUOTE and not inside):
                inside = True
            elif ch in CLOSE_QUOTES or ch == STRAIGHT_QUOTE:
                inside = False
            elif ch.isalpha():
                letters += 1
                quoted += inside
    return letters > 0 and quoted * 2 >= letters


# --- aligning raw and cleaned text -------------------------------------------------------------


def words(text: str) -> tuple[list[str], list[int]]:
    """The non-space runs of ``text`` and their start offsets."""
    out, starts, start = [], [], None
    for i, ch in enumerate(text + " "):
        if ch.isspace():
            if start is not None:
                out.append(text[start:i])
                starts.append(start)
                start = None
        elif start is None:
            start = i
    return out, starts


def char_map(raw: str, clean: str) -> list[int]:
    """For every offset of ``raw``, its offset in ``clean`` (-1: a space, or not found)."""
    mapping = [-1] * len(raw)
    raw_words, raw_starts = words(raw)
    clean_words, clean_starts = words(clean)
    matcher = SequenceMatcher(None, raw_words, clean_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                for k in range(len(raw_words[i])):
                    mapping[raw_starts[i] + k] = clean_starts[j] + k
        elif tag == "replace":
            _map_chars(raw_starts[i1:i2], raw_words[i1:i2], clean_starts[j1:j2], clean_words[j1:j2], mapping)
    return mapping


def _map_chars(raw_starts: list[int], raw_words: list[str], clean_starts: list[int], clean_words: list[str],
               mapping: list[int]) -> None:
    raw_offsets = [s + k for s, w in zip(raw_starts, raw_words, strict=True) for k in range(len(w))]
    clean_offsets = [s + k for s, w in zip(clean_starts, clean_words, strict=True) for k in range(len(w))]
    matcher = SequenceMatcher(None, "".join(raw_words), "".join(clean_words), autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            mapping[raw_offsets[a + k]] = clean_offsets[b + k]


def align(fragments: tuple[Interval, ...], mapping: list[int]) -> list[Interval]:
    """Gold fragments as intervals of the cleaned text (a fragment with nothing mapped is dropped)."""
    out = []
    for start, end in fragments:
        mapped = [m for m in mapping[start:end] if m >= 0]
        if mapped:
            out.append((min(mapped), max(mapped) + 1))
    return merge(out)


def merge(intervals: list[Interval]) -> list[Interval]:
    out: list[Interval] = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


# --- scoring -----------------------------------------------------------------------------------


def size(intervals: list[Interval]) -> int:
    return sum(e - s for s, e in intervals)


def overlap(a: list[Interval], b: list[Interval]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def jaccard(a: list[Interval], b: list[Interval]) -> float:
    both = overlap(a, b)
    union = size(a) + size(b) - both
    return both / union if union else 0.0


def greedy_match(preds: list[list[Interval]], golds: list[list[Interval]]) -> list[tuple[int, int, float]]:
    """One-to-one (pred, gold, jaccard) pairs with Jaccard >= THRESHOLD, best first."""
    pairs = sorted(((jaccard(p, g), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)),
                   key=lambda t: (-t[0], t[1], t[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for score, i, j in pairs:
        if score < THRESHOLD:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j, score))
    return out


@dataclass
class Result:
    name: str
    golds: list[Gold]
    gold_spans: list[list[Interval]]
    unaligned: int
    no_content: int
    analysis: Analysis
    pred_spans: list[list[Interval]]
    matches: list[tuple[int, int, float]] = field(default_factory=list)


def score_document(doc: Document, analysis: Analysis) -> Result:
    mapping = char_map(doc.raw, analysis.text)
    aligned = [(g, align(g.fragments, mapping)) for g in doc.golds]
    kept = [(g, spans) for g, spans in aligned if spans]
    preds = [[(p.content.start, p.content.end)] for p in analysis.positions]
    result = Result(doc.name, [g for g, _ in kept], [s for _, s in kept], len(aligned) - len(kept),
                    doc.no_content, analysis, preds)
    result.matches = greedy_match(result.pred_spans, result.gold_spans)
    return result


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def totals(results: list[Result], skipped: list[str]) -> dict:
    golds = [(g, any(j == k for _, j, _ in r.matches)) for r in results for k, g in enumerate(r.golds)]
    quoted = [hit for g, hit in golds if g.quoted]
    unquoted = [hit for g, hit in golds if not g.quoted]
    sourced = [hit for g, hit in golds if g.sourced]
    sourceless = [hit for g, hit in golds if not g.sourced]
    predicted = sum(len(r.pred_spans) for r in results)
    matched = sum(len(r.matches) for r in results)
    precision, recall = ratio(matched, predicted), ratio(matched, len(golds))
    return {
        "articles": len(results), "skipped_articles": len(skipped),
        "gold": len(golds), "gold_quoted": len(quoted), "gold_unquoted": len(unquoted),
        "gold_without_source": len(sourceless),
        "relations_without_content": sum(r.no_content for r in results),
        "unaligned_gold": sum(r.unaligned for r in results),
        "predicted": predicted, "matched": matched,
        "precision": precision, "recall": recall,
        "f1": ratio(2 * precision * recall, precision + recall),
        "recall_quoted": ratio(sum(quoted), len(quoted)), "recall_unquoted": ratio(sum(unquoted), len(unquoted)),
        "recall_with_source": ratio(sum(sourced), len(sourced)),
        "recall_without_source": ratio(sum(sourceless), len(sourceless)),
        "mean_match_jaccard": ratio(sum(s for r in results for _, _, s in r.matches), matched),
    }


# --- running -----------------------------------------------------------------------------------


def run(documents: list[Document], model: str | None) -> tuple[list[Result], list[str], str]:
    """Analyse the documents in batches and score them; also the names of skipped articles."""
    nlp = load_nlp(model)
    results, skipped = [], []
    for first in range(0, len(documents), BATCH):
        batch, articles = [], []
        for doc in documents[first:first + BATCH]:
            try:
                articles.append(article_from_text(doc.raw, source=doc.name, fmt="text"))
                batch.append(doc)
            except InputError:
                skipped.append(doc.name)
        for doc, analysis in zip(batch, analyze_many(articles, nlp), strict=True):
            results.append(score_document(doc, analysis))
    return results, skipped, model_label(nlp)


def short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= DUMP_CHARS else text[:DUMP_CHARS - 1] + "…"


def dump_document(r: Result) -> list[str]:
    matched_p = {i for i, _, _ in r.matches}
    matched_g = {j for _, j, _ in r.matches}
    text = r.analysis.text
    lines = [f"## {r.name}  gold {len(r.golds)}  predicted {len(r.pred_spans)}  matched {len(r.matches)}"]
    for j, g in enumerate(r.golds):
        if j in matched_g:
            continue
        near, score = nearest(r.gold_spans[j], r.pred_spans)
        label = "quoted" if g.quoted else "unquoted"
        lines.append(f"MISS  {g.id} [{label}{'' if g.sourced else ', no source'}] "
                     f"source={short(g.source)!r} cue={short(g.cue)!r}")
        lines.append(f"      gold: {short(g.text)}")
        if near is not None:
            p = r.analysis.positions[near]
            near_text = short(text[p.content.start:p.content.end])
            lines.append(f"      nearest prediction {p.id} (J={score:.2f}): {near_text}")
    for i, p in enumerate(r.analysis.positions):
        if i in matched_p:
            continue
        near, score = nearest(r.pred_spans[i], r.gold_spans)
        lines.append(f"FALSE {p.id} [{p.kind}{', direct' if p.direct else ''}] actor={p.actor} "
                     f"speaker={p.speaker!r} cue={p.cue!r}")
        lines.append(f"      predicted: {short(text[p.content.start:p.content.end])}")
        if near is not None:
            lines.append(f"      nearest gold {r.golds[near].id} (J={score:.2f}): {short(r.golds[near].text)}")
    return lines


def nearest(spans: list[Interval], others: list[list[Interval]]) -> tuple[int | None, float]:
    """The most overlapping of ``others`` (None when none overlaps)."""
    scores = [(jaccard(spans, o), k) for k, o in enumerate(others)]
    best = max(scores, default=(0.0, -1))
    return (best[1], best[0]) if best[0] > 0 else (None, 0.0)


def write_dump(path: str, results: list[Result], skipped: list[str]) -> None:
    lines = [f"skipped (not readable by reader): {name}" for name in skipped]
    for r in results:
        lines.extend(dump_document(r))
        lines.append("")
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def report(split: str, model: str, seconds: float, t: dict) -> str:
    return "\n".join([
        f"PolNeAR {split}: {t['articles']} articles ({t['skipped_articles']} skipped), model {model}, "
        f"{seconds:.1f} s",
        f"gold attributions  {t['gold']} (quoted {t['gold_quoted']}, unquoted {t['gold_unquoted']}; "
        f"without source {t['gold_without_source']}; left out: {t['relations_without_content']} without content, "
        f"{t['unaligned_gold']} unaligned)",
        f"predicted          {t['predicted']}",
        f"matched            {t['matched']} (mean Jaccard {t['mean_match_jaccard']:.2f})",
        f"content P {t['precision']:.3f}  R {t['recall']:.3f}  F1 {t['f1']:.3f}  "
        f"(char-Jaccard >= {THRESHOLD}, one-to-one)",
        f"recall quoted {t['recall_quoted']:.3f}  unquoted {t['recall_unquoted']:.3f}  "
        f"with source {t['recall_with_source']:.3f}  without source {t['recall_without_source']:.3f}",
    ])


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Content P/R/F1 of reader's positions on PolNeAR.")
    parser.add_argument("--split", default="dev", help="train or dev (test is kept for reviewers)")
    parser.add_argument("--limit", type=int, default=50, help="first N articles by name (0: all; default 50)")
    parser.add_argument("--polnear", help="PolNeAR checkout, its data folder or a bare git mirror")
    parser.add_argument("--dump", metavar="FILE", help="write misses and false positives per article")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    parser.add_argument("--model", help="spaCy pipeline (as reader --model)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.split == "test":
        print("eval_polnear: refusing --split test: it is kept for reviewers and never tuned on", file=sys.stderr)
        return 2
    if args.split not in SPLITS:
        print(f"eval_polnear: --split must be train or dev, not {args.split!r}", file=sys.stderr)
        return 2
    corpus = find_corpus(args.polnear)
    if corpus is None:
        print(f"eval_polnear: {HOW_TO_GET}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    results, skipped, model = run(load_documents(corpus, args.split, args.limit), args.model)
    seconds = time.perf_counter() - started
    summary = totals(results, skipped)
    if args.dump:
        write_dump(args.dump, results, skipped)
    if args.json:
        print(json.dumps({"split": args.split, "model": model, "seconds": round(seconds, 1), **summary}, indent=2))
    else:
        print(report(args.split, model, seconds, summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
