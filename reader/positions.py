"""Finding stated positions: direct quotes, reported speech and described speech acts.

The Doc is read unit by unit (a sentence, or several when a quote runs over them). In each
unit, cues are found (a speech or stance verb, a light verb with a stance noun, "according
to", a quote introduced by a colon, a party's owned demand or proposal); each cue's speaker is
resolved to an actor; its kind comes from the cue and from the content it introduces.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from itertools import accumulate
from typing import TYPE_CHECKING

from .classify import KIND_RANK, classify_content, negated, raised_offer, to_infinitive
from .guards import CONTENT_DEPS, Draft, guarded_kind
from .lexicon import Lexicon, cue_lemma, load_lexicon
from .model import Article, Position, Span
from .quotes import Quote, find_quotes
from .speakers import (
    PRONOUNS,
    SUBJECTS,
    agent_of,
    current_speaker_actor,
    is_passive,
    speaker_actor,
    speaker_text,
    subject_of,
)
from .triggers import Trigger, trigger_matches

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as DocSpan

    from .actors import ActorTable

WORD = re.compile(r"[^\W\d_]+")
PARTIAL_QUOTE_WORDS = 3  # words of a reported clause outside its quotes that make the clause the content
SPLIT_CUE_WORDS = 6  # words of a cue between two parts of one quote ('"A," the union's leader said, "B."')
OWN_CLAUSE_WORDS = 3  # words a first cue must say for a second cue's clause to be a position of its own
MAX_JOINED = 500  # characters: a quote joined over sentences stays shorter than a paragraph


@dataclass
class Cue:
    token: Token  # the cue word
    kind: str
    speaker: Token | None
    actor: str | None = None
    content: tuple[int, int] | None = None  # character offsets
    clause: tuple[int, int] | None = None  # character range when the cue makes a span of its own
    label: str = ""


@dataclass
class Context:
    """What the reader remembers while going through the article."""

    doc: Doc
    article: Article
    actors: ActorTable
    lex: Lexicon
    quotes: list[Quote]
    positions: list[Position] = field(default_factory=list)
    last: dict[int, Position] = field(default_factory=dict)  # paragraph -> last position in it
    last_speaker: dict[int, str | None] = field(default_factory=dict)
    antecedents: dict[int, Token] = field(default_factory=dict)  # pronoun token -> the phrase it stands for
    _quoted: frozenset[int] | None = None
    quote_starts: list[int] = field(default_factory=list)  # of quotes, which find_quotes gives in text order
    triggers: dict[int, Trigger] = field(default_factory=dict)  # cue token -> multi-word trigger matched there

    def __post_init__(self) -> None:
        self.quote_starts = [q.start for q in self.quotes]
        self.triggers = trigger_matches(self.doc)

    def last_within(self, para: int, back: int) -> Position | None:
        """The last position of paragraph ``para``, else of the nearest of the ``back`` before it."""
        return next((self.last[p] for p in range(para, para - back - 1, -1) if p in self.last), None)

    def quoted(self, token: Token) -> bool:
        """Whether ``token`` lies inside a direct quote (the spans are computed once)."""
        if self._quoted is None:
            inside: set[int] = set()
            for quote in self.quotes:
                if not quote.is_scare:
                    span = self.doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
                    if span is not None:
                        inside.update(range(span.start, span.end))
            self._quoted = frozenset(inside)
        return token.i in self._quoted


def find_positions(doc: Doc, article: Article, actors: ActorTable) -> list[Position]:
    """All stated positions of the article, in text order."""
    doc.user_data.setdefault("reader_text", article.text)  # Doc.text rebuilds the string each call
    ctx = Context(doc, article, actors, load_lexicon(), find_quotes(article))
    for unit in units(doc, ctx.quotes):
        for position in unit_positions(ctx, unit):
            if not position.direct and len(WORD.findall(position.text)) < 2:
                continue  # a bare noun or verb the parser cut off ("offer"): nothing stated
            if _continues(ctx, position):
                position = _joined(ctx, ctx.positions.pop(), position)
            if not _says_nothing(position):  # "He said:" before a quote: the speaker, kept for what follows
                ctx.positions.append(position)
            ctx.last[position.paragraph] = position
            ctx.last_speaker[position.paragraph] = position.speaker
    ordered = sorted(ctx.positions, key=lambda p: (p.start, p.end))
    return [_renumber(p, i) for i, p in enumerate(ordered, 1)]


def _says_nothing(position: Position) -> bool:
    """A sentence that is only its speaker and cue ('He said:', 'Clinton said.'): nothing stated."""
    named = {w.lower() for w in WORD.findall(f"{position.speaker or ''} {position.cue}")} | PRONOUNS
    return not position.direct and not [w for w in WORD.findall(position.text) if w.lower() not in named]


def _continues(ctx: Context, position: Position) -> bool:
    """A quote with no cue of its own that goes straight on with the previous speaker's quote in the
    same paragraph ('"A," he said. "B."') with the same move or none of its own: one statement over
    several sentences, one position."""
    if not ctx.positions or position.cue != "quote" or not position.direct:
        return False
    last = ctx.positions[-1]
    return (last.direct and last.actor == position.actor and last.paragraph == position.paragraph
            and not ctx.article.text[last.end:position.start].strip()
            and position.end - last.start <= MAX_JOINED
            and position.kind in {last.kind, "statement"})


def _joined(ctx: Context, first: Position, then: Position) -> Position:
    kind = first.kind if then.kind == "statement" else then.kind
    return replace(first, kind=kind, end=then.end, text=ctx.article.text[first.start:then.end],
                   content=Span(first.content.start, then.content.end),
                   targets=tuple(dict.fromkeys(first.targets + then.targets)))


def _renumber(p: Position, n: int) -> Position:
    return replace(p, id=f"p{n}")


# --- units ------------------------------------------------------------------------------

def units(doc: Doc, quotes: list[Quote]) -> list[DocSpan]:
    """Sentences, merged where a quote runs across a sentence boundary."""
    starts = [q.start for q in quotes]  # quotes are in text order (find_quotes)
    reach = list(accumulate((q.end for q in quotes), max))  # the furthest end among quotes[:k + 1]
    merged: list[DocSpan] = []
    for sent in _opening_marks_moved(doc, set(starts)):
        if not sent.text.strip():
            continue
        if merged and (_quote_crosses(starts, reach, merged[-1], sent) or _attribution_follows(merged[-1])):
            merged[-1] = doc[merged[-1].start: sent.end]
        else:
            merged.append(sent)
    return merged


def _opening_marks_moved(doc: Doc, starts: set[int]) -> list[DocSpan]:
    """The sentences, with an opening quote mark the splitter left at the end of a sentence
    ('... remained tricky. \'\'We have ...') moved to the sentence it opens."""
    out: list[DocSpan] = []
    carry = None
    for sent in doc.sents:
        start = carry if carry is not None else sent.start
        last = sent[-1]
        carry = None
        if sent.end - start > 1 and last.i + 1 < len(doc) and any(last.idx + k in starts for k in range(len(last))):
            carry = last.i
        out.append(doc[start: last.i if carry is not None else sent.end])
    return out


def _attribution_follows(prev: DocSpan) -> bool:
    """'"We will defend ourselves,"' cut off from 'the commander said': a quote closed after a comma
    never ends a sentence; its attribution follows in the same paragraph."""
    if len(prev) < 2 or "\n" in prev[-1].text_with_ws:
        return False
    last, before = prev[-1].text, prev[-2].text
    if last[-1:] in {'"', "\u201d", "'", "\u2019"} and len(last) > 1:  # '," as one token
        last, before = last[-1], last[:-1]
    return last in {'"', "\u201d", "'", "\u2019"} and before.endswith(",")


def _quote_crosses(starts: list[int], reach: list[int], prev: DocSpan, sent: DocSpan) -> bool:
    boundary = sent.start_char
    if "\n" in prev[-1].text_with_ws or "\n" in prev.text.rstrip():
        return False
    k = bisect_left(starts, boundary)  # quotes[:k] open before the boundary: does one end after it?
    return k > 0 and reach[k - 1] - 1 > boundary


# --- one unit ---------------------------------------------------------------------------

def unit_positions(ctx: Context, unit: DocSpan) -> list[Position]:
    starts = ctx.quote_starts  # the quotes opening inside the unit: two binary searches, not a scan
    quotes = ctx.quotes[bisect_left(starts, unit.start_char): bisect_left(starts, unit.end_char)]
    direct = [q for q in quotes if not q.is_scare or _opens_split_quote(ctx, unit, q, quotes)]
    found = find_cues(ctx, unit, quotes)
    cues = [c for c in found if c.actor and not _outsider(ctx, c)]  # "VOA reporter X asked him": no party's move
    if cues:
        return positions_from_cues(ctx, unit, cues, direct)
    if any(_outsider(ctx, c) or _unknown_speaker(c) for c in found):
        return []  # '"...," said an editorial in the Global Times': someone said it, not a party
    if direct:
        floating = floating_quote(ctx, unit, direct, quotes)
        return [floating] if floating else []
    follow = follow_on(ctx, unit, quotes)
    return [follow] if follow else []


def _opens_split_quote(ctx: Context, unit: DocSpan, quote: Quote, quotes: list[Quote]) -> bool:
    """'"My hope," he said, "is that ..."': a short quote that opens the unit and goes on after its
    cue is the first part of one quote, not a scare quote."""
    if ctx.article.text[unit.start_char:quote.start].strip():
        return False
    later = [q for q in quotes if q.start >= quote.end]
    return bool(later) and not later[0].is_scare and len(
        WORD.findall(ctx.article.text[quote.end:later[0].start])) <= SPLIT_CUE_WORDS


def find_cues(ctx: Context, unit: DocSpan, quotes: list[Quote]) -> list[Cue]:
    cues: list[Cue] = []
    for token in unit:
        if _in_quote(quotes, token) and not _third_party_inside_quote(ctx, token):
            continue
        cue = (verb_cue(ctx, token) or according_to_cue(ctx, token) or owned_noun_cue(ctx, token)
               or view_cue(ctx, token) or demands_are_cue(ctx, token) or stance_cue(ctx, token))
        if cue is None:
            continue
        if cue.actor is None and _joined_to_reported_clause(token):
            cue.actor = _reporter_actor(ctx, cue)  # "... said that Iran's escalation has no basis and called on Tehran"
        cue.actor = cue.actor or speaker_actor(ctx, cue.speaker, token) or _reporter_actor(ctx, cue)
        cues.append(cue)
    if not cues:
        colon = colon_cue(ctx, unit, quotes)
        if colon:
            cues.append(colon)
    for cue in cues:
        cue.clause = cue.clause or _embedded_stance(cues, cue)
    return cues


def _another_speaker(one: Cue, other: Cue) -> bool:
    """Cues of two parties, or the answer of the one the first cue is aimed at ('Kiir accused
    Machar of ..., a charge Machar has denied', where the story gives both to one country)."""
    if one.actor != other.actor:
        return True
    if other.speaker is None or other.speaker.pos_ != "PROPN":
        return False
    aimed = [t for c in one.token.children if c.dep_ in {"dobj", "obj"} for t in c.subtree]
    return any(t.text == other.speaker.text and t.i != other.speaker.i for t in aimed)


def _embedded_stance(cues: list[Cue], cue: Cue) -> tuple[int, int] | None:
    """'accused them of stirring up unrest, which Russia has denied', 'an accusation denied by
    Khartoum': another party's move on a thing an earlier speaker names, in a clause that describes
    the thing, is a position of its own over the thing and the clause."""
    token = cue.token
    if cue.actor is None or cue.kind == "statement" or token.dep_ not in {"relcl", "acl"}:
        return None
    if any(c.tag_ == "MD" for c in token.children):
        return None  # "an offer, which should be accepted by the union": what the speaker wants of it
    head = token.head
    if not any(o.token.i < head.i and o.actor is not None and o.token.sent == token.sent and _another_speaker(o, cue)
               for o in cues if o is not cue):
        return None
    return head.left_edge.idx, _end(token.right_edge)


def _outsider(ctx: Context, cue: Cue) -> bool:
    """A speech cue whose speaker comments from outside: an analyst, an editorial, a newspaper."""
    speaker = cue.speaker
    if speaker is None or speaker.pos_ not in {"NOUN", "PROPN"}:
        return False
    outlet = ctx.actors.is_outlet
    quoting = {t.i - 1 for t in speaker.subtree if t.lower_ in {"quoted", "quoting", "quotes"}}
    return ctx.actors.is_masthead(speaker) or speaker.lemma_.lower() in ctx.actors.words("outsiders") or any(
        outlet(t.text) or outlet(ctx.doc[t.i : t.i + 2].text) or outlet(ctx.doc[t.i : t.i + 3].text)
        for t in speaker.subtree if t.text[:1].isupper() and t.i not in quoting)  # outlets are named with capitals
    # ("AFP quoted spokesman X as saying", misparsed as one phrase: the outlet quotes X, X speaks)


def _unknown_speaker(cue: Cue) -> bool:
    """'"...," said a man in the crowd': a speaker is named but is no party; the words are theirs,
    never the previous speaker's."""
    speaker = cue.speaker
    return speaker is not None and speaker.pos_ in {"NOUN", "PROPN"} and cue.kind == "statement"


def _in_quote(quotes: list[Quote], token: Token, scare: bool = False) -> bool:
    """Whether ``token`` stands inside a quote (a scare quote counts only with ``scare``)."""
    return any(q.inner_start <= token.idx < q.inner_end for q in quotes if scare or not q.is_scare)


def _reporter_actor(ctx: Context, cue: Cue) -> str | None:
    """'The union said the offer was an insult and called on X to ...': a cue joined to the
    reported clause (a common misparse) is the reporter's own move."""
    token = cue.token
    if token.dep_ != "conj" or token.head.dep_ != "ccomp" or token.pos_ != "VERB":
        return None
    reporter = subject_of(token.head.head)
    actor = speaker_actor(ctx, reporter, token.head.head) if reporter is not None else None
    if actor:
        cue.speaker = reporter
    return actor


def _joined_to_reported_clause(token: Token) -> bool:
    """A verb of speech joined to the reported clause with no subject of its own: the reporter's
    second move misparsed ('said that X has no basis and called on Tehran to ...')."""
    return (token.dep_ == "conj" and token.head.dep_ == "ccomp" and token.pos_ == "VERB"
            and not is_passive(token)  # "offered to talk but was rebuffed by management": another party
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children))


def _third_party_inside_quote(ctx: Context, token: Token) -> bool:
    """'... Netanyahu has said he's not going to want ...' inside an analyst's quote."""
    if token.pos_ != "VERB" or ctx.lex.verbs.get(token.lemma_) is None:
        return False
    if token.dep_ in {"pcomp", "relcl", "acl"}:
        return False  # '"A lot of what Prof Smith said we have heard before"': what was said, no frame
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.ent_type_ == "PERSON" or subject.pos_ == "PROPN"):
        return False
    # Reported speech has a clause of its own ("has said he's not going to ..."); "India insists
    # on unreasonable demands" inside China's quote is China describing India, not India speaking.
    return any(c.dep_ in {"ccomp", "xcomp"} for c in token.children)


# --- cues -------------------------------------------------------------------------------

def verb_cue(ctx: Context, token: Token) -> Cue | None:
    """A speech or stance verb ('said', 'rejected', 'made demands'), its kind after the guards of
    ``guards.GUARDS``, and who says it."""
    if token.pos_ not in {"VERB", "AUX"} and not (token.pos_ == "NOUN" and token.tag_ == "VBZ"):
        return None
    lemma = cue_lemma(ctx.lex, token)
    trigger = ctx.triggers.get(token.i)
    kind = trigger.kind if trigger else ctx.lex.verbs.get(lemma)
    learned = ctx.lex.knowledge_kind(lemma) if kind is None else None  # a cue only with a complement
    kind = kind or learned
    noun = None
    if lemma in ctx.lex.words("raise_verbs"):  # "increased its wage offer to 6.5%", "sweetened its bid"
        noun = raised_offer(token, ctx.lex)
        kind = "offer" if noun is not None else kind
    elif lemma in ctx.lex.light_verbs:
        objects = [o for c in token.children if c.dep_ in {"dobj", "obj"} for o in (c, *c.conjuncts)]
        objects += [g for o in objects for g in _stance_words(o)]  # "a note of protest", "a protest letter"
        noun = next((o for o in objects  # "made demands", "expressed its surprise and denunciation"
                     if ctx.lex.nouns.get(o.lemma_.lower(), "statement") != "statement"), None)  # not "a statement"
        said = next(((o, k) for o in objects for k in [_participle_kind(ctx, o)] if k), None)
        if said is not None:  # "issued a resolution expressing its condemnation", "... calling for a truce"
            noun, kind = said
        elif noun is not None:
            kind = ctx.lex.nouns[noun.lemma_.lower()]
        elif _deadline_given(ctx, token):
            kind = "demand"  # "gave Chevron 15 days to apologize", "has given the company until Monday to respond"
    if kind is None:
        return None
    kind = guarded_kind(ctx, Draft(token, lemma, kind, noun, known=learned is not None, trigger=trigger))
    if kind is None:
        return None
    speaker = subject_of(token)
    cue = Cue(token, kind, speaker, label=_cue_label(token, noun))
    if speaker is None and token.dep_ == "ROOT" and is_passive(token) and lemma in ctx.lex.passive_inherit:
        cue.actor = current_speaker_actor(ctx, token)
    cue.content = content_range(token, noun)
    if _inverted(cue) and token.i > token.sent.start + 1:  # "... education; observed X": what comes before
        cue.content = (token.sent.start_char, ctx.doc[token.i - 1].idx)  # ('Said the minister: "..."': after)
    elif _inverted(cue):
        cue.content = None
    return cue


def _participle_kind(ctx: Context, noun: Token) -> str | None:
    """What a document says it does, by the participle after it: 'a resolution expressing its
    condemnation' (a light verb and its noun), 'a resolution calling for a ceasefire', 'a letter
    demanding ...' (a verb of a kind); None for a plain 'a statement saying ...'."""
    if noun.lemma_.lower() not in ctx.actors.words("documents"):
        return None  # (not "showed videos of ships blocking the boats")
    for verb in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBG"
                 and not any(g.dep_ in {"nsubj", "mark", "aux"} for g in c.children)):
        lemma = cue_lemma(ctx.lex, verb)
        if lemma in ctx.lex.light_verbs:
            kinds = [ctx.lex.nouns.get(o.lemma_.lower()) for o in verb.children if o.dep_ in {"dobj", "obj"}]
            kind = next((k for k in kinds if k and k != "statement"), None)
        else:
            kind = ctx.lex.verbs.get(lemma)
        if kind and kind != "statement" and not negated(verb):
            return kind
    return None


def _stance_words(noun: Token) -> list[Token]:
    """The words that say what a document is: 'a note [of protest]', 'a [protest] letter'."""
    words = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return words + [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]


def _deadline_given(ctx: Context, token: Token) -> bool:
    """'gave Chevron 15 days to apologize', 'have given Nigerian authorities until tomorrow to
    re-instate the board', 'gave them another five days in which to end the strike': time given to
    another side to do something is a demand that they do it (data: ``deadline_verbs``,
    ``time_nouns``)."""
    if token.lemma_.lower() not in ctx.lex.words("deadline_verbs") or negated(token):
        return False
    times = ctx.lex.words("time_nouns")
    timed = any(c.dep_ in {"dobj", "obj", "npadvmod"} and c.lemma_.lower() in times for c in token.children) \
        or any(t.lower_ == "until" and t.dep_ == "prep" for t in token.subtree)
    return timed and any(t.lower_ == "to" and t.dep_ == "aux" and t.head.pos_ == "VERB" for t in token.subtree)


def _cue_label(token: Token, noun: Token | None) -> str:
    if noun is not None:
        return f"{token.text} {noun.text}"
    particle = next((c.text for c in token.children if c.dep_ == "prt"), "")
    return f"{token.text} {particle}".strip()


def according_to_cue(ctx: Context, token: Token) -> Cue | None:
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    return Cue(token, "statement", source, content=_beside(ctx, token), label="according to")


def _beside(ctx: Context, token: Token) -> tuple[int, int]:
    """What 'according to X' attributes: the side of its sentence with the main clause
    ('According to the union, [the talks have collapsed]', '[Talks collapsed], according to X, ...')."""
    sent = token.sent
    phrase_start, phrase_end = token.left_edge.idx, _end(token.right_edge)
    before = _trim(ctx.doc, sent.start_char, phrase_start)
    after = _trim(ctx.doc, phrase_end, sent.end_char)
    start, end = after if sent.root.idx >= phrase_end else before  # the side of the main clause
    if end - start < 2:
        start, end = max(before, after, key=lambda r: r[1] - r[0])
    text = ctx.article.text
    while end > start and text[end - 1] in ".!?":
        end -= 1  # the sentence's full stop is not what X said
    return (start, end) if end - start > 1 else (sent.start_char, sent.end_char)


def owned_noun_cue(ctx: Context, token: Token) -> Cue | None:
    """A party's own demand or plan spelled out: 'at Russia's request', 'an Egyptian plan to ...',
    'Israel's key demand – ...', 'which prompted rejection by Arab countries'."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or lemma not in ctx.lex.owned_nouns:
        return None
    owner = _owner(token) or _party_modifier(ctx, token)
    if owner is None:
        return None
    if token.dep_ in SUBJECTS | {"dobj", "pobj", "attr"} and _governed_by_cue(ctx, token) \
            and not _that_clause(token) and not _answered_stance(ctx, token, owner):
        return None  # "rejected Russia's demands": the answer's target, unless spelled out ("the claim that ...")
    at_request = token.head.lower_ == "at" and lemma == "request"
    spelled_out = any(c.dep_ in {"acl", "appos", "relcl"} for c in token.children) or _dash_after(token) \
        or _that_clause(token)  # "denied opposition claims that the pact would lead to ..."
    by_agent = any(c.lower_ == "by" for c in token.children)
    if not (at_request or spelled_out or by_agent):
        return None
    kind = ctx.lex.nouns.get(lemma, "demand")
    governor = _governing_word(token)
    if kind == "statement" and governor.pos_ == "VERB" and ctx.lex.verbs.get(governor.lemma_.lower()) == "reject":
        kind = "accuse"  # "denied opposition claims that ...": a claim the other side denies charges it
    if at_request:
        sent = token.sent
        span = (sent.start_char, sent.end_char)
        return Cue(token, kind, owner, content=span, label=f"at {owner.text}'s request")
    start, end = _owned_span(token)
    said = _that_clause_span(token)
    return Cue(token, kind, owner, content=said or (start, end), clause=(start, end),
               label=token.text)


def _party_modifier(ctx: Context, token: Token) -> Token | None:
    """'a new government peace proposal', 'an offer of a rise from the hospital board': a word
    before the noun, or the object of a 'from' within its phrase, that names a party (not a
    person: 'the Smith plan' is read by ``_owner``)."""
    words = [c for c in token.children if c.dep_ in {"amod", "compound"} and c.i < token.i
             and c.pos_ in {"NOUN", "PROPN", "ADJ"}]
    words += [o for t in token.subtree if t.dep_ == "prep" and t.lower_ == "from"
              for o in t.children if o.dep_ == "pobj" and o.pos_ in {"NOUN", "PROPN"}]
    for word in words:
        key = ctx.actors.actor_at(word.i) or ctx.actors.resolve(word) \
            or (ctx.actors.describe(word) if word.pos_ == "NOUN" else None)
        if key is not None and not ctx.actors.is_person(key):
            return word
    return None


def _answered_stance(ctx: Context, token: Token, owner: Token) -> bool:
    """'rejected a new government proposal aimed at ending the war', 'despite the President's
    offer to appoint two opposition leaders': another party's stance, spelled out by a clause,
    inside the answer to it. It is a position of its owner's as well (the answer's target,
    linked to it); a bare 'rejected Russia's demands', or one with only a 'for' phrase
    ('demands for guarantees'), only points back."""
    if not any(c.dep_ in {"acl", "relcl", "appos"} for c in token.children):
        return False
    verb = _governing_word(token)
    if ctx.lex.verbs.get(verb.lemma_.lower()) == "statement":
        return False  # "said Comcast's offer to swap shares undervalued Disney": what is said, no answer
    subject = subject_of(verb) or agent_of(verb)
    answerer = speaker_actor(ctx, subject, verb) if subject is not None else None
    return answerer is not None and answerer != speaker_actor(ctx, owner, token)


def _that_child(token: Token, deps: frozenset[str] = frozenset({"acl", "ccomp"})) -> Token | None:
    """The clause opened by 'that' among ``token``'s children of ``deps``: the ministry's
    statement [that the border stays closed], 'their view is [that ...]'."""
    return next((c for c in token.children if c.dep_ in deps
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def _that_clause_span(token: Token) -> tuple[int, int] | None:
    """'the ministry's statement [that the border stays closed]': the clause a noun spells out."""
    clause = _that_child(token)
    return (clause.left_edge.idx, _end(clause.right_edge)) if clause is not None else None


def stance_cue(ctx: Context, token: Token) -> Cue | None:
    """'The union is ready to resume talks', 'the operator was still not prepared to pay the fine',
    'The Players' Association is vehemently against this': a party's stance the story states by an
    adjective of readiness (``offer_adjectives`` with a to-clause: an offer, refused when negated,
    a threat when it is to fight: ``resistance_verbs``, ``retaliation_verbs``) or of opposition
    (``opposed_words``: a rejection) after 'be'."""
    verb = token.head
    if token.dep_ not in {"acomp", "prep"} or verb.lemma_ != "be" or verb.dep_ != "ROOT":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON" or _in_quote(ctx.quotes, token, scare=True):
        return None
    lemma = token.lemma_.lower()
    act = next((c for c in token.children if c.dep_ == "xcomp" and to_infinitive(c)), None)
    if lemma in ctx.lex.words("offer_adjectives") and act is not None:
        if act.lemma_.lower() in ctx.lex.words("spoken_acts"):
            return None  # "were only willing to say ...": what they said, read by its own cue
        fight = act.lemma_.lower() in ctx.lex.words("resistance_verbs") | ctx.lex.words("retaliation_verbs")
        kind = "reject" if negated(verb) or negated(token) else "threaten" if fight else "offer"  # "ready to fight"
    elif lemma in ctx.lex.words("opposed_words") and not negated(verb) and (
            token.dep_ == "acomp" or any(c.dep_ == "pobj" for c in token.children)):
        kind = "reject"
    else:
        return None
    actor = speaker_actor(ctx, subject, token)
    if actor is None:
        return None
    cue = Cue(token, kind, subject, content=(token.idx, _end(token.right_edge)), label=token.text)
    cue.actor = actor
    return cue


def demands_are_cue(ctx: Context, token: Token) -> Cue | None:
    """'The SSTA's three main demands are an 8.5 percent wage increase ...', 'Some of the union's
    requests are a one-off payment ...': a party's demands (or offers) named by a noun whose copula
    spells them out (data: the nouns of a kind, ``stated_nouns``)."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or lemma not in ctx.lex.words("stated_nouns"):
        return None
    holder = token
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "nsubj":
        holder = token.head.head  # "Some of the union's requests are ..."
    if holder.dep_ != "nsubj" and token.dep_ != "nsubj":
        return None
    verb = holder.head
    if verb.lemma_ != "be" or negated(verb) or verb.dep_ != "ROOT":
        return None  # ('SanDisk said Samsung's offer "is an opportunistic attempt"': what another says of it)
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    stated = next((c for c in verb.children if c.dep_ == "attr"), None)
    if owner is None or stated is None or _in_quote(ctx.quotes, token, scare=True):
        return None
    cue = Cue(token, ctx.lex.nouns.get(lemma, "demand"), owner, content=(stated.left_edge.idx, _end(stated.right_edge)),
              label=token.text)
    cue.actor = speaker_actor(ctx, owner, token)
    return cue


def view_cue(ctx: Context, token: Token) -> Cue | None:
    """'Ruiz's view is that the deal cannot survive', 'their position was that ...': a party's
    stance named by a noun (data: ``view_nouns``) whose copula states it."""
    if token.pos_ != "NOUN" or token.dep_ != "nsubj" or token.lemma_.lower() not in ctx.lex.words("view_nouns"):
        return None
    if _in_quote(ctx.quotes, token, scare=True):
        return None  # '"My hope," he said, "is that ..."': the quote's own words
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    head = token.head
    if owner is None or head.lemma_ != "be":
        return None
    clause = _that_child(head, frozenset({"ccomp", "attr"}))
    if clause is None:
        return None
    content = (clause.left_edge.idx, _end(clause.right_edge))
    cue = Cue(token, "statement", owner, content=content, label=token.text)
    cue.actor = speaker_actor(ctx, owner, token)
    return cue


def _that_clause(token: Token) -> bool:
    """'the Kremlin's announcement that Russia will retaliate': a noun whose content is spelled out."""
    return _that_child(token) is not None


def _governed_by_cue(ctx: Context, token: Token) -> bool:
    head = _governing_word(token)
    return head.lemma_.lower() in ctx.lex.verbs and head.pos_ == "VERB"


def _governing_word(token: Token) -> Token:
    """The word a noun depends on, past prepositions ('rejected [despite] the offer' -> rejected)."""
    head = token.head
    while (head.dep_ == "prep" or head.pos_ == "ADP") and head.head.i != head.i:  # (an ADP may root a sentence)
        head = head.head
    return head


def _owner(token: Token) -> Token | None:
    """Who owns a noun: 'Iran's warning', 'the Iranian warning', 'a warning by Iran'; a noun joined
    to an owned one by 'and' shares its owner ('Iran's warning ... and the accusation that ...')."""
    for child in token.children:
        if child.dep_ == "poss" and child.lower_ not in PRONOUNS:
            return child
        if child.dep_ in {"amod", "compound"} and child.ent_type_ in {"NORP", "GPE", "ORG"}:
            return child
        if child.lower_ == "by":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if token.dep_ == "conj" and token.head.pos_ == "NOUN" and not any(c.dep_ == "poss" for c in token.children):
        return _owner(token.head)
    return None


def _dash_after(token: Token) -> bool:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.text in {"–", "—", "-", ":"}


def _owned_span(token: Token) -> tuple[int, int]:
    head = token.head
    if head.dep_ == "relcl":
        return head.left_edge.idx, _end(head.right_edge)
    start = token.left_edge.idx
    end = _end(token.right_edge)
    if _dash_after(token):
        end = max(end, _end(token.sent[-1]))
    return start, end


def colon_cue(ctx: Context, unit: DocSpan, quotes: list[Quote]) -> Cue | None:
    """'Psaki, meanwhile, made it clear: "..."': a colon before a quote is a cue."""
    for quote in quotes:
        if quote.is_scare:
            continue
        before = ctx.article.text[unit.start_char: quote.start].rstrip()
        if not before.endswith(":"):
            continue
        tokens = [t for t in unit if t.idx < quote.start]
        verb = next((t for t in tokens if t.dep_ == "ROOT" or t.pos_ in {"VERB", "AUX"}), None)
        speaker = subject_of(verb) if verb is not None else None
        if speaker is None:
            # "Kessler's response: '...'", "Moscow's answer: '...'": the owner of the words
            noun = next((t for t in reversed(tokens) if t.pos_ == "NOUN"), None)
            speaker = next((c for c in noun.children if c.dep_ == "poss"), None) if noun is not None else None
            verb = noun if speaker is not None else verb
        if speaker is None or verb is None:
            continue
        cue = Cue(verb, "statement", speaker, content=(quote.inner_start, quote.inner_end), label=":")
        cue.actor = speaker_actor(ctx, speaker, verb)
        return cue
    return None


# --- content and spans ----------------------------------------------------------------------

def content_range(token: Token, noun: Token | None = None) -> tuple[int, int] | None:
    """What the cue states: its object, addressee and complements ('told [reporters that ...]',
    'rejected [the offer]'), without a phrase that only says when ('on Thursday') before a clause."""
    parts = [c for c in token.children if c.dep_ in CONTENT_DEPS and c.dep_ != "advcl"]
    if any(c.dep_ in {"ccomp", "xcomp"} for c in parts):  # not when it was said
        parts = [c for c in parts if not _when(c)]
    parts = [c for c in parts if not _scene(c, token)]
    if agent_of(token) is not None:
        parts = _passive_content(token, parts)
    if noun is not None:
        parts = [noun]
    if not parts:
        return None
    start = min(p.left_edge.idx for p in parts)
    end = max(_end(p.right_edge) for p in parts)
    return start, end


def _passive_content(token: Token, parts: list[Token]) -> list[Token]:
    """'The offer was rejected by the union': what the agent's move is about is the passive
    subject; 'it was argued by X that ...' keeps its clause."""
    clauses = [c for c in parts if c.dep_ in {"ccomp", "xcomp"}]
    subject = next((c for c in token.children if c.dep_ == "nsubjpass" and c.lower_ not in {"it", "this", "that"}),
                   None)
    return clauses or ([subject] if subject is not None else parts)


def _scene(token: Token, cue: Token) -> bool:
    """'On Friday, X endorsed Y', 'In Ohio, X said ...': a phrase before the cue sets the scene."""
    return token.dep_ == "prep" and (token.i < cue.i or _when(token))


def _when(token: Token) -> bool:
    """'on Thursday', 'last week': a phrase that only says when."""
    return token.dep_ == "prep" and any(t.ent_type_ in {"DATE", "TIME"} for t in token.subtree)


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def positions_from_cues(ctx: Context, unit: DocSpan, cues: list[Cue], direct: list[Quote]) -> list[Position]:
    groups = group_cues(ctx, unit, cues)
    out = []
    for group, (start, end) in groups:
        if end - start < 2:
            continue
        main = _main_cue(group)
        inside = [q for q in direct if start <= q.start < end]
        quote = inside[0] if inside else None  # a quote split by its cue is one content: '"A," he said, "B."'
        content = (quote.inner_start, inside[-1].inner_end) if quote else (main.content or (start, end))
        if quote and _quotes_within(ctx, main.content, inside):  # 'says it means Trump "may not have paid a dime"'
            content = (main.content[0], max(main.content[1], inside[-1].inner_end))  # the clause is the content
        content = (max(content[0], start), min(content[1], end))
        if content[0] >= content[1]:
            content = (start, end)
        kind = decide_kind(ctx, group, content)
        position = make_position(ctx, main, kind, start, end, content, quote is not None,
                                 targets=cue_targets(ctx, group, content))
        reporter = next((c for c in group if c is not main and _reported_within(main.token, c.token)), None)
        if reporter is not None and reporter.speaker is not None:  # "Jones said the union offered ..."
            position = replace(position, speaker=speaker_text(ctx, reporter))
        out.extend(split_joined_clauses(ctx, position) if main.kind == "statement" and quote is None else [position])
    return out


def split_joined_clauses(ctx: Context, position: Position) -> list[Position]:
    """'told reporters that is not justified and the U.S. reserves the right to respond': two
    clauses with subjects of their own joined in one reported content, each stating another
    strong kind, are two positions of the same speaker."""
    content = ctx.doc.char_span(position.content.start, position.content.end, alignment_mode="expand")
    if content is None:
        return [position]
    for token in content:
        if token.dep_ != "conj" or token.pos_ not in {"VERB", "AUX"} or token.head not in content:
            continue
        if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            continue
        cut = _clause_start(token, content)
        first = ctx.doc.char_span(content.start_char, cut, alignment_mode="expand")
        second = ctx.doc.char_span(cut, content.end_char, alignment_mode="expand")
        kinds = [classify_content(part, ctx.lex) for part in (first, second)]
        if None in kinds or kinds[0] == kinds[1]:
            continue
        return [_part(ctx, position, position.start, cut, kinds[0]), _part(ctx, position, cut, position.end, kinds[1])]
    return [position]


def _part(ctx: Context, position: Position, start: int, end: int, kind: str) -> Position:
    start, end = _trim(ctx.doc, start, end)
    text = ctx.article.text
    while end > start and text[start:end].rstrip().endswith((" and", " but")):
        end = start + text[start:end].rstrip().rfind(" ")
    for joint in ("and ", "but "):
        if text.startswith(joint, start):
            start += len(joint)
    content = Span(max(position.content.start, start), min(position.content.end, end))
    return replace(position, kind=kind, text=text[start:end], start=start, end=end, content=content)


def _quotes_within(ctx: Context, clause: tuple[int, int] | None, quotes: list[Quote]) -> bool:
    """Whether the quotes are words quoted inside a reported clause that says more than they do."""
    if clause is None or not clause[0] <= quotes[0].start < clause[1]:
        return False  # (the clause may end before the quote's closing mark: '... was "unhinged, even for him."')
    text = ctx.article.text
    outside = text[clause[0]:quotes[0].start] + text[min(quotes[-1].end, clause[1]):clause[1]]
    return len(WORD.findall(outside)) >= PARTIAL_QUOTE_WORDS


def _main_cue(group: list[Cue]) -> Cue:
    """The cue whose move the position is: the strongest kind, but never a move that another cue of
    the group judges ('calls rebel ceasefire demands "unrealistic"' is the government's rejection)."""
    judged = [c for c in group if any(o is not c and o.kind != "statement" and _reported_within(c.token, o.token)
                                      for o in group) or _described_in(group, c)
              or any(_inverted(o) and c.token.i < o.token.i and c.actor != o.actor for o in group)
              or _about_the_speaker(group, c)]
    return min([c for c in group if c not in judged] or group,
               key=lambda c: (c.actor is None, KIND_RANK[c.kind], not _reports_another(group, c), c.token.i))


def _about_the_speaker(group: list[Cue], cue: Cue) -> bool:
    """'The militant leader, who made prisoner exchange demands in the past, said ...': a move told
    in a relative clause on another cue's speaker describes that speaker; it is not what they say."""
    return cue.token.dep_ == "relcl" and any(o is not cue and o.speaker is not None and cue.token.head.i == o.speaker.i
                                            for o in group)


def _reports_another(group: list[Cue], cue: Cue) -> bool:
    """'The statement said that the company's representatives claimed ...': the claim reported is
    the move, the report only carries it (a cue nobody speaks is none either way)."""
    return cue.token.tag_ in {"VBD", "VBZ", "VBP"} and any(  # not "expected the MPs to demand ...": what is wished
        o is not cue and o.actor != cue.actor and _reported_within(cue.token, o.token) for o in group)


def _described_in(group: list[Cue], cue: Cue) -> bool:
    """A cue in a relative clause after another speaker's cue ('the NFLPA says is a pay cut that the
    league is asking players to take') describes what that speaker talks about."""
    return cue.token.dep_ == "relcl" and any(o.token.i < cue.token.head.i and o.actor != cue.actor for o in group)


def group_cues(ctx: Context, unit: DocSpan, cues: list[Cue]) -> list[tuple[list[Cue], tuple[int, int]]]:
    """Cues of one speaker and stance make one position over the unit; a clause with another
    speaker, another strong kind or content of its own is a position of its own."""
    own = [c for c in cues if c.clause is not None]
    rest = [c for c in cues if c.clause is None]
    groups: list[list[Cue]] = []
    for cue in rest:
        if groups and not _separate(groups[-1], cue):
            groups[-1].append(cue)
        else:
            groups.append([cue])
    ranges = _split_ranges(unit, groups)
    result = list(zip(groups, ranges, strict=True))
    for cue in own:
        if any(cue.clause[0] >= r[0] and cue.clause[1] <= r[1] and not _another_speaker(g[0], cue) for g, r in result):
            continue
        result.append(([cue], cue.clause))
    return result


def _inverted(cue: Cue) -> bool:
    """'..., observed UNATU General Secretary James Tweheyo': the speech verb after what it reports."""
    return cue.speaker is not None and cue.speaker.dep_ in {"dobj", "obj"} and cue.speaker.head == cue.token


def _separate(group: list[Cue], cue: Cue) -> bool:
    prev = group[-1]
    if _inverted(cue) and cue.token.sent == prev.token.sent:
        return False  # what comes before it in the sentence is what it reports
    if _joined_speaker(prev, cue):
        return True  # "X said A, and Y's minister Z said B": the parser may hang B's verb inside A
    outer = [c for c in group if _reported_within(cue.token, c.token) or _reported_within(c.token, cue.token)]
    if _second_move(group, cue):
        return True  # "said it has agreed to the demands, and accused them of ...": two moves, two positions
    if _other_party_move(group, cue):
        return True  # "X demanded ..., the government said, dismissing that demand": two parties, two moves
    if not outer and _clause_of_its_own(group, cue):
        return True  # "X said A, adding that B": two clauses said, two positions
    if outer:  # "The DPRK has demanded talks, its envoy said": one statement, reported ...
        others = [c for c in group if c not in outer and c.actor != cue.actor and c.kind != "statement"]
        return bool(others) and cue.kind != "statement"  # ... unless it reports two parties' moves
    if cue.token.dep_ == "relcl" and cue.token.head.i > prev.token.i and cue.token.sent == prev.token.sent:
        return False  # "says is a pay cut that the league is asking players to take": part of what is said
    if cue.actor != prev.actor:
        return True
    if cue.token.dep_ != "conj":
        return False
    kinds = {c.kind for c in group}
    return cue.kind != "statement" and "statement" not in kinds and cue.kind not in kinds


def _joined_speaker(prev: Cue, cue: Cue) -> bool:
    """A cue joined with 'and' that names a subject of its own, of another party than the cue before."""
    subject = next((c for c in cue.token.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" or None in (cue.actor, prev.actor) or cue.actor == prev.actor:
        return False
    left = subject.left_edge
    joined = left.i > 0 and left.doc[left.i - 1].lower_ in {"and", "while", "but", "whereas"}
    return cue.token.dep_ == "conj" or cue.token.dep_ == "ccomp" and joined  # (not "X said Y said ...")


def _clause_of_its_own(group: list[Cue], cue: Cue) -> bool:
    """A second cue of the speaker that introduces a clause of its own beside what a cue before it
    says: 'argued that A, saying B', 'called X "crazy" and said that B' ('said A, declining to ...'
    has no clause of its own; 'said he expects that ...' is the first clause reported)."""
    if cue.token.dep_ not in {"advcl", "conj", "relcl"} or not _says_a_clause(cue.token):
        return False
    if any(c.kind != "statement" for c in [*group, cue]) and not _said_after_label(group, cue):
        return False  # "spurned the bid, saying it was too low": a move and its reason are one position
    trailing = _trailing_participle(cue.token)  # parsed inside the first clause, yet the speaker's own
    return any(c.content is not None and c.content[0] < cue.token.idx
               and (trailing or not c.content[0] <= cue.token.idx < c.content[1])
               and _words_before(c.token.doc, c.content, cue.token.idx) >= OWN_CLAUSE_WORDS for c in group)


def _said_after_label(group: list[Cue], cue: Cue) -> bool:
    """'called the budget a mess and said the committee should start again': a label puts no clause
    of its own, so a plain 'and said ...' after it says a second thing, not the label's reason."""
    labelling = load_lexicon().words("labelling_verbs")
    return cue.token.dep_ == "conj" and cue.kind == "statement" and all(
        c.kind == "statement" or c.token.lemma_.lower() in labelling
        or c.token.lemma_ == "call" and any(g.dep_ == "oprd" for g in c.token.children) for c in group)


def _words_before(doc: Doc, content: tuple[int, int], end: int) -> int:
    """Words of a cue's content before ``end`` ('defended them and said ...': one)."""
    text = doc.user_data.get("reader_text") or doc.text
    return len(WORD.findall(text[content[0]:min(content[1], end)]))


def _trailing_participle(token: Token) -> bool:
    """', saying ...', ', adding that ...': a participle after a comma goes on with the speaker."""
    left = token.left_edge
    return (token.dep_ == "advcl" and token.tag_ == "VBG" and left.i == token.i and left.i > 0
            and token.doc[left.i - 1].text == ",")


def _says_a_clause(token: Token) -> bool:
    return any(c.dep_ == "ccomp" for c in token.children)


def _second_move(group: list[Cue], cue: Cue) -> bool:
    """A conjoined cue of another strong kind than every strong cue before it in the group."""
    strong = {c.kind for c in group if c.kind != "statement"}
    return (_joined_move(cue.token) and cue.kind != "statement" and bool(strong) and cue.kind not in strong
            and cue.actor == group[-1].actor)


def _joined_move(token: Token) -> bool:
    """A move joined to the one before: 'and accused them of ...', or a participle after it
    ('cautioned the president ..., accusing the police of ...')."""
    return token.dep_ == "conj" or token.dep_ == "advcl" and token.tag_ == "VBG" and token.i > token.head.i


def _other_party_move(group: list[Cue], cue: Cue) -> bool:
    """A strong move by another party than every strong move of the group, and not reported by them."""
    strong = [c for c in group if c.kind != "statement"]
    if strong:
        others = all(c.actor != cue.actor for c in strong)
    else:  # "Japan said it would not retract them, a day after the South Korean president urged talks"
        others = _adverbial(cue.token) and cue.actor is not None and all(c.actor != cue.actor for c in group)
    return cue.kind != "statement" and others and not any(_reported_within(cue.token, c.token) for c in group)


def _adverbial(token: Token) -> bool:
    """A clause that says when or why ('a day after the president urged talks'), also where the
    parser joined it by 'conj' but kept its 'after'."""
    return token.dep_ == "advcl" or (token.dep_ == "conj" and any(
        c.dep_ == "mark" and c.i < token.i for c in token.children))


def _reported_within(inner: Token, outer: Token) -> bool:
    """Whether ``inner`` lies in the clause that ``outer`` reports (not merely joined to it by 'and')."""
    token, gerund = inner, False
    while token.head != token and token != outer:
        if token.dep_ == "conj" and token.head == outer:
            return False
        if token.dep_ in {"relcl", "acl"} or _adverbial(token):
            return False  # "offered talks as activists continued to rally to demand ...": not reported
        if token.dep_ in {"ccomp", "xcomp", "parataxis"} and token.head == outer:
            return True
        gerund = gerund or token.dep_ == "pcomp"
        if token.dep_ == "prep" and token.head == outer and gerund:
            return True  # "blasted the EC for being vague about what it was requesting": the grounds
        token = token.head
    return False


def _split_ranges(unit: DocSpan, groups: list[list[Cue]]) -> list[tuple[int, int]]:
    """Character ranges of each group: the unit, cut before each later group's clause."""
    if len(groups) <= 1:
        return [_trim(unit.doc, unit.start_char, unit.end_char)] if groups else []
    cuts = [unit.start_char]
    for before, group in zip(groups, groups[1:], strict=False):
        cut = _clause_start(group[0].token, unit)
        if cut <= cuts[-1]:  # "[Hamas insists on X], a demand Israel has rejected": parsed as reporting it
            cut = _after_reported(group[0].token, before[0].token, cut)
        cuts.append(cut)
    cuts.append(unit.end_char)
    return [_trim(unit.doc, cuts[i], cuts[i + 1]) for i in range(len(groups))]


def _after_reported(token: Token, earlier: Token, cut: int) -> int:
    """Where a later cue's own words start when the parser hung the earlier cue's clause on it:
    just after that clause."""
    held = next((c for c in token.children if c.i < token.i and c.left_edge.i <= earlier.i <= c.right_edge.i), None)
    return _end(held.right_edge) if held is not None else cut


def _clause_start(token: Token, unit: DocSpan) -> int:
    """Where a conjoined clause starts: after its conjunction ('but', 'and', 'while')."""
    left = token.left_edge
    while left.i < token.i and (left.dep_ in {"cc", "punct", "mark"} or left.is_space):
        left = left.nbor(1)
    cc = next((c for c in token.head.children if c.dep_ == "cc" and c.i < token.i and c.i >= unit.start), None)
    if cc is not None and cc.i < left.i:
        return cc.idx
    return max(left.idx, unit.start_char)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    text = doc.user_data.get("reader_text") or doc.text
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    for joiner in (" and", " but", " while"):  # "..., and" cut before the next speaker's clause
        if text.endswith(joiner, start, end) and text[start:end - len(joiner)].rstrip().endswith(","):
            return _trim(doc, start, end - len(joiner))
    return start, end


def _close_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the closing mark the sentence splitter left outside: '"It is a bad deal.' + '"'."""
    if end < len(text) and text[end] in '"”' and (text.count('"', start, end) + text.count("“", start, end)
                                                     + text.count("”", start, end)) % 2:
        return start, end + 1
    return start, end


def decide_kind(ctx: Context, group: list[Cue], content: tuple[int, int]) -> str:
    main = _main_cue(group)
    if main.kind == "offer" and main.token.lemma_.lower() in ctx.lex.words("vow_verbs"):
        span = ctx.doc.char_span(*content, alignment_mode="expand")
        words = {t.lower_ for t in span or ()}
        content_kind = classify_content(span, ctx.lex)
        if words & ctx.lex.words("threaten_words") or content_kind == "threaten" or _action_against(span):
            return "threaten"  # "vows resolute countermeasures", "pledged to resume weekly protests"
        if content_kind == "reject":
            return "reject"  # "vowing government troops would not withdraw from the towns"
        vowed = [c.kind for c in group if c is not main and c.kind in {"reject", "threaten"}
                 and _reported_within(c.token, main.token)]
        if vowed:
            return vowed[0]  # "vowed to appeal the fine", "promised to veto the bill": the move vowed
    if main.kind == "demand" and _urged_rejection(ctx, content):
        return "reject"  # "recommended that stockholders reject an unsolicited offer from Oracle"
    if main.kind != "statement" and main.token.lemma_.lower() in ctx.lex.words("content_led_verbs"):
        span = ctx.doc.char_span(*content, alignment_mode="expand")
        return classify_content(span, ctx.lex) or main.kind  # "countered: 'we will have to take all steps'"
    if main.kind != "statement":
        return main.kind
    ranges = [content] + [c.content for c in group if c.content and c.content != content]
    kinds = [classify_content(ctx.doc.char_span(*r, alignment_mode="expand"), ctx.lex) for r in ranges]
    return min((k for k in kinds if k), key=KIND_RANK.__getitem__, default=None) \
        or _own_party_move(ctx, main, content) or "statement"


def _urged_rejection(ctx: Context, content: tuple[int, int]) -> bool:
    """A call on others to reject an offer or bid ('urged shareholders to reject the bid') is the
    caller's own rejection of it (data: ``proposal_nouns``, ``bid_nouns``)."""
    span = ctx.doc.char_span(*content, alignment_mode="expand")
    offers = ctx.lex.words("proposal_nouns") | ctx.lex.words("bid_nouns")
    for token in span or ():
        if ctx.lex.verbs.get(token.lemma_.lower()) != "reject" or token.pos_ != "VERB" or negated(token):
            continue
        if any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in offers for c in token.children):
            return True
    return False


def _own_party_move(ctx: Context, main: Cue, content: tuple[int, int]) -> str | None:
    """'"Pakistan rejects the Indian announcement," the Pakistan PMO said': a move the content says
    the speaker's own party makes, named in the third person, is the speaker's move (not 'India
    rejects ...': another party's; not 'Pakistan did not reject')."""
    span = ctx.doc.char_span(*content, alignment_mode="expand")
    if span is None or main.actor is None:
        return None
    wishes = ctx.lex.words("wish_verbs")  # "Vietnam wants to protect its rights": read by the wish rules
    for token in span:
        trigger = ctx.triggers.get(token.i)
        kind = trigger.kind if trigger else ctx.lex.verbs.get(token.lemma_.lower())
        if kind in {None, "statement"} or token.pos_ != "VERB" or token.dep_ not in {"ROOT", "ccomp", "conj"}:
            continue
        if negated(token) or token.tag_ not in {"VBZ", "VBP", "VB", "VBD"} or token.lemma_.lower() in wishes:
            continue
        if any(c.lower_ in {"what", "which"} for c in token.children):
            continue  # "what the United Nations calls the worst crisis": a name for it, no move
        holder = token.head if token.dep_ == "conj" else token  # "... will not sell and urges all supporters"
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None) \
            or next((c for c in holder.children if c.dep_ == "nsubj"), None)
        named = subject is not None and (subject.pos_ == "PROPN" or subject.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ == "the" for c in subject.children))  # "The police urges the public ..."
        if named and ctx.actors.resolve(subject) == main.actor:
            return kind
    return None


def _action_against(span: DocSpan | None) -> bool:
    """'vowed to take resolute action against such provocations': a vowed act against someone."""
    return any(t.lower_ == "against" and t.head.pos_ in {"VERB", "NOUN"} for t in span or ())


def cue_targets(ctx: Context, group: list[Cue], content: tuple[int, int]) -> tuple[str, ...]:
    """Actors addressed by the cue ('urges the government in Washington to ...') or by the content."""
    targets: list[str] = []
    speaker_actor = group[0].actor
    for cue in group:
        for child in cue.token.children:
            candidates = [child]
            if child.dep_ == "prep" and child.lower_ in {"on", "to", "from", "upon", "with"}:
                candidates = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ not in {"dobj", "dative", "obj"}:
                continue
            for cand in candidates:
                for tok in [cand, *cand.conjuncts]:
                    key = ctx.actors.resolve(tok)
                    if key and key != speaker_actor and key not in targets:
                        targets.append(key)
    span = ctx.doc.char_span(*content, alignment_mode="expand")
    if span is not None:
        for token in span:
            if token.dep_ in {"nsubj", "nsubjpass"} and token.head.pos_ in {"VERB", "AUX"}:
                key = ctx.actors.resolve(token)
                if key and key != speaker_actor and key not in targets and not ctx.actors.is_person(key):
                    targets.append(key)
    return tuple(targets)


def make_position(ctx: Context, cue: Cue, kind: str, start: int, end: int, content: tuple[int, int],
                  direct: bool, targets: tuple[str, ...] = ()) -> Position:
    start, end = _close_quote(ctx.article.text, *_trim(ctx.doc, start, end))
    content = (max(content[0], start), min(content[1], end))
    speaker = speaker_text(ctx, cue)
    return Position(
        id="", actor=cue.actor, kind=kind, text=ctx.article.text[start:end], start=start, end=end,
        content=Span(*content), speaker=speaker, targets=targets, direct=direct, cue=cue.label or cue.token.text,
        paragraph=ctx.article.paragraph_at(start),
    )


# --- quotes and follow-ons ----------------------------------------------------------------

def floating_quote(ctx: Context, unit: DocSpan, direct: list[Quote], quotes: list[Quote]) -> Position | None:
    """A quote with no cue of its own: a subject outside it, or the previous speaker's words."""
    subject = next((t for t in unit if t.dep_ in SUBJECTS and not _in_quote(quotes, t)
                    and t.head.dep_ == "ROOT"), None)
    actor = speaker_actor(ctx, subject, subject) if subject is not None else None
    last = None
    if actor is None:
        para = ctx.article.paragraph_at(unit.start_char)
        last = ctx.last_within(para, 1 if _opens_with_quote(unit) else 0)
        if last is None or not last.direct and not _opens_with_quote(unit):
            return None
        actor = last.actor
        subject = None
    quote = direct[0]
    if all(_title_like(ctx.article.text[q.inner_start:q.inner_end]) for q in direct):
        return None  # 'a report titled "Legend in the Coal Fields."': a title, not words spoken
    cue = Cue(unit.root, "statement", subject, actor=actor, label="quote")
    content = (quote.inner_start, direct[-1].inner_end)
    kind = classify_content(ctx.doc.char_span(*content, alignment_mode="expand"), ctx.lex) or "statement"
    start, end = _trim(ctx.doc, unit.start_char, unit.end_char)
    pos = make_position(ctx, cue, kind, start, end, content, True)
    return replace(pos, speaker=last.speaker) if last is not None else pos  # the previous speaker's words


def _title_like(text: str) -> bool:
    """A short quoted phrase in title case ('All Bets Are Off'): the title of a work."""
    words = WORD.findall(text)
    small = {"a", "an", "the", "of", "in", "on", "and", "or", "to", "for", "at", "by", "with", "is", "are"}
    capitalised = [w for w in words if w.lower() not in small]
    return 0 < len(words) <= 8 and bool(capitalised) and all(w[0].isupper() for w in capitalised) and len(words) > 1


def _opens_with_quote(unit: DocSpan) -> bool:
    return unit.text.lstrip()[:1] in {"“", '"', "‘", "'", "«"}


def follow_on(ctx: Context, unit: DocSpan, quotes: list[Quote]) -> Position | None:
    """A sentence that goes on with the previous speaker's reported speech without a new cue:
    its subject is that speaker's party and it states a stance (a modal, readiness, refusal),
    or it quotes a few words of theirs, or it spells out their plan ('Under this plan, ...')."""
    para = ctx.article.paragraph_at(unit.start_char)
    last = ctx.last.get(para)
    plan = _under_plan(ctx, unit)
    if plan:
        actor, kind = plan
        cue = Cue(unit.root, kind, None, actor=actor, label="under the plan")
        return make_position(ctx, cue, kind, unit.start_char, unit.end_char, (unit.start_char, unit.end_char), False)
    if last is None:
        return None
    root = unit.root
    span_kind = classify_content(unit, ctx.lex)
    scare = [q for q in quotes if q.is_scare]
    if scare and span_kind in {"reject", "accuse"}:  # '... knows that its demands are "unacceptable."'
        words = ctx.doc.char_span(scare[0].inner_start, scare[0].inner_end, alignment_mode="expand")
        if classify_content(words, ctx.lex) == span_kind:
            cue = Cue(root, span_kind, None, actor=last.actor, label="quote")
            return make_position(ctx, cue, span_kind, unit.start_char, unit.end_char,
                                 (scare[0].inner_start, scare[0].inner_end), True)
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    if last.direct or subject is None or span_kind is None:
        return None
    actor = speaker_actor(ctx, subject, root)
    if actor != last.actor:
        return None
    cue = Cue(root, span_kind, subject, actor=actor, label="reported")
    return make_position(ctx, cue, span_kind, unit.start_char, unit.end_char, (unit.start_char, unit.end_char), False)


def _under_plan(ctx: Context, unit: DocSpan) -> tuple[str, str] | None:
    first = unit[0]
    if first.lower_ != "under":
        return None
    obj = next((c for c in first.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in {"plan", "proposal", "draft", "deal", "initiative", "offer"}:
        return None
    key = ctx.actors.head_actor(obj.lemma_.lower(), obj.i)
    return (key, "offer") if key else None
