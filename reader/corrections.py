"""Corrections a reader makes to an analysis, kept per article and applied on every reopen.

A correction changes a position's party or kind, deletes a position, adds or removes a link,
merges two parties or renames one. They are kept in one JSON file per article in the user data
directory, named by the SHA-256 of the article's cleaned text, so the same article read again
(from any path) gets them back. Positions are keyed by their (start, end) offsets in that text,
parties by their id, never by a position id: a correction survives a new version of the
analysis as long as its span (or party) still exists, and is reported, not lost, otherwise.

``apply(analysis, corrections) -> (analysis, unmatched)`` is a pure function over the plain
dataclasses of :mod:`reader.model`; what it changed is marked ``corrected=True``. No spaCy and
no Textual here.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tempfile
import tomllib
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .model import KINDS, Actor, Analysis, Link, Position

VERSION = 1
DATA_ENV = "READER_DATA_DIR"
SUBDIR = "corrections"
MAX_FILE_BYTES = 8_000_000
MAX_NAME = 200  # characters of a party's new name
ADDED_REASON = "added by the reader"
_SURROGATE = re.compile(r"[\ud800-\udfff]")

SpanKey = tuple[int, int]


@dataclass(frozen=True)
class PositionFix:
    """The position at ``start:end``: its new party (id), its new kind, or deleted."""

    start: int
    end: int
    actor: str | None = None
    kind: str | None = None
    deleted: bool = False

    @property
    def span(self) -> SpanKey:
        return self.start, self.end


@dataclass(frozen=True)
class LinkFix:
    """A link between the positions at two spans, added (or removed when ``removed``).

    ``first`` is the position answered (Link.source), ``answer`` the one answering (Link.target)."""

    first: SpanKey
    answer: SpanKey
    removed: bool = False

    @property
    def pair(self) -> frozenset[SpanKey]:
        return frozenset((self.first, self.answer))


@dataclass(frozen=True)
class Merge:
    """The party ``actor`` is the same as ``into``: its positions become ``into``'s."""

    actor: str
    into: str


@dataclass(frozen=True)
class Rename:
    actor: str
    name: str


Fix = PositionFix | LinkFix | Merge | Rename


@dataclass(frozen=True)
class Corrections:
    """Every correction of one article (immutable: each edit returns a new value)."""

    positions: tuple[PositionFix, ...] = ()
    links: tuple[LinkFix, ...] = ()
    merges: tuple[Merge, ...] = ()
    renames: tuple[Rename, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.positions or self.links or self.merges or self.renames)

    def __len__(self) -> int:
        return len(self.positions) + len(self.links) + len(self.merges) + len(self.renames)

    def fix_position(self, start: int, end: int, *, actor: str | None = None, kind: str | None = None,
                     deleted: bool = False) -> Corrections:
        """With the position at ``start:end`` given a party, a kind, or deleted (earlier fixes of
        the same span are kept for what this one does not change)."""
        old = next((f for f in self.positions if f.span == (start, end)), PositionFix(start, end))
        new = PositionFix(start, end, actor or old.actor, kind or old.kind, deleted or old.deleted)
        return replace(self, positions=tuple(f for f in self.positions if f.span != new.span) + (new,))

    def forget_position(self, start: int, end: int) -> Corrections:
        """Without any fix of the position at ``start:end`` (it is back as analysed)."""
        return replace(self, positions=tuple(f for f in self.positions if f.span != (start, end)))

    def undelete(self) -> Corrections:
        """With every deleted position back (their other fixes kept)."""
        kept = tuple(replace(f, deleted=False) for f in self.positions if f.actor or f.kind or not f.deleted)
        return replace(self, positions=kept)

    def fix_link(self, first: SpanKey, answer: SpanKey, *, removed: bool) -> Corrections:
        """With the link between two spans added or removed; the opposite fix of the same pair is
        undone instead (the link is back as analysed)."""
        fix = LinkFix(tuple(first), tuple(answer), removed)  # type: ignore[arg-type]
        kept = tuple(f for f in self.links if f.pair != fix.pair)
        if any(f.pair == fix.pair and f.removed != removed for f in self.links):
            return replace(self, links=kept)
        return replace(self, links=kept + (fix,))

    def merge(self, actor: str, into: str) -> Corrections:
        if actor == into:
            return self
        return replace(self, merges=self.merges + (Merge(actor, into),))

    def rename(self, actor: str, name: str) -> Corrections:
        kept = tuple(r for r in self.renames if r.actor != actor)
        return replace(self, renames=kept + (Rename(actor, name),))


class InvalidCorrections(ValueError):
    """A corrections file that cannot be used; the message says where."""


# --- applying -------------------------------------------------------------------------------


def apply(analysis: Analysis, corrections: Corrections) -> tuple[Analysis, tuple[Fix, ...]]:
    """``analysis`` with ``corrections`` applied, and the corrections that no longer match it
    (a span that is not a position any more, a party that is gone). Changed actors, positions
    and links are marked ``corrected``; counts and the unanswered list are recomputed."""
    if not corrections:
        return analysis, ()
    unmatched: list[Fix] = []
    actors, merged = _merge_actors(analysis.actors, corrections.merges, unmatched)
    actors = _rename_actors(actors, merged, corrections.renames, unmatched)
    known = {a.id for a in actors}
    positions = [_follow_merges(p, merged) for p in analysis.positions]
    positions, deleted = _fix_positions(positions, known, merged, corrections.positions, unmatched)
    links = _fix_links(analysis, positions, deleted, corrections.links, unmatched)
    counts = Counter(p.actor for p in positions)
    actors = [a if a.positions == counts[a.id] else replace(a, positions=counts[a.id]) for a in actors]
    answered = {link.source for link in links}
    unanswered = tuple(p.id for p in sorted(positions, key=lambda p: (p.start, p.end))
                       if p.kind in unanswered_kinds() and p.id not in answered)
    fixed = replace(analysis, actors=tuple(actors), positions=tuple(positions), links=tuple(links),
                    unanswered=unanswered)
    return fixed, tuple(unmatched)


def _final(actor: str, merged: dict[str, str]) -> str:
    seen = set()
    while actor in merged and actor not in seen:
        seen.add(actor)
        actor = merged[actor]
    return actor


def _merge_actors(actors: tuple[Actor, ...], merges: tuple[Merge, ...],
                  unmatched: list[Fix]) -> tuple[list[Actor], dict[str, str]]:
    """The actors after the merges, and which id went into which."""
    by_id = {a.id: a for a in actors}
    merged: dict[str, str] = {}
    for merge in merges:
        gone, into = _final(merge.actor, merged), _final(merge.into, merged)
        if gone == into:
            continue
        if gone not in by_id or into not in by_id:
            unmatched.append(merge)
            continue
        old, kept = by_id.pop(gone), by_id[into]
        names = [n for n in (*kept.aliases, old.name, *old.aliases) if n != kept.name]
        by_id[into] = replace(kept, aliases=tuple(dict.fromkeys(names)), corrected=True)
        merged[gone] = into
    return list(by_id.values()), merged


def _rename_actors(actors: list[Actor], merged: dict[str, str], renames: tuple[Rename, ...],
                   unmatched: list[Fix]) -> list[Actor]:
    by_id = {a.id: a for a in actors}
    for rename in renames:
        actor = by_id.get(rename.actor)
        if actor is None:
            if rename.actor not in merged:  # merged away by the user: moot, not lost
                unmatched.append(rename)
            continue
        if rename.name != actor.name:
            aliases = tuple(dict.fromkeys(n for n in (actor.name, *actor.aliases) if n != rename.name))
            by_id[rename.actor] = replace(actor, name=rename.name, aliases=aliases, corrected=True)
    return list(by_id.values())


def _follow_merges(position: Position, merged: dict[str, str]) -> Position:
    if not merged:
        return position
    actor = _final(position.actor, merged)
    targets = tuple(dict.fromkeys(t for t in (_final(t, merged) for t in position.targets) if t != actor))
    if actor == position.actor and targets == position.targets:
        return position
    return replace(position, actor=actor, targets=targets, corrected=True)


def _fix_positions(positions: list[Position], known: set[str], merged: dict[str, str],
                   fixes: tuple[PositionFix, ...], unmatched: list[Fix]) -> tuple[list[Position], set[str]]:
    """The positions after the fixes, and the ids of those deleted."""
    at: dict[SpanKey, list[int]] = {}
    for index, position in enumerate(positions):
        at.setdefault((position.start, position.end), []).append(index)
    deleted: set[str] = set()
    for fix in fixes:
        actor = _final(fix.actor, merged) if fix.actor else None
        if fix.span not in at or (actor is not None and actor not in known):
            unmatched.append(fix)
            continue
        for index in at[fix.span]:
            position = positions[index]
            if fix.deleted:
                deleted.add(position.id)
                continue
            changed = replace(position, actor=actor or position.actor, kind=fix.kind or position.kind)
            changed = replace(changed, targets=tuple(t for t in changed.targets if t != changed.actor))
            if changed != position:
                positions[index] = replace(changed, corrected=True)
    return [p for p in positions if p.id not in deleted], deleted


def _fix_links(analysis: Analysis, positions: list[Position], deleted: set[str],
               fixes: tuple[LinkFix, ...], unmatched: list[Fix]) -> list[Link]:
    links = [lk for lk in analysis.links if lk.source not in deleted and lk.target not in deleted]
    was = {(p.start, p.end): p for p in analysis.positions}
    now = {(p.start, p.end): p for p in positions}
    for fix in fixes:
        if fix.first not in was or fix.answer not in was or fix.first == fix.answer:
            unmatched.append(fix)
            continue
        if fix.first not in now or fix.answer not in now:
            continue  # one end deleted by the user: the link goes with it
        first, answer = now[fix.first], now[fix.answer]
        ids = {first.id, answer.id}
        joined = [lk for lk in links if {lk.source, lk.target} == ids]
        if fix.removed:
            links = [lk for lk in links if lk not in joined]
        elif not joined and first.id != answer.id:
            links.append(Link(first.id, answer.id, 1.0, relation_for(first.kind, answer.kind), ADDED_REASON,
                              corrected=True))
    return links


@lru_cache(maxsize=1)
def _link_settings() -> dict:
    text = resources.files("reader").joinpath("data", "links.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def unanswered_kinds() -> frozenset[str]:
    """The kinds the analysis reports as unanswered when no link answers them (reader/data/links.toml)."""
    return frozenset(_link_settings().get("unanswered_kinds", ["demand"]))


def relation_for(first_kind: str, answer_kind: str) -> str:
    """The relation the analysis gives an answer of ``answer_kind`` to a ``first_kind`` position."""
    entry = _link_settings().get("answers", {}).get(first_kind, {}).get(answer_kind)
    return entry[1] if isinstance(entry, list) and len(entry) == 2 else "answers"


def describe(fix: Fix, text: str = "") -> str:
    """One line for the user about a correction (e.g. one that no longer matches)."""
    if isinstance(fix, PositionFix):
        what = "deletion" if fix.deleted else " and ".join(
            part for part in (f"party {fix.actor}" if fix.actor else "", f"kind {fix.kind}" if fix.kind else "")
            if part)
        return f"{what or 'correction'} of {_quote(text, fix.span)}"
    if isinstance(fix, LinkFix):
        verb = "removed link" if fix.removed else "added link"
        return f"{verb} {_quote(text, fix.first)} – {_quote(text, fix.answer)}"
    if isinstance(fix, Merge):
        return f"merge of {fix.actor} into {fix.into}"
    return f"renaming of {fix.actor} to {fix.name!r}"


def _quote(text: str, span: SpanKey) -> str:
    start, end = span
    words = " ".join(text[start:end].split()) if 0 <= start <= end <= len(text) else ""
    if not words:
        return f"the span {start}–{end}"
    return f"“{words[:40]}…”" if len(words) > 40 else f"“{words}”"


# --- files ----------------------------------------------------------------------------------


def data_dir() -> Path:
    """``$READER_DATA_DIR`` if set, else the platform's user data directory for reader."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("reader", appauthor=False))


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def corrections_path(text: str, directory: Path | None = None) -> Path:
    """Where the corrections of the article whose cleaned text is ``text`` are kept."""
    return (directory or data_dir() / SUBDIR) / f"{text_key(text)}.json"


def to_dict(corrections: Corrections, text: str | None = None, source: str | None = None) -> dict:
    def span(key: SpanKey) -> dict:
        return {"start": key[0], "end": key[1]}

    positions = []
    for fix in corrections.positions:
        entry: dict = {"start": fix.start, "end": fix.end}
        if text is not None:
            entry["text"] = text[fix.start:fix.end]  # for people reading the file; not checked
        entry |= {k: v for k, v in (("actor", fix.actor), ("kind", fix.kind)) if v}
        if fix.deleted:
            entry["deleted"] = True
        positions.append(entry)
    return {
        "version": VERSION,
        "text_sha256": text_key(text) if text is not None else None,
        "source": source,
        "positions": positions,
        "links": [{"from": span(f.first), "to": span(f.answer), "action": "remove" if f.removed else "add"}
                  for f in corrections.links],
        "merges": [{"actor": m.actor, "into": m.into} for m in corrections.merges],
        "renames": [{"actor": r.actor, "name": r.name} for r in corrections.renames],
    }


def from_dict(data: object, text: str | None = None) -> Corrections:
    """The corrections in a document read from a file; InvalidCorrections if it is not one."""
    doc = _obj(data, "the file")
    version = doc.get("version")
    if version != VERSION:
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            raise InvalidCorrections(f"version {version} is from a newer reader")
        raise InvalidCorrections("no version 1 field")
    digest = doc.get("text_sha256")
    if text is not None and digest is not None and digest != text_key(text):
        raise InvalidCorrections("holds the corrections of another text")
    positions = []
    for i, entry in enumerate(_list(doc.get("positions", []), "positions")):
        where = f"positions[{i}]"
        entry = _obj(entry, where)
        start, end = _span(entry, where)
        actor = _opt_id(entry.get("actor"), f"{where}.actor")
        kind = entry.get("kind")
        if kind is not None and kind not in KINDS:
            raise InvalidCorrections(f"{where}.kind: not one of {', '.join(KINDS)}")
        deleted = entry.get("deleted", False)
        if not isinstance(deleted, bool):
            raise InvalidCorrections(f"{where}.deleted: not true or false")
        positions.append(PositionFix(start, end, actor, kind, deleted))
    links = []
    for i, entry in enumerate(_list(doc.get("links", []), "links")):
        where = f"links[{i}]"
        entry = _obj(entry, where)
        action = entry.get("action")
        if action not in ("add", "remove"):
            raise InvalidCorrections(f"{where}.action: not add or remove")
        first = _span(_obj(entry.get("from"), f"{where}.from"), f"{where}.from")
        answer = _span(_obj(entry.get("to"), f"{where}.to"), f"{where}.to")
        links.append(LinkFix(first, answer, action == "remove"))
    merges = []
    for i, entry in enumerate(_list(doc.get("merges", []), "merges")):
        entry = _obj(entry, f"merges[{i}]")
        merges.append(Merge(_id(entry.get("actor"), f"merges[{i}].actor"), _id(entry.get("into"), f"merges[{i}].into")))
    renames = []
    for i, entry in enumerate(_list(doc.get("renames", []), "renames")):
        entry = _obj(entry, f"renames[{i}]")
        name = _name(entry.get("name"), f"renames[{i}].name")
        renames.append(Rename(_id(entry.get("actor"), f"renames[{i}].actor"), name))
    return Corrections(tuple(positions), tuple(links), tuple(merges), tuple(renames))


def load(path: Path, text: str | None = None) -> tuple[Corrections, list[str]]:
    """The corrections in ``path`` and the problems found (a missing file is none; a broken or
    hostile one gives no corrections and one problem; nothing here raises)."""
    try:
        raw = _read(path)
    except FileNotFoundError:
        return Corrections(), []
    except (OSError, ValueError) as e:
        reason = str(e) if isinstance(e, ValueError) else f"cannot be read ({e.strerror or e})"
        return Corrections(), [f"the corrections file {path} {reason}; it is ignored"]
    try:
        return from_dict(json.loads(raw.decode("utf-8")), text), []
    except RecursionError:
        problem = "is nested too deeply"
    except (ValueError, TypeError, AttributeError) as e:  # JSON, Unicode and InvalidCorrections
        lines = str(e).strip().splitlines()
        problem = f"is invalid ({lines[0] if lines else type(e).__name__})"
    return Corrections(), [f"the corrections file {path} {problem}; it is ignored"]


def _read(path: Path) -> bytes:
    """The bytes of a file; never blocks (a FIFO), refuses anything but a regular file."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("is not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise ValueError("is too large")
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def save(corrections: Corrections, path: Path, text: str | None = None, source: str | None = None) -> None:
    """Write ``corrections`` to ``path`` (a new temporary file renamed over it); raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem[:16]}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(to_dict(corrections, text, source), f, ensure_ascii=False, indent=1)
            f.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def corrected(analysis: Analysis, directory: Path | None = None) -> tuple[Analysis, list[str]]:
    """``analysis`` with the corrections kept for its text, and one line per problem: an
    unusable file, or how many corrections no longer match (they stay in the file)."""
    path = corrections_path(analysis.text, directory)
    corrections, problems = load(path, analysis.text)
    fixed, unmatched = apply(analysis, corrections)
    if unmatched:
        problems.append(unmatched_note(unmatched, analysis.text, path))
    return fixed, problems


def unmatched_note(unmatched: tuple[Fix, ...], text: str, path: Path) -> str:
    first = describe(unmatched[0], text)
    more = f" and {len(unmatched) - 1} more" if len(unmatched) > 1 else ""
    count = f"{len(unmatched)} correction no longer matches" if len(unmatched) == 1 else \
        f"{len(unmatched)} corrections no longer match"
    return f"{count} the analysis ({first}{more}); kept in {path}"


# --- validation helpers ---------------------------------------------------------------------


def _obj(value: object, where: str) -> dict:
    if not isinstance(value, dict):
        raise InvalidCorrections(f"{where}: not an object")
    return value


def _list(value: object, where: str) -> list:
    if not isinstance(value, list):
        raise InvalidCorrections(f"{where}: not a list")
    return value


def _int(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidCorrections(f"{where}: not a whole number from 0")
    return value


def _span(entry: dict, where: str) -> SpanKey:
    start, end = _int(entry.get("start"), f"{where}.start"), _int(entry.get("end"), f"{where}.end")
    if start > end:
        raise InvalidCorrections(f"{where}: ends before it starts")
    return start, end


def _id(value: object, where: str) -> str:
    if not isinstance(value, str) or not value or len(value) > MAX_NAME or _SURROGATE.search(value):
        raise InvalidCorrections(f"{where}: not a party id")
    return value


def _opt_id(value: object, where: str) -> str | None:
    return None if value is None else _id(value, where)


def _name(value: object, where: str) -> str:
    if not isinstance(value, str) or _SURROGATE.search(value) or not value.isprintable():
        raise InvalidCorrections(f"{where}: not a one-line name")
    name = " ".join(value.split())
    if not name or len(name) > MAX_NAME:
        raise InvalidCorrections(f"{where}: empty or longer than {MAX_NAME} characters")
    return name
