"""The reading state: which issue, page and article is open, and the way back.

Views never change it directly; they ask the Reader, and it tells them what to show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ...core.library import Library
from ...core.model import Article, Issue, Page, page_label
from ...core.reading import continuation, links
from ...core.reading.history import History, Location, View
from .library_handle import LibraryHandle


class Reader(QObject):
    issueChanged = Signal(object)  # Issue | None
    locationChanged = Signal(object)  # Location
    # The open page's number, announced once whenever the page or the issue changes (the
    # issue read again too): whatever marks the current page listens to this one signal.
    pageChanged = Signal(int)
    historyChanged = Signal()
    linkMissing = Signal(int)  # a page number that is not in the library

    def __init__(self, handle: LibraryHandle, parent: Any = None) -> None:
        super().__init__(parent)
        self.handle = handle
        self.history = History()
        self.issue: Issue | None = None
        self.whole_article = False
        self._announced: tuple[int, int] | None = None  # (issue, page) last told by pageChanged
        # How the open place is being read (scroll positions), asked as the reader leaves
        # it; the window's presenter answers. ``returning_to`` is how the place now being
        # opened was left, while back or forward opens it (else None).
        self.view_now: Callable[[], View] = View
        self.returning_to: View | None = None

    @property
    def library(self) -> Library:
        return self.handle.library

    # -- what is open ----------------------------------------------------------------
    @property
    def location(self) -> Location | None:
        return self.history.current

    def page(self) -> Page | None:
        loc = self.location
        return self.issue.page(loc.page) if self.issue and loc else None

    def article(self) -> Article | None:
        page, loc = self.page(), self.location
        if page is None or loc is None or loc.article is None:
            return None
        return page.articles[loc.article] if 0 <= loc.article < len(page.articles) else None

    def page_numbers(self) -> list[int]:
        if self.issue is None:
            return []
        return self.issue.page_numbers()

    def parts(self) -> list[tuple[Page, Article]]:
        """All parts of the open article in reading order, following 上接 and 下转."""
        page, loc = self.page(), self.location
        if page is None or loc is None or loc.article is None:
            return []
        return self.parts_of(page, loc.article)

    def parts_of(self, page: Page, row: int) -> list[tuple[Page, Article]]:
        """The parts of article ``row`` of ``page``, as far as this issue holds them."""
        return [] if self.issue is None else continuation.parts_of(self.issue, page, row)

    # -- going places ----------------------------------------------------------------
    def open(self, location: Location, record: bool = True) -> None:
        loaded = self.issue is None or self.issue.id != location.issue_id
        if loaded:
            self.issue = self.library.load_issue(location.issue_id)
            self.issueChanged.emit(self.issue)
        if record:
            self.history.visit(location, self.view_now())
        else:
            self.history.replace(location)
        self._announce_page(loaded)
        self.locationChanged.emit(location)
        self.historyChanged.emit()

    def _announce_page(self, always: bool) -> None:
        loc = self.location
        if loc is not None and (always or self._announced != (loc.issue_id, loc.page)):
            self._announced = (loc.issue_id, loc.page)
            self.pageChanged.emit(loc.page)

    def open_issue(self, issue_id: int, page: int = 1, article: int | None = None) -> None:
        self.open(Location(issue_id, page, article))

    def reload(self) -> None:
        """Read the open issue again (after an import), staying where the reader is."""
        loc = self.location
        if loc is None:
            return
        self.issue = self.library.load_issue(loc.issue_id)
        self.issueChanged.emit(self.issue)
        self._announce_page(True)
        self.locationChanged.emit(loc)

    def forget_issue(self, _library: object = None) -> None:
        """The open issue was read from a file that changed (replaced, or the issue removed
        and its id perhaps given again): the next open reads it anew, the place kept."""
        self.issue = None

    def close_issue(self) -> None:
        """Nothing open: the library has no issue left (everything in it was removed)."""
        self.issue = None
        self.history = History()
        self.issueChanged.emit(None)
        self.historyChanged.emit()

    def select_article(self, row: int | None) -> None:
        loc = self.location
        if loc is None or loc.article == row:
            if loc is not None:
                self.locationChanged.emit(loc)
            return
        self.open(Location(loc.issue_id, loc.page, row), record=False)

    def go_page(self, number: int) -> None:
        loc = self.location
        if loc is None or loc.page == number:
            return
        # A page turn shows the whole page; the reader then picks an article from it.
        self.open(Location(loc.issue_id, number, None))

    def _has_articles(self, number: int) -> bool:
        page = self.issue.page(number) if self.issue else None
        return bool(page and page.articles)

    def turn(self, step: int) -> None:
        numbers = self.page_numbers()
        loc = self.location
        if loc is None or not numbers:
            return
        target = loc.page + step
        if target in numbers:
            self.go_page(target)

    def turn_issue(self, step: int) -> None:
        loc = self.location
        if loc is None:
            return
        other = self.library.neighbour_issue(loc.issue_id, step)
        if other is not None:
            self.open(Location(other, 1, 0))

    def back(self) -> None:
        self._return(self.history.back(self.view_now()))

    def forward(self) -> None:
        self._return(self.history.forward(self.view_now()))

    def _return(self, loc: Location | None) -> None:
        if loc is None:
            return
        self.returning_to = self.history.view
        try:
            self.open(loc, record=False)
        finally:
            self.returning_to = None

    def follow(self, href: str) -> bool:
        """Follow a continuation link; False (and linkMissing) when its page is not here."""
        link = links.parse(href)
        loc = self.location
        if link is None or loc is None or self.issue is None:
            return False
        if self.issue.page(link.page) is None:
            self.linkMissing.emit(link.page)
            return False
        article = link.article
        if article is None:  # the page is here but the matching article was not found
            article = 0 if self._has_articles(link.page) else None
        self.open(Location(loc.issue_id, link.page, article))
        return True

    def missing_text(self, number: int) -> str:
        return self.tr("%1未收录：这一版不在书库中。导入%1的文本后，这个链接会自动接上。").replace(
            "%1", page_label(number))
