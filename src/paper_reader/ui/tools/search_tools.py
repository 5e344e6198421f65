"""Search beside the reader: the panel in its dock (made on first use), opening a result,
and the search terms marked in the open article, in either script."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QObject, Signal

from ...core.library import SearchHit
from ...core.reading.history import Location
from ..reading.reader import Reader
from ..shell.look import PUNCTUATION, SCRIPT, THEME, Look
from ..shell.main_window import MainWindow
from ..views.article_html import BREAK

if TYPE_CHECKING:  # the search panel is built on first use, and imported then
    from PySide6.QtWidgets import QDockWidget

    from .search_panel import LibraryOpener, SearchPanel


class SearchTools(QObject):
    """Emits ``made(panel)`` once, when the panel is first made (wiring connects it)."""

    made = Signal(object)  # SearchPanel

    def __init__(self, window: MainWindow, reader: Reader, look: Look,
                 opener: LibraryOpener | None = None) -> None:
        super().__init__(window)
        self.window, self.reader, self.look = window, reader, look
        self.opener = opener  # how the search thread opens the library (None: read-only)
        self.terms: list[str] = []
        self.hit_index = -1
        self.built: SearchPanel | None = None  # the panel, once it was first shown
        self.dock: QDockWidget | None = None

    def panel(self) -> SearchPanel:
        """Made on first use: nothing of search is paid for at start-up."""
        if self.built is None:
            from PySide6.QtWidgets import QDockWidget

            from .search_panel import SearchPanel

            panel = SearchPanel(self.reader.handle.path, self.window, self.opener)
            panel.model.convert = self.look.convert
            panel.delegate.mark_color = self.look.palette.highlight
            dock = QDockWidget(QCoreApplication.translate("MainWindow", "搜索"), self.window)
            dock.setObjectName("searchDock")
            dock.setWidget(panel)
            self.window.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.built, self.dock = panel, dock
            self.refresh_papers()
            self.made.emit(panel)
        return self.built

    def show(self, in_article: bool = False) -> None:
        panel = self.panel()
        assert self.dock is not None
        self.dock.show()
        self.dock.raise_()
        panel.focus_query(in_article)

    def refresh_papers(self) -> None:
        if self.built is None:
            return
        papers = self.reader.library.papers()
        first = min((p.first_date for p in papers), default=None)
        last = max((p.last_date for p in papers), default=None)
        self.built.set_papers([p.name for p in papers], first, last, self.look.convert)

    def look_changed(self, changed: frozenset[str]) -> None:
        """Results and paper names in the new script or punctuation, marks in the new colour."""
        panel = self.built
        if panel is None:
            return
        if changed & {SCRIPT, PUNCTUATION}:
            panel.model.convert = self.look.convert
            panel.model.set_hits(panel.model.hits)
            self.refresh_papers()
        if THEME in changed:
            panel.delegate.mark_color = self.look.palette.highlight

    def library_changed(self, present: Callable[[int], set[int] | None]) -> None:
        """Issues came or went: results on a page no longer there go, the papers follow."""
        panel = self.built
        if panel is None:
            return
        if panel.model.hits:
            kept = [h for h in panel.model.hits if h.page in (present(h.issue_id) or ())]
            if len(kept) != len(panel.model.hits):
                panel.model.set_hits(kept)
        self.refresh_papers()

    def open_hit(self, hit: SearchHit, terms: list[str]) -> None:
        self.reader.open(Location(hit.issue_id, hit.page, hit.position))
        self.highlight(terms)

    def find_in_article(self, text: str) -> None:
        self.highlight(text.split())

    def forget_terms(self) -> None:
        self.terms, self.hit_index = [], -1

    def highlight(self, terms: list[str] | None = None) -> int:
        """Mark every occurrence of the terms in the article view, in either script."""
        if terms is not None:
            self.terms = [t for t in terms if t]
            self.hit_index = -1
        browser = self.window.article_view.browser
        if not self.terms:  # nothing to mark: and no converter to load
            if browser.extraSelections():
                browser.setExtraSelections([])
            return 0
        from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
        from PySide6.QtWidgets import QTextEdit

        from ...core.reading.script import fold

        fmt = QTextCharFormat()
        fmt.setBackground(QColor(self.look.palette.highlight))
        selections = []
        doc = browser.document()
        folded_terms = [fold(t) for t in self.terms]
        block = doc.begin()
        while block.isValid():  # block by block: captions sit in table cells
            raw = block.text()
            spots: list[int] | None = None  # where each character is, when display breaks are in
            if BREAK in raw:  # (article_html.breakable): matched as if they were not there
                spots = [i for i, ch in enumerate(raw) if ch != BREAK]
                raw = raw.replace(BREAK, "")
            text = fold(raw)
            if len(text) != len(raw):  # a conversion that changed length: match as printed
                text = raw.lower()
            for term in folded_terms:
                start = text.find(term)
                while start >= 0:
                    cursor = QTextCursor(doc)
                    first, after = start, start + len(term)
                    if spots is not None:
                        first, after = spots[start], spots[after - 1] + 1
                    cursor.setPosition(block.position() + first)
                    cursor.setPosition(block.position() + after, QTextCursor.MoveMode.KeepAnchor)
                    sel = QTextEdit.ExtraSelection()
                    sel.cursor, sel.format = cursor, fmt
                    selections.append(sel)
                    start = text.find(term, start + len(term))
            block = block.next()
        selections.sort(key=lambda s: s.cursor.selectionStart())
        browser.setExtraSelections(selections)
        return len(selections)

    def step_hit(self, step: int) -> None:
        browser = self.window.article_view.browser
        selections = browser.extraSelections()
        if not selections:
            return
        self.hit_index = (self.hit_index + step) % len(selections)
        from PySide6.QtGui import QTextCursor

        cursor = QTextCursor(selections[self.hit_index].cursor)
        browser.setTextCursor(cursor)
        browser.ensureCursorVisible()
