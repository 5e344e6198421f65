"""Removing a paper, an issue or a page from the library, in one transaction, with the
search index rows, the continuations and the page PDFs that nothing uses any more."""

from __future__ import annotations

import sqlite3

from ..problems import told
from .connection import Connection
from .file import LibraryError
from .pdfs import drop_unused_pdfs
from .records import Removal, Scope


class Removing:
    """The removals of ``LibraryWriter``, which offers them (``removal``, ``remove``) and
    gives ``_relink``, ``_rows`` and ``_one``."""

    connection: Connection
    scope: Scope
    db: sqlite3.Connection
    # and from LibraryWriter: _rows, _one (rows by column name), _relink (an issue's links)

    def _removal_scope(self, paper: str, date: str | None,
                       page: int | None) -> tuple[Removal, int, list[int], list[int]]:
        """The paper's id, the issues and pages a removal takes, and their count."""
        scope, scope_args = self.scope.where("id")
        row = self._one(f"SELECT id FROM papers WHERE name = ? AND {scope}", (paper, *scope_args))
        if row is None:
            raise LibraryError(told("no_paper", paper=paper))
        paper_id = int(row["id"])
        sql, args = "SELECT id FROM issues WHERE paper_id = ?", [paper_id]
        if date is not None:
            sql += " AND date = ?"
            args.append(date)
        issue_ids = [r["id"] for r in self._rows(sql, args)]
        if not issue_ids:
            raise LibraryError(told("no_issue", paper=paper, date=date))
        marks = ",".join("?" * len(issue_ids)) if len(issue_ids) < 500 else None
        # A paper's thousands of issues: by paper, not by a list of ids.
        where = f"issue_id IN ({marks})" if marks else \
            "issue_id IN (SELECT id FROM issues WHERE paper_id = ?)"
        where_args: list[object] = list(issue_ids) if marks else [paper_id]
        if page is not None:
            where += " AND number = ?"
            where_args.append(page)
        page_ids = [r["id"] for r in self._rows(f"SELECT id FROM pages WHERE {where}", where_args)]
        if page is not None and not page_ids:
            raise LibraryError(told("no_page", paper=paper, date=date, page=page))
        articles = 0
        for k in range(0, len(page_ids), 500):
            chunk = page_ids[k:k + 500]
            articles += self._one(
                f"SELECT count(*) AS n FROM articles WHERE page_id IN ({','.join('?' * len(chunk))})",
                chunk)["n"]
        what = Removal(paper, date, page, len(issue_ids), len(page_ids), articles)
        return what, paper_id, issue_ids, page_ids

    def _removal(self, paper: str, date: str | None = None, page: int | None = None) -> Removal:
        """What ``remove`` would take; LibraryError naming what is not in the library."""
        with self.connection.snapshot():
            return self._removal_scope(paper, date, page)[0]

    def _remove(self, paper: str, date: str | None = None, page: int | None = None) -> Removal:
        """Remove a paper, one of its issues (``date``) or one page of an issue (``page``),
        in one transaction: the search index rows go with the articles, and the issue's
        remaining pages have their continuations worked out again (a 下转 to a removed
        page then points at a page not in the library, as before it was imported)."""
        with self.connection.transaction():
            what, paper_id, issue_ids, page_ids = self._removal_scope(paper, date, page)
            self._delete_pages(page_ids)
            db = self.db
            for issue_id in issue_ids:
                if page is not None and db.execute(
                        "SELECT 1 FROM pages WHERE issue_id = ? LIMIT 1", (issue_id,)).fetchone():
                    self._relink(issue_id)
                else:  # the issue has no page left
                    db.execute("DELETE FROM issues WHERE id = ?", (issue_id,))
            if not db.execute("SELECT 1 FROM issues WHERE paper_id = ? LIMIT 1", (paper_id,)).fetchone():
                db.execute("DELETE FROM papers WHERE id = ?", (paper_id,))
        self.connection.checkpoint()  # the file alone is then the whole library
        return what

    def _delete_pages(self, page_ids: list[int]) -> None:
        """Delete pages with their articles and what refers to them, and the PDFs no other
        page uses: a paper's thousands of pages one statement set at a time, not a scan of
        the continuations for each page."""
        db = self.db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS removed_pages(id INTEGER PRIMARY KEY)")
        db.execute("CREATE TEMP TABLE IF NOT EXISTS removed_articles(id INTEGER PRIMARY KEY)")
        db.execute("DELETE FROM removed_pages")
        db.execute("DELETE FROM removed_articles")
        db.executemany("INSERT INTO removed_pages(id) VALUES (?)", ((i,) for i in page_ids))
        db.execute("INSERT INTO removed_articles(id) SELECT id FROM articles WHERE page_id IN "
                   "(SELECT id FROM removed_pages)")
        gone = "(SELECT id FROM removed_articles)"
        db.execute(f"DELETE FROM continuations WHERE from_article IN {gone}")
        db.execute(f"DELETE FROM continuations WHERE to_article IN {gone}")
        db.execute(f"DELETE FROM article_text WHERE article_id IN {gone}")
        db.execute(f"DELETE FROM articles WHERE id IN {gone}")
        used = [r[0] for r in db.execute(
            "SELECT DISTINCT pdf_digest FROM pages WHERE id IN (SELECT id FROM removed_pages) "
            "AND pdf_digest IS NOT NULL")]
        db.execute("DELETE FROM pages WHERE id IN (SELECT id FROM removed_pages)")
        drop_unused_pdfs(db, used)
        db.execute("DELETE FROM removed_pages")
        db.execute("DELETE FROM removed_articles")

