"""A library as a kiosk opens it: read-only, showing only the papers its configuration
names. No Qt here, and no logic: the core opens read-only files, also where the kiosk may
not write the folder (``core.library.readonly``), and limits every read to the papers."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from ..core.library import Library


class KioskLibrary(Library):
    """``Library(path, readonly=True, papers=papers)``: all papers when ``papers`` is empty."""

    def __init__(self, path: str | Path, papers: Iterable[str] = (),
                 connect: Callable[..., sqlite3.Connection] | None = None) -> None:
        super().__init__(path, readonly=True, papers=papers, connect=connect)
