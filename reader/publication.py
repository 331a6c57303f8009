"""Where and when an article was published: its outlet, URL and date.

Three sources, best first: the HTML page's metadata (read by trafilatura in
:mod:`reader.ingest`), a ``.meta.json`` file beside the article, and the dateline that opens
a wire story ("KHARTOUM, Dec 27, 2003 (dpa) —", "WASHINGTON (Reuters) -"). The dateline is
found on the parsed Doc by the same rule that keeps it out of the first sentence
(:func:`reader.components.dateline_end`), so spaCy is imported only there.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from .model import Article, Publication

if TYPE_CHECKING:
    from spacy.tokens import Doc

OUTLET_KEYS = ("outlet", "site_name", "sitename", "site", "publisher", "source")
URL_KEYS = ("url", "source_url", "canonical_url", "link")
DATE_KEYS = ("date", "published", "published_at", "date_published", "datePublished", "published_time")
MAX_FIELD_CHARS = 500  # an outlet or a URL longer than this is not one
DATELINE_PARAGRAPHS = 3  # the title, perhaps a byline, then the dateline

MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for name in names
}
ISO_PREFIX = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
URL = re.compile(r"https?://\S+", re.I)


def iso_date(text: object) -> str | None:
    """``text`` as an ISO date (YYYY-MM-DD) if it names a whole, real day; else None.

    Reads '2003-12-27', '2019-10-10T08:30:00Z', 'Dec 27, 2003', 'December 27 2003',
    '27 Dec. 2003'. A month or a year alone ('2016-06') is not a day: None."""
    if not isinstance(text, str):
        return None
    iso = ISO_PREFIX.match(text)
    if iso:
        return _day(*(int(part) for part in iso.groups()))
    found = MONTH_DAY_YEAR.search(text)
    if found:
        month, day, year = found.groups()
        return _named_day(int(year), month, int(day))
    found = DAY_MONTH_YEAR.search(text)
    if found:
        day, month, year = found.groups()
        return _named_day(int(year), month, int(day))
    return None


def _named_day(year: int, month: str, day: int) -> str | None:
    number = MONTHS.get(month.casefold())
    return _day(year, number, day) if number else None


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def clean_field(value: object) -> str | None:
    """A metadata value as one line of text, or None if it is not a usable string."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value if 0 < len(value) <= MAX_FIELD_CHARS and value.isprintable() else None


def clean_url(value: object) -> str | None:
    value = clean_field(value)
    return value if value and URL.fullmatch(value) else None


def from_metadata(data: object) -> Publication:
    """The publication named by a ``.meta.json`` document (keys such as outlet, site_name,
    source; url, source_url; date, published). Anything else is ignored."""
    if not isinstance(data, dict):
        return Publication()
    outlet = next((v for k in OUTLET_KEYS if (v := clean_field(data.get(k))) and not URL.match(v)), None)
    url = next((v for k in URL_KEYS if (v := clean_url(data.get(k)))), None)
    if url is None:  # "source": "https://..." names the address, not the outlet
        url = clean_url(data.get("source"))
    published = next((v for k in DATE_KEYS if (v := iso_date(data.get(k)))), None)
    return Publication(outlet=outlet, url=url, date=published)


def from_dateline(doc: Doc, article: Article) -> Publication:
    """The outlet and date of the dateline opening one of the first paragraphs, if any.

    'KHARTOUM, Dec 27, 2003 (dpa) —' gives dpa and 2003-12-27; 'MOSCOW, Jan 12 (Reuters) -'
    gives Reuters and no date (no year)."""
    from .components import dateline_end

    for paragraph in article.paragraphs[:DATELINE_PARAGRAPHS]:
        span = doc.char_span(paragraph.start, paragraph.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        end = dateline_end(doc, span.start)
        if end is not None:
            return _dateline_fields(doc[span.start: end - 1].text)
    return Publication()


def _dateline_fields(dateline: str) -> Publication:
    """'KHARTOUM, Dec 27, 2003 (dpa)' -> dpa, 2003-12-27."""
    outlet = re.search(r"\(([^()]+)\)\s*$", dateline)
    before = dateline[: outlet.start()] if outlet else dateline
    return Publication(outlet=clean_field(outlet.group(1)) if outlet else None, date=iso_date(before))
