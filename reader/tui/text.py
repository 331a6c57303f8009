"""Turning article text and positions into styled Content, never parsing markup.

Article text goes into ``Content(text, spans)`` objects whose spans carry styles; nothing
from the article is ever read as Textual or Rich markup, so ``[b]`` or ``[@click=app.quit]``
stay literal characters. Control characters are replaced one for one with visible
stand-ins, which keeps every offset of the analysis valid.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual.content import Content, Span
from textual.style import Style

from ..model import Analysis, Position

# Bright theme colours first: $secondary is dark in most themes, poor under reversed text.
ACTOR_COLOURS = ("$primary", "$accent", "$success", "$error", "$warning", "$secondary")

KIND_LABELS = {
    "demand": "DEMAND",
    "offer": "OFFER",
    "accept": "ACCEPT",
    "reject": "REJECT",
    "threaten": "THREAT",
    "accuse": "ACCUSE",
    "statement": "STATEMENT",
}
KIND_STYLES = {
    "demand": "bold $warning",
    "offer": "bold $success",
    "accept": "bold $success",
    "reject": "bold $error",
    "threaten": "bold $error",
    "accuse": "bold $warning",
    "statement": "bold $text-muted",
}
BADGE_WIDTH = max(len(label) for label in KIND_LABELS.values())

SEARCH_STYLE = "on $warning 40%"
SEARCH_CURRENT_STYLE = "bold reverse $warning"
SELECTED_STYLE = "bold reverse"
LIT_MARK = "◆ "
QUOTE_MARKS = "“”\"‘’'«»„"


def safe_text(text: str) -> str:
    """Replace control characters one for one (offsets unchanged) with visible symbols."""
    if text.isprintable():
        return text
    return "".join(_safe_char(ch) for ch in text)


def _safe_char(ch: str) -> str:
    if ch == "\n" or ch.isprintable():
        return ch
    if ch == "\t":
        return " "
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ .. ␟, e.g. ESC -> ␛
    if code == 0x7F:
        return "␡"
    if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
        return "�" if unicodedata.category(ch) != "Cf" else "·"
    return " "


def plain(text: str) -> Content:
    """Literal, safe Content for any string from the article or the analysis."""
    return Content(safe_text(text), strip_control_codes=False)


def actor_colours(actor_ids: Iterable[str]) -> dict[str, str]:
    return {actor: ACTOR_COLOURS[i % len(ACTOR_COLOURS)] for i, actor in enumerate(actor_ids)}


def active_style(colour: str) -> str:
    """The active panel's name: the actor's colour behind a contrasting text colour (readable
    for dark and light actor colours alike), underlined so it shows without colour too."""
    return f"bold underline auto 90% on {colour}"


def span_style(colour: str, *, direct: bool, selected: bool, lit: bool) -> str:
    """Direct quotes: bold and underlined; reported speech: italic on a light tint."""
    if selected:
        return f"{SELECTED_STYLE} {colour}"
    if lit:
        return f"bold underline2 on {colour} 60%"
    if direct:
        return f"bold underline on {colour} 30%"
    return f"italic on {colour} 15%"


@dataclass(frozen=True)
class Marks:
    """What the article view should mark in one paragraph (offsets into the article)."""

    selected: str | None = None
    lit: frozenset[str] = frozenset()
    hidden: frozenset[str] = frozenset()  # positions filtered out: not highlighted
    matches: tuple[tuple[int, int], ...] = ()
    current_match: tuple[int, int] | None = None


def paragraph_content(
    text: str,
    start: int,
    positions: Sequence[Position],
    colours: dict[str, str],
    marks: Marks,
) -> Content:
    """The paragraph ``text`` (starting at article offset ``start``) with its positions styled."""
    end = start + len(text)
    spans: list[Span] = []
    for position in positions:
        if position.id in marks.hidden:
            continue
        a, b = max(position.start, start) - start, min(position.end, end) - start
        if a >= b:
            continue
        style = span_style(
            colours.get(position.actor, "$primary"),
            direct=position.direct,
            selected=position.id == marks.selected,
            lit=position.id in marks.lit,
        )
        spans.append(Span(a, b, style))
        spans.append(Span(a, b, Style.from_meta({"position": position.id})))
    for match in marks.matches:
        a, b = max(match[0], start) - start, min(match[1], end) - start
        if a < b:
            current = match == marks.current_match
            spans.append(Span(a, b, SEARCH_CURRENT_STYLE if current else SEARCH_STYLE))
    return Content(safe_text(text), spans=spans, strip_control_codes=False)


def shorten(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return f"{cut}…"


def badge(kind: str, width: int = 0) -> Content:
    label = KIND_LABELS.get(kind, kind.upper()).ljust(width)
    return Content.styled(label, KIND_STYLES.get(kind, "bold"))


def answer_note(analysis: Analysis, position: Position) -> str:
    """'2 answers', 'unanswered', 'answers 1' or '' for one position."""
    answers = sum(1 for link in analysis.links if link.source == position.id)
    if answers:
        return f"{answers} answer{'s' if answers > 1 else ''}"
    if position.id in analysis.unanswered:
        return "unanswered"
    answered = sum(1 for link in analysis.links if link.target == position.id)
    if answered:
        return f"answers {answered}"
    return ""


def prompt_parts(analysis: Analysis, position: Position, *, lit: bool) -> tuple[Content, Content]:
    """A panel row's two parts: the badge, speaker and answers; then the text (italic if reported)."""
    mark = Content.styled(LIT_MARK, "bold $accent") if lit else Content("  ")
    note = answer_note(analysis, position)
    details = " · ".join(part for part in (position.speaker, note) if part)
    note_style = "$text-muted italic" if note == "unanswered" else "$text-muted"
    head = Content.assemble(mark, badge(position.kind), " ", plain(details).stylize(note_style))
    quote = plain(shorten(position.text, 140))
    return head, quote if position.direct else quote.stylize("italic")


def position_prompt(analysis: Analysis, position: Position, *, lit: bool) -> Content:
    """A panel row as one Content: the head line, then the text indented by two cells."""
    head, text = prompt_parts(analysis, position, lit=lit)
    return Content("\n").join([head, Content.assemble("  ", text)])
