"""Where and when an article was published: HTML metadata, a sibling .meta.json, the dateline, or
nothing; carried on Article and Analysis, in the JSON contract, the Markdown report and the TUI."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from tui_support import WIDE, drained, drawn_text, reader_env  # noqa: F401 - fixture

from reader.cache import analyse_with_cache, load_cached, model_label_for, save_cached
from reader.cli import main
from reader.export import to_json, to_markdown
from reader.ingest import article_from_text, read_article
from reader.model import InvalidAnalysis, Publication, analysis_from_dict, analysis_to_dict, check_analysis
from reader.pipeline import analyze
from reader.publication import from_metadata, iso_date
from reader.tui import make_app
from reader.tui.widgets import ArticleView

pytestmark = pytest.mark.usefixtures("reader_env")

BODY = ("<p>The rebels demanded an immediate ceasefire on Thursday, the group's spokesman said in a "
        "statement to reporters in the capital.</p>\n"
        "<p>The government rejected the demand and said it would not negotiate under pressure from "
        "armed groups, a minister told the state news agency.</p>\n")
HTML = f"""<!doctype html><html><head><title>Talks stall | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Talks stall as rebels demand ceasefire">
<meta property="article:published_time" content="2019-10-10T08:30:00Z">
<link rel="canonical" href="https://example.com/news/talks-stall">
</head><body><article><h1>Talks stall as rebels demand ceasefire</h1>
{BODY}</article></body></html>
"""
PLAIN_HTML = f"<!doctype html><html><head></head><body><article>{BODY}</article></body></html>"
STORY = ("Rebels demand ceasefire\n\n"
         "The rebels demanded an immediate ceasefire, the group's spokesman said on Thursday.\n\n"
         "The government rejected the demand, a minister said.\n")
DATELINE = ("Rebels demand ceasefire\n\n"
            "KHARTOUM, Dec 27, 2003 (dpa) — The rebels demanded an immediate ceasefire, the group's "
            "spokesman said.\n\n"
            "The government rejected the demand, a minister said.\n")
META = {"title": "Rebels demand ceasefire", "source_url": "https://news.example.org/rebels",
        "outlet": "Example Wire", "date": "2003-12-27", "license": "unknown"}


@pytest.fixture
def files(tmp_path):
    def write(name: str, text: str) -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


# -- reading ---------------------------------------------------------------------------------


def test_html_metadata_gives_outlet_date_and_canonical_url(files):
    article = read_article(files("talks.html", HTML))
    assert article.publication == Publication("Example News", "https://example.com/news/talks-stall",
                                              "2019-10-10")
    assert article.published == "2019-10-10"


def test_a_meta_json_sibling_gives_them_and_wins_over_the_page(files):
    files("story.meta.json", json.dumps(META))
    assert read_article(files("story.txt", STORY)).publication == Publication(
        "Example Wire", "https://news.example.org/rebels", "2003-12-27")
    files("talks.meta.json", json.dumps({"outlet": "Wire copy"}))
    assert read_article(files("talks.html", HTML)).publication == Publication(
        "Wire copy", "https://example.com/news/talks-stall", "2019-10-10")


@pytest.mark.parametrize("meta", ["{not json", "[1, 2]", '{"outlet": 3, "date": "2016-06"}', "\x00\x01"])
def test_a_broken_or_empty_meta_json_is_ignored(files, meta):
    files("story.meta.json", meta)
    assert read_article(files("story.txt", STORY)).publication == Publication()


def test_a_meta_json_that_is_a_directory_is_ignored(files, tmp_path):
    (tmp_path / "story.meta.json").mkdir()
    assert read_article(files("story.txt", STORY)).publication == Publication()


def test_metadata_keys_and_dates():
    assert from_metadata({"site_name": "Wire", "url": "not a url", "published": "27 December 2003"}) == \
        Publication("Wire", None, "2003-12-27")
    assert from_metadata({"source": "https://x.example/a"}) == Publication(None, "https://x.example/a", None)
    assert iso_date("Dec. 27, 2003") == "2003-12-27"
    assert iso_date("2019-10-10T08:30:00Z") == "2019-10-10"
    assert iso_date("2016-06") is None and iso_date("Jan 12") is None and iso_date("2019-02-30") is None


def test_nothing_known_is_all_none(files):
    assert read_article(files("story.txt", STORY)).publication == Publication()
    assert read_article(files("plain.html", PLAIN_HTML)).publication.outlet is None


@pytest.mark.parametrize(("opening", "expected"), [
    ("KHARTOUM, Dec 27, 2003 (dpa) —", Publication("dpa", None, "2003-12-27")),
    ("WASHINGTON (Reuters) -", Publication("Reuters", None, None)),
    ("MOSCOW, Jan 12 (Reuters) -", Publication("Reuters", None, None)),
])
def test_the_dateline_gives_outlet_and_date(nlp, opening, expected):
    text = f"Rebels demand ceasefire\n\n{opening} The rebels demanded a ceasefire, a spokesman said.\n"
    article = article_from_text(text)
    assert article.publication == Publication()  # the dateline is read with the parse
    assert analyze(article, nlp).publication == expected


def test_metadata_comes_before_the_dateline(nlp):
    article = article_from_text(DATELINE)
    article = replace(article, publication=Publication(outlet="Sudan Tribune"))
    assert analyze(article, nlp).publication == Publication("Sudan Tribune", None, "2003-12-27")


# -- the contract ------------------------------------------------------------------------------


def test_json_and_markdown_carry_the_publication(files, nlp):
    files("story.meta.json", json.dumps(META))
    analysis = analyze(read_article(files("story.txt", STORY)), nlp)
    data = json.loads(to_json(analysis))
    assert data["publication"] == {"outlet": "Example Wire", "url": "https://news.example.org/rebels",
                                   "date": "2003-12-27"}
    assert data["source"].endswith("story.txt")  # the file stays where it was
    assert "Published: Example Wire · 2003-12-27 · <https://news.example.org/rebels>" in to_markdown(analysis)
    check_analysis(data)
    assert analysis_from_dict(data).publication == analysis.publication


def test_cli_json_has_null_fields_when_nothing_is_known(files, capsys):
    assert main(["analyze", files("story.txt", STORY)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["publication"] == {"outlet": None, "url": None, "date": None}


def test_cli_markdown_from_the_dateline(files, capsys):
    assert main(["analyze", "--format", "markdown", files("wire.txt", DATELINE)]) == 0
    assert "Published: dpa · 2003-12-27\n" in capsys.readouterr().out


def test_an_old_analysis_without_publication_still_reads(nlp):
    data = analysis_to_dict(analyze(article_from_text(STORY), nlp))
    del data["publication"]
    assert analysis_from_dict(data).publication == Publication()


@pytest.mark.parametrize(("publication", "where"), [
    ("Reuters", "publication: not an object"),
    ({"outlet": 3}, "publication.outlet: not a string"),
    ({"date": "2003-12"}, "publication.date: not a date"),
    ({"date": "27 Dec 2003"}, "publication.date: not a date"),
    ({"outlet": "x", "place": "Khartoum"}, "publication.place: not a field"),
])
def test_check_analysis_refuses_a_bad_publication(nlp, publication, where):
    data = analysis_to_dict(analyze(article_from_text(STORY), nlp))
    data["publication"] = publication
    with pytest.raises(InvalidAnalysis, match=where):
        check_analysis(data)


def test_the_cache_keeps_the_dateline_and_reads_the_metadata_again(files, nlp):
    path = files("wire.txt", DATELINE)
    analysis, cached = analyse_with_cache(read_article(path))
    assert not cached and analysis.publication == Publication("dpa", None, "2003-12-27")
    assert load_cached(analysis.text, model_label_for(None)).publication == analysis.publication
    files("wire.meta.json", json.dumps({"url": "https://news.example.org/wire"}))
    again, cached = analyse_with_cache(read_article(path))
    assert cached and again.publication == Publication("dpa", "https://news.example.org/wire", "2003-12-27")


# -- the TUI -----------------------------------------------------------------------------------


def source_line(app) -> str:
    return app.main_screen.query_one(ArticleView).source_line


async def test_tui_shows_the_meta_json_source_under_the_title_at_once(files, nlp):
    files("story.meta.json", json.dumps(META))
    path = files("story.txt", STORY)
    save_cached(analyze(read_article(path), nlp), model_label_for(None))
    app = make_app(path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        line = "Example Wire · 2003-12-27 · https://news.example.org/rebels"
        assert source_line(app) == line
        drawn = drawn_text(app.main_screen.query_one(ArticleView))
        assert drawn[0].strip() == "Rebels demand ceasefire" and drawn[1].strip() == line


async def test_tui_shows_the_dateline_source_when_the_analysis_lands(files):
    app = make_app(files("wire.txt", DATELINE))
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert source_line(app) == "dpa · 2003-12-27"
        assert any("dpa · 2003-12-27" in line for line in drawn_text(app.main_screen.query_one(ArticleView)))


async def test_tui_shows_no_source_line_when_nothing_is_known(files):
    app = make_app(files("story.txt", STORY))
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert source_line(app) == ""
        drawn = drawn_text(app.main_screen.query_one(ArticleView))
        assert drawn[0].strip() == "Rebels demand ceasefire" and set(drawn[1].strip()) == {"▁"}


async def test_y_copies_quote_speaker_party_outlet_date_and_url(files):
    files("story.meta.json", json.dumps(META))
    app = make_app(files("story.txt", STORY))
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        screen = app.main_screen
        assert screen.nav.current is not None
        await pilot.press("y")
        await pilot.pause()
        position = screen.nav.current
        assert app.clipboard.startswith(position.text.rstrip(",")[:30])
        assert app.clipboard.endswith("; Example Wire, 2003-12-27, https://news.example.org/rebels")
        assert "story.txt" not in app.clipboard
