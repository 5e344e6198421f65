"""What the reader does beyond turning pages: script, size and theme; search and its
highlights; citations; printing; the archive. Menus reach these through ``wiring``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ...core.library import SearchHit
from ...core.reading.citation import gbt7714, plain_citation
from ...core.reading.history import Location
from ..reading.presenter import Presenter
from ..reading.reader import Reader
from ..shell.main_window import MainWindow
from ..shell.session import Session
from ..shell.startup import apply_theme
from ..views.article_html import BREAK

if TYPE_CHECKING:  # the search panel is built on first use, and imported then
    from .search_panel import LibraryOpener, SearchPanel


class ReadingTools:
    def __init__(self, window: MainWindow, reader: Reader, presenter: Presenter, session: Session) -> None:
        self.window, self.reader, self.presenter, self.session = window, reader, presenter, session
        self.theme_mode = session.theme_mode()
        self.terms: list[str] = []
        self.hit_index = -1
        self._search: SearchPanel | None = None
        # How the search thread opens the library; a kiosk sets its own before first use.
        self.search_opener: LibraryOpener | None = None
        self._dock = None
        self._archive = None

    # -- look --------------------------------------------------------------------------
    def set_script(self, script: str) -> None:
        self.presenter.look.set_script(script)
        self.session.save_look(self.presenter.look)
        self.presenter.refresh()
        if self._search is not None:
            self._search.model.convert = self.presenter.look.convert
            self._search.model.set_hits(self._search.model.hits)
        self.refresh_papers()
        self.highlight()
        self.sync_checks()

    def set_full_width(self, on: bool) -> None:
        """Display punctuation (see core.typography); stored text and search are untouched."""
        self.presenter.look.set_full_width(on)
        self.session.save_look(self.presenter.look)
        self.presenter.refresh()
        if self._search is not None:
            self._search.model.convert = self.presenter.look.convert
            self._search.model.set_hits(self._search.model.hits)
        self.refresh_papers()
        self.highlight()
        self.sync_checks()

    def cite_convert(self) -> Callable[[str], str]:
        """Citations keep the printed script unless the reader chose the display script."""
        from ...core.reading.citation import identity

        display = self.session.flag("citation/display_script", False)
        return self.presenter.look.script_convert if display else identity

    def set_cite_display_script(self, on: bool) -> None:
        self.session.set_value("citation/display_script", on)
        self.sync_checks()

    def step_size(self, step: int) -> None:
        self.presenter.look.step_size(step)
        self.session.save_look(self.presenter.look)
        self.presenter.refresh()
        self.highlight()

    def set_theme_mode(self, mode: str) -> None:
        """light, dark, or system (follows the desktop's colour scheme as it changes)."""
        self.theme_mode = mode
        self.session.set_value("view/theme", mode)
        apply_theme(self.window, self.presenter, self.session, self.effective_theme(), remember=False)
        if self._search is not None:
            self._search.delegate.mark_color = self.presenter.look.palette.highlight
        self.highlight()
        self.sync_checks()

    def effective_theme(self) -> str:
        if self.theme_mode != "system":
            return self.theme_mode
        scheme = QGuiApplication.styleHints().colorScheme()
        return "dark" if scheme == QtCore.Qt.ColorScheme.Dark else "light"

    def system_scheme_changed(self, _scheme: object) -> None:
        if self.theme_mode == "system":
            self.set_theme_mode("system")

    def sync_checks(self) -> None:
        a = self.window.actions
        for name, action in a.scripts.items():
            action.setChecked(name == self.presenter.look.script)
        a.full_width.setChecked(self.presenter.look.full_width)
        a.cite_display_script.setChecked(self.session.flag("citation/display_script", False))
        a.theme_light.setChecked(self.theme_mode == "light")
        a.theme_dark.setChecked(self.theme_mode == "dark")
        a.theme_system.setChecked(self.theme_mode == "system")
        language = self.session.language()
        for name, action in a.languages.items():
            action.setChecked(name == language)

    def set_language(self, language: str) -> None:
        """Remembered for the next start: the window's texts are made once, when it is built."""
        if language != self.session.language():
            self.session.set_language(language)
            self.window.info_bar.show_message(QCoreApplication.translate(
                "MainWindow", "界面语言已更改，重新启动 paper-reader 后生效。"))
        self.sync_checks()

    # -- search ------------------------------------------------------------------------
    def search_panel(self) -> SearchPanel:
        """Made on first use: nothing of search is paid for at start-up."""
        if self._search is None:
            from PySide6.QtWidgets import QDockWidget

            from .search_panel import SearchPanel

            panel = SearchPanel(self.reader.library.path, self.window, self.search_opener)
            panel.model.convert = self.presenter.look.convert
            panel.delegate.mark_color = self.presenter.look.palette.highlight
            panel.hitActivated.connect(self.open_hit)
            panel.findInArticle.connect(self.find_in_article)
            # A new search's terms replace the old ones in the open article, marks and all.
            panel.resultsShown.connect(lambda _count: self.highlight(panel.terms()))
            dock = QDockWidget(QCoreApplication.translate("MainWindow", "搜索"), self.window)
            dock.setObjectName("searchDock")
            dock.setWidget(panel)
            self.window.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self._search, self._dock = panel, dock
            self.refresh_papers()
        return self._search

    def refresh_papers(self) -> None:
        if self._search is None:
            return
        papers = self.reader.library.papers()
        first = min((p.first_date for p in papers), default=None)
        last = max((p.last_date for p in papers), default=None)
        self._search.set_papers([p.name for p in papers], first, last, self.presenter.look.convert)

    def show_search(self, in_article: bool = False) -> None:
        panel = self.search_panel()
        assert self._dock is not None
        self._dock.show()
        self._dock.raise_()
        panel.focus_query(in_article)

    def open_hit(self, hit: SearchHit, terms: list[str]) -> None:
        self.reader.open(Location(hit.issue_id, hit.page, hit.position))
        self.highlight(terms)

    def find_in_article(self, text: str) -> None:
        self.highlight(text.split())

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
        fmt.setBackground(QColor(self.presenter.look.palette.highlight))
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

    # -- citations, print ------------------------------------------------------------------
    def _open_article(self):  # type: ignore[no-untyped-def]
        r = self.reader
        page, art = r.page(), r.article()
        if r.issue is None or page is None or art is None:
            self.window.info_bar.show_message(QCoreApplication.translate("MainWindow", "先打开一篇文章。"))
            return None
        parts = r.parts()  # a continued article is cited by its first part
        first_page, first = parts[0] if parts else (page, art)
        return r.issue, first_page, first, page, art

    def copy_citation(self, plain: bool = False) -> str:
        found = self._open_article()
        if found is None:
            return ""
        issue, page, art, _, _ = found
        text = (plain_citation if plain else gbt7714)(issue, page, art, convert=self.cite_convert())
        QApplication.clipboard().setText(text)
        copied = QCoreApplication.translate("MainWindow", "已复制：")
        self.window.statusBar().showMessage(copied + text, 5000)
        return text

    def print_parts(self):  # type: ignore[no-untyped-def]
        from ..views.article_html import LIGHT, article_html
        from .printing import PRINT_EM_PX

        found = self._open_article()
        if found is None:
            return None
        issue, first_page, first, page, art = found
        look = self.presenter.look
        # 连续阅读全文 prints what it shows: all parts, headed (and footed) by the first.
        joined = self.reader.parts() if self.reader.whole_article else []
        if len(joined) > 1:
            page, art = first_page, first
        html = article_html(issue, page, art, LIGHT, look.face, joined=joined if len(joined) > 1 else None,
                            convert=look.convert, em_px=PRINT_EM_PX)
        citation = gbt7714(issue, first_page, first, convert=self.cite_convert())
        return issue, page, art, html, citation

    def print_article(self) -> None:
        from .printing import print_dialog

        parts = self.print_parts()
        if parts is not None:
            print_dialog(self.window, *parts, convert=self.presenter.look.convert)

    def export_pdf(self, path: str | None = None) -> Path | None:
        from .printing import export_pdf

        parts = self.print_parts()
        if parts is None:
            return None
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            issue, _page, art = parts[0], parts[1], parts[2]
            # A name, not a path: a slash in a stored title must not point into another folder.
            name = self.presenter.look.script_convert(f"{issue.paper}-{issue.date}-{art.title[:20]}")
            name = name.replace("/", "-").replace("\0", "")
            suggested = str(Path.home() / f"{name}.pdf")
            path, _ = QFileDialog.getSaveFileName(
                self.window, QCoreApplication.translate("MainWindow", "导出为 PDF"), suggested,
                QCoreApplication.translate("MainWindow", "PDF 文件 (*.pdf)"))
            if not path:
                return None
        try:
            out = export_pdf(path, *parts, convert=self.presenter.look.convert)
        except OSError as exc:
            self.window.info_bar.show_message(str(exc))
            return None
        exported = QCoreApplication.translate("MainWindow", "已导出：")
        self.window.statusBar().showMessage(exported + str(out), 5000)
        return out

    # -- archive -----------------------------------------------------------------------
    @property
    def archive(self):  # type: ignore[no-untyped-def]
        """The archive dialog, once it was first opened (else None)."""
        return self._archive

    def show_archive(self):  # type: ignore[no-untyped-def]
        from .archive_dialog import ArchiveDialog

        if self._archive is None:
            self._archive = ArchiveDialog(self.reader.library, self.window)
            self._archive.issueChosen.connect(lambda issue_id: self.reader.open(Location(issue_id, 1, None)))
        self._archive.convert = self.presenter.look.convert  # the look of now: it may have changed
        issue = self.reader.issue
        self._archive.reload(issue.paper if issue else None, issue.date if issue else None)
        self._archive.show()
        self._archive.raise_()
        return self._archive
