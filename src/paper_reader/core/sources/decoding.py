"""Read a page file's bytes into text: detect the encoding and refuse what is not a page."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

MAX_PAGE_BYTES = 5 * 1024 * 1024  # no real page of text comes near this


class PageFileError(ValueError):
    """A file that cannot be read as a newspaper page; the message names the file."""


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
        raise PageFileError(
            f"{name}: {len(data) / 1048576:.1f} MB is too large for a newspaper page "
            f"(limit {MAX_PAGE_BYTES // 1048576} MB)"
        )
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", name)
    else:
        if looks_binary(data):
            raise PageFileError(f"{name}: this is a binary file, not the text of a page")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError as exc:
                raise PageFileError(
                    f"{name}: the text is neither UTF-8 nor GB18030/GBK "
                    f"(undecodable byte at offset {exc.start})"
                ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise PageFileError(f"{name}: the file is empty")
    return text


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise PageFileError(
            f"{name}: the file declares {encoding.upper()} but byte {exc.start} is not valid"
        ) from None


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


def not_there(path: Path) -> PageFileError | None:
    """The error for a path that cannot be found or looked at; None when it is there."""
    try:
        path.stat()
        return None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        if isinstance(exc, OSError) and exc.errno in (errno.ENOENT, errno.ENOTDIR) \
                and not path.is_symlink():
            return PageFileError(f"{path}: no such file or folder")
        return PageFileError(f"{path}: cannot be read ({why_unreadable(exc, path)})")


def read_page_file(path: str | Path) -> str:
    path = Path(path)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a pipe or a device would be read for ever
            raise PageFileError(f"{path}: cannot be read (not a regular file)")
        size = st.st_size
        if size > MAX_PAGE_BYTES:
            raise PageFileError(
                f"{path}: {size / 1048576:.1f} MB is too large for a newspaper page "
                f"(limit {MAX_PAGE_BYTES // 1048576} MB)"
            )
        data = path.read_bytes()
    except PageFileError:  # already says which file and why (it is a ValueError too)
        raise
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise PageFileError(f"{path}: cannot be read ({why_unreadable(exc, path)})") from None
    return decode_bytes(data, str(path))
