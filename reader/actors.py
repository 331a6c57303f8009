"""Finding the parties of an article (placeholder; being written)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .model import Actor, Article

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class ActorTable:
    actors: list[Actor] = field(default_factory=list)
    token_actor: dict[int, str] = field(default_factory=dict)


def find_actors(doc: Doc, article: Article) -> ActorTable:
    return ActorTable()
