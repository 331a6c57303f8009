"""Copying text: OSC 52 through the terminal, plus a system clipboard tool when there is one."""

from __future__ import annotations

import os
import shutil
import subprocess

SYSTEM_TOOLS = (
    ("wl-copy", ()),
    ("xclip", ("-selection", "clipboard")),
    ("xsel", ("--clipboard", "--input")),
    ("pbcopy", ()),
    ("clip.exe", ()),
)
NO_SYSTEM_ENV = "READER_NO_SYSTEM_CLIPBOARD"


def copy_with_system_tool(text: str) -> str | None:
    """Copy ``text`` with the first clipboard tool that works; return its name, or None."""
    if os.environ.get(NO_SYSTEM_ENV):
        return None
    for tool, args in SYSTEM_TOOLS:
        path = shutil.which(tool)
        if path is None:
            continue
        try:
            subprocess.run([path, *args], input=text.encode("utf-8"), timeout=2, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except (OSError, subprocess.SubprocessError):
            continue
        return tool
    return None


def quote_for_copy(text: str, speaker: str, source: str, *, direct: bool) -> str:
    """The quote as pasted elsewhere: “text” — speaker (source)."""
    body = f"“{text}”" if direct and text[:1] not in "“\"‘'«„" else text
    return f"{body} — {speaker} ({source})"
