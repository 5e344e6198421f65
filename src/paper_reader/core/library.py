"""The library: issues, pages and articles kept in one SQLite file.

This module opens, checks and reads the file; storing issues is ``library_store``'s part
of the Library class.

Every import is one transaction, so a failure leaves the file exactly as it was. The
schema version lives in ``PRAGMA user_version``; a file written by a newer paper-reader is
refused before anything is written to it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from .library_file import (  # noqa: F401  (re-exported: the library's errors live there)
    _OPEN_FILES,
    _OPEN_FILES_LOCK,
    SQLITE_MAGIC,
    DamagedLibraryError,
    LibraryError,
    NewerLibraryError,
    _file_key,
    _guarded,
    _is_open_here,
    check_file,
    library_error,
    set_aside,
)
from .library_store import (  # noqa: F401  (re-exported)
    ImportCancelled,
    IssueStore,
    PageResult,
    Removal,
    page_digest,
    spaced,
)
from .model import Article, Issue, Link, Page
from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION


# Records the library hands out. Named tuples, not dataclasses: a dataclass compiles its
# generated methods when the class is made, and this module is on the window's start-up.
class IssueInfo(NamedTuple):
    id: int
    paper: str
    date: str
    serial: int | None
    page_count: int | None
    pages: list[int]


class PaperInfo(NamedTuple):
    id: int
    name: str
    issue_count: int
    first_date: str
    last_date: str


class SearchHit(NamedTuple):
    article_id: int
    issue_id: int
    paper: str
    date: str
    page: int
    position: int
    title: str
    snippet: str  # hits wrapped in the markers below
    MARK_START = "\x02"  # not fields: plain class attributes
    MARK_END = "\x03"


class Library(IssueStore):
    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        try:
            if not _is_open_here(self.path):  # see check_file: it must not close a descriptor
                check_file(self.path)
            if not readonly:
                self.path.parent.mkdir(parents=True, exist_ok=True)
        except (OSError, ValueError) as exc:  # a folder that cannot be made, a name too long
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise LibraryError(f"{self.path}: the library cannot be opened ({reason})") from None
        self.db = None  # type: ignore[assignment]
        try:
            if readonly:
                # ?, # and % in a folder name would end or garble the URI; the rest stays as is.
                uri = "file:" + quote(str(self.path), safe="/:\\ ", errors="surrogateescape") + "?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, timeout=10, check_same_thread=False)
            else:
                self.db = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
            self.db.isolation_level = None  # explicit transactions only
            self.db.create_function("spaced", 1, spaced, deterministic=True)
            self.db.execute("PRAGMA busy_timeout = 10000")
            self._check_and_migrate()
        except sqlite3.DatabaseError as exc:
            self._close_quietly()
            raise library_error(self.path, exc) from None
        except UnicodeDecodeError:  # SQLite's own message quoted a garbled schema
            self._close_quietly()
            raise DamagedLibraryError(f"{self.path}: the library file is damaged (its schema "
                                      "is not readable)") from None
        except BaseException:
            self._close_quietly()
            raise
        self._track_open()

    def _track_open(self) -> None:
        """Count this connection to the file (see check_file); close() counts it out.
        A subclass that connects by itself calls this once its connection is open."""
        self._key = _file_key(self.path)
        if self._key is not None:
            with _OPEN_FILES_LOCK:
                _OPEN_FILES[self._key] = _OPEN_FILES.get(self._key, 0) + 1

    def _close_quietly(self) -> None:
        if self.db is not None:
            try:
                self.db.close()
            except sqlite3.Error:
                pass

    # -- opening ---------------------------------------------------------------------
    def _check_and_migrate(self) -> None:
        db = self.db
        # One statement, so one state of the file: another program may be creating it now.
        version, app_id, tables = db.execute(
            "SELECT (SELECT user_version FROM pragma_user_version), "
            "(SELECT application_id FROM pragma_application_id), "
            "(SELECT count(*) FROM sqlite_master)").fetchone()
        if tables and app_id != APPLICATION_ID:
            raise DamagedLibraryError(f"{self.path}: this SQLite file is not a paper-reader library")
        if version < 0 or (tables and version == 0):  # the header's format number is garbled
            raise DamagedLibraryError(f"{self.path}: the library file is damaged (its format "
                                      f"number {version} is not one paper-reader writes)")
        if version > SCHEMA_VERSION:
            raise NewerLibraryError(
                f"{self.path}: this library was written by a newer paper-reader "
                f"(format {version}, this version reads up to {SCHEMA_VERSION}); "
                "update paper-reader to open it"
            )
        if self.readonly:
            if version < SCHEMA_VERSION:
                raise LibraryError(
                    f"{self.path}: this library needs an upgrade, which a read-only open cannot do")
            return
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            with self.transaction():
                # Another program may have made or upgraded it while this one waited.
                version = db.execute("PRAGMA user_version").fetchone()[0]
                for step in range(version, SCHEMA_VERSION):
                    for statement in MIGRATIONS[step]:
                        db.execute(statement)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @_guarded
    def integrity_check(self) -> str:
        """SQLite's full check ('ok' when whole); reads the whole file, so only on request."""
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

    def close(self) -> None:
        self.db.close()
        key, self._key = getattr(self, "_key", None), None
        if key is not None:
            with _OPEN_FILES_LOCK:
                if _OPEN_FILES.get(key, 0) <= 1:
                    _OPEN_FILES.pop(key, None)
                else:
                    _OPEN_FILES[key] -= 1

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        if self.readonly:
            raise LibraryError(f"{self.path}: the library is open read-only")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException:
            # SQLite itself rolls back on some errors (a full disk, for one); a failed COMMIT
            # leaves the transaction open. Either way the original error is the one to tell.
            if self.db.in_transaction:
                try:
                    self.db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Reads that see one state of the file, even while another program imports.

        Without it each statement sees the latest commit, and a page replaced between two
        statements of one read would look like a broken reference.
        """
        if self.db.in_transaction:  # already inside one (an import, an outer snapshot)
            yield self.db
            return
        self.db.execute("BEGIN")
        try:
            yield self.db
        finally:
            if self.db.in_transaction:
                try:
                    self.db.execute("COMMIT")  # read-only: ends the read, writes nothing
                except sqlite3.Error:
                    pass

    # -- reading ---------------------------------------------------------------------
    @_guarded
    def papers(self) -> list[PaperInfo]:
        rows = self.db.execute(
            "SELECT p.id, p.name, count(i.id), min(i.date), max(i.date) FROM papers p "
            "JOIN issues i ON i.paper_id = p.id GROUP BY p.id ORDER BY p.name").fetchall()
        return [PaperInfo(*r) for r in rows]

    @_guarded
    def issues(self, paper: str | None = None, date: str | None = None) -> list[IssueInfo]:
        sql = ("SELECT i.id, p.name, i.date, i.serial, i.page_count, "
               "(SELECT group_concat(number) FROM (SELECT number FROM pages WHERE issue_id = i.id "
               "ORDER BY number)) FROM issues i JOIN papers p ON p.id = i.paper_id WHERE 1")
        args: list[object] = []
        if paper:
            sql += " AND p.name = ?"
            args.append(paper)
        if date:
            sql += " AND i.date = ?"
            args.append(date)
        sql += " ORDER BY p.name, i.date"
        out = []
        for iid, name, d, serial, count, numbers in self.db.execute(sql, args):
            pages = [int(x) for x in numbers.split(",")] if numbers else []
            out.append(IssueInfo(iid, name, d, serial, count, pages))
        return out

    @_guarded
    def issue_info(self, issue_id: int) -> IssueInfo | None:
        row = self.db.execute(
            "SELECT i.id, p.name, i.date, i.serial, i.page_count FROM issues i "
            "JOIN papers p ON p.id = i.paper_id WHERE i.id = ?", (issue_id,)).fetchone()
        if row is None:
            return None
        numbers = [r[0] for r in self.db.execute(
            "SELECT number FROM pages WHERE issue_id = ? ORDER BY number", (issue_id,))]
        return IssueInfo(*row, pages=numbers)

    @_guarded
    def find_issue(self, paper: str | None, date: str) -> int | None:
        sql = "SELECT i.id FROM issues i JOIN papers p ON p.id = i.paper_id WHERE i.date = ?"
        args: list[object] = [date]
        if paper:
            sql += " AND p.name = ?"
            args.append(paper)
        row = self.db.execute(sql + " ORDER BY p.name LIMIT 1", args).fetchone()
        return row[0] if row else None

    @_guarded
    def latest_issue(self, paper: str | None = None) -> int | None:
        sql = "SELECT i.id FROM issues i JOIN papers p ON p.id = i.paper_id"
        args: list[object] = []
        if paper:
            sql += " WHERE p.name = ?"
            args.append(paper)
        row = self.db.execute(sql + " ORDER BY i.date DESC, p.name LIMIT 1", args).fetchone()
        return row[0] if row else None

    @_guarded
    def neighbour_issue(self, issue_id: int, step: int) -> int | None:
        """The previous (step -1) or next (step +1) issue of the same paper."""
        op, order = (">", "ASC") if step > 0 else ("<", "DESC")
        row = self.db.execute(
            f"SELECT n.id FROM issues i JOIN issues n ON n.paper_id = i.paper_id AND n.date {op} i.date "
            f"WHERE i.id = ? ORDER BY n.date {order} LIMIT 1", (issue_id,)).fetchone()
        return row[0] if row else None

    @_guarded
    def issue_dates(self, paper: str) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT i.date FROM issues i JOIN papers p ON p.id = i.paper_id WHERE p.name = ? "
            "ORDER BY i.date", (paper,))]

    @_guarded
    def load_issue(self, issue_id: int) -> Issue:
        with self.snapshot():
            return self._load_issue(issue_id)

    def _stored(self, text: str, kind: type = list) -> Any:
        """A JSON column as it was written (a list of texts, or the masthead's dict);
        anything else means a garbled record."""
        value = json.loads(text) if isinstance(text, str) else None
        if not isinstance(value, kind) or (kind is list and not all(isinstance(x, str) for x in value)):
            raise DamagedLibraryError(f"{self.path}: the library file is damaged (a stored record "
                                      "is not what paper-reader wrote)")
        return value

    def _load_issue(self, issue_id: int) -> Issue:
        db = self.db
        row = db.execute(
            "SELECT p.name, i.date, i.serial, i.page_count, i.masthead FROM issues i "
            "JOIN papers p ON p.id = i.paper_id WHERE i.id = ?", (issue_id,)).fetchone()
        if row is None:
            raise LibraryError(f"no issue {issue_id} in the library")
        issue = Issue(paper=row[0], date=row[1], serial=row[2], page_count=row[3],
                      masthead=self._stored(row[4] or "{}", dict))
        issue.id = issue_id
        links = dict(db.execute(
            "SELECT c.from_article, c.to_article FROM continuations c JOIN articles a ON "
            "a.id = c.from_article JOIN pages p ON p.id = a.page_id WHERE p.issue_id = ?",
            (issue_id,)).fetchall())
        back = {v: k for k, v in links.items()}
        position: dict[int, int] = {}
        pages: dict[int, Page] = {}
        for (pid, number, label, section, header, unplaced) in db.execute(
                "SELECT id, number, label, section, header, unplaced FROM pages WHERE issue_id = ? "
                "ORDER BY number", (issue_id,)):
            page = Page(number=number, label=label, section=section,
                        header=self._stored(header), unplaced=self._stored(unplaced))
            page.id = pid
            pages[pid] = page
        for r in db.execute(
                "SELECT a.id, a.page_id, a.position, a.title, a.kicker, a.subtitle, a.column_label, "
                "a.byline, a.authors, a.kind, a.paragraphs, a.captions, a.signature, "
                "a.continues_to_page, a.continued_from_page FROM articles a JOIN pages p "
                "ON p.id = a.page_id WHERE p.issue_id = ? ORDER BY p.number, a.position",
                (issue_id,)):
            art = Article(title=r[3], kicker=r[4], subtitle=r[5], column=r[6], byline=r[7],
                          authors=self._stored(r[8]), kind=r[9], paragraphs=self._stored(r[10]),
                          captions=self._stored(r[11]), signature=self._stored(r[12]),
                          continues_to=Link(r[13]) if r[13] is not None else None,
                          continued_from=Link(r[14]) if r[14] is not None else None)
            art.id = r[0]
            position[r[0]] = r[2]
            if r[1] not in pages:  # the join above guarantees it, unless the file is damaged
                raise DamagedLibraryError(f"{self.path}: the library file is damaged "
                                          f"(article {r[0]} belongs to no page)")
            pages[r[1]].articles.append(art)
        for page in pages.values():
            for art in page.articles:
                if art.continues_to and links.get(art.id) in position:
                    art.continues_to.article = position[links[art.id]]
                if art.continued_from and back.get(art.id) in position:
                    art.continued_from.article = position[back[art.id]]
        issue.pages = sorted(pages.values(), key=lambda p: p.number)
        return issue

    @_guarded
    def export(self, paper: str | None = None, date: str | None = None) -> list[Issue]:
        with self.snapshot():
            return [self._load_issue(i.id) for i in self.issues(paper, date)]

    @_guarded
    def is_empty(self) -> bool:
        return self.db.execute("SELECT NOT EXISTS (SELECT 1 FROM pages)").fetchone()[0] == 1

    @_guarded
    def issue_stamp(self, issue_id: int) -> tuple[tuple[int, str], ...]:
        """What the issue's stored pages are (number and source hash): changes when a page
        of it is added or replaced, by this program or another."""
        return tuple(self.db.execute(
            "SELECT number, source_hash FROM pages WHERE issue_id = ? ORDER BY number",
            (issue_id,)).fetchall())

    @_guarded
    def data_version(self) -> int:
        """Changes when another connection commits: lets a window notice new issues."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    # -- searching -------------------------------------------------------------------
    @_guarded
    def search(self, query: str, limit: int = 50, paper: str | None = None,
               date_from: str | None = None, date_to: str | None = None) -> list[SearchHit]:
        from .search import run_search

        with self.snapshot():
            return run_search(self.db, query, limit, paper, date_from, date_to)
