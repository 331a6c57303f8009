"""Plain data passed between the steps of the pipeline.

article file -> Article -> spaCy Doc -> [Actor] -> [Position] -> [Link] -> Analysis

Every offset indexes into ``Article.text`` (the cleaned text), so ``text[start:end]`` is
always the span a position covers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SCHEMA = "reader.analysis/1"

KINDS = ("demand", "offer", "accept", "reject", "threaten", "accuse", "statement")
ACTOR_KINDS = ("country", "organization", "group", "person")
RELATIONS = ("rejects", "accepts", "counters", "denies", "answers")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """The cleaned article: title (if any), the text, and its paragraphs as offsets."""

    source: str
    text: str
    title: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph holding ``offset`` (the last one before it if between)."""
        found = 0
        for i, p in enumerate(self.paragraphs):
            if p.start <= offset:
                found = i
            else:
                break
        return found


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str  # one of ACTOR_KINDS
    aliases: tuple[str, ...] = ()
    positions: int = 0
    sector: str | None = None  # CAMEO-style sector of a side: "OPP", "REB" (None: the party itself)
    evidence: tuple[str, ...] = ()  # why the article's mentions were decided to be this party


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


@dataclass(frozen=True)
class Link:
    source: str  # Position.id answered ("from" in JSON)
    target: str  # Position.id answering ("to" in JSON)
    score: float
    relation: str  # one of RELATIONS
    reason: str


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
             "sector": a.sector, "evidence": list(a.evidence)}
            for a in analysis.actors
        ],
        "positions": [_position_to_dict(p) for p in analysis.positions],
        "links": [
            {"from": link.source, "to": link.target, "score": round(link.score, 3),
             "relation": link.relation, "reason": link.reason}
            for link in analysis.links
        ],
        "unanswered": list(analysis.unanswered),
        "paragraphs": [[p.start, p.end] for p in analysis.paragraphs],
    }


def _position_to_dict(p: Position) -> dict:
    d = asdict(p)
    d["targets"] = list(p.targets)
    d["content"] = {"start": p.content.start, "end": p.content.end}
    order = ["id", "actor", "speaker", "kind", "targets", "direct", "text", "start", "end",
             "content", "cue", "paragraph"]
    return {k: d[k] for k in order}


def analysis_from_dict(data: dict) -> Analysis:
    """Inverse of :func:`analysis_to_dict` (used by the TUI's cache)."""
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} document")
    return Analysis(
        source=data["source"],
        title=data.get("title"),
        text=data["text"],
        model=data["model"],
        actors=tuple(
            Actor(a["id"], a["name"], a["kind"], tuple(a.get("aliases", ())), a.get("positions", 0),
                  a.get("sector"), tuple(a.get("evidence", ())))
            for a in data["actors"]
        ),
        positions=tuple(
            Position(
                id=p["id"], actor=p["actor"], kind=p["kind"], text=p["text"], start=p["start"],
                end=p["end"], content=Span(p["content"]["start"], p["content"]["end"]),
                speaker=p.get("speaker"), targets=tuple(p.get("targets", ())), direct=p.get("direct", False),
                cue=p.get("cue"), paragraph=p.get("paragraph", 0),
            )
            for p in data["positions"]
        ),
        links=tuple(
            Link(lk["from"], lk["to"], lk["score"], lk["relation"], lk["reason"]) for lk in data.get("links", ())
        ),
        unanswered=tuple(data.get("unanswered", ())),
        paragraphs=tuple(Paragraph(s, e) for s, e in data.get("paragraphs", ())),
    )
