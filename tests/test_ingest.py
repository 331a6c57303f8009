"""Reading and cleaning articles: formats, encodings, junk, titles, paragraphs, bad input."""

from __future__ import annotations

import io
import json
import sys

import pytest
from conftest import GOLD, SAMPLES, SEED, sample_paths
from eval_score import norm

from reader.ingest import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    InputError,
    article_from_text,
    guess_format,
    is_junk_line,
    read_article,
)

PAGE = """<!DOCTYPE html>
<html><head><title>Russia demands guarantees | World News</title>
<meta property="og:title" content="Russia demands security guarantees from NATO"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Russia demands security guarantees from NATO</h1>
<p>Russia has made several demands on the United States and NATO, officials said on Friday.</p>
<div class="ad">Advertisement</div>
<p>&ldquo;It is crucial that the guarantees have a legal effect,&rdquo; Ryabkov said.
<a href="/nato">NATO</a> rejected the demands on Thursday.</p>
<p>Share this article on Facebook</p>
</article><footer>Copyright 2021 World News. All rights reserved.</footer></body></html>
"""

MARKDOWN = """# Russia demands *security* guarantees

Russia has made **several demands** on the [United States](https://example.org/us) and NATO.
The demands were published in Moscow.

## Cold reaction

> "We are ready to talk about this," said a US government spokeswoman.

![a photo](https://example.org/p.jpg)
- NATO rejected the demands.
"""


def write(tmp_path, name: str, data: bytes | str):
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)


def paragraphs(article) -> list[str]:
    return [article.text[p.start:p.end] for p in article.paragraphs]


# --- the samples ------------------------------------------------------------------------------


def test_seed_junk_is_removed_and_sentences_kept():
    article = read_article(str(SEED))
    for junk in ("[ad_1]", "[ad_2]", "Source link", "top channel", "/DW/"):
        assert junk not in article.text
    assert article.text.startswith("For months, NATO and the EU have been criticizing")
    assert article.text.endswith("stressed a close partnership with Kiev.")
    assert "Cold reaction from Washington" in paragraphs(article)
    assert "“It is crucial that the security guarantees demanded by Russia have a ‘legal effect,'” " \
           "Ryabkov said." in article.text


def test_seed_has_no_title():
    article = read_article(str(SEED))
    assert article.title is None
    assert len(article.paragraphs) == 10


@pytest.mark.parametrize("stem, title", [
    ("voa-gaza-egypt-counterplan-2025", "Trump says he has not seen Egyptian counter to his plan for Gaza"),
    ("voa-zelenskyy-kellogg-us-ukraine-2025",
     "Zelenskyy: Strong Ukraine relations with US 'benefit entire world'"),
    ("wn-cairo-summit-turkey-libya-maritime-2020",
     "Cairo summit denounces Turkish-Libyan maritime border agreement"),
    ("wn-uk-us-immunity-sacoolas-2019",
     "UK urges US to waive immunity for diplomat's wife involved in fatal collision"),
])
def test_headline_is_the_title_and_first_paragraph(stem, title):
    article = read_article(str(SAMPLES / f"{stem}.txt"))
    assert article.title == title
    assert paragraphs(article)[0] == title


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_paragraphs_index_the_text(path):
    article = read_article(str(path))
    assert "\n\n".join(paragraphs(article)) == article.text
    for para in paragraphs(article):
        assert para and para == para.strip() and "\n" not in para and "  " not in para


@pytest.mark.parametrize("gold", sorted(GOLD.glob("*.gold.json")), ids=lambda p: p.stem)
def test_every_gold_anchor_survives_cleaning(gold):
    data = json.loads(gold.read_text(encoding="utf-8"))
    text = norm(read_article(str(SAMPLES / data["article"])).text)
    for position in data["positions"]:
        assert norm(position["anchor"]) in text


# --- formats ----------------------------------------------------------------------------------


def test_html_through_trafilatura(tmp_path):
    article = read_article(write(tmp_path, "page.html", PAGE))
    assert article.title == "Russia demands security guarantees from NATO"
    assert paragraphs(article) == [
        "Russia demands security guarantees from NATO",
        "Russia has made several demands on the United States and NATO, officials said on Friday.",
        "“It is crucial that the guarantees have a legal effect,” Ryabkov said. "
        "NATO rejected the demands on Thursday.",
    ]


def test_html_detected_by_content():
    assert guess_format("-", PAGE) == "html"
    assert guess_format("page.txt", PAGE) == "html"
    article = article_from_text(PAGE, source="-")
    assert "<p>" not in article.text and "Home" not in article.text


def test_markdown_markup_is_stripped(tmp_path):
    article = read_article(write(tmp_path, "story.md", MARKDOWN))
    assert article.title == "Russia demands security guarantees"
    assert paragraphs(article) == [
        "Russia demands security guarantees",
        "Russia has made several demands on the United States and NATO. "
        "The demands were published in Moscow.",
        "Cold reaction",
        "\"We are ready to talk about this,\" said a US government spokeswoman.",
        "NATO rejected the demands.",
    ]


def test_markdown_detected_by_content():
    assert guess_format("-", MARKDOWN) == "markdown"
    assert guess_format("story.txt", "Russia said on Monday it would respond.\n") == "text"


def test_plain_text_keeps_markup_like_characters():
    article = article_from_text("The vote was 5*3 in favour, said the_chair.\n")
    assert article.text == "The vote was 5*3 in favour, said the_chair."


def test_hard_wrapped_paragraphs_are_joined():
    raw = ("Russian Deputy Foreign Minister Sergei Ryabkov said the United States\n"
           "should take his government's initiative seriously, and that the talks\n"
           "could start at once in a neutral country such as Switzerland.\n\n"
           "NATO rejected the demands.\n")
    assert paragraphs(article_from_text(raw)) == [
        "Russian Deputy Foreign Minister Sergei Ryabkov said the United States should take his "
        "government's initiative seriously, and that the talks could start at once in a neutral "
        "country such as Switzerland.",
        "NATO rejected the demands.",
    ]


def test_whitespace_is_normalised_but_quotes_are_not():
    raw = "\ufeffMoscow\u00a0said:\t“No.”  \u2018Never,’ it added.\r\n\r\n\u200bNATO  replied.\r\n"
    article = article_from_text(raw)
    assert article.text == "Moscow said: “No.” ‘Never,’ it added.\n\nNATO replied."


def test_a_backtick_between_letters_is_an_apostrophe():
    article = article_from_text("Militants deny the government`s claims about the hostages` release.")
    assert article.text == "Militants deny the government\u2019s claims about the hostages` release."


# --- junk -------------------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "[ad_1]", "Source link", "top channel", "Advertisement", "ADVERTISEMENT", "Read more:",
    "Read more: Why Russia wants guarantees", "Share this article", "Subscribe to our newsletter",
    "Follow us on Twitter", "Facebook Twitter Email", "Share on Facebook", "Image source: Reuters",
    "Skip to main content", "5 min read", "Story continues below advertisement", "Photo: AFP",
    "(Photo by John Doe/Getty Images)", "File photo: Reuters",
])
def test_junk_lines(line):
    assert is_junk_line(line)


@pytest.mark.parametrize("line", [
    "Cold reaction from Washington",
    "Read more carefully, the draft treaty would bar Ukraine and Georgia from ever joining NATO.",
    "Subscribers to the agency's service were told on Friday that the talks in Geneva had failed.",
    "Russia has made several demands on the United States and NATO.",
    "Share prices fell in Moscow.",
    "Photos by the ministry showed the new border posts near the town of Kharkiv on Friday.",
])
def test_sentences_are_not_junk(line):
    assert not is_junk_line(line)


def test_inline_and_trailing_junk():
    article = article_from_text("Moscow made demands. [ad_1] NATO rejected them./AFP/\n\n"
                                "[ad_2]\nSource link\n")
    assert article.text == "Moscow made demands. NATO rejected them."


def test_only_junk_is_an_error():
    with pytest.raises(InputError, match="no article text"):
        article_from_text("[ad_1]\nSource link\n")


# --- encodings --------------------------------------------------------------------------------


def test_latin_1_file(tmp_path):
    text = "Le ministre a déclaré à Genève que la réunion était «inacceptable», a-t-il ajouté. " * 3
    article = read_article(write(tmp_path, "fr.txt", text.encode("latin-1")))
    assert article.text == text.strip()


def test_cp1252_curly_quotes(tmp_path):
    text = "“We are ready to talk about this,” said a US government spokeswoman – in Geneva."
    assert read_article(write(tmp_path, "us.txt", text.encode("cp1252"))).text == text


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig", "utf-16-le", "utf-32"])
def test_unicode_encodings(tmp_path, codec):
    text = "Russia’s demands are “unacceptable,” NATO said in Brussels on Thursday."
    assert read_article(write(tmp_path, "a.txt", text.encode(codec))).text == text


def test_stdin(monkeypatch):
    raw = "Russia demands guarantees\n\nRussia made demands on NATO, officials said.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw.encode())))
    article = read_article("-")
    assert article.source == "-"
    assert article.title == "Russia demands guarantees"


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\t\n \r\n", "only white space"),
    ("blank16.txt", "   \n\n  ".encode("utf-16"), "only white space"),
    ("binary.bin", bytes(range(256)) * 40, "binary"),
    ("nul.txt", b"Russia said\x00\x00\x00\x01\x02 demands\x00" * 50, "binary"),
    ("unknown.txt", bytes(range(128, 256)) * 8, "unknown text encoding"),
])
def test_unreadable_files(tmp_path, name, data, message):
    with pytest.raises(InputError, match=message) as info:
        read_article(write(tmp_path, name, data))
    assert "\n" not in str(info.value)


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(str(tmp_path / "nope.txt"))


def test_directory(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_article(str(tmp_path))


def test_five_megabyte_file_is_refused(tmp_path):
    line = "Russia demanded guarantees from NATO, and NATO rejected the demands again.\n"
    path = write(tmp_path, "huge.txt", line * (5_000_000 // len(line) + 1))
    with pytest.raises(InputError, match="too large"):
        read_article(path)
    assert MAX_FILE_BYTES < 5_000_000


def test_text_over_the_limit_is_refused(tmp_path):
    line = "Russia demanded guarantees from NATO, and NATO rejected the demands again.\n"
    path = write(tmp_path, "long.txt", line * (MAX_TEXT_CHARS // len(line) + 10))
    with pytest.raises(InputError, match="too long"):
        read_article(path)


def test_text_without_sentences_is_an_article():
    article = article_from_text("...\n")
    assert article.text == "..." and article.title is None


def test_html_without_article_text_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no article text"):
        read_article(write(tmp_path, "empty.html", "<html><head></head><body><div></div></body></html>"))


@pytest.mark.parametrize("first, title", [
    ("Russia demands guarantees", "Russia demands guarantees"),
    ("By Jane Doe", None),
    ("WASHINGTON", None),
    ("Russia has made several demands on the United States.", None),
    ("WASHINGTON —", None),
])
def test_title_only_when_headline_like(first, title):
    article = article_from_text(f"{first}\nRussia made demands on NATO, officials said on Friday.\n")
    assert article.title == title
