"""Read a page file's bytes into text: detect the encoding and refuse what is not a page."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

from ..problems import Explained, Problem, told

MAX_PAGE_BYTES = 5 * 1024 * 1024  # no real page of text comes near this


class PageFileError(Explained, ValueError):
    """A file that cannot be read as a newspaper page; the message names the file (its
    ``problem`` says why by kind, for a message in another language)."""


_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    return controls > max(8, len(sample) // 50)


def decode_bytes(data: bytes, name: str = "<input>") -> str:
    """Return the text of a page file, with line ends normalised to LF.

    Accepts UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK. Form feeds are
    kept: they separate pages in a multi-page file.
    """
    if len(data) > MAX_PAGE_BYTES:
        raise PageFileError(told("too_large", file=name, size=f"{len(data) / 1048576:.1f}",
                                 limit=MAX_PAGE_BYTES // 1048576))
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", name)
    else:
        if looks_binary(data):
            raise PageFileError(told("binary", file=name))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError as exc:
                raise PageFileError(told("undecodable", file=name, offset=exc.start)) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise PageFileError(told("empty", file=name))
    return text


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise PageFileError(told("bad_declared", file=name, encoding=encoding.upper(),
                                 offset=exc.start)) from None


def why_unreadable(exc: BaseException, path: Path | None = None) -> str:
    """Why a path could not be read, in words; a symbolic link that loops or leads nowhere
    is named as such (not "no such file")."""
    if isinstance(exc, OSError):
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        if exc.errno == errno.ENOENT and path is not None and path.is_symlink():
            try:
                return f"a symbolic link to {os.readlink(path)}, which does not exist"
            except OSError:
                return "a symbolic link to a file that does not exist"
        return exc.strerror or str(exc)
    return str(exc)


def unreadable(name: object, exc: BaseException, path: Path | None = None) -> Problem:
    """The problem of a path that cannot be read, by why (see why_unreadable)."""
    if isinstance(exc, OSError):
        if exc.errno == errno.ELOOP:
            return told("link_loop", file=name)
        if exc.errno == errno.ENOENT and path is not None and path.is_symlink():
            try:
                return told("dangling_link", file=name, target=os.readlink(path))
            except OSError:
                return told("dangling", file=name)
        if exc.errno in (errno.EACCES, errno.EPERM):
            return told("denied", file=name, reason=exc.strerror or str(exc))
    return told("unreadable", file=name, reason=why_unreadable(exc, path))


def not_there(path: Path) -> PageFileError | None:
    """The error for a path that cannot be found or looked at; None when it is there."""
    try:
        path.stat()
        return None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        if isinstance(exc, OSError) and exc.errno in (errno.ENOENT, errno.ENOTDIR) \
                and not path.is_symlink():
            return PageFileError(told("missing", file=path))
        return PageFileError(unreadable(path, exc, path))


def read_page_file(path: str | Path) -> str:
    path = Path(path)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a pipe or a device would be read for ever
            raise PageFileError(told("not_regular", file=path))
        size = st.st_size
        if size > MAX_PAGE_BYTES:
            raise PageFileError(told("too_large", file=path, size=f"{size / 1048576:.1f}",
                                     limit=MAX_PAGE_BYTES // 1048576))
        data = path.read_bytes()
    except PageFileError:  # already says which file and why (it is a ValueError too)
        raise
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise PageFileError(unreadable(path, exc, path)) from None
    return decode_bytes(data, str(path))
