"""Where pages come from: the kinds of page file the reader takes, in one registry.

A page source is one kind of file (page text today; page PDFs and scans to come). It says
which files it takes, by name and by content, and reads a file into the pages it holds,
each page carrying its origin (the file, and the page's place in it). Everything that names
the accepted kinds asks here: folder walking, the command line's help and messages, the
window's file dialog and its drag and drop. Adding a kind of file is one module with its
source class, and one ``register`` line below.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..model import Page


class PageSource(Protocol):
    """One kind of page file. A file may hold one page or many (a whole issue as text split
    by form feeds, a PDF of several pages); what a source knows beyond the text (a PDF page's
    size, its characters' boxes) goes on the Page it gives, beside the origin."""

    # What the kind is called in messages ("page text").
    kind: str
    # The file names it takes, lower case with the dot (".txt"); "" for a name without a
    # suffix. The first one names the kind in messages: "the folder holds no page files (.txt)".
    suffixes: tuple[str, ...]

    def recognises(self, head: bytes) -> bool:
        """Whether a file whose name says nothing is of this kind, from its first bytes."""
        ...

    def read(self, path: Path) -> list[Page]:
        """The pages of one file, each with its ``origin`` set. Raises PageFileError (a
        ValueError whose message names the file) for a file it cannot read as pages."""
        ...


_SOURCES: list[PageSource] = []


def register(source: PageSource) -> PageSource:
    """Accept one more kind of page file (the first registered is the default, see source_for)."""
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def unregister(source: PageSource) -> None:
    if source in _SOURCES:
        _SOURCES.remove(source)


def registered() -> tuple[PageSource, ...]:
    return tuple(_SOURCES)


def _takes_suffix(name: str, suffix: str) -> bool:
    if suffix == "":
        return Path(name).suffix == ""
    return name.lower().endswith(suffix) and len(name) > len(suffix)


def source_by_name(path: str | Path) -> PageSource | None:
    """The source a file's name says it belongs to (the longest suffix wins: ``.page.json``
    over ``.json``), or None."""
    name = Path(path).name
    best: tuple[int, PageSource] | None = None
    for source in _SOURCES:
        for suffix in source.suffixes:
            if _takes_suffix(name, suffix) and (best is None or len(suffix) > best[0]):
                best = (len(suffix), source)
    return best[1] if best else None


def source_by_content(head: bytes) -> PageSource | None:
    """The source that knows a file by its first bytes. The default is asked last: page text
    takes anything that is not binary, the others look for a signature of their own."""
    return next((s for s in (*_SOURCES[1:], *_SOURCES[:1]) if s.recognises(head)), None)


def default_source() -> PageSource:
    """The source that reads a named file no source recognises: it says what is wrong with
    it ("this is a binary file, not the text of a page")."""
    return _SOURCES[0]


def accepts(path: str | Path) -> bool:
    """Whether a path is worth offering to the importer: a folder, or a file whose name is
    of an accepted kind (drag and drop asks this; nothing is read)."""
    try:
        return os.path.isdir(path) or source_by_name(path) is not None
    except (OSError, ValueError):
        return False


def patterns() -> list[str]:
    """The accepted file names as glob patterns, for a file dialog: ["*.txt", "*.text"]."""
    return list(dict.fromkeys(f"*{s}" for source in _SOURCES for s in source.suffixes if s))


def kinds_text() -> str:
    """The accepted kinds as messages name them: ".txt" or ".txt, .pdf"."""
    return ", ".join(dict.fromkeys(s.suffixes[0] or s.kind for s in _SOURCES))


def _register_builtins() -> None:
    from .pdf import PdfSource
    from .text import TextSource

    register(TextSource())
    register(PdfSource())


_register_builtins()
