"""Removing the open page, issue or paper from the library, after a confirmation.

Only a window that writes its library offers it (never the kiosk). The confirmation is
window-modal (``open()``, no nested event loop); once the reader confirms, the removal is
one transaction in the library, and the window moves to what is left: the same issue for
a page, the neighbouring issue of the paper for an issue, the newest issue otherwise.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication

from ...core.library import LibraryError, Removal
from ...core.model import page_label
from ...core.reading.history import Location
from ..problem_text import problem_text

if TYPE_CHECKING:  # made when asked: its type and enums are not the start-up's to make
    from PySide6.QtWidgets import QMessageBox

translate = QCoreApplication.translate  # written out in full: lupdate reads the context there


def fill(text: str, *values: object) -> str:
    """%1, %2 … in one pass: a paper's name that says %2 stays as it is."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1]), text)


class Remover(QObject):
    """The 删除此版 / 删除本期 / 删除此报 actions of a window that writes its library."""

    removed = Signal(object)  # Removal: what was taken

    def __init__(self, window: Any, reader: Any, follower: Any, importer: Any = None) -> None:
        super().__init__(window)
        self.window, self.reader, self.follower, self.importer = window, reader, follower, importer
        a = window.actions
        a.remove_page.triggered.connect(lambda: self.ask("page"))
        a.remove_issue.triggered.connect(lambda: self.ask("issue"))
        a.remove_paper.triggered.connect(lambda: self.ask("paper"))
        reader.issueChanged.connect(lambda _issue: self.sync())
        reader.locationChanged.connect(lambda _loc: self.sync())
        self.sync()

    def sync(self) -> None:
        """Offered only for what is open; a page only when it is in the library."""
        a, open_issue = self.window.actions, self.reader.issue is not None and self.reader.location
        a.remove_issue.setEnabled(bool(open_issue))
        a.remove_paper.setEnabled(bool(open_issue))
        a.remove_page.setEnabled(bool(open_issue) and self.reader.page() is not None)

    def _scope(self, what: str) -> tuple[str, str | None, int | None] | None:
        issue, loc = self.reader.issue, self.reader.location
        if issue is None or loc is None or not issue.paper:
            return None
        return (issue.paper, issue.date if what != "paper" else None,
                loc.page if what == "page" else None)

    def ask(self, what: str) -> QMessageBox | None:
        """Show the confirmation for removing the open page, issue or paper; None when
        there is nothing to remove (then the info bar says why)."""
        from PySide6.QtCore import Qt  # named only here: making its enums costs a start 10 ms
        from PySide6.QtWidgets import QMessageBox

        scope = self._scope(what)
        if scope is None:
            return None
        try:
            plan = self.reader.library.removal(*scope)
        except LibraryError as exc:
            self.window.info_bar.show_message(problem_text(exc))
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, translate("Removal", "删除"), question(plan),
                          parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # names from the page are data
        box.setInformativeText(translate("Removal", "要恢复，需重新导入它的文本。此操作不能撤销。"))
        remove = box.addButton(translate("Removal", "删除"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(translate("Removal", "取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: button is remove and self.remove(*scope))
        box.open()  # window-modal, not a nested event loop
        return box

    def remove(self, paper: str, date: str | None, page: int | None) -> Removal | None:
        """Remove now (the reader has confirmed) and show what is left."""
        if self.importer is not None and self.importer.busy():
            self.window.info_bar.show_message(translate("Removal", "正在导入；导入完成后再删除。"))
            return None
        reader, library = self.reader, self.reader.library
        loc = reader.location
        from PySide6.QtCore import Qt

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # Where to go afterwards, asked while the issue is still there.
            # (A removed page may be the issue's last; a removed paper takes its neighbours.)
            neighbour = None
            if loc is not None and date is not None:
                neighbour = library.neighbour_issue(loc.issue_id, -1) or \
                    library.neighbour_issue(loc.issue_id, 1)
            done = library.remove(paper, date, page)
        except LibraryError as exc:
            self.window.info_bar.show_message(
                translate("Removal", "未能删除，书库保持原样：") + "\n" + problem_text(exc))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        try:
            self._show_what_is_left(loc, page, neighbour)
        except LibraryError as exc:  # the library changed again meanwhile: the watch catches up
            self.window.info_bar.show_message(problem_text(exc))
        self.window.info_bar.show_message(translate("Removal", "已删除：") + done_text(done))
        self.removed.emit(done)
        return done

    def _show_what_is_left(self, loc: Location | None, page: int | None,
                           neighbour: int | None) -> None:
        reader, library = self.reader, self.reader.library
        target: Location | None = None
        if loc is not None and page is not None and library.issue_info(loc.issue_id) is not None:
            reader.issue = None  # the stored issue changed: read it again
            reader.open(Location(loc.issue_id, loc.page, None), record=False)
            if loc.page not in reader.page_numbers():
                reader.open(Location(loc.issue_id, reader.issue.pages[0].number, None), record=False)
        else:
            other = neighbour if neighbour is not None else library.latest_issue()
            target = Location(other, 1, None) if other is not None else None
            if target is None:
                reader.close_issue()
            else:
                reader.issue = None
                reader.open(target, record=False)
        self.follower.refresh()  # history, lists, archive, search results


def question(plan: Removal) -> str:
    if plan.page is not None:
        return fill(translate("Removal", "从书库中删除 %1 %2 的%3（%4 篇文章）？"),
                    plan.paper, plan.date or "", page_label(plan.page), plan.articles)
    if plan.date is not None:
        return fill(translate("Removal", "从书库中删除 %1 %2 这一期（%3 版，%4 篇文章）？"),
                    plan.paper, plan.date, plan.pages, plan.articles)
    return fill(translate("Removal", "从书库中删除 %1 的全部 %2 期（%3 版，%4 篇文章）？"),
                plan.paper, plan.issues, plan.pages, plan.articles)


def done_text(done: Removal) -> str:
    parts = [done.paper, done.date or "", page_label(done.page) if done.page else ""]
    return " ".join(p for p in parts if p)
