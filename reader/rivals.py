"""Officials of one country who dispute with each other are parties of their own.

A minister speaks for their country (the annotation guideline), which is right when the other
side is another country, a union or a company. But in a domestic dispute both sides often hold
office in the same country: a president and his prime minister ('Yushchenko threatened to
dissolve parliament ... Tymoshenko said the president was behaving irresponsibly'), a military
commander and the prime minister he wants to depose, a UK minister and a Scottish party leader.
Filing both under the country hides the dispute. So, after the positions are found: when two
named people whom the actor table gives to the same country both speak, and one of them takes
a hostile stance (an accusation, rejection, demand or threat) that names the other, each of those
people becomes a party of their own, named by their full name. Positions of the country by
anyone else stay the country's, and counsel stay with their client ('Through senior counsel Fred
Ngatia, Dr Ruto urged the court' names Ngatia, no rival).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .model import Position

if TYPE_CHECKING:
    from .actors import ActorTable

HOSTILE = frozenset({"accuse", "reject", "demand", "threaten"})


def split_rival_officials(positions: list[Position], table: ActorTable) -> list[Position]:
    """``positions`` with the positions of rival officials of one country given to themselves."""
    moved: dict[str, Position] = {}
    for country, people in _officials_speaking(positions, table).items():
        if not _rivals(people):
            continue
        for name, said in people.items():
            key = table.bind_person(name, f"{name}: disputes with another official of {table.name_of(country)}")
            moved.update({p.id: replace(p, actor=key) for p in said})
    return [moved.get(p.id, p) for p in positions]


def _officials_speaking(positions: list[Position], table: ActorTable) -> dict[str, dict[str, list[Position]]]:
    """country -> {a person's full name -> the positions they state for it}."""
    found: dict[str, dict[str, list[Position]]] = {}
    for position in positions:
        if table.kind_of(position.actor) != "country":
            continue
        name = _full_name(table, position.speaker)
        if name and table.person_party(name) == position.actor and not table.speaks_for_client(name):
            found.setdefault(position.actor, {}).setdefault(name, []).append(position)
    return found


def _full_name(table: ActorTable, speaker: str | None) -> str | None:
    """The longest name the table knows for the person a speaker phrase ends with ('Mr Kharge' ->
    'Mallikarjun Kharge'), or None."""
    words = (speaker or "").replace("\u2019s", "").replace("'s", "").split()
    if not words:
        return None
    names = [name for name in table.person_names() if words[-1] in name.split()]
    return max(names, key=len) if names else None


def _rivals(people: dict[str, list[Position]]) -> bool:
    """Whether one of these people takes a hostile stance that names another (not themselves)."""
    for name, said in people.items():
        mine = set(name.split())
        others = [w for other in people if other != name and not set(other.split()) & mine
                  for w in other.split() if len(w) > 2]
        if any(p.kind in HOSTILE and any(w in p.text for w in others) for p in said):
            return True
    return False
