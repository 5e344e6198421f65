"""Reading the library: the read half of ``library.Library``.

Rows are read by column name, and every value is checked on its way into the model
(``library_rows``): a crafted or garbled row is a DamagedLibraryError, never a crash.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import NamedTuple

from ..limits import MAX_PAGE
from ..model import Issue, Page
from .file import LibraryError, _guarded
from .rows import Rows


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


class IssueReader:
    """What Library does to read issues (a mixin: Library provides the connection)."""

    db: sqlite3.Connection
    path: Path
    snapshot: Callable[[], AbstractContextManager[sqlite3.Connection]]

    @property
    def check(self) -> Rows:
        return Rows(self.path)

    def _select(self, sql: str, args: Sequence[object] = ()) -> sqlite3.Cursor:
        cur = self.db.cursor()
        cur.row_factory = sqlite3.Row
        return cur.execute(sql, args)

    def _pages_of(self, numbers: object, what: str) -> list[int]:
        """The page numbers of an issue, from json_group_array (which keeps their types)."""
        check = self.check
        return [check.page(n, "a page number") for n in check.texts_or_numbers(numbers, what)]

    def _id(self, row: sqlite3.Row | None) -> int | None:
        return None if row is None else self.check.integer(row["id"], "an issue's number")

    @_guarded
    def papers(self) -> list[PaperInfo]:
        check = self.check
        return [PaperInfo(check.integer(r["id"], "a paper's number"),
                          check.text(r["name"], "a paper's name"),
                          check.integer(r["issues"], "an issue count"),
                          check.date(r["first"], "an issue's date"),
                          check.date(r["last"], "an issue's date"))
                for r in self._select(
                    "SELECT p.id, p.name, count(i.id) AS issues, min(i.date) AS first, "
                    "max(i.date) AS last FROM papers p JOIN issues i ON i.paper_id = p.id "
                    "GROUP BY p.id ORDER BY p.name")]

    def _issue_info(self, r: sqlite3.Row) -> IssueInfo:
        check = self.check
        return IssueInfo(check.integer(r["id"], "an issue's number"),
                         check.text(r["name"], "a paper's name"),
                         check.date(r["date"], "an issue's date"),
                         check.integer(r["serial"], "an issue's serial number", 0, optional=True),
                         check.integer(r["page_count"], "an issue's page count", 0, MAX_PAGE,
                                       optional=True),
                         self._pages_of(r["pages"], "an issue's page numbers"))

    _ISSUE_INFO = ("SELECT i.id, p.name, i.date, i.serial, i.page_count, "
                   "(SELECT json_group_array(number) FROM (SELECT number FROM pages "
                   "WHERE issue_id = i.id ORDER BY number)) AS pages "
                   "FROM issues i JOIN papers p ON p.id = i.paper_id WHERE 1")

    @_guarded
    def issues(self, paper: str | None = None, date: str | None = None) -> list[IssueInfo]:
        sql = self._ISSUE_INFO
        args: list[object] = []
        if paper:
            sql += " AND p.name = ?"
            args.append(paper)
        if date:
            sql += " AND i.date = ?"
            args.append(date)
        sql += " ORDER BY p.name, i.date"
        return [self._issue_info(r) for r in self._select(sql, args)]

    @_guarded
    def issue_info(self, issue_id: int) -> IssueInfo | None:
        row = self._select(self._ISSUE_INFO + " AND i.id = ?", (issue_id,)).fetchone()
        return None if row is None else self._issue_info(row)

    @_guarded
    def find_issue(self, paper: str | None, date: str) -> int | None:
        sql = "SELECT i.id FROM issues i JOIN papers p ON p.id = i.paper_id WHERE i.date = ?"
        args: list[object] = [date]
        if paper:
            sql += " AND p.name = ?"
            args.append(paper)
        return self._id(self._select(sql + " ORDER BY p.name LIMIT 1", args).fetchone())

    @_guarded
    def latest_issue(self, paper: str | None = None) -> int | None:
        sql = "SELECT i.id FROM issues i JOIN papers p ON p.id = i.paper_id"
        args: list[object] = []
        if paper:
            sql += " WHERE p.name = ?"
            args.append(paper)
        return self._id(self._select(sql + " ORDER BY i.date DESC, p.name LIMIT 1", args).fetchone())

    @_guarded
    def neighbour_issue(self, issue_id: int, step: int) -> int | None:
        """The previous (step -1) or next (step +1) issue of the same paper."""
        op, order = (">", "ASC") if step > 0 else ("<", "DESC")
        return self._id(self._select(
            f"SELECT n.id FROM issues i JOIN issues n ON n.paper_id = i.paper_id AND n.date {op} i.date "
            f"WHERE i.id = ? ORDER BY n.date {order} LIMIT 1", (issue_id,)).fetchone())

    @_guarded
    def issue_dates(self, paper: str) -> list[str]:
        return [self.check.date(r["date"], "an issue's date") for r in self._select(
            "SELECT i.date FROM issues i JOIN papers p ON p.id = i.paper_id WHERE p.name = ? "
            "ORDER BY i.date", (paper,))]

    @_guarded
    def load_issue(self, issue_id: int) -> Issue:
        with self.snapshot():
            return self._load_issue(issue_id)

    def _load_issue(self, issue_id: int) -> Issue:
        check = self.check
        row = self._select(
            "SELECT p.name, i.date, i.serial, i.page_count, i.masthead FROM issues i "
            "JOIN papers p ON p.id = i.paper_id WHERE i.id = ?", (issue_id,)).fetchone()
        if row is None:
            raise LibraryError(f"no issue {issue_id} in the library")
        issue = Issue(paper=check.text(row["name"], "a paper's name"),
                      date=check.date(row["date"], "an issue's date"),
                      serial=check.integer(row["serial"], "an issue's serial number", 0, optional=True),
                      page_count=check.integer(row["page_count"], "an issue's page count", 0,
                                               MAX_PAGE, optional=True),
                      masthead=check.masthead(row["masthead"], "an issue's masthead"))
        issue.id = issue_id
        links: dict[int, int] = {}
        for r in self._select(
                "SELECT c.from_article, c.to_article FROM continuations c JOIN articles a ON "
                "a.id = c.from_article JOIN pages p ON p.id = a.page_id WHERE p.issue_id = ?",
                (issue_id,)):
            links[check.integer(r["from_article"], "a continuation")] = check.integer(
                r["to_article"], "a continuation")
        back = {v: k for k, v in links.items()}
        position: dict[int, int] = {}
        pages: dict[int, Page] = {}
        for r in self._select(
                "SELECT id, number, label, section, header, unplaced FROM pages WHERE issue_id = ? "
                "ORDER BY number", (issue_id,)):
            page = check.page_row(r)
            pages[page.id] = page  # type: ignore[index]
        for r in self._select(
                "SELECT a.id, a.page_id, a.position, a.title, a.kicker, a.subtitle, a.column_label, "
                "a.byline, a.authors, a.kind, a.paragraphs, a.captions, a.signature, "
                "a.continues_to_page, a.continued_from_page FROM articles a JOIN pages p "
                "ON p.id = a.page_id WHERE p.issue_id = ? ORDER BY p.number, a.position",
                (issue_id,)):
            art = check.article_row(r)
            position[art.id] = r["position"]  # type: ignore[index]
            if r["page_id"] not in pages:  # the join above guarantees it, unless the file is damaged
                raise check.damaged(f"article {art.id} belongs to no page")
            pages[r["page_id"]].articles.append(art)
        for page in pages.values():
            for art in page.articles:
                if art.continues_to and links.get(art.id) in position:  # type: ignore[arg-type]
                    art.continues_to.article = position[links[art.id]]  # type: ignore[index]
                if art.continued_from and back.get(art.id) in position:  # type: ignore[arg-type]
                    art.continued_from.article = position[back[art.id]]  # type: ignore[index]
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
        check = self.check
        return tuple((check.page(r["number"], "a page number"),
                      check.text(r["source_hash"], "a page's digest", 200))
                     for r in self._select("SELECT number, source_hash FROM pages WHERE issue_id = ? "
                                           "ORDER BY number", (issue_id,)))

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
            return run_search(self.db, query, limit, paper, date_from, date_to, self.check)
