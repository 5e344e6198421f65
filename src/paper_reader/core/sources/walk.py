"""From the paths given to parse or import to the page files they stand for, and their pages.

A folder is walked once (not into its subfolders): its files of the accepted kinds, in page
order, each with the source that reads it. A file named on its own is read by the source
its name or, failing that, its content says; by the default one (page text) otherwise,
whose reading then says what the file is instead.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..model import Page
from ..problems import told
from . import PageSource, default_source, kinds_text, source_by_content, source_by_name
from .decoding import PageFileError, not_there, unreadable
from .names import fill_dates_from_name, page_from_name

HEAD_BYTES = 8192  # enough for any kind to know its own


class PageFile:
    """A file to read, and the source that reads it."""

    __slots__ = ("path", "source")

    def __init__(self, path: Path, source: PageSource) -> None:
        self.path = path
        self.source = source

    def __repr__(self) -> str:
        return f"PageFile({str(self.path)!r}, {self.source!r})"


def page_files(path: str | Path) -> list[PageFile]:
    """The page files a path stands for: a folder's, in page order, or the file itself.
    Raises PageFileError (no such path, an unreadable folder, a folder without page files)."""
    try:
        path = Path(path)
        missing = not_there(path)
        if missing is not None:
            raise missing
        if not path.is_dir():
            return [PageFile(path, _source_of(path))]
        files = _folder(path)
    except PageFileError:
        raise
    except (OSError, ValueError, TypeError) as exc:  # a name too long, an unlistable folder
        known = path if isinstance(path, Path) else None
        raise PageFileError(unreadable(path, exc, known)) from None
    if not files:
        raise PageFileError(told("no_page_files", file=path, kinds=kinds_text()))
    return files


def _folder(folder: Path) -> list[PageFile]:
    """A folder's page files in page order.

    A page file that is not a file (a symbolic link that loops or leads nowhere, a pipe) is
    listed too, so that reading it says what it is instead of skipping it unsaid.
    """
    files = []
    for p in folder.iterdir():
        if p.name.startswith("."):
            continue
        source = source_by_name(p)
        if source is not None and (p.is_file() or (p.suffix != "" and not p.is_dir())):
            files.append(PageFile(p, source))

    def key(f: PageFile) -> tuple[int, str]:
        n = page_from_name(f.path.name)
        return (n if n is not None else 10_000, f.path.name)

    return sorted(files, key=key)


def _source_of(path: Path) -> PageSource:
    source = source_by_name(path)
    if source is None:
        head = _head(path)
        source = source_by_content(head) if head is not None else None
    return source or default_source()


def _head(path: Path) -> bytes | None:
    """A regular file's first bytes; None for anything else (a pipe is never waited on)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return os.read(fd, HEAD_BYTES)
    except OSError:
        return None
    finally:
        os.close(fd)


def read_file(file: PageFile) -> list[Page]:
    """The pages of one file, with their origin, dated by the name where they do not say.
    Raises PageFileError."""
    pages = file.source.read(file.path)
    fill_dates_from_name(pages, file.path)
    return pages


def read_pages(path: str | Path) -> list[Page]:
    """Every page of a file or folder. Raises PageFileError at the first file that fails."""
    return [page for f in page_files(path) for page in read_file(f)]
