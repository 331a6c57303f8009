"""Look-ups in the shipped knowledge base (data/, built by reader.knowledge.build).

Every table is read on first use only and kept for the life of the process: a caller that
asks for people never pays for the verbs. Names and phrases are matched case-insensitively
and accent-folded (see text.fold). People come from the PETRARCH2 dictionaries (to ~2018)
and, where data/leaders.tsv.gz was built, from the newer leaders and ministers (to ~2024).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reader.knowledge.text import fold, singular

DATA = Path(__file__).resolve().parent / "data"
RELIGIONS = frozenset({"REL", "CHR", "CTH", "PRO", "ORT", "MUS", "SHI", "SUN", "JEW", "HIN", "BUD"})


def _read(name: str) -> str:
    data = (DATA / name).read_bytes()
    return (gzip.decompress(data) if name.endswith(".gz") else data).decode("utf-8")


# ----------------------------------------------------------------------------- codes


@cache
def _codes() -> dict:
    return json.loads(_read("codes.json"))


def split_code(code: str) -> tuple[str | None, str | None]:
    """A CAMEO actor code -> (party code, sector): "USAGOVMIL" -> ("USA", "GOV"), "NGOUSA" -> ("USA", "NGO")."""
    codes = _codes()
    code = code.strip().strip("~").upper()
    code = codes["aliases"].get(code, code)
    parties = codes["parties"]
    party = next((code[:n] for n in range(len(code) - len(code) % 3, 2, -3) if code[:n] in parties), None)
    if party is None and code[:3] in codes["transnational"] and len(code) > 3:
        inner, _ = split_code(code[3:])
        return inner, code[:3]
    return party, _sector(code[3:]) if party else None


def _sector(tail: str) -> str | None:
    segments = [tail[i:i + 3] for i in range(0, len(tail) - 2, 3)]
    known = [s for s in segments if s in _codes()["sectors"]]
    return next((s for s in known if s not in RELIGIONS), known[0] if known else None)


def code_party(code: str) -> tuple[str, str | None] | None:
    """(party name, sector code) of a CAMEO code: "USALEG" -> ("United States", "LEG"); None if unknown."""
    party, sector = split_code(code)
    return (_codes()["parties"][party], sector) if party else None


def party_name(code: str) -> str | None:
    """The readable name of a CAMEO party code ("RUS" -> "Russia", "IGOUNO" -> "United Nations")."""
    found = code_party(code)
    return found[0] if found else None


def sector_word(sector: str) -> str | None:
    """A sector code as a word: "GOV" -> "government", "REB" -> "rebels"."""
    return _codes()["sectors"].get(sector.strip("~").upper())


# ----------------------------------------------------------------------------- people


@dataclass(frozen=True)
class Role:
    code: str  # the CAMEO code as in the dictionary, e.g. "RUSGOV", "IGOWSTNAT", "NORGOVMIL"
    country: str | None  # its party code: "RUS", "IGOWSTNAT" (None if unknown, e.g. "ELI" alone)
    sector: str | None  # "GOV", "MIL", ... (None for a body's own code such as "IGOUNO")
    start: dt.date | None  # None: open
    end: dt.date | None  # None: open (or still in office when the data was made, ~2018)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def valid(self, on: dt.date) -> bool:
        """True if the role holds on that day (both limits included, as in PETRARCH)."""
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    @property
    def party(self) -> str | None:
        return party_name(self.country) if self.country else None


def _index(name: str) -> dict[str, str]:
    """A "key<TAB>value" table the builder wrote with the keys already folded."""
    return dict(line.split("\t", 1) for line in _read(name).splitlines())


@cache
def _people_index() -> dict[str, str]:
    return _index("people.index.tsv.gz")


@cache
def _people_rows() -> list[str]:
    return _read("people.tsv.gz").splitlines()


@cache
def _leaders_index() -> dict[str, str]:
    """The newer leaders and ministers (the build's optional second source); {} if not built."""
    return _index("leaders.index.tsv.gz") if (DATA / "leaders.index.tsv.gz").exists() else {}


@cache
def _leader_rows() -> list[str]:
    return _read("leaders.tsv.gz").splitlines() if (DATA / "leaders.tsv.gz").exists() else []


def _date(text: str) -> dt.date | None:
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])) if text else None


def _parse_roles(row: str) -> tuple[Role, ...]:
    roles = []
    for item in row.split("\t", 2)[1].split(";"):
        code, start, end = item.split(":")
        country, sector = split_code(code)
        roles.append(Role(code, country, sector, _date(start), _date(end)))
    return tuple(roles)


@cache
def _roles_of(row_id: int) -> tuple[Role, ...]:
    return _parse_roles(_people_rows()[row_id])


@cache
def _leader_roles_of(row_id: int) -> tuple[Role, ...]:
    return _parse_roles(_leader_rows()[row_id])


def person_roles(name: str, on: dt.date | None = None) -> list[Role]:
    """The roles the knowledge base gives a person ("Vladimir Putin", "Putin"), those valid on ``on`` first.

    Order: dated roles valid on that day, the one taken up last first (a minister who became
    prime minister is the prime minister; a role the 2018 dictionaries leave open gives way to
    a later one); then undated (default) roles; then the other dated roles, most recent first.
    Without a date: dated roles (most recent first), then undated ones. [] if the name is unknown.
    """
    key = fold(name)
    ids, newer = _people_index().get(key), _leaders_index().get(key)
    roles = list(dict.fromkeys([*(r for i in (ids.split(",") if ids else ()) for r in _roles_of(int(i))),
                                *(r for i in (newer.split(",") if newer else ()) for r in _leader_roles_of(int(i)))]))
    return sorted(roles, key=lambda r: (_group(r, on), *_order(r, on)))


def _group(role: Role, on: dt.date | None) -> int:
    if not role.dated:
        return 1
    return 0 if on is None or role.valid(on) else 2


def _recency(role: Role) -> tuple[int, int]:
    return -(role.end or dt.date.max).toordinal(), -(role.start or dt.date.min).toordinal()


def _order(role: Role, on: dt.date | None) -> tuple[int, int]:
    if on is not None and role.dated and role.valid(on):
        return -(role.start or dt.date.min).toordinal(), -(role.end or dt.date.max).toordinal()
    return _recency(role)


def similar_person(name: str) -> str | None:
    """The one person the knowledge base spells a little differently ('Valerii Lazar' for 'Valeriu
    Lazar', 'Salman Khurshid' for 'Salman Khursheed'): a name of as many words sharing its first or
    last word, at least 90% alike; None if none or several (no index: one pass of rapidfuzz, ~2 ms)."""
    from rapidfuzz import fuzz, process

    key = fold(name)
    parts = key.split()
    if len(parts) < 2 or known_person(name):
        return None
    found = {other for other, _, _ in process.extract(key, _person_keys(), scorer=fuzz.ratio, score_cutoff=90, limit=8)
             if len(other.split()) == len(parts) and {other.split()[0], other.split()[-1]} & {parts[0], parts[-1]}}
    return found.pop() if len(found) == 1 else None


@cache
def _person_keys() -> tuple[str, ...]:
    return (*_people_index(), *_leaders_index())


def known_person(name: str) -> bool:
    key = fold(name)
    return key in _people_index() or key in _leaders_index()


# ----------------------------------------------------------------------------- organisations


@cache
def _organisations() -> dict[str, str]:
    return _index("organisations.index.tsv.gz")


def organisation(name: str) -> str | None:
    """The CAMEO code of a body, group or institution ("Hamas" -> "PSEREBHMS", "NATO" -> "IGOWSTNAT")."""
    key = fold(name)
    table = _organisations()
    return table.get(key) or (table.get(key[4:]) if key.startswith("the ") else None)


# ----------------------------------------------------------------------------- agents


@cache
def _agents() -> dict[str, str]:
    return dict(row.split("\t") for row in _read("agents.tsv.gz").splitlines())


def agent_code(word_or_phrase: str) -> str | None:
    """The full agent code of a role word or title ("information minister" -> "GOVMED").

    The whole phrase is tried first, then without its first words ("Russian foreign
    minister" -> "foreign minister"), since English phrases end with their head.
    """
    words = fold(word_or_phrase).split()
    table = _agents()
    return next((table[k] for k in (" ".join(words[i:]) for i in range(len(words))) if k in table), None)


def sector_of(word_or_phrase: str) -> str | None:
    """The sector of a role word or title: "minister" -> "GOV", "rebels" -> "REB", "newspaper" -> "MED"."""
    code = agent_code(word_or_phrase)
    return code[:3] if code else None


# ----------------------------------------------------------------------------- discards


@cache
def _discards() -> dict[str, list[tuple[tuple[str, ...], bool]]]:
    by_first: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for row in _read("discards.tsv").splitlines():
        phrase, _scope, match = row.split("\t")
        words = tuple(phrase.split())
        by_first.setdefault(words[0], []).append((words, match == "stem"))
    return by_first


def is_discard(phrase: str) -> bool:
    """True if the phrase holds one of the dictionaries' discards (sports, works, bygone events ...).

    A discard matches as whole words, except that a discard marked as a stem may continue
    its last word ("baseball" matches "baseballs").
    """
    words = fold(phrase).split()
    table = _discards()
    for i, word in enumerate(words):
        for first in (word, *(k for k in _stems(word) if k in table)):
            for candidate, stem in table.get(first, ()):
                if _discard_at(words, i, candidate, stem):
                    return True
    return False


def _stems(word: str) -> tuple[str, ...]:
    return (singular(word),) if singular(word) != word else ()


def _discard_at(words: list[str], i: int, candidate: tuple[str, ...], stem: bool) -> bool:
    got = words[i:i + len(candidate)]
    if len(got) < len(candidate) or got[:-1] != list(candidate[:-1]):
        return False
    return got[-1] == candidate[-1] or (stem and got[-1].startswith(candidate[-1]))


# ----------------------------------------------------------------------------- verbs


@dataclass(frozen=True)
class VerbPattern:
    id: str  # "<lemma>:<n>", stable for a given data build
    lemma: str
    words: tuple[str, ...]  # after the verb, in order; "&name" is a synset (see verb_synsets())
    kind: str  # one of reader.model.KINDS or "none"
    code: str  # CAMEO event code ("020", "1056", "042:043" = active:passive meaning)
    before: tuple[str, ...] = ()  # nouns before the verb (the subject's head), rarely used


@cache
def _verbs() -> dict:
    return json.loads(_read("verbs.json.gz"))


def _lemma_rows(lemma: str) -> list[tuple[list[str], list[str], str, str]]:
    """(before, words, code, kind) of every pattern of a verb: its multi-word forms, then its blocks'."""
    doc = _verbs()
    entry = doc["verbs"].get(lemma)
    if entry is None:
        return []
    rows = [tuple(p) for p in entry["extra"]]
    simple = {block for block, prefix in entry["uses"] if not prefix}
    for block, prefix in entry["uses"]:
        if prefix and block in simple:
            continue
        patterns = doc["blocks"][block]["patterns"]
        rows += [(b, [*prefix, *w], c, k) for b, w, c, k in patterns] if prefix else [tuple(p) for p in patterns]
    return rows


@cache
def _lemma_patterns(lemma: str) -> tuple[VerbPattern, ...]:
    return tuple(VerbPattern(f"{lemma}:{n}", lemma, tuple(w), k, c, tuple(b))
                 for n, (b, w, c, k) in enumerate(_lemma_rows(lemma)))


def verb_default(lemma: str) -> tuple[str, str] | None:
    """(kind, CAMEO code) of the verb on its own, None if the dictionaries do not know it."""
    entry = _verbs()["verbs"].get(fold(lemma))
    return (entry["kind"], entry["code"]) if entry else None


def verb_kind(lemma: str, following: Sequence[str] = ()) -> tuple[str, str] | None:
    """(kind, CAMEO code) of a verb, given the words that follow it ("call", ["for"] -> demand).

    The longest pattern whose words all occur in ``following``, in order (gaps allowed, so
    pass the words up to the end of the clause, not the whole sentence), wins; else the
    verb's default. Kind "none" means the verb names no stance (a cooperative or material
    act, or a verb the dictionaries give no code). None if the verb is unknown.
    """
    parts = fold(lemma).split()
    if not parts:
        return None
    tokens = [*parts[1:], *(fold(t) for t in following)]
    best = None
    for pattern in _lemma_patterns(parts[0]):
        if pattern.words and not pattern.before and (best is None or len(pattern.words) > len(best.words)):
            if _matches(pattern.words, tokens):
                best = pattern
    return (best.kind, best.code) if best else verb_default(parts[0])


def _matches(words: tuple[str, ...], tokens: list[str]) -> bool:
    at = 0
    for word in words:
        while at < len(tokens) and not _word_matches(word, tokens[at]):
            at += 1
        if at == len(tokens):
            return False
        at += 1
    return True


def _word_matches(word: str, token: str) -> bool:
    if word.startswith("&"):
        members = _synset(word)
        return token in members or singular(token) in members
    return word == token or word == singular(token)


@cache
def _synset(name: str) -> frozenset[str]:
    return frozenset(_verbs()["synsets"].get(name, ()))


def verb_synsets() -> dict[str, list[str]]:
    """The synonym sets the patterns name ("&currency" -> ["money", "currency", ...])."""
    return _verbs()["synsets"]


def verb_lemmas() -> list[str]:
    return list(_verbs()["verbs"])


def verb_patterns() -> Iterator[tuple[str, str, tuple[str, ...], str, str]]:
    """Every (id, lemma, words, kind, code) with words after the verb, to compile into matchers.

    Patterns that also need nouns before the verb are left out (see _lemma_patterns /
    VerbPattern.before for them).
    """
    for lemma in _verbs()["verbs"]:
        for n, (before, words, code, kind) in enumerate(_lemma_rows(lemma)):
            if words and not before:
                yield f"{lemma}:{n}", lemma, tuple(words), kind, code


def verb_review() -> dict[str, tuple[str, str]]:
    """Verbs whose CAMEO-derived default looks wrong for a reader: lemma -> (suggested kind, why)."""
    return {k: (v[0], v[1]) for k, v in _verbs().get("review", {}).items()}


def load_all() -> None:
    """Read every table now (for benchmarks, or to pay the cost up front)."""
    _codes(), _people_index(), _people_rows(), _leaders_index(), _leader_rows()
    _organisations(), _agents(), _discards(), _verbs()
