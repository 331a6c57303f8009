"""Reading an article (plain text, Markdown or HTML) into a cleaned Article.

No spaCy and no Textual here. Every offset the rest of the pipeline produces indexes into
``Article.text``: the paragraphs joined with a blank line, the title (if any) first.
Quote characters are kept as they are; only white space is normalised.
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
import sys
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .datafiles import load_toml
from .model import Article, Paragraph, Publication
from .publication import clean_field, clean_url, from_metadata, iso_date

# A news article is 5-100 kB; the spaCy parse of 300,000 characters takes ~15 s and ~1 GB, so
# longer texts (and files, HTML included, above 4 MB) are refused with a clear message.
MAX_FILE_BYTES = 4_000_000
MAX_TEXT_CHARS = 300_000
META_SUFFIX = ".meta.json"  # "story.txt" -> "story.meta.json": outlet, url and date of the story
MAX_META_BYTES = 1_000_000

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
# Encodings preferred when charset-normalizer finds several equally plausible ones.
WESTERN_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")
BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 25
SENTENCE_END = ('.', '!', '?', ':', ';', '"', '”', '’', "'", ')', ']', '»')

SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
BACKTICK_APOSTROPHE = re.compile(r"(?<=[^\W\d_])`(?=[^\W\d_])")
SURROGATES = re.compile(r"[\ud800-\udfff]")


class InputError(ValueError):
    """An input that cannot be read as an article; its message is one line for the user."""


@dataclass(frozen=True)
class JunkRules:
    lines: tuple[re.Pattern[str], ...]
    inline: tuple[re.Pattern[str], ...]
    trailing: tuple[re.Pattern[str], ...]
    max_line_length: int
    sentence_min_words: int


# --- reading and decoding -------------------------------------------------------------------


def read_article(path: str) -> Article:
    """Read the article at ``path`` ('-' is standard input); raise InputError if it can't be.

    ``Article.source`` is :func:`display_name` of the path: safe to print anywhere.
    ``Article.publication`` comes from a sibling ``.meta.json`` first, then the HTML metadata."""
    raw = read_bytes(path)
    text = decode(raw, label(path))
    article = article_from_text(text, source=display_name(path), fmt=guess_format(path, text))
    sibling = sibling_publication(path)
    if not sibling:
        return article
    return replace(article, publication=sibling.filled_from(article.publication))


def sibling_publication(path: str) -> Publication:
    """The publication named by ``X.meta.json`` beside ``X.txt`` (or ``X.html``), if there is a
    readable one; an unreadable or malformed file is ignored (it only decorates the article)."""
    if path == "-":
        return Publication()
    meta = Path(path).with_suffix(META_SUFFIX)
    try:
        raw = _read_regular_file(str(meta), display_name(str(meta)))
        if len(raw) > MAX_META_BYTES:
            return Publication()
        return from_metadata(json.loads(raw.decode("utf-8")))
    except (InputError, OSError, ValueError, RecursionError):
        return Publication()


def display_name(path: str) -> str:
    """``path`` as text that is always valid UTF-8 and one line: bytes of a file name that are
    not UTF-8 (surrogate escapes) become ``\\xNN``, control characters ``\\n``, ``\\t``, ``\\x1b``."""
    if path.isprintable() and not SURROGATES.search(path):
        return path
    try:
        raw = os.fsencode(path)
    except (UnicodeError, ValueError):
        raw = path.encode("utf-8", "surrogatepass")
    text = raw.decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def label(path: str) -> str:
    return "standard input" if path == "-" else display_name(path)


def read_bytes(path: str) -> bytes:
    """The bytes of a regular file or of standard input.

    Anything else (a directory, a FIFO, a device, a socket) is refused without blocking:
    the file is opened with O_NONBLOCK and checked with fstat before a byte is read. Every
    OSError (permission, a name too long, a loop of links ...) is an InputError."""
    name = label(path)
    if path == "-":
        raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    else:
        raw = _read_regular_file(path, name)
    if len(raw) > MAX_FILE_BYTES:
        raise _too_large(name)
    return raw


def _read_regular_file(path: str, name: str) -> bytes:
    try:
        kind = _file_kind(os.stat(path).st_mode)
        if kind != "file":
            raise InputError(f"{name}: is {kind}, not an article file")
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(path, flags)
        try:
            info = os.fstat(fd)
            kind = _file_kind(info.st_mode)  # it may have been replaced since os.stat
            if kind != "file":
                raise InputError(f"{name}: is {kind}, not an article file")
            if info.st_size > MAX_FILE_BYTES:
                raise _too_large(name)
            return read_fd(fd, MAX_FILE_BYTES + 1)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({os_reason(e)})") from None


def read_fd(fd: int, limit: int) -> bytes:
    """Up to ``limit`` bytes of an open file (a regular file never blocks)."""
    chunks, size = [], 0
    while size < limit:
        chunk = os.read(fd, min(1 << 20, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _file_kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def os_reason(error: OSError) -> str:
    """An OSError's reason in a few words ('Permission denied', 'File name too long')."""
    return error.strerror or error.__class__.__name__


def _too_large(name: str) -> InputError:
    return InputError(f"{name}: too large (over {MAX_FILE_BYTES // 1_000_000} MB); "
                      f"reader analyses articles up to {MAX_TEXT_CHARS:,} characters")


def decode(raw: bytes, name: str = "input") -> str:
    """Text from bytes: a BOM, then UTF-8, then charset-normalizer's best guess."""
    if not raw:
        raise InputError(f"{name}: is empty")
    text = _decode_bom(raw, name)
    if text is None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is None or "\x00" in text:
            text = _detect(raw, name)
    if _looks_binary(text):
        raise InputError(f"{name}: looks like a binary file, not text")
    if not text.strip():
        raise InputError(f"{name}: contains only white space")
    return text


def _decode_bom(raw: bytes, name: str) -> str | None:
    for bom, codec in BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"{name}: starts like {codec} text but cannot be decoded") from None
    return None


def _detect(raw: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    matches = from_bytes(raw)
    best = matches.best()
    if best is None:
        if b"\x00" in raw:
            raise InputError(f"{name}: looks like a binary file, not text")
        raise InputError(f"{name}: is in an unknown text encoding (not UTF-8 and not recognised)")
    for match in matches:
        if match.chaos > best.chaos + 0.01:
            continue
        for codec in WESTERN_ENCODINGS:
            if codec in match.could_be_from_charset:
                try:
                    return raw.decode(codec)
                except UnicodeDecodeError:
                    continue
    return str(best)


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    return len(BINARY_CONTROL.findall(text)) > max(2, len(text) // 100)


# --- formats ----------------------------------------------------------------------------------


def guess_format(path: str, text: str) -> str:
    """'html', 'markdown' or 'text', from the file name and then from the content."""
    suffix = Path(path).suffix.lower() if path != "-" else ""
    if suffix in HTML_SUFFIXES or _looks_html(text):
        return "html"
    if suffix in MARKDOWN_SUFFIXES or _looks_markdown(text):
        return "markdown"
    return "text"


def _looks_html(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    return head.startswith("<") and re.search(r"</(p|div|body|article|html)>", text, re.I) is not None


MD_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(\s+#+)?\s*$")
MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")


def _looks_markdown(text: str) -> bool:
    return bool(re.search(r"^ {0,3}#{1,6}\s+\S", text, re.M) or MD_LINK.search(text)
                or re.search(r"(\*\*|__)\S[^\n]*?\S\1", text))


def article_from_text(raw: str, source: str = "-", fmt: str | None = None) -> Article:
    """Clean ``raw`` text (plain, Markdown or HTML; guessed when ``fmt`` is None) into an Article."""
    name = label(source)
    if not raw.strip():
        raise InputError(f"{name}: contains only white space" if raw else f"{name}: is empty")
    fmt = fmt or guess_format(source, raw)
    title, publication = None, Publication()
    if fmt == "html":
        title, body, publication = html_document(raw)
    elif fmt == "markdown":
        title, body = markdown_to_text(raw)
    else:
        body = raw
    paragraphs = split_paragraphs(remove_junk(normalise(body)))
    title, paragraphs = place_title(title, paragraphs)
    if not paragraphs:
        raise InputError(f"{name}: no article text found")
    return replace(build_article(source, title, paragraphs), publication=publication)


def html_to_text(html: str) -> tuple[str | None, str]:
    """Main text (one paragraph a line) and title of an HTML page, through trafilatura."""
    title, body, _ = html_document(html)
    return title, body


def html_document(html: str) -> tuple[str | None, str, Publication]:
    """Title, main text (one paragraph a line) and publication of an HTML page, through trafilatura
    (og:site_name, article:published_time, the canonical URL and their equivalents)."""
    quiet = logging.getLogger("trafilatura")
    if not quiet.handlers:  # its warnings are not the user's business: keep stderr to one line
        quiet.addHandler(logging.NullHandler())
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False)
    if doc is None:
        return None, trafilatura.html2txt(html) or "", Publication()
    publication = Publication(outlet=clean_field(doc.sitename), url=clean_url(doc.url), date=iso_date(doc.date))
    return (doc.title or "").strip() or None, doc.text or trafilatura.html2txt(html) or "", publication


def markdown_to_text(md: str) -> tuple[str | None, str]:
    """Markdown with its markup stripped, one paragraph a line; a leading heading is the title.

    Lines of one block are joined as Markdown does (a soft line break is a space) when the
    document separates its blocks with blank lines; otherwise each line stays a paragraph."""
    soft_breaks = re.search(r"\S[^\n]*\n[ \t]*\n[ \t]*\S", md) is not None
    title = None
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for line in md.splitlines():
        kind, line = _markdown_line(line)
        if kind == "heading" and title is None and not paragraphs and not current:
            title = _strip_inline_markdown(line).strip() or None
        if kind != "text" or not soft_breaks:
            flush()
        if kind != "break":
            current.append(_strip_inline_markdown(line).strip())
        if kind == "heading":
            flush()
    flush()
    return title, "\n\n".join(paragraphs)


def _markdown_line(line: str) -> tuple[str, str]:
    """('heading' | 'break' | 'item' | 'text', the line without its block markup)."""
    heading = MD_HEADING.match(line)
    if heading:
        return "heading", heading.group(2)
    if re.fullmatch(r" {0,3}(=+|-{3,}|\*{3,}|_{3,})\s*", line) or re.match(r" {0,3}\[[^\]]+\]:\s+\S+", line):
        return "break", ""
    line = re.sub(r"^ {0,3}(>\s?)+", "", line)
    if not line.strip():
        return "break", ""
    item = re.match(r"\s*([-*+]|\d{1,3}[.)])\s+", line)
    if item:
        return "item", line[item.end():]
    return "text", line


def _strip_inline_markdown(line: str) -> str:
    line = re.sub(r"!\[[^\]\n]*\]\([^)\n]*\)", "", line)
    line = MD_LINK.sub(r"\1", line)
    line = re.sub(r"\[([^\]\n]+)\]\[[^\]\n]*\]", r"\1", line)
    line = re.sub(r"<(https?://[^>\s]+)>", r"\1", line)
    line = re.sub(r"</?[A-Za-z][^>\n]*>", "", line)
    line = re.sub(r"`([^`\n]+)`", r"\1", line)
    line = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", line)
    line = re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"\1", line)
    line = re.sub(r"(?<![\w])_(?=\S)(.+?)(?<=\S)_(?!\w)", r"\1", line)
    line = re.sub(r"~~(?=\S)(.+?)(?<=\S)~~", r"\1", line)
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!>~|])", r"\1", line)


# --- cleaning ---------------------------------------------------------------------------------


def normalise(text: str) -> list[str]:
    """Lines with white space normalised (NFC, one space, no invisible or control characters)."""
    text = unicodedata.normalize("NFC", LINE_BREAKS.sub("\n", text))
    text = CONTROL.sub("", INVISIBLE.sub("", text.replace("\t", " ")))
    text = SURROGATES.sub("\ufffd", text)  # only possible from a caller's str, never from bytes
    text = BACKTICK_APOSTROPHE.sub("\u2019", text)  # "the government`s claims": a scraper's apostrophe
    return [SPACES.sub(" ", line).strip() for line in text.split("\n")]


@lru_cache(maxsize=1)
def junk_rules() -> JunkRules:
    data = load_toml("junk.toml")

    def compile_all(key: str, template: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(template.format(p), re.I) for p in data.get(key, ()))

    return JunkRules(
        lines=compile_all("lines", r"(?:{})[\s.:!|·•»>-]*"),
        inline=compile_all("inline", r"\s*(?:{})"),
        trailing=compile_all("trailing", "{}"),
        max_line_length=int(data.get("max_line_length", 120)),
        sentence_min_words=int(data.get("sentence_min_words", 12)),
    )


def remove_junk(lines: list[str]) -> list[str]:
    """Drop junk lines (leaving a paragraph break) and strip junk glued inside or after text."""
    rules = junk_rules()
    out = []
    for line in lines:
        line = _strip_glued_junk(line, rules)
        out.append("" if is_junk_line(line, rules) else line)
    return out


def _strip_glued_junk(line: str, rules: JunkRules) -> str:
    for pattern in rules.inline:
        line = pattern.sub("", line)
    changed = True
    while changed and line:
        changed = False
        for pattern in rules.trailing:
            stripped = pattern.sub("", line).rstrip()
            if stripped != line:
                line, changed = stripped, True
    return SPACES.sub(" ", line).strip()


def is_junk_line(line: str, rules: JunkRules | None = None) -> bool:
    rules = rules or junk_rules()
    if not line or len(line) > rules.max_line_length:
        return False
    if line.endswith((".", "!", "?")) and len(line.split()) >= rules.sentence_min_words:
        return False
    return any(p.fullmatch(line) for p in rules.lines)


def split_paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs from lines: a blank line separates blocks; inside a block every line is a
    paragraph unless the block is hard-wrapped or a line plainly continues the one before."""
    paragraphs: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line:
            block.append(line)
            continue
        if block:
            paragraphs.extend(_join_block(block))
            block = []
    return paragraphs


def _join_block(block: list[str]) -> list[str]:
    if _is_hard_wrapped(block):
        return [" ".join(block)]
    out = [block[0]]
    for line in block[1:]:
        if not out[-1].endswith(SENTENCE_END) and line[0].islower():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _is_hard_wrapped(block: list[str]) -> bool:
    """Lines of similar, limited length that mostly do not end a sentence: wrapped prose."""
    body = block[:-1]
    if len(block) < 3 or max(len(ln) for ln in block) > 100:
        return False
    if sum(len(ln) for ln in body) / len(body) < 40:
        return False
    open_ends = sum(1 for ln in body if not ln.endswith(SENTENCE_END))
    return open_ends >= len(body) / 2


def place_title(title: str | None, paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """The title first: a known one (HTML, Markdown heading) or a headline-like first line."""
    if title:
        title = " ".join(title.split())
        if paragraphs and _fold(paragraphs[0]) == _fold(title):
            paragraphs = paragraphs[1:]
        return (title, [title, *paragraphs]) if paragraphs else (None, [])
    if len(paragraphs) >= 2 and looks_like_title(paragraphs[0]):
        return paragraphs[0], paragraphs
    return None, paragraphs


def looks_like_title(line: str) -> bool:
    """A short line of two words or more without a final period, starting like a headline
    (a byline such as 'By Jane Doe' is not one)."""
    words = line.split()
    return (len(line) <= TITLE_MAX_CHARS and 2 <= len(words) <= TITLE_MAX_WORDS
            and not line.endswith((".", ",", ";", ":", "—", "-"))
            and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘«")
            and not (words[0].lower() == "by" and len(words) <= 6))


def _fold(s: str) -> str:
    return " ".join(s.split()).casefold()


def build_article(source: str, title: str | None, paragraphs: list[str]) -> Article:
    text = "\n\n".join(paragraphs)
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"{label(source)}: the article is too long ({len(text):,} characters; "
                         f"the limit is {MAX_TEXT_CHARS:,})")
    spans, pos = [], 0
    for para in paragraphs:
        spans.append(Paragraph(pos, pos + len(para)))
        pos += len(para) + 2
    return Article(source=source, text=text, title=title, paragraphs=tuple(spans))
