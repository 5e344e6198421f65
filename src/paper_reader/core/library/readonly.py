"""Opening a library read-only, even where its folder may not be written (a kiosk, a CD).

A read-only reader (a kiosk reading a file synced from a staff machine) must never write
the file. The file is in WAL mode; SQLite opens such a file read-only (``mode=ro``) only
if its ``-wal`` and ``-shm`` files exist or can be made beside it. When the user cannot
write that folder the open fails (SQLITE_READONLY_DIRECTORY, or CANTOPEN with older
SQLite), and the file is opened again as ``immutable=1``: SQLite then takes no locks and
reads no WAL, which is right for a synced copy nobody writes to in place, and wrong for
one whose -wal holds data (it would not be read): such a copy is refused, saying what the
librarian should do.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable

from .file import uncheckpointed, wal_holds_data

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (a search's start)
if TYPE_CHECKING:
    from .file import PathName

# What a file: URI keeps as it is (urllib.parse.quote's unreserved characters and the safe
# "/:"); every other byte is percent-encoded. Written out: urllib.parse (with ipaddress)
# cost a search from the command line 3 ms.
_URI_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/:")

# What SQLite says when a read-only open of a WAL file needs to make -shm/-wal and cannot.
_WAL_ERRORS = ("SQLITE_READONLY_DIRECTORY", "SQLITE_CANTOPEN", "SQLITE_READONLY_CANTINIT",
               "SQLITE_READONLY_RECOVERY")
_WAL_MESSAGES = ("unable to open database file", "attempt to write a readonly database",
                 "readonly database")


def file_uri(path: PathName, immutable: bool = False) -> str:
    """A ``file:`` URI for SQLite; the path percent-encoded (a ``?`` or ``#`` in a folder name
    would otherwise end the path)."""
    name = os.fspath(path)
    where = (name if os.path.isabs(name) else os.path.join(os.getcwd(), name)).replace("\\", "/")
    # The name's own bytes, percent-encoded: a name that is not UTF-8 (surrogate escapes in
    # Python) still names its file, as it does for a plain open.
    raw = os.fsencode(where if where.startswith("/") else "/" + where)
    uri = "file://" + "".join(chr(b) if b in _URI_SAFE else f"%{b:02X}" for b in raw)
    return uri + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def is_wal_file(path: PathName) -> bool:
    """Whether the file's header says WAL (read and write format versions 2)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(20)
    except OSError:
        return False
    return len(head) == 20 and head[18] == 2 and head[19] == 2


def needs_immutable(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name in _WAL_ERRORS or any(m in str(exc).lower() for m in _WAL_MESSAGES)


def connect_readonly(path: PathName, connect: Callable[..., sqlite3.Connection] = sqlite3.connect,
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
    if wal_holds_data(path):
        # Immutable reads no -wal: what it holds would be silently missing, or the file
        # alone not a library at all.
        raise uncheckpointed(path)
    try:
        db = attempt(True)
    except sqlite3.Error:
        raise first from None
    import logging  # only here: logging is kept off the window's start-up

    logging.getLogger(__name__).info("%s: folder not writable, library opened immutable", path)
    return db, True


def file_identity(path: PathName) -> tuple[int, int, int] | None:
    """What tells one file at ``path`` from another put there since (or rewritten in place)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns
