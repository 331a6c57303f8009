"""Messages the reader's widgets and worker post up to the main screen."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ..model import Analysis


@dataclass
class PositionSelected(Message):
    """The user clicked a position (in the article or in a panel)."""

    position_id: str


@dataclass
class PanelChosen(Message):
    """The user clicked an actor's panel header or tab."""

    actor_id: str


@dataclass
class AnalysisReady(Message):
    """The analysis arrived from the worker (``cached``: read from the cache)."""

    analysis: Analysis
    cached: bool


@dataclass
class AnalysisFailed(Message):
    """The worker could not analyse the article; ``error`` is one line for the user."""

    error: str
