"""Plain data passed between the steps of the pipeline.

article file -> Article -> spaCy Doc -> [Actor] -> [Position] -> [Link] -> Analysis

Every offset indexes into ``Article.text`` (the cleaned text), so ``text[start:end]`` is
always the span a position covers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from functools import cached_property

SCHEMA = "reader.analysis/1"

KINDS = ("demand", "offer", "accept", "reject", "threaten", "accuse", "statement")
# One home for how each kind is named: the badge (panels, detail line, exports) and the plural
# (the filter's label). Every KINDS entry has a row; tests check it.
KIND_BADGES = {
    "demand": "DEMAND", "offer": "OFFER", "accept": "ACCEPT", "reject": "REJECT",
    "threaten": "THREAT", "accuse": "ACCUSE", "statement": "STATEMENT",
}
KIND_PLURALS = {
    "demand": "demands", "offer": "offers", "accept": "acceptances", "reject": "rejections",
    "threaten": "threats", "accuse": "accusations", "statement": "statements",
}


def kind_badge(kind: str) -> str:
    """The badge of ``kind`` ("THREAT" for "threaten"); an unknown kind in capitals."""
    return KIND_BADGES.get(kind, kind.upper())


def kind_plural(kind: str) -> str:
    """What a filter on ``kind`` shows ("threats" for "threaten")."""
    return KIND_PLURALS.get(kind, f"{kind}s")
ACTOR_KINDS = ("country", "organization", "group", "person")
RELATIONS = ("rejects", "accepts", "counters", "denies", "answers")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
ISO_DATE = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True)
class Publication:
    """Where and when the article was published, each None when unknown.

    ``date`` is ISO ``YYYY-MM-DD``; ``outlet`` is the publisher's name ("Reuters");
    ``url`` the article's address. Read from HTML metadata, a sibling ``.meta.json`` or the
    dateline ("KHARTOUM, Dec 27, 2003 (dpa) —"). ``Article.source`` is the file it was read from."""

    outlet: str | None = None
    url: str | None = None
    date: str | None = None

    def filled_from(self, other: Publication) -> Publication:
        """This publication with its unknown fields taken from ``other``."""
        return Publication(self.outlet or other.outlet, self.url or other.url, self.date or other.date)

    def __bool__(self) -> bool:
        return bool(self.outlet or self.url or self.date)


@dataclass(frozen=True)
class Article:
    """The cleaned article: title (if any), the text, and its paragraphs as offsets."""

    source: str
    text: str
    title: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    publication: Publication = Publication()

    @property
    def published(self) -> str | None:
        """The publication date, ISO ``YYYY-MM-DD``, or None when unknown."""
        return self.publication.date

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph holding ``offset`` (the last one before it if between; 0
        before the first). A binary search: asked for every position, token and pronoun."""
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str  # one of ACTOR_KINDS
    aliases: tuple[str, ...] = ()
    positions: int = 0
    sector: str | None = None  # CAMEO-style sector of a side: "OPP", "REB" (None: the party itself)
    evidence: tuple[str, ...] = ()  # why the article's mentions were decided to be this party
    corrected: bool = False  # renamed or merged by the user (reader.corrections)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Position:
    id: str
    actor: str  # Actor.id
    kind: str  # one of KINDS
    text: str
    start: int
    end: int
    content: Span
    speaker: str | None = None
    targets: tuple[str, ...] = ()  # Actor.id
    direct: bool = False
    cue: str | None = None
    paragraph: int = 0
    corrected: bool = False  # its party or kind changed by the user (reader.corrections)


@dataclass(frozen=True)
class Link:
    source: str  # Position.id answered ("from" in JSON)
    target: str  # Position.id answering ("to" in JSON)
    score: float
    relation: str  # one of RELATIONS
    reason: str
    corrected: bool = False  # added by the user (reader.corrections)


@dataclass(frozen=True)
class Analysis:
    source: str
    title: str | None
    text: str
    model: str
    actors: tuple[Actor, ...] = ()
    positions: tuple[Position, ...] = ()
    links: tuple[Link, ...] = ()
    unanswered: tuple[str, ...] = ()
    paragraphs: tuple[Paragraph, ...] = field(default=(), compare=False)
    publication: Publication = Publication()

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def position(self, position_id: str) -> Position | None:
        return next((p for p in self.positions if p.id == position_id), None)


def analysis_to_dict(analysis: Analysis) -> dict:
    """The JSON contract ``reader.analysis/1``."""
    return {
        "schema": SCHEMA,
        "source": analysis.source,
        "title": analysis.title,
        "text": analysis.text,
        "model": analysis.model,
        "actors": [
            {"id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases), "positions": a.positions,
             "sector": a.sector, "evidence": list(a.evidence)} | _corrected(a.corrected)
            for a in analysis.actors
        ],
        "positions": [_position_to_dict(p) for p in analysis.positions],
        "links": [
            {"from": link.source, "to": link.target, "score": round(link.score, 3),
             "relation": link.relation, "reason": link.reason} | _corrected(link.corrected)
            for link in analysis.links
        ],
        "unanswered": list(analysis.unanswered),
        "paragraphs": [[p.start, p.end] for p in analysis.paragraphs],
        "publication": publication_to_dict(analysis.publication),
    }


def publication_to_dict(publication: Publication) -> dict[str, str | None]:
    return {"outlet": publication.outlet, "url": publication.url, "date": publication.date}


def _position_to_dict(p: Position) -> dict:
    d = asdict(p)
    d["targets"] = list(p.targets)
    d["content"] = {"start": p.content.start, "end": p.content.end}
    order = ["id", "actor", "speaker", "kind", "targets", "direct", "text", "start", "end",
             "content", "cue", "paragraph"]
    return {k: d[k] for k in order} | _corrected(p.corrected)


def _corrected(corrected: bool) -> dict:
    """``"corrected": true`` on what the user corrected; nothing otherwise (the contract only gains it)."""
    return {"corrected": True} if corrected else {}


class InvalidAnalysis(ValueError):
    """A document that is not a valid ``reader.analysis/1`` analysis; the message says where."""


def analysis_from_dict(data: dict) -> Analysis:
    """Inverse of :func:`analysis_to_dict` (used by the TUI's cache).

    The document is checked whole first (:func:`check_analysis`), so an Analysis built here
    is always one the reader can show; anything else raises InvalidAnalysis (a ValueError)."""
    check_analysis(data)
    return Analysis(
        source=data["source"],
        title=data.get("title"),
        text=data["text"],
        model=data["model"],
        actors=tuple(
            Actor(a["id"], a["name"], a["kind"], tuple(a.get("aliases", ())), a.get("positions", 0),
                  a.get("sector"), tuple(a.get("evidence", ())), a.get("corrected", False))
            for a in data["actors"]
        ),
        positions=tuple(
            Position(
                id=p["id"], actor=p["actor"], kind=p["kind"], text=p["text"], start=p["start"],
                end=p["end"], content=Span(p["content"]["start"], p["content"]["end"]),
                speaker=p.get("speaker"), targets=tuple(p.get("targets", ())), direct=p.get("direct", False),
                cue=p.get("cue"), paragraph=p.get("paragraph", 0), corrected=p.get("corrected", False),
            )
            for p in data["positions"]
        ),
        links=tuple(
            Link(lk["from"], lk["to"], float(lk["score"]), lk["relation"], lk["reason"], lk.get("corrected", False))
            for lk in data.get("links", ())
        ),
        unanswered=tuple(data.get("unanswered", ())),
        paragraphs=tuple(Paragraph(s, e) for s, e in data.get("paragraphs", ())),
        publication=Publication(**(data.get("publication") or {})),
    )


def check_analysis(data: object) -> None:
    """Raise InvalidAnalysis unless ``data`` is a whole, consistent ``reader.analysis/1`` document.

    Checked: every type; offsets inside the text and ``text[start:end]`` equal to each
    position's text, its content inside it, its paragraph one of ``paragraphs``; paragraphs in
    order inside the text; ids unique; every actor, target, link end and unanswered id known;
    kinds, actor kinds and relations from the contract; scores numbers in [0, 1]."""
    doc = _obj(data, "the document")
    if doc.get("schema") != SCHEMA:
        raise InvalidAnalysis(f"not a {SCHEMA} document")
    text = _str(doc.get("text"), "text")
    _str(doc.get("source"), "source")
    _str(doc.get("model"), "model")
    _opt_str(doc.get("title"), "title")
    paragraphs = _list(doc.get("paragraphs", []), "paragraphs")
    previous_end = 0
    for i, pair in enumerate(paragraphs):
        where = f"paragraphs[{i}]"
        pair = _list(pair, where)
        if len(pair) != 2:
            raise InvalidAnalysis(f"{where}: not a [start, end] pair")
        start, end = (_int(v, where) for v in pair)
        if not previous_end <= start <= end <= len(text):
            raise InvalidAnalysis(f"{where}: outside the text or out of order")
        previous_end = end
    actor_ids: set[str] = set()
    for i, actor in enumerate(_list(doc.get("actors"), "actors")):
        where = f"actors[{i}]"
        actor = _obj(actor, where)
        actor_id = _id(actor.get("id"), f"{where}.id")
        if actor_id in actor_ids:
            raise InvalidAnalysis(f"{where}: id {actor_id!r} twice")
        actor_ids.add(actor_id)
        _str(actor.get("name"), f"{where}.name")
        _choice(actor.get("kind"), ACTOR_KINDS, f"{where}.kind")
        for j, alias in enumerate(_list(actor.get("aliases", []), f"{where}.aliases")):
            _str(alias, f"{where}.aliases[{j}]")
        if _int(actor.get("positions", 0), f"{where}.positions") < 0:
            raise InvalidAnalysis(f"{where}.positions: negative")
        if actor.get("sector") is not None:
            _str(actor.get("sector"), f"{where}.sector")
        for j, reason in enumerate(_list(actor.get("evidence", []), f"{where}.evidence")):
            _str(reason, f"{where}.evidence[{j}]")
        _bool(actor.get("corrected", False), f"{where}.corrected")
    position_ids: set[str] = set()
    for i, position in enumerate(_list(doc.get("positions"), "positions")):
        position_ids.add(_check_position(_obj(position, f"positions[{i}]"), f"positions[{i}]", text,
                                         len(paragraphs), actor_ids, position_ids))
    for i, link in enumerate(_list(doc.get("links", []), "links")):
        where = f"links[{i}]"
        link = _obj(link, where)
        ends = [_str(link.get(key), f"{where}.{key}") for key in ("from", "to")]
        if any(end not in position_ids for end in ends) or ends[0] == ends[1]:
            raise InvalidAnalysis(f"{where}: joins unknown positions or a position to itself")
        score = link.get("score")
        if isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 1:
            raise InvalidAnalysis(f"{where}.score: not a number from 0 to 1")
        _choice(link.get("relation"), RELATIONS, f"{where}.relation")
        _str(link.get("reason"), f"{where}.reason")
        _bool(link.get("corrected", False), f"{where}.corrected")
    for i, position_id in enumerate(_list(doc.get("unanswered", []), "unanswered")):
        if _str(position_id, f"unanswered[{i}]") not in position_ids:
            raise InvalidAnalysis(f"unanswered[{i}]: unknown position {position_id!r}")
    _check_publication(doc.get("publication"))


def _check_publication(value: object) -> None:
    """``publication`` is optional (older analyses lack it): outlet, url and date, each a string or
    null, the date ISO ``YYYY-MM-DD``; no other key."""
    if value is None:
        return
    publication = _obj(value, "publication")
    unknown = set(publication) - {"outlet", "url", "date"}
    if unknown:
        raise InvalidAnalysis(f"publication.{sorted(unknown)[0]}: not a field of the publication")
    _opt_str(publication.get("outlet"), "publication.outlet")
    _opt_str(publication.get("url"), "publication.url")
    date = _opt_str(publication.get("date"), "publication.date")
    if date is not None and not ISO_DATE.fullmatch(date):
        raise InvalidAnalysis("publication.date: not a date as YYYY-MM-DD")


def _check_position(p: dict, where: str, text: str, paragraphs: int, actor_ids: set[str],
                    seen: set[str]) -> str:
    position_id = _id(p.get("id"), f"{where}.id")
    if position_id in seen:
        raise InvalidAnalysis(f"{where}: id {position_id!r} twice")
    if _str(p.get("actor"), f"{where}.actor") not in actor_ids:
        raise InvalidAnalysis(f"{where}.actor: unknown actor")
    _choice(p.get("kind"), KINDS, f"{where}.kind")
    for j, target in enumerate(_list(p.get("targets", []), f"{where}.targets")):
        if _str(target, f"{where}.targets[{j}]") not in actor_ids:
            raise InvalidAnalysis(f"{where}.targets[{j}]: unknown actor")
    _opt_str(p.get("speaker"), f"{where}.speaker")
    _opt_str(p.get("cue"), f"{where}.cue")
    if not isinstance(p.get("direct", False), bool):
        raise InvalidAnalysis(f"{where}.direct: not true or false")
    _bool(p.get("corrected", False), f"{where}.corrected")
    start, end = _int(p.get("start"), f"{where}.start"), _int(p.get("end"), f"{where}.end")
    if not 0 <= start <= end <= len(text):
        raise InvalidAnalysis(f"{where}: offsets outside the text")
    if _str(p.get("text"), f"{where}.text") != text[start:end]:
        raise InvalidAnalysis(f"{where}.text: not the text at its offsets")
    content = _obj(p.get("content"), f"{where}.content")
    inner = (_int(content.get("start"), f"{where}.content.start"), _int(content.get("end"), f"{where}.content.end"))
    if not start <= inner[0] <= inner[1] <= end:
        raise InvalidAnalysis(f"{where}.content: not inside the position")
    paragraph = _int(p.get("paragraph", 0), f"{where}.paragraph")
    if not (0 <= paragraph < paragraphs or paragraph == 0 == paragraphs):
        raise InvalidAnalysis(f"{where}.paragraph: no such paragraph")
    return position_id


def _obj(value: object, where: str) -> dict:
    if not isinstance(value, dict):
        raise InvalidAnalysis(f"{where}: not an object")
    return value


def _list(value: object, where: str) -> list:
    if not isinstance(value, list | tuple):
        raise InvalidAnalysis(f"{where}: not a list")
    return list(value)


def _str(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise InvalidAnalysis(f"{where}: not a string")
    if _SURROGATE.search(value):  # JSON can spell them ("\\udcff"); no terminal can show them
        raise InvalidAnalysis(f"{where}: not valid Unicode text")
    return value


def _id(value: object, where: str) -> str:
    if not _str(value, where):
        raise InvalidAnalysis(f"{where}: empty")
    return value


def _bool(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidAnalysis(f"{where}: not true or false")
    return value


def _opt_str(value: object, where: str) -> str | None:
    return None if value is None else _str(value, where)


def _int(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidAnalysis(f"{where}: not a whole number")
    return value


def _choice(value: object, choices: tuple[str, ...], where: str) -> str:
    if value not in choices or not isinstance(value, str):
        raise InvalidAnalysis(f"{where}: not one of {', '.join(choices)}")
    return value
