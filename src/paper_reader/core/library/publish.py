"""``paper-reader library publish DEST``: a whole, self-contained copy of a library, made
for copying on to kiosks.

A library in use is in WAL mode: its latest changes may sit in a ``-wal`` file beside it,
and a copy of the file alone would miss them. The copy here is taken with SQLite's backup
API (one consistent state, whatever another program is writing), in rollback-journal
mode (so a reader on read-only media needs no ``-wal`` or ``-shm``), written to a fresh
file in DEST's folder that nobody else can have opened, flushed to disk, and renamed over
DEST in one step: a kiosk syncing DEST sees the old copy or the new one, never half.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from ..safe_file import fresh_file, sync_folder
from . import Library
from .file import LibraryError, library_error


def check_destination(source: Path, dest: Path) -> None:
    """Refuse a DEST that is a link, not a regular file, the library itself, or a library
    someone writes to (a -wal or hot journal beside it would be applied to the new copy)."""
    try:
        st = os.lstat(dest)
    except FileNotFoundError:
        st = None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise LibraryError(f"{dest}: cannot be published to ({reason})") from None
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            raise LibraryError(f"{dest}: is a symbolic link; give the path of the file itself "
                               "(publish never writes through a link)")
        if not stat.S_ISREG(st.st_mode):
            raise LibraryError(f"{dest}: is not a regular file; give the path of the copy to "
                               "write (a file name, not a folder)")
        try:
            same = os.path.samefile(source, dest)
        except OSError:
            same = False
        if same:
            raise LibraryError(f"{dest}: is the library itself; publish to another file")
    for suffix in ("-wal", "-journal"):
        side = dest.with_name(dest.name + suffix)
        try:
            side_st = os.lstat(side)
        except FileNotFoundError:
            continue
        except OSError:
            side_st = None
        if side_st is None or not stat.S_ISREG(side_st.st_mode) or side_st.st_size:
            raise LibraryError(f"{dest}: a library in use is there (it has a {side.name} file); "
                               "publish to a file no paper-reader writes to")
    if not dest.parent.is_dir():
        raise LibraryError(f"{dest}: its folder {dest.parent} does not exist")


def publish(library: Library, dest: str | Path) -> Path:
    """Write a checkpointed, self-contained copy of ``library`` to ``dest``; returns it."""
    dest = Path(dest).absolute()
    check_destination(library.path, dest)
    try:
        # A fresh file of our own (O_EXCL), never one (or a link) someone put there first.
        temp = fresh_file(dest, ".publish", 0o644)
    except OSError as exc:
        raise LibraryError(f"{dest}: cannot be written ({exc.strerror or exc}); nothing was "
                           "changed") from None
    try:
        copy = sqlite3.connect(temp, isolation_level=None)
        try:
            library.db.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            copy.close()
        Library(temp, readonly=True).close()  # what was written opens as a library
        fd = os.open(temp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, dest)  # a rename replaces a link put at DEST since; never follows it
        sync_folder(dest.parent)
    except BaseException as exc:
        for leftover in (temp, temp.with_name(temp.name + "-journal")):
            try:
                leftover.unlink()
            except OSError:
                pass
        if isinstance(exc, sqlite3.DatabaseError):
            raise library_error(dest, exc) from None
        if isinstance(exc, OSError):
            raise LibraryError(f"{dest}: cannot be written ({exc.strerror or exc}); nothing "
                               "was changed") from None
        raise
    return dest
