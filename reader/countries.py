"""The country records the gazetteer reads, extracted once from pycountry and countryinfo.

Importing those two packages and reading their hundreds of JSON files cost about 45 ms on
every run; the few fields the gazetteer uses are shipped instead as ``data/countries.json``,
regenerated with

    python -m reader.countries            # rewrite reader/data/countries.json
    python -m reader.countries --check    # exit 1 when the shipped file is out of date

``tests/test_countries.py`` runs the check, so the file cannot drift from the pinned packages.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "data" / "countries.json"
PYCOUNTRY_NAMES = ("name", "official_name", "common_name")


def _safe(method: Any) -> Any:
    try:
        return method()
    except Exception:  # countryinfo raises assorted errors for sparse records
        return None


def _strict_iso_and_name(info: Any) -> tuple[str, str] | None:
    """The record's ISO code and common name when both read without error (else None: the
    gazetteer then uses the record only for the curated names keyed by its ISO code)."""
    try:
        return info.iso()["alpha2"], info.name()
    except (KeyError, TypeError, AttributeError):
        return None


def extract() -> list[dict[str, Any]]:
    """One record per countryinfo country, with exactly the fields the gazetteer reads."""
    import pycountry
    from countryinfo import all_countries

    records = []
    for info in all_countries():
        strict = _strict_iso_and_name(info)
        iso = (_safe(info.iso) or {}).get("alpha2")
        pyc = pycountry.countries.get(alpha_2=strict[0]) if strict else None
        capital = _safe(info.capital)
        records.append({
            "iso": iso,
            "name": _safe(info.name),
            "strict": list(strict) if strict else None,
            "alt_spellings": [a for a in (_safe(info.alt_spellings) or []) if isinstance(a, str)],
            "pycountry": [v for v in (getattr(pyc, attr, None) if pyc else None for attr in PYCOUNTRY_NAMES) if v],
            "capital": capital if isinstance(capital, str) else None,
            "demonym": _safe(info.demonym) or "",
        })
    return records


def load() -> list[dict[str, Any]]:
    """The shipped records (``data/countries.json``)."""
    return json.loads(resources.files("reader.data").joinpath("countries.json").read_text(encoding="utf-8"))


def render(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only say whether the shipped file is up to date")
    args = ap.parse_args(argv)
    text = render(extract())
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is out of date: run python -m reader.countries", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
