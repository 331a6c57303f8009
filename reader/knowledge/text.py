"""Text helpers shared by the builder and the look-ups (standard library only, cheap to import)."""

from __future__ import annotations

import re
import unicodedata

_PUNCT = str.maketrans({"-": " ", ".": None, "\u2019": "'", "\u2010": " ", "\u2013": " "})
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """The key every table is looked up by: lower case, accents removed, hyphens as spaces,
    no full stops, spaces collapsed ("Bashar al-Assad" -> "bashar al assad", "U.N." -> "un")."""
    text = " ".join(text.lower().translate(_PUNCT).split())
    return text if text.isascii() else _MARKS.sub("", unicodedata.normalize("NFKD", text))


def singular(word: str) -> str:
    """A naive singular ("talks" -> "talk", "parties" -> "party") for matching pattern nouns."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
