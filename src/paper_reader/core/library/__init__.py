"""The library: issues, pages and articles kept in one SQLite file.

``Library`` holds the three parts, each given the one open ``Connection``: the connection
(``connection``: opening and checking the file, transactions), a ``LibraryReader``
(``read``: every read) and a ``LibraryWriter`` (``store``: every write). A library may be
limited to some papers (a kiosk's): the reader and writer apply that ``Scope`` in the SQL
of every query.

Every import is one transaction, so a failure leaves the file exactly as it was.

The writer's modules are loaded on the first write (``Library.writer``, and the names below
that are theirs on first use): a search or a reading window never needs them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from .connection import Connection
from .file import (
    DamagedLibraryError,
    ForeignLibraryError,
    LibraryError,
    NewerLibraryError,
    library_error,
    library_writable,
    set_aside,
)
from .read import LibraryReader
from .records import IssueInfo, PageResult, PaperInfo, Removal, Scope, SearchHit, SearchQuery

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (a search's start)
if TYPE_CHECKING:
    from contextlib import AbstractContextManager
    from pathlib import Path

    from ..model import Issue
    from .file import PathName
    from .store import ImportCancelled, LibraryWriter, Stored, page_digest

# The writer's module's names, loaded when first asked for (see __getattr__).
_FROM_STORE = ("ImportCancelled", "LibraryWriter", "Stored", "page_digest")

__all__ = [
    "DamagedLibraryError", "ForeignLibraryError", "ImportCancelled", "IssueInfo", "Library",
    "LibraryError", "NewerLibraryError", "PageResult", "PaperInfo", "Removal", "Scope",
    "SearchHit", "SearchQuery", "library_error", "library_writable", "page_digest", "set_aside",
]


class Library:
    """A library file, open to read and, unless ``readonly``, to write.

    ``papers``: the only papers it shows (a kiosk's list); empty, all of them. A library
    limited so is read-only: it never writes, and nothing of another paper is read.
    ``connect`` replaces ``sqlite3.connect`` (for tests).
    """

    def __init__(self, path: PathName, readonly: bool = False, papers: Iterable[str] = (), *,
                 connect: Callable[..., sqlite3.Connection] | None = None) -> None:
        scope = Scope(tuple(papers))
        if scope.papers and not readonly:
            raise ValueError("a library limited to some papers is opened read-only")
        self.scope = scope
        self.connection = Connection(path, readonly, connect)
        self.reader = LibraryReader(self.connection, scope)
        self._writer: LibraryWriter | None = None

    @property
    def writer(self) -> LibraryWriter:
        """Every write; made (and its modules loaded) on the first one."""
        if self._writer is None:
            from .store import LibraryWriter

            self._writer = LibraryWriter(self.connection, self.scope)
        return self._writer

    # -- the file --------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self.connection.path

    @property
    def readonly(self) -> bool:
        return self.connection.readonly

    @property
    def immutable(self) -> bool:
        """Opened read-only where the folder cannot be written: no locks, no -wal read."""
        return self.connection.immutable

    @property
    def db(self) -> sqlite3.Connection:
        return self.connection.db

    @db.setter
    def db(self, db: sqlite3.Connection) -> None:  # the benchmarks time every statement
        self.connection.db = db

    def replaced(self) -> bool:
        return self.connection.replaced()

    def checkpoint(self) -> None:
        self.connection.checkpoint()

    def integrity_check(self) -> str:
        return self.connection.integrity_check()

    def data_version(self) -> int:
        return self.connection.data_version()

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        return self.connection.transaction()

    def snapshot(self) -> AbstractContextManager[sqlite3.Connection]:
        return self.connection.snapshot()

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading (LibraryReader) -------------------------------------------------------
    def papers(self) -> list[PaperInfo]:
        return self.reader.papers()

    def issues(self, paper: str | None = None, date: str | None = None) -> list[IssueInfo]:
        return self.reader.issues(paper, date)

    def issue_info(self, issue_id: int) -> IssueInfo | None:
        return self.reader.issue_info(issue_id)

    def find_issue(self, paper: str | None, date: str) -> int | None:
        return self.reader.find_issue(paper, date)

    def latest_issue(self, paper: str | None = None) -> int | None:
        return self.reader.latest_issue(paper)

    def neighbour_issue(self, issue_id: int, step: int) -> int | None:
        return self.reader.neighbour_issue(issue_id, step)

    def issue_dates(self, paper: str) -> list[str]:
        return self.reader.issue_dates(paper)

    def load_issue(self, issue_id: int) -> Issue:
        return self.reader.load_issue(issue_id)

    def export(self, paper: str | None = None, date: str | None = None) -> list[Issue]:
        return self.reader.export(paper, date)

    def is_empty(self) -> bool:
        return self.reader.is_empty()

    def issue_stamp(self, issue_id: int) -> tuple[tuple[int, str], ...]:
        return self.reader.issue_stamp(issue_id)

    def search(self, query: SearchQuery | str, limit: int = 50) -> list[SearchHit]:
        return self.reader.search(query, limit)

    def page_pdf(self, digest: str) -> bytes | None:
        """The stored PDF file a page came from (``Page.pdf.digest``), byte for byte."""
        return self.reader.page_pdf(digest)

    # -- writing (LibraryWriter) -------------------------------------------------------
    def import_issues(self, issues: Iterable[Issue], cancelled: Callable[[], bool] | None = None,
                      refused: list[tuple[Issue, str]] | None = None,
                      stored: Stored | None = None) -> list[PageResult]:
        return self.writer.import_issues(issues, cancelled, refused, stored)

    def removal(self, paper: str, date: str | None = None, page: int | None = None) -> Removal:
        return self.writer.removal(paper, date, page)

    def remove(self, paper: str, date: str | None = None, page: int | None = None) -> Removal:
        return self.writer.remove(paper, date, page)


def __getattr__(name: str) -> object:
    if name in _FROM_STORE:
        from .store import ImportCancelled, LibraryWriter, Stored, page_digest

        return {"ImportCancelled": ImportCancelled, "LibraryWriter": LibraryWriter,
                "Stored": Stored, "page_digest": page_digest}[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
