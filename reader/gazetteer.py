"""Known parties: countries (data/countries.json, from pycountry/countryinfo), plus data/actors.toml."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .datafiles import load_toml

CODE = re.compile(r"^[A-Z]{2,3}$")


@dataclass(frozen=True)
class Entry:
    key: str
    name: str
    kind: str  # country | organization | group


@dataclass
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # surface form -> key (nouns: countries, capitals, orgs)
    demonyms: dict[str, str] = field(default_factory=dict)  # "Russian" -> key
    capitals: dict[str, str] = field(default_factory=dict)  # "Moscow" -> key (for fuzzy rescue)
    nouns: dict[str, list[str]] = field(default_factory=dict)  # bodies, titles, kin, groups
    media: frozenset[str] = frozenset()  # outlets that report but are no party
    blocs: dict[str, str] = field(default_factory=dict)  # "poor" -> "developing countries" (with bloc_nouns)
    bloc_nouns: frozenset[str] = frozenset()  # "countries", "nations": what the bloc adjectives qualify
    word_sets: dict[str, frozenset[str]] = field(default_factory=dict)  # the [nouns] lists as sets
    sectors: dict[str, str] = field(default_factory=dict)  # sector id -> its name ("OPP" -> "opposition")
    knowledge: dict[str, frozenset[str]] = field(default_factory=dict)  # [knowledge] settings
    sector_words: dict[str, str] = field(default_factory=dict)  # "rebel" -> "REB"
    governments: dict[str, str] = field(default_factory=dict)  # "united-states" -> "US government"
    formal: dict[str, str] = field(default_factory=dict)  # a country's own names ("Macedonia" -> key), no metonyms
    regions: set[str] = field(default_factory=set)  # keys of the [regions] of actors.toml ("northern-cyprus")
    abbreviations: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "ps" -> ("permanent", "secretary")

    @cached_property
    def upper_capitals(self) -> dict[str, str]:
        """Capitals in capitals ('ISLAMABAD' -> key), for datelines; built once."""
        return {surface.upper(): key for surface, key in self.capitals.items()}

    @cached_property
    def role_words(self) -> frozenset[str]:
        """Titles and the words that make a title ('senior', 'cabinet'): a name of these alone is a
        role, no person or body ('the Senior Special Assistant'); built once."""
        return self.word_sets["titles"] | self.word_sets["title_modifiers"]

    def words(self, name: str) -> frozenset[str]:
        """One word list of actors.toml [nouns] ('titles', 'media_nouns', ...), as a set."""
        return self.word_sets[name]

    def add_name(self, surface: str, key: str) -> None:
        surface = surface.strip()
        for form in (surface, _folded(surface)):  # "Bogotá" and "Bogota", "Chișinău" and "Chisinau"
            if form and form not in self.names:
                self.names[form] = key


def demonym_of(gaz: Gazetteer, key: str) -> str | None:
    """The first demonym of a party ('Libya' -> 'Libyan'), if the data has one."""
    return next((d for d, k in gaz.demonyms.items() if k == key and d[:1].isupper() and not d.isupper()), None)


def country_adjective(gaz: Gazetteer, key: str) -> str | None:
    """The word that names a party before a noun: its demonym ('the Czech government', 'Libyan
    rebels'), or its name where the demonym is a noun for the people ('New Zealander': 'the New
    Zealand government')."""
    demonym = demonym_of(gaz, key)
    if demonym and demonym.endswith("er") and key in gaz.entries:
        return gaz.entries[key].name
    return demonym


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    data = load_toml("actors.toml")
    gaz = Gazetteer(nouns={k: list(v) for k, v in data["nouns"].items()},
                    media=frozenset(data.get("media", {}).get("names", ())))
    gaz.word_sets = {k: frozenset(v) for k, v in data["nouns"].items()}
    gaz.knowledge = {k: frozenset(v) for k, v in data.get("knowledge", {}).items()}
    for sector, spec in data.get("sectors", {}).items():
        gaz.sectors[sector] = spec["name"]
        for word in spec["words"]:
            gaz.sector_words[word] = sector
    gaz.abbreviations = {k: tuple(v.split()) for k, v in data.get("title_abbreviations", {}).items()}
    _add_countries(gaz, data.get("countries", {}))
    _add_organizations(gaz, data.get("organizations", {}))
    _add_regions(gaz, data.get("regions", {}))
    blocs = data.get("blocs", {})
    gaz.bloc_nouns = frozenset(blocs.get("nouns", ()))
    for spec in (v for v in blocs.values() if isinstance(v, dict)):
        for adjective in spec["adjectives"]:
            gaz.blocs[adjective] = spec["name"]
    return gaz


def _add_regions(gaz: Gazetteer, regions: dict) -> None:
    for spec in regions.values():
        key = slug(spec["name"])
        gaz.entries[key] = Entry(key, spec["name"], "country")
        gaz.regions.add(key)
        for surface in [spec["name"], *spec.get("aliases", [])]:
            gaz.names[surface] = key
        for demonym in spec.get("demonyms", []):
            gaz.demonyms[demonym] = key


def _add_countries(gaz: Gazetteer, curated: dict) -> None:
    from .countries import load

    records = load()  # extracted from pycountry/countryinfo (reader/countries.py)
    for record in records:  # curated names and demonyms win over the packages' ones
        extra = curated.get(record["iso"], {})
        key = slug(extra.get("name") or _title(record["name"] or ""))
        for surface in extra.get("aliases", []):
            gaz.add_name(surface, key)
        for demonym in extra.get("demonyms", []):
            gaz.demonyms.setdefault(demonym, key)
    for record in records:
        if not record["strict"]:
            continue
        iso, common = record["strict"]
        extra = curated.get(iso, {})
        name = extra.get("name") or _title(common)
        key = slug(name)
        gaz.entries[key] = Entry(key, name, "country")
        if "government" in extra:
            gaz.governments[key] = extra["government"]
        for surface in [name, _title(common), *extra.get("aliases", []), *extra.get("names", [])]:
            gaz.add_name(surface, key)
        formal = [name, _title(common), *extra.get("names", [])]
        for alt in record["alt_spellings"]:
            if alt and not CODE.match(alt) and alt.isascii():
                gaz.add_name(alt, key)
                formal.append(alt)
        for value in record["pycountry"]:
            if "," not in value:
                gaz.add_name(value, key)
                formal.append(value)
        for surface in formal:
            gaz.formal.setdefault(surface, key)
        capital = record["capital"]
        if capital:
            capital = capital.replace(" D.C.", "").strip()
            gaz.capitals.setdefault(capital, key)
            gaz.add_name(capital, key)
        for demonym in [*extra.get("demonyms", []), *record["demonym"].split(",")]:
            if demonym.strip():
                gaz.demonyms.setdefault(demonym.strip(), key)


def _add_organizations(gaz: Gazetteer, curated: dict) -> None:
    for ident, spec in curated.items():
        key = slug(spec["name"])
        gaz.entries[key] = Entry(key, spec["name"], spec.get("kind", "organization"))
        for surface in [spec["name"], ident, *spec.get("aliases", [])]:
            gaz.names[surface] = key


def _folded(text: str) -> str:
    """The name without its accents (as English news often spells it)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slug(text: str) -> str:
    """An actor id: the name in lower case with dashes ("United States" -> "united-states")."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _title(name: str) -> str:
    return name[0].upper() + name[1:] if name else name
