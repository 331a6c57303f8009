"""Finding stated positions (placeholder; being written)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Article, Position

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .actors import ActorTable


def find_positions(doc: Doc, article: Article, actors: ActorTable) -> list[Position]:
    return []
