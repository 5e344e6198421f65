"""Imports from the window: in a worker thread, with progress and cancel.

The worker opens its own connection to the library file; a cancelled or failed import is
rolled back as a whole, so the library stays as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

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

    def run(self) -> None:
        from ...core.importer import ImportReport, import_paths  # the parser loads on first use

        report = ImportReport()
        cancelled = False
        try:
            with Library(self.library_path) as lib:
                report = import_paths(lib, self.paths, progress=self._progress,
                                      cancelled=lambda: self._cancel)
        except ImportCancelled:
            cancelled = True
        except LibraryError as exc:
            report.errors.append(str(exc))
            report.library_error = str(exc)
        except Exception as exc:  # the reader gets a message, never a dead window
            report.errors.append(f"{type(exc).__name__}: {exc}")
            _log_unexpected()
        self.done.emit(report, cancelled)


class Importer(QObject):
    """Starts imports and reports back; one at a time."""

    finished = Signal(object, bool)  # ImportReport, cancelled

    def __init__(self, library_path: Path, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self.library_path = library_path
        self.parent_widget = parent_widget
        self.thread: ImportThread | None = None
        self.dialog: QProgressDialog | None = None

    def busy(self) -> bool:
        return self.thread is not None

    def start(self, paths: list[str]) -> bool:
        if self.thread is not None or not paths:
            return False
        self.thread = ImportThread(self.library_path, list(paths), self)
        dialog = QProgressDialog(self.tr("正在导入…"), self.tr("取消"), 0, 0, self.parent_widget)
        dialog.setWindowTitle(self.tr("导入"))
        dialog.setMinimumDuration(600)  # quick imports finish before it would flash up
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.thread.cancel)
        self.dialog = dialog
        self.thread.progress.connect(self._progress)
        self.thread.done.connect(self._done)
        self.thread.start()
        return True

    def cancel(self) -> None:
        if self.thread is not None:
            self.thread.cancel()

    def _progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            self.dialog.setLabelText(self.tr("正在读取第 %1 / %2 个文件…").replace("%1", str(done))
                                     .replace("%2", str(total)))

    def _done(self, report, cancelled: bool) -> None:  # type: ignore[no-untyped-def]
        if self.thread is not None:
            self.thread.wait()
            self.thread.deleteLater()
        self.thread = None
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None
        self.finished.emit(report, cancelled)

    def summary(self, report, cancelled: bool) -> str:  # type: ignore[no-untyped-def]
        if cancelled:
            return self.tr("导入已取消，书库保持原样。")
        if getattr(report, "library_error", None):
            return self.tr("导入失败，书库保持原样：") + "\n" + report.library_error
        parts = [self.tr("导入完成：新增 %1 版，更新 %2 版，未变 %3 版。")
                 .replace("%1", str(report.count("imported")))
                 .replace("%2", str(report.count("replaced")))
                 .replace("%3", str(report.count("unchanged")))]
        if getattr(report, "warnings", None):  # imported, but the reader should look
            parts.append(self.tr("以下各版已导入，但日期有出入，请核对：") + "\n"
                         + "\n".join(report.warnings[:8]))
            if len(report.warnings) > 8:
                parts.append(self.tr("……另有 %1 个").replace("%1", str(len(report.warnings) - 8)))
        if report.errors:  # the command line's messages, as many, and the rest counted
            shown, more = report.first_errors()
            parts.append(self.tr("以下文件未能导入：") + "\n" + "\n".join(shown))
            if more:
                parts.append(self.tr("……另有 %1 个").replace("%1", f"{more:,}"))
        return "\n".join(parts)
