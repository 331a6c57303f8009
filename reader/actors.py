"""Finding the parties of an article and what stands for them.

Mentions come from the gazetteer (countries, capitals, seats of power, organisations,
demonyms) matched on the Doc, plus what the article itself teaches: people bound to a party
by their title or apposition, descriptions like "the government in Washington", and bodies
first named with their party ("the US Embassy" makes the later "the embassy" the US).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from spacy.attrs import IDX, IS_TITLE, LEMMA, LENGTH, LOWER
from spacy.tokens import Span

from .classify import negated
from .gazetteer import Entry, Gazetteer, country_adjective, demonym_of, load_gazetteer, slug
from .lexicon import load_lexicon
from .model import Actor, Article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

POSSESSIVE = re.compile(r"(’s|'s|’|')$")
NP_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "case", "punct", "cc", "conj", "appos"}
FUZZY_CUTOFF = 60


@dataclass
class Binding:
    """An actor the article has shown: its entry and the names it went by."""

    entry: Entry
    aliases: list[str] = field(default_factory=list)

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if alias and alias != self.entry.name and alias not in self.aliases:
            self.aliases.append(alias)


@dataclass
class ActorTable:
    """The actors of one article and the doc tokens that mention them."""

    doc: Doc | None = None
    bindings: dict[str, Binding] = field(default_factory=dict)
    token_actor: dict[int, str] = field(default_factory=dict)  # token index -> actor id
    modifier_tokens: set[int] = field(default_factory=set)  # demonyms: "Russian", "US" in "US government"
    people: dict[str, str] = field(default_factory=dict)  # "Ryabkov" / "Sergei Ryabkov" -> actor id
    titled: set[str] = field(default_factory=set)  # names of people introduced with a title
    heads: dict[str, str] = field(default_factory=dict)  # "embassy" -> actor id (learned, first seen)
    head_mentions: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # lemma -> [(token, actor)]
    company_reads: list[tuple[int, str]] = field(default_factory=list)  # (token, company) of 'the firm' read
    agents: set[str] = field(default_factory=set)  # people who speak for a client (counsel, agents)
    introduced: dict[str, str] = field(default_factory=dict)  # 'union' -> the body 'union Vereinigung Cockpit' named
    home: str | None = None  # the party of untitled officials ("Prime Minister X" with no country)
    gazetteer: Gazetteer | None = None
    date: dt.date | None = None  # the article's date, for people's dated roles in the knowledge base
    evidence: dict[str, list[str]] = field(default_factory=dict)  # actor id -> why mentions went to it
    merged: dict[str, str] = field(default_factory=dict)  # a party merged into another -> that one
    title_end: int = 0  # where the headline ends (a character offset; 0 when there is none)
    sector_owners: dict[str, str] = field(default_factory=dict)  # "REB" -> "farc" ("FARC rebels": the rebels)
    outlets: set[str] = field(default_factory=set)  # mastheads the article names ("The Indian Express")

    @property
    def actors(self) -> list[Actor]:
        return [Actor(b.entry.key, b.entry.name, b.entry.kind, tuple(b.aliases),
                      sector=self.sector_of(b.entry.key), evidence=tuple(self.evidence.get(b.entry.key, ())))
                for b in self.bindings.values()]

    def note(self, actor_id: str, reason: str) -> None:
        """Record why a mention was decided to be ``actor_id`` (shown as the actor's evidence)."""
        reasons = self.evidence.setdefault(actor_id, [])
        if reason not in reasons and len(reasons) < 8:
            reasons.append(reason)

    def sector_of(self, actor_id: str) -> str | None:
        return next((s for s, name in self.gazetteer.sectors.items() if slug(name) == actor_id), None)

    def name(self, actor_id: str) -> str:
        binding = self.bindings.get(actor_id)
        return binding.entry.name if binding else actor_id

    def bind(self, entry: Entry, alias: str = "") -> str:
        while entry.key in self.merged and self.merged[entry.key] in self.bindings:  # it stays merged
            entry = self.bindings[self.merged[entry.key]].entry
        binding = self.bindings.setdefault(entry.key, Binding(entry))
        binding.add_alias(alias)
        return entry.key

    def merge(self, old: str, new: str) -> None:
        """Every mention of party ``old`` is party ``new``; ``old`` is no party any more."""
        for i, key in list(self.token_actor.items()):
            if key == old:
                self.token_actor[i] = new
        for name, key in list(self.people.items()):  # the people bound to it follow
            if key == old:
                self.people[name] = new
        for sector, key in list(self.sector_owners.items()):  # and a side it owned ("FARC rebels")
            if key == old:
                self.sector_owners[sector] = new
        for lemma, key in list(self.heads.items()):  # and the words learned for it ("the board")
            if key == old:
                self.heads[lemma] = new
        for lemma, mentions in self.head_mentions.items():
            self.head_mentions[lemma] = [(at, new if key == old else key) for at, key in mentions]
        self.company_reads = [(at, new if key == old else key) for at, key in self.company_reads]
        self.introduced = {lemma: new if key == old else key for lemma, key in self.introduced.items()}
        self.bindings.pop(old, None)
        if old != new:
            self.merged[old] = new

    def sector_party(self, sector: str, country: str | None = None, demonym: str | None = None) -> str:
        """The party of a country's side ('opposition', 'rebels'): one per sector in an article,
        named after its country once the article ties it to one ('Libyan rebels')."""
        if self.sector_owners.get(sector) in self.bindings:
            return self.sector_owners[sector]  # "the rebels" after "the FARC rebels"
        base = self.gazetteer.sectors[sector]
        key = slug(base)
        binding = self.bindings.setdefault(key, Binding(Entry(key, base, "group")))
        if country and binding.entry.name == base and self.bindings.get(country) \
                and self.bindings[country].entry.kind == "country":
            demonym = demonym or demonym_of(self.gazetteer, country)
            if demonym:
                binding.entry = Entry(key, f"{demonym} {base}", "group")
                binding.add_alias(base)
        return key

    def is_person(self, actor_id: str) -> bool:
        binding = self.bindings.get(actor_id)
        return binding is not None and binding.entry.kind == "person"

    def head_actor(self, lemma: str, i: int) -> str | None:
        """The party a bare 'the government' at token ``i`` stands for: the one last named with
        that noun before it ('the Russian government ... the government'), else the first."""
        mentions = self.head_mentions.get(lemma)
        if not mentions:
            return self.heads.get(lemma)
        return self.head_before(lemma, i) or self.introduced.get(lemma) or mentions[0][1]

    def head_before(self, lemma: str, i: int) -> str | None:
        """The party 'the union' at ``i`` last stood for before it, if it was named with that noun."""
        before = [key for at, key in self.head_mentions.get(lemma, ()) if at < i]
        return before[-1] if before else None

    def company_head(self, lemma: str, i: int) -> str | None:
        """'the company' after 'The firm said' (which named Acacia Mining): the words for a company
        (data ``company_nouns``) stand for the company one of them last stood for before it."""
        nouns = self.gazetteer.words("company_nouns")
        if lemma not in nouns:
            return None
        before = [(at, key) for noun in nouns if noun != lemma for at, key in self.head_mentions.get(noun, ())
                  if at < i] + [(at, key) for at, key in self.company_reads if at < i]
        return max(before)[1] if before else None

    def describe(self, token: Token) -> str | None:
        """A body the article names only by description ('a steelworkers' union in Sudbury'):
        a party of its own, named by its noun, which later 'the union' also stands for."""
        lemma = token.lemma_.lower()
        described = self.gazetteer.nouns["described"]
        if token.pos_ == "NOUN" and lemma in self.gazetteer.nouns["titles"]:
            body = next((c for c in token.children if c.dep_ == "compound" and c.lemma_.lower() in described), None)
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if body is None and of is not None:  # "Members of 25 political parties"
                body = next((c for c in of.children if c.dep_ == "pobj" and c.lemma_.lower() in described), None)
            if body is not None:  # "Union officials"
                token, lemma = body, body.lemma_.lower()
            elif self.home and not any(c.dep_ in {"poss", "compound", "amod"} for c in token.children
                                       if c.pos_ in {"PROPN", "NOUN"}):
                return self.home  # "a minister told parliament": an official of the article's country
        sector = sector_word(self, token)
        if sector:
            return self.sector_party(sector)
        if token.pos_ == "NOUN" and token.tag_ == "NN" and f"{lemma}s" in self.gazetteer.words("groups") \
                and lemma not in described:
            return self.bind(Entry(slug(f"{lemma}s"), f"{lemma}s", "group"))  # "said one protester"
        if token.pos_ not in {"NOUN", "PROPN"} or lemma not in described or is_media(token):
            return None
        key = (self.head_before(lemma, token.i) or self.introduced.get(lemma) or self.head_actor(lemma, token.i)
               or self.company_head(lemma, token.i)
               or _last_organization(self, token, lemma)
               or self.bind(Entry(slug(f"the {lemma}"), f"the {token.lower_}", "group")))  # "the employers"
        self.heads.setdefault(lemma, key)
        if lemma in self.gazetteer.words("company_nouns") and self.bindings[key].entry.kind == "organization":
            self.company_reads.append((token.i, key))
        return key

    def named_speaker(self, token: Token) -> str | None:
        """A speaker named by a proper noun that no pass bound ('Ellis said', tagged as nothing):
        a party of their own, as the annotation guideline's fallback says; never an outlet."""
        capitalised = token.is_title or token.text[:1].isupper() and not token.is_upper  # "SuperValu", "PayPal"
        if token.pos_ != "PROPN" or not capitalised or is_media(token) or token.text in self.gazetteer.media:
            return None
        if self.is_masthead(token):
            return None  # "The Sydney Morning Herald reported": a newspaper
        parts = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i]
        start = min([token.i, *(c.i for c in parts)])
        titles = self.gazetteer.words("titles")
        titled = [c.i for c in parts if c.lower_ in titles or c.lemma_.lower() in titles
                  or c.text.rstrip(".") in self.gazetteer.words("honorifics")]
        if titled:  # "Richmond Mayor Stuart Parsons", "Dr Ruto": the person is after the title
            start = max(titled) + 1
        name = POSSESSIVE.sub("", self.doc[start: token.i + 1].text).strip()
        roles = self.gazetteer.role_words
        if not name or name.lower() in titles or all(word in roles for word in name.lower().split()):
            return None  # "the Senior Special Assistant said": a title, no name
        outsiders = self.gazetteer.words("outsiders")
        described = [t for c in token.children if c.dep_ in {"appos", "compound", "amod"} for t in c.subtree]
        if any(t.lemma_.lower() in outsiders or t.lower_ in outsiders for t in described):
            return None  # "Mirette Mabrouk, an analyst at ...": a commentator, not a party
        state = _portfolio_state(self, name.lower().split()[-1]) or self.home if all(
            word in self.gazetteer.words("portfolios") for word in name.lower().split()) else None
        if state:
            return state  # "Treasury said": a department of the story's state
        key = self.people.get(name) or self.people.get(name.split()[-1]) or knowledge_party(self, name)
        if key is None:
            described = any(c.dep_ == "compound" and c.lemma_.lower() in self.gazetteer.words("company_nouns")
                            for c in token.children)  # "Irish retailer SuperValu", whatever the tagger says
            kind = "organization" if (token.ent_type_ == "ORG" or described) and not titled else "person"
            key = self.bind(Entry(slug(name), name, kind))
            _remember_person(self, name, key)
        for i in range(start, token.i + 1):
            self.token_actor.setdefault(i, key)
        return key

    def actor_at(self, i: int) -> str | None:
        """The party the token at ``i`` names, if any."""
        return self.token_actor.get(i)

    def names_company(self, token: Token) -> bool:
        """Whether ``token`` is a word of the name of the company it is bound to, a name that ends
        in a corporate word ('Mining' in 'Acacia Mining': data ``corporate``), not a person."""
        key = self.token_actor.get(token.i)
        binding = self.bindings.get(key) if key else None
        if binding is None or binding.entry.kind != "organization":
            return False
        words = binding.entry.name.split()
        return token.text in words and words[-1].rstrip(".") in self.gazetteer.words("corporate")

    def mentions(self) -> dict[int, str]:
        """A copy of every token index -> the party it names."""
        return dict(self.token_actor)

    def person_party(self, name: str) -> str | None:
        """The party of a person the article named ('Ryabkov', 'Sergei Ryabkov'), if bound."""
        return self.people.get(POSSESSIVE.sub("", name))

    def person_names(self) -> list[str]:
        """The names of the people the article named and bound to a party."""
        return list(self.people)

    def speaks_for_client(self, name: str) -> bool:
        """Whether the person named is counsel or an agent of a client ('Igboho's counsel, led by X')."""
        return name in self.agents

    def kind_of(self, actor_id: str) -> str | None:
        """'country', 'organization', 'group' or 'person' (None for no such party)."""
        binding = self.bindings.get(actor_id)
        return binding.entry.kind if binding else None

    def name_of(self, actor_id: str) -> str:
        binding = self.bindings.get(actor_id)
        return binding.entry.name if binding else actor_id

    def bind_person(self, name: str, reason: str) -> str:
        """A person as a party of their own (rivals.py), with why."""
        key = self.bind(Entry(slug(name), name, "person"))
        self.note(key, reason)
        return key

    def words(self, name: str) -> frozenset[str]:
        """One word list of actors.toml [nouns] ('titles', 'documents', 'outsiders', ...)."""
        return self.gazetteer.words(name)

    def is_outlet(self, text: str) -> bool:
        """Whether ``text`` names a news outlet ('VOA', 'the BBC' without its article)."""
        return text in self.gazetteer.media or text in self.outlets

    def is_masthead(self, token: Token) -> bool:
        """Whether a capitalised word after 'the' ends a newspaper's name ('The Sydney Morning Herald
        reported', 'told the Gazette'), whatever the tagger made of it (data: ``masthead_words``)."""
        return token.is_title and token.lower_ in self.gazetteer.words("masthead_words") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children)

    def resolve(self, token: Token) -> str | None:
        """The party a noun phrase headed by ``token`` stands for, if any."""
        return resolve_phrase(self, token)


def find_actors(doc: Doc, article: Article) -> ActorTable:
    """Build the actor table of an article from its parsed Doc."""
    doc.user_data.setdefault("reader_text", article.text)  # Doc.text rebuilds the string each call
    table = ActorTable(doc=doc, gazetteer=load_gazetteer(), date=_article_date(article))
    mark_gazetteer_mentions(table, doc)
    table.title_end = article.paragraphs[0].end if article.title and article.paragraphs else 0
    table.home = first_country(table, doc, headline=bool(article.title)) or dateline_country(table, doc, article) \
        or first_place(table, doc, article)
    if article.title and table.home and _weak_home(table, doc):
        table.home = dateline_country(table, doc, article) or table.home
    rescue_misspelled_capitals(table, doc)
    mark_organizations(table, doc)
    mark_known_organizations(table, doc)
    mark_described_names(table, doc)
    learn_abbreviations(table, doc)
    learn_initials(table, doc)
    mark_acronyms(table, doc)
    mark_regional_governments(table, doc)
    mark_police(table, doc)
    mark_company_unions(table, doc)
    mark_courts(table, doc)
    learn_heads(table, doc, table.title_end)  # 'a spokesman for the court' after 'the Federal Administrative Court'
    learn_sector_owners(table, doc)  # 'the rebels' is the TPLF wherever the story writes 'the TPLF rebels'
    bind_people(table, doc)
    mark_groups(table, doc)
    merge_represented_groups(table, doc)
    learn_heads(table, doc, table.title_end)
    rebind_lone_people(table, doc)
    merge_bare_heads(table)
    learn_abbreviations(table, doc)  # again: a name known only by its head noun ('the Ministry of ...')
    learn_office_initials(table, doc)
    merge_boards(table)
    return table


def merge_bare_heads(table: ActorTable) -> None:
    """'the Tribunal' after 'the appellate telecom tribunal, TDSAT': a body named by one capitalised
    word the story uses for a body it names in full is that body, not a party of its own."""
    words = table.gazetteer.words("described") | table.gazetteer.words("bodies")
    for key, binding in list(table.bindings.items()):
        name = binding.entry.name
        target = table.heads.get(name.lower())
        if binding.entry.kind != "organization" or name.lower() not in words or not name.istitle() \
                or target in {None, key}:
            continue
        if target in table.bindings and not table.is_person(target):
            table.merge(key, target)
            table.bindings[target].add_alias(name)


def learn_office_initials(table: ActorTable, doc: Doc) -> None:
    """'the Pakistan PMO' after 'the Prime Minister's Office', 'a MOFA spokesman' after 'the Ministry
    of Foreign Affairs': an all-capitals word that spells the initials of a state office the story
    names (capitalised words around an ``office_words`` word) is the country named right before
    it, else the country the office stands for; not a body of its own."""
    offices = _office_initials(table, doc)
    if not offices:
        return
    words = _token_texts(doc)
    spelled = {words[i] for i in _parenthesized(words)}
    for i, word in enumerate(words):
        text = POSSESSIVE.sub("", word)
        if not text.isupper() or text not in offices or text in spelled:
            continue  # (an abbreviation the story spells out in parentheses names what it follows)
        before = table.token_actor.get(i - 1) if i else None  # "the Pakistan PMO"
        before = before if before is not None and table.bindings[before].entry.kind == "country" else None
        key, current = before or offices[text], table.token_actor.get(i)
        if key is None or current == key or current is not None and table.bindings[current].entry.name != text:
            continue
        table.token_actor[i] = key
        table.bindings[key].add_alias(text)
        if current is not None:
            table.merge(current, key)


def _office_word(table: ActorTable, token: Token) -> bool:
    """A capitalised word of an office's name, not the country it belongs to ('... of Japan')."""
    key = table.token_actor.get(token.i)
    return token.is_title and token.ent_type_ != "GPE" and (key is None or table.bindings[key].entry.kind != "country")


def _office_initials(table: ActorTable, doc: Doc) -> dict[str, str | None]:
    """{initials: the party it stands for, if known} of the state offices named in full ('Prime
    Minister's Office': 'PMO'; 'Ministry of Foreign Affairs': 'MFA' and 'MOFA')."""
    bodies, skip = table.gazetteer.words("office_words"), table.gazetteer.words("initials_skip")
    found: dict[str, str | None] = {}
    for index, text in enumerate(_token_texts(doc)):
        if text.lower() not in bodies or not text.istitle():
            continue  # (only the candidate tokens are made)
        token = doc[index]
        words, i = [token.text], token.i - 1
        while i >= 0 and (doc[i].is_title or doc[i].lower_ in skip or doc[i].text in {"'s", "’s"}) \
                and doc[i].lower_ != "the":
            words.insert(0, doc[i].text)
            i -= 1
        first, i = i + 1, token.i + 1
        while i + 1 < len(doc) and doc[i].lower_ in skip and _office_word(table, doc[i + 1]):
            words += [doc[i].text, doc[i + 1].text]  # "Ministry of Foreign Affairs" (not "... of Japan")
            i += 2
            while i < len(doc) and _office_word(table, doc[i]):
                words.append(doc[i].text)
                i += 1
        owners = {table.token_actor.get(t) for t in range(first, i)} - {None}
        if any(table.bindings[k].entry.kind != "country" for k in owners):
            continue  # "the All People's Congress": a party of its own, no state office
        words = [w for w in words if w[:1].isalpha()]
        key = table.resolve(token)
        key = key if key is not None and table.bindings[key].entry.kind == "country" else None
        for letters in ("".join(w[0] for w in words if w.lower() not in skip), "".join(w[0].upper() for w in words)):
            if len(letters) >= 2 and found.get(letters) is None:
                found[letters] = key
    return found


BOARD = re.compile(r"^(?P<body>.+?)(?:['’]s)? board(?: of directors)?$", re.IGNORECASE)


def merge_boards(table: ActorTable) -> None:
    """'Chiquita Board of Directors', "Chiquita's Board": a company's board speaks for the company
    the story names ('Chiquita', 'Chiquita Brands International Inc.')."""
    for key, binding in list(table.bindings.items()):
        found = BOARD.match(binding.entry.name) if binding.entry.kind == "organization" else None
        if found is None:
            continue
        body = found["body"].strip()
        target = next((k for k, b in table.bindings.items() if k != key and b.entry.kind == "organization"
                       and (b.entry.name == body or b.entry.name.startswith(f"{body} "))), None)
        if target is not None:
            table.merge(key, target)
            table.bindings[target].add_alias(binding.entry.name)


def _article_date(article: Article) -> dt.date | None:
    """The day the article was published (metadata or dateline), for people's dated roles."""
    try:
        return dt.date.fromisoformat(article.published) if article.published else None
    except ValueError:
        return None


def entities(doc: Doc) -> tuple[Span, ...]:
    """The Doc's entities, built once (Doc.ents makes new Span objects on every call), a person's
    without the title the tagger took in at a sentence's start ('Lawyer Anna Berg' is Anna Berg)."""
    if "reader_ents" not in doc.user_data:
        gazetteer = load_gazetteer()
        titles = gazetteer.words("titles")
        ents = _joined_names(list(doc.ents), gazetteer.words("joined_name_heads"))
        portfolios = gazetteer.words("portfolios")
        ents = [_honoured(ent, gazetteer.words("honorifics")) for ent in ents]
        ents = [_with_given_names(ent, titles | {w.lower() for w in gazetteer.words("honorifics")}) for ent in ents]
        ents = [_untitled(ent, titles, portfolios) for ent in ents  # (not "Senior Special Assistant": a role)
                if not (ent.label_ == "PERSON" and all(t.lower_ in gazetteer.role_words for t in ent))]
        text = doc.user_data.get("reader_text") or doc.text
        headline_end = _headline_end(text)
        doc.user_data["reader_ents"] = tuple(_headline_word_cut(ent, text, headline_end) for ent in ents)
    return doc.user_data["reader_ents"]


def _headline_end(text: str) -> int:
    """Where a first paragraph that reads as a headline ends; -1 when there is none (a first
    paragraph that ends a sentence is no headline: "Twitter Inc on Tuesday sued ...")."""
    first_end = text.find("\n\n")
    return -1 if first_end < 0 or text[:first_end].rstrip().endswith((".", "!", "?", '"', "”")) else first_end


NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v"}


def _headline_word_cut(ent: Span, text: str, headline_end: int) -> Span:
    """'Saakashvili Gives Abashidze Last Chance': in a headline set in title case the tagger runs a
    name into the next word; a name never written so again, whose shorter form the story uses, is
    the shorter one ('Saakashvili')."""
    if ent.label_ != "PERSON" or len(ent) < 2 or headline_end < 0 or ent.end_char > headline_end:
        return ent
    rest = text[headline_end:]
    shorter = ent.doc[ent.start : ent.end - 1]
    if ent.text not in rest and re.search(rf"\b{re.escape(shorter.text)}\b", rest):
        return Span(ent.doc, shorter.start, shorter.end, label=ent.label_)
    return ent


def _joined_names(ents: list[Span], heads: frozenset[str]) -> list[Span]:
    """One body's name the tagger cut at 'and' ('the Kenya Medical Practitioners Pharmacists | and |
    Dentists' Union'): a first part ending in a plural, 'and', and a part ending in a word for a
    body (data: ``joined_name_heads``) are one organisation ('Microsoft and Apple Inc' stay two)."""
    out: list[Span] = []
    for ent in ents:
        ent = _name_before_and(ent, heads)
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "ORG" and ent.label_ == "ORG" and ent.start == prev.end + 1 \
                and ent.doc[prev.end].lower_ == "and" and prev[-1].tag_ in {"NNPS", "NNS"} \
                and POSSESSIVE.sub("", ent[-1].text).lower() in heads:
            out[-1] = Span(ent.doc, prev.start, ent.end, label="ORG")
            continue
        if prev is not None and _body_of_name(prev, ent):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="ORG")
            continue
        out.append(ent)
    return out


def _body_of_name(prev: Span, ent: Span) -> bool:
    """'Army | of | Islam', 'Party | of | God': one capitalised word the tagger took for a body
    and a name after 'of' it also took for one are one body's name."""
    doc = ent.doc
    return prev.label_ == ent.label_ == "ORG" and len(prev) == 1 and prev[0].is_title \
        and ent.start == prev.end + 1 and doc[prev.end].lower_ == "of" and ent[0].is_title


def _with_given_names(ent: Span, titles: frozenset[str]) -> Span:
    """'Filipe | Nyusi': capitalised name words right before a person's name that the tagger left
    out of it (no entity of their own, no title, not a sentence's first word) are part of the name
    when the knowledge base knows the longer name ('Commodore | Voreqe Bainimarama' stays as it is)."""
    if ent.label_ != "PERSON":
        return ent
    doc, start = ent.doc, ent.start
    while start > 0 and ent.start - start < 2:
        word = doc[start - 1]
        if word.pos_ != "PROPN" or not word.is_title or word.ent_type_ or word.is_sent_start \
                or word.lower_.rstrip(".") in titles or "\n" in word.text_with_ws:
            break
        start -= 1
    if start == ent.start:
        return ent
    from . import knowledge

    longer = Span(doc, start, ent.end, label="PERSON")
    return longer if knowledge.known_person(POSSESSIVE.sub("", longer.text)) else ent


def _name_before_and(ent: Span, heads: frozenset[str]) -> Span:
    """'The Employment and | Labour Relations Court': a body's name whose first capitalised word
    before 'and' the tagger left out (no entity of its own, right after 'the')."""
    doc, start = ent.doc, ent.start
    if ent.label_ != "ORG" or start < 2 or doc[start - 1].lower_ != "and" or not ent[0].is_title \
            or POSSESSIVE.sub("", ent[-1].text).lower() not in heads:
        return ent
    word = doc[start - 2]
    if not word.is_title or word.ent_type_ not in {"", "GPE", "ORG"} or word.ent_iob_ == "I" \
            or doc[start - 1].ent_iob_ == "I":
        return ent  # ("Newfoundland and | Labrador Nurses' Union": a place of two names)
    if not (word.is_sent_start or doc[start - 3].lower_ == "the"):
        return ent
    return Span(doc, start - 2, ent.end, label="ORG")


def _honoured(ent: Span, honorifics: frozenset[str]) -> Span:
    """'The Honourable Chrystia Freeland', 'Hon. Jim Carr' that the tagger took for an organisation,
    or took in with its honorific: the person, by name."""
    start = ent.start + (ent[0].lower_ == "the")
    if start >= ent.end or ent.doc[start].text.rstrip(".") not in honorifics or ent.label_ not in {"ORG", "PERSON"}:
        return ent
    while start < ent.end - 1 and ent.doc[start].text.rstrip(".") in honorifics:
        start += 1
    return Span(ent.doc, start, ent.end, label="PERSON")


def _untitled(ent: Span, titles: frozenset[str], portfolios: frozenset[str]) -> Span:
    """A person's name without the title words the tagger took in ('Lawyer Anna Berg'), nor the
    end of a portfolio ('Minister for Education and | Training Jeremy Rockliff')."""
    start, doc = ent.start, ent.doc
    in_title = start > 0 and doc[start - 1].lower_ in {"and", "for", "of", "&"}
    while ent.label_ == "PERSON" and start < ent.end - 1 and (
            doc[start].lower_ in titles or in_title and doc[start].lower_ in portfolios):
        start += 1
    return ent if start == ent.start else Span(ent.doc, start, ent.end, label=ent.label_)


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity holding token ``i``: a binary search (entities are in order and never overlap)."""
    ents = entities(doc)
    starts = doc.user_data.get("reader_ent_starts")
    if starts is None or len(starts) != len(ents):
        starts = doc.user_data["reader_ent_starts"] = [e.start for e in ents]
    k = bisect_right(starts, i) - 1
    return ents[k] if k >= 0 and i < ents[k].end else None


# --- gazetteer mentions -------------------------------------------------------------------

def mark_gazetteer_mentions(table: ActorTable, doc: Doc) -> None:
    gaz = table.gazetteer
    for start, end, surface, is_modifier in _candidate_spans(doc, gaz):
        key = gaz.demonyms.get(surface) if is_modifier else gaz.names.get(surface)
        if key is None or any(i in table.token_actor for i in range(start, end)) or _allegiance(doc, start, end, gaz):
            continue
        if _inside_person(doc, start, end, surface) or _inside_place(doc, start, end):
            continue
        community = _community(doc, end, surface, key, gaz) if is_modifier else None
        if community is not None:
            key, end = table.bind(community[0]), community[1]
        else:
            table.bind(gaz.entries[key], "" if is_modifier else surface)
        for i in range(start, end):
            table.token_actor[i] = key
            if is_modifier:
                table.modifier_tokens.add(i)


def _community(doc: Doc, end: int, surface: str, key: str, gaz: Gazetteer) -> tuple[Entry, int] | None:
    """'Turkish-Cypriot leader', 'Turkish Cypriots', 'Greek Cypriot negotiators': a demonym right
    after another one (a hyphen between) names a community of people, a side of its own, not the
    first country's state; (its entry, the end of the pair). Not 'Chinese-Indian relations': two
    sides (data: ``bilateral_nouns``)."""
    second = end + 1 if end < len(doc) and doc[end].text == "-" else end
    if second >= len(doc) or not doc[second].is_title:
        return None
    word = doc[second].text
    singular = word[:-1] if word.endswith("s") and word[:-1] in gaz.demonyms else word
    other = gaz.demonyms.get(singular)
    if other is None or other == key:
        return None
    known = gaz.demonyms.get(f"{surface} {singular}")  # "Turkish Cypriots": Northern Cyprus's people
    if known is not None:
        return gaz.entries[known], second + 1
    if second + 1 < len(doc) and doc[second + 1].lower_ in gaz.words("bilateral_nouns"):
        return None
    name = _plural(f"{surface} {singular}")
    return Entry(slug(name), name, "group"), second + 1


def _inside_place(doc: Doc, start: int, end: int) -> bool:
    """'New Jersey', 'New Mexico', 'West Virginia': the end of another place's name the tagger
    reads as one place (a name the gazetteer knows whole, 'South Sudan', is matched before)."""
    if start == 0 or doc[start].ent_iob_ != "I" or doc[start].ent_type_ not in {"GPE", "LOC"}:
        return False
    before = doc[start - 1]
    return before.is_title and before.pos_ == "PROPN" and before.ent_type_ == doc[start].ent_type_ \
        and before.lower_ not in load_gazetteer().words("compass_words")  # ("Northern Syria" is Syria)


def _allegiance(doc: Doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """'pro-Russia separatists', 'the Russian-backed president': a country named as whom someone
    sides with or is backed by, not the one who speaks."""
    words = gaz.words("allegiance_words")
    before = start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in words
    after = end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in words
    return before or after


def _candidate_spans(doc: Doc, gaz: Gazetteer):
    """Longest-first spans of up to six tokens whose text is a known name or demonym."""
    n = len(doc)
    columns = doc.to_array([IDX, LENGTH]).tolist()  # one call instead of a Token per attribute
    starts = [row[0] for row in columns]
    ends = [row[0] + row[1] for row in columns]
    text = doc.user_data.get("reader_text") or doc.text
    capital = [text[start: start + 1].isupper() for start in starts]
    i = 0
    while i < n:
        if not capital[i]:
            i += 1
            continue
        length = _longest_name(text, starts, ends, i, n, gaz)
        if length:
            yield i, i + length, _surface(text, starts[i], ends[i + length - 1], length), False
            i += length
            continue
        length = _longest_demonym(text, starts, ends, i, n, gaz)  # "Korean" alone is none: "South Korean"
        inside_name = i > 0 and doc[i].ent_iob_ == "I" and doc[i - 1].pos_ == "PROPN"  # "Anglo American", a company
        if length and doc[i + length - 1].pos_ in {"ADJ", "PROPN", "NOUN"} and not inside_name:
            yield i, i + length, _surface(text, starts[i], ends[i + length - 1], 1), True
            i += length
            continue
        i += 1


def _surface(text: str, start: int, end: int, length: int) -> str:
    surface = text[start:end]
    return POSSESSIVE.sub("", surface) if length == 1 else surface


def _longest_name(text: str, starts: list[int], ends: list[int], i: int, n: int, gaz: Gazetteer) -> int:
    for length in range(min(6, n - i), 0, -1):
        surface = _surface(text, starts[i], ends[i + length - 1], length)
        if surface in gaz.names:
            return length
    return 0


def _longest_demonym(text: str, starts: list[int], ends: list[int], i: int, n: int, gaz: Gazetteer) -> int:
    for length in range(min(3, n - i), 0, -1):
        if _surface(text, starts[i], ends[i + length - 1], 1) in gaz.demonyms:
            return length
    return 0


def _inside_person(doc: Doc, start: int, end: int, surface: str) -> bool:
    """A name inside a longer person's name ('Jordan' in 'Michael Jordan'); a country the tagger
    took for a person ("Sri Lanka's") is still the country."""
    if doc[start].ent_type_ != "PERSON":
        return False
    ent = next((e for e in entities(doc) if e.start <= start < e.end), None)
    return ent is not None and len(POSSESSIVE.sub("", ent.text).strip()) > len(surface)


def learn_abbreviations(table: ActorTable, doc: Doc) -> None:
    """'the Democratic People's Republic of Korea (DPRK)' makes every later 'DPRK' that country."""
    learned: dict[str, str] = {}
    words = _token_texts(doc)
    for i in _parenthesized(words):
        if _abbreviation(words[i]):
            key = _spelled_before(table, doc, i - 1, words[i]) or _described_before(table, doc[i - 2], words[i]) \
                or _named_before(table, doc[i - 2])
            if key:
                learned[words[i]] = key
        elif _short_name(table, words[i]):
            key = table.token_actor.get(i - 2)  # "the Argentine Union of Rural Workers and Longshoremen (Uatre)"
            if key and table.bindings[key].entry.kind == "organization":
                learned[words[i]] = key
    if not learned:
        return
    for i, word in enumerate(words):
        text = POSSESSIVE.sub("", word)
        key = learned.get(text)
        current = table.token_actor.get(i)
        if key and (current is None or table.bindings[current].entry.name == text):
            table.token_actor[i] = key
            table.bindings[key].add_alias(text)
    for text, key in learned.items():  # the abbreviation was taken for a party of its own
        if slug(text) in table.bindings and slug(text) != key:
            table.merge(slug(text), key)  # its people and mentions follow ('Kamara' of the 'APC')


def _short_name(table: ActorTable, text: str) -> bool:
    """'Uatre', 'Fedecamaras': one capitalised word that names no place or outlet, set in
    parentheses after an organisation's name: the short name the story will use for it."""
    return 3 <= len(text) <= 12 and text.isalpha() and text.istitle() and text not in table.gazetteer.names \
        and not table.is_outlet(text)


def _parenthesized(words: list[str]) -> list[int]:
    """Indexes of the words standing alone in parentheses ('(DPRK)')."""
    return [i for i in range(1, len(words) - 1) if words[i - 1] == "(" and words[i + 1].startswith(")")]


def _spelled_before(table: ActorTable, doc: Doc, paren: int, abbreviation: str) -> str | None:
    """'the rebel Justice and Equality Movement (JEM)': the capitalised words before the parenthesis
    whose initials spell the abbreviation name one organisation, however the tagger cut them."""
    start, initials = paren, ""
    while start > 0 and len(initials) < len(abbreviation):
        word = doc[start - 1]
        if (word.lower_ in ORG_RUN_JOINERS or word.lower_ == "in") and initials:  # "Cricket in India"
            start -= 1
            continue
        if not word.text[:1].isupper():
            break
        initials = word.text[0] + initials
        start -= 1
    if initials != abbreviation or paren - start < 2 or doc[start].lower_ in ORG_RUN_JOINERS:
        return None
    bound = {table.token_actor.get(i) for i in range(start, paren)}
    if len(bound) == 1 and None not in bound:
        return bound.pop()  # already one party ("the Democratic People's Republic of Korea")
    placed = {table.token_actor.get(i) for i in range(start + 1, paren) if _after_of_or_in(doc, i)}
    bound -= placed - {None}  # "... for Cricket in India", "... of the Niger Delta": the place says where
    if any(k and table.bindings[k].entry.kind != "organization" for k in bound):
        return None
    key = bind_organization(table, doc[start:paren].text, range(start, paren))
    for old in {k for k in bound if k and k != key}:
        table.merge(old, key)  # "Justice" and "Equality Movement", cut by the tagger
    return key


def _after_of_or_in(doc: Doc, i: int) -> bool:
    """'of Korea', 'in India', 'of the Niger Delta': a word of a place that says where a body is."""
    j = i - 1
    while j > 0 and (doc[j].lower_ == "the" or doc[j].is_title):
        j -= 1  # over "the" and the place's other words
    return doc[j].lower_ in {"of", "in"}


def _described_before(table: ActorTable, token: Token, abbreviation: str) -> str | None:
    """'Greece's port employees federation (OMYLE)': a body described in lower case, then its
    abbreviation, is a body of that name (not the country that owns the description)."""
    if not token.is_lower or token.i in table.token_actor or token.lemma_ not in table.gazetteer.words("civil_bodies"):
        return None
    key = table.bind(Entry(slug(abbreviation), abbreviation, "organization"))
    table.token_actor[token.i] = key
    return key


def _named_before(table: ActorTable, token: Token) -> str | None:
    """The party of the name that ends at ``token``: its own mention, or that of the noun heading
    it, or a head noun already learned ('The Ministry of Commerce' after 'China's commerce ministry')."""
    for candidate in (token, token.head, token.head.head):
        key = table.token_actor.get(candidate.i)
        if key is None and candidate.pos_ in {"NOUN", "PROPN"}:
            key = table.head_actor(candidate.lemma_.lower(), candidate.i)
        if key and candidate is not token and token.dep_ == "appos" and table.bindings[key].entry.kind == "country":
            continue  # "Sierra Leone's main opposition party, the All People's Congress (APC)": not the country
        if key:
            return key
    return None


def _abbreviation(text: str) -> bool:
    """'DPRK', 'CEA', 'MofCom', 'UNICEF': a short word of capitals (two at least, the first one too)."""
    return 1 < len(text) <= 10 and text[0].isupper() and text.isalpha() and sum(c.isupper() for c in text) >= 2




def learn_initials(table: ActorTable, doc: Doc) -> None:
    """'CEA' for the 'Columbus Education Association' named elsewhere in the story, even with no
    '(CEA)' after it: an all-capitals word that spells a named organisation's initials."""
    initials: dict[str, str] = {}
    for key, binding in table.bindings.items():
        if binding.entry.kind not in {"organization", "group"}:
            continue
        words = [w for w in binding.entry.name.split() if w.lower() not in table.gazetteer.words("initials_skip")]
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            initials.setdefault("".join(w[0] for w in words), key)
            spelled = "".join(POSSESSIVE.sub("", w) if w.isupper() else w[0] for w in words)
            initials.setdefault(spelled, key)  # "CFLPA" for "CFL Players' Association"
    if not initials:
        return
    replaced: dict[str, str] = {}
    for i, word in enumerate(_token_texts(doc)):
        text = POSSESSIVE.sub("", word)
        key = initials.get(text) if len(text) > 1 and text.isupper() else None
        current = table.token_actor.get(i)
        if key and (current is None or table.bindings[current].entry.name == text):
            table.token_actor[i] = key  # also when the tagger took "NBPA" for a party of its own
            table.bindings[key].add_alias(text)
            if current is not None and current != key:
                replaced[current] = key
    for old, new in replaced.items():
        table.merge(old, new)


ACRONYM_PART = re.compile(r"^[A-Z]{2,}$")
ACRONYM_JOINERS = {"-", "/", "&"}


def mark_acronyms(table: ActorTable, doc: Doc) -> None:
    """'SAG-AFTRA said ...', 'NBPA', 'IAM': an all-capitals name that acts in the story (a subject,
    an owner, a title's party) is an organisation, whatever the tagger made of it."""
    skip = set(table.gazetteer.nouns.get("not_acronyms", ()))
    runs: dict[str, list[tuple[int, int]]] = {}
    i = 0
    while i < len(doc):
        end = _acronym_end(doc, i)
        if end > i:
            surface = doc[i:end].text
            written = _written_plain(doc, surface)
            plain = table.bindings.get(slug(surface)) if written else None
            if plain is not None and plain.entry.kind == "organization" and i not in table.token_actor:
                for t in range(i, end):  # "RENAMO" where the story also writes "Renamo": that body
                    table.token_actor[t] = plain.entry.key
            elif surface not in table.gazetteer.names and surface not in skip and len(surface) >= 3 \
                    and surface not in table.gazetteer.media and not written \
                    and not _capitals_lead(doc, i, end) and not _suffix_of_name(doc, i, end):
                runs.setdefault(surface, []).append((i, end))  # ("VOA reporter X": an outlet is no party)
            i = end
        else:
            i += 1
    for surface, spans in runs.items():
        bound = {table.token_actor[t] for start, end in spans for t in range(start, end) if t in table.token_actor}
        partial = {k for k in bound if k in table.bindings and table.bindings[k].entry.kind == "organization"
                   and table.bindings[k].entry.name.strip("-/& ") in surface
                   and table.bindings[k].entry.name.strip("-/& ") != surface}
        if bound - partial:
            continue  # already a party (an abbreviation learned, an organisation named)
        acting = any(doc[end - 1].dep_ in {"nsubj", "nsubjpass", "poss", "compound"} for _, end in spans)
        if not acting:
            continue
        key = table.bind(Entry(slug(surface), surface, "organization"))
        for start, end in spans:
            for t in range(start, end):
                table.token_actor[t] = key
        for old in partial:  # "SAG-" that the tagger cut from "SAG-AFTRA"
            table.merge(old, key)


def _person_words(table: ActorTable, doc: Doc) -> set[str]:
    """The words of people's names, but not one that only the headline's capitals made a person's
    and the story calls an organisation ('Apple' of a headline's 'Apple App Store')."""
    body = {part for e in entities(doc) if e.label_ == "PERSON" and e.start_char >= table.title_end
            for part in _person_name(e).split()}
    organizations = {part for e in entities(doc) if e.label_ == "ORG" and e.start_char >= table.title_end
                     for part in _person_name(e).split()}
    return {part for e in entities(doc) if e.label_ == "PERSON" for part in _person_name(e).split()
            if part in body or part not in organizations}


def _written_plain(doc: Doc, surface: str) -> bool:
    """'KITWE District Commissioner ...' after the headline's 'Kitwe DC condemns ...': a word the
    story also writes in lower case after its capital is a name set in capitals (a dateline's
    place), not an abbreviation."""
    text = doc.user_data.get("reader_text") or doc.text
    return len(surface) >= 4 and surface.isalpha() and re.search(rf"\b{surface.title()}\b", text) is not None


def _capitals_lead(doc: Doc, start: int, end: int) -> bool:
    """'FRENCH PHARMACEUTICAL giant Sanofi': words set in capitals by the paper's style (a long
    word, or one next to another word in capitals), not an abbreviation."""
    def capital_word(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].is_alpha and doc[i].is_upper and len(doc[i]) >= 4
    return end - start == 1 and (len(doc[start]) > 8 or capital_word(start - 1) or capital_word(end))


def _suffix_of_name(doc: Doc, start: int, end: int) -> bool:
    """'III' of 'Francisco T. Duque III': the end of a person's name, not an abbreviation."""
    return end - start == 1 and doc[start].lower_ in NAME_SUFFIXES and start > 0 \
        and doc[start - 1].ent_type_ == "PERSON"


def _acronym_end(doc: Doc, i: int) -> int:
    """The end of an all-capitals name starting at token ``i`` ('SAG', '-', 'AFTRA'), or ``i``."""
    if not ACRONYM_PART.match(doc[i].text):
        return i
    end = i + 1
    while (end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in ACRONYM_JOINERS
           and not doc[end].whitespace_ and ACRONYM_PART.match(doc[end + 1].text)):
        end += 2
    return end


def first_country(table: ActorTable, doc: Doc, headline: bool = False) -> str | None:
    """The country that is the subject of the article's first sentence ("UK urges US to ..."):
    the party of officials the article names by title only ("Foreign Secretary Dominic Raab")."""
    first = next(iter(doc.sents), None)
    if first is None:
        return None
    subjects = [t for t in first if t.dep_ in {"nsubj", "nsubjpass"}]
    if not headline:  # in a body sentence only the main subject ('Roe said that Venezuela must ...')
        subjects = [t for t in subjects if t.head == first.root]
    for subject in subjects:
        key = table.token_actor.get(subject.i) or _modifier_actor(table, subject)
        if key and table.bindings[key].entry.kind == "country":
            return key  # "Sri Lanka's president will not resign, says minister" -> Sri Lanka
    return None


def _weak_home(table: ActorTable, doc: Doc) -> bool:
    """Whether the headline gave the home only as a word before its subject ('China incursion
    reports a misrepresentation'), not as the subject or its owner ('UK urges ...', "Iran's Rohani
    says ..."): a dateline ('NEW DELHI:') then says better."""
    first = next(iter(doc.sents), None)
    for subject in (t for t in first or () if t.dep_ in {"nsubj", "nsubjpass"}):
        if table.token_actor.get(subject.i) == table.home or any(
                c.dep_ == "poss" and table.token_actor.get(c.i) == table.home for c in subject.children):
            return False
    return True


def first_place(table: ActorTable, doc: Doc, article: Article) -> str | None:
    """'Ontario's 55,000 education workers walked off the job': when no country opens the story,
    a place that owns the subject of its first body sentence (a province, a state, a city) is the
    story's home: its ministers and officials named by title speak for it."""
    start = article.paragraphs[1].start if article.title and len(article.paragraphs) > 1 else 0
    first = next((s for s in doc.sents if s.end_char > start  # past a dateline ('TORONTO -')
                  and any(t.dep_ in {"nsubj", "nsubjpass"} for t in s)), None)
    if first is None:
        return None
    for subject in (t for t in first if t.dep_ in {"nsubj", "nsubjpass"} and t.head == first.root):
        for owner in subject.children:
            if owner.dep_ in {"poss", "compound"} and owner.ent_type_ == "GPE" and owner.i not in table.token_actor:
                place = entity_at(doc, owner.i)
                if place is not None and not _allegiance(doc, place.start, place.end, table.gazetteer):
                    return _bind_place(table, place)
    return None


def _bind_place(table: ActorTable, place: Span) -> str:
    """A place the gazetteer does not know as a party (a province, a state, a city), as one."""
    name = POSSESSIVE.sub("", place.text).strip()
    return table.bind(Entry(slug(name), name, "organization"))


DATELINE_ENDS = {",", ":", "(", "-", "\u2014", "\u2013", "--"}


def dateline_country(table: ActorTable, doc: Doc, article: Article) -> str | None:
    """'ISLAMABAD: ...', 'KHARTOUM, Dec 27 (dpa) -': the country whose capital opens the story's
    dateline is the story's country when its first sentence names none (officials named by
    title only speak for it)."""
    capitals = table.gazetteer.upper_capitals
    for paragraph in article.paragraphs[:3]:
        span = doc.char_span(paragraph.start, paragraph.end, alignment_mode="expand")
        words = []
        for token in span[:5] if span is not None else ():
            if not (token.is_upper and token.is_alpha and len(token.text) > 1):
                if words and token.text in DATELINE_ENDS and " ".join(words) in capitals:
                    key = capitals[" ".join(words)]
                    return table.bind(table.gazetteer.entries[key]) if key in table.gazetteer.entries else None
                break
            words.append(token.text)
    return None


def rescue_misspelled_capitals(table: ActorTable, doc: Doc) -> None:
    """'the government in Moss' -> Moscow, when Moscow's party is in the article."""
    known = {}
    for surface, key in table.gazetteer.capitals.items():
        if key in table.bindings:
            known[surface] = key
    if not known:
        return
    for i in _title_indexes(doc):
        token = doc[i]
        if token.i in table.token_actor or token.pos_ != "PROPN":
            continue
        if token.head.lower_ not in {"in", "from"} or token.head.head.lemma_ not in table.gazetteer.nouns["bodies"]:
            continue
        match = process.extractOne(token.text, list(known), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if match and match[0][0] == token.text[0]:
            table.token_actor[token.i] = known[match[0]]
            table.bindings[known[match[0]]].add_alias(token.text)


def _title_indexes(doc: Doc) -> list[int]:
    """Indexes of the title-case tokens, read from one array (no Token object for the others)."""
    return [i for i, title in enumerate(doc.to_array([IS_TITLE]).tolist()) if title]


# --- people -------------------------------------------------------------------------------

def bind_people(table: ActorTable, doc: Doc) -> None:
    """Bind each person to the party their title, apposition or possessor names.

    Titles before a name ("Russian Deputy Foreign Minister Sergei Ryabkov") are read first,
    over the whole article, so a first mention without one takes the binding of a later one.
    """
    people = [e for e in entities(doc) if e.label_ == "PERSON" and _person_name(e)]
    for ent in [e for e in people if _masthead(table, e, [t for t in e if t.lower_ != "the"])]:
        table.outlets.add(_person_name(ent))  # "telling the Gazette": a newspaper the tagger took for a person
        people.remove(ent)
    for ent in people:
        key = _party_before(table, ent)
        if key and _known_person(table, _person_name(ent)) is None:
            _remember_person(table, _person_name(ent), key)
            table.note(key, f"{_person_name(ent)}: title or owner before the name")
    for ent in people:
        if any(i in table.token_actor for i in range(ent.start, ent.end)):
            continue
        name = _person_name(ent)
        key = _person_party(table, ent, name)
        if key is None:
            key = table.bind(Entry(slug(name), name, "person"))
            table.note(key, f"{name}: no party known (their own)")
        elif table.is_person(key) and len(name) > len(table.bindings[key].entry.name) \
                and name.split()[-1] == table.bindings[key].entry.name.split()[-1]:
            old = table.bindings[key].entry  # "Musk" first, "Elon Musk" later: the full name
            table.bindings[key].entry = Entry(old.key, name, old.kind)
            table.bindings[key].add_alias(old.name)
            known = knowledge_party(table, name)  # "Saakashvili" in the headline, "Mikheil Saakashvili"
            if known and known != key:  # later: the knowledge base knows the full name's party
                table.merge(key, known)
                table.note(known, f"{name}: knowledge base")
                key = known
        _remember_person(table, name, key)
        for i in range(ent.start, ent.end):
            table.token_actor[i] = key


def _body_title(table: ActorTable, ent: Span) -> bool:
    """'union secretary Sam Otto', 'Company spokeswoman Ana Roe': a title right before the name,
    after a word for a body."""
    doc, words = ent.doc, table.gazetteer.words
    if ent.start < 2 or doc[ent.start - 1].lemma_.lower() not in words("titles"):
        return False
    return doc[ent.start - 2].lemma_.lower() in words("described")


def rebind_lone_people(table: ActorTable, doc: Doc) -> None:
    """A person left to themselves before the story's bodies were found ('union secretary Mary
    Kane', when 'the nurses' union' is a group found later) joins the body their title names."""
    for ent in entities(doc):
        key = table.token_actor.get(ent.start)
        if ent.label_ != "PERSON" or key is None or not table.is_person(key) or not _body_title(table, ent):
            continue  # (only a title naming a body: "Mr Letta has rejected the resignations of the PDL ministers")
        party = _group_of_member(table, ent, learn=False) or _party_of_person(table, ent)
        if party is None or party == key or table.is_person(party) or _has_agents(table, key):
            continue
        name = table.name(key)
        table.merge(key, party)
        table.note(party, f"{name}: title names the body")


def _has_agents(table: ActorTable, key: str) -> bool:
    """Whether people other than the person ``key`` speak for them (a lawyer for a client)."""
    own = set(table.name(key).split()) | {table.name(key)}
    return any(k == key and name not in own and not set(name.split()) & own for name, k in table.people.items())


def _person_party(table: ActorTable, ent: Span, name: str) -> str | None:
    """The party of a person, from the evidence in order: a binding already made (title, apposition,
    possessor anywhere in the article), kin, the phrase around the name, membership of a group,
    the knowledge base's role at the article's date, then a bare title (the party of the sentence
    before, or the story's country)."""
    passes = (
        ("named before with a party", lambda: _known_person(table, name)),
        ("short name of a body", lambda: _body_by_first_word(table, ent)),
        ("kin of", lambda: _family_of_person(table, ent)),
        ("represents a client", lambda: _client_of(table, ent) or _counsel_of(table, ent)),
        ("title, apposition or owner", lambda: _party_of_person(table, ent)),
        ("leads a body", lambda: _body_led(table, ent)),
        ("speaks for", lambda: _speaks_for(table, ent)),
        ("member of a group", lambda: _group_of_member(table, ent)),
        ("judge of the court", lambda: _court_of_judge(table, ent)),
        ("knowledge base", lambda: knowledge_party(table, name, titled=ent)),
        ("title names a place of its own", lambda: _place_in_title(table, ent)),
        ("official named by title", lambda: _party_just_before(table, ent)
         or (table.home if _state_title(table, ent) else None) or _bare_government(table, ent)
         if _has_title(table, ent) and not _private_title(table, ent) and not _outside_role(table, ent) else None),
    )
    for reason, find in passes:
        key = find()
        if key:
            table.note(key, f"{name}: {reason}")
            if reason == "represents a client":
                table.agents.add(name)
            return key
    return None


def _bare_government(table: ActorTable, ent: Span) -> str | None:
    """'the government', with no country named in the story: the party a minister named by title
    alone speaks for ('Minister for Education Jeremy Rockliff' in a state's story; data:
    ``cabinet_titles``)."""
    window = [t for t in _np_tokens(ent) if not (ent.start <= t.i < ent.end)]
    if not any(_cabinet_title(table, t) for t in window):
        return None
    for token in table.doc:
        if token.lower_ == "government" and token.dep_ != "compound" and not any(
                c.dep_ in {"compound", "amod", "poss", "nmod"} for c in token.children) \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return table.describe(token)
    return None


def _body_led(table: ActorTable, ent: Span) -> str | None:
    """'Nelson Chamisa, a lawyer who heads the Citizens Coalition for Change': the body a person
    is said to head or lead, named by its capitalised words whatever the tagger made of them
    ('Mohamed ElBaradei, who leads the opposition National Salvation Front, said')."""
    relative = [t for c in ent.root.children if c.dep_ == "relcl" for t in c.subtree]
    for token in [*_np_tokens(ent), *relative]:
        if token.dep_ != "dobj" or token.head.lemma_.lower() not in table.gazetteer.words("leading_verbs"):
            continue
        key = table.token_actor.get(token.i) or resolve_phrase(table, token)
        if key is None and token.pos_ == "PROPN" and token.is_title:
            words = [t for t in token.subtree if not (t.i == token.left_edge.i and t.lower_ == "the")]
            name = POSSESSIVE.sub("", ent.doc[words[0].i: words[-1].i + 1].text)
            key = bind_organization(table, name, (t.i for t in words))
        if key and not table.is_person(key):
            return key
    return None


def _client_of(table: ActorTable, ent: Span) -> str | None:
    """'William Burck of Quinn Emanuel, who represents McGahn': a lawyer or agent speaks for the
    client they are said to represent, not for their own firm (data: ``client_verbs``)."""
    relative = [c for c in ent.root.children if c.dep_ == "relcl"]
    relative += [g for c in ent.root.children if c.dep_ == "appos" for g in c.children if g.dep_ == "relcl"]
    for verb in relative:
        if verb.lemma_.lower() not in table.gazetteer.words("client_verbs") or negated(verb):
            continue
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            key = _client_named(table, obj)
            if key is not None:
                return key
    return None


def _counsel_of(table: ActorTable, ent: Span) -> str | None:
    """'Igboho's counsel, led by Chief Yomi Alliyu', 'Through senior counsel Fred Ngatia, Dr Ruto
    urged the court': counsel speak for the client the phrase names (data: ``counsel_nouns``)."""
    counsel = table.gazetteer.words("counsel_nouns")
    root = ent.root
    led = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "by" else None
    if led is not None and led.lemma_.lower() == "lead" and led.dep_ == "acl" and led.head.lower_ in counsel:
        for owner in (c for c in led.head.children if c.dep_ == "poss"):
            key = _client_named(table, owner) or (table.named_speaker(owner) if owner.pos_ == "PROPN" else None)
            if key:
                return key  # (a client with no party of their own is their own party)
    titled = any(t.lower_ in counsel for t in ent.doc[max(0, ent.start - 2): ent.start])
    through = root.head if root.dep_ == "pobj" and root.head.lower_ == "through" else None
    if titled and through is not None and through.head.pos_ in {"VERB", "AUX"}:
        for subject in (c for c in through.head.children if c.dep_ in {"nsubj", "nsubjpass"}):
            key = _client_named(table, subject)
            if key and key != table.people.get(_person_name(ent)):
                return key
    return None


def _client_named(table: ActorTable, token: Token) -> str | None:
    """The party a client's name stands for: bound already, or a person named before."""
    return table.token_actor.get(token.i) or table.people.get(POSSESSIVE.sub("", token.text))


def _speaks_for(table: ActorTable, ent: Span) -> str | None:
    """'Iain Hutcheson, for Ultimate, said', 'For Mongoose, Zane Kennedy said': counsel or a
    representative introduced with 'for' before the verb speaks for that party."""
    verb = ent.root.head
    if ent.root.dep_ != "nsubj" or verb.pos_ not in {"VERB", "AUX"}:
        return None
    for prep in [*ent.root.children, *verb.children]:
        if prep.dep_ != "prep" or prep.lower_ != "for" or prep.i > verb.i:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            key = table.token_actor.get(obj.i)
            if key is None and obj.pos_ == "PROPN" and obj.is_title and obj.ent_type_ in {"", "ORG"}:
                name = POSSESSIVE.sub("", ent.doc[obj.left_edge.i: obj.i + 1].text).strip()
                key = bind_organization(table, name, range(obj.left_edge.i, obj.i + 1))  # a party the tagger missed
            if key and not table.is_person(key):
                return key
    return None


def _place_in_title(table: ActorTable, ent: Span) -> str | None:
    """'Eliot Spitzer, the New York state attorney general', 'Liverpool City Region Mayor X': an
    official of a place the table does not know as a party (a state, a city, a region) speaks for
    that place, not for the story's country."""
    if not _has_title(table, ent):
        return None
    for token in _np_tokens(ent):
        if token.ent_type_ != "GPE" or token.i in table.token_actor or token.ent_iob_ != "B" \
                or any(t.dep_ == "poss" for t in ent.doc[token.i: token.i + 4] if t.ent_type_ == "GPE"):
            continue  # "Northamptonshire's chief constable" heads a force of the place, not the place
        place = entity_at(ent.doc, token.i)
        if place is None or is_media(place.root) or _located_in(place.root, ent) or not _place_word_after(table, place):
            continue  # (not "Sawarmi", a first name, nor "a member for Tudor", a ward)
        return _bind_place(table, place)
    return None


def _place_word_after(table: ActorTable, place: Span) -> bool:
    """'New York | state', 'Liverpool City | Region', 'Kano | State': the place says what it is
    (data ``place_words``), so a name the tagger took for a place is not taken for one."""
    words = table.gazetteer.words("place_words")
    return place[-1].lower_ in words or place.end < len(place.doc) and place.doc[place.end].lower_ in words


def _located_in(place: Token, ent: Span) -> bool:
    """'a union representative in the southern state of Oaxaca': a place the title is found in
    (after 'in', 'at', 'from', 'based in') says where, not whose."""
    for token in [place, *place.ancestors]:
        if token.i == ent.root.i:
            return False
        if token.dep_ == "prep" and token.lower_ in {"in", "at", "from", "across", "near", "outside"}:
            return True
    return False


def knowledge_party(table: ActorTable, name: str, titled: Span | None = None) -> str | None:
    """The party the knowledge base gives a person at the article's date ('Vladimir Putin' ->
    Russia, a rebel commander -> the rebels); None for sectors that name no party (media, business).
    A surname alone matches only where the dictionaries list it ('Putin', not 'Khan'). A name with
    a title (``titled``, its entity) may match one spelled a little differently."""
    from . import knowledge

    roles, alike = knowledge.person_roles(name, table.date), None
    if not roles and titled is not None and _has_title(table, titled):  # "Economy Minister Valerii Lazar":
        alike = knowledge.similar_person(name)  # the knowledge base's "Valeriu Lazar"
        roles = knowledge.person_roles(alike, table.date) if alike else []
    for role in roles[:2]:
        if table.date is not None and role.dated and not role.valid(table.date) \
                and role.sector in table.gazetteer.knowledge.get("office_sectors", ()):
            continue  # out of office that day: a former (or future) minister may be in opposition
        if alike and not _code_named(table, role.code):
            continue  # a name spelled a little differently counts only for a party the story names
        key = party_of_code(table, role.code)
        if key:
            return key
    return None


def _code_named(table: ActorTable, code: str) -> bool:
    """Whether the country of a CAMEO code is a party the story already names."""
    return _code_country(table, code)[0] in table.bindings


def _code_country(table: ActorTable, code: str) -> tuple[str | None, str | None]:
    """The gazetteer key of a CAMEO code's country (None if the gazetteer has no such name) and
    the code's sector; (None, None) for a code the knowledge base cannot read."""
    from . import knowledge

    found = knowledge.code_party(code)
    if not found:
        return None, None
    name, sector = found
    return table.gazetteer.names.get(name), sector


def party_of_code(table: ActorTable, code: str) -> str | None:
    """The party of a CAMEO actor code: the country for its government-like sectors, a side of its
    own for opposition and rebels, else nothing."""
    key, sector = _code_country(table, code)
    settings = table.gazetteer.knowledge
    if sector in settings.get("never_parties", ()) or key is None or key not in table.gazetteer.entries:
        return None
    if sector in settings.get("side_sectors", ()) and sector in table.gazetteer.sectors:
        table.bind(table.gazetteer.entries[key])
        return table.sector_party(sector, key)
    if sector is None or sector in settings.get("country_sectors", ()):
        return table.bind(table.gazetteer.entries[key])
    return None


def _party_just_before(table: ActorTable, ent: Span) -> str | None:
    """'Taiwan's presidential office thanked Washington. Spokesman Xavier Chang said ...':
    an official named by title only speaks for the party the sentence before was about, or the
    party whose move the official reports ('The Russian Foreign Ministry condemned the sanctions,
    Deputy Foreign Minister Sergei Ryabkov told a briefing'). A state's title ('Transport
    Minister X') serves a state, never a union or company the sentence before was about."""
    for key in (_reported_body(table, ent), _subject_just_before(table, ent)):
        if key is not None and (_a_state(table, key) or not _state_title(table, ent)):
            return key
    return None


def _a_state(table: ActorTable, key: str) -> bool:
    """Not a union, company or other body whose name does not say it is a state's ('Foreign
    Ministry'): a party a state official may serve."""
    entry = table.bindings[key].entry
    words = set(entry.name.lower().split())
    civil = words & (table.gazetteer.words("union_words") | table.gazetteer.words("civil_bodies"))
    return entry.kind != "organization" or bool(words & table.gazetteer.words("state_bodies")) and not civil
    # ("the Federation of Government Doctors Association": a union, whatever word of the state it has)


def _subject_just_before(table: ActorTable, ent: Span) -> str | None:
    """The party that the sentence before an official's was about (its subject), for an official
    who speaks in theirs."""
    sent = ent.sent
    if ent.root.dep_ not in {"nsubj", "nsubjpass"} and ent.root.head.dep_ not in {"nsubj", "nsubjpass"}:
        return None  # only the official who speaks: "called on Health Secretary X" names someone else
    if sent.start == 0 or "\n" in sent.doc[sent.start - 1].text_with_ws:
        return None
    previous = sent.doc[sent.start - 1].sent
    for token in previous:
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head == previous.root:
            key = resolve_phrase(table, token)
            owned = any(c.dep_ == "poss" for c in token.children)  # "Musk's lawyers said ... attorney X wrote"
            if key and (not table.is_person(key) or owned):
                return key
    return None


def _reported_body(table: ActorTable, ent: Span) -> str | None:
    """The body whose move an official named after it reports: 'The Russian Foreign Ministry
    condemned the sanctions, Deputy Foreign Minister Sergei Ryabkov told a briefing' (parsed with the
    clause under 'told', or with the official in apposition to the last person named)."""
    root = ent.root
    if root.dep_ == "appos" and root.head.ent_type_ == "PERSON":  # two people: the tagger joined them
        clauses = [ent.sent.root]
    elif root.dep_ in {"nsubj", "nsubjpass"}:
        clauses = [c for c in root.head.children if c.dep_ in {"ccomp", "parataxis"} and c.i < ent.start]
    else:
        return None
    for clause in clauses:
        if any(t.is_quote for t in ent.doc[clause.left_edge.i : ent.start]):
            continue  # '"Twitter has not complied," attorney X wrote': quoted words, their subject is no owner
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        key = resolve_phrase(table, subject) if subject is not None and subject.pos_ != "PRON" else None
        if key and not table.is_person(key):
            return key
    return None


def _side_in_title(table: ActorTable, ent: Span) -> str | None:
    """'Kenya's opposition leader X', 'rebel commander X': the title's sector word names the side."""
    for token in _np_tokens(ent):
        if token.pos_ == "NOUN" and any(c.dep_ in {"compound", "amod"} and sector_word(table, c)
                                        for c in token.children):
            return _sector_side(table, token)
    return None


def _person_name(ent: Span) -> str:
    return POSSESSIVE.sub("", ent.text).strip()


def _outside_role(table: ActorTable, ent: Span) -> bool:
    """'a former McPherson patrol officer', 'Biota's largest shareholder': a role that ties a person
    to a body without making them speak for it (data: ``outside_roles``)."""
    outside = table.gazetteer.words("outside_roles")
    return any(t.lower_ in outside or t.lemma_.lower() in outside for t in _np_tokens(ent))


def _party_before(table: ActorTable, ent: Span) -> str | None:
    """The party named in the title before a name: 'NATO Secretary-General Jens Stoltenberg'; a side
    of the country when the title names one ('Kenya's opposition leader Raila Odinga')."""
    if _outside_role(table, ent):
        return None
    side = _side_in_title(table, ent)
    if side:
        return side
    head = ent.root
    for token in head.subtree:
        if token.i >= ent.start or token.sent != ent.sent:
            continue
        key = _token_party(table, token)
        if key:
            return key
    return None


def _portfolio(ent: Span, words: Callable[[str], frozenset[str]], skip: int = 0) -> bool:
    """'Health', 'National Security', 'Primary Industries', 'Transport Cabinet', 'Industry, Trade
    and Investment Permanent': a portfolio (with the words that make a title of the title word
    after it), part of that title. ``skip`` leading tokens name its country ('Indian | External Affairs')."""
    from .knowledge.text import singular

    portfolios = words("portfolios")
    tokens = [t for t in ent[skip:] if t.lower_ != "the"]
    modifiers = words("portfolio_modifiers") | words("title_modifiers")

    def portfolio(t: Token) -> bool:  # (the tagger leaves a name's plural as it is: "Industries")
        return t.lower_ in portfolios or t.lemma_.lower() in portfolios or singular(t.lower_) in portfolios
    return any(portfolio(t) for t in tokens) and all(portfolio(t) or t.lower_ in modifiers for t in tokens)


def _token_party(table: ActorTable, token: Token) -> str | None:
    """The party a token names: a gazetteer mention or a person already bound to a party."""
    key = table.token_actor.get(token.i) or _anaphor(table, token)
    if key is None and (token.ent_type_ == "PERSON" or token.pos_ == "PROPN"):
        key = table.people.get(POSSESSIVE.sub("", token.text))
    return key if key and not table.is_person(key) else None


def _body_by_first_word(table: ActorTable, ent: Span) -> str | None:
    """'Kaiser noted ...' after 'Kaiser Aluminum was fined': a one-word name the tagger took for a
    person, the first word of an organisation the story names, is that organisation, when no
    person the story names has that word in their name."""
    if len(ent) != 1:
        return None
    word = POSSESSIVE.sub("", ent.text)
    bodies = [key for key, b in table.bindings.items()
              if b.entry.kind == "organization" and len(b.entry.name.split()) > 1 and b.entry.name.split()[0] == word]
    if len(bodies) != 1 or any(e.label_ == "PERSON" and len(e) > 1 and word in e.text.split()
                               for e in entities(ent.doc)):
        return None
    return bodies[0]


def _known_person(table: ActorTable, name: str) -> str | None:
    if name in table.people:
        return table.people[name]
    last = name.split()[-1]
    return table.people.get(last)


def _remember_person(table: ActorTable, name: str, key: str) -> None:
    table.people.setdefault(name, key)
    parts = name.split()
    if len(parts) > 1:  # "Ryabkov" for "Sergei Ryabkov", and "Zhao" for "Zhao Lijian"
        table.people.setdefault(parts[-1], key)
        table.people.setdefault(parts[0], key)
    for part in parts[1:-1]:  # "Abdullah" for "Tengku Abdullah Syafi'ie" (not "bin", "de", "J.")
        if part[:1].isupper() and len(part) > 2 and part.isalpha():
            table.people.setdefault(part, key)


def _state_title(table: ActorTable, ent: Span) -> bool:
    """'Foreign Minister X', 'spokesman X', 'Senator X': a title of the state's service, by the
    knowledge base's sector of the word ('leader', 'chairman', 'official' name no service)."""
    from . import knowledge

    sectors = table.gazetteer.knowledge.get("title_sectors", ())
    return any(knowledge.sector_of(t.lower_) in sectors for t in _title_window(ent))


def _has_title(table: ActorTable, ent: Span) -> bool:
    titles = table.gazetteer.words("titles")
    return any(t.lower_ in titles or t.lemma_.lower() in titles for t in _title_window(ent))


def _title_window(ent: Span) -> list[Token]:
    """The words around a name where its title stands, and the name's first word ("President X")."""
    return [t for t in _np_tokens(ent) if not (ent.start <= t.i < ent.end)] + [ent[0]]


def _private_title(table: ActorTable, ent: Span) -> bool:
    """'Rangers managing director X', 'club owner X', 'the company's chief executive X': a title of a
    private body, never an official of the story's country."""
    private = table.gazetteer.words("private_titles")
    return any(t.lower_ in private or t.lemma_.lower() in private for t in _np_tokens(ent))


def _np_tokens(ent: Span) -> list[Token]:
    """The tokens of the noun phrase around a name: its modifiers and appositions."""
    head = ent.root
    while head.dep_ == "compound" and head.head.pos_ == "PROPN" and head.head.i == ent.end:
        head = head.head  # "Maria Corina" of "Maria Corina Machado": the whole name heads the phrase
    tokens = [t for t in head.subtree if t.i < ent.start and t.sent == ent.sent]
    for child in head.children:
        if child.dep_ == "appos":
            tokens.extend(child.subtree)
    if head.dep_ == "appos" and head.head.ent_type_ != "PERSON":  # (not "X, Deputy Minister Y said": two people)
        tokens.extend(t for t in head.head.subtree if t.i < head.i and t not in ent)
    if head.dep_ in {"compound", "poss"} and head.head.lemma_.lower() in load_gazetteer().nouns["titles"]:
        tokens.append(head.head)
    if head.dep_ in {"nsubj", "nsubjpass"}:  # "the Green's chief whip Irene Mihalic said", parsed as two subjects
        first = min([ent.start, *(t.i for t in tokens)])
        before = next((c for c in head.head.children if c.dep_ == head.dep_ and c.right_edge.i == first - 1), None)
        if before is not None and (before.lemma_.lower() in load_gazetteer().nouns["titles"] or tokens):
            tokens.extend(before.subtree)  # ... or "Rangers | managing director Stewart Robertson"
    return tokens


def _party_of_person(table: ActorTable, ent: Span) -> str | None:
    """The party a person's title or apposition names: the body their title serves ('chief of the
    regulator known as Finma', 'a spokesman for the court'), else any party named around the name."""
    tokens = _np_tokens(ent)
    if _outside_role(table, ent):
        return None
    titles = table.gazetteer.words("titles")
    if _workers_represented(table, tokens):
        return None  # the union their title names, found by _group_of_member
    member = _member_from(table, ent)
    if member:
        return member
    for token in tokens:
        serves = token.dep_ == "pobj" and token.head.lower_ in {"of", "for", "at"} \
            and token.head.head.lemma_.lower() in titles and not _minister_for(table, token)
        owns = token.dep_ == "poss" and token.i < ent.start  # "the union's Carolyn Smith", "the Green's chief whip X"
        if (token.pos_ == "NOUN" or owns and token.pos_ == "PROPN") and (serves or owns):
            key = resolve_phrase(table, token)
            if key and not table.is_person(key):
                return key
            if serves and token.tag_ == "NNS" and not is_media(token):  # "a spokeswoman for the hospitals"
                return table.bind(Entry(slug(token.lower_), token.lower_, "group"))
    for token in tokens:
        if _portfolio_word(table, token):
            continue  # "the Minister of Labour and Employment, Chris Ngige": no party named 'Labour'
        key = _token_party(table, token)
        if key:
            return key
    return None


def _minister_for(table: ActorTable, token: Token) -> bool:
    """'the minister for police', 'Minister for Education': a cabinet title's portfolio, no body."""
    return _cabinet_title(table, token.head.head) and token.head.lower_ == "for" and token.pos_ == "NOUN" \
        and token.is_lower


def _cabinet_title(table: ActorTable, token: Token) -> bool:
    """A cabinet title word: 'minister' and any '...minister', 'premier', 'chancellor' (data
    ``cabinet_titles``)."""
    return token.lower_ in table.gazetteer.words("cabinet_titles") or token.lower_.endswith("minister")


def _portfolio_word(table: ActorTable, token: Token) -> bool:
    """'Labour' in 'Minister of Labour', 'Employment' in 'Minister of Labour and Employment': a
    portfolio word in the 'of'/'for' phrase of a title (data ``portfolios``)."""
    words = table.gazetteer.words
    if token.lower_ not in words("portfolios"):
        return False
    while token.dep_ == "conj":
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in {"of", "for"} and token.head.head.lemma_.lower() in words(
        "titles")


def _member_from(table: ActorTable, ent: Span) -> str | None:
    """'Emmanuel Nchimbi from the ruling Chama Cha Mapinduzi party', 'Eric Lai of the CHRF': a person
    'from' or 'of' an organisation speaks for it (not 'X from London': a place is no party of theirs)."""
    for prep in (c for c in ent.root.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}):
        for body in (c for c in prep.children if c.dep_ == "pobj"):
            key = resolve_phrase(table, body)
            if key and table.bindings.get(key) and table.bindings[key].entry.kind == "organization":
                return key
    return None


def _workers_represented(table: ActorTable, tokens: list[Token]) -> bool:
    """'chief union negotiator for the Fire Authority's 724 workers': a union title serving the
    workers of a body speaks for the workers' union, not for the employer that owns the phrase."""
    civil = table.gazetteer.words("civil_bodies")
    for token in tokens:
        title = token.head.head if token.dep_ == "pobj" and token.head.lower_ in {"for", "of"} else None
        if title is None or token.tag_ != "NNS" or token.lemma_.lower() not in table.gazetteer.words("staff_nouns"):
            continue
        if any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in civil for c in title.children):
            return True
    return False


def _group_of_member(table: ActorTable, ent: Span, learn: bool = True) -> str | None:
    """'Seattle teacher Donte Felder' speaks as one of the teachers (a group of the story);
    'union official Steve Jones' for the union the story names ('the union' of describe).
    With ``learn`` False, only parties the table already has."""
    groups = set(table.gazetteer.nouns["groups"])
    described = set(table.gazetteer.nouns["described"])
    for token in _np_tokens(ent):
        lemma = token.lemma_.lower()
        if sector_word(table, token) and learn:
            return table.describe(token)  # "opposition leader Maria Corina Machado", "rebel commander X"
        if not _common_noun(token):
            continue
        if lemma in described:  # "union secretary X": the union the story names ('the nurses' union')
            if token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in table.gazetteer.words("portfolios"):
                continue  # "Union Health Minister X": a word of the title, no body ('union secretary' is one)
            key = table.head_actor(lemma, token.i) or _last_organization(table, token, lemma)
            if key and not table.is_person(key):
                return key
            continue
        if f"{lemma}s" in groups and learn and not _relation_to_someone(token):
            return table.bind(Entry(slug(f"{lemma}s"), f"{lemma}s", "group"))
    return None


def _relation_to_someone(token: Token) -> bool:
    """'his opponent, incumbent President Alberto Fujimori', 'her rival': a noun owned by a pronoun
    says how the person stands to someone, not a group they belong to."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)


def _common_noun(token: Token) -> bool:
    """A singular common noun, also when a sentence's first word is tagged a name ('Hospital
    spokeswoman Jo Bell')."""
    return (token.pos_ == "NOUN" and token.tag_ == "NN") or (
        token.tag_ == "NNP" and token.is_sent_start)


def _court_of_judge(table: ActorTable, ent: Span) -> str | None:
    """'Justice Hellen Wasilwa', 'Judge Ann Roe': a judge speaks for the court the story names
    (not 'Justice Minister X': the title is the word right before the name)."""
    doc = ent.doc
    if ent.start == 0 or doc[ent.start - 1].lower_ not in table.gazetteer.words("judge_titles"):
        return None
    if ent.start > 1 and doc[ent.start - 2].lower_ in table.gazetteer.words("titles"):
        return None  # "Deputy Justice ...", "Minister of Justice X"
    key = table.head_actor("court", ent.start) or _last_organization(table, doc[ent.start - 1], "court")
    return key if key in table.bindings and "court" in table.bindings[key].entry.name.lower() else None


def _family_of_person(table: ActorTable, ent: Span) -> str | None:
    """'Dunn's mother, Charlotte Charles' speaks for the Dunn family."""
    kin = set(table.gazetteer.nouns["kin"])
    for token in _np_tokens(ent):
        if token.lemma_.lower() in kin:
            owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            if owner is not None:
                surname = POSSESSIVE.sub("", owner.text)
                return table.bind(Entry(slug(f"{surname} family"), f"{surname} family", "group"),
                                  f"{surname}'s {token.lower_}")
    return None


# --- organisations the gazetteer does not know ------------------------------------------

def mark_organizations(table: ActorTable, doc: Doc) -> None:
    """Companies, unions, parties and movements named by the article ('the Unite union', 'Boeing')."""
    words = table.gazetteer.words
    people = _person_words(table, doc)
    roles = table.gazetteer.role_words | table.gazetteer.abbreviations.keys()
    for ent in entities(doc):
        if ent.label_ == "ORG" and _known_side_of_country(table, ent):
            continue  # "the Revolutionary Armed Forces of Colombia": rebels, whatever state word it has
        named_before = _body_before_country(table, ent)
        ent = named_before or ent  # "Housing | New Zealand said": the tagger left the body's first word out
        corporate = ent[-1].text.rstrip(".") in words("corporate")  # "Twitter Inc", whatever the tagger says
        marked = [i for i in range(ent.start, ent.end) if i in table.token_actor]
        named_inside = ent.label_ == "ORG" and _country_inside_name(table, ent, marked)
        named_body = ent.label_ != "ORG" and not marked and _organization_by_context(table, ent)
        titled = ent.end < len(doc) and doc[ent.end].lower_ in words("titles")  # "Police and Crime | Commissioner"
        own = ent.label_ == "ORG" and not titled and any(t.lower_ in words("own_bodies") for t in ent)
        sport = named_before is not None or _sport_body(table, ent)  # "Hockey India", whatever the tagger says
        if ent.label_ != "ORG" and not corporate and not named_body and not sport or any(
                i not in table.modifier_tokens for i in marked) and not named_inside and not own and not sport:
            continue  # a known party; but "the British Medical Association" is no mention of Britain
        if marked and all(t.i in table.token_actor for t in ent if t.lower_ != "the"):
            continue  # "Guatemalan" (in "Guatemalan vice president") tagged as a name: the country's word
        cut = _title_before_name(table, ent)
        if cut is not None:  # "CEA Spokesperson Regina Fuentes": the organisation is only "CEA"
            if cut == ent.start:
                continue
            ent = doc[ent.start : cut]
        ent = _before_headline_verb(table, ent)  # "Microsoft Appeals Second EU Fine": the name is "Microsoft"
        if ent is None:
            continue
        ent = _known_head_of_modifier(doc, ent)  # "Unesco World Heritage status": the body is Unesco
        paren = next((t.i for t in ent if t.text == "("), None)
        if paren is not None:  # "The Ministry of Commerce (MofCom": the name ends before its abbreviation
            if paren == ent.start:
                continue
            ent = doc[ent.start : paren]
        if ent.label_ == "ORG" and not marked and _bare_portfolio(table, ent):
            continue  # "Commerce said": a department of a state, no party of its own
        if not marked and table.home and ent.root.lemma_.lower() in words("state_bodies") and not corporate \
                and not own:
            continue  # "the Commerce Ministry" with no country named: a body of the story's country
        if marked and not own and (ent.root.lemma_.lower() in words("state_bodies")
                                   or ent.root.lower_ in words("titles")):
            continue  # "the Turkish Ministry of Foreign Affairs", "the U.S. Trade Representative" speak for it
        if ent.end < len(doc) and doc[ent.end].lower_ in table.gazetteer.nouns["titles"] and not named_body \
                and (_portfolio(ent, words, _country_words(table, ent)) or len(ent) == 1 and ent.label_ != "ORG"):
            continue  # "Health Secretary Steve Barclay", "National Security Adviser": part of a title
            # (but "Boeing CEO Dave Calhoun")
        if _title_of(table, ent):
            continue  # "Secretary of State Jane Roe", "Minister of Education": a role, not a party
        if all(t.lower_ in roles for t in ent if t.lower_ != "the"):
            continue  # "the PS told", "Senior Special Assistant": a title the tagger took for a name
        if next(t for t in ent if t.lower_ != "the").text.rstrip(".") in words("honorifics"):
            continue  # "Ms Reilly", "Dr Ahmed", "The Honourable X" tagged as an organisation: a person
        if not corporate and not named_body and not sport and all(POSSESSIVE.sub("", t.text) in people
                                                    for t in ent if t.lower_ != "the"):
            continue  # a person the tagger took for an organisation ("Trump said")
        if len(ent) == 1 and ent.start > 0 and doc[ent.start - 1].ent_type_ == "PERSON" and ent[0].is_title:
            continue  # the last name of "Maria Corina | Machado", split by the tagger
        if len(ent) == 1 and ent[0].is_sent_start and not corporate and ent.end + 1 < len(doc) \
                and doc[ent.end].is_lower and doc[ent.end + 1].ent_iob_ == "B" and doc[ent.end + 1].ent_type_ == "ORG":
            continue  # "Software maker Altura Systems": a description before the name, capitalised by the sentence
        tokens = [t for t in ent if not (t.i == ent.start and t.lower_ in {"the", "a", "an"})]
        tokens = _after_owner(tokens, people)  # "Bobi Wine's National Unity Platform": the body is the name after
        name = POSSESSIVE.sub("", "".join(t.text_with_ws for t in tokens).strip())
        if not name or not any(c.isalpha() for c in name) or name in table.gazetteer.media:
            continue
        if _masthead(table, ent, tokens):
            table.outlets.add(name)
            continue  # "according to The Indian Express": a newspaper reports, it is no party
        media_nouns = table.gazetteer.words("media_nouns")
        if ent.root.head.lemma_.lower() in media_nouns or ent.root.lemma_.lower() in media_nouns:
            continue  # "the Mena news agency", "Al Arabiya TV": they report
        if len(tokens) == 1 and tokens[0].lower_ in table.gazetteer.nouns["described"]:
            continue  # "Cabinet", "Parliament": a body described, not named
        if ent.root.lower_ in table.gazetteer.words("law_words"):
            continue  # "the National Environmental Policy Act": a law, not a party
        key = bind_organization(table, name, range(tokens[0].i, ent.end))
        _absorb_short_name(table, key)
        table.modifier_tokens.difference_update(range(ent.start, ent.end))
    _mark_repeats(table, doc)


def _after_owner(tokens: list[Token], people: set[str]) -> list[Token]:
    """The tokens of a body's name after a person the tagger took into it ('Bobi Wine's | National
    Unity Platform', "Museveni's | National Resistance Movement"), when at least two capitalised
    words follow the possessive and the owner is a person the story names ('People's Democratic
    Party', "McDonald's" keep their names)."""
    for k, token in enumerate(tokens[:-1]):
        if token.tag_ == "POS" or token.text in {"'s", "\u2019s"}:
            rest = tokens[k + 1:]
            owner = tokens[k - 1].text if k else ""
            if owner in people and len(rest) >= 2 and all(t.is_title or not t.is_alpha for t in rest):
                return rest
    return tokens


def _absorb_short_name(table: ActorTable, key: str) -> None:
    """'Amnesty' in the headline, 'Amnesty International' in the story: one party, the full name;
    'PPG Industries' and 'PPG Industries Inc.', 'AkzoNobel' and 'AkzoNobel N.V.': one party, the name
    without the legal suffix."""
    words = table.bindings[key].entry.name.split()
    corporate = table.gazetteer.words("corporate")
    if len(words) >= 2 and all(w.rstrip(".") in corporate for w in words[1:]):
        short = slug(words[0])
        if short != key and short in table.bindings and table.bindings[short].entry.kind == "organization":
            table.merge(short, key)
    legal = table.gazetteer.words("legal_suffixes")
    stem = _without_suffix(words, corporate, legal)
    for other, binding in list(table.bindings.items()):
        if other == key or binding.entry.kind != "organization" or table.merged.get(other):
            continue
        other_stem = _without_suffix(binding.entry.name.split(), corporate, legal)
        if stem and other_stem == stem and len(binding.entry.name) != len(table.bindings[key].entry.name):
            short, full = sorted((other, key), key=lambda k: len(table.bindings[k].entry.name))
            table.merge(full, short)  # shown as the story mostly writes it, without the legal suffix
            return


def _without_suffix(words: list[str], corporate: frozenset[str], legal: frozenset[str]) -> str:
    """A company's name without the legal suffix that ends it ('AkzoNobel N.V.' -> 'AkzoNobel';
    data: ``corporate``, ``legal_suffixes``)."""
    words = list(words)
    while len(words) > 1 and (words[-1].replace(".", "") in corporate or words[-1].replace(".", "").upper() in legal):
        words.pop()
    return " ".join(words)


def _before_headline_verb(table: ActorTable, ent: Span) -> Span | None:
    """In a headline's capitals a cue verb ends a name ('Union Rejects Pay Offer', 'Microsoft Appeals
    Second EU Fine'), and so does any verb or adverb after its first two words ('Pipeline Company
    Still Committed'); None when a cue verb opens it. 'Court of Appeals' keeps its name."""
    if ent.start_char >= table.title_end:
        return ent
    verbs = load_lexicon().verbs
    for token in ent:
        word = token.lower_
        stem = word[:-3] + "y" if word.endswith("ies") else word[:-1]
        after_of = token.i > 0 and token.doc[token.i - 1].lower_ in {"of", "for"}
        if word.endswith("s") and stem in verbs and not after_of:
            return ent.doc[ent.start : token.i] if token.i > ent.start else None
        if token.i > ent.start + 1 and token.pos_ in {"ADV", "AUX", "VERB"}:
            return ent.doc[ent.start : token.i]  # "Pipeline Company Still Committed To Current Route"
    return ent


def _masthead(table: ActorTable, ent: Span, tokens: list[Token]) -> bool:
    """'The Indian Express', 'the Jakarta Post', 'the Daily Nation': a newspaper's name, a title
    word last (or 'Daily' first) and 'the' before it (not 'Canada Post', 'American Express'), a name
    that ends in 'News' or 'Press' ('Bloomberg News'), or a TV channel's letters ('NDTV')."""
    if len(tokens) == 1 and tokens[0].is_upper and tokens[0].text.endswith("TV") and len(tokens[0]) > 3:
        return True  # "according to NDTV"
    if not all(t.is_title or t.is_upper for t in tokens):
        return False
    doc = ent.doc
    start = ent.start
    while start > 0 and doc[start - 1].ent_type_ == "GPE" and doc[start - 1].is_title:
        start -= 1  # "the Sydney | Morning Herald": the city is part of the name
    the = ent[0].lower_ == "the" or (start > 0 and doc[start - 1].lower_ == "the")
    words = table.gazetteer.words("masthead_words")
    if len(tokens) > 1 and tokens[-1].lower_ in table.gazetteer.words("news_words"):
        return True  # "told Bloomberg News", "Fox News reported": an outlet, with or without 'the'
    return the and (tokens[-1].lower_ in words or tokens[0].lower_ == "daily")  # ("the Gazette" too)


def _country_inside_name(table: ActorTable, ent: Span, marked: list[int]) -> bool:
    """'The Sudan Liberation Movement', 'the Free Syrian Army': a country named inside the name of
    a body that is no state body of it (not 'the Russian Foreign Ministry')."""
    state_bodies = table.gazetteer.words("state_bodies")
    if not marked or any(t.lemma_.lower() in state_bodies for t in ent):
        return False
    doc = ent.doc
    inside = all(doc[i].dep_ in {"compound", "amod"} and ent.start <= doc[i].head.i < ent.end
                 and doc[i].head.is_title and doc[i].head.pos_ == "PROPN" for i in marked)
    others = [t for t in ent if t.i not in marked and t.is_title and t.pos_ == "PROPN"]
    last = ent.root.i in marked or ent[-1].i in marked and doc[marked[0] - 1].lower_ != "of"
    named_after = last and len(others) >= 1  # "Football Federation Australia", "Meat & Livestock Australia"
    of_country = all(i - 2 >= ent.start and doc[i - 1].lower_ == "of" and doc[i - 2].is_title
                     and doc[i - 2].lower_ not in table.gazetteer.words("state_names") for i in marked)
    return inside or named_after or of_country  # "the Boxing Federation of India" (not "the Republic of Korea")


def _known_head_of_modifier(doc: Doc, ent: Span) -> Span:
    """An entity that only modifies a noun ('Unesco World Heritage status', 'Google Maps app') names
    an organisation by the shortest start of it that the knowledge base knows, if any."""
    from . import knowledge

    if ent.root.dep_ != "compound" or ent.root.head.pos_ != "NOUN" or len(ent) < 2:
        return ent
    for end in range(ent.start + 1, ent.end):
        if knowledge.organisation(doc[ent.start:end].text):
            return doc[ent.start:end]
    return ent


ORG_RUN_JOINERS = {"of", "for", "and", "the", "on", "&"}


def _bare_portfolio(table: ActorTable, ent: Span) -> bool:
    """'Commerce said', 'Treasury will ...': a department named by its portfolio alone (data
    ``portfolios``) is the state whose department of that name the story names ('the U.S.
    Department of Commerce'), else the story's country; not 'Interior Minister X' (a title) nor
    'Justice and Equality Movement' (a longer name the tagger cut). Marks its words so."""
    words = [t for t in ent if t.lower_ != "the"]
    if not words or not all(t.lower_ in table.words("portfolios") for t in words):
        return False
    after = table.doc[ent.end] if ent.end < len(table.doc) else None
    if after is not None and (after.lower_ in table.words("titles") or after.lower_ in {"and", "&", "of"}
                              or after.is_title):
        return False
    country = _portfolio_state(table, words[-1].lower_) or table.home
    for token in words if country else ():
        table.token_actor[token.i] = country
    return country is not None


def _portfolio_state(table: ActorTable, portfolio: str) -> str | None:
    """The country of a state body the story names with this portfolio ('the U.S. Department of
    Commerce', 'China's Commerce Ministry')."""
    bodies = table.words("state_bodies")
    for ent in entities(table.doc):
        if ent.label_ == "ORG" and len(ent) > 1 and any(t.lower_ == portfolio for t in ent) \
                and any(t.lemma_.lower() in bodies for t in ent):
            key = _modifier_actor(table, ent.root) or next(
                (table.token_actor[t.i] for t in ent if t.i in table.token_actor), None)
            if key in table.bindings and table.bindings[key].entry.kind == "country":
                return key
    return None


def mark_known_organizations(table: ActorTable, doc: Doc) -> None:
    """Organisations the knowledge base names that the tagger missed ("Human Rights Watch's Gulf
    director ..."): runs of capitalised words, longest first; an outlet is never a party."""
    from . import knowledge

    titles = _title_indexes(doc)
    fragments = frozenset(k for k, b in table.bindings.items()  # names the tagger cut ("Liberation Tigers")
                          if b.entry.kind == "organization" and k not in table.gazetteer.entries)
    done = 0  # runs do not overlap: a title word inside a run already read is skipped
    for i in titles:
        if i < done:
            continue
        if doc[i].lower_ == "the" and i + 1 < len(doc):
            i += 1  # "The Boeing negotiating team": the body is "Boeing"
        end = _capital_run_end(doc, i, table, fragments)
        found = None
        if any(t.ent_type_ == "PERSON" for t in doc[i:end]):
            end = i  # a person's name: the people pass decides their party, with the article's evidence
        for stop in range(end, i + 1, -1):
            name = POSSESSIVE.sub("", doc[i:stop].text)
            code = knowledge.organisation(name)
            if code:
                found = stop, name, code
                break
        if found is None:
            continue
        stop, name, code = found
        cut = {table.token_actor[t] for t in range(i, stop) if t in table.token_actor}
        if cut and len(cut) < 2 and all(t in table.token_actor for t in range(i, stop)):
            done = stop  # one name the tagger found whole: the organisations pass named it
            continue
        key = _known_org_party(table, name, code)
        if key:
            for t in range(i, stop):
                table.token_actor[t] = key
            for old in cut - {key}:  # "Liberation Tigers" + "Tamil Eelam": one body the knowledge base knows
                table.merge(old, key)
        done = stop


def mark_described_names(table: ActorTable, doc: Doc) -> None:
    """'The pressure group War on Want says', 'the mining company Anglo Gold Ashanti': capitalised
    words right after a word for a body name that body, whatever the tagger made of them."""
    nouns = table.gazetteer.words("name_introducers")
    texts = _token_texts(doc)
    for i, text in enumerate(texts[:-1]):
        lower = text.lower()
        if lower not in nouns and lower[:-1] not in nouns and lower[:-2] not in nouns:  # a cheap look first
            continue
        token = doc[i]
        industry = token.lemma_.lower() in table.gazetteer.words("industry_nouns")  # "Swiss major Holcim"
        if token.pos_ != "NOUN" and not industry or token.lemma_.lower() not in nouns:
            continue
        start = token.i + 1
        end = _before_date(doc, start, _capital_run_end(doc, start, table))
        single = end == start and (_single_name(table, doc[start]) or industry and doc[start].pos_ == "PROPN")
        if single:  # "national electricity utility Eskom"
            end = start + 1
        elif end == start or any(t.ent_type_ in {"PERSON", "GPE", "DATE"} for t in doc[start:end]) and not industry \
                or any(t.lower_ in table.gazetteer.words("titles") for t in doc[start:end]):
            continue
        name = POSSESSIVE.sub("", doc[start:end].text)
        if name not in table.gazetteer.media:
            bind_organization(table, name, range(start, end))
    _mark_repeats(table, doc)


def _before_date(doc: Doc, start: int, end: int) -> int:
    """'giant Sanofi | on Monday': a run of capitalised words ends before a lower-case joiner
    followed by a date."""
    for i in range(start + 1, end):
        if doc[i].is_lower and i + 1 < len(doc) and doc[i + 1].ent_type_ in {"DATE", "TIME"}:
            return i
    return end


def _single_name(table: ActorTable, token: Token) -> bool:
    """One capitalised word after a word for a body, that no pass bound, and no place or title
    ('the utility Eskom', whatever the tagger made of it)."""
    capitalised = token.is_title or token.is_upper or token.text[:1].isupper() and token.text.isalpha()  # "SuperValu"
    return token.pos_ == "PROPN" and capitalised and token.i not in table.token_actor \
        and token.ent_type_ not in {"GPE", "DATE", "NORP"} and token.lower_ not in table.gazetteer.words("titles") \
        and (token.i + 1 >= len(token.doc) or not token.doc[token.i + 1].is_title)


def _capital_run_end(doc: Doc, i: int, table: ActorTable, through: frozenset[str] = frozenset()) -> int:
    """The end of a run of capitalised words from ``i`` ('Human Rights Watch', 'Office of the ...'),
    over words bound to none of the table's parties but ``through``."""
    def free(k: int) -> bool:
        return k not in table.token_actor or table.token_actor[k] in through
    if not doc[i].is_title or not free(i) or doc[i].is_sent_start and doc[i].pos_ != "PROPN":
        return i
    end = i + 1
    while end < len(doc) and end - i < 8 and free(end):
        word = doc[end]
        if word.is_title and not word.is_punct:
            end += 1
        elif word.lower_ in ORG_RUN_JOINERS and end + 1 < len(doc) and doc[end + 1].is_title:
            end += 1
        else:
            break
    while end > i + 1 and doc[end - 1].lower_ in ORG_RUN_JOINERS:
        end -= 1
    return end if end - i >= 2 else i


def _known_side_of_country(table: ActorTable, ent: Span) -> bool:
    """'the Revolutionary Armed Forces of Colombia': a name with a country in it that the knowledge
    base knows as a side of its own (rebels, opposition: ``side_sectors``) is that side, not the
    country or a body of its state; its words are marked so."""
    marked = {table.token_actor[t.i] for t in ent if t.i in table.token_actor}
    if len(ent) < 3 or not marked or any(table.kind_of(key) != "country" for key in marked):
        return False
    from . import knowledge

    tokens = [t for t in ent if t.lower_ != "the"]
    name = " ".join(t.text for t in tokens)
    code = knowledge.organisation(name)
    found = knowledge.code_party(code) if code else None
    if not found or found[1] not in table.gazetteer.knowledge.get("side_sectors", ()):
        return False
    key = _known_org_party(table, name, code)
    for token in tokens if key else ():
        table.token_actor[token.i] = key
        table.modifier_tokens.discard(token.i)
    return key is not None


def _known_org_party(table: ActorTable, name: str, code: str) -> str | None:
    """The party of an organisation the knowledge base knows: a country's body speaks for the
    country; an international or non-state body is a party named as the article names it."""
    from . import knowledge

    found = knowledge.code_party(code)
    sector = found[1] if found else None
    if sector in table.gazetteer.knowledge.get("never_parties", ()) or code.startswith("MED"):
        return None
    side = sector in table.gazetteer.knowledge.get("side_sectors", ()) and sector in table.gazetteer.sectors
    key = party_of_code(table, code) if found and not side else None  # ("RENAMO": a side named as the story names it)
    if key is None:
        key = table.bind(Entry(slug(name), name, "organization"))
    if side:
        table.sector_owners.setdefault(sector, key)  # and "the rebels" stand for it
    table.note(key, f"{name}: knowledge base ({code})")
    return key


def _title_of(table: ActorTable, ent: Span) -> bool:
    """The portfolio of a title ('State' in 'Secretary of State', 'Education' in 'Minister of
    Education', 'Aerospace Development' in 'Minister of Aviation and Aerospace Development'): an
    'of' between a title word and the entity, or the portfolio words joined to it."""
    words = table.gazetteer.words
    start = _joined_portfolio_start(table, ent)
    if start < 2 or ent.doc[start - 1].lower_ != "of" or ent[0].lower_ == "the" \
            or ent.root.lemma_.lower() in words("name_introducers"):
        return False  # "general secretary of the Irish Nurses' Organisation": a body, not a portfolio
    title = ent.doc[start - 2]
    if not any(t.lower_ in words("portfolios") for t in ent):
        return False  # "chief executive of NHS Providers": a body's name, no portfolio
    return title.lower_ in words("titles") or title.lemma_.lower() in words("titles")


def _country_words(table: ActorTable, ent: Span) -> int:
    """How many of an entity's first tokens name a country the table knows ('Indian External
    Affairs', 'the U.S. Trade'), after a leading 'the'."""
    start = ent.start + (ent[0].lower_ == "the")
    end = start
    while end < ent.end - 1 and end in table.token_actor:
        end += 1
    return end - ent.start if end > start else 0


def _joined_portfolio_start(table: ActorTable, ent: Span) -> int:
    """Where the portfolios joined to an entity by 'and' or a comma begin ('Aviation and |
    Aerospace Development' begins at 'Aviation'); the entity's start if none is joined."""
    doc, start = ent.doc, ent.start
    portfolios = table.gazetteer.words("portfolios")
    while start >= 2 and doc[start - 1].lower_ in {"and", ",", "&"} and doc[start - 2].lower_ in portfolios:
        start -= 2
    return start


def _title_before_name(table: ActorTable, ent: Span) -> int | None:
    """Where a title followed by a name starts inside an entity the tagger took for one
    organisation ('CEA Spokesperson Regina Fuentes'); None if there is none ('Office of the President')."""
    titles = table.gazetteer.nouns["titles"]
    for token in ent:
        if token.lower_ in titles or token.lemma_.lower() in titles:
            after = ent.doc[token.i + 1 : ent.end]
            if after and all(t.pos_ == "PROPN" and t.is_title for t in after):
                return token.i
    return None




def is_media(token: Token) -> bool:
    """'the Mena news agency', 'state television': outlets that report, not parties."""
    words = load_gazetteer().words
    lemma = token.lemma_.lower() if token.lower_ != "media" else "media"  # not "medium"
    news = any(c.lower_ in words("news_words") for c in token.children)
    return lemma in words("media_nouns") and (lemma != "agency" or news)




def _mark_repeats(table: ActorTable, doc: Doc) -> None:
    """Mentions of an organisation the tagger missed elsewhere: the same words, capitalised."""
    names = {}
    for key, binding in table.bindings.items():
        words = [w for w in binding.entry.name.split() if w.rstrip(".") not in table.gazetteer.words("corporate")]
        if binding.entry.kind == "organization" and len(words) == 1:  # "Twitter" for "Twitter Inc"
            names[words[0]] = key
    longer: dict[str, list[tuple[list[str], str]]] = {}  # "Public Affairs'" where the tagger saw no name
    corporate = table.gazetteer.words("corporate")
    for key, binding in table.bindings.items():
        words = binding.entry.name.split()
        if binding.entry.kind == "organization" and len(words) > 1 and words[0][:1].isupper() \
                and all(w[:1].isupper() or w in ORG_RUN_JOINERS for w in words):
            longer.setdefault(words[0], []).append((words, key))
            short = [w for w in words if w.rstrip(".") not in corporate]
            if 1 < len(short) < len(words):  # "Canadian Royalties" for "Canadian Royalties Inc."
                longer[words[0]].append((short, key))
    texts = _token_texts(doc)
    for i, text in enumerate(texts):
        if not text[:1].isupper():  # also "AngloGold"
            continue
        for words, key in longer.get(text, ()):
            found = texts[i: i + len(words)]
            if len(found) == len(words) and found[:-1] + [POSSESSIVE.sub("", found[-1])] == words \
                    and all(_part_of_name(table, table.token_actor.get(j), words) or j in table.modifier_tokens
                            for j in range(i, i + len(words))):
                for j in range(i, i + len(words)):
                    table.token_actor[j] = key
                    table.modifier_tokens.discard(j)  # "Canadian" in the company's name names no country
        if i in table.token_actor or not text.istitle() and not text.isupper():
            continue
        key = names.get(POSSESSIVE.sub("", text))
        if key:
            table.token_actor[i] = key


def _token_texts(doc: Doc) -> list[str]:
    """Every token's text, sliced from the article once (no Token objects)."""
    if "reader_texts" not in doc.user_data:
        text = doc.user_data.get("reader_text") or doc.text
        doc.user_data["reader_texts"] = [text[a: a + n] for a, n in doc.to_array([IDX, LENGTH]).tolist()]
    return doc.user_data["reader_texts"]


def _part_of_name(table: ActorTable, key: str | None, words: list[str]) -> bool:
    """Whether a token bound to ``key`` may be taken by a longer name: unbound, or bound to an
    organisation named by some of its words ('War' of 'The War on Want report')."""
    if key is None:
        return True
    entry = table.bindings[key].entry
    return entry.kind == "organization" and set(entry.name.split()) < set(words)


def bind_organization(table: ActorTable, name: str, tokens: Iterable[int]) -> str:
    """The organisation named ``name`` (one the table knows by it, or a new one), now the party of
    the tokens that name it."""
    key = _known_org(table, name) or table.bind(Entry(slug(name), name, "organization"))
    for i in tokens:
        table.token_actor[i] = key
    return key


def _known_org(table: ActorTable, name: str) -> str | None:
    key = slug(name)
    if key in table.bindings:
        return key
    generic = table.gazetteer.words("described") | table.gazetteer.words("corporate")
    for binding in table.bindings.values():  # "Unite" after "the Unite union" (not "NFL" after "NFL Players Union")
        words = binding.entry.name.split()
        if binding.entry.kind == "organization" and name in words \
                and all(w.lower() in generic or w in generic for w in words if w != name):
            return binding.entry.key
    return None


# --- groups and learned heads -----------------------------------------------------------

def mark_groups(table: ActorTable, doc: Doc) -> None:
    """'Arab countries', 'European leaders', 'protesters': parties without a gazetteer entry."""
    groups = set(table.gazetteer.nouns["groups"])
    collectives = set(table.gazetteer.nouns["collectives"]) | groups
    for token in doc:
        if token.i in table.token_actor or token.tag_ not in {"NNS", "NNPS"}:
            continue
        lower = token.lower_
        bloc = _bloc(table, token)
        if bloc is not None:  # "poor countries", "developing nations": one party whatever the word
            table.token_actor[token.i] = table.bind(Entry(slug(bloc), bloc, "group"))
            continue
        purpose = _purpose_group(table, token)
        if purpose is not None:  # "Six environmental groups filed a lawsuit"
            table.token_actor[token.i] = table.bind(Entry(slug(purpose), purpose, "group"))
            continue
        if lower not in collectives:
            continue
        origin = next((c for c in token.children if c.dep_ in {"amod", "compound"}
                       and c.ent_type_ in {"NORP", "LOC", "GPE", "FAC"} and c.i not in table.token_actor
                       and (c.ent_type_ in {"NORP", "LOC"} or c.text not in table.gazetteer.names)), None)
        if origin is not None:  # "Arab countries", "Bougainville leaders", "Maules Creek farmers"
            place = doc[origin.left_edge.i: origin.i + 1]
            if any(t.i in table.token_actor for t in place) or not all(t.is_title or t.is_upper for t in place):
                place = doc[origin.i: origin.i + 1]
            key = slug(f"{place.text} group")
            if key not in table.bindings:
                table.bind(Entry(key, f"{place.text} {lower}", "group"))
            table.bindings[key].add_alias(f"{place.text} {lower}")
            table.token_actor[token.i] = key
            for t in place:
                table.token_actor[t.i] = key
        elif lower in groups and (not _modified_by_actor(table, token) or _employer_named(table, token)):
            table.token_actor[token.i] = table.bind(Entry(slug(lower), lower, "group"))
        elif lower in groups and lower not in table.gazetteer.sector_words:
            demonym = next((c for c in token.children
                            if c.dep_ in {"amod", "compound"} and c.i in table.modifier_tokens), None)
            if demonym is not None:  # "Kenyan doctors", "Indian farmers": a country's people, not its government
                name = f"{demonym.text} {lower}"
                table.token_actor[token.i] = table.bind(Entry(slug(name), name, "group"))


def _body_before_country(table: ActorTable, ent: Span) -> Span | None:
    """'Housing | New Zealand said', 'Fair Work | Australia': capitalised words the tagger left out
    of a country's name, that modify it, name a body of their own with it, not the country; not a
    title ('President | Kenya'), a name of people or days, a party's own name, or words of a
    headline. The whole name, else None."""
    doc = ent.doc
    if ent.label_ != "GPE" or ent.start_char < table.title_end or _country_of_name(table, ent.text) is None:
        return None
    words = table.gazetteer.words
    start = ent.start
    while start > 0:
        word = doc[start - 1]
        if word.text == "&" and start > 1:
            start -= 1
            continue
        if not (word.pos_ == "PROPN" and word.is_title and word.dep_ == "compound" and not word.ent_type_
                and ent.start <= word.head.i < ent.end and word.i not in table.token_actor
                and word.lower_ not in words("titles") and word.text.rstrip(".") not in words("honorifics")
                and word.lower_ not in table.gazetteer.role_words):
            break
        start -= 1
    if doc[start].text == "&":
        start += 1
    return doc[start: ent.end] if start < ent.start else None


def _country_of_name(table: ActorTable, text: str) -> str | None:
    """The country a name (not a demonym) stands for, by the gazetteer."""
    key = table.gazetteer.names.get(text)
    return key if key and table.gazetteer.entries[key].kind == "country" else None


def _sport_body(table: ActorTable, ent: Span) -> bool:
    """'Hockey India', 'Cricket Australia', 'Athletics Kenya': a sport's name before a country's
    names that sport's governing body there, not the country (data ``sport_words``)."""
    if len(ent) < 2 or not _names_country(table, ent[-1]):
        return False
    return all(t.is_title and t.lower_ in table.gazetteer.words("sport_words") for t in ent[:-1])


def _organization_by_context(table: ActorTable, ent: Span) -> bool:
    """A name the tagger took for a person, place or law that the article shows is a body: 'Amey,
    the Oxford-based construction company', 'Amey chief executive Mike Pocock' (a title, then a
    person), 'the Labour Law Reform Coalition' (a capitalised name ending in a body word)."""
    words = table.gazetteer.words
    if ent.label_ in {"LAW", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC"} and ent[-1].is_title \
            and ent[-1].lemma_.lower() in words("civil_bodies"):
        return True  # "said the Labour Law Reform Coalition", tagged a law for its "Law"
    if ent.label_ not in {"PERSON", "GPE", "NORP", "PRODUCT", "FAC"} or len(ent) > 3:
        return False
    if any(c.dep_ == "appos" and c.i > ent.end and (c.lemma_.lower() in words("company_nouns")
           or c.lemma_.lower() in words("described") or c.lemma_.lower() == "group") for c in ent.root.children):
        return True
    doc, titles = ent.doc, table.gazetteer.words("titles")
    for width in (2, 1):
        title = doc[ent.end: ent.end + width]
        if len(title) == width and title.text.lower() in titles and ent.end + width < len(doc) \
                and doc[ent.end + width].ent_type_ == "PERSON" and doc[ent.end + width].ent_iob_ == "B":
            return ent.label_ == "PERSON" and ent.root.ent_iob_ == "B" and len(ent) == 1
    return False


def merge_represented_groups(table: ActorTable, doc: Doc) -> None:
    """'The Minnesota Nurses Association, which represents 12,000 nurses' (or 'the union
    representing the nurses'): the nurses of the story are the body that represents them."""
    for token in doc:
        if token.lemma_.lower() not in table.gazetteer.words("represent_verbs") or token.pos_ != "VERB":
            continue
        group = next((c for c in token.children if c.dep_ in {"dobj", "obj"}), None)
        if group is None or table.token_actor.get(group.i) != slug(group.lower_):
            continue  # not a group of the story ('represents the interests of ...')
        body = _representing_body(table, token)
        if body and body != slug(group.lower_) and table.bindings[body].entry.kind == "organization":
            table.bindings[body].add_alias(group.lower_)
            table.merge(slug(group.lower_), body)


def _representing_body(table: ActorTable, verb: Token) -> str | None:
    """Who represents: the subject, the noun a relative clause or participle modifies."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ not in {"WDT", "WP"}:
        return table.token_actor.get(subject.i)
    if verb.dep_ in {"relcl", "acl"}:
        head = verb.head
        return table.token_actor.get(head.i)
    return None


def _purpose_group(table: ActorTable, token: Token) -> str | None:
    """'environmental groups', 'human rights organisations': plural bodies named by their purpose."""
    if token.lower_ not in table.gazetteer.words("purpose_groups"):
        return None
    words = [c for c in token.children if c.dep_ in {"amod", "compound"} and c.pos_ in {"ADJ", "NOUN"}
             and c.i not in table.token_actor and c.ent_type_ not in {"NORP", "GPE"}]
    if not words:
        return None
    start = min(t.i for w in words for t in w.subtree)
    return " ".join(t.lower_ for t in token.doc[start: token.i + 1] if t.is_alpha)


def _bloc(table: ActorTable, token: Token) -> str | None:
    """The development bloc a plural names: 'rich nations', 'developing countries', 'the poorest states'."""
    gaz = table.gazetteer
    if token.lower_ not in gaz.bloc_nouns:
        return None
    for child in token.children:
        if child.dep_ in {"amod", "compound"}:
            words = ["-".join(t.lower_ for t in child.subtree if t.is_alpha), child.lower_]  # "least developed" first
            bloc = next((gaz.blocs[w] for w in words if w in gaz.blocs), None)
            if bloc:
                return bloc
    return None


def _employer_named(table: ActorTable, token: Token) -> bool:
    """'US Caterpillar workers', 'Boeing machinists': the company names whose workers they are,
    and the workers are a party of their own, not the company nor its country."""
    for child in token.children:  # (also "United Airlines | flight attendants", the name under 'flight')
        for t in (child.subtree if child.dep_ == "compound" else (child,)):
            key = table.token_actor.get(t.i)
            if key in table.bindings and table.bindings[key].entry.kind == "organization":
                return True
    return False


def _modified_by_actor(table: ActorTable, token: Token) -> bool:
    return any(c.i in table.token_actor for c in token.children)


def learn_heads(table: ActorTable, doc: Doc, title_end: int = 0) -> None:
    """'the US Embassy in London' teaches that a later 'the embassy' is the US, and
    'Felixstowe Dock and Railway Company' that a later 'the company' is that company."""
    body_words = table.gazetteer.words("anaphors") | table.gazetteer.words("described") \
        | table.gazetteer.words("bodies")  # once per article, not per entity
    for ent in entities(doc):
        key = table.token_actor.get(ent.root.i)
        if ent.label_ != "ORG" or not key:
            continue
        if len(ent) > 1 and ent.root.is_title and ent.root.lemma_.lower() in body_words:
            table.heads.setdefault(ent.root.lemma_.lower(), key)  # not "rail" for "Network Rail"
        headline = ent.start_char < title_end  # "Yemen's Opposition Rejects ...": capitals mean nothing there
        for word in ent:  # "the Alliance of Motion Picture and Television Producers" ... "the alliance"
            if not headline and word.is_title and word.i != ent.root.i and word.lemma_.lower() in body_words:
                table.heads.setdefault(word.lemma_.lower(), key)
        for conj in ent.root.conjuncts:  # "Felixstowe Dock and Railway Company"
            if conj.is_title and conj.i >= ent.end:
                table.heads.setdefault(conj.lemma_.lower(), key)
    _learn_named_heads(table, doc)
    bodies = table.gazetteer.words("bodies") | table.gazetteer.words("owned_heads")
    strings = doc.vocab.strings
    wanted = {strings.add(form) for lemma in bodies for form in (lemma, lemma.capitalize())}
    lemmas = doc.to_array([LEMMA]).tolist()
    for i, lemma_id in enumerate(lemmas):
        if lemma_id not in wanted:
            continue
        token = doc[i]
        lemma = token.lemma_.lower()
        if token.pos_ not in {"NOUN", "PROPN"}:
            continue
        key = _side_named_by_head(table, token) or _members_body(table, token) or _modifier_actor(table, token)
        if key:
            table.heads.setdefault(lemma, key)
            table.head_mentions.setdefault(lemma, []).append((token.i, key))


def _side_named_by_head(table: ActorTable, token: Token) -> str | None:
    """'Hyundai Motor's union', 'Hong Kong police': a common noun made a side of its own, named
    after it (``mark_company_unions``, ``mark_police``), and not its owner, teaches 'the union'."""
    key = table.token_actor.get(token.i) if token.is_lower else None
    binding = table.bindings.get(key) if key else None
    if binding and binding.entry.kind == "organization" and binding.entry.name.lower().endswith(" " + token.lower_):
        return key
    return None


def _learn_named_heads(table: ActorTable, doc: Doc) -> None:
    """'The union, United Voice, says ...' and 'the row between union Vereinigung Cockpit and
    Lufthansa' teach that 'the union', before or after, is United Voice, Vereinigung Cockpit."""
    described = table.gazetteer.words("described") | table.gazetteer.words("anaphors")
    strings = doc.vocab.strings
    wanted = {strings.add(form) for lemma in described for form in (lemma, lemma.capitalize())}
    for i, lemma_id in enumerate(doc.to_array([LEMMA]).tolist()):  # only the candidate tokens are made
        if lemma_id not in wanted:
            continue
        token = doc[i]
        lemma = token.lemma_.lower()
        if (token.pos_ == "NOUN" or token.is_lower) and lemma not in table.heads:
            key = _named_as(table, token)
            introduced = None if key else _introduced_name(table, token)
            if introduced:
                table.introduced[lemma] = key = introduced
            if key:
                table.heads[lemma] = key


def _introduced_name(table: ActorTable, token: Token) -> str | None:
    """'union Vereinigung Cockpit', 'the union Unite', 'airline Lufthansa': a lower-case noun for a
    union, party, company or group just before the name of an organisation it introduces is that
    organisation (data: ``civil_bodies``, ``company_nouns``, ``anaphors``)."""
    name = token.head
    if token.dep_ != "compound" or not token.is_lower or name.pos_ != "PROPN" or name.i <= token.i:
        return None
    if sector_word(table, token):
        return None  # "the opposition All People's Congress": 'the opposition' stays the side (_sector_side)
    words = table.gazetteer.words
    if token.lemma_.lower() not in words("civil_bodies") | words("company_nouns") | words("anaphors") \
            | words("own_bodies"):
        return None  # a body of a state ('the ministry') is not named this way; a regulator is ('regulator FSSAI')
    if any(t.pos_ != "PROPN" for t in token.doc[token.i + 1: name.i + 1]):
        return None  # "union members' Cockpit": not a name right after the noun
    key = table.token_actor.get(token.i + 1)
    return key if key and key == table.token_actor.get(name.i) and table.bindings[key].entry.kind == "organization" \
        else None


def _placing(table: ActorTable, modifier: Token) -> bool:
    """'London-based', 'Paris-headquartered', 'the London club', 'the Spanish company', 'US company',
    'the London-listed company': a modifier that only says where a body sits or what it is tied to
    (a capital before a club or a company: data ``located_bodies``; a country before a company:
    ``company_nouns``; ``location_words``, ``tie_words``)."""
    words = table.gazetteer.words
    head = modifier.head.lemma_.lower()
    if modifier.text in table.gazetteer.capitals and head in words("located_bodies"):
        return True
    if head in words("company_nouns") and _names_country(table, modifier):
        return True
    ties = words("location_words") | words("tie_words")
    return modifier.lemma_.lower() in ties or any(t.lower_ in ties for t in modifier.subtree)


def _names_country(table: ActorTable, modifier: Token) -> bool:
    """'Spanish', 'US', 'South Korean': a country's name or demonym (by the gazetteer)."""
    gaz = table.gazetteer
    text = modifier.text
    key = gaz.demonyms.get(text) or gaz.names.get(text)
    return bool(key) and gaz.entries.get(key) is not None and gaz.entries[key].kind == "country"


def _public_body(table: ActorTable, token: Token) -> bool:
    """A body of a state by its name ('Mainland Affairs Council', 'Interior Ministry'), or a person
    the tagger took for a body ('ministry spokesperson Dina Mufti'), not a company described by its
    country ('German carmaker Volkswagen', 'Swiss private bank BSI')."""
    words = table.gazetteer.words
    titled = any(c.dep_ == "compound" and c.lemma_.lower() in words("titles") for c in token.children)
    lemma = token.lemma_.lower()
    if lemma in words("own_bodies"):
        return False  # "South Africa's National Energy Regulator": a side of its own
    return titled or lemma in words("public_words") or lemma in words("state_bodies")


def _modifier_actor(table: ActorTable, token: Token) -> str | None:
    """An actor named in the modifiers of a noun: 'Russian government', 'government in Washington'."""
    leader = _leader_named(table, token)
    if leader:
        return leader
    named = _region_named(table, token)
    if named:
        return named
    for child in token.children:
        if child.dep_ in {"compound", "amod", "poss", "nmod"} and not _placing(table, child):
            if token.pos_ == "PROPN" and child.dep_ == "compound" and child.lemma_.lower() in table.gazetteer.words(
                    "company_nouns"):
                continue  # "Irish retailer SuperValu": the description places the company, no owner
            if child.tag_ == "NNS" and child.lower_ in table.gazetteer.nouns["groups"]:
                if child.i in table.token_actor:  # "the teachers' union" is the teachers'
                    return table.token_actor[child.i]
                continue  # "the NFL players' union" is the players' union, not the NFL's
            for t in child.subtree:
                key = table.token_actor.get(t.i)
                if key:
                    return key
            if child.dep_ == "poss" and child.pos_ == "PROPN":  # "Bongo's spokesman": a person named before
                key = table.people.get(POSSESSIVE.sub("", child.text)) or _compass_country(table, child)
                if key:  # ("the North's top military body": North Korea)
                    return key
    for child in token.children:  # "a department spokesperson", "the ministry's spokesperson" after "the U.S. ..."
        if child.dep_ in {"compound", "poss"} and child.pos_ == "NOUN" and child.lemma_.lower() in table.heads:
            return table.head_actor(child.lemma_.lower(), child.i)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "of", "for", "from", "like"}:
            for obj in child.children:
                if obj.dep_ == "pobj":  # "a spokesman for one of Sudan's rebel factions": the rebels
                    key = table.token_actor.get(obj.i) or _region_named(table, obj) or _sector_side(table, obj) \
                        or _modifier_actor(table, obj)
                    if key and not table.is_person(key):
                        return key
    return None


def _region_named(table: ActorTable, token: Token) -> str | None:
    """'the separatist Georgian region of South Ossetia': a region's own name, not the country
    its adjective names (data: ``region_nouns``)."""
    if token.lemma_.lower() not in table.gazetteer.words("region_nouns"):
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            key = table.token_actor.get(obj.i)
            if key and table.bindings[key].entry.kind == "country":
                return key
    return None


def _leader_named(table: ActorTable, token: Token) -> str | None:
    """'The Irfaan Ali government', 'the Modi administration': a government named by its leader
    speaks for the leader's party (the knowledge base's, at the article's date)."""
    if token.lemma_.lower() not in table.gazetteer.words("government_heads"):
        return None
    names = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i]
    if not names:
        return None
    name = token.doc[names[0].left_edge.i: token.i].text
    key = knowledge_party(table, name) or table.people.get(name)
    return key if key and not table.is_person(key) else None


NAMING_VERBS = frozenset({"know", "call", "name", "dub"})


def _named_as(table: ActorTable, token: Token) -> str | None:
    """The body a description names beside it: 'the Swiss regulator known as Finma', 'the union,
    United Voice,'. The name beats the description's modifiers ('Swiss' is not the speaker)."""
    for child in token.children:
        naming = child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in NAMING_VERBS \
            and not any(g.dep_ in {"prep", "prt"} for g in child.children)  # not "who called for"
        appos = child.dep_ == "appos" or child.dep_ == "conj" and not any(c.dep_ == "cc" for c in token.children) \
            and child.i == token.i + 2 and token.nbor(1).text == ","  # "the telecom tribunal, TDSAT" parsed a conj
        if naming or (appos and child.pos_ == "PROPN"):
            for t in child.subtree:
                key = table.token_actor.get(t.i)
                if key and table.bindings[key].entry.kind in {"organization", "group"}:
                    return key
    return None


# --- resolving a speaker phrase ---------------------------------------------------------

def resolve_phrase(table: ActorTable, token: Token) -> str | None:
    """The party a noun phrase stands for, through its head, its modifiers or a learned head."""
    key = _compass_country(table, token)
    if key is not None:  # "the North's top military body" in a story of North and South Korea
        return key
    key = _sector_side(table, token)
    if key is not None:  # "Yemen's opposition coalition", "the rebel council in Libya": not the country
        return key
    key = table.token_actor.get(token.i)
    if key is None and token.text[:1].isupper() and (token.pos_ in {"PROPN", "NOUN"} or token.dep_ == "nsubj"):
        key = table.people.get(POSSESSIVE.sub("", token.text))  # a named subject the tagger took for a verb
    if key and table.bindings.get(key) and table.bindings[key].entry.kind == "organization" \
            and key not in table.gazetteer.entries and _public_body(table, token):
        owner = _modifier_actor(table, token)  # "Taiwan's Mainland Affairs Council" speaks for Taiwan
        if owner and table.bindings[owner].entry.kind == "country":
            return owner
    if key and (token.i not in table.modifier_tokens or token.tag_ in {"NNS", "NNPS"}):
        return key
    for child in token.children:  # "Dunn's mother, Charlotte Charles": the named person speaks
        if child.dep_ == "appos" and child.ent_type_ == "PERSON" and child.i in table.token_actor:
            return table.token_actor[child.i]
    civil = _civil_body(table, token) or _members_body(table, token) or _demonym_body(table, token) \
        or _body_of_members(table, token)
    if civil:  # "Kenya's doctors union" is the union the story names, not Kenya
        return civil
    key = _named_as(table, token) or _modifier_actor(table, token)
    if key:
        return key
    for child in token.children:
        if child.dep_ == "appos":
            for t in child.subtree:
                if t.i in table.token_actor:
                    return table.token_actor[t.i]
    if key is None and token.i in table.modifier_tokens:
        person = _demonym_person(table, token)  # "The American now controls 63 percent": Kroenke, not the US
        return person or table.token_actor[token.i]
    if token.pos_ == "NOUN":
        key = _title_of_body(table, token)
        if key:  # "the leader of the council" is the council's, whoever "leader" stood for before
            return key
        learned = None if _other_modifier(token) else table.head_actor(token.lemma_.lower(), token.i)
        key = _name_follows(table, token) or learned or _anaphor(table, token)
        if key:
            return key
    return _home_body(table, token)


COMPASS = {"north", "south", "east", "west"}


def _compass_country(table: ActorTable, token: Token) -> str | None:
    """'the North acknowledges', 'the North's dignity', 'which the south claims': a point of the
    compass standing alone for the one country of the story whose name begins with it ('North
    Korea', 'South Sudan'); not a direction ('60 kilometers to the south')."""
    if token.lower_ not in COMPASS or token.dep_ not in {"nsubj", "nsubjpass", "poss"} \
            or token.i == 0 or token.doc[token.i - 1].lower_ != "the":
        return None
    word = token.text.capitalize() + " "
    found = [key for key, b in table.bindings.items()
             if b.entry.kind == "country" and b.entry.name.startswith(word)]
    return found[0] if len(found) == 1 else None


def _demonym_person(table: ActorTable, token: Token) -> str | None:
    """'The American' after 'American billionaire Stan Kroenke': a nationality standing alone with
    'the' as a subject is the person the story described by it, not the country."""
    if token.dep_ not in {"nsubj", "nsubjpass"} or token.tag_ in {"NNS", "NNPS"} or token.text.endswith("s") \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    for ent in reversed([e for e in entities(token.doc) if e.label_ == "PERSON" and e.end <= token.i]):
        before = token.doc[max(0, ent.start - 3):ent.start]
        if any(t.text == token.text for t in before) and ent.start in table.token_actor:
            return table.token_actor[ent.start]
    return None


def _title_of_body(table: ActorTable, token: Token) -> str | None:
    """'the leader of the council', 'the head of the union': a title followed by 'of' and a word for
    a body speaks for that body (the one the story names, else the body described)."""
    if token.lemma_.lower() not in table.gazetteer.words("titles"):
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "for"}):
        for body in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}):
            if body.pos_ == "NOUN" and body.lemma_.lower() in table.gazetteer.words("described"):
                return resolve_phrase(table, body) or table.describe(body)
            portfolio = body.lower_ in table.gazetteer.words("portfolios") or body.lower_ in table.words("police_nouns")
            if portfolio or _cabinet_title(table, token) and prep.lower_ == "for":
                continue  # "the minister for police": a portfolio, no body
            key = resolve_phrase(table, body) if body.pos_ == "PROPN" or prep.lower_ == "for" else None
            if key and not table.is_person(key):  # "a spokesman for the State Administration of Religious Affairs"
                return key
    return None


def _civil_body(table: ActorTable, token: Token) -> str | None:
    """A union, association or party of a country or a group ('Kenya's doctors union', 'the teachers
    union'), when the story names such a body: that body (the modifier says where it is or whom it
    represents, not who speaks)."""
    lemma = token.lemma_.lower()
    if token.pos_ not in {"NOUN", "PROPN"} or not token.is_lower or lemma not in table.gazetteer.words("civil_bodies"):
        return None  # (the tagger may call a lower-case 'union' a name)
    owner = _modifier_actor(table, token)
    if owner is None or table.bindings[owner].entry.kind not in {"country", "group"}:
        return None
    introduced = table.introduced.get(lemma)
    if introduced in table.bindings:
        return introduced  # "their labour union" after (or before) "union Vereinigung Cockpit"
    named = [key for _, key in table.head_mentions.get(lemma, [])] + [_last_organization(table, token, lemma)]
    group = table.bindings[owner].entry.name.lower() if table.bindings[owner].entry.kind == "group" else None
    return next((key for key in named if key in table.bindings and table.bindings[key].entry.kind == "organization"
                 and (group is None or _represents(table.bindings[key].entry.name, group, lemma))), None)


def _represents(name: str, group: str, lemma: str) -> bool:
    """Whether a named body is the group's own: it names the group ('NFL Players Union' for 'the
    players' union') or is a union for 'the ... union' (not the employers' 'Pacific Maritime
    Association' for 'the dockworkers union')."""
    words = name.lower().replace("'", " ").replace("’", " ").split()
    return group.rstrip("s") in {w.rstrip("s") for w in words} or lemma == "union" and "union" in words


def _demonym_body(table: ActorTable, token: Token) -> str | None:
    """'The Palestinian FA', 'the Palestinian body' after 'the Palestinian Football Association':
    a nationality and the body's initials, or a word for a body, stand for the body named with that
    nationality (not for the country)."""
    lemma = token.lemma_.lower()
    acronym = token.text.isupper() and len(token.text) > 1
    if not acronym and lemma not in table.gazetteer.words("body_words"):
        return None
    demonym = next((c.text for c in token.children if c.dep_ in {"amod", "compound"} and c.i == token.i - 1
                    and c.text in table.gazetteer.demonyms), None)
    if demonym is None:
        return None
    for key, binding in table.bindings.items():
        words = binding.entry.name.split()
        if binding.entry.kind != "organization" or len(words) < 2 or words[0] != demonym:
            continue
        rest = [w for w in words[1:] if w.lower() not in table.gazetteer.words("initials_skip")]
        if not acronym or "".join(w[0] for w in rest) == token.text:
            return key
    return None


def _body_of_members(table: ActorTable, token: Token) -> str | None:
    """'A coalition of trade unions and workers' organisations': a body of members is the body the
    story names with that word ('the Labour Law Reform Coalition'), not its members."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or lemma not in table.gazetteer.words("civil_bodies"):
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None
    named = {key for key, b in table.bindings.items()
             if b.entry.kind == "organization" and b.entry.name.split()[-1].lower() == lemma}
    return named.pop() if len(named) == 1 else None


def _members_body(table: ActorTable, token: Token) -> str | None:
    """'The NFL players association', 'the Boeing machinists union': the body of an organisation's
    members is a party of its own, the one the story names by those initials ('NFLPA') if any."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in table.gazetteer.words("civil_bodies"):
        return None
    compounds = [t for c in token.lefts if c.dep_ in {"compound", "poss"} for t in c.subtree
                 if t.dep_ in {"compound", "poss"}]
    members = [c for c in compounds if c.tag_ == "NNS"]
    owner = [c for c in compounds if c.i in table.token_actor and c.pos_ == "PROPN"
             and table.bindings[table.token_actor[c.i]].entry.kind == "organization"]
    if not members or not owner or owner[0].i > members[0].i:
        return None
    words = [*sorted(compounds, key=lambda t: t.i), token]
    initials = "".join(w.text if w.is_upper else w.text[0].upper() for w in words)
    known = _known_initials(table, initials)
    if known is not None:
        return known
    name = " ".join(w.text for w in words)
    return table.bind(Entry(slug(name), name, "organization"))


def _known_initials(table: ActorTable, initials: str) -> str | None:
    """The organisation known by these initials ('NFLPA'), or by them with the body's own word
    changed ('NHLPU' for 'the NHL players' union' is the 'NHLPA')."""
    for key, binding in table.bindings.items():
        names = {binding.entry.name, *binding.aliases}
        if initials in names or binding.entry.kind == "organization" and any(
                n.isupper() and len(n) == len(initials) and n[:-1] == initials[:-1] for n in names):
            return key
    return None


def _other_modifier(token: Token) -> bool:
    """'Western officials' after 'Hamas official X': a capitalised modifier that names no party
    says whose they are, so the head learned from another party does not apply."""
    return any(c.dep_ in {"amod", "compound"} and c.is_title and (c.i > token.sent.start or c.pos_ in {"ADJ", "PROPN"})
               for c in token.children)


def _name_follows(table: ActorTable, token: Token) -> str | None:
    """'The aid group Medicins du Monde appealed': a common noun right before a name the table
    knows is that name's description, not a word for the last group named."""
    if token.i + 1 >= len(token.doc) or not token.doc[token.i + 1].is_title:
        return None
    key = table.token_actor.get(token.i + 1)
    return key if key and table.bindings[key].entry.kind in {"organization", "group"} else None


def _home_body(table: ActorTable, token: Token) -> str | None:
    """'The Commerce Ministry said', 'a Foreign Ministry spokesman said' with no country named: a
    body of the story's country (or one who speaks for it)."""
    bodies = table.gazetteer.words("state_bodies")
    if token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in bodies and token.i not in table.token_actor:
        return table.home
    titled = token.pos_ == "NOUN" and token.lemma_.lower() in table.gazetteer.words("titles")
    if titled and any(c.dep_ == "compound" and c.lemma_.lower() in bodies and c.i not in table.token_actor
                      for c in token.children):
        return table.home
    return None




def _last_organization(table: ActorTable, token: Token, lemma: str) -> str | None:
    """'the company' after 'Boeing', 'the union' after 'the Machinists union (IAM)': the last
    organisation the article itself introduced, of the fitting sort."""
    # Before it first; then after it: a headline says "union" before the story names it.
    for i in [*range(token.i - 1, -1, -1), *range(token.i + 1, len(token.doc))]:
        key = table.token_actor.get(i)
        if not key or key in table.gazetteer.entries or table.bindings[key].entry.kind != "organization":
            continue
        words = set(table.bindings[key].entry.name.lower().split())
        unions, public = table.gazetteer.words("union_words"), table.gazetteer.words("public_words")
        company = not words & (unions | public) and not _public_initials(table, key) and not any(
            body == key and noun not in table.gazetteer.words("company_nouns")
            for noun, body in table.introduced.items())  # ("regulator FSSAI": no company)
        companies = table.gazetteer.words("company_nouns")
        clubs = lemma == "club" and words & table.gazetteer.words("club_words")
        if lemma in companies and company or lemma == "union" and words & unions or clubs:
            return key
    return None


def _public_initials(table: ActorTable, key: str) -> bool:
    """'FTC' is known as the 'Federal Trade Commission': an agency, not a company."""
    public = table.gazetteer.words("public_words")
    return any(set(alias.lower().split()) & public for alias in table.bindings[key].aliases)


def sector_word(table: ActorTable, token: Token) -> str | None:
    """The sector a word names ('rebel', 'rebels', 'opposition' -> REB, OPP), by its form or lemma."""
    if token.pos_ not in {"NOUN", "ADJ", "PROPN"}:
        return None
    words = table.gazetteer.sector_words
    return words.get(token.lower_) or words.get(token.lemma_.lower())


def _sector_side(table: ActorTable, token: Token) -> str | None:
    """The side a phrase names by its sector word ('the opposition', 'opposition leaders', 'the rebel
    council in Libya', 'Syrian rebels'), with the country its modifiers name; None when there is no
    sector word or a named organisation owns the phrase ('Houthi rebels' are the Houthis)."""
    marker = next((t for t in [token, *token.children] if (t is token or t.dep_ in {"compound", "amod"})
                   and sector_word(table, t)), None)
    if marker is None:
        return None
    named = _named_body_modifier(table, token)
    if named:  # "Colombia's FARC rebels", "the country's Marxist FARC rebels": FARC; later "the rebels" too
        table.sector_owners.setdefault(sector_word(table, marker), named)
        return named
    owner = table.token_actor.get(token.i) if token is not marker else None
    owner = owner or _modifier_actor(table, token)
    if owner and table.bindings.get(owner) and table.bindings[owner].entry.kind != "country":
        return owner
    demonym = next((c.text for c in token.children if c.i in table.modifier_tokens and c.dep_ in {"amod", "compound"}
                    and table.token_actor.get(c.i) == owner), None)
    return table.sector_party(sector_word(table, marker), owner, demonym)




def _words_of(doc: Doc, words: frozenset[str]) -> list[Token]:
    """The tokens of ``doc`` that are one of ``words`` in lower case (found on the LOWER array, so
    a pass over the whole text makes no Token objects but these)."""
    strings = doc.vocab.strings
    wanted = {strings.add(word) for word in words}
    return [doc[i] for i, lower in enumerate(doc.to_array([LOWER]).tolist()) if lower in wanted]


def mark_regional_governments(table: ActorTable, doc: Doc) -> None:
    """'the Queensland government', 'the Kano state government', 'authorities in Kano state', 'the
    government of Quebec': the government of a place that is no country is a side of its own, named
    '<place> government' as the story first writes the place; the place's other mentions ('Kano
    claims', "Kano's justice commissioner") stand for it (data: ``regional_government_nouns``,
    ``regional_words``)."""
    places: dict[str, str] = {}
    for token in _words_of(doc, table.words("regional_government_nouns")):
        if not (token.is_lower or token.is_sent_start) or token.i in table.token_actor:
            continue
        place = _region_of(table, token)
        if place is None:
            continue
        words = [t for t in place if t.lower_ not in table.words("regional_words")]
        text = " ".join(t.text for t in words)
        if text not in places:
            name = f"{place.text} government"
            places[text] = bind_organization(table, name, [])
            table.note(places[text], f"{name}: the government of a place, a side of its own")
        for i in (token.i, *(t.i for t in place)):
            table.token_actor[i] = places[text]
    texts = _token_texts(doc)
    for text, key in places.items():  # "Kano claims ...": the place's other mentions
        words = text.split()
        for i in range(len(texts) - len(words) + 1):
            if i not in table.token_actor and texts[i: i + len(words)] == words:
                for t in range(i, i + len(words)):
                    table.token_actor[t] = key


def _region_of(table: ActorTable, noun: Token) -> Span | None:
    """The place that is no country whose government ``noun`` names, with the word that says what
    it is: 'Queensland | government', 'Kano state | government', 'government of | Quebec',
    'authorities in | Kano state' (a place the tagger took for a person only with such a word, or
    written as a place's name: ``_written_as_place``)."""
    doc, regional = noun.doc, table.words("regional_words")
    heads = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i] or [
        g for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "in"} for g in c.children
        if g.dep_ == "pobj"]
    for head in heads:
        span = doc[head.left_edge.i: head.right_edge.i + 1]
        while len(span) and span[0].lower_ == "the":
            span = span[1:]
        words = [t for t in span if t.lower_ not in regional]
        if not words or len(words) > 3 or not all(t.is_title and t.pos_ == "PROPN" for t in words) \
                or any(t.i in table.token_actor for t in span):
            continue  # ("the Russian government": a country's, bound before)
        name = " ".join(t.text for t in words)
        named_as = words[0].ent_type_ in {"GPE", "LOC"} or len(words) < len(span) or _written_as_place(doc, name)
        if named_as and not knowledge_person_named(table, name):
            return span
    return None


def _written_as_place(doc: Doc, name: str) -> bool:
    """Whether a name the tagger took for a person reads as a place's: two words or more whose last
    word the story never writes alone, as it would a person's surname ('the Tamil Nadu government';
    not 'the Modi government', nor 'the Nawaz Sharif government' where 'Sharif said')."""
    words = name.split()
    if len(words) < 2:
        return False
    text = doc.user_data.get("reader_text") or doc.text
    alone = len(re.findall(rf"\b{re.escape(words[-1])}\b", text))
    return alone == len(re.findall(rf"\b{re.escape(name)}\b", text))


def knowledge_person_named(table: ActorTable, name: str) -> bool:
    """Whether a name is a person's: one the knowledge base knows ('Putin' of 'the Putin government'), or
    part of a longer person's name the story writes."""
    from . import knowledge

    return knowledge.known_person(name) or any(
        ent.label_ == "PERSON" and name in ent.text.split() and len(ent) > 1 for ent in entities(table.doc))


def mark_police(table: ActorTable, doc: Doc) -> None:
    """'police revealed', 'a police spokesperson', 'the city's police department', 'Northamptonshire
    police': the police named by a common noun are a side of their own, '<place> police' (the place
    the story writes before it, else the country's demonym), not the government of the country.
    Every bare mention joins the one police force the story names as an organisation ('the
    Nigeria Police Force ... police said'), else the one it names by place, if only one."""
    mentions = [(token.i, *_police_owner(table, token)) for token in _words_of(doc, table.words("police_nouns"))
                if token.pos_ in {"NOUN", "PROPN"} and token.i not in table.token_actor
                and (token.is_lower or token.i == token.sent.start)]
    # (not "the county's Police and Crime Commissioner": a title)
    places = {written for _, _, written in mentions if written}
    only = next(iter(places)) if len(places) == 1 else None
    forces = [key for key, b in table.bindings.items() if b.entry.kind == "organization"
              and any(word in b.entry.name.lower().split() for word in table.words("police_nouns"))
              and not set(b.entry.name.lower().split()) & table.words("union_words")]  # (not "Police Association")
    named = forces[0] if len(forces) == 1 else None  # "the Nigeria Police Force" ... "police said"
    for i, owner, written in mentions:
        if named and not written:
            table.token_actor[i] = named
            continue
        place = written or only or (owner and demonym_of(table.gazetteer, owner)) \
            or (owner in table.bindings and table.bindings[owner].entry.name)
        if not place:
            continue  # no place known: the police of nowhere in particular
        name = f"{place} police"
        table.note(bind_organization(table, name, [i]), f"{name}: the police, a side of their own")


def mark_courts(table: ActorTable, doc: Doc) -> None:
    """'Belgian courts told Facebook ...', 'a lower Dutch court threw out ...', 'the high court in
    Pretoria': a court named by a common noun with its country's word or its seat is a side of its
    own, named as the story writes it, not the government of that country (data: ``court_nouns``).
    A bare 'the court' is left to the court the story names."""
    courts = table.words("court_nouns")
    for token in _words_of(doc, courts | {f"{word}s" for word in courts}):
        if token.lemma_.lower() not in courts or not token.is_lower or token.i in table.token_actor:
            continue
        modifiers = [c for c in token.children if c.dep_ in {"amod", "compound", "poss"} and c.i < token.i]
        place = next((c for c in modifiers if c.text[:1].isupper() and c.ent_type_ in {"NORP", "GPE"}), None)
        seat = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                     if g.dep_ == "pobj" and g.ent_type_ == "GPE"), None)  # "the high court in Pretoria"
        if place is None and seat is None:
            continue
        words = [POSSESSIVE.sub("", c.text) for c in modifiers if c is place or c.is_lower]
        name = " ".join([*words, token.lemma_.lower(), *(["in", seat.text] if seat is not None else [])])
        table.note(bind_organization(table, name, [token.i]), f"{name}: a court, a side of its own")


def mark_company_unions(table: ActorTable, doc: Doc) -> None:
    """'Hyundai Motor's 43,000-member union', 'the Boeing union': a union of a company's workers that
    the story does not name is a side of its own, '<company> union', not the company it bargains
    with (data: ``company_unions``); a union the story names is that union already."""
    unions = table.words("union_words")
    for token in _words_of(doc, table.words("company_unions")):
        if token.pos_ != "NOUN" or token.i in table.token_actor \
                or any(c.dep_ == "compound" and c.tag_ == "NNS" for c in token.children):
            continue  # ("US Airways' pilots union": named by its members, read by the group rules)
        owner = next((table.token_actor.get(c.i) for c in token.children if c.dep_ in {"poss", "compound"}
                      and table.token_actor.get(c.i) in table.bindings), None)
        if owner is None or table.bindings[owner].entry.kind != "organization" \
                or set(table.bindings[owner].entry.name.lower().split()) & unions or _public_initials(table, owner):
            continue  # ("the NFL players' union": a union's own name; a public body's staff union)
        company = _without_suffix(table.bindings[owner].entry.name.split(), table.words("corporate"),
                                  table.words("legal_suffixes"))  # "Hyundai Motor Co." -> "Hyundai Motor"
        name = f"{company} {token.lower_}"
        key = bind_organization(table, name, [token.i])
        table.note(key, f"{name}: the union of a company's workers, a side of its own")


def _police_owner(table: ActorTable, token: Token) -> tuple[str | None, str | None]:
    """The country of a police mention and the place written before it ('Hong Kong police',
    'Tanzanian police', 'Northamptonshire police'), else the story's country and no place."""
    gaz = table.gazetteer
    for child in token.children:
        if child.dep_ not in {"amod", "compound", "poss", "nmod"} or not child.text[:1].isupper():
            continue
        written = " ".join(t.text for t in child.subtree if not t.is_punct and t.lower_ != "'s")
        key = table.token_actor.get(child.i) or gaz.demonyms.get(child.text) or gaz.names.get(child.text)
        if key in table.bindings and table.bindings[key].entry.kind == "country":
            return key, written
        if child.ent_type_ in {"GPE", "LOC"} or child.pos_ == "PROPN" and not child.ent_type_:
            return table.home, written
    return table.home, None


def learn_sector_owners(table: ActorTable, doc: Doc) -> None:
    """'The TPLF rebels', 'Sierra Leone's main opposition party, the All People's Congress': a side
    the story names by a body ('rebels', 'opposition') is that body, before or after (the first
    such body of each side; data: ``[sectors]`` words)."""
    bodies = table.gazetteer.words("civil_bodies") | table.gazetteer.words("anaphors")
    found: dict[str, set[str]] = {}
    for token in doc:
        if token.pos_ != "NOUN":
            continue
        marker = token if sector_word(table, token) else next(
            (c for c in token.children if c.dep_ in {"compound", "amod"} and sector_word(table, c)), None)
        if marker is None or (marker is not token and token.lemma_.lower() not in bodies):
            continue  # "opposition leader Morgan Tsvangirai": a person, not the side's body
        named = _named_body_modifier(table, token) or _named_apposition(table, token)
        if named and table.bindings[named].entry.kind == "organization" and (
                _named_twice(table, named) or token.dep_ == "nsubj"):  # ("The TPLF rebels dismissed ...")
            found.setdefault(sector_word(table, marker), set()).add(named)
    for sector, named in found.items():
        if len(named) == 1:  # (two rebel groups named: 'the rebels' stays the side)
            table.sector_owners.setdefault(sector, named.pop())


def _named_twice(table: ActorTable, key: str) -> bool:
    """Whether the story names the body at least twice (a party of the story, not a passing
    mention: 'aided by JEM rebels from Sudan's Darfur region')."""
    starts = sorted(i for i, k in table.token_actor.items() if k == key)
    return sum(1 for a, b in zip([-2, *starts[:-1]], starts, strict=True) if b != a + 1) >= 2


def _named_body_modifier(table: ActorTable, token: Token) -> str | None:
    """A named organisation among a noun's compounds ('FARC rebels', 'TPLF rebels' however the parser
    hung it), not a country or a person."""
    return _named_child(table, token, {"compound"}, {"organization", "group"}) or _named_child(
        table, token, {"amod"}, {"organization"})  # (not 'Marxist rebels': a word for what they are)


def _named_apposition(table: ActorTable, token: Token) -> str | None:
    """'the main opposition party, the All People's Congress (APC)': a named organisation in
    apposition to the noun."""
    return _named_child(table, token, {"appos"}, {"organization"})


def _named_child(table: ActorTable, token: Token, deps: set[str], kinds: set[str]) -> str | None:
    """The party of the first child of ``token`` in one of the relations ``deps`` bound to a party
    of ``kinds``."""
    for child in token.children:
        if child.dep_ not in deps:
            continue
        key = table.token_actor.get(child.i)
        binding = table.bindings.get(key) if key else None
        if binding is not None and binding.entry.kind in kinds:
            return key
    return None


def _anaphor(table: ActorTable, token: Token) -> str | None:
    """'the militant group' after 'Hezbollah': the last organisation or group named before."""
    if token.lemma_.lower() not in table.gazetteer.words("anaphors"):
        return None
    if not any(c.lower_ == "the" for c in token.children):
        return None
    kinds = {"group"} if token.tag_ == "NNS" else {"organization", "group"}  # "the groups": a group named before
    state = table.words("police_nouns") | table.words("court_nouns")  # ("met with police ... the group": not them)
    for i in range(token.i - 1, -1, -1):
        key = table.token_actor.get(i)
        if key and table.bindings[key].entry.kind in kinds and table.bindings[key].entry.name.split()[-1].lower() \
                not in state:
            return key
    return None


# --- the government of a domestic story -----------------------------------------------------

def name_countries_as_written(actors: Sequence[Actor], table: ActorTable) -> list[Actor]:
    """A country is shown by the name the story gives it ('Macedonia', 'Swaziland') when the story
    never writes the name the packages give it ('Republic of Macedonia'); that name stays an alias."""
    text = table.doc.user_data.get("reader_text") or table.doc.text
    out = []
    for actor in actors:
        if actor.kind != "country" or _written(actor.name, text):
            out.append(actor)
            continue
        counts = Counter({surface: _mentions(surface, text)
                          for surface, key in table.gazetteer.formal.items() if key == actor.id and surface in text})
        best = next((surface for surface, n in counts.most_common() if n), None) or _people_named(actor, table, text)
        if best is None:
            out.append(actor)
            continue
        aliases = tuple(a for a in dict.fromkeys((*actor.aliases, actor.name)) if a != best)
        out.append(replace(actor, name=best, aliases=aliases,
                           evidence=(*actor.evidence, f"{best}: the story's name for it")))
    return out


def _people_named(actor: Actor, table: ActorTable, text: str) -> str | None:
    """'Turkish Cypriots' for the region Northern Cyprus when the story names it only by its people's
    name of two words (not 'South Africans' for South Africa: a country keeps its name)."""
    if actor.id not in table.gazetteer.regions or any(_written(alias, text) for alias in actor.aliases):
        return None
    names = [d for d, key in table.gazetteer.demonyms.items() if key == actor.id and " " in d
             and re.search(r"\b" + r"[- ]".join(map(re.escape, d.split())) + r"s?\b", text)]  # "Turkish-Cypriots"
    return _plural(names[0]) if names else None


def _plural(demonym: str) -> str:
    return demonym if demonym.endswith(("sh", "ch", "se", "s")) else f"{demonym}s"


def _written(name: str, text: str) -> bool:
    return name in text and re.search(rf"\b{re.escape(name)}\b", text) is not None


def _mentions(name: str, text: str) -> int:
    """How often ``name`` stands in ``text`` as whole words."""
    return len(re.findall(rf"\b{re.escape(name)}\b", text)) if name in text else 0


def name_domestic_government(actors: Sequence[Actor], table: ActorTable) -> list[Actor]:
    """In a domestic story (one country among the parties, facing bodies of its own: states, a
    union, the opposition, a committee) the country's party is its government: name it as the
    story does ('the Bush administration', 'the PTI government'), the country's name kept as an
    alias. A story with two countries keeps the countries' names."""
    countries = [a for a in actors if a.kind == "country"]
    if len(countries) != 1 or not countries[0].positions:
        return list(actors)
    country = countries[0]
    foreign = any(table.gazetteer.demonyms.get(a.name.split()[0]) not in {None, country.id} for a in actors
                  if a.sector)  # "Syrian rebels" facing Russia: no domestic row
    name = government_name(table, country.id, by_demonym=len(actors) > 1 and not foreign)  # one party alone: none
    if name is None:
        return list(actors)
    renamed = replace(country, name=name, aliases=tuple(dict.fromkeys((*country.aliases, country.name))),
                      evidence=(*country.evidence, f"{name}: the story's name for its government"))
    return [renamed if a is country else a for a in actors]


def name_sides_of_country(actors: Sequence[Actor], table: ActorTable) -> list[Actor]:
    """In a story with one country among the parties, a side named by its word alone ('the
    opposition', 'the rebels') is that country's side: 'Venezuelan opposition' (the bare word stays
    an alias)."""
    countries = [a for a in actors if a.kind == "country"]
    if len(countries) != 1:
        return list(actors)
    demonym = country_adjective(table.gazetteer, countries[0].id)
    bases = set(table.gazetteer.sectors.values())
    if not demonym:
        return list(actors)
    out = []
    for actor in actors:
        if actor.kind == "group" and actor.name in bases:
            name = f"{demonym} {actor.name}"
            actor = replace(actor, name=name, aliases=tuple(dict.fromkeys((*actor.aliases, actor.name))),
                            evidence=(*actor.evidence, f"{name}: the side of the story's one country"))
        out.append(actor)
    return out


def name_military_side(actors: Sequence[Actor], positions: Sequence, table: ActorTable) -> list[Actor]:
    """'the Sudanese army' facing the RSF: a country whose every speaker in the story is its military
    (or a statement; no government, minister or ministry speaks for it) is shown as the story
    names that military, a side of its own in a civil war or a coup; the country's name stays an
    alias (data: ``military_words``, ``government_words``)."""
    military, civil = table.gazetteer.words("military_words"), table.gazetteer.words("government_words")
    documents = table.gazetteer.words("documents")
    text = table.doc.user_data.get("reader_text") or table.doc.text
    out = []
    for actor in actors:
        speakers = [p.speaker.lower() for p in positions if p.actor == actor.id and p.speaker]
        words = [w for w in (set(re.findall(r"[a-z]+", s)) for s in speakers) if not w & documents]
        name = _military_name(table, actor.id, text) if actor.kind == "country" else None
        if name and words and all(w & military and not w & civil for w in words):
            actor = replace(actor, name=name, aliases=tuple(dict.fromkeys((*actor.aliases, actor.name))),
                            evidence=(*actor.evidence, f"{name}: only its military speaks"))
        out.append(actor)
    return out


def _military_name(table: ActorTable, country: str, text: str) -> str | None:
    """'Sudanese army', as the story writes it ('the Sudanese army', 'Sudanese military')."""
    demonym = demonym_of(table.gazetteer, country)
    if not demonym:
        return None
    counts = Counter({f"{demonym} {w}": text.count(f"{demonym} {w}") for w in ("army", "military", "armed forces")})
    best, n = counts.most_common(1)[0]
    return best if n else None


def government_name(table: ActorTable, country: str, by_demonym: bool = True) -> str | None:
    """The most frequent 'X administration' / 'X government' standing for ``country`` (or for a
    leader of no known party, when ``country`` is the story's country) whose X is a proper name
    that is no country or nationality ('Bush administration', 'PTI government')."""
    found: Counter[str] = Counter()
    gazetteer = table.gazetteer
    heads = gazetteer.words("government_heads")
    for token in table.doc:
        if token.lemma_.lower() not in heads or token.pos_ not in {"NOUN", "PROPN"} or token.dep_ == "compound":
            continue  # (not "the South African Local Government Association")
        owner = next((c for c in token.children if c.dep_ == "compound" and c.i == token.i - 1), None)
        if owner is None or owner.pos_ != "PROPN" or owner.ent_type_ in {"GPE", "NORP", "LOC"} or owner.is_sent_start:
            continue  # ("Local government elections ...": a capital that only opens the sentence)
        if owner.text in gazetteer.names or owner.text in gazetteer.demonyms or not owner.text[:1].isupper():
            continue
        if owner.lower_ in gazetteer.words("portfolios") or any(c.dep_ == "prep" and c.lower_ == "of"
                                                                for c in token.children):
            continue  # "the State Administration of Religious Affairs": a body's name, not the government's
        key = table.resolve(token)
        if key == country or key and table.is_person(key) and country == table.home:
            found[f"{owner.text} {token.lower_}"] += 1  # the country's, or its leader's of the story's country
    if found:
        return found.most_common(1)[0][0]
    if not by_demonym:
        return None
    demonym = country_adjective(gazetteer, country)
    return _country_government(table, country) or _seat_name(table, country) or gazetteer.governments.get(country) \
        or (f"{demonym} government" if demonym else None)  # "the Czech government", "the New Zealand government"


def _seat_name(table: ActorTable, country: str) -> str | None:
    """'the White House' when the story names the government by its seat more often than by the
    country (data: ``seat_names``, which must be names of the country in the gazetteer)."""
    text = table.doc.user_data.get("reader_text") or table.doc.text
    seats = [seat for seat in table.gazetteer.words("seat_names") if table.gazetteer.names.get(seat) == country]
    counts = Counter({seat: _mentions(seat, text) for seat in seats})
    best = counts.most_common(1)[0] if counts else None
    own = sum(_mentions(surface, text) for surface, key in table.gazetteer.formal.items() if key == country)
    return best[0] if best and best[1] >= 2 and best[1] > own else None


def _country_government(table: ActorTable, country: str) -> str | None:
    """'the Malawi government', 'the Sierra Leone government': the story's own name for its
    government, a name of the country before 'government' (its demonym form is the default)."""
    entry = table.gazetteer.entries.get(country)
    if entry is None:
        return None
    text = table.doc.user_data.get("reader_text") or table.doc.text  # (Doc.text rebuilds the string)
    phrase = f"{entry.name} government"
    return phrase if phrase in text or f"{entry.name} Government" in text else None
