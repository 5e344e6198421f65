"""The import's worker thread, in a module of its own: loaded with the first import, so that
the window's start-up does not make QThread's type (and its enums) for it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QThread, Signal

from ...core.library import ImportCancelled, Library, LibraryError


def _log_unexpected() -> None:
    """An import that failed for a reason nobody foresaw: into the crash log, for a report."""
    import sys

    try:
        from ..system.crash import describe, write_log

        write_log(describe(*sys.exc_info()))  # type: ignore[arg-type]
    except Exception:
        pass


class ImportThread(QThread):
    progress = Signal(int, int)
    pages = Signal(str, int, int)  # a PDF's pages read: file, pages read, pages
    done = Signal(object, bool)  # ImportReport, cancelled

    def __init__(self, library_path: Path, paths: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.library_path = library_path
        self.paths = paths
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def _progress(self, done: int, total: int) -> None:
        if self._cancel:
            raise ImportCancelled()
        self.progress.emit(done, total)

    def _pages(self, path: Path, done: int, total: int) -> None:
        """Between a PDF's pages: a cancel is taken here, not only after the whole file."""
        if self._cancel:
            raise ImportCancelled()
        self.pages.emit(str(path), done, total)

    def run(self) -> None:
        from ...core.importer import ImportReport, import_paths  # the parser loads on first use
        from ...core.sources.pdf import reading_progress

        report = ImportReport()
        cancelled = False
        try:
            with Library(self.library_path) as lib, reading_progress(self._pages):
                report = import_paths(lib, self.paths, progress=self._progress,
                                      cancelled=lambda: self._cancel)
        except ImportCancelled:
            cancelled = True
        except LibraryError as exc:
            report.refuse_all(exc)
        except Exception as exc:  # the reader gets a message, never a dead window
            report.refuse(f"{type(exc).__name__}: {exc}")
            _log_unexpected()
        self.done.emit(report, cancelled)
