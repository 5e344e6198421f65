"""Citing the open article (GB/T 7714, or a plain 出处), in the printed script unless the
reader chose the display script."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ...core.model import Article, Issue, Page
from ...core.reading.citation import gbt7714, plain_citation
from ..reading.reader import Reader
from ..shell.look import Look
from ..shell.main_window import MainWindow
from ..shell.session import Session

DISPLAY_SCRIPT = "citation/display_script"

# The open article: its issue, the first part's page and article (a continued article is
# cited by its first part), and the part that is open.
OpenArticle = tuple[Issue, Page, Article, Page, Article]


def open_article(window: MainWindow, reader: Reader) -> OpenArticle | None:
    """The open article, or None (and the reader told to open one first)."""
    page, art = reader.page(), reader.article()
    if reader.issue is None or page is None or art is None:
        window.info_bar.show_message(QCoreApplication.translate("MainWindow", "先打开一篇文章。"))
        return None
    parts = reader.parts()
    first_page, first = parts[0] if parts else (page, art)
    return reader.issue, first_page, first, page, art


class Citations:
    def __init__(self, window: MainWindow, reader: Reader, look: Look, session: Session) -> None:
        self.window, self.reader, self.look, self.session = window, reader, look, session

    def convert(self) -> Callable[[str], str]:
        """Citations keep the printed script unless the reader chose the display script."""
        from ...core.reading.citation import identity

        display = self.session.flag(DISPLAY_SCRIPT, False)
        return self.look.script_convert if display else identity

    def set_display_script(self, on: bool) -> None:
        self.session.set_value(DISPLAY_SCRIPT, on)
        self.sync_check()

    def sync_check(self) -> None:
        action = self.window.actions.cite_display_script
        if action is not None:
            action.setChecked(self.session.flag(DISPLAY_SCRIPT, False))

    def copy(self, plain: bool = False) -> str:
        found = open_article(self.window, self.reader)
        if found is None:
            return ""
        issue, page, art, _, _ = found
        text = (plain_citation if plain else gbt7714)(issue, page, art, convert=self.convert())
        QApplication.clipboard().setText(text)
        copied = QCoreApplication.translate("MainWindow", "已复制：")
        self.window.statusBar().showMessage(copied + text, 5000)
        return text
