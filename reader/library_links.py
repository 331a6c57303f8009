"""Replies across the articles of a library: a demand in one article answered by a rejection in a
later one, from another outlet.

The linker of one article (:mod:`reader.links`) scores every pair of its positions from the
spaCy parse. Across articles there is no parse to share and the pairs are too many, so:

- **Blocking.** Only pairs that can answer each other are scored: positions of two different
  parties, in two different dated articles, the answer from the first's day to ``window_days``
  later, and the pair of parties in contact (the answering party is a party of the first's
  article, or the first's party one of the answer's). Pairs are formed party pair by party
  pair, and inside a pair by windows of time, so each block is small and the cost grows with
  the positions, not with their square.
- **Scoring.** Inside a block the content words are compared at once with rapidfuzz
  ``process.cdist`` (``token_set_ratio``, through :func:`reader.links.cdist_block`); the other
  evidence is per pair: shared content words, the answering party addressed, the first party
  named, a back-reference ("Russia's demands", "the proposal"; nouns from ``data/links.toml``),
  nearness in time, and how well the kinds answer each other (``[answers]`` of links.toml).
  A pair's score depends on that pair alone, so linking again only the days an added or
  removed article touches gives the same links as linking the whole library.
- **Keeping.** Each position keeps its ``max_answers`` best answers above ``threshold``.

The library's triggers (schema 3) note which days changed (``links_dirty``) and which articles
were indexed again (``links_pending``); :func:`relink` brings the links up to date and is cheap
when nothing changed. Settings in ``data/library_links.toml``. No spaCy and no Textual here.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from .links import cdist_block, load_settings
from .model import KINDS

if TYPE_CHECKING:
    from .library import Library, PartyPosition

WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@dataclass(frozen=True)
class CrossSettings:
    window_days: int
    half_days: float
    threshold: float
    max_answers: int
    block: int
    plain_kinds: frozenset[str]
    plain_shared: int
    weights: dict[str, float]
    stop: frozenset[str]


@lru_cache(maxsize=1)
def cross_settings() -> CrossSettings:
    raw = tomllib.loads(resources.files("reader").joinpath("data/library_links.toml").read_text(encoding="utf-8"))
    return CrossSettings(
        window_days=int(raw["window_days"]), half_days=float(raw["half_days"]),
        threshold=float(raw["threshold"]), max_answers=int(raw["max_answers"]), block=int(raw["block"]),
        plain_kinds=frozenset(raw["plain_kinds"]), plain_shared=int(raw["plain_shared"]),
        weights={k: float(v) for k, v in raw["weights"].items()},
        stop=frozenset(raw["text"]["stop"]) | load_settings().stop,
    )


class Reply(NamedTuple):
    """A link across articles, as the party view shows it: ``first`` (article, position) is
    answered by ``answer``; the other end's party, day and outlet for the row's note. (A named
    tuple, as :class:`reader.library.PartyPosition`: read by the thousand.)"""

    first: tuple[int, str]
    answer: tuple[int, str]
    score: float
    relation: str
    reason: str
    first_party: int
    answer_party: int
    first_date: str
    answer_date: str
    first_outlet: str | None
    answer_outlet: str | None


@dataclass(eq=False)  # hashed by identity: the linker keys its candidates by item
class Item:
    """One position as the linker sees it."""

    key: tuple[int, str]
    party: int
    kind: str
    day: int  # days since 1970-01-01
    date: str
    outlet: str | None
    terms: tuple[str, ...]  # stems of the content words, and @party for the parties named
    words: tuple[str, ...]  # each term as first written (for the reason)
    mentions: frozenset[int]
    targets: frozenset[int]
    backref: tuple[frozenset[str], int | None, float, str] | None  # kinds, owner party, strength, cue
    ids: np.ndarray | None = None  # the content terms (parties left out) as sorted numbers, set by link_items
    joined: str = ""  # the terms sorted and joined, as cdist compares them (set by link_items)


# --- keeping the links up to date ----------------------------------------------------------------


def relink(library: Library) -> int:
    """Bring the library's links across articles up to date (one transaction); the number of
    links written. Nothing to do (the common case) costs two small queries."""
    with library._transaction() as conn:
        pending = [r[0] for r in conn.execute("SELECT article_id FROM links_pending")]
        for article_id in pending:
            _read_article_facts(library, article_id)
        conn.execute("DELETE FROM links_pending")
        days = sorted(r[0] for r in conn.execute("SELECT day FROM links_dirty"))
        conn.execute("DELETE FROM links_dirty")
        if not days:
            return 0
        return _relink_days(library, [d for d in days if _day(d) is not None])


def relink_all(library: Library) -> int:
    """Link the whole library again (what the incremental :func:`relink` must agree with)."""
    with library._transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO links_dirty (day) SELECT DISTINCT date FROM articles"
                     " WHERE date IS NOT NULL")
    return relink(library)


def _read_article_facts(library: Library, article_id: int) -> None:
    """What the index lacks for linking, from the article's analysis with its corrections: the
    names of its parties (aliases too), each position's targets, and which positions are
    answered inside the article."""
    from .library import name_key

    conn = library.conn
    conn.execute("DELETE FROM article_names WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM position_facts WHERE article_id = ?", (article_id,))
    try:
        analysis, _ = library.analysis(article_id)
    except KeyError:
        return
    parties = dict(conn.execute("SELECT actor_id, party_id FROM article_parties WHERE article_id = ?",
                                (article_id,)).fetchall())
    names: dict[str, int] = {}
    for actor in analysis.actors:
        party = parties.get(actor.id)
        if party is None:
            continue
        for name in (actor.name, *actor.aliases):
            if name_key(name) is not None:
                names.setdefault(name.casefold(), party)
    for position in analysis.positions:  # "Ryabkov" speaks for Russia in this article
        party = parties.get(position.actor)
        for name in _speaker_names(position.speaker):
            if party is not None:
                names.setdefault(name, party)
    conn.executemany("INSERT OR IGNORE INTO article_names (article_id, name, party_id) VALUES (?, ?, ?)",
                     [(article_id, n, p) for n, p in names.items()])
    answered = {link.source for link in analysis.links}
    indexed = {r[0] for r in conn.execute("SELECT position_id FROM positions WHERE article_id = ?", (article_id,))}
    conn.executemany(
        "INSERT INTO position_facts (article_id, position_id, answered, targets) VALUES (?, ?, ?, ?)",
        [(article_id, p.id, p.id in answered,
          ",".join(str(parties[t]) for t in p.targets if t in parties)) for p in analysis.positions
         if p.id in indexed])


def _speaker_names(speaker: str | None) -> list[str]:
    """A speaker's full name and surname, folded ("sergei ryabkov", "ryabkov"); none for a
    description ("a US government spokeswoman")."""
    if not speaker:
        return []
    words = speaker.split()
    if not all(w[:1].isupper() for w in words):
        return []
    last = words[-1].removesuffix("’s").removesuffix("'s")
    return list(dict.fromkeys([" ".join(words[-2:]).casefold(), last.casefold()]))


def _day(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso).toordinal() if iso else None
    except ValueError:
        return None


def _iso(day: int) -> str:
    return date.fromordinal(max(day, 1)).isoformat()


def _ranges(days: list[str], window: int) -> list[tuple[int, int]]:
    """The days whose positions must be linked again when ``days`` changed: for each, the
    window before it (an answer there may have changed), merged."""
    spans = sorted((d - window, d) for d in (_day(x) for x in days) if d is not None)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _relink_days(library: Library, days: list[str]) -> int:
    settings = cross_settings()
    ranges = _ranges(days, settings.window_days)
    if not ranges:
        return 0
    conn = library.conn
    written = 0
    for start, end in ranges:
        conn.execute("DELETE FROM cross_links WHERE from_article IN"
                     " (SELECT id FROM articles WHERE date BETWEEN ? AND ?)", (_iso(start), _iso(end)))
        items, parties = _load(library, start, end + settings.window_days)
        links = link_items(items, lambda item, s=start, e=end: s <= item.day <= e, settings, parties)
        by_key = {item.key: item for item in items}
        conn.executemany(
            "INSERT OR REPLACE INTO cross_links (from_article, from_position, to_article, to_position, score,"
            " relation, reason, from_party, to_party, from_date, to_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*first, *answer, score, relation, reason, by_key[first].party, by_key[answer].party,
              by_key[first].date, by_key[answer].date) for first, answer, score, relation, reason in links])
        written += len(links)
    return written


# --- what the linker reads ----------------------------------------------------------------------


def _load(library: Library, start: int, end: int) -> tuple[list[Item], dict[int, set[int]]]:
    """The positions of the dated articles from day ``start`` to ``end``, with their evidence,
    and the parties of each of these articles (those with no position too)."""
    conn = library.conn
    settings = cross_settings()
    rows = conn.execute(
        "SELECT p.article_id, p.position_id, p.party_id, p.kind, p.text, a.date, a.outlet, f.targets"
        " FROM articles AS a JOIN positions AS p ON p.article_id = a.id"
        " LEFT JOIN position_facts AS f ON f.article_id = p.article_id AND f.position_id = p.position_id"
        " WHERE a.date BETWEEN ? AND ? ORDER BY a.date, a.id, p.start", (_iso(start), _iso(end))).fetchall()
    articles = sorted({r[0] for r in rows})
    names: dict[int, list[tuple[str, int]]] = defaultdict(list)
    parties: dict[int, set[int]] = defaultdict(set)
    for chunk in _chunks(articles, 500):
        marks = ",".join("?" * len(chunk))
        for article_id, party in conn.execute(
                f"SELECT article_id, party_id FROM article_parties WHERE article_id IN ({marks})", chunk):
            parties[article_id].add(party)
        for article_id, name, party in conn.execute(
                f"SELECT article_id, name, party_id FROM article_names WHERE article_id IN ({marks})", chunk):
            names[article_id].append((name, party))
    patterns = {a: _name_pattern(n) for a, n in names.items()}
    nouns = load_settings().backref_nouns
    items = []
    for article_id, position_id, party, kind, text, iso, outlet, targets in rows:
        day = _day(iso)
        if day is None:
            continue
        found = _find_names(text, patterns.get(article_id))
        terms, words = _terms(text, found, party, settings.stop)
        items.append(Item(
            (article_id, position_id), party, kind, day, iso, outlet, terms, words,
            frozenset(p for _, _, p in found), frozenset(int(t) for t in (targets or "").split(",") if t),
            _backref(text, found, nouns)))
    return items, parties


def _chunks(values: list, size: int) -> Iterable[list]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


def _name_pattern(names: list[tuple[str, int]]) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """One regular expression for an article's party names (longest first, whole words; "Russia"
    also finds "Russian" and "Russia's")."""
    table = {n: p for n, p in names if len(n) > 1}
    if not table:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True))
    return re.compile(rf"\b({alternatives})(?:n|ns|ian|ians)?(?:['’]s)?\b", re.IGNORECASE), table


def _find_names(text: str, pattern: tuple[re.Pattern[str], dict[str, int]] | None
                ) -> list[tuple[int, int, int]]:
    """(start, end, party) of every party named in ``text``."""
    if pattern is None:
        return []
    regex, table = pattern
    return [(m.start(), m.end(), table[m.group(1).casefold()]) for m in regex.finditer(text)
            if m.group(1).casefold() in table]


def _terms(text: str, found: list[tuple[int, int, int]], own: int, stop: frozenset[str]
           ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The content words of a position as stems ("demanded", "demands" -> "demand"), with the
    parties it names as ``@id`` (not its own party); and each term as first written."""
    terms = {f"@{party}": f"@{party}" for _, _, party in found if party != own}
    masked = text
    for start, end, _ in reversed(found):
        masked = masked[:start] + " " * (end - start) + masked[end:]
    for match in WORD.finditer(masked):
        word = match.group().casefold().replace("’", "'").removesuffix("'s").strip("'-")
        if len(word) < 3 or word in stop:
            continue
        term = stem(word)
        if term not in stop:
            terms.setdefault(term, word)
    return tuple(terms), tuple(terms.values())


def stem(word: str) -> str:
    """A crude English stem, enough to match a word across articles: "demands", "demanded" ->
    "demand"; "violated", "violating", "violate" -> "violat"; "forces" -> "force"."""
    if word.endswith("ies") and len(word) > 5:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "xes", "ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        word = word[:-1]
    if word.endswith("ing") and len(word) > 6:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 5:
        word = word[:-2]
    elif word.endswith("e") and len(word) > 5:
        word = word[:-1]
    return word


def _backref(text: str, found: list[tuple[int, int, int]], nouns: dict[str, frozenset[str]]
             ) -> tuple[frozenset[str], int | None, float, str] | None:
    """The first back-reference in ``text``: a back-reference noun owned by a party it names
    ("Moscow's demands": the kinds, that party, 1.0) or determined ("the proposal": no owner, 0.7)."""
    settings = load_settings()
    for match in WORD.finditer(text):
        word = match.group().casefold()
        lemma = word[:-1] if word.endswith("s") and word[:-1] in nouns else word
        if lemma not in nouns:
            continue
        before = text[:match.start()].rstrip()
        owner = next((party for start, end, party in found if before.endswith(text[start:end].rstrip())
                      and text[start:end].rstrip().endswith(("'s", "’s"))), None)
        if owner is not None:
            start = next(s for s, e, p in found if p == owner and before.endswith(text[s:e].rstrip()))
            return nouns[lemma], owner, 1.0, text[start:match.end()]
        previous = before.split()[-1].casefold() if before.split() else ""
        if previous in settings.determiners:
            return nouns[lemma], None, 0.7, f"{before.split()[-1]} {match.group()}"
    return None


# --- scoring --------------------------------------------------------------------------------------


def link_items(items: list[Item], is_first, settings: CrossSettings | None = None,
               article_parties: dict[int, set[int]] | None = None,
               ) -> list[tuple[tuple[int, str], tuple[int, str], float, str, str]]:
    """(first, answer, score, relation, reason) for the best answers of every item ``is_first``
    accepts, among ``items`` (blocked by party pair and time, scored with cdist).
    ``article_parties``: every party of each article (default: those with an item)."""
    settings = settings or cross_settings()
    answers = load_settings().answers
    firsts_by_party: dict[int, list[Item]] = defaultdict(list)
    by_party: dict[int, list[Item]] = defaultdict(list)
    article_parties = defaultdict(set, {a: set(p) for a, p in (article_parties or {}).items()})
    _number_terms(items)
    for item in items:
        by_party[item.party].append(item)
        article_parties[item.key[0]].add(item.party)
        if is_first(item) and any(first == item.kind for first, _ in answers):
            firsts_by_party[item.party].append(item)
    pairs = {(p, q) for parties in article_parties.values() for p in parties for q in parties
             if p != q and p in firsts_by_party}
    found: dict[Item, list[Candidate]] = defaultdict(list)
    for p, q in sorted(pairs):
        _score_pair(firsts_by_party[p], by_party[q], article_parties, answers, settings, found)
    out = []
    for first, candidates in found.items():
        candidates.sort(key=lambda c: (-c[0], c[1].day, c[1].key))
        for score, answer, relation, backref, gap in candidates[:settings.max_answers]:
            reason = _reason(first, answer, shared_terms(first, answer), backref, gap)  # only for those kept
            out.append((first.key, answer.key, round(score, 3), relation, reason))
    return out


Candidate = tuple[float, Item, str, float, int]  # score, the answer, relation, back-reference credit, days


def _score_pair(firsts: list[Item], answers_of_q: list[Item], article_parties: dict[int, set[int]],
                answers: dict[tuple[str, str], tuple[float, str]], settings: CrossSettings,
                found: dict[Item, list[Candidate]]) -> None:
    """Score the firsts of party P (in date order) against the positions of party Q, in blocks
    of at most ``block`` consecutive firsts whose answers in time (their day to ``window_days``
    later) number at most ``block``, or no more than the first one's alone (many firsts of one
    busy day share their answers): few and small matrices, each cell a pair that may answer."""
    window, block = settings.window_days, settings.block
    days = [a.day for a in answers_of_q]
    i = 0
    while i < len(firsts):
        lo = bisect_left(days, firsts[i].day)
        most = max(block, bisect_right(days, firsts[i].day + window) - lo)
        j = i + 1
        while j < len(firsts) and j - i < block and bisect_right(days, firsts[j].day + window) - lo <= most:
            j += 1
        candidates = answers_of_q[lo:bisect_right(days, firsts[j - 1].day + window)]
        for start in range(0, len(candidates), block):
            _score_block(firsts[i:j], candidates[start:start + block], article_parties, answers, settings, found)
        i = j


def _score_block(rows: list[Item], cols: list[Item], article_parties: dict[int, set[int]],
                 answers: dict[tuple[str, str], tuple[float, str]], settings: CrossSettings,
                 found: dict[Item, list[Candidate]]) -> None:
    """Score the firsts ``rows`` (all of one party P) against the answers ``cols`` (all of party
    Q) as matrices: every gate and every piece of evidence at once, Python only for the links kept."""
    first_days = np.array([r.day for r in rows])
    gap = np.array([c.day for c in cols])[None, :] - first_days[:, None]
    mask = (gap >= 0) & (gap <= settings.window_days)
    mask &= np.array([r.key[0] for r in rows])[:, None] != np.array([c.key[0] for c in cols])[None, :]
    p, q = rows[0].party, cols[0].party
    mask &= (np.array([q in article_parties[r.key[0]] for r in rows])[:, None]
             | np.array([p in article_parties[c.key[0]] for c in cols])[None, :])  # the parties in contact
    kind_weight, relation = _kind_tables(answers)
    row_kinds = np.array([KIND_INDEX.get(r.kind, KIND_INDEX["statement"]) for r in rows])
    col_kinds = np.array([KIND_INDEX.get(c.kind, KIND_INDEX["statement"]) for c in cols])
    weight = kind_weight[np.ix_(row_kinds, col_kinds)]
    mask &= weight > 0
    if not mask.any():
        return
    shared = _shared_counts(rows, cols)
    backref = _backref_matrix(rows, cols, row_kinds, p)
    plain_kind = _kind_mask(settings.plain_kinds)
    plain = plain_kind[row_kinds][:, None] | plain_kind[col_kinds][None, :]
    mask &= (backref > 0) | (shared >= np.where(plain, settings.plain_shared, 1))  # the same matter
    if not mask.any():
        return
    text = _text_scores(rows, cols, mask)
    mention_weight = load_settings().mention_weight
    addressed = np.array([1.0 if q in r.targets else mention_weight if q in r.mentions else 0.0 for r in rows])
    named = np.array([1.0 if p in c.targets | c.mentions else 0.0 for c in cols])
    evidence = {
        "text": text, "overlap": 1.0 - 0.5 ** shared, "addressed": addressed[:, None], "named": named[None, :],
        "backref": backref, "near": 1.0 / (1.0 + np.maximum(gap, 0) / settings.half_days), "kind": weight,
    }
    weights = settings.weights
    score = sum(weights.get(k, 0.0) * v for k, v in evidence.items()) / max(sum(weights.values()), 1e-9)
    misfit = np.array([c.backref is not None and c.backref[1] is not None and c.backref[1] != p for c in cols])
    score = score * np.where(misfit, load_settings().backref_misfit, 1.0)[None, :]  # "rejected Kyiv's demands"
    keep = mask & (score >= settings.threshold)
    relations = sorted({rel for _, rel in answers.values()})
    for i, j in zip(*np.nonzero(keep), strict=True):
        found[rows[i]].append((float(score[i, j]), cols[j], relations[relation[row_kinds[i], col_kinds[j]]],
                               float(backref[i, j]), int(gap[i, j])))


def _text_scores(rows: list[Item], cols: list[Item], mask: np.ndarray) -> np.ndarray:
    """cdist of the terms (0..1), computed only for the rows and columns with a pair still in
    ``mask`` (0 elsewhere: those cells are not kept)."""
    live_rows, live_cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    text = np.zeros(mask.shape)
    text[np.ix_(live_rows, live_cols)] = cdist_block(
        [rows[i].joined for i in live_rows], [cols[j].joined for j in live_cols]) / 100.0
    return text


KIND_INDEX = {kind: n for n, kind in enumerate(KINDS)}


@lru_cache(maxsize=4)
def _kind_tables_cached(items: tuple[tuple[tuple[str, str], tuple[float, str]], ...]) -> tuple[np.ndarray, np.ndarray]:
    relations = sorted({rel for _, (_, rel) in items})
    weight = np.zeros((len(KINDS), len(KINDS)))
    relation = np.zeros((len(KINDS), len(KINDS)), dtype=int)
    for (first, answer), (w, rel) in items:
        weight[KIND_INDEX[first], KIND_INDEX[answer]] = w
        relation[KIND_INDEX[first], KIND_INDEX[answer]] = relations.index(rel)
    return weight, relation


def _kind_tables(answers: dict[tuple[str, str], tuple[float, str]]) -> tuple[np.ndarray, np.ndarray]:
    """(weight, relation index) of each (first kind, answer kind), as ``[answers]`` of links.toml."""
    return _kind_tables_cached(tuple(sorted(answers.items())))


def _number_terms(items: list[Item]) -> None:
    """Give each item its content terms (parties left out) as sorted numbers, once for a run:
    the blocks then count shared terms from arrays, not from the words again in every block."""
    vocab: dict[str, int] = {}
    for item in items:
        numbers = {vocab.setdefault(t, len(vocab)) for t in item.terms if not t.startswith("@")}
        item.ids = np.fromiter(sorted(numbers), dtype=np.int64, count=len(numbers))
        item.joined = " ".join(sorted(item.terms))


def _shared_counts(rows: list[Item], cols: list[Item]) -> np.ndarray:
    """How many content words (parties left out) each row shares with each column: a product of
    two 0/1 matrices over the terms found on both sides."""
    row_ids = np.concatenate([r.ids for r in rows])
    col_ids = np.concatenate([c.ids for c in cols])
    common = np.intersect1d(row_ids, col_ids, assume_unique=False)
    if not len(common):
        return np.zeros((len(rows), len(cols)))
    return (_having(rows, row_ids, common) @ _having(cols, col_ids, common).T).astype(np.float64)


def _having(items: list[Item], ids: np.ndarray, common: np.ndarray) -> np.ndarray:
    """1 where item n has term ``common[k]`` (``ids``: the items' term numbers, end to end)."""
    owner = np.repeat(np.arange(len(items)), [len(i.ids) for i in items])
    where = np.searchsorted(common, ids)
    keep = (where < len(common)) & (common[np.minimum(where, len(common) - 1)] == ids)
    matrix = np.zeros((len(items), len(common)), dtype=np.float32)
    matrix[owner[keep], where[keep]] = 1.0
    return matrix


def _backref_matrix(rows: list[Item], cols: list[Item], row_kinds: np.ndarray, party: int) -> np.ndarray:
    """Credit of each answer's back-reference for each first of party ``party``: an owned one
    ("Russia's demands") when it names that party, an unowned one ("the proposal") at 0.7 if
    the answer names the party, half that otherwise; zero for a kind it cannot point to."""
    credit = np.zeros((len(rows), len(cols)))
    for j, answer in enumerate(cols):
        if answer.backref is None:
            continue
        kinds, owner, strength, _ = answer.backref
        if owner is not None:
            value = strength if owner == party else 0.0
        else:
            value = strength if party in answer.mentions | answer.targets else strength / 2
        credit[:, j] = np.where(_kind_mask(kinds)[row_kinds], value, 0.0)
    return credit


@lru_cache(maxsize=64)
def _kind_mask(kinds: frozenset[str]) -> np.ndarray:
    """True for each kind (KINDS order) a back-reference to ``kinds`` can point to (any if none)."""
    return np.array([not kinds or kind in kinds for kind in KINDS])


def shared_terms(first: Item, answer: Item) -> list[str]:
    """The content words ``first`` shares with ``answer`` (parties left out), as ``first`` writes them."""
    theirs = set(answer.terms)
    return [word for term, word in zip(first.terms, first.words, strict=True)
            if not term.startswith("@") and term in theirs]


def _reason(first: Item, answer: Item, shared: list[str], backref: float, gap: int) -> str:
    later = "the same day" if gap == 0 else f"{gap} day{'s' if gap != 1 else ''} later"
    parts = [f"{first.kind} answered by {answer.kind} {later} in another article"
             + (f" ({answer.outlet})" if answer.outlet and answer.outlet != first.outlet else "")]
    if shared:
        parts.append("shared: " + ", ".join(shared[:4]))
    if backref > 0 and answer.backref is not None:
        parts.append(f"refers back: \u201c{answer.backref[3]}\u201d")
    return "; ".join(parts)


# --- reading the links ----------------------------------------------------------------------------

REPLY_SQL = (
    "SELECT l.from_article, l.from_position, l.to_article, l.to_position, l.score, l.relation, l.reason,"
    " l.from_party, l.to_party, l.from_date, l.to_date FROM cross_links AS l")


def replies(library: Library, party_ids: Iterable[int] | None = None) -> list[Reply]:
    """The links across articles where one end is a position of these parties (all: None), in
    the first's date order (the parties and days are kept with each link: no join)."""
    where, params = "", []
    if party_ids is not None:
        ids = list(party_ids)
        marks = ",".join("?" * len(ids))
        where = f" WHERE l.from_party IN ({marks}) OR l.to_party IN ({marks})"
        params = ids + ids
    with library._errors():
        outlets = dict(library.conn.execute("SELECT id, outlet FROM articles"))
        rows = library.conn.execute(REPLY_SQL + where + " ORDER BY l.from_date, l.from_article, l.from_position,"
                                    " l.score DESC", params)
        make, outlet = Reply._make, outlets.get  # thousands of rows: no keyword arguments, no attribute look-ups
        return [make(((a, p), (b, q), *rest, outlet(a), outlet(b))) for a, p, b, q, *rest in rows]


def unanswered(library: Library, party_ids: Iterable[int] | None = None) -> list[PartyPosition]:
    """The positions of the kinds that want an answer (``unanswered_kinds`` of links.toml: the
    demands) answered neither in their article nor by a later article, in date order."""
    from .library import PartyPosition

    kinds = sorted(load_settings().unanswered_kinds)
    where = [f"p.kind IN ({','.join('?' * len(kinds))})",
             "NOT EXISTS (SELECT 1 FROM cross_links AS l WHERE l.from_article = p.article_id"
             " AND l.from_position = p.position_id)",
             "NOT EXISTS (SELECT 1 FROM position_facts AS f WHERE f.article_id = p.article_id"
             " AND f.position_id = p.position_id AND f.answered)"]
    params: list[object] = list(kinds)
    if party_ids is not None:
        ids = list(party_ids)
        where.append(f"p.party_id IN ({','.join('?' * len(ids))})")
        params += ids
    sql = ('SELECT p.article_id, p.position_id, p.party_id, p.kind, p.text, p.start, p."end", p.date,'
           " p.speaker, a.title FROM positions AS p JOIN articles AS a ON a.id = p.article_id"
           f" WHERE {' AND '.join(where)} ORDER BY p.date, p.article_id, p.start, p.position_id")
    with library._errors():
        return list(map(PartyPosition._make, library.conn.execute(sql, params)))


def since_until_days(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Both ends of a range of days as ISO dates, in order (a reversed range is swapped)."""
    if since and until and since > until:
        return until, since
    return since, until


def week_of(iso: str) -> str:
    """The Monday of the week of ``iso`` (the timeline's bins)."""
    day = date.fromisoformat(iso)
    return (day - timedelta(days=day.weekday())).isoformat()
