"""The library file itself: is it one of ours, whole, and in use here; what its SQLite
errors mean to a reader; and setting a damaged one aside (renamed, never deleted)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import time

from ..problems import Explained, told

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (a search's start)
if TYPE_CHECKING:
    from pathlib import Path

    # Paths are read with os functions: pathlib, with urllib and fnmatch behind it, cost a
    # search from the command line 4 ms.
    PathName = str | os.PathLike[str]


class LibraryError(Explained, Exception):
    """The library cannot be used; the message says why, plainly (its ``problem`` by kind,
    for a message in another language)."""


class DamagedLibraryError(LibraryError):
    pass


class NewerLibraryError(LibraryError):
    pass


class ForeignLibraryError(LibraryError):
    """A library whose schema is not the one paper-reader made (a trigger, view or index
    another program added, a table it changed): its code would run on our writes."""


def uncheckpointed(path: PathName) -> LibraryError:
    """What a read-only open says of a copy whose contents are still in a ``-wal`` file."""
    return LibraryError(told("uncheckpointed", file=path))


SQLITE_MAGIC = b"SQLite format 3\x00"


def wal_holds_data(path: PathName) -> bool:
    """Whether the ``-wal`` beside the library file holds anything (its latest contents)."""
    try:
        return os.stat(os.fspath(path) + "-wal").st_size > 0
    except (OSError, ValueError):
        return False


_KINDS = ((stat.S_ISDIR, "folder", "a folder"), (stat.S_ISFIFO, "pipe", "a named pipe"),
          (stat.S_ISSOCK, "socket", "a socket"), (stat.S_ISCHR, "device", "a device"),
          (stat.S_ISBLK, "device", "a device"))


def check_kind(path: PathName) -> None:
    """Refuse a library path (or a -wal, -shm or -journal beside it) that names anything but
    a regular file: opening a named pipe waits for a writer for ever, a device never ends.
    ``os.stat`` opens nothing, so this is safe on a file this process has open."""
    name = os.fspath(path)
    for side in (name, *(name + s for s in ("-wal", "-shm", "-journal"))):
        try:
            mode = os.stat(side).st_mode
        except FileNotFoundError:
            continue
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise LibraryError(told("open_failed", file=path, reason=reason)) from None
        if not stat.S_ISREG(mode):
            thing, what = next(((thing, what) for test, thing, what in _KINDS if test(mode)),
                               ("other", "not a regular file"))
            raise LibraryError(told("not_a_library_file", file=side, thing=thing, what=what))


def library_writable(path: PathName) -> bool:
    """Whether an existing library file and its folder (for SQLite's -wal and -shm) may be
    written: on a CD, a read-only mount or a folder of someone else's, it can only be read.
    A library not made yet counts as writable (making it says plainly if it cannot be)."""
    try:
        if not os.path.exists(path):
            return True
        folder = os.path.dirname(os.fspath(path)) or "."
        return os.access(path, os.W_OK) and os.access(folder, os.W_OK)
    except (OSError, ValueError):
        return True  # the open itself says what is wrong with the name


def check_file(path: PathName) -> None:
    """Refuse a file that is not an SQLite database, or is cut short, before SQLite opens it.

    A full integrity check reads the whole file, far too slow for every start of a large
    archive; the header says how long the file must be, which catches truncation cheaply.
    Damage inside the file surfaces as DamagedLibraryError when it is read.

    Never call it on a file this process already has a connection to: closing any
    descriptor of a file drops all of the process's POSIX locks on it, SQLite's included,
    and another program could then take the library for unused and reset its WAL under
    the open connection. ``Connection`` skips the check for a file it already has open.
    """
    if not os.path.exists(path):
        return
    size = os.stat(path).st_size
    if size == 0:
        return
    try:
        # O_NONBLOCK: had a named pipe taken the file's place since check_kind, this open
        # would otherwise wait for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise LibraryError(told("not_regular_library", file=path))
            head = os.read(fd, 100)
        finally:
            os.close(fd)
    except OSError as exc:
        raise LibraryError(told("unreadable", file=path, reason=exc.strerror)) from None
    if not head.startswith(SQLITE_MAGIC) or len(head) < 100:
        raise DamagedLibraryError(told("not_ours", file=path))
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    valid_for, change = head[92:96], head[24:28]
    if valid_for == change and pages and size < pages * page_size and not wal_holds_data(path):
        raise DamagedLibraryError(told("cut_short", file=path, size=size, total=pages * page_size))


# SQLite's primary result codes (the low byte of an extended code).
_BUSY, _LOCKED, _NOMEM, _READONLY, _IOERR, _FULL, _CANTOPEN, _PERM = 5, 6, 7, 8, 10, 13, 14, 3


def library_error(path: PathName, exc: BaseException) -> LibraryError:
    """The plain message for an SQLite error on the library file at ``path``.

    Only damage to the file itself becomes DamagedLibraryError (which offers to set the file
    aside): a full disk, a read-only file or folder, a busy library or an I/O error say so
    instead, so that a whole library is never mistaken for a damaged one.
    """
    text = _plain(str(exc))
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    base = code & 0xFF if isinstance(code, int) else None

    def is_(number: int, *words: str) -> bool:
        return base == number if base is not None else any(w in text for w in words)

    if is_(_BUSY, "locked", "busy") or is_(_LOCKED, "locked"):
        return LibraryError(told("busy", file=path))
    if is_(_FULL, "disk is full"):
        return LibraryError(told("disk_full", file=path))
    if is_(_READONLY, "readonly", "read-only"):
        return LibraryError(told("readonly", file=path))
    if is_(_CANTOPEN, "unable to open") or is_(_PERM, "permission"):
        return LibraryError(told("cannot_open", file=path, reason=text))
    if is_(_IOERR, "disk I/O error"):
        return LibraryError(told("io_error", file=path, reason=text))
    if is_(_NOMEM, "out of memory"):
        return LibraryError(told("no_memory", file=path))
    return DamagedLibraryError(told("damaged", file=path, reason=text))


def _plain(text: str, limit: int = 120) -> str:
    """SQLite's message on one short line: a garbled record must not end up in it."""
    if text.startswith("Could not decode to UTF-8"):
        return "a stored text is not valid UTF-8"
    text = "".join(ch if ch.isprintable() else " " for ch in text.split("\n", 1)[0]).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _valid(value: object) -> object:
    """A string SQLite and OpenCC can take: lone surrogates (from a command-line argument in
    another encoding, decoded with surrogateescape) become U+FFFD; they match nothing stored."""
    if isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return value


def _guarded(method):  # type: ignore[no-untyped-def]
    """SQLite errors while reading or writing become a plain LibraryError naming the file."""
    import functools

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        args = tuple(_valid(a) for a in args)
        kwargs = {k: _valid(v) for k, v in kwargs.items()}
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise library_error(self.path, exc) from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:  # a stored record is garbled
            raise DamagedLibraryError(told(
                "damaged", file=self.path,
                reason=f"a stored record cannot be read: {_plain(str(exc))}")) from None

    return wrapper


def set_aside(path: PathName) -> Path:
    """Rename a damaged library out of the way (never delete it); return the new name."""
    from pathlib import Path

    path = Path(path)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
        n += 1
    try:
        path.rename(target)
        for suffix in ("-wal", "-shm"):  # they belong to the file; a new library must not get them
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(target.with_name(target.name + suffix))
    except OSError as exc:
        raise LibraryError(told("rename_failed", file=path, reason=exc.strerror or exc)) from None
    return target
