"""The library as event data: one JSON record per position, in the style of PLOVER.

``reader library --export events.jsonl`` writes them, one per line (JSON Lines), so a library
can feed the analysts' own tools. A record says who (the source actor, as the library's party
with its knowledge-base code), to whom (the target actors), what (the event type: our kind,
and the PLOVER event type it maps onto), when (the article's date), the words (the quote with
its offsets into the article's text), where it was read (the article's URL, outlet and title),
and the answers: the positions this one answers and those that answer it, with the relation,
score and reason of each link, in its article or across articles (:mod:`reader.library_links`).
The user's corrections are applied, as everywhere in the library.

No spaCy and no Textual here.
"""

from __future__ import annotations

import json
import os
import tempfile
import tomllib
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .model import KINDS, Analysis, Link, Position

if TYPE_CHECKING:
    from .library import Library, Party


@cache
def plover_types() -> dict[str, str | None]:
    """Our kinds as PLOVER event types (``data/events.toml``); None for a kind that has none."""
    table = tomllib.loads(resources.files("reader").joinpath("data/events.toml").read_text(encoding="utf-8"))
    return {kind: table["plover"].get(kind) for kind in KINDS}


def event_id(article_id: int, position_id: str) -> str:
    """A position's id across the library: ``"12:p3"`` (article 12, position p3)."""
    return f"{article_id}:{position_id}"


def events(library: Library, corrections_dir: Path | None = None, kinds: Iterable[str] | None = None,
           since: str | None = None, until: str | None = None) -> Iterator[dict]:
    """Every position of the library as an event record, in date order (the article's date, else
    the day it was added), then by article and offset; optionally only some kinds and the days
    from ``since`` to ``until`` (ISO dates, both included)."""
    from .corrections import text_key
    from .library_links import relink, replies

    wanted = set(kinds) if kinds is not None else None
    parties: dict[int, Party | None] = {}
    relink(library)  # the replies across articles, up to date
    across: dict[tuple[str, tuple[int, str]], list[dict]] = {}
    for reply in replies(library):
        link = {"score": round(reply.score, 4), "relation": reply.relation, "reason": reply.reason,
                "corrected": False, "across": True}
        across.setdefault(("answered_by", reply.first), []).append({"id": event_id(*reply.answer), **link})
        across.setdefault(("answers", reply.answer), []).append({"id": event_id(*reply.first), **link})
    for entry in library.articles():
        if (since and entry.day < since) or (until and entry.day > until):
            continue
        analysis, _ = library.analysis(entry.id, corrections_dir)
        article = {"id": entry.id, "url": entry.url, "outlet": entry.outlet, "title": entry.title,
                   "source": entry.source, "text_sha256": text_key(analysis.text)}
        for position in sorted(analysis.positions, key=lambda p: (p.start, p.id)):
            if wanted is None or position.kind in wanted:
                record = _record(library, parties, entry.id, entry.date, entry.day, article, analysis, position)
                for field in ("answers", "answered_by"):
                    record[field] += across.get((field, (entry.id, position.id)), [])
                yield record


def _record(library: Library, parties: dict, article_id: int, date: str | None, day: str, article: dict,
            analysis: Analysis, position: Position) -> dict:
    def actor(actor_id: str) -> dict:
        found = analysis.actor(actor_id)
        party_id = library.article_party(article_id, actor_id)
        if party_id is not None and party_id not in parties:
            parties[party_id] = library.party(party_id)
        party = parties.get(party_id)
        return {"name": party.name if party else (found.name if found else actor_id),
                "code": party.code if party else None, "kind": party.kind if party else (found.kind if found else None),
                "party_id": party_id, "article_name": found.name if found else actor_id}

    return {
        "id": event_id(article_id, position.id),
        "date": date,
        "day": day,
        "event_type": position.kind,
        "plover_type": plover_types().get(position.kind),
        "source_actor": actor(position.actor),
        "speaker": position.speaker,
        "target_actors": [actor(t) for t in position.targets],
        "quote": {"text": position.text, "start": position.start, "end": position.end,
                  "direct": position.direct, "cue": position.cue},
        "article": article,
        "answers": [_answer(article_id, link, link.source) for link in analysis.links if link.target == position.id],
        "answered_by": [_answer(article_id, link, link.target) for link in analysis.links
                        if link.source == position.id],
        "corrected": position.corrected,
    }


def _answer(article_id: int, link: Link, other: str) -> dict:
    return {"id": event_id(article_id, other), "relation": link.relation, "score": round(link.score, 4),
            "reason": link.reason, "corrected": link.corrected, "across": False}


def write_jsonl(records: Iterable[dict], out: TextIO) -> int:
    """Write one record per line; the number written."""
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def export_file(records: Iterable[dict], path: Path) -> int:
    """Write the records to ``path`` through a temporary file in the same folder, renamed over it
    at the end: an export that fails halfway leaves what was there before."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            count = write_jsonl(records, out)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return count
