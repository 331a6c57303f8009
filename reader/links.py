"""Linking positions to the positions that answer them (placeholder until the linking issue)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Link, Position

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .actors import ActorTable


def link_positions(positions: list[Position], doc: Doc, actors: ActorTable) -> tuple[list[Link], list[str]]:
    return [], []
