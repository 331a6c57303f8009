"""Who speaks: the subject of a cue, pronouns, documents and the party each stands for.

Small functions over spaCy tokens and the positions' reading context: ``subject_of`` finds the
speaker token of a cue, ``speaker_actor`` the party it stands for (through the actor table's
``resolve``, ``describe`` and ``named_speaker``), ``resolve_pronoun`` the nearest fitting phrase
before a pronoun, ``document_issuer`` who speaks through "the statement", and ``speaker_text``
the words that name the speaker in the output.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .actors import POSSESSIVE, entities, entity_at, is_media
from .gazetteer import load_gazetteer
from .lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .positions import Context, Cue

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
PERSON_PRONOUN_REACH = 3  # paragraphs back that 'he' or 'she' may reach for its person
PRONOUNS = {"he", "she", "they", "it", "we", "i", "his", "her", "its", "their", "him", "them"}


def subject_of(token: Token | None) -> Token | None:
    """The subject of a cue verb, following conjunctions, participles and relative clauses."""
    quoted = _quoted_as_saying(token) or _inverted_speaker(token)
    if quoted is not None:
        return quoted
    seen, via_participle, raised = 0, False, False
    while token is not None and seen < 6:
        seen += 1
        agent = agent_of(token)
        if agent is not None:
            return agent
        if seen == 1 and token.dep_ != "ROOT" and is_passive(token):
            return None  # "after it was rejected in a plebiscite": no agent, and not the main clause's subject
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "csubj"}
                    or (c.dep_ == "nsubjpass" and (raised or not is_passive(token)))]
        # ("Nurses are expected to strike after rejecting ...": the raised subject does the act)
        subject = subjects[-1] if len(subjects) > 1 and subjects[-1].i < token.i \
            and not _owned_by_previous(subjects[-1]) else next(iter(subjects), None)
        # two subjects: "a demand Israel has rejected" (a relative clause the parser missed): the nearest
        # (not "a coalition of unions and workers' organisations has said": one phrase cut by the parser)
        if subject is not None and (not via_participle or subject.pos_ == "PRON" or _agentive(subject)):
            return _antecedent(subject)  # climbed from a participle: a thing ('after a boat reached ...,
        caused = _caused_to_act(token)   # accusing Manila') acts for nobody; the clause above may say who
        if caused is not None:
            return caused
        owner = _owner_of_head(token)
        if owner is not None:
            return owner  # "criticised a Human Rights Watch report accusing the police": the report's owner
        via_participle = token.dep_ == "advcl" and token.tag_ == "VBG"
        raised = token.dep_ == "xcomp" and token.head.lemma_.lower() in load_gazetteer().words("raising_verbs")
        token = _governor(token)
    return None


def _owned_by_previous(subject: Token) -> bool:
    """A noun right after a possessive ending ("workers' organisations"): part of the phrase before."""
    left = subject.left_edge
    before = subject.doc[left.i - 1] if left.i > 0 else None
    return before is not None and before.tag_ == "POS" or left.tag_ == "POS"


def _owner_of_head(token: Token) -> Token | None:
    """The name owning the thing a participle describes ('a Human Rights Watch report accusing ...',
    'Oxfam's letter urging ...', 'a letter from the landlord stating ...'): the owner speaks through it."""
    if token.tag_ == "VBG" and token.dep_ == "advcl":  # "received a letter from the landlord, stating ..."
        return next((w for c in token.head.children if c.dep_ in {"dobj", "obj"} and (w := _from_whom(c))), None)
    if token.dep_ != "acl" or token.tag_ != "VBG" or token.head.pos_ != "NOUN":
        return None
    owner = next((c for c in token.head.children if c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN"), None)
    return owner or _from_whom(token.head)


def _from_whom(document: Token) -> Token | None:
    """'a letter from the landlord, Sentinel Real Estate, stating ...': who a document is from."""
    if document.lemma_.lower() not in load_gazetteer().words("documents"):
        return None
    return next((g for c in document.children if c.dep_ == "prep" and c.lower_ == "from"
                 for g in c.children if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"}), None)


def _inverted_speaker(token: Token | None) -> Token | None:
    """'...; observed UNATU General Secretary James Tweheyo': a speech verb after the words, its
    speaker after it, parsed as its object."""
    if token is None or token.pos_ != "VERB" or load_lexicon().verbs.get(token.lemma_.lower()) != "statement" \
            or any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
        return None
    before = token.doc[token.i - 1] if token.i > 0 else None
    if not (before is None or before.is_punct or before.is_space or token.is_sent_start):
        return None  # "..., observed X", "Said the minister: ..."
    obj = next((c for c in token.children if c.dep_ in {"dobj", "obj"}), None)
    if obj is None or obj.left_edge.i != token.i + 1 and token.doc[token.i + 1].lower_ != "the":
        return None
    if obj.pos_ == "PROPN" or obj.lemma_.lower() in load_gazetteer().words("titles"):
        return obj
    return None


def _quoted_as_saying(token: Token | None) -> Token | None:
    """'AFP quoted government spokesman Mussa Ibrahim as saying', 'the Daily Sabah quoted him as
    saying': the one quoted speaks, whatever the parser made of the phrase."""
    if token is None or token.lower_ != "saying" or token.i < 2 or token.doc[token.i - 1].lower_ != "as":
        return None
    named = token.doc[token.i - 2]
    before = token.doc[max(token.sent.start, token.i - 10): named.i]
    if named.pos_ in {"PROPN", "NOUN", "PRON"} and any(t.lemma_.lower() == "quote" or t.lower_ == "quoted"
                                                       for t in before):
        return named
    return None


def _caused_to_act(token: Token) -> Token | None:
    """'That prompted the chairmen to warn Pompeo': the object of a verb of causing acts."""
    head = token.head
    if token.dep_ != "xcomp" or head.lemma_.lower() not in load_gazetteer().words("cause_verbs"):
        return None
    return next((c for c in head.children if c.dep_ in {"dobj", "obj"}), None)


def _governor(token: Token) -> Token | None:
    """The verb or noun whose subject a subjectless cue verb shares."""
    if token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"}:
        if any(c.dep_ == "dobj" for c in token.children) and token.tag_ in {"VBD", "VBN"}:
            return _verb_above(token.head)  # a misparsed finite verb: "X speaking to a think tank called ..."
        if token.tag_ == "VBG" and not _agentive(token.head):
            return _verb_above(token.head)  # "X went into the talks accusing Y": X accuses, not the talks
        return None if token.tag_ == "VBN" else token.head
    if token.dep_ == "advcl" and token.tag_ == "VBG":
        head = token.head
        while head.dep_ == "ccomp" and head.head != head:
            head = head.head  # "suggested that it could be the latter, urging ..." -> suggested
        return head
    if token.dep_ == "xcomp" and any(c.dep_ in {"dobj", "dative"} for c in token.head.children) \
            and token.head.lemma_.lower() not in load_gazetteer().words("summoning_verbs"):
        return None  # "gave workers until Friday to approve": the object's act, not the subject's
    if token.dep_ in {"dobj", "obj"} and token.pos_ == "NOUN" and token.lemma_.lower() in load_gazetteer().words(
            "documents"):
        return token.head  # "Parliament passed a resolution calling for ...": the body that adopted it
    if token.dep_ in {"conj", "xcomp", "advcl", "ccomp", "pcomp", "prep"} and token.head != token:
        return token.head
    return None


def _agentive(noun: Token) -> bool:
    """Whether a noun can act: a name, or a word for people or bodies ('protesters', 'the union'),
    not a thing or an event ('the talks', 'a session')."""
    if noun.pos_ == "PROPN" or noun.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return True
    if any(c.dep_ in {"appos", "compound", "poss"} and c.ent_type_ in {"PERSON", "ORG"} for c in noun.children):
        return True  # "Sainsbury's boss Mike Coupe"
    gaz = load_gazetteer()
    lemma = noun.lemma_.lower()
    doc = noun.doc
    if noun.i + 2 < len(doc) and doc[noun.i + 1].text == "-" and not noun.whitespace_:
        lemma = f"{lemma}-{doc[noun.i + 2].lemma_.lower()}"  # "co-chairmen", cut in three by the tokenizer
        noun = doc[noun.i + 2] if lemma not in gaz.words("titles") else noun
    return any(lemma in gaz.words(name) or noun.lower_ in gaz.words(name) or noun.lemma_.lower() in gaz.words(name)
               for name in ("groups", "described", "titles", "documents", "bodies", "state_bodies"))


def _verb_above(token: Token) -> Token | None:
    while token.head != token:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token
    return None


def _antecedent(subject: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ('the ceasefire that called for');
    a participle misparsed as the subject stands for its own subject ('Gunmen holding X have ...')."""
    if subject.tag_ in {"WDT", "WP"} and subject.head.dep_ == "relcl":
        return subject.head.head
    if subject.dep_ == "csubj" and subject.tag_ == "VBG":  # "Gunmen holding three workers have demanded"
        return next((c for c in subject.children if c.dep_ == "nsubj"), subject)
    return subject


def speaker_actor(ctx: Context, speaker: Token | None, cue: Token) -> str | None:
    if speaker is None:
        return None
    if speaker.lower_ in PRONOUNS or speaker.pos_ == "PRON":
        return resolve_pronoun(ctx, speaker)
    if speaker.pos_ == "NOUN" and speaker.lemma_.lower() in ctx.actors.words("documents"):
        return document_issuer(ctx, speaker)
    if speaker.pos_ == "NOUN" and ctx.actors.actor_at(speaker.i) is None and not _agentive(speaker) \
            and any(c.dep_ == "poss" for c in speaker.children):
        return None  # "Japan's trade curbs have raised concern": a thing of a party's says nothing
    if is_media(speaker) and not any(c.dep_ == "poss" for c in speaker.children):
        return None  # "Indian media had claimed": the press reports (but "Egypt's state-run paper" is Egypt's)
    key = _bare_title(ctx, speaker) or ctx.actors.resolve(speaker)
    if key is None:
        for conj in speaker.conjuncts:
            key = ctx.actors.resolve(conj)
            if key:
                break
    key = key or claimants(ctx, speaker) or _titled_person_first(ctx, speaker) or ctx.actors.describe(speaker) \
        or ctx.actors.named_speaker(speaker) or described_person(ctx, speaker)
    if key and ctx.actors.is_person(key):
        return _issued_in(ctx, cue) or key  # "Williams said in a PFA news release": she speaks for the PFA
    return key


def _issued_in(ctx: Context, cue: Token) -> str | None:
    """The body whose document the words appeared in ('said in a PFA news release')."""
    documents = ctx.actors.words("documents")
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ == "in"):
        for document in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in documents):
            for owner in document.children:
                if owner.dep_ in {"poss", "compound", "amod"}:
                    key = ctx.actors.resolve(owner) or ctx.actors.actor_at(owner.i)
                    if key and not ctx.actors.is_person(key):
                        return key
    return None


def document_issuer(ctx: Context, document: Token) -> str | None:
    """Who speaks through 'the statement': its owner ('Egypt's statement', 'the Egyptian
    statement', 'the ministry's letter'), else the party that spoke last in this paragraph or
    the two before ('In a joint statement, Egypt and Sudan called ... The statement said ...')."""
    for child in document.children:
        if child.dep_ in {"poss", "compound", "amod"}:
            key = ctx.actors.resolve(child) or ctx.actors.actor_at(child.i)
            if key:
                return key
    key = _sender(ctx, document)
    if key:
        return key
    for token in document.subtree:  # "The resolution, drafted by Britain, France and Germany"
        if token.dep_ == "agent":
            agent = next((c for c in token.children if c.dep_ == "pobj"), None)
            key = ctx.actors.resolve(agent) if agent is not None else None
            if key:
                return key
    if document.tag_ == "NNS":
        return None  # "Latest reports said ...": the press, nobody's document
    issuer = issuer_before(ctx, document) or (
        suer_before(ctx, document) if document.lemma_.lower() in ctx.actors.words("suits") else None) \
        or owned_document_before(ctx, document)
    if issuer:
        return issuer
    para = ctx.article.paragraph_at(document.idx)
    last = ctx.last_within(para, 2)
    return last.actor if last else None


def _sender(ctx: Context, document: Token) -> str | None:
    """Who a document is from: 'a letter from Ms Reilly's solicitor', 'a lawsuit from the group X'."""
    for prep in (c for c in document.children if c.dep_ == "prep" and c.lower_ == "from"):
        sender = next((c for c in prep.children if c.dep_ == "pobj"), None)
        key = ctx.actors.resolve(sender) if sender is not None else None
        if key is None and sender is not None:
            owner = next((c for c in sender.children if c.dep_ in {"poss", "appos"}), None)
            key = ctx.actors.resolve(owner) if owner is not None else None
        if key:
            return key
    return None


def owned_document_before(ctx: Context, document: Token) -> str | None:
    """'The Amnesty report was released Tuesday. The document ... says': the owner of the nearest
    document of the same name named before with its owner ('the Amnesty report', "Oxfam's letter",
    'a lawsuit from the group Save the Scenic Santa Ritas')."""
    documents = ctx.actors.words("documents")
    for i in range(document.i - 1, -1, -1):
        token = ctx.doc[i]
        if token.pos_ != "NOUN" or token.lemma_.lower() not in documents:
            continue
        for child in token.children:
            if child.dep_ in {"poss", "compound"} and child.pos_ == "PROPN":
                key = ctx.actors.resolve(child) or ctx.actors.actor_at(child.i)
                if key:
                    return key
        key = _sender(ctx, token) if token.lemma_ == document.lemma_ else None
        if key:
            return key
    return None


def issuer_before(ctx: Context, document: Token) -> str | None:
    """'The chairs released a memo ... "...," the memo said': the party that issued a document of
    the same name earlier in the article (the nearest), as the subject of an issuing verb."""
    lemma, verbs = document.lemma_.lower(), ctx.actors.words("issue_verbs")
    for i in range(document.i - 1, -1, -1):
        token = ctx.doc[i]
        if token.lemma_.lower() != lemma or token.dep_ not in {"dobj", "obj", "conj"}:
            continue
        verb = token.head
        while verb.dep_ == "conj" and verb.pos_ != "VERB":  # "released a memo and draft subpoena"
            verb = verb.head
        if verb.lemma_.lower() not in verbs:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        key = ctx.actors.resolve(subject) if subject is not None else None
        if key:
            return key
    return None


def suer_before(ctx: Context, token: Token) -> str | None:
    """'The claimants said ...', 'the lawsuit states ...': the party that sued earlier in the
    article, as the subject of 'sue' or of a verb whose object is a lawsuit ('filed a lawsuit')."""
    suits, suing = ctx.actors.words("suits"), ctx.actors.words("suing_verbs")
    filing = ctx.actors.words("issue_verbs")
    for i in range(token.i - 1, -1, -1):
        verb = ctx.doc[i]
        if verb.pos_ != "VERB":
            continue
        sued = verb.lemma_.lower() in suing or verb.lemma_.lower() in filing and any(  # not "criticized a lawsuit"
            c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in suits for c in verb.children)
        subject = subject_of(verb) if sued else None
        if subject is not None and subject.lemma_.lower() not in ctx.actors.words("claimants"):
            key = speaker_actor(ctx, subject, verb)
            if key:
                return key
    return None


def claimants(ctx: Context, speaker: Token) -> str | None:
    """'the claimants', 'the plaintiffs': the side that sued (``suer_before``)."""
    if speaker.pos_ != "NOUN" or speaker.lemma_.lower() not in ctx.actors.words("claimants"):
        return None
    return suer_before(ctx, speaker)


def _titled_person_first(ctx: Context, speaker: Token) -> str | None:
    """'The minister added' after 'Foreign Minister Andriy Sybiha said': the person the story
    titled so, before 'the minister' falls to the story's country."""
    if speaker.lemma_.lower() not in ctx.actors.words("titles"):
        return None
    return described_person(ctx, speaker)


def described_person(ctx: Context, speaker: Token) -> str | None:
    """'the Florida senator said', 'the billionaire businessman said': a person the article named
    before and now describes by a role (data: ``speaker_roles`` and the titles), read as 'he'."""
    lemma = speaker.lemma_.lower()
    abbreviation = speaker.text.isupper() and speaker.lower_ in ctx.actors.gazetteer.abbreviations  # "the PS"
    if not abbreviation and (speaker.pos_ != "NOUN" or speaker.tag_ != "NN" or not (
            lemma in ctx.lex.words("speaker_roles") or lemma in ctx.actors.words("titles"))):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in speaker.children):
        return None  # "a spokesman said": someone not named before
    if any(c.dep_ in {"poss", "appos"} or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in speaker.children):
        return None  # "the party's spokesman", "the senator, Ann Lee": named or owned, not a reference back
    titled = _titled_person(ctx, speaker)
    if titled or abbreviation or lemma in ctx.actors.words("titles"):
        return titled  # "the president" is the one titled president, never merely the last person named
    return resolve_pronoun(ctx, speaker, as_person=True)


def _bare_title(ctx: Context, speaker: Token) -> str | None:
    """'The spokesman said' after 'Foreign Ministry spokesman Liu Jianchao ... Liu said': the
    person last named of those the story gave this title, before any body the noun was learned
    for ('the Vatican's spokesman' between them); only 'the' with it, not 'the Pakistani leader'."""
    if speaker.pos_ != "NOUN" or speaker.lemma_.lower() not in ctx.actors.words("titles") \
            or [(c.dep_, c.lower_) for c in speaker.children] != [("det", "the")]:
        return None
    return _titled_person(ctx, speaker, later=False)


def _titled_person(ctx: Context, role: Token, later: bool = True) -> str | None:
    """The nearest person named before with this role as their title ('President Ana Ruiz ...
    the president'); else (``later``) the one named so after it."""
    forms = ctx.actors.gazetteer.abbreviations.get(role.lower_) if role.text.isupper() else None
    forms = set(forms or (role.lemma_.lower(),))  # "the PS": the one titled "permanent secretary"
    para = ctx.article.paragraph_at(role.idx)
    floor = ctx.article.paragraphs[max(0, para - PERSON_PRONOUN_REACH)].start if ctx.article.paragraphs else 0
    titled: set[str] = set()  # the people given this title before, by their names
    for ent in entities(ctx.doc):
        if ent.end <= role.i and ent.label_ == "PERSON" and forms <= {
                form for t in _title_words(ctx.doc, ent) for form in (t.lemma_.lower(), t.lower_)}:
            titled.update(POSSESSIVE.sub("", ent.text).split())
    for ent in reversed(entities(ctx.doc)):
        if ent.end > role.i or ent.label_ != "PERSON":
            continue
        if ent.start_char < floor:
            break
        if set(POSSESSIVE.sub("", ent.text).split()) & titled:  # "Liu said ... the spokesman said": Liu
            return ctx.actors.resolve(ent.root) or ctx.actors.named_speaker(ent.root)
    return _titled_later(ctx, role) if later else None


def _titled_later(ctx: Context, role: Token) -> str | None:
    """A lead that names a role before the story names the person ('the health secretary claimed
    ...' then 'Health Secretary Steve Barclay told ...'): the one person named later with this
    title and all its modifiers ('health'); none when two people fit."""
    words = {role.lemma_.lower()} | {c.lower_ for c in role.children if c.dep_ in {"compound", "amod"}}
    found: set[str] = set()
    for ent in entities(ctx.doc):
        if ent.start <= role.i or ent.label_ != "PERSON":
            continue
        title = {form for t in _title_words(ctx.doc, ent) for form in (t.lower_, t.lemma_.lower())}
        if words <= title:
            key = ctx.actors.resolve(ent.root) or ctx.actors.named_speaker(ent.root)
            if key:
                found.add(key)
    return found.pop() if len(found) == 1 else None


def _title_words(doc: Doc, ent: Span) -> list[Token]:
    """The words of the title before a name, back to a verb or a punctuation mark ('Minister of
    Justice and Constitutional Affairs Samuel Tembenu')."""
    start = ent.start
    while start > 0 and ent.start - start < 8 and not (doc[start - 1].is_punct
                                                       or doc[start - 1].pos_ in {"VERB", "AUX"}):
        start -= 1
    return list(doc[start: ent.end])


def resolve_pronoun(ctx: Context, pronoun: Token, as_person: bool = False) -> str | None:
    """The nearest preceding subject that names a party, within the paragraph and the one before
    (``as_person``: the nearest person, as for 'he')."""
    lower = "he" if as_person else pronoun.lower_
    if lower in {"i", "we", "our", "us", "my"}:
        para = ctx.article.paragraph_at(pronoun.idx)
        last = ctx.last_within(para, 1)
        return last.actor if last else None
    person = lower in {"he", "she", "his", "her", "him"}
    para = ctx.article.paragraph_at(pronoun.idx)
    # "He said" may name someone three short paragraphs back; the nearest person still wins.
    back = PERSON_PRONOUN_REACH if person else 1
    floor = ctx.article.paragraphs[max(0, para - back)].start if ctx.article.paragraphs else 0
    narrated = not ctx.quoted(pronoun)
    sent = _quote_opening(ctx, pronoun) or pronoun.sent  # '"A. B," he said': the quote's first sentence
    near = ctx.doc[sent.start - 1].sent.start if sent.start > 0 else 0  # the sentence before begins here
    aside: Token | None = None  # the nearest person there who is no subject: 'spoke with X. She said'
    embedded: Token | None = None  # the nearest subject of a clause inside another sentence's report
    said = _said_before(pronoun)
    if lower == "it" and narrated and said[0] <= said[1]:
        last = ctx.last_within(para, 1)  # "Japan's Foreign Ministry said ... it said"
        if last is not None and last.actor and not ctx.actors.is_person(last.actor):
            return last.actor  # the body that spoke just before goes on, not the fleet it reports on
    for i in range(pronoun.i - 1, -1, -1):
        token = ctx.doc[i]
        if token.idx < floor or (aside is not None and i < near):
            break
        if narrated and ctx.quoted(token):
            continue  # the narrator's "it said" never stands for someone inside a quote
        if person and said[0] <= i <= said[1] and not _clause_subject(token):
            continue  # "Mr Richards' actions showed malice, he said": not one named inside what is said
        is_person = _antecedent_fits(ctx, token, lower, person)
        if is_person is None:
            continue
        if not _in_subject(token):
            if aside is None and i >= near:
                aside = token
            continue  # "... the issue of Prime Minister Imran's resignation," he said: the one who spoke
        if person and is_person and narrated and _subordinate_subject(token, pronoun):
            if embedded is None:
                embedded = token
            continue  # "Anwar said they left after Speaker X asked Najib ... 'No,' he said": Anwar speaks
        if embedded is not None and token.sent != embedded.sent:
            token = embedded  # no main subject before it in its sentence: the subordinate one after all
        key = ctx.actors.resolve(token) or (_unbound_person(ctx, token) if person and is_person else None)
        if key:
            ctx.antecedents[pronoun.i] = token
            return key
        if person and is_person:
            return None  # the nearest person names no party: no older one stands in for them
    if aside is not None:
        key = ctx.actors.resolve(aside) or _unbound_person(ctx, aside)
        if key:
            ctx.antecedents[pronoun.i] = aside
        return key
    return None


def _quote_opening(ctx: Context, pronoun: Token):
    """The sentence where the quote that ends right before a post-posed 'he said' begins, when the
    quote runs over more than one sentence; else None."""
    before = pronoun.idx
    quote = next((q for q in ctx.quotes if 0 <= before - q.end <= 4), None)
    if quote is None or quote.start >= pronoun.sent.start_char:
        return None
    span = ctx.doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
    return span.sent if span is not None else None


def _said_before(pronoun: Token) -> tuple[int, int]:
    """The token range of the clause that the pronoun's verb reports before it ('[X's actions
    showed malice], he said'), or an empty range."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb.i < pronoun.i:
        return (1, 0)
    clause = next((c for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and c.i < pronoun.i), None)
    return (clause.left_edge.i, clause.right_edge.i) if clause is not None else (1, 0)


def _clause_subject(token: Token) -> bool:
    return token.dep_ == "nsubj" and token.head.dep_ in {"ccomp", "parataxis"}


def _antecedent_fits(ctx: Context, token: Token, lower: str, person: bool) -> bool | None:
    """Whether ``token`` can stand before the pronoun ``lower``: None when not, else whether it
    names a person."""
    if token.dep_ not in SUBJECTS | {"poss", "pobj", "appos"} or token.lower_ in PRONOUNS:
        return None
    if token.dep_ == "pobj" and not person:
        return None
    if person and token.tag_ in {"NNS", "NNPS"}:
        return None  # "he" is never "the chief negotiators"
    if token.dep_ == "appos" and token.head.ent_type_ == "PERSON" and token.head.i < token.i:
        return None  # "Jane Roe, a spokeswoman for ...": the name before it is the one
    titles = ctx.actors.words("titles")
    body = token.ent_type_ == "PERSON" and ctx.actors.names_company(token)  # "Acacia Mining", read as a person
    is_person = not body and (token.ent_type_ == "PERSON" or ctx.actors.person_party(token.text) is not None
                              or token.lemma_.lower() in titles
                              or any(c.dep_ == "compound" and c.lemma_.lower() in titles for c in token.children))
    if lower in {"they", "their", "them"}:  # a group, several people, or a body ("the ministry ... they")
        if is_person and not (token.tag_ in {"NNS", "NNPS"} or list(token.conjuncts)):
            return None
    elif person != is_person:
        return None
    if person and is_person and _commentator(ctx, token):
        return None  # "VOA reporter Chinedu Offor asked him ... He says": the reporter is never 'he'
    return is_person


def _subordinate_subject(token: Token, pronoun: Token) -> bool:
    """A subject of a clause inside an earlier sentence whose main clause has a subject of its own
    ('after Speaker X asked Najib' inside 'Anwar said they left after ...')."""
    if token.sent == pronoun.sent or token.dep_ not in SUBJECTS:
        return False
    verb = token.head
    return verb.dep_ in {"advcl", "ccomp", "relcl", "xcomp", "acl"} and any(
        c.dep_ in SUBJECTS and c.ent_type_ == "PERSON" for c in token.sent.root.children)


def _in_subject(token: Token) -> bool:
    """Whether a name stands in a subject: the subject itself, its possessor ('Russia's minister
    said'), its apposition, or the object of its preposition ('a spokesman for the court', 'said
    by X'); a name inside what was said or done ('the issue of Imran's resignation') is not."""
    if token.dep_ in SUBJECTS:
        return True
    head = token.head
    if token.dep_ in {"poss", "appos"}:
        return head.dep_ in SUBJECTS
    if token.dep_ == "pobj":
        return head.dep_ == "agent" or head.head.dep_ in SUBJECTS
    return False


def _unbound_person(ctx: Context, token: Token) -> str | None:
    """The party 'he' stands for when its person is bound to none: what the person would be as a
    speaker ('Ellis ... he said' is Ellis's own: the guideline's fallback for a person of no party),
    never a commentator."""
    if _commentator(ctx, token) or is_media(token):
        return None
    return ctx.actors.named_speaker(token)


def _commentator(ctx: Context, token: Token) -> bool:
    """A person introduced as a reporter, analyst or outlet's staff ('VOA reporter Chinedu Offor')."""
    outsiders = ctx.actors.words("outsiders")
    head = token
    while head.dep_ in {"compound", "flat"} and head.head.pos_ == "PROPN":
        head = head.head
    described = [t for c in head.children if c.dep_ in {"compound", "appos", "amod"} for t in c.subtree]
    return any(t.lemma_.lower() in outsiders or ctx.actors.is_outlet(t.text) for t in described)


def current_speaker_actor(ctx: Context, token: Token) -> str | None:
    para = ctx.article.paragraph_at(token.idx)
    last = ctx.last.get(para)
    if last is None:
        return None
    targets = {ctx.actors.actor_at(t.i) for t in token.subtree}
    return None if last.actor in targets else last.actor


def speaker_text(ctx: Context, cue: Cue) -> str | None:
    speaker = cue.speaker
    if speaker is None:
        return ctx.actors.name(cue.actor) if cue.actor else None
    if speaker.pos_ == "PRON":
        if speaker.i in ctx.antecedents:  # "he said": the person he stands for
            antecedent = ctx.antecedents[speaker.i]
            if antecedent.dep_ == "appos":  # "Sharon Graham, Unite's general secretary": the name
                antecedent = antecedent.head
            return speaker_text(ctx, replace(cue, speaker=antecedent))
        para = ctx.article.paragraph_at(speaker.idx)
        return ctx.last_speaker.get(para) or ctx.last_speaker.get(para - 1) or ctx.actors.name(cue.actor)
    ent = entity_at(ctx.doc, speaker.i)
    if ent is not None and ent.label_ == "PERSON":
        return ent.text.removesuffix("’s").removesuffix("'s")
    first = speaker.left_edge
    last = speaker
    for child in speaker.children:
        if child.dep_ == "appos" and child.right_edge.i < speaker.i + 12:
            last = child.right_edge
        elif child.dep_ == "prep" and child.lower_ in {"in", "of", "for", "at"} and child.right_edge.i < speaker.i + 6:
            last = max(last, child.right_edge, key=lambda t: t.i)  # "the government in Washington"
    text = " ".join(ctx.article.text[first.idx: last.idx + len(last.text)].split()).strip(" ,")
    if text.count("(") > text.count(")"):  # "The Ministry of Commerce (MofCom": drop the open bracket
        text = text[: text.rindex("(")].strip()
    return text or speaker.text


def is_passive(token: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)


def agent_of(token: Token) -> Token | None:
    """Who does a passive verb's act ('rejected by the union'); none for an active verb with its own
    subject, where 'by' belongs to the object ('it has appealed a fine by the Commission')."""
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    if agent is None or (any(c.dep_ == "nsubj" for c in token.children) and not is_passive(token)):
        return None
    return next((c for c in agent.children if c.dep_ == "pobj"), None)



