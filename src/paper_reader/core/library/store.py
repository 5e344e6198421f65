"""Storing issues in the library: every write (removals are in ``removal``).

Every import is one transaction: a cancelled or failed one leaves the file as it was. The
issues may be read while they are stored (``importer``): the transaction is then open
while the files are read, and holds no more of them in memory than the reading does.
Pages are kept with a digest of what they say, so a page imported again unchanged is left
alone, and a changed one replaces the stored one; a page's PDF wins over its text (see
``_store_page``), and its file is kept once (``pdfs``). The continuations an issue resolved in
memory (``parsing.issue.resolve_links``) are stored as they are; they are worked out again
from the stored rows only where the rows hold what the import did not have: an issue whose
other pages were stored before, or one a removal took pages from.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable

from ..limits import MAX_PAGE, MAX_PAGE_COUNT, MAX_SERIAL, bounded
from ..model import Article, Issue, Link, Page, region
from .connection import Connection
from .file import LibraryError, _guarded
from .index_writing import import_cache, index_new
from .indexed import indexed_text
from .pdfs import check_geometry, drop_unused_pdfs, store_pdf
from .records import EVERY_PAPER, GAINED_IMAGE_KIND, KEPT_PDF_KIND, NOTES, PageResult, Removal, Scope
from .removal import Removing
from .rows import Rows

# What import_issues hands each issue's results to: the issue, its pages' results, and why
# it was refused (None when stored).
Stored = Callable[[Issue, list[PageResult], str | None], None]


class LibraryWriter(Removing):
    """Every write to the library, given an open ``Connection``.

    ``scope`` limits what ``removal`` and ``remove`` can find (a library limited to some
    papers is opened read-only, so it only ever says what a removal would take)."""

    def __init__(self, connection: Connection, scope: Scope = EVERY_PAPER) -> None:
        self.connection = connection
        self.path = connection.path  # for the messages (and ``_guarded``)
        self.scope = scope

    @property
    def db(self) -> sqlite3.Connection:
        return self.connection.db

    @_guarded
    def import_issues(self, issues: Iterable[Issue], cancelled=None,  # type: ignore[no-untyped-def]
                      refused: list[tuple[Issue, str]] | None = None,
                      stored: Stored | None = None) -> list[PageResult]:
        """Store issues in one transaction; re-imported pages replace the stored ones.

        ``cancelled`` is polled between pages; when it returns True the whole import is
        rolled back and ``ImportCancelled`` raised. With ``refused`` (or ``stored``), an
        issue whose data cannot be stored (a number out of bounds, say) is left out and
        listed there with the reason, and the others are stored; without, that raises.

        ``issues`` may be gathered while they are stored (a generator reading the files):
        whatever it raises rolls the whole import back too. With ``stored``, each issue's
        results (or, refused, the reason) go to it as soon as the issue is in, and the
        list returned is empty: an import of any size holds no list of every page here.
        An issue may come more than once (pages of it that came late): each time its pages
        are stored as further pages of it, and its continuations worked out again.
        """
        results: list[PageResult] = []
        self._dropped_pdfs: list[str] = []  # of pages replaced: kept while another page uses one
        with import_cache(self.db), self.connection.transaction():
            last_id = self._one("SELECT coalesce(max(article_id), 0) AS last FROM article_text")["last"]
            for issue in issues:
                mark = len(results)
                reason = self._store_issue(issue, results, cancelled, refused,
                                           refusing=refused is not None or stored is not None)
                if stored is not None:
                    stored(issue, results[mark:], reason)
                    del results[mark:]
            drop_unused_pdfs(self.db, self._dropped_pdfs)
            index_new(self.db, last_id)
        self.connection.checkpoint()  # the file alone holds the import: a copy of it is whole
        return results

    def _store_issue(self, issue: Issue, results: list[PageResult], cancelled: Callable[[], bool] | None,
                     refused: list[tuple[Issue, str]] | None, refusing: bool) -> str | None:
        """Store one issue under its savepoint, its pages' results into ``results``; why it
        was refused (see import_issues), or None."""
        if not issue.paper or not issue.date:
            raise LibraryError("a page says neither its paper nor its date; it cannot be filed")
        mark = len(results)
        self.db.execute("SAVEPOINT one_issue")
        reason = None
        try:
            _check_numbers(issue)
            issue_id = self._issue_row(issue)
            changed = False
            for page in issue.pages:
                if cancelled is not None and cancelled():
                    raise ImportCancelled()
                status, kind = self._store_page(issue_id, issue, page)
                results.append(PageResult(issue.paper, issue.date, page.number, status,
                                          NOTES.get(kind, ""), kind))
                changed = changed or status != "unchanged"
            if changed:  # links between unchanged pages stand as they were stored
                self._link(issue_id, issue)
        except (ValueError, OverflowError, TypeError, sqlite3.InterfaceError) as exc:
            if not refusing:
                raise
            # Only this issue's rows go; the import of the others goes on.
            self.db.execute("ROLLBACK TO one_issue")
            del results[mark:]
            reason = str(exc) or type(exc).__name__
            if refused is not None:
                refused.append((issue, reason))
        self.db.execute("RELEASE one_issue")
        return reason

    @_guarded
    def removal(self, paper: str, date: str | None = None, page: int | None = None) -> Removal:
        """What ``remove`` would take; LibraryError naming what is not in the library."""
        return self._removal(paper, date, page)

    @_guarded
    def remove(self, paper: str, date: str | None = None, page: int | None = None) -> Removal:
        """Remove a paper, an issue (``date``) or a page (``page``), in one transaction
        (see ``removal.Removing._remove``)."""
        return self._remove(paper, date, page)

    def _rows(self, sql: str, args: Iterable[object] = ()) -> sqlite3.Cursor:
        """Rows read by column name."""
        cur = self.db.cursor()
        cur.row_factory = sqlite3.Row
        return cur.execute(sql, tuple(args))

    def _one(self, sql: str, args: Iterable[object] = ()) -> sqlite3.Row | None:
        return self._rows(sql, args).fetchone()  # type: ignore[no-any-return]

    def _issue_row(self, issue: Issue) -> int:
        db = self.db
        pinyin = issue.masthead.get("pinyin")
        db.execute("INSERT INTO papers(name, pinyin) VALUES (?, ?) ON CONFLICT(name) DO "
                   "UPDATE SET pinyin = coalesce(excluded.pinyin, pinyin)", (issue.paper, pinyin))
        paper_id = self._one("SELECT id FROM papers WHERE name = ?", (issue.paper,))["id"]
        row = self._one("SELECT id FROM issues WHERE paper_id = ? AND date = ?", (paper_id, issue.date))
        # What would not read back is not written (see rows): a count past any paper's
        # is no count; the masthead keeps what was printed.
        page_count = issue.page_count if 0 <= (issue.page_count or 0) <= MAX_PAGE_COUNT else None
        if row is None:
            cur = db.execute(
                "INSERT INTO issues(paper_id, date, serial, page_count, masthead) VALUES (?,?,?,?,?)",
                (paper_id, issue.date, issue.serial, page_count,
                 json.dumps(issue.masthead, ensure_ascii=False)),
            )
            return int(cur.lastrowid)  # type: ignore[arg-type]
        if issue.masthead:  # a front page brings the masthead; inner pages do not
            db.execute("UPDATE issues SET serial = ?, page_count = ?, masthead = ? WHERE id = ?",
                       (issue.serial, page_count,
                        json.dumps(issue.masthead, ensure_ascii=False), row["id"]))
        return int(row["id"])

    def _store_page(self, issue_id: int, issue: Issue, page: Page) -> tuple[str, str]:
        """Store one page; its status and the kind of its note (see records.NOTES), or "".

        A page's PDF wins over its text: the PDF of a page stored from text replaces it (and
        brings the page image), the text of a page stored from its PDF leaves it as it is
        (the text layer of the PDF says the same, with where it stands)."""
        db = self.db
        if not 1 <= page.number <= MAX_PAGE:
            raise LibraryError(f"{issue.paper} {issue.date}: page number {page.number} is past any "
                               f"paper's ({MAX_PAGE}); nothing was imported")
        digest = page_digest(page, issue)
        row = self._one("SELECT id, source_hash, pdf_digest FROM pages WHERE issue_id = ? AND "
                        "number = ?", (issue_id, page.number))
        if row and row["source_hash"] == digest:
            return "unchanged", ""
        if row and row["pdf_digest"] is not None and page.pdf is None:
            return "unchanged", KEPT_PDF_KIND
        status, kind = "imported", ""
        if row:
            if row["pdf_digest"] is not None:
                self._dropped_pdfs.append(row["pdf_digest"])
            elif page.pdf is not None:
                kind = GAINED_IMAGE_KIND
            self._delete_page(row["id"])
            status = "replaced"
        pdf_digest = store_pdf(db, page)
        width, height = page.size if page.size is not None else (None, None)
        cur = db.execute(
            "INSERT INTO pages(issue_id, number, label, section, header, unplaced, source_hash, "
            "imported_at, width, height, pdf_digest, pdf_index) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (issue_id, page.number, page.label, page.section,
             json.dumps(page.header, ensure_ascii=False),
             json.dumps(page.unplaced, ensure_ascii=False), digest,
             time.strftime("%Y-%m-%dT%H:%M:%S"), width, height, pdf_digest,
             page.pdf.index if page.pdf is not None else None),
        )
        page_id = cur.lastrowid
        paper_id = self._one("SELECT paper_id FROM issues WHERE id = ?", (issue_id,))["paper_id"]
        for pos, art in enumerate(page.articles):
            cur = db.execute(
                "INSERT INTO articles(page_id, position, title, kicker, subtitle, column_label, "
                "byline, authors, kind, paragraphs, captions, signature, continues_to_page, "
                "continued_from_page, regions) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (page_id, pos, art.title, art.kicker, art.subtitle, art.column, art.byline,
                 _j(art.authors), art.kind, _j(art.paragraphs), _j(art.captions),
                 _j(art.signature), _page(art.continues_to), _page(art.continued_from),
                 _j([list(region(r)) for r in art.regions])),
            )
            db.execute(
                "INSERT INTO article_text(article_id, paper_id, date, page, title, byline, body) "
                "VALUES (?,?,?,?,?,?,?)",
                (cur.lastrowid, paper_id, issue.date, page.number, *indexed_text(art)),
            )
        return status, kind

    def _delete_page(self, page_id: int) -> None:
        db = self.db
        ids = "SELECT id FROM articles WHERE page_id = ?"
        db.execute(f"DELETE FROM continuations WHERE from_article IN ({ids}) OR to_article IN ({ids})",
                   (page_id, page_id))
        db.execute(f"DELETE FROM article_text WHERE article_id IN ({ids})", (page_id,))
        db.execute("DELETE FROM articles WHERE page_id = ?", (page_id,))
        db.execute("DELETE FROM pages WHERE id = ?", (page_id,))

    def _link(self, issue_id: int, issue: Issue) -> None:
        """Store the continuations ``issue`` holds, resolved when its pages were assembled.

        Where the library holds pages of the issue this import did not bring (a page added
        later to a stored issue), links to and from those were never in hand: then they are
        all worked out from the stored rows (``_relink``)."""
        numbers = [page.number for page in issue.pages]
        check = Rows(self.path)
        stored = {check.page(r["number"], "a page number")
                  for r in self._rows("SELECT number FROM pages WHERE issue_id = ?", (issue_id,))}
        if len(set(numbers)) != len(numbers) or not stored <= set(numbers):
            self._relink(issue_id)
            return
        ids = {place: article_id for place, article_id, _row in self._articles_of(issue_id)}
        self._store_links(issue_id, issue, ids)

    def _articles_of(self, issue_id: int) -> list[tuple[tuple[int, int], int, sqlite3.Row]]:
        """The issue's stored articles: (page number, place on the page), row id, row."""
        check = Rows(self.path)  # a crafted row must not end an import in a traceback
        placed: list[tuple[tuple[int, int], int, sqlite3.Row]] = []
        count: dict[int, int] = {}
        for r in self._rows(
                "SELECT a.id, p.number, a.title, a.continues_to_page, a.continued_from_page "
                "FROM articles a JOIN pages p ON p.id = a.page_id WHERE p.issue_id = ? "
                "ORDER BY p.number, a.position", (issue_id,)):
            article_id = check.integer(r["id"], "an article's row")
            number = check.page(r["number"], "a page number")
            place = count[number] = count.get(number, -1) + 1  # as resolve_links counts it
            placed.append(((number, place), article_id, r))
        return placed

    def _store_links(self, issue_id: int, issue: Issue, ids: dict[tuple[int, int], int]) -> None:
        """The issue's continuations as ``issue`` resolved them; ``ids``: its stored articles
        by (page number, place on the page)."""
        db = self.db
        db.execute(
            "DELETE FROM continuations WHERE from_article IN (SELECT a.id FROM articles a "
            "JOIN pages p ON p.id = a.page_id WHERE p.issue_id = ?)", (issue_id,))
        for page in issue.pages:
            for pos, art in enumerate(page.articles):
                link = art.continues_to
                if link is None or link.article is None:
                    continue
                source, target = ids.get((page.number, pos)), ids.get((link.page, link.article))
                if source is not None and target is not None:
                    db.execute("INSERT INTO continuations(from_article, to_article) VALUES (?, ?)",
                               (source, target))

    def _relink(self, issue_id: int) -> None:
        """Work out the issue's continuations again from what its stored pages say."""
        from ..parsing.issue import resolve_links

        check = Rows(self.path)
        pages: dict[int, Page] = {}
        ids: dict[tuple[int, int], int] = {}
        for (number, place), article_id, r in self._articles_of(issue_id):
            to_page = check.page(r["continues_to_page"], "a continuation's page", optional=True)
            from_page = check.page(r["continued_from_page"], "a continuation's page", optional=True)
            page = pages.setdefault(number, Page(number=number, label=""))
            page.articles.append(Article(
                title=check.text(r["title"], "an article's title", optional=True) or "",
                continues_to=Link(to_page) if to_page is not None else None,
                continued_from=Link(from_page) if from_page is not None else None))
            ids[(number, place)] = article_id
        issue = Issue(paper=None, date=None, pages=sorted(pages.values(), key=lambda p: p.number))
        resolve_links(issue)
        self._store_links(issue_id, issue, ids)


def _check_numbers(issue: Issue) -> None:
    """Numbers as the parser bounds them (see limits); anything else is not stored."""
    def check(what: str, value: object, limit: int, low: int = 1) -> None:
        if value is not None and (type(value) is not int or bounded(value, limit, low) is None):
            raise ValueError(f"{what} {str(value)[:20]} is out of bounds")

    check("serial", issue.serial, MAX_SERIAL)
    # A page count past any paper's is stored as no count (see _issue_row), not refused.
    for page in issue.pages:
        check("page number", page.number, MAX_PAGE)
        check_geometry(page)
        for art in page.articles:
            for link in (art.continues_to, art.continued_from):
                check("continuation page", link.page if link else None, MAX_PAGE)


class ImportCancelled(Exception):
    """The reader cancelled an import; nothing of it was kept."""


def _page(link: Link | None) -> int | None:
    """A continuation's page as stored: one past any paper's is no link (see rows)."""
    return link.page if link is not None and 1 <= link.page <= MAX_PAGE else None


def _j(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def page_digest(page: Page, issue: Issue) -> str:
    """What the page says, without how its links resolved: that depends on other pages."""
    printed = page.to_dict()
    # A page from text has no geometry: leave its keys out, so digests stored before pages
    # had any stay what they were.
    if printed["size"] is None:
        del printed["size"]
    for art in printed["articles"]:
        if not art["regions"]:
            del art["regions"]
        for key in ("continues_to", "continued_from"):
            if art[key]:
                art[key] = art[key]["page"]
    import hashlib  # only imports need it: kept off the window's start-up

    data: dict[str, object] = {"page": printed, "header": page.header,
                               "masthead": issue.masthead if page.masthead else None}
    if page.pdf is not None:  # the same text from another file (a photo redone) is another page
        data["pdf"] = [page.pdf.digest, page.pdf.index]
    return hashlib.sha256(_j(data).encode()).hexdigest()
