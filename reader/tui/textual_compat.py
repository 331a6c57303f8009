"""The few places where the reader (and its tests) need more than Textual's public API.

Everything else uses public API only. What is here was checked against CHECKED_WITH
(tests/test_tui_compat.py fails when another Textual is installed, so a newer Textual gets
looked at here first). Keep this module small: each function says why it is needed.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.notifications import Notification
from textual.pilot import Pilot
from textual.widget import Widget

CHECKED_WITH = "8.2.8"


def notifications(app: App) -> list[Notification]:
    """The notifications the app shows now (App has notify() and clear_notifications(), no reader)."""
    return list(app._notifications)


async def wheel(pilot: Pilot, widget: Widget, offset: tuple[int, int], *, down: bool) -> None:
    """One turn of the mouse wheel over ``widget`` at ``offset`` (Pilot has click and hover, no wheel)."""
    event = events.MouseScrollDown if down else events.MouseScrollUp
    await pilot._post_mouse_events([event], widget, offset=offset)


def prepare_switch(app: App) -> None:
    """Let ``app.switch_screen`` replace the default screen: Textual's switch pops a result
    callback that the default screen (never pushed) does not have."""
    if not app.screen._result_callbacks:
        app.screen._push_result_callback(app, None)


def release_styles_caches() -> None:
    """Let Textual drop the drawn lines of widgets that are gone. ``StylesCache.get_inner_outer``
    is an ``lru_cache`` on a method, so its 1,024 entries keep their StylesCache, with each
    widget's last lines as Strips, alive after the widget is removed (Textual issue #6665): each
    closed party view kept ~16,000 objects that every full garbage collection then scanned. The
    cache holds two Styles per pair of colours and refills at once."""
    from textual._styles_cache import StylesCache

    StylesCache.get_inner_outer.cache_clear()


def styles_caches_alive() -> int:
    """How many StylesCache objects the garbage collector can see (after a collection): for the
    test that a closed party view's drawn lines are let go (see release_styles_caches)."""
    import gc

    from textual._styles_cache import StylesCache

    gc.collect()
    return sum(isinstance(o, StylesCache) for o in gc.get_objects())
