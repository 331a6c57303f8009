"""The colours the reader draws with, worked out from the theme so every label stays readable.

Theme colours are chosen for Textual's own widgets: on a light theme ``$warning`` text on
``$surface`` is 1.4:1, far below the 4.5:1 that WCAG asks of text. A :class:`Palette` resolves
the theme's variables to concrete colours (ANSI colours through the terminal theme Textual uses
for that mode), and gives every badge, highlighted span and selection a text colour with at
least :data:`MIN_CONTRAST` against the background it is drawn on: the theme's own colour where
that is readable, else the same hue darkened or lightened just enough.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, wraps
from typing import TypeVar

from rich.terminal_theme import TerminalTheme
from textual.app import App
from textual.color import Color
from textual.style import Style
from textual.theme import Theme

MIN_CONTRAST = 4.5  # WCAG AA for normal text
BLACK = Color(0, 0, 0)
WHITE = Color(255, 255, 255)
KIND_COLOURS = {
    "demand": "$warning",
    "offer": "$success",
    "accept": "$success",
    "reject": "$error",
    "threaten": "$error",
    "accuse": "$warning",
    "statement": "$text-muted",
}
# How strongly an actor's colour tints the article behind a span, by the span's look.
TINTS = {"selected": 1.0, "lit": 0.6, "direct": 0.3, "reported": 0.15}
SEARCH_TINT = 0.4


def drawn_colours(style: Style) -> tuple[Color | None, Color | None]:
    """(text, background) as a style is drawn: swapped when it is reversed."""
    if style.reverse:
        return style.background, style.foreground
    return style.foreground, style.background


def luminance(colour: Color) -> float:
    """WCAG relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def readable(colour: Color, background: Color, minimum: float = MIN_CONTRAST) -> Color:
    """``colour`` if it reads on ``background``, else moved toward white or black until it does.

    It moves the way it already differs (a light colour on a dark background gets lighter), unless
    only the other way reaches ``minimum``. Black or white reaches 4.58:1 on one side of any
    background, so this always succeeds.
    """
    if contrast(colour, background) >= minimum:
        return colour
    target = _extreme(colour, background, minimum)
    for step in range(1, 21):
        moved = colour.blend(target, step / 20)
        if contrast(moved, background) >= minimum:
            return moved
    return target


def best_text(background: Color, preferred: Color) -> Color:
    """Text for a filled background: ``preferred`` (the theme's text) if readable, else white or
    black, the one on ``preferred``'s side where that reads (white text stays white-ish)."""
    if contrast(preferred, background) >= MIN_CONTRAST:
        return preferred
    return _extreme(preferred, background, MIN_CONTRAST)


def _extreme(colour: Color, background: Color, minimum: float) -> Color:
    """White or black: the one on ``colour``'s side of ``background`` if it reaches ``minimum``."""
    lighter = luminance(colour) >= luminance(background)
    first, second = (WHITE, BLACK) if lighter else (BLACK, WHITE)
    return first if contrast(first, background) >= minimum else second


R = TypeVar("R")


def _kept(method: Callable[..., R]) -> Callable[..., R]:
    """Work a palette's style out once per arguments (moves re-render rows on every key)."""

    @wraps(method)
    def kept(self: Palette, *args: object, **kwargs: object) -> R:
        key = (method.__name__, args, tuple(sorted(kwargs.items())))
        if key not in self._memo:
            self._memo[key] = method(self, *args, **kwargs)
        return self._memo[key]  # type: ignore[return-value]

    return kept


def theme_variables(theme: Theme) -> dict[str, str]:
    """The CSS variables a theme defines ($primary, $surface, $block-cursor-background, ...)."""
    return {**theme.to_color_system().generate(), **theme.variables}


@dataclass(frozen=True)
class Palette:
    """Concrete colours of one theme, and the readable styles drawn from them."""

    name: str
    variables: dict[str, str] = field(repr=False)
    terminal: TerminalTheme = field(repr=False)
    _memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_theme(cls, theme: Theme, terminal: TerminalTheme) -> Palette:
        return cls(theme.name, theme_variables(theme), terminal)

    # -- resolving theme values to opaque colours --------------------------------------------------
    def _concrete(self, colour: Color, default: Color) -> Color:
        """An ANSI colour as the terminal theme draws it; ``default`` for the terminal's default."""
        if colour.ansi is None:
            return colour
        if colour.ansi < 0:
            return default.with_alpha(colour.a)
        r, g, b = self.terminal.ansi_colors[colour.ansi]
        return Color(r, g, b, colour.a)

    def resolve(self, value: str, under: Color) -> Color:
        """A theme value (``"#FEA62B"``, ``"$primary 60%"``, ``"auto 87%"``) drawn over ``under``."""
        return under + self._colour(value, under)

    def _colour(self, value: str, under: Color) -> Color:
        """A theme value as a colour that may be translucent (``under`` decides what ``auto`` is)."""
        words = value.split()
        alpha = 1.0
        if len(words) > 1 and words[-1].endswith("%"):
            alpha = float(words[-1][:-1]) / 100
            words = words[:-1]
        token = " ".join(words)
        if token.startswith("$"):
            return self._colour(self.variables[token[1:]], under).multiply_alpha(alpha)
        if token == "auto":
            return under.get_contrast_text(alpha)
        return self._concrete(Color.parse(token), self._terminal(background=True)).multiply_alpha(alpha)

    def _terminal(self, *, background: bool) -> Color:
        triplet = self.terminal.background_color if background else self.terminal.foreground_color
        return Color(*triplet)

    # -- the backgrounds the reader draws on (as styles/reader.tcss lays them) -------------------
    @cached_property
    def background(self) -> Color:
        """The screen, and so the article."""
        return self.resolve("$background", self._terminal(background=True))

    @cached_property
    def surface(self) -> Color:
        """The panels."""
        return self.resolve("$surface", self.background)

    @cached_property
    def panel(self) -> Color:
        """The panel headers and tabs."""
        return self.resolve("$panel", self.surface)

    @cached_property
    def foreground(self) -> Color:
        colour = Color.parse(self.variables["foreground"])
        return self._concrete(colour, self._terminal(background=False))

    def colour(self, name: str, under: Color | None = None) -> Color:
        """A theme colour such as ``"$primary"``, opaque over ``under`` (the article by default)."""
        return self.resolve(name, self.background if under is None else under)

    # -- readable styles -------------------------------------------------------------------------------
    @_kept
    def kind_colour(self, kind: str) -> Color:
        """A badge's colour on the panels."""
        surface = self.surface
        return readable(self.colour(KIND_COLOURS.get(kind, "$foreground"), surface), surface)

    @_kept
    def badge_style(self, kind: str) -> Style:
        return Style(foreground=self.kind_colour(kind), bold=True)

    @_kept
    def mark_style(self) -> Style:
        """The ◆ of a linked (lit) row."""
        surface = self.surface
        return Style(foreground=readable(self.colour("$accent", surface), surface), bold=True)

    @_kept
    def corrected_style(self, on: str = "surface") -> Style:
        """The '✎ corrected' tag: the theme's muted text, made readable, on the panels (``"surface"``)
        or on a header or the detail line (``"panel"``)."""
        back = self.panel if on == "panel" else self.surface
        return Style(foreground=readable(self.resolve("$text-muted", back), back), italic=True)

    @_kept
    def tint(self, colour: str, amount: float) -> Style:
        """``colour`` behind the article text at ``amount``, the text in a readable colour."""
        base = self.background
        back = base.blend(self.colour(colour), amount)
        text = best_text(back, self.foreground) if amount >= 1 else readable(self.foreground, back)
        return Style(background=back, foreground=text)

    @_kept
    def span_style(self, colour: str, look: str) -> Style:
        """One of TINTS' looks of a position's span in the article."""
        tint = self.tint(colour, TINTS[look])
        if look == "selected":  # reversed, so that without colour (NO_COLOR) it still stands out
            return Style(foreground=tint.background, background=tint.foreground, bold=True, reverse=True)
        extra = {
            "lit": Style(bold=True, underline2=True),
            "direct": Style(bold=True, underline=True),
            "reported": Style(italic=True),
        }[look]
        return tint + extra

    @_kept
    def search_style(self, *, current: bool) -> Style:
        if current:
            tint = self.tint("$warning", 1.0)
            return Style(foreground=tint.background, background=tint.foreground, bold=True, reverse=True)
        return self.tint("$warning", SEARCH_TINT)

    @_kept
    def active_style(self, colour: str) -> Style:
        """The active panel's name (header or tab): filled with the actor's colour, underlined."""
        back = self.colour(colour, self.panel)
        return Style(background=back, foreground=best_text(back, self.foreground), bold=True, underline=True)

    @_kept
    def cursor_style(self) -> Style:
        """The selected row in the panels."""
        back = self.resolve("$block-cursor-background", self.surface)
        text = readable(self.resolve("$block-cursor-foreground", back), back)
        bold = "bold" in self.variables.get("block-cursor-text-style", "")
        return Style(background=back, foreground=text, bold=bold or None)


_PALETTES: OrderedDict[tuple[str, int, int], Palette] = OrderedDict()
_PALETTES_KEPT = 8


def palette_for(app: App) -> Palette:
    """The palette of the app's current theme (kept for the last few themes)."""
    theme = app.current_theme
    terminal = app.ansi_theme
    key = (theme.name, id(theme), id(terminal))
    palette = _PALETTES.get(key)
    if palette is None:
        palette = _PALETTES[key] = Palette.from_theme(theme, terminal)
        while len(_PALETTES) > _PALETTES_KEPT:
            _PALETTES.popitem(last=False)
    else:
        _PALETTES.move_to_end(key)
    return palette


def default_palette() -> Palette:
    """textual-dark's palette, for Content built outside a running app (tests, tools)."""
    global _DEFAULT
    if _DEFAULT is None:
        from rich.terminal_theme import MONOKAI
        from textual.theme import BUILTIN_THEMES

        _DEFAULT = Palette.from_theme(BUILTIN_THEMES["textual-dark"], MONOKAI)
    return _DEFAULT


_DEFAULT: Palette | None = None
