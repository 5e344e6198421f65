"""The library: issues, pages and articles kept in one SQLite file.

This module opens and checks the file; reading issues is ``library_read``'s part of the
Library class, storing them ``library_store``'s. A file whose schema is not exactly the
one this version makes is refused: another program's trigger would run on our writes.

Every import is one transaction, so a failure leaves the file exactly as it was. The
schema version lives in ``PRAGMA user_version``; a file written by a newer paper-reader is
refused before anything is written to it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .file import (  # noqa: F401  (re-exported: the library's errors live there)
    _OPEN_FILES,
    _OPEN_FILES_LOCK,
    SQLITE_MAGIC,
    DamagedLibraryError,
    ForeignLibraryError,
    LibraryError,
    NewerLibraryError,
    _file_key,
    _guarded,
    _is_open_here,
    check_file,
    check_kind,
    library_error,
    library_writable,
    set_aside,
    uncheckpointed,
)
from .read import IssueInfo, IssueReader, PaperInfo, SearchHit  # noqa: F401  (re-exported)
from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, schema_difference
from .store import (  # noqa: F401  (re-exported)
    ImportCancelled,
    IssueStore,
    PageResult,
    Removal,
    page_digest,
    spaced,
)


class Library(IssueReader, IssueStore):
    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        try:
            check_kind(self.path)  # a named pipe or a device: before anything opens it
            if not _is_open_here(self.path):  # see check_file: it must not close a descriptor
                check_file(self.path)
            if not readonly:
                if not library_writable(self.path):  # read-only media: say so, not "cannot open"
                    raise LibraryError(f"{self.path}: the library cannot be written (the file or its "
                                       "folder is read-only); nothing was changed")
                self.path.parent.mkdir(parents=True, exist_ok=True)
        except (OSError, ValueError) as exc:  # a folder that cannot be made, a name too long
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise LibraryError(f"{self.path}: the library cannot be opened ({reason})") from None
        self.db = None  # type: ignore[assignment]
        self.immutable = False
        try:
            if readonly:
                from ...kiosk.library import connect_readonly  # also where the folder is read-only

                self.db, self.immutable = connect_readonly(self.path)
            else:
                self.db = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
            self.db.isolation_level = None  # explicit transactions only
            self.db.create_function("spaced", 1, spaced, deterministic=True)
            self._harden()
            if not self.immutable:
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

    def _harden(self) -> None:
        """Code stored in the file (triggers, views) may not call functions or virtual tables
        on its own; our own trigger is let through only inside ``transaction``, once the
        schema is known to be exactly ours. A read-only connection cannot write at all."""
        self.db.execute("PRAGMA trusted_schema = OFF")
        if self.readonly:
            self.db.execute("PRAGMA query_only = ON")

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
        # One read transaction, so one state of the file: another program may be creating it now.
        db.execute("BEGIN")
        try:
            version, app_id, tables = db.execute(
                "SELECT (SELECT user_version FROM pragma_user_version), "
                "(SELECT application_id FROM pragma_application_id), "
                "(SELECT count(*) FROM sqlite_master)").fetchone()
            schema = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        finally:
            db.execute("COMMIT")
        if tables and app_id != APPLICATION_ID:
            raise DamagedLibraryError(f"{self.path}: this SQLite file is not a paper-reader library")
        if version < 0 or (tables and version == 0):  # the header's format number is garbled
            raise DamagedLibraryError(f"{self.path}: the library file is damaged (its format "
                                      f"number {version} is not one paper-reader writes)")
        if 0 <= version <= SCHEMA_VERSION:
            self._check_schema(schema, version)
        if version > SCHEMA_VERSION:
            raise NewerLibraryError(
                f"{self.path}: this library was written by a newer paper-reader "
                f"(format {version}, this version reads up to {SCHEMA_VERSION}); "
                "update paper-reader to open it"
            )
        if self.readonly:
            if not tables:  # a WAL file copied without its -wal, or an empty file
                from ...kiosk.library import is_wal_file

                if is_wal_file(self.path):
                    raise uncheckpointed(self.path)
                raise LibraryError(f"{self.path}: this file holds no library yet (it is empty)")
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

    def _check_schema(self, schema: list[tuple[str, str, str, str | None]], version: int) -> None:
        """Refuse a file whose tables, indexes, triggers or views are not exactly the ones
        this version makes: another program's trigger would run on our writes."""
        difference = schema_difference(schema, version)
        if difference is not None:
            raise ForeignLibraryError(
                f"{self.path}: not opened: the library's structure is not the one paper-reader "
                f"made ({difference}); another program changed it, so it is left as it is")

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

    def close(self) -> None:
        if getattr(self, "_closed", False):
            return
        self._closed = True
        try:
            self.checkpoint()  # whichever program wrote, the file is whole once it is closed
        except LibraryError:
            pass  # busy or read-only: the last connection to close checkpoints anyway
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
