"""The kiosk's profile of the window, made from its KioskConfig: no menus, import, removal,
PDF or citations; printing straight to the configured printer when allowed; no settings
file; the library read-only and scoped to the configured papers; sizes for fingers."""

from __future__ import annotations

from pathlib import Path

from ..core.library import Library
from ..ui.shell.profile import (
    PRINT_NONE,
    PRINT_PRINTER,
    SETTINGS_NONE,
    LibraryAccess,
    Profile,
)
from ..ui.tools.search_panel import LibraryOpener
from .config import KioskConfig
from .library import KioskLibrary
from .touch import KIOSK_QSS


class ScopedReadOnly(LibraryAccess):
    """The library as a kiosk opens it (kiosk.library): read-only, even where the folder
    is, showing only ``papers`` (all when empty); opened again when a sync replaced it."""

    writes = False

    def __init__(self, papers: tuple[str, ...] = ()) -> None:
        self.papers = tuple(papers)

    def open(self, path: Path) -> KioskLibrary:
        return KioskLibrary(path, self.papers)

    def search_opener(self) -> LibraryOpener:
        # The search thread's own connection, scoped alike, opened again after a sync.
        return LibraryOpener(self.papers, reopen_replaced=True)

    def replaced(self, library: Library) -> bool:
        return isinstance(library, KioskLibrary) and library.replaced()


def kiosk_profile(config: KioskConfig) -> Profile:
    return Profile(imports=False, removal=False, menus=False,
                   print_target=PRINT_PRINTER if config.printing else PRINT_NONE, printer=config.printer,
                   pdf_export=False, citations=False, settings=SETTINGS_NONE,
                   library=ScopedReadOnly(config.papers), touch=True, style_sheet=KIOSK_QSS,
                   theme=config.theme, kiosk=config)
