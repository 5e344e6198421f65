"""The archive: a calendar of each paper's issues, dates with an issue marked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QComboBox, QDialog, QLabel, QVBoxLayout

from ...core.library import Library
from ..reading.library_handle import LibraryHandle


class ArchiveDialog(QDialog):
    """Emits ``issueChosen(issue_id)``; stays open beside the reader until closed."""

    issueChosen = Signal(int)

    def __init__(self, handle: LibraryHandle, parent: Any = None) -> None:
        super().__init__(parent)
        self.handle = handle  # the window's library, whichever file is open now
        self.setWindowTitle(self.tr("往期"))
        self.paper = QComboBox(self)
        self.paper.setAccessibleName(self.tr("报纸"))
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setAccessibleName(self.tr("出版日历"))
        self.hint = QLabel(self.tr("加粗的日期有报纸；双击或按回车打开。"), self)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.paper)
        layout.addWidget(self.calendar)
        layout.addWidget(self.hint)
        self.dates: set[str] = set()
        self.convert: Callable[[str], str] = lambda s: s  # paper names as shown (display script)
        self.paper.currentIndexChanged.connect(lambda _i: self._mark())
        self.calendar.activated.connect(self._open)
        self.reload()

    @property
    def library(self) -> Library:
        return self.handle.library

    def reload(self, paper: str | None = None, date: str | None = None) -> None:
        names = [p.name for p in self.library.papers()]
        self.paper.blockSignals(True)
        self.paper.clear()
        for name in names:
            self.paper.addItem(self.convert(name), name)  # shown converted, looked up as stored
        if paper in names:
            self.paper.setCurrentIndex(names.index(paper))
        self.paper.blockSignals(False)
        self._mark()
        if date:
            self.calendar.setSelectedDate(QDate.fromString(date, "yyyy-MM-dd"))

    def _mark(self) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear earlier marks
        name = self.paper.currentData()
        self.dates = set(self.library.issue_dates(name)) if name else set()
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        bold.setForeground(self.palette().link())
        for iso in self.dates:
            self.calendar.setDateTextFormat(QDate.fromString(iso, "yyyy-MM-dd"), bold)
        if self.dates:
            first, last = min(self.dates), max(self.dates)
            self.calendar.setDateRange(QDate.fromString(first, "yyyy-MM-dd"),
                                       QDate.fromString(last, "yyyy-MM-dd"))

    def has_issue(self, date: QDate) -> bool:
        return date.toString("yyyy-MM-dd") in self.dates

    def _open(self, date: QDate) -> None:
        iso = date.toString("yyyy-MM-dd")
        issue_id = self.library.find_issue(self.paper.currentData(), iso) if iso in self.dates else None
        if issue_id is not None:
            self.issueChosen.emit(issue_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open(self.calendar.selectedDate())
            return
        super().keyPressEvent(event)
