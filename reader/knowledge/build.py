"""Regenerate reader/knowledge/data/ from the raw PETRARCH2 dictionaries (and newer leaders).

    python -m reader.knowledge.build /work/shared/knowledge/petrarch2 [--leaders DIR] [--out DIR]

``--leaders DIR`` adds the second, optional source: heads of state and government and
ministers after 2018 (US presidents and Cabinet, UK ministers, Wikidata's heads of state and
government of ~200 countries), read from the raw files listed in reader/knowledge/leaders.py
and written to leaders.tsv.gz / leaders.index.tsv.gz, with their licences and the sha256 of
every raw file appended to NOTICE. Without it those two files are not written (an older copy
in --out is left as it is) and NOTICE names PETRARCH2 only. The PETRARCH2 files do not depend
on it.

The output is deterministic: the same raw files (and the same pycountry data and
reader/data/actors.toml, which name the countries) give byte-identical text. The formats
are described in data/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reader.knowledge.text import fold

UPSTREAM = "openeventdata/petrarch2"
COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
OUT = Path(__file__).resolve().parent / "data"
ACTOR_FILES = ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.Countries.actors.txt")
GZIPPED = ("people.tsv", "people.index.tsv", "organisations.tsv", "organisations.index.tsv", "agents.tsv", "verbs.json",
           "leaders.tsv", "leaders.index.tsv")
LEADER_FILES = ("leaders.tsv", "leaders.index.tsv")

# CAMEO root code -> our kind (reader.model.KINDS), "none" for actions that are no stance.
KIND_BY_ROOT = {
    "01": "statement", "02": "demand", "10": "demand", "03": "offer", "08": "accept", "11": "accuse",
    "12": "reject", "16": "reject", "13": "threaten", "15": "threaten",
    **{root: "none" for root in ("04", "05", "06", "07", "09", "14", "17", "18", "19", "20")},
}

# Sector codes as a reader names them (actors.toml [sectors] uses "opposition" and "rebels").
SECTORS = {
    "GOV": "government", "MIL": "military", "LEG": "legislature", "OPP": "opposition", "REB": "rebels",
    "MED": "media", "BUS": "business", "NGO": "non-governmental organisation", "JUD": "judiciary",
    "COP": "police", "SPY": "intelligence", "PTY": "political party", "ELI": "elite", "CVL": "civilians",
    "CRM": "criminals", "UAF": "armed group", "LAB": "labour", "EDU": "education", "HLH": "health",
    "AGR": "agriculture", "ENV": "environment", "HRI": "human rights", "REF": "refugees", "DEV": "development",
    "REL": "religious", "RAD": "radicals", "MOD": "moderates", "IGO": "intergovernmental organisation",
    "NGM": "non-governmental movement", "IMG": "international militarised group", "MNC": "multinational company",
    "INS": "insurgents", "SEP": "separatists", "PPL": "people", "IRC": "Red Cross", "ATH": "athletes",
    "CHR": "Christian", "CTH": "Catholic", "PRO": "Protestant", "ORT": "Orthodox", "MUS": "Muslim",
    "SHI": "Shia", "SUN": "Sunni", "JEW": "Jewish", "HIN": "Hindu", "BUD": "Buddhist",
}
TRANSNATIONAL = ("IGO", "NGO", "NGM", "IMG", "MNC")

# CAMEO party codes that are no ISO 3166 alpha-3 code.
CAMEO_PARTIES = {
    "AFR": "Africa", "ASA": "Asia", "BLK": "Balkans", "CAF": "Central Africa", "CAS": "Central Asia",
    "CEU": "Central Europe", "CRB": "Caribbean", "EAF": "East Africa", "EEU": "Eastern Europe",
    "EIN": "East Indies", "EUR": "Europe", "LAM": "Latin America", "MDT": "Mediterranean",
    "MEA": "Middle East", "NAF": "North Africa", "NAM": "North America", "PGS": "Persian Gulf",
    "SAF": "Southern Africa", "SAM": "South America", "SAS": "South Asia", "SCN": "Scandinavia",
    "SEA": "Southeast Asia", "SEU": "Southern Europe", "WAF": "West Africa", "WEU": "Western Europe",
    "WST": "the West", "INT": "international", "CSK": "Czechoslovakia", "DDR": "East Germany",
    "SUN": "Soviet Union", "USR": "Soviet Union", "YUG": "Yugoslavia", "FRY": "Yugoslavia",
    "SCG": "Serbia and Montenegro", "KSV": "Kosovo", "TMP": "East Timor", "ZAR": "Zaire",
}
# Named bodies whose first dictionary entry is no good display name.
NAMED_OVERRIDES = {
    "IGOUNO": "United Nations", "IGOWSTNAT": "NATO", "IGOEUREEC": "European Union",
    "IGOAFRAFU": "African Union", "IGOMEAARL": "Arab League", "IGOSEAASN": "ASEAN",
    "IGOUNOIAE": "IAEA", "IGOUNOHLHWHO": "World Health Organization", "PSEREBHMS": "Hamas",
    "IGOUNOWBK": "World Bank", "NGOHRIHRW": "Human Rights Watch", "IMGSEAMUSJMA": "Jemaah Islamiyah",
    "IMGMUSALQ": "al-Qaeda",
}
NOT_PARTIES = frozenset({"IMGGRB"})  # a film villain's organisation
# Short codes a caller may use for the bodies above.
CODE_ALIASES = {"UNO": "IGOUNO", "UN": "IGOUNO", "NATO": "IGOWSTNAT", "NAT": "IGOWSTNAT",
                "EEC": "IGOEUREEC", "EU": "IGOEUREEC"}

# Verbs whose CAMEO default is clearly wrong for a reader of disputes: lemma -> (kind we'd expect, why).
# Shipped as verbs.json "review"; verb_kind() itself reports CAMEO unchanged.
VERB_REVIEW = {
    "add": ("statement", "CAMEO 060 (material cooperation): 'he added' introduces a quote"),
    "accept": ("accept", "default from its patterns is 030 (intend to cooperate) -> offer"),
    "agree": ("accept", "CAMEO 050 (diplomatic cooperation) -> none"),
    "welcome": ("accept", "CAMEO 051 (praise) -> none"),
    "deny": ("reject", "CAMEO 016 (deny responsibility) has root 01 -> statement"),
    "dismiss": ("reject", "CAMEO 110 (disapprove) -> accuse"),
    "oppose": ("reject", "CAMEO 110 (disapprove) -> accuse"),
    "claim": ("statement", "CAMEO 110 (disapprove) -> accuse"),
    "argue": ("statement", "CAMEO 110 (disapprove) -> accuse"),
    "counter": ("statement", "CAMEO 110 (disapprove) -> accuse"),
    "insist": ("statement", "CAMEO 100 (demand) -> demand; 'insisted that ...' is usually an assertion"),
    "seek": ("demand", "CAMEO 030 (intend to cooperate) -> offer"),
    "propose": ("offer", "CAMEO 020 (appeal) -> demand; 'proposed talks' is an offer"),
    "vow": ("offer", "default from its patterns is 13x -> threaten; a vow is as often a promise"),
    "confirm": ("statement", "CAMEO 051 -> none"),
    "admit": ("statement", "CAMEO 050 -> none"),
    "respond": ("statement", "no code -> none"),
    "reply": ("statement", "no code -> none"),
    "veto": ("reject", "CAMEO 172 (coerce) -> none"),
    "call": ("demand", "CAMEO 041 (discuss by phone) -> none on its own; 'call for/on' patterns give 020"),
    "urge": ("demand", "not in the verb dictionary (only named in comments)"),
}
PERSON_MARK = re.compile(r"CountryInfo|IGOrulers")
ACRONYMS = frozenset("UN EU US UK USA UAE NATO IAEA AU IMF OPEC ASEAN ECOWAS OSCE ICC ICJ UNSC UNHCR UNICEF WFP "
                     "WHO OIC OAS SADC IGAD PLO PKK FARC ELN ANC LTTE IRA ETA NGO".split())
INSTITUTION = re.compile(r"\b(organi[sz]ation|union|league|bank|fund|council|commission|committee|agency|court|"
                         r"tribunal|programme|program|group|association|federation|community|conference|forum|"
                         r"nations|watch|institute|alliance|party|movement|front|army|brigades?|congress|"
                         r"assembly|secretariat|international|crisis|borders|aid|relief|cross|crescent)\b", re.I)
SMALL_WORDS = frozenset("of the and for in on de du des la le to a an by at with van von der bin ibn da di dos del"
                        .split())
_warnings: list[str] = []


def warn(message: str) -> None:
    _warnings.append(message)


# ----------------------------------------------------------------------------- names


def display(raw: str, acronyms: bool = False) -> str:
    """A dictionary phrase as plain text: "VLADIMIR_PUTIN_" -> "Vladimir Putin"."""
    text = re.sub(r"\([^)]*\)", " ", raw.replace("_", " "))
    words = text.split()
    if acronyms and len(words) == 1 and _looks_acronym(words[0]):
        return words[0]
    return " ".join(_title_word(w, i) for i, w in enumerate(words))


def _looks_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    vowels = sum(c in "AEIOU" for c in letters)
    return len(letters) <= 4 or vowels <= 1


def _title_word(word: str, index: int) -> str:
    lower = word.lower()
    if word.strip(".,") in ACRONYMS or ("." in word and all(len(p) <= 2 for p in word.split("."))):
        return word  # U.N., U.S., K., UN
    if index and lower in SMALL_WORDS:
        return lower
    return "-".join(_cap(part) for part in lower.split("-"))


def _cap(part: str) -> str:
    if len(part) > 2 and part[1] == "'":  # o'brien -> O'Brien
        return part[0].upper() + "'" + part[2].upper() + part[3:]
    return part[:1].upper() + part[1:]


def clean_names(raws: list[str], acronyms: bool = False) -> list[str]:
    seen: set[str] = set()
    names = []
    for raw in raws:
        if "\ufffd" in raw:
            continue  # a mangled spelling in the raw file
        name = display(raw, acronyms)
        key = fold(name)
        if len(key) > 1 and any(c.isalpha() for c in key) and key not in seen:
            seen.add(key)
            names.append(name)
    return names


# ----------------------------------------------------------------------------- actors


@dataclass
class Record:
    names: list[str]
    roles: list[tuple[str, str, str]] = field(default_factory=list)  # code, start, end ("" = open)
    comment: str = ""


def parse_date(text: str) -> str:
    """YYMMDD or YYYYMMDD (as PETRARCH reads them: YY 00-30 is 20YY) -> "YYYYMMDD"."""
    if not text.isdigit():
        raise ValueError(text)
    if len(text) <= 7:
        yy = int(text[:2])
        year, month, day = (2000 + yy if yy <= 30 else 1900 + yy), int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    return dt.date(year, month, day).strftime("%Y%m%d")


def parse_role(content: str) -> tuple[str, str, str] | None:
    parts = content.split(None, 1)
    if not parts or not re.fullmatch(r"[A-Z]{3,}", parts[0]):
        return None  # "---" or empty: no code
    code, span = parts[0], (parts[1].replace(" ", "") if len(parts) > 1 else "")
    try:
        start, end = _span(span)
    except ValueError:
        warn(f"bad date in [{content}]: role dropped")
        return None
    if start and end and start > end:
        warn(f"empty date range in [{content}]: role dropped")
        return None
    return code, start, end


def _span(span: str) -> tuple[str, str]:
    if not span:
        return "", ""
    if span[0] == ">":
        return parse_date(span[1:]), ""
    if span[0] == "<":
        return "", parse_date(span[1:])
    if "-" in span:
        first, last = span.split("-", 1)
        return parse_date(first), parse_date(last)
    return parse_date(span), ""


def split_entry(text: str) -> tuple[str, list[tuple[str, str, str]]]:
    name = text.split("[", 1)[0].strip()
    roles = [r for r in (parse_role(c) for c in re.findall(r"\[([^\]}]*)[\]}]", text)) if r]
    return name, roles


def parse_actors(path: Path) -> list[Record]:
    records: list[Record] = []
    current: Record | None = None
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        line, _, comment = raw_line.partition("#")
        if not line.strip():
            continue
        if line[0] in " \t":
            if current:
                current.roles += split_entry(line)[1]
                current.comment += comment
            continue
        name, roles = split_entry(line[1:] if line[0] == "+" else line)
        if line[0] != "+" or current is None:
            current = Record([])
            records.append(current)
        current.names.append(name)
        current.roles += roles
        current.comment += comment
    return records


def is_person(record: Record) -> bool:
    if PERSON_MARK.search(record.comment):
        return True
    return any(start or end or code.endswith("ELI") for code, start, end in record.roles)


def is_place(code: str, countries: set[str]) -> bool:
    """A country, region or territory ("AFG", "USAASM"): the gazetteer's business, not ours."""
    return code in countries or (len(code) == 6 and code[:3] in countries and code[3:] in countries)


def unique(items: list) -> list:
    return list(dict.fromkeys(items))


def actor_tables(raw: Path, countries: set[str]) -> tuple[list[str], list[str], list[tuple[list[str], str]]]:
    """People rows, organisation rows, and (names, code) of the bodies that may name a party code."""
    people, orgs, named = [], [], []
    for filename in ACTOR_FILES:
        for record in parse_actors(raw / filename):
            if not record.roles:
                continue
            if is_person(record):
                names = clean_names(record.names)
                roles = unique(record.roles)
                if names:
                    people.append("|".join(names) + "\t" + ";".join(":".join(r) for r in roles))
                continue
            code = record.roles[0][0]
            names = clean_names(record.names, acronyms=True)
            if names and not is_place(code, countries):
                orgs.append("|".join(names) + "\t" + code)
                if filename != "Phoenix.Countries.actors.txt":  # that one's codes name places and people
                    named.append((names, code))
    return people, orgs, named


# ----------------------------------------------------------------------------- agents


def parse_agents(path: Path) -> list[str]:
    subs: dict[str, list[str]] = {}
    table: dict[str, str] = {}
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        line = raw_line.split("#", 1)[0].strip()
        if not line or line.startswith("<"):
            continue
        sub = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", line)
        if sub:
            subs[sub.group(1)] = [w.strip() for w in sub.group(2).split(",") if w.strip()]
            continue
        for phrase, code in agent_forms(line, subs):
            table.setdefault(phrase, code)
    return [f"{phrase}\t{code}" for phrase, code in table.items()]


def agent_forms(line: str, subs: dict[str, list[str]]) -> list[tuple[str, str]]:
    code_match = re.search(r"\[([^\]}]*)[\]}]", line)
    if not code_match:
        return []
    code = code_match.group(1).strip().replace("~", "")
    if not re.fullmatch(r"[A-Z]{3,}", code):
        return []
    head = line[: code_match.start()]
    plural = re.search(r"\{([^}]*)\}", head)
    phrase = head[: plural.start()] if plural else head
    marker = re.search(r"![A-Z]+!", phrase)
    if marker:
        forms = [phrase.replace(marker.group(0), word) for word in subs.get(marker.group(0), [])]
    elif plural:
        forms = [phrase, *plural.group(1).split()]
    else:
        forms = [phrase, _plural(phrase.strip())]
    return [(key, code) for key in (_agent_key(f) for f in forms) if key]


def _plural(phrase: str) -> str:
    if phrase.endswith("_"):
        return ""
    if phrase.endswith("Y") and phrase[-2:-1] not in ("A", "E", "O", "U"):
        return phrase[:-1] + "IES"
    if phrase.endswith("SS"):
        return phrase + "ES"
    return "" if phrase.endswith("S") else phrase + "S"


def _agent_key(phrase: str) -> str:
    return fold(phrase.replace("_", " "))


# ----------------------------------------------------------------------------- discards


def parse_discards(path: Path) -> list[str]:
    rows: dict[str, str] = {}
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        line = raw_line.split("#", 1)[0].strip()
        if not line:
            continue
        scope = "story" if line.startswith("+") else "sentence"
        line = line.lstrip("+").strip()
        match = "word" if line.endswith("_") else "stem"
        phrase = fold(line.replace("_", " "))
        if phrase and phrase not in rows:
            rows[phrase] = f"{phrase}\t{scope}\t{match}"
    return list(rows.values())


# ----------------------------------------------------------------------------- verbs


def kind_of(code: str) -> str:
    active = code.split(":", 1)[0]
    return KIND_BY_ROOT.get(active[:2], "none") if active.isdigit() else "none"


def pattern_words(text: str) -> list[str]:
    words = []
    for token in re.sub(r"[(){}]", " ", text.replace("_", " ")).split():
        token = token.strip("$+^%")
        if token and token not in ("*",):
            words.append(token.lower())
    return words


@dataclass
class Block:
    name: str
    code: str
    patterns: dict[tuple[tuple[str, ...], tuple[str, ...]], str] = field(default_factory=dict)
    origins: dict[tuple[tuple[str, ...], tuple[str, ...]], str] = field(default_factory=dict)
    verbs: list[dict] = field(default_factory=list)


def parse_verbs(path: Path) -> tuple[dict[str, list[str]], list[Block]]:
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    synset = ""
    in_patterns = False
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        if raw_line.startswith("####### VERB PATTERNS"):
            in_patterns = True
        body, _, comment = raw_line.partition("#")
        if not body.strip() or raw_line.startswith("~"):
            continue
        if not in_patterns:
            synset = _synset_line(body, synset, synsets)
        elif body.startswith("---"):
            parts = body.split()
            blocks.append(Block(parts[1], parts[2].strip("[]")))
        elif body.startswith("-") and blocks:
            _pattern_line(body[1:], comment, blocks[-1])
        elif blocks:
            _verb_line(body, blocks[-1])
    return synsets, blocks


def _synset_line(body: str, synset: str, synsets: dict[str, list[str]]) -> str:
    body = body.strip()
    if body.startswith("&"):
        synset = "&" + body[1:].rstrip("_").lower()
        synsets.setdefault(synset, [])
    elif body.startswith("+") and synset:
        word = fold(body[1:].replace("_", " "))
        if word and word not in synsets[synset]:
            synsets[synset].append(word)
    return synset


def _pattern_line(body: str, comment: str, block: Block) -> None:
    code_match = re.search(r"\[([^\]]*)\]\s*$", body.strip())
    if not code_match or "*" not in body:
        warn(f"pattern without code or verb mark in {block.name}: {body.strip()}")
        return
    before, after = body.strip()[: code_match.start()].split("*", 1)
    key = (tuple(pattern_words(before)), tuple(pattern_words(after)))
    block.patterns[key] = code_match.group(1).strip()  # a repeated pattern: the last code wins, as in PETRARCH
    block.origins.setdefault(key, (comment.split() or [""])[0].upper())


def _verb_line(body: str, block: Block) -> None:
    code_match = re.search(r"\[([^\]]*)\]", body)
    head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", body).split()
    if not head:
        return
    words = head[0].split("_")
    verb_at = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    block.verbs.append({
        "raw": head[0].replace("+", ""),
        "lemma": words[verb_at].lstrip("+").lower(),
        "before": [w.lower() for w in words[:verb_at] if w],
        "after": [w.lower() for w in words[verb_at + 1:] if w],
        "code": code_match.group(1).strip() if code_match else "",
    })


def verb_table(blocks: list[Block], synsets: dict[str, list[str]]) -> tuple[list[dict], dict[str, dict]]:
    for block in blocks:  # as in PETRARCH, a pattern naming an undefined synset is ignored
        for key in [k for k in block.patterns if any(w[0] == "&" and w not in synsets for w in k[0] + k[1])]:
            warn(f"undefined synset in {block.name}: {' '.join(key[0])} * {' '.join(key[1])}")
            del block.patterns[key]
    out_blocks = [{"name": b.name, "code": b.code,
                   "patterns": [[list(k[0]), list(k[1]), c, kind_of(c)] for k, c in b.patterns.items()]}
                  for b in blocks]
    verbs: dict[str, dict] = {}
    for index, block in enumerate(blocks):
        for verb in block.verbs:
            _add_verb(verbs, index, block, verb)
    return out_blocks, dict(sorted(verbs.items()))


def _add_verb(verbs: dict[str, dict], index: int, block: Block, verb: dict) -> None:
    entry = verbs.setdefault(verb["lemma"], {"kind": "none", "code": "---", "from": "none",
                                             "uses": [], "extra": []})
    compound = bool(verb["before"] or verb["after"])
    use = [index, verb["after"]] if not verb["before"] else None
    if use and use not in entry["uses"]:
        entry["uses"].append(use)
    if compound:
        code = verb["code"] or block.code
        entry["extra"].append([verb["before"], verb["after"], code, kind_of(code)])
        return
    if entry["from"] in ("none", "patterns"):
        code, source = _default_code(block, verb)
        if source != "none" and not (entry["from"] == "patterns" and source == "patterns"):
            entry.update(code=code, kind=kind_of(code), **{"from": source})


def _default_code(block: Block, verb: dict) -> tuple[str, str]:
    if verb["code"] and verb["code"] != "---":
        return verb["code"], "own"
    if block.code != "---":
        return block.code, "block"
    mine = [c for k, c in block.patterns.items() if block.origins[k] == verb["raw"] and c.split(":")[0]]
    if not mine:
        return "---", "none"
    kinds = Counter(kind_of(c) for c in mine)
    best = max(kinds.values())
    kind = next(kind_of(c) for c in mine if kinds[kind_of(c)] == best)
    return next(c for c in mine if kind_of(c) == kind), "patterns"


# ----------------------------------------------------------------------------- codes


def country_names() -> dict[str, str]:
    """alpha-3 -> the name the project's gazetteer gives the country (else pycountry's)."""
    import pycountry

    from reader.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    names = {}
    for record in pycountry.countries:
        candidates = [getattr(record, a, None) for a in ("common_name", "name", "official_name")]
        names[record.alpha_3] = next(
            (gaz.entries[k].name for k in (_gaz_key(gaz, c) for c in candidates if c) if k), candidates[0]
            or record.name)
    return names


def _gaz_key(gaz, name: str) -> str | None:
    key = gaz.names.get(name) or gaz.names.get(fold(name))
    return key if key and gaz.entries.get(key) and gaz.entries[key].kind == "country" else None


def _institution(name: str) -> bool:
    """A body's name rather than a person's: an acronym or a name with an institution word."""
    return (" " not in name and name.isupper()) or bool(INSTITUTION.search(name))


def _names_a_body(code: str, parties: dict, sectors: dict) -> bool:
    """A code ending in a segment of its own ("IGOWSTNAT", "PSEREBHMS"), not country + sectors."""
    last = code[-3:]
    return len(code) >= 6 and code not in parties and code not in NOT_PARTIES and last not in sectors | parties


def codes_table(named: list[tuple[list[str], str]], agent_rows: list[str]) -> dict:
    countries = country_names()
    parties = {**countries, **CAMEO_PARTIES}
    sectors = dict(SECTORS)
    for row in agent_rows:
        for seg in re.findall("...", row.split("\t")[1]):
            sectors.setdefault(seg, None)
    for names, code in sorted(named, key=lambda item: not _institution(item[0][0])):  # stable: bodies first
        if _names_a_body(code, parties, sectors):
            parties[code] = names[0]
    parties.update({code: name for code, name in NAMED_OVERRIDES.items()})
    return {"parties": dict(sorted(parties.items())), "aliases": CODE_ALIASES,
            "sectors": {k: v for k, v in sorted(sectors.items()) if v}, "transnational": list(TRANSNATIONAL)}


# ----------------------------------------------------------------------------- output


def build(raw: Path, leaders: Path | None = None) -> dict[str, str]:
    """Every data file's text, by file name (before compression); the leaders files only
    when ``leaders`` (the folder of the newer raw files) is given."""
    import pycountry

    _warnings.clear()
    countries = {c.alpha_3 for c in pycountry.countries} | set(CAMEO_PARTIES)
    people, orgs, named = actor_tables(raw, countries)
    agents = parse_agents(raw / "Phoenix.agents.txt")
    synsets, blocks = parse_verbs(raw / "CAMEO.2.0.txt")
    out_blocks, verbs = verb_table(blocks, synsets)
    verbs_doc = {"kinds": dict(sorted(KIND_BY_ROOT.items())), "synsets": synsets, "blocks": out_blocks,
                 "verbs": verbs, "review": {k: list(v) for k, v in sorted(VERB_REVIEW.items())}}
    files = {
        "people.tsv": _lines(people),
        "people.index.tsv": _lines(people_index(people)),
        "organisations.tsv": _lines(orgs),
        "organisations.index.tsv": _lines(organisation_index(orgs)),
        "agents.tsv": _lines(agents),
        "discards.tsv": _lines(parse_discards(raw / "Phoenix.discards.txt")),
        "verbs.json": _json(verbs_doc),
        "codes.json": _json(codes_table(named, agents)),
        "NOTICE": notice(raw),
    }
    if leaders is not None:
        from reader.knowledge import leaders as newer

        rows = newer.leader_rows(leaders, country_names(), warn)
        files["leaders.tsv"] = _lines(rows)
        files["leaders.index.tsv"] = _lines(people_index(rows))
        files["NOTICE"] += leaders_notice(leaders)
    return files


def people_index(rows: list[str]) -> list[str]:
    """key (fold of a name) -> the people (or leaders) rows (0-based line numbers) that list it."""
    index: dict[str, list[str]] = {}
    for i, row in enumerate(rows):
        for name in row.split("\t", 1)[0].split("|"):
            ids = index.setdefault(fold(name), [])
            if str(i) not in ids:
                ids.append(str(i))
    return [f"{key}\t{','.join(ids)}" for key, ids in index.items()]


def organisation_index(rows: list[str]) -> list[str]:
    """key (fold of a name, also without a leading "the") -> code; the first body listed wins."""
    index: dict[str, str] = {}
    for row in rows:
        names, code = row.split("\t")
        for key in (fold(name) for name in names.split("|")):
            index.setdefault(key, code)
            if key.startswith("the "):
                index.setdefault(key[4:], code)
    return [f"{key}\t{code}" for key, code in index.items()]


def notice(raw: Path) -> str:
    licence = (raw / "LICENSE").read_text(encoding="utf-8").strip()
    return (f"The files in this directory are derived from the PETRARCH2 dictionaries\n"
            f"(Phoenix.*.actors.txt, Phoenix.agents.txt, Phoenix.discards.txt, CAMEO.2.0.txt)\n"
            f"of the Open Event Data Alliance: https://github.com/{UPSTREAM}\n"
            f"commit {COMMIT}, used under the MIT licence below.\n"
            f"They were converted by reader/knowledge/build.py; the country names in codes.json\n"
            f"come from pycountry and reader/data/actors.toml.\n\n{licence}\n")


def leaders_notice(folder: Path) -> str:
    """The NOTICE section of the newer source: provenance, licences, and the raw files' sha256."""
    from reader.knowledge import leaders as newer

    lines = ["", "-" * 79, "",
             "leaders.tsv.gz and leaders.index.tsv.gz are derived from these sources, converted by",
             "reader/knowledge/leaders.py (dates reformatted, roles coded as CAMEO country + GOV):", ""]
    for repo, path, commit, licence in newer.SOURCES.values():
        lines += [f"  https://github.com/{repo} ({path}): {licence}", f"    commit {commit}"]
    lines += ["",
              "* US presidents and vice presidents: unitedstates/congress-legislators, dedicated to the",
              "  public domain under CC0 1.0 Universal (https://creativecommons.org/publicdomain/zero/1.0/).",
              "* US Cabinet-level officials: FiveThirtyEight, cabinet-turnover data, licensed under the",
              "  Creative Commons Attribution 4.0 International License",
              "  (https://creativecommons.org/licenses/by/4.0/). Changes: dates reformatted, tenures",
              "  across administrations joined, open tenures ended with the president's term.",
              "* UK ministers: Institute for Government, IfG Ministers Database, licensed under the",
              "  Creative Commons Attribution 4.0 International License",
              "  (https://creativecommons.org/licenses/by/4.0/). Changes: only names and appointment",
              "  dates kept, consecutive appointments joined.",
              "* Heads of state and government: Wikidata (https://www.wikidata.org/), CC0 1.0, as",
              "  fetched by the Wikidata query of every-politician-scrapers/world-leaders-2021",
              "  (every version of its data/wikidata.csv, 2021-08-26 to 2022-10-09).",
              "",
              "sha256 of the raw files read (relative to the --leaders folder):"]
    lines += [f"  {digest}  {name}" for digest, name in newer.checksums(folder)]
    return "\n".join(lines) + "\n"


def _lines(rows: list[str]) -> str:
    return "".join(row + "\n" for row in rows)


def _json(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def stored_name(name: str) -> str:
    return name + ".gz" if name in GZIPPED else name


def write(files: dict[str, str], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        data = text.encode("utf-8")
        if name in GZIPPED:
            data = gzip.compress(data, compresslevel=9, mtime=0)
        (out / stored_name(name)).write_bytes(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", type=Path, help="folder holding the PETRARCH2 dictionaries")
    parser.add_argument("--leaders", type=Path, default=None,
                        help="folder holding the newer leaders' raw files (see reader/knowledge/leaders.py)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    files = build(args.raw, args.leaders)
    write(files, args.out)
    for name in files:
        path = args.out / stored_name(name)
        print(f"{path.name:24} {path.stat().st_size:>9,} bytes")
    for message in _warnings:
        print("warning:", message, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
