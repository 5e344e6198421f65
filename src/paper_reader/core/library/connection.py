"""The one way to connect to a library file, read-write or read-only, with every check.

Before SQLite opens anything: the path must name a regular file (a named pipe would wait for
ever), one that looks whole, and, to be written, one on writable media. Once open: code
stored in the file may not call functions on its own (``trusted_schema``), a read-only
connection cannot write at all, and a file whose schema is not exactly the one this
version makes is refused (another program's trigger would run on our writes). A file
written by a newer paper-reader is refused before anything is written to it; an older one
is migrated, in one transaction, when opened to be written, and read as it is when opened
read-only (``version`` says which). The schema version lives in ``PRAGMA user_version``.

A read-only open never creates a library, and opens where the folder cannot be written
(see ``readonly``); a copy whose contents are still in its ``-wal`` is refused, saying how
to copy it whole.
"""

from __future__ import annotations

import os
import sqlite3
import time
from _thread import allocate_lock  # threading's Lock, without loading threading (a search's start)
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..problems import told
from .file import (
    DamagedLibraryError,
    ForeignLibraryError,
    LibraryError,
    NewerLibraryError,
    _guarded,
    check_file,
    check_kind,
    library_error,
    library_writable,
    uncheckpointed,
)
from .indexed import chars_and_pairs, spaced
from .readonly import connect_readonly, file_identity, is_wal_file
from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, schema_difference
from .schema_rows import ROWS as CURRENT_ROWS
from .schema_rows import VERSION as ROWS_VERSION

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (a search's start)
if TYPE_CHECKING:
    from pathlib import Path

# Library files this process has a connection to, by (device, inode), with a count: see
# check_file, which must not open (and so close) a descriptor of such a file.
_OPEN_FILES: dict[tuple[int, int], int] = {}
_OPEN_FILES_LOCK = allocate_lock()


def _file_key(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)  # stat opens no descriptor: it cannot disturb SQLite's locks
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def is_open_here(path: str) -> bool:
    key = _file_key(path)
    with _OPEN_FILES_LOCK:
        return key is not None and _OPEN_FILES.get(key, 0) > 0


# How long a new file's switch to WAL waits for other programs opening it at the same time.
WAL_SWITCH_WAIT = 10.0


def _enter_wal(db: sqlite3.Connection) -> None:
    """Put the file in WAL mode. Switching needs the file to itself, and SQLite answers
    "locked" at once, without waiting out the busy timeout, while another program opens or
    creates the same new file: so wait here, a little longer each time, as the timeout would."""
    deadline = time.monotonic() + WAL_SWITCH_WAIT
    pause = 0.005
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL").fetchall()
            return
        except sqlite3.OperationalError as exc:
            code = getattr(exc, "sqlite_errorcode", 5) & 0xFF
            if code not in (5, 6) or time.monotonic() + pause > deadline:  # busy or locked
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


class Connection:
    """An open library file: ``db`` is the SQLite connection, in autocommit (explicit
    transactions only). ``connect`` replaces ``sqlite3.connect`` (for tests)."""

    def __init__(self, path: str | os.PathLike[str], readonly: bool = False,
                 connect: Callable[..., sqlite3.Connection] | None = None) -> None:
        # The path as a string, read with os functions: pathlib (with urllib and fnmatch
        # behind it) cost a search from the command line 4 ms. ``path`` is its Path.
        self.file = os.fspath(path) or "."  # "" is the current folder, as Path("") is
        if not isinstance(self.file, str):
            raise TypeError(f"a library's path is a str or os.PathLike, not {type(path).__name__}")
        self.readonly = readonly
        self.immutable = False
        self.version = SCHEMA_VERSION  # the file's format, once opened (older: read-only)
        self._closed = False
        self._key: tuple[int, int] | None = None
        try:
            check_kind(self.file)  # a named pipe or a device: before anything opens it
            if readonly and not os.path.isfile(self.file):
                raise LibraryError(told("no_library", file=self.file))
            if not is_open_here(self.file):  # see check_file: it must not close a descriptor
                check_file(self.file)
            if not readonly:
                if not library_writable(self.file):  # read-only media: say so, not "cannot open"
                    raise LibraryError(told("readonly", file=self.file))
                os.makedirs(os.path.dirname(self.file) or ".", exist_ok=True)
        except (OSError, ValueError) as exc:  # a folder that cannot be made, a name too long
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise LibraryError(told("open_failed", file=self.file, reason=reason)) from None
        # What is at the path now: a sync renaming a new copy over it is noticed (replaced).
        self.identity = file_identity(self.file)
        db: sqlite3.Connection | None = None
        try:
            # Looked up now, not bound at definition: tests replace sqlite3.connect.
            connect = connect or sqlite3.connect
            if readonly:
                db, self.immutable = connect_readonly(self.file, connect)
            else:
                db = connect(self.file, timeout=10, check_same_thread=False)
            self.db = db
            db.isolation_level = None  # explicit transactions only
            db.create_function("spaced", 1, spaced, deterministic=True)  # format 1 and 2
            db.create_function("chars_and_pairs", 1, chars_and_pairs, deterministic=True)
            # Code stored in the file (triggers, views) may not call functions or virtual
            # tables on its own; our own trigger is let through only inside ``transaction``,
            # once the schema is known to be exactly ours.
            db.execute("PRAGMA trusted_schema = OFF")
            if readonly:
                db.execute("PRAGMA query_only = ON")
            if not self.immutable:
                db.execute("PRAGMA busy_timeout = 10000")
            self._check_and_migrate()
        except BaseException as exc:
            if db is not None:
                try:
                    db.close()
                except sqlite3.Error:
                    pass
            if isinstance(exc, sqlite3.DatabaseError):
                raise library_error(self.file, exc) from None
            if isinstance(exc, UnicodeDecodeError):  # SQLite's own message quoted a garbled schema
                raise DamagedLibraryError(told("damaged", file=self.file,
                                               reason="its schema is not readable")) from None
            raise
        self._track_open()

    def _track_open(self) -> None:
        """Count this connection to the file (see check_file); close() counts it out."""
        self._key = _file_key(self.file)
        if self._key is not None:
            with _OPEN_FILES_LOCK:
                _OPEN_FILES[self._key] = _OPEN_FILES.get(self._key, 0) + 1

    # -- opening ---------------------------------------------------------------------
    def _check_and_migrate(self) -> None:
        db = self.db
        # One read transaction, so one state of the file: another program may be creating it now.
        db.execute("BEGIN")
        try:
            version, app_id, tables = db.execute(
                "SELECT (SELECT user_version FROM pragma_user_version) AS version, "
                "(SELECT application_id FROM pragma_application_id) AS app_id, "
                "(SELECT count(*) FROM sqlite_master) AS tables").fetchone()
            schema = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        finally:
            db.execute("COMMIT")
        if tables and app_id != APPLICATION_ID:
            raise DamagedLibraryError(told("not_ours_sqlite", file=self.file))
        if version < 0 or (tables and version == 0):  # the header's format number is garbled
            raise DamagedLibraryError(told(
                "damaged", file=self.file,
                reason=f"its format number {version} is not one paper-reader writes"))
        if 0 <= version <= SCHEMA_VERSION:
            self._check_schema(schema, version)
        if version > SCHEMA_VERSION:
            raise NewerLibraryError(told("newer", file=self.file, version=version,
                                         supported=SCHEMA_VERSION))
        if self.readonly:
            if not tables:  # a WAL file copied without its -wal, or an empty file
                if is_wal_file(self.file):
                    raise uncheckpointed(self.file)
                raise LibraryError(told("empty_library", file=self.file))
            # An older library is read as it is (a kiosk's copy published before an update,
            # a CD): what it cannot hold yet (page sizes, PDFs, regions) reads as absent.
            self.version = version
            return
        _enter_wal(db)
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
        self.version = SCHEMA_VERSION

    def _check_schema(self, schema: list[tuple[str, str, str, str | None]], version: int) -> None:
        """Refuse a file whose tables, indexes, triggers or views are not exactly the ones
        this version makes: another program's trigger would run on our writes.

        A file of the current format that holds exactly its rows is ours without making the
        schema in memory to compare (the larger part of opening a library)."""
        if version == ROWS_VERSION and set(schema) == CURRENT_ROWS:
            return
        difference = schema_difference(schema, version)
        if difference is not None:
            raise ForeignLibraryError(told("foreign", file=self.file, difference=difference))

    # -- the file --------------------------------------------------------------------
    @property
    def path(self) -> Path:
        """The library file as a Path, made when asked (a search never asks)."""
        from pathlib import Path

        return Path(self.file)

    def replaced(self) -> bool:
        """Whether the file at ``path`` is no longer the one opened: a sync that renames a new
        copy over it (as rsync does) leaves this connection reading the old one."""
        return file_identity(self.file) != self.identity

    @_guarded
    def checkpoint(self) -> None:
        """Move what the -wal file holds into the library file itself and empty the -wal, so
        that the file alone is the whole library (a kiosk may get only the file). Another
        program reading or writing at that moment only makes it wait its turn."""
        if self.readonly or self.db.in_transaction:
            return
        self.db.execute("PRAGMA busy_timeout = 2000")  # a long import elsewhere: do not hang here
        try:
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            self.db.execute("PRAGMA busy_timeout = 10000")

    @_guarded
    def integrity_check(self) -> str:
        """SQLite's full check ('ok' when whole); reads the whole file, so only on request."""
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

    @_guarded
    def data_version(self) -> int:
        """Changes when another connection commits: lets a window notice new issues."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self.checkpoint()  # whichever program wrote, the file is whole once it is closed
        except LibraryError:
            pass  # busy or read-only: the last connection to close checkpoints anyway
        self.db.close()
        key, self._key = self._key, None
        if key is not None:
            with _OPEN_FILES_LOCK:
                if _OPEN_FILES.get(key, 0) <= 1:
                    _OPEN_FILES.pop(key, None)
                else:
                    _OPEN_FILES[key] -= 1

    # -- transactions ----------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        if self.readonly:
            raise LibraryError(told("open_readonly", file=self.file))
        self.db.execute("BEGIN IMMEDIATE")
        try:
            # Under the write lock nobody can change the schema until COMMIT: checked here,
            # our own trigger may run (it writes the search indexes).
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if 0 <= version <= SCHEMA_VERSION:
                self._check_schema(self.db.execute(
                    "SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall(), version)
            self.db.execute("PRAGMA trusted_schema = ON")
            yield self.db
            self.db.execute("PRAGMA trusted_schema = OFF")
            self.db.execute("COMMIT")
        except BaseException:
            try:
                self.db.execute("PRAGMA trusted_schema = OFF")
            except sqlite3.Error:
                pass
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
