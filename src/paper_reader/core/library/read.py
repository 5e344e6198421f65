"""Reading the library: every read, each limited to the papers a library shows.

Rows are read by column name, and every value is checked on its way into the model
(``rows``): a crafted or garbled row is a DamagedLibraryError, never a crash.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ..limits import MAX_PAGE
from ..model import Issue, Page
from .connection import Connection
from .file import LibraryError, _guarded
from .records import EVERY_PAPER, IssueInfo, PaperInfo, Scope, SearchHit, SearchQuery
from .rows import MAX_PDF_BYTES, Rows


class LibraryReader:
    """Every read of the library, each limited to the papers of ``scope``.

    Given an open ``Connection``; the scope is a condition in every query's SQL (see
    ``Scope.where``): an issue of another paper is not there, for every method alike.
    """

    def __init__(self, connection: Connection, scope: Scope = EVERY_PAPER) -> None:
        self.connection = connection
        self.path = connection.file  # for the messages (and ``_guarded``)
        self.scope = scope
        self.check = Rows(connection.file)
        # A library of format 1 (opened read-only, so not migrated) has no page geometry:
        # it reads as a page from text.
        older = connection.version < 2
        self._geometry = ("NULL AS width, NULL AS height, NULL AS pdf_digest, NULL AS pdf_index"
                          if older else "width, height, pdf_digest, pdf_index")
        self._regions = "'[]' AS regions" if older else "a.regions"

    @property
    def db(self) -> sqlite3.Connection:
        return self.connection.db

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
        scope, args = self.scope.where("p.id")
        return [PaperInfo(check.integer(r["id"], "a paper's number"),
                          check.text(r["name"], "a paper's name"),
                          check.integer(r["issues"], "an issue count"),
                          check.date(r["first"], "an issue's date"),
                          check.date(r["last"], "an issue's date"))
                for r in self._select(
                    "SELECT p.id, p.name, count(i.id) AS issues, min(i.date) AS first, "
                    "max(i.date) AS last FROM papers p JOIN issues i ON i.paper_id = p.id "
                    f"WHERE {scope} GROUP BY p.id ORDER BY p.name", args)]

    def _issue_info(self, r: sqlite3.Row) -> IssueInfo:
        check = self.check
        return IssueInfo(check.integer(r["id"], "an issue's number"),
                         check.text(r["name"], "a paper's name"),
                         check.date(r["date"], "an issue's date"),
                         check.integer(r["serial"], "an issue's serial number", 0, optional=True),
                         check.integer(r["page_count"], "an issue's page count", 0, MAX_PAGE,
                                       optional=True),
                         self._pages_of(r["pages"], "an issue's page numbers"))

    def _issues_sql(self, select: str) -> tuple[str, list[object]]:
        """``select`` over issues ``i`` joined to their papers ``p``, in scope, so far."""
        scope, args = self.scope.where("i.paper_id")
        return f"{select} FROM issues i JOIN papers p ON p.id = i.paper_id WHERE {scope}", list(args)

    _ISSUE_INFO = ("SELECT i.id, p.name, i.date, i.serial, i.page_count, "
                   "(SELECT json_group_array(number) FROM (SELECT number FROM pages "
                   "WHERE issue_id = i.id ORDER BY number)) AS pages")

    @_guarded
    def issues(self, paper: str | None = None, date: str | None = None) -> list[IssueInfo]:
        sql, args = self._issues_sql(self._ISSUE_INFO)
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
        sql, args = self._issues_sql(self._ISSUE_INFO)
        row = self._select(sql + " AND i.id = ?", [*args, issue_id]).fetchone()
        return None if row is None else self._issue_info(row)

    @_guarded
    def find_issue(self, paper: str | None, date: str) -> int | None:
        sql, args = self._issues_sql("SELECT i.id")
        sql += " AND i.date = ?"
        args.append(date)
        if paper:
            sql += " AND p.name = ?"
            args.append(paper)
        return self._id(self._select(sql + " ORDER BY p.name LIMIT 1", args).fetchone())

    @_guarded
    def latest_issue(self, paper: str | None = None) -> int | None:
        def of_paper(select: str) -> tuple[str, list[object]]:
            sql, args = self._issues_sql(select)
            return (f"{sql} AND p.name = ?", [*args, paper]) if paper else (sql, args)

        # The latest date first, down the date index: sorting every issue by date and paper
        # name read the whole table (2 ms of a 30-year library's start, twice).
        latest, latest_args = of_paper("SELECT i.date")
        sql, args = of_paper("SELECT i.id")
        return self._id(self._select(
            f"{sql} AND i.date = ({latest} ORDER BY i.date DESC LIMIT 1) ORDER BY p.name LIMIT 1",
            args + latest_args).fetchone())

    @_guarded
    def neighbour_issue(self, issue_id: int, step: int) -> int | None:
        """The previous (step -1) or next (step +1) issue of the same paper."""
        op, order = (">", "ASC") if step > 0 else ("<", "DESC")
        scope, args = self.scope.where("i.paper_id")
        return self._id(self._select(
            f"SELECT n.id FROM issues i JOIN issues n ON n.paper_id = i.paper_id AND n.date {op} i.date "
            f"WHERE i.id = ? AND {scope} ORDER BY n.date {order} LIMIT 1", (issue_id, *args)).fetchone())

    @_guarded
    def issue_dates(self, paper: str) -> list[str]:
        sql, args = self._issues_sql("SELECT i.date")
        return [self.check.date(r["date"], "an issue's date") for r in self._select(
            sql + " AND p.name = ? ORDER BY i.date", [*args, paper])]

    @_guarded
    def load_issue(self, issue_id: int) -> Issue:
        with self.connection.snapshot():
            return self._load_issue(issue_id)

    def _load_issue(self, issue_id: int) -> Issue:
        check = self.check
        sql, args = self._issues_sql("SELECT p.name, i.date, i.serial, i.page_count, i.masthead")
        row = self._select(sql + " AND i.id = ?", [*args, issue_id]).fetchone()
        if row is None:
            where = "among the papers shown" if self.scope.papers else "in the library"
            raise LibraryError(f"no issue {issue_id} {where}")
        # The issue is in scope: what follows reads its rows alone, in the same snapshot.
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
                f"SELECT id, number, label, section, header, unplaced, {self._geometry} FROM pages "
                "WHERE issue_id = ? ORDER BY number", (issue_id,)):
            page = check.page_row(r)
            pages[page.id] = page  # type: ignore[index]
        for r in self._select(
                "SELECT a.id, a.page_id, a.position, a.title, a.kicker, a.subtitle, a.column_label, "
                "a.byline, a.authors, a.kind, a.paragraphs, a.captions, a.signature, "
                f"a.continues_to_page, a.continued_from_page, {self._regions} FROM articles a JOIN pages p "
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
        with self.connection.snapshot():
            return [self._load_issue(i.id) for i in self.issues(paper, date)]

    # An issue's own pages, when the issue is in scope (``g`` is the page).
    _PAGE_IN_SCOPE = "(SELECT paper_id FROM issues WHERE id = g.issue_id)"

    @_guarded
    def is_empty(self) -> bool:
        scope, args = self.scope.where(self._PAGE_IN_SCOPE)
        return self._select(f"SELECT NOT EXISTS (SELECT 1 FROM pages g WHERE {scope}) AS empty",
                            args).fetchone()["empty"] == 1

    @_guarded
    def issue_stamp(self, issue_id: int) -> tuple[tuple[int, str], ...]:
        """What the issue's stored pages are (number and source hash): changes when a page
        of it is added or replaced, by this program or another."""
        check = self.check
        scope, args = self.scope.where(self._PAGE_IN_SCOPE)
        return tuple((check.page(r["number"], "a page number"),
                      check.text(r["source_hash"], "a page's digest", 200))
                     for r in self._select(f"SELECT g.number, g.source_hash FROM pages g WHERE "
                                           f"g.issue_id = ? AND {scope} ORDER BY g.number",
                                           (issue_id, *args)))

    @_guarded
    def search(self, query: SearchQuery | str, limit: int = 50) -> list[SearchHit]:
        """The hits, newest first; a plain text is a query without filters."""
        if isinstance(query, str):
            query = SearchQuery(query)
        with self.connection.snapshot():
            from .search import run_search  # on the first search: not on the window's start-up

            return run_search(self.db, query, limit, self.check, self.scope,
                              self.connection.version)

    @_guarded
    def page_pdf(self, digest: str) -> bytes | None:
        """The bytes of the stored PDF file whose SHA-256 is ``digest`` (a ``Page.pdf``'s),
        exactly as imported; None when the library has no such PDF (or a page of it in the
        papers shown). A file whose bytes are not what was stored is damaged."""
        if self.connection.version < 2 or not isinstance(digest, str):
            return None
        check = self.check
        scope, args = self.scope.where(self._PAGE_IN_SCOPE)
        with self.connection.snapshot():
            row = self._select(
                f"SELECT f.size, f.data FROM page_pdfs f WHERE f.digest = ? AND EXISTS (SELECT 1 "
                f"FROM pages g WHERE g.pdf_digest = f.digest AND {scope})",
                (digest, *args)).fetchone()
            if row is None:
                return None
            size = check.integer(row["size"], "a page PDF's size", 1, MAX_PDF_BYTES)
            data = row["data"]
        if not isinstance(data, bytes) or len(data) != size:
            raise check.damaged(f"the page PDF {digest[:12]}… is {_length(data)}, not the "
                                f"{size:,} bytes stored")
        import hashlib  # only pages with a PDF need it: kept off the window's start-up

        if hashlib.sha256(data).hexdigest() != digest:
            raise check.damaged(f"the page PDF {digest[:12]}… is not the file that was stored "
                                "(its SHA-256 differs)")
        return data


def _length(data: object) -> str:
    return f"{len(data):,} bytes" if isinstance(data, bytes) else "not a file's bytes"
