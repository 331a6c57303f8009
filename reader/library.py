"""A library of analysed articles, to follow a dispute across them (SQLite, standard library).

One file, ``library.sqlite3`` in the user data directory (``READER_DATA_DIR`` overrides it, as
for the corrections), or any path the caller gives. It keeps each article's analysis as the
``reader.analysis/1`` JSON, and indexes what the party view asks for: the parties across
articles (one party for "Russia" in every article), which party each article's actor is, and
every position with its party, kind, offsets and date.

- The same text added twice is kept once (``text_sha256`` is unique).
- Each article is written in its own transaction: an interrupted batch keeps what was finished.
- The user's corrections (:mod:`reader.corrections`) are applied to what is indexed, and
  indexed again when their file changed (:meth:`Library.sync_corrections`).
- Parties across articles are one party when the knowledge base gives the actor the same code
  (``RUS``, ``IGOWSTNAT``), else when their names fold to the same words; a name in lower case
  ("the opposition", "rebels", "protesters") is no name across articles, so such a party stays
  the article's own until the user merges it (:meth:`Library.merge_parties`).
- The schema has a version (``PRAGMA user_version``); an older library is migrated when opened.
  A file that is not a reader library, or is damaged, raises LibraryError (one line) and is
  never written to; a library locked by another process raises LibraryError after a short wait.

No spaCy and no Textual here.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import NamedTuple

from .model import Actor, Analysis, analysis_from_dict, analysis_to_dict

SCHEMA_VERSION = 3
APPLICATION_ID = 0x72656164  # "read": marks the file as a reader library
FILE_NAME = "library.sqlite3"
BUSY_TIMEOUT = 2.0  # seconds to wait for another process's write lock
SQLITE_HEADER = b"SQLite format 3\x00"


class LibraryError(Exception):
    """The library cannot be opened or written; the message is one line for the user."""


@dataclass(frozen=True)
class Added:
    """What :meth:`Library.add` did: the article's id, whether it was new, and notes about the
    user's corrections of it (a broken file, corrections that no longer match)."""

    article_id: int
    added: bool
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Party:
    id: int
    name: str
    kind: str
    code: str | None
    articles: int = 0  # articles where it is a party (filled by Library.parties)
    positions: int = 0  # its positions across them


@dataclass(frozen=True)
class PartyCount:
    party_id: int
    name: str
    positions: int


@dataclass(frozen=True)
class ArticleEntry:
    """One row of the library's list of articles."""

    id: int
    date: str | None
    outlet: str | None
    title: str | None
    url: str | None
    source: str
    added_at: str
    model: str
    parties: tuple[PartyCount, ...] = ()  # most positions first

    @property
    def day(self) -> str:
        """The article's date, else the day it was added (the order of the party view)."""
        return self.date or self.added_at[:10]


class PartyPosition(NamedTuple):
    """A position of a party in one article of the library (offsets into that article's text).
    A named tuple, not a dataclass: the party view reads thousands at once, and a tuple of
    plain values is built fast from a row and left alone by the garbage collector."""

    article_id: int
    position_id: str
    party_id: int
    kind: str
    text: str
    start: int
    end: int
    date: str  # the article's date, else the day it was added
    speaker: str | None
    title: str | None


# --- where --------------------------------------------------------------------------------


def default_path() -> Path:
    """``library.sqlite3`` in the user data directory (``$READER_DATA_DIR`` overrides it)."""
    from .corrections import data_dir

    return data_dir() / FILE_NAME


def display(path: Path) -> str:
    from .ingest import display_name

    return display_name(str(path))


# --- the schema and its migrations -----------------------------------------------------------

# Version 1: articles, parties (with the keys they are found by), the actors of each article
# and the positions by party.
V1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    text_sha256 TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    url TEXT,
    date TEXT,
    added_at TEXT NOT NULL,
    analysis TEXT NOT NULL,
    model TEXT NOT NULL
);
CREATE TABLE parties (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    code TEXT,
    kind TEXT NOT NULL
);
CREATE TABLE party_keys (
    key TEXT PRIMARY KEY,
    party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE
);
CREATE TABLE article_parties (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    party_id INTEGER NOT NULL REFERENCES parties(id),
    PRIMARY KEY (article_id, actor_id)
);
CREATE TABLE positions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position_id TEXT NOT NULL,
    party_id INTEGER NOT NULL REFERENCES parties(id),
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, position_id)
);
CREATE INDEX positions_party ON positions(party_id);
"""

# Version 2: the party view in date order from an index; positions keep their date and speaker;
# each article remembers which state of its corrections file it was indexed with.
V2 = """
ALTER TABLE positions ADD COLUMN date TEXT NOT NULL DEFAULT '';
ALTER TABLE positions ADD COLUMN speaker TEXT;
ALTER TABLE articles ADD COLUMN corrections TEXT;
UPDATE positions SET date = (SELECT coalesce(a.date, substr(a.added_at, 1, 10))
                             FROM articles AS a WHERE a.id = positions.article_id);
DROP INDEX positions_party;
CREATE INDEX positions_party_date ON positions(party_id, date, article_id, start);
CREATE INDEX article_parties_party ON article_parties(party_id);
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)
    return run


# Version 3: replies across articles (reader.library_links). The links, what the linker reads
# from each analysis once (its parties' names and aliases, each position's targets, whether it is
# answered in its article), and triggers that note which days and articles changed, so that
# adding, removing, correcting or merging links again only what it touched.
V3 = """
CREATE INDEX articles_date ON articles(date);
CREATE TABLE cross_links (
    from_article INTEGER NOT NULL,
    from_position TEXT NOT NULL,
    to_article INTEGER NOT NULL,
    to_position TEXT NOT NULL,
    score REAL NOT NULL,
    relation TEXT NOT NULL,
    reason TEXT NOT NULL,
    from_party INTEGER NOT NULL,
    to_party INTEGER NOT NULL,
    from_date TEXT NOT NULL,
    to_date TEXT NOT NULL,
    PRIMARY KEY (from_article, from_position, to_article, to_position),
    FOREIGN KEY (from_article, from_position) REFERENCES positions(article_id, position_id) ON DELETE CASCADE,
    FOREIGN KEY (to_article, to_position) REFERENCES positions(article_id, position_id) ON DELETE CASCADE
);
CREATE INDEX cross_links_to ON cross_links(to_article, to_position);
CREATE INDEX cross_links_from_party ON cross_links(from_party);
CREATE INDEX cross_links_to_party ON cross_links(to_party);
CREATE TABLE article_names (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    party_id INTEGER NOT NULL,
    PRIMARY KEY (article_id, name)
);
CREATE TABLE position_facts (
    article_id INTEGER NOT NULL,
    position_id TEXT NOT NULL,
    answered INTEGER NOT NULL,
    targets TEXT NOT NULL,
    PRIMARY KEY (article_id, position_id),
    FOREIGN KEY (article_id, position_id) REFERENCES positions(article_id, position_id) ON DELETE CASCADE
);
CREATE TABLE links_dirty (day TEXT PRIMARY KEY);
CREATE TABLE links_pending (article_id INTEGER PRIMARY KEY);
CREATE TRIGGER links_position_added AFTER INSERT ON positions BEGIN
    INSERT OR IGNORE INTO links_dirty (day) VALUES (NEW.date);
    INSERT OR IGNORE INTO links_pending (article_id) VALUES (NEW.article_id);
END;
CREATE TRIGGER links_position_removed AFTER DELETE ON positions BEGIN
    INSERT OR IGNORE INTO links_dirty (day) VALUES (OLD.date);
END;
CREATE TRIGGER links_position_changed AFTER UPDATE OF party_id, kind, text ON positions BEGIN
    INSERT OR IGNORE INTO links_dirty (day) VALUES (NEW.date);
END;
CREATE TRIGGER links_party_merged AFTER UPDATE OF party_id ON article_parties BEGIN
    INSERT OR IGNORE INTO links_pending (article_id) VALUES (NEW.article_id);
END;
INSERT OR IGNORE INTO links_dirty (day) SELECT DISTINCT date FROM positions;
INSERT OR IGNORE INTO links_pending (article_id) SELECT id FROM articles;
"""


def _v3(conn: sqlite3.Connection) -> None:
    """Run V3 statement by statement (a trigger's body holds ';': each statement ends where
    SQLite says it is complete), inside the migration's transaction."""
    statement = ""
    for line in V3.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {0: _script(V1), 1: _script(V2), 2: _v3}


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the library up to SCHEMA_VERSION, one version at a time, each in a transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    while version < SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version](conn)
            version += 1
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


# --- parties across articles --------------------------------------------------------------


def name_key(name: str) -> str | None:
    """The key a party is found by across articles from its name: case, accents, dots and spaces
    folded ("the United  States" -> "united states"); None for a name in lower case ("the
    opposition", "rebels"), which names a different body in every article."""
    from .knowledge.text import fold

    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or not (words[0][0].isupper() or words[0][0].isdigit()):
        return None
    return fold(" ".join(words)) or None


@cache
def _country_codes() -> dict[str, str]:
    from .knowledge.lookup import _codes
    from .knowledge.text import fold

    codes: dict[str, str] = {}
    for code, name in _codes()["parties"].items():
        codes.setdefault(fold(name), code)
    return codes


def actor_code(actor: Actor) -> str | None:
    """The knowledge base's code of a party ("RUS", "IGOWSTNAT"), with its sector ("VENOPP");
    None for a person or a name the knowledge base does not know."""
    if actor.kind == "person":
        return None
    from .knowledge.lookup import organisation
    from .knowledge.text import fold

    countries = _country_codes()  # the name, else a former name (a renamed party keeps it as an alias)
    code = next((countries[k] for k in map(fold, (actor.name, *actor.aliases)) if k in countries), None)
    code = code or organisation(actor.name)
    if code and actor.sector and actor.sector not in code[3:]:
        code += actor.sector
    return code


def party_keys(actor: Actor) -> list[str]:
    """The keys that make ``actor`` the same party as one of another article, best first."""
    keys = []
    code = actor_code(actor)
    if code:
        keys.append(f"code:{code}")
    name = name_key(actor.name)
    if name:
        keys.append(f"name:{name}")
    return keys


# --- the library ------------------------------------------------------------------------------


def open_library(path: Path | str | None = None, timeout: float | None = None) -> Library:
    """The library at ``path`` (default :func:`default_path`), created when missing and migrated
    when older; ``timeout`` seconds (default BUSY_TIMEOUT) to wait for another process's lock.
    Raises LibraryError, without writing, for a file that is not a reader library."""
    return Library(Path(path) if path is not None else default_path(),
                   BUSY_TIMEOUT if timeout is None else timeout)


class Library:
    def __init__(self, path: Path, timeout: float = BUSY_TIMEOUT) -> None:
        self.path = path
        self.name = display(path)
        _check_file(path, self.name)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        except (OSError, sqlite3.Error) as e:
            raise LibraryError(f"{self.name}: cannot be opened ({_reason(e)})") from None
        try:
            with self._errors():
                self._check_schema()
                self.conn.execute("PRAGMA foreign_keys = ON")
                if self.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    self.conn.execute("PRAGMA journal_mode = WAL")
                migrate(self.conn)
        except BaseException:
            self.conn.close()
            raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # --- checks and errors

    def _check_schema(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        app = self.conn.execute("PRAGMA application_id").fetchone()[0]
        tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app != APPLICATION_ID and (tables or version or app):
            raise LibraryError(f"{self.name}: is an SQLite database but not a reader library; "
                               "it was left as it is")
        if version > SCHEMA_VERSION:
            raise LibraryError(f"{self.name}: is a library of a newer reader (schema {version}, "
                               f"this reader knows {SCHEMA_VERSION}); it was left as it is")

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Every SQLite error as a one-line LibraryError."""
        try:
            yield
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                raise LibraryError(f"{self.name}: is in use by another process (the database is "
                                   "locked); try again when it has finished") from None
            raise LibraryError(f"{self.name}: {_reason(e)}") from None
        except sqlite3.DatabaseError as e:  # "file is not a database", "malformed": never rewritten
            raise LibraryError(f"{self.name}: is damaged or not a reader library ({_reason(e)}); "
                               "it was left as it is") from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self.conn.in_transaction:  # inside a batch (add_batch): a savepoint of its transaction
            with self._savepoint():
                yield self.conn
            return
        with self._errors():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        with self._errors():
            self.conn.execute("SAVEPOINT inner")
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK TO inner")
                    self.conn.execute("RELEASE inner")
                raise
            self.conn.execute("RELEASE inner")

    def check_writable(self) -> None:
        """Raise LibraryError now (after the busy timeout) if another process holds the write lock,
        rather than after the first batch was analysed."""
        with self._transaction():
            pass

    def add_batch(self, analyses: Iterable[Analysis], corrections_dir: Path | None = None) -> list[Added]:
        """Add the analyses in one transaction (one write to the disk for the batch): all of them
        are kept, or, if it stops halfway (an error, Ctrl-C, a killed process), none; the batches
        written before stay."""
        with self._transaction():
            return [self.add(analysis, corrections_dir) for analysis in analyses]

    # --- adding and removing

    def add(self, analysis: Analysis, corrections_dir: Path | None = None) -> Added:
        """Keep ``analysis`` (one transaction); an article whose text is already here is not added
        again. What is indexed has the user's corrections of that text applied."""
        from .corrections import corrections_path, text_key

        sha = text_key(analysis.text)
        with self._transaction() as conn:
            row = conn.execute("SELECT id FROM articles WHERE text_sha256 = ?", (sha,)).fetchone()
            if row:
                return Added(row[0], False)
            publication = analysis.publication
            cursor = conn.execute(
                "INSERT INTO articles (text_sha256, source, title, outlet, url, date, added_at, analysis, model)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sha, analysis.source, analysis.title, publication.outlet, publication.url, publication.date,
                 _now(), json.dumps(analysis_to_dict(analysis), ensure_ascii=False), analysis.model))
            article_id = cursor.lastrowid
            notes = self._index(article_id, analysis, corrections_path(analysis.text, corrections_dir))
        return Added(article_id, True, tuple(notes))

    def add_many(self, analyses: Iterable[Analysis], corrections_dir: Path | None = None) -> list[Added]:
        """Add each analysis in its own transaction: if the batch stops (an error, Ctrl-C), every
        article before the one that failed is kept."""
        return [self.add(analysis, corrections_dir) for analysis in analyses]

    def remove(self, article_id: int) -> bool:
        """Remove an article and its positions; False if there is none with that id."""
        with self._transaction() as conn:
            return conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0

    def has_text(self, text: str) -> bool:
        from .corrections import text_key

        with self._errors():
            return self.conn.execute("SELECT 1 FROM articles WHERE text_sha256 = ?",
                                     (text_key(text),)).fetchone() is not None

    def _index(self, article_id: int, analysis: Analysis, corrections_file: Path) -> list[str]:
        """Index the article's parties and positions, with its corrections applied (inside the
        caller's transaction)."""
        from .corrections import corrected

        fingerprint = _fingerprint(corrections_file)
        fixed, notes = corrected(analysis, corrections_file.parent)
        conn = self.conn
        conn.execute("DELETE FROM positions WHERE article_id = ?", (article_id,))
        conn.execute("DELETE FROM article_parties WHERE article_id = ?", (article_id,))
        date = conn.execute("SELECT coalesce(date, substr(added_at, 1, 10)) FROM articles WHERE id = ?",
                            (article_id,)).fetchone()[0]
        parties = {}
        for actor in fixed.actors:
            parties[actor.id] = self._party_for(actor)
            conn.execute("INSERT INTO article_parties (article_id, actor_id, party_id) VALUES (?, ?, ?)",
                         (article_id, actor.id, parties[actor.id]))
        conn.executemany(
            'INSERT INTO positions (article_id, position_id, party_id, kind, text, start, "end", date, speaker)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, p.id, parties[p.actor], p.kind, p.text, p.start, p.end, date, p.speaker)
             for p in fixed.positions])
        conn.execute("UPDATE articles SET corrections = ? WHERE id = ?", (fingerprint, article_id))
        return notes

    def _party_for(self, actor: Actor) -> int:
        """The id of the party ``actor`` is (found by its keys), created when new."""
        keys = party_keys(actor)
        party_id = None
        for key in keys:
            row = self.conn.execute("SELECT party_id FROM party_keys WHERE key = ?", (key,)).fetchone()
            if row:
                party_id = row[0]
                break
        if party_id is None:
            code = next((k[5:] for k in keys if k.startswith("code:")), None)
            party_id = self.conn.execute("INSERT INTO parties (name, code, kind) VALUES (?, ?, ?)",
                                         (actor.name, code, actor.kind)).lastrowid
        self.conn.executemany("INSERT OR IGNORE INTO party_keys (key, party_id) VALUES (?, ?)",
                              [(key, party_id) for key in keys])
        return party_id

    # --- corrections

    def sync_corrections(self, corrections_dir: Path | None = None) -> list[tuple[int, str]]:
        """Index again every article whose corrections file changed since it was indexed (one
        transaction each); the notes about corrections, as (article id, note)."""
        from .corrections import SUBDIR, data_dir

        directory = corrections_dir or data_dir() / SUBDIR
        with self._errors():
            rows = self.conn.execute("SELECT id, text_sha256, corrections FROM articles").fetchall()
        notes = []
        for article_id, sha, indexed in rows:
            path = directory / f"{sha}.json"
            if _fingerprint(path) == indexed:
                continue
            with self._transaction():
                notes += [(article_id, note) for note in self._index(article_id, self.stored(article_id), path)]
        return notes

    # --- reading

    def stored(self, article_id: int) -> Analysis:
        """The analysis as it was added (without the user's corrections); KeyError if none."""
        with self._errors():
            row = self.conn.execute("SELECT analysis FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise KeyError(article_id)
        try:
            return analysis_from_dict(json.loads(row[0]))
        except (ValueError, RecursionError) as e:
            raise LibraryError(f"{self.name}: the analysis of article {article_id} is damaged ({e})") from None

    def analysis(self, article_id: int, corrections_dir: Path | None = None) -> tuple[Analysis, list[str]]:
        """The article's analysis with the user's corrections, and notes about them."""
        from .corrections import corrected

        return corrected(self.stored(article_id), corrections_dir)

    def articles(self) -> list[ArticleEntry]:
        """Every article, oldest first (by its date, else the day it was added), with the number
        of positions of each party."""
        with self._errors():
            rows = self.conn.execute(
                "SELECT id, date, outlet, title, url, source, added_at, model FROM articles"
                " ORDER BY coalesce(date, substr(added_at, 1, 10)), id").fetchall()
            counts: dict[int, list[PartyCount]] = {}
            for article_id, party_id, name, n in self.conn.execute(
                    "SELECT p.article_id, p.party_id, parties.name, count(*) FROM positions AS p"
                    " JOIN parties ON parties.id = p.party_id GROUP BY p.article_id, p.party_id"
                    " ORDER BY p.article_id, count(*) DESC, parties.name"):
                counts.setdefault(article_id, []).append(PartyCount(party_id, name, n))
        return [ArticleEntry(*row, parties=tuple(counts.get(row[0], ()))) for row in rows]

    def parties(self) -> list[Party]:
        """Every party that has an actor in some article, by name, with how many articles it is in
        and its positions across them."""
        with self._errors():
            rows = self.conn.execute(
                "SELECT parties.id, name, kind, code, count(DISTINCT ap.article_id),"
                " (SELECT count(*) FROM positions WHERE positions.party_id = parties.id)"
                " FROM parties JOIN article_parties AS ap ON ap.party_id = parties.id"
                " GROUP BY parties.id ORDER BY name COLLATE NOCASE, parties.id").fetchall()
        return [Party(*row) for row in rows]

    def party(self, party_id: int) -> Party | None:
        with self._errors():
            row = self.conn.execute("SELECT id, name, kind, code FROM parties WHERE id = ?", (party_id,)).fetchone()
        return Party(*row) if row else None

    def article_party(self, article_id: int, actor_id: str) -> int | None:
        """The library's party of an actor of one article."""
        with self._errors():
            row = self.conn.execute("SELECT party_id FROM article_parties WHERE article_id = ? AND actor_id = ?",
                                    (article_id, actor_id)).fetchone()
        return row[0] if row else None

    def merge_parties(self, party: int, into: int) -> None:
        """``party`` is the same as ``into``: its actors, positions and keys become ``into``'s (so
        articles added later follow the merge too)."""
        if party == into:
            return
        with self._transaction() as conn:
            for party_id in (party, into):
                if conn.execute("SELECT 1 FROM parties WHERE id = ?", (party_id,)).fetchone() is None:
                    raise LibraryError(f"{self.name}: no party {party_id}")
            for table in ("party_keys", "article_parties", "positions"):
                conn.execute(f"UPDATE {table} SET party_id = ? WHERE party_id = ?", (into, party))
            conn.execute("DELETE FROM parties WHERE id = ?", (party,))

    def party_positions(self, party_ids: Iterable[int], kinds: Iterable[str] | None = None,
                        since: str | None = None, until: str | None = None) -> list[PartyPosition]:
        """Every position of these parties across the library in date order (the article's date,
        else the day it was added; then by article and offset), optionally only some kinds and
        the days from ``since`` to ``until`` (ISO dates, both included)."""
        party_ids = list(party_ids)
        if not party_ids:
            return []
        where = [f"p.party_id IN ({','.join('?' * len(party_ids))})"]
        params: list[object] = list(party_ids)
        if kinds is not None:
            kinds = list(kinds)
            where.append(f"p.kind IN ({','.join('?' * len(kinds))})")
            params += kinds
        if since:
            where.append("p.date >= ?")
            params.append(since)
        if until:
            where.append("p.date <= ?")
            params.append(until)
        sql = ('SELECT p.article_id, p.position_id, p.party_id, p.kind, p.text, p.start, p."end", p.date,'
               " p.speaker, a.title FROM positions AS p JOIN articles AS a ON a.id = p.article_id"
               f" WHERE {' AND '.join(where)} ORDER BY p.date, p.article_id, p.start, p.position_id")
        with self._errors():
            return list(map(PartyPosition._make, self.conn.execute(sql, params)))


def _check_file(path: Path, name: str) -> None:
    """Refuse, before SQLite touches it, a path that is not a regular file or an SQLite file."""
    try:
        if path.exists() and not path.is_file():
            raise LibraryError(f"{name}: is not a file")
        if not path.exists():
            return
        with open(path, "rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as e:
        raise LibraryError(f"{name}: cannot be read ({_reason(e)})") from None
    if header and header != SQLITE_HEADER:
        raise LibraryError(f"{name}: is not a reader library (not an SQLite database); it was left as it is")


def _fingerprint(path: Path) -> str:
    """The state of a corrections file ("" when there is none): its size and modification time
    (it is always written to a new file and renamed)."""
    try:
        info = os.stat(path)
    except OSError:
        return ""
    return f"{info.st_size}:{info.st_mtime_ns}"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
