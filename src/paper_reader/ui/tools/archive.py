"""The archive (往期): a calendar of each paper's issues, made on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..reading.library_handle import LibraryHandle
from ..reading.reader import Reader
from ..shell.look import Look
from ..shell.main_window import MainWindow

if TYPE_CHECKING:  # made on first use, and imported then (it names the Qt namespace)
    from .archive_dialog import ArchiveDialog


class Archive(QObject):
    """Emits ``made(dialog)`` once, when the dialog is first made (wiring connects it)."""

    made = Signal(object)  # ArchiveDialog

    def __init__(self, window: MainWindow, reader: Reader, handle: LibraryHandle, look: Look) -> None:
        super().__init__(window)
        self.window, self.reader, self.handle, self.look = window, reader, handle, look
        self.dialog: ArchiveDialog | None = None  # once it was first opened

    def show(self) -> ArchiveDialog:
        if self.dialog is None:
            from .archive_dialog import ArchiveDialog

            self.dialog = ArchiveDialog(self.handle, self.window)
            self.made.emit(self.dialog)
        dialog = self.dialog
        dialog.convert = self.look.convert  # the look of now: it may have changed
        issue = self.reader.issue
        dialog.reload(issue.paper if issue else None, issue.date if issue else None)
        dialog.show()
        dialog.raise_()
        return dialog

    def library_changed(self) -> None:
        """Issues came or went: an open calendar marks the dates anew."""
        dialog = self.dialog
        if dialog is not None and dialog.isVisible():
            issue = self.reader.issue
            dialog.reload(dialog.paper.currentText() or (issue.paper if issue else None))
