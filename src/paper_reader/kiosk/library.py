"""A library as a kiosk opens it: read-only, even where the kiosk may not write the folder,
and showing only the papers its configuration names. No Qt here.

A kiosk may read a library file synced from a staff machine and must never write it. The
file is in WAL mode; SQLite opens such a file read-only (``mode=ro``) only if its ``-wal``
and ``-shm`` files exist or can be made beside it. When the kiosk user cannot write that
folder the open fails (SQLITE_READONLY_DIRECTORY, or CANTOPEN with older SQLite), and the
file is opened again as ``immutable=1``: SQLite then takes no locks and reads no WAL, which
is right for a synced copy nobody writes to in place, and wrong for one whose -wal holds
data (it would not be read): such a copy is refused, saying what the librarian should do.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import quote

from ..core.library import (
    DamagedLibraryError,
    IssueInfo,
    Library,
    LibraryError,
    PaperInfo,
    SearchHit,
    check_file,
    check_kind,
    uncheckpointed,
)
from ..core.library import spaced as _spaced

log = logging.getLogger(__name__)

# What SQLite says when a read-only open of a WAL file needs to make -shm/-wal and cannot.
_WAL_ERRORS = ("SQLITE_READONLY_DIRECTORY", "SQLITE_CANTOPEN", "SQLITE_READONLY_CANTINIT",
               "SQLITE_READONLY_RECOVERY")
_WAL_MESSAGES = ("unable to open database file", "attempt to write a readonly database",
                 "readonly database")


def file_uri(path: Path, immutable: bool = False) -> str:
    """A ``file:`` URI for SQLite; the path percent-encoded (a ``?`` or ``#`` in a folder name
    would otherwise end the path)."""
    where = str(path.absolute()).replace("\\", "/")
    uri = "file://" + quote(where if where.startswith("/") else "/" + where, safe="/:")
    return uri + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def is_wal_file(path: Path) -> bool:
    """Whether the file's header says WAL (read and write format versions 2)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(20)
    except OSError:
        return False
    return len(head) == 20 and head[18] == 2 and head[19] == 2


def needs_immutable(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name in _WAL_ERRORS or any(m in str(exc).lower() for m in _WAL_MESSAGES)


def connect_readonly(path: Path, connect: Callable[..., sqlite3.Connection] = sqlite3.connect,
                     ) -> tuple[sqlite3.Connection, bool]:
    """A read-only connection that has read the schema, and whether it is immutable.

    ``mode=ro`` first; if that cannot read a WAL file for want of a writable folder, the
    same file as ``immutable=1``. ``connect`` is replaceable for tests.
    """
    def attempt(immutable: bool) -> sqlite3.Connection:
        db = connect(file_uri(path, immutable), uri=True, timeout=10, check_same_thread=False)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the open is lazy
        except BaseException:
            db.close()
            raise
        return db

    try:
        return attempt(False), False
    except sqlite3.OperationalError as exc:
        if not (needs_immutable(exc) and is_wal_file(path)):
            raise
        first = exc
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        # Immutable reads no -wal: what it holds would be silently missing, or the file
        # alone not a library at all.
        raise uncheckpointed(path)
    try:
        db = attempt(True)
    except sqlite3.Error:
        raise first from None
    log.info("%s: folder not writable, library opened immutable", path)
    return db, True


class KioskLibrary(Library):
    """Library(path, readonly=True) that also opens where the folder is read-only, and
    shows only ``papers`` (all when empty)."""

    def __init__(self, path: str | Path, papers: Iterable[str] = (),
                 connect: Callable[..., sqlite3.Connection] = sqlite3.connect) -> None:
        self.path = Path(path)
        self.readonly = True
        self.papers_shown = tuple(papers)
        check_kind(self.path)  # a named pipe would hang the kiosk's start for ever
        if not self.path.is_file():
            raise LibraryError(f"{self.path}: no library here (the kiosk never creates one)")
        check_file(self.path)
        self.identity = file_identity(self.path)
        self.db = None  # type: ignore[assignment]
        try:
            self.db, self.immutable = connect_readonly(self.path, connect)
            self.db.isolation_level = None
            self.db.create_function("spaced", 1, _spaced, deterministic=True)
            if not self.immutable:
                self.db.execute("PRAGMA busy_timeout = 10000")
            self._harden()
            self._check_and_migrate()
        except BaseException as exc:
            if self.db is not None:
                self.db.close()
            if isinstance(exc, sqlite3.OperationalError):
                raise LibraryError(f"{self.path}: the library cannot be opened read-only ({exc})") from None
            if isinstance(exc, sqlite3.DatabaseError):
                raise DamagedLibraryError(f"{self.path}: the library file is damaged ({exc})") from None
            raise

    def replaced(self) -> bool:
        """Whether the file at ``path`` is no longer the one opened: a sync that renames a new
        copy over it (as rsync does) leaves this connection reading the old one."""
        return file_identity(self.path) != self.identity

    # -- only the papers shown ---------------------------------------------------------
    def _shown(self, paper: str | None) -> bool:
        return not self.papers_shown or paper in self.papers_shown

    def papers(self) -> list[PaperInfo]:
        return [p for p in super().papers() if self._shown(p.name)]

    def issues(self, paper: str | None = None, date: str | None = None) -> list[IssueInfo]:
        return [i for i in super().issues(paper, date) if self._shown(i.paper)]

    def issue_info(self, issue_id: int) -> IssueInfo | None:
        info = super().issue_info(issue_id)
        return info if info is not None and self._shown(info.paper) else None

    def find_issue(self, paper: str | None, date: str) -> int | None:
        if paper is not None or not self.papers_shown:
            return super().find_issue(paper, date) if self._shown(paper) else None
        found = [i.id for i in self.issues(None, date)]
        return found[0] if found else None

    def latest_issue(self, paper: str | None = None) -> int | None:
        if paper is not None or not self.papers_shown:
            return super().latest_issue(paper) if self._shown(paper) else None
        newest = [(info.date, info.paper, info.id) for name in self.papers_shown
                  if (iid := Library.latest_issue(self, name)) is not None
                  and (info := Library.issue_info(self, iid)) is not None]
        if not newest:
            return None
        newest.sort(key=lambda t: t[1])  # the same order as Library: newest date, then name
        newest.sort(key=lambda t: t[0], reverse=True)
        return newest[0][2]

    def load_issue(self, issue_id: int):  # type: ignore[no-untyped-def]
        issue = super().load_issue(issue_id)
        if not self._shown(issue.paper):
            raise LibraryError(f"no issue {issue_id} among the papers this kiosk shows")
        return issue

    def search(self, query: str, limit: int = 50, paper: str | None = None,
               date_from: str | None = None, date_to: str | None = None) -> list[SearchHit]:
        if not self.papers_shown:
            return super().search(query, limit, paper, date_from, date_to)
        if paper is not None:
            return super().search(query, limit, paper, date_from, date_to) if self._shown(paper) else []
        hits = [h for name in self.papers_shown
                for h in Library.search(self, query, limit, name, date_from, date_to)]
        hits.sort(key=lambda h: (h.page, h.article_id))  # Library's order: newest date first
        hits.sort(key=lambda h: h.date, reverse=True)
        return hits[:limit]


def file_identity(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns
