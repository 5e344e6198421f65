"""Puts the Reader's state on screen. Views get data from here; they never fetch it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QSignalBlocker

from ..core.history import Location
from ..core.model import Issue
from .article_html import DARK, LIGHT, Palette, article_html
from .main_window import MainWindow
from .reader import Reader


@dataclass
class Look:
    """How text is shown: theme palette, article face, script conversion."""

    palette: Palette = field(default_factory=lambda: LIGHT)
    text_font: str | None = None
    convert: Callable[[str], str] = lambda s: s

    def set_dark(self, dark: bool) -> None:
        self.palette = DARK if dark else LIGHT


class Presenter:
    def __init__(self, window: MainWindow, reader: Reader, look: Look) -> None:
        self.window = window
        self.reader = reader
        self.look = look
        self._overview_of: tuple[int | None, int] | None = None
        self._list_of: tuple[int | None, int] | None = None

    def show_issue(self, issue: Issue | None) -> None:
        w = self.window
        w.page_model.convert = self.look.convert
        w.article_model.convert = self.look.convert
        w.page_model.set_issue(issue)
        self._overview_of = self._list_of = None
        if issue is None:
            w.issue_label.setText("")
            w.setWindowTitle(w.tr("报纸阅读器"))
            return
        y, m, d = (int(x) for x in (issue.date or "0-0-0").split("-"))
        label = self.look.convert(f"{issue.paper}  {y}年{m}月{d}日")
        if issue.serial:
            label += f"  {w.tr('总第%1期').replace('%1', str(issue.serial))}"
        w.issue_label.setText(label)
        w.setWindowTitle(f"{self.look.convert(issue.paper or '')} {issue.date} — {w.tr('报纸阅读器')}")

    def show_location(self, loc: Location) -> None:
        w, r = self.window, self.reader
        issue, page = r.issue, r.page()
        key = (issue.id if issue else None, loc.page)
        with QSignalBlocker(w.page_strip.selectionModel()):
            row = w.page_model.row_of(loc.page)
            if row >= 0:
                w.page_strip.setCurrentIndex(w.page_model.index(row, 0))
        if self._list_of != key:
            w.article_model.set_page(page)
            self._list_of = key
        w.article_list.select_row(loc.article)
        if self._overview_of != key:
            w.overview.palette_colors = self.look.palette
            w.overview.show_page(issue, loc.page, page, self.look.convert)
            self._overview_of = key
        article = r.article()
        if article is not None and issue is not None and page is not None:
            joined = r.parts() if r.whole_article else None
            w.article_view.show_html(article_html(
                issue, page, article, self.look.palette, self.look.text_font,
                joined=joined if joined and len(joined) > 1 else None, convert=self.look.convert,
                em_px=w.article_view.em_px()))
            w.show_article_tab()
        else:
            w.show_overview_tab()
        self.update_actions()

    def refresh(self) -> None:
        """Show everything again, e.g. after the theme, font or script changed."""
        self.show_issue(self.reader.issue)
        if self.reader.location is not None:
            self.show_location(self.reader.location)

    def update_actions(self) -> None:
        a, r = self.window.actions, self.reader
        a.back.setEnabled(r.history.can_go_back())
        a.forward.setEnabled(r.history.can_go_forward())
        numbers = r.page_numbers()
        loc = r.location
        a.prev_page.setEnabled(bool(loc and numbers and loc.page > numbers[0]))
        a.next_page.setEnabled(bool(loc and numbers and loc.page < numbers[-1]))
        has_issue = loc is not None
        a.prev_issue.setEnabled(has_issue and r.library.neighbour_issue(loc.issue_id, -1) is not None)
        a.next_issue.setEnabled(has_issue and r.library.neighbour_issue(loc.issue_id, 1) is not None)
        a.show_article.setEnabled(r.article() is not None)
        current = self.window.tabs.currentWidget()
        a.show_article.setChecked(current is self.window.article_view)
        a.show_overview.setChecked(current is self.window.overview)

    def link_missing(self, number: int) -> None:
        self.window.article_view.show_notice(self.reader.missing_text(number))
