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

from ..model import KIND_BADGES, Analysis, Position, kind_badge
from .palette import Palette, default_palette

# Bright theme colours first: $secondary is dark in most themes, poor under reversed text.
ACTOR_COLOURS = ("$primary", "$accent", "$success", "$error", "$warning", "$secondary")

BADGE_WIDTH = max(len(label) for label in KIND_BADGES.values())
LIT_MARK = "◆ "
REPLY_MARK = "↩"
CORRECTED_MARK = "✎"
CORRECTED_TAG = f"{CORRECTED_MARK} corrected"
ELLIPSIS = "…"
MIN_SPEAKER = 6  # cells of a cut speaker's name worth showing beside '✎ corrected'
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


def active_style(colour: str, palette: Palette | None = None) -> Style:
    """The active panel's name: the actor's colour behind a readable text colour, underlined so
    it shows without colour too."""
    return (palette or default_palette()).active_style(colour)


def span_style(colour: str, *, direct: bool, selected: bool, lit: bool, palette: Palette | None = None) -> Style:
    """Selected: filled with the actor's colour; linked: bold, double underline on a strong tint;
    direct quotes: bold and underlined on a light tint; reported speech: italic on a lighter one.
    The text colour always reads at 4.5:1 or more on the tint."""
    look = "selected" if selected else "lit" if lit else "direct" if direct else "reported"
    return (palette or default_palette()).span_style(colour, look)


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
    palette: Palette | None = None,
) -> Content:
    """The paragraph ``text`` (starting at article offset ``start``) with its positions styled."""
    palette = palette or default_palette()
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
            palette=palette,
        )
        spans.append(Span(a, b, style))
        spans.append(Span(a, b, Style.from_meta({"position": position.id})))
    for match in marks.matches:
        a, b = max(match[0], start) - start, min(match[1], end) - start
        if a < b:
            current = match == marks.current_match
            spans.append(Span(a, b, palette.search_style(current=current)))
    return Content(safe_text(text), spans=spans, strip_control_codes=False)


def shorten(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return f"{cut}…"


def badge(kind: str, width: int = 0, palette: Palette | None = None) -> Content:
    label = kind_badge(kind).ljust(width)
    return Content.styled(label, (palette or default_palette()).badge_style(kind))


def reply_counts(analysis: Analysis, position: Position) -> tuple[int, int]:
    """(replies it received, positions it replies to)."""
    received = sum(1 for link in analysis.links if link.source == position.id)
    replies_to = sum(1 for link in analysis.links if link.target == position.id)
    return received, replies_to


def answer_note(analysis: Analysis, position: Position) -> str:
    """'↩ 2 replies' (it received two), 'unanswered', 'replies to 1' (it answers one) or ''."""
    received, replies_to = reply_counts(analysis, position)
    if received:
        return f"{REPLY_MARK} {received} repl{'ies' if received > 1 else 'y'}"
    if position.id in analysis.unanswered:
        return "unanswered"
    if replies_to:
        return f"replies to {replies_to}"
    return ""


def corrected_tag(palette: Palette | None = None, *, on: str = "surface", short: bool = False) -> Content:
    """'✎ corrected' (or the ✎ alone) in the muted, readable style of what the user corrected."""
    style = (palette or default_palette()).corrected_style(on)
    return Content.styled(CORRECTED_MARK if short else CORRECTED_TAG, style)


def clip(content: Content, width: int) -> Content:
    """``content`` on one line of ``width`` cells: whole if it fits, else cut (at a space when
    one is near) and ended with an ellipsis."""
    if content.cell_length <= width:
        return content
    if width <= 1:
        return Content(ELLIPSIS[:width])
    cut = content.truncate(width - 1)
    space = cut.plain.rfind(" ")
    if space >= (width - 1) * 2 // 3:
        cut = cut[:space]
    return Content.assemble(cut.rstrip(), ELLIPSIS)


def head_line(analysis: Analysis, position: Position, *, lit: bool, width: int | None = None,
              palette: Palette | None = None) -> Content:
    """A panel row's first line: the lit mark, the badge, '✎ corrected', the speaker and the note.

    The line never wraps: with ``width`` (cells), the speaker is cut with an ellipsis so the
    note ("↩ 1 reply", "replies to 1") stays whole on the line, and '✎ corrected' becomes '✎'
    where it would leave the speaker too little room.
    """
    palette = palette or default_palette()
    mark = Content.styled(LIT_MARK, palette.mark_style()) if lit else Content("  ")
    note = answer_note(analysis, position)
    note_part = plain(note).stylize("$text-muted italic" if note == "unanswered" else "$text-muted")
    speaker = safe_text(" ".join(position.speaker.split())) if position.speaker else ""
    lead = Content.assemble(mark, badge(position.kind, palette=palette))
    tag = corrected_tag(palette) if position.corrected else None
    fixed = lead.cell_length + 1 + (len(" · ") + note_part.cell_length if note else 0)
    if width is not None and tag is not None:
        wanted = fixed + tag.cell_length + 1 + (MIN_SPEAKER if speaker else 0)
        if wanted > width:
            tag = corrected_tag(palette, short=True)  # a narrow column: the ✎ alone
    if width is not None and speaker:
        room = width - fixed - (tag.cell_length + 1 if tag is not None else 0)
        speaker = Content(speaker).truncate(room, ellipsis=True).plain if room > 0 else ""
    if tag is not None:
        lead = Content.assemble(lead, " ", tag)
    tail: list[Content | str] = []
    if speaker:
        tail.append(Content(speaker, strip_control_codes=False).stylize("$text-muted"))
    if note:
        tail.append(note_part)
    details = Content(" · ").stylize("$text-muted").join(tail)
    return Content.assemble(lead, " ", details)


def prompt_parts(
    analysis: Analysis,
    position: Position,
    *,
    lit: bool,
    width: int | None = None,
    palette: Palette | None = None,
    clip_to: int | None = None,
) -> tuple[Content, Content]:
    """A panel row's two parts: the head line; then the whole text (italic if reported), or with
    ``clip_to`` the text on one line of that many cells, cut with an ellipsis."""
    head = head_line(analysis, position, lit=lit, width=width, palette=palette)
    quote = plain(" ".join(position.text.split()))
    if clip_to is not None:
        quote = clip(quote, clip_to)
    return head, quote if position.direct else quote.stylize("italic")


def position_prompt(analysis: Analysis, position: Position, *, lit: bool, palette: Palette | None = None) -> Content:
    """A panel row as one Content: the head line, then the text indented by two cells."""
    head, text = prompt_parts(analysis, position, lit=lit, palette=palette)
    return Content("\n").join([head, Content.assemble("  ", text)])
