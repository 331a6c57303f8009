"""The footer: Textual's Footer, built once (after the first paint) and then only greyed in place.

Textual's Footer starts empty and rebuilds all its keys (a dozen widgets, each restyled
two or three times) on every "bindings changed" signal: focus moves, the screen resuming,
a key becoming possible. At start-up that is three to four rebuilds, some before the article
is first painted. This one composes its keys once, right after the first paint (Textual's
Footer also starts empty), coalesces signals that arrive before the next refresh, and rebuilds only
when the keys, labels or tooltips change; when only the possible keys change it toggles
their ``-disabled`` class (what Footer itself would render for them).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual is pinned; the class is not re-exported

Row = tuple[Binding, bool, str]  # binding, enabled, tooltip


class KeyFooter(Footer):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._layout: tuple[object, ...] | None = None
        self._update_pending = False
        self._keys_due = False  # the keys are composed one refresh after the first paint

    def on_mount(self) -> None:
        super().on_mount()
        # As with Textual's own Footer, the keys come after the first paint (of the article):
        # registered from a callback, the compose runs after the next refresh, not in this one.
        self.call_after_refresh(lambda: self.call_after_refresh(self._show_keys))

    async def _show_keys(self) -> None:
        self._keys_due = True
        if self.is_attached:
            await self.recompose()

    def _rows(self) -> tuple[list[Row], Row | None]:
        """The shown bindings (first per action, in Footer's order) and the command palette's."""
        active = self.screen.active_bindings
        rows: dict[str, Row] = {}
        for _, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in rows:
                rows[binding.action] = (binding, enabled, tooltip)
        palette: Row | None = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            entry = active.get(self.app.COMMAND_PALETTE_BINDING)
            if entry is not None:
                _, binding, enabled, _ = entry
                palette = (binding, enabled, binding.tooltip or binding.description)
        return list(rows.values()), palette

    def _signature(self, rows: list[Row], palette: Row | None) -> tuple[object, ...]:
        """Everything the keys show except whether they are possible."""
        shown = [(b.key, self.app.get_key_display(b), b.description, b.action, t) for b, _, t in rows]
        extra = None if palette is None else (palette[0].key, palette[0].description, palette[2])
        return (tuple(shown), extra, self.compact)

    def compose(self):
        if not self._keys_due:
            return
        rows, palette = self._rows()
        if any(binding.group is not None for binding, _, _ in rows):
            self._layout = None  # groups: Footer's own layout
            self._bindings_ready = True
            yield from super().compose()
            return
        self._layout = self._signature(rows, palette)
        for binding, enabled, tooltip in rows:
            yield self._key(binding, binding.description, enabled, tooltip)
        if palette is not None:
            binding, enabled, tooltip = palette
            # Footer does not bind this key to its own compact flag: it keeps FooterKey's default.
            yield self._key(binding, binding.description, enabled, tooltip, "-command-palette", compact=True)

    def _key(
        self, binding: Binding, description: str, enabled: bool, tooltip: str, classes: str = "",
        *, compact: bool | None = None,
    ) -> FooterKey:
        compact = self.compact if compact is None else compact
        key = FooterKey(
            binding.key, self.app.get_key_display(binding), description, binding.action,
            disabled=not enabled, tooltip=tooltip,
            classes=f"{classes} -compact".strip() if compact else classes,
        )
        key.set_reactive(FooterKey.compact, compact)  # the class is set already: no restyle on mount
        return key

    def bindings_changed(self, screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._update_pending:
            self._update_pending = True
            self.call_after_refresh(self._update_keys)

    async def _update_keys(self) -> None:
        self._update_pending = False
        if not self.is_attached or not self._keys_due:
            return
        rows, palette = self._rows()
        if self._layout is None or self._signature(rows, palette) != self._layout:
            await self.recompose()
            return
        keys = list(self.query_children(FooterKey))
        states = [enabled for _, enabled, _ in rows] + ([palette[1]] if palette else [])
        for key, enabled in zip(keys, states, strict=False):
            if key._disabled == enabled:
                key._disabled = not enabled  # what FooterKey checks on a click
                key.set_class(not enabled, "-disabled")
