"""Imports from the window: in a worker thread, with progress and cancel.

The worker opens its own connection to the library file; a cancelled or failed import is
rolled back as a whole, so the library stays as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ..problem_text import problem_text

if TYPE_CHECKING:  # the thread and the dialog are made with the first import
    from PySide6.QtWidgets import QProgressDialog

    from .import_thread import ImportThread

SHOWN = 8  # lines of one kind in the summary; the rest are counted


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
        # Their types (QThread's, QDialog's) and enums are made with the first import.
        from PySide6.QtWidgets import QProgressDialog

        from .import_thread import ImportThread

        self.thread = ImportThread(self.library_path, list(paths), self)
        dialog = QProgressDialog(self.tr("正在导入…"), self.tr("取消"), 0, 0, self.parent_widget)
        dialog.setWindowTitle(self.tr("导入"))
        dialog.setMinimumDuration(600)  # quick imports finish before it would flash up
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.thread.cancel)
        self.dialog = dialog
        self.thread.progress.connect(self._progress)
        self.thread.pages.connect(self._pages)
        self._files = (0, 0)
        self.thread.done.connect(self._done)
        self.thread.start()
        return True

    def cancel(self) -> None:
        if self.thread is not None:
            self.thread.cancel()

    def _progress(self, done: int, total: int) -> None:
        self._files = (done, total)
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            self.dialog.setLabelText(self.tr("正在读取第 %1 / %2 个文件…").replace("%1", str(done))
                                     .replace("%2", str(total)))

    def _pages(self, path: str, done: int, total: int) -> None:
        """A PDF of many pages: the bar counts its pages while it is read."""
        if self.dialog is None or total < 2:
            return
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(self.tr("正在读取 %1：第 %2 / %3 页…").replace("%1", Path(path).name)
                                 .replace("%2", str(done)).replace("%3", str(total)))

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
        problems, more = report.first_problems()
        if getattr(report, "library_error", None):
            return self.tr("导入失败，书库保持原样：") + "\n" + problem_text(problems[-1])
        parts = [self.tr("导入完成：新增 %1 版，更新 %2 版，未变 %3 版。")
                 .replace("%1", str(report.count("imported")))
                 .replace("%2", str(report.count("replaced")))
                 .replace("%3", str(report.count("unchanged")))]
        parts += self._page_notes(report.results)
        notes = getattr(report, "notes", [])
        parts += self._cleaning(notes)
        said = {n.line for n in notes}  # the rest are doubts about dates
        doubts = [f"{file} {label}：{problem_text(doubt)}"
                  for file, label, doubt in getattr(report, "doubts", [])
                  if f"{file} {label}: {doubt.line}" not in said]
        if doubts:  # imported, but the reader should look
            parts.append(self.tr("以下各版已导入，但日期有出入，请核对：") + "\n" + "\n".join(doubts[:SHOWN]))
            if len(doubts) > SHOWN:
                parts.append(self.tr("……另有 %1 个").replace("%1", str(len(doubts) - SHOWN)))
        if problems:  # the command line's messages, as many, and the rest counted
            parts.append(self.tr("以下文件未能导入：") + "\n" + "\n".join(map(problem_text, problems)))
            if more:
                parts.append(self.tr("……另有 %1 个").replace("%1", f"{more:,}"))
        return "\n".join(parts)

    def _page_notes(self, results: list[Any]) -> list[str]:
        """What the store said of pages whose PDF and text met (records.PageResult.kind), one
        line an issue: 松河日报 2024-03-15 第1、2版：…"""
        from ...core.library.records import GAINED_IMAGE_KIND, KEPT_PDF_KIND

        said = {GAINED_IMAGE_KIND: self.tr("%1：换成了从 PDF 导入的版面，现在有版面图。"),
                KEPT_PDF_KIND: self.tr("%1：保留从 PDF 导入的版面，这次导入的文字没有新内容。")}
        pages: dict[tuple[str, str, str], list[int]] = {}
        for r in results:
            if getattr(r, "kind", "") in said:
                pages.setdefault((r.kind, r.paper, r.date), []).append(r.number)
        lines = []
        for (kind, paper, date), numbers in pages.items():
            where = self.tr("%1 %2 第%3版").replace("%1", paper).replace("%2", date).replace(
                "%3", "、".join(str(n) for n in sorted(numbers)))
            lines.append(said[kind].replace("%1", where))
        return lines[:SHOWN] + ([self.tr("……另有 %1 个").replace("%1", str(len(lines) - SHOWN))]
                                if len(lines) > SHOWN else [])

    def _cleaning(self, notes: list[Any]) -> list[str]:
        """The PDFs' text cleaning (core.importer.PageNote), one line a kind, with the pages a
        reader should look at named."""
        from ...core.importer import TEXT_NOT_NEEDED
        from ...core.sources.pdf import PRIVATE_USE, RADICALS, UNMAPPED

        taken = [n for n in notes if n.kind == TEXT_NOT_NEEDED]
        lines = [self.tr("%1 %2：这份文字不必导入，这一版取自它的 PDF（%3）。")
                 .replace("%1", n.file).replace("%2", n.label).replace("%3", n.other) for n in taken[:SHOWN]]
        if len(taken) > SHOWN:
            lines.append(self.tr("……另有 %1 个").replace("%1", str(len(taken) - SHOWN)))
        said = {RADICALS: self.tr("%1 个部首码位已读作它们所代表的汉字（%2 版）。"),
                PRIVATE_USE: self.tr("%1 个私用区字符按原样保留，可能显示不出，见：%2"),
                UNMAPPED: self.tr("%1 个字符在 PDF 的字体里没有 Unicode 值，可能读错，请核对：%2")}
        for kind, text in said.items():
            mine = [n for n in notes if n.kind == kind]
            if not mine:
                continue
            count = f"{sum(n.count for n in mine):,}"
            if kind == RADICALS:  # nothing to look at: the text reads right, only counted
                lines.append(text.replace("%1", count).replace("%2", str(len(mine))))
                continue
            where = "、".join(f"{Path(n.file).name} {n.label}" for n in mine[:SHOWN])
            if len(mine) > SHOWN:
                where += self.tr("……另有 %1 个").replace("%1", str(len(mine) - SHOWN))
            lines.append(text.replace("%1", count).replace("%2", where))
        return lines
