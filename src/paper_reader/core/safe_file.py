"""Writing a small file whole and safely: never through a symbolic link, never half. No Qt here.

A fixed temporary name beside the target (``.kiosk.ini.tmp``) opened with O_CREAT|O_TRUNC
follows a link planted there: whoever may write the folder could make us overwrite, and
change the mode of, any file we may write. Here the temporary file is new (O_EXCL, so a
link or file in its place is an error), created with the final mode, never a link
(O_NOFOLLOW), flushed to disk, then renamed over the target (a rename replaces a link
itself, it does not follow it) and the folder flushed, so that after a crash the old file
or the new one is there, never neither and never a part.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # not on Windows, where links need privileges
CLOEXEC = getattr(os, "O_CLOEXEC", 0)
BINARY = getattr(os, "O_BINARY", 0)


def refuse_link(path: Path) -> os.stat_result | None:
    """The target's lstat (None when there is none yet); OSError when it is a symbolic link
    or not a regular file, which this never writes through or over."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(st.st_mode):
        raise OSError(errno.ELOOP, "is a symbolic link; give the real file, a link is never written "
                                   "through", str(path))
    if not stat.S_ISREG(st.st_mode):
        raise OSError(errno.EINVAL, "is not a regular file", str(path))
    return st


def read_text(path: Path, encoding: str = "utf-8-sig") -> str | None:
    """The text of a regular file, not followed through a link; None when it does not exist."""
    try:
        fd = os.open(path, os.O_RDONLY | NOFOLLOW | CLOEXEC | BINARY)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OSError(errno.ELOOP, "is a symbolic link; give the real file", str(path)) from None
        raise
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise OSError(errno.EINVAL, "is not a regular file", str(path))
        return fh.read().decode(encoding)


def write_atomic(path: Path, data: bytes, mode: int = 0o600, group: int | None = None) -> None:
    """Put ``data`` at ``path`` in one rename, with permission bits ``mode`` (and the group
    ``group``, when given) from the moment the file exists. OSError when the target is a
    link or not a regular file, or the folder cannot be written; the target is then as it was."""
    path = Path(path)
    refuse_link(path)
    folder = path.parent
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | CLOEXEC | BINARY
    for _ in range(100):
        tmp = folder / f".{path.name}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, flags, mode & 0o600)  # nobody else can read it while it is written
            break
        except FileExistsError:
            continue
    else:
        raise OSError(errno.EEXIST, "no free temporary name", str(folder))
    try:
        try:
            if group is not None and hasattr(os, "fchown"):
                os.fchown(fd, -1, group)
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)  # on the open file, never on a name someone could swap
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    sync_folder(folder)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (the rename) to disk; a no-op where folders cannot be opened."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fresh_file(beside: Path, suffix: str = ".tmp", mode: int = 0o666) -> Path:
    """A new, empty file with an unguessable name beside ``beside``, made exclusively (a link
    or file in its place is an error), for a writer that opens files by name itself (QPrinter).
    ``mode`` as a program's new files get it (the umask applies), unlike mkstemp's 0600."""
    beside = Path(beside)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | CLOEXEC | BINARY
    for _ in range(100):
        tmp = beside.with_name(f".{beside.name}.{secrets.token_hex(6)}{suffix}")
        try:
            os.close(os.open(tmp, flags, mode))
            return tmp
        except FileExistsError:
            continue
    raise OSError(errno.EEXIST, "no free temporary name", str(beside.parent))
