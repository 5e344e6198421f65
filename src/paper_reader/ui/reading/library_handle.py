"""The window's open library, in one place.

The reader, the archive, the search panel and the library watch all read the library
through this handle. When the file is replaced under a running window (a kiosk's library
synced by renaming a new copy over the old one), the handle takes the newly opened
library and announces ``replaced``: whoever kept something read from the old file lets
go of it there, and nobody holds the old connection.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from ...core.library import Library


class LibraryHandle(QObject):
    replaced = Signal(object)  # the new Library

    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library

    @property
    def path(self) -> Path:
        return Path(self.library.path)

    def replace(self, library: Library) -> None:
        """Read ``library`` from now on; the old one is closed once everyone heard."""
        old, self.library = self.library, library
        self.replaced.emit(library)
        if old is not library:
            old.close()

    def close(self) -> None:
        self.library.close()
