"""Newer leaders and ministers (2015-2024) for the knowledge base: a second, optional source.

Build-time only (reader.knowledge.build imports it; the look-ups never do). It reads a folder
of raw files given as ``--leaders DIR`` and returns the rows of data/leaders.tsv, in the same
``names<TAB>roles`` form as people.tsv plus a third column naming the source:

* ``congress-legislators/executive.yaml`` - US presidents and vice presidents with their
  terms (unitedstates/congress-legislators, CC0 1.0).
* ``fivethirtyeight/cabinet-turnover.csv`` - US Cabinet-level officials since 1977 with the
  days they were sworn in and left (fivethirtyeight/data, CC BY 4.0).
* ``ifg/appointment.csv``, ``ifg/person.csv``, ``ifg/post.csv`` - every UK minister since 1979
  with the days of each appointment (Institute for Government Ministers Database,
  instituteforgov/ifg-ministers-database-public, CC BY 4.0).
* ``wikidata/world-leaders-2021.csv`` - heads of state and of government of ~200 countries
  who were in office at some time from 2021 to October 2022, with the YEARS they took and
  left office (Wikidata, CC0 1.0; the union of every version of data/wikidata.csv in
  every-politician-scrapers/world-leaders-2021, a Wikidata query run daily).

Every role is the country's CAMEO code (its ISO 3166 alpha-3 code, as in people.tsv) + GOV.
Dates are days where the source gives days; Wikidata years become 1 January of the first year
to 31 December of the last (a role is then valid a little too long, never too short), and a
Wikidata role is left out where one of the other three sources gives the same person (by
name) the same code to the day. A
"Still in office" Cabinet member of the 538 file ends with the term of the president who
appointed them (from executive.yaml). Roles of one person from one source with the same code
are merged when they overlap or follow on the next day.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from reader.knowledge.text import fold

FILES = (
    "congress-legislators/executive.yaml",
    "fivethirtyeight/cabinet-turnover.csv",
    "ifg/appointment.csv",
    "ifg/person.csv",
    "ifg/post.csv",
    "wikidata/world-leaders-2021.csv",
)
# source -> (repository, files, commit, licence); the raw folder's README.md says how it was made.
SOURCES = {
    "congress-legislators": ("unitedstates/congress-legislators", "executive.yaml",
                             "dfa9622263dd4c8d08636926e498f1845704d7eb", "CC0 1.0"),
    "fivethirtyeight": ("fivethirtyeight/data", "cabinet-turnover/cabinet-turnover.csv",
                        "fcf572c4fba05a42f1f34f415bd5e6dc389efd68", "CC BY 4.0"),
    "ifg": ("instituteforgov/ifg-ministers-database-public", "data/{appointment,person,post}.csv",
            "92e227025645607913912d9d8312b7421a437bd3", "CC BY 4.0"),
    "wikidata": ("every-politician-scrapers/world-leaders-2021", "data/wikidata.csv, union of all versions",
                 "c67f3c9dbe59e467906a6b0be057fb966f88cf85..be7039cf5952d8121c4f1e24eea64cc5dd465633",
                 "Wikidata, CC0 1.0"),
}
# Wikidata country labels pycountry does not know, -> alpha-3 (or a CAMEO code); None: no state of ours.
COUNTRY_LABELS = {
    "Danish Realm": "DNK", "Kingdom of Denmark": "DNK", "Kingdom of the Netherlands": "NLD",
    "East Timor": "TLS", "Islamic Emirate of Afghanistan": "AFG", "Islamic Republic of Afghanistan": "AFG",
    "Ivory Coast": "CIV", "Cote d'Ivoire": "CIV", "Côte d'Ivoire": "CIV", "Eswatini": "SWZ",
    "North Macedonia": "MKD", "Timor-Leste": "TLS", "Kosovo": "KSV", "Laos": "LAO", "North Korea": "PRK",
    "South Korea": "KOR", "People's Republic of China": "CHN", "Republic of China (Taiwan)": "TWN",
    "Taiwan": "TWN", "Republic of Austria": "AUT", "Republic of Ireland": "IRL", "Republic of the Congo": "COG",
    "Democratic Republic of the Congo": "COD", "Russia": "RUS", "State of Palestine": "PSE", "Syria": "SYR",
    "Tanzania": "TZA", "The Bahamas": "BHS", "The Gambia": "GMB", "United States of America": "USA",
    "Vatican City": "VAT", "Venezuela": "VEN", "Vietnam": "VNM", "Iran": "IRN", "Bolivia": "BOL",
    "Moldova": "MDA", "Federated States of Micronesia": "FSM", "Brunei": "BRN", "Cape Verde": "CPV",
    "Czech Republic": "CZE", "Turkey": "TUR", "United Kingdom": "GBR",
    **{name: None for name in (
        "Catalan Republic", "Donetsk People's Republic", "Luhansk People's Republic", "Republic of Abkhazia",
        "Republic of Artsakh", "Republika Srpska", "Romanian Old Kingdom", "Sahrawi Arab Democratic Republic",
        "Sarawak", "Somaliland", "South Ossetia", "Transnistria", "Turkish Republic of Northern Cyprus")},
}
# Positions whose holder is head of state of a country only nominally and elsewhere in fact:
# the British monarch as "monarch of Jamaica", the French president as co-prince of Andorra.
NOMINAL = re.compile(r"^monarch of (?!the United Kingdom)|co-prince", re.I)
QID = re.compile(r"Q\d+")
FIRST_YEAR = 1945  # Wikidata rows starting earlier are noise ("monarch of Denmark", 854)

Warn = Callable[[str], None]


def checksums(folder: Path) -> list[tuple[str, str]]:
    """(sha256, path) of every raw file the build reads, in FILES order."""
    return [(hashlib.sha256((folder / name).read_bytes()).hexdigest(), name) for name in FILES]


def leader_rows(folder: Path, countries: dict[str, str], warn: Warn) -> list[str]:
    """The rows of leaders.tsv: ``names<TAB>roles<TAB>source``, one per person and source."""
    terms = executive_terms(folder / "congress-legislators/executive.yaml")
    exact = [(_executive_people(terms), "congress-legislators"),
             (cabinet_people(folder / "fivethirtyeight/cabinet-turnover.csv", terms, warn), "fivethirtyeight"),
             (ifg_people(folder / "ifg"), "ifg")]
    dated: dict[str, set[str]] = {}  # name key -> codes a source gives to the day
    for people, _source in exact:
        for names, roles in people:
            for name in names:
                dated.setdefault(fold(name), set()).update(code for code, _s, _e in roles)
    leaders = [(names, [r for r in roles if not any(r[0] in dated.get(fold(n), ()) for n in names)])
               for names, roles in wikidata_people(folder / "wikidata/world-leaders-2021.csv", countries, warn)]
    return [row for people, source in [*exact, (leaders, "wikidata")] for row in _rows(people, source)]


def _rows(people: list[tuple[list[str], list[tuple[str, str, str]]]], source: str) -> list[str]:
    out = []
    for names, roles in people:
        names = _unique_names(names)
        if names and roles:
            out.append("|".join(names) + "\t" + ";".join(":".join(r) for r in merge_roles(roles)) + "\t" + source)
    return out


def _unique_names(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in (" ".join(n.split()) for n in names):
        key = fold(name)
        if key and not QID.fullmatch(name) and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def merge_roles(roles: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Roles with the same code merged where they overlap or follow on; most recent first."""
    by_code: dict[str, list[tuple[str, str]]] = {}
    for code, start, end in roles:
        by_code.setdefault(code, []).append((start, end))
    merged = []
    for code, spans in by_code.items():
        current: list[str] | None = None
        for start, end in sorted(spans):
            if current and (current[1] == "" or _next_day(current[1]) >= start):
                if current[1] != "" and (end == "" or end > current[1]):
                    current[1] = end
                continue
            if current:
                merged.append((code, *current))
            current = [start, end]
        if current:
            merged.append((code, *current))
    return sorted(merged, key=lambda r: (r[2] == "", r[2], r[1], r[0]), reverse=True)


def _next_day(day: str) -> str:
    return (dt.date(int(day[:4]), int(day[4:6]), int(day[6:8])) + dt.timedelta(days=1)).strftime("%Y%m%d")


def _day(text: str) -> str:
    """'2019-07-24' -> '20190724' ('' if empty)."""
    text = text.strip().strip("'\"")
    return dt.date.fromisoformat(text).strftime("%Y%m%d") if text else ""


# ----------------------------------------------------------------------------- US executive


def executive_terms(path: Path) -> list[dict]:
    """The people of executive.yaml as dicts {name: {...}, terms: [{type, start, end}, ...]}.

    The file is plain block YAML (two-space indents, one key per line); this reads only that
    shape, so the build needs no YAML library.
    """
    people: list[dict] = []
    section = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("- "):
            people.append({"name": {}, "terms": []})
            line = "  " + line[2:]
        indent = len(line) - len(line.lstrip(" "))
        key, _, value = line.strip().lstrip("- ").partition(":")
        value = value.strip().strip("'\"")
        if indent == 2 and not line.strip().startswith("- "):
            section = key
            continue
        if section == "name" and indent == 4:
            people[-1]["name"][key] = value
        elif section == "terms":
            if line.strip().startswith("- "):
                people[-1]["terms"].append({})
            if people[-1]["terms"]:
                people[-1]["terms"][-1][key] = value
    return people


def _executive_names(name: dict) -> list[str]:
    first, last = name.get("first", ""), name.get("last", "")
    return [n for n in (name.get("official_full", ""), f"{name.get('nickname', first)} {last}", f"{first} {last}")
            if n.strip()]


def _executive_people(people: list[dict]) -> list[tuple[list[str], list[tuple[str, str, str]]]]:
    return [(_executive_names(p["name"]), [("USAGOV", _day(t["start"]), _day(t.get("end", "")))
                                           for t in p["terms"] if t.get("start")])
            for p in people]


def president_term_ends(people: list[dict]) -> dict[str, str]:
    """Last name -> the end of that person's last term as president ("Biden" -> "20250120")."""
    ends: dict[str, str] = {}
    for person in people:
        for term in person["terms"]:
            if term.get("type") == "prez" and term.get("end"):
                ends[person["name"].get("last", "")] = _day(term["end"])
    return ends


# ----------------------------------------------------------------------------- US Cabinet (538)


def _us_day(text: str) -> str | None:
    """'4/26/18' or '4/26/2018' -> '20180426'; None if no date ('Still in office', 'Bush admin')."""
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", text.strip())
    if not match:
        return None
    month, day, year = (int(g) for g in match.groups())
    if year < 100:
        year += 1900 if year >= 50 else 2000
    return dt.date(year, month, day).strftime("%Y%m%d")


def cabinet_people(path: Path, executive: list[dict], warn: Warn) -> list[tuple[list[str], list]]:
    """One (names, roles) per appointee. A tenure split across two administrations ("Reagan
    admin" as the start of one row, "Bush admin" as the end of another) is joined into one."""
    term_ends = president_term_ends(executive)
    rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    roles: dict[str, list[tuple[str, str, str]]] = {}
    for row in rows:
        name, position = row["appointee"].strip(), row["position"].strip()
        start, end = _us_day(row["start_date"]), _us_day(row["end_date"])
        if start is None:
            continue  # the second half of a tenure across administrations: joined below
        if end is None and row["end_date"].strip().endswith(" admin"):
            later = [_us_day(r["end_date"]) for r in rows if r["appointee"].strip() == name
                     and r["position"].strip() == position and _us_day(r["start_date"]) is None]
            end = next((e for e in later if e), "")
        elif end is None:
            end = term_ends.get(row["president"].strip().split()[0], "")
            if row["end_date"].strip() != "Still in office":
                warn(f"538 cabinet: no end date for {name} ({row['end_date']!r})")
        roles.setdefault(name, []).append(("USAGOV", start, end))
    return [([name], spans) for name, spans in roles.items()]


# ----------------------------------------------------------------------------- UK ministers (IfG)


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))


def ifg_people(folder: Path) -> list[tuple[list[str], list]]:
    """Every minister of the IfG database, their names (all recorded forms), one GBRGOV role per
    appointment (merged later where they follow on)."""
    names: dict[str, list[str]] = {}
    for row in _csv(folder / "person.csv"):
        names.setdefault(row["id"], []).extend([row["display_name"], row["name"]])
    posts = {row["id"] for row in _csv(folder / "post.csv")}
    roles: dict[str, list[tuple[str, str, str]]] = {}
    for row in _csv(folder / "appointment.csv"):
        if row["post_id"] in posts and row["start_date"]:
            roles.setdefault(row["person_id"], []).append(("GBRGOV", _day(row["start_date"]), _day(row["end_date"])))
    return [(names.get(pid, []), spans) for pid, spans in sorted(roles.items(), key=lambda kv: names.get(kv[0], [""]))]


# ----------------------------------------------------------------------------- Wikidata leaders


def wikidata_people(path: Path, countries: dict[str, str], warn: Warn) -> list[tuple[list[str], list]]:
    """Heads of state and government by Wikidata item: every English label seen, one role per
    position held (years widened to whole years; an open end dropped where a later version of
    the query gives the same term an end)."""
    by_name = {fold(name): code for code, name in countries.items()}
    labels: dict[str, list[str]] = {}
    terms: dict[tuple[str, str, str, str], set[str]] = {}
    unknown: set[str] = set()
    for row in _csv(path):
        if not (row["start_year"].isdigit() and int(row["start_year"]) >= FIRST_YEAR):
            continue
        if NOMINAL.search(row["positionLabel"]):
            continue
        country = _country(row["country"], by_name)
        if country is None:
            if row["country"] not in COUNTRY_LABELS:
                unknown.add(row["country"])
            continue
        person = row["officeholder"]
        labels.setdefault(person, []).append(row["officeholderLabel"])
        terms.setdefault((person, country, row["position"], row["start_year"]), set()).add(row["end_year"])
    for label in sorted(unknown):
        warn(f"wikidata leaders: country {label!r} not mapped to a code: rows dropped")
    roles: dict[str, list[tuple[str, str, str]]] = {}
    for (person, country, _position, start), ends in sorted(terms.items()):
        for end in sorted(ends - {""} or {""}):
            roles.setdefault(person, []).append((country + "GOV", start + "0101", end + "1231" if end else ""))
    return [(sorted(set(labels[p]), key=lambda n: (-labels[p].count(n), n)), roles[p]) for p in sorted(roles, key=_qid)]


def _qid(item: str) -> int:
    return int(item[1:]) if QID.fullmatch(item) else 0


def _country(label: str, by_name: dict[str, str]) -> str | None:
    if label in COUNTRY_LABELS:
        return COUNTRY_LABELS[label]
    return by_name.get(fold(label))
