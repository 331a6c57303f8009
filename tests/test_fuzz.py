"""Property tests (hypothesis) over generated articles: what must hold for every output.

Articles are news text built from templates (parties, speech verbs, quotes of every mark type,
reported speech), with unicode noise and long runs of symbols mixed in, random unicode, and
the same text as Markdown or HTML. On every analysis: valid JSON, ``text[start:end]`` equal to
each position's text, its content inside it, unique ids, known references, scores in [0, 1],
no self-links, the ``analysis_from_dict`` round trip (which checks the whole document), the
Markdown and text renderings, and the same output twice.

``make test`` runs a bounded number of examples (READER_FUZZ_EXAMPLES, default 80 per test);
``make fuzz`` runs 10,000.
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.export import to_markdown, to_text
from reader.ingest import InputError, article_from_text
from reader.model import KINDS, RELATIONS, analysis_from_dict, analysis_to_dict, check_analysis
from reader.pipeline import analyze

EXAMPLES = int(os.environ.get("READER_FUZZ_EXAMPLES", "80"))
BOUNDED = EXAMPLES <= 100  # in `make test`: the same examples every run, nothing written to disk
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=BOUNDED,
                **({"database": None} if BOUNDED else {}),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

PARTIES = ["Russia", "NATO", "the United States", "Ukraine", "the EU", "China", "Hamas", "Israel", "Iran",
           "the union", "Moscow", "Washington", "Beijing", "the Kremlin", "the White House", "Germany",
           "the UN", "India", "Venezuela", "the government", "protesters", "he", "she", "they", "it"]
SPEAKERS = ["Sergei Ryabkov", "Jens Stoltenberg", "a spokeswoman", "the foreign minister", "Joe Biden",
            "President Xi Jinping", "Sharon Graham, Unite's general secretary", "officials", "He", "She"]
VERBS = ["said", "demanded", "urged", "rejected", "warned", "accused", "offered", "proposed", "threatened",
         "called on", "insisted", "denied", "agreed", "refused", "told reporters", "added", "stressed"]
CONTENTS = ["halt its expansion to the east", "withdraw its troops from the border", "is ready to talk",
            "will not accept these demands", "must stop the attacks", "there will be no talks without guarantees",
            "the proposal is null and void", "is open to negotiations", "should lift the sanctions",
            "faces grave consequences", "was an insult", "cannot question the membership of Ukraine"]
OPEN_CLOSE = [('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ('"', ""), ("", "”")]
NOISE = ["\u200b", "\u00ad", "\u00a0", "\t", "\x07", "\x1b[31m", "[b]", "[/x]", "😀", "—", "…", "’s", "é",
         "\u202e", "\ufeff", "\r\n", "\u2028", "ﬁ", "İ", "ß", "\U0001f1fa\U0001f1f8", "\\", "`", "*", "_", "#",
         '"' * 60, "(" * 70, "_" * 55, "x's" * 40, "a-" * 60, "-" * 80]

party = st.sampled_from(PARTIES)
speaker = st.sampled_from(SPEAKERS)
verb = st.sampled_from(VERBS)
content = st.sampled_from(CONTENTS)
marks = st.sampled_from(OPEN_CLOSE)


# The sentence shapes: reported speech, a quote then its cue, a colon cue, "according to", a demand
# quoted inside a move, a floating quote, a passive rejection ({P}, {Q}, {C}: capitalised).
FORMS = (
    "{p} {v} that {q} {c}.",
    "{o}{Q} {c},{e} {s} {v}.",
    "{s} of {p} {v}: {o}{C}.{e}",
    "According to {p}, {q} {c}.",
    "{P} {v} {q} to {c}, {o}a demand {s} {v}{e} on Friday.",
    "{o}{C}.{e}",
    "{P}'s demands were rejected by {q}.",
)


@st.composite
def sentence(draw) -> str:
    form = draw(st.integers(0, len(FORMS) - 1))
    p, q, v, c = draw(party), draw(party), draw(verb), draw(content)
    o, e = draw(marks)
    s = draw(speaker)
    text = FORMS[form].format(p=p, q=q, v=v, c=c, o=o, e=e, s=s, P=p.capitalize(), Q=q.capitalize(),
                              C=c.capitalize())
    return text[:1].upper() + text[1:]


@st.composite
def noisy(draw, text: str) -> str:
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        bit = draw(st.one_of(st.sampled_from(NOISE), st.text(min_size=1, max_size=3)))
        text = text[:at] + bit + text[at:]
    return text


@st.composite
def news(draw) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 5))):
        sentences = draw(st.lists(sentence(), min_size=1, max_size=4))
        paragraphs.append(" ".join(sentences))
    if draw(st.booleans()):
        paragraphs.insert(0, f"{draw(party).capitalize()} {draw(verb)} {draw(party)} in talks")
    sep = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n"]))
    return draw(noisy(sep.join(paragraphs)))


@st.composite
def markup(draw) -> tuple[str, str]:
    body = draw(news())
    paragraphs = [p for p in body.split("\n") if p.strip()]
    form = draw(st.sampled_from(["markdown", "html"]))
    if form == "markdown":
        head = f"# {draw(party)} {draw(verb)} {draw(party)}\n\n"
        return head + "\n\n".join(f"**{p}**" if i % 2 else f"[{p}](https://example.com/{i})"
                                  if draw(st.booleans()) else p for i, p in enumerate(paragraphs)), "story.md"
    items = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{draw(party)} talks</title></head><body><article>{items}</article></body></html>", \
        "page.html"


articles = st.one_of(
    news().map(lambda t: (t, "story.txt")),
    markup(),
    st.text(min_size=1, max_size=300).map(lambda t: (t, "random.txt")),
    st.lists(st.sampled_from(NOISE + ["NATO", "said", " ", "\n\n", '"no."', "Russia"]), min_size=1,
             max_size=40).map(lambda parts: ("".join(parts), "mixed.txt")),
)


def check_document(data: dict) -> None:
    text = data["text"]
    assert isinstance(text, str)
    actor_ids = [a["id"] for a in data["actors"]]
    position_ids = [p["id"] for p in data["positions"]]
    assert len(set(actor_ids)) == len(actor_ids)
    assert len(set(position_ids)) == len(position_ids)
    for s, e in data["paragraphs"]:
        assert 0 <= s <= e <= len(text)
    for p in data["positions"]:
        assert 0 <= p["start"] <= p["end"] <= len(text)
        assert text[p["start"]:p["end"]] == p["text"]
        assert p["start"] <= p["content"]["start"] <= p["content"]["end"] <= p["end"]
        assert p["actor"] in actor_ids and set(p["targets"]) <= set(actor_ids)
        assert p["kind"] in KINDS
        assert 0 <= p["paragraph"] < max(1, len(data["paragraphs"]))
    for link in data["links"]:
        assert link["from"] in position_ids and link["to"] in position_ids
        assert link["from"] != link["to"]
        assert 0.0 <= link["score"] <= 1.0
        assert link["relation"] in RELATIONS
    assert set(data["unanswered"]) <= set(position_ids)
    check_analysis(data)


def read(raw: str, name: str):
    try:
        return article_from_text(raw, source=name)
    except InputError as e:
        message = str(e)
        assert message and "\n" not in message
        return None


@FUZZ
@given(case=articles)
def test_analysis_invariants(nlp, case):
    raw, name = case
    article = read(raw, name)
    if article is None:
        return
    assert article.text == article.text.strip() and "\x00" not in article.text
    for i, p in enumerate(article.paragraphs):
        assert article.paragraph_at(p.start) == i
    analysis = analyze(article, nlp)
    data = json.loads(json.dumps(analysis_to_dict(analysis), ensure_ascii=False))
    check_document(data)
    assert analysis_from_dict(data) == analysis
    to_markdown(analysis).encode("utf-8")
    to_text(analysis).encode("utf-8")
    again = analyze(article, nlp)
    assert analysis_to_dict(again) == analysis_to_dict(analysis)


@FUZZ
@given(raw=st.text(max_size=2000), name=st.text(min_size=1, max_size=40))
def test_ingest_never_fails_otherwise(raw, name):
    article = read(raw, name)
    if article is None:
        return
    assert article.text
    for p in article.paragraphs:
        assert article.text[p.start:p.end].strip() == article.text[p.start:p.end]


@FUZZ
@given(text=st.text(alphabet=st.sampled_from('"()\'_-.,!?:;*#[]{}<>/\\|~`^ xa\n😀'), max_size=3000))
def test_tokenizer_keeps_text_and_offsets(nlp, text):
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert "".join(t.text_with_ws for t in doc) == text


@pytest.mark.parametrize("unit", ['"', "(", "_", "'s", "😀"])
def test_long_runs_keep_every_offset(nlp, unit):
    text = "NATO said " + unit * 600 + " and Russia rejected it.\n\nRussia demanded talks."
    article = read(text, "runs.txt")
    analysis = analyze(article, nlp)
    check_document(json.loads(json.dumps(analysis_to_dict(analysis))))
