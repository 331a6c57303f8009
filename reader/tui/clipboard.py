"""Copying text: OSC 52 through the terminal, plus a system clipboard tool when there is one."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from ..model import Publication

SYSTEM_TOOLS = (
    ("wl-copy", ()),
    ("xclip", ("-selection", "clipboard")),
    ("xsel", ("--clipboard", "--input")),
    ("pbcopy", ()),
    ("clip.exe", ()),
)
NO_SYSTEM_ENV = "READER_NO_SYSTEM_CLIPBOARD"
TRAILING_COMMA = re.compile(r"\s*[,;:]+(['’\"”]*)$")  # "have a ‘legal effect,'" -> "‘legal effect'"


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


def quote_for_copy(
    text: str,
    *,
    speaker: str | None,
    party: str | None,
    publication: Publication,
    title: str | None = None,
    direct: bool,
) -> str:
    """The quote as pasted elsewhere, with whom and where it is from:

    “text” — Sergei Ryabkov (Russia); DW, 2021-12-17, https://...

    The speaker is named once (with the party unless they are the same), a quote loses the
    comma that led back into the sentence, and the article is named by its outlet, date and
    URL (its title when the outlet is unknown), never by a file name."""
    text = TRAILING_COMMA.sub(r"\1", " ".join(text.split()))
    body = f"“{text}”" if direct and text[:1] not in "“\"‘'«„" else text
    who = speaker or party or ""
    if speaker and party and not _names(party, speaker):
        who = f"{speaker} ({party})"
    where = [publication.outlet or (f"“{title}”" if title else None), publication.date, publication.url]
    cited = ", ".join(part for part in where if part)
    return f"{body} — {who}; {cited}" if cited else f"{body} — {who}"


def _names(party: str, speaker: str) -> bool:
    """Whether ``speaker`` names ``party`` in whole words ('NATO' in 'NATO spokesman'; not
    'Sudan' in 'the Sudanese government')."""
    return re.search(rf"(?<!\w){re.escape(' '.join(party.split()))}(?!\w)", " ".join(speaker.split()),
                     re.IGNORECASE) is not None
