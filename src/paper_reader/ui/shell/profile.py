"""What a window may do. The reader's window and the reading-room kiosk are two profiles of
one window: ``app.build`` makes what the profile allows and nothing else, so a kiosk has
no menu bar, import or PDF export to take away afterwards.

    reader_profile()            the reader's own window: everything, its settings file
    kiosk.profile.kiosk_profile(config)   a kiosk's, made from its KioskConfig

(Plain classes: a dataclass compiles generated methods at every start-up.)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...core.library import Library
    from ...kiosk.config import KioskConfig
    from ..tools.search_panel import LibraryOpener

PRINT_DIALOG = "dialog"  # the system's print dialog
PRINT_PRINTER = "printer"  # straight to one printer, by name (empty: the default), no dialog
PRINT_NONE = "none"
SETTINGS_FILE = "file"  # remembered between runs (ui.shell.session)
SETTINGS_NONE = "none"  # nothing read, nothing written


class LibraryAccess:
    """How a window opens its library: read-write, the reader's own. A read-only access
    with a paper scope (the kiosk's) overrides these."""

    writes = True

    def open(self, path: Path) -> Library:
        from ...core.library import Library

        return Library(path)

    def search_opener(self) -> LibraryOpener | None:
        """How the search thread opens its own connection (None: the panel's default)."""
        return None

    def replaced(self, library: Library) -> bool:
        """Whether the file was replaced under the open ``library`` (to be opened again)."""
        return False


class Profile:
    def __init__(self, *, imports: bool, removal: bool, menus: bool, print_target: str,
                 pdf_export: bool, citations: bool, settings: str, library: LibraryAccess,
                 touch: bool = False, style_sheet: str = "", printer: str = "",
                 theme: str | None = None, kiosk: KioskConfig | None = None) -> None:
        self.imports = imports  # import files and folders, drop them, the first-run sample
        self.removal = removal  # 删除此版 / 本期 / 此报
        # The menu bar, and what only it offers: quit, about, theme, language, display
        # punctuation, the citation's script. Without it, keys for what has no button.
        self.menus = menus
        self.print_target = print_target  # PRINT_DIALOG, PRINT_PRINTER or PRINT_NONE
        self.printer = printer  # with PRINT_PRINTER
        self.pdf_export = pdf_export
        self.citations = citations  # copy a citation
        self.settings = settings  # SETTINGS_FILE or SETTINGS_NONE
        self.library = library
        self.touch = touch  # a toolbar for fingers
        # The window's own style sheet (a kiosk's fingertip sizes), set as it is built: before
        # the application's theme, which then styles the window with it from the start.
        self.style_sheet = style_sheet
        self.theme = theme  # the theme it always starts in; None: the remembered one
        # A reading room's kiosk: locked down, reset when idle, left by a PIN (kiosk.mode).
        self.kiosk = kiosk

    @property
    def remembers(self) -> bool:
        return self.settings == SETTINGS_FILE

    def reading_only(self) -> Profile:
        """This profile on a library that cannot be written (read-only media): no removal;
        import stays in the menu, off, with a note saying why (startup.readonly_note)."""
        return Profile(imports=self.imports, removal=False, menus=self.menus,
                       print_target=self.print_target, pdf_export=self.pdf_export,
                       citations=self.citations, settings=self.settings, library=self.library,
                       touch=self.touch, style_sheet=self.style_sheet, printer=self.printer,
                       theme=self.theme, kiosk=self.kiosk)


def reader_profile() -> Profile:
    return Profile(imports=True, removal=True, menus=True, print_target=PRINT_DIALOG,
                   pdf_export=True, citations=True, settings=SETTINGS_FILE, library=LibraryAccess())
